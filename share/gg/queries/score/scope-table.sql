-- SPDX-License-Identifier: Apache-2.0
-- score/scope-table.sql: gg-score's own unit_path for the command, empty: a temporary table
-- that score/scope.sql fills and the metrics read before the view of that name.
CREATE TEMP TABLE IF NOT EXISTS unit_path (code TEXT PRIMARY KEY, level TEXT NOT NULL, ancestor TEXT NOT NULL,
                                           ancestor_level TEXT NOT NULL, depth INTEGER NOT NULL) WITHOUT ROWID;
DELETE FROM temp.unit_path;
