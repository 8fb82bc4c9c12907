-- SPDX-License-Identifier: Apache-2.0
-- 016-social-org.pg.sql: 016-social-org.sql for the PostgreSQL store: community social
-- organisations, their funding and their ratings. INTEGER is BIGINT, has_party_org defaults to
-- false; funding's and ratings' ids are given by gg_next_id (001-org.pg.sql). Both are
-- append-only in SQLite's words (gg_refuse, gg_refuse_taken) and refuse TRUNCATE as well,
-- which skips row triggers.

-- code: the unified social credit code (统一社会信用代码, GB 32100) where the organisation has
-- one, else a local code; credit_code is the credit code itself, its check character verified.
CREATE TABLE social_org (
	code           TEXT PRIMARY KEY,
	name           TEXT NOT NULL,
	kind           TEXT NOT NULL CHECK (kind IN ('service', 'public_welfare', 'mutual_aid')),
	community      TEXT NOT NULL REFERENCES unit (code),
	has_party_org  BOOLEAN NOT NULL DEFAULT false, -- a Party organisation of its own (or a joint one) covers it
	credit_code    TEXT UNIQUE,                 -- 18 characters, GB 32100
	founded        TEXT,                        -- YYYY-MM-DD
	contact        TEXT
);
CREATE INDEX social_org_community ON social_org (community);

-- Money an organisation received. Amounts are kept in fen (分), whole numbers, so that sums
-- are exact; a record is never changed: a wrong one is taken back by a reversing record
-- (reverses: its id) holding the opposite amount.
CREATE TABLE social_org_funding (
	id        BIGINT PRIMARY KEY,
	org       TEXT NOT NULL REFERENCES social_org (code),
	kind      TEXT NOT NULL CHECK (kind IN ('purchase', 'subsidy', 'project')),
	fen       BIGINT NOT NULL,    -- the amount in fen: yuan × 100; negative only in a reversal
	date      TEXT NOT NULL,      -- YYYY-MM-DD, the day it was paid
	note      TEXT,
	reverses  BIGINT REFERENCES social_org_funding (id),
	at        BIGINT NOT NULL,    -- when it was recorded, seconds since 1970 UTC
	CHECK ((reverses IS NULL) = (fen > 0))
);
CREATE INDEX social_org_funding_org ON social_org_funding (org, date);
CREATE UNIQUE INDEX social_org_funding_reverses ON social_org_funding (reverses) WHERE reverses IS NOT NULL;
CALL gg_next_id('social_org_funding');

-- A rating of an organisation for a period on the three dimensions of the seed: organisation
-- (组织化程度), credibility (诚信度) and efficiency (扶持资金使用效度), each 0-100, weighted
-- by whole weights that sum to 100 (kept on the row: a later change of the weights file does
-- not rewrite history). points is the weighted sum, Σ score × weight, the total × 100, exact.
-- earned is the stars the total reaches by the cut-offs; stars what it holds after the cap
-- (without a Party organisation, at most 4). previous and change compare with the
-- organisation's rating before it, in the order they were written.
CREATE TABLE social_org_rating (
	id              BIGINT PRIMARY KEY,
	org             TEXT NOT NULL REFERENCES social_org (code),
	period          TEXT NOT NULL,  -- as given: 2026, 2026-Q4, 2026-11 or 2026-W48
	organisation    BIGINT NOT NULL CHECK (organisation BETWEEN 0 AND 100),
	credibility     BIGINT NOT NULL CHECK (credibility BETWEEN 0 AND 100),
	efficiency      BIGINT NOT NULL CHECK (efficiency BETWEEN 0 AND 100),
	w_organisation  BIGINT NOT NULL,
	w_credibility   BIGINT NOT NULL,
	w_efficiency    BIGINT NOT NULL,
	points          BIGINT NOT NULL,
	earned          BIGINT NOT NULL CHECK (earned BETWEEN 1 AND 5),
	stars           BIGINT NOT NULL CHECK (stars BETWEEN 1 AND 5),
	has_party_org   BOOLEAN NOT NULL,  -- as it was when rated
	previous        BIGINT,            -- the stars before; none for a first rating
	change          TEXT NOT NULL CHECK (change IN ('first', 'up', 'down', 'same')),
	replaces        BIGINT REFERENCES social_org_rating (id),   -- the rating of the same period it supersedes
	note            TEXT,
	at              BIGINT NOT NULL,
	CHECK (w_organisation + w_credibility + w_efficiency = 100),
	CHECK (points = organisation * w_organisation + credibility * w_credibility + efficiency * w_efficiency)
);
CREATE INDEX social_org_rating_org ON social_org_rating (org, id);
CALL gg_next_id('social_org_rating');

CREATE TRIGGER social_org_funding_no_update BEFORE UPDATE ON social_org_funding
FOR EACH ROW EXECUTE FUNCTION gg_refuse('a funding record is never changed: record its reversal');
CREATE TRIGGER social_org_funding_no_delete BEFORE DELETE ON social_org_funding
FOR EACH ROW EXECUTE FUNCTION gg_refuse('a funding record is never changed: record its reversal');
CREATE TRIGGER social_org_funding_no_replace BEFORE INSERT ON social_org_funding
FOR EACH ROW WHEN (NEW.id IS NOT NULL) EXECUTE FUNCTION gg_refuse_taken('a funding record is never changed: record its reversal');
CREATE TRIGGER social_org_funding_no_truncate BEFORE TRUNCATE ON social_org_funding
FOR EACH STATEMENT EXECUTE FUNCTION gg_refuse('a funding record is never changed: record its reversal');

CREATE TRIGGER social_org_rating_no_update BEFORE UPDATE ON social_org_rating
FOR EACH ROW EXECUTE FUNCTION gg_refuse('a rating is never changed: rate the organisation anew');
CREATE TRIGGER social_org_rating_no_delete BEFORE DELETE ON social_org_rating
FOR EACH ROW EXECUTE FUNCTION gg_refuse('a rating is never changed: rate the organisation anew');
CREATE TRIGGER social_org_rating_no_replace BEFORE INSERT ON social_org_rating
FOR EACH ROW WHEN (NEW.id IS NOT NULL) EXECUTE FUNCTION gg_refuse_taken('a rating is never changed: rate the organisation anew');
CREATE TRIGGER social_org_rating_no_truncate BEFORE TRUNCATE ON social_org_rating
FOR EACH STATEMENT EXECUTE FUNCTION gg_refuse('a rating is never changed: rate the organisation anew');
