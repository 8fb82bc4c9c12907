-- SPDX-License-Identifier: Apache-2.0
-- service/list.pg.sql: service/list.sql on PostgreSQL, where the JSON lists are read by
-- json_array_elements_text and each parameter's type is said.
WITH RECURSIVE sub (code) AS (
	SELECT CAST(:under AS TEXT) WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
)
SELECT id, entry, ref, volunteer, community, date, minutes, round(minutes / 60.0, 2) AS hours, counted, activity,
       order_id, team, verified_by, note, at
FROM service
WHERE (CAST(:volunteer AS TEXT) IS NULL OR volunteer IN (SELECT value FROM json_array_elements_text(CAST(:volunteer AS json))))
  AND (CAST(:community AS TEXT) IS NULL OR community IN (SELECT value FROM json_array_elements_text(CAST(:community AS json))))
  AND (CAST(:entry AS TEXT) IS NULL OR entry IN (SELECT value FROM json_array_elements_text(CAST(:entry AS json))))
  AND (CAST(:under AS TEXT) IS NULL OR community IN (SELECT code FROM sub))
  AND (CAST(:from AS TEXT) IS NULL OR date >= CAST(:from AS TEXT))
  AND (CAST(:to AS TEXT) IS NULL OR date < CAST(:to AS TEXT))
ORDER BY id;
