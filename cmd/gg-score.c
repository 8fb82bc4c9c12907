/* SPDX-License-Identifier: Apache-2.0 */
/* gg-score: the figures an appraisal is built from, and the appraisals: metrics, satisfaction
 * surveys, social organisations and their stars, departments' results, rubrics and ranks.
 * Options and output only; the work is in lib/score*.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
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

static const struct option survey_import_opts[] = {{"file", required_argument, NULL, 'f'},
						   {"from", required_argument, NULL, 'F'},
						   {"dry-run", no_argument, NULL, 'n'},
						   {0}};

/* survey import [-f FILE | -] [--from yaml|json|csv] [--dry-run] */
static int cmd_survey_import(struct gg_ctx *c, int argc, char **argv)
{
	const char *file = NULL, *from = "yaml";
	json_int_t n;
	int o, rc;

	while ((o = gg_cli_opts(c, argc, argv, "f:n", survey_import_opts)) != -1) {
		if (o == 'f')
			file = optarg;
		else if (o == 'F')
			from = optarg;
		else if (o == 'n')
			c->rollback = 1;
		else
			return GG_EX_USAGE;
	}
	if (optind < argc && !file)
		file = argv[optind++];
	if (optind < argc)
		return gg_cli_usage(c, "survey import reads one input");
	if (!file)
		return gg_cli_usage(c, "give the responses with --file FILE, or - (stdin)");
	if (strcmp(from, "yaml") && strcmp(from, "json") && strcmp(from, "csv"))
		return gg_cli_usage(c, "--from takes yaml, json or csv, not '%s'", from);
	if ((rc = gg_score_survey_import(c, file, !strcmp(from, "csv"), &n)))
		return rc;
	json_t *sum = json_pack("{s:I}", "imported", n);
	rc = gg_out_one(c, sum);
	json_decref(sum);
	return rc;
}

static const struct option satisfaction_opts[] = {
	{"period", required_argument, NULL, 'p'}, {"from", required_argument, NULL, 'f'},
	{"to", required_argument, NULL, 't'},	  {"under", required_argument, NULL, 'u'},
	{"strict", no_argument, NULL, 's'},	  {0},
};

/* satisfaction (--period P | --from DAY --to DAY) [--under UNIT] [--strict]: exit 1 when any
 * Party organisation is listed, so cron mails the list. */
static int cmd_satisfaction(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const cols[] = {"party_org", "name",	       "community", "responses", "satisfied",
					   "basic",	"unsatisfied", "rate",	    "low",	 "high",
					   "verdict",	"sample",      NULL};
	const char *period = NULL, *f = NULL, *t = NULL, *under = NULL;
	char from[16], to[16];
	int o, rc, strict = 0;

	while ((o = gg_cli_opts(c, argc, argv, "", satisfaction_opts)) != -1) {
		if (o == 'p')
			period = optarg;
		else if (o == 'f')
			f = optarg;
		else if (o == 't')
			t = optarg;
		else if (o == 'u')
			under = optarg;
		else if (o == 's')
			strict = 1;
		else
			return GG_EX_USAGE;
	}
	if (optind < argc)
		return gg_cli_usage(c, "satisfaction takes no arguments; the period is --period P or --from/--to");
	if (!period && (!f || !t))
		return gg_cli_usage(c, "give --period P, or both --from and --to (both days included)");
	if ((rc = gg_cli_days(c, period, f, t, from, to)))
		return rc;
	if (t && strcmp(to, from) <= 0) /* to is the day after --to */
		return gg_cli_usage(c, "--to %s is before --from %s", t, f);
	struct gg_emit *e = gg_out_list(c, cols);
	rc = gg_score_satisfaction(c, from, to, under, strict, gg_out_each, e);
	int wrc = gg_out_close(c, e);
	return rc == 0 || rc == GG_EX_FOUND ? (wrc ? wrc : rc) : rc;
}

static const struct gg_cmd survey_cmds[] = {
	{"import", cmd_survey_import, GG_RUN_WRITE, "(-f FILE | -) [--from yaml|json|csv] [--dry-run]",
	 "take in answers to a satisfaction survey, all or none\n"
	 "  fields: community, party_org, date, answer (satisfied, basic or\n"
	 "  unsatisfied), and household, or building and room\n"
	 "  --from csv        a CSV file whose header names the fields\n"
	 "  --dry-run         check them, write nothing",
	 NULL},
	{0},
};

/* ---- social organisations: social-org ... ---- */

/* ---- departments' results: results import ---- */

static const struct option results_import_opts[] = {{"file", required_argument, NULL, 'f'},
						    {"replace", no_argument, NULL, 'r'},
						    {"dry-run", no_argument, NULL, 'n'},
						    {0}};

/* results import [-f FILE | -] [--replace] [--dry-run] */
static int cmd_results_import(struct gg_ctx *c, int argc, char **argv)
{
	const char *file = NULL;
	int o, rc, replace = 0;

	while ((o = gg_cli_opts(c, argc, argv, "f:n", results_import_opts)) != -1) {
		if (o == 'f')
			file = optarg;
		else if (o == 'r')
			replace = 1;
		else if (o == 'n')
			c->rollback = 1;
		else
			return GG_EX_USAGE;
	}
	if (optind < argc && !file)
		file = argv[optind++];
	if (optind < argc)
		return gg_cli_usage(c, "results import reads one input");
	if (!file)
		return gg_cli_usage(c, "give the results with --file FILE, or - (stdin)");
	json_t *sum = json_object();
	if (!(rc = gg_score_result_import(c, file, replace, sum)))
		rc = gg_out_one(c, sum);
	json_decref(sum);
	return rc;
}

static const struct option results_list_opts[] = {
	{"department", required_argument, NULL, 'd'},
	{"unit", required_argument, NULL, 'u'},
	{"period", required_argument, NULL, 'p'},
	{0},
};

/* results list [--department D] [--unit U] [--period P] */
static int cmd_results_list(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const cols[] = {"department", "unit", "period",	"score",
					   "grade",	 "note", "imported_at", NULL};
	json_t *filter = json_object();
	int64_t a, b;
	int o, rc;

	while ((o = gg_cli_opts(c, argc, argv, "", results_list_opts)) != -1) {
		if (o == 'p' && gg_clock_period(optarg, &a, &b)) {
			json_decref(filter);
			return gg_cli_usage(c, "bad period '%s': use 2026, 2026-Q4, 2026-11 or 2026-W48", optarg);
		}
		if (o == 'd' || o == 'u' || o == 'p') {
			json_object_set_new(filter,
					    o == 'd'   ? "department"
					    : o == 'u' ? "unit"
						       : "period",
					    json_string(optarg));
		} else {
			json_decref(filter);
			return GG_EX_USAGE;
		}
	}
	if (optind < argc) {
		json_decref(filter);
		return gg_cli_usage(c, "results list takes no arguments; filter with --department, --unit, --period");
	}
	struct gg_emit *e = gg_out_list(c, cols);
	rc = gg_score_result_list(c, filter, gg_out_each, e);
	int wrc = gg_out_close(c, e);
	json_decref(filter);
	return rc ? rc : wrc;
}

static const struct gg_cmd results_cmds[] = {
	{"import", cmd_results_import, GG_RUN_WRITE, "(-f FILE | -) [--replace] [--dry-run]",
	 "take in departments' appraisal results, all or none\n"
	 "  fields: department, unit, period (2026-11, 2026-Q4, 2026-W48, 2026),\n"
	 "  score (0 to 100), grade, note\n"
	 "  --replace         replace a result of the same department, unit and\n"
	 "                    period (else refused: one result is recognised)\n"
	 "  --dry-run         check them, write nothing",
	 NULL},
	{"list", cmd_results_list, GG_RUN_LIST, "[--department D] [--unit U] [--period P]",
	 "the departments' appraisal results, by unit, period and department\n"
	 "  --period P        as written on import: 2026-11 is not 2026-Q4",
	 NULL},
	{0},
};

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
	{"survey", NULL, GG_RUN_NODB, NULL, "answers to satisfaction surveys (群众满意度调查)", survey_cmds},
	{"satisfaction", cmd_satisfaction, GG_RUN_READ, "(--period P | --from DAY --to DAY) [--under UNIT] [--strict]",
	 "each community Party organisation's satisfaction in a period\n"
	 "  rate, low and high (95% Wilson interval) in percent; exit 1 if\n"
	 "  any is listed (rate under 60%); a household counts once\n"
	 "  --under UNIT      communities in the subtree of UNIT\n"
	 "  --strict          basic does not count as satisfied",
	 NULL},

	/* ---- social organisations: social-org ... ---- */

	/* ---- departments' results: results import ---- */
	{"results", NULL, GG_RUN_NODB, NULL, "departments' appraisal results (考核结果互认互用)", results_cmds},

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
