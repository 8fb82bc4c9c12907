/* SPDX-License-Identifier: Apache-2.0 */
/* append.c: the entity layer's append-only mechanism, tried on the audit log (GG_K_APPEND):
 * a stored row read back through the kind, then changed and removed through it, each refused
 * with the message a user would see. Prints one line per attempt for tests/kind.bats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "kind.h"

static int count(struct gg_ctx *c, json_t *rec, void *arg)
{
	(void)c;
	(void)rec;
	(*(int *)arg)++;
	return 0;
}

int main(int argc, char **argv)
{
	struct gg_ctx c = {.actor = "tester", .command = strdup("test-kind")};
	enum gg_put what;
	json_t *row;
	int n = 0, rc;

	if (argc != 2 || gg_clock_init("2026-11-26T10:00:00+08:00", &c.err) ||
	    gg_db_open(&c.db, argv[1], GG_DB_WRITE, &c.err) || gg_db_begin(c.db, &c.err))
		return fprintf(stderr, "test-kind: %s\n", c.err.msg), 70;
	json_t *change = json_pack("{s:s}", "op", "probe");
	rc = gg_audit(&c, change);
	json_decref(change);
	if (rc || gg_db_commit(c.db, &c.err) || gg_db_begin(c.db, &c.err))
		return fprintf(stderr, "test-kind: %s\n", c.err.msg), 70;

	gg_kind_each(&c, &gg_audit_kind, count, &n);
	gg_kind_get(&c, &gg_audit_kind, json_pack("{s:i}", "id", n), &row);
	printf("rows %d, the last by %s: %s\n", n, json_string_value(json_object_get(row, "actor")),
	       json_string_value(json_object_get(json_object_get(row, "change"), "op")));

	json_object_set_new(row, "actor", json_string("someone else"));
	rc = gg_kind_put(&c, &gg_audit_kind, row, NULL, 0, &what, NULL);
	printf("set: %d %s\n", rc, c.err.msg);
	c.err.msg[0] = '\0';
	rc = gg_kind_rm(&c, &gg_audit_kind, row);
	printf("rm: %d %s\n", rc, c.err.msg);
	json_decref(row);
	gg_db_rollback(c.db);
	gg_db_close(c.db);
	gg_ctx_free(&c);
	return 0;
}
