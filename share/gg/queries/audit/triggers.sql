-- SPDX-License-Identifier: Apache-2.0
-- audit/triggers.sql: the triggers of audit/guard.sql the database has, by name, with the
-- text SQLite keeps of each (compared with guard.sql's, so a body replaced is found too).
SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit'
  AND name IN ('audit_no_update', 'audit_no_delete', 'audit_next') ORDER BY name;
