-- SPDX-License-Identifier: Apache-2.0
-- survey/belongs.sql: 1 when the unit of the Party organisation :party_org is the community
-- :community or a unit under it (its grids and buildings), else 0: the organisations a
-- community's residents are asked about. Walks up from the organisation's unit.
WITH RECURSIVE up (code, parent) AS (
	SELECT u.code, u.parent FROM party_org p JOIN unit u ON u.code = p.unit WHERE p.code = :party_org
	UNION ALL
	SELECT u.code, u.parent FROM unit u JOIN up ON u.code = up.parent
)
SELECT count(*) > 0 FROM up WHERE code = :community;
