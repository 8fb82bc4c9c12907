-- SPDX-License-Identifier: Apache-2.0
-- check.sql: the rules gg-org check applies, one SELECT per rule. Each finding names its
-- rule, the unit or person, and, for staffing, the figures behind it. :under limits the check
-- to a subtree (NULL: the whole net). Findings are ordered by rule, unit and problem.
WITH RECURSIVE scope (code) AS (
	SELECT code FROM unit WHERE (CAST(:under AS TEXT) IS NULL AND parent IS NULL) OR code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN scope s ON u.parent = s.code
),
unit_in AS (SELECT u.* FROM unit u JOIN scope USING (code))
SELECT 'community_party_org' AS rule, c.level, c.code, c.name,
       'community has no Party committee or general branch' AS problem,
       NULL AS population, NULL AS workers, NULL AS per_10000, NULL AS required, NULL AS shortfall
FROM unit_in c
WHERE c.level = 'community' AND NOT EXISTS (
	SELECT 1 FROM party_org p WHERE p.unit = c.code AND p.kind IN ('committee', 'general_branch'))
UNION ALL
SELECT 'grid_party_branch', g.level, g.code, g.name, 'grid has no Party branch', NULL, NULL, NULL, NULL, NULL
FROM unit_in g
WHERE g.level = 'grid' AND NOT EXISTS (SELECT 1 FROM party_org p WHERE p.unit = g.code AND p.kind = 'branch')
UNION ALL
SELECT 'building_party_group', b.level, b.code, b.name,
       'building has no Party group or central household', NULL, NULL, NULL, NULL, NULL
FROM unit_in b
WHERE b.level = 'building'
  AND NOT EXISTS (SELECT 1 FROM party_org p WHERE p.unit = b.code AND p.kind IN ('group', 'household'))
  AND NOT EXISTS (SELECT 1 FROM person_role r WHERE r.unit = b.code AND r.role = 'party_household')
UNION ALL
-- staffing from the views gg-score's metrics read too (017-score.sql): one definition
SELECT 'staffing_ratio', c.level, c.code, c.name,
       'fewer than 18 community workers per 10,000 residents',
       s.population, s.workers, s.per_10000, s.required, s.shortfall
FROM unit_in c JOIN community_staffing s ON s.community = c.code
WHERE s.shortfall > 0
UNION ALL
SELECT 'grid_worker', g.level, g.code, g.name, 'grid has no full-time grid worker', NULL, NULL, NULL, NULL, NULL
FROM unit_in g JOIN grid_staffing s ON s.grid = g.code
WHERE s.grid_workers = 0
UNION ALL
SELECT 'grid_informant', g.level, g.code, g.name,
       'grid has no informant (building head, central household, auxiliary or property manager)',
       NULL, NULL, NULL, NULL, NULL
FROM unit_in g
WHERE g.level = 'grid'
  AND NOT EXISTS (
	SELECT 1 FROM person_role r
	WHERE r.role IN ('building_head', 'party_household', 'auxiliary', 'property_manager')
	  AND (r.unit = g.code OR r.unit IN (SELECT b.code FROM unit b WHERE b.parent = g.code)))
UNION ALL
SELECT 'leader_link', 'person', p.code, p.name, 'leader is linked to no community', NULL, NULL, NULL, NULL, NULL
FROM person p
WHERE EXISTS (SELECT 1 FROM person_role r JOIN scope s ON s.code = r.unit WHERE r.person = p.code AND r.role = 'leader')
  AND NOT EXISTS (SELECT 1 FROM link l WHERE l.leader = p.code)
UNION ALL
-- an address two buildings share (as resolve compares them, in normal form) cannot place a
-- ticket: the building after the first in code order is named, with the one it collides with
SELECT DISTINCT 'address_shared', b.level, b.code, b.name,
       'address ''' || a.address || ''' is also an address of building ' ||
       (SELECT min(o.unit) FROM address o WHERE o.norm = a.norm AND o.unit < a.unit),
       NULL, NULL, NULL, NULL, NULL
FROM address a JOIN unit_in b ON b.code = a.unit
WHERE EXISTS (SELECT 1 FROM address o WHERE o.norm = a.norm AND o.unit < a.unit)
UNION ALL
-- a role some category summons by (department_role) that a district gives no department: its
-- street-level tickets would summon nobody
SELECT DISTINCT 'department_role_unmapped', d.level, d.code, d.name,
       'district has no department for the role ''' || k.department_role || ''' (gg-org district-dept add)',
       NULL, NULL, NULL, NULL, NULL
FROM unit_in d JOIN category k ON k.department_role IS NOT NULL
WHERE d.level = 'district'
  AND NOT EXISTS (SELECT 1 FROM district_department m WHERE m.district = d.code AND m.role = k.department_role)
UNION ALL
-- 街道大工委: a committee on the street whose members are the departments and others in its area
SELECT 'street_joint_committee', s.level, s.code, s.name,
       'street has no joint committee (街道大工委)', NULL, NULL, NULL, NULL, NULL
FROM unit_in s
WHERE s.level = 'street' AND NOT EXISTS (
	SELECT 1 FROM party_org p JOIN party_org_member m ON m.party_org = p.code
	WHERE p.unit = s.code AND p.kind = 'committee')
UNION ALL
SELECT 'joint_committee_members', 'party', p.code, p.name, 'joint committee has no member department',
       NULL, NULL, NULL, NULL, NULL
FROM party_org p JOIN unit_in u ON u.code = p.unit
WHERE p.kind = 'committee' AND u.level IN ('street', 'community')
  AND EXISTS (SELECT 1 FROM party_org_member m WHERE m.party_org = p.code)
  AND NOT EXISTS (SELECT 1 FROM party_org_member m WHERE m.party_org = p.code AND m.kind = 'department')
ORDER BY 1, 3, 5;
