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

static const struct option metrics_opts[] = {
	{"period", required_argument, NULL, 'p'}, {"level", required_argument, NULL, 'l'},
	{"unit", required_argument, NULL, 'u'},	  {"under", required_argument, NULL, 'U'},
	{"list", no_argument, NULL, 'L'},	  {"explain", required_argument, NULL, 'x'},
	{"each", no_argument, NULL, 'e'},	  {0}};

static int metrics_list(struct gg_ctx *c)
{
	static const char *const cols[] = {"name", "unit", "better", "about", NULL};
	struct gg_emit *e = gg_out_records(c, cols);
	int rc = gg_score_metric_each(c, gg_out_each, e);
	int closed = gg_out_close(c, e);
	return rc ? rc : closed;
}

/* The columns of one record per unit: who, then every metric in the records' order. */
static const char **metric_cols(json_t *recs)
{
	json_t *r = json_array_get(recs, 0);
	const char **cols = calloc(json_object_size(r) + 1, sizeof *cols);
	const char *k;
	json_t *v;
	size_t n = 0;

	if (cols)
		json_object_foreach(r, k, v) cols[n++] = k;
	return cols;
}

static int cmd_metrics(struct gg_ctx *c, int argc, char **argv)
{
	const char *period = NULL, *level = NULL, *unit = NULL, *under = NULL, *explain = NULL;
	int o, list = 0, each = 0;
	struct gg_score_scope q;
	json_t *recs;

	while ((o = gg_cli_opts(c, argc, argv, "", metrics_opts)) != -1) {
		switch (o) {
		case 'p': period = optarg; break;
		case 'l': level = optarg; break;
		case 'u': unit = optarg; break;
		case 'U': under = optarg; break;
		case 'L': list = 1; break;
		case 'x': explain = optarg; break;
		case 'e': each = 1; break;
		default: return GG_EX_USAGE;
		}
	}
	if (optind < argc)
		return gg_cli_usage(c, "unexpected argument '%s'", argv[optind]);
	if (list + !!explain + !!period != 1)
		return gg_cli_usage(c, "metrics needs one of --period P, --list and --explain NAME");
	if (unit && (level || under))
		return gg_cli_usage(c, "--unit is one unit: not with --level or --under");
	if (list)
		return metrics_list(c);
	if (explain) {
		const char *sql = gg_score_metric_sql(explain);
		if (!sql)
			return gg_cli_usage(c, "no metric named '%s' (gg-score metrics --list names them)", explain);
		fputs(sql, c->out);
		return 0;
	}
	if (gg_score_scope_init(c, &q, period, level, unit, under) || gg_score_metrics(c, &q, NULL, each, &recs))
		return c->err.code;
	const char **cols = metric_cols(recs);
	struct gg_emit *e = gg_out_records(c, cols);
	size_t i;
	json_t *r;
	json_array_foreach(recs, i, r) gg_emit(e, r);
	int rc = gg_out_close(c, e);
	free(cols);
	json_decref(recs);
	return rc;
}

/* ---- surveys: survey import, satisfaction ---- */

/* ---- social organisations: social-org ... ---- */

/* ---- departments' results: results import ---- */

/* ---- appraisal: appraise, rank ---- */

static const struct option appraise_opts[] = {{"period", required_argument, NULL, 'p'},
					      {"rubric", required_argument, NULL, 'r'},
					      {"level", required_argument, NULL, 'l'},
					      {"under", required_argument, NULL, 'U'},
					      {0}};

/* tsv, csv and table: who and the total, then each indicator's points (the first record's) */
static const char **appraisal_cols(json_t *r)
{
	static const char *const lead[] = {"rank", "unit", "name", "total"};
	const char **cols = calloc(json_object_size(r) + 5, sizeof *cols);
	size_t n = 0, i;
	json_t *x;

	if (!cols)
		return NULL;
	for (; n < 4; n++)
		cols[n] = lead[n];
	json_array_foreach(json_object_get(r, "indicators"), i, x)
	{
		json_t *m = json_object_get(x, "metric");
		const char *k;
		json_t *v;
		if (m) {
			cols[n++] = json_string_value(m);
			continue;
		}
		json_object_foreach(r, k, v) if (!strncmp(k, "result:", 7) &&
						 !strcmp(k + 7, json_string_value(json_object_get(x, "result"))))
		{
			cols[n++] = k;
			break;
		}
	}
	cols[n++] = "bonus";
	cols[n++] = "deductions";
	return cols;
}

static int emit_all(struct gg_ctx *c, json_t *recs)
{
	const char **cols = appraisal_cols(json_array_get(recs, 0));
	struct gg_emit *e = gg_out_records(c, cols);
	size_t i;
	json_t *r;

	json_array_foreach(recs, i, r) gg_emit(e, r);
	int rc = gg_out_close(c, e);
	free(cols);
	return rc;
}

static int cmd_appraise(struct gg_ctx *c, int argc, char **argv)
{
	const char *period = NULL, *rubric = NULL, *level = NULL;
	json_t *out;
	int o, rc;

	while ((o = gg_cli_opts(c, argc, argv, "", appraise_opts)) != -1) {
		switch (o) {
		case 'p': period = optarg; break;
		case 'r': rubric = optarg; break;
		case 'l': level = optarg; break;
		default: return o == 'U' ? gg_cli_usage(c, "appraise ranks every unit at its level: rank --under shows some")
					 : GG_EX_USAGE;
		}
	}
	if (optind < argc)
		return gg_cli_usage(c, "unexpected argument '%s'", argv[optind]);
	if (!period)
		return gg_cli_usage(c, "appraise needs --period P (2026-11, 2026-Q4, 2026)");
	if ((rc = gg_score_appraise(c, rubric, period, level, &out)))
		return rc;
	rc = emit_all(c, out);
	json_decref(out);
	return rc;
}

static int collect(struct gg_ctx *c, json_t *rec, void *arg)
{
	(void)c;
	return json_array_append(arg, rec);
}

static int cmd_rank(struct gg_ctx *c, int argc, char **argv)
{
	const char *period = NULL, *rubric = "default", *level = NULL, *under = NULL;
	json_t *recs = json_array();
	int o, rc;

	while ((o = gg_cli_opts(c, argc, argv, "", appraise_opts)) != -1) {
		switch (o) {
		case 'p': period = optarg; break;
		case 'r': rubric = optarg; break;
		case 'l': level = optarg; break;
		case 'U': under = optarg; break;
		default: json_decref(recs); return GG_EX_USAGE;
		}
	}
	if (optind < argc || !period) {
		json_decref(recs);
		return optind < argc ? gg_cli_usage(c, "unexpected argument '%s'", argv[optind])
				     : gg_cli_usage(c, "rank needs --period P (2026-11, 2026-Q4, 2026)");
	}
	rc = gg_score_ranks(c, rubric, period, level, under, collect, recs);
	if (!rc && !json_array_size(recs))
		rc = gg_err_set(&c->err, GG_EX_NOINPUT,
				"no appraisal by the rubric '%s' for %s%s%s: gg-score appraise makes one", rubric, period,
				level ? " at the level " : "", level ? level : "");
	if (!rc)
		rc = emit_all(c, recs);
	json_decref(recs);
	return rc;
}

static const struct gg_cmd cmds[] = {
	/* ---- metrics ---- */
	{"metrics", cmd_metrics, GG_RUN_READ,
	 "--period P [--level community|street|district | --unit CODE] [--under UNIT] [--each] | --list | --explain NAME",
	 "every figure an appraisal may use, one record per unit, for its whole subtree\n"
	 "  --period P       2026-11, 2026-Q4, 2026-W48 or 2026, in the calendar's zone\n"
	 "  --level L        the units at that level (community)\n"
	 "  --unit CODE      that unit alone\n"
	 "  --under UNIT     the units at the level within UNIT\n"
	 "  --each           every metric by its own query (slower; the same figures)\n"
	 "  --list           name each metric, its unit and whether higher or lower is better\n"
	 "  --explain NAME   print the metric's query (share/gg/queries/metrics/NAME.sql)",
	 NULL},

	/* ---- surveys: survey import, satisfaction ---- */

	/* ---- social organisations: social-org ... ---- */

	/* ---- departments' results: results import ---- */

	/* ---- appraisal: appraise, rank ---- */
	{"appraise", cmd_appraise, GG_RUN_WRITE, "--period P [--rubric FILE] [--level community|street]",
	 "appraise every community (or street) by a rubric, rank them, and keep the results\n"
	 "  in place of the same rubric's for the period\n"
	 "  --rubric FILE   the rubric (else the one built in, named default)\n"
	 "  --level L       the rubric's level, when it names none (community)",
	 NULL},
	{"rank", cmd_rank, GG_RUN_READ, "--period P [--rubric NAME] [--level L] [--under UNIT]",
	 "the appraisals kept for a period, best first, every indicator's points beside the total\n"
	 "  --rubric NAME   the rubric's name (default)\n"
	 "  --under UNIT    those within UNIT",
	 NULL},

	{0},
};

int main(int argc, char **argv)
{
	static const struct gg_tool tool = {"gg-score", "gg-score: metrics, surveys, social organisations and appraisals",
					    cmds, gg_score_kinds};
	return gg_cli_main(&tool, argc, argv);
}
