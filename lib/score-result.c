/* SPDX-License-Identifier: Apache-2.0 */
/* score-result.c: departments' appraisal results (考核结果互认互用): a department's score of a
 * unit for a period, imported once and read by every appraisal after; a second result for the
 * same department, unit and period is refused unless it is asked to replace the first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "org.h"
#include "score.h"
#include "text.h"

static const char *const given_fields[] = {"department", "unit", "period", "score", "grade", "note", NULL};

/* A score as typed (text: the import gives a number as its text) made a number 0 to 100. */
static int score_of(json_t *v, double *score)
{
	const char *s = json_string_value(v);

	if (json_is_real(v) || json_is_integer(v)) {
		*score = json_number_value(v);
		return *score >= 0 && *score <= 100 ? 0 : -1;
	}
	return !s || gg_text_decimal(s, score) || *score > 100 ? -1 : 0;
}

/* A period as written (2026-11, 2026-Q4, 2026-W48, 2026), and a score from 0 to 100, stored as
 * the number it is. */
static int result_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	const char *period = json_string_value(json_object_get(rec, "period"));
	json_t *v = json_object_get(rec, "score");
	int64_t a, b;
	double score;

	(void)k;
	(void)old;
	if (!period || gg_clock_period(period, &a, &b))
		return gg_kind_fail(c, src, rec, "period", "'%s' is not a period: 2026, 2026-Q4, 2026-11 or 2026-W48",
				    period ? period : "");
	if (score_of(v, &score))
		return gg_kind_fail(c, src, rec, "score", "'%s' is not a score from 0 to 100",
				    json_is_string(v) ? json_string_value(v) : "?");
	json_object_set_new(rec, "score", json_real(score));
	return 0;
}

const struct gg_kind gg_result_kind = {
	.name = "result",
	.plural = "results",
	.fields =
		(const struct gg_field[]){
			{.name = "department",
			 .type = GG_F_REF,
			 .flags = GG_F_KEY | GG_F_REQUIRED,
			 .ref = &gg_dept_kind,
			 .what = "departments' appraisal results"},
			{.name = "unit",
			 .type = GG_F_REF,
			 .flags = GG_F_KEY | GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .what = "departments' appraisal results"},
			{.name = "period", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
			/* a number, but given as its text: the entity layer knows whole numbers only */
			{.name = "score", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "grade", .type = GG_F_TEXT},
			{.name = "note", .type = GG_F_TEXT},
			{.name = "imported_at", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{0},
		},
	.check = result_check,
};

/* ---- import ---- */

struct import {
	int replace;
	json_t *seen;	/* "DEPARTMENT UNIT PERIOD" → where it was first given */
	json_t *counts; /* imported, replaced, unchanged */
};

static void count(struct import *im, const char *what)
{
	json_t *n = json_object_get(im->counts, what);
	json_object_set_new(im->counts, what, json_integer(json_integer_value(n) + 1));
}

/* Whether the stored result says what rec does: the same score, grade and note. */
static int same(json_t *old, json_t *rec)
{
	static const char *const texts[] = {"grade", "note", NULL};
	double a = json_number_value(json_object_get(old, "score")), b;

	if (score_of(json_object_get(rec, "score"), &b) || a != b)
		return 0;
	for (int i = 0; texts[i]; i++) {
		const char *x = json_string_value(json_object_get(old, texts[i])),
			   *y = json_string_value(json_object_get(rec, texts[i]));
		if (y && !*y)
			y = NULL;
		if ((x || y) && !(x && y && !strcmp(x, y)))
			return 0;
	}
	return 1;
}

static int take(struct gg_ctx *c, struct import *im, json_t *rec, const struct gg_src *src)
{
	const char *key, *dept, *unit, *period;
	json_t *v, *old = NULL;
	enum gg_put what;
	char kt[512], at[512], num[64];
	int rc;

	if (!json_is_object(rec))
		return gg_kind_fail(c, src, NULL, NULL, "a department's result must be a mapping");
	json_object_foreach (rec, key, v) {
		int known = 0;
		for (int i = 0; given_fields[i]; i++)
			known |= !strcmp(key, given_fields[i]);
		if (!known)
			return gg_kind_fail(
				c, src, rec, key,
				"unknown field (a result has department, unit, period, score, grade, note)");
	}
	for (int i = 0; i < 4; i++)
		if (!json_object_get(rec, given_fields[i]) || json_is_null(json_object_get(rec, given_fields[i])))
			return gg_kind_fail(c, src, rec, NULL, "a department's result needs a %s", given_fields[i]);
	v = json_object_get(rec, "score");
	if (json_is_number(v)) { /* given to the kind as its text */
		snprintf(num, sizeof num, "%.15g", json_number_value(v));
		json_object_set_new(rec, "score", json_string(num));
	}
	v = json_object_get(rec, "period");
	if (json_is_integer(v)) { /* period: 2026 */
		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		json_object_set_new(rec, "period", json_string(num));
	}
	dept = json_string_value(json_object_get(rec, "department"));
	unit = json_string_value(json_object_get(rec, "unit"));
	period = json_string_value(json_object_get(rec, "period"));
	if (dept && unit && period) {
		snprintf(kt, sizeof kt, "%s %s %s", dept, unit, period);
		if ((v = json_object_get(im->seen, kt)))
			return gg_kind_fail(c, src, rec, NULL,
					    "the result of %s for %s in %s is given twice (first at %s)", dept, unit,
					    period, json_string_value(v));
		if (src && src->r)
			gg_reader_where(src->r, rec, "department", at, sizeof at);
		else
			snprintf(at, sizeof at, "record %zu", json_object_size(im->seen) + 1);
		json_object_set_new(im->seen, kt, json_string(at));
		if (gg_kind_get(c, &gg_result_kind,
				json_pack("{s:s,s:s,s:s}", "department", dept, "unit", unit, "period", period), &old))
			return c->err.code;
	}
	if (old && !im->replace) {
		gg_kind_fail(c, src, rec, NULL,
			     "the result of %s for %s in %s is imported already (score %g); --replace replaces it",
			     dept, unit, period, json_number_value(json_object_get(old, "score")));
		json_decref(old);
		return c->err.code;
	}
	if (old && same(old, rec)) {
		json_decref(old);
		count(im, "unchanged");
		return 0;
	}
	json_decref(old);
	for (int i = 4; given_fields[i]; i++) /* a result replaced whole: what is not given goes */
		if (!json_object_get(rec, given_fields[i]))
			json_object_set_new(rec, given_fields[i], json_null());
	json_object_set_new(rec, "imported_at", json_integer(gg_clock_now()));
	if ((rc = gg_kind_put(c, &gg_result_kind, rec, src, 0, &what, NULL)))
		return rc;
	count(im, what == GG_PUT_NEW ? "imported" : what == GG_PUT_CHANGED ? "replaced" : "unchanged");
	return 0;
}

int gg_score_result_import(struct gg_ctx *c, const char *file, int replace, json_t *counts)
{
	struct import im = {replace, json_object(), counts};
	struct gg_reader *r;
	json_t *rec;
	int rc = 0, got;

	json_object_set_new(counts, "imported", json_integer(0));
	json_object_set_new(counts, "replaced", json_integer(0));
	json_object_set_new(counts, "unchanged", json_integer(0));
	if ((rc = gg_reader_open(&r, file, &c->err))) {
		json_decref(im.seen);
		return rc;
	}
	while (!rc && (got = gg_reader_next(r, &rec, &c->err)) > 0) {
		struct gg_src src = {.r = r};
		rc = take(c, &im, rec, &src);
		gg_reader_release(r, rec);
	}
	if (!rc && got < 0)
		rc = c->err.code;
	gg_reader_close(r);
	json_decref(im.seen);
	return rc;
}

/* ---- list ---- */

int gg_score_result_list(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st = gg_db_named(c->db, "result/list", &c->err);
	char at[32];
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_name(st, "department", json_object_get(filter, "department"));
	gg_stmt_bind_name(st, "unit", json_object_get(filter, "unit"));
	gg_stmt_bind_name(st, "period", json_object_get(filter, "period"));
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st);
		gg_clock_format(json_integer_value(json_object_get(row, "imported_at")), at);
		json_object_set_new(row, "imported_at", json_string(at));
		rc = fn(c, row, arg);
		json_decref(row);
		if (rc)
			return rc;
	}
	return rc < 0 ? c->err.code : 0;
}
