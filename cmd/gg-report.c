/* SPDX-License-Identifier: Apache-2.0 */
/* gg-report: reports over the database. The audit log: listed, its chain checked, its head
 * printed for safekeeping elsewhere, archived; the staffing of the net; and the
 * burden-reduction audit. Options and output only; the work is in lib/audit.c,
 * lib/report.c and lib/report-burden.c. */
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

static const struct option audit_opts[] = {
	{"since", required_argument, NULL, 's'},   {"by", required_argument, NULL, 'b'},
	{"command", required_argument, NULL, 'c'}, {"verify", no_argument, NULL, 'v'},
	{"expect", required_argument, NULL, 'e'},  {"head", no_argument, NULL, 'H'},
	{"archive", required_argument, NULL, 'a'}, {"archived", required_argument, NULL, 'A'},
	{"adopt", required_argument, NULL, 'D'},   {0}};

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

static int adopt(struct gg_ctx *c, const char *path)
{
	json_t *r;
	int rc = gg_audit_adopt(c, path, &r);

	if (!rc)
		rc = gg_out_one(c, r);
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
	const char *expect = NULL, *file = NULL, *archived = NULL, *adopted = NULL;
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
		case 'D':
			adopted = optarg;
			break;
		default:
			return GG_EX_USAGE;
		}
	}
	if (optind < argc)
		return gg_cli_usage(c, "audit takes no arguments");
	if (c->ndbs > 1)
		return gg_cli_usage(c, "audit reads one database: each file's log is its own chain");
	if (check + want_head + !!file + !!adopted > 1)
		return gg_cli_usage(c, "--verify, --head, --archive and --adopt are one each");
	if ((expect || archived) && !check)
		return gg_cli_usage(c, "--expect and --archived go with --verify");
	if ((check || want_head || file || adopted) && (q.since || q.by || q.command))
		return gg_cli_usage(c, "--since, --by and --command choose rows to list, and the chain is whole");
	if (check)
		return verify(c, expect, archived);
	if (want_head)
		return head(c);
	if (file)
		return archive(c, file);
	if (adopted)
		return adopt(c, adopted);
	return list(c, &q);
}

/* The options of the reports over figures: which of period, level, by, under, rubric and
 * inspection-cap a report takes is named in `takes` (p, l, b, U, r, i); any other is a usage
 * error, and a report that takes a period needs one. Every report takes --out FILE and --lang
 * (md, html and xlsx), which go to c. */
struct report_args {
	const char *period, *level, *by, *under, *rubric, *cap;
};

static int report_args(struct gg_ctx *c, int argc, char **argv, const char *takes, struct report_args *a)
{
	static const struct option opts[] = {{"period", required_argument, NULL, 'p'},
					     {"level", required_argument, NULL, 'l'},
					     {"by", required_argument, NULL, 'b'},
					     {"under", required_argument, NULL, 'U'},
					     {"rubric", required_argument, NULL, 'r'},
					     {"out", required_argument, NULL, 'O'},
					     {"lang", required_argument, NULL, 'L'},
					     {"inspection-cap", required_argument, NULL, 'i'},
					     {0}};
	const char *letters = "plbUrOLi";
	unsigned seen = 0;
	int o;

	while ((o = gg_cli_opts(c, argc, argv, "", opts)) != -1) {
		const char *at = o > 0 ? strchr(letters, o) : NULL;
		if (at && (seen & 1u << (at - letters)))
			return gg_cli_usage(c, "--%s given twice: a report takes one", opts[at - letters].name);
		if (at)
			seen |= 1u << (at - letters);
		if (o == 'O' || o == 'L') {
			*(o == 'O' ? &c->out_path : &c->lang) = optarg;
			continue;
		}
		if (o < 0 || !strchr(takes, o))
			return o < 0 ? GG_EX_USAGE
				     : gg_cli_usage(c, "%s takes no --%s", argv[0], opts[at - letters].name);
		*(o == 'p'   ? &a->period
		  : o == 'l' ? &a->level
		  : o == 'b' ? &a->by
		  : o == 'r' ? &a->rubric
		  : o == 'i' ? &a->cap
			     : &a->under) = optarg;
	}
	if (optind < argc)
		return gg_cli_usage(c, "%s takes no arguments", argv[0]);
	if (strchr(takes, 'p') && !a->period) /* every report of a period needs one */
		return gg_cli_usage(c, "%s needs --period P (2026-11, 2026-Q4, 2026-W48, 2026)", argv[0]);
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
	if (!a.by)
		return gg_cli_usage(c, "tickets needs --by FIELD");
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

/* The columns of each section of the monthly report, as gg-report(1) lists them. */
#define FIGURE_COLS                                                                                                    \
	"received", "on_time", "resolved_in_grid", "resolved_in_community", "first_satisfaction", "escalated_street",  \
		"escalated_department", "volunteers_active", "verified_hours", "orders_done", "workers_per_10000",     \
		"survey_satisfaction", "listed"
static const char *const street_cols[] = {"rank",  "unit",	 "name",      "score",	   "change",
					  "arrow", "score_prev", "rank_prev", FIGURE_COLS, NULL};
static const char *const community_cols[] = {"rank",   "unit",	"name",	      "street",	   "street_name", "score",
					     "change", "arrow", "score_prev", "rank_prev", FIGURE_COLS,	  NULL};
static const char *const end_cols[] = {"rank", "unit", "name", "street_name", "score", NULL};
static const char *const listed_cols[] = {"party_org", "name", "community", "responses", "rate",
					  "low",       "high", "verdict",   NULL};
static const char *const trend_cols[] = {"period", "received", "resolved", "on_time", NULL};
static const char *const resolution_cols[] = {
	"unit", "name", "resolved_at_grid", "resolved_at_community", "resolved_at_street", "resolved_at_department",
	NULL};

/* A section of the monthly report: its name in the document, its columns, its chart. */
struct monthly_section {
	const char *name;
	const char *const *cols;
	struct gg_chart chart;
	int charted;
};

static const char *const score_value[] = {"score", NULL};
static const char *const trend_values[] = {"on_time", NULL};
static const struct monthly_section monthly_sections[] = {
	{"streets", street_cols, {GG_CHART_BARS, "name", score_value}, 1},
	{"communities", community_cols, {GG_CHART_BARS, "name", score_value}, 1},
	{"best", end_cols, {0}, 0},
	{"worst", end_cols, {0}, 0},
	{"listed", listed_cols, {0}, 0},
	{"trend", trend_cols, {GG_CHART_LINE, "period", trend_values}, 1},
	{"resolution", resolution_cols, {GG_CHART_STACK, "name", resolution_cols + 2}, 1},
	{0}};

/* monthly --period P [--under UNIT] [--rubric NAME]: the report's head, then its sections */
static int cmd_monthly(struct gg_ctx *c, int argc, char **argv)
{
	struct report_args a = {0};
	json_t *doc, *r;
	size_t i;
	int rc = report_args(c, argc, argv, "pUr", &a);

	if (rc)
		return rc;
	if (gg_report_monthly(c, a.period, a.under, a.rubric, &doc))
		return c->err.code;
	struct gg_emit *e = gg_out_open(c, 1, NULL);
	gg_emit_head(e, json_object_get(doc, "head"));
	for (const struct monthly_section *s = monthly_sections; s->name; s++) {
		gg_emit_section(e, s->name, s->cols);
		if (s->charted)
			gg_emit_chart(e, &s->chart);
		json_array_foreach (json_object_get(doc, s->name), i, r)
			gg_emit(e, r);
	}
	json_decref(doc);
	return gg_out_close(c, e);
}

#define MONTHLY_HELP                                                                                                   \
	"the monthly appraisal report of streets and communities: score and rank\n"                                    \
	"  (gg-score's stored appraisal, else the built-in rubric's, provisional),\n"                                  \
	"  the change since the period before, ticket, volunteer and staffing\n"                                       \
	"  figures, Party organisations under 60%, the five best and worst, a\n"                                       \
	"  year's trend and the level tickets were resolved at\n"                                                      \
	"  --period P     2026-11, 2026-Q4, 2026-W48 or 2026\n"                                                        \
	"  --under UNIT   the streets and communities within UNIT\n"                                                   \
	"  --rubric NAME  the appraisal stored by that rubric (default: default)\n"                                    \
	"  --out FILE     write the report to FILE (any -o; xlsx needs it or a pipe)\n"                                \
	"  --lang L       zh_CN or en: the labels of md, html and xlsx"

/* ---- burden: the burden-reduction audit ---- */

/* --inspection-cap N: a count, 0 or more (0: every comprehensive inspection is one too many) */
static int inspection_cap(struct gg_ctx *c, const char *s, long *cap)
{
	char *end;

	*cap = 1; /* one comprehensive inspection per department per year */
	if (!s)
		return 0;
	*cap = strtol(s, &end, 10);
	if (!*s || *end || *cap < 0 || *cap > 1000000)
		return gg_cli_usage(c, "--inspection-cap wants a count, 0 or more, not '%s'", s);
	return 0;
}

/* burden --period P [--under UNIT] [--inspection-cap N]: the findings of the period and each
 * rule's count against the period before; exit 1 when there is any finding */
static int cmd_burden(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const finding_cols[] = {
		"rule",	  "community", "community_name", "department", "department_name",
		"demand", "title",     "date",		 "figures",    NULL};
	static const char *const count_cols[] = {"rule", "before", "after", "change_pct", NULL};
	struct report_args a = {0};
	json_t *findings, *counts, *head, *r;
	char before[16];
	long cap;
	size_t i;
	int rc = report_args(c, argc, argv, "pUi", &a);

	if (rc || (rc = inspection_cap(c, a.cap, &cap)))
		return rc;
	if (gg_report_root(c, a.under, 0, &head))
		return c->err.code;
	if (gg_report_burden(c, a.period, a.under, cap, &findings, &counts)) {
		json_decref(head);
		return c->err.code;
	}
	struct gg_emit *e = gg_out_open(c, 1, NULL);
	/* its title, unit and period for a person (md, html, xlsx); the data gets them under report */
	json_object_set_new(head, "title", json_string("burden"));
	json_object_set_new(head, "period", json_string(a.period));
	if (!gg_clock_period_shift(a.period, -1, before))
		json_object_set_new(head, "previous", json_string(before));
	gg_emit_head(e, head);
	json_decref(head);
	gg_emit_section(e, "findings", finding_cols);
	json_array_foreach (findings, i, r)
		gg_emit(e, r);
	gg_emit_section(e, "counts", count_cols);
	json_array_foreach (counts, i, r)
		gg_emit(e, r);
	rc = gg_out_close(c, e);
	if (!rc && json_array_size(findings))
		rc = GG_EX_FOUND;
	json_decref(findings);
	json_decref(counts);
	return rc;
}

#define BURDEN_USAGE "--period P [--under UNIT] [--inspection-cap N]"
#define BURDEN_HELP                                                                                                    \
	"the burden-reduction audit (基层减负): findings, exit 1 if any\n"                                         \
	"  of the rules unapproved, negative_list, unfunded, inspections,\n"                                           \
	"  repeated_field and signboard, and each rule's count against the\n"                                          \
	"  period before (gg-report(1), BURDEN REDUCTION)\n"                                                           \
	"  --period P            2026-11, 2026-Q4, 2026-W48 or 2026\n"                                                 \
	"  --under UNIT          the communities within UNIT\n"                                                        \
	"  --inspection-cap N    comprehensive inspections a department may make of a\n"                               \
	"                        community in a year (default 1)"

#define TICKETS_HELP                                                                                                   \
	"the tickets of a period by a field: gg-score's ticket metrics of each group\n"                                \
	"  (gg-score metrics --explain NAME: the one definition of each)\n"                                            \
	"  --by FIELD    category, source, level or unit (the ticket's), grid,\n"                                      \
	"                community, street or district (those it lies in), or\n"                                       \
	"                month (it was reported in)\n"                                                                 \
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
	"[--archived FILE] | --head | --archive FILE | --adopt FILE"
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
	"                       whose first row names the archived head\n"                                             \
	"  --adopt FILE         check FILE, another database's archive (a district's,\n"                               \
	"                       moved in), and name it in this log's next row"

/* audit reads, and --verify works on a log whose triggers were dropped; --archive and --adopt write */
static const struct gg_cmd reads[] = {
	{"audit", cmd_audit, GG_RUN_READ, AUDIT_USAGE, AUDIT_HELP, NULL},
	{"monthly", cmd_monthly, GG_RUN_READ, "--period P [--under UNIT] [--rubric NAME]", MONTHLY_HELP, NULL},
	{"staffing", cmd_staffing, GG_RUN_LIST, "[--level L] [--under UNIT]", STAFFING_HELP, NULL},
	{"tickets", cmd_tickets, GG_RUN_READ, "--period P --by FIELD [--under UNIT]", TICKETS_HELP, NULL},
	{"volunteers", cmd_volunteers, GG_RUN_READ, "--period P [--level L] [--under UNIT]", VOLUNTEERS_HELP, NULL},
	{"burden", cmd_burden, GG_RUN_READ, BURDEN_USAGE, BURDEN_HELP, NULL},
	{0}};
static const struct gg_cmd writes[] = {
	{"audit", cmd_audit, GG_RUN_WRITE, AUDIT_USAGE, AUDIT_HELP, NULL},
	{"monthly", cmd_monthly, GG_RUN_READ, "--period P [--under UNIT] [--rubric NAME]", MONTHLY_HELP, NULL},
	{"staffing", cmd_staffing, GG_RUN_LIST, "[--level L] [--under UNIT]", STAFFING_HELP, NULL},
	{"tickets", cmd_tickets, GG_RUN_READ, "--period P --by FIELD [--under UNIT]", TICKETS_HELP, NULL},
	{"volunteers", cmd_volunteers, GG_RUN_READ, "--period P [--level L] [--under UNIT]", VOLUNTEERS_HELP, NULL},
	{"burden", cmd_burden, GG_RUN_READ, BURDEN_USAGE, BURDEN_HELP, NULL},
	{0}};

int main(int argc, char **argv)
{
	static const char summary[] = "gg-report: the monthly appraisal, burden audit, audit log, staffing";
	/* reports read several --db as one city, and write md, html and xlsx */
	struct gg_tool tool = {"gg-report", summary, reads, NULL, 1, 1};

	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--archive") || !strncmp(argv[i], "--archive=", 10) ||
		    !strcmp(argv[i], "--adopt") || !strncmp(argv[i], "--adopt=", 8))
			tool.cmds = writes;
	return gg_cli_main(&tool, argc, argv);
}
