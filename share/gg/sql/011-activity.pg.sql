-- SPDX-License-Identifier: Apache-2.0
-- 011-activity.pg.sql: 011-activity.sql for the PostgreSQL store: service days and the
-- volunteers' sign-ups to them. INTEGER is BIGINT, and an activity's id is given by gg_next_id
-- (001-org.pg.sql). The minutes read off hours are cast as SQLite casts them where hours are
-- HH:MM-HH:MM, which gg checks before it writes; other text would be an error here where
-- SQLite would read its leading digits.

CREATE TABLE activity (
	id         BIGINT PRIMARY KEY,
	community  TEXT NOT NULL REFERENCES unit (code),
	date       TEXT NOT NULL,  -- YYYY-MM-DD, a day in the calendar's zone
	hours      TEXT NOT NULL,  -- HH:MM-HH:MM of that day, the end after the start
	capacity   BIGINT NOT NULL CHECK (capacity > 0),   -- places: sign-ups not withdrawn
	kind       TEXT NOT NULL CHECK (kind IN ('culture', 'help_services', 'mediation', 'charity')),
	team       TEXT REFERENCES team (code),  -- the team that holds it, one of the community's
	title      TEXT NOT NULL,
	status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
	-- minutes of the day it starts and ends, read off hours, for overlaps found by an index
	start_min  BIGINT GENERATED ALWAYS AS (CAST(substr(hours, 1, 2) AS BIGINT) * 60 + CAST(substr(hours, 4, 2) AS BIGINT)) STORED,
	end_min    BIGINT GENERATED ALWAYS AS (CAST(substr(hours, 7, 2) AS BIGINT) * 60 + CAST(substr(hours, 10, 2) AS BIGINT)) STORED
);
CREATE INDEX activity_community ON activity (community, date);
CREATE INDEX activity_date ON activity (date, start_min);
CREATE INDEX activity_team ON activity (team) WHERE team IS NOT NULL;
CALL gg_next_id('activity');

-- A volunteer's place at an activity. Times are seconds since 1970 UTC: when they signed up
-- (again, after withdrawing), checked in, checked out, and when the status last changed. A
-- check-out's hours are the ledger row `service` names.
CREATE TABLE signup (
	activity     BIGINT NOT NULL REFERENCES activity (id),
	volunteer    TEXT NOT NULL REFERENCES volunteer (person),
	status       TEXT NOT NULL CHECK (status IN ('signed', 'checked_in', 'done', 'noshow', 'cancelled')),
	signed_at    BIGINT NOT NULL,
	checkin_at   BIGINT,
	checkout_at  BIGINT,
	changed_at   BIGINT NOT NULL,
	service      BIGINT REFERENCES service (id),
	PRIMARY KEY (activity, volunteer),
	CHECK (status NOT IN ('checked_in', 'done') OR checkin_at IS NOT NULL),
	CHECK (status <> 'done' OR (checkout_at >= checkin_at AND service IS NOT NULL))
);
CREATE INDEX signup_volunteer ON signup (volunteer, status);
