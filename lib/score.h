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

/* ---- score-result.c: departments' appraisal results (考核结果互认互用) ---- */

/* ---- score-appraise.c: appraisal by a rubric, ranks ---- */

#endif
