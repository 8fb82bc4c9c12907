/* SPDX-License-Identifier: Apache-2.0 */
/* db-impl.h: what db.c shares with db-attach.c and db-pg.c, the other parts of the store: the
 * connection and its statements (a SQLite file's, or a PostgreSQL server's when pg is set), the
 * error mapping, the setup every connection gets (its SQL functions among it), and the schema
 * version this build knows. Nothing outside the store includes it. */
#ifndef GG_DB_IMPL_H
#define GG_DB_IMPL_H

#include <libpq-fe.h>
#include <sqlite3.h>

#include "db.h"

struct gg_stmt {
	sqlite3_stmt *st;
	const char *sql;
	struct gg_db *db;
	struct gg_stmt *next;
	/* PostgreSQL's: the prepared statement's name, its :names in $n order, the values bound
	 * (text, NULL for NULL), and the result being stepped through */
	char name[16];
	int nparams;
	char **names;
	char **vals;
	PGresult *res;
	int row;
};

struct gg_db {
	sqlite3 *h;
	char *path; /* as messages name it: a server's URL without its password */
	PGconn *pg; /* the server's connection, for a postgresql:// database; h is NULL then */
	char *url;
	int busy_ms;
	int64_t changes;
	int returned; /* the last INSERT returned its id, last_id */
	int64_t last_id;
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

/* db-pg.c: the PostgreSQL store, called by db.c's functions when the database is a server's */
int gg_pg_name(struct gg_db *db, const char *url);
int gg_pg_open(struct gg_db *db, enum gg_db_mode mode, struct gg_err *err);
void gg_pg_close(struct gg_db *db);
void gg_pg_free(struct gg_stmt *s);
int gg_pg_exec(struct gg_db *db, const char *sql, struct gg_err *err);
const char *gg_pg_dialect(const char *sql);
int gg_pg_begin(struct gg_db *db, struct gg_err *err);
int gg_pg_commit(struct gg_db *db, struct gg_err *err);
void gg_pg_rollback(struct gg_db *db);
int gg_pg_prepare(struct gg_stmt *s, const char *sql, struct gg_err *err);
void gg_pg_reset(struct gg_stmt *s);
void gg_pg_bind(struct gg_stmt *s, int i, const char *text, size_t n);
int gg_pg_index(struct gg_stmt *s, const char *name);
int gg_pg_step(struct gg_stmt *s, struct gg_err *err);
const char *gg_pg_text(struct gg_stmt *s, int i);
size_t gg_pg_bytes(struct gg_stmt *s, int i);
int64_t gg_pg_int(struct gg_stmt *s, int i);
int gg_pg_isnull(struct gg_stmt *s, int i);
json_t *gg_pg_row(struct gg_stmt *s);
int64_t gg_pg_last_id(struct gg_db *db);
int gg_pg_keep(struct gg_stmt *s, struct gg_rows *rows, struct gg_err *err);
int gg_pg_copy(struct gg_db *db, const char *table, struct gg_rows *rows, struct gg_err *err);

#endif
