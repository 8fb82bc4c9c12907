-- SPDX-License-Identifier: Apache-2.0
-- 001-org.pg.sql: 001-org.sql for the PostgreSQL store, which runs it instead: the net, the
-- audit log, and what SQLite gave gg for free. SQLite's INTEGER holds 64 bits, so it is BIGINT
-- here; BOOLEAN defaults are false, not 0. An INTEGER PRIMARY KEY takes the id after the
-- largest when given none, and a rolled-back insert uses none up: a sequence would (nextval is
-- never given back), so a trigger that gg_next_id makes gives max + 1, safe because writers
-- hold one advisory lock, and notes the id for the C's "last insert id". The audit log also
-- refuses TRUNCATE, which skips row triggers. median() is the C's, round(float8, int) SQLite's.

-- The id SQLite gives a row of an INTEGER PRIMARY KEY: the given one, or the largest plus one
-- (1 in an empty table). Either way it is kept in gg.last_id until the transaction ends, where
-- the C reads it as sqlite3_last_insert_rowid. CALL gg_next_id('t') makes table t a function
-- t_rowid() and a BEFORE INSERT trigger t_rowid running it: one function per table, as its
-- query names the table and the column as written, is planned once per connection, where one
-- function for all, building its query with EXECUTE, took five times as long per row (60 µs
-- against 13, measured: an import of a million tickets a minute longer).
CREATE PROCEDURE gg_next_id(tbl text, col text DEFAULT 'id') LANGUAGE plpgsql AS $proc$
BEGIN
	EXECUTE format($f$CREATE FUNCTION %1$I() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
	IF NEW.%3$I IS NULL THEN
		SELECT coalesce(max(%3$I), 0) + 1 INTO NEW.%3$I FROM %2$I;
	END IF;
	PERFORM set_config('gg.last_id', NEW.%3$I::text, true);
	RETURN NEW;
END
$body$$f$, tbl || '_rowid', tbl, col);
	EXECUTE format('CREATE TRIGGER %1$I BEFORE INSERT ON %2$I FOR EACH ROW EXECUTE FUNCTION %1$I()',
		tbl || '_rowid', tbl);
END
$proc$;

-- SQLite's RAISE(ABORT, message) for a trigger that refuses outright: the message is
-- TG_ARGV[0], word for word SQLite's, which gg prints and the tests compare.
CREATE FUNCTION gg_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
END
$$;

-- An append-only table's refusal of INSERT OR REPLACE in SQLite (WHEN EXISTS a row with
-- NEW.id): here it refuses an insert over a taken id with the same message, where the primary
-- key would have said something else.
CREATE FUNCTION gg_refuse_taken() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	taken boolean;
BEGIN
	EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE id = $1)', TG_TABLE_SCHEMA, TG_TABLE_NAME)
		INTO taken USING NEW.id;
	IF taken THEN
		RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
	END IF;
	RETURN NEW;
END
$$;

-- median(X) as lib/db.c gives it to SQLite: the middle of the non-NULL values, the mean of
-- the two middle ones for an even count, NULL for none. A numeric argument ((a - b) / 60.0
-- is numeric here) is taken as a double, as SQLite would.
CREATE FUNCTION gg_median_final(v double precision[]) RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$
SELECT CASE WHEN n = 0 THEN NULL WHEN n % 2 = 1 THEN s[n / 2 + 1] ELSE (s[n / 2] + s[n / 2 + 1]) / 2 END
FROM (SELECT array_agg(x ORDER BY x) AS s, count(x)::int AS n FROM unnest(v) AS u (x) WHERE x IS NOT NULL) m
$$;
CREATE FUNCTION gg_median_add(v double precision[], x numeric) RETURNS double precision[]
LANGUAGE sql IMMUTABLE AS $$ SELECT array_append(v, x::double precision) $$;
CREATE AGGREGATE median (double precision) (
	SFUNC = array_append, STYPE = double precision[], FINALFUNC = gg_median_final
);
CREATE AGGREGATE median (numeric) (
	SFUNC = gg_median_add, STYPE = double precision[], FINALFUNC = gg_median_final
);
-- SQLite's round(X, N) of a double, which PostgreSQL has only for numeric: the metrics round
-- a median. Halves go away from zero in both.
CREATE FUNCTION round(x double precision, n integer) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT round(x::numeric, n)::double precision $$;

CREATE TABLE unit (
	code        TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	level       TEXT NOT NULL CHECK (level IN ('city', 'district', 'street', 'community', 'grid', 'building')),
	parent      TEXT REFERENCES unit (code),
	population  BIGINT CHECK (population >= 0),
	households  BIGINT CHECK (households >= 0)
);
CREATE INDEX unit_parent ON unit (parent);

-- Addresses of buildings; norm is the address as gg-org resolve compares it.
CREATE TABLE address (
	unit     TEXT NOT NULL REFERENCES unit (code) ON DELETE CASCADE,
	pos      BIGINT NOT NULL,
	address  TEXT NOT NULL,
	norm     TEXT NOT NULL,
	PRIMARY KEY (unit, pos)
);
CREATE INDEX address_address ON address (address);
CREATE INDEX address_norm ON address (norm);

CREATE TABLE person (
	code          TEXT PRIMARY KEY,
	name          TEXT NOT NULL,
	phone         TEXT,
	id_number     TEXT,
	party_member  BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE person_role (
	person  TEXT NOT NULL REFERENCES person (code) ON DELETE CASCADE,
	pos     BIGINT NOT NULL,
	role    TEXT NOT NULL CHECK (role IN ('community_worker', 'grid_worker', 'building_head',
		'party_household', 'auxiliary', 'property_manager', 'leader', 'dept_staff')),
	unit    TEXT NOT NULL REFERENCES unit (code),
	PRIMARY KEY (person, pos)
);
CREATE INDEX person_role_unit ON person_role (unit, role);

CREATE TABLE party_org (
	code       TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('committee', 'general_branch', 'branch', 'group', 'household',
		'joint', 'functional')),
	unit       TEXT REFERENCES unit (code),
	secretary  TEXT REFERENCES person (code)
);
CREATE INDEX party_org_by_unit ON party_org (unit);
CREATE INDEX party_org_secretary ON party_org (secretary);

-- The units a joint or functional organisation spans.
CREATE TABLE party_org_unit (
	party_org  TEXT NOT NULL REFERENCES party_org (code) ON DELETE CASCADE,
	pos        BIGINT NOT NULL,
	unit       TEXT NOT NULL REFERENCES unit (code),
	PRIMARY KEY (party_org, pos)
);
CREATE INDEX party_org_unit_unit ON party_org_unit (unit);

CREATE TABLE department (
	code   TEXT PRIMARY KEY,
	name   TEXT NOT NULL,
	level  TEXT NOT NULL CHECK (level IN ('city', 'district', 'street'))
);

-- A city or county leader's link to a community (联支强基).
CREATE TABLE link (
	leader  TEXT NOT NULL REFERENCES person (code),
	unit    TEXT NOT NULL REFERENCES unit (code),
	PRIMARY KEY (leader, unit)
);
CREATE INDEX link_unit ON link (unit);

-- The community work list: what a community does by law, assists with, or must not be given.
CREATE TABLE duty (
	code   TEXT PRIMARY KEY,
	name   TEXT NOT NULL,
	kind   TEXT NOT NULL CHECK (kind IN ('by_law', 'assisted', 'negative')),
	level  TEXT CHECK (level IN ('city', 'district', 'street'))
);

-- What departments place on communities (burden reduction, 基层减负).
CREATE TABLE demand (
	id          BIGINT PRIMARY KEY,
	department  TEXT NOT NULL REFERENCES department (code),
	unit        TEXT NOT NULL REFERENCES unit (code),
	kind        TEXT NOT NULL CHECK (kind IN ('task', 'data_request', 'inspection', 'meeting', 'signboard')),
	title       TEXT NOT NULL,
	date        TEXT NOT NULL,
	duty        TEXT REFERENCES duty (code),
	approved    BOOLEAN NOT NULL DEFAULT false,
	funded      BOOLEAN NOT NULL DEFAULT false,
	fields      json
);
CREATE INDEX demand_unit ON demand (unit, date);
CREATE INDEX demand_department ON demand (department);
CREATE INDEX demand_duty ON demand (duty);
CALL gg_next_id('demand');

-- Every write, append-only; hash = SHA-256 over prev and this row's fields (see gg(7)). Its id
-- has no gg_next_id: a row is written with its id (audit/add.sql), and in SQLite one without
-- is refused by the guard (NEW.id is -1 there, NULL here: not the next either way).
CREATE TABLE audit (
	id       BIGINT PRIMARY KEY,
	at       TEXT NOT NULL,
	actor    TEXT NOT NULL,
	command  TEXT NOT NULL,
	change   json NOT NULL,
	prev     TEXT NOT NULL,
	hash     TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
FOR EACH ROW EXECUTE FUNCTION gg_refuse('the audit log is append-only');
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
FOR EACH ROW EXECUTE FUNCTION gg_refuse('the audit log is append-only');
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
FOR EACH STATEMENT EXECUTE FUNCTION gg_refuse('the audit log is append-only');

-- Every unit with the codes of its ancestors, for reports that roll up by street or district.
CREATE VIEW unit_path AS
WITH RECURSIVE up (code, level, ancestor, ancestor_level, depth) AS (
	SELECT code, level, code, level, 0::bigint FROM unit
	UNION ALL
	SELECT up.code, up.level, u.parent, p.level, up.depth + 1
	FROM up JOIN unit u ON u.code = up.ancestor JOIN unit p ON p.code = u.parent
)
SELECT code, level, ancestor, ancestor_level, depth FROM up;

-- gg_norm_address(address): the address with white space dropped, full-width letters and digits
-- made half-width, Latin letters lower-cased, 栋/棟/号楼 read as 幢 and 號 as 号: what gg's C
-- function of that name gives SQLite (lib/text.c), for resolve and the duplicate finder. One
-- translate() maps each character as the C's fold() does (the deleted ones last, past the end
-- of the second list); then 号楼 becomes 幢.
CREATE FUNCTION gg_norm_address(address TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT replace(translate(address,
		E'！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～ABCDEFGHIJKLMNOPQRSTUVWXYZ栋棟號—–− \t\r\n　 ',
		E'!"#$%&''()*+,-./0123456789:;<=>?@abcdefghijklmnopqrstuvwxyz[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~abcdefghijklmnopqrstuvwxyz幢幢号---'), '号楼', '幢')
$$;
