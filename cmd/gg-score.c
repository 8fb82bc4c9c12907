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

/* A filter's values, repeated or comma-separated, into its JSON list in f; one `ok` does not
 * allow is a usage error naming those it does. */
static int social_either(struct gg_ctx *c, json_t *f, const char *name, const char *const *ok, const char *arg)
{
	json_t *list = json_object_get(f, name);
	char one[256], all[256];

	if (!list)
		json_object_set_new(f, name, list = json_array());
	for (const char *p = arg, *end;; p = end + 1) {
		size_t n = strcspn(p, ",");
		int known = !ok;
		end = p + n;
		snprintf(one, sizeof one, "%.*s", (int)n, p);
		if (!*one)
			return gg_cli_usage(c, "--%s: an empty value in '%s'", name, arg);
		for (int i = 0; ok && ok[i]; i++)
			known |= !strcmp(ok[i], one);
		if (!known) {
			size_t len = 0;
			for (int i = 0; ok[i] && len < sizeof all; i++)
				len += (size_t)snprintf(all + len, sizeof all - len, "%s%s", i ? ", " : "", ok[i]);
			return gg_cli_usage(c, "unknown %s '%s' for --%s (one of: %s)", name, one, name, all);
		}
		json_array_append_new(list, json_string(one));
		if (!*end)
			break;
	}
	return 0;
}

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
			rc = social_either(c, f, "kind", gg_score_social_funding_kinds, optarg);
		else if (o == 'U')
			json_object_set_new(f, "under", json_string(optarg));
		else if (o == 'p' || o == 'F' || o == 'T')
			d[o == 'p' ? 0 : o == 'F' ? 1 : 2] = optarg;
		else
			rc = GG_EX_USAGE;
	}
	for (int i = optind; !rc && i < argc; i++)
		rc = social_either(c, f, "org", NULL, argv[i]);
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
		rc = social_either(c, f, "org", NULL, argv[i]);
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

/* ---- appraisal: appraise, rank ---- */

static const struct gg_cmd cmds[] = {
	/* ---- metrics ---- */

	/* ---- surveys: survey import, satisfaction ---- */

	/* ---- social organisations: social-org ... ---- */
	{"social-org", NULL, GG_RUN_NODB, NULL, "community social organisations: funding, ratings, stars",
	 social_org_cmds},

	/* ---- departments' results: results import ---- */

	/* ---- appraisal: appraise, rank ---- */

	{0},
};

int main(int argc, char **argv)
{
	static const struct gg_tool tool = {
		"gg-score", "gg-score: metrics, surveys, social organisations and appraisals", cmds, gg_score_kinds};
	return gg_cli_main(&tool, argc, argv);
}
