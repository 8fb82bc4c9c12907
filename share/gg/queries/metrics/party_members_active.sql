-- SPDX-License-Identifier: Apache-2.0
-- metrics/party_members_active.sql: Party members among the volunteers with verified service in the
-- unit in the period (双报到: in-service members serving where they live).
-- unit: people
-- better: higher
-- empty: 0
SELECT s.ancestor AS unit,
       count(DISTINCT CASE WHEN v.entry = 'verify' AND v.volunteer IN (SELECT code FROM person WHERE party_member) THEN v.volunteer END) AS value
FROM service v JOIN unit_path s ON s.code = v.community AND s.ancestor_level = :level
WHERE v.counted AND v.date >= :from_day AND v.date < :to_day
GROUP BY s.ancestor;
