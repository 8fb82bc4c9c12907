-- SPDX-License-Identifier: Apache-2.0
-- metrics/duplicates.sql: tickets reported in the period that were merged into another as its
-- duplicate (gg-ticket merge): counted apart, never as received.
-- unit: tickets
-- better: none
-- empty: 0
SELECT s.scope AS unit,
       count(*) FILTER (WHERE t.status = 'duplicate') AS value
FROM ticket t JOIN unit_scope s ON s.unit = t.unit AND s.level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.scope;
