/* SPDX-License-Identifier: Apache-2.0 */
/* db-impl.h: what db.c shares with db-attach.c, the other half of the store: the connection and
 * its statements, the error mapping, the setup every connection gets (its SQL functions
 * among it), and the schema version this build knows. Nothing outside the store includes it. */
#ifndef GG_DB_IMPL_H
#define GG_DB_IMPL_H

#include <sqlite3.h>

#include "db.h"

struct gg_stmt {
	sqlite3_stmt *st;
	const char *sql;
	struct gg_db *db;
	struct gg_stmt *next;
};

struct gg_db {
	sqlite3 *h;
	char *path;
	struct gg_stmt *cache;
	/* a write's transaction not yet begun (gg_db_begin_later): its first statement begins it,
	 * then calls on_begin */
	int pending;
	int (*on_begin)(void *arg, struct gg_err *err);
	void *on_begin_arg;
};

int gg_db_fail(struct gg_db *db, int rc, struct gg_err *err, const char *what);
int gg_db_setup(struct gg_db *db, struct gg_err *err);
int gg_db_version(void);
void gg_db_configure(void);

#endif
