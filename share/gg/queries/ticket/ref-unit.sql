-- SPDX-License-Identifier: Apache-2.0
-- ticket/ref-unit.sql: tickets standing on the grid or building :key.
SELECT count(*) FROM ticket WHERE unit = :key;
