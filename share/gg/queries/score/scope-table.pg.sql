-- SPDX-License-Identifier: Apache-2.0
-- score/scope-table.pg.sql: score/scope-table.sql on PostgreSQL, whose temporary tables are
-- in pg_temp (first on the search path, so read before the view unit_path) and have no rowid.
CREATE TEMP TABLE IF NOT EXISTS unit_path (code TEXT PRIMARY KEY, level TEXT NOT NULL, ancestor TEXT NOT NULL,
                                           ancestor_level TEXT NOT NULL, depth INTEGER NOT NULL);
DELETE FROM pg_temp.unit_path;
