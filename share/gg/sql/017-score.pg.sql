-- SPDX-License-Identifier: Apache-2.0
-- 017-score.pg.sql: 017-score.sql for the PostgreSQL store: the indexes, views and table
-- gg-score reads and keeps. INTEGER is BIGINT, REAL double precision, and SQLite's max() of two
-- values is greatest(). workers * 10000.0 is numeric here, rounded to the same one decimal.

-- The month's tickets are found by when they were reported: without this index a month of a
-- ten-million-ticket file is a scan of all ten million (make bench measures what it costs an
-- import, beside the floor, which pays it too).
CREATE INDEX ticket_reported ON ticket (reported_at);
-- Tickets reopened, or sent back to work by an unsatisfied return visit (退回重办): the reopen
-- rate's numerator, a few rows among the events.
CREATE INDEX ticket_event_reopened ON ticket_event (ticket) WHERE kind = 'reopened' OR kind = 'returned';

-- The response deadline a ticket was taken in with: an escalation, a reopening or a return
-- visit sends it back to be accepted by a new respond_by, and "responded on time" (快速响应) is
-- the first acceptance against the first deadline. For tickets taken in before this column, it
-- is known only where nothing has moved respond_by since.
ALTER TABLE ticket ADD COLUMN first_respond_by BIGINT;
UPDATE ticket SET first_respond_by = respond_by
WHERE id NOT IN (SELECT ticket FROM ticket_event WHERE kind IN ('escalated', 'reopened', 'returned'));

-- Community workers (社区工作者) of each community: community_worker on the community or
-- grid_worker on one of its grids; the 18 per 10,000 residents of the staffing rule, and the
-- shortfall. gg-org check (staffing_ratio) and gg-score's staffing metrics read this one view.
CREATE VIEW community_staffing (community, name, population, workers, per_10000, required, shortfall) AS
WITH worker (community, person) AS (
	SELECT r.unit, r.person FROM person_role r WHERE r.role = 'community_worker'
	UNION
	SELECT g.parent, r.person FROM person_role r JOIN unit g ON g.code = r.unit
	WHERE r.role = 'grid_worker' AND g.level = 'grid'
), counted AS (
	SELECT c.code, c.name, c.population, count(w.person) AS workers
	FROM unit c LEFT JOIN worker w ON w.community = c.code
	WHERE c.level = 'community'
	GROUP BY c.code
)
SELECT code, name, population, workers,
       CASE WHEN population > 0 THEN round(workers * 10000.0 / population, 1) END,
       CASE WHEN population > 0 THEN (population * 18 + 9999) / 10000 END,
       CASE WHEN population > 0 THEN greatest((population * 18 + 9999) / 10000 - workers, 0) END
FROM counted;

-- Full-time grid workers (专职网格员) of each grid: gg-org check (grid_worker) and the metric
-- grids_staffed read this one view.
CREATE VIEW grid_staffing (grid, community, grid_workers) AS
SELECT g.code, g.parent, (SELECT count(*) FROM person_role r WHERE r.unit = g.code AND r.role = 'grid_worker')
FROM unit g WHERE g.level = 'grid';

-- An appraisal: a unit's total by a rubric for a period, every indicator behind it, and the
-- rubric's digest (SHA-256 of the file as read), so that the figures can be checked against
-- the rubric that made them. A re-run of the rubric for the period replaces its rows.
CREATE TABLE appraisal (
	rubric      TEXT NOT NULL,     -- the rubric's name: default, or the one its file gives
	period      TEXT NOT NULL,     -- as given: 2026-11, 2026-Q4, 2026
	level       TEXT NOT NULL,     -- community or street
	unit        TEXT NOT NULL REFERENCES unit (code),
	total       DOUBLE PRECISION NOT NULL, -- points, at most 100 plus the bonus cap
	rank        BIGINT NOT NULL,   -- 1, 2, 2, 4: ties share a rank
	indicators  json NOT NULL,     -- [{metric, value, score, weight, points}, ...], in the rubric's order
	digest      TEXT NOT NULL,
	at          BIGINT NOT NULL,   -- when it was made, seconds since 1970 UTC
	PRIMARY KEY (rubric, period, unit)
);
CREATE INDEX appraisal_unit ON appraisal (unit);
