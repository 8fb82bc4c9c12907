/* SPDX-License-Identifier: Apache-2.0 */
/* db.c: SQLite behind the gg_db interface, and the door to db-pg.c's PostgreSQL for a
 * postgresql:// database. Writers take the lock up front with BEGIN IMMEDIATE and wait up to
 * GG_BUSY_MS for it, so parallel cron jobs queue instead of failing; statements are cached by
 * their SQL text and reset before each reuse. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db-impl.h"
#include "embed.h"
#include "text.h"

/* median(X): the middle of the non-NULL values, the mean of the two middle ones for an even
 * count, NULL for none. gg's metrics use it (the medians under share/gg/queries/metrics); SQLite
 * has no median of its own before 3.47, and a window over a month of tickets takes seconds
 * where collecting and sorting them here takes a tenth of one. */
struct median {
	double *v;
	size_t n, cap;
};

static void median_step(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct median *m = sqlite3_aggregate_context(cx, sizeof *m);

	(void)argc;
	if (!m) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	if (m->n == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 64;
		double *v = realloc(m->v, cap * sizeof *v);
		if (!v) {
			sqlite3_result_error_nomem(cx);
			return;
		}
		m->v = v;
		m->cap = cap;
	}
	m->v[m->n++] = sqlite3_value_double(argv[0]);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void median_final(sqlite3_context *cx)
{
	struct median *m = sqlite3_aggregate_context(cx, 0);

	if (!m || !m->n) {
		sqlite3_result_null(cx);
		return;
	}
	qsort(m->v, m->n, sizeof *m->v, cmp_double);
	sqlite3_result_double(cx, m->n % 2 ? m->v[m->n / 2] : (m->v[m->n / 2 - 1] + m->v[m->n / 2]) / 2);
	free(m->v);
}

static void norm_address(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	(void)argc;
	if (!s) {
		sqlite3_result_null(cx);
		return;
	}
	char *n = gg_text_norm_address((const char *)s);
	if (!n)
		sqlite3_result_error_nomem(cx);
	else
		sqlite3_result_text(cx, n, -1, free);
}

/* Maps an SQLite result code to the sysexits code a cron job can act on. */
int gg_db_fail(struct gg_db *db, int rc, struct gg_err *err, const char *what)
{
	int code;
	const char *msg = db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return gg_err_set(err, GG_EX_TEMPFAIL, "database '%s' is still busy after the busy timeout; try again",
				  db ? db->path : "?");
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		code = GG_EX_CANTCREAT;
		break;
	case SQLITE_IOERR:
	case SQLITE_FULL:
		code = GG_EX_IOERR;
		break;
	case SQLITE_CONSTRAINT:
		code = GG_EX_DATAERR;
		break;
	default:
		code = GG_EX_SOFTWARE;
	}
	return gg_err_set(err, code, "%s '%s': %s", what, db ? db->path : "?", msg);
}

int gg_db_path(char *buf, size_t n, const char *opt, struct gg_err *err)
{
	const char *p = opt, *xdg, *home;
	int len;

	if (!p || !*p)
		p = getenv("GG_DB");
	if (p && *p)
		len = snprintf(buf, n, "%s", p);
	else if ((xdg = getenv("XDG_DATA_HOME")) && *xdg)
		len = snprintf(buf, n, "%s/gg/gg.db", xdg);
	else if ((home = getenv("HOME")) && *home)
		len = snprintf(buf, n, "%s/.local/share/gg/gg.db", home);
	else
		return gg_err_set(err, GG_EX_USAGE, "no database: give --db PATH or set GG_DB");
	if (len < 0 || (size_t)len >= n)
		return gg_err_set(err, GG_EX_USAGE, "database path too long");
	return 0;
}

/* A directory or file gg made, given to group gid: so that a district's staff sharing the
 * database as a Unix group can all write what any of them made. Refused (the maker is not in
 * that group) it stays the maker's: nothing to share then. */
static int to_group(const char *path, gid_t gid)
{
	return chown(path, (uid_t)-1, gid);
}

/* mkdir -p with group-private directories (0770 under the umask), each of the group of the
 * directory it is made in and setgid, so that what is made in it (the database, its -wal and
 * -shm) belongs to that group too, whoever makes it. */
static int make_dirs(char *path, struct gg_err *err)
{
	mode_t mask = umask(0);
	struct stat up;

	umask(mask);
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0770) == 0) {
			/* its parent: the one before it, / or, for a relative path's first, . */
			char *slash = strrchr(path, '/');
			if (slash)
				*slash = '\0';
			int known = stat(!slash ? "." : slash == path ? "/" : path, &up) == 0;
			if (slash)
				*slash = '/';
			if (known)
				to_group(path, up.st_gid);
			chmod(path, (0770 & ~mask) | S_ISGID);
		} else if (errno != EEXIST) {
			int e = errno;
			gg_err_set(err, GG_EX_CANTCREAT, "cannot create directory '%s': %s", path, strerror(e));
			*p = '/';
			return err->code;
		}
		*p = '/';
	}
	return 0;
}

/* The database's -wal and -shm files, as SQLite makes them: with the database's mode, but
 * owned by whoever made them, in their primary group unless the directory is setgid. One
 * made by a group member would lock the others out; each is given the database's group. */
static void share_journal(const char *path)
{
	static const char *const ext[] = {"-wal", "-shm"};
	char f[PATH_MAX];
	struct stat db, sb;

	if (stat(path, &db) != 0)
		return;
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++)
		if (snprintf(f, sizeof f, "%s%s", path, ext[i]) < (int)sizeof f && stat(f, &sb) == 0 &&
		    sb.st_uid == geteuid() && sb.st_gid != db.st_gid)
			to_group(f, db.st_gid);
}

/* The directory a path is in, into dir. */
static void dir_of(const char *path, char *dir, size_t n)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(dir, n, ".");
	else if (slash == path)
		snprintf(dir, n, "/");
	else
		snprintf(dir, n, "%.*s", (int)(slash - path), path);
}

/* A writer needs to make the -wal beside the database (at, its real path) unless it is there:
 * in a directory it cannot write, it is refused saying so (73), not with SQLite's "readonly
 * database". */
static int journal_writable(const char *path, const char *at, struct gg_err *err)
{
	char dir[PATH_MAX], wal[PATH_MAX];
	struct stat sb;

	dir_of(at, dir, sizeof dir);
	if (access(dir, W_OK) == 0 ||
	    (snprintf(wal, sizeof wal, "%s-wal", at) < (int)sizeof wal && stat(wal, &sb) == 0))
		return 0;
	return gg_err_set(err, GG_EX_CANTCREAT,
			  "cannot write database '%s': its directory '%s' is not writable, and SQLite keeps the "
			  "database's -wal and -shm files there",
			  path, dir);
}

/* How a reader opens a database it cannot write, or whose directory it cannot write. SQLite
 * would make the -wal and -shm files a WAL database is read through, which the reader may not
 * (its directory) or should not (they would be the reader's, with the file's mode, and lock
 * out the writers its mode does not let write them): while there is no -wal (no writer at
 * work, its last one checkpointed) the file is opened immutable, read as it is without locks;
 * with a -wal there, through the -shm read-only. NULL: the usual open will do. path is the
 * file's real path, beside which SQLite keeps the -wal. */
static char *reader_uri(const char *path)
{
	char dir[PATH_MAX], wal[PATH_MAX];
	struct stat sb;

	dir_of(path, dir, sizeof dir);
	if ((access(dir, W_OK) == 0 && access(path, W_OK) == 0) ||
	    snprintf(wal, sizeof wal, "%s-wal", path) >= (int)sizeof wal || stat(wal, &sb) == 0)
		return NULL;
	size_t n = strlen(path);
	char *uri = malloc(3 * n + sizeof "file:?immutable=1"), *u = uri;
	if (!uri)
		return NULL;
	u += sprintf(u, "file:");
	for (const char *p = path; *p; p++)
		u += strchr("%?#", *p) ? sprintf(u, "%%%02X", (unsigned char)*p) : sprintf(u, "%c", *p);
	strcpy(u, "?immutable=1");
	return uri;
}

static int create_file(const char *path, struct gg_err *err)
{
	char dir[PATH_MAX];
	int fd;

	if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
		return gg_err_set(err, GG_EX_USAGE, "database path too long");
	if (make_dirs(dir, err))
		return err->code;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0660);
	if (fd < 0 && errno != EEXIST)
		return gg_err_set(err, GG_EX_CANTCREAT, "cannot create database '%s': %s", path, strerror(errno));
	if (fd >= 0) {
		struct stat d;
		dir_of(path, dir, sizeof dir);
		if (stat(dir, &d) == 0)
			to_group(path, d.st_gid);
		close(fd);
	}
	return 0;
}

/* The schema version this build knows: the number of its migrations (NNN-name.sql; the
 * PostgreSQL store's NNN-name.pg.sql beside one is the same migration in its dialect). */
int gg_db_version(void)
{
	int n = 0;

	for (const struct gg_embed *e = gg_embedded; e->name; e++)
		n += strncmp(e->name, "sql/", 4) == 0 && !gg_db_pg_file(e->name);
	return n;
}

int gg_db_pg_file(const char *name)
{
	size_t len = strlen(name);
	return len > 7 && !strcmp(name + len - 7, ".pg.sql");
}

/* A table of the file that is not gg's, when the file has no gg schema yet: NULL when there
 * is none (a new file, or SQLite's own tables alone). The caller frees it. */
static char *foreign_table(struct gg_db *db)
{
	sqlite3_stmt *st;
	char *name = NULL;

	if (sqlite3_prepare_v2(db->h,
			       "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
			       "ESCAPE '\\' ORDER BY name LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		name = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return name;
}

/* A database of a schema newer than this gg's: refused, to read as to write (69). */
static int too_new(const char *path, int have, struct gg_err *err)
{
	return gg_err_set(err, GG_EX_UNAVAILABLE,
			  "database '%s' has schema version %d; this gg knows only %d: use the gg that wrote it", path,
			  have, gg_db_version());
}

/* Before anything is written (not even the switch to WAL): a file of a schema newer than
 * this gg's is refused (69), and one without gg's schema that holds tables of its own is
 * another program's, read by nobody and made gg's only by gg-org init --force. */
static int schema_known(struct gg_db *db, const char *path, enum gg_db_mode mode, struct gg_err *err)
{
	sqlite3_stmt *st;
	int have = 0;
	char *foreign;

	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		have = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (have > gg_db_version())
		return too_new(path, have, err);
	if (have || mode == GG_DB_ADOPT || !(foreign = foreign_table(db)))
		return 0;
	if (mode == GG_DB_READ)
		gg_err_set(err, GG_EX_NOINPUT, "'%s' is not a gg database: it holds tables of its own ('%s')", path,
			   foreign);
	else
		gg_err_set(err, GG_EX_DATAERR,
			   "'%s' is not a gg database: it holds tables of its own ('%s'); gg-org init --force adds "
			   "gg's to them",
			   path, foreign);
	free(foreign);
	return err->code;
}

/* Brings the file's schema up to this gg's, in one transaction. */
static int migrate(struct gg_db *db, struct gg_err *err)
{
	struct gg_stmt *st;
	int have, want = gg_db_version();

	/* Read the version again once the lock is ours: another process may have migrated
	 * the file while we waited for it. */
	for (int locked = 0; locked < 2; locked++) {
		if (!(st = gg_db_stmt(db, "PRAGMA user_version", err)) || gg_stmt_step(st, err) < 0)
			goto bad;
		have = (int)gg_stmt_int(st, 0);
		sqlite3_reset(st->st);
		if (have > want) {
			too_new(db->path, have, err);
			goto bad;
		}
		if (have == want) {
			gg_db_rollback(db);
			return 0;
		}
		if (!locked && gg_db_begin(db, err))
			return err->code;
	}
	int n = 0;
	for (const struct gg_embed *e = gg_embedded; e->name; e++) {
		char pragma[64];
		if (strncmp(e->name, "sql/", 4) != 0 || gg_db_pg_file(e->name) || ++n <= have)
			continue;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", n);
		if (gg_db_exec(db, e->text, err) || gg_db_exec(db, pragma, err))
			goto bad;
	}
	/* the audit log's triggers, defined once for migrations and for gg-org init to restore */
	if (gg_db_exec(db, gg_embed_get("queries/audit/guard.sql"), err))
		goto bad;
	return gg_db_commit(db, err);
bad:
	gg_db_rollback(db);
	return err->code;
}

/* Switching a new file to WAL needs the file to itself, and SQLite does not wait for that
 * on its busy handler: a second process creating the same database retries here. */
static int wal(struct gg_db *db, int busy_ms, struct gg_err *err)
{
	for (int waited = 0;; waited += 10) {
		int rc = sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY || waited >= busy_ms)
			return gg_db_fail(db, rc, err, "database");
		usleep(10000);
	}
}

/* SQLite's process-wide configuration, once, before the first connection. One connection,
 * used by one thread: no locks around SQLite's every step and malloc. */
void gg_db_configure(void)
{
	static int configured;

	if (!configured++) {
		sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	}
}

/* What every connection gets, a file's or several files' together: the busy timeout
 * (GG_BUSY_MS), extended result codes, and gg's SQL functions. */
int gg_db_setup(struct gg_db *db, struct gg_err *err)
{
	const char *busy = getenv("GG_BUSY_MS");

	sqlite3_busy_timeout(db->h, busy && *busy ? atoi(busy) : 10000);
	sqlite3_extended_result_codes(db->h, 1);
	if (sqlite3_create_function(db->h, "gg_norm_address", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, norm_address,
				    NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(db->h, "median", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, NULL, median_step,
				    median_final) != SQLITE_OK)
		return gg_db_fail(db, sqlite3_errcode(db->h), err, "cannot add gg's SQL functions to");
	return 0;
}

int gg_db_open(struct gg_db **out, const char *path, enum gg_db_mode mode, struct gg_err *err)
{
	struct gg_db *db;
	struct stat sb;
	int rc, flags;
	const char *busy = getenv("GG_BUSY_MS");

	*out = NULL;
	if (gg_db_is_url(path)) {
		if (!(db = calloc(1, sizeof *db)) || gg_pg_name(db, path)) {
			gg_db_close(db);
			return gg_err_oom(err);
		}
		if (gg_pg_open(db, mode, err)) {
			gg_db_close(db);
			return err->code;
		}
		*out = db;
		return 0;
	}
	gg_db_configure();
	if (stat(path, &sb) != 0) {
		if (mode == GG_DB_READ)
			return gg_err_set(err, GG_EX_NOINPUT,
					  "database '%s' does not exist; create it with 'gg-org init'", path);
		if (create_file(path, err))
			return err->code;
	} else if (!S_ISREG(sb.st_mode)) {
		return gg_err_set(err, GG_EX_NOINPUT, "database '%s' is not a regular file", path);
	}
	/* a database reached by a symbolic link has its -wal and -shm beside the file itself */
	char real[PATH_MAX];
	const char *at = realpath(path, real) ? real : path;
	if (mode != GG_DB_READ && (rc = journal_writable(path, at, err)))
		return rc;
	if (!(db = calloc(1, sizeof *db)) || !(db->path = strdup(path))) {
		free(db);
		return gg_err_oom(err);
	}
	flags = mode == GG_DB_READ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	char *uri = mode == GG_DB_READ ? reader_uri(at) : NULL;
	rc = sqlite3_open_v2(uri ? uri : path, &db->h, flags | SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0), NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		gg_db_fail(db, rc, err, "cannot open database");
		gg_db_close(db);
		return err->code;
	}
	if (mode == GG_DB_WRITE && sqlite3_db_readonly(db->h, "main") == 1) {
		gg_err_set(err, GG_EX_CANTCREAT, "cannot write database '%s': %s", path, strerror(EACCES));
		gg_db_close(db);
		return err->code;
	}
	*out = db;
	if (gg_db_setup(db, err))
		goto bad;
	if (gg_db_exec(db, "PRAGMA foreign_keys = ON", err))
		goto bad;
	/* A quick check that this is a database at all, before anything else. */
	rc = sqlite3_exec(db->h, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	if ((rc & 0xff) == SQLITE_NOTADB) {
		gg_err_set(err, GG_EX_NOINPUT, "'%s' is not a gg database", path);
		goto bad;
	}
	if (rc != SQLITE_OK) {
		gg_db_fail(db, rc, err, "cannot read database");
		goto bad;
	}
	share_journal(at);
	if ((rc = schema_known(db, path, mode, err)))
		goto bad;
	if (mode != GG_DB_READ) {
		if (wal(db, busy && *busy ? atoi(busy) : 10000, err))
			goto bad;
		share_journal(at); /* a new database's, made by the switch */
		if (gg_db_exec(db, "PRAGMA synchronous = NORMAL", err) || migrate(db, err))
			goto bad;
	} else {
		struct gg_stmt *st = gg_db_stmt(db, "PRAGMA user_version", err);
		if (!st || gg_stmt_step(st, err) < 0)
			goto bad;
		int have = (int)gg_stmt_int(st, 0), want = gg_db_version();
		if (have == 0) {
			gg_err_set(err, GG_EX_NOINPUT, "database '%s' is empty; create it with 'gg-org init'", path);
			goto bad;
		}
		if (have < want) { /* reading never writes: the upgrade is a write */
			gg_err_set(err, GG_EX_NOINPUT,
				   "database '%s' has schema version %d and this gg reads %d; bring it up to date with "
				   "'gg-org init'",
				   path, have, want);
			goto bad;
		}
	}
	return 0;
bad:
	gg_db_close(db);
	*out = NULL;
	return err->code;
}

void gg_db_close(struct gg_db *db)
{
	if (!db)
		return;
	if (db->url) {
		gg_pg_close(db);
		free(db->path);
		free(db);
		return;
	}
	for (struct gg_stmt *s = db->cache, *n; s; s = n) {
		n = s->next;
		sqlite3_finalize(s->st);
		free(s);
	}
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

/* The write transaction a command asked for, begun by its first statement. */
static int begin_now(struct gg_db *db, struct gg_err *err)
{
	if (!db->pending)
		return 0;
	db->pending = 0;
	if (gg_db_begin(db, err))
		return err->code;
	return db->on_begin ? db->on_begin(db->on_begin_arg, err) : 0;
}

int gg_db_exec(struct gg_db *db, const char *sql, struct gg_err *err)
{
	if (begin_now(db, err))
		return err->code;
	if (db->pg)
		return gg_pg_exec(db, sql, err);
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : gg_db_fail(db, rc, err, "database");
}

int gg_db_begin(struct gg_db *db, struct gg_err *err)
{
	if (db->pg)
		return gg_pg_begin(db, err);
	return gg_db_exec(db, "BEGIN IMMEDIATE", err);
}

/* A write transaction (BEGIN IMMEDIATE, as gg_db_begin) begun by the command's first statement
 * rather than now, then on_begin called in it: a command reads its input before it touches
 * the store, and input from a pipe is read whole first (gg_reader_spool_stdin), so a slow
 * producer never holds the write lock that every other writer waits for. */
void gg_db_begin_later(struct gg_db *db, int (*on_begin)(void *arg, struct gg_err *err), void *arg)
{
	db->pending = 1;
	db->on_begin = on_begin;
	db->on_begin_arg = arg;
}

/* A transaction never begun (the command ran no statement) commits nothing. */
int gg_db_commit(struct gg_db *db, struct gg_err *err)
{
	if (db->pending) {
		db->pending = 0;
		return 0;
	}
	int rc = db->pg ? gg_pg_commit(db, err) : gg_db_exec(db, "COMMIT", err);
	if (rc)
		gg_db_rollback(db);
	return rc;
}

void gg_db_rollback(struct gg_db *db)
{
	db->pending = 0;
	if (db->pg)
		gg_pg_rollback(db);
	else if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

/* The text of queries/NAME.sql. The path is put together by hand: an import asks for a
 * query for every record it writes, and snprintf was most of what that cost. */
const char *gg_db_query(const char *name)
{
	char path[256];
	size_t n = strlen(name);

	if (n + sizeof "queries/.sql" > sizeof path)
		return NULL;
	memcpy(path, "queries/", 8);
	memcpy(path + 8, name, n);
	memcpy(path + 8 + n, ".sql", sizeof ".sql");
	return gg_embed_get(path);
}

const char *gg_db_text(struct gg_db *db, const char *name)
{
	const char *sql = gg_db_query(name);
	char path[256];

	if (!db->pg)
		return sql;
	if (sql)
		return gg_pg_dialect(sql);
	snprintf(path, sizeof path, "queries/%s.pg.sql", name);
	return gg_embed_get(path);
}

struct gg_stmt *gg_db_stmt(struct gg_db *db, const char *sql, struct gg_err *err)
{
	struct gg_stmt *s;
	int rc;

	if (begin_now(db, err))
		return NULL;
	for (s = db->cache; s; s = s->next)
		if (s->sql == sql) {
			if (db->pg) {
				gg_pg_reset(s);
			} else {
				sqlite3_reset(s->st);
				sqlite3_clear_bindings(s->st);
			}
			return s;
		}
	if (!(s = calloc(1, sizeof *s))) {
		gg_err_oom(err);
		return NULL;
	}
	s->sql = sql;
	s->db = db;
	if (db->pg) {
		if (gg_pg_prepare(s, sql, err)) {
			gg_pg_free(s);
			return NULL;
		}
	} else if ((rc = sqlite3_prepare_v2(db->h, sql, -1, &s->st, NULL)) != SQLITE_OK) {
		gg_db_fail(db, rc, err, "cannot prepare a statement on");
		free(s);
		return NULL;
	}
	s->next = db->cache;
	db->cache = s;
	return s;
}

struct gg_stmt *gg_db_named(struct gg_db *db, const char *name, struct gg_err *err)
{
	const char *sql = gg_db_text(db, name);
	if (!sql) {
		gg_err_set(err, GG_EX_SOFTWARE, "no query named '%s'", name);
		return NULL;
	}
	return gg_db_stmt(db, sql, err);
}

void gg_stmt_bind_text(struct gg_stmt *st, int i, const char *s)
{
	if (st->db->pg)
		gg_pg_bind(st, i, s, s ? strlen(s) : 0);
	else if (s)
		sqlite3_bind_text(st->st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st->st, i);
}

/* Binds text that stays put until the statement has run: no copy is made. */
void gg_stmt_bind_fixed(struct gg_stmt *st, int i, const char *s)
{
	if (st->db->pg)
		gg_pg_bind(st, i, s, s ? strlen(s) : 0);
	else if (s)
		sqlite3_bind_text(st->st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st->st, i);
}

void gg_stmt_bind_int(struct gg_stmt *st, int i, int64_t v)
{
	char n[24];

	if (st->db->pg)
		gg_pg_bind(st, i, n, (size_t)snprintf(n, sizeof n, "%" PRId64, v));
	else
		sqlite3_bind_int64(st->st, i, v);
}

void gg_stmt_bind_null(struct gg_stmt *st, int i)
{
	if (st->db->pg)
		gg_pg_bind(st, i, NULL, 0);
	else
		sqlite3_bind_null(st->st, i);
}

/* A value as the PostgreSQL store binds it: as text, which the server reads as the type the
 * parameter's place in the statement asks for. */
static void bind_json_pg(struct gg_stmt *st, int i, json_t *v)
{
	char n[32], *s;

	switch (v ? json_typeof(v) : JSON_NULL) {
	case JSON_STRING:
		gg_pg_bind(st, i, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		gg_stmt_bind_int(st, i, json_integer_value(v));
		break;
	case JSON_REAL:
		gg_pg_bind(st, i, n, (size_t)snprintf(n, sizeof n, "%.17g", json_real_value(v)));
		break;
	case JSON_TRUE:
	case JSON_FALSE:
		gg_pg_bind(st, i, json_is_true(v) ? "1" : "0", 1);
		break;
	case JSON_OBJECT:
	case JSON_ARRAY:
		s = json_dumps(v, JSON_COMPACT);
		gg_pg_bind(st, i, s, s ? strlen(s) : 0);
		free(s);
		break;
	default:
		gg_pg_bind(st, i, NULL, 0);
	}
}

void gg_stmt_bind_json(struct gg_stmt *st, int i, json_t *v)
{
	char *s;

	if (st->db->pg) {
		bind_json_pg(st, i, v);
		return;
	}
	switch (v ? json_typeof(v) : JSON_NULL) {
	case JSON_STRING:
		sqlite3_bind_text(st->st, i, json_string_value(v), (int)json_string_length(v), SQLITE_TRANSIENT);
		break;
	case JSON_INTEGER:
		sqlite3_bind_int64(st->st, i, json_integer_value(v));
		break;
	case JSON_REAL:
		sqlite3_bind_double(st->st, i, json_real_value(v));
		break;
	case JSON_TRUE:
		sqlite3_bind_int(st->st, i, 1);
		break;
	case JSON_FALSE:
		sqlite3_bind_int(st->st, i, 0);
		break;
	case JSON_OBJECT:
	case JSON_ARRAY:
		s = json_dumps(v, JSON_COMPACT);
		sqlite3_bind_text(st->st, i, s, -1, free);
		break;
	default:
		sqlite3_bind_null(st->st, i);
	}
}

int gg_stmt_index(struct gg_stmt *st, const char *name)
{
	char p[128];
	size_t n = strlen(name);

	if (st->db->pg)
		return gg_pg_index(st, name);
	if (n + 2 > sizeof p)
		return 0;
	p[0] = ':';
	memcpy(p + 1, name, n + 1);
	return sqlite3_bind_parameter_index(st->st, p);
}

/* Binds v to the parameter ":name"; returns 0 when the statement has no such parameter. */
int gg_stmt_bind_name(struct gg_stmt *st, const char *name, json_t *v)
{
	int i;

	if (!(i = gg_stmt_index(st, name)))
		return 0;
	gg_stmt_bind_json(st, i, v);
	return i;
}

int gg_stmt_step(struct gg_stmt *st, struct gg_err *err)
{
	if (st->db->pg)
		return gg_pg_step(st, err);
	int rc = sqlite3_step(st->st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	gg_db_fail(st->db, rc, err, "database");
	sqlite3_reset(st->st);
	return -1;
}

int gg_db_can_copy(struct gg_db *db)
{
	return db->pg != NULL;
}

int gg_stmt_keep(struct gg_stmt *st, struct gg_rows *rows, struct gg_err *err)
{
	if (!st->db->pg)
		return gg_err_set(err, GG_EX_SOFTWARE, "database '%s' is a file: its rows are written, not kept", st->db->path);
	return gg_pg_keep(st, rows, err);
}

int gg_db_copy(struct gg_db *db, const char *table, struct gg_rows *rows, struct gg_err *err)
{
	if (!db->pg)
		return gg_err_set(err, GG_EX_SOFTWARE, "database '%s' is a file: it has no COPY", db->path);
	return begin_now(db, err) ? err->code : gg_pg_copy(db, table, rows, err);
}

/* Steps a statement that returns no rows; 0 or the error code. */
int gg_stmt_run(struct gg_stmt *st, struct gg_err *err)
{
	int rc = gg_stmt_step(st, err);
	if (st->db->pg)
		gg_pg_reset(st);
	else
		sqlite3_reset(st->st);
	return rc < 0 ? err->code : 0;
}

const char *gg_stmt_text(struct gg_stmt *st, int i)
{
	if (st->db->pg)
		return gg_pg_text(st, i);
	return (const char *)sqlite3_column_text(st->st, i);
}

size_t gg_stmt_bytes(struct gg_stmt *st, int i)
{
	if (st->db->pg)
		return gg_pg_bytes(st, i);
	return (size_t)sqlite3_column_bytes(st->st, i);
}

int64_t gg_stmt_int(struct gg_stmt *st, int i)
{
	if (st->db->pg)
		return gg_pg_int(st, i);
	return sqlite3_column_int64(st->st, i);
}

int gg_stmt_isnull(struct gg_stmt *st, int i)
{
	if (st->db->pg)
		return gg_pg_isnull(st, i);
	return sqlite3_column_type(st->st, i) == SQLITE_NULL;
}

/* The current row as an object keyed by column name. NULLs are left out; a column declared
 * BOOLEAN becomes true/false and one declared JSON is parsed, so views and tables read back
 * as the records they were written from. */
json_t *gg_stmt_row(struct gg_stmt *st)
{
	if (st->db->pg)
		return gg_pg_row(st);
	json_t *o = json_object();
	int n = sqlite3_column_count(st->st);

	for (int i = 0; i < n; i++) {
		const char *name = sqlite3_column_name(st->st, i);
		const char *decl = sqlite3_column_decltype(st->st, i);
		json_t *v = NULL;

		switch (sqlite3_column_type(st->st, i)) {
		case SQLITE_NULL:
			continue;
		case SQLITE_INTEGER:
			if (decl && strcmp(decl, "BOOLEAN") == 0)
				v = json_boolean(sqlite3_column_int(st->st, i));
			else
				v = json_integer(sqlite3_column_int64(st->st, i));
			break;
		case SQLITE_FLOAT:
			v = json_real(sqlite3_column_double(st->st, i));
			break;
		default:
			if (decl && strcmp(decl, "JSON") == 0)
				v = json_loads((const char *)sqlite3_column_text(st->st, i), JSON_DECODE_ANY, NULL);
			if (!v)
				v = json_stringn((const char *)sqlite3_column_text(st->st, i),
						 (size_t)sqlite3_column_bytes(st->st, i));
		}
		json_object_set_new(o, name, v);
	}
	return o;
}

int64_t gg_db_changes(struct gg_db *db)
{
	if (db->pg)
		return db->changes;
	return sqlite3_changes64(db->h);
}

int64_t gg_db_last_id(struct gg_db *db)
{
	if (db->pg)
		return gg_pg_last_id(db);
	return sqlite3_last_insert_rowid(db->h);
}
