-- SPDX-License-Identifier: Apache-2.0
-- resolve.sql: the building, grid, community and street of an address. Rows matching the
-- address as written come first (exact = 1); the rest match its normal form (gg_norm_address).
SELECT a.address, CASE WHEN a.address = :address THEN 1 ELSE 0 END AS exact,
       b.code AS building, b.name AS building_name,
       g.code AS grid, g.name AS grid_name,
       c.code AS community, c.name AS community_name,
       s.code AS street, s.name AS street_name
FROM address a
JOIN unit b ON b.code = a.unit
LEFT JOIN unit g ON g.code = b.parent
LEFT JOIN unit c ON c.code = g.parent
LEFT JOIN unit s ON s.code = c.parent
WHERE a.address = :address OR a.norm = gg_norm_address(:address)
ORDER BY exact DESC, b.code;
