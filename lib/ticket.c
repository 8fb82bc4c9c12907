/* SPDX-License-Identifier: Apache-2.0 */
/* ticket.c: tickets as records and as the state the life cycle moves: a ticket read whole for
 * output, its state read and written back, its events, lists and history, duplicates and
 * their merge. Times are seconds in the store and local ISO 8601 in records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "text.h"
#include "ticket-impl.h"

int gg_ticket_one_of(const char *const *set, const char *s)
{
	for (int i = 0; s && set[i]; i++)
		if (!strcmp(set[i], s))
			return 1;
	return 0;
}

/* The memo's block named `what` and then `code`: a category, a unit an import has met. */
void *gg_ticket_memo(struct gg_ctx *c, const char *what, const char *code, size_t size, int *fresh)
{
	char buf[256], *name = buf;
	size_t a = strlen(what), b = strlen(code);
	void *p;

	if (a + b + 1 > sizeof buf && !(name = malloc(a + b + 1)))
		return NULL;
	memcpy(name, what, a);
	memcpy(name + a, code, b + 1);
	p = gg_ctx_memo(c, name, size, fresh);
	if (name != buf)
		free(name);
	return p;
}

/* A named query as gg_ticket_query keeps it: its text and where its parameters stand. */
struct query {
	int ready;
	const char *sql;
	int at[24]; /* the most :names a query of these files has is 21 (ticket/insert.sql) */
};

/* A named query, reset, and in *at the place of each of `params` (its :names) in it. The places
 * are found once per command and kept in the memo under the query's name ("ticket/insert"), so
 * the import binds its insert a million times by place, without looking a name up. */
struct gg_stmt *gg_ticket_query(struct gg_ctx *c, const char *name, const char *const *params, const int **at)
{
	struct query *q;
	struct gg_stmt *st;
	int fresh;

	if (!(q = gg_ctx_memo(c, name, sizeof *q, &fresh)))
		return gg_err_oom(&c->err), NULL;
	if (!q->ready && !(q->sql = gg_db_query(name))) {
		gg_err_set(&c->err, GG_EX_SOFTWARE, "no query named '%s'", name);
		return NULL;
	}
	if (!(st = gg_db_stmt(c->db, q->sql, &c->err)))
		return NULL;
	for (int i = 0; !q->ready && params[i]; i++)
		if (i == (int)(sizeof q->at / sizeof *q->at) || !(q->at[i] = gg_stmt_bind_name(st, params[i], NULL))) {
			gg_err_set(&c->err, GG_EX_SOFTWARE, "query '%s' has no parameter :%s", name, params[i]);
			return NULL;
		}
	q->ready = 1;
	*at = q->at;
	return st;
}

/* ---- tickets as records ---- */

static const char *const time_fields[] = {
	"reported_at", "respond_by",   "due_at", "first_accepted_at",	 "accepted_at", "resolved_at", "closed_at",
	"overdue_at",  "suspended_at", "at",	 "original_reported_at", NULL};

/* Names a field in the list of what a reveal showed, once. */
static void shown_field(json_t *shown, const char *name)
{
	size_t i;
	json_t *x;

	json_array_foreach (shown, i, x)
		if (!strcmp(json_string_value(x), name))
			return;
	json_array_append_new(shown, json_string(name));
}

/* A string of a record as shown (a new reference): v itself when it holds nothing to mask or
 * --reveal shows it (then named `name` in shown); else v masked, as a value (whole) or as
 * free text (its mobile and id numbers). */
static json_t *shown_text(struct gg_ctx *c, json_t *v, int whole, const char *name, json_t *shown)
{
	const char *s = json_string_value(v);
	char *m;

	if (!s || !*s || !(whole || gg_text_free_personal(s)))
		return json_incref(v);
	if (c->reveal) {
		shown_field(shown, name);
		return json_incref(v);
	}
	m = whole ? gg_text_mask(s) : gg_text_mask_free(s);
	v = json_string(m ? m : "*");
	free(m);
	return v;
}

/* Every string in an event's data (the [was, now] of an updated description) as free text. */
static void data_text(struct gg_ctx *c, json_t *v, json_t *shown)
{
	const char *k;
	json_t *x;
	size_t i;

	if (json_is_object(v))
		json_object_foreach (v, k, x) {
			if (json_is_string(x))
				json_object_set_new(v, k, shown_text(c, x, 0, "data", shown));
			else
				data_text(c, x, shown);
		}
	else if (json_is_array(v))
		json_array_foreach (v, i, x) {
			if (json_is_string(x))
				json_array_set_new(v, i, shown_text(c, x, 0, "data", shown));
			else
				data_text(c, x, shown);
		}
}

/* The reporter, stored as two columns, as one field: {name, phone}, the phone masked as a
 * person's is unless --reveal (personal data). A ticket nobody reported by name has none. */
static void reporter(struct gg_ctx *c, json_t *row, json_t *shown)
{
	json_t *name = json_object_get(row, "reporter_name"), *phone = json_object_get(row, "reporter_phone");

	if (json_is_string(name) || json_is_string(phone)) {
		json_t *r = json_object();
		if (json_is_string(name))
			json_object_set_new(r, "name", shown_text(c, name, 0, "reporter.name", shown));
		if (json_is_string(phone))
			json_object_set_new(r, "phone", shown_text(c, phone, 1, "reporter.phone", shown));
		json_object_set_new(row, "reporter", r);
	}
	json_object_del(row, "reporter_name");
	json_object_del(row, "reporter_phone");
}

/* The text of a ticket or event as shown: the reporter's phone masked, and the mobile and id
 * numbers in its free text (the stored text stays as typed); with --reveal, noted as shown
 * for ticket `id` (0: the row's own id). */
static void shown(struct gg_ctx *c, json_t *row, json_int_t id)
{
	static const char *const free_fields[] = {"title",	    "description", "address", "note",
						  "original_title", "unmapped",	   NULL};
	json_t *list = c->reveal ? json_array() : NULL, *key;

	reporter(c, row, list);
	for (int i = 0; free_fields[i]; i++) {
		json_t *v = json_object_get(row, free_fields[i]);
		if (json_is_string(v))
			json_object_set_new(row, free_fields[i], shown_text(c, v, 0, free_fields[i], list));
	}
	data_text(c, json_object_get(row, "data"), list);
	if (!c->reveal)
		return;
	key = id ? json_integer(id) : json_incref(json_object_get(row, "id"));
	gg_ctx_revealed(c, "ticket", key, list);
	json_decref(key);
}

/* A ticket's row or an event's (of ticket id) as stored, its text as shown() shows it. */
void gg_ticket_shown(struct gg_ctx *c, json_t *row, json_int_t id)
{
	shown(c, row, id);
}

/* Times are stored as seconds; records carry them as local ISO 8601. An event's data comes
 * back as text where a UNION forgot the column is JSON (queries/ticket/history.sql). A
 * provisional deadline is said (true); a firm one goes unsaid, as NULLs do. missed is always
 * said, true or false: a ticket that never missed a deadline is a figure too. Text is as
 * shown() shows it; id is the ticket's, for an event's row (0 for a ticket's own). */
static json_t *record(struct gg_ctx *c, json_t *row, json_int_t id)
{
	json_t *prov = json_object_get(row, "provisional_deadline");
	if (json_is_integer(prov))
		json_object_set_new(row, "provisional_deadline", json_boolean(json_integer_value(prov)));
	json_t *missed = json_object_get(row, "missed");
	if (json_is_integer(missed))
		json_object_set_new(row, "missed", json_boolean(json_integer_value(missed)));
	json_t *data = json_object_get(row, "data");
	if (json_is_string(data))
		json_object_set_new(row, "data", json_loads(json_string_value(data), 0, NULL));
	if (json_is_null(json_object_get(row, "data")))
		json_object_del(row, "data");
	shown(c, row, id);
	for (int i = 0; time_fields[i]; i++) {
		json_t *v = json_object_get(row, time_fields[i]);
		if (json_is_integer(v)) {
			char buf[32];
			gg_clock_format(json_integer_value(v), buf);
			json_object_set_new(row, time_fields[i], json_string(buf));
		}
	}
	return row;
}

json_t *gg_ticket_record(struct gg_ctx *c, json_t *row)
{
	return record(c, row, 0);
}

static const char *const by_id[] = {"id", NULL};

/* Runs a query of one ticket by :id, its only parameter: *st on its row, or "no ticket". */
int gg_ticket_by_id(struct gg_ctx *c, const char *query, json_int_t id, struct gg_stmt **st)
{
	const int *at;
	int rc;

	if (!(*st = gg_ticket_query(c, query, by_id, &at)))
		return c->err.code;
	gg_stmt_bind_int(*st, at[0], id);
	if ((rc = gg_stmt_step(*st, &c->err)) < 0)
		return c->err.code;
	return rc ? 0 : gg_err_set(&c->err, GG_EX_DATAERR, "no ticket %lld", (long long)id);
}

int gg_ticket_get(struct gg_ctx *c, json_int_t id, json_t **out)
{
	struct gg_stmt *st;
	const int *at;
	int rc;

	*out = NULL;
	if (gg_ticket_by_id(c, "ticket/get", id, &st))
		return c->err.code;
	*out = gg_ticket_record(c, gg_stmt_row(st));
	/* the original lists its duplicates */
	if (!(st = gg_ticket_query(c, "ticket/duplicates", by_id, &at)))
		return json_decref(*out), *out = NULL, c->err.code;
	gg_stmt_bind_int(st, at[0], id);
	json_t *dups = json_array();
	while ((rc = gg_stmt_step(st, &c->err)) > 0)
		json_array_append_new(dups, json_integer(gg_stmt_int(st, 0)));
	if (json_array_size(dups))
		json_object_set(*out, "duplicates", dups);
	json_decref(dups);
	return rc < 0 ? c->err.code : 0;
}

/* ---- events ---- */

static const char *const event_params[] = {"ticket", "at", "actor", "kind", "status", "level", "note", "data", NULL};

int gg_ticket_event(struct gg_ctx *c, json_int_t id, int64_t at, const char *kind, const char *status,
		    const char *level, const char *note, json_t *data)
{
	const int *p;
	struct gg_stmt *st = gg_ticket_query(c, "ticket/event", event_params, &p);

	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, p[0], id);
	gg_stmt_bind_int(st, p[1], at);
	gg_stmt_bind_fixed(st, p[2], c->actor);
	gg_stmt_bind_fixed(st, p[3], kind);
	gg_stmt_bind_fixed(st, p[4], status);
	gg_stmt_bind_fixed(st, p[5], level);
	gg_stmt_bind_fixed(st, p[6], note);
	gg_stmt_bind_json(st, p[7], data && json_object_size(data) ? data : NULL);
	return gg_stmt_run(st, &c->err);
}

/* ---- the state the life cycle moves ---- */

int gg_ticket_load(struct gg_ctx *c, json_int_t id, struct state *s)
{
	struct gg_stmt *st;

	if (gg_ticket_by_id(c, "ticket/state", id, &st))
		return c->err.code;
	s->id = id;
	snprintf(s->category, sizeof s->category, "%s", gg_stmt_text(st, 0));
	snprintf(s->status, sizeof s->status, "%s", gg_stmt_text(st, 1));
	snprintf(s->level, sizeof s->level, "%s", gg_stmt_text(st, 2));
	snprintf(s->resume, sizeof s->resume, "%s", gg_stmt_text(st, 3));
	snprintf(s->satisfaction, sizeof s->satisfaction, "%s", gg_stmt_text(st, 4));
	snprintf(s->assignee, sizeof s->assignee, "%s", gg_stmt_text(st, 5));
	s->due_at = gg_stmt_int(st, 6);
	s->due_base = gg_stmt_int(st, 7);
	s->level_at = gg_stmt_int(st, 8);
	s->suspended_at = gg_stmt_int(st, 9);
	s->respond_by = gg_stmt_int(st, 10);
	s->accepted_at = gg_stmt_int(st, 11);
	s->resolved_at = gg_stmt_int(st, 12);
	s->closed_at = gg_stmt_int(st, 13);
	s->overdue_at = gg_stmt_int(st, 14);
	s->provisional = (int)gg_stmt_int(st, 15);
	s->urgent = !strcmp(gg_stmt_text(st, 16), "urgent");
	s->missed = (int)gg_stmt_int(st, 17);
	snprintf(s->unit, sizeof s->unit, "%s", gg_stmt_text(st, 18));
	return 0;
}

static const char *const store_params[] = {
	"status",     "level",	      "assignee",    "level_at",  "respond_by",	  "due_at",
	"due_base",   "accepted_at",  "resolved_at", "closed_at", "suspended_at", "resume_status",
	"overdue_at", "satisfaction", "provisional", "missed",	  "id",		  NULL};

static void bind_time(struct gg_stmt *st, int i, int64_t t)
{
	if (t)
		gg_stmt_bind_int(st, i, t);
	else
		gg_stmt_bind_null(st, i);
}

/* Writes the state back. */
int gg_ticket_store(struct gg_ctx *c, const struct state *s)
{
	const int *p;
	struct gg_stmt *st = gg_ticket_query(c, "ticket/store", store_params, &p);

	if (!st)
		return c->err.code;
	gg_stmt_bind_fixed(st, p[0], s->status);
	gg_stmt_bind_fixed(st, p[1], s->level);
	gg_stmt_bind_fixed(st, p[2], *s->assignee ? s->assignee : NULL);
	gg_stmt_bind_int(st, p[3], s->level_at);
	bind_time(st, p[4], s->respond_by);
	gg_stmt_bind_int(st, p[5], s->due_at);
	gg_stmt_bind_int(st, p[6], s->due_base);
	bind_time(st, p[7], s->accepted_at);
	bind_time(st, p[8], s->resolved_at);
	bind_time(st, p[9], s->closed_at);
	bind_time(st, p[10], strcmp(s->status, "suspended") ? 0 : s->suspended_at);
	gg_stmt_bind_fixed(st, p[11], *s->resume ? s->resume : NULL);
	bind_time(st, p[12], s->overdue_at);
	gg_stmt_bind_fixed(st, p[13], *s->satisfaction ? s->satisfaction : NULL);
	gg_stmt_bind_int(st, p[14], s->provisional);
	gg_stmt_bind_int(st, p[15], s->missed);
	gg_stmt_bind_int(st, p[16], s->id);
	return gg_stmt_run(st, &c->err);
}

/* The district unit `unit` stands in ("" for none), read once per command and unit: the
 * sweep moves a hundred thousand tickets from a few hundred grids. NULL on error. */
static const char *district_of(struct gg_ctx *c, const char *unit)
{
	const int *at;
	struct gg_stmt *st;
	int fresh, rc;
	char *d = gg_ticket_memo(c, "ticket:district:", unit, 128, &fresh);

	if (!d)
		return gg_err_oom(&c->err), NULL;
	if (!fresh)
		return d;
	if (!(st = gg_ticket_query(c, "ticket/district", (const char *const[]){"unit", NULL}, &at)))
		return NULL;
	gg_stmt_bind_text(st, at[0], unit);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return NULL;
	if (rc > 0)
		snprintf(d, 128, "%s", gg_stmt_text(st, 0));
	return d;
}

/* A district's department for a role, once looked up; warned: stderr said it has none. */
struct summon {
	int warned;
	char department[128];
};

/* The department a ticket of category k in `unit` summons at street level, in out (n bytes):
 * the category's own, or the one the unit's district gives the category's role. A district
 * that gives the role none summons nobody, which stderr says once per district and role. */
int gg_ticket_summon(struct gg_ctx *c, const struct cat *k, const char *unit, char *out, size_t n)
{
	const char *district;
	struct summon *m;
	struct gg_stmt *st;
	const int *at;
	char key[260];
	int fresh, rc;

	if (!*k->role) {
		snprintf(out, n, "%s", k->department);
		return 0;
	}
	if (!(district = district_of(c, unit)))
		return c->err.code;
	snprintf(key, sizeof key, "%s\t%s", district, k->role);
	if (!(m = gg_ticket_memo(c, "ticket:summon:", key, sizeof *m, &fresh)))
		return gg_err_oom(&c->err);
	if (fresh && *district) {
		if (!(st = gg_ticket_query(c, "ticket/summon", (const char *const[]){"district", "role", NULL}, &at)))
			return c->err.code;
		gg_stmt_bind_text(st, at[0], district);
		gg_stmt_bind_text(st, at[1], k->role);
		if ((rc = gg_stmt_step(st, &c->err)) < 0)
			return c->err.code;
		if (rc > 0)
			snprintf(m->department, sizeof m->department, "%s", gg_stmt_text(st, 0));
	}
	if (!*m->department && !m->warned) {
		m->warned = 1;
		if (*district)
			fprintf(stderr, "%s: district '%s' has no department for the role '%s': nobody is summoned\n",
				c->prog, district, k->role);
		else
			fprintf(stderr, "%s: unit '%s' is in no district: nobody is summoned for the role '%s'\n",
				c->prog, unit, k->role);
	}
	snprintf(out, n, "%s", m->department);
	return 0;
}

/* Moves a ticket to the level of `rank` as of t: a fresh deadline and response time, and from
 * street level up the department its category summons (gg_ticket_summon) as assignee; with
 * nobody summoned the ticket waits, new, for someone to assign it. */
int gg_ticket_climb(struct gg_ctx *c, struct state *s, struct cat *k, int rank, int64_t t)
{
	snprintf(s->level, sizeof s->level, "%s", k->level[rank]);
	s->level_at = t;
	s->provisional = 0;
	s->due_at = s->due_base = gg_ticket_due(c, k, s->urgent, rank, t, &s->provisional);
	s->respond_by = gg_cal_due(c, k->cal, t, &k->respond, &s->provisional);
	s->assignee[0] = '\0';
	if (rank >= k->street && gg_ticket_summon(c, k, s->unit, s->assignee, sizeof s->assignee))
		return c->err.code;
	snprintf(s->status, sizeof s->status, "%s", *s->assignee ? "assigned" : "new");
	return 0;
}

int gg_ticket_refuse(struct gg_ctx *c, const struct state *s, const char *action, const char *hint)
{
	return gg_err_set(&c->err, GG_EX_DATAERR, "cannot %s ticket %lld: it is %s%s%s%s", action, (long long)s->id,
			  s->status, hint ? " (" : "", hint ? hint : "", hint ? ")" : "");
}

/* ---- lists, history, duplicates ---- */

/* Hands fn each row of a stepped statement, as a record (of ticket id's history, or 0). */
static int each_row(struct gg_ctx *c, struct gg_stmt *st, json_int_t id, int (*fn)(struct gg_ctx *, json_t *, void *),
		    void *arg)
{
	int rc;

	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *rec = record(c, gg_stmt_row(st), id);
		rc = fn(c, rec, arg);
		json_decref(rec);
		if (rc)
			return rc;
	}
	return rc < 0 ? c->err.code : 0;
}

int gg_ticket_list(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st = gg_db_named(c->db, "ticket/list", &c->err);
	const char *key;
	json_t *v;

	if (!st)
		return c->err.code;
	json_object_foreach (filter, key, v)
		gg_stmt_bind_name(st, key, v);
	json_t *now = json_integer(gg_clock_now());
	gg_stmt_bind_name(st, "now", now);
	json_decref(now);
	return each_row(c, st, 0, fn, arg);
}

int gg_ticket_history(struct gg_ctx *c, json_int_t id, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st;
	const int *at;

	if (gg_ticket_by_id(c, "ticket/exists", id, &st) || !(st = gg_ticket_query(c, "ticket/history", by_id, &at)))
		return c->err.code;
	gg_stmt_bind_int(st, at[0], id);
	return each_row(c, st, id, fn, arg);
}

int gg_ticket_dups(struct gg_ctx *c, int64_t window, int64_t since, int (*fn)(struct gg_ctx *, json_t *, void *),
		   void *arg)
{
	const int *at;
	struct gg_stmt *st = gg_ticket_query(c, "ticket/dups", (const char *const[]){"window", "since", NULL}, &at);

	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, at[0], window);
	gg_stmt_bind_int(st, at[1], since);
	return each_row(c, st, 0, fn, arg);
}

/* Marks id a duplicate of `into` (or of the ticket `into` is itself a duplicate of). */
int gg_ticket_merge(struct gg_ctx *c, json_int_t id, json_int_t into)
{
	struct state s, o;
	struct gg_stmt *st;
	const int *at;
	int rc;

	if (id == into)
		return gg_err_set(&c->err, GG_EX_DATAERR, "ticket %lld cannot be a duplicate of itself", (long long)id);
	if ((rc = gg_ticket_load(c, id, &s)) || (rc = gg_ticket_load(c, into, &o)))
		return rc;
	if (!strcmp(s.status, "duplicate") || !strcmp(s.status, "closed") || !strcmp(s.status, "rejected"))
		return gg_ticket_refuse(c, &s, "merge", NULL);
	if (gg_ticket_by_id(c, "ticket/original", into, &st))
		return c->err.code;
	if (!gg_stmt_isnull(st, 0))
		into = gg_stmt_int(st, 0); /* a chain of duplicates points at its original */
	if (into == id)
		return gg_err_set(&c->err, GG_EX_DATAERR, "ticket %lld is the original of that chain", (long long)id);
	if (!(st = gg_ticket_query(c, "ticket/merge", (const char *const[]){"into", "id", NULL}, &at)))
		return c->err.code;
	gg_stmt_bind_int(st, at[0], into);
	gg_stmt_bind_int(st, at[1], id);
	if ((rc = gg_stmt_run(st, &c->err)))
		return rc;
	json_t *d1 = json_pack("{s:I}", "duplicate_of", into), *d2 = json_pack("{s:I}", "duplicate", id);
	rc = gg_ticket_event(c, id, gg_clock_now(), "merged", "duplicate", s.level, NULL, d1);
	if (!rc)
		rc = gg_ticket_event(c, into, gg_clock_now(), "duplicate_added", NULL, NULL, NULL, d2);
	json_decref(d1);
	json_decref(d2);
	if (!rc) {
		json_t *ch = json_pack("{s:s,s:s,s:I,s:I}", "op", "merge", "kind", "ticket", "id", id, "into", into);
		rc = gg_audit(c, ch);
		json_decref(ch);
	}
	return rc;
}

int gg_ticket_mention(struct gg_ctx *c, json_int_t id, const char *kind, json_t *data)
{
	struct gg_stmt *st;

	if (gg_ticket_by_id(c, "ticket/exists", id, &st))
		return c->err.code;
	return gg_ticket_event(c, id, gg_clock_now(), kind, NULL, NULL, NULL, data);
}
