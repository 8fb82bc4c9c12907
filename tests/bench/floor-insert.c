/* SPDX-License-Identifier: Apache-2.0 */
/* floor-insert DB N [GRIDS]: the floor gg-ticket import is measured against. It writes the
 * ticket rows gen-tickets describes into the same table with a plain prepared statement in
 * one transaction, with the PRAGMAs gg uses: no parsing, no lookups, no deadlines counted with
 * a calendar (a fixed 24h). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	static const char *const cats[] = {"env.garbage", "road.streetlight", "env.noise", "road.occupation"};
	static const char *const titles[] = {"楼道堆放杂物", "路灯不亮", "夜间施工噪音", "占道经营"};
	static const char *const srcs[] = {"hotline_12345", "grid_patrol", "app", "resident"};
	sqlite3 *db;
	sqlite3_stmt *t;
	long n = argc > 2 ? atol(argv[2]) : 1000000, grids = argc > 3 ? atol(argv[3]) : 10000;
	long long t0 = 1793462400;
	char ext[32], unit[64], title[128];

	if (argc < 3 || sqlite3_open(argv[1], &db) != SQLITE_OK)
		return fprintf(stderr, "usage: floor-insert DB N [GRIDS]\n"), 64;
	sqlite3_exec(
		db,
		"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; BEGIN IMMEDIATE",
		0, 0, 0);
	if (sqlite3_prepare_v2(
		    db,
		    "INSERT INTO ticket (external_id, source, category, title, unit, priority, status, level, "
		    "reported_at, level_at, respond_by, due_at, due_base, start_level, created_at, created_by) "
		    "VALUES (?, ?, ?, ?, ?, 'normal', 'new', 'grid', ?, ?, ?, ?, ?, 'grid', ?, 'bench')",
		    -1, &t, 0))
		return fprintf(stderr, "floor-insert: %s\n", sqlite3_errmsg(db)), 70;
	for (long i = 0; i < n; i++) {
		long g = i % grids + 1, c = (g - 1) / 10 + 1, st = (c - 1) / 10 + 1;
		int k = (int)(i % 4);
		long long at = t0 + 2 * i;
		snprintf(ext, sizeof ext, "B%08ld", i);
		int len = snprintf(unit, sizeof unit, "C-%02ld-%02ld-%04ld-G%02ld", (st - 1) / 10 + 1,
				   (st - 1) % 10 + 1, c, (g - 1) % 10 + 1);
		if (i % 3)
			snprintf(unit + len, sizeof unit - (size_t)len, "-B%ld", i % 3);
		snprintf(title, sizeof title, "%s %ld", titles[k], i);
		sqlite3_bind_text(t, 1, ext, -1, SQLITE_STATIC);
		sqlite3_bind_text(t, 2, srcs[k], -1, SQLITE_STATIC);
		sqlite3_bind_text(t, 3, cats[k], -1, SQLITE_STATIC);
		sqlite3_bind_text(t, 4, title, -1, SQLITE_STATIC);
		sqlite3_bind_text(t, 5, unit, -1, SQLITE_STATIC);
		sqlite3_bind_int64(t, 6, at);
		sqlite3_bind_int64(t, 7, at);
		sqlite3_bind_int64(t, 8, at + 7200);
		sqlite3_bind_int64(t, 9, at + 86400);
		sqlite3_bind_int64(t, 10, at + 86400);
		sqlite3_bind_int64(t, 11, t0 + 40 * 86400);
		if (sqlite3_step(t) != SQLITE_DONE)
			return fprintf(stderr, "floor-insert: %s\n", sqlite3_errmsg(db)), 70;
		sqlite3_reset(t);
	}
	sqlite3_finalize(t);
	if (sqlite3_exec(db, "COMMIT", 0, 0, 0) != SQLITE_OK)
		return fprintf(stderr, "floor-insert: %s\n", sqlite3_errmsg(db)), 70;
	return sqlite3_close(db) == SQLITE_OK ? 0 : 70;
}
