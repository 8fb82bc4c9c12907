/* SPDX-License-Identifier: Apache-2.0 */
/* volunteer-member.c: what in-service Party members owe the community they live in: the
 * pledges they make public there (亮承诺), reporting in there once a year (双报到), and the list
 * for their employers of who never reported or served less than the hours target. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "org.h"
#include "volunteer.h"

/* A person's pledges and reports are a Party member's: checked when the person is given or
 * changed, so a pledge stays open to `done` after its maker has left the Party. */
static int party_member(struct gg_ctx *c, json_t *rec, json_t *old, const struct gg_src *src)
{
	json_t *who = json_object_get(rec, "person"), *p = NULL;

	if (old && json_equal(who, json_object_get(old, "person")))
		return 0;
	if (gg_kind_get(c, &gg_person_kind, json_pack("{s:O}", "code", who), &p))
		return c->err.code;
	if (!p)
		return gg_kind_fail(c, src, rec, "person", "unknown person '%s'", json_string_value(who));
	int member = json_is_true(json_object_get(p, "party_member"));
	if (!member)
		gg_kind_fail(c, src, rec, "person", "'%s' (%s) is not a Party member", json_string_value(who),
			     json_string_value(json_object_get(p, "name")));
	json_decref(p);
	return member ? 0 : c->err.code;
}

static int member_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	(void)k;
	return party_member(c, rec, old, src);
}

const struct gg_kind gg_pledge_kind = {
	.name = "pledge",
	.plural = "pledges",
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "person",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_person_kind,
			 .what = "Party members' pledges"},
			{.name = "community",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "community",
			 .what = "Party members' pledges"},
			{.name = "text", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "due", .type = GG_F_DATE, .flags = GG_F_REQUIRED},
			{.name = "done_at", .type = GG_F_DATE},
			{0},
		},
	.check = member_check,
};

const struct gg_kind gg_report_in_kind = {
	.name = "report_in",
	.plural = "reports_in",
	.fields =
		(const struct gg_field[]){
			{.name = "person",
			 .type = GG_F_REF,
			 .flags = GG_F_KEY | GG_F_REQUIRED,
			 .ref = &gg_person_kind,
			 .what = "Party members' reporting in"},
			{.name = "year", .type = GG_F_INT, .flags = GG_F_KEY | GG_F_REQUIRED},
			{.name = "community",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "community",
			 .what = "Party members' reporting in"},
			{.name = "date", .type = GG_F_DATE, .flags = GG_F_REQUIRED},
			{0},
		},
	.check = member_check,
};

static void today(char buf[16])
{
	gg_clock_format_date(gg_clock_now(), buf);
}

int gg_volunteer_pledge_overdue(json_t *pledge)
{
	const char *due = json_string_value(json_object_get(pledge, "due"));
	char now[16];

	today(now);
	return !json_object_get(pledge, "done_at") && due && strcmp(due, now) < 0;
}

int gg_volunteer_pledge_done(struct gg_ctx *c, json_int_t id, const char *on, json_t **out)
{
	json_t *p = NULL;
	enum gg_put what;
	char day[16];
	int rc;

	*out = NULL;
	if (gg_kind_get(c, &gg_pledge_kind, json_pack("{s:I}", "id", id), &p))
		return c->err.code;
	if (!p)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no pledge '%lld'", (long long)id);
	if (json_object_get(p, "done_at")) {
		gg_err_set(&c->err, GG_EX_DATAERR,
			   "pledge %lld was done already, on %s (pledge set %lld --done-at DATE changes the day)",
			   (long long)id, json_string_value(json_object_get(p, "done_at")), (long long)id);
		json_decref(p);
		return c->err.code;
	}
	today(day);
	if (on && strcmp(on, day) > 0) {
		json_decref(p);
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "--on %s is after today (%s): a pledge is done once it is kept", on, day);
	}
	json_object_set_new(p, "done_at", json_string(on ? on : day));
	rc = gg_kind_put(c, &gg_pledge_kind, p, NULL, 1, &what, out);
	json_decref(p);
	return rc;
}

/* The volunteer a member reporting in is: made one, living in the community, if not yet one;
 * one living elsewhere reports in where they live. */
static int reporting_volunteer(struct gg_ctx *c, const char *person, const char *community, const char *employer,
			       int *added)
{
	json_t *v = NULL, *rec, *out = NULL;
	enum gg_put what;
	int rc = 0;

	*added = 0;
	if (gg_kind_get(c, &gg_volunteer_kind, json_pack("{s:s}", "person", person), &v))
		return c->err.code;
	if (!v) {
		*added = 1;
		rec = json_pack("{s:s,s:s}", "person", person, "home_community", community);
		if (employer)
			json_object_set_new(rec, "employer", json_string(employer));
		rc = gg_kind_put(c, &gg_volunteer_kind, rec, NULL, -1, &what, &out);
		json_decref(rec);
		json_decref(out);
		return rc;
	}
	const char *home = json_string_value(json_object_get(v, "home_community"));
	if (strcmp(home, community)) {
		gg_err_set(&c->err, GG_EX_DATAERR,
			   "community: '%s' lives in %s and reports in there (if they moved: gg-volunteer set %s "
			   "--home-community %s)",
			   person, home, person, community);
		json_decref(v);
		return c->err.code;
	}
	const char *was = json_string_value(json_object_get(v, "employer"));
	if (employer && (!was || strcmp(was, employer))) {
		rec = json_pack("{s:s,s:s}", "person", person, "employer", employer);
		rc = gg_kind_put(c, &gg_volunteer_kind, rec, NULL, 1, &what, &out);
		json_decref(rec);
		json_decref(out);
	}
	json_decref(v);
	return rc;
}

int gg_volunteer_report_in(struct gg_ctx *c, const char *person, const char *community, const char *on,
			   const char *employer, json_t **out)
{
	json_t *rec, *stored = NULL, *p = NULL;
	enum gg_put what;
	char day[16];
	int added, rc;

	*out = NULL;
	today(day);
	if (on && strcmp(on, day) > 0)
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "--on %s is after today (%s): a member reports in once they have", on, day);
	on = on ? on : day;
	rec = json_pack("{s:s,s:I,s:s,s:s}", "person", person, "year", (json_int_t)atoi(on), "community", community,
			"date", on);
	if (gg_kind_get(c, &gg_report_in_kind,
			json_pack("{s:s,s:O}", "person", person, "year", json_object_get(rec, "year")), &stored)) {
		json_decref(rec);
		return c->err.code;
	}
	/* reported in this year already, there: the first day stands */
	if (!stored || !json_equal(json_object_get(stored, "community"), json_object_get(rec, "community"))) {
		json_decref(stored);
		stored = NULL;
		rc = gg_kind_put(c, &gg_report_in_kind, rec, NULL, 0, &what, &stored);
	} else {
		rc = party_member(c, rec, NULL, NULL);
	}
	json_decref(rec);
	if (rc || (rc = reporting_volunteer(c, person, community, employer, &added)) ||
	    (rc = gg_kind_get(c, &gg_person_kind, json_pack("{s:s}", "code", person), &p))) {
		json_decref(stored);
		return rc;
	}
	*out = json_pack("{s:s,s:O?,s:O,s:O,s:O,s:b}", "person", person, "name", json_object_get(p, "name"), "year",
			 json_object_get(stored, "year"), "community", json_object_get(stored, "community"), "date",
			 json_object_get(stored, "date"), "volunteer_added", added);
	json_decref(p);
	json_decref(stored);
	return 0;
}

/* The target for [from, to): hours a year, pro rata to the days of the period over those of
 * the year it starts in, as whole minutes. */
static json_int_t target_minutes(double hours, int64_t from, int64_t to)
{
	int y, m, d;

	gg_clock_civil(gg_clock_day(from), &y, &m, &d);
	double days = (double)(gg_clock_day(to) - gg_clock_day(from)),
	       year = (double)(gg_clock_days(y + 1, 1, 1) - gg_clock_days(y, 1, 1));
	return (json_int_t)llround(hours * 60 * days / year);
}

void gg_volunteer_so_far(char from[16], char to[16])
{
	int64_t day = gg_clock_day(gg_clock_now());
	int y, m, d;

	gg_clock_civil(day, &y, &m, &d);
	if (m == 1 && d == 1) { /* the year just ended */
		snprintf(from, 16, "%04u-01-01", (unsigned)(y - 1) % 10000);
		snprintf(to, 16, "%04u-01-01", (unsigned)y % 10000);
		return;
	}
	snprintf(from, 16, "%04u-01-01", (unsigned)y % 10000);
	gg_clock_civil(day + 1, &y, &m, &d);
	snprintf(to, 16, "%04u-%02u-%02u", (unsigned)y % 10000, (unsigned)m % 100, (unsigned)d % 100);
}

int gg_volunteer_members(struct gg_ctx *c, const char *from, const char *to, double target, const char *under,
			 int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st;
	int64_t a, b;
	int rc, found = 0;

	if (!(st = gg_org_days_query(c, "members/list", from, to, under, &a, &b)))
		return c->err.code;
	gg_stmt_bind_int(st, gg_stmt_index(st, "target"), target_minutes(target, a, b));
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st);
		found = 1;
		rc = fn(c, row, arg);
		json_decref(row);
		if (rc)
			break;
	}
	if (rc < 0)
		return c->err.code;
	return rc ? rc : found ? GG_EX_FOUND : 0;
}
