/* SPDX-License-Identifier: Apache-2.0 */
/* db-attach.c: several gg databases read together as one city, as gg-report reads a city's
 * district files. Each file is attached read-only to a private in-memory database whose tables
 * hold what the files share (the units of the city and its districts, the catalogue), a row
 * held by several files once; each file's own records (tickets, the hours ledger) are read
 * through temporary views over all the files, their ids made unique; the schema's views are
 * made again over both. Every named query then reads the union as it reads one file. */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db-impl.h"

/* A file's record id as the union shows it: id × ID_STEP + the file's place among the files
 * (0 for the first), so that ids are unique and a reference stays within its file. Ten, for
 * SQLite attaches at most ten files and the id is then read off in decimal: ticket 73 is the
 * fourth file's ticket 7. */
#define ID_STEP 10

/* SQL put together from names the files' own schema gives (quoted) and numbers, never values. */
struct buf {
	char *s;
	size_t len, cap;
	int oom;
};

/* Appends to b as printf would; a failed allocation is remembered in b->oom. */
static void __attribute__((format(printf, 2, 3))) put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (b->len + (size_t)n + 1 > b->cap) {
		size_t cap = 2 * (b->len + (size_t)n + 1);
		char *s = realloc(b->s, cap);
		if (!s) {
			b->oom = 1;
			return;
		}
		b->s = s;
		b->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* Appends a name as an SQL identifier: in double quotes, any inside doubled. */
static void put_name(struct buf *b, const char *name)
{
	put(b, "\"");
	for (const char *p = name; *p; p++)
		if (*p == '"')
			put(b, "\"\"");
		else
			put(b, "%c", *p);
	put(b, "\"");
}

/* Appends the names of a JSON list of strings, each after `prefix` ("x." or ""), apart by
 * commas. */
static void put_names(struct buf *b, const char *prefix, json_t *names)
{
	size_t i;
	json_t *n;

	json_array_foreach (names, i, n) {
		put(b, "%s%s", i ? ", " : "", prefix);
		put_name(b, json_string_value(n));
	}
}

/* Appends `a.k = b.k AND …` over the names (`=`), or `a.c IS b.c AND …` (`IS`): rows alike. */
static void put_same(struct buf *b, json_t *names, const char *op)
{
	size_t i;
	json_t *n;

	json_array_foreach (names, i, n) {
		put(b, "%sx.", i ? " AND " : "");
		put_name(b, json_string_value(n));
		put(b, " %s m.", op);
		put_name(b, json_string_value(n));
	}
}

/* Runs SQL this file put together; its error as the store's, unless the buffer ran out. */
static int run(struct gg_db *db, struct buf *b, struct gg_err *err)
{
	int rc;

	if (b->oom)
		return gg_err_oom(err);
	rc = sqlite3_exec(db->h, b->s, NULL, NULL, NULL);
	b->len = 0;
	return rc == SQLITE_OK ? 0 : gg_db_fail(db, rc, err, "cannot read together the databases");
}

/* The file's path as an SQLite URI, read-only: file:/abs/path?mode=ro, every byte but the
 * plain ones escaped (a '?' or '#' in a name would end the path). realpath also makes two
 * spellings of one file the same. */
static char *uri_of(const char *path)
{
	char real[PATH_MAX], *u, *p;

	if (!realpath(path, real) || !(u = malloc(3 * strlen(real) + sizeof "file:?mode=ro")))
		return NULL;
	p = u + sprintf(u, "file:");
	for (const unsigned char *s = (const unsigned char *)real; *s; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		    strchr("/._-~", *s))
			*p++ = (char)*s;
		else
			p += sprintf(p, "%%%02X", *s);
	strcpy(p, "?mode=ro");
	return u;
}

/* Each file there, a regular file, and not named twice (it would be counted twice). */
static int check_paths(const char *const *paths, int n, struct gg_err *err)
{
	struct stat *sb = calloc((size_t)n, sizeof *sb);

	if (!sb)
		return gg_err_oom(err);
	for (int k = 0; k < n && !err->code; k++) {
		if (stat(paths[k], &sb[k]) != 0)
			gg_err_set(err, GG_EX_NOINPUT, "database '%s' does not exist; create it with 'gg-org init'",
				   paths[k]);
		else if (!S_ISREG(sb[k].st_mode))
			gg_err_set(err, GG_EX_NOINPUT, "database '%s' is not a regular file", paths[k]);
		for (int j = 0; j < k && !err->code; j++)
			if (sb[j].st_dev == sb[k].st_dev && sb[j].st_ino == sb[k].st_ino)
				gg_err_set(err, GG_EX_USAGE, "'%s' and '%s' are one database: each file is read once",
					   paths[j], paths[k]);
	}
	free(sb);
	return err->code;
}

/* Attaches the k-th file read-only as d<k+1>. */
static int attach(struct gg_db *db, const char *path, int k, struct gg_err *err)
{
	sqlite3_stmt *st = NULL;
	char *uri = uri_of(path), schema[16];
	int rc;

	if (!uri)
		return gg_err_set(err, GG_EX_NOINPUT, "cannot open database '%s': %s", path, strerror(errno));
	snprintf(schema, sizeof schema, "d%d", k + 1);
	rc = sqlite3_prepare_v2(db->h, "ATTACH DATABASE ?1 AS ?2", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, uri, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, schema, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	free(uri);
	if (rc == SQLITE_DONE)
		return 0;
	if ((rc & 0xff) == SQLITE_NOTADB)
		return gg_err_set(err, GG_EX_NOINPUT, "'%s' is not a gg database", path);
	return gg_err_set(err, GG_EX_NOINPUT, "cannot open database '%s': %s", path, sqlite3_errmsg(db->h));
}

/* The one integer a statement of this file's making returns, or -1 with rc its failure. */
static int64_t one_int(struct gg_db *db, struct buf *b, int *rc)
{
	sqlite3_stmt *st = NULL;
	int64_t v = -1;

	*rc = b->oom ? SQLITE_NOMEM : sqlite3_prepare_v2(db->h, b->s, -1, &st, NULL);
	b->len = 0;
	if (*rc == SQLITE_OK && (*rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		*rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return v;
}

/* The k-th file is a gg database of the schema version this build knows: reading never
 * upgrades a file, and a newer gg's file may hold what this one cannot read. */
static int check_version(struct gg_db *db, const char *path, int k, struct gg_err *err)
{
	struct buf b = {0};
	int rc, want = gg_db_version();
	int64_t have = -1;

	put(&b, "SELECT count(*) FROM \"d%d\".sqlite_schema", k + 1);
	one_int(db, &b, &rc);
	if ((rc & 0xff) == SQLITE_NOTADB)
		rc = gg_err_set(err, GG_EX_NOINPUT, "'%s' is not a gg database", path);
	else if (rc == SQLITE_OK) {
		put(&b, "PRAGMA \"d%d\".user_version", k + 1);
		have = one_int(db, &b, &rc);
	}
	if (!err->code && rc != SQLITE_OK)
		gg_err_set(err, GG_EX_NOINPUT, "cannot read database '%s': %s", path, sqlite3_errmsg(db->h));
	else if (!err->code && have == 0)
		gg_err_set(err, GG_EX_NOINPUT, "database '%s' is empty; create it with 'gg-org init'", path);
	else if (!err->code && have < want)
		gg_err_set(err, GG_EX_NOINPUT,
			   "database '%s' has schema version %lld and this gg reads %d; bring it up to date with "
			   "'gg-org init'",
			   path, (long long)have, want);
	else if (!err->code && have > want)
		gg_err_set(err, GG_EX_UNAVAILABLE,
			   "database '%s' has schema version %lld; this gg knows only %d: use the gg that wrote it",
			   path, (long long)have, want);
	free(b.s);
	return err->code;
}

/* The rows of a query on the first file's schema, with ?1 bound to `arg` (or nothing), as a
 * JSON list of rows, each a list of its columns as text (NULL as null). */
static json_t *rows(struct gg_db *db, const char *sql, const char *arg, struct gg_err *err)
{
	sqlite3_stmt *st = NULL;
	json_t *all = json_array();
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);

	if (rc == SQLITE_OK && arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	while (rc == SQLITE_OK && all && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *row = json_array();
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			json_array_append_new(row, v ? json_string(v) : json_null());
		}
		json_array_append_new(all, row);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (!all || rc != SQLITE_DONE) {
		json_decref(all);
		all ? gg_db_fail(db, rc, err, "cannot read the schema of") : gg_err_oom(err);
		return NULL;
	}
	return all;
}

/* A table of the first file as the union needs it: its columns (those stored, and those
 * read, generated ones too), its primary key, its INTEGER PRIMARY KEY (ipk) if it has one,
 * and its references [from, table, to]. */
static json_t *describe(struct gg_db *db, const char *name, const char *sql, struct gg_err *err)
{
	const char *cols_sql = "SELECT name, type, pk, hidden FROM pragma_table_xinfo(?1, 'd1') ORDER BY cid";
	const char *fks_sql = "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?1, 'd1')";
	json_t *cols, *fks, *t, *c, *ipk = NULL;
	size_t i, npk = 0;

	if (!(cols = rows(db, cols_sql, name, err)))
		return NULL;
	if (!(fks = rows(db, fks_sql, name, err)) ||
	    !(t = json_pack("{s:s, s:s, s:[], s:[], s:[], s:n, s:o, s:[]}", "name", name, "sql", sql, "stored", "read",
			    "keys", "ipk", "fks", fks, "remap"))) {
		json_decref(cols);
		return fks ? (gg_err_oom(err), NULL) : NULL;
	}
	json_array_foreach (cols, i, c) {
		json_t *cname = json_array_get(c, 0);
		const char *type = json_string_value(json_array_get(c, 1));
		int pk = atoi(json_string_value(json_array_get(c, 2)));
		int hidden = atoi(json_string_value(json_array_get(c, 3)));
		if (hidden == 1)
			continue; /* a virtual table's hidden column */
		json_array_append(json_object_get(t, "read"), cname);
		if (hidden == 0) /* 2 and 3 are generated: read, never inserted */
			json_array_append(json_object_get(t, "stored"), cname);
		if (pk && ++npk)
			json_array_append(json_object_get(t, "keys"), cname);
		if (pk && type && !strcasecmp(type, "INTEGER"))
			ipk = cname;
	}
	if (ipk && npk == 1)
		json_object_set(t, "ipk", ipk);
	json_decref(cols);
	return t;
}

/* Every table of the first file (all the files have its schema: their version is checked),
 * described, in the order they were made. */
static json_t *tables(struct gg_db *db, struct gg_err *err)
{
	json_t *list, *out, *r, *t;
	size_t i;

	if (!(list = rows(db,
			  "SELECT name, sql FROM d1.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
			  "ESCAPE '\\' ORDER BY rowid",
			  NULL, err)))
		return NULL;
	if (!(out = json_object()))
		gg_err_oom(err);
	json_array_foreach (list, i, r) {
		const char *name = json_string_value(json_array_get(r, 0));
		if (!out || !(t = describe(db, name, json_string_value(json_array_get(r, 1)), err)))
			break;
		if (json_object_set_new(out, name, t)) {
			gg_err_oom(err);
			break;
		}
	}
	json_decref(list);
	if (err->code) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* Which tables hold each file's own records: one with an INTEGER PRIMARY KEY (every file
 * counts its tickets from 1), one referring to such a table's ids, one without a key to
 * merge by. Their id columns, and those referring to an id, are remapped (ID_STEP). The rest
 * is what the files share, merged by key. */
static void mark_own(json_t *all)
{
	const char *name;
	json_t *t, *fk;
	size_t i;

	json_object_foreach (all, name, t) {
		json_t *ipk = json_object_get(t, "ipk"), *remap = json_object_get(t, "remap");
		if (json_is_string(ipk))
			json_array_append(remap, ipk);
		json_array_foreach (json_object_get(t, "fks"), i, fk) {
			json_t *to = json_object_get(all, json_string_value(json_array_get(fk, 1)));
			json_t *tipk = json_object_get(to, "ipk"), *col = json_array_get(fk, 2);
			if (json_is_string(tipk) && (json_is_null(col) || json_equal(col, tipk)))
				json_array_append(remap, json_array_get(fk, 0));
		}
		json_object_set_new(
			t, "own", json_boolean(json_array_size(remap) || !json_array_size(json_object_get(t, "keys"))));
	}
}

/* Runs one CREATE statement of the first file's schema (its text, which sqlite_schema keeps as
 * written) on the union, as `as` says: "CREATE TEMP VIEW" for "CREATE VIEW", else unchanged.
 * The text must begin with `kind` and hold one statement: a file's schema is read, never
 * obeyed beyond that. */
static int schema_sql(struct gg_db *db, const char *sql, const char *kind, const char *as, struct gg_err *err)
{
	struct buf b = {0};
	sqlite3_stmt *st = NULL;
	const char *tail = NULL;
	int rc;

	if (!sql || strncmp(sql, kind, strlen(kind)) != 0)
		return gg_err_set(err, GG_EX_DATAERR, "the first database's schema holds an unexpected '%.40s'",
				  sql ? sql : "");
	put(&b, "%s%s", as ? as : kind, sql + strlen(kind));
	if (b.oom)
		return gg_err_oom(err);
	rc = sqlite3_prepare_v2(db->h, b.s, -1, &st, &tail);
	if (rc == SQLITE_OK && tail && tail[strspn(tail, " \t\r\n;")])
		rc = SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
	sqlite3_finalize(st);
	free(b.s);
	return rc == SQLITE_OK ? 0 : gg_db_fail(db, rc, err, "cannot read together the databases");
}

/* Whether the JSON list of names holds name. */
static int has(json_t *names, const char *name)
{
	size_t i;
	json_t *n;

	json_array_foreach (names, i, n)
		if (!strcmp(json_string_value(n), name))
			return 1;
	return 0;
}

/* Which of the files before the k-th holds the key the clash row `row` names: the first one
 * that does is where the union's row came from. 0 when it cannot be told. */
static int holder(struct gg_db *db, json_t *t, sqlite3_stmt *row, int k)
{
	json_t *keys = json_object_get(t, "keys");
	struct buf q = {0};
	int j, found = 0;

	for (j = 0; j < k && !found; j++) {
		sqlite3_stmt *st = NULL;
		q.len = 0;
		put(&q, "SELECT 1 FROM \"d%d\".", j + 1);
		put_name(&q, json_string_value(json_object_get(t, "name")));
		put(&q, " WHERE ");
		for (size_t i = 0; i < json_array_size(keys); i++) {
			put(&q, "%s", i ? " AND " : "");
			put_name(&q, json_string_value(json_array_get(keys, i)));
			put(&q, " = ?%zu", i + 1);
		}
		if (q.oom || sqlite3_prepare_v2(db->h, q.s, -1, &st, NULL) != SQLITE_OK)
			break;
		for (int i = 0; i < (int)json_array_size(keys); i++)
			sqlite3_bind_value(st, i + 1, sqlite3_column_value(row, i));
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	free(q.s);
	return found ? j - 1 : 0;
}

/* The clash of the k-th file with the union in a shared table: a row whose key an earlier
 * file holds with other content. Refused naming the key and both files. */
static int clash(struct gg_db *db, json_t *t, const char *const *paths, int k, struct gg_err *err)
{
	json_t *keys = json_object_get(t, "keys");
	const char *name = json_string_value(json_object_get(t, "name"));
	struct buf b = {0}, key = {0};
	sqlite3_stmt *st = NULL;
	int rc;

	put(&b, "SELECT ");
	put_names(&b, "x.", keys);
	put(&b, " FROM \"d%d\".", k + 1);
	put_name(&b, name);
	put(&b, " x JOIN main.");
	put_name(&b, name);
	put(&b, " m ON ");
	put_same(&b, keys, "=");
	put(&b, " WHERE NOT (");
	put_same(&b, json_object_get(t, "stored"), "IS");
	put(&b, ") LIMIT 1");
	rc = b.oom ? SQLITE_NOMEM : sqlite3_prepare_v2(db->h, b.s, -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < (int)json_array_size(keys); i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			put(&key, "%s%s", i ? ", " : "", v ? v : "");
		}
		gg_err_set(err, GG_EX_DATAERR,
			   "%s '%s' is not the same in '%s' and '%s'; files read as one city must agree on what they "
			   "share",
			   name, key.oom ? "?" : key.s, paths[holder(db, t, st, k)], paths[k]);
	} else if (rc != SQLITE_DONE) {
		gg_db_fail(db, rc, err, "cannot read together the databases");
	}
	sqlite3_finalize(st);
	free(b.s);
	free(key.s);
	return err->code;
}

/* A shared table in the union's own database: made as the first file made it, each file's rows
 * added unless the union holds their key (refused when it holds it with other content), then
 * its indexes. A row another UNIQUE refuses is a clash too. */
static int merge(struct gg_db *db, json_t *t, const char *const *paths, int n, struct gg_err *err)
{
	const char *name = json_string_value(json_object_get(t, "name"));
	json_t *stored = json_object_get(t, "stored"), *idx, *r;
	struct buf b = {0};
	size_t i;
	int rc = 0;

	if (schema_sql(db, json_string_value(json_object_get(t, "sql")), "CREATE TABLE", NULL, err))
		return err->code;
	for (int k = 0; k < n && !rc; k++) {
		if (k && (rc = clash(db, t, paths, k, err)))
			break;
		put(&b, "INSERT INTO main.");
		put_name(&b, name);
		put(&b, " (");
		put_names(&b, "", stored);
		put(&b, ") SELECT ");
		put_names(&b, "x.", stored);
		put(&b, " FROM \"d%d\".", k + 1);
		put_name(&b, name);
		put(&b, " x WHERE NOT EXISTS (SELECT 1 FROM main.");
		put_name(&b, name);
		put(&b, " m WHERE ");
		put_same(&b, json_object_get(t, "keys"), "=");
		put(&b, ")");
		if ((rc = run(db, &b, err)) == GG_EX_DATAERR)
			gg_err_set(err, GG_EX_DATAERR, "%s: '%s' holds a row that clashes with an earlier file's (%s)",
				   name, paths[k], sqlite3_errmsg(db->h));
	}
	free(b.s);
	if (rc || !(idx = rows(db,
			       "SELECT sql FROM d1.sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql "
			       "IS NOT NULL ORDER BY rowid",
			       name, err)))
		return err->code;
	json_array_foreach (idx, i, r) {
		const char *sql = json_string_value(json_array_get(r, 0));
		if ((rc = schema_sql(db, sql,
				     strncmp(sql, "CREATE UNIQUE", 13) ? "CREATE INDEX" : "CREATE UNIQUE INDEX", NULL,
				     err)))
			break;
	}
	json_decref(idx);
	return rc;
}

/* A table of each file's own records as a temporary view over all the files, by its name
 * (temp is searched first): their rows one after another, ids remapped. */
static int union_view(struct gg_db *db, json_t *t, int n, struct gg_err *err)
{
	const char *name = json_string_value(json_object_get(t, "name"));
	json_t *remap = json_object_get(t, "remap"), *c;
	struct buf b = {0};
	size_t i;
	int rc;

	put(&b, "CREATE TEMP VIEW ");
	put_name(&b, name);
	put(&b, " AS");
	for (int k = 0; k < n; k++) {
		put(&b, "%s SELECT ", k ? " UNION ALL" : "");
		json_array_foreach (json_object_get(t, "read"), i, c) {
			put(&b, "%s", i ? ", " : "");
			put_name(&b, json_string_value(c));
			if (has(remap, json_string_value(c))) {
				put(&b, " * %d + %d AS ", ID_STEP, k);
				put_name(&b, json_string_value(c));
			}
		}
		put(&b, " FROM \"d%d\".", k + 1);
		put_name(&b, name);
	}
	rc = run(db, &b, err);
	free(b.s);
	return rc;
}

/* The first file's views made again over the union: in its own database those over the
 * shared tables alone (unit_path must stay there: gg-score shadows it with a temporary table
 * of that name), the others temporary (a view of the main database reads nothing attached). */
static int remake_views(struct gg_db *db, struct gg_err *err)
{
	json_t *views = rows(db, "SELECT sql FROM d1.sqlite_schema WHERE type = 'view' ORDER BY rowid", NULL, err), *v;
	size_t i;
	int rc = 0;

	if (!views)
		return err->code;
	json_array_foreach (views, i, v) {
		const char *sql = json_string_value(json_array_get(v, 0));
		struct gg_err main_err = {0};
		if (schema_sql(db, sql, "CREATE VIEW", NULL, &main_err) &&
		    (rc = schema_sql(db, sql, "CREATE VIEW", "CREATE TEMP VIEW", err)))
			break;
	}
	json_decref(views);
	return rc;
}

/* The union of the attached files: shared tables merged, own tables viewed, views remade. */
static int unite(struct gg_db *db, const char *const *paths, int n, struct gg_err *err)
{
	json_t *all = tables(db, err), *t;
	const char *name;
	int rc = 0;

	if (!all)
		return err->code;
	mark_own(all);
	json_object_foreach (all, name, t) {
		rc = json_is_true(json_object_get(t, "own")) ? union_view(db, t, n, err) : merge(db, t, paths, n, err);
		if (rc)
			break;
	}
	json_decref(all);
	return rc ? rc : remake_views(db, err);
}

/* The databases' paths joined by ", ", for messages about the union. */
static char *joined(const char *const *paths, int n)
{
	struct buf b = {0};

	for (int k = 0; k < n; k++)
		put(&b, "%s%s", k ? ", " : "", paths[k]);
	return b.oom ? (free(b.s), NULL) : b.s;
}

int gg_db_open_several(struct gg_db **out, const char *const *paths, int n, struct gg_err *err)
{
	struct gg_db *db;
	int rc, most;

	*out = NULL;
	for (int i = 0; i < n; i++)
		if (gg_db_is_url(paths[i]))
			return gg_err_set(
				err, GG_EX_USAGE,
				"'%.*s…': several --db are read together as SQLite files; districts that share a "
				"PostgreSQL database are one --db already",
				(int)strcspn(paths[i], "@?"), paths[i]);
	gg_db_configure();
	if (!(db = calloc(1, sizeof *db)) || !(db->path = joined(paths, n))) {
		free(db);
		return gg_err_oom(err);
	}
	rc = sqlite3_open_v2(":memory:", &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		gg_db_fail(db, rc, err, "cannot open the union of");
		goto bad;
	}
	if ((most = sqlite3_limit(db->h, SQLITE_LIMIT_ATTACHED, -1)) < n) {
		gg_err_set(
			err, GG_EX_USAGE,
			"%d databases: SQLite attaches at most %d to one connection (its limit as Debian builds it); a "
			"province runs one report per city",
			n, most);
		goto bad;
	}
	if (check_paths(paths, n, err) || gg_db_setup(db, err))
		goto bad;
	for (int k = 0; k < n; k++)
		if (attach(db, paths[k], k, err) || check_version(db, paths[k], k, err))
			goto bad;
	/* the shared tables are made in one transaction, from one reading of each file */
	if (gg_db_exec(db, "BEGIN", err) || unite(db, paths, n, err) || gg_db_exec(db, "COMMIT", err))
		goto bad;
	*out = db;
	return 0;
bad:
	gg_db_close(db);
	return err->code;
}
