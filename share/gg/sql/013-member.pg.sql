-- SPDX-License-Identifier: Apache-2.0
-- 013-member.pg.sql: 013-member.sql for the PostgreSQL store: in-service Party members' pledges
-- and their reporting in. INTEGER is BIGINT; a pledge's id is given by gg_next_id
-- (001-org.pg.sql). A date whose year is not four digits is an error of the cast here, a failed
-- CHECK in SQLite: gg checks dates before it writes either.

-- A Party member's public pledge to a community, due by a day; done_at is the day it was kept.
CREATE TABLE pledge (
	id         BIGINT PRIMARY KEY,
	person     TEXT NOT NULL REFERENCES person (code),  -- a Party member
	community  TEXT NOT NULL REFERENCES unit (code),
	text       TEXT NOT NULL,
	due        TEXT NOT NULL,  -- YYYY-MM-DD, in the calendar's zone
	done_at    TEXT            -- YYYY-MM-DD; none while the pledge is open
);
CREATE INDEX pledge_person ON pledge (person);
CREATE INDEX pledge_community ON pledge (community);
CREATE INDEX pledge_open ON pledge (due) WHERE done_at IS NULL;
CALL gg_next_id('pledge');

-- A Party member reporting in to the community they live in (在职党员到社区报到), once a year:
-- the year's row says where and on which day. Reporting again the same year to the same
-- community changes nothing; to another (the member moved) the year's row says the new one.
CREATE TABLE report_in (
	person     TEXT NOT NULL REFERENCES person (code),
	year       BIGINT NOT NULL,   -- the year of date
	community  TEXT NOT NULL REFERENCES unit (code),
	date       TEXT NOT NULL,     -- YYYY-MM-DD, in the calendar's zone
	PRIMARY KEY (person, year),
	CHECK (year = CAST(substr(date, 1, 4) AS BIGINT))
);
CREATE INDEX report_in_community ON report_in (community);
