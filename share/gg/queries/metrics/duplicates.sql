-- SPDX-License-Identifier: Apache-2.0
-- metrics/duplicates.sql: tickets reported in the period that were merged into another as its
-- duplicate (gg-ticket merge): counted apart, never as received.
-- unit: tickets
-- better: none
-- empty: 0
SELECT s.ancestor AS unit,
       count(*) FILTER (WHERE t.status = 'duplicate') AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
