-- SPDX-License-Identifier: Apache-2.0
-- ticket/staging.pg.sql: where an import's tickets wait on a PostgreSQL server, a batch at a
-- time (lib/ticket-intake.c), run before each batch. A row a record: n its place in the batch,
-- the other columns the parameters of ticket/insert.sql, filled by COPY (gg_db_copy), then
-- stored by ticket/staged.pg.sql. The table is the session's own (pg_temp), made once and
-- emptied for each batch.
--
-- DISCARD PLANS: the server plans ticket/staged.pg.sql anew for each batch, for the ticket
-- table as the import has grown it. Planned once, for the first batch and an empty table, it
-- read the whole table for every row of every later batch: a million tickets took three
-- times as long. (Dropping and making the table each batch did the same, but every table
-- dropped holds its locks to the end of the transaction, and a long import would run out.)
CREATE TEMP TABLE IF NOT EXISTS ticket_incoming (
	n              BIGINT NOT NULL,
	external_id    TEXT,
	source         TEXT,
	category       TEXT,
	title          TEXT,
	description    TEXT,
	unit           TEXT,
	address        TEXT,
	priority       TEXT,
	status         TEXT,
	level          TEXT,
	assignee       TEXT,
	reported_at    BIGINT,
	respond_by     BIGINT,
	due_at         BIGINT,
	lat            DOUBLE PRECISION,
	long           DOUBLE PRECISION,
	created_at     BIGINT,
	created_by     TEXT,
	provisional    BOOLEAN,
	reporter_name  TEXT,
	reporter_phone TEXT,
	unmapped       TEXT
);
TRUNCATE pg_temp.ticket_incoming;
DISCARD PLANS;
