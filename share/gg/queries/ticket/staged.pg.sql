-- SPDX-License-Identifier: Apache-2.0
-- ticket/staged.pg.sql: one batch of an import's tickets (ticket/staging.pg.sql) stored in one
-- statement, each as ticket/insert.sql stores one, numbered in the order they were read: the
-- id of each is the highest so far plus its rank, as the id trigger would number them one by
-- one. Two kinds of row are not stored, and their numbers (n) are the result, in order, for
-- intake to restate a ticket with each, as it does with a record read alone:
--   - a row whose source and external_id a stored ticket already has;
--   - a row whose source and external_id an earlier row of the batch has.
-- No ON CONFLICT: a row that met a stored ticket all the same would be an error, never a
-- ticket dropped without a word.
WITH staged AS (
	SELECT i.*, row_number() OVER (PARTITION BY source, external_id ORDER BY n) AS nth
	FROM pg_temp.ticket_incoming i
), fresh AS (
	SELECT s.*, (SELECT coalesce(max(id), 0) FROM ticket) + row_number() OVER (ORDER BY n) AS id
	FROM staged s
	WHERE external_id IS NULL
	   OR (nth = 1 AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.source = s.source AND t.external_id = s.external_id))
), stored AS (
	INSERT INTO ticket (id, external_id, source, category, title, description, unit, address, priority, status, level,
	                    assignee, reported_at, level_at, respond_by, due_at, due_base, lat, long, start_level,
	                    created_at, created_by, provisional_deadline, reporter_name, reporter_phone, unmapped,
	                    first_respond_by)
	SELECT id, external_id, source, category, title, description, unit, address, priority, status, level,
	       assignee, reported_at, reported_at, respond_by, due_at, due_at, lat, long, level,
	       created_at, created_by, provisional, reporter_name, reporter_phone, unmapped, respond_by
	FROM fresh ORDER BY n
	RETURNING id
)
SELECT n FROM staged WHERE n NOT IN (SELECT n FROM fresh) ORDER BY n;
