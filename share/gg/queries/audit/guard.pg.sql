-- SPDX-License-Identifier: Apache-2.0
-- audit/guard.pg.sql: audit/guard.sql for the PostgreSQL store: the triggers that keep the
-- audit log append-only, made when the schema is migrated and by gg-org init. No row is
-- updated. No row is deleted, except those before an archive row. A row is inserted only as
-- the next one: the id after the last, chained to the last hash. And, as PostgreSQL's TRUNCATE
-- skips row triggers, the log is never truncated. A trigger's WHEN cannot hold a subquery
-- here, so each trigger runs a function of its own name that tests what SQLite's WHEN did
-- (IS NOT is IS DISTINCT FROM) and refuses in SQLite's words. There is no CREATE TRIGGER IF
-- NOT EXISTS: every trigger is dropped and made again, every function replaced, so running
-- this twice leaves the same four. audit/triggers.pg.sql reads back each CREATE TRIGGER as
-- written below (without its semicolon) and each function's body between its $$.
CREATE OR REPLACE FUNCTION audit_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION USING MESSAGE = 'the audit log is append-only', ERRCODE = 'integrity_constraint_violation';
END
$$;
DROP TRIGGER IF EXISTS audit_no_update ON audit;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION audit_no_update();
CREATE OR REPLACE FUNCTION audit_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.id >= coalesce((SELECT a.id FROM audit a WHERE a.v = 2 AND a.change ->> 'op' = 'archive'
	                       ORDER BY a.id DESC LIMIT 1), 0) THEN
		RAISE EXCEPTION USING MESSAGE = 'the audit log is append-only', ERRCODE = 'integrity_constraint_violation';
	END IF;
	RETURN OLD;
END
$$;
DROP TRIGGER IF EXISTS audit_no_delete ON audit;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_no_delete();
CREATE OR REPLACE FUNCTION audit_next() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.id IS DISTINCT FROM (SELECT coalesce(max(id), 0) + 1 FROM audit)
	   OR NEW.prev IS DISTINCT FROM coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), NEW.prev) THEN
		RAISE EXCEPTION USING MESSAGE = 'the audit log is append-only: a row must follow the last',
			ERRCODE = 'integrity_constraint_violation';
	END IF;
	RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS audit_next ON audit;
CREATE TRIGGER audit_next BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_next();
CREATE OR REPLACE FUNCTION audit_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION USING MESSAGE = 'the audit log is append-only', ERRCODE = 'integrity_constraint_violation';
END
$$;
DROP TRIGGER IF EXISTS audit_no_truncate ON audit;
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate();
