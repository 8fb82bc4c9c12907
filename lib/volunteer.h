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

/* ---- volunteer-member.c: pledges, reporting in ---- */

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
