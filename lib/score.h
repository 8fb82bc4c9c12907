/* SPDX-License-Identifier: Apache-2.0 */
/* score.h: gg-score's records and reckonings: the metrics every score is built from (one named
 * query each, under share/gg/queries/metrics/), satisfaction surveys, social organisations and
 * their ratings, departments' appraisal results, and the appraisal of units by a rubric. */
#ifndef GG_SCORE_H
#define GG_SCORE_H

#include <jansson.h>

#include "ctx.h"
#include "kind.h"

/* score-kind.c: gg-score's registry, in import order */
extern const struct gg_kind *const gg_score_kinds[];

/* ---- score-metric.c: metrics ---- */

/* ---- score-survey.c: satisfaction surveys ---- */

/* score-survey.c: an answer to a satisfaction survey (table survey_response) */
extern const struct gg_kind gg_survey_kind;
#define GG_SCORE_Z 1.959964 /* the normal quantile of a 95% interval */
#define GG_SCORE_SMALL 30   /* fewer responses than this are a small sample */
/* Takes in the responses of `file` ("-": stdin), YAML, JSON or NDJSON records or (csv) CSV rows
 * under a header naming the fields; *n counts them. A household is given as household, or as
 * building and room ("BUILDING#ROOM"). */
int gg_score_survey_import(struct gg_ctx *c, const char *file, int csv, json_int_t *n);
/* The 95% Wilson score interval of k successes in n trials (n > 0), as shares 0 to 1. */
void gg_score_wilson(json_int_t k, json_int_t n, double *low, double *high);
/* fn on each Party organisation rated on the days [from, to) in a community under `under` (NULL:
 * anywhere), households counted once (queries/survey/satisfaction.sql): its counts, its rate,
 * low and high in percent with one decimal (basic counted satisfied unless strict), verdict
 * (listed under 60%, uncertain when the interval reaches under it, else ok) and sample (small
 * under 30 responses). GG_EX_FOUND when any is listed. */
int gg_score_satisfaction(struct gg_ctx *c, const char *from, const char *to, const char *under, int strict,
			  int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);

/* ---- score-social.c: social organisations ---- */

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

#endif
