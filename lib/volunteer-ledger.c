/* SPDX-License-Identifier: Apache-2.0 */
/* volunteer-ledger.c: the hours ledger (服务时长), an append-only kind: a service served, a
 * community worker's verification of it, and the reversing entry that is the only way to
 * correct one. Every row carries the volunteer, the community served and the day, so totals
 * over millions of rows are one scan of one table. On it: verified hours by group, the star
 * levels they reach (share/gg/stars.yaml), and numbered certificates of them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "org.h"
#include "reader.h"
#include "text.h"
#include "volunteer.h"

static const char *const entries[] = {"service", "verify", "reverse", NULL};

/* A row served with a team is served in the team's community. */
static int service_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	json_t *team = json_object_get(rec, "team"), *t = NULL;
	int rc = 0;

	(void)k;
	(void)old;
	if (!json_is_string(team) || gg_kind_get(c, &gg_team_kind, json_pack("{s:O}", "code", team), &t) || !t)
		return c->err.code; /* an unknown team is named by the reference's own check */
	if (!json_equal(json_object_get(t, "community"), json_object_get(rec, "community")))
		rc = gg_kind_fail(c, src, rec, "team", "team '%s' is of %s, not of %s where the service was",
				  json_string_value(team), json_string_value(json_object_get(t, "community")),
				  json_string_value(json_object_get(rec, "community")));
	json_decref(t);
	return rc;
}

const struct gg_kind gg_service_kind = {
	.name = "service",
	.plural = "services",
	.flags = GG_K_APPEND,
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "entry", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = entries},
			{.name = "ref", .type = GG_F_INT},
			{.name = "volunteer",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_volunteer_kind,
			 .what = "rows of the hours ledger"},
			{.name = "community",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "community",
			 .what = "rows of the hours ledger"},
			{.name = "date", .type = GG_F_DATE, .flags = GG_F_REQUIRED},
			{.name = "minutes", .type = GG_F_INT, .flags = GG_F_REQUIRED | GG_F_SIGNED},
			{.name = "counted", .type = GG_F_BOOL},
			{.name = "activity", .type = GG_F_INT},
			{.name = "order_id", .type = GG_F_INT},
			{.name = "team", .type = GG_F_REF, .ref = &gg_team_kind, .what = "rows of the hours ledger"},
			{.name = "verified_by",
			 .type = GG_F_REF,
			 .ref = &gg_person_kind,
			 .what = "rows of the hours ledger (as verifier)"},
			{.name = "note", .type = GG_F_TEXT},
			{.name = "at", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{0},
		},
	.check = service_check,
};

/* A certificate as the entity layer sees it: only its volunteer, so that a volunteer who was
 * issued one is not removed. Certificates are issued by gg_volunteer_certificate. */
const struct gg_kind gg_certificate_kind = {
	.name = "certificate",
	.plural = "certificates",
	.flags = GG_K_NOCRUD,
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "volunteer",
			 .type = GG_F_REF,
			 .ref = &gg_volunteer_kind,
			 .what = "service certificates"},
			{0},
		},
};

/* Whether a volunteer's services of a day (those not reversed) would pass 24 hours with m
 * minutes more: 65 naming the day, the only way a day's rows could add up past one. */
static int day_full(struct gg_ctx *c, json_t *row, json_int_t m)
{
	struct gg_stmt *st = gg_db_named(c->db, "service/day", &c->err);
	json_int_t had;

	if (!st)
		return c->err.code;
	gg_stmt_bind_name(st, "volunteer", json_object_get(row, "volunteer"));
	gg_stmt_bind_name(st, "date", json_object_get(row, "date"));
	if (gg_stmt_step(st, &c->err) < 0)
		return c->err.code;
	had = gg_stmt_int(st, 0);
	if (had + m <= 24 * 60)
		return 0;
	return gg_err_set(&c->err, GG_EX_DATAERR,
			  "'%s' has %.2f hours of service on %s already: %.2f more would make the day longer than "
			  "24 hours",
			  json_string_value(json_object_get(row, "volunteer")), (double)had / 60,
			  json_string_value(json_object_get(row, "date")), (double)m / 60);
}

int gg_volunteer_ledger_add(struct gg_ctx *c, json_t *row, json_int_t *id)
{
	json_t *out = NULL;
	enum gg_put what;
	json_int_t m = json_integer_value(json_object_get(row, "minutes"));
	int rc;

	if (!json_object_get(row, "at"))
		json_object_set_new(row, "at", json_integer(gg_clock_now()));
	if (m < -24 * 60 || m > 24 * 60)
		return gg_err_set(&c->err, GG_EX_DATAERR, "a row of the hours ledger holds at most 24 hours, not %.2f",
				  (double)m / 60);
	if (!strcmp(json_string_value(json_object_get(row, "entry")), "service") && day_full(c, row, m))
		return c->err.code;
	if ((rc = gg_kind_put(c, &gg_service_kind, row, NULL, -1, &what, &out)))
		return rc;
	if (id)
		*id = json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	return 0;
}

/* ---- rows a user writes: log, its reversal, verification ---- */

int gg_volunteer_minutes(struct gg_ctx *c, const char *opt, const char *hours, json_int_t *minutes)
{
	double h;

	if (gg_text_decimal(hours + (*hours == '-' || *hours == '+'), &h))
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "%s: '%s' is not a number of hours (1.5 is an hour and a half)", opt, hours);
	if (*hours == '-')
		h = -h;
	if (h < 0)
		return gg_err_set(
			&c->err, GG_EX_DATAERR,
			"%s: %s hours: hours served are never negative (a row is corrected with log --reverse)", opt,
			hours);
	if (h > 24)
		return gg_err_set(&c->err, GG_EX_DATAERR, "%s: %s hours: a row holds at most 24, a day's", opt, hours);
	*minutes = (json_int_t)(h * 60 + 0.5);
	if (*minutes == 0)
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "%s: %s hours: hours served are more than 0 (a minute at least)", opt, hours);
	return 0;
}

/* A row of the ledger with what was done to it since (service/state.sql): verified_in and
 * reversed_in, the ids of the rows that did. 65 naming the record when there is none. */
static int row_state(struct gg_ctx *c, json_int_t id, json_t **row)
{
	struct gg_stmt *st = gg_db_named(c->db, "service/state", &c->err);
	int rc;

	*row = NULL;
	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, gg_stmt_index(st, "id"), id);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (rc == 0)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no row %lld in the hours ledger", (long long)id);
	*row = gg_stmt_row(st);
	return 0;
}

static json_int_t num(json_t *row, const char *field)
{
	return json_integer_value(json_object_get(row, field));
}

static const char *text(json_t *row, const char *field)
{
	return json_string_value(json_object_get(row, field));
}

/* A new row about `of`: its volunteer, community, day and what it was served at, copied. */
static json_t *row_about(json_t *of, const char *entry)
{
	static const char *const copied[] = {"volunteer", "community", "date", "activity", "order_id", "team", NULL};
	json_t *row = json_pack("{s:s,s:I}", "entry", entry, "ref", num(of, "id")), *v;

	for (int i = 0; copied[i]; i++)
		if ((v = json_object_get(of, copied[i])))
			json_object_set(row, copied[i], v);
	return row;
}

int gg_volunteer_log(struct gg_ctx *c, json_t *args, json_int_t *id)
{
	const char *who = text(args, "volunteer"), *date = text(args, "date");
	json_t *vol = NULL, *row, *v;
	json_int_t minutes;
	int64_t t;
	char today[16];
	int rc;

	if (gg_volunteer_minutes(c, "--hours", text(args, "hours"), &minutes))
		return c->err.code;
	if (gg_clock_parse_date(date, &t))
		return gg_err_set(&c->err, GG_EX_DATAERR, "--date: '%s' is not a date (YYYY-MM-DD)", date);
	gg_clock_format_date(gg_clock_now(), today);
	if (strcmp(date, today) > 0)
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "--date: %s is after today (%s): hours are logged once served", date, today);
	if (gg_kind_get(c, &gg_volunteer_kind, json_pack("{s:s}", "person", who), &vol))
		return c->err.code;
	if (!vol)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no volunteer '%s' (gg-volunteer add --person %s makes one)",
				  who, who);
	row = json_pack("{s:s,s:s,s:O,s:s,s:I,s:b}", "entry", "service", "volunteer", who, "community",
			json_object_get(args, "community") ? json_object_get(args, "community")
							   : json_object_get(vol, "home_community"),
			"date", date, "minutes", minutes, "counted", 0);
	json_decref(vol);
	if ((v = json_object_get(args, "team")))
		json_object_set(row, "team", v);
	if ((v = json_object_get(args, "note")))
		json_object_set(row, "note", v);
	rc = gg_volunteer_ledger_add(c, row, id);
	json_decref(row);
	return rc;
}

int gg_volunteer_reverse(struct gg_ctx *c, json_int_t record, const char *reason, json_int_t *id)
{
	json_t *was, *row;
	int rc;

	if (row_state(c, record, &was))
		return c->err.code;
	if (!strcmp(text(was, "entry"), "reverse"))
		rc = gg_err_set(&c->err, GG_EX_DATAERR, "row %lld reverses row %lld: a reversal is not reversed",
				(long long)record, (long long)num(was, "ref"));
	else if (!strcmp(text(was, "entry"), "verify"))
		rc = gg_err_set(&c->err, GG_EX_DATAERR,
				"row %lld verifies row %lld: reverse the service, row %lld, and log it anew",
				(long long)record, (long long)num(was, "ref"), (long long)num(was, "ref"));
	else if (json_object_get(was, "reversed_in"))
		rc = gg_err_set(&c->err, GG_EX_DATAERR, "row %lld was reversed already, by row %lld", (long long)record,
				(long long)num(was, "reversed_in"));
	else
		rc = 0;
	if (rc) {
		json_decref(was);
		return rc;
	}
	/* hours verified were counted, so their reversal counts too: the total goes back down */
	row = row_about(was, "reverse");
	json_object_set_new(row, "minutes", json_integer(-num(was, "minutes")));
	json_object_set_new(row, "counted", json_boolean(json_object_get(was, "verified_in") != NULL));
	json_object_set_new(row, "note", json_string(reason));
	rc = gg_volunteer_ledger_add(c, row, id);
	json_decref(row);
	json_decref(was);
	return rc;
}

int gg_volunteer_verify(struct gg_ctx *c, json_int_t record, const char *by, json_int_t *id)
{
	struct gg_stmt *st;
	json_t *was, *row;
	int rc = 0;

	if (row_state(c, record, &was))
		return c->err.code;
	if (strcmp(text(was, "entry"), "service"))
		rc = gg_err_set(&c->err, GG_EX_DATAERR,
				"row %lld is a %s row, not a service: only services are verified", (long long)record,
				text(was, "entry"));
	else if (json_object_get(was, "reversed_in"))
		rc = gg_err_set(&c->err, GG_EX_DATAERR,
				"row %lld was reversed, by row %lld: there is nothing to verify", (long long)record,
				(long long)num(was, "reversed_in"));
	else if (json_object_get(was, "verified_in"))
		rc = gg_err_set(&c->err, GG_EX_DATAERR, "row %lld was verified already, by row %lld", (long long)record,
				(long long)num(was, "verified_in"));
	else if (num(was, "minutes") <= 0)
		rc = gg_err_set(&c->err, GG_EX_DATAERR, "row %lld holds no minute served: there is nothing to verify",
				(long long)record);
	else if (!strcmp(text(was, "volunteer"), by))
		rc = gg_err_set(&c->err, GG_EX_DATAERR, "'%s' cannot verify their own hours (row %lld)", by,
				(long long)record);
	else if (!(st = gg_db_named(c->db, "service/verifier", &c->err)))
		rc = c->err.code;
	if (!rc) {
		gg_stmt_bind_text(st, gg_stmt_index(st, "person"), by);
		gg_stmt_bind_text(st, gg_stmt_index(st, "community"), text(was, "community"));
		if (gg_stmt_step(st, &c->err) < 0)
			rc = c->err.code;
		else if (gg_stmt_int(st, 0) == 0)
			rc = gg_err_set(&c->err, GG_EX_DATAERR,
					"'%s' is not a community worker of %s: only one may verify hours served there "
					"(row %lld)",
					by, text(was, "community"), (long long)record);
	}
	if (rc) {
		json_decref(was);
		return rc;
	}
	row = row_about(was, "verify");
	json_object_set(row, "minutes", json_object_get(was, "minutes"));
	json_object_set_new(row, "counted", json_true());
	json_object_set_new(row, "verified_by", json_string(by));
	rc = gg_volunteer_ledger_add(c, row, id);
	json_decref(row);
	json_decref(was);
	return rc;
}

/* ---- reading the ledger ---- */

/* Hours as a number with two decimals at most. */
json_t *gg_volunteer_hours_of(json_int_t minutes)
{
	return json_real(round((double)minutes / 60 * 100) / 100);
}

/* A row as shown: in the order of the columns (gg-volunteer(1)), its hours beside its
 * minutes, the time it was written in ISO 8601, numbers in its note masked unless --reveal. */
static json_t *row_shown(struct gg_ctx *c, json_t *row)
{
	static const char *const order[] = {"id",	   "entry", "ref",     "volunteer", "community", "date",
					    "minutes",	   "hours", "counted", "activity",  "order_id",	 "team",
					    "verified_by", "note",  "at",      NULL};
	json_t *out = json_object(), *v;
	char at[32];

	json_object_set_new(row, "hours", gg_volunteer_hours_of(num(row, "minutes")));
	gg_clock_format(num(row, "at"), at);
	json_object_set_new(row, "at", json_string(at));
	for (int i = 0; order[i]; i++)
		if ((v = json_object_get(row, order[i])))
			json_object_set(out, order[i], v);
	gg_kind_mask(c, &gg_service_kind, out);
	return out;
}

int gg_volunteer_ledger_row(struct gg_ctx *c, json_int_t id, json_t **out)
{
	json_t *row;

	*out = NULL;
	if (gg_kind_get(c, &gg_service_kind, json_pack("{s:I}", "id", id), &row))
		return c->err.code;
	if (!row)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no row %lld in the hours ledger", (long long)id);
	*out = row_shown(c, row);
	json_decref(row);
	return 0;
}

/* Binds each parameter of the statement the filter names; the others stay NULL. */
static void bind_filter(struct gg_stmt *st, json_t *filter)
{
	const char *k;
	json_t *v;

	json_object_foreach (filter, k, v)
		gg_stmt_bind_name(st, k, v);
}

/* A unit --under names must be one: a typing error is not an empty answer. */
static int known_unit(struct gg_ctx *c, json_t *filter)
{
	return gg_org_unit_known(c, "--under", text(filter, "under"));
}

int gg_volunteer_ledger(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st;
	int rc;

	if (known_unit(c, filter) || !(st = gg_db_named(c->db, "service/list", &c->err)))
		return c->err.code;
	bind_filter(st, filter);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st), *shown = row_shown(c, row);
		rc = fn(c, shown, arg);
		json_decref(row);
		json_decref(shown);
		if (rc)
			return rc;
	}
	return rc < 0 ? c->err.code : 0;
}

int gg_volunteer_totals(struct gg_ctx *c, const char *by, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *),
			void *arg)
{
	struct gg_stmt *st;
	char name[64];
	int rc;

	snprintf(name, sizeof name, "hours/%s", by);
	if (known_unit(c, filter) || !(st = gg_db_named(c->db, name, &c->err)))
		return c->err.code;
	bind_filter(st, filter);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st);
		rc = fn(c, row, arg);
		json_decref(row);
		if (rc)
			return rc;
	}
	return rc < 0 ? c->err.code : 0;
}

/* ---- star levels ---- */

#define MAX_LEVELS 10

struct stars {
	int n;
	json_int_t minutes[MAX_LEVELS]; /* the minutes each level takes, going up */
};

/* The levels of share/gg/stars.yaml, as built in. */
static int stars_read(struct gg_ctx *c, struct stars *s)
{
	struct gg_reader *r;
	json_t *doc = NULL, *x;
	size_t i;
	int rc;

	s->n = 0;
	if (!(rc = gg_reader_open_embed(&r, "stars.yaml", &c->err))) {
		if (gg_reader_next(r, &doc, &c->err) <= 0)
			rc = c->err.code ? c->err.code : gg_err_set(&c->err, GG_EX_SOFTWARE, "stars.yaml: empty");
		json_array_foreach (json_object_get(doc, "levels"), i, x) {
			json_int_t h = num(x, "hours");
			if (rc || i >= MAX_LEVELS || num(x, "stars") != (json_int_t)i + 1 || h <= 0 ||
			    (i && h * 60 <= s->minutes[i - 1])) {
				rc = rc ? rc
					: gg_err_set(
						  &c->err, GG_EX_SOFTWARE,
						  "stars.yaml: level %zu: stars go up one at a time, hours with them",
						  i + 1);
				break;
			}
			s->minutes[s->n++] = h * 60;
		}
		json_decref(doc);
		gg_reader_close(r);
	}
	return rc;
}

/* One volunteer's levels, from their running total day by day. */
struct climb {
	char who[128];		      /* the volunteer; "" before the first */
	json_int_t minutes;	      /* verified in all, so far */
	char reached[MAX_LEVELS][16]; /* the day each level was reached */
};

struct stars_arg {
	struct stars s;
	double near; /* hours; < 0: not asked */
	json_t *list;
};

/* The volunteer's record, when stars lists them: only those are looked up. */
static int climb_end(struct gg_ctx *c, struct stars_arg *a, struct climb *k)
{
	struct gg_stmt *st;
	json_t *r;
	int level = 0, rc;
	char name[24];

	while (level < a->s.n && k->minutes >= a->s.minutes[level])
		level++;
	if (!k->who[0] ||
	    !(a->near < 0 ? level > 0 : level < a->s.n && a->s.minutes[level] - k->minutes <= a->near * 60))
		return 0;
	if (!(st = gg_db_named(c->db, "stars/who", &c->err)))
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "volunteer"), k->who);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	r = json_pack("{s:s,s:s?,s:s?,s:o,s:i}", "volunteer", k->who, "name", rc ? gg_stmt_text(st, 0) : NULL,
		      "home_community", rc ? gg_stmt_text(st, 1) : NULL, "hours", gg_volunteer_hours_of(k->minutes),
		      "stars", level);
	for (int i = 0; i < level; i++) {
		snprintf(name, sizeof name, "star_%d", i + 1);
		json_object_set_new(r, name, json_string(k->reached[i]));
	}
	if (level < a->s.n) {
		json_object_set_new(r, "next_at", gg_volunteer_hours_of(a->s.minutes[level]));
		json_object_set_new(r, "to_next", gg_volunteer_hours_of(a->s.minutes[level] - k->minutes));
	}
	json_array_append_new(a->list, r);
	return 0;
}

static double real(json_t *r, const char *field)
{
	return json_real_value(json_object_get(r, field));
}

/* Most stars first, then most hours. */
static int by_rank(const void *pa, const void *pb)
{
	json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;

	if (num(a, "stars") != num(b, "stars"))
		return num(a, "stars") < num(b, "stars") ? 1 : -1;
	if (real(a, "hours") != real(b, "hours"))
		return real(a, "hours") < real(b, "hours") ? 1 : -1;
	return strcmp(text(a, "volunteer"), text(b, "volunteer"));
}

/* With --near: the nearest to their next level first. */
static int by_near(const void *pa, const void *pb)
{
	json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;

	if (real(a, "to_next") != real(b, "to_next"))
		return real(a, "to_next") < real(b, "to_next") ? -1 : 1;
	return by_rank(pa, pb);
}

int gg_volunteer_stars(struct gg_ctx *c, double near, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *),
		       void *arg)
{
	struct stars_arg a = {.near = near, .list = json_array()};
	struct climb k = {0};
	struct gg_stmt *st;
	json_t **v = NULL;
	size_t n;
	int rc;

	if (stars_read(c, &a.s) || known_unit(c, filter) || !(st = gg_db_named(c->db, "stars/days", &c->err))) {
		json_decref(a.list);
		return c->err.code;
	}
	bind_filter(st, filter);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		const char *who = gg_stmt_text(st, 0), *day = gg_stmt_text(st, 1);
		if (strcmp(who, k.who)) {
			if ((rc = climb_end(c, &a, &k)))
				break;
			k = (struct climb){0};
			snprintf(k.who, sizeof k.who, "%s", who);
		}
		k.minutes += gg_stmt_int(st, 2);
		for (int i = 0; i < a.s.n; i++)
			if (k.minutes >= a.s.minutes[i] && !k.reached[i][0])
				snprintf(k.reached[i], sizeof k.reached[i], "%s", day);
			else if (k.minutes < a.s.minutes[i])
				k.reached[i][0] = '\0'; /* below again: reached anew when crossed again */
	}
	if (!rc)
		rc = climb_end(c, &a, &k);
	if (rc) {
		json_decref(a.list);
		return rc < 0 ? c->err.code : rc;
	}
	n = json_array_size(a.list);
	if (n && !(v = malloc(n * sizeof *v))) {
		json_decref(a.list);
		return gg_err_oom(&c->err);
	}
	for (size_t i = 0; i < n; i++)
		v[i] = json_array_get(a.list, i);
	if (n)
		qsort(v, n, sizeof *v, near < 0 ? by_rank : by_near);
	for (size_t i = 0; i < n && !rc; i++)
		rc = fn(c, v[i], arg);
	free(v);
	json_decref(a.list);
	return rc;
}

/* ---- certificates ---- */

/* The services a certificate lists (certificate/services.sql). */
static json_t *services_of(struct gg_ctx *c, const char *volunteer, const char *from, const char *to)
{
	struct gg_stmt *st = gg_db_named(c->db, "certificate/services", &c->err);
	json_t *list = json_array();
	int rc;

	if (!st)
		return json_decref(list), NULL;
	gg_stmt_bind_text(st, gg_stmt_index(st, "volunteer"), volunteer);
	gg_stmt_bind_text(st, gg_stmt_index(st, "from"), from);
	gg_stmt_bind_text(st, gg_stmt_index(st, "to"), to);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *s = gg_stmt_row(st);
		const char *note = text(s, "note");
		if (note && gg_text_free_personal(note)) { /* a paper handed out: never a phone on it */
			char *m = gg_text_mask_free(note);
			json_object_set_new(s, "note", json_string(m ? m : "*"));
			free(m);
		}
		json_array_append_new(list, s);
	}
	if (rc < 0)
		return json_decref(list), NULL;
	return list;
}

static json_int_t one_int(struct gg_ctx *c, const char *query, json_t *params, int *rc)
{
	struct gg_stmt *st = gg_db_named(c->db, query, &c->err);

	if (!st || (bind_filter(st, params), gg_stmt_step(st, &c->err)) <= 0) {
		*rc = c->err.code ? c->err.code : gg_err_set(&c->err, GG_EX_SOFTWARE, "%s gave no row", query);
		return 0;
	}
	return gg_stmt_int(st, 0);
}

int gg_volunteer_certificate(struct gg_ctx *c, const char *volunteer, const char *period, const char *from,
			     const char *to, const char *issuer, json_t **out)
{
	json_t *vol = NULL, *home = NULL, *services = NULL, *rec = NULL, *params, *v;
	json_int_t minutes, id;
	int64_t t;
	int rc = 0;
	char last[16], issued[32], year[8], number[32], hash[65], *text_rec = NULL;

	*out = NULL;
	if (gg_kind_get(c, &gg_volunteer_kind, json_pack("{s:s}", "person", volunteer), &vol))
		return c->err.code;
	if (!vol)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no volunteer '%s'", volunteer);
	params = json_pack("{s:s,s:s,s:s}", "volunteer", volunteer, "from", from, "to", to);
	minutes = one_int(c, "certificate/minutes", params, &rc);
	if (!rc && minutes <= 0)
		rc = gg_err_set(&c->err, GG_EX_DATAERR, "'%s' has no verified hours in %s: there is nothing to certify",
				volunteer, period);
	if (!rc && !issuer &&
	    !gg_kind_get(c, &gg_unit_kind, json_pack("{s:O}", "code", json_object_get(vol, "home_community")), &home))
		issuer = text(home, "name");
	if (!rc && c->err.code)
		rc = c->err.code;
	if (!rc && !(services = services_of(c, volunteer, from, to)))
		rc = c->err.code;
	if (!rc)
		id = one_int(c, "certificate/next", NULL, &rc);
	if (rc)
		goto done;
	gg_clock_parse_date(to, &t);
	gg_clock_format_date(t - 43200, last);	      /* the day before the first day after */
	gg_clock_format_zone(gg_clock_now(), issued); /* the calendar's zone: the same whatever TZ says */
	snprintf(year, sizeof year, "%.4s", issued);
	snprintf(number, sizeof number, "GG-%s-%06lld", year, (long long)id);
	gg_kind_mask_audit(&gg_volunteer_kind, vol); /* a paper handed out: the phone masked, --reveal or not */
	rec = json_pack("{s:s,s:s,s:O?,s:O?,s:O?,s:O?,s:s,s:s,s:s,s:o,s:O,s:s,s:s}", "number", number, "volunteer",
			volunteer, "name", json_object_get(vol, "name"), "phone", json_object_get(vol, "phone"),
			"volunteer_no", json_object_get(vol, "volunteer_no"), "home_community",
			json_object_get(vol, "home_community"), "period", period, "from", from, "to", last, "hours",
			gg_volunteer_hours_of(minutes), "services", services, "issuer", issuer ? issuer : volunteer,
			"issued_at", issued);
	for (const char *const *k = (const char *const[]){"name", "phone", "volunteer_no", NULL}; rec && *k; k++)
		if (json_is_null(json_object_get(rec, *k))) /* a field the volunteer lacks is left out */
			json_object_del(rec, *k);
	if (!rec || !(text_rec = json_dumps(rec, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(15)))) {
		rc = gg_err_oom(&c->err);
		goto done;
	}
	if (gg_text_digest(text_rec, strlen(text_rec), hash)) {
		rc = gg_err_set(&c->err, GG_EX_SOFTWARE, "cannot compute the certificate's SHA-256");
		goto done;
	}
	json_t *row =
		json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:I,s:I,s:O,s:I,s:s,s:s}", "id", id, "number", number, "volunteer",
			  volunteer, "period", period, "date_from", from, "date_to", last, "minutes", minutes,
			  "services", (json_int_t)json_array_size(services), "issuer", json_object_get(rec, "issuer"),
			  "issued_at", (json_int_t)gg_clock_now(), "record", text_rec, "hash", hash);
	struct gg_stmt *st = gg_db_named(c->db, "certificate/put", &c->err);
	if (!st) {
		json_decref(row);
		rc = c->err.code;
		goto done;
	}
	bind_filter(st, row);
	json_decref(row);
	if ((rc = gg_stmt_run(st, &c->err)))
		goto done;
	v = json_pack("{s:s,s:s,s:s,s:s,s:I,s:s}", "op", "certificate", "kind", "certificate", "number", number,
		      "volunteer", volunteer, "minutes", minutes, "hash", hash);
	rc = gg_audit(c, v);
	json_decref(v);
	if (!rc) {
		json_object_set_new(rec, "hash", json_string(hash));
		*out = json_incref(rec);
	}
done:
	free(text_rec);
	json_decref(rec);
	json_decref(services);
	json_decref(params);
	json_decref(home);
	json_decref(vol);
	return rc;
}
