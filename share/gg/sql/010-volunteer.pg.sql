-- SPDX-License-Identifier: Apache-2.0
-- 010-volunteer.pg.sql: 010-volunteer.sql for the PostgreSQL store: gg-volunteer's volunteers,
-- skills and teams, and the hours ledger. INTEGER is BIGINT and counted defaults to false. The
-- ledger's id is given by gg_next_id, its refusals by gg_refuse and gg_refuse_taken
-- (001-org.pg.sql) in SQLite's words, and it refuses TRUNCATE too, which skips row triggers.
-- A volunteer is a gg-org person (name, phone and party_member stay on the person: never a
-- second copy); this table holds only what serving adds to them.

CREATE TABLE volunteer (
	person          TEXT PRIMARY KEY REFERENCES person (code),
	home_community  TEXT NOT NULL REFERENCES unit (code),  -- where they live and serve
	employer        TEXT,  -- 在职单位: a department's code or free text; set makes an in-service member
	volunteer_no    TEXT   -- the national volunteer number (全国志愿服务信息系统), where known
);
CREATE INDEX volunteer_home ON volunteer (home_community);

-- The skills a volunteer offers and a resident's order needs. The built-in ones are below;
-- a district adds its own with gg-volunteer skill add.
CREATE TABLE skill (
	code  TEXT PRIMARY KEY,
	name  TEXT NOT NULL
);
INSERT INTO skill (code, name) VALUES
	('elderly_care', '助老服务'), ('child_care', '儿童看护'), ('tutoring', '课业辅导'),
	('medical', '医疗健康'), ('legal', '法律咨询'), ('mediation', '矛盾调解'),
	('repair', '家电维修'), ('plumbing', '水电维修'), ('cleaning', '环境清洁'),
	('greening', '绿化养护'), ('culture', '文艺宣传'), ('policy', '政策宣讲'),
	('digital', '智能手机教学'), ('psychology', '心理疏导'), ('escort', '陪诊陪护'),
	('errands', '代办跑腿'), ('safety', '安全巡查'), ('translation', '翻译');

CREATE TABLE volunteer_skill (
	volunteer  TEXT NOT NULL REFERENCES volunteer (person) ON DELETE CASCADE,
	pos        BIGINT NOT NULL,
	skill      TEXT NOT NULL REFERENCES skill (code),
	PRIMARY KEY (volunteer, pos)
);
CREATE INDEX volunteer_skill_skill ON volunteer_skill (skill);

-- When a volunteer can serve: a weekday and a time of day, in the calendar's zone. None
-- given, an in-service Party member is taken to serve on Saturdays (党员周六志愿服务日).
CREATE TABLE volunteer_availability (
	volunteer  TEXT NOT NULL REFERENCES volunteer (person) ON DELETE CASCADE,
	pos        BIGINT NOT NULL,
	day        TEXT NOT NULL CHECK (day IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
	hours      TEXT NOT NULL,  -- HH:MM-HH:MM, the end after the start
	PRIMARY KEY (volunteer, pos)
);

-- Volunteer teams (志愿服务团队) of a community.
CREATE TABLE team (
	code       TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('culture', 'help_services', 'mediation', 'charity')),
	community  TEXT NOT NULL REFERENCES unit (code),
	leader     TEXT REFERENCES volunteer (person)
);
CREATE INDEX team_community ON team (community);

CREATE TABLE team_member (
	team       TEXT NOT NULL REFERENCES team (code) ON DELETE CASCADE,
	volunteer  TEXT NOT NULL REFERENCES volunteer (person) ON DELETE CASCADE,
	PRIMARY KEY (team, volunteer)
);
CREATE INDEX team_member_volunteer ON team_member (volunteer);

-- The hours ledger (服务时长), append-only: a row is never updated nor deleted (the triggers
-- below), so a correction is a new, reversing row. Three entries:
--   service  hours served: a check-out, a completed order, or a log entry;
--   verify   a community worker vouches for a service row (ref), its minutes copied;
--   reverse  takes a row's minutes back (ref, negative minutes), with the reason in note.
-- Verified hours are the sum of minutes over the rows that count (counted = 1): each verify
-- row, and each reverse row of a service that had been verified. Dates are days in the
-- calendar's zone; community, team and the rest are copied onto every row so a total over
-- millions of rows is one scan of one table.
CREATE TABLE service (
	id         BIGINT PRIMARY KEY,
	entry      TEXT NOT NULL CHECK (entry IN ('service', 'verify', 'reverse')),
	ref        BIGINT REFERENCES service (id),
	volunteer  TEXT NOT NULL REFERENCES volunteer (person),
	community  TEXT NOT NULL REFERENCES unit (code),  -- the community served
	date       TEXT NOT NULL,                         -- YYYY-MM-DD
	minutes    BIGINT NOT NULL CHECK (minutes BETWEEN -1440 AND 1440),
	counted    BOOLEAN NOT NULL DEFAULT false,
	activity   BIGINT,   -- the service day it was served at (activity.id), if any
	order_id   BIGINT,   -- the resident order it served (resident_order.id), if any
	team       TEXT,     -- the team it was served with, if any
	verified_by TEXT REFERENCES person (code),  -- verify: who vouched
	note       TEXT,     -- log: what was done; reverse: why
	at         BIGINT NOT NULL,   -- when the row was written, seconds since 1970 UTC
	CHECK ((entry = 'service') = (ref IS NULL)),
	CHECK (entry <> 'verify' OR verified_by IS NOT NULL)
);
CREATE INDEX service_volunteer ON service (volunteer, date);
CREATE INDEX service_ref ON service (ref) WHERE ref IS NOT NULL;
CREATE INDEX service_counted ON service (community, date, minutes) WHERE counted;
CALL gg_next_id('service');

CREATE TRIGGER service_no_update BEFORE UPDATE ON service
FOR EACH ROW EXECUTE FUNCTION gg_refuse('the hours ledger is append-only: record a reversing entry');
CREATE TRIGGER service_no_delete BEFORE DELETE ON service
FOR EACH ROW EXECUTE FUNCTION gg_refuse('the hours ledger is append-only: record a reversing entry');
CREATE TRIGGER service_no_replace BEFORE INSERT ON service
FOR EACH ROW WHEN (NEW.id IS NOT NULL) EXECUTE FUNCTION gg_refuse_taken('the hours ledger is append-only: record a reversing entry');
CREATE TRIGGER service_no_truncate BEFORE TRUNCATE ON service
FOR EACH STATEMENT EXECUTE FUNCTION gg_refuse('the hours ledger is append-only: record a reversing entry');
