-- SPDX-License-Identifier: Apache-2.0
-- link/get.sql: one leader link: a leader and the community they link.
SELECT leader, unit FROM link WHERE leader = :leader AND unit = :unit;
