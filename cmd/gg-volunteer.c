/* SPDX-License-Identifier: Apache-2.0 */
/* gg-volunteer: Party members and volunteers serving their home community: who they are (gg-org
 * people), their skills and teams. Options and output only; the work is in
 * lib/volunteer*.c and lib/kind.c. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "kindcmd.h"
#include "volunteer.h"

/* team join|leave TEAM VOLUNTEER... */
static int team_members(struct gg_ctx *c, int argc, char **argv, int join)
{
	json_t *t = NULL;
	int rc;

	if (argc < 3)
		return gg_cli_usage(c, "%s needs a team and the volunteers", argv[0]);
	if ((rc = gg_volunteer_team(c, argv[1], (const char *const *)argv + 2, argc - 2, join)))
		return rc;
	if (gg_kind_get(c, &gg_team_kind, json_pack("{s:s}", "code", argv[1]), &t))
		return c->err.code;
	rc = gg_out_one(c, t);
	json_decref(t);
	return rc;
}

static int cmd_join(struct gg_ctx *c, int argc, char **argv)
{
	return team_members(c, argc, argv, 1);
}

static int cmd_leave(struct gg_ctx *c, int argc, char **argv)
{
	return team_members(c, argc, argv, 0);
}

/* ---- the hours ledger: log, verify, ledger, hours, stars, certificate ---- */

/* The columns of a ledger row (gg-volunteer(1)), and the few a table shows. */
static const char *const ledger_cols[] = {"id",		 "entry", "ref",     "volunteer", "community", "date",
					  "minutes",	 "hours", "counted", "activity",  "order_id",  "team",
					  "verified_by", "note",  "at",	     NULL};
static const char *const ledger_table_cols[] = {"id",	"entry", "ref",	    "volunteer",   "community",
						"date", "hours", "counted", "verified_by", NULL};
static const char *const certificate_cols[] = {"number",	 "volunteer", "name",	   "phone", "volunteer_no",
					       "home_community", "period",    "from",	   "to",    "hours",
					       "services",	 "issuer",    "issued_at", "hash",  NULL};
static const char *const stars_cols[] = {"volunteer", "name",	"home_community", "hours",  "stars",   "star_1",
					 "star_2",    "star_3", "star_4",	  "star_5", "next_at", "to_next",
					 NULL};

/* A row of the ledger: digits only, within 64 bits. */
static int parse_record(struct gg_ctx *c, const char *s, json_int_t *id)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (!isdigit((unsigned char)*s) || *end || v <= 0 || errno == ERANGE)
		return gg_cli_usage(c, "'%s' is not a row of the hours ledger (its id)", s);
	*id = v;
	return 0;
}

/* --period P, or --from DAY and --to DAY (both included), as the days [from, to) of f. */
static int days(struct gg_ctx *c, const char *period, const char *from, const char *to, json_t *f)
{
	int64_t a = 0, b = 0;
	char day[16];

	if (period && (from || to))
		return gg_cli_usage(c, "give --period or --from/--to, not both");
	if (period && gg_clock_period(period, &a, &b))
		return gg_cli_usage(c, "bad period '%s': use 2026, 2026-Q4, 2026-11 or 2026-W48", period);
	if (from && gg_clock_parse_date(from, &a))
		return gg_cli_usage(c, "bad date '%s' for --from (YYYY-MM-DD)", from);
	if (to && gg_clock_parse_date(to, &b))
		return gg_cli_usage(c, "bad date '%s' for --to (YYYY-MM-DD)", to);
	if (!period && to)
		b += 36 * 3600; /* the day after, whatever the length of this one */
	if (period || from) {
		gg_clock_format_date(a, day);
		json_object_set_new(f, "from", json_string(day));
	}
	if (period || to) {
		gg_clock_format_date(b, day);
		json_object_set_new(f, "to", json_string(day));
	}
	return 0;
}

/* Shows the ledger rows whose ids are in `ids`, as written. */
static int rows_written(struct gg_ctx *c, json_t *ids)
{
	struct gg_emit *e = gg_out_records(c, ledger_cols);
	json_t *row, *x;
	size_t i;
	int rc = 0;

	json_array_foreach (ids, i, x) {
		if ((rc = gg_volunteer_ledger_row(c, json_integer_value(x), &row)))
			break;
		gg_emit(e, row);
		json_decref(row);
	}
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static const struct option log_opts[] = {
	{"hours", required_argument, NULL, 'H'},     {"date", required_argument, NULL, 'd'},
	{"community", required_argument, NULL, 'c'}, {"team", required_argument, NULL, 't'},
	{"note", required_argument, NULL, 'n'},	     {"reverse", required_argument, NULL, 'R'},
	{"reason", required_argument, NULL, 'r'},    {0}};

/* log VOLUNTEER --hours H --date D [...] | log --reverse RECORD --reason TEXT */
static int cmd_log(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const names[128] = {['H'] = "hours", ['d'] = "date",	   ['c'] = "community", ['t'] = "team",
					       ['n'] = "note",	['R'] = "reverse", ['r'] = "reason"};
	json_t *a = json_object(), *ids = json_array();
	json_int_t record, id = 0;
	int o, rc = 0;

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", log_opts)) != -1)
		if (o > 0 && o < 128 && names[o])
			json_object_set_new(a, names[o], json_string(optarg));
		else
			rc = GG_EX_USAGE;
	const char *reverse = json_string_value(json_object_get(a, "reverse")),
		   *reason = json_string_value(json_object_get(a, "reason"));
	if (rc) {
	} else if (reverse) {
		if (optind < argc || json_object_size(a) != 1 + (reason != NULL))
			rc = gg_cli_usage(c, "log --reverse RECORD takes --reason TEXT and nothing else");
		else if (!reason || !*reason)
			rc = gg_cli_usage(c, "log --reverse needs --reason TEXT: why the row is taken back");
		else if (!(rc = parse_record(c, reverse, &record)))
			rc = gg_volunteer_reverse(c, record, reason, &id);
	} else if (reason) {
		rc = gg_cli_usage(c, "--reason goes with log --reverse");
	} else if (optind + 1 != argc) {
		rc = gg_cli_usage(c, "log takes one volunteer: log VOLUNTEER --hours H --date YYYY-MM-DD");
	} else if (!json_object_get(a, "hours") || !json_object_get(a, "date")) {
		rc = gg_cli_usage(c, "log needs --hours H and --date YYYY-MM-DD, the day served");
	} else {
		json_object_set_new(a, "volunteer", json_string(argv[optind]));
		rc = gg_volunteer_log(c, a, &id);
	}
	json_array_append_new(ids, json_integer(id));
	if (!rc)
		rc = rows_written(c, ids);
	json_decref(a);
	json_decref(ids);
	return rc;
}

static const struct option verify_opts[] = {{"by", required_argument, NULL, 'b'}, {0}};

/* verify RECORD... --by PERSON: one row each, all or none */
static int cmd_verify(struct gg_ctx *c, int argc, char **argv)
{
	const char *by = NULL;
	json_t *ids = json_array();
	json_int_t record, id;
	int o, rc = 0;

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", verify_opts)) != -1)
		rc = o == 'b' ? (by = optarg, 0) : GG_EX_USAGE;
	if (!rc && !by)
		rc = gg_cli_usage(c, "verify needs --by PERSON, a community worker of the community served");
	if (!rc && optind == argc)
		rc = gg_cli_usage(c, "name the rows of the ledger to verify by id");
	for (int i = optind; !rc && i < argc; i++)
		if (!(rc = parse_record(c, argv[i], &record)) && !(rc = gg_volunteer_verify(c, record, by, &id)))
			json_array_append_new(ids, json_integer(id));
	if (!rc)
		rc = rows_written(c, ids);
	json_decref(ids);
	return rc;
}

static const struct option ledger_opts[] = {
	{"volunteer", required_argument, NULL, 'v'}, {"community", required_argument, NULL, 'c'},
	{"entry", required_argument, NULL, 'e'},     {"under", required_argument, NULL, 'U'},
	{"period", required_argument, NULL, 'p'},    {"from", required_argument, NULL, 'F'},
	{"to", required_argument, NULL, 'T'},	     {0}};

/* Adds the values of a repeated or comma-separated filter to its list: any of them will do;
 * one that `ok` does not allow is a usage error naming those it does. */
static int either(struct gg_ctx *c, json_t *f, const char *name, const char *const *ok, const char *arg)
{
	json_t *list = json_object_get(f, name);
	char one[256];

	if (!list)
		json_object_set_new(f, name, list = json_array());
	for (const char *p = arg, *end; *p; p = *end ? end + 1 : end) {
		size_t n = strcspn(p, ",");
		int known = !ok;
		end = p + n;
		snprintf(one, sizeof one, "%.*s", (int)n, p);
		for (int i = 0; ok && ok[i]; i++)
			known |= !strcmp(ok[i], one);
		if (!known || !*one)
			return gg_cli_usage(c, "unknown %s '%s' for --%s (one of: service, verify, reverse)", name, one,
					    name);
		json_array_append_new(list, json_string(one));
	}
	return 0;
}

/* Takes --under, --period, --from and --to into f; any other option is the caller's. */
static int common(int o, json_t *f, const char *dates[3])
{
	if (o == 'U')
		json_object_set_new(f, "under", json_string(optarg));
	else if (o == 'p' || o == 'F' || o == 'T')
		dates[o == 'p' ? 0 : o == 'F' ? 1 : 2] = optarg;
	else
		return GG_EX_USAGE;
	return 0;
}

static int cmd_ledger(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const entries[] = {"service", "verify", "reverse", NULL};
	const char *d[3] = {NULL, NULL, NULL};
	json_t *f = json_object();
	int o, rc = 0;

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", ledger_opts)) != -1)
		rc = o == 'v'	? either(c, f, "volunteer", NULL, optarg)
		     : o == 'c' ? either(c, f, "community", NULL, optarg)
		     : o == 'e' ? either(c, f, "entry", entries, optarg)
				: common(o, f, d);
	if (!rc && optind < argc)
		rc = gg_cli_usage(c, "unexpected argument '%s'; filters are options, e.g. --volunteer CODE",
				  argv[optind]);
	if (!rc && !(rc = days(c, d[0], d[1], d[2], f))) {
		struct gg_emit *e = gg_out_list(
			c, c->fmt == GG_FMT_DEFAULT || c->fmt == GG_FMT_TABLE ? ledger_table_cols : ledger_cols);
		rc = gg_volunteer_ledger(c, f, gg_out_each, e);
		int wrc = gg_out_close(c, e);
		rc = rc ? rc : wrc;
	}
	json_decref(f);
	return rc;
}

static const struct option hours_opts[] = {
	{"by", required_argument, NULL, 'b'},	  {"under", required_argument, NULL, 'U'},
	{"period", required_argument, NULL, 'p'}, {"from", required_argument, NULL, 'F'},
	{"to", required_argument, NULL, 'T'},	  {0}};

/* hours --by GROUP: the query hours/GROUP and its columns */
static int cmd_hours(struct gg_ctx *c, int argc, char **argv)
{
	static const struct {
		const char *by;
		const char *cols[7];
	} groups[] = {
		{"volunteer", {"volunteer", "name", "home_community", "hours", "services", NULL}},
		{"team", {"team", "team_name", "community", "hours", "services", "volunteers", NULL}},
		{"community", {"community", "community_name", "hours", "services", "volunteers", NULL}},
		{"employer", {"employer", "employer_name", "hours", "services", "volunteers", NULL}},
	};
	const char *d[3] = {NULL, NULL, NULL}, *by = NULL;
	json_t *f = json_object();
	int o, rc = 0, g = -1;

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", hours_opts)) != -1)
		rc = o == 'b' ? (by = optarg, 0) : common(o, f, d);
	for (int i = 0; by && i < (int)(sizeof groups / sizeof *groups); i++)
		if (!strcmp(groups[i].by, by))
			g = i;
	if (rc) {
	} else if (optind < argc) {
		rc = gg_cli_usage(c, "unexpected argument '%s'", argv[optind]);
	} else if (g < 0) {
		rc = gg_cli_usage(c, "%s --by: one of volunteer, team, community, employer",
				  by ? "unknown group for" : "hours needs");
	} else if (!d[0] && !(d[1] && d[2])) {
		rc = gg_cli_usage(c, "hours needs --period P (2026, 2026-Q4, 2026-11, 2026-W48) or --from and --to");
	} else if (!(rc = days(c, d[0], d[1], d[2], f))) {
		struct gg_emit *e = gg_out_list(c, groups[g].cols);
		rc = gg_volunteer_totals(c, by, f, gg_out_each, e);
		int wrc = gg_out_close(c, e);
		rc = rc ? rc : wrc;
	}
	json_decref(f);
	return rc;
}

static const struct option stars_opts[] = {
	{"near", required_argument, NULL, 'n'}, {"under", required_argument, NULL, 'U'}, {0}};

static int cmd_stars(struct gg_ctx *c, int argc, char **argv)
{
	const char *d[3];
	json_t *f = json_object();
	double near = -1;
	char *end;
	int o, rc = 0;

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", stars_opts)) != -1) {
		if (o != 'n') {
			rc = o == 'U' ? common(o, f, d) : GG_EX_USAGE;
			continue;
		}
		near = strtod(optarg, &end);
		if (!isdigit((unsigned char)*optarg) || *end || near > 1e6)
			rc = gg_cli_usage(c, "--near takes a number of hours (50, or 12.5), not '%s'", optarg);
	}
	if (!rc && optind < argc)
		rc = gg_cli_usage(c, "unexpected argument '%s'", argv[optind]);
	if (!rc) {
		struct gg_emit *e = gg_out_list(c, stars_cols);
		rc = gg_volunteer_stars(c, near, f, gg_out_each, e);
		int wrc = gg_out_close(c, e);
		rc = rc ? rc : wrc;
	}
	json_decref(f);
	return rc;
}

static const struct option certificate_opts[] = {
	{"period", required_argument, NULL, 'p'}, {"issuer", required_argument, NULL, 'i'}, {0}};

static int cmd_certificate(struct gg_ctx *c, int argc, char **argv)
{
	const char *period = NULL, *issuer = NULL;
	json_t *f = json_object(), *out = NULL;
	int o, rc = 0;

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", certificate_opts)) != -1)
		rc = o == 'p' ? (period = optarg, 0) : o == 'i' ? (issuer = optarg, 0) : GG_EX_USAGE;
	if (rc) {
	} else if (optind + 1 != argc) {
		rc = gg_cli_usage(c, "certificate takes one volunteer: certificate VOLUNTEER --period P");
	} else if (!period) {
		rc = gg_cli_usage(c, "certificate needs --period P (2026, 2026-Q4, 2026-11, 2026-W48)");
	} else if (issuer && !*issuer) {
		rc = gg_cli_usage(c, "--issuer must not be empty");
	} else if (!(rc = days(c, period, NULL, NULL, f)) &&
		   !(rc = gg_volunteer_certificate(c, argv[optind], period,
						   json_string_value(json_object_get(f, "from")),
						   json_string_value(json_object_get(f, "to")), issuer, &out))) {
		struct gg_emit *e = gg_out_open(c, 0, certificate_cols);
		gg_emit(e, out);
		rc = gg_out_close(c, e);
	}
	json_decref(out);
	json_decref(f);
	return rc;
}

#define VOLUNTEER_FIELDS                                                                                               \
	"--person --name --phone --party-member --home-community --employer\n"                                         \
	"          --volunteer-no --skills --availability DAY:HH:MM-HH:MM --teams"

static const struct gg_cmd cmds[] = {
	GG_KIND_ENTRIES("volunteer (a gg-org person, or a new one with --name)", "volunteers", VOLUNTEER_FIELDS, ""),
	{"team", NULL, GG_RUN_NODB, NULL, "volunteer teams of a community",
	 GG_KIND_CMDS_AND(
		 "team", "teams", "--code --name --kind --community --leader --members", "",
		 {"join", cmd_join, GG_RUN_WRITE, "TEAM VOLUNTEER...", "put volunteers in a team", NULL},
		 {"leave", cmd_leave, GG_RUN_WRITE, "TEAM VOLUNTEER...", "take volunteers out of a team", NULL}, {0})},
	{"skill", NULL, GG_RUN_NODB, NULL, "the skills volunteers offer and orders need",
	 GG_KIND_CMDS("skill", "skills", "--code --name", "")},

	/* ---- service days: activity ... ---- */

	/* ---- the hours ledger: log, verify, hours, stars, certificate ---- */
	{"log", cmd_log, GG_RUN_WRITE,
	 "VOLUNTEER --hours H --date DAY [--community C] [--team T] [--note TEXT] | --reverse RECORD --reason TEXT",
	 "log hours served (H more than 0, at most 24), or take a row back\n"
	 "  --community C   the community served (else the volunteer's home)\n"
	 "  --team T        the team served with\n"
	 "  --note TEXT     what was done\n"
	 "  --reverse RECORD --reason TEXT   append the row reversing service row RECORD",
	 NULL},
	{"verify", cmd_verify, GG_RUN_WRITE, "RECORD... --by PERSON",
	 "verify service rows: PERSON a community worker of the community served", NULL},
	{"ledger", cmd_ledger, GG_RUN_LIST,
	 "[--volunteer V] [--community C] [--entry E] [--under UNIT] [--period P | --from DAY --to DAY]",
	 "the rows of the hours ledger, as written\n  --entry service, verify or reverse", NULL},
	{"hours", cmd_hours, GG_RUN_READ,
	 "--by volunteer|team|community|employer (--period P | --from DAY --to DAY) [--under UNIT]",
	 "verified hours of each group in a period (--under: served in that subtree)", NULL},
	{"stars", cmd_stars, GG_RUN_READ, "[--near H] [--under UNIT]",
	 "star levels of verified hours (1 star at 100 h ... 5 at 1500 h), the day each was reached\n"
	 "  --near H     those within H hours of their next level instead\n"
	 "  --under UNIT volunteers whose home community is in that subtree",
	 NULL},
	{"certificate", cmd_certificate, GG_RUN_WRITE, "VOLUNTEER --period P [--issuer TEXT]",
	 "issue a numbered certificate of a volunteer's verified hours in a period\n"
	 "  --issuer TEXT   who issues it (else the volunteer's home community)",
	 NULL},

	/* ---- resident orders: order ..., match ---- */

	/* ---- Party members: pledge ..., report-in, members ---- */

	{0},
};

int main(int argc, char **argv)
{
	static const struct gg_tool tool = {"gg-volunteer", "gg-volunteer: volunteers, teams and their service", cmds,
					    gg_volunteer_kinds};
	return gg_cli_main(&tool, argc, argv);
}
