/* SPDX-License-Identifier: Apache-2.0 */
/* audit.c: the audit log. Every write appends a row chained to the last; the triggers of
 * queries/audit/guard.sql keep it append-only and their absence stops every write; and the
 * chain is checked again from the first row (gg-report audit --verify).
 *
 * A row's hash is the hex SHA-256 of the previous row's hash followed by the row's fields, id,
 * at, login, uid, actor, now, command and change, each written as LENGTH ":" BYTES "," and a
 * NULL as "-,": no text can move from one field to the next and leave the hash as it was.
 * Rows written before this encoding (v NULL) joined prev, at, actor, command and change with
 * newlines, and are checked the way they were written. */
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "embed.h"
#include "kind.h"
#include "reader.h"
#include "text.h"

/* A row's fields as text, in the order the hash covers them. */
enum { F_ID, F_AT, F_LOGIN, F_UID, F_ACTOR, F_NOW, F_COMMAND, F_CHANGE, NF };

static void hex(const unsigned char h[32], char out[65])
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < 32; i++) {
		out[2 * i] = digits[h[i] >> 4];
		out[2 * i + 1] = digits[h[i] & 15];
	}
	out[64] = '\0';
}

/* Writes n in decimal at p; returns the end. */
static char *put_decimal(char *p, size_t n)
{
	char d[24];
	int k = 0;

	do
		d[k++] = (char)('0' + n % 10);
	while (n /= 10);
	while (k)
		*p++ = d[--k];
	return p;
}

/* The bytes a row's hash covers: prev, then each field as LENGTH ":" BYTES "," or "-,"; in a
 * buffer kept from row to row (a verify of a million rows hashes each in one piece). NULL
 * when memory runs out. */
static const char *encode(const char *prev, const char *const f[NF], size_t *len)
{
	static char *buf;
	static size_t cap;
	size_t need = strlen(prev) + 1;

	for (int i = 0; i < NF; i++)
		need += (f[i] ? strlen(f[i]) : 0) + 24;
	if (need > cap) {
		char *nb = realloc(buf, need);
		if (!nb)
			return NULL;
		buf = nb;
		cap = need;
	}
	char *p = buf;
	size_t n = strlen(prev);
	memcpy(p, prev, n);
	p += n;
	for (int i = 0; i < NF; i++) {
		if (!f[i]) {
			*p++ = '-';
		} else {
			n = strlen(f[i]);
			p = put_decimal(p, n);
			*p++ = ':';
			memcpy(p, f[i], n);
			p += n;
		}
		*p++ = ',';
	}
	*len = (size_t)(p - buf);
	return buf;
}

/* SHA-256, fetched from OpenSSL once: its lookup on every row took locks each time. */
static const EVP_MD *sha256(void)
{
	static EVP_MD *md;

	if (!md)
		md = EVP_MD_fetch(NULL, "SHA256", NULL);
	return md;
}

/* The hash of a row after prev: v 2 is the encoding above, else the first one's. */
static void row_hash(EVP_MD_CTX *md, int v, const char *prev, const char *const f[NF], char out[65])
{
	unsigned char h[32];
	unsigned int n = 0;

	EVP_DigestInit_ex2(md, sha256(), NULL);
	if (v == 2) {
		size_t len = 0;
		const char *bytes = encode(prev, f, &len);
		EVP_DigestUpdate(md, bytes ? bytes : "", len); /* out of memory: no hash matches */
	} else {
		const char *old[] = {prev, f[F_AT], f[F_ACTOR], f[F_COMMAND], f[F_CHANGE]};
		for (int i = 0; i < 5; i++) {
			if (i)
				EVP_DigestUpdate(md, "\n", 1);
			EVP_DigestUpdate(md, old[i] ? old[i] : "", old[i] ? strlen(old[i]) : 0);
		}
	}
	EVP_DigestFinal_ex(md, h, &n);
	hex(h, out);
}

/* The audit log as a kind: read by the entity layer, kept append-only by the store; rows are
 * written only by gg_audit, which chains them. */
const struct gg_kind gg_audit_kind = {
	.name = "audit",
	.plural = "audit",
	.flags = GG_K_APPEND,
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "at", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "login", .type = GG_F_TEXT},
			{.name = "uid", .type = GG_F_INT},
			{.name = "actor", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "now", .type = GG_F_TEXT},
			{.name = "command", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "change", .type = GG_F_OBJECT, .flags = GG_F_REQUIRED},
			{.name = "prev", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "hash", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "v", .type = GG_F_INT},
			{0},
		},
};

/* The last row's id and hash, into the context, once a transaction. */
static int last_row(struct gg_ctx *c)
{
	struct gg_stmt *st = gg_db_named(c->db, "audit/last", &c->err);
	int rc;

	if (!st || (rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	c->audit_id = rc ? gg_stmt_int(st, 0) : 0;
	snprintf(c->prev_hash, sizeof c->prev_hash, "%s", rc ? gg_stmt_text(st, 1) : "genesis");
	return 0;
}

/* Stores the row of fields f whose hash is hash, after the one before it (c->prev_hash). */
static int add_row(struct gg_ctx *c, const char *const f[NF], const char hash[65])
{
	static const char *const names[NF] = {"id", "at", "login", "uid", "actor", "now", "command", "change"};
	struct gg_stmt *st = gg_db_named(c->db, "audit/add", &c->err);

	if (!st)
		return c->err.code;
	for (int i = 0; i < NF; i++)
		gg_stmt_bind_text(st, gg_stmt_index(st, names[i]), f[i]);
	gg_stmt_bind_text(st, gg_stmt_index(st, "prev"), c->prev_hash);
	gg_stmt_bind_text(st, gg_stmt_index(st, "hash"), hash);
	if (gg_stmt_run(st, &c->err))
		return c->err.code;
	if (gg_db_changes(c->db) != 1) /* a trigger of someone else's let the write through unlogged */
		return gg_err_set(&c->err, GG_EX_SOFTWARE,
				  "the audit row was not written: something in the database "
				  "drops it; 'gg-org init' removes triggers gg did not make");
	return 0;
}

/* The login that runs this process and its uid, read once: an import writes a row a record,
 * and the password database is a file opened and read on every lookup. */
static const char *login(char uid[24])
{
	static char name[256], id[24];

	if (!id[0]) {
		struct passwd *pw = getpwuid(getuid());
		snprintf(name, sizeof name, "%s", pw ? pw->pw_name : "");
		snprintf(id, sizeof id, "%u", (unsigned)getuid());
	}
	memcpy(uid, id, sizeof id);
	return name[0] ? name : NULL;
}

/* Appends one row; must run inside the command's write transaction. Its time is the wall
 * clock's and its login the real one, whatever --now and --actor said (kept beside them). */
int gg_audit(struct gg_ctx *c, json_t *change)
{
	static EVP_MD_CTX *md;
	char id[24], at[32], uid[24], now[32], hash[65];
	const char *who = login(uid);

	if (!c->prev_hash[0] && last_row(c))
		return c->err.code;
	if (!md && !(md = EVP_MD_CTX_new()))
		return gg_err_oom(&c->err);
	snprintf(id, sizeof id, "%lld", (long long)c->audit_id + 1);
	gg_clock_format_zone((int64_t)time(NULL), at); /* the calendar's zone: never TZ's */
	gg_clock_format_zone(gg_clock_now(), now);
	/* an actor is a name; one that is a phone or id number (--actor 139…) is kept masked */
	char *text = json_dumps(change, JSON_COMPACT), *actor = gg_text_mask_free(c->actor);
	int rc = !text || !actor ? gg_err_oom(&c->err) : 0;
	if (!rc) {
		const char *f[NF] = {id, at, who, uid, actor, gg_clock_now_given() ? now : NULL, c->command, text};
		row_hash(md, 2, c->prev_hash, f, hash);
		rc = add_row(c, f, hash);
	}
	free(text);
	free(actor);
	if (rc)
		return rc;
	c->audit_id++;
	memcpy(c->prev_hash, hash, sizeof hash);
	return 0;
}

/* ---- the triggers ---- */

/* The triggers guard.sql makes, as the store keeps them: each one's name, its text (SQLite's:
 * "CREATE TRIGGER name … END" without guard.sql's IF NOT EXISTS or the semicolon;
 * PostgreSQL's: guard.pg.sql's "CREATE TRIGGER name …" without the semicolon) and, on
 * PostgreSQL, which keeps a trigger's function apart from it, the body of the function of
 * the same name, as written between its $$. */
struct made {
	char name[64];
	char *sql, *body;
};

#define MOST_TRIGGERS 8

static void unmade(struct made *m, int n)
{
	for (int i = 0; i < n; i++) {
		free(m[i].sql);
		free(m[i].body);
	}
}

/* The triggers of guard (the store's guard.sql) into m, at most MOST_TRIGGERS; their number,
 * -1 when out of memory (nothing kept then). */
static int made_by(const char *guard, struct made *m)
{
	static const char create[] = "CREATE TRIGGER ", exists[] = "IF NOT EXISTS ";
	int n = 0;

	for (const char *p = guard; n < MOST_TRIGGERS && (p = strstr(p, create)); p += sizeof create - 1) {
		const char *name = p + sizeof create - 1, *end;
		if (p > guard && p[-1] != '\n') /* a statement's, not a comment's */
			continue;
		int sqlite = !strncmp(name, exists, sizeof exists - 1);
		if (sqlite)
			name += sizeof exists - 1;
		size_t len = strcspn(name, " ");
		if (len >= sizeof m->name || !(end = strstr(name, sqlite ? "END;" : ";")))
			continue;
		struct made *t = &m[n++];
		snprintf(t->name, sizeof t->name, "%.*s", (int)len, name);
		t->body = NULL;
		if (asprintf(&t->sql, "CREATE TRIGGER %.*s", (int)(end + (sqlite ? 3 : 0) - name), name) < 0) {
			unmade(m, n - 1);
			return -1;
		}
		char head[96];
		const char *f, *b, *e;
		snprintf(head, sizeof head, "FUNCTION %s()", t->name);
		if (!sqlite && (f = strstr(guard, head)) && (b = strstr(f, "$$")) && (e = strstr(b + 2, "$$")) &&
		    !(t->body = strndup(b + 2, (size_t)(e - b - 2)))) {
			unmade(m, n);
			return -1;
		}
	}
	return n;
}

/* The triggers of audit/guard.sql the database lacks, or has in another form (a body
 * replaced under the same name), and any other trigger on the log, as a JSON list. */
static int missing_triggers(struct gg_ctx *c, json_t **missing)
{
	struct made need[MOST_TRIGGERS];
	int have[MOST_TRIGGERS] = {0}, rc = 0, n = made_by(gg_db_text(c->db, "audit/guard"), need);
	struct gg_stmt *st = gg_db_named(c->db, "audit/triggers", &c->err);

	*missing = NULL;
	if (n < 0)
		rc = gg_err_oom(&c->err);
	else if (!st)
		rc = c->err.code;
	else
		*missing = json_array();
	while (!rc && (rc = gg_stmt_step(st, &c->err)) > 0) {
		int ours = 0;
		rc = 0;
		for (int i = 0; i < n; i++)
			if (!strcmp(need[i].name, gg_stmt_text(st, 0))) {
				const char *body = gg_stmt_text(st, 2);
				have[i] = !strcmp(need[i].sql, gg_stmt_text(st, 1)) &&
					  (!need[i].body || (body && !strcmp(need[i].body, body)));
				ours = 1;
			}
		if (!ours) /* one of someone else's could drop rows, or change them on the way in */
			json_array_append_new(*missing, json_string(gg_stmt_text(st, 0)));
	}
	rc = rc < 0 ? c->err.code : rc;
	for (int i = 0; !rc && i < n; i++)
		if (!have[i])
			json_array_append_new(*missing, json_string(need[i].name));
	unmade(need, n);
	return rc;
}

/* Drops the triggers named (some may be there in another form) and makes guard.sql's again. */
static int remake(struct gg_ctx *c, json_t *names)
{
	size_t i;
	json_t *v;

	json_array_foreach (names, i, v) {
		char sql[128];
		/* PostgreSQL's trigger names are the table's own, SQLite's the schema's */
		snprintf(sql, sizeof sql, "DROP TRIGGER IF EXISTS %s%s", json_string_value(v),
			 gg_db_is_url(c->db_path) ? " ON audit" : "");
		if (gg_db_exec(c->db, sql, &c->err))
			return c->err.code;
	}
	return gg_db_exec(c->db, gg_embed_get("queries/audit/guard.sql"), &c->err);
}

int gg_audit_guard(struct gg_ctx *c, int restore)
{
	json_t *missing, *ch;
	int rc;

	if ((rc = missing_triggers(c, &missing)) || !json_array_size(missing)) {
		json_decref(missing);
		return rc;
	}
	if (!restore) {
		rc = gg_err_set(&c->err, GG_EX_SOFTWARE,
				"the audit log's trigger %s is missing or not the one gg made: the database was "
				"changed behind gg's back; 'gg-report audit --verify' checks the log, 'gg-org init' "
				"restores the trigger",
				json_string_value(json_array_get(missing, 0)));
		json_decref(missing);
		return rc;
	}
	if (remake(c, missing)) {
		json_decref(missing);
		return c->err.code;
	}
	ch = json_pack("{s:s,s:o}", "op", "restore", "triggers", missing);
	rc = gg_audit(c, ch);
	json_decref(ch);
	return rc;
}

/* ---- checking the chain ---- */

/* The walk along the chain: the rows seen, the last one's id and hash, the head it must
 * extend (--expect) and the first problem met. */
struct walk {
	EVP_MD_CTX *md;
	int64_t rows, first, last;
	char head[65];
	int64_t expect_id;
	const char *expect_hash;
	int expect_met;
	json_t *finding; /* {row, problem} */
};

static void problem(struct walk *w, int64_t row, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void problem(struct walk *w, int64_t row, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	gg_err_vformat(msg, sizeof msg, fmt, ap);
	va_end(ap);
	w->finding = json_pack("{s:I,s:s}", "row", (json_int_t)row, "problem", msg);
}

/* Whether a row's change is an archive's, the one row a log may start with past row 1. */
static int is_archive(const char *change)
{
	json_t *ch = json_loads(change ? change : "", 0, NULL);
	int yes = ch && json_is_string(json_object_get(ch, "op")) &&
		  !strcmp(json_string_value(json_object_get(ch, "op")), "archive");
	json_decref(ch);
	return yes;
}

/* One row against the one before it; on the first problem, w->finding says which and why. */
static void walk_row(struct walk *w, const char *const f[NF], const char *prev, const char *hash, int v)
{
	int64_t id = strtoll(f[F_ID], NULL, 10);
	char want[65];

	if (w->rows == 0) {
		w->first = id;
		if (id != 1 && !(v == 2 && is_archive(f[F_CHANGE])))
			return problem(w, 1, "rows 1 to %lld are missing: deleted, and no archive row stands first",
				       (long long)id - 1);
		if (id == 1 && strcmp(prev ? prev : "", "genesis"))
			return problem(w, 1, "row 1 does not start the chain: its prev is not 'genesis'");
	} else if (id != w->last + 1) {
		return problem(w, w->last + 1, "row %lld is missing (deleted, or the rows renumbered)",
			       (long long)w->last + 1);
	} else if (strcmp(prev ? prev : "", w->head)) {
		return problem(w, id, "row %lld does not follow row %lld: a row was inserted, reordered or altered",
			       (long long)id, (long long)w->last);
	}
	row_hash(w->md, v, prev ? prev : "", f, want);
	if (strcmp(want, hash ? hash : ""))
		return problem(w, id, "row %lld was altered: its fields do not give its hash", (long long)id);
	if (id == w->expect_id) {
		if (strcmp(hash, w->expect_hash))
			return problem(w, id, "row %lld is not the head expected: the log was rewritten",
				       (long long)id);
		w->expect_met = 1;
	}
	w->rows++;
	w->last = id;
	snprintf(w->head, sizeof w->head, "%s", hash);
}

/* After the last row: the head expected must be in the log, or be the one its first row
 * (an archive) names. */
static void walk_end(struct walk *w)
{
	if (w->finding || !w->expect_hash || w->expect_met)
		return;
	if (w->expect_id > w->last)
		return problem(w, w->last + 1,
			       "the log ends at row %lld, but the head expected is row %lld: rows were deleted",
			       (long long)w->last, (long long)w->expect_id);
	/* before the archive row the log starts with: only the archive itself can show it was
	 * there (an archive row anyone can append proves nothing alone) */
	problem(w, w->expect_id,
		"row %lld is before row %lld, where the log starts after an archive: check it with "
		"--verify --archived FILE",
		(long long)w->expect_id, (long long)w->first);
}

/* Reads "COUNT:HASH" into the walk. */
static int parse_expect(struct gg_ctx *c, const char *expect, struct walk *w)
{
	char *end;
	const char *colon = expect ? strchr(expect, ':') : NULL;

	if (!expect)
		return 0;
	w->expect_id = colon ? strtoll(expect, &end, 10) : -1;
	if (!colon || end != colon || w->expect_id < 0 || strlen(colon + 1) != 64 ||
	    strspn(colon + 1, "0123456789abcdef") != 64)
		if (!(colon && !strcmp(colon + 1, "genesis") && w->expect_id == 0))
			return gg_err_set(&c->err, GG_EX_USAGE,
					  "--expect wants COUNT:HASH as --head prints it, not '%s'", expect);
	w->expect_hash = colon + 1;
	return 0;
}

/* The rows of an archive --archive wrote, along the walk. */
static int walk_file(struct gg_ctx *c, struct walk *w, const char *path)
{
	static const char *const names[NF] = {"id", "at", "login", "uid", "actor", "now", "command", "change"};
	struct gg_reader *r;
	json_t *rec;
	int rc = 0;

	if (gg_reader_open(&r, path, &c->err))
		return c->err.code;
	while (!w->finding && (rc = gg_reader_next(r, &rec, &c->err)) > 0) {
		const char *f[NF];
		for (int i = 0; i < NF; i++)
			f[i] = json_string_value(json_object_get(rec, names[i]));
		walk_row(w, f, json_string_value(json_object_get(rec, "prev")),
			 json_string_value(json_object_get(rec, "hash")),
			 (int)json_integer_value(json_object_get(rec, "v")));
		json_decref(rec);
	}
	gg_reader_close(r);
	return rc < 0 && !w->finding ? c->err.code : 0;
}

/* The rows of the database's log, along the walk. A NUL byte in a field hides what follows
 * it from the hash: such a row is altered. */
static int walk_db(struct gg_ctx *c, struct walk *w)
{
	struct gg_stmt *st = gg_db_named(c->db, "audit/all", &c->err);
	int rc = 0;

	if (!st)
		return c->err.code;
	while (!w->finding && (rc = gg_stmt_step(st, &c->err)) > 0) {
		const char *f[NF + 2];
		int cut = 0;
		for (int i = 0; i < NF + 2; i++) {
			f[i] = gg_stmt_text(st, i);
			cut |= f[i] && strlen(f[i]) != gg_stmt_bytes(st, i);
		}
		if (cut)
			problem(w, gg_stmt_int(st, 0), "row %lld was altered: a field holds a NUL byte",
				(long long)gg_stmt_int(st, 0));
		else
			walk_row(w, f, f[NF], f[NF + 1], (int)gg_stmt_int(st, NF + 2));
	}
	return rc < 0 && !w->finding ? c->err.code : 0;
}

int gg_audit_verify(struct gg_ctx *c, const char *expect, const char *archived, json_t **out)
{
	struct walk w = {.md = EVP_MD_CTX_new(), .head = "genesis"};
	int rc;

	*out = NULL;
	if (!w.md)
		return gg_err_oom(&c->err);
	rc = parse_expect(c, expect, &w) || (archived && walk_file(c, &w, archived)) || walk_db(c, &w);
	EVP_MD_CTX_free(w.md);
	if (rc) {
		json_decref(w.finding);
		return c->err.code;
	}
	walk_end(&w);
	char head[96];
	snprintf(head, sizeof head, "%lld:%s", (long long)w.last, w.head);
	*out = json_pack("{s:b,s:I,s:s}", "verified", !w.finding, "rows", (json_int_t)w.rows, "head", head);
	if (w.finding)
		json_object_update(*out, w.finding);
	json_decref(w.finding);
	return 0;
}

/* Another database's archive (a district's log, --archive written, before its tickets were
 * moved here), its chain checked from its first row, named by this log's next row: the file,
 * its rows and its head. A broken chain is refused (65), naming the row. */
int gg_audit_adopt(struct gg_ctx *c, const char *path, json_t **out)
{
	struct walk w = {.md = EVP_MD_CTX_new(), .head = "genesis"};
	char head[96];
	int rc;

	*out = NULL;
	if (!w.md)
		return gg_err_oom(&c->err);
	rc = walk_file(c, &w, path);
	EVP_MD_CTX_free(w.md);
	if (!rc && w.finding)
		rc = gg_err_set(&c->err, GG_EX_DATAERR, "%s: row %lld: %s", path,
				(long long)json_integer_value(json_object_get(w.finding, "row")),
				json_string_value(json_object_get(w.finding, "problem")));
	else if (!rc && !w.rows)
		rc = gg_err_set(&c->err, GG_EX_DATAERR, "%s: no rows: not an archive of gg-report audit --archive",
				path);
	json_decref(w.finding);
	if (rc)
		return rc;
	snprintf(head, sizeof head, "%lld:%s", (long long)w.last, w.head);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	json_t *ch = json_pack("{s:s,s:s,s:I,s:s}", "op", "adopt", "archive", base, "rows", (json_int_t)w.rows, "head",
			       head);
	rc = ch ? gg_audit(c, ch) : gg_err_oom(&c->err);
	json_decref(ch);
	if (!rc)
		*out = json_pack("{s:s,s:I,s:s}", "adopted", base, "rows", (json_int_t)w.rows, "head", head);
	return rc;
}

int gg_audit_head(struct gg_ctx *c, char head[96])
{
	if (last_row(c))
		return c->err.code;
	snprintf(head, 96, "%lld:%s", (long long)c->audit_id, c->prev_hash);
	c->prev_hash[0] = '\0'; /* read again by the next gg_audit of a transaction */
	return 0;
}

/* ---- archiving ---- */

/* Writes every row of the log to f, a JSON object a line, change as the text its hash covers. */
static int write_rows(struct gg_ctx *c, FILE *f)
{
	static const char *const cols[] = {"id",  "at",	     "login",  "uid",  "actor",
					   "now", "command", "change", "prev", "hash"};
	struct gg_stmt *st = gg_db_named(c->db, "audit/all", &c->err);
	int rc;

	if (!st)
		return c->err.code;
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *r = json_object();
		for (int i = 0; i < 10; i++)
			json_object_set_new(r, cols[i],
					    gg_stmt_text(st, i) ? json_string(gg_stmt_text(st, i)) : json_null());
		json_object_set_new(r, "v", json_integer(gg_stmt_int(st, 10)));
		rc = json_dumpf(r, f, JSON_COMPACT) || fputc('\n', f) == EOF;
		json_decref(r);
		if (rc)
			return gg_err_set(&c->err, GG_EX_IOERR, "cannot write the archive: %s", strerror(errno));
	}
	return rc < 0 ? c->err.code : 0;
}

/* Sets aside the rows before the archive row just written. */
static int set_aside(struct gg_ctx *c)
{
	struct gg_stmt *st = gg_db_named(c->db, "audit/set-aside", &c->err);

	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, gg_stmt_index(st, "id"), c->audit_id);
	return gg_stmt_run(st, &c->err);
}

int gg_audit_archive(struct gg_ctx *c, const char *path, json_t **out)
{
	json_t *v, *ch;
	char head[96], *abs = realpath(".", NULL);
	int rc, fd;
	FILE *f;

	*out = NULL;
	if ((rc = gg_audit_verify(c, NULL, NULL, &v)) || !json_is_true(json_object_get(v, "verified"))) {
		*out = v; /* an archive of a broken log would hide where it broke */
		free(abs);
		return rc ? rc : GG_EX_FOUND;
	}
	json_decref(v);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0640)) < 0 || !(f = fdopen(fd, "w"))) {
		rc = gg_err_set(&c->err, GG_EX_CANTCREAT, "cannot create the archive '%s': %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(abs);
		return rc;
	}
	if (!(rc = write_rows(c, f)) && (fflush(f) || fsync(fileno(f))))
		rc = gg_err_set(&c->err, GG_EX_IOERR, "cannot write the archive '%s': %s", path, strerror(errno));
	if (fclose(f) && !rc)
		rc = gg_err_set(&c->err, GG_EX_IOERR, "cannot write the archive '%s': %s", path, strerror(errno));
	if (!rc && !(rc = gg_audit_head(c, head))) {
		char *file = path[0] == '/' || !abs ? strdup(path) : NULL;
		if (!file && asprintf(&file, "%s/%s", abs, path) < 0)
			file = NULL;
		ch = json_pack("{s:s,s:s?,s:s}", "op", "archive", "file", file, "head", head);
		free(file);
		rc = gg_audit(c, ch);
		json_decref(ch);
	}
	free(abs);
	if (!rc)
		rc = set_aside(c);
	if (rc) {
		unlink(path); /* the log keeps its rows: the archive never stands alone */
		return rc;
	}
	*out = json_pack("{s:s,s:s,s:I}", "archive", path, "head", head, "first", (json_int_t)c->audit_id);
	return 0;
}

/* ---- listing ---- */

/* A string with its personal values masked: all of it under a personal field's name, the
 * mobile and id numbers in it elsewhere. NULL when memory runs out. */
static json_t *masked(const char *key, const char *s)
{
	static const char *const personal[] = {"phone", "id_number", "reporter_phone", NULL};
	int whole = 0;

	for (int k = 0; key && personal[k]; k++)
		whole |= !strcmp(key, personal[k]);
	char *m = whole ? gg_text_mask(s) : gg_text_mask_free(s);
	json_t *v = m ? json_string(m) : NULL;
	free(m);
	return v;
}

/* Masks, in place, the personal values a change holds: rows written before changes were
 * masked at the source still hold them in clear. */
static void mask_change(json_t *v)
{
	const char *key;
	json_t *x;
	size_t i;

	if (json_is_array(v)) {
		json_array_foreach (v, i, x) {
			if (json_is_string(x))
				json_array_set_new(v, i, masked(NULL, json_string_value(x)));
			else
				mask_change(x);
		}
	}
	if (json_is_object(v)) {
		json_object_foreach (v, key, x) {
			if (json_is_string(x))
				json_object_set_new(v, key, masked(key, json_string_value(x)));
			else
				mask_change(x);
		}
	}
}

/* Masks a row of the log in place; returns the fields that masking changed. */
static json_t *mask_row(json_t *r)
{
	json_t *fields = json_array(), *was = json_deep_copy(json_object_get(r, "change"));
	const char *cmd = json_string_value(json_object_get(r, "command"));

	mask_change(json_object_get(r, "change"));
	if (!json_equal(was, json_object_get(r, "change")))
		json_array_append_new(fields, json_string("change"));
	json_decref(was);
	if (cmd) {
		json_t *m = masked(NULL, cmd);
		if (m && strcmp(json_string_value(m), cmd))
			json_array_append_new(fields, json_string("command"));
		json_object_set_new(r, "command", m);
	}
	return fields;
}

/* With --reveal, a row shown with values masking would have hidden is named in the reveal's
 * audit row, as any record shown unmasked is. */
static void note_revealed(struct gg_ctx *c, json_t *r)
{
	json_t *copy = json_deep_copy(r);

	gg_ctx_revealed(c, "audit", json_object_get(r, "id"), mask_row(copy));
	json_decref(copy);
}

int gg_audit_list(struct gg_ctx *c, const struct gg_audit_filter *q, int (*fn)(struct gg_ctx *, json_t *, void *),
		  void *arg)
{
	struct gg_stmt *st = gg_db_named(c->db, "audit/all", &c->err);
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "since"), q->since);
	gg_stmt_bind_text(st, gg_stmt_index(st, "by"), q->by);
	gg_stmt_bind_text(st, gg_stmt_index(st, "command"), q->command);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *r = gg_stmt_row(st);
		if (c->reveal)
			note_revealed(c, r);
		else
			json_decref(mask_row(r));
		rc = fn(c, r, arg);
		json_decref(r);
		if (rc)
			return rc;
	}
	return rc < 0 ? c->err.code : 0;
}
