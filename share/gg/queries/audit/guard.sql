-- SPDX-License-Identifier: Apache-2.0
-- audit/guard.sql: the triggers that keep the audit log append-only, made when the schema is
-- migrated and by gg-org init when they are missing (every other write refuses to run
-- without them: see gg_audit_guard). No row is updated. No row is deleted, except those
-- before an archive row (gg-report audit --archive wrote them to a file and named its
-- head). A row is inserted only as the next one: the id after the last, chained to the last
-- hash; INSERT OR REPLACE over a row is refused with the rest.
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
WHEN OLD.id >= coalesce((SELECT a.id FROM audit a WHERE a.v = 2 AND json_extract(a.change, '$.op') = 'archive'
                         ORDER BY a.id DESC LIMIT 1), 0)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_next BEFORE INSERT ON audit
WHEN NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM audit)
  OR NEW.prev IS NOT coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), NEW.prev)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: a row must follow the last'); END;
