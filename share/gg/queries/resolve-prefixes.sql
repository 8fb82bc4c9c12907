-- SPDX-License-Identifier: Apache-2.0
-- resolve-prefixes.sql: the units whose names an address may start with, city first: what
-- gg-org resolve strips before the road when the whole address matches no building.
SELECT u.level, u.code, coalesce(u.parent, '') AS parent, u.name
FROM unit u JOIN level l ON l.ladder = 'unit' AND l.name = u.level
WHERE u.level IN ('city', 'district', 'street')
ORDER BY l.rank, u.code;
