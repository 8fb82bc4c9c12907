-- SPDX-License-Identifier: Apache-2.0
-- ticket/dups.sql: likely duplicates. A later ticket (id) and an earlier one (duplicate_of)
-- of the same category, reported within :window seconds of each other, on the same building
-- or at the same address in normal form; neither already a duplicate or rejected; the later
-- one reported at or after :since. Two equality joins (building; address) over the tickets of
-- the period, so that each finds its pairs through an index rather than by comparing all pairs.
WITH recent AS MATERIALIZED (
	SELECT t.id, t.category, t.unit, t.address, t.title, t.reported_at,
	       CASE WHEN u.level = 'building' THEN t.unit END AS building,
	       CASE WHEN t.address IS NOT NULL THEN gg_norm_address(t.address) END AS norm
	FROM ticket t JOIN unit u ON u.code = t.unit
	WHERE t.reported_at >= CAST(:since AS BIGINT) - CAST(:window AS BIGINT) AND t.status NOT IN ('duplicate', 'rejected')
),
pair (id, duplicate_of) AS (
	SELECT b.id, a.id FROM recent b JOIN recent a ON a.category = b.category AND a.building = b.building
	UNION
	SELECT b.id, a.id FROM recent b JOIN recent a ON a.category = b.category AND a.norm = b.norm
)
SELECT b.id, a.id AS duplicate_of, b.category, b.unit, b.address, b.title, a.title AS original_title,
       b.reported_at, a.reported_at AS original_reported_at
FROM pair p
JOIN recent b ON b.id = p.id
JOIN recent a ON a.id = p.duplicate_of
WHERE b.reported_at >= :since
  AND a.reported_at BETWEEN b.reported_at - :window AND b.reported_at
  AND (a.reported_at < b.reported_at OR a.id < b.id)
ORDER BY b.id, a.id;
