-- SPDX-License-Identifier: Apache-2.0
-- 002-ticket.sql: the category catalogue, tickets and their history. Times are whole
-- seconds since 1970-01-01 UTC (the view ticket_local shows them as local ISO 8601).
-- The ticket's CHECKs are chains of OR, not IN lists: SQLite evaluates a CHECK's IN list
-- through a temporary table built for every row, which made an import a third slower.

CREATE TABLE category (
	code            TEXT PRIMARY KEY,
	name            TEXT NOT NULL,
	start_level     TEXT NOT NULL CHECK (start_level = 'grid' OR start_level = 'community' OR start_level = 'street' OR start_level = 'department'),
	department      TEXT REFERENCES department (code),
	respond         TEXT NOT NULL,  -- duration to accept within: 30m, 2h, 1d, 1wd
	sla             JSON NOT NULL,  -- {grid: 24h, community: 48h, street: 3wd, department: 5wd}
	max_extension   TEXT            -- the most a deadline may be extended by, per level
);

CREATE TABLE ticket (
	id            INTEGER PRIMARY KEY,
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
	reported_at   INTEGER NOT NULL,
	level_at      INTEGER NOT NULL, -- when the ticket came to its level
	respond_by    INTEGER,
	due_at        INTEGER NOT NULL,
	due_base      INTEGER NOT NULL, -- due_at before extensions at this level
	accepted_at   INTEGER,
	resolved_at   INTEGER,
	closed_at     INTEGER,
	suspended_at  INTEGER,
	resume_status TEXT,             -- the status a suspended ticket goes back to
	overdue_at    INTEGER,          -- missed its deadline at department level
	satisfaction  TEXT CHECK (satisfaction = 'satisfied' OR satisfaction = 'basic' OR satisfaction = 'unsatisfied'),
	duplicate_of  INTEGER REFERENCES ticket (id),
	lat           REAL,
	long          REAL,
	start_level   TEXT NOT NULL,    -- where it was taken in; with the next two, its "created" event
	created_at    INTEGER NOT NULL,
	created_by    TEXT NOT NULL
);
-- Only the indexes every intake needs: a city's import writes a million rows, and each
-- index costs it a second (measured by make bench). Lists, sweeps and reports scan.
CREATE UNIQUE INDEX ticket_external ON ticket (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX ticket_duplicate ON ticket (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Every change to a ticket after it was taken in, in order: what happened, who did it, and
-- the moves it made. (Its creation is the ticket row itself: created_at, created_by.)
CREATE TABLE ticket_event (
	id           INTEGER PRIMARY KEY,
	ticket       INTEGER NOT NULL REFERENCES ticket (id),
	at           INTEGER NOT NULL,
	actor        TEXT NOT NULL,
	kind         TEXT NOT NULL,
	status       TEXT,            -- the status after the event
	level        TEXT,            -- the level after the event
	note         TEXT,
	data         JSON
);
CREATE INDEX ticket_event_ticket ON ticket_event (ticket, id);

CREATE VIEW ticket_local AS
SELECT id, external_id, source, category, title, description, unit, address, priority, status, level, assignee,
       datetime(reported_at, 'unixepoch', 'localtime') AS reported_at,
       datetime(respond_by, 'unixepoch', 'localtime') AS respond_by,
       datetime(due_at, 'unixepoch', 'localtime') AS due_at,
       datetime(accepted_at, 'unixepoch', 'localtime') AS accepted_at,
       datetime(resolved_at, 'unixepoch', 'localtime') AS resolved_at,
       datetime(closed_at, 'unixepoch', 'localtime') AS closed_at,
       satisfaction, duplicate_of
FROM ticket;
