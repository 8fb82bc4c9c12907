-- SPDX-License-Identifier: Apache-2.0
-- ticket/district.sql: the district the unit :unit stands in, up its parents (none for a unit
-- above the districts or outside them).
WITH RECURSIVE up (code, parent, level) AS (
	SELECT code, parent, level FROM unit WHERE code = :unit
	UNION ALL
	SELECT u.code, u.parent, u.level FROM unit u JOIN up ON u.code = up.parent
)
SELECT code FROM up WHERE level = 'district';
