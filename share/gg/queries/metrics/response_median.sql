-- SPDX-License-Identifier: Apache-2.0
-- metrics/response_median.sql: the median time from a ticket's report to its first acceptance, over
-- the period's tickets received that were accepted. median() is the one function gg adds to
-- SQLite: the middle value, or the mean of the two middle ones (gg(7) gives its plain-SQL form).
-- unit: minutes
-- better: lower
SELECT s.ancestor AS unit,
       round(median(CASE WHEN t.status <> 'duplicate' AND t.status <> 'rejected' THEN (t.first_accepted_at - t.reported_at) / 60.0 END), 1) AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
