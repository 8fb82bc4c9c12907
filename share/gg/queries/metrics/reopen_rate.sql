-- SPDX-License-Identifier: Apache-2.0
-- metrics/reopen_rate.sql: of the period's tickets resolved at least once, the share reopened or
-- sent back to work by an unsatisfied return visit (退回重办): a ticket with a reopened or
-- returned event. One resolved now, or reopened since (its resolved_at cleared), was resolved.
-- unit: %
-- better: lower
SELECT s.ancestor AS unit,
       round(100.0 * avg(CASE WHEN t.resolved_at IS NOT NULL OR t.id IN (SELECT ticket FROM ticket_event WHERE kind = 'reopened' OR kind = 'returned')
                               THEN CASE WHEN t.id IN (SELECT ticket FROM ticket_event WHERE kind = 'reopened' OR kind = 'returned') THEN 1 ELSE 0 END END), 1) AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
