/* SPDX-License-Identifier: Apache-2.0 */
/* gg-score: the figures an appraisal is built from, and the appraisals: metrics, satisfaction
 * surveys, social organisations and their stars, departments' results, rubrics and ranks.
 * Options and output only; the work is in lib/score*.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kindcmd.h"
#include "score.h"

/* ---- metrics ---- */

/* ---- surveys: survey import, satisfaction ---- */

/* ---- social organisations: social-org ... ---- */

/* ---- departments' results: results import ---- */

/* ---- appraisal: appraise, rank ---- */

static const struct gg_cmd cmds[] = {
	/* ---- metrics ---- */

	/* ---- surveys: survey import, satisfaction ---- */

	/* ---- social organisations: social-org ... ---- */

	/* ---- departments' results: results import ---- */

	/* ---- appraisal: appraise, rank ---- */

	{0},
};

int main(int argc, char **argv)
{
	static const struct gg_tool tool = {"gg-score", "gg-score: metrics, surveys, social organisations and appraisals",
					    cmds, gg_score_kinds};
	return gg_cli_main(&tool, argc, argv);
}
