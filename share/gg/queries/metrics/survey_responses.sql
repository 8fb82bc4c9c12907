-- SPDX-License-Identifier: Apache-2.0
-- metrics/survey_responses.sql: survey responses of the unit's communities in the period that count: a
-- household answering twice about one Party organisation counts once, with its later answer
-- (as gg-score satisfaction counts them, so these are the sums of its responses).
-- unit: responses
-- better: none
-- empty: 0
SELECT s.ancestor AS unit,
       count(*) AS value
FROM (SELECT r.*, row_number() OVER (PARTITION BY r.party_org, r.household, CASE WHEN r.household IS NULL THEN r.id END ORDER BY r.date DESC, r.id DESC) AS nth
      FROM survey_response r WHERE r.date >= :from_day AND r.date < :to_day) v
JOIN unit_path s ON s.code = v.community AND s.ancestor_level = :level
WHERE v.nth = 1
GROUP BY s.ancestor;
