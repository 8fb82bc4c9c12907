/* SPDX-License-Identifier: Apache-2.0 */
/* prepare.c: every named query under share/gg/queries prepared on one database, as the store
 * would run it (a PostgreSQL server's NAME.pg.sql where there is one, the :names made $n), and
 * the ones the database refuses named with its reason, one line each. For tests/queries.bats:
 * a query that only a rare command runs would otherwise fail first in a user's hands. Metric
 * queries are parts of a SELECT that gg-score puts together, not statements: they are left to
 * gg-score's own tests. */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "embed.h"

int main(int argc, char **argv)
{
	struct gg_db *db;
	struct gg_err err = {0};
	int n = 0, bad = 0;

	/* score/scope-table makes the temporary table that gg-score's queries read */
	if (argc != 2 || gg_db_open(&db, argv[1], GG_DB_WRITE, &err) || gg_db_begin(db, &err) ||
	    gg_db_exec(db, gg_db_query("score/scope-table"), &err))
		return fprintf(stderr, "test-queries: %s\n", err.msg), 70;
	for (const struct gg_embed *e = gg_embedded; e->name; e++) {
		size_t len = strlen(e->name);
		if (strncmp(e->name, "queries/", 8) || !strncmp(e->name, "queries/metrics/", 16) ||
		    (len > 7 && !strcmp(e->name + len - 7, ".pg.sql")) || !strcmp(e->name, "queries/audit/guard.sql") ||
		    !strcmp(e->name, "queries/score/scope-table.sql"))
			continue;
		n++;
		err.code = 0;
		if (!gg_db_stmt(db, e->text, &err)) {
			printf("%s: %s\n", e->name, err.msg);
			bad++;
			/* a failed statement ends PostgreSQL's transaction: a new one for the next */
			gg_db_rollback(db);
			if (gg_db_begin(db, &err) || gg_db_exec(db, gg_db_query("score/scope-table"), &err))
				return fprintf(stderr, "test-queries: %s\n", err.msg), 70;
		}
	}
	gg_db_rollback(db);
	gg_db_close(db);
	printf("%d queries, %d refused\n", n, bad);
	return bad ? 1 : 0;
}
