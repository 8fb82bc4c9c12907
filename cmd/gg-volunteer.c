/* SPDX-License-Identifier: Apache-2.0 */
/* gg-volunteer: Party members and volunteers serving their home community: who they are (gg-org
 * people), their skills and teams. Options and output only; the work is in
 * lib/volunteer*.c and lib/kind.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
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
