/* SPDX-License-Identifier: Apache-2.0 */
/* ladder.c: the ladders of share/gg/sql/003-ladder.sql, read once per command into the
 * context's memo, so the C and the SQL count levels and open statuses from one definition. */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "ladder.h"

struct names {
	int loaded, n;
	char text[GG_LADDER_MAX][32];
	const char *v[GG_LADDER_MAX + 1];
};

static const char *const *read_names(struct gg_ctx *c, const char *memo, const char *query, const char *ladder)
{
	struct gg_stmt *st;
	struct names *l;
	int fresh, rc;

	if (!(l = gg_ctx_memo(c, memo, sizeof *l, &fresh)))
		return gg_err_oom(&c->err), NULL;
	if (!fresh && l->loaded)
		return l->v;
	l->n = 0; /* a read that failed before is tried again */
	if (!(st = gg_db_named(c->db, query, &c->err)))
		return NULL;
	if (ladder)
		gg_stmt_bind_text(st, gg_stmt_index(st, "ladder"), ladder);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		const char *name = gg_stmt_text(st, 0);
		if (l->n == GG_LADDER_MAX || strlen(name) >= sizeof l->text[0]) {
			gg_err_set(&c->err, GG_EX_SOFTWARE, "%s: more than %d names, or a name over %zu bytes", memo,
				   GG_LADDER_MAX, sizeof l->text[0] - 1);
			return NULL;
		}
		memcpy(l->text[l->n], name, strlen(name) + 1);
		l->v[l->n] = l->text[l->n];
		l->v[++l->n] = NULL;
	}
	if (rc < 0)
		return NULL;
	l->loaded = 1;
	return l->v;
}

const char *const *gg_ladder(struct gg_ctx *c, const char *ladder)
{
	char memo[64];

	snprintf(memo, sizeof memo, "ladder:%s", ladder);
	return read_names(c, memo, "ladder", ladder);
}

int gg_ladder_rank(struct gg_ctx *c, const char *ladder, const char *name)
{
	const char *const *v = gg_ladder(c, ladder);

	for (int i = 0; v && name && v[i]; i++)
		if (strcmp(v[i], name) == 0)
			return i;
	return -1;
}

static const char *const *open_statuses(struct gg_ctx *c)
{
	return read_names(c, "ladder:open", "open-statuses", NULL);
}

const char *const *gg_ladder_statuses(struct gg_ctx *c)
{
	return read_names(c, "ladder:statuses", "statuses", NULL);
}

int gg_ladder_is_open(struct gg_ctx *c, const char *status)
{
	const char *const *v = open_statuses(c);

	if (!v)
		return -1;
	for (int i = 0; status && v[i]; i++)
		if (strcmp(v[i], status) == 0)
			return 1;
	return 0;
}
