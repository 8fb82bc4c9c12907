-- SPDX-License-Identifier: Apache-2.0
-- score/units.sql: the units gg-score's unit_path holds the metrics of, in code order.
SELECT u.code, u.name FROM main.unit u WHERE u.code IN (SELECT ancestor FROM temp.unit_path WHERE depth = 0)
ORDER BY u.code;
