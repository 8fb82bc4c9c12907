-- SPDX-License-Identifier: Apache-2.0
-- 015-survey.pg.sql: 015-survey.sql for the PostgreSQL store: residents' satisfaction survey
-- answers and departments' appraisal results. INTEGER is BIGINT, REAL double precision; an
-- answer's id is given by gg_next_id (001-org.pg.sql).

-- One answer to a satisfaction survey. household is a building's code and a room written
-- "BUILDING#ROOM", or an id the survey keeps for a household: a household answering twice in
-- a period counts once (gg-score satisfaction); an answer without one always counts.
CREATE TABLE survey_response (
	id           BIGINT PRIMARY KEY,
	community    TEXT NOT NULL REFERENCES unit (code),
	party_org    TEXT NOT NULL REFERENCES party_org (code),  -- the community's, or one under it
	date         TEXT NOT NULL,  -- YYYY-MM-DD, in the calendar's zone
	answer       TEXT NOT NULL CHECK (answer = 'satisfied' OR answer = 'basic' OR answer = 'unsatisfied'),
	household    TEXT,
	imported_at  BIGINT NOT NULL   -- seconds since 1970, the import's now (--now)
);
CREATE INDEX survey_response_date ON survey_response (date, community);
CREATE INDEX survey_response_party_org ON survey_response (party_org);
CREATE INDEX survey_response_community ON survey_response (community);
CALL gg_next_id('survey_response');

-- A department's appraisal of a unit for a period, as the department gave it: one per
-- department, unit and period, replaced only when asked (gg-score results import --replace).
CREATE TABLE dept_result (
	department   TEXT NOT NULL REFERENCES department (code),
	unit         TEXT NOT NULL REFERENCES unit (code),
	period       TEXT NOT NULL,  -- as written: 2026-11, 2026-Q4, 2026-W48 or 2026
	score        DOUBLE PRECISION NOT NULL CHECK (score >= 0 AND score <= 100),
	grade        TEXT,           -- the department's word for it, if any: 优秀
	note         TEXT,
	imported_at  BIGINT NOT NULL,   -- seconds since 1970, the import's now (--now)
	PRIMARY KEY (department, unit, period)
);
CREATE INDEX dept_result_unit ON dept_result (unit, period);
