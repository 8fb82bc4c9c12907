/* SPDX-License-Identifier: Apache-2.0 */
/* gg-report: reports over the database. The audit log: listed, its chain checked, its head
 * printed for safekeeping elsewhere, archived; and the staffing of the net. Options and
 * output only; the work is in lib/audit.c and lib/report.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cli.h"
#include "clock.h"
#include "emit.h"
#include "report.h"
#include "text.h"

static const struct option audit_opts[] = {{"since", required_argument, NULL, 's'},
					   {"by", required_argument, NULL, 'b'},
					   {"command", required_argument, NULL, 'c'},
					   {"verify", no_argument, NULL, 'v'},
					   {"expect", required_argument, NULL, 'e'},
					   {"head", no_argument, NULL, 'H'},
					   {"archive", required_argument, NULL, 'a'},
					   {"archived", required_argument, NULL, 'A'},
					   {0}};

static const char *const audit_cols[] = {"id",	    "at",     "login", "uid",  "actor", "now",
					 "command", "change", "prev",  "hash", "v",	NULL};
static const char *const verify_cols[] = {"verified", "rows", "head", "row", "problem", NULL};

/* --verify [--expect COUNT:HASH]: exit 1, the first row found wrong on stdout, when the chain
 * does not hold. */
static int verify(struct gg_ctx *c, const char *expect, const char *archived)
{
	json_t *r;
	int rc = gg_audit_verify(c, expect, archived, &r);

	if (rc)
		return rc;
	struct gg_emit *e = gg_out_records(c, verify_cols);
	gg_emit(e, r);
	rc = gg_out_close(c, e);
	if (!rc && !json_is_true(json_object_get(r, "verified")))
		rc = GG_EX_FOUND;
	json_decref(r);
	return rc;
}

/* --head: COUNT:HASH on a line of its own, for a cron job to send where the log's writers
 * cannot reach. */
static int head(struct gg_ctx *c)
{
	char h[96];

	if (gg_audit_head(c, h))
		return c->err.code;
	if (c->fmt != GG_FMT_DEFAULT) {
		json_t *r = json_pack("{s:s}", "head", h);
		int rc = gg_out_one(c, r);
		json_decref(r);
		return rc;
	}
	fprintf(c->out, "%s\n", h);
	return 0;
}

static int archive(struct gg_ctx *c, const char *path)
{
	json_t *r;
	int rc = gg_audit_archive(c, path, &r);

	if (r) {
		int wrote = gg_out_one(c, r);
		rc = rc ? rc : wrote;
	}
	json_decref(r);
	return rc;
}

/* The rows --since, --by and --command keep, masked. */
static int list(struct gg_ctx *c, struct gg_audit_filter *q)
{
	char since[32];
	int64_t t;

	/* rows written before gg masked them hold numbers in clear: a filter must not test one */
	if (!c->reveal &&
	    ((q->command && gg_text_free_personal(q->command)) || (q->by && gg_text_free_personal(q->by))))
		return gg_cli_usage(c, "a phone or id number in --command or --by needs --reveal, which is audited");

	if (q->since) {
		if (gg_clock_parse(q->since, &t))
			return gg_cli_usage(c, "--since wants a time, e.g. 2026-11-03T09:12:00+08:00, not '%s'",
					    q->since);
		gg_clock_format_zone(t, since); /* as the log stores it, so that text order is time order */
		q->since = since;
	}
	struct gg_emit *e = gg_out_list(c, audit_cols);
	int rc = gg_audit_list(c, q, gg_out_each, e);
	int closed = gg_out_close(c, e);
	return rc ? rc : closed;
}

static int cmd_audit(struct gg_ctx *c, int argc, char **argv)
{
	struct gg_audit_filter q = {0};
	const char *expect = NULL, *file = NULL, *archived = NULL;
	int o, check = 0, want_head = 0;

	while ((o = gg_cli_opts(c, argc, argv, "", audit_opts)) != -1) {
		switch (o) {
		case 's':
			q.since = optarg;
			break;
		case 'b':
			q.by = optarg;
			break;
		case 'c':
			q.command = optarg;
			break;
		case 'v':
			check = 1;
			break;
		case 'e':
			expect = optarg;
			break;
		case 'H':
			want_head = 1;
			break;
		case 'a':
			file = optarg;
			break;
		case 'A':
			archived = optarg;
			break;
		default:
			return GG_EX_USAGE;
		}
	}
	if (optind < argc)
		return gg_cli_usage(c, "audit takes no arguments");
	if (check + want_head + !!file > 1)
		return gg_cli_usage(c, "--verify, --head and --archive are one each");
	if ((expect || archived) && !check)
		return gg_cli_usage(c, "--expect and --archived go with --verify");
	if ((check || want_head || file) && (q.since || q.by || q.command))
		return gg_cli_usage(c, "--since, --by and --command choose rows to list, and the chain is whole");
	if (check)
		return verify(c, expect, archived);
	if (want_head)
		return head(c);
	if (file)
		return archive(c, file);
	return list(c, &q);
}

/* The options of the reports over figures: which of period, level, by, under and rubric a
 * report takes is named in `takes` (p, l, b, U, r); any other is a usage error. Every report
 * takes --out FILE and --lang (md, html and xlsx), which go to c. */
struct report_args {
	const char *period, *level, *by, *under, *rubric;
};

static int report_args(struct gg_ctx *c, int argc, char **argv, const char *takes, struct report_args *a)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'}, {"level", required_argument, NULL, 'l'},
		{"by", required_argument, NULL, 'b'},	  {"under", required_argument, NULL, 'U'},
		{"rubric", required_argument, NULL, 'r'}, {"out", required_argument, NULL, 'O'},
		{"lang", required_argument, NULL, 'L'},	  {0}};
	int o;

	while ((o = gg_cli_opts(c, argc, argv, "", opts)) != -1) {
		if (o == 'O' || o == 'L') {
			*(o == 'O' ? &c->out_path : &c->lang) = optarg;
			continue;
		}
		if (o < 0 || !strchr(takes, o))
			return o < 0 ? GG_EX_USAGE
				     : gg_cli_usage(c, "%s takes no --%s", argv[0],
						    opts[strchr("plbUr", o) - "plbUr"].name);
		*(o == 'p'   ? &a->period
		  : o == 'l' ? &a->level
		  : o == 'b' ? &a->by
		  : o == 'r' ? &a->rubric
			     : &a->under) = optarg;
	}
	if (optind < argc)
		return gg_cli_usage(c, "%s takes no arguments", argv[0]);
	return 0;
}

/* staffing [--level L] [--under UNIT]: community workers against 18 per 10,000 residents */
static int cmd_staffing(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const cols[] = {"unit",     "name",	    "level", "population",    "workers", "per_10000",
					   "required", "shortfall", "grids", "grids_staffed", NULL};
	struct report_args a = {.level = "community"};
	int rc = report_args(c, argc, argv, "lU", &a);

	if (rc)
		return rc;
	struct gg_emit *e = gg_out_list(c, cols);
	rc = gg_report_staffing(c, a.level, a.under, gg_out_each, e);
	int closed = gg_out_close(c, e);
	return rc ? rc : closed;
}

/* volunteers --period P [--level L] [--under UNIT]: gg-score's volunteer metrics, by unit */
static int cmd_volunteers(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const cols[] = {"unit",
					   "name",
					   "level",
					   "period",
					   "volunteers_active",
					   "party_members_active",
					   "verified_hours",
					   "hours_per_party_member",
					   "orders_accepted",
					   "orders_done",
					   "order_accept_median",
					   NULL};
	struct report_args a = {0};
	json_t *recs, *r;
	size_t i;
	int rc = report_args(c, argc, argv, "plU", &a);

	if (rc)
		return rc;
	if (!a.period)
		return gg_cli_usage(c, "volunteers needs --period P (2026-11, 2026-Q4, 2026-W48, 2026)");
	if (gg_report_volunteers(c, a.period, a.level, a.under, &recs))
		return c->err.code;
	struct gg_emit *e = gg_out_list(c, cols);
	json_array_foreach (recs, i, r)
		gg_emit(e, r);
	json_decref(recs);
	return gg_out_close(c, e);
}

/* tickets --period P --by FIELD [--under UNIT]: gg-score's ticket metrics, grouped */
static int cmd_tickets(struct gg_ctx *c, int argc, char **argv)
{
	struct report_args a = {0};
	json_t *recs, *cols, *r;
	size_t i;
	int rc = report_args(c, argc, argv, "pbU", &a);

	if (rc)
		return rc;
	if (!a.period || !a.by)
		return gg_cli_usage(c, "tickets needs --period P and --by FIELD");
	if (gg_report_tickets(c, a.period, a.by, a.under, &cols, &recs))
		return c->err.code;
	const char **names = calloc(json_array_size(cols) + 1, sizeof *names);
	json_array_foreach (cols, i, r)
		if (names)
			names[i] = json_string_value(r);
	struct gg_emit *e = gg_out_list(c, names);
	json_array_foreach (recs, i, r)
		gg_emit(e, r);
	rc = gg_out_close(c, e);
	free(names);
	json_decref(cols);
	json_decref(recs);
	return rc;
}

/* ---- monthly: the appraisal report ---- */

/* ---- burden: the burden-reduction audit ---- */

#define TICKETS_HELP                                                                                                   \
	"the tickets of a period by a field: gg-score's ticket metrics of each group\n"                                \
	"  (gg-score metrics --explain NAME: the one definition of each)\n"                                            \
	"  --by FIELD    category, source, level or unit (the ticket's), or grid,\n"                                   \
	"                community, street or district (those it lies in)\n"                                           \
	"  --under UNIT  the tickets within UNIT"

#define VOLUNTEERS_HELP                                                                                                \
	"volunteers and Party members serving, verified hours, resident orders:\n"                                     \
	"  gg-score's metrics of them, by unit (gg-score metrics --explain NAME)\n"                                    \
	"  --period P    2026-11, 2026-Q4, 2026-W48 or 2026\n"                                                         \
	"  --level L     community (the default), street or district\n"                                                \
	"  --under UNIT  the units at the level within UNIT"

#define STAFFING_HELP                                                                                                  \
	"community workers (社区工作者) against 18 per 10,000 residents, and\n"                                   \
	"  full-time grid workers, as gg-org check counts them\n"                                                      \
	"  --level L     community (the default), street, district or city\n"                                          \
	"  --under UNIT  those within UNIT"

#define AUDIT_USAGE                                                                                                    \
	"[--since T] [--by NAME] [--command TEXT] | --verify [--expect COUNT:HASH] "                                   \
	"[--archived FILE] | --head | --archive FILE"
#define AUDIT_HELP                                                                                                     \
	"the audit log: list it (masked), check its chain, print its head, archive it\n"                               \
	"  --since T            rows written at or after T (ISO 8601)\n"                                               \
	"  --by NAME            rows of that actor or login\n"                                                         \
	"  --command TEXT       rows whose command contains TEXT\n"                                                    \
	"  --verify             check the chain from its first row; exit 1 naming\n"                                   \
	"                       the first row altered, inserted, reordered or deleted\n"                               \
	"  --expect COUNT:HASH  with --verify: the log must still extend that head\n"                                  \
	"  --archived FILE      with --verify: FILE, an archive, then the log after it\n"                              \
	"  --head               print COUNT:HASH, the log's head, to keep elsewhere\n"                                 \
	"  --archive FILE       write the log to FILE (NDJSON) and start a new chain\n"                                \
	"                       whose first row names the archived head"

/* audit reads, and --verify works on a log whose triggers were dropped; --archive writes */
static const struct gg_cmd reads[] = {
	{"audit", cmd_audit, GG_RUN_READ, AUDIT_USAGE, AUDIT_HELP, NULL},
	/* monthly */
	{"staffing", cmd_staffing, GG_RUN_LIST, "[--level L] [--under UNIT]", STAFFING_HELP, NULL},
	{"tickets", cmd_tickets, GG_RUN_READ, "--period P --by FIELD [--under UNIT]", TICKETS_HELP, NULL},
	{"volunteers", cmd_volunteers, GG_RUN_READ, "--period P [--level L] [--under UNIT]", VOLUNTEERS_HELP, NULL},
	/* burden */
	{0}};
static const struct gg_cmd writes[] = {
	{"audit", cmd_audit, GG_RUN_WRITE, AUDIT_USAGE, AUDIT_HELP, NULL},
	/* monthly */
	{"staffing", cmd_staffing, GG_RUN_LIST, "[--level L] [--under UNIT]", STAFFING_HELP, NULL},
	{"tickets", cmd_tickets, GG_RUN_READ, "--period P --by FIELD [--under UNIT]", TICKETS_HELP, NULL},
	{"volunteers", cmd_volunteers, GG_RUN_READ, "--period P [--level L] [--under UNIT]", VOLUNTEERS_HELP, NULL},
	/* burden */
	{0}};

int main(int argc, char **argv)
{
	static const char summary[] = "gg-report: reports: the audit log, staffing, tickets, volunteers";
	struct gg_tool tool = {"gg-report", summary, reads, NULL, 1};

	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--archive") || !strncmp(argv[i], "--archive=", 10))
			tool.cmds = writes;
	return gg_cli_main(&tool, argc, argv);
}
