-- SPDX-License-Identifier: Apache-2.0
-- 007-audit-chain.sql: the audit log records who really ran a command and when, beside the
-- --actor and --now it was given, and its rows are chained by an unambiguous encoding (v 2,
-- see gg(7)); rows written before keep theirs (v NULL: fields joined by newlines). The
-- triggers that keep the log append-only are queries/audit/guard.sql, made again here.
ALTER TABLE audit ADD COLUMN login TEXT; -- the login that ran the command, whatever --actor said
ALTER TABLE audit ADD COLUMN uid INTEGER;
ALTER TABLE audit ADD COLUMN now TEXT;   -- the --now or GG_NOW the command was given, if any
ALTER TABLE audit ADD COLUMN v INTEGER;  -- how the hash encodes the row: NULL the first way, 2
DROP TRIGGER audit_no_update;
DROP TRIGGER audit_no_delete;
DROP TRIGGER audit_no_replace;
