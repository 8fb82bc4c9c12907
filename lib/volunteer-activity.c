/* SPDX-License-Identifier: Apache-2.0 */
/* volunteer-activity.c: service days (党员周六志愿服务日): an activity a community holds on a
 * day, at hours of it, with so many places, and the steps of a volunteer's sign-up to it, one
 * table: signed up (within the places, never at overlapping hours), checked in, checked out
 * (the hours served appended to the ledger), marked a no-show, withdrawn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "calendar.h"
#include "clock.h"
#include "db.h"
#include "org.h"
#include "volunteer.h"

static const char *const activity_kinds[] = {"culture", "help_services", "mediation", "charity", NULL};
static const char *const activity_statuses[] = {"open", "cancelled", NULL};

const char *const gg_volunteer_signup_cols[] = {"activity",   "volunteer",   "name",	"status",  "signed_at",
						"checkin_at", "checkout_at", "minutes", "service", NULL};

static const char *text(json_t *rec, const char *field)
{
	return json_string_value(json_object_get(rec, field));
}

int gg_volunteer_workday(struct gg_ctx *c, const char *date)
{
	const struct gg_cal *cal;
	int64_t t;

	if (!date || gg_clock_parse_date(date, &t)) {
		gg_err_set(&c->err, GG_EX_DATAERR, "'%s' is not a date (YYYY-MM-DD)", date ? date : "");
		return -1;
	}
	if (!(cal = gg_cal(c)))
		return -1;
	return gg_cal_workday(cal, gg_clock_day(t));
}

/* A weekend day the calendar makes a working day (调休) is no service day for in-service Party
 * members: they are at work. Said once a command and day; the activity is kept all the same. */
static int warn_workday(struct gg_ctx *c, const char *date)
{
	char memo[48];
	int64_t t;
	int wd, work, fresh;

	gg_clock_parse_date(date, &t); /* a date already checked */
	wd = gg_clock_weekday(gg_clock_day(t));
	if (wd != 0 && wd != 6)
		return 0;
	if ((work = gg_volunteer_workday(c, date)) < 0)
		return c->err.code;
	snprintf(memo, sizeof memo, "activity:workday:%s", date);
	if (work && gg_ctx_memo(c, memo, 1, &fresh) && fresh)
		fprintf(stderr,
			"%s: %s is a %s made a working day (调休): in-service Party members work that day, "
			"and their Saturday service does not apply\n",
			c->prog, date, wd ? "Saturday" : "Sunday");
	return 0;
}

/* What the store keeps beside what is given: the places taken, counted from the sign-ups, and
 * the status, which only `activity cancel` changes; an activity with places taken keeps its
 * community, day and hours, which its volunteers signed up for. */
static int activity_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	json_int_t taken = old ? json_integer_value(json_object_get(old, "taken")) : 0;
	const char *status = text(rec, "status"), *was = old ? text(old, "status") : "open";
	const char *team = text(rec, "team");
	int from, to;

	(void)k;
	if (old && !strcmp(was, "cancelled"))
		return gg_kind_fail(c, src, rec, NULL, "activity %lld is cancelled: add another",
				    (long long)json_integer_value(json_object_get(old, "id")));
	if (status && strcmp(status, was))
		return gg_kind_fail(c, src, rec, "status", "an activity is called off with 'activity cancel ID'");
	json_t *given = json_object_get(rec, "taken");
	if (given && json_integer_value(given) != taken)
		return gg_kind_fail(c, src, rec, "taken",
				    "the places taken are counted from the sign-ups (%lld), not given",
				    (long long)taken);
	json_object_set_new(rec, "status", json_string(was));
	json_object_set_new(rec, "taken", json_integer(taken));
	if (gg_volunteer_span(text(rec, "hours"), &from, &to))
		return gg_kind_fail(c, src, rec, "hours", "hours are HH:MM-HH:MM, the end after the start, not '%s'",
				    text(rec, "hours"));
	json_int_t cap = json_integer_value(json_object_get(rec, "capacity"));
	if (cap < 1)
		return gg_kind_fail(c, src, rec, "capacity", "an activity has at least 1 place, not %lld",
				    (long long)cap);
	if (cap < taken)
		return gg_kind_fail(c, src, rec, "capacity", "%lld places are taken already, more than %lld",
				    (long long)taken, (long long)cap);
	static const char *const kept[] = {"community", "date", "hours", NULL};
	for (int i = 0; taken && kept[i]; i++)
		if (strcmp(text(rec, kept[i]), text(old, kept[i])))
			return gg_kind_fail(
				c, src, rec, kept[i],
				"volunteers hold %lld of its places for %s at %s in %s: cancel the activity and "
				"add another",
				(long long)taken, text(old, "date"), text(old, "hours"), text(old, "community"));
	if (team) {
		json_t *t = NULL;
		if (gg_kind_get(c, &gg_team_kind, json_pack("{s:s}", "code", team), &t))
			return c->err.code;
		int theirs = t && !strcmp(text(t, "community"), text(rec, "community"));
		char of[128];
		snprintf(of, sizeof of, "%s", t ? text(t, "community") : "");
		json_decref(t);
		if (t && !theirs)
			return gg_kind_fail(c, src, rec, "team", "'%s' is a team of %s, not of %s", team, of,
					    text(rec, "community"));
	}
	if (!old || strcmp(text(rec, "date"), text(old, "date")))
		return warn_workday(c, text(rec, "date"));
	return 0;
}

const struct gg_kind gg_activity_kind = {
	.name = "activity",
	.plural = "activities",
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "community",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "community",
			 .what = "service days"},
			{.name = "date", .type = GG_F_DATE, .flags = GG_F_REQUIRED},
			{.name = "hours", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "capacity", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{.name = "kind", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = activity_kinds},
			{.name = "team", .type = GG_F_REF, .ref = &gg_team_kind, .what = "service days"},
			{.name = "title", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "status", .type = GG_F_ENUM, .choices = activity_statuses},
			{.name = "taken", .type = GG_F_INT},
			{0},
		},
	.check = activity_check,
};

/* Sign-ups are kept here, not by the entity layer; the kind declares what they refer to, so an
 * activity or a volunteer with sign-ups is not removed. */
const struct gg_kind gg_signup_kind = {
	.name = "signup",
	.plural = "signups",
	.flags = GG_K_NOCRUD,
	.fields =
		(const struct gg_field[]){
			{.name = "activity",
			 .type = GG_F_REF,
			 .flags = GG_F_KEY,
			 .ref = &gg_activity_kind,
			 .what = "sign-ups"},
			{.name = "volunteer",
			 .type = GG_F_REF,
			 .flags = GG_F_KEY,
			 .ref = &gg_volunteer_kind,
			 .what = "sign-ups to service days"},
			{0},
		},
};

/* ---- the steps of a sign-up ---- */

/* What one step works on: the activity and its times, the volunteer's sign-up as stored (or a
 * new one), and the time the step is taken at. */
struct move {
	json_int_t id;
	json_t *act;
	const char *volunteer;
	char status[16];
	int64_t signed_at, checkin_at, checkout_at, service; /* 0: none */
	int64_t now, at;				     /* at: --at, or now */
	int at_given;
	int64_t day, start, end; /* the activity's day (its first second), start and end */
	json_t *audit;
};

struct step {
	const char *name;
	const char *verb; /* in messages: '%s' cannot VERB activity N */
	const char *from; /* the statuses the step is taken from, space-separated; "-" none yet */
	const char *to;
	int (*fn)(struct gg_ctx *c, struct move *m);
};

static void hhmm(int64_t t, char buf[8])
{
	char s[32];
	gg_clock_format_zone(t, s);
	snprintf(buf, 8, "%.5s", s + 11);
}

/* A time given with --at has happened: a check-in or check-out is recorded once it is. */
static int not_ahead(struct gg_ctx *c, struct move *m, const char *what)
{
	char t[32];

	if (!m->at_given || m->at <= gg_clock_now())
		return 0;
	gg_clock_format_zone(m->at, t);
	return gg_err_set(&c->err, GG_EX_DATAERR, "%s at %s is later than now: record it once it has happened", what,
			  t);
}

/* A check-in on the activity's day: --at as given, else now. */
static int on_the_day(struct gg_ctx *c, struct move *m, const char *what)
{
	char t[32], d[16];

	if (not_ahead(c, m, what))
		return c->err.code;
	if (m->at >= m->day && m->at < m->day + 86400)
		return 0;
	gg_clock_format_zone(m->at, t);
	snprintf(d, sizeof d, "%s", text(m->act, "date"));
	if (m->at_given)
		return gg_err_set(&c->err, GG_EX_DATAERR, "%s at %s is not on the day of activity %lld, %s", what, t,
				  (long long)m->id, d);
	return gg_err_set(&c->err, GG_EX_DATAERR,
			  "%s now, %s, is not on the day of activity %lld, %s: give the time with --at TIME", what, t,
			  (long long)m->id, d);
}

static void bind_text(struct gg_stmt *st, const char *name, const char *v)
{
	int i = gg_stmt_index(st, name);
	if (i && v)
		gg_stmt_bind_text(st, i, v);
	else if (i)
		gg_stmt_bind_null(st, i);
}

static void bind_int(struct gg_stmt *st, const char *name, int64_t v, int null_if_0)
{
	int i = gg_stmt_index(st, name);
	if (i && null_if_0 && !v)
		gg_stmt_bind_null(st, i);
	else if (i)
		gg_stmt_bind_int(st, i, v);
}

/* A place, if one is left, for a volunteer who holds no sign-up at hours that overlap these. */
static int signup(struct gg_ctx *c, struct move *m)
{
	json_int_t cap = json_integer_value(json_object_get(m->act, "capacity"));
	json_int_t taken = json_integer_value(json_object_get(m->act, "taken"));
	json_t *v = NULL;
	struct gg_stmt *st;
	int rc, from, to;

	if (gg_kind_get(c, &gg_volunteer_kind, json_pack("{s:s}", "person", m->volunteer), &v))
		return c->err.code;
	json_decref(v);
	if (!v)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no volunteer '%s'", m->volunteer);
	if (taken >= cap)
		return gg_err_set(&c->err, GG_EX_DATAERR, "activity %lld (%s) is full: its %lld places are taken",
				  (long long)m->id, text(m->act, "title"), (long long)cap);
	if (m->at >= m->end)
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "activity %lld (%s) was on %s, %s: it is over, there is nothing to sign up for",
				  (long long)m->id, text(m->act, "title"), text(m->act, "date"), text(m->act, "hours"));
	gg_volunteer_span(text(m->act, "hours"), &from, &to);
	if (!(st = gg_db_named(c->db, "signup/overlap", &c->err)))
		return c->err.code;
	bind_text(st, "volunteer", m->volunteer);
	bind_int(st, "activity", m->id, 0);
	bind_text(st, "date", text(m->act, "date"));
	bind_int(st, "start_min", from, 0);
	bind_int(st, "end_min", to, 0);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (rc > 0) {
		char title[256], hours[16];
		long long other = (long long)gg_stmt_int(st, 0);
		snprintf(title, sizeof title, "%s", gg_stmt_text(st, 1));
		snprintf(hours, sizeof hours, "%s", gg_stmt_text(st, 3));
		gg_stmt_step(st, &c->err); /* done with it: the statement is handed out again */
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "'%s' cannot sign up for activity %lld at %s on %s: they hold a sign-up for activity "
				  "%lld (%s) at %s that day",
				  m->volunteer, (long long)m->id, text(m->act, "hours"), text(m->act, "date"), other,
				  title, hours);
	}
	m->signed_at = m->now;
	m->checkin_at = m->checkout_at = m->service = 0;
	return 0;
}

static int checkin(struct gg_ctx *c, struct move *m)
{
	if (on_the_day(c, m, "a check-in"))
		return c->err.code;
	m->checkin_at = m->at;
	return 0;
}

static int64_t min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* The minutes from check-in to check-out, no more than the activity lasts nor than there was
 * of it left at check-in, appended to the hours ledger. A check-out may come after midnight
 * (an activity that ends at 24:00, a volunteer who stayed): only not before the check-in. */
static int checkout(struct gg_ctx *c, struct move *m)
{
	char in[8], out[8];
	json_int_t row;

	if (not_ahead(c, m, "a check-out"))
		return c->err.code;
	if (m->at < m->checkin_at) {
		hhmm(m->at, out);
		hhmm(m->checkin_at, in);
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "'%s' cannot check out of activity %lld at %s: they checked in at %s", m->volunteer,
				  (long long)m->id, out, in);
	}
	int64_t secs = min64(min64(m->at - m->checkin_at, m->end - m->checkin_at), m->end - m->start);
	int minutes = secs > 0 ? (int)(secs / 60) : 0;
	json_t *r = json_pack("{s:s,s:s,s:s,s:s,s:i,s:I}", "entry", "service", "volunteer", m->volunteer, "community",
			      text(m->act, "community"), "date", text(m->act, "date"), "minutes", minutes, "activity",
			      (json_int_t)m->id);
	if (json_object_get(m->act, "team"))
		json_object_set(r, "team", json_object_get(m->act, "team"));
	int rc = gg_volunteer_ledger_add(c, r, &row);
	json_decref(r);
	if (rc)
		return rc;
	m->checkout_at = m->at;
	m->service = row;
	json_object_set_new(m->audit, "minutes", json_integer(minutes));
	json_object_set_new(m->audit, "service", json_integer(row));
	return 0;
}

/* A no-show once the activity has begun, not before. */
static int noshow(struct gg_ctx *c, struct move *m)
{
	char t[32];

	if (m->now >= m->start)
		return 0;
	gg_clock_format(m->start, t);
	return gg_err_set(&c->err, GG_EX_DATAERR, "activity %lld begins at %s: a no-show is marked once it has begun",
			  (long long)m->id, t);
}

static const struct step steps[] = {
	{"signup", "sign up for", "- cancelled", "signed", signup},
	{"checkin", "check in at", "signed noshow", "checked_in", checkin},
	{"checkout", "check out of", "checked_in", "done", checkout},
	{"noshow", "be marked a no-show at", "signed", "noshow", noshow},
	{"cancel", "withdraw from", "signed", "cancelled", NULL},
	{0},
};

static int allowed(const struct step *s, const char *status)
{
	size_t n = strlen(status);

	for (const char *p = s->from; *p; p += strcspn(p, " "), p += *p == ' ')
		if (strcspn(p, " ") == n && !strncmp(p, status, n))
			return 1;
	return 0;
}

/* Why the sign-up's status does not allow the step. */
static int not_now(struct gg_ctx *c, const struct step *s, struct move *m)
{
	char why[96], t[8];

	if (!strcmp(m->status, "-"))
		snprintf(why, sizeof why, "they have not signed up");
	else if (!strcmp(m->status, "signed"))
		snprintf(why, sizeof why, "they have not checked in");
	else if (!strcmp(m->status, "checked_in"))
		hhmm(m->checkin_at, t), snprintf(why, sizeof why, "they checked in at %s", t);
	else if (!strcmp(m->status, "done"))
		hhmm(m->checkout_at, t), snprintf(why, sizeof why, "they checked out at %s", t);
	else if (!strcmp(m->status, "noshow"))
		snprintf(why, sizeof why, "they were marked a no-show");
	else
		snprintf(why, sizeof why, "their sign-up was withdrawn");
	if (!strcmp(s->name, "signup"))
		snprintf(why, sizeof why, "they hold a sign-up already (%s)", m->status);
	return gg_err_set(&c->err, GG_EX_DATAERR, "'%s' cannot %s activity %lld: %s", m->volunteer, s->verb,
			  (long long)m->id, why);
}

static int64_t int_of(json_t *row, const char *field)
{
	return json_integer_value(json_object_get(row, field));
}

/* The sign-up as output shows it: its times in ISO 8601, the ledger's minutes beside them. */
static json_t *shown(json_t *row)
{
	static const char *const times[] = {"signed_at", "checkin_at", "checkout_at", NULL};
	char t[32];

	for (int i = 0; times[i]; i++)
		if (json_object_get(row, times[i])) {
			gg_clock_format(int_of(row, times[i]), t);
			json_object_set_new(row, times[i], json_string(t));
		}
	json_object_del(row, "changed_at");
	return row;
}

/* The volunteer's sign-up to the activity as stored, or NULL. */
static int signup_get(struct gg_ctx *c, json_int_t id, const char *volunteer, json_t **out)
{
	struct gg_stmt *st = gg_db_named(c->db, "signup/get", &c->err);
	int rc;

	*out = NULL;
	if (!st)
		return c->err.code;
	bind_int(st, "activity", id, 0);
	bind_text(st, "volunteer", volunteer);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (rc > 0)
		*out = gg_stmt_row(st);
	return 0;
}

/* The activity, open, and the moments its day and hours begin and end. */
static int activity_of(struct gg_ctx *c, struct move *m)
{
	int from, to;

	if (gg_kind_get(c, &gg_activity_kind, json_pack("{s:I}", "id", m->id), &m->act))
		return c->err.code;
	if (!m->act)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no activity %lld", (long long)m->id);
	if (!strcmp(text(m->act, "status"), "cancelled"))
		return gg_err_set(&c->err, GG_EX_DATAERR, "activity %lld (%s) is cancelled", (long long)m->id,
				  text(m->act, "title"));
	gg_clock_parse_date(text(m->act, "date"), &m->day);
	gg_volunteer_span(text(m->act, "hours"), &from, &to);
	m->start = m->day + from * 60;
	m->end = m->day + to * 60;
	return 0;
}

static int move_write(struct gg_ctx *c, const struct step *s, struct move *m)
{
	struct gg_stmt *st = gg_db_named(c->db, "signup/put", &c->err);
	char t[32];

	if (!st)
		return c->err.code;
	bind_int(st, "activity", m->id, 0);
	bind_text(st, "volunteer", m->volunteer);
	bind_text(st, "status", s->to);
	bind_int(st, "signed_at", m->signed_at, 0);
	bind_int(st, "checkin_at", m->checkin_at, 1);
	bind_int(st, "checkout_at", m->checkout_at, 1);
	bind_int(st, "changed_at", m->now, 0);
	bind_int(st, "service", m->service, 1);
	if (gg_stmt_run(st, &c->err))
		return c->err.code;
	json_object_set_new(m->audit, "op", json_string(s->name));
	json_object_set_new(m->audit, "kind", json_string("signup"));
	json_object_set_new(m->audit, "activity", json_integer(m->id));
	json_object_set_new(m->audit, "volunteer", json_string(m->volunteer));
	json_object_set_new(m->audit, "status", json_string(s->to));
	if (m->at_given) {
		gg_clock_format_zone(m->at, t);
		json_object_set_new(m->audit, "at", json_string(t));
	}
	return gg_audit(c, m->audit);
}

int gg_volunteer_signup(struct gg_ctx *c, const char *step, json_int_t activity, const char *volunteer, int64_t at,
			json_t **out)
{
	const struct step *s = steps;
	struct move m = {.id = activity, .volunteer = volunteer, .now = gg_clock_now(), .audit = json_object()};
	json_t *row = NULL;
	int rc;

	*out = NULL;
	while (s->name && strcmp(s->name, step))
		s++;
	if (!s->name) {
		rc = gg_err_set(&c->err, GG_EX_SOFTWARE, "no step '%s' of a sign-up", step);
		goto done;
	}
	m.at_given = at >= 0;
	m.at = at >= 0 ? at : m.now;
	if ((rc = activity_of(c, &m)) || (rc = signup_get(c, activity, volunteer, &row)))
		goto done;
	snprintf(m.status, sizeof m.status, "%s", row ? text(row, "status") : "-");
	m.signed_at = row ? int_of(row, "signed_at") : 0;
	m.checkin_at = row ? int_of(row, "checkin_at") : 0;
	m.checkout_at = row ? int_of(row, "checkout_at") : 0;
	m.service = row ? int_of(row, "service") : 0;
	json_decref(row);
	if (!allowed(s, m.status)) {
		rc = not_now(c, s, &m);
		goto done;
	}
	if ((s->fn && (rc = s->fn(c, &m))) || (rc = move_write(c, s, &m)) ||
	    (rc = signup_get(c, activity, volunteer, out)))
		goto done;
	shown(*out);
done:
	json_decref(m.act);
	json_decref(m.audit);
	return rc;
}

int gg_volunteer_signups(struct gg_ctx *c, json_int_t activity, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st;
	json_t *act = NULL;
	int rc;

	if (gg_kind_get(c, &gg_activity_kind, json_pack("{s:I}", "id", activity), &act))
		return c->err.code;
	json_decref(act);
	if (!act)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no activity %lld", (long long)activity);
	if (!(st = gg_db_named(c->db, "signup/list", &c->err)))
		return c->err.code;
	bind_int(st, "activity", activity, 0);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = shown(gg_stmt_row(st));
		rc = fn(c, row, arg);
		json_decref(row);
		if (rc)
			return rc;
	}
	return rc < 0 ? c->err.code : 0;
}

static int collect(struct gg_ctx *c, json_t *row, void *arg)
{
	(void)c;
	if (!strcmp(text(row, "status"), "signed"))
		json_array_append(arg, json_object_get(row, "volunteer"));
	return 0;
}

int gg_volunteer_activity_cancel(struct gg_ctx *c, json_int_t activity, int (*fn)(struct gg_ctx *, json_t *, void *),
				 void *arg)
{
	struct move m = {.id = activity};
	json_t *waiting = json_array(), *v, *ch;
	struct gg_stmt *st;
	size_t i;
	int rc;

	if ((rc = activity_of(c, &m)) || (rc = gg_volunteer_signups(c, activity, collect, waiting)))
		goto done;
	if (!(st = gg_db_named(c->db, "signup/begun", &c->err))) {
		rc = c->err.code;
		goto done;
	}
	bind_int(st, "activity", activity, 0);
	if (gg_stmt_step(st, &c->err) < 0) {
		rc = c->err.code;
		goto done;
	}
	if (gg_stmt_int(st, 0) > 0) {
		rc = gg_err_set(&c->err, GG_EX_DATAERR,
				"activity %lld (%s) has begun: sign-ups checked in or marked no-shows (%lld); "
				"withdraw the others with 'activity cancel %lld VOLUNTEER...'",
				(long long)activity, text(m.act, "title"), (long long)gg_stmt_int(st, 0),
				(long long)activity);
		goto done;
	}
	json_array_foreach (waiting, i, v) {
		json_t *out = NULL;
		if ((rc = gg_volunteer_signup(c, "cancel", activity, json_string_value(v), -1, &out)))
			goto done;
		rc = fn(c, out, arg);
		json_decref(out);
		if (rc)
			goto done;
	}
	if (!(st = gg_db_named(c->db, "activity/cancel", &c->err))) {
		rc = c->err.code;
		goto done;
	}
	bind_int(st, "id", activity, 0);
	if ((rc = gg_stmt_run(st, &c->err)))
		goto done;
	ch = json_pack("{s:s,s:s,s:I,s:I}", "op", "cancel", "kind", "activity", "id", activity, "withdrawn",
		       (json_int_t)json_array_size(waiting));
	rc = gg_audit(c, ch);
	json_decref(ch);
done:
	json_decref(m.act);
	json_decref(waiting);
	return rc;
}
