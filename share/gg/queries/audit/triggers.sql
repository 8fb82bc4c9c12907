-- SPDX-License-Identifier: Apache-2.0
-- audit/triggers.sql: every trigger on the audit log, by name, with the text SQLite keeps of
-- it: compared with audit/guard.sql's, so a body replaced, or a trigger gg did not make, is
-- found.
SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit' ORDER BY name;
