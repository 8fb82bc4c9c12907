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
#include "text.h"
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
	if ((rc = gg_cli_id(c, "activity", argv[optind], &id)))
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
		rc = gg_cli_id(c, "activity", argv[i], &id);
	if (rc)
		return rc;
	struct gg_emit *e = gg_out_list(c, gg_volunteer_signup_cols);
	for (int i = optind; i < argc && !rc; i++) {
		gg_cli_id(c, "activity", argv[i], &id);
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

/* --period P, or --from DAY and --to DAY (both included), as the days [from, to) of f. */
static int days(struct gg_ctx *c, const char *period, const char *from, const char *to, json_t *f)
{
	char a[16], b[16];
	int rc = gg_cli_days(c, period, from, to, a, b);

	if (!rc && *a)
		json_object_set_new(f, "from", json_string(a));
	if (!rc && *b)
		json_object_set_new(f, "to", json_string(b));
	return rc;
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
		else if (!(rc = gg_cli_id(c, "ledger row", reverse, &record)))
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
		if (!(rc = gg_cli_id(c, "ledger row", argv[i], &record)) &&
		    !(rc = gg_volunteer_verify(c, record, by, &id)))
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
		rc = o == 'v'	? gg_cli_either(c, f, "volunteer", NULL, optarg)
		     : o == 'c' ? gg_cli_either(c, f, "community", NULL, optarg)
		     : o == 'e' ? gg_cli_either(c, f, "entry", entries, optarg)
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
	int o, rc = 0;

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", stars_opts)) != -1) {
		if (o != 'n') {
			rc = o == 'U' ? common(o, f, d) : GG_EX_USAGE;
			continue;
		}
		if (gg_text_decimal(optarg, &near) || near > 1e6)
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

/* ---- resident orders: order ..., match ---- */

static const char *const order_cols[] = {
	"id",	     "status",	       "community",	  "grid",      "need",	     "title",
	"wanted_at", "requester_name", "requester_phone", "ticket",    "dispatched", "volunteer",
	"hours",     "rating",	       "created_at",	  "status_at", NULL};
static const char *const order_table_cols[] = {"id",	"status",    "community", "need",
					       "title", "wanted_at", "volunteer", NULL};
static const char *const order_event_cols[] = {"order", "event", "at", "actor", "kind", "status", "note", "data", NULL};
static const char *const match_cols[] = {
	"order",       "rank",	    "volunteer", "name",	"home_community", "score",   "skill",  "same_community",
	"same_street", "same_grid", "available", "open_orders", "hours_month",	  "noshows", "points", NULL};

static const struct option order_new_opts[] = {{"community", required_argument, NULL, 'c'},
					       {"grid", required_argument, NULL, 'g'},
					       {"requester-name", required_argument, NULL, 'n'},
					       {"requester-phone", required_argument, NULL, 'p'},
					       {"need", required_argument, NULL, 'N'},
					       {"title", required_argument, NULL, 't'},
					       {"wanted", required_argument, NULL, 'w'},
					       {"ticket", required_argument, NULL, 'T'},
					       {0}};

static int cmd_order_new(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const names[128] = {
		['c'] = "community", ['g'] = "grid",  ['n'] = "requester_name", ['p'] = "requester_phone",
		['N'] = "need",	     ['t'] = "title", ['w'] = "wanted_at"};
	json_t *rec = json_object(), *out = NULL;
	json_int_t id;
	int o, rc = 0;

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", order_new_opts)) != -1) {
		if (o == 'T' && !(rc = gg_cli_id(c, "ticket", optarg, &id)))
			json_object_set_new(rec, "ticket", json_integer(id));
		else if (o > 0 && o < 128 && names[o])
			json_object_set_new(rec, names[o], json_string(optarg));
		else if (o != 'T')
			rc = GG_EX_USAGE;
	}
	if (!rc && optind < argc)
		rc = gg_cli_usage(c, "unexpected argument '%s'", argv[optind]);
	if (!rc && !json_object_get(rec, "ticket") &&
	    (!json_object_get(rec, "community") || !json_object_get(rec, "title")))
		rc = gg_cli_usage(c, "order new needs --community and --title (or --ticket ID)");
	if (!rc && !(rc = gg_volunteer_order_new(c, rec, &id)) && !(rc = gg_volunteer_order_get(c, id, &out)))
		rc = gg_out_one(c, out);
	json_decref(rec);
	json_decref(out);
	return rc;
}

/* --status values, any of which will do; each one of the statuses. */
static const struct option order_list_opts[] = {{"status", required_argument, NULL, 's'},
						{"community", required_argument, NULL, 'c'},
						{"need", required_argument, NULL, 'N'},
						{"volunteer", required_argument, NULL, 'v'},
						{"under", required_argument, NULL, 'U'},
						{"period", required_argument, NULL, 'p'},
						{"from", required_argument, NULL, 'F'},
						{"to", required_argument, NULL, 'T'},
						{0}};

static int cmd_order_list(struct gg_ctx *c, int argc, char **argv)
{
	json_t *f = json_object();
	int64_t a, b;
	int o, rc = 0;

	while (!rc && (o = gg_cli_opts(c, argc, argv, "", order_list_opts)) != -1) {
		if (o == 's')
			rc = gg_cli_either(c, f, "status", gg_volunteer_order_statuses, optarg);
		else if (o == 'c' || o == 'N' || o == 'v')
			rc = gg_cli_either(c, f,
					   o == 'c'   ? "community"
					   : o == 'N' ? "need"
						      : "volunteer",
					   NULL, optarg);
		else if (o == 'U')
			json_object_set_new(f, "under", json_string(optarg));
		else if (o == 'p' && gg_clock_period(optarg, &a, &b))
			rc = gg_cli_usage(c, "bad period '%s': use 2026, 2026-Q4, 2026-11 or 2026-W48", optarg);
		else if (o == 'p') {
			json_object_set_new(f, "from", json_integer(a));
			json_object_set_new(f, "to", json_integer(b));
		} else if ((o == 'F' || o == 'T') && gg_clock_parse(optarg, &a))
			rc = gg_cli_usage(c, "bad time '%s' for --%s: use ISO 8601", optarg, o == 'F' ? "from" : "to");
		else if (o == 'F' || o == 'T')
			json_object_set_new(f, o == 'F' ? "from" : "to", json_integer(a));
		else
			rc = GG_EX_USAGE;
	}
	if (!rc && optind < argc)
		rc = gg_cli_usage(c, "unexpected argument '%s'; filters are options, e.g. --status open", argv[optind]);
	if (!rc) {
		int table = c->fmt == GG_FMT_DEFAULT || c->fmt == GG_FMT_TABLE;
		struct gg_emit *e = gg_out_list(c, table ? order_table_cols : order_cols);
		rc = gg_volunteer_order_list(c, f, gg_out_each, e);
		int wrc = gg_out_close(c, e);
		rc = rc ? rc : wrc;
	}
	json_decref(f);
	return rc;
}

static int show_order(struct gg_ctx *c, json_int_t id, void *e)
{
	json_t *o;
	int rc = gg_volunteer_order_get(c, id, &o);

	if (!rc)
		rc = gg_out_each(c, o, e);
	json_decref(o);
	return rc;
}

static int cmd_order_show(struct gg_ctx *c, int argc, char **argv)
{
	if (gg_cli_opts(c, argc, argv, "", (struct option[]){{0}}) == -2)
		return GG_EX_USAGE;
	struct gg_emit *e = gg_out_records(c, order_cols);
	int rc = gg_cli_each_id(c, "order", argc - optind, argv + optind, show_order, e), wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static int cmd_order_history(struct gg_ctx *c, int argc, char **argv)
{
	json_int_t id;
	int rc;

	if (gg_cli_opts(c, argc, argv, "", (struct option[]){{0}}) == -2)
		return GG_EX_USAGE;
	if (optind + 1 != argc)
		return gg_cli_usage(c, "history takes one order id");
	if ((rc = gg_cli_id(c, "order", argv[optind], &id)))
		return rc;
	struct gg_emit *e = gg_out_open(c, 1, order_event_cols);
	rc = gg_volunteer_order_history(c, id, gg_out_each, e);
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static const struct option order_step_opts[] = {{"to", required_argument, NULL, 't'},
						{"by", required_argument, NULL, 'b'},
						{"hours", required_argument, NULL, 'h'},
						{"rating", required_argument, NULL, 'r'},
						{"reason", required_argument, NULL, 'R'},
						{"note", required_argument, NULL, 'n'},
						{"due", no_argument, NULL, 'D'},
						{"dry-run", no_argument, NULL, 'd'},
						{0}};

/* Whether the step takes the option: --note, and what its line needs; --due and --dry-run for
 * the sweep. */
static int order_step_takes(const struct gg_volunteer_order_step *step, const char *name)
{
	size_t n = strlen(name);

	if (step->due)
		return !strcmp(name, "due") || !strcmp(name, "dry-run");
	if (!strcmp(name, "note"))
		return 1;
	for (const char *const *o = step->needs; o && *o; o++)
		if (!strncmp(*o + 2, name, n) && ((*o)[n + 2] == ' ' || !(*o)[n + 2]))
			return 1;
	return 0;
}

/* order dispatch|accept|done|rate|cancel ID [OPTIONS], order expire --due [--dry-run]: a step
 * of lib's table */
static int cmd_order_step(struct gg_ctx *c, int argc, char **argv)
{
	const struct gg_volunteer_order_step *step = gg_volunteer_order_step(argv[0]);
	json_t *args = json_object(), *to = json_object(), *o = NULL;
	const struct option *opt;
	json_int_t id = 0;
	int k, rc = 0, due = 0;

	if (!step)
		rc = gg_err_set(&c->err, GG_EX_SOFTWARE, "no step '%s'", argv[0]);
	while (!rc && (k = gg_cli_opts(c, argc, argv, "", order_step_opts)) != -1) {
		for (opt = order_step_opts; k != -2 && opt->name && opt->val != k; opt++)
			;
		if (k == -2)
			rc = GG_EX_USAGE;
		else if (!opt->name || !order_step_takes(step, opt->name))
			rc = gg_cli_usage(c, "%s takes no such option", argv[0]);
		else if (k == 'D')
			due = 1;
		else if (k == 'd')
			c->rollback = 1;
		else if (k == 't')
			rc = gg_cli_either(c, to, "to", NULL, optarg);
		else
			json_object_set_new(args, opt->name, json_string(optarg));
	}
	if (!rc && step->due) {
		if (!due || optind < argc)
			rc = gg_cli_usage(c, "%s takes --due (and --dry-run), no orders", argv[0]);
		if (!rc) {
			struct gg_emit *e = gg_out_open(c, 1, order_cols);
			rc = gg_volunteer_order_expire(c, gg_out_each, e);
			int wrc = gg_out_close(c, e);
			rc = rc ? rc : wrc;
		}
		goto done;
	}
	if (!rc && json_object_get(to, "to")) {
		json_object_set(args, "to", json_object_get(to, "to"));
		for (int i = optind + 1; i < argc; i++) /* --to A B C: the volunteers after the id */
			json_array_append_new(json_object_get(args, "to"), json_string(argv[i]));
		argc = optind + (optind < argc);
	}
	if (!rc && optind + 1 != argc)
		rc = gg_cli_usage(c, "%s takes one order id", argv[0]);
	for (const char *const *n = step->needs; !rc && n && *n; n++) {
		char name[32];
		snprintf(name, sizeof name, "%.*s", (int)strcspn(*n + 2, " "), *n + 2);
		if (!json_object_get(args, name))
			rc = gg_cli_usage(c, "%s needs %s", argv[0], *n);
	}
	if (!rc && !(rc = gg_cli_id(c, "order", argv[optind], &id)) &&
	    !(rc = gg_volunteer_order_act(c, id, step->verb, args)) && !(rc = gg_volunteer_order_get(c, id, &o)))
		rc = gg_out_one(c, o);
done:
	json_decref(args);
	json_decref(to);
	json_decref(o);
	return rc;
}

/* The order subcommands: new, list, show, history, then one a step of lib's table, filled
 * by main from that table, so that the table is the one place a step is described. */
static struct gg_cmd order_cmds[16] = {
	{"new", cmd_order_new, GG_RUN_WRITE,
	 "--community C --requester-name N --requester-phone P --need SKILL --title T --wanted TIME "
	 "[--grid G] | --ticket ID [OPTIONS]",
	 "a resident places an order (群众点单), or one is made of a gg-ticket ticket\n"
	 "  --wanted TIME     when it is wanted, ISO 8601\n"
	 "  --grid G          the grid of the community it is in, if known\n"
	 "  --ticket ID       the ticket's community, grid, title, deadline (as --wanted)\n"
	 "                    and a need for its category, where not given",
	 NULL},
	{"list", cmd_order_list, GG_RUN_LIST,
	 "[--status S] [--community C] [--need SKILL] [--volunteer V] [--under UNIT] "
	 "[--period P | --from TIME --to TIME]",
	 "list orders; a filter repeated or comma-separated means either\n"
	 "  --period P        the orders wanted in P: 2026, 2026-Q4, 2026-11, 2026-W48",
	 NULL},
	{"show", cmd_order_show, GG_RUN_READ, "ID... | -", "show orders", NULL},
	{"history", cmd_order_history, GG_RUN_READ, "ID", "every event of an order", NULL},
};

/* -1 when the table has no room for every step (a step added to lib wants a bigger table). */
static int order_steps_as_cmds(void)
{
	size_t n = 4;
	const struct gg_volunteer_order_step *s;

	for (s = gg_volunteer_order_steps; s->verb && n + 1 < sizeof order_cmds / sizeof *order_cmds; s++)
		order_cmds[n++] = (struct gg_cmd){s->verb, cmd_order_step, GG_RUN_WRITE, s->usage, s->help, NULL};
	return s->verb ? -1 : 0;
}

struct match_arg {
	int limit;
	struct gg_emit *e;
};

static int match_one(struct gg_ctx *c, json_int_t id, void *arg)
{
	struct match_arg *m = arg;
	return gg_volunteer_match(c, id, m->limit, gg_out_each, m->e);
}

static const struct option match_opts[] = {{"limit", required_argument, NULL, 'l'}, {0}};

static int cmd_match(struct gg_ctx *c, int argc, char **argv)
{
	struct match_arg m = {10, NULL};
	char *end;
	int o;

	while ((o = gg_cli_opts(c, argc, argv, "", match_opts)) != -1) {
		if (o != 'l')
			return GG_EX_USAGE;
		m.limit = (int)strtol(optarg, &end, 10);
		if (!isdigit((unsigned char)*optarg) || *end || m.limit < 1)
			return gg_cli_usage(c, "--limit takes a number of volunteers, 1 or more");
	}
	m.e = gg_out_list(c, match_cols);
	int rc = gg_cli_each_id(c, "order", argc - optind, argv + optind, match_one, &m), wrc = gg_out_close(c, m.e);
	return rc ? rc : wrc;
}

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
	char from[16], to[16];
	double target = 24;
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
		else if (gg_text_decimal(optarg, &target) || target > 8784)
			return gg_cli_usage(c, "--target takes hours a year, 0 to 8784, not '%s'", optarg);
	}
	if (optind < argc)
		return gg_cli_usage(c, "members takes no arguments; the period is --period P or --from/--to");
	if (!period && !f != !t)
		return gg_cli_usage(c, "give both --from and --to (both days included)");
	if ((rc = gg_cli_days(c, period, f, t, from, to)))
		return rc;
	if (t && strcmp(to, from) <= 0) /* to is the day after --to */
		return gg_cli_usage(c, "--to %s is before --from %s", t, f);
	if (!*from)
		gg_volunteer_so_far(from, to);
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
	{"order", NULL, GG_RUN_NODB, NULL, "resident orders: placed, dispatched, accepted, served", order_cmds},
	{"match", cmd_match, GG_RUN_READ, "ORDER... | - [--limit N]",
	 "rank the volunteers of an order's community and street for it, factor by factor\n"
	 "  --limit N         the best N of them for each order (10)\n"
	 "  weights: share/gg/match-weights.yaml, or the file GG_MATCH_WEIGHTS names",
	 NULL},

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
	static const struct gg_tool tool = {
		"gg-volunteer", "gg-volunteer: volunteers, teams and their service", cmds, gg_volunteer_kinds, 0, 0};
	if (order_steps_as_cmds())
		return fprintf(stderr, "gg-volunteer: more order steps than its command table holds\n"), GG_EX_SOFTWARE;
	return gg_cli_main(&tool, argc, argv);
}
