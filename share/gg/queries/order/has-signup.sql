-- SPDX-License-Identifier: Apache-2.0
-- order/has-signup.sql: whether the database has service days' sign-ups (the table signup),
-- whose no-shows count against a volunteer in match.
SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'signup';
