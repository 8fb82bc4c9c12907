-- SPDX-License-Identifier: Apache-2.0
-- report/street-of.sql: the street a community lies in, its code and name.
SELECT s.code, s.name FROM main.unit c JOIN main.unit s ON s.code = c.parent
WHERE c.code = ?1 AND s.level = 'street';
