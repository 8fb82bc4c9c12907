-- SPDX-License-Identifier: Apache-2.0
-- metrics/staffing_shortfall.sql: community workers missing for 18 per 10,000 residents, summed over the
-- unit's communities (community_staffing.shortfall, as gg-org check's staffing_ratio gives it).
-- unit: workers
-- better: lower
-- empty: 0
SELECT s.ancestor AS unit,
       sum(w.shortfall) AS value
FROM community_staffing w JOIN unit_path s ON s.code = w.community AND s.ancestor_level = :level
WHERE w.population > 0
GROUP BY s.ancestor;
