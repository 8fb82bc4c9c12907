-- SPDX-License-Identifier: Apache-2.0
-- 004-append-only.pg.sql: 004-append-only.sql for the PostgreSQL store: an append-only
-- table's stored row is never replaced. PostgreSQL has no INSERT OR REPLACE, but an insert
-- over a taken id is refused with the log's own message, as SQLite's trigger refuses it, not
-- with the primary key's. A trigger's WHEN cannot hold a subquery here, so the lookup is in
-- gg_refuse_taken (001-org.pg.sql).

CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
FOR EACH ROW WHEN (NEW.id IS NOT NULL) EXECUTE FUNCTION gg_refuse_taken('the audit log is append-only');
