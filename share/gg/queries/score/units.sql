-- SPDX-License-Identifier: Apache-2.0
-- score/units.sql: the units gg-score's unit_scope holds the metrics of, in code order.
SELECT u.code, u.name FROM main.unit u WHERE u.code IN (SELECT scope FROM temp.unit_scope WHERE unit = scope)
ORDER BY u.code;
