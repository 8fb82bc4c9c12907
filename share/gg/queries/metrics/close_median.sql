-- SPDX-License-Identifier: Apache-2.0
-- metrics/close_median.sql: the median time from a ticket's report to its closing, over the
-- period's tickets closed. median() is gg's (see response_median).
-- unit: hours
-- better: lower
SELECT s.ancestor AS unit,
       round(median(CASE WHEN t.status = 'closed' THEN (t.closed_at - t.reported_at) / 3600.0 END), 1) AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
