-- SPDX-License-Identifier: Apache-2.0
-- 014-ledger.sql: what the hours ledger's readers need: indexes that answer the totals of
-- verified hours by community and by volunteer from the index alone, and the numbered
-- service certificates (志愿服务证明) gg-volunteer certificate issues.

-- gg-volunteer hours --by community and --by team: a group's volunteers and services as well
-- as its minutes, read off the index alone, in its order. Measured on the bench city with a
-- ledger of 5,000,000 rows: --by community 0.4-0.6 s with it, 12 s with 010's service_counted
-- alone, which leaves the volunteer and the entry to be read from each row.
CREATE INDEX service_counted_community ON service (community, volunteer, date, entry, minutes, team) WHERE counted;
-- --by volunteer and --by employer, stars (a volunteer's total day by day, in order: 1.2 s
-- where a window over the rows took 9) and certificates.
CREATE INDEX service_counted_volunteer ON service (volunteer, date, entry, minutes) WHERE counted;

-- A certificate once issued is never changed nor removed: the number printed on paper must
-- find the same record, whose hash it carries. The number is GG-YYYY-NNNNNN: the year of
-- issue and the id.
CREATE TABLE certificate (
	id         INTEGER PRIMARY KEY,
	number     TEXT NOT NULL UNIQUE,
	volunteer  TEXT NOT NULL REFERENCES volunteer (person),
	period     TEXT NOT NULL,     -- as asked for: 2026, 2026-Q4, 2026-11, 2026-W48
	date_from  TEXT NOT NULL,     -- its first day, YYYY-MM-DD
	date_to    TEXT NOT NULL,     -- its last day
	minutes    INTEGER NOT NULL,  -- the verified minutes certified
	services   INTEGER NOT NULL,  -- the services they were served in
	issuer     TEXT NOT NULL,
	issued_at  INTEGER NOT NULL,  -- seconds since 1970 UTC
	record     TEXT NOT NULL,     -- the certificate as issued: compact JSON, keys sorted
	hash       TEXT NOT NULL      -- SHA-256 of record, in hex
);
CREATE INDEX certificate_volunteer ON certificate (volunteer);

CREATE TRIGGER certificate_no_update BEFORE UPDATE ON certificate
BEGIN SELECT RAISE(ABORT, 'a certificate once issued is never changed: issue a new one'); END;
CREATE TRIGGER certificate_no_delete BEFORE DELETE ON certificate
BEGIN SELECT RAISE(ABORT, 'a certificate once issued is never changed: issue a new one'); END;
-- INSERT OR REPLACE deletes the row it replaces without firing the DELETE trigger: refused
-- when the id or the number is taken.
CREATE TRIGGER certificate_no_replace BEFORE INSERT ON certificate
WHEN EXISTS (SELECT 1 FROM certificate WHERE id = NEW.id OR number = NEW.number)
BEGIN SELECT RAISE(ABORT, 'a certificate once issued is never changed: issue a new one'); END;
