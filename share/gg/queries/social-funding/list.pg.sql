-- SPDX-License-Identifier: Apache-2.0
-- social-funding/list.pg.sql: social-funding/list.sql on PostgreSQL, where the JSON lists are
-- read by json_array_elements_text and each parameter's type is said.
WITH RECURSIVE sub (code) AS (
	SELECT CAST(:under AS TEXT) WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
)
SELECT f.id, f.org, o.name, o.community, f.kind, f.fen, f.date, f.note, f.reverses, f.at
FROM social_org_funding f JOIN social_org o ON o.code = f.org
WHERE (CAST(:org AS TEXT) IS NULL OR f.org IN (SELECT value FROM json_array_elements_text(CAST(:org AS json))))
  AND (CAST(:kind AS TEXT) IS NULL OR f.kind IN (SELECT value FROM json_array_elements_text(CAST(:kind AS json))))
  AND (CAST(:under AS TEXT) IS NULL OR o.community IN (SELECT code FROM sub))
  AND (CAST(:from AS TEXT) IS NULL OR f.date >= CAST(:from AS TEXT))
  AND (CAST(:to AS TEXT) IS NULL OR f.date < CAST(:to AS TEXT))
ORDER BY f.id;
