-- SPDX-License-Identifier: Apache-2.0
-- score/units.pg.sql: score/units.sql on PostgreSQL, which has no schemas main and temp:
-- gg-score's unit_path is pg_temp's.
SELECT u.code, u.name FROM unit u WHERE u.code IN (SELECT ancestor FROM pg_temp.unit_path WHERE depth = 0)
ORDER BY u.code;
