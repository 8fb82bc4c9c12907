-- SPDX-License-Identifier: Apache-2.0
-- 016-social-org.sql: community social organisations (社区社会组织) as gg-score keeps them: who
-- they are, the funding they receive (购买服务、补贴、项目资助), and their ratings (评星定级).
-- Funding and ratings are append-only: what was paid and what was rated stays on record, so
-- every up- and downgrade (动态调整) can be shown with the scores behind it.

-- code: the unified social credit code (统一社会信用代码, GB 32100) where the organisation has
-- one, else a local code; credit_code is the credit code itself, its check character verified.
CREATE TABLE social_org (
	code           TEXT PRIMARY KEY,
	name           TEXT NOT NULL,
	kind           TEXT NOT NULL CHECK (kind IN ('service', 'public_welfare', 'mutual_aid')),
	community      TEXT NOT NULL REFERENCES unit (code),
	has_party_org  BOOLEAN NOT NULL DEFAULT 0,  -- a Party organisation of its own (or a joint one) covers it
	credit_code    TEXT UNIQUE,                 -- 18 characters, GB 32100
	founded        TEXT,                        -- YYYY-MM-DD
	contact        TEXT
);
CREATE INDEX social_org_community ON social_org (community);

-- Money an organisation received. Amounts are kept in fen (分), whole numbers, so that sums
-- are exact; a record is never changed: a wrong one is taken back by a reversing record
-- (reverses: its id) holding the opposite amount.
CREATE TABLE social_org_funding (
	id        INTEGER PRIMARY KEY,
	org       TEXT NOT NULL REFERENCES social_org (code),
	kind      TEXT NOT NULL CHECK (kind IN ('purchase', 'subsidy', 'project')),
	fen       INTEGER NOT NULL,   -- the amount in fen: yuan × 100; negative only in a reversal
	date      TEXT NOT NULL,      -- YYYY-MM-DD, the day it was paid
	note      TEXT,
	reverses  INTEGER REFERENCES social_org_funding (id),
	at        INTEGER NOT NULL,   -- when it was recorded, seconds since 1970 UTC
	CHECK ((reverses IS NULL) = (fen > 0))
);
CREATE INDEX social_org_funding_org ON social_org_funding (org, date);
CREATE UNIQUE INDEX social_org_funding_reverses ON social_org_funding (reverses) WHERE reverses IS NOT NULL;

-- A rating of an organisation for a period on the three dimensions of the seed: organisation
-- (组织化程度), credibility (诚信度) and efficiency (扶持资金使用效度), each 0-100, weighted
-- by whole weights that sum to 100 (kept on the row: a later change of the weights file does
-- not rewrite history). points is the weighted sum, Σ score × weight, the total × 100, exact.
-- earned is the stars the total reaches by the cut-offs; stars what it holds after the cap
-- (without a Party organisation, at most 4). previous and change compare with the
-- organisation's rating before it, in the order they were written.
CREATE TABLE social_org_rating (
	id              INTEGER PRIMARY KEY,
	org             TEXT NOT NULL REFERENCES social_org (code),
	period          TEXT NOT NULL,  -- as given: 2026, 2026-Q4, 2026-11 or 2026-W48
	organisation    INTEGER NOT NULL CHECK (organisation BETWEEN 0 AND 100),
	credibility     INTEGER NOT NULL CHECK (credibility BETWEEN 0 AND 100),
	efficiency      INTEGER NOT NULL CHECK (efficiency BETWEEN 0 AND 100),
	w_organisation  INTEGER NOT NULL,
	w_credibility   INTEGER NOT NULL,
	w_efficiency    INTEGER NOT NULL,
	points          INTEGER NOT NULL,
	earned          INTEGER NOT NULL CHECK (earned BETWEEN 1 AND 5),
	stars           INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
	has_party_org   BOOLEAN NOT NULL,  -- as it was when rated
	previous        INTEGER,           -- the stars before; none for a first rating
	change          TEXT NOT NULL CHECK (change IN ('first', 'up', 'down', 'same')),
	replaces        INTEGER REFERENCES social_org_rating (id),  -- the rating of the same period it supersedes
	note            TEXT,
	at              INTEGER NOT NULL,
	CHECK (w_organisation + w_credibility + w_efficiency = 100),
	CHECK (points = organisation * w_organisation + credibility * w_credibility + efficiency * w_efficiency)
);
CREATE INDEX social_org_rating_org ON social_org_rating (org, id);

CREATE TRIGGER social_org_funding_no_update BEFORE UPDATE ON social_org_funding
BEGIN SELECT RAISE(ABORT, 'a funding record is never changed: record its reversal'); END;
CREATE TRIGGER social_org_funding_no_delete BEFORE DELETE ON social_org_funding
BEGIN SELECT RAISE(ABORT, 'a funding record is never changed: record its reversal'); END;
CREATE TRIGGER social_org_funding_no_replace BEFORE INSERT ON social_org_funding
WHEN EXISTS (SELECT 1 FROM social_org_funding WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'a funding record is never changed: record its reversal'); END;

CREATE TRIGGER social_org_rating_no_update BEFORE UPDATE ON social_org_rating
BEGIN SELECT RAISE(ABORT, 'a rating is never changed: rate the organisation anew'); END;
CREATE TRIGGER social_org_rating_no_delete BEFORE DELETE ON social_org_rating
BEGIN SELECT RAISE(ABORT, 'a rating is never changed: rate the organisation anew'); END;
CREATE TRIGGER social_org_rating_no_replace BEFORE INSERT ON social_org_rating
WHEN EXISTS (SELECT 1 FROM social_org_rating WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'a rating is never changed: rate the organisation anew'); END;
