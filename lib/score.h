/* SPDX-License-Identifier: Apache-2.0 */
/* score.h: gg-score's records and reckonings: the metrics every score is built from (one named
 * query each, under share/gg/queries/metrics/), satisfaction surveys, social organisations and
 * their ratings, departments' appraisal results, and the appraisal of units by a rubric. */
#ifndef GG_SCORE_H
#define GG_SCORE_H

#include <jansson.h>
#include <stdint.h>

#include "ctx.h"
#include "kind.h"

/* score-kind.c: gg-score's registry, in import order */
extern const struct gg_kind *const gg_score_kinds[];

/* ---- score-metric.c: metrics ---- */

/* What metrics are of: the units at a level (one of them, or those within a unit) and a
 * period, its bounds half-open in seconds and in days of the calendar's zone. */
struct gg_score_scope {
	const char *period; /* as given: 2026-11 */
	const char *level;  /* community, street or district */
	const char *unit;   /* that unit alone, or NULL */
	const char *under;  /* the units within it, or NULL */
	int64_t from, to;
	char from_day[16], to_day[16];
};
/* score-metric.c: q for the period (usage when it does not parse) and a level, or one unit,
 * or the units at level within under (the unit unknown: data error) */
int gg_score_scope_init(struct gg_ctx *c, struct gg_score_scope *q, const char *period, const char *level,
			const char *unit, const char *under);
/* score-metric.c: fn on each metric's {name, unit, better, about}, in name order */
int gg_score_metric_each(struct gg_ctx *c, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
/* score-metric.c: the metric's query as it is kept (share/gg/queries/metrics/NAME.sql), or NULL */
const char *gg_score_metric_sql(const char *name);
/* score-metric.c: "higher", "lower" or "none" for the metric, in better; NULL when there is no
 * such metric */
const char *gg_score_metric_better(const char *name, char better[16]);
/* score-metric.c: *out, one record per unit of q (code order) with the metrics named (NULL:
 * all), null where a figure has no value (a count 0); each 1: every metric by its own query */
int gg_score_metrics(struct gg_ctx *c, const struct gg_score_scope *q, const char *const *names, int each,
		     json_t **out);
/* score-metric.c: *out, the ticket metrics of the tickets under q's units in its period,
 * grouped by a field of the ticket's (by: category, source, level or unit), by q's units (by:
 * their level) or by the month reported in (by: month, 2026-11), one record each, with the
 * ticket metrics named (NULL: all of them); *cols their fields, by first */
int gg_score_ticket_metrics_by(struct gg_ctx *c, const struct gg_score_scope *q, const char *by,
			       const char *const *names, json_t **cols, json_t **out);

/* ---- score-survey.c: satisfaction surveys ---- */

/* score-survey.c: an answer to a satisfaction survey (table survey_response) */
extern const struct gg_kind gg_survey_kind;
/* Takes in the responses of `file` ("-": stdin), YAML, JSON or NDJSON records or (csv) CSV rows
 * under a header naming the fields; *n counts them. A household is given as household, or as
 * building and room ("BUILDING#ROOM"). */
int gg_score_survey_import(struct gg_ctx *c, const char *file, int csv, json_int_t *n);
/* fn on each Party organisation rated on the days [from, to) in a community under `under` (NULL:
 * anywhere), households counted once (queries/survey/satisfaction.sql): its counts, its rate,
 * low and high in percent with one decimal (basic counted satisfied unless strict), verdict
 * (listed under 60%, uncertain when the interval reaches under it, else ok) and sample (small
 * under 30 responses). GG_EX_FOUND when any is listed. */
int gg_score_satisfaction(struct gg_ctx *c, const char *from, const char *to, const char *under, int strict,
			  int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);

/* ---- score-social.c: social organisations ---- */

/* score-social.c: social organisations (社区社会组织), their funding records and their
 * ratings (both append-only: written by the functions below, kinds for their references) */
extern const struct gg_kind gg_social_org_kind, gg_social_funding_kind, gg_social_rating_kind;
/* score-social.c: the kinds of funding: purchase (购买服务), subsidy, project */
extern const char *const gg_score_social_funding_kinds[];
/* Records funding of args {org, kind, amount (yuan as typed: 1234.56), date, note}; *out is
 * the record as shown (its amount in yuan). */
int gg_score_social_fund(struct gg_ctx *c, json_t *args, json_t **out);
/* Takes funding record `id` back: appends the record of the opposite amount that reverses it. */
int gg_score_social_unfund(struct gg_ctx *c, json_int_t id, const char *reason, json_t **out);
/* fn on each funding record filter keeps: org, kind (JSON lists), under (a unit), from and to
 * (days, [from, to)), in the order written (queries/social-funding/list.sql). */
int gg_score_social_funding(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
/* Rates args {org, period, organisation, credibility, efficiency (scores as typed), note} by
 * the rules of share/gg/score/social-org.yaml (or GG_SOCIAL_ORG_RATING's file); a period rated
 * already only with replace. *out is the rating as history shows it. */
int gg_score_social_rate(struct gg_ctx *c, json_t *args, int replace, json_t **out);
/* fn on each rating filter keeps: org (a JSON list), under (a unit), changes (1: only up- and
 * downgrades), by organisation, in the order written (queries/social-rating/history.sql). */
int gg_score_social_history(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
/* The organisation as stored, with the stars it holds (its latest rating) and its funding. */
int gg_score_social_show(struct gg_ctx *c, const char *code, json_t **out);

/* ---- score-result.c: departments' appraisal results (考核结果互认互用) ---- */

/* score-result.c: a department's score of a unit for a period (table dept_result) */
extern const struct gg_kind gg_result_kind;
/* Takes in the results of `file` ("-": stdin): department, unit, period (as written), score (0
 * to 100), grade, note. One already stored for the department, unit and period is refused,
 * unless `replace`, which replaces it whole. counts gets imported, replaced and unchanged. */
int gg_score_result_import(struct gg_ctx *c, const char *file, int replace, json_t *counts);
/* fn on each result that filter's department, unit and period (each absent: any) keep, by unit,
 * period and department; imported_at in ISO 8601. */
int gg_score_result_list(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);

/* ---- score-appraise.c: appraisal by a rubric, ranks ---- */

/* score-appraise.c: the metrics an appraisal keeps with it, whatever its rubric reads: the
 * figures of the unit gg-report monthly shows (NULL-terminated) */
extern const char *const gg_score_kept[];
/* score-appraise.c: the appraisals' references to their units (they are kept whole runs at a time) */
extern const struct gg_kind gg_appraisal_kind;
/* score-appraise.c: appraises every unit at the rubric's level (or level) for the period by
 * the rubric in the file (NULL: the one built in, named default; -: stdin), keeps the results
 * in place of the rubric's earlier ones for the period (made from another file of the same
 * name: only with replace), and gives them best first in *out */
int gg_score_appraise(struct gg_ctx *c, const char *rubric, const char *period, const char *level, int replace,
		      json_t **out);
/* score-appraise.c: the appraisal the built-in rubric would give every unit at level (community
 * or street, whatever the rubric's own level) for the period, best first, kept nowhere: what a
 * report shows, marked provisional, when none is stored */
int gg_score_appraise_draft(struct gg_ctx *c, const char *period, const char *level, json_t **out);
/* score-appraise.c: fn on each appraisal kept by the rubric (its name) for the period, best
 * first; level and under, when not NULL, keep those at the level and within the unit */
int gg_score_ranks(struct gg_ctx *c, const char *rubric, const char *period, const char *level, const char *under,
		   int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);

#endif
