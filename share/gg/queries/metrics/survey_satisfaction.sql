-- SPDX-License-Identifier: Apache-2.0
-- metrics/survey_satisfaction.sql: 群众满意度: of the survey responses that count (a household once for
-- each Party organisation, its later answer), the share satisfied or basically satisfied, over
-- the unit's communities in the period. gg-score satisfaction gives it per community Party
-- organisation, with its interval.
-- unit: %
-- better: higher
SELECT s.ancestor AS unit,
       round(100.0 * sum(CASE WHEN v.answer = 'satisfied' OR v.answer = 'basic' THEN 1 ELSE 0 END) / count(*), 1) AS value
FROM (SELECT r.*, row_number() OVER (PARTITION BY r.party_org, r.household, CASE WHEN r.household IS NULL THEN r.id END ORDER BY r.date DESC, r.id DESC) AS nth
      FROM survey_response r WHERE r.date >= :from_day AND r.date < :to_day) v
JOIN unit_path s ON s.code = v.community AND s.ancestor_level = :level
WHERE v.nth = 1
GROUP BY s.ancestor;
