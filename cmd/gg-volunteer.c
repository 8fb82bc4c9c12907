/* SPDX-License-Identifier: Apache-2.0 */
/* gg-volunteer: Party members and volunteers serving their home community: who they are (gg-org
 * people), their skills and teams. Options and output only; the work is in
 * lib/volunteer*.c and lib/kind.c. */
#include <ctype.h>
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

/* ---- service days: activity signup|checkin|checkout|noshow|cancel, signups ---- */

static int activity_id(struct gg_ctx *c, const char *s, json_int_t *id)
{
	char *end;
	long long v = strtoll(s, &end, 10);

	if (!isdigit((unsigned char)*s) || *end || v <= 0)
		return gg_cli_usage(c, "'%s' is not an activity id", s);
	*id = v;
	return 0;
}

/* activity STEP ID VOLUNTEER... [--at TIME]; activity cancel ID alone calls the day off */
static int cmd_signup_step(struct gg_ctx *c, int argc, char **argv)
{
	static const struct option opts[] = {{"at", required_argument, NULL, 'a'}, {0}};
	const char *step = argv[0], *at_text = NULL;
	int timed = !strcmp(step, "checkin") || !strcmp(step, "checkout"), o, rc = 0;
	int64_t at = -1;
	json_int_t id;

	while ((o = gg_cli_opts(c, argc, argv, "", opts)) != -1) {
		if (o == -2)
			return GG_EX_USAGE;
		at_text = optarg;
	}
	if (at_text && !timed)
		return gg_cli_usage(c, "%s takes no --at: its time is now (--now)", step);
	if (at_text && gg_clock_parse(at_text, &at))
		return gg_cli_usage(c, "bad time '%s' for --at (ISO 8601: 2026-11-28T09:05+08:00)", at_text);
	if (optind >= argc || (optind + 1 == argc && strcmp(step, "cancel")))
		return gg_cli_usage(c, "%s needs an activity id and the volunteers", step);
	if ((rc = activity_id(c, argv[optind], &id)))
		return rc;
	struct gg_emit *e = gg_out_records(c, gg_volunteer_signup_cols);
	if (optind + 1 == argc)
		rc = gg_volunteer_activity_cancel(c, id, gg_out_each, e);
	for (int i = optind + 1; i < argc && !rc; i++) {
		json_t *out = NULL;
		if (!(rc = gg_volunteer_signup(c, step, id, argv[i], at, &out)))
			rc = gg_out_each(c, out, e);
		json_decref(out);
	}
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

/* activity signups ID...: who signed up, and how far each got */
static int cmd_signups(struct gg_ctx *c, int argc, char **argv)
{
	json_int_t id;
	int rc = 0;

	if (gg_cli_opts(c, argc, argv, "", (struct option[]){{0}}) == -2)
		return GG_EX_USAGE;
	if (optind >= argc)
		return gg_cli_usage(c, "signups needs activity ids");
	for (int i = optind; i < argc && !rc; i++)
		rc = activity_id(c, argv[i], &id);
	if (rc)
		return rc;
	struct gg_emit *e = gg_out_list(c, gg_volunteer_signup_cols);
	for (int i = optind; i < argc && !rc; i++) {
		activity_id(c, argv[i], &id);
		rc = gg_volunteer_signups(c, id, gg_out_each, e);
	}
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

#define ACTIVITY_FIELDS                                                                                                \
	"--id --community --date --hours HH:MM-HH:MM --capacity --kind\n"                                              \
	"          --team --title --status --taken"

#define VOLUNTEER_FIELDS                                                                                               \
	"--person --name --phone --party-member --home-community --employer\n"                                         \
	"          --volunteer-no --skills --availability DAY:HH:MM-HH:MM --teams"

/* ---- Party members: pledge ..., report-in, members ---- */

#define PLEDGE_FIELDS "--person --community --text --due --done-at"

static const char *const pledge_cols[] = {"id", "person", "community", "text", "due", "done_at", NULL};

/* A day given to --on: YYYY-MM-DD, else a usage error naming the option. */
static int day_opt(struct gg_ctx *c, const char *s)
{
	int64_t t;
	return gg_clock_parse_date(s, &t) ? gg_cli_usage(c, "bad date '%s' for --on (YYYY-MM-DD)", s) : 0;
}

static int overdue_only(struct gg_ctx *c, json_t *rec, json_t *extras, void *asked)
{
	(void)c;
	if (!json_object_get(extras, "overdue"))
		return 1;
	*(int *)asked = 1;
	return gg_volunteer_pledge_overdue(rec);
}

/* pledge list [FILTERS] [--overdue]: with --overdue, exit 1 when any is listed. */
static int cmd_pledge_list(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const own[] = {"!overdue", NULL};
	size_t n = 0;
	int overdue = 0, rc;

	if ((rc = gg_kindcmd_list_with(c, argc, argv, own, overdue_only, &overdue, &n)))
		return rc;
	return overdue && n ? GG_EX_FOUND : 0;
}

static const struct option on_opts[] = {{"on", required_argument, NULL, 'o'}, {0}};

/* pledge done ID... [--on DATE] */
static int cmd_pledge_done(struct gg_ctx *c, int argc, char **argv)
{
	const char *on = NULL;
	json_t *out;
	int o, rc = 0;

	while ((o = gg_cli_opts(c, argc, argv, "", on_opts)) != -1)
		if (o != 'o' || day_opt(c, on = optarg))
			return o == 'o' ? c->err.code : GG_EX_USAGE;
	if (optind == argc)
		return gg_cli_usage(c, "pledge done needs the ids of the pledges kept");
	struct gg_emit *e = gg_out_records(c, pledge_cols);
	for (int i = optind; i < argc && !rc; i++) {
		char *end;
		long long id = strtoll(argv[i], &end, 10);
		if (!*argv[i] || *end || id <= 0) {
			rc = gg_cli_usage(c, "a pledge is named by its id (a number), not '%s'", argv[i]);
			break;
		}
		if (!(rc = gg_volunteer_pledge_done(c, id, on, &out)))
			gg_emit(e, out);
		json_decref(out);
	}
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static const struct option report_opts[] = {
	{"community", required_argument, NULL, 'c'},
	{"on", required_argument, NULL, 'o'},
	{"employer", required_argument, NULL, 'e'},
	{0},
};

/* report-in PERSON --community C [--on DATE] [--employer E] */
static int cmd_report_in(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const cols[] = {"person", "name", "year", "community", "date", "volunteer_added", NULL};
	const char *community = NULL, *on = NULL, *employer = NULL;
	json_t *out = NULL;
	int o, rc;

	while ((o = gg_cli_opts(c, argc, argv, "", report_opts)) != -1) {
		if (o == 'c')
			community = optarg;
		else if (o == 'e')
			employer = optarg;
		else if (o != 'o' || day_opt(c, on = optarg))
			return o == 'o' ? c->err.code : GG_EX_USAGE;
	}
	if (optind + 1 != argc || !community)
		return gg_cli_usage(c, "report-in takes one person and --community CODE");
	if ((rc = gg_volunteer_report_in(c, argv[optind], community, on, employer, &out)))
		return rc;
	struct gg_emit *e = gg_out_open(c, 0, cols);
	gg_emit(e, out);
	json_decref(out);
	return gg_out_close(c, e);
}

static const struct option members_opts[] = {
	{"period", required_argument, NULL, 'p'}, {"from", required_argument, NULL, 'f'},
	{"to", required_argument, NULL, 't'},	  {"target", required_argument, NULL, 'T'},
	{"under", required_argument, NULL, 'u'},  {0},
};

/* members [--period P | --from DATE --to DATE] [--target HOURS] [--under UNIT]: exit 1 when
 * anyone is listed, so cron mails the list. */
static int cmd_members(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const cols[] = {"employer", "person",  "name", "home_community", "reported", "hours",
					   "target",   "problem", NULL};
	const char *period = NULL, *f = NULL, *t = NULL, *under = NULL;
	char from[16], to[16], *end;
	double target = 24;
	int64_t a, b;
	int o, rc;

	while ((o = gg_cli_opts(c, argc, argv, "", members_opts)) != -1) {
		if (o == 'p')
			period = optarg;
		else if (o == 'f')
			f = optarg;
		else if (o == 't')
			t = optarg;
		else if (o == 'u')
			under = optarg;
		else if (o != 'T')
			return GG_EX_USAGE;
		else if (!*optarg || (target = strtod(optarg, &end), *end) || !(target >= 0 && target <= 8784))
			return gg_cli_usage(c, "--target takes hours a year, 0 to 8784, not '%s'", optarg);
	}
	if (optind < argc)
		return gg_cli_usage(c, "members takes no arguments; the period is --period P or --from/--to");
	if (period && (f || t))
		return gg_cli_usage(c, "give --period or --from/--to, not both");
	if (!f != !t)
		return gg_cli_usage(c, "give both --from and --to (both days included)");
	if (period && gg_clock_period(period, &a, &b))
		return gg_cli_usage(c, "bad period '%s': use 2026, 2026-Q4, 2026-11 or 2026-W48", period);
	if (f && gg_clock_parse_date(f, &a))
		return gg_cli_usage(c, "bad date '%s' for --from (YYYY-MM-DD)", f);
	if (t && gg_clock_parse_date(t, &b))
		return gg_cli_usage(c, "bad date '%s' for --to (YYYY-MM-DD)", t);
	if (t && b < a)
		return gg_cli_usage(c, "--to %s is before --from %s", t, f);
	if (t)
		b += 36 * 3600; /* the next day, whatever the length of this one */
	if (period || f) {
		gg_clock_format_date(a, from);
		gg_clock_format_date(b, to);
	} else {
		gg_volunteer_so_far(from, to);
	}
	struct gg_emit *e = gg_out_list(c, cols);
	rc = gg_volunteer_members(c, from, to, target, under, gg_out_each, e);
	int wrc = gg_out_close(c, e);
	return rc == 0 || rc == GG_EX_FOUND ? (wrc ? wrc : rc) : rc;
}

static const struct gg_cmd pledge_cmds[] = {
	{"add", gg_kindcmd_add, GG_RUN_WRITE, "[--FIELD VALUE]... | --file FILE | -",
	 "add a Party member's pledge to a community (fields as options, or records from a file or - for "
	 "stdin)\n  fields: " PLEDGE_FIELDS,
	 NULL},
	{"list", cmd_pledge_list, GG_RUN_LIST,
	 "[--FIELD VALUE]... [--under UNIT] [--period P | --from DATE --to DATE] [--overdue]",
	 "list pledges, filtered by field values, a subtree, or a period of their due day\n"
	 "  --overdue         open and due before today; exit 1 if any is listed\n  fields: " PLEDGE_FIELDS,
	 NULL},
	{"show", gg_kindcmd_show, GG_RUN_READ, "ID... | -", "show pledges by id", NULL},
	{"set", gg_kindcmd_set, GG_RUN_WRITE, "ID [--FIELD VALUE]...",
	 "change fields of a pledge (an empty value removes one)\n  fields: " PLEDGE_FIELDS, NULL},
	{"rm", gg_kindcmd_rm, GG_RUN_WRITE, "ID... | -", "remove pledges", NULL},
	{"done", cmd_pledge_done, GG_RUN_WRITE, "ID... [--on DATE]",
	 "mark pledges kept, on DATE (today, in the calendar's zone)", NULL},
	{0},
};

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
	{"activity", NULL, GG_RUN_NODB, NULL, "service days and the volunteers' sign-ups",
	 GG_KIND_CMDS_AND("service day", "service days", ACTIVITY_FIELDS, " [--period P | --from DATE --to DATE]",
			  {"signup", cmd_signup_step, GG_RUN_WRITE, "ID VOLUNTEER...",
			   "sign volunteers up for a service day, within its places", NULL},
			  {"checkin", cmd_signup_step, GG_RUN_WRITE, "ID VOLUNTEER... [--at TIME]",
			   "check volunteers in, now or at a time of the day\n"
			   "  --at TIME  the time the organiser gives (ISO 8601)",
			   NULL},
			  {"checkout", cmd_signup_step, GG_RUN_WRITE, "ID VOLUNTEER... [--at TIME]",
			   "check volunteers out; their minutes go to the hours ledger\n"
			   "  --at TIME  the time the organiser gives (ISO 8601)",
			   NULL},
			  {"noshow", cmd_signup_step, GG_RUN_WRITE, "ID VOLUNTEER...",
			   "mark volunteers who did not come, once the day has begun", NULL},
			  {"cancel", cmd_signup_step, GG_RUN_WRITE, "ID [VOLUNTEER...]",
			   "withdraw sign-ups; the ID alone calls the service day off", NULL},
			  {"signups", cmd_signups, GG_RUN_READ, "ID...", "list the sign-ups to service days", NULL},
			  {0})},

	/* ---- the hours ledger: log, verify, hours, stars, certificate ---- */

	/* ---- resident orders: order ..., match ---- */

	/* ---- Party members: pledge ..., report-in, members ---- */
	{"pledge", NULL, GG_RUN_NODB, NULL, "Party members' public pledges to a community (亮承诺)", pledge_cmds},
	{"report-in", cmd_report_in, GG_RUN_WRITE, "PERSON --community CODE [--on DATE] [--employer E]",
	 "a Party member reports in to the community they live in (双报到)\n"
	 "  made a volunteer living there if not yet one\n"
	 "  --on DATE         the day (today, in the calendar's zone)\n"
	 "  --employer E      their employer (在职单位), set on the volunteer",
	 NULL},
	{"members", cmd_members, GG_RUN_READ, "[--period P | --from DATE --to DATE] [--target HOURS] [--under UNIT]",
	 "in-service Party members not reported in or under the hours target\n"
	 "  one record each, by employer; exit 1 if any is listed\n"
	 "  (no period)       the year so far, today included (on 1 January: last year)\n"
	 "  --target HOURS    verified hours a year (24), pro rata to the period's days\n"
	 "  --under UNIT      members living in the subtree of UNIT",
	 NULL},
	{0},
};

int main(int argc, char **argv)
{
	static const struct gg_tool tool = {"gg-volunteer", "gg-volunteer: volunteers, teams and their service", cmds,
					    gg_volunteer_kinds};
	return gg_cli_main(&tool, argc, argv);
}
