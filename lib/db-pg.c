/* SPDX-License-Identifier: Apache-2.0 */
/* db-pg.c: PostgreSQL behind the gg_db interface, for a city that keeps one shared store
 * (GG_DB=postgresql://…, handed whole to libpq). The queries are the SQLite store's, or their
 * NAME.pg.sql beside them where the dialects differ; their :name parameters become $n when
 * prepared. Every value goes as text and comes back as text, typed by the column's type.
 * Writers queue on one advisory lock held to the end of their transaction, as SQLite's
 * writers queue on its file lock, and wait for it up to GG_BUSY_MS (75 after that). */
#include <ctype.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "db-impl.h"
#include "embed.h"

/* The advisory locks every gg writer and migration takes: "gg" and "gg migrate" as numbers. */
#define WRITE_LOCK 0x6767
#define MIGRATE_LOCK 0x67676d

/* Type oids from PostgreSQL's catalog (pg_type.dat), stable since 7.x: libpq's headers do not
 * export them to clients. */
enum {
	BOOLOID = 16,
	INT8OID = 20,
	INT2OID = 21,
	INT4OID = 23,
	FLOAT4OID = 700,
	FLOAT8OID = 701,
	JSONOID = 114,
	NUMERICOID = 1700,
	JSONBOID = 3802
};

int gg_db_is_url(const char *path)
{
	return path && (!strncmp(path, "postgresql://", 13) || !strncmp(path, "postgres://", 11));
}

/* The URL as messages show it: a password in it (user:PASSWORD@ or password=) is left out. */
static char *shown_url(const char *url)
{
	const char *rest = strstr(url, "://") + 3, *at = strchr(rest, '@'), *slash = strchr(rest, '/'), *colon;
	char *s, *p;

	if (at && !(slash && slash < at) && (colon = memchr(rest, ':', (size_t)(at - rest)))) {
		if (asprintf(&s, "%.*s%s", (int)(colon - url), url, at) < 0)
			return NULL;
	} else if (!(s = strdup(url))) {
		return NULL;
	}
	for (p = strstr(s, "password="); p; p = strstr(p, "password=")) {
		char *end = p + strcspn(p, "&");
		memmove(p, end + (*end == '&'), strlen(end + (*end == '&')) + 1);
	}
	return s;
}

/* Maps a failed result's SQLSTATE to the exit code a cron job acts on, as gg_db_fail does
 * SQLite's result codes. */
static int pg_fail(struct gg_db *db, const PGresult *r, struct gg_err *err, const char *what)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	int code = GG_EX_SOFTWARE;

	if (!msg) {
		msg = PQerrorMessage(db->pg);
		if (!*msg)
			msg = "no answer from the server";
	}
	if (!state)
		state = PQstatus(db->pg) == CONNECTION_OK ? "" : "08000";
	if (!strcmp(state, "55P03") || !strcmp(state, "40001") || !strcmp(state, "40P01"))
		return gg_err_set(err, GG_EX_TEMPFAIL, "database '%s' is still busy after the busy timeout; try again",
				  db->path);
	if (!strncmp(state, "23", 2) || !strncmp(state, "22", 2))
		code = GG_EX_DATAERR;
	else if (!strcmp(state, "42501") || !strcmp(state, "25006"))
		code = GG_EX_CANTCREAT;
	else if (!strncmp(state, "53", 2) || !strncmp(state, "58", 2))
		code = GG_EX_IOERR;
	else if (!strncmp(state, "08", 2) || !strncmp(state, "57", 2))
		code = GG_EX_UNAVAILABLE;
	int n = (int)strcspn(msg, "\n");
	return gg_err_set(err, code, "%s '%s': %.*s", what, db->path, n, msg);
}

/* Runs sql (one statement or several, no parameters); a failure is mapped as pg_fail does. */
static int run(struct gg_db *db, const char *sql, struct gg_err *err)
{
	PGresult *r = PQexec(db->pg, sql);
	ExecStatusType s = PQresultStatus(r);
	int rc = 0;

	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
		rc = pg_fail(db, r, err, "database");
	PQclear(r);
	return rc;
}

/* One value of a one-row query, or NULL (no row, a NULL, or an error, which is in err). */
static char *value(struct gg_db *db, const char *sql, struct gg_err *err)
{
	PGresult *r = PQexec(db->pg, sql);
	char *v = NULL;

	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		pg_fail(db, r, err, "cannot read database");
	else if (PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
		v = strdup(PQgetvalue(r, 0, 0));
	PQclear(r);
	return v;
}

/* The text the PostgreSQL store runs for sql: when sql is share/gg's NAME.sql, its
 * NAME.pg.sql if there is one. */
const char *gg_pg_dialect(const char *sql)
{
	char name[256];

	for (const struct gg_embed *e = gg_embedded; e->name; e++) {
		if (e->text != sql)
			continue;
		size_t n = strlen(e->name);
		if (n < 4 || n + 4 > sizeof name || strcmp(e->name + n - 4, ".sql"))
			return sql;
		snprintf(name, sizeof name, "%.*s.pg.sql", (int)(n - 4), e->name);
		const char *pg = gg_embed_get(name);
		return pg ? pg : sql;
	}
	return sql;
}

int gg_pg_exec(struct gg_db *db, const char *sql, struct gg_err *err)
{
	return run(db, gg_pg_dialect(sql), err);
}

static int lock_wait(struct gg_db *db, int key, struct gg_err *err)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SET LOCAL lock_timeout = %d; SELECT pg_advisory_xact_lock(%d)", db->busy_ms, key);
	return run(db, sql, err);
}

int gg_pg_begin(struct gg_db *db, struct gg_err *err)
{
	if (run(db, "BEGIN", err))
		return err->code;
	int rc = lock_wait(db, WRITE_LOCK, err);
	if (rc)
		gg_pg_rollback(db);
	return rc;
}

/* A transaction a failed statement ended is rolled back by COMMIT, which the server does not
 * call an error; here it is one, since nothing was written. */
int gg_pg_commit(struct gg_db *db, struct gg_err *err)
{
	PGresult *r = PQexec(db->pg, "COMMIT");
	int rc = 0;

	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		rc = pg_fail(db, r, err, "cannot commit to database");
	else if (strcmp(PQcmdStatus(r), "COMMIT"))
		rc = gg_err_set(err, GG_EX_SOFTWARE, "database '%s': a statement of the transaction failed; nothing was written",
				db->path);
	PQclear(r);
	return rc;
}

void gg_pg_rollback(struct gg_db *db)
{
	if (PQtransactionStatus(db->pg) != PQTRANS_IDLE) {
		PGresult *r = PQexec(db->pg, "ROLLBACK");
		PQclear(r);
	}
}

/* The schema version the database holds (0: none yet), from gg's own table. */
static int pg_version(struct gg_db *db, struct gg_err *err)
{
	char *v = value(db, "SELECT CASE WHEN to_regclass('gg_schema') IS NULL THEN 0 END", err);
	if (err->code)
		return -1;
	if (v) {
		free(v);
		return 0;
	}
	if (!(v = value(db, "SELECT version FROM gg_schema", err)))
		return err->code ? -1 : 0;
	int n = atoi(v);
	free(v);
	return n;
}

/* gg orders text byte by byte, as SQLite's BINARY collation does: a database of another
 * collation would order lists and reports differently, and is refused when written. Asked of
 * the ordering itself, not of the collation's name, which an ICU database does not show where
 * a libc one does. */
static int collation_known(struct gg_db *db, struct gg_err *err)
{
	/* é, 号 and 幢 among ASCII: byte order puts them last, in this order */
	char *c = value(
		db,
		"SELECT CASE WHEN pg_encoding_to_char(d.encoding) = 'UTF8' AND (SELECT array_agg(x ORDER BY x) = "
		"array_agg(x ORDER BY x COLLATE \"C\") FROM (VALUES ('a'), ('B'), ('-b'), ('_'), (' a'), ('1'), "
		"('\xc3\xa9'), ('\xe5\x8f\xb7'), ('\xe5\xb9\xa2'), ('Z')) v (x)) THEN 'ok' "
		"ELSE pg_encoding_to_char(d.encoding) END FROM pg_database d WHERE d.datname = current_database()",
		err);
	if (c && strcmp(c, "ok") && !err->code)
		gg_err_set(err, GG_EX_DATAERR,
			   "database '%s' does not keep text in byte order (encoding %s, and a collation of its "
			   "own?), which gg needs: make it with createdb -T template0 -E UTF8 --locale=C.UTF-8",
			   db->path, c);
	free(c);
	return err->code;
}

/* The first table of the schema that is not gg's, when there is no gg schema yet. */
static char *foreign_table(struct gg_db *db, struct gg_err *err)
{
	return value(db,
		     "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
		     "ORDER BY table_name COLLATE \"C\" LIMIT 1",
		     err);
}

/* Brings the schema up to this gg's in one transaction, under an advisory lock, so that two
 * first runs cannot both migrate: the second finds the work done. Migration N is
 * sql/NNN-name.pg.sql where the dialects differ, else sql/NNN-name.sql. */
static int migrate(struct gg_db *db, int have, struct gg_err *err)
{
	int want = gg_db_version(), n = 0;
	char sql[128];

	if (have == want)
		return 0;
	if (run(db, "BEGIN", err) || lock_wait(db, MIGRATE_LOCK, err) || (have = pg_version(db, err)) < 0)
		goto bad;
	if (have > want) {
		gg_err_set(err, GG_EX_UNAVAILABLE,
			   "database '%s' has schema version %d; this gg knows only %d: use the gg that wrote it",
			   db->path, have, want);
		goto bad;
	}
	if (have == want) {
		gg_pg_rollback(db);
		return 0;
	}
	if (collation_known(db, err) || run(db, "CREATE TABLE IF NOT EXISTS gg_schema (version INTEGER NOT NULL)", err))
		goto bad;
	for (const struct gg_embed *e = gg_embedded; e->name; e++) {
		if (strncmp(e->name, "sql/", 4) || gg_db_pg_file(e->name) || ++n <= have)
			continue;
		if (gg_pg_exec(db, e->text, err))
			goto bad;
	}
	snprintf(sql, sizeof sql, "DELETE FROM gg_schema; INSERT INTO gg_schema VALUES (%d)", n);
	if (run(db, sql, err) || gg_pg_exec(db, gg_embed_get("queries/audit/guard.sql"), err) || run(db, "COMMIT", err))
		goto bad;
	return 0;
bad:
	gg_pg_rollback(db);
	return err->code;
}

static void quiet(void *arg, const char *msg)
{
	(void)arg, (void)msg;
}

/* The zone local times are shown in (the views' local columns): TZ's as SQLite's localtime
 * would take it, else the calendar's. */
static int set_zone(struct gg_db *db, struct gg_err *err)
{
	const char *tz = getenv("TZ");
	char *lit;

	if (!tz || !*tz)
		tz = gg_clock_zone();
	if (*tz == ':')
		tz++;
	if (!(lit = PQescapeLiteral(db->pg, tz, strlen(tz))))
		return gg_err_oom(err);
	char *sql = NULL;
	int rc = asprintf(&sql, "SET TimeZone = %s", lit) < 0 ? gg_err_oom(err) : 0;
	PQfreemem(lit);
	if (!rc && run(db, sql, err)) { /* a zone the server does not know: the calendar's */
		char fallback[96];
		snprintf(fallback, sizeof fallback, "SET TimeZone = '%s'", gg_clock_zone());
		err->code = 0;
		rc = run(db, fallback, err);
	}
	free(sql);
	return rc;
}

int gg_pg_open(struct gg_db *db, enum gg_db_mode mode, struct gg_err *err)
{
	const char *busy = getenv("GG_BUSY_MS");
	int have;
	char *foreign;

	db->busy_ms = busy && *busy ? atoi(busy) : 10000;
	if (db->busy_ms < 1)
		db->busy_ms = 1;
	/* libpq's socket must not take the place of a closed stdin, stdout or stderr, or the
	 * command's output would go into the connection: as SQLite does for its files, each is
	 * taken by /dev/null read-only, where writing fails as it would have (EBADF) */
	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0) {
			int n = open("/dev/null", O_RDONLY);
			if (n >= 0 && n != fd)
				close(n);
		}
	db->pg = PQconnectdb(db->url);
	if (PQstatus(db->pg) != CONNECTION_OK) {
		const char *msg = PQerrorMessage(db->pg);
		return gg_err_set(err, GG_EX_UNAVAILABLE, "cannot open database '%s': %.*s", db->path,
				  (int)strcspn(msg, "\n"), msg);
	}
	PQsetNoticeProcessor(db->pg, quiet, NULL);
	if (PQsetClientEncoding(db->pg, "UTF8") || set_zone(db, err))
		return err->code ? err->code : pg_fail(db, NULL, err, "cannot open database");
	if ((have = pg_version(db, err)) < 0)
		return err->code;
	if (have > gg_db_version())
		return gg_err_set(
			err, GG_EX_UNAVAILABLE,
			"database '%s' has schema version %d; this gg knows only %d: use the gg that wrote it",
			db->path, have, gg_db_version());
	if (!have && mode != GG_DB_ADOPT && (foreign = foreign_table(db, err))) {
		if (mode == GG_DB_READ)
			gg_err_set(err, GG_EX_NOINPUT, "'%s' is not a gg database: it holds tables of its own ('%s')",
				   db->path, foreign);
		else
			gg_err_set(err, GG_EX_DATAERR,
				   "'%s' is not a gg database: it holds tables of its own ('%s'); gg-org init --force "
				   "adds gg's to them",
				   db->path, foreign);
		free(foreign);
		return err->code;
	}
	if (err->code)
		return err->code;
	if (mode != GG_DB_READ)
		return migrate(db, have, err);
	if (have == 0)
		return gg_err_set(err, GG_EX_NOINPUT, "database '%s' is empty; create it with 'gg-org init'", db->path);
	if (have < gg_db_version())
		return gg_err_set(err, GG_EX_NOINPUT,
				  "database '%s' has schema version %d and this gg reads %d; bring it up to date with "
				  "'gg-org init'",
				  db->path, have, gg_db_version());
	/* A reader sees one moment of the store, as a SQLite reader does in its read transaction.
	 * Not READ ONLY: gg-score's metrics fill a temporary table of their own. */
	return run(db, "BEGIN ISOLATION LEVEL REPEATABLE READ", err);
}

/* The connection's URL as given, and as messages show it; NULL when out of memory. */
int gg_pg_name(struct gg_db *db, const char *url)
{
	return (db->url = strdup(url)) && (db->path = shown_url(url)) ? 0 : -1;
}

void gg_pg_close(struct gg_db *db)
{
	for (struct gg_stmt *s = db->cache, *n; s; s = n) {
		n = s->next;
		gg_pg_free(s);
	}
	PQfinish(db->pg);
	free(db->url);
}

/* A statement and all it holds; it is not in the cache yet, or the cache is going. */
void gg_pg_free(struct gg_stmt *s)
{
	PQclear(s->res);
	for (int i = 0; i < s->nparams; i++) {
		free(s->names[i]);
		if (s->vals)
			free(s->vals[i]);
	}
	free(s->names);
	free(s->vals);
	free(s);
}

/* Adds a parameter's name (len bytes of name) to s's; -1 when out of memory. */
static int add_name(struct gg_stmt *s, const char *name, size_t len)
{
	char **names = realloc(s->names, (size_t)(s->nparams + 1) * sizeof *names);

	if (!names)
		return -1;
	s->names = names;
	if (!(s->names[s->nparams] = strndup(name, len)))
		return -1;
	s->nparams++;
	return 0;
}

/* sql with each :name made $n (the same name the same n) and each ?N $N, the names kept in
 * order in s (?N's are ""): string literals, quoted names, comments and :: casts are left as
 * they are. */
static char *numbered(struct gg_stmt *s, const char *sql)
{
	char *out = malloc(2 * strlen(sql) + 1), *o = out;

	if (!out)
		return NULL;
	for (const char *p = sql; *p;) {
		if (*p == '\'' || *p == '"') {
			char q = *p;
			*o++ = *p++;
			while (*p && *p != q)
				*o++ = *p++;
			if (*p)
				*o++ = *p++;
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				*o++ = *p++;
		} else if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");
			size_t len = end ? (size_t)(end + 2 - p) : strlen(p);
			memcpy(o, p, len);
			o += len;
			p += len;
		} else if (p[0] == ':' && p[1] == ':') {
			*o++ = *p++;
			*o++ = *p++;
		} else if (p[0] == '?' && isdigit((unsigned char)p[1])) {
			char *end;
			long k = strtol(p + 1, &end, 10);
			while (s->nparams < k)
				if (add_name(s, "", 0))
					goto oom;
			o += sprintf(o, "$%ld", k);
			p = end;
		} else if (p[0] == ':' && (isalpha((unsigned char)p[1]) || p[1] == '_')) {
			const char *name = ++p;
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
			size_t len = (size_t)(p - name);
			int i;
			for (i = 0; i < s->nparams; i++)
				if (strlen(s->names[i]) == len && !strncmp(s->names[i], name, len))
					break;
			if (i == s->nparams && add_name(s, name, len))
				goto oom;
			o += sprintf(o, "$%d", i + 1);
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
oom:
	free(out);
	return NULL;
}

/* Prepares sql (or its NAME.pg.sql) under a name of its own on the connection. */
int gg_pg_prepare(struct gg_stmt *s, const char *sql, struct gg_err *err)
{
	static unsigned serial;
	char *text = numbered(s, gg_pg_dialect(sql));

	if (!text || (s->nparams && !(s->vals = calloc((size_t)s->nparams, sizeof *s->vals)))) {
		free(text);
		return gg_err_oom(err);
	}
	snprintf(s->name, sizeof s->name, "gg%u", ++serial);
	s->row = -1;
	PGresult *r = PQprepare(s->db->pg, s->name, text, s->nparams, NULL);
	int rc = PQresultStatus(r) == PGRES_COMMAND_OK ? 0 : pg_fail(s->db, r, err, "cannot prepare a statement on");
	PQclear(r);
	free(text);
	return rc;
}

/* Forgets the statement's last result and bound values, for it to run again. */
void gg_pg_reset(struct gg_stmt *s)
{
	PQclear(s->res);
	s->res = NULL;
	s->row = -1;
	for (int i = 0; i < s->nparams; i++) {
		free(s->vals[i]);
		s->vals[i] = NULL;
	}
}

/* Binds a copy of text (or NULL) to $i, 1-based. */
void gg_pg_bind(struct gg_stmt *s, int i, const char *text, size_t n)
{
	if (i < 1 || i > s->nparams)
		return;
	free(s->vals[i - 1]);
	s->vals[i - 1] = text ? strndup(text, n) : NULL;
}

int gg_pg_index(struct gg_stmt *s, const char *name)
{
	for (int i = 0; i < s->nparams; i++)
		if (!strcmp(s->names[i], name))
			return i + 1;
	return 0;
}

/* Runs the statement the first time it is stepped, then hands out its rows one by one: 1 for a
 * row, 0 past the last, -1 on failure. */
int gg_pg_step(struct gg_stmt *s, struct gg_err *err)
{
	if (!s->res) {
		s->res = PQexecPrepared(s->db->pg, s->name, s->nparams, (const char *const *)s->vals, NULL, NULL, 0);
		ExecStatusType st = PQresultStatus(s->res);
		if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
			pg_fail(s->db, s->res, err, "database");
			gg_pg_reset(s);
			return -1;
		}
		const char *cmd = PQcmdStatus(s->res);
		if (!strncmp(cmd, "INSERT", 6) || !strncmp(cmd, "UPDATE", 6) || !strncmp(cmd, "DELETE", 6))
			s->db->changes = strtoll(PQcmdTuples(s->res), NULL, 10);
		/* an INSERT … RETURNING id says the id itself: no need to ask for it */
		if (!strncmp(cmd, "INSERT", 6)) {
			int n = PQntuples(s->res);
			s->db->returned = n > 0 && PQnfields(s->res) > 0 && !strcmp(PQfname(s->res, 0), "id");
			if (s->db->returned)
				s->db->last_id = strtoll(PQgetvalue(s->res, n - 1, 0), NULL, 10);
		}
	}
	return ++s->row < PQntuples(s->res) ? 1 : 0;
}

static int is_bool(struct gg_stmt *s, int i)
{
	return PQftype(s->res, i) == BOOLOID;
}

/* A column's text as SQLite would give it: NULL for NULL, a boolean as 1 or 0. */
const char *gg_pg_text(struct gg_stmt *s, int i)
{
	if (!s->res || s->row < 0 || PQgetisnull(s->res, s->row, i))
		return NULL;
	const char *v = PQgetvalue(s->res, s->row, i);
	if (is_bool(s, i))
		return *v == 't' ? "1" : "0";
	return v;
}

size_t gg_pg_bytes(struct gg_stmt *s, int i)
{
	const char *v = gg_pg_text(s, i);
	return v ? strlen(v) : 0;
}

int64_t gg_pg_int(struct gg_stmt *s, int i)
{
	const char *v = gg_pg_text(s, i);
	if (!v)
		return 0;
	return strpbrk(v, ".eE") ? (int64_t)strtod(v, NULL) : strtoll(v, NULL, 10);
}

int gg_pg_isnull(struct gg_stmt *s, int i)
{
	return !s->res || s->row < 0 || PQgetisnull(s->res, s->row, i);
}

/* A number's text as SQLite would have typed it: a whole numeric (sum() of integers) an
 * integer, anything with a point or an exponent a real. */
static json_t *number(const char *v, int whole)
{
	if (whole || !strpbrk(v, ".eEnN"))
		return json_integer(strtoll(v, NULL, 10));
	return json_real(strtod(v, NULL));
}

/* The current row as gg_stmt_row gives it: NULLs left out, booleans true/false, JSON parsed,
 * numbers typed by the column. */
json_t *gg_pg_row(struct gg_stmt *s)
{
	json_t *o = json_object();
	int n = PQnfields(s->res);

	for (int i = 0; i < n; i++) {
		if (PQgetisnull(s->res, s->row, i))
			continue;
		const char *v = PQgetvalue(s->res, s->row, i);
		json_t *j = NULL;
		switch (PQftype(s->res, i)) {
		case BOOLOID:
			j = json_boolean(*v == 't');
			break;
		case INT2OID:
		case INT4OID:
		case INT8OID:
			j = number(v, 1);
			break;
		case NUMERICOID:
			j = number(v, 0);
			break;
		case FLOAT4OID:
		case FLOAT8OID:
			j = json_real(strtod(v, NULL));
			break;
		case JSONOID:
		case JSONBOID:
			j = json_loads(v, JSON_DECODE_ANY, NULL);
			break;
		}
		if (!j)
			j = json_stringn(v, (size_t)PQgetlength(s->res, s->row, i));
		json_object_set_new(o, PQfname(s->res, i), j);
	}
	return o;
}

/* The id the last insert gave its row: the one it returned, else the one the id triggers of
 * the PostgreSQL schema keep in gg.last_id, as SQLite keeps its last rowid. A failure here
 * (0) leaves the transaction failed, and gg_pg_commit refuses it. */
int64_t gg_pg_last_id(struct gg_db *db)
{
	if (db->returned)
		return db->last_id;
	struct gg_err err = {0};
	char *v = value(db, "SELECT current_setting('gg.last_id', true)", &err);
	int64_t id = v ? strtoll(v, NULL, 10) : 0;
	free(v);
	return id;
}

/* ---- COPY ---- */

/* Rows for COPY … FROM STDIN in its text format: a line a row, a tab between values, \N for
 * NULL, the first value the row's number. */
struct gg_rows {
	char *buf;
	size_t len, cap, n;
	char *cols; /* "n", then the parameters of the statement the rows were kept from */
};

struct gg_rows *gg_db_rows_new(void)
{
	return calloc(1, sizeof(struct gg_rows));
}

void gg_db_rows_free(struct gg_rows *rows)
{
	if (!rows)
		return;
	free(rows->buf);
	free(rows->cols);
	free(rows);
}

/* Room for need more bytes; -1 when out of memory. */
static int room(struct gg_rows *rows, size_t need)
{
	if (rows->len + need <= rows->cap)
		return 0;
	size_t cap = rows->cap ? rows->cap : 1 << 16;
	while (cap < rows->len + need)
		cap *= 2;
	char *buf = realloc(rows->buf, cap);
	if (!buf)
		return -1;
	rows->buf = buf;
	rows->cap = cap;
	return 0;
}

/* The columns of s's rows, quoted as identifiers: n, then its :names. */
static char *columns(struct gg_stmt *s)
{
	size_t len = 2;
	char **quoted = calloc((size_t)s->nparams + 1, sizeof *quoted), *cols = NULL;

	for (int i = 0; quoted && i < s->nparams; i++) {
		if (!(quoted[i] = PQescapeIdentifier(s->db->pg, s->names[i], strlen(s->names[i]))))
			goto done;
		len += strlen(quoted[i]) + 2;
	}
	if (!quoted || !(cols = malloc(len)))
		goto done;
	char *o = cols + sprintf(cols, "n");
	for (int i = 0; i < s->nparams; i++)
		o += sprintf(o, ", %s", quoted[i]);
done:
	for (int i = 0; quoted && i < s->nparams; i++)
		PQfreemem(quoted[i]);
	free(quoted);
	return cols;
}

int gg_pg_keep(struct gg_stmt *s, struct gg_rows *rows, struct gg_err *err)
{
	size_t need = 24;

	for (int i = 0; i < s->nparams; i++) {
		if (!*s->names[i])
			return gg_err_set(err, GG_EX_SOFTWARE, "a row is kept by its :names, and $%d has none", i + 1);
		need += 3 + (s->vals[i] ? 2 * strlen(s->vals[i]) : 0);
	}
	if ((!rows->cols && !(rows->cols = columns(s))) || room(rows, need))
		return gg_err_oom(err);
	char *o = rows->buf + rows->len;
	o += sprintf(o, "%zu", ++rows->n);
	for (int i = 0; i < s->nparams; i++) {
		*o++ = '\t';
		if (!s->vals[i]) {
			*o++ = '\\';
			*o++ = 'N';
			continue;
		}
		for (const char *v = s->vals[i]; *v; v++) {
			char c = *v == '\\' ? '\\' : *v == '\t' ? 't' : *v == '\n' ? 'n' : *v == '\r' ? 'r' : 0;
			if (c)
				*o++ = '\\';
			*o++ = c ? c : *v;
		}
	}
	*o++ = '\n';
	rows->len = (size_t)(o - rows->buf);
	gg_pg_reset(s);
	return 0;
}

/* The rows go in pieces of this many bytes at most: PQputCopyData takes an int. */
#define COPY_PIECE (1 << 20)

/* COPY of the rows into the session's temporary table: every row, or an error. */
int gg_pg_copy(struct gg_db *db, const char *table, struct gg_rows *rows, struct gg_err *err)
{
	char *name, *sql = NULL;
	PGresult *r;
	int rc = 0;

	if (!rows->n)
		return 0;
	if (!(name = PQescapeIdentifier(db->pg, table, strlen(table))))
		return gg_err_oom(err);
	if (asprintf(&sql, "COPY pg_temp.%s (%s) FROM STDIN", name, rows->cols) < 0)
		sql = NULL;
	PQfreemem(name);
	if (!sql)
		return gg_err_oom(err);
	r = PQexec(db->pg, sql);
	free(sql);
	if (PQresultStatus(r) != PGRES_COPY_IN) {
		rc = pg_fail(db, r, err, "cannot copy into database");
		PQclear(r);
		rows->len = rows->n = 0;
		return rc;
	}
	PQclear(r);
	for (size_t at = 0; !rc && at < rows->len; at += COPY_PIECE) {
		size_t n = rows->len - at < COPY_PIECE ? rows->len - at : COPY_PIECE;
		if (PQputCopyData(db->pg, rows->buf + at, (int)n) != 1)
			rc = pg_fail(db, NULL, err, "cannot copy into database");
	}
	/* a COPY left unsent is ended as failed: the server then rolls it back */
	if (PQputCopyEnd(db->pg, rc ? "gg could not send all its rows" : NULL) != 1 && !rc)
		rc = pg_fail(db, NULL, err, "cannot copy into database");
	while ((r = PQgetResult(db->pg))) {
		ExecStatusType st = PQresultStatus(r);
		if (!rc && st != PGRES_COMMAND_OK)
			rc = pg_fail(db, r, err, "cannot copy into database");
		else if (!rc && strtoull(PQcmdTuples(r), NULL, 10) != rows->n)
			rc = gg_err_set(err, GG_EX_SOFTWARE, "database '%s' took %s of %zu rows copied", db->path,
					PQcmdTuples(r), rows->n);
		PQclear(r);
		if (st == PGRES_COPY_IN) /* still copying after the end: the connection is lost */
			break;
	}
	rows->len = rows->n = 0;
	return rc;
}
