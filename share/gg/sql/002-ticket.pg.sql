-- SPDX-License-Identifier: Apache-2.0
-- 002-ticket.pg.sql: 002-ticket.sql for the PostgreSQL store: the category catalogue, tickets
-- and their history. Times are whole seconds since 1970-01-01 UTC, in BIGINT (SQLite's
-- INTEGER holds 64 bits); REAL is double precision. ticket and ticket_event take their ids from
-- gg_next_id (001-org.pg.sql), as an INTEGER PRIMARY KEY would in SQLite. The view's local
-- times are to_char in the session's zone, which gg sets to the local one, where SQLite's
-- 'localtime' reads the host's. The CHECKs stay chains of OR, as SQLite's were written.

CREATE TABLE category (
	code            TEXT PRIMARY KEY,
	name            TEXT NOT NULL,
	start_level     TEXT NOT NULL CHECK (start_level = 'grid' OR start_level = 'community' OR start_level = 'street' OR start_level = 'department'),
	department      TEXT REFERENCES department (code),
	respond         TEXT NOT NULL,  -- duration to accept within: 30m, 2h, 1d, 1wd
	sla             json NOT NULL,  -- {grid: 24h, community: 48h, street: 3wd, department: 5wd}
	max_extension   TEXT            -- the most a deadline may be extended by, per level
);

CREATE TABLE ticket (
	id            BIGINT PRIMARY KEY,
	external_id   TEXT,
	source        TEXT NOT NULL CHECK (source = 'grid_patrol' OR source = 'hotline_12345' OR source = 'visit' OR source = 'app' OR source = 'resident' OR source = 'department'),
	category      TEXT NOT NULL REFERENCES category (code),
	title         TEXT NOT NULL,
	description   TEXT,
	unit          TEXT NOT NULL REFERENCES unit (code),  -- a grid or a building
	address       TEXT,
	priority      TEXT NOT NULL DEFAULT 'normal' CHECK (priority = 'normal' OR priority = 'urgent'),
	status        TEXT NOT NULL CHECK (status = 'new' OR status = 'accepted' OR status = 'assigned' OR status = 'in_progress' OR status = 'suspended' OR status = 'resolved' OR status = 'closed' OR status = 'rejected' OR status = 'duplicate'),
	level         TEXT NOT NULL CHECK (level = 'grid' OR level = 'community' OR level = 'street' OR level = 'department'),
	assignee      TEXT,             -- a person's or, from street level, a department's code
	reported_at   BIGINT NOT NULL,
	level_at      BIGINT NOT NULL, -- when the ticket came to its level
	respond_by    BIGINT,
	due_at        BIGINT NOT NULL,
	due_base      BIGINT NOT NULL, -- due_at before extensions at this level
	accepted_at   BIGINT,
	resolved_at   BIGINT,
	closed_at     BIGINT,
	suspended_at  BIGINT,
	resume_status TEXT,             -- the status a suspended ticket goes back to
	overdue_at    BIGINT,          -- missed its deadline at department level
	satisfaction  TEXT CHECK (satisfaction = 'satisfied' OR satisfaction = 'basic' OR satisfaction = 'unsatisfied'),
	duplicate_of  BIGINT REFERENCES ticket (id),
	lat           DOUBLE PRECISION,
	long          DOUBLE PRECISION,
	start_level   TEXT NOT NULL,    -- where it was taken in; with the next two, its "created" event
	created_at    BIGINT NOT NULL,
	created_by    TEXT NOT NULL
);
-- Only the indexes every intake needs: a city's import writes a million rows, and each
-- index costs it a second (measured by make bench). Lists, sweeps and reports scan.
CREATE UNIQUE INDEX ticket_external ON ticket (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX ticket_duplicate ON ticket (duplicate_of) WHERE duplicate_of IS NOT NULL;
CALL gg_next_id('ticket');

-- Every change to a ticket after it was taken in, in order: what happened, who did it, and
-- the moves it made. (Its creation is the ticket row itself: created_at, created_by.)
CREATE TABLE ticket_event (
	id           BIGINT PRIMARY KEY,
	ticket       BIGINT NOT NULL REFERENCES ticket (id),
	at           BIGINT NOT NULL,
	actor        TEXT NOT NULL,
	kind         TEXT NOT NULL,
	status       TEXT,            -- the status after the event
	level        TEXT,            -- the level after the event
	note         TEXT,
	data         json
);
CREATE INDEX ticket_event_ticket ON ticket_event (ticket, id);
CALL gg_next_id('ticket_event');

CREATE VIEW ticket_local AS
SELECT id, external_id, source, category, title, description, unit, address, priority, status, level, assignee,
       to_char(to_timestamp(reported_at), 'YYYY-MM-DD HH24:MI:SS') AS reported_at,
       to_char(to_timestamp(respond_by), 'YYYY-MM-DD HH24:MI:SS') AS respond_by,
       to_char(to_timestamp(due_at), 'YYYY-MM-DD HH24:MI:SS') AS due_at,
       to_char(to_timestamp(accepted_at), 'YYYY-MM-DD HH24:MI:SS') AS accepted_at,
       to_char(to_timestamp(resolved_at), 'YYYY-MM-DD HH24:MI:SS') AS resolved_at,
       to_char(to_timestamp(closed_at), 'YYYY-MM-DD HH24:MI:SS') AS closed_at,
       satisfaction, duplicate_of
FROM ticket;
