-- SPDX-License-Identifier: Apache-2.0
-- link/rm.sql: removes a leader link.
DELETE FROM link WHERE leader = :leader AND unit = :unit;
