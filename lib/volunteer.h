/* SPDX-License-Identifier: Apache-2.0 */
/* volunteer.h: gg-volunteer's records: volunteers (gg-org people who serve), their skills and
 * teams, and the hours ledger, with the rules of serving a community that fields alone
 * cannot say. */
#ifndef GG_VOLUNTEER_H
#define GG_VOLUNTEER_H

#include <jansson.h>

#include "ctx.h"
#include "kind.h"

/* volunteer-kind.c: gg-volunteer's kinds, and its registry in import order (the ledger's,
 * gg_service_kind, is in volunteer-ledger.c) */
extern const struct gg_kind gg_volunteer_kind, gg_skill_kind, gg_team_kind, gg_service_kind;
extern const struct gg_kind *const gg_volunteer_kinds[];

/* volunteer-kind.c: puts each volunteer in (join 1) or takes them out of (join 0) the team. */
int gg_volunteer_team(struct gg_ctx *c, const char *team, const char *const *volunteers, int n, int join);

/* volunteer-kind.c: a span of the day, HH:MM-HH:MM, as its minutes from and to; -1 if it is
 * not one that ends after it starts. */
int gg_volunteer_span(const char *hours, int *from, int *to);

/* ---- volunteer-activity.c: service days ---- */

/* volunteer-activity.c: service days, and the sign-ups to them (the references they hold) */
extern const struct gg_kind gg_activity_kind, gg_signup_kind;
/* volunteer-activity.c: the columns of a sign-up in csv, tsv and table */
extern const char *const gg_volunteer_signup_cols[];
/* volunteer-activity.c: takes a step of the volunteer's sign-up to the activity: signup, checkin,
 * checkout (its minutes appended to the hours ledger), noshow or cancel (withdrawn); at, the
 * time of a check-in or check-out the organiser gives (-1: now). *out is the sign-up after. */
int gg_volunteer_signup(struct gg_ctx *c, const char *step, json_int_t activity, const char *volunteer, int64_t at,
			json_t **out);
/* volunteer-activity.c: fn on each sign-up to the activity, in the order they were made. */
int gg_volunteer_signups(struct gg_ctx *c, json_int_t activity, int (*fn)(struct gg_ctx *, json_t *, void *),
			 void *arg);
/* volunteer-activity.c: calls the activity off, its waiting sign-ups withdrawn (fn on each);
 * refused once anyone has checked in or been marked a no-show. */
int gg_volunteer_activity_cancel(struct gg_ctx *c, json_int_t activity, int (*fn)(struct gg_ctx *, json_t *, void *),
				 void *arg);
/* volunteer-activity.c: 1 when date (YYYY-MM-DD) is a working day by the holiday calendar (a
 * Saturday made one, 调休, is), 0 a day off, <0 an error in c->err. */
int gg_volunteer_workday(struct gg_ctx *c, const char *date);

/* ---- volunteer-order.c, volunteer-match.c: resident orders ---- */

/* volunteer-order.c: an order's references (it is kept by the functions below), its statuses */
extern const struct gg_kind gg_volunteer_order_kind;
extern const char *const gg_volunteer_order_statuses[];

/* volunteer-order.c: a step of an order's life, as lib takes it and gg-volunteer offers it */
struct gg_volunteer_order_move; /* a step under way */
struct gg_volunteer_order_step {
	const char *verb;	  /* accept */
	const char *const *from;  /* the statuses it is taken from */
	const char *to;		  /* the status it leaves; NULL: the one it found */
	const char *const *needs; /* options it cannot go without, as usage spells them: "--by VOLUNTEER" */
	const char *event;	  /* the kind of event it writes */
	const char *hook;	  /* the hook it fires, if any */
	int due;		  /* taken by the sweep (--due) only, never on an order named */
	const char *cannot;	  /* its verb in a refusal, when not .verb: "mark done" */
	const char *usage, *help;
	int (*fn)(struct gg_ctx *c, struct gg_volunteer_order_move *m);
};
extern const struct gg_volunteer_order_step gg_volunteer_order_steps[]; /* ends with {0} */
const struct gg_volunteer_order_step *gg_volunteer_order_step(const char *verb);

/* volunteer-order.c: rec has community, grid, requester_name, requester_phone, need, title,
 * wanted_at (ISO 8601 text or seconds) and ticket (an id: what is not given is taken from it).
 * *id is the new order's. */
int gg_volunteer_order_new(struct gg_ctx *c, json_t *rec, json_int_t *id);
int gg_volunteer_order_get(struct gg_ctx *c, json_int_t id, json_t **out);
/* filter: :status, :community, :need, :volunteer (JSON lists), :under, :from, :to (seconds) */
int gg_volunteer_order_list(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
int gg_volunteer_order_history(struct gg_ctx *c, json_int_t id, int (*fn)(struct gg_ctx *, json_t *, void *),
			       void *arg);
/* Takes one step; args: note, reason, and what the step needs (to: a JSON list, by, hours, rating). */
int gg_volunteer_order_act(struct gg_ctx *c, json_int_t id, const char *verb, json_t *args);
/* The sweep: every open or dispatched order past its wanted time expires; fn sees each. */
int gg_volunteer_order_expire(struct gg_ctx *c, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);

/* volunteer-match.c: the volunteers of order id's community and street ranked for it, factor
 * by factor with the weights of share/gg/match-weights.yaml (or GG_MATCH_WEIGHTS's file); fn
 * gets the best `limit` of them, best first. */
int gg_volunteer_match(struct gg_ctx *c, json_int_t id, int limit, int (*fn)(struct gg_ctx *, json_t *, void *),
		       void *arg);

/* ---- volunteer-member.c: pledges, reporting in ---- */

extern const struct gg_kind gg_pledge_kind, gg_report_in_kind;
/* Whether a pledge is open and was due before today (in the calendar's zone). */
int gg_volunteer_pledge_overdue(json_t *pledge);
/* Marks the pledge kept on the day `on` (YYYY-MM-DD; NULL: today); *out is it as stored. */
int gg_volunteer_pledge_done(struct gg_ctx *c, json_int_t id, const char *on, json_t **out);
/* A Party member reports in to the community they live in on the day `on` (NULL: today), made
 * a volunteer living there if not yet one, their employer set when given; *out says so. */
int gg_volunteer_report_in(struct gg_ctx *c, const char *person, const char *community, const char *on,
			   const char *employer, json_t **out);
/* The year so far as [from, to): 1 January to today included; on 1 January, the whole year
 * just ended (a cron line on the 1st of each month then mails the year's list). */
void gg_volunteer_so_far(char from[16], char to[16]);
/* fn on each in-service member living under `under` (NULL: anywhere) who never reported in
 * the year of [from, to) or served less than `target` hours a year, pro rata to the period's
 * days, by employer then person (queries/members/list.sql); GG_EX_FOUND when any. */
int gg_volunteer_members(struct gg_ctx *c, const char *from, const char *to, double target, const char *under,
			 int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);

/* ---- volunteer-ledger.c: the hours ledger ---- */

/* volunteer-ledger.c: appends one row to the hours ledger: entry, volunteer, community, date,
 * minutes (negative only in a reversing entry; at most 24 hours either way) and what it was
 * served at or for (activity, order_id, team), verified_by, ref, note, counted. The row is
 * audited; *id, when asked for, is the id the store gave it. */
int gg_volunteer_ledger_add(struct gg_ctx *c, json_t *row, json_int_t *id);
/* volunteer-ledger.c: the certificates issued, a kind for its reference to the volunteer only */
extern const struct gg_kind gg_certificate_kind;
/* Hours a user typed (1.5) as whole minutes: more than 0, at most 24 hours; else 65 naming opt. */
int gg_volunteer_minutes(struct gg_ctx *c, const char *opt, const char *hours, json_int_t *minutes);
/* Minutes as the hours shown: a number with two decimals at most. */
json_t *gg_volunteer_hours_of(json_int_t minutes);
/* Appends a service row from args {volunteer, hours (as typed), date, and community (else the
 * volunteer's home), team, note}: a day not after today. */
int gg_volunteer_log(struct gg_ctx *c, json_t *args, json_int_t *id);
/* Appends the row reversing service row `record`, counted when it had been verified. */
int gg_volunteer_reverse(struct gg_ctx *c, json_int_t record, const char *reason, json_int_t *id);
/* Appends the row by which `by`, a community worker of the community served, verifies service
 * row `record`. */
int gg_volunteer_verify(struct gg_ctx *c, json_int_t record, const char *by, json_int_t *id);
/* Row `id` as shown (hours beside minutes, `at` in ISO 8601, its note masked unless --reveal). */
int gg_volunteer_ledger_row(struct gg_ctx *c, json_int_t id, json_t **out);
/* fn on each row, as shown, that filter keeps: volunteer, community, entry (JSON lists, any of
 * them), under (a unit), from and to (days, [from, to)). */
int gg_volunteer_ledger(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
/* fn on the verified hours of each group (by: volunteer, team, community or employer) served on
 * the days [from, to) of filter, in a community under `under` if given: queries hours/BY. */
int gg_volunteer_totals(struct gg_ctx *c, const char *by, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *),
			void *arg);
/* fn on each volunteer with a star level (near < 0) or within `near` hours of their next one,
 * home community under filter's `under` if given: levels from share/gg/stars.yaml, the day each
 * was reached. */
int gg_volunteer_stars(struct gg_ctx *c, double near, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *),
		       void *arg);
/* Issues a numbered certificate of the volunteer's verified hours on the days [from, to) of
 * `period` (as asked, for the record), by issuer (NULL: their home community's name). */
int gg_volunteer_certificate(struct gg_ctx *c, const char *volunteer, const char *period, const char *from,
			     const char *to, const char *issuer, json_t **out);

#endif
