-- SPDX-License-Identifier: Apache-2.0
-- order/has-signup.pg.sql: order/has-signup.sql for the PostgreSQL store, which lists its
-- tables in information_schema instead of sqlite_schema: whether the database has service
-- days' sign-ups (the table signup), whose no-shows count against a volunteer in match.
SELECT count(*) FROM information_schema.tables
WHERE table_schema = current_schema() AND table_name = 'signup' AND table_type = 'BASE TABLE';
