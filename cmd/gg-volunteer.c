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

	{0},
};

int main(int argc, char **argv)
{
	static const struct gg_tool tool = {"gg-volunteer", "gg-volunteer: volunteers, teams and their service", cmds,
					    gg_volunteer_kinds};
	return gg_cli_main(&tool, argc, argv);
}
