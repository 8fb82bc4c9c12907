/* SPDX-License-Identifier: Apache-2.0 */
/* prepare.c: every named query under share/gg/queries prepared on one database, as the store
 * would run it (a PostgreSQL server's NAME.pg.sql where there is one, or its own query with no
 * NAME.sql, the :names made $n), and the ones the database refuses named with its reason, one
 * line each. For tests/queries.bats: a query that only a rare command runs would otherwise
 * fail first in a user's hands. Metric queries are parts of a SELECT that gg-score puts
 * together, not statements: they are left to gg-score's own tests. */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "embed.h"

/* The temporary tables some queries read, as the commands make them: gg-score's scope, and
 * on a server the table an import's batch waits in. */
static int temporary(struct gg_db *db, struct gg_err *err)
{
	if (gg_db_begin(db, err) || gg_db_exec(db, gg_db_text(db, "score/scope-table"), err))
		return err->code;
	return gg_db_can_copy(db) ? gg_db_exec(db, gg_db_text(db, "ticket/staging"), err) : 0;
}

/* Whether an embedded file is a query to prepare: a statement of its own, in the store's
 * dialect (a NAME.pg.sql is prepared for its NAME.sql, or alone on a server). */
static int statement(struct gg_db *db, const char *name)
{
	static const char *const not[] = {"queries/audit/guard.sql", "queries/score/scope-table.sql",
					  "queries/score/scope-table.pg.sql", "queries/ticket/staging.pg.sql", NULL};
	char twin[256];

	if (strncmp(name, "queries/", 8) || !strncmp(name, "queries/metrics/", 16))
		return 0;
	for (int i = 0; not[i]; i++)
		if (!strcmp(name, not[i]))
			return 0;
	if (!gg_db_pg_file(name))
		return 1;
	snprintf(twin, sizeof twin, "%.*s.sql", (int)(strlen(name) - 7), name);
	return gg_db_can_copy(db) && !gg_embed_get(twin);
}

int main(int argc, char **argv)
{
	struct gg_db *db;
	struct gg_err err = {0};
	int n = 0, bad = 0;

	if (argc != 2 || gg_db_open(&db, argv[1], GG_DB_WRITE, &err) || temporary(db, &err))
		return fprintf(stderr, "test-queries: %s\n", err.msg), 70;
	for (const struct gg_embed *e = gg_embedded; e->name; e++) {
		if (!statement(db, e->name))
			continue;
		n++;
		err.code = 0;
		if (!gg_db_stmt(db, e->text, &err)) {
			printf("%s: %s\n", e->name, err.msg);
			bad++;
			/* a failed statement ends PostgreSQL's transaction: a new one for the next */
			gg_db_rollback(db);
			if (temporary(db, &err))
				return fprintf(stderr, "test-queries: %s\n", err.msg), 70;
		}
	}
	gg_db_rollback(db);
	gg_db_close(db);
	printf("%d queries, %d refused\n", n, bad);
	return bad ? 1 : 0;
}
