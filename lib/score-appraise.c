/* SPDX-License-Identifier: Apache-2.0 */
/* score-appraise.c: the appraisal of communities or streets (综合考核) by a rubric: a YAML file
 * of indicators, each a metric (or a department's result for the unit, 考核结果互认互用) with a
 * weight and a rule turning its value into points, deductions and a capped bonus. Kept per
 * unit, period and rubric with every value behind it and the rubric's digest; ranks 1, 2, 2, 4. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "embed.h"
#include "org.h"
#include "reader.h"
#include "score.h"
#include "text.h"

/* The appraisals' reference to their units, so that gg-org unit rm refuses one appraised (the
 * rows are kept by this file, whole runs at a time). */
const struct gg_kind gg_appraisal_kind = {
	.name = "appraisal",
	.plural = "appraisals",
	.flags = GG_K_NOCRUD,
	.fields =
		(const struct gg_field[]){
			{.name = "unit",
			 .type = GG_F_REF,
			 .flags = GG_F_KEY,
			 .ref = &gg_unit_kind,
			 .what = "appraisals"},
			{0},
		},
};

enum rule { LINEAR, THRESHOLD, RANK };

static json_t *appraisal_record(json_t *row, const char *rubric, const char *digest, json_t *kept);

struct indicator {
	const char *key;    /* the metric's name, or "result:DEPT" */
	const char *metric; /* NULL for a department's result */
	const char *dept;   /* the department whose result it is */
	double weight;	    /* points at full marks; for a deduction or bonus, per unit of the value */
	double max;	    /* a deduction's or bonus's most points */
	enum rule rule;
	double floor, target; /* LINEAR by target: no points at floor, all at target */
	double threshold;     /* THRESHOLD: all points at or beyond it */
	int minmax;	      /* LINEAR between the units' worst and best, not floor and target */
	int higher;	      /* higher values are better */
	int full_if_missing;  /* a unit without the value gets full marks (else none) */
};

struct rubric {
	const char *name, *level;
	char digest[65];
	struct indicator *ind, *ded, *bonus;
	size_t nind, nded, nbonus;
	double bonus_cap;
	struct indicator *tie; /* tie-break metrics, in order */
	size_t ntie;
	json_t *doc; /* what the strings above point into */
};

static void rubric_free(struct rubric *r)
{
	free(r->ind);
	free(r->ded);
	free(r->bonus);
	free(r->tie);
	json_decref(r->doc);
}

/* ---- reading the rubric ---- */

/* The first key of a mapping, whose place is the mapping's line: where a missing field is
 * reported. */
static const char *first_key(json_t *o)
{
	void *it = json_is_object(o) ? json_object_iter(o) : NULL;
	return it ? json_object_iter_key(it) : NULL;
}

/* A key of o that allowed (NULL-terminated) does not name: a typo must not change a score. */
static int known_keys(struct gg_ctx *c, struct gg_reader *rd, json_t *o, const char *what, const char *const *allowed)
{
	const char *k;
	json_t *v;

	json_object_foreach (o, k, v) {
		const char *const *a = allowed;
		while (*a && strcmp(*a, k))
			a++;
		if (!*a)
			return gg_reader_fail(rd, &c->err, o, k, "%s: not a field of %s", k, what);
	}
	return 0;
}

/* The text of o's key, NULL when it is not given; a value given that is not text is refused,
 * never taken for a default. */
static int word(struct gg_ctx *c, struct gg_reader *rd, json_t *o, const char *key, const char **out)
{
	json_t *x = json_object_get(o, key);

	*out = json_string_value(x);
	return x && !*out ? gg_reader_fail(rd, &c->err, o, key, "%s: a word, not a number or a list", key) : 0;
}

static int number(struct gg_ctx *c, struct gg_reader *rd, json_t *o, const char *key, int need, double *v)
{
	json_t *x = json_object_get(o, key);
	if (!x)
		return need ? gg_reader_fail(rd, &c->err, o, first_key(o), "%s: missing", key) : 0;
	if (!json_is_number(x))
		return json_is_string(x) ? gg_reader_fail(rd, &c->err, o, key, "%s: a number, not '%s'", key,
							  json_string_value(x))
					 : gg_reader_fail(rd, &c->err, o, key, "%s: a number", key);
	*v = json_number_value(x);
	return 0;
}

/* The direction of a metric, or of the indicator's own better: higher|lower. */
static int direction(struct gg_ctx *c, struct gg_reader *rd, json_t *o, struct indicator *in)
{
	const char *b;
	char kept[16];

	if (word(c, rd, o, "better", &b))
		return c->err.code;
	if (b && strcmp(b, "higher") && strcmp(b, "lower"))
		return gg_reader_fail(rd, &c->err, o, "better", "better: higher or lower");
	if (!b)
		b = in->metric ? gg_score_metric_better(in->metric, kept) : "higher";
	if (strcmp(b, "higher") && strcmp(b, "lower"))
		return gg_reader_fail(
			rd, &c->err, o, "metric",
			"metric: %s: neither higher nor lower is better; give the indicator better: higher or lower",
			in->metric);
	in->higher = !strcmp(b, "higher");
	return 0;
}

/* What one entry names: a metric gg-score knows, or a department's result. */
static int figure(struct gg_ctx *c, struct gg_reader *rd, json_t *o, struct indicator *in)
{
	json_t *m = json_object_get(o, "metric"), *d = json_object_get(o, "result");

	if (!json_is_object(o))
		return gg_reader_fail(rd, &c->err, o, NULL, "an indicator is a mapping (metric, weight, rule, ...)");
	if (!!m == !!d)
		return gg_reader_fail(rd, &c->err, o, m ? "result" : first_key(o),
				      "an indicator names a metric or a result (a department's), one of them");
	if (m && (!json_is_string(m) || !gg_score_metric_sql(json_string_value(m))))
		return gg_reader_fail(rd, &c->err, o, "metric",
				      "metric: no metric named '%s' (gg-score metrics --list names them)",
				      json_is_string(m) ? json_string_value(m) : "?");
	if (d && !json_is_string(d))
		return gg_reader_fail(rd, &c->err, o, "result", "result: a department's code");
	if (d) {
		json_t *dept = NULL;
		if (gg_kind_get(c, &gg_dept_kind, json_pack("{s:O}", "code", d), &dept))
			return c->err.code;
		json_decref(dept);
		if (!dept)
			return gg_reader_fail(rd, &c->err, o, "result", "result: no department '%s'",
					      json_string_value(d));
	}
	in->metric = json_string_value(m);
	in->dept = json_string_value(d);
	return 0;
}

static int read_indicator(struct gg_ctx *c, struct gg_reader *rd, json_t *o, struct indicator *in,
			  const char *normalise, int full)
{
	const char *rule, *norm, *missing;

	static const char *const fields[] = {"metric",	  "result",    "weight",  "rule",   "floor", "target",
					     "threshold", "normalise", "missing", "better", NULL};

	if (figure(c, rd, o, in) || known_keys(c, rd, o, "an indicator", fields) || word(c, rd, o, "rule", &rule) ||
	    word(c, rd, o, "normalise", &norm) || word(c, rd, o, "missing", &missing) ||
	    number(c, rd, o, "weight", 1, &in->weight))
		return c->err.code;
	if (in->weight <= 0)
		return gg_reader_fail(rd, &c->err, o, "weight", "weight: more than 0");
	if (!rule || !strcmp(rule, "linear"))
		in->rule = LINEAR;
	else if (!strcmp(rule, "threshold"))
		in->rule = THRESHOLD;
	else if (!strcmp(rule, "rank"))
		in->rule = RANK;
	else
		return gg_reader_fail(rd, &c->err, o, "rule", "rule: linear, threshold or rank, not '%s'", rule);
	norm = norm ? norm : normalise;
	if (strcmp(norm, "target") && strcmp(norm, "minmax"))
		return gg_reader_fail(rd, &c->err, o, "normalise", "normalise: target or minmax, not '%s'", norm);
	in->minmax = in->rule == LINEAR && !strcmp(norm, "minmax");
	if (missing && strcmp(missing, "zero") && strcmp(missing, "full"))
		return gg_reader_fail(rd, &c->err, o, "missing", "missing: zero or full, not '%s'", missing);
	in->full_if_missing = missing ? !strcmp(missing, "full") : full;
	if (direction(c, rd, o, in))
		return c->err.code;
	const char *stray = in->rule != THRESHOLD && json_object_get(o, "threshold")		 ? "threshold"
			    : (in->rule != LINEAR || in->minmax) && json_object_get(o, "floor")	 ? "floor"
			    : (in->rule != LINEAR || in->minmax) && json_object_get(o, "target") ? "target"
												 : NULL;
	if (stray)
		return gg_reader_fail(rd, &c->err, o, stray, "%s: not a field of a %s indicator", stray,
				      in->rule == RANK	      ? "rank"
				      : in->rule == THRESHOLD ? "threshold"
							      : "min-max");
	if (in->rule == THRESHOLD && number(c, rd, o, "threshold", 1, &in->threshold))
		return c->err.code;
	if (in->rule == LINEAR && !in->minmax) {
		if (number(c, rd, o, "floor", 1, &in->floor) || number(c, rd, o, "target", 1, &in->target))
			return c->err.code;
		if (in->floor == in->target)
			return gg_reader_fail(rd, &c->err, o, "target", "target: %g, the same as the floor",
					      in->target);
		if ((in->target > in->floor) != in->higher)
			return gg_reader_fail(
				rd, &c->err, o, "target",
				"target: %g and floor: %g: the target is the better end, and %s is better", in->target,
				in->floor, in->higher ? "higher" : "lower");
	}
	return 0;
}

/* A deduction or a bonus: points per unit of the figure, at most max. */
static int read_adjustment(struct gg_ctx *c, struct gg_reader *rd, json_t *o, struct indicator *in)
{
	static const char *const fields[] = {"metric", "result", "per", "max", NULL};

	if (figure(c, rd, o, in) || known_keys(c, rd, o, "a deduction or a bonus", fields) ||
	    number(c, rd, o, "per", 1, &in->weight) || number(c, rd, o, "max", 1, &in->max))
		return c->err.code;
	if (in->weight <= 0 || in->max <= 0)
		return gg_reader_fail(rd, &c->err, o, in->weight <= 0 ? "per" : "max", "%s: more than 0",
				      in->weight <= 0 ? "per" : "max");
	return 0;
}

static int read_list(struct gg_ctx *c, struct gg_reader *rd, json_t *doc, const char *key, struct indicator **out,
		     size_t *n, const char *normalise, int full)
{
	json_t *list = json_object_get(doc, key), *o;
	size_t i;

	if (!list)
		return 0;
	if (!json_is_array(list))
		return gg_reader_fail(rd, &c->err, doc, key, "%s: a list", key);
	if (!(*out = calloc(json_array_size(list) + 1, sizeof **out)))
		return gg_err_oom(&c->err);
	json_array_foreach (list, i, o) {
		int rc = normalise ? read_indicator(c, rd, o, &(*out)[i], normalise, full)
				   : read_adjustment(c, rd, o, &(*out)[i]);
		if (rc)
			return rc;
		for (size_t j = 0; j < i; j++) {
			const struct indicator *a = &(*out)[j], *b = &(*out)[i];
			if (a->metric ? b->metric && !strcmp(a->metric, b->metric)
				      : b->dept && !strcmp(a->dept, b->dept))
				return gg_reader_fail_i(rd, &c->err, list, i, "%s: named twice in %s",
							b->metric ? b->metric : b->dept, key);
		}
	}
	*n = json_array_size(list);
	return 0;
}

static int read_rubric(struct gg_ctx *c, struct gg_reader *rd, struct rubric *r)
{
	json_t *doc = NULL, *tie;
	int n = gg_reader_next(rd, &doc, &c->err);
	const char *norm, *missing;
	double sum = 0;

	if (n <= 0)
		return n < 0 ? c->err.code
			     : gg_err_set(&c->err, GG_EX_DATAERR, "%s: no rubric in it", gg_reader_name(rd));
	static const char *const fields[] = {"name",	   "level", "normalise", "missing",   "indicators",
					     "deductions", "bonus", "bonus_cap", "tie_break", NULL};

	r->doc = doc;
	if (!json_is_object(doc))
		return gg_reader_fail(rd, &c->err, doc, NULL, "a rubric is a mapping: name, level, indicators, ...");
	if (known_keys(c, rd, doc, "a rubric", fields))
		return c->err.code;
	if (word(c, rd, doc, "name", &r->name) || word(c, rd, doc, "level", &r->level) ||
	    word(c, rd, doc, "normalise", &norm) || word(c, rd, doc, "missing", &missing))
		return c->err.code;
	if (!r->name || !*r->name)
		return gg_reader_fail(rd, &c->err, doc, json_object_get(doc, "name") ? "name" : NULL, "name: missing");
	if (r->level && strcmp(r->level, "community") && strcmp(r->level, "street"))
		return gg_reader_fail(rd, &c->err, doc, "level", "level: community or street, not '%s'", r->level);
	if (missing && strcmp(missing, "zero") && strcmp(missing, "full"))
		return gg_reader_fail(rd, &c->err, doc, "missing", "missing: zero or full, not '%s'", missing);
	if (!json_array_size(json_object_get(doc, "indicators")))
		return gg_reader_fail(rd, &c->err, doc, json_object_get(doc, "indicators") ? "indicators" : NULL,
				      "indicators: a list of at least one");
	if (read_list(c, rd, doc, "indicators", &r->ind, &r->nind, norm ? norm : "target",
		      missing && !strcmp(missing, "full")) ||
	    read_list(c, rd, doc, "deductions", &r->ded, &r->nded, NULL, 0) ||
	    read_list(c, rd, doc, "bonus", &r->bonus, &r->nbonus, NULL, 0) ||
	    number(c, rd, doc, "bonus_cap", 0, &r->bonus_cap))
		return c->err.code;
	for (size_t i = 0; i < r->nind; i++)
		sum += r->ind[i].weight;
	if (fabs(sum - 100) > 1e-9)
		return gg_reader_fail(rd, &c->err, doc, "indicators", "indicators: their weights sum to %g, not 100",
				      sum);
	if (r->bonus_cap < 0)
		return gg_reader_fail(rd, &c->err, doc, "bonus_cap", "bonus_cap: 0 or more");
	if (r->nbonus && !json_object_get(doc, "bonus_cap"))
		return gg_reader_fail(rd, &c->err, doc, "bonus", "bonus: needs bonus_cap, the most the bonuses add");
	tie = json_object_get(doc, "tie_break");
	if (tie && !json_is_array(tie))
		return gg_reader_fail(rd, &c->err, doc, "tie_break", "tie_break: a list of metrics");
	if (!(r->tie = calloc(json_array_size(tie) + 1, sizeof *r->tie)))
		return gg_err_oom(&c->err);
	for (size_t i = 0; i < json_array_size(tie); i++) {
		const char *m = json_string_value(json_array_get(tie, i));
		char kept[16];
		const char *b = m ? gg_score_metric_better(m, kept) : NULL;
		if (!b)
			return gg_reader_fail_i(rd, &c->err, tie, i,
						"tie_break: no metric named '%s' (gg-score metrics --list names them)",
						m ? m : "?");
		if (strcmp(b, "higher") && strcmp(b, "lower"))
			return gg_reader_fail_i(
				rd, &c->err, tie, i,
				"tie_break: %s: neither higher nor lower is better, so it breaks no tie", m);
		r->tie[i] = (struct indicator){.metric = m, .higher = !strcmp(b, "higher")};
	}
	r->ntie = json_array_size(tie);
	return 0;
}

/* All of f, into *bytes (the caller's to free): -1 when it could not be read. */
static int slurp(FILE *f, char **bytes, size_t *len)
{
	FILE *m = open_memstream(bytes, len);
	char buf[8192];
	size_t n;

	if (!m)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		fwrite(buf, 1, n, m);
	int bad = ferror(f);
	return fclose(m) || bad ? -1 : 0;
}

/* The rubric in path (- for stdin), or the one built in (share/gg/rubrics/default.yaml) when
 * path is NULL, read once: its bytes' SHA-256 is the digest kept beside the results. */
static int load_rubric(struct gg_ctx *c, const char *path, struct rubric *r)
{
	const char *name = !path ? "rubrics/default.yaml (built in)" : strcmp(path, "-") ? path : "stdin";
	struct gg_reader *rd;
	char *bytes = NULL;
	size_t len = 0;
	FILE *f = NULL;
	int rc = 0;

	memset(r, 0, sizeof *r);
	if (!path) {
		const char *text = gg_embed_get("rubrics/default.yaml");
		len = strlen(text);
		if (!(bytes = malloc(len + 1)))
			return gg_err_oom(&c->err);
		memcpy(bytes, text, len + 1);
	} else {
		if (!strcmp(path, "-") && gg_reader_stdin(&c->err))
			return c->err.code;
		f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
		if (!f)
			return gg_err_set(&c->err, GG_EX_NOINPUT, "cannot open '%s': %s", path, strerror(errno));
		errno = 0;
		if (slurp(f, &bytes, &len)) {
			int e = errno;
			rc = gg_err_set(&c->err, GG_EX_NOINPUT, "cannot read '%s': %s", name,
					e ? strerror(e) : "read error");
		}
		if (f != stdin)
			fclose(f);
	}
	if (!rc && !len)
		rc = gg_err_set(&c->err, GG_EX_DATAERR, "%s: no rubric in it", name);
	if (!rc && gg_text_digest(bytes, len, r->digest))
		rc = gg_err_oom(&c->err);
	if (!rc && !(f = fmemopen(bytes, len ? len : 1, "r")))
		rc = gg_err_oom(&c->err);
	if (!rc && gg_reader_open_stream(&rd, f, name, &c->err)) {
		fclose(f);
		rc = c->err.code;
	} else if (!rc) {
		json_t *more = NULL;
		gg_reader_keep(rd, 1);
		rc = read_rubric(c, rd, r);
		if (!rc && gg_reader_next(rd, &more, &c->err) != 0)
			rc = more ? gg_reader_fail(rd, &c->err, more, NULL,
						   "a rubric is one document: this is a second")
				  : c->err.code;
		json_decref(more);
		gg_reader_close(rd);
		fclose(f);
	}
	free(bytes);
	return rc;
}

/* ---- scoring ---- */

/* The value of an indicator for the unit record: its metric, or the department's result. */
static json_t *value_of(const struct indicator *in, json_t *rec)
{
	if (in->metric)
		return json_object_get(rec, in->metric);
	return json_object_get(json_object_get(rec, "results"), in->dept);
}

/* better than: 1 when a is a better value than b for the indicator */
static int better(const struct indicator *in, double a, double b)
{
	return in->higher ? a > b : a < b;
}

/* The share (0 to 1) of an indicator's points the value earns among all units' values. */
static double share(const struct indicator *in, json_t *v, json_t *units)
{
	double x = json_number_value(v), worst = NAN, best = NAN;
	size_t i, n = 0, ahead = 0;
	json_t *u;

	if (!json_is_number(v))
		return in->full_if_missing;
	switch (in->rule) {
	case THRESHOLD:
		return x == in->threshold || better(in, x, in->threshold);
	case RANK:
		json_array_foreach (units, i, u) {
			json_t *w = value_of(in, u);
			if (!json_is_number(w))
				continue;
			n++;
			ahead += better(in, json_number_value(w), x);
		}
		return n < 2 ? 1 : (double)(n - 1 - ahead) / (double)(n - 1);
	case LINEAR:
		if (in->minmax) {
			json_array_foreach (units, i, u) {
				json_t *w = value_of(in, u);
				if (!json_is_number(w))
					continue;
				double y = json_number_value(w);
				if (isnan(best) || better(in, y, best))
					best = y;
				if (isnan(worst) || better(in, worst, y))
					worst = y;
			}
			return best == worst ? 1 : (x - worst) / (best - worst);
		}
		double s = (x - in->floor) / (in->target - in->floor);
		return s < 0 ? 0 : s > 1 ? 1 : s;
	}
	return 0;
}

/* To the hundredth, never -0. */
static double round2(double x)
{
	double r = round(x * 100) / 100;
	return r == 0 ? 0 : r;
}

/* Points per unit of the figure, at most max: a deduction or a bonus. */
static double adjust(const struct indicator *a, size_t n, json_t *rec, json_t *detail, const char *what)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++) {
		json_t *v = value_of(&a[i], rec);
		double p = json_is_number(v) ? json_number_value(v) * a[i].weight : 0;
		p = p < 0 ? 0 : p > a[i].max ? a[i].max : p;
		sum += p;
		json_array_append_new(detail,
				      json_pack("{s:s, s:s, s:O, s:f}", what, a[i].metric ? a[i].metric : a[i].dept,
						"kind", a[i].metric ? "metric" : "result", "value", v ? v : json_null(),
						"points", round2(p)));
	}
	return sum;
}

/* Each unit's indicators, points and total, in its record. */
static void score(const struct rubric *r, json_t *units)
{
	size_t i;
	json_t *u;

	json_array_foreach (units, i, u) {
		json_t *ind = json_array(), *adj = json_array();
		double total = 0;
		for (size_t k = 0; k < r->nind; k++) {
			const struct indicator *in = &r->ind[k];
			json_t *v = value_of(in, u);
			double s = share(in, v, units), p = s * in->weight;
			total += p;
			json_array_append_new(
				ind, json_pack("{s:s, s:s, s:O, s:f, s:f, s:f}", in->metric ? "metric" : "result",
					       in->metric ? in->metric : in->dept, "rule",
					       in->rule == RANK	       ? "rank"
					       : in->rule == THRESHOLD ? "threshold"
					       : in->minmax	       ? "minmax"
								       : "linear",
					       "value", v ? v : json_null(), "score", round(s * 10000) / 10000,
					       "weight", in->weight, "points", round2(p)));
		}
		double bonus = adjust(r->bonus, r->nbonus, u, adj, "bonus");
		bonus = bonus > r->bonus_cap ? r->bonus_cap : bonus;
		double off = adjust(r->ded, r->nded, u, adj, "deduction");
		json_object_set_new(u, "total", json_real(round2(total + bonus - off)));
		json_object_set_new(u, "bonus", json_real(round2(bonus)));
		json_object_set_new(u, "deductions", json_real(round2(off)));
		json_object_set_new(u, "indicators", ind);
		json_object_set_new(u, "adjustments", adj);
	}
}

/* The order of ranks: a higher total first, then the tie-break metrics in order (a unit
 * without the value after one with it), then the code, which decides no rank. */
static int tied(const void *pa, const void *pb, const struct rubric *r, int by_code)
{
	json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
	double ta = json_real_value(json_object_get(a, "total")), tb = json_real_value(json_object_get(b, "total"));

	if (ta != tb)
		return ta > tb ? -1 : 1;
	for (size_t t = 0; t < r->ntie; t++) {
		const struct indicator *in = &r->tie[t];
		json_t *va = json_object_get(a, in->metric), *vb = json_object_get(b, in->metric);
		if (!json_is_number(va) || !json_is_number(vb)) {
			if (json_is_number(va) != json_is_number(vb))
				return json_is_number(va) ? -1 : 1;
			continue;
		}
		double x = json_number_value(va), y = json_number_value(vb);
		if (x != y)
			return better(in, x, y) ? -1 : 1;
	}
	return by_code ? strcmp(json_string_value(json_object_get(a, "unit")),
				json_string_value(json_object_get(b, "unit")))
		       : 0;
}

static int by_rank(const void *a, const void *b, void *rubric)
{
	return tied(a, b, rubric, 1);
}

/* Ranks by standard competition: units tied on the total and every tie-break share a rank,
 * and the next rank skips as many (1, 2, 2, 4). */
static int rank(struct gg_ctx *c, const struct rubric *r, json_t *units)
{
	size_t n = json_array_size(units);
	json_t **v = malloc((n ? n : 1) * sizeof *v);

	if (!v)
		return gg_err_oom(&c->err);
	for (size_t i = 0; i < n; i++)
		v[i] = json_array_get(units, i);
	qsort_r(v, n, sizeof *v, by_rank, (void *)r);
	for (size_t i = 0; i < n; i++) {
		size_t at = i && !tied(&v[i - 1], &v[i], r, 0)
				    ? (size_t)json_integer_value(json_object_get(v[i - 1], "rank"))
				    : i + 1;
		json_object_set_new(v[i], "rank", json_integer((json_int_t)at));
	}
	for (size_t i = 0; i < n; i++)
		json_incref(v[i]);
	json_array_clear(units);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(units, v[i]);
	free(v);
	return 0;
}

/* Each unit's departments' results for the period (as written: 2026-11), under "results". */
static int results(struct gg_ctx *c, const struct rubric *r, const char *period, json_t *units)
{
	size_t i;
	json_t *u;

	for (size_t k = 0; k < r->nind + r->nded + r->nbonus; k++) {
		const struct indicator *in = k < r->nind	     ? &r->ind[k]
					     : k < r->nind + r->nded ? &r->ded[k - r->nind]
								     : &r->bonus[k - r->nind - r->nded];
		if (!in->dept)
			continue;
		json_array_foreach (units, i, u) {
			struct gg_stmt *st = gg_db_named(c->db, "score/result", &c->err);
			if (!st)
				return c->err.code;
			gg_stmt_bind_text(st, 1, in->dept);
			gg_stmt_bind_text(st, 2, json_string_value(json_object_get(u, "unit")));
			gg_stmt_bind_text(st, 3, period);
			int rc = gg_stmt_step(st, &c->err);
			if (rc < 0)
				return c->err.code;
			json_t *res = json_object_get(u, "results"), *row = rc > 0 ? gg_stmt_row(st) : NULL;
			if (!res)
				json_object_set_new(u, "results", res = json_object());
			json_object_set(res, in->dept, row ? json_object_get(row, "score") : json_null());
			json_decref(row);
		}
	}
	return 0;
}

const char *const gg_score_kept[] = {"received",
				     "resolved",
				     "resolved_on_time",
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

/* The metrics an appraisal reads: the rubric's, and those kept with it (gg_score_kept),
 * NULL-terminated (names borrowed). */
static const char **needed(const struct rubric *r)
{
	size_t kept = sizeof gg_score_kept / sizeof *gg_score_kept - 1;
	size_t n = r->nind + r->nded + r->nbonus + r->ntie, k = 0;
	const char **names = calloc(n + kept + 1, sizeof *names);

	for (size_t i = 0; names && i < kept; i++)
		names[k++] = gg_score_kept[i];

	for (size_t i = 0; names && i < n; i++) {
		const struct indicator *in = i < r->nind	     ? &r->ind[i]
					     : i < r->nind + r->nded ? &r->ded[i - r->nind]
					     : i < r->nind + r->nded + r->nbonus
						     ? &r->bonus[i - r->nind - r->nded]
						     : &r->tie[i - r->nind - r->nded - r->nbonus];
		if (in->metric)
			names[k++] = in->metric;
	}
	return names;
}

/* Appraisals by a rubric of the same name made from another file are replaced only when asked:
 * an edited rubric, or someone's own named like another's, must not overwrite results unseen. */
static int same_rubric(struct gg_ctx *c, const struct rubric *r, const struct gg_score_scope *q, int replace)
{
	struct gg_stmt *st = gg_db_named(c->db, "score/digests", &c->err);
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_text(st, 1, r->name);
	gg_stmt_bind_text(st, 2, q->period);
	gg_stmt_bind_text(st, 3, q->level);
	while ((rc = gg_stmt_step(st, &c->err)) > 0)
		if (strcmp(gg_stmt_text(st, 0), r->digest) && !replace)
			return gg_err_set(
				&c->err, GG_EX_DATAERR,
				"the %s appraisals of %s by the rubric '%s' were made from another file (digest "
				"%.12s…): --replace replaces them",
				q->level, q->period, r->name, gg_stmt_text(st, 0));
	return rc < 0 ? c->err.code : 0;
}

static int store(struct gg_ctx *c, const struct rubric *r, const struct gg_score_scope *q, json_t *units)
{
	struct gg_stmt *st;
	size_t i;
	json_t *u;

	if (!(st = gg_db_named(c->db, "score/clear", &c->err)))
		return c->err.code;
	gg_stmt_bind_text(st, 1, r->name);
	gg_stmt_bind_text(st, 2, q->period);
	gg_stmt_bind_text(st, 3, q->level);
	if (gg_stmt_run(st, &c->err))
		return c->err.code;
	int64_t replaced = gg_db_changes(c->db);
	json_array_foreach (units, i, u) {
		if (!(st = gg_db_named(c->db, "score/put", &c->err)))
			return c->err.code;
		json_t *ind = json_pack("{s:O, s:O, s:O, s:O}", "indicators", json_object_get(u, "indicators"),
					"adjustments", json_object_get(u, "adjustments"), "bonus",
					json_object_get(u, "bonus"), "deductions", json_object_get(u, "deductions"));
		gg_stmt_bind_text(st, 1, r->name);
		gg_stmt_bind_text(st, 2, q->period);
		gg_stmt_bind_text(st, 3, q->level);
		gg_stmt_bind_text(st, 4, json_string_value(json_object_get(u, "unit")));
		gg_stmt_bind_json(st, 5, json_object_get(u, "total"));
		gg_stmt_bind_int(st, 6, json_integer_value(json_object_get(u, "rank")));
		gg_stmt_bind_json(st, 7, ind);
		gg_stmt_bind_text(st, 8, r->digest);
		gg_stmt_bind_int(st, 9, gg_clock_now());
		json_t *kept = json_object();
		for (const char *const *f = gg_score_kept; *f; f++)
			json_object_set(kept, *f, json_object_get(u, *f));
		gg_stmt_bind_json(st, 10, kept);
		json_decref(kept);
		json_decref(ind);
		if (gg_stmt_run(st, &c->err))
			return c->err.code;
	}
	json_t *ch = json_pack("{s:s, s:s, s:s, s:s, s:s, s:I, s:I}", "op", "appraise", "rubric", r->name, "period",
			       q->period, "level", q->level, "digest", r->digest, "units",
			       (json_int_t)json_array_size(units), "replaced", (json_int_t)replaced);
	int rc = gg_audit(c, ch);
	json_decref(ch);
	return rc;
}

/* Every unit at q's level appraised by r: its metrics, results, points, total and rank. */
static int reckon(struct gg_ctx *c, const struct rubric *r, const struct gg_score_scope *q, json_t **units)
{
	const char **names = needed(r);
	int rc;

	*units = NULL;
	if (!names)
		return gg_err_oom(&c->err);
	if (!(rc = gg_score_metrics(c, q, names, 0, units)) && !(rc = results(c, r, q->period, *units))) {
		score(r, *units);
		rc = rank(c, r, *units);
	}
	free(names);
	return rc;
}

/* The units' appraisals as records, best first. */
static json_t *records(const struct rubric *r, json_t *units)
{
	json_t *out = json_array(), *u;
	size_t i;

	json_array_foreach (units, i, u) {
		json_t *kept = json_pack("{s:O, s:O, s:O, s:O}", "indicators", json_object_get(u, "indicators"),
					 "adjustments", json_object_get(u, "adjustments"), "bonus",
					 json_object_get(u, "bonus"), "deductions", json_object_get(u, "deductions"));
		json_array_append_new(out, appraisal_record(u, r->name, r->digest, kept));
		json_decref(kept);
	}
	return out;
}

int gg_score_appraise(struct gg_ctx *c, const char *rubric, const char *period, const char *level, int replace,
		      json_t **out)
{
	struct rubric r;
	struct gg_score_scope q;
	json_t *units = NULL;
	int rc;

	*out = NULL;
	memset(&r, 0, sizeof r);
	if (level && strcmp(level, "community") && strcmp(level, "street")) {
		rc = gg_err_set(&c->err, GG_EX_USAGE, "--level: appraisals are of communities or streets, not '%s'",
				level);
		goto done;
	}
	if ((rc = load_rubric(c, rubric, &r)))
		goto done;
	if (level && r.level && strcmp(level, r.level)) {
		rc = gg_err_set(&c->err, GG_EX_USAGE, "--level %s: the rubric '%s' is for the %s level", level, r.name,
				r.level);
		goto done;
	}
	if ((rc = gg_score_scope_init(c, &q, period, level ? level : r.level, NULL, NULL)) ||
	    (rc = same_rubric(c, &r, &q, replace)) || (rc = reckon(c, &r, &q, &units)) ||
	    (rc = store(c, &r, &q, units)))
		goto done;
	*out = records(&r, units);
done:
	json_decref(units);
	rubric_free(&r);
	return rc;
}

int gg_score_appraise_draft(struct gg_ctx *c, const char *period, const char *level, json_t **out)
{
	struct rubric r;
	struct gg_score_scope q;
	json_t *units = NULL;
	int rc;

	*out = NULL;
	memset(&r, 0, sizeof r);
	if (!(rc = load_rubric(c, NULL, &r)) && !(rc = gg_score_scope_init(c, &q, period, level, NULL, NULL)) &&
	    !(rc = reckon(c, &r, &q, &units)))
		*out = records(&r, units);
	json_decref(units);
	rubric_free(&r);
	return rc;
}

/* The record of a unit's appraisal: rank, unit, name, level, period, total, each indicator's
 * points, bonus, deductions, then what lies behind them (kept: indicators, adjustments). */
static json_t *appraisal_record(json_t *row, const char *rubric, const char *digest, json_t *kept)
{
	json_t *r = json_pack("{s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:s}", "rank", json_object_get(row, "rank"), "unit",
			      json_object_get(row, "unit"), "name", json_object_get(row, "name"), "level",
			      json_object_get(row, "level"), "period", json_object_get(row, "period"), "total",
			      json_object_get(row, "total"), "rubric", rubric);
	json_t *ind = json_object_get(kept, "indicators"), *x;
	size_t i;

	/* each indicator's points as a field of its own, for tsv, csv and table */
	json_array_foreach (ind, i, x) {
		const char *m = json_string_value(json_object_get(x, "metric"));
		char key[160];
		if (!m)
			snprintf(key, sizeof key, "result:%s", json_string_value(json_object_get(x, "result")));
		json_object_set(r, m ? m : key, json_object_get(x, "points"));
	}
	json_object_set(r, "bonus", json_object_get(kept, "bonus"));
	json_object_set(r, "deductions", json_object_get(kept, "deductions"));
	json_object_set(r, "indicators", ind);
	json_object_set(r, "adjustments", json_object_get(kept, "adjustments"));
	json_object_set_new(r, "digest", json_string(digest));
	return r;
}

int gg_score_ranks(struct gg_ctx *c, const char *rubric, const char *period, const char *level, const char *under,
		   int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_score_scope q;
	struct gg_stmt *st;
	int rc;

	/* the level, the period and the unit checked as appraise and metrics check them */
	if (level && strcmp(level, "community") && strcmp(level, "street"))
		return gg_err_set(&c->err, GG_EX_USAGE, "--level: appraisals are of communities or streets, not '%s'",
				  level);
	if (gg_score_scope_init(c, &q, period, level ? level : "community", NULL, under))
		return c->err.code;
	if (!(st = gg_db_named(c->db, "score/ranks", &c->err)))
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "rubric"), rubric);
	gg_stmt_bind_text(st, gg_stmt_index(st, "period"), period);
	gg_stmt_bind_text(st, gg_stmt_index(st, "level"), level);
	gg_stmt_bind_text(st, gg_stmt_index(st, "under"), under);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st);
		json_t *r = appraisal_record(row, rubric, json_string_value(json_object_get(row, "digest")),
					     json_object_get(row, "indicators"));
		json_decref(row);
		rc = fn(c, r, arg);
		json_decref(r);
		if (rc)
			return rc;
	}
	return rc < 0 ? c->err.code : 0;
}
