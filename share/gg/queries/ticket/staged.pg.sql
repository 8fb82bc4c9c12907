-- SPDX-License-Identifier: Apache-2.0
-- ticket/staged.pg.sql: a batch of an import's tickets (ticket/staging.pg.sql) stored in one
-- statement, numbered in the order they were read, each as ticket/insert.sql stores one (the
-- next id given here, as the id trigger would give it, without asking for it a row). A row whose
-- source and external_id a stored ticket has, or a row before it in the batch, is not stored:
-- the numbers of those rows are the result, in order, for intake to restate them one by one
-- as it would have restated them read one at a time. Without ON CONFLICT: a row that still
-- met a stored one would be an error, never a ticket dropped without a word.
WITH staged AS (
	SELECT i.*, row_number() OVER (PARTITION BY source, external_id ORDER BY n) AS nth
	FROM ticket_incoming i
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
