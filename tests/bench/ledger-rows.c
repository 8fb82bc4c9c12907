/* SPDX-License-Identifier: Apache-2.0 */
/* ledger-rows DB N: makes the bench city's grid workers and building heads volunteers of the
 * community they work in (those who are one already stay as they are) and appends N rows to
 * the hours ledger of DB, in one transaction, with a plain prepared statement: services of 30
 * minutes to 4 hours from 2025-01-01 to 2026-11-25, seven in ten verified by a community
 * worker of the community, one verified in thirty reversed, one unverified in a hundred too.
 * The ledger `make bench` totals with gg-volunteer hours. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rnd_state = 0x9e3779b97f4a7c15u;

static uint32_t rnd(void) /* xorshift64*: the same ledger every run */
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return (uint32_t)((rnd_state * 0x2545f4914f6cdd1du) >> 32);
}

struct vol {
	char person[16], community[32], worker[16];
};

static void fail(sqlite3 *db, const char *what)
{
	fprintf(stderr, "ledger-rows: %s: %s\n", what, sqlite3_errmsg(db));
	exit(70);
}

/* The civil date of days since 1970-01-01 (Howard Hinnant's algorithm). */
static void civil(long z, char out[16])
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(out, 16, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

int main(int argc, char **argv)
{
	sqlite3 *db;
	sqlite3_stmt *st, *ins;
	struct vol *v = NULL;
	long n = argc == 3 ? atol(argv[2]) : 0, nv = 0, cap = 0, rows = 0;
	char *idx[16], *name[16];
	int nidx = 0;
	const long first = 20089, days = 694; /* 2025-01-01, and the days to 2026-11-25 */

	if (n <= 0 || sqlite3_open(argv[1], &db) != SQLITE_OK)
		return fprintf(stderr, "usage: ledger-rows DB N\n"), 64;
	if (sqlite3_exec(db,
			 "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
			 "BEGIN IMMEDIATE;"
			 "INSERT OR IGNORE INTO volunteer (person, home_community, employer)"
			 " SELECT r.person, g.parent, printf('第%d单位', substr(r.person, 2) % 50 + 1)"
			 " FROM person_role r JOIN unit g ON g.code = r.unit WHERE r.role = 'grid_worker';"
			 "INSERT OR IGNORE INTO volunteer (person, home_community)"
			 " SELECT r.person, g.parent FROM person_role r JOIN unit b ON b.code = r.unit"
			 " JOIN unit g ON g.code = b.parent WHERE r.role = 'building_head';",
			 0, 0, 0) != SQLITE_OK)
		fail(db, "volunteers");
	if (sqlite3_prepare_v2(db,
			       "SELECT v.person, v.home_community, (SELECT min(person) FROM person_role"
			       " WHERE role = 'community_worker' AND unit = v.home_community) FROM volunteer v"
			       " ORDER BY v.person",
			       -1, &st, 0))
		fail(db, "volunteers");
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (nv == cap && !(v = realloc(v, (size_t)(cap = cap ? 2 * cap : 1024) * sizeof *v)))
			return fputs("ledger-rows: out of memory\n", stderr), 70;
		snprintf(v[nv].person, sizeof v[nv].person, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(v[nv].community, sizeof v[nv].community, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(v[nv].worker, sizeof v[nv].worker, "%s",
			 sqlite3_column_type(st, 2) == SQLITE_NULL ? "" : (const char *)sqlite3_column_text(st, 2));
		nv++;
	}
	sqlite3_finalize(st);
	if (!nv)
		return fputs("ledger-rows: no volunteers: import the bench city first\n", stderr), 65;
	/* the ledger's indexes are set aside and made again once the rows are in: a sort each,
	 * rather than millions of inserts at random places (three times as long at 500,000 rows) */
	if (sqlite3_prepare_v2(db,
			       "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'service'"
			       " AND sql IS NOT NULL",
			       -1, &st, 0))
		fail(db, "indexes");
	while (sqlite3_step(st) == SQLITE_ROW && nidx < 16) {
		name[nidx] = strdup((const char *)sqlite3_column_text(st, 0));
		idx[nidx++] = strdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	for (int i = 0; i < nidx; i++) {
		char drop[256];
		snprintf(drop, sizeof drop, "DROP INDEX \"%s\"", name[i]);
		if (sqlite3_exec(db, drop, 0, 0, 0) != SQLITE_OK)
			fail(db, "indexes");
		free(name[i]);
	}
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO service (entry, ref, volunteer, community, date, minutes, counted, "
			       "verified_by, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			       -1, &ins, 0))
		fail(db, "insert");
	while (rows < n) {
		const struct vol *w = &v[rnd() % (uint32_t)nv];
		long day = first + (long)(rnd() % days), minutes = 30 * (1 + (long)(rnd() % 8));
		long long at = (long long)day * 86400 + 10 * 3600; /* 18:00 in the calendar's zone */
		int verified = w->worker[0] && rnd() % 10 < 7, reversed = rnd() % (verified ? 30 : 100) == 0;
		char date[16];
		sqlite3_int64 id;
		civil(day, date);
		for (int k = 0; k < 1 + verified + reversed && rows < n; k++, rows++) {
			static const char *const entry[] = {"service", "verify", "reverse"};
			int e = k == 0 ? 0 : k == 1 && verified ? 1 : 2;
			sqlite3_bind_text(ins, 1, entry[e], -1, SQLITE_STATIC);
			if (e)
				sqlite3_bind_int64(ins, 2, id);
			else
				sqlite3_bind_null(ins, 2);
			sqlite3_bind_text(ins, 3, w->person, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 4, w->community, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 5, date, -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins, 6, e == 2 ? -minutes : minutes);
			sqlite3_bind_int(ins, 7, e == 1 || (e == 2 && verified));
			if (e == 1)
				sqlite3_bind_text(ins, 8, w->worker, -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(ins, 8);
			if (e == 2)
				sqlite3_bind_text(ins, 9, "登记有误", -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(ins, 9);
			sqlite3_bind_int64(ins, 10, at + k * 3600);
			if (sqlite3_step(ins) != SQLITE_DONE)
				fail(db, "insert");
			sqlite3_reset(ins);
			if (e == 0)
				id = sqlite3_last_insert_rowid(db);
		}
	}
	sqlite3_finalize(ins);
	free(v);
	for (int i = 0; i < nidx; i++) {
		if (sqlite3_exec(db, idx[i], 0, 0, 0) != SQLITE_OK)
			fail(db, "indexes");
		free(idx[i]);
	}
	if (sqlite3_exec(db, "COMMIT", 0, 0, 0) != SQLITE_OK)
		fail(db, "commit");
	return sqlite3_close(db) == SQLITE_OK ? 0 : 70;
}
