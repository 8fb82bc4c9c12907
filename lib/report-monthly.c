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

/* How many periods the trend goes back over, this one included. */
enum { TREND = 12 };

struct monthly {
	struct gg_ctx *c;
	const char *period, *under, *rubric;
	char prev[16];
	int provisional;
	int stored; /* an appraisal of the period by the rubric is stored, at either level */
};

static int collect(struct gg_ctx *c, json_t *rec, void *into)
{
	(void)c;
	return json_array_append(into, rec) ? gg_err_oom(&c->err) : 0;
}

static int descending(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x < y) - (x > y);
}

/* Ranks again by total alone, ties sharing a rank (1, 2, 2, 4): the appraisals of several
 * databases, each of which ranked only its own units. A unit's rank is one more than the
 * totals above its own, found in the totals sorted. */
static void rerank(json_t *recs)
{
	size_t i, n = json_array_size(recs);
	double *totals = malloc((n ? n : 1) * sizeof *totals);
	json_t *r;

	if (!totals)
		return;
	json_array_foreach (recs, i, r)
		totals[i] = json_number_value(json_object_get(r, "total"));
	qsort(totals, n, sizeof *totals, descending);
	json_array_foreach (recs, i, r) {
		double total = json_number_value(json_object_get(r, "total"));
		size_t lo = 0, hi = n;
		while (lo < hi) { /* the first total not above this one */
			size_t mid = (lo + hi) / 2;
			if (totals[mid] > total)
				lo = mid + 1;
			else
				hi = mid;
		}
		json_object_set_new(r, "rank", json_integer((json_int_t)lo + 1));
	}
	free(totals);
}

/* The appraisal of each unit at level for the period, by code: the one stored by the rubric,
 * else the built-in rubric's reckoned now, which stderr tells and, for the report's own
 * period, m->provisional. */
static int appraisals(struct monthly *m, const char *level, const char *period, json_t **by_unit, int *stored)
{
	json_t *recs = json_array(), *r;
	size_t i;
	int rc = gg_score_ranks(m->c, m->rubric, period, level, NULL, collect, recs);

	*stored = !rc && json_array_size(recs);
	if (!rc && !*stored && strcmp(m->rubric, "default")) {
		/* a rubric of one's own is never reckoned for it: the built-in one is another */
		json_decref(recs);
		*by_unit = json_object();
		fprintf(stderr, "%s: no appraisal of the %s by the rubric '%s' is stored for %s: %s\n", m->c->prog,
			strcmp(level, "street") ? "communities" : "streets", m->rubric, period,
			period == m->period ? "they have no score" : "no change is shown");
		return 0;
	}
	m->stored |= *stored && period == m->period;
	if (!rc && !*stored) {
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

	if (json_is_integer(ra) != json_is_integer(rb))
		return json_is_integer(ra) ? -1 : 1;
	if (json_is_integer(ra) && json_integer_value(ra) != json_integer_value(rb))
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

/* The figures the appraisals of the period at level kept (gg_score_kept), a record a unit
 * within the report's unit; *out stays NULL when one of them kept none (made by an older gg):
 * then they are counted now. */
static int kept_figures(struct monthly *m, const char *level, json_t **out)
{
	struct gg_stmt *st = gg_db_named(m->c->db, "report/figures", &m->c->err);
	json_t *recs = json_array();
	int rc;

	*out = NULL;
	if (!st) {
		json_decref(recs);
		return m->c->err.code;
	}
	gg_stmt_bind_text(st, gg_stmt_index(st, "rubric"), m->rubric);
	gg_stmt_bind_text(st, gg_stmt_index(st, "period"), m->period);
	gg_stmt_bind_text(st, gg_stmt_index(st, "level"), level);
	gg_stmt_bind_text(st, gg_stmt_index(st, "under"), m->under);
	while ((rc = gg_stmt_step(st, &m->c->err)) > 0) {
		json_t *row = gg_stmt_row(st), *f = json_object_get(row, "figures");
		if (!json_is_object(f)) {
			json_decref(row);
			gg_stmt_run(st, &m->c->err); /* the rest, unread: reset for the next use */
			json_decref(recs);
			return 0;
		}
		json_object_update(row, f);
		json_object_del(row, "figures");
		json_array_append_new(recs, row);
	}
	if (rc < 0) {
		json_decref(recs);
		return m->c->err.code;
	}
	*out = recs;
	return 0;
}

/* Each unit at level within the report's unit: its appraisal now and before, its figures,
 * those the appraisal kept (else counted now); best first. */
static int units(struct monthly *m, const char *level, json_t **out)
{
	struct gg_score_scope q;
	json_t *now = NULL, *before = NULL, *recs = NULL, *all = json_array(), *r;
	size_t i;
	int rc, stored, stored_before;

	*out = NULL;
	if ((rc = gg_score_scope_init(m->c, &q, m->period, level, NULL, m->under)) ||
	    (rc = appraisals(m, level, m->period, &now, &stored)) ||
	    (rc = appraisals(m, level, m->prev, &before, &stored_before)) ||
	    (stored && (rc = kept_figures(m, level, &recs))) ||
	    (!recs && (rc = gg_score_metrics(m->c, &q, gg_score_kept, 0, &recs))))
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
		for (const char *const *f = gg_score_kept; *f; f++)
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

/* The on-time share of counts: resolved on time of resolved, in percent to one decimal; null
 * when nothing was resolved. */
static json_t *share(json_t *on_time, json_t *resolved)
{
	double n = json_number_value(resolved);

	return n > 0 ? json_real(round(1000.0 * json_number_value(on_time) / n) / 10) : json_null();
}

/* The report's unit as a whole, month by month over the TREND months to the one the period
 * ends in: the tickets received and resolved, and the share resolved on time, summed from the
 * figures the communities' appraisals kept (report/trend.sql). The period itself, when no
 * appraisal kept its figures, is summed from the communities shown; other months kept by
 * none show nothing. */
static int trend(struct monthly *m, json_t *communities, json_t **out)
{
	struct gg_stmt *st = gg_db_named(m->c->db, "report/trend", &m->c->err);
	json_t *by_month = json_object(), *r;
	char first[16], last[16];
	int64_t from, to;
	size_t i;
	int rc;

	*out = NULL;
	if (!st) {
		json_decref(by_month);
		return m->c->err.code;
	}
	gg_clock_period(m->period, &from, &to);
	gg_clock_format_date(to - 1, last);
	last[7] = '\0';
	if (gg_clock_period_shift(last, 1 - TREND, first)) {
		json_decref(by_month);
		return gg_err_set(&m->c->err, GG_EX_USAGE, "--period %s: a year before it is before 1970", m->period);
	}
	gg_stmt_bind_text(st, gg_stmt_index(st, "rubric"), m->rubric);
	gg_stmt_bind_text(st, gg_stmt_index(st, "first"), first);
	gg_stmt_bind_text(st, gg_stmt_index(st, "last"), last);
	gg_stmt_bind_text(st, gg_stmt_index(st, "under"), m->under);
	while ((rc = gg_stmt_step(st, &m->c->err)) > 0) {
		json_t *row = gg_stmt_row(st);
		json_object_set_new(by_month, json_string_value(json_object_get(row, "period")), row);
	}
	if (rc < 0) {
		json_decref(by_month);
		return m->c->err.code;
	}
	if (!strcmp(m->period, last) && !json_object_get(by_month, last)) {
		json_int_t n[3] = {0, 0, 0};
		json_array_foreach (communities, i, r) {
			n[0] += json_integer_value(json_object_get(r, "received"));
			n[1] += json_integer_value(json_object_get(r, "resolved"));
			n[2] += json_integer_value(json_object_get(r, "resolved_on_time"));
		}
		json_object_set_new(
			by_month, last,
			json_pack("{s:I, s:I, s:I}", "received", n[0], "resolved", n[1], "resolved_on_time", n[2]));
	}
	*out = json_array();
	for (int k = 0; k < TREND; k++) {
		char p[16];
		gg_clock_period_shift(first, k, p);
		json_t *got = json_object_get(by_month, p);
		json_array_append_new(
			*out,
			json_pack("{s:s, s:O?, s:O?, s:o}", "period", p, "received", json_object_get(got, "received"),
				  "resolved", json_object_get(got, "resolved"), "on_time",
				  share(json_object_get(got, "resolved_on_time"), json_object_get(got, "resolved"))));
	}
	json_decref(by_month);
	return 0;
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

int gg_report_monthly(struct gg_ctx *c, const char *period, const char *under, const char *rubric, json_t **out)
{
	struct monthly m = {c, period, under, rubric ? rubric : "default", "", 0, 0};
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
	if ((rc = gg_report_root(c, under, 1, &head)) || (rc = listed(&m, &q, &l, listed_in)) ||
	    (rc = units(&m, "street", &s)) || (rc = units(&m, "community", &k)) ||
	    (rc = streets_of(&m, k, s, listed_in)) || (rc = trend(&m, k, &t)))
		goto done;
	if (!m.stored && strcmp(m.rubric, "default")) {
		rc = gg_err_set(
			&c->err, GG_EX_DATAERR,
			"no appraisal by the rubric '%s' is stored for %s (gg-score rank --period %s lists those "
			"that are)",
			m.rubric, period, period);
		goto done;
	}
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
		if (json_is_integer(json_object_get(r, "rank")))
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
