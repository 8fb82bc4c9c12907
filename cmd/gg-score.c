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
		json_object_foreach (r, k, v)
			cols[n++] = k;
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
		case 'p':
			period = optarg;
			break;
		case 'l':
			level = optarg;
			break;
		case 'u':
			unit = optarg;
			break;
		case 'U':
			under = optarg;
			break;
		case 'L':
			list = 1;
			break;
		case 'x':
			explain = optarg;
			break;
		case 'e':
			each = 1;
			break;
		default:
			return GG_EX_USAGE;
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
	json_array_foreach (recs, i, r)
		gg_emit(e, r);
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

#define SOCIAL_ORG_FIELDS "--code --name --kind --community --has-party-org --credit-code --founded --contact"

/* The columns of social-org show, fund and funding, rate and history (gg-score(1)). */
static const char *const social_show_cols[] = {"code",	      "name",	 "kind",    "community",       "has_party_org",
					       "credit_code", "founded", "contact", "stars",	       "rated_period",
					       "total",	      "ratings", "funding", "funding_records", NULL};
static const char *const social_funding_cols[] = {"id",	  "org",  "name",     "community", "kind", "amount",
						  "date", "note", "reverses", "at",	   NULL};
static const char *const social_rating_cols[] = {
	"id",	  "org",   "name",   "community", "period", "organisation", "credibility", "efficiency", "total",
	"earned", "stars", "capped", "previous",  "change", "replaces",	    "note",	   "at",	 NULL};

/* social-org show CODE...: the organisation, the stars it holds and the funding it received */
static int cmd_social_show(struct gg_ctx *c, int argc, char **argv)
{
	int rc = 0;

	if (gg_cli_opts(c, argc, argv, "", (struct option[]){{0}}) == -2)
		return GG_EX_USAGE;
	if (optind == argc)
		return gg_cli_usage(c, "name the social organisations to show by code");
	struct gg_emit *e = gg_out_records(c, social_show_cols);
	for (int i = optind; i < argc && !rc; i++) {
		json_t *out = NULL;
		if (!(rc = gg_score_social_show(c, argv[i], &out)))
			rc = gg_out_each(c, out, e);
		json_decref(out);
	}
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static const struct option social_fund_opts[] = {{"kind", required_argument, NULL, 'k'},
						 {"amount", required_argument, NULL, 'a'},
						 {"date", required_argument, NULL, 'd'},
						 {"note", required_argument, NULL, 'n'},
						 {"reverse", required_argument, NULL, 'R'},
						 {"reason", required_argument, NULL, 'r'},
						 {0}};

/* social-org fund ORG --kind K --amount YUAN --date DAY [--note TEXT] | fund --reverse ID --reason TEXT */
static int cmd_social_fund(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const names[128] = {
		['k'] = "kind", ['a'] = "amount", ['d'] = "date", ['n'] = "note", ['R'] = "reverse", ['r'] = "reason"};
	json_t *a = json_object(), *out = NULL;
	json_int_t id;
	int o, rc = 0;

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", social_fund_opts)) != -1)
		if (o > 0 && o < 128 && names[o])
			json_object_set_new(a, names[o], json_string(optarg));
		else
			rc = GG_EX_USAGE;
	const char *reverse = json_string_value(json_object_get(a, "reverse")),
		   *reason = json_string_value(json_object_get(a, "reason")),
		   *kind = json_string_value(json_object_get(a, "kind"));
	int known = 0;
	for (int i = 0; kind && gg_score_social_funding_kinds[i]; i++)
		known |= !strcmp(kind, gg_score_social_funding_kinds[i]);
	if (rc) {
	} else if (reverse) {
		if (optind < argc || json_object_size(a) != 1 + (reason != NULL))
			rc = gg_cli_usage(c, "fund --reverse ID takes --reason TEXT and nothing else");
		else if (!reason || !*reason)
			rc = gg_cli_usage(c, "fund --reverse needs --reason TEXT: why the record is taken back");
		else if (!(rc = gg_cli_id(c, "funding record", reverse, &id)))
			rc = gg_score_social_unfund(c, id, reason, &out);
	} else if (reason) {
		rc = gg_cli_usage(c, "--reason goes with fund --reverse");
	} else if (optind + 1 != argc) {
		rc = gg_cli_usage(c, "fund takes one organisation: fund ORG --kind K --amount YUAN --date YYYY-MM-DD");
	} else if (!kind || !json_object_get(a, "amount") || !json_object_get(a, "date")) {
		rc = gg_cli_usage(
			c, "fund needs --kind (purchase, subsidy, project), --amount YUAN and --date YYYY-MM-DD");
	} else if (!known) {
		rc = gg_cli_usage(c, "unknown kind '%s' for --kind (one of: purchase, subsidy, project)", kind);
	} else {
		json_object_set_new(a, "org", json_string(argv[optind]));
		rc = gg_score_social_fund(c, a, &out);
	}
	if (!rc) {
		struct gg_emit *e = gg_out_records(c, social_funding_cols);
		gg_emit(e, out);
		rc = gg_out_close(c, e);
	}
	json_decref(out);
	json_decref(a);
	return rc;
}

static const struct option social_funding_opts[] = {
	{"kind", required_argument, NULL, 'k'},	  {"under", required_argument, NULL, 'U'},
	{"period", required_argument, NULL, 'p'}, {"from", required_argument, NULL, 'F'},
	{"to", required_argument, NULL, 'T'},	  {0}};

/* social-org funding [ORG...] [--kind K] [--under UNIT] [--period P | --from DAY --to DAY] */
static int cmd_social_funding(struct gg_ctx *c, int argc, char **argv)
{
	const char *d[3] = {NULL, NULL, NULL};
	json_t *f = json_object();
	char a[16], b[16];
	int o, rc = 0;

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", social_funding_opts)) != -1) {
		if (o == 'k')
			rc = gg_cli_either(c, f, "kind", gg_score_social_funding_kinds, optarg);
		else if (o == 'U')
			json_object_set_new(f, "under", json_string(optarg));
		else if (o == 'p' || o == 'F' || o == 'T')
			d[o == 'p' ? 0 : o == 'F' ? 1 : 2] = optarg;
		else
			rc = GG_EX_USAGE;
	}
	for (int i = optind; !rc && i < argc; i++)
		rc = gg_cli_either(c, f, "org", NULL, argv[i]);
	if (!rc && !(rc = gg_cli_days(c, d[0], d[1], d[2], a, b))) {
		if (*a)
			json_object_set_new(f, "from", json_string(a));
		if (*b)
			json_object_set_new(f, "to", json_string(b));
		struct gg_emit *e = gg_out_list(c, social_funding_cols);
		rc = gg_score_social_funding(c, f, gg_out_each, e);
		int wrc = gg_out_close(c, e);
		rc = rc ? rc : wrc;
	}
	json_decref(f);
	return rc;
}

static const struct option social_rate_opts[] = {{"period", required_argument, NULL, 'p'},
						 {"organisation", required_argument, NULL, 'o'},
						 {"credibility", required_argument, NULL, 'c'},
						 {"efficiency", required_argument, NULL, 'e'},
						 {"note", required_argument, NULL, 'n'},
						 {"replace", no_argument, NULL, 'R'},
						 {0}};

/* social-org rate ORG --period P --organisation N --credibility N --efficiency N [--note T] [--replace] */
static int cmd_social_rate(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const names[128] = {
		['p'] = "period", ['o'] = "organisation", ['c'] = "credibility", ['e'] = "efficiency", ['n'] = "note"};
	json_t *a = json_object(), *out = NULL;
	int o, rc = 0, replace = 0;
	char from[16], to[16];

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", social_rate_opts)) != -1)
		if (o == 'R')
			replace = 1;
		else if (o > 0 && o < 128 && names[o])
			json_object_set_new(a, names[o], json_string(optarg));
		else
			rc = GG_EX_USAGE;
	const char *period = json_string_value(json_object_get(a, "period"));
	if (rc) {
	} else if (optind + 1 != argc) {
		rc = gg_cli_usage(c,
				  "rate takes one organisation: rate ORG --period P --organisation N --credibility N "
				  "--efficiency N");
	} else if (!period) {
		rc = gg_cli_usage(c, "rate needs --period P (2026, 2026-Q4, 2026-11, 2026-W48)");
	} else if (!json_object_get(a, "organisation") || !json_object_get(a, "credibility") ||
		   !json_object_get(a, "efficiency")) {
		rc = gg_cli_usage(
			c, "rate needs the three scores: --organisation N --credibility N --efficiency N (0-100)");
	} else if (!(rc = gg_cli_days(c, period, NULL, NULL, from, to))) {
		json_object_set_new(a, "org", json_string(argv[optind]));
		if (!(rc = gg_score_social_rate(c, a, replace, &out))) {
			struct gg_emit *e = gg_out_records(c, social_rating_cols);
			gg_emit(e, out);
			rc = gg_out_close(c, e);
		}
	}
	json_decref(out);
	json_decref(a);
	return rc;
}

static const struct option social_history_opts[] = {
	{"under", required_argument, NULL, 'U'}, {"changes", no_argument, NULL, 'c'}, {0}};

/* social-org history [ORG...] [--under UNIT] [--changes] */
static int cmd_social_history(struct gg_ctx *c, int argc, char **argv)
{
	json_t *f = json_object();
	int o, rc = 0;

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", social_history_opts)) != -1)
		if (o == 'U')
			json_object_set_new(f, "under", json_string(optarg));
		else if (o == 'c')
			json_object_set_new(f, "changes", json_integer(1));
		else
			rc = GG_EX_USAGE;
	for (int i = optind; !rc && i < argc; i++)
		rc = gg_cli_either(c, f, "org", NULL, argv[i]);
	if (!rc) {
		struct gg_emit *e = gg_out_list(c, social_rating_cols);
		rc = gg_score_social_history(c, f, gg_out_each, e);
		int wrc = gg_out_close(c, e);
		rc = rc ? rc : wrc;
	}
	json_decref(f);
	return rc;
}

/* The social-org subcommands: add, list, set and rm of the entity layer; show with the stars
 * and funding; then funding and ratings. */
static const struct gg_cmd social_org_cmds[] = {
	{"add", gg_kindcmd_add, GG_RUN_WRITE, "[--FIELD VALUE]... | --file FILE | -",
	 "add a social organisation (fields as options, or records from a file or - for stdin)\n"
	 "  --kind service, public_welfare or mutual_aid\n"
	 "  --credit-code    the unified social credit code, its check character verified (GB 32100);\n"
	 "                   a --code that is one is taken for it\n"
	 "  fields: " SOCIAL_ORG_FIELDS,
	 NULL},
	{"list", gg_kindcmd_list, GG_RUN_LIST, "[--FIELD VALUE]... [--under UNIT]",
	 "list social organisations, filtered by field values or a subtree\n  fields: " SOCIAL_ORG_FIELDS, NULL},
	{"show", cmd_social_show, GG_RUN_READ, "CODE...",
	 "show social organisations with the stars they hold, their latest rating and funding in all", NULL},
	{"set", gg_kindcmd_set, GG_RUN_WRITE, "CODE [--FIELD VALUE]...",
	 "change fields of a social organisation (an empty value removes one)\n  fields: " SOCIAL_ORG_FIELDS, NULL},
	{"rm", gg_kindcmd_rm, GG_RUN_WRITE, "CODE... | -", "remove social organisations with no funding or ratings",
	 NULL},
	{"fund", cmd_social_fund, GG_RUN_WRITE,
	 "ORG --kind purchase|subsidy|project --amount YUAN --date DAY [--note TEXT] | --reverse ID --reason TEXT",
	 "record funding an organisation received (购买服务、补贴、项目资助), or take a record back\n"
	 "  --amount YUAN     more than 0, two decimals at most (1234.56)\n"
	 "  --reverse ID --reason TEXT   append the record of the opposite amount reversing record ID",
	 NULL},
	{"funding", cmd_social_funding, GG_RUN_LIST,
	 "[ORG...] [--kind K] [--under UNIT] [--period P | --from DAY --to DAY]",
	 "funding records in the order written; a filter repeated or comma-separated means either", NULL},
	{"rate", cmd_social_rate, GG_RUN_WRITE,
	 "ORG --period P --organisation N --credibility N --efficiency N [--note TEXT] [--replace]",
	 "rate an organisation for a period (评星定级): three scores 0-100, weighted, stars from cut-offs\n"
	 "  a period rated already is refused; --replace rates it anew, the earlier rating kept\n"
	 "  without a Party organisation: 4 stars at most\n"
	 "  rules: share/gg/score/social-org.yaml, or the file GG_SOCIAL_ORG_RATING names",
	 NULL},
	{"history", cmd_social_history, GG_RUN_READ, "[ORG...] [--under UNIT] [--changes]",
	 "every rating of each organisation in order, each with its change: first, up, down or same\n"
	 "  --changes         only the up- and downgrades",
	 NULL},
	{0},
};

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

static const struct option appraise_opts[] = {
	{"period", required_argument, NULL, 'p'}, {"rubric", required_argument, NULL, 'r'},
	{"level", required_argument, NULL, 'l'},  {"under", required_argument, NULL, 'U'},
	{"replace", no_argument, NULL, 'R'},	  {0}};

/* tsv, csv and table: who and the total, each indicator's points (named by its metric, or
 * result:DEPT, in the rubric's order, as every record of one appraisal has them), bonus and
 * deductions. */
static const char **appraisal_cols(json_t *r)
{
	static const char *const lead[] = {"rank", "unit", "name", "total"};
	json_t *ind = json_object_get(r, "indicators"), *x;
	const char **cols = calloc(json_array_size(ind) + 7, sizeof *cols);
	size_t n = 0, i;

	if (!cols)
		return NULL;
	for (; n < 4; n++)
		cols[n] = lead[n];
	json_array_foreach (ind, i, x) {
		const char *m = json_string_value(json_object_get(x, "metric")), *k;
		json_t *v;
		if (m) {
			cols[n++] = m;
			continue;
		}
		json_object_foreach (r, k, v)
			if (!strncmp(k, "result:", 7) &&
			    !strcmp(k + 7, json_string_value(json_object_get(x, "result")))) {
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

	json_array_foreach (recs, i, r)
		gg_emit(e, r);
	int rc = gg_out_close(c, e);
	free(cols);
	return rc;
}

static int cmd_appraise(struct gg_ctx *c, int argc, char **argv)
{
	const char *period = NULL, *rubric = NULL, *level = NULL;
	json_t *out;
	int o, rc, replace = 0;

	while ((o = gg_cli_opts(c, argc, argv, "", appraise_opts)) != -1) {
		switch (o) {
		case 'p':
			period = optarg;
			break;
		case 'r':
			rubric = optarg;
			break;
		case 'l':
			level = optarg;
			break;
		case 'R':
			replace = 1;
			break;
		default:
			return o == 'U' ? gg_cli_usage(
						  c, "appraise ranks every unit at its level: rank --under shows some")
					: GG_EX_USAGE;
		}
	}
	if (optind < argc)
		return gg_cli_usage(c, "unexpected argument '%s'", argv[optind]);
	if (!period)
		return gg_cli_usage(c, "appraise needs --period P (2026-11, 2026-Q4, 2026)");
	if ((rc = gg_score_appraise(c, rubric, period, level, replace, &out)))
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
		case 'p':
			period = optarg;
			break;
		case 'r':
			rubric = optarg;
			break;
		case 'l':
			level = optarg;
			break;
		case 'U':
			under = optarg;
			break;
		default:
			json_decref(recs);
			return o == 'R' ? gg_cli_usage(c, "--replace goes with appraise") : GG_EX_USAGE;
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
				"no appraisal by the rubric '%s' for %s%s%s: gg-score appraise makes one", rubric,
				period, level ? " at the level " : "", level ? level : "");
	if (!rc)
		rc = emit_all(c, recs);
	json_decref(recs);
	return rc;
}

static const struct gg_cmd cmds[] = {
	/* ---- metrics ---- */
	{"metrics", cmd_metrics, GG_RUN_READ,
	 "--period P [--level community|street|district | --unit CODE] [--under UNIT] [--each] | --list | --explain "
	 "NAME",
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
	{"social-org", NULL, GG_RUN_NODB, NULL, "community social organisations: funding, ratings, stars",
	 social_org_cmds},

	/* ---- departments' results: results import ---- */
	{"results", NULL, GG_RUN_NODB, NULL, "departments' appraisal results (考核结果互认互用)", results_cmds},

	/* ---- appraisal: appraise, rank ---- */
	{"appraise", cmd_appraise, GG_RUN_WRITE, "--period P [--rubric FILE|-] [--level community|street] [--replace]",
	 "appraise every community (or street) by a rubric, rank them, and keep the results\n"
	 "  in place of the same rubric's for the period\n"
	 "  --rubric FILE   the rubric, - for stdin (else the one built in, named default)\n"
	 "  --replace       replace appraisals a file of the same rubric name made\n"
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
	static const struct gg_tool tool = {
		"gg-score", "gg-score: metrics, surveys, social organisations and appraisals", cmds, gg_score_kinds, 0,
		0};
	return gg_cli_main(&tool, argc, argv);
}
