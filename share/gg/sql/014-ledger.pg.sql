-- SPDX-License-Identifier: Apache-2.0
-- 014-ledger.pg.sql: 014-ledger.sql for the PostgreSQL store: the ledger's covering indexes and
-- the numbered service certificates. INTEGER is BIGINT; a certificate's id is given by
-- gg_next_id (001-org.pg.sql). A certificate refuses UPDATE, DELETE, and an insert over its id
-- or number in SQLite's words, and TRUNCATE as well, which skips row triggers.

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
	id         BIGINT PRIMARY KEY,
	number     TEXT NOT NULL UNIQUE,
	volunteer  TEXT NOT NULL REFERENCES volunteer (person),
	period     TEXT NOT NULL,     -- as asked for: 2026, 2026-Q4, 2026-11, 2026-W48
	date_from  TEXT NOT NULL,     -- its first day, YYYY-MM-DD
	date_to    TEXT NOT NULL,     -- its last day
	minutes    BIGINT NOT NULL,   -- the verified minutes certified
	services   BIGINT NOT NULL,   -- the services they were served in
	issuer     TEXT NOT NULL,
	issued_at  BIGINT NOT NULL,   -- seconds since 1970 UTC
	record     TEXT NOT NULL,     -- the certificate as issued: compact JSON, keys sorted
	hash       TEXT NOT NULL      -- SHA-256 of record, in hex
);
CREATE INDEX certificate_volunteer ON certificate (volunteer);
CALL gg_next_id('certificate');

CREATE TRIGGER certificate_no_update BEFORE UPDATE ON certificate
FOR EACH ROW EXECUTE FUNCTION gg_refuse('a certificate once issued is never changed: issue a new one');
CREATE TRIGGER certificate_no_delete BEFORE DELETE ON certificate
FOR EACH ROW EXECUTE FUNCTION gg_refuse('a certificate once issued is never changed: issue a new one');
-- An insert over a taken id or number is refused in the certificate's words, not the keys'.
CREATE FUNCTION certificate_taken() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM certificate WHERE id = NEW.id OR number = NEW.number) THEN
		RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER certificate_no_replace BEFORE INSERT ON certificate
FOR EACH ROW EXECUTE FUNCTION certificate_taken('a certificate once issued is never changed: issue a new one');
CREATE TRIGGER certificate_no_truncate BEFORE TRUNCATE ON certificate
FOR EACH STATEMENT EXECUTE FUNCTION gg_refuse('a certificate once issued is never changed: issue a new one');
