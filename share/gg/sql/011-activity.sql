-- SPDX-License-Identifier: Apache-2.0
-- 011-activity.sql: service days (党员周六志愿服务日 and the like): an activity a community holds
-- on a day, at hours of that day, with so many places, and the volunteers' sign-ups to it,
-- each signed up, checked in, checked out (its hours then in the ledger), marked a no-show, or
-- withdrawn.

CREATE TABLE activity (
	id         INTEGER PRIMARY KEY,
	community  TEXT NOT NULL REFERENCES unit (code),
	date       TEXT NOT NULL,  -- YYYY-MM-DD, a day in the calendar's zone
	hours      TEXT NOT NULL,  -- HH:MM-HH:MM of that day, the end after the start
	capacity   INTEGER NOT NULL CHECK (capacity > 0),  -- places: sign-ups not withdrawn
	kind       TEXT NOT NULL CHECK (kind IN ('culture', 'help_services', 'mediation', 'charity')),
	team       TEXT REFERENCES team (code),  -- the team that holds it, one of the community's
	title      TEXT NOT NULL,
	status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
	-- minutes of the day it starts and ends, read off hours, for overlaps found by an index
	start_min  INTEGER GENERATED ALWAYS AS (CAST(substr(hours, 1, 2) AS INTEGER) * 60 + CAST(substr(hours, 4, 2) AS INTEGER)) STORED,
	end_min    INTEGER GENERATED ALWAYS AS (CAST(substr(hours, 7, 2) AS INTEGER) * 60 + CAST(substr(hours, 10, 2) AS INTEGER)) STORED
);
CREATE INDEX activity_community ON activity (community, date);
CREATE INDEX activity_date ON activity (date, start_min);
CREATE INDEX activity_team ON activity (team) WHERE team IS NOT NULL;

-- A volunteer's place at an activity. Times are seconds since 1970 UTC: when they signed up
-- (again, after withdrawing), checked in, checked out, and when the status last changed. A
-- check-out's hours are the ledger row `service` names.
CREATE TABLE signup (
	activity     INTEGER NOT NULL REFERENCES activity (id),
	volunteer    TEXT NOT NULL REFERENCES volunteer (person),
	status       TEXT NOT NULL CHECK (status IN ('signed', 'checked_in', 'done', 'noshow', 'cancelled')),
	signed_at    INTEGER NOT NULL,
	checkin_at   INTEGER,
	checkout_at  INTEGER,
	changed_at   INTEGER NOT NULL,
	service      INTEGER REFERENCES service (id),
	PRIMARY KEY (activity, volunteer),
	CHECK (status NOT IN ('checked_in', 'done') OR checkin_at IS NOT NULL),
	CHECK (status <> 'done' OR (checkout_at >= checkin_at AND service IS NOT NULL))
);
CREATE INDEX signup_volunteer ON signup (volunteer, status);
