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

/* ---- score-social.c: social organisations ---- */

/* score-social.c: social organisations (社区社会组织), their funding records and their
 * ratings (both append-only: written by the functions below, kinds for their references) */
extern const struct gg_kind gg_social_org_kind, gg_social_funding_kind, gg_social_rating_kind;
/* score-social.c: the kinds of funding: purchase (购买服务), subsidy, project */
extern const char *const gg_score_social_funding_kinds[];
/* 0 when s is a unified social credit code with the check character GB 32100 gives, 1 when
 * it has another (*want is the right one), -1 when it is not 18 characters of the code's. */
int gg_score_social_credit(const char *s, char *want);
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

/* ---- score-appraise.c: appraisal by a rubric, ranks ---- */

#endif
