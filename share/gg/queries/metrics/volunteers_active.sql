-- SPDX-License-Identifier: Apache-2.0
-- metrics/volunteers_active.sql: volunteers with verified service in the unit in the period (a
-- verify row of the hours ledger: gg-volunteer verify).
-- unit: volunteers
-- better: higher
-- empty: 0
SELECT s.ancestor AS unit,
       count(DISTINCT CASE WHEN v.entry = 'verify' THEN v.volunteer END) AS value
FROM service v JOIN unit_path s ON s.code = v.community AND s.ancestor_level = :level
WHERE v.counted AND v.date >= :from_day AND v.date < :to_day
GROUP BY s.ancestor;
