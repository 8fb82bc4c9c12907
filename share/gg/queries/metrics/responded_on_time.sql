-- SPDX-License-Identifier: Apache-2.0
-- metrics/responded_on_time.sql: 快速响应: of the period's tickets received, the share first accepted
-- no later than the response deadline they were taken in with (first_accepted_at <=
-- first_respond_by: an escalation sets a new respond_by for the next level); one not accepted
-- yet counts as not on time.
-- unit: %
-- better: higher
SELECT s.ancestor AS unit,
       round(100.0 * avg(CASE WHEN t.status <> 'duplicate' AND t.status <> 'rejected' AND t.first_respond_by IS NOT NULL
                               THEN CASE WHEN t.first_accepted_at <= t.first_respond_by THEN 1 ELSE 0 END END), 1) AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
