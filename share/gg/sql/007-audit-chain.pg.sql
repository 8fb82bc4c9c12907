-- SPDX-License-Identifier: Apache-2.0
-- 007-audit-chain.pg.sql: 007-audit-chain.sql for the PostgreSQL store: the audit log records
-- who really ran a command and when, and its rows are chained by an unambiguous encoding (v 2,
-- see gg(7)). INTEGER is BIGINT. The triggers that keep the log append-only are
-- queries/audit/guard.pg.sql, made again after the migrations; PostgreSQL names a trigger with
-- its table, and has a fourth, audit_no_truncate, dropped with the rest.
ALTER TABLE audit ADD COLUMN login TEXT; -- the login that ran the command, whatever --actor said
ALTER TABLE audit ADD COLUMN uid BIGINT;
ALTER TABLE audit ADD COLUMN now TEXT;   -- the --now or GG_NOW the command was given, if any
ALTER TABLE audit ADD COLUMN v BIGINT;   -- how the hash encodes the row: NULL the first way, 2
DROP TRIGGER audit_no_update ON audit;
DROP TRIGGER audit_no_delete ON audit;
DROP TRIGGER audit_no_replace ON audit;
DROP TRIGGER audit_no_truncate ON audit;
