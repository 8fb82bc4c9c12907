/* SPDX-License-Identifier: Apache-2.0 */
/* score-kind.c: gg-score's registry of kinds, in import order (what is referred to first). */
#include "score.h"

const struct gg_kind *const gg_score_kinds[] = {
	/* social organisations (score-social.c) */
	&gg_social_org_kind,
	&gg_social_funding_kind,
	&gg_social_rating_kind,
	/* survey responses (score-survey.c) */
	&gg_survey_kind,
	/* department results (score-result.c) */
	&gg_result_kind,
	/* appraisal results (score-appraise.c) */
	&gg_appraisal_kind,
	NULL,
};
