/* SPDX-License-Identifier: Apache-2.0 */
/* volunteer.h: gg-volunteer's records: volunteers (gg-org people who serve), their skills and
 * teams, and the hours ledger, with the rules of serving a community that fields alone
 * cannot say. */
#ifndef GG_VOLUNTEER_H
#define GG_VOLUNTEER_H

#include <jansson.h>

#include "ctx.h"
#include "kind.h"

/* volunteer-kind.c: gg-volunteer's kinds, and its registry in import order */
extern const struct gg_kind gg_volunteer_kind, gg_skill_kind, gg_team_kind, gg_service_kind;
extern const struct gg_kind *const gg_volunteer_kinds[];

/* volunteer-kind.c: puts each volunteer in (join 1) or takes them out of (join 0) the team. */
int gg_volunteer_team(struct gg_ctx *c, const char *team, const char *const *volunteers, int n, int join);

/* volunteer-kind.c: HH:MM-HH:MM as minutes of the day; -1 if it is not a time of day that ends
 * after it starts. */
int gg_volunteer_hours(const char *hours, int *from, int *to);

/* ---- volunteer-activity.c: service days ---- */

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

/* ---- volunteer-ledger.c: the hours ledger ---- */

/* volunteer-ledger.c: appends one row to the hours ledger: entry, volunteer, community, date,
 * minutes (negative only in a reversing entry; at most 24 hours either way) and what it was
 * served at or for (activity, order_id, team), verified_by, ref, note, counted. The row is
 * audited; *id, when asked for, is the id the store gave it. */
int gg_volunteer_ledger_add(struct gg_ctx *c, json_t *row, json_int_t *id);

#endif
