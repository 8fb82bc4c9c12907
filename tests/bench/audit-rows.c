/* SPDX-License-Identifier: Apache-2.0 */
/* audit-rows.c: appends N rows to the audit log of DB through gg_audit itself, in one
 * transaction, each a change as a ticket step writes it: the log `make bench` verifies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"

int main(int argc, char **argv)
{
	struct gg_ctx c = {.actor = "bench", .command = strdup("gg-ticket accept 4242 --note 已受理")};
	long n = argc == 3 ? atol(argv[2]) : 0;

	if (n <= 0 || gg_clock_init(NULL, &c.err) || gg_db_open(&c.db, argv[1], GG_DB_WRITE, &c.err) ||
	    gg_db_begin(c.db, &c.err))
		return fprintf(stderr, "audit-rows DB N: %s\n", c.err.msg), 70;
	for (long i = 0; i < n; i++) {
		json_t *ch = json_pack("{s:s,s:s,s:I}", "op", "accept", "kind", "ticket", "id", (json_int_t)i + 1);
		int rc = gg_audit(&c, ch);
		json_decref(ch);
		if (rc)
			return fprintf(stderr, "audit-rows: %s\n", c.err.msg), rc;
	}
	if (gg_db_commit(c.db, &c.err))
		return fprintf(stderr, "audit-rows: %s\n", c.err.msg), 70;
	gg_db_close(c.db);
	gg_ctx_free(&c);
	return 0;
}
