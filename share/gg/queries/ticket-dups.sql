-- ticket-dups.sql: likely duplicates. A later ticket (id) and an earlier one (duplicate_of)
-- of the same category, reported within ?1 seconds of each other, on the same building or at
-- the same address in normal form; neither already a duplicate or rejected; the later one
-- reported at or after ?2.
SELECT b.id, a.id AS duplicate_of, b.category, b.unit, b.address, b.title, a.title AS original_title,
       b.reported_at, a.reported_at AS original_reported_at
FROM ticket b
JOIN ticket a ON a.category = b.category AND a.id <> b.id
     AND a.reported_at BETWEEN b.reported_at - ?1 AND b.reported_at
     AND (a.reported_at < b.reported_at OR a.id < b.id)
WHERE b.reported_at >= ?2
  AND b.status NOT IN ('duplicate', 'rejected') AND a.status NOT IN ('duplicate', 'rejected')
  AND ((a.unit = b.unit AND (SELECT level FROM unit WHERE code = b.unit) = 'building')
       OR (a.address IS NOT NULL AND gg_norm_address(a.address) = gg_norm_address(b.address)))
ORDER BY b.id, a.id;
