/* SPDX-License-Identifier: Apache-2.0 */
/* report-monthly.c: gg-report monthly, the appraisal report of streets and communities. Every
 * figure in it is gg-score's: the appraisal it stored for the period (or, where it stored none,
 * the built-in rubric's reckoned here and kept nowhere: the report is then provisional), the
 * metrics of each unit, the Party organisations its satisfaction survey lists. The report only
 * lays them side by side: this period against the one before, the best and the worst, a year's
 * trend and the level each ticket was resolved at. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "org.h"
#include "report.h"
#include "score.h"

/* The metrics shown for each street and community, as gg-score names them. */
static const char *const figures[] = {"received",
				      "on_time",
				      "resolved_in_grid",
				      "resolved_in_community",
				      "first_satisfaction",
				      "escalated_street",
				      "escalated_department",
				      "volunteers_active",
				      "verified_hours",
				      "orders_done",
				      "workers_per_10000",
				      "survey_satisfaction",
				      "resolved_at_grid",
				      "resolved_at_community",
				      "resolved_at_street",
				      "resolved_at_department",
				      NULL};

/* The metrics of the trend: the whole of the report's unit, period by period. */
static const char *const trend_figures[] = {
	"received", "on_time", "resolved_in_grid", "resolved_in_community", "first_satisfaction", NULL};

/* How many periods the trend goes back over, this one included. */
enum { TREND = 12 };

struct monthly {
	struct gg_ctx *c;
	const char *period, *under, *rubric;
	char prev[16];
	int provisional;
};

static int collect(struct gg_ctx *c, json_t *rec, void *into)
{
	(void)c;
	return json_array_append(into, rec) ? gg_err_oom(&c->err) : 0;
}

/* Ranks again by total alone, ties sharing a rank (1, 2, 2, 4): the appraisals of several
 * databases, each of which ranked only its own units. */
static void rerank(json_t *recs)
{
	size_t i, j, n = json_array_size(recs);

	for (i = 0; i < n; i++) {
		json_t *r = json_array_get(recs, i);
		double total = json_number_value(json_object_get(r, "total"));
		json_int_t ahead = 0;
		for (j = 0; j < n; j++)
			ahead += json_number_value(json_object_get(json_array_get(recs, j), "total")) > total;
		json_object_set_new(r, "rank", json_integer(ahead + 1));
	}
}

/* The appraisal of each unit at level for the period, by code: the one stored by the rubric,
 * else the built-in rubric's reckoned now, which stderr tells and, for the report's own
 * period, m->provisional. */
static int appraisals(struct monthly *m, const char *level, const char *period, json_t **by_unit)
{
	json_t *recs = json_array(), *r;
	size_t i;
	int rc = gg_score_ranks(m->c, m->rubric, period, level, NULL, collect, recs);

	if (!rc && !json_array_size(recs)) {
		json_decref(recs);
		rc = gg_score_appraise_draft(m->c, period, level, &recs);
		fprintf(stderr,
			"%s: no appraisal of the %s by the rubric '%s' is stored for %s: shown is the built-in "
			"rubric's, reckoned now%s\n",
			m->c->prog, strcmp(level, "street") ? "communities" : "streets", m->rubric, period,
			period == m->period ? " (the report is provisional)" : "");
		m->provisional |= period == m->period;
	} else if (!rc && m->c->ndbs > 1)
		rerank(recs);
	*by_unit = json_object();
	json_array_foreach (recs, i, r)
		json_object_set(*by_unit, json_string_value(json_object_get(r, "unit")), r);
	json_decref(recs);
	return rc;
}

/* The change of a score since the period before, to the hundredth, and its arrow. */
static void change(json_t *rec, json_t *now, json_t *before)
{
	double d;

	if (!json_is_number(now) || !json_is_number(before)) {
		json_object_set_new(rec, "change", json_null());
		json_object_set_new(rec, "arrow", json_null());
		return;
	}
	d = round((json_number_value(now) - json_number_value(before)) * 100) / 100 + 0.0;
	json_object_set_new(rec, "change", json_real(d));
	json_object_set_new(rec, "arrow", json_string(d > 0 ? "↑" : d < 0 ? "↓" : "="));
}

/* The Party organisations satisfaction lists (under 60%) in the period, and how many in each
 * community (counts). */
static int listed(struct monthly *m, const struct gg_score_scope *q, json_t **out, json_t *counts)
{
	json_t *all = json_array(), *r;
	size_t i;
	int rc = gg_score_satisfaction(m->c, q->from_day, q->to_day, m->under, 0, collect, all);

	if (rc == GG_EX_FOUND)
		rc = 0;
	*out = json_array();
	json_array_foreach (all, i, r) {
		const char *community = json_string_value(json_object_get(r, "community"));
		if (strcmp(json_string_value(json_object_get(r, "verdict")), "listed"))
			continue;
		json_array_append(*out, r);
		json_object_set_new(counts, community,
				    json_integer(json_integer_value(json_object_get(counts, community)) + 1));
	}
	json_decref(all);
	return rc;
}

/* Best first: by rank (units without one last), then by code. */
static int by_rank(const void *pa, const void *pb)
{
	json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
	json_t *ra = json_object_get(a, "rank"), *rb = json_object_get(b, "rank");

	if (!ra != !rb)
		return ra ? -1 : 1;
	if (ra && json_integer_value(ra) != json_integer_value(rb))
		return json_integer_value(ra) < json_integer_value(rb) ? -1 : 1;
	return strcmp(json_string_value(json_object_get(a, "unit")), json_string_value(json_object_get(b, "unit")));
}

static json_t *sorted(json_t *recs)
{
	size_t n = json_array_size(recs), i;
	json_t **v = malloc((n ? n : 1) * sizeof *v), *out = json_array();

	for (i = 0; v && i < n; i++)
		v[i] = json_array_get(recs, i);
	if (v)
		qsort(v, n, sizeof *v, by_rank);
	for (i = 0; v && i < n; i++)
		json_array_append(out, v[i]);
	free(v);
	return out;
}

/* Each unit at level within the report's unit: its appraisal now and before, its figures;
 * best first. */
static int units(struct monthly *m, const char *level, json_t **out)
{
	struct gg_score_scope q;
	json_t *now = NULL, *before = NULL, *recs = NULL, *all = json_array(), *r;
	size_t i;
	int rc;

	*out = NULL;
	if ((rc = gg_score_scope_init(m->c, &q, m->period, level, NULL, m->under)) ||
	    (rc = gg_score_metrics(m->c, &q, figures, 0, &recs)) || (rc = appraisals(m, level, m->period, &now)) ||
	    (rc = appraisals(m, level, m->prev, &before)))
		goto done;
	json_array_foreach (recs, i, r) {
		const char *code = json_string_value(json_object_get(r, "unit"));
		json_t *a = json_object_get(now, code), *b = json_object_get(before, code);
		json_t *u = json_pack("{s:O?, s:O, s:O, s:O?}", "rank", json_object_get(a, "rank"), "unit",
				      json_object_get(r, "unit"), "name", json_object_get(r, "name"), "score",
				      json_object_get(a, "total"));
		change(u, json_object_get(a, "total"), json_object_get(b, "total"));
		json_object_set(u, "rank_prev", json_object_get(b, "rank"));
		json_object_set(u, "score_prev", json_object_get(b, "total"));
		for (const char *const *f = figures; *f; f++)
			json_object_set(u, *f, json_object_get(r, *f));
		json_array_append_new(all, u);
	}
	*out = sorted(all);
done:
	json_decref(all);
	json_decref(recs);
	json_decref(now);
	json_decref(before);
	return rc;
}

/* Each community's street (code and name), and how many Party organisations are listed in
 * each community and street. */
static int streets_of(struct monthly *m, json_t *communities, json_t *streets, json_t *listed_in)
{
	json_t *per_street = json_object(), *u;
	struct gg_stmt *st;
	size_t i;
	int rc = 0;

	json_array_foreach (communities, i, u) {
		const char *code = json_string_value(json_object_get(u, "unit"));
		json_int_t n = json_integer_value(json_object_get(listed_in, code));
		json_t *street = json_null(), *name = json_null();
		if (!(st = gg_db_named(m->c->db, "report/street-of", &m->c->err))) {
			rc = -1;
			break;
		}
		gg_stmt_bind_text(st, 1, code);
		if ((rc = gg_stmt_step(st, &m->c->err)) < 0)
			break;
		if (rc) {
			street = json_string(gg_stmt_text(st, 0));
			name = json_string(gg_stmt_text(st, 1));
			json_object_set_new(
				per_street, gg_stmt_text(st, 0),
				json_integer(json_integer_value(json_object_get(per_street, gg_stmt_text(st, 0))) + n));
		}
		json_object_set_new(u, "street", street);
		json_object_set_new(u, "street_name", name);
		json_object_set_new(u, "listed", json_integer(n));
	}
	json_array_foreach (streets, i, u)
		json_object_set_new(u, "listed",
				    json_integer(json_integer_value(json_object_get(
					    per_street, json_string_value(json_object_get(u, "unit"))))));
	json_decref(per_street);
	return rc < 0 ? m->c->err.code : 0;
}

/* The first n of recs (the last n, worst first, when last), their rank, unit, name, street and score. */
static json_t *ends(json_t *recs, size_t n, int last)
{
	size_t all = json_array_size(recs), i;
	json_t *out = json_array();

	for (i = 0; i < n && i < all; i++) {
		json_t *r = json_array_get(recs, last ? all - 1 - i : i);
		json_array_append_new(
			out, json_pack("{s:O, s:O, s:O, s:O?, s:O?}", "rank", json_object_get(r, "rank"), "unit",
				       json_object_get(r, "unit"), "name", json_object_get(r, "name"), "street_name",
				       json_object_get(r, "street_name"), "score", json_object_get(r, "score")));
	}
	return out;
}

/* The report's unit as a whole, month by month over the TREND months to the one the period
 * ends in: gg-score's ticket metrics grouped by month, the tickets read once; a month without
 * tickets has none received and no rates. */
static int trend(struct monthly *m, const char *root, json_t **out)
{
	struct gg_score_scope q;
	json_t *recs = NULL, *cols = NULL, *by_month = json_object(), *r;
	char last[16], first[16];
	int64_t to;
	size_t i;
	int rc;

	*out = NULL;
	if ((rc = gg_score_scope_init(m->c, &q, m->period, NULL, root, NULL)))
		goto done;
	gg_clock_format_date(q.to - 1, last);
	last[7] = '\0';
	if (gg_clock_period_shift(last, 1 - TREND, first) || gg_clock_period(first, &q.from, &to)) {
		rc = gg_err_set(&m->c->err, GG_EX_USAGE, "--period %s: a year before it is before 1970", m->period);
		goto done;
	}
	gg_clock_format_date(q.from, q.from_day);
	if ((rc = gg_score_ticket_metrics_by(m->c, &q, "month", trend_figures, &cols, &recs)))
		goto done;
	json_array_foreach (recs, i, r)
		json_object_set(by_month, json_string_value(json_object_get(r, "month")), r);
	*out = json_array();
	for (int k = 0; k < TREND; k++) {
		char p[16];
		gg_clock_period_shift(first, k, p);
		json_t *t = json_pack("{s:s}", "period", p), *got = json_object_get(by_month, p);
		for (const char *const *f = trend_figures; *f; f++)
			json_object_set_new(t, *f,
					    got			      ? json_incref(json_object_get(got, *f))
					    : !strcmp(*f, "received") ? json_integer(0)
								      : json_null());
		json_array_append_new(*out, t);
	}
done:
	json_decref(recs);
	json_decref(cols);
	json_decref(by_month);
	return rc;
}

/* The level each street's resolved tickets ended at: grid, community, street, department. */
static json_t *resolution(json_t *streets)
{
	json_t *out = json_array(), *u;
	size_t i;

	json_array_foreach (streets, i, u)
		json_array_append_new(out,
				      json_pack("{s:O, s:O, s:O, s:O, s:O, s:O}", "unit", json_object_get(u, "unit"),
						"name", json_object_get(u, "name"), "resolved_at_grid",
						json_object_get(u, "resolved_at_grid"), "resolved_at_community",
						json_object_get(u, "resolved_at_community"), "resolved_at_street",
						json_object_get(u, "resolved_at_street"), "resolved_at_department",
						json_object_get(u, "resolved_at_department")));
	return out;
}

/* What the report is of: the unit (--under, else the city), its name. */
static int root_of(struct monthly *m, json_t **head)
{
	struct gg_stmt *st = gg_db_named(m->c->db, "report/root", &m->c->err);
	int rc;

	if (!st)
		return m->c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "under"), m->under);
	if ((rc = gg_stmt_step(st, &m->c->err)) < 0)
		return m->c->err.code;
	if (!rc)
		return gg_err_set(&m->c->err, GG_EX_DATAERR, "the database holds no city: gg-org import one first");
	*head = json_pack("{s:s, s:s}", "unit", gg_stmt_text(st, 0), "name", gg_stmt_text(st, 1));
	return 0;
}

int gg_report_monthly(struct gg_ctx *c, const char *period, const char *under, const char *rubric, json_t **out)
{
	struct monthly m = {c, period, under, rubric ? rubric : "default", "", 0};
	struct gg_score_scope q;
	json_t *head = NULL, *listed_in = json_object(), *s = NULL, *k = NULL, *l = NULL, *t = NULL, *ranked;
	char as_of[32];
	int rc;

	*out = NULL;
	if ((rc = gg_score_scope_init(c, &q, period, "community", NULL, under)))
		goto done;
	if (gg_clock_period_shift(period, -1, m.prev)) {
		rc = gg_err_set(&c->err, GG_EX_USAGE, "--period %s: there is no period before it to compare with",
				period);
		goto done;
	}
	if ((rc = root_of(&m, &head)) || (rc = listed(&m, &q, &l, listed_in)) || (rc = units(&m, "street", &s)) ||
	    (rc = units(&m, "community", &k)) || (rc = streets_of(&m, k, s, listed_in)) ||
	    (rc = trend(&m, json_string_value(json_object_get(head, "unit")), &t)))
		goto done;
	gg_clock_format(gg_clock_now(), as_of);
	json_object_set_new(head, "period", json_string(period));
	json_object_set_new(head, "previous", json_string(m.prev));
	json_object_set_new(head, "rubric", json_string(m.rubric));
	json_object_set_new(head, "provisional", json_boolean(m.provisional));
	json_object_set_new(head, "as_of", json_string(as_of));
	ranked = json_array();
	json_t *r;
	size_t i;
	json_array_foreach (k, i, r)
		if (json_object_get(r, "rank"))
			json_array_append(ranked, r);
	*out = json_pack("{s:o, s:O, s:O, s:o, s:o, s:O, s:O, s:o}", "head", head, "streets", s, "communities", k,
			 "best", ends(ranked, 5, 0), "worst", ends(ranked, 5, 1), "listed", l, "trend", t, "resolution",
			 resolution(s));
	head = NULL;
	json_decref(ranked);
done:
	json_decref(head);
	json_decref(listed_in);
	json_decref(s);
	json_decref(k);
	json_decref(l);
	json_decref(t);
	return rc;
}
