/* SPDX-License-Identifier: Apache-2.0 */
/* score-survey.c: satisfaction surveys (群众满意度调查): residents' answers taken in, each one a
 * record of the survey kind, and each community Party organisation's satisfaction over a
 * period with its 95% Wilson interval, listed when under 60% (软弱涣散党组织). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "csv.h"
#include "db.h"
#include "org.h"
#include "score.h"

#define Z 1.959964 /* the normal quantile of a 95% interval */
#define SMALL 30   /* fewer responses than this are a small sample */

static const char *const answers[] = {"satisfied", "basic", "unsatisfied", NULL};

/* What an input record may hold: the kind's fields, or a household as a building and a room. */
static const char *const given_fields[] = {"community", "party_org", "date", "answer",
					   "household", "building",  "room", NULL};

/* Whether the Party organisation's unit is the community or a unit under it: 1, 0, or <0. */
static int belongs(struct gg_ctx *c, json_t *party_org, json_t *community)
{
	struct gg_stmt *st = gg_db_named(c->db, "survey/belongs", &c->err);
	int rc;

	if (!st)
		return -1;
	gg_stmt_bind_name(st, "party_org", party_org);
	gg_stmt_bind_name(st, "community", community);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return -1;
	return rc > 0 && gg_stmt_int(st, 0) > 0;
}

/* A response rates its community's Party organisation: the community's own, or one of a grid
 * or building under it; never one elsewhere, nor a joint one spanning communities. */
static int survey_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	json_t *party_org = json_object_get(rec, "party_org"), *community = json_object_get(rec, "community");
	json_t *p = NULL;
	int in;

	(void)k;
	(void)old;
	if ((in = belongs(c, party_org, community)) < 0)
		return c->err.code;
	if (in)
		return 0;
	if (gg_kind_get(c, &gg_party_kind, json_pack("{s:O}", "code", party_org), &p))
		return c->err.code;
	const char *unit = json_string_value(json_object_get(p, "unit"));
	if (unit)
		gg_kind_fail(c, src, rec, "party_org",
			     "'%s' is not a Party organisation of community '%s' (its unit is %s)",
			     json_string_value(party_org), json_string_value(community), unit);
	else
		gg_kind_fail(c, src, rec, "party_org",
			     "'%s' is not a Party organisation of community '%s' (it has no unit of its own)",
			     json_string_value(party_org), json_string_value(community));
	json_decref(p);
	return c->err.code;
}

const struct gg_kind gg_survey_kind = {
	.name = "survey",
	.plural = "survey_responses",
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "community",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "community",
			 .what = "survey responses"},
			{.name = "party_org",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_party_kind,
			 .what = "survey responses"},
			{.name = "date", .type = GG_F_DATE, .flags = GG_F_REQUIRED},
			{.name = "answer", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = answers},
			{.name = "household", .type = GG_F_TEXT},
			{.name = "imported_at", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{0},
		},
	.check = survey_check,
};

/* ---- import ---- */

/* The household a building and a room name, "BUILDING#ROOM", put in rec for them; the building
 * must be one, in the response's community. */
static int household_of(struct gg_ctx *c, json_t *rec, const struct gg_src *src)
{
	json_t *b = json_object_get(rec, "building"), *room = json_object_get(rec, "room"), *u = NULL;
	const char *bs = json_string_value(b), *rs = json_string_value(room);
	char num[32];
	int in;

	if (!b && !room)
		return 0;
	if (json_object_get(rec, "household"))
		return gg_kind_fail(c, src, rec, b ? "building" : "room",
				    "give a household, or a building and a room, not both");
	if (!b || !room)
		return gg_kind_fail(c, src, rec, b ? "building" : "room",
				    "a household is a building and a room: give both");
	if (json_is_integer(room) && src && src->r && gg_reader_lossy(src->r, rec, "room"))
		return gg_kind_fail(c, src, rec, "room",
				    "this is read as the number %" JSON_INTEGER_FORMAT
				    ", not as the text written; put it in quotes",
				    json_integer_value(room));
	if (json_is_integer(room)) { /* room: 301 */
		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(room));
		rs = num;
	}
	if (!bs || !*bs)
		return gg_kind_fail(c, src, rec, "building", "expected a building's code");
	if (!rs || !*rs || strchr(rs, '#'))
		return gg_kind_fail(c, src, rec, "room", "expected a room, as text without '#'");
	if (gg_kind_get(c, &gg_unit_kind, json_pack("{s:O}", "code", b), &u))
		return c->err.code;
	if (!u)
		return gg_kind_fail(c, src, rec, "building", "unknown unit '%s'", bs);
	const char *lv = json_string_value(json_object_get(u, "level"));
	if (!lv || strcmp(lv, "building")) {
		gg_kind_fail(c, src, rec, "building", "'%s' is a %s, not a building", bs, lv ? lv : "?");
		json_decref(u);
		return c->err.code;
	}
	json_decref(u);
	if (json_is_string(json_object_get(rec, "community"))) {
		struct gg_stmt *st = gg_db_named(c->db, "survey/in-community", &c->err);
		if (!st)
			return c->err.code;
		gg_stmt_bind_name(st, "unit", b);
		gg_stmt_bind_name(st, "community", json_object_get(rec, "community"));
		if ((in = gg_stmt_step(st, &c->err)) < 0)
			return c->err.code;
		if (!in || !gg_stmt_int(st, 0))
			return gg_kind_fail(c, src, rec, "building", "'%s' is not in community '%s'", bs,
					    json_string_value(json_object_get(rec, "community")));
	}
	size_t n = strlen(bs) + strlen(rs) + 2;
	char *h = malloc(n);
	if (!h)
		return gg_err_oom(&c->err);
	snprintf(h, n, "%s#%s", bs, rs);
	json_object_set_new(rec, "household", json_string(h));
	free(h);
	json_object_del(rec, "building");
	json_object_del(rec, "room");
	return 0;
}

/* One response as read: its fields checked, its household made, written as a new record. */
static int take(struct gg_ctx *c, json_t *rec, const struct gg_src *src)
{
	static const char *const required[] = {"community", "party_org", "date", "answer", NULL};
	const char *key, *a;
	json_t *v;
	enum gg_put what;
	char ch[128];

	if (!json_is_object(rec))
		return gg_kind_fail(c, src, NULL, NULL, "a survey response must be a mapping");
	json_object_foreach (rec, key, v) {
		int known = 0;
		for (int i = 0; given_fields[i]; i++)
			known |= !strcmp(key, given_fields[i]);
		if (!known)
			return gg_kind_fail(c, src, rec, key,
					    "unknown field (a response has community, party_org, date, answer, and "
					    "household or building and room)");
	}
	for (int i = 0; required[i]; i++) {
		v = json_object_get(rec, required[i]);
		if (!v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v)))
			return gg_kind_fail(c, src, rec, v ? required[i] : NULL, "a survey response needs %s %s",
					    i == 3 ? "an" : "a", required[i]);
	}
	if ((a = json_string_value(json_object_get(rec, "answer")))) {
		int ok = 0;
		for (int i = 0; answers[i]; i++)
			ok |= !strcmp(a, answers[i]);
		if (!ok) {
			snprintf(ch, sizeof ch, "%s, %s, %s", answers[0], answers[1], answers[2]);
			return gg_kind_fail(c, src, rec, "answer", "'%s' is not one of %s", a, ch);
		}
	}
	if (household_of(c, rec, src))
		return c->err.code;
	v = json_object_get(rec, "household");
	if (json_is_string(v) && !*json_string_value(v))
		json_object_del(rec, "household"); /* an empty cell: no household */
	json_object_set_new(rec, "imported_at", json_integer(gg_clock_now()));
	return gg_kind_put(c, &gg_survey_kind, rec, src, -1, &what, NULL);
}

/* Rows of a CSV file whose header names the fields; an empty cell is a field not given. */
static int import_csv(struct gg_ctx *c, const char *file, json_int_t *n)
{
	struct gg_csv *csv;
	json_t *header = NULL, *row;
	int rc = 0, got;

	if ((rc = gg_csv_open(&csv, file, &c->err)))
		return rc;
	if ((got = gg_csv_next(csv, &header, &c->err)) <= 0) {
		rc = got < 0 ? c->err.code : gg_err_set(&c->err, GG_EX_DATAERR, "%s: no header row", gg_csv_name(csv));
		goto done;
	}
	for (size_t i = 0; i < json_array_size(header); i++)
		for (size_t j = 0; j < i; j++)
			if (json_equal(json_array_get(header, i), json_array_get(header, j))) {
				rc = gg_err_set(&c->err, GG_EX_DATAERR, "%s:%d: the header names '%s' twice",
						gg_csv_name(csv), gg_csv_line(csv),
						json_string_value(json_array_get(header, i)));
				goto done;
			}
	while (!rc && (got = gg_csv_next(csv, &row, &c->err)) != 0) {
		if (got < 0) {
			rc = c->err.code;
			break;
		}
		json_t *rec = json_object(), *cell;
		size_t i;
		json_array_foreach (row, i, cell)
			if (*json_string_value(cell))
				json_object_set(rec, json_string_value(json_array_get(header, i)), cell);
		if ((rc = take(c, rec, NULL))) /* the message names the file and line of the row */
			rc = gg_err_prefix(&c->err, "%s:%d", gg_csv_name(csv), gg_csv_line(csv));
		else
			(*n)++;
		json_decref(rec);
		json_decref(row);
	}
done:
	json_decref(header);
	gg_csv_close(csv);
	return rc;
}

int gg_score_survey_import(struct gg_ctx *c, const char *file, int csv, json_int_t *n)
{
	struct gg_reader *r;
	json_t *rec;
	int rc = 0, got;

	*n = 0;
	if (csv)
		return import_csv(c, file, n);
	if ((rc = gg_reader_open(&r, file, &c->err)))
		return rc;
	while (!rc && (got = gg_reader_next(r, &rec, &c->err)) > 0) {
		struct gg_src src = {.r = r};
		if (!(rc = take(c, rec, &src)))
			(*n)++;
		gg_reader_release(r, rec);
	}
	if (!rc && got < 0)
		rc = c->err.code;
	gg_reader_close(r);
	return rc;
}

/* ---- satisfaction ---- */

/* A share as the percentage shown: one decimal. */
static json_t *percent(double share)
{
	return json_real(round(share * 1000) / 10);
}

/* The 95% Wilson score interval of k successes in n trials (n > 0), as shares 0 to 1. */
static void wilson(json_int_t k, json_int_t n, double *low, double *high)
{
	const double z = Z, z2 = z * z, p = (double)k / (double)n, nn = (double)n;
	double d = 1 + z2 / nn, mid = p + z2 / (2 * nn), half = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));

	*low = (mid - half) / d;
	*high = (mid + half) / d;
	if (*low < 0)
		*low = 0;
	if (*high > 1)
		*high = 1;
}

/* The row of one Party organisation's counts made the record shown: its rate and interval,
 * its verdict and whether its sample is small. 1 when it is listed. */
static int reckon(json_t *row, int strict)
{
	json_int_t n = json_integer_value(json_object_get(row, "responses")),
		   sat = json_integer_value(json_object_get(row, "satisfied")),
		   basic = json_integer_value(json_object_get(row, "basic")), k = strict ? sat : sat + basic;
	double low, high;
	/* below 60% exactly, k/n < 3/5, whatever the rounding shown */
	int listed = k * 5 < n * 3;

	wilson(k, n, &low, &high);
	json_object_set_new(row, "rate", percent((double)k / (double)n));
	json_object_set_new(row, "low", percent(low));
	json_object_set_new(row, "high", percent(high));
	json_object_set_new(row, "verdict", json_string(listed ? "listed" : low < 0.6 ? "uncertain" : "ok"));
	json_object_set_new(row, "sample", json_string(n < SMALL ? "small" : "ok"));
	return listed;
}

int gg_score_satisfaction(struct gg_ctx *c, const char *from, const char *to, const char *under, int strict,
			  int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st;
	int64_t a, b;
	int rc, listed = 0;

	if (!(st = gg_org_days_query(c, "survey/satisfaction", from, to, under, &a, &b)))
		return c->err.code;
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st);
		listed |= reckon(row, strict);
		rc = fn(c, row, arg);
		json_decref(row);
		if (rc)
			break;
	}
	if (rc < 0)
		return c->err.code;
	return rc ? rc : listed ? GG_EX_FOUND : 0;
}
