-- 002-ticket.sql: the category catalogue, tickets and their history. Times are whole
-- seconds since 1970-01-01 UTC (the view ticket_local shows them as local ISO 8601).

CREATE TABLE category (
	code            TEXT PRIMARY KEY,
	name            TEXT NOT NULL,
	start_level     TEXT NOT NULL CHECK (start_level IN ('grid', 'community', 'street', 'department')),
	department      TEXT REFERENCES department (code),
	respond         TEXT NOT NULL,  -- duration to accept within: 30m, 2h, 1d, 1wd
	sla             JSON NOT NULL,  -- {grid: 24h, community: 48h, street: 3wd, department: 5wd}
	max_extension   TEXT            -- the most a deadline may be extended by, per level
);

CREATE TABLE ticket (
	id            INTEGER PRIMARY KEY,
	external_id   TEXT,
	source        TEXT NOT NULL CHECK (source IN ('grid_patrol', 'hotline_12345', 'visit', 'app', 'resident',
	                                              'department')),
	category      TEXT NOT NULL REFERENCES category (code),
	title         TEXT NOT NULL,
	description   TEXT,
	unit          TEXT NOT NULL REFERENCES unit (code),  -- a grid or a building
	address       TEXT,
	priority      TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal', 'urgent')),
	status        TEXT NOT NULL CHECK (status IN ('new', 'accepted', 'assigned', 'in_progress', 'suspended',
	                                              'resolved', 'closed', 'rejected', 'duplicate')),
	level         TEXT NOT NULL CHECK (level IN ('grid', 'community', 'street', 'department')),
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
	satisfaction  TEXT CHECK (satisfaction IN ('satisfied', 'basic', 'unsatisfied')),
	duplicate_of  INTEGER REFERENCES ticket (id),
	lat           REAL,
	long          REAL
);
CREATE UNIQUE INDEX ticket_external ON ticket (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX ticket_unit ON ticket (unit, reported_at);
CREATE INDEX ticket_reported ON ticket (reported_at);
CREATE INDEX ticket_category ON ticket (category, reported_at);
-- the escalation sweep reads only open tickets whose deadline has come
CREATE INDEX ticket_due ON ticket (due_at)
	WHERE status IN ('new', 'accepted', 'assigned', 'in_progress') AND overdue_at IS NULL;
CREATE INDEX ticket_duplicate ON ticket (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Every change to a ticket, in order: what happened, who did it, and the moves it made.
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
