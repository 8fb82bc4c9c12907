-- SPDX-License-Identifier: Apache-2.0
-- audit/triggers.pg.sql: audit/triggers.sql for the PostgreSQL store: every trigger on the
-- audit log, by name, with the text PostgreSQL makes of it (pg_get_triggerdef, pretty: the
-- table and function unqualified where the search path finds them, which is how
-- audit/guard.pg.sql writes them) and the body of the function it runs, as written between its
-- $$. PostgreSQL keeps a trigger's function apart from it: a body replaced under the same name
-- is found by the third column. Triggers PostgreSQL makes itself (for foreign keys) are left out.
SELECT t.tgname AS name, pg_get_triggerdef(t.oid, true) AS sql, p.prosrc AS body
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_proc p ON p.oid = t.tgfoid
WHERE c.relname = 'audit' AND c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal
ORDER BY t.tgname COLLATE "C";
