/* SPDX-License-Identifier: Apache-2.0 */
/* db.h: the one module that knows what the store is: a SQLite file, or a PostgreSQL server
 * for a GG_DB of postgresql://…. Opening (WAL, busy timeout, group-private files), migrations,
 * write transactions, and statements that are prepared once and handed out again, with values
 * bound from records. */
#ifndef GG_DB_H
#define GG_DB_H

#include <jansson.h>
#include <stdint.h>

#include "err.h"

struct gg_db;
struct gg_stmt;

/* GG_DB_ADOPT: to write, a file of another program's tables made gg's too (gg-org init --force) */
enum gg_db_mode { GG_DB_READ, GG_DB_WRITE, GG_DB_ADOPT };

int gg_db_path(char *buf, size_t n, const char *opt, struct gg_err *err);
/* Whether a database is a PostgreSQL server's (postgresql://… or postgres://…), not a file */
int gg_db_is_url(const char *path);
int gg_db_open(struct gg_db **db, const char *path, enum gg_db_mode mode, struct gg_err *err);
/* n files read-only as one city (db-attach.c): what they share merged, their records in views */
int gg_db_open_several(struct gg_db **db, const char *const *paths, int n, struct gg_err *err);
void gg_db_close(struct gg_db *db);
int gg_db_begin(struct gg_db *db, struct gg_err *err);
void gg_db_begin_later(struct gg_db *db, int (*on_begin)(void *arg, struct gg_err *err), void *arg);
int gg_db_commit(struct gg_db *db, struct gg_err *err);
void gg_db_rollback(struct gg_db *db);
int gg_db_exec(struct gg_db *db, const char *sql, struct gg_err *err);
const char *gg_db_query(const char *name);
/* The text of queries/NAME.sql as db's store runs it: on PostgreSQL, its NAME.pg.sql if any
 * (or alone: a query only the server runs) */
const char *gg_db_text(struct gg_db *db, const char *name);
/* Whether an embedded file (share/gg/…) is the PostgreSQL store's own: NAME.pg.sql */
int gg_db_pg_file(const char *name);

struct gg_stmt *gg_db_stmt(struct gg_db *db, const char *sql, struct gg_err *err);
/* queries/NAME as gg_db_text gives it */
struct gg_stmt *gg_db_named(struct gg_db *db, const char *name, struct gg_err *err);
void gg_stmt_bind_text(struct gg_stmt *st, int i, const char *s);
void gg_stmt_bind_fixed(struct gg_stmt *st, int i, const char *s);
void gg_stmt_bind_int(struct gg_stmt *st, int i, int64_t v);
void gg_stmt_bind_null(struct gg_stmt *st, int i);
void gg_stmt_bind_json(struct gg_stmt *st, int i, json_t *v);
int gg_stmt_bind_name(struct gg_stmt *st, const char *name, json_t *v);
int gg_stmt_index(struct gg_stmt *st, const char *name); /* of :name, 0 when the statement has none */
int gg_stmt_step(struct gg_stmt *st, struct gg_err *err);
int gg_stmt_run(struct gg_stmt *st, struct gg_err *err);
const char *gg_stmt_text(struct gg_stmt *st, int i);
size_t gg_stmt_bytes(struct gg_stmt *st, int i); /* of the text gg_stmt_text gave, NULs and all */
int64_t gg_stmt_int(struct gg_stmt *st, int i);
int gg_stmt_isnull(struct gg_stmt *st, int i);
json_t *gg_stmt_row(struct gg_stmt *st);
/* Rows sent by COPY, the fastest way into a PostgreSQL server (a SQLite file, written in
 * process, has no need of it: gg_db_can_copy says whether the store takes them).
 * gg_stmt_keep keeps the values bound to st as the next row, numbered from 1, instead of
 * running st; gg_db_copy sends the rows kept into the session's temporary table (pg_temp),
 * whose columns are n (the number) and st's :names, and forgets them. */
struct gg_rows;
int gg_db_can_copy(struct gg_db *db);
struct gg_rows *gg_db_rows_new(void);
void gg_db_rows_free(struct gg_rows *rows);
int gg_stmt_keep(struct gg_stmt *st, struct gg_rows *rows, struct gg_err *err);
int gg_db_copy(struct gg_db *db, const char *table, struct gg_rows *rows, struct gg_err *err);
int64_t gg_db_changes(struct gg_db *db);
int64_t gg_db_last_id(struct gg_db *db);

#endif
