-- SPDX-License-Identifier: Apache-2.0
-- metrics/staffing_shortfall.sql: community workers missing for 18 per 10,000 residents, summed over the
-- unit's communities (community_staffing.shortfall, as gg-org check's staffing_ratio gives it).
-- unit: workers
-- better: lower
-- empty: 0
SELECT s.scope AS unit,
       sum(w.shortfall) AS value
FROM community_staffing w JOIN unit_scope s ON s.unit = w.community AND s.level = :level
WHERE w.population > 0
GROUP BY s.scope;
