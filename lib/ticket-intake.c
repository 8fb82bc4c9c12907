/* SPDX-License-Identifier: Apache-2.0 */
/* ticket-intake.c: tickets taken in, one record at a time from `new` or a stream of them from
 * `import`: checked field by field (an error names the field and its place in the input),
 * placed on a grid or a building, idempotent by source and external_id. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "hook.h"
#include "kind.h"
#include "ladder.h"
#include "org.h"
#include "text.h"
#include "ticket-impl.h"

const char *const gg_ticket_sources[] = {"grid_patrol", "hotline_12345", "visit", "app",
					 "resident",	"department",	 NULL};
const char *const gg_ticket_priorities[] = {"normal", "urgent", NULL};

static const char *const intake_fields[] = {"external_id", "source",  "category", "title",	 "description",
					    "unit",	   "address", "priority", "reported_at", "due_at",
					    "lat",	   "long",    "reporter", NULL};

/* The text of a field, or NULL; anything else is an error naming the field. */
static int text(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *key, const char **out)
{
	json_t *v = json_object_get(rec, key);
	char num[32];

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (json_is_integer(v) && !(src && src->r && gg_reader_lossy(src->r, rec, key))) {
		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		json_object_set_new(rec, key, json_string(num)); /* keep it alive with the record */
		*out = json_string_value(json_object_get(rec, key));
		return 0;
	}
	if (!json_is_string(v))
		return gg_kind_fail(c, src, rec, key, "expected text%s",
				    json_is_integer(v) ? " (this number changes when read: put it in quotes)" : "");
	*out = json_string_value(v);
	return 0;
}

static int time_field(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *key, int64_t *t, int *given)
{
	const char *s;

	*given = 0;
	if (text(c, src, rec, key, &s))
		return c->err.code;
	if (!s)
		return 0;
	if (gg_clock_parse(s, t))
		return gg_kind_fail(c, src, rec, key,
				    "'%s' is not a time: use ISO 8601, e.g. 2026-11-03T09:12:00+08:00", s);
	*given = 1;
	return 0;
}

/* A ticket as intake reads it off a record. */
struct intake {
	const char *ext, *source, *code, *title, *desc, *unit, *address, *priority, *rname, *rphone;
	const char *unmapped; /* the category given, when --unmapped put the ticket in its own */
	int64_t reported, due_at;
	int due_given;
	json_t *where, *lat, *lon; /* where: the unit it stands on, once placed */
	struct cat *k;
	json_t *rec; /* the record, whose text the fields above point into */
};

/* The reporter, {name, phone}, both optional. A masked phone (an export without --reveal) is
 * refused: stored, it would stand for the number it hides. */
static int read_reporter(struct gg_ctx *c, const struct gg_src *src, json_t *rec, struct intake *t)
{
	json_t *r = json_object_get(rec, "reporter"), *v;
	const char *key;

	if (!r || json_is_null(r))
		return 0;
	if (!json_is_object(r))
		return gg_kind_fail(c, src, rec, "reporter", "expected a mapping: {name: …, phone: …}");
	json_object_foreach (r, key, v)
		if (strcmp(key, "name") && strcmp(key, "phone"))
			return gg_kind_fail(c, src, r, key, "unknown field for a reporter (name or phone)");
	if (text(c, src, r, "name", &t->rname) || text(c, src, r, "phone", &t->rphone))
		return c->err.code;
	if (t->rphone && strchr(t->rphone, '*'))
		return gg_kind_fail(c, src, r, "phone", "'%s' is masked; export with --reveal to carry personal data",
				    t->rphone);
	return 0;
}

/* The fields of a record, each of the type it must have; source and priority from their sets. */
static int read_fields(struct gg_ctx *c, const struct gg_src *src, json_t *rec, struct intake *t)
{
	const char *key;
	json_t *v;
	int given;

	json_object_foreach (rec, key, v)
		if (!gg_ticket_one_of(intake_fields, key))
			return gg_kind_fail(c, src, rec, key, "unknown field for a ticket");
	if (text(c, src, rec, "external_id", &t->ext) || text(c, src, rec, "source", &t->source) ||
	    text(c, src, rec, "category", &t->code) || text(c, src, rec, "title", &t->title) ||
	    text(c, src, rec, "description", &t->desc) || text(c, src, rec, "unit", &t->unit) ||
	    text(c, src, rec, "address", &t->address) || text(c, src, rec, "priority", &t->priority) ||
	    time_field(c, src, rec, "reported_at", &t->reported, &given) ||
	    time_field(c, src, rec, "due_at", &t->due_at, &t->due_given))
		return c->err.code;
	if (!t->source)
		t->source = "resident";
	if (!gg_ticket_one_of(gg_ticket_sources, t->source))
		return gg_kind_fail(
			c, src, rec, "source",
			"unknown source '%s' (one of: grid_patrol, hotline_12345, visit, app, resident, department)",
			t->source);
	if (!t->priority)
		t->priority = "normal";
	if (!gg_ticket_one_of(gg_ticket_priorities, t->priority))
		return gg_kind_fail(c, src, rec, "priority", "unknown priority '%s' (normal or urgent)", t->priority);
	return read_reporter(c, src, rec, t);
}

/* The building of a ticket's address, else the grid --unresolved names; an empty address
 * names no building. */
static int by_address(struct gg_ctx *c, const struct gg_src *src, json_t *rec, struct gg_intake *in, struct intake *t)
{
	char *norm = gg_text_norm_address(t->address);
	int blank = norm && !*norm;
	json_t *found;

	free(norm);
	if (blank && in->unresolved_grid)
		return t->where = json_string(in->unresolved_grid), 0;
	if (blank)
		return gg_kind_fail(
			c, src, rec, "address",
			"the address is empty and no unit is given (--unresolved=grid:CODE takes such tickets)");
	if (gg_org_resolve(c, t->address, &found)) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", c->err.msg);
		return gg_kind_fail(c, src, rec, "address", "%s", msg);
	}
	if (found) {
		t->where = json_incref(json_object_get(found, "building"));
		json_decref(found);
		return 0;
	}
	if (in->unresolved_grid)
		return t->where = json_string(in->unresolved_grid), 0;
	return gg_kind_fail(c, src, rec, "address",
			    "no building has the address '%s' (--unresolved=grid:CODE takes such tickets)", t->address);
}

/* The unit a ticket stands on: given (a grid or building), or the building of its address. */
static int place(struct gg_ctx *c, const struct gg_src *src, json_t *rec, struct gg_intake *in, struct intake *t)
{
	struct gg_stmt *st;
	const int *at;
	int fresh, rc;

	if (t->unit) {
		/* the units this command has seen: an import meets the same grids again and again */
		char *seen = gg_ticket_memo(c, "ticket:unit:", t->unit, 1, &fresh);
		if (!seen)
			return gg_err_oom(&c->err);
		if (*seen)
			return t->where = json_incref(json_object_get(rec, "unit")), 0;
		if (!(st = gg_ticket_query(c, "ticket/unit-level", (const char *const[]){"unit", NULL}, &at)))
			return c->err.code;
		gg_stmt_bind_text(st, at[0], t->unit);
		if ((rc = gg_stmt_step(st, &c->err)) < 0)
			return c->err.code;
		if (!rc)
			return gg_kind_fail(c, src, rec, "unit", "unknown unit '%s'", t->unit);
		const char *lv = gg_stmt_text(st, 0);
		if (strcmp(lv, "grid") && strcmp(lv, "building"))
			return gg_kind_fail(c, src, rec, "unit",
					    "'%s' is a %s: a ticket stands on a grid or a building", t->unit, lv);
		*seen = 1;
		t->where = json_incref(json_object_get(rec, "unit"));
		return 0;
	}
	/* a CSV export's empty cell is no address at all: --unresolved takes it as it takes "" */
	if (!t->address && in->unresolved_grid)
		return t->where = json_string(in->unresolved_grid), 0;
	if (!t->address)
		return gg_kind_fail(
			c, src, rec, NULL,
			"a ticket needs a unit or an address (--unresolved=grid:CODE takes one with neither)");
	return by_address(c, src, rec, in, t);
}

/* A latitude within ±90 or a longitude within ±180 degrees (WGS 84, as a phone reports it),
 * or none. */
static int degrees(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *field, json_t *v, int max)
{
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_number(v))
		return gg_kind_fail(c, src, rec, field, "expected a number of degrees");
	if (json_number_value(v) < -max || json_number_value(v) > max)
		return gg_kind_fail(c, src, rec, field, "%g is not within ±%d degrees", json_number_value(v), max);
	return 0;
}

/* What unmapped keeps of a category that was empty (a CSV export's empty cell, a missing or
 * blank field): "" would read as nothing kept at all. */
#define EMPTY_CATEGORY "(empty)"

/* A category the catalogue does not know, kept in t->unmapped; the ticket goes to the one
 * --unmapped names (gg_ticket_intake_check found it in the catalogue). */
static int unmapped(struct gg_ctx *c, const struct gg_intake *in, struct intake *t)
{
	t->unmapped = t->code;
	t->code = in->unmapped_category;
	return gg_ticket_category(c, t->code, &t->k);
}

/* What a record says beside its fields' types: a category the catalogue has, a title, a place,
 * a position in numbers. */
static int judge(struct gg_ctx *c, const struct gg_src *src, json_t *rec, struct gg_intake *in, struct intake *t)
{
	int rc;

	if (!t->code || !t->code[strspn(t->code, " \t\r\n")]) {
		if (!in->unmapped_category)
			return gg_kind_fail(c, src, rec, "category", "a ticket needs a category%s",
					    in->is_new ? "" : " (--unmapped=category:CODE takes one without)");
		t->code = EMPTY_CATEGORY;
	}
	if ((rc = gg_ticket_category(c, t->code, &t->k)))
		return rc;
	if (!t->k && in->unmapped_category && (rc = unmapped(c, in, t)))
		return rc;
	if (!t->k)
		return gg_kind_fail(c, src, rec, "category", "unknown category '%s'", t->code);
	if (!t->title || !*t->title)
		return gg_kind_fail(c, src, rec, t->title ? "title" : NULL, "a ticket needs a title");
	t->lat = json_object_get(rec, "lat");
	t->lon = json_object_get(rec, "long");
	if ((rc = degrees(c, src, rec, "lat", t->lat, 90)) || (rc = degrees(c, src, rec, "long", t->lon, 180)))
		return rc;
	return place(c, src, rec, in, t);
}

/* The fields of intake only, never the ticket's progress: what a record taken in again may change. */
static const char *const said[] = {"category",	     "title",	    "description", "unit", "address",
				   "priority",	     "reported_at", "lat",	   "long", "reporter_name",
				   "reporter_phone", "unmapped",    NULL};

/* The ticket as a record taken in again says it is, to compare with the stored one. */
static json_t *as_said(const struct intake *t)
{
	json_t *row = json_object();

	json_object_set_new(row, "category", json_string(t->code));
	json_object_set_new(row, "title", json_string(t->title));
	json_object_set_new(row, "description", t->desc ? json_string(t->desc) : json_null());
	json_object_set(row, "unit", t->where);
	json_object_set_new(row, "address", t->address ? json_string(t->address) : json_null());
	json_object_set_new(row, "priority", json_string(t->priority));
	json_object_set_new(row, "reported_at", json_integer(t->reported));
	json_object_set(row, "lat", t->lat ? t->lat : json_null());
	json_object_set(row, "long", t->lon ? t->lon : json_null());
	json_object_set_new(row, "reporter_name", t->rname ? json_string(t->rname) : json_null());
	json_object_set_new(row, "reporter_phone", t->rphone ? json_string(t->rphone) : json_null());
	json_object_set_new(row, "unmapped", t->unmapped ? json_string(t->unmapped) : json_null());
	return row;
}

/* What changed, [was, now], for the "updated" event: a phone masked, as history shows it to
 * anyone who may read the ticket. */
static json_t *change(const char *field, json_t *was, json_t *now)
{
	json_t *pair[2] = {was ? was : json_null(), now};

	if (!strcmp(field, "reporter_phone"))
		for (int i = 0; i < 2; i++)
			if (json_is_string(pair[i])) {
				char *m = gg_text_mask(json_string_value(pair[i]));
				pair[i] = m ? json_string(m) : json_null();
				free(m);
			} else {
				json_incref(pair[i]);
			}
	else
		json_incref(pair[0]), json_incref(pair[1]);
	return json_pack("[oo]", pair[0], pair[1]);
}

/* A changed priority counts the deadline at the ticket's level again, from when it reached it,
 * with the deadlines the new priority has: an open ticket whose clock runs (a suspended one
 * gets its deadline when it resumes; a closed one has none to keep). */
static int recount(struct gg_ctx *c, json_int_t id)
{
	struct state s;
	struct cat *k;
	int rc, open;

	if ((rc = gg_ticket_load(c, id, &s)) || (rc = gg_ticket_category(c, s.category, &k)))
		return rc;
	if ((open = gg_ladder_is_open(c, s.status)) < 0)
		return c->err.code;
	if (!open || !strcmp(s.status, "suspended") || !k)
		return 0;
	s.provisional = 0;
	s.due_at = s.due_base = gg_ticket_due(c, k, s.urgent, gg_ticket_rank(k, s.level), s.level_at, &s.provisional);
	return gg_ticket_store(c, &s);
}

/* A ticket moved from unit `was` to another, open and at street level or above, summons the
 * department its new place summons (gg_ticket_summon, as escalation does) where that is not
 * the one its old place summons: a move to another district hands it to that district's
 * bureau, while a move within the district keeps whoever it is assigned to. The new assignee
 * goes into changes; with nobody summoned the ticket waits, new, as a climb leaves it. */
static int resummon(struct gg_ctx *c, json_int_t id, const char *was, json_t *changes, const char **status)
{
	char before[128], after[128];
	struct state s;
	struct cat *k;
	int rc, open;

	*status = NULL;
	if ((rc = gg_ticket_load(c, id, &s)) || (rc = gg_ticket_category(c, s.category, &k)))
		return rc;
	if ((open = gg_ladder_is_open(c, s.status)) < 0)
		return c->err.code;
	if (!open || !k || gg_ticket_rank(k, s.level) < k->street)
		return 0;
	if (gg_ticket_summon(c, k, was, before, sizeof before) || gg_ticket_summon(c, k, s.unit, after, sizeof after))
		return c->err.code;
	if (!strcmp(before, after) || !strcmp(s.assignee, after))
		return 0;
	json_object_set_new(changes, "assignee",
			    json_pack("[oo]", *s.assignee ? json_string(s.assignee) : json_null(),
				      *after ? json_string(after) : json_null()));
	snprintf(s.assignee, sizeof s.assignee, "%s", after);
	if (!strcmp(s.status, "suspended")) {
		snprintf(s.resume, sizeof s.resume, "%s", *after ? "assigned" : "new");
	} else {
		snprintf(s.status, sizeof s.status, "%s", *after ? "assigned" : "new");
		s.respond_by = gg_cal_due(c, k->cal, gg_clock_now(), &k->respond, &s.provisional);
		*status = *after ? "assigned" : "new";
	}
	return gg_ticket_store(c, &s);
}

/* Writes what a record says anew of the stored ticket id, with an "updated" event. */
static int update(struct gg_ctx *c, json_int_t id, json_t *row, json_t *changes)
{
	static const char *const params[] = {"category",       "title",	      "description", "unit", "address",
					     "priority",       "reported_at", "lat",	     "long", "reporter_name",
					     "reporter_phone", "unmapped",    "id",	     NULL};
	const int *at;
	struct gg_stmt *st = gg_ticket_query(c, "ticket/restate", params, &at);
	json_t *unit = json_object_get(changes, "unit");
	const char *status = NULL;
	int i, rc;

	if (!st)
		return c->err.code;
	for (i = 0; said[i]; i++)
		gg_stmt_bind_json(st, at[i], json_object_get(row, said[i]));
	gg_stmt_bind_int(st, at[i], id);
	if ((rc = gg_stmt_run(st, &c->err)))
		return rc;
	if (json_object_get(changes, "priority") && (rc = recount(c, id)))
		return rc;
	if (json_is_string(json_array_get(unit, 0)) &&
	    (rc = resummon(c, id, json_string_value(json_array_get(unit, 0)), changes, &status)))
		return rc;
	return gg_ticket_event(c, id, gg_clock_now(), "updated", status, NULL, NULL, changes);
}

/* A record whose source and external_id a stored ticket has: what it says anew updates the
 * ticket; when it says nothing new, it is "unchanged". */
static int restate(struct gg_ctx *c, const struct intake *t, struct gg_intake *in, json_int_t *id)
{
	const int *at;
	struct gg_stmt *st =
		gg_ticket_query(c, "ticket/external", (const char *const[]){"source", "external_id", NULL}, &at);
	json_t *old, *row, *changes;
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_text(st, at[0], t->source);
	gg_stmt_bind_text(st, at[1], t->ext);
	if ((rc = gg_stmt_step(st, &c->err)) <= 0)
		return rc < 0 ? c->err.code
			      : gg_err_set(&c->err, GG_EX_SOFTWARE, "ticket %s from %s is neither new nor stored",
					   t->ext, t->source);
	old = gg_stmt_row(st);
	row = as_said(t);
	changes = json_object();
	*id = json_integer_value(json_object_get(old, "id"));
	for (int i = 0; said[i]; i++) {
		json_t *was = json_object_get(old, said[i]), *now = json_object_get(row, said[i]);
		if (!(json_is_null(now) && !was) && !(was && json_equal(was, now)))
			json_object_set_new(changes, said[i], change(said[i], was, now));
	}
	json_decref(old);
	rc = 0;
	if (!json_object_size(changes)) {
		in->unchanged++;
	} else {
		rc = update(c, *id, row, changes);
		in->updated++;
	}
	json_decref(changes);
	json_decref(row);
	return rc;
}

/* ---- an import on a server, a batch at a time ---- */

/* The tickets an import has checked and placed, waiting to be stored together: the one place
 * gg holds records rather than streaming them, for speed. On a PostgreSQL server a batch
 * goes in by COPY and one INSERT; an INSERT a ticket, each a round trip over the socket, took
 * a million tickets in six times slower than the server's own COPY. */
#define BATCH 5000

struct gg_intake_batch {
	struct gg_rows *rows; /* their values, as ticket/insert.sql's parameters */
	struct intake t[BATCH]; /* the tickets, each holding its record */
	size_t n;
	size_t before; /* the tickets of the batches before */
};

static int flush(struct gg_ctx *c, struct gg_intake *in);

/* Keeps the ticket whose values st holds bound for its batch, and stores the batch once full. */
static int stage(struct gg_ctx *c, const struct intake *t, struct gg_stmt *st, struct gg_intake *in)
{
	struct gg_intake_batch *b = in->batch;

	if (gg_stmt_keep(st, b->rows, &c->err))
		return c->err.code;
	b->t[b->n] = *t;
	json_incref(t->rec);
	json_incref(t->where);
	return ++b->n == BATCH ? flush(c, in) : 0;
}

int gg_ticket_intake_bulk(struct gg_ctx *c, struct gg_intake *in)
{
	/* a hook on "create" is handed each ticket as it is stored, one at a time */
	if (!gg_db_can_copy(c->db) || gg_hook_wanted(c, "create"))
		return 0;
	if (!(in->batch = calloc(1, sizeof *in->batch)) || !(in->batch->rows = gg_db_rows_new()))
		return gg_err_oom(&c->err);
	return 0;
}

/* The rows of the batch that restate a ticket (ticket/staged.pg.sql's result) marked in
 * again; their number, or -1. */
static long store(struct gg_ctx *c, struct gg_intake_batch *b, char *again)
{
	struct gg_stmt *st;
	long n = 0;
	int rc;

	if (gg_db_exec(c->db, gg_db_text(c->db, "ticket/staging"), &c->err) ||
	    gg_db_copy(c->db, "ticket_incoming", b->rows, &c->err) || !(st = gg_db_named(c->db, "ticket/staged", &c->err)))
		return -1;
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		int64_t row = gg_stmt_int(st, 0);
		if (row < 1 || row > (int64_t)b->n) {
			gg_err_set(&c->err, GG_EX_SOFTWARE, "ticket/staged gave row %lld of %zu", (long long)row, b->n);
			return -1;
		}
		again[row - 1] = 1;
		n++;
	}
	return rc < 0 ? -1 : n;
}

/* Stores the tickets of the batch; then those that a stored ticket (or one before them in the
 * batch) already had restate it, in the order they were read. A failure is the batch's, and
 * names the tickets of the batch, not the record at hand; it ends a dry run too, as the
 * server's transaction is over. */
static int flush(struct gg_ctx *c, struct gg_intake *in)
{
	struct gg_intake_batch *b = in->batch;
	char again[BATCH] = {0};
	json_int_t id;
	size_t first = b->before + 1;
	long restated = store(c, b, again);
	int rc = restated < 0 ? c->err.code : 0;

	for (size_t i = 0; i < b->n; i++) {
		if (!rc && again[i])
			rc = restate(c, &b->t[i], in, &id);
		json_decref(b->t[i].rec);
		json_decref(b->t[i].where);
	}
	b->before += b->n;
	if (rc) {
		in->broken = 1;
		gg_err_prefix(&c->err, "storing tickets %zu to %zu of the import", first, b->before);
	} else {
		in->added += (json_int_t)b->n - restated;
	}
	b->n = 0;
	return rc;
}

int gg_ticket_intake_end(struct gg_ctx *c, struct gg_intake *in, int rc)
{
	struct gg_intake_batch *b = in->batch;

	if (!b)
		return rc;
	if (!rc && b->n)
		rc = flush(c, in);
	for (size_t i = 0; i < b->n; i++) {
		json_decref(b->t[i].rec);
		json_decref(b->t[i].where);
	}
	gg_db_rows_free(b->rows);
	free(b);
	in->batch = NULL;
	return rc;
}

/* ticket/insert.sql's parameters, in the order insert() binds them */
static const char *const insert_params[] = {
	"external_id", "source", "category",   "title",	     "description", "unit",	     "address",
	"priority",    "status", "level",      "assignee",   "reported_at", "respond_by",    "due_at",
	"lat",	       "long",	 "created_at", "created_by", "provisional", "reporter_name", "reporter_phone",
	"unmapped",    NULL};

/* Stores a new ticket at its category's level, with that level's deadlines; the same external
 * record again restates the stored one. */
static int insert(struct gg_ctx *c, const struct intake *t, int64_t deadline, int provisional, struct gg_intake *in,
		  json_int_t *id)
{
	const struct cat *k = t->k;
	char dept[128] = "";
	int rc;

	if (k->start >= k->street && gg_ticket_summon(c, k, json_string_value(t->where), dept, sizeof dept))
		return c->err.code;
	const char *text[] = {t->ext,
			      t->source,
			      t->code,
			      t->title,
			      t->desc,
			      json_string_value(t->where),
			      t->address,
			      t->priority,
			      *dept ? "assigned" : "new",
			      k->level[k->start],
			      *dept ? dept : NULL};
	const int *at;
	struct gg_stmt *st = gg_ticket_query(c, "ticket/insert", insert_params, &at);

	if (!st)
		return c->err.code;
	for (size_t i = 0; i < sizeof text / sizeof *text; i++)
		gg_stmt_bind_fixed(st, at[i], text[i]);
	gg_stmt_bind_int(st, at[11], t->reported);
	gg_stmt_bind_int(st, at[12], gg_cal_due(c, k->cal, t->reported, &k->respond, &provisional));
	gg_stmt_bind_int(st, at[13], deadline);
	gg_stmt_bind_json(st, at[14], t->lat);
	gg_stmt_bind_json(st, at[15], t->lon);
	gg_stmt_bind_int(st, at[16], gg_clock_now());
	gg_stmt_bind_fixed(st, at[17], c->actor);
	gg_stmt_bind_int(st, at[18], provisional);
	gg_stmt_bind_fixed(st, at[19], t->rname);
	gg_stmt_bind_fixed(st, at[20], t->rphone);
	gg_stmt_bind_fixed(st, at[21], t->unmapped);
	if (in->batch)
		return stage(c, t, st, in);
	if ((rc = gg_stmt_run(st, &c->err)))
		return rc;
	if (t->ext && gg_db_changes(c->db) == 0) /* the same external record again */
		return restate(c, t, in, id);
	*id = gg_db_last_id(c->db); /* its "created" event is the row itself (queries/ticket/history.sql) */
	in->added++;
	return 0;
}

/* The audit row of `new`: the ticket's id and the names of the fields the record gave, never
 * their values (a title or a reporter may hold a resident's phone). A record that restated a
 * stored ticket is an "update"; one that said nothing new wrote nothing, and is not audited. */
static int audit_new(struct gg_ctx *c, json_t *rec, const char *op, json_int_t id)
{
	json_t *names = json_array(), *ch;
	int rc;

	for (int i = 0; intake_fields[i]; i++)
		if (json_object_get(rec, intake_fields[i]))
			json_array_append_new(names, json_string(intake_fields[i]));
	ch = json_pack("{s:s,s:s,s:I,s:o}", "op", op, "kind", "ticket", "id", id, "fields", names);
	rc = ch ? gg_audit(c, ch) : gg_err_oom(&c->err);
	json_decref(ch);
	return rc;
}

/* What intake's options name, checked before the first record (exit 64): the grid of
 * --unresolved must be a grid of the net, the category of --unmapped one the catalogue has. */
int gg_ticket_intake_check(struct gg_ctx *c, const struct gg_intake *in)
{
	struct gg_stmt *st;
	struct cat *k;
	const int *at;
	int rc;

	if (in->unresolved_grid) {
		if (!(st = gg_ticket_query(c, "ticket/unit-level", (const char *const[]){"unit", NULL}, &at)))
			return c->err.code;
		gg_stmt_bind_text(st, at[0], in->unresolved_grid);
		if ((rc = gg_stmt_step(st, &c->err)) < 0)
			return c->err.code;
		if (!rc)
			return gg_err_set(&c->err, GG_EX_USAGE, "--unresolved=grid:%s: unknown unit '%s'",
					  in->unresolved_grid, in->unresolved_grid);
		if (strcmp(gg_stmt_text(st, 0), "grid"))
			return gg_err_set(&c->err, GG_EX_USAGE, "--unresolved=grid:%s: '%s' is a %s, not a grid",
					  in->unresolved_grid, in->unresolved_grid, gg_stmt_text(st, 0));
	}
	if (!in->unmapped_category)
		return 0;
	if ((rc = gg_ticket_category(c, in->unmapped_category, &k)))
		return rc;
	if (!k)
		return gg_err_set(&c->err, GG_EX_USAGE, "--unmapped=category:%s: unknown category '%s'",
				  in->unmapped_category, in->unmapped_category);
	return 0;
}

/* Takes one ticket in. A record with the source and external_id of a stored ticket updates
 * what it says of the ticket (and is "unchanged" when it says nothing new). `new` audits the
 * ticket it wrote; an import audits its counts once, with gg_ticket_imported. */
int gg_ticket_intake(struct gg_ctx *c, json_t *rec, const struct gg_src *src0, struct gg_intake *in, json_int_t *id)
{
	struct gg_src src = src0 ? *src0 : (struct gg_src){0};
	struct intake t = {.reported = gg_clock_now()};
	int rc;

	src.rec = rec;
	t.rec = rec;
	*id = 0;
	if ((rc = read_fields(c, &src, rec, &t)) || (rc = judge(c, &src, rec, in, &t)))
		goto done;
	int provisional = 0;
	int64_t deadline = t.due_given ? t.due_at
				       : gg_ticket_due(c, t.k, !strcmp(t.priority, "urgent"), t.k->start, t.reported,
						       &provisional);
	if (in->is_new && deadline <= gg_clock_now()) {
		char buf[32];
		gg_clock_format(deadline, buf);
		rc = gg_kind_fail(
			c, &src, rec, t.due_given ? "due_at" : "reported_at",
			"the deadline %s is already past; a ticket taken in late goes through 'gg-ticket import'", buf);
		goto done;
	}
	json_int_t added = in->added, updated = in->updated;
	if (!(rc = insert(c, &t, deadline, provisional, in, id)) && in->is_new &&
	    (in->added > added || in->updated > updated))
		rc = audit_new(c, rec, in->added > added ? "new" : "update", *id);
done:
	json_decref(t.where);
	return rc;
}

/* One audit row for an import: its counts. Each ticket's own history is in ticket_event. */
int gg_ticket_imported(struct gg_ctx *c, const char *from, json_t *counts)
{
	json_t *ch = json_pack("{s:s,s:s,s:s,s:O}", "op", "import", "kind", "ticket", "from", from, "counts", counts);
	int rc = gg_audit(c, ch);
	json_decref(ch);
	return rc;
}
