/* SPDX-License-Identifier: Apache-2.0 */
/* volunteer-match.c: which volunteers to dispatch a resident order to. The volunteers of the
 * order's community and street are scored factor by factor (skill, where they live, whether
 * they are free at the time wanted, how much they carry already, whether they come when they
 * said they would), each factor shown with its points, with weights from a YAML file. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "clock.h"
#include "db.h"
#include "reader.h"
#include "volunteer.h"

/* The factors, in the order of the weights file and of a match's record. */
enum { SKILL, SAME_COMMUNITY, SAME_STREET, SAME_GRID, AVAILABLE, OPEN_ORDER, HOUR, NOSHOW, NFACTORS };
static const char *const factors[NFACTORS] = {"skill",	   "same_community", "same_street",	"same_grid",
					      "available", "open_order",     "hour_this_month", "noshow"};
/* The field of a match's record that shows each factor's value. */
static const char *const shown_as[NFACTORS] = {"skill",	    "same_community", "same_street", "same_grid",
					       "available", "open_orders",    "hours_month", "noshows"};

struct weights {
	int ready;
	double w[NFACTORS];
};

static int read_weights(struct gg_ctx *c, struct gg_reader *r, struct weights *ws)
{
	json_t *doc = NULL, *v;
	const char *key;
	int n = gg_reader_next(r, &doc, &c->err), rc = 0;

	if (n <= 0)
		return n < 0 ? c->err.code
			     : gg_err_set(&c->err, GG_EX_DATAERR, "%s: no weights in it", gg_reader_name(r));
	if (!json_is_object(doc))
		rc = gg_reader_fail(r, &c->err, doc, NULL, "the weights are a mapping of factor to number");
	json_object_foreach (doc, key, v) {
		int f = 0;
		while (f < NFACTORS && strcmp(factors[f], key))
			f++;
		if (!rc && f == NFACTORS)
			rc = gg_reader_fail(r, &c->err, doc, key,
					    "%s: no such factor (skill, same_community, same_street, same_grid, "
					    "available, open_order, hour_this_month, noshow)",
					    key);
		if (!rc && !json_is_number(v))
			rc = gg_reader_fail(r, &c->err, doc, key, "%s: a weight is a number", key);
		if (!rc)
			ws->w[f] = json_number_value(v);
	}
	for (int f = 0; !rc && f < NFACTORS; f++)
		if (!json_object_get(doc, factors[f]))
			rc = gg_reader_fail(r, &c->err, doc, NULL, "%s: no weight given", factors[f]);
	json_decref(doc);
	return rc;
}

/* The weights, read once per command: GG_MATCH_WEIGHTS's file, else the one built in. */
static const struct weights *weights(struct gg_ctx *c)
{
	const char *path = getenv("GG_MATCH_WEIGHTS");
	struct weights *ws;
	struct gg_reader *r;
	int fresh, rc;

	if (!(ws = gg_ctx_memo(c, "match:weights", sizeof *ws, &fresh)))
		return gg_err_oom(&c->err), NULL;
	if (ws->ready)
		return ws;
	rc = path && *path ? gg_reader_open(&r, path, &c->err)
			   : gg_reader_open_embed(&r, "match-weights.yaml", &c->err);
	if (!rc) {
		gg_reader_keep(r, 1);
		rc = read_weights(c, r, ws);
		gg_reader_close(r);
	}
	if (rc)
		return NULL;
	ws->ready = 1;
	return ws;
}

/* What match needs of the order. */
struct order {
	char community[128], street[128], grid[128], need[128];
	int64_t wanted_at, day;
	int wday, minute; /* 0 Sunday; the minute of the day wanted, in the calendar's zone */
};

static int load_order(struct gg_ctx *c, json_int_t id, struct order *o)
{
	struct gg_stmt *st = gg_db_named(c->db, "order/place", &c->err);
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, gg_stmt_index(st, "id"), id);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (!rc)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no order %lld", (long long)id);
	snprintf(o->community, sizeof o->community, "%s", gg_stmt_text(st, 0));
	snprintf(o->street, sizeof o->street, "%s", gg_stmt_isnull(st, 1) ? "" : gg_stmt_text(st, 1));
	snprintf(o->grid, sizeof o->grid, "%s", gg_stmt_isnull(st, 2) ? "" : gg_stmt_text(st, 2));
	snprintf(o->need, sizeof o->need, "%s", gg_stmt_isnull(st, 3) ? "" : gg_stmt_text(st, 3));
	o->wanted_at = gg_stmt_int(st, 4);
	o->day = gg_clock_day(o->wanted_at);
	o->wday = gg_clock_weekday(o->day);
	o->minute = (int)((o->wanted_at + gg_clock_offset() - o->day * 86400) / 60);
	return 0;
}

/* Whether the volunteer is free at the time wanted: within one of their hours on that weekday;
 * with no hours given, an in-service Party member is free on Saturdays 08:00-18:00, unless the
 * Saturday is a make-up working day (调休), when they are at work. */
static int available(const struct order *o, const struct gg_cal *cal, json_t *row)
{
	json_t *hours = json_loads(json_string_value(json_object_get(row, "hours")), 0, NULL), *h;
	size_t i;
	int from, to, yes = 0;

	if (json_integer_value(json_object_get(row, "times")) > 0) {
		json_array_foreach (hours, i, h)
			if (!gg_volunteer_span(json_string_value(h), &from, &to) && o->minute >= from && o->minute < to)
				yes = 1;
	} else if (json_is_true(json_object_get(row, "party_member")) &&
		   json_integer_value(json_object_get(row, "in_service"))) {
		yes = o->wday == 6 && o->minute >= 8 * 60 && o->minute < 18 * 60 && !gg_cal_workday(cal, o->day);
	}
	json_decref(hours);
	return yes;
}

/* The no-shows of each volunteer of the order's street, where service days are kept. */
static int noshows(struct gg_ctx *c, const struct order *o, json_t *out)
{
	struct gg_stmt *st = gg_db_named(c->db, "order/has-signup", &c->err);
	int rc;

	if (!st || gg_stmt_step(st, &c->err) < 0)
		return c->err.code;
	if (!gg_stmt_int(st, 0))
		return 0;
	if (!(st = gg_db_named(c->db, "order/noshows", &c->err)))
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "community"), o->community);
	gg_stmt_bind_text(st, gg_stmt_index(st, "street"), o->street);
	while ((rc = gg_stmt_step(st, &c->err)) > 0)
		json_object_set_new(out, gg_stmt_text(st, 0), json_integer(gg_stmt_int(st, 1)));
	return rc < 0 ? c->err.code : 0;
}

/* A figure as a record shows it: a whole number as one, else to two decimals; never -0. */
static json_t *number(double x)
{
	double r = round(x * 100) / 100;

	if (r == 0)
		return json_integer(0);
	if (r == (double)(json_int_t)r)
		return json_integer((json_int_t)r);
	return json_real(r);
}

struct scored {
	double score;
	json_t *rec;
};

static int by_score(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return strcmp(json_string_value(json_object_get(x->rec, "volunteer")),
		      json_string_value(json_object_get(y->rec, "volunteer")));
}

/* A candidate's record: each factor's value and points, and the score they add up to. */
static json_t *score(const struct weights *ws, const struct order *o, const struct gg_cal *cal, json_t *row, json_t *ns,
		     json_int_t id, double *total)
{
	double value[NFACTORS];
	const char *v = json_string_value(json_object_get(row, "volunteer"));
	json_t *rec = json_pack("{s:I,s:i,s:s,s:O?,s:O?}", "order", id, "rank", 0, "volunteer", v, "name",
				json_object_get(row, "name"), "home_community", json_object_get(row, "home_community"));
	json_t *points = json_object();
	double minutes = (double)json_integer_value(json_object_get(row, "minutes_month"));
	int same = json_integer_value(json_object_get(row, "same_community")) != 0;

	value[SKILL] = *o->need && json_integer_value(json_object_get(row, "skill"));
	value[SAME_COMMUNITY] = same;
	value[SAME_STREET] = !same;
	value[SAME_GRID] = *o->grid && json_integer_value(json_object_get(row, "same_grid"));
	value[AVAILABLE] = available(o, cal, row);
	value[OPEN_ORDER] = (double)json_integer_value(json_object_get(row, "open_orders"));
	value[HOUR] = minutes / 60;
	value[NOSHOW] = (double)(json_integer_value(json_object_get(ns, v)) +
				 json_integer_value(json_object_get(row, "dropped")));
	*total = 0;
	for (int f = 0; f < NFACTORS; f++) {
		double p = value[f] * ws->w[f];
		*total += p;
		json_object_set_new(points, factors[f], number(p));
		json_object_set_new(rec, shown_as[f],
				    f <= AVAILABLE ? json_boolean(value[f] != 0)
				    : f == HOUR	   ? number(value[f])
						   : json_integer((json_int_t)value[f]));
	}
	json_object_set_new(rec, "score", number(*total));
	json_object_set_new(rec, "points", points);
	return rec;
}

int gg_volunteer_match(struct gg_ctx *c, json_int_t id, int limit, int (*fn)(struct gg_ctx *, json_t *, void *),
		       void *arg)
{
	const struct weights *ws = weights(c);
	const struct gg_cal *cal = ws ? gg_cal(c) : NULL;
	struct order o;
	struct gg_stmt *st;
	struct scored *all = NULL;
	size_t n = 0, cap = 0;
	json_t *ns = json_object();
	int64_t now = gg_clock_now(), from, to;
	char month[16], from_date[16], to_date[16];
	int rc;

	if (!cal || (rc = load_order(c, id, &o)) || (rc = noshows(c, &o, ns)))
		return json_decref(ns), c->err.code;
	gg_clock_format_date(now, month); /* this month: [its first day, the next month's) */
	month[7] = '\0';
	if (gg_clock_period(month, &from, &to))
		return json_decref(ns), gg_err_set(&c->err, GG_EX_SOFTWARE, "no month of %s", month);
	gg_clock_format_date(from, from_date);
	gg_clock_format_date(to, to_date);
	if (!(st = gg_db_named(c->db, "order/match", &c->err)))
		return json_decref(ns), c->err.code;
	static const char *const days[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
	gg_stmt_bind_text(st, gg_stmt_index(st, "community"), o.community);
	gg_stmt_bind_text(st, gg_stmt_index(st, "street"), o.street);
	gg_stmt_bind_text(st, gg_stmt_index(st, "grid"), *o.grid ? o.grid : NULL);
	gg_stmt_bind_text(st, gg_stmt_index(st, "need"), *o.need ? o.need : NULL);
	gg_stmt_bind_text(st, gg_stmt_index(st, "month_from"), from_date);
	gg_stmt_bind_text(st, gg_stmt_index(st, "month_to"), to_date);
	gg_stmt_bind_fixed(st, gg_stmt_index(st, "day"), days[o.wday]);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st);
		if (n == cap) {
			struct scored *nv = realloc(all, (cap = cap ? cap * 2 : 256) * sizeof *all);
			if (!nv) {
				json_decref(row);
				rc = gg_err_oom(&c->err);
				break;
			}
			all = nv;
		}
		all[n].rec = score(ws, &o, cal, row, ns, id, &all[n].score);
		n++;
		json_decref(row);
	}
	if (rc < 0)
		rc = c->err.code;
	if (n)
		qsort(all, n, sizeof *all, by_score);
	for (size_t i = 0; i < n; i++) {
		if (!rc && (limit <= 0 || (int)i < limit)) {
			json_t *rank = json_integer((json_int_t)i + 1);
			json_object_set_new(all[i].rec, "rank", rank);
			rc = fn(c, all[i].rec, arg);
		}
		json_decref(all[i].rec);
	}
	free(all);
	json_decref(ns);
	return rc;
}
