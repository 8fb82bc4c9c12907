-- SPDX-License-Identifier: Apache-2.0
-- survey/in-community.sql: 1 when the unit :unit (a household's building) is the community
-- :community or a unit under it, else 0. Walks up from the unit.
WITH RECURSIVE up (code, parent) AS (
	SELECT code, parent FROM unit WHERE code = :unit
	UNION ALL
	SELECT u.code, u.parent FROM unit u JOIN up ON u.code = up.parent
)
SELECT count(*) > 0 FROM up WHERE code = :community;
