-- SPDX-License-Identifier: Apache-2.0
-- metrics/responded_on_time.sql: 快速响应: of the period's tickets received with a response deadline, the
-- share first accepted no later than it (first_accepted_at <= respond_by); one not accepted
-- yet counts as not on time.
-- unit: %
-- better: higher
SELECT s.scope AS unit,
       round(100.0 * avg(CASE WHEN t.status <> 'duplicate' AND t.status <> 'rejected' AND t.respond_by IS NOT NULL
                               THEN coalesce(t.first_accepted_at <= t.respond_by, 0) END), 1) AS value
FROM ticket t JOIN unit_scope s ON s.unit = t.unit AND s.level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.scope;
