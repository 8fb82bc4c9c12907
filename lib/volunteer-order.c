/* SPDX-License-Identifier: Apache-2.0 */
/* volunteer-order.c: resident orders (群众点单、社区派单、党员接单): placed by a resident or made
 * from a gg-ticket ticket, dispatched to volunteers, accepted by the first of them, served
 * (hours into the ledger), rated, cancelled, or expired by the cron sweep when nobody took them
 * by the time wanted. The steps are one table, which gg-volunteer reads for its commands too. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "hook.h"
#include "org.h"
#include "text.h"
#include "ticket.h"
#include "volunteer.h"

const char *const gg_volunteer_order_statuses[] = {"open",	"dispatched", "accepted", "done",
						   "cancelled", "expired",    NULL};

/* The requester's phone, checked as a person's is; only orders from a ticket may go without a
 * requester (the ticket keeps its reporter). */
static int order_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	const char *phone = json_string_value(json_object_get(rec, "requester_phone"));
	const char *grid = json_string_value(json_object_get(rec, "grid"));
	json_t *g = NULL;

	(void)k;
	(void)old;
	if (phone && *phone && !gg_text_phone_ok(phone))
		return gg_kind_fail(c, src, rec, "requester_phone",
				    "not a phone number: a mobile is 11 digits beginning 13 to 19, a "
				    "landline [0AREA-]NUMBER[-EXTENSION] (0523-86881234-801)");
	if (!json_object_get(rec, "ticket") &&
	    (!json_object_get(rec, "requester_name") || !json_object_get(rec, "requester_phone")))
		return gg_kind_fail(
			c, src, rec, NULL,
			"a resident order needs the requester's name and phone (or the ticket it comes from)");
	if (grid) {
		if (gg_kind_get(c, &gg_unit_kind, json_pack("{s:s}", "code", grid), &g))
			return c->err.code;
		int in = g && json_equal(json_object_get(g, "parent"), json_object_get(rec, "community"));
		json_decref(g);
		if (!in)
			return gg_kind_fail(c, src, rec, "grid", "'%s' is not a grid of community '%s'", grid,
					    json_string_value(json_object_get(rec, "community")));
	}
	return 0;
}

/* An order as the entity layer sees it: its fields checked and written on `new`, and its
 * references, so that a community, grid, skill or volunteer it names is not removed. Its steps
 * are kept here, not by gg-volunteer's generic commands. */
const struct gg_kind gg_volunteer_order_kind = {
	.name = "order",
	.plural = "orders",
	.flags = GG_K_NOCRUD,
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "community",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "community",
			 .what = "resident orders"},
			{.name = "grid",
			 .type = GG_F_REF,
			 .ref = &gg_unit_kind,
			 .ref_level = "grid",
			 .what = "resident orders"},
			{.name = "requester_name", .type = GG_F_TEXT},
			{.name = "requester_phone", .type = GG_F_TEXT, .flags = GG_F_PERSONAL},
			{.name = "need", .type = GG_F_REF, .ref = &gg_skill_kind, .what = "resident orders"},
			{.name = "title", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "wanted_at", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{.name = "ticket", .type = GG_F_INT},
			{.name = "volunteer", .type = GG_F_REF, .ref = &gg_volunteer_kind, .what = "resident orders"},
			{.name = "created_at", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{.name = "created_by", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{0},
		},
	.check = order_check,
};

/* ---- orders as records ---- */

static struct gg_stmt *query_id(struct gg_ctx *c, const char *name, json_int_t id)
{
	struct gg_stmt *st = gg_db_named(c->db, name, &c->err);

	if (st)
		gg_stmt_bind_int(st, gg_stmt_index(st, "id"), id);
	return st;
}

/* A row of order/get or order/list as shown: times as ISO 8601, hours served from the minutes,
 * the requester's phone masked and numbers in the text masked unless --reveal. */
static json_t *order_record(struct gg_ctx *c, json_t *row)
{
	static const char *const times[] = {"wanted_at", "created_at", "status_at", NULL};
	json_t *d = json_object_get(row, "dispatched"), *shown = json_object(), *v;
	const char *k;
	char buf[32];

	json_object_foreach (row, k, v) /* the minutes stored shown as hours, in their place */
		if (strcmp(k, "minutes"))
			json_object_set(shown, k, v);
		else if (json_is_integer(v))
			json_object_set_new(shown, "hours", gg_volunteer_hours_of(json_integer_value(v)));
	json_decref(row);
	row = shown;
	if (json_is_string(d))
		json_object_set_new(row, "dispatched", json_loads(json_string_value(d), 0, NULL));
	for (int i = 0; times[i]; i++) {
		json_t *v = json_object_get(row, times[i]);
		if (json_is_integer(v)) {
			gg_clock_format(json_integer_value(v), buf);
			json_object_set_new(row, times[i], json_string(buf));
		}
	}
	gg_kind_mask(c, &gg_volunteer_order_kind, row);
	return row;
}

int gg_volunteer_order_get(struct gg_ctx *c, json_int_t id, json_t **out)
{
	struct gg_stmt *st = query_id(c, "order/get", id);
	int rc;

	*out = NULL;
	if (!st || (rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (!rc)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no order %lld", (long long)id);
	*out = order_record(c, gg_stmt_row(st));
	return 0;
}

int gg_volunteer_order_list(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st = gg_db_named(c->db, "order/list", &c->err);
	const char *key;
	json_t *v;
	int rc;

	if (!st)
		return c->err.code;
	json_object_foreach (filter, key, v)
		gg_stmt_bind_name(st, key, v);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *rec = order_record(c, gg_stmt_row(st));
		rc = fn(c, rec, arg);
		json_decref(rec);
		if (rc)
			return rc;
	}
	return rc < 0 ? c->err.code : 0;
}

int gg_volunteer_order_history(struct gg_ctx *c, json_int_t id, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	json_t *o;
	struct gg_stmt *st;
	int rc;

	if (gg_volunteer_order_get(c, id, &o))
		return c->err.code;
	json_decref(o);
	if (!(st = query_id(c, "order/history", id)))
		return c->err.code;
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *ev = gg_stmt_row(st), *note = json_object_get(ev, "note");
		char buf[32];
		gg_clock_format(json_integer_value(json_object_get(ev, "at")), buf);
		json_object_set_new(ev, "at", json_string(buf));
		json_object_set_new(ev, "order", json_integer(id));
		if (json_is_string(note) && gg_text_free_personal(json_string_value(note))) {
			if (c->reveal) {
				gg_ctx_revealed(c, "order", json_object_get(ev, "order"), json_pack("[s]", "note"));
			} else {
				char *m = gg_text_mask_free(json_string_value(note));
				json_object_set_new(ev, "note", json_string(m ? m : "*"));
				free(m);
			}
		}
		rc = fn(c, ev, arg);
		json_decref(ev);
		if (rc)
			return rc;
	}
	return rc < 0 ? c->err.code : 0;
}

static int event(struct gg_ctx *c, json_int_t id, int64_t at, const char *kind, const char *status, const char *note,
		 json_t *data)
{
	struct gg_stmt *st = query_id(c, "order/event", id);

	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, gg_stmt_index(st, "at"), at);
	gg_stmt_bind_fixed(st, gg_stmt_index(st, "actor"), c->actor);
	gg_stmt_bind_fixed(st, gg_stmt_index(st, "kind"), kind);
	gg_stmt_bind_fixed(st, gg_stmt_index(st, "status"), status);
	gg_stmt_bind_fixed(st, gg_stmt_index(st, "note"), note);
	gg_stmt_bind_json(st, gg_stmt_index(st, "data"), data && json_object_size(data) ? data : NULL);
	return gg_stmt_run(st, &c->err);
}

/* ---- a new order ---- */

/* A ticket's category as the skill its order needs: the longest prefix of its code listed
 * here. A category none fits leaves the need to be given (--need). */
static const struct {
	const char *category, *need;
} category_needs[] = {
	{"env.", "cleaning"},	     {"env.greenery", "greening"}, {"road.facility", "repair"},
	{"prop.leak", "plumbing"},   {"prop.heating", "plumbing"}, {"prop.corridor", "cleaning"},
	{"safety.", "safety"},	     {"dispute.", "mediation"},	   {"care.", "elderly_care"},
	{"prop.elevator", "repair"},
};

static const char *need_of(const char *category)
{
	const char *best = NULL;
	size_t n = 0;

	for (size_t i = 0; category && i < sizeof category_needs / sizeof *category_needs; i++) {
		size_t k = strlen(category_needs[i].category);
		if (k > n && !strncmp(category, category_needs[i].category, k)) {
			best = category_needs[i].need;
			n = k;
		}
	}
	return best;
}

/* A ticket becomes one order at a time, and only once it was reported: 65 when an order of
 * it is still to be served, or when now is before the ticket's report. */
static int taken(struct gg_ctx *c, json_int_t ticket, json_t *t)
{
	struct gg_stmt *st = gg_db_named(c->db, "order/of-ticket", &c->err);
	const char *reported = json_string_value(json_object_get(t, "reported_at"));
	int64_t at;
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, gg_stmt_index(st, "ticket"), ticket);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (rc)
		return gg_err_set(&c->err, GG_EX_DATAERR, "ticket %lld is order %lld already, still %s",
				  (long long)ticket, (long long)gg_stmt_int(st, 0), gg_stmt_text(st, 1));
	if (reported && !gg_clock_parse(reported, &at) && at > gg_clock_now())
		return gg_err_set(&c->err, GG_EX_DATAERR, "ticket %lld was reported at %s, after now",
				  (long long)ticket, reported);
	return 0;
}

/* What an order takes from the ticket it is made of: the ticket's community, the grid it
 * stands in, its title, a need for its category, and its deadline as the time wanted, each
 * unless given. The ticket's history records the order once it has its id. */
static int from_ticket(struct gg_ctx *c, json_t *rec, json_int_t ticket)
{
	json_t *t, *u = NULL;
	const char *unit, *due;
	int64_t at;

	if (gg_ticket_get(c, ticket, &t) || taken(c, ticket, t))
		return json_decref(t), c->err.code;
	if (!json_object_get(rec, "community"))
		json_object_set(rec, "community", json_object_get(t, "community"));
	if (!json_object_get(rec, "title"))
		json_object_set(rec, "title", json_object_get(t, "title"));
	if (!json_object_get(rec, "need") && need_of(json_string_value(json_object_get(t, "category"))))
		json_object_set_new(rec, "need",
				    json_string(need_of(json_string_value(json_object_get(t, "category")))));
	if (!json_object_get(rec, "wanted_at") && (due = json_string_value(json_object_get(t, "due_at"))) &&
	    !gg_clock_parse(due, &at))
		json_object_set_new(rec, "wanted_at", json_integer(at));
	if ((unit = json_string_value(json_object_get(t, "unit"))) && !json_object_get(rec, "grid") &&
	    gg_kind_get(c, &gg_unit_kind, json_pack("{s:s}", "code", unit), &u) == 0 && u) {
		const char *level = json_string_value(json_object_get(u, "level"));
		json_object_set(rec, "grid", json_object_get(u, !strcmp(level, "grid") ? "code" : "parent"));
	}
	json_decref(u);
	json_decref(t);
	if (!json_object_get(rec, "need"))
		fprintf(stderr,
			"%s: ticket %lld's category has no skill it needs: the order has no need (give --need)\n",
			c->prog, (long long)ticket);
	return c->err.code;
}

int gg_volunteer_order_new(struct gg_ctx *c, json_t *rec, json_int_t *id)
{
	json_t *out = NULL, *wanted = json_object_get(rec, "wanted_at"), *ticket = json_object_get(rec, "ticket");
	enum gg_put what;
	int64_t at;
	int rc;

	if (json_is_string(wanted)) {
		if (gg_clock_parse(json_string_value(wanted), &at))
			return gg_err_set(&c->err, GG_EX_DATAERR, "wanted_at: '%s' is not a time (ISO 8601)",
					  json_string_value(wanted));
		json_object_set_new(rec, "wanted_at", json_integer(at));
	}
	if (json_is_integer(ticket) && from_ticket(c, rec, json_integer_value(ticket)))
		return c->err.code;
	if (!json_object_get(rec, "wanted_at"))
		return gg_err_set(&c->err, GG_EX_DATAERR, "a resident order needs the time it is wanted (--wanted)");
	json_object_set_new(rec, "created_at", json_integer(gg_clock_now()));
	json_object_set_new(rec, "created_by", json_string(c->actor));
	if ((rc = gg_kind_put(c, &gg_volunteer_order_kind, rec, NULL, -1, &what, &out)))
		return rc;
	*id = json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	json_t *data = json_is_integer(ticket) ? json_pack("{s:O}", "ticket", ticket) : NULL;
	rc = event(c, *id, gg_clock_now(), "created", "open", NULL, data);
	json_decref(data);
	if (!rc && json_is_integer(ticket)) {
		data = json_pack("{s:I}", "order", *id);
		rc = gg_ticket_mention(c, json_integer_value(ticket), "order_placed", data);
		json_decref(data);
	}
	if (!rc && gg_hook_wanted(c, "order-new") && !(rc = gg_volunteer_order_get(c, *id, &out))) {
		gg_hook_queue(c, "order-new", out);
		json_decref(out);
	}
	return rc;
}

/* ---- the steps ---- */

/* A step under way: the order as it stands and as the step leaves it, the options given, and
 * what its event and audit row will say. */
struct gg_volunteer_order_move {
	json_int_t id;
	char status[16], volunteer[128], community[128];
	json_int_t minutes, rating; /* 0: none */
	int64_t wanted_at, now;
	json_t *args, *data, *audit;
};

static const char *arg(const struct gg_volunteer_order_move *m, const char *name)
{
	return json_string_value(json_object_get(m->args, name));
}

static int is_volunteer(struct gg_ctx *c, const char *code)
{
	json_t *v = NULL;

	if (gg_kind_get(c, &gg_volunteer_kind, json_pack("{s:s}", "person", code), &v))
		return -1;
	json_decref(v);
	return v != NULL;
}

/* The dispatches of the order still standing, but keep's, released; the volunteers released
 * go in the event's data, in code order (an UPDATE returns its rows in no order of its own). */
static int release(struct gg_ctx *c, struct gg_volunteer_order_move *m, const char *keep)
{
	struct gg_stmt *st = query_id(c, "order/release", m->id);
	json_t *gone = json_array();
	int rc;

	if (!st)
		return json_decref(gone), c->err.code;
	gg_stmt_bind_int(st, gg_stmt_index(st, "at"), m->now);
	gg_stmt_bind_text(st, gg_stmt_index(st, "keep"), keep);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		const char *v = gg_stmt_text(st, 0);
		size_t at = json_array_size(gone);
		while (at > 0 && strcmp(v, json_string_value(json_array_get(gone, at - 1))) < 0)
			at--;
		json_array_insert_new(gone, at, json_string(v));
	}
	if (json_array_size(gone))
		json_object_set(m->data, "released", gone);
	json_decref(gone);
	return rc < 0 ? c->err.code : 0;
}

static int dispatch(struct gg_ctx *c, struct gg_volunteer_order_move *m)
{
	json_t *to = json_object_get(m->args, "to"), *x;
	size_t i;
	int rc;

	json_array_foreach (to, i, x) {
		const char *v = json_string_value(x);
		if ((rc = is_volunteer(c, v)) <= 0)
			return rc < 0 ? c->err.code : gg_err_set(&c->err, GG_EX_DATAERR, "no volunteer '%s'", v);
		struct gg_stmt *st = query_id(c, "order/dispatch", m->id);
		if (!st)
			return c->err.code;
		gg_stmt_bind_text(st, gg_stmt_index(st, "volunteer"), v);
		gg_stmt_bind_int(st, gg_stmt_index(st, "at"), m->now);
		if (gg_stmt_run(st, &c->err))
			return c->err.code;
	}
	json_object_set(m->data, "to", to);
	json_object_set(m->audit, "to", to);
	return 0;
}

static int accept(struct gg_ctx *c, struct gg_volunteer_order_move *m)
{
	const char *by = arg(m, "by");
	struct gg_stmt *st = query_id(c, "order/dispatched", m->id);
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "volunteer"), by);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (!gg_stmt_int(st, 0))
		return gg_err_set(&c->err, GG_EX_DATAERR, "cannot accept order %lld: it was not dispatched to '%s'",
				  (long long)m->id, by);
	snprintf(m->volunteer, sizeof m->volunteer, "%s", by);
	json_object_set_new(m->data, "by", json_string(by));
	json_object_set_new(m->audit, "by", json_string(by));
	return release(c, m, by);
}

static int done(struct gg_ctx *c, struct gg_volunteer_order_move *m)
{
	char date[16];
	json_int_t row;

	if (gg_volunteer_minutes(c, "--hours", arg(m, "hours") ? arg(m, "hours") : "", &m->minutes))
		return c->err.code;
	gg_clock_format_date(m->now, date);
	json_t *r = json_pack("{s:s,s:s,s:s,s:s,s:I,s:I}", "entry", "service", "volunteer", m->volunteer, "community",
			      m->community, "date", date, "minutes", m->minutes, "order_id", m->id);
	int rc = gg_volunteer_ledger_add(c, r, &row);
	json_decref(r);
	if (rc)
		return rc;
	json_object_set_new(m->data, "minutes", json_integer(m->minutes));
	json_object_set_new(m->data, "service", json_integer(row));
	json_object_set_new(m->audit, "minutes", json_integer(m->minutes));
	json_object_set_new(m->audit, "service", json_integer(row));
	return 0;
}

static int rate(struct gg_ctx *c, struct gg_volunteer_order_move *m)
{
	const char *r = arg(m, "rating");

	if (!r || strlen(r) != 1 || r[0] < '1' || r[0] > '5')
		return gg_err_set(&c->err, GG_EX_DATAERR, "rating: a rating is 1 to 5, not '%s'", r ? r : "");
	if (m->rating)
		json_object_set_new(m->data, "was", json_integer(m->rating));
	m->rating = r[0] - '0';
	json_object_set_new(m->data, "rating", json_integer(m->rating));
	json_object_set_new(m->audit, "rating", json_integer(m->rating));
	return 0;
}

static int cancel(struct gg_ctx *c, struct gg_volunteer_order_move *m)
{
	return release(c, m, NULL);
}

static int expire(struct gg_ctx *c, struct gg_volunteer_order_move *m)
{
	char wanted[32];

	gg_clock_format_zone(m->wanted_at, wanted); /* kept in the event: the same whatever TZ says */
	json_object_set_new(m->data, "wanted_at", json_string(wanted));
	return release(c, m, NULL);
}

#define LIST(...) ((const char *const[]){__VA_ARGS__, NULL})

/* Each step: the statuses it is taken from, the status it leaves (none: the one it found),
 * the options it needs as its usage spells them, the event it writes, the hook it fires, and
 * its function. expire is the sweep's alone (--due). */
const struct gg_volunteer_order_step gg_volunteer_order_steps[] = {
	{.verb = "dispatch",
	 .from = LIST("open", "dispatched"),
	 .to = "dispatched",
	 .needs = LIST("--to VOLUNTEER"),
	 .event = "dispatched",
	 .fn = dispatch,
	 .usage = "ID --to VOLUNTEER... [--note TEXT]",
	 .help = "dispatch an order to volunteers (派单); they must exist\n"
		 "  --to VOLUNTEER... the volunteers (repeated, comma-separated or following)"},
	{.verb = "accept",
	 .from = LIST("dispatched"),
	 .to = "accepted",
	 .needs = LIST("--by VOLUNTEER"),
	 .event = "accepted",
	 .hook = "order-accept",
	 .fn = accept,
	 .usage = "ID --by VOLUNTEER [--note TEXT]",
	 .help = "accept an order (接单): the first wins, the others' dispatches are released\n"
		 "  --by VOLUNTEER    one the order was dispatched to"},
	{.verb = "done",
	 .from = LIST("accepted"),
	 .to = "done",
	 .needs = LIST("--hours H"),
	 .event = "done",
	 .cannot = "mark done",
	 .fn = done,
	 .usage = "ID --hours H [--note TEXT]",
	 .help = "the order was served: its hours go into the hours ledger\n"
		 "  --hours H         more than 0, at most 24 (1.5 is an hour and a half)"},
	{.verb = "rate",
	 .from = LIST("done"),
	 .needs = LIST("--rating 1..5"),
	 .event = "rated",
	 .fn = rate,
	 .usage = "ID --rating 1..5 [--note TEXT]",
	 .help = "the resident's rating of a done order, 1 to 5"},
	{.verb = "cancel",
	 .from = LIST("open", "dispatched", "accepted"),
	 .to = "cancelled",
	 .needs = LIST("--reason TEXT"),
	 .event = "cancelled",
	 .fn = cancel,
	 .usage = "ID --reason TEXT",
	 .help = "cancel an order not yet done; its dispatches are released"},
	{.verb = "expire",
	 .from = LIST("open", "dispatched"),
	 .to = "expired",
	 .event = "expired",
	 .hook = "order-expire",
	 .due = 1,
	 .fn = expire,
	 .usage = "--due [--dry-run]",
	 .help = "the cron sweep: open and dispatched orders past their time wanted expire\n"
		 "  --dry-run         show what would expire, write nothing"},
	{0},
};

const struct gg_volunteer_order_step *gg_volunteer_order_step(const char *verb)
{
	for (const struct gg_volunteer_order_step *s = gg_volunteer_order_steps; verb && s->verb; s++)
		if (!strcmp(s->verb, verb))
			return s;
	return NULL;
}

static int load(struct gg_ctx *c, struct gg_volunteer_order_move *m)
{
	struct gg_stmt *st = query_id(c, "order/get", m->id);
	int rc;

	if (!st || (rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (!rc)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no order %lld", (long long)m->id);
	json_t *row = gg_stmt_row(st);
	snprintf(m->status, sizeof m->status, "%s", json_string_value(json_object_get(row, "status")));
	snprintf(m->community, sizeof m->community, "%s", json_string_value(json_object_get(row, "community")));
	const char *v = json_string_value(json_object_get(row, "volunteer"));
	snprintf(m->volunteer, sizeof m->volunteer, "%s", v ? v : "");
	m->minutes = json_integer_value(json_object_get(row, "minutes"));
	m->rating = json_integer_value(json_object_get(row, "rating"));
	m->wanted_at = json_integer_value(json_object_get(row, "wanted_at"));
	json_decref(row);
	return 0;
}

static void bind_or_null(struct gg_stmt *st, const char *name, json_int_t v)
{
	if (v)
		gg_stmt_bind_int(st, gg_stmt_index(st, name), v);
	else
		gg_stmt_bind_null(st, gg_stmt_index(st, name));
}

/* Writes what the step did: the order, its event, the audit row, the hook's record. */
static int record(struct gg_ctx *c, const struct gg_volunteer_order_step *step, struct gg_volunteer_order_move *m)
{
	const char *note = arg(m, "reason") ? arg(m, "reason") : arg(m, "note");
	struct gg_stmt *st = query_id(c, "order/step", m->id);
	json_t *rec;
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_fixed(st, gg_stmt_index(st, "status"), m->status);
	gg_stmt_bind_int(st, gg_stmt_index(st, "at"), m->now);
	gg_stmt_bind_fixed(st, gg_stmt_index(st, "volunteer"), *m->volunteer ? m->volunteer : NULL);
	bind_or_null(st, "minutes", m->minutes);
	bind_or_null(st, "rating", m->rating);
	if ((rc = gg_stmt_run(st, &c->err)) || (rc = event(c, m->id, m->now, step->event, m->status, note, m->data)))
		return rc;
	json_object_set_new(m->audit, "status", json_string(m->status));
	if ((rc = gg_audit(c, m->audit)))
		return rc;
	if (step->hook && gg_hook_wanted(c, step->hook) && !(rc = gg_volunteer_order_get(c, m->id, &rec))) {
		gg_hook_queue(c, step->hook, rec);
		json_decref(rec);
	}
	return rc;
}

static int take(struct gg_ctx *c, const struct gg_volunteer_order_step *step, json_int_t id, json_t *args, int64_t now)
{
	struct gg_volunteer_order_move m = {.id = id, .args = args, .now = now};
	int ok = 0, rc;

	if ((rc = load(c, &m)))
		return rc;
	for (int i = 0; step->from[i]; i++)
		ok |= !strcmp(step->from[i], m.status);
	if (!ok)
		return gg_err_set(&c->err, GG_EX_DATAERR, "cannot %s order %lld: it is %s",
				  step->cannot ? step->cannot : step->verb, (long long)id, m.status);
	m.data = json_object();
	m.audit = json_pack("{s:s,s:s,s:I}", "op", step->verb, "kind", "order", "id", id);
	if (!(rc = step->fn ? step->fn(c, &m) : 0)) {
		if (step->to)
			snprintf(m.status, sizeof m.status, "%s", step->to);
		rc = record(c, step, &m);
	}
	json_decref(m.data);
	json_decref(m.audit);
	return rc;
}

int gg_volunteer_order_act(struct gg_ctx *c, json_int_t id, const char *verb, json_t *args)
{
	const struct gg_volunteer_order_step *step = gg_volunteer_order_step(verb);

	if (!step)
		return gg_err_set(&c->err, GG_EX_SOFTWARE, "no step '%s'", verb);
	return take(c, step, id, args, gg_clock_now());
}

/* The orders past their wanted time, read whole before any moves: each move rewrites rows the
 * query reads. Each expires as the step table's expire says; fn sees it after. */
int gg_volunteer_order_expire(struct gg_ctx *c, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	int64_t now = gg_clock_now();
	struct gg_stmt *st = gg_db_named(c->db, "order/due", &c->err);
	json_t *ids = json_array(), *x, *args = json_object(), *rec;
	size_t i;
	int rc;

	if (!st)
		return json_decref(ids), json_decref(args), c->err.code;
	gg_stmt_bind_int(st, gg_stmt_index(st, "now"), now);
	while ((rc = gg_stmt_step(st, &c->err)) > 0)
		json_array_append_new(ids, json_integer(gg_stmt_int(st, 0)));
	rc = rc < 0 ? c->err.code : 0;
	json_array_foreach (ids, i, x) {
		if (rc || (rc = take(c, gg_volunteer_order_step("expire"), json_integer_value(x), args, now)))
			break;
		if (fn && !(rc = gg_volunteer_order_get(c, json_integer_value(x), &rec))) {
			rc = fn(c, rec, arg);
			json_decref(rec);
		}
	}
	json_decref(ids);
	json_decref(args);
	return rc;
}
