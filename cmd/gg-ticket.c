/* SPDX-License-Identifier: Apache-2.0 */
/* gg-ticket: events and work orders (事件/工单), from intake to the resident's return visit:
 * the category catalogue, the steps of the life cycle, the escalation sweep cron runs,
 * duplicates, and Open311 in and out. Options and output only; the work is in lib/ticket*.c. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "calendar.h"
#include "cli.h"
#include "clock.h"
#include "csv.h"
#include "embed.h"
#include "emit.h"
#include "hook.h"
#include "kind.h"
#include "ladder.h"
#include "org.h"
#include "text.h"
#include "ticket.h"

/* The columns of a ticket in csv and tsv (the record's fields, gg-ticket(1)), and the few a
 * list shows as a table. */
static const char *const ticket_cols[] = {
	"id", "external_id", "source", "category", "category_name", "title", "description", "unit", "address",
	"priority", "status", "level", "assignee", "reported_at", "respond_by", "due_at", "accepted_at", "resolved_at",
	"closed_at", "overdue_at", "satisfaction", "duplicate_of", "duplicates", "lat", "long", "provisional_deadline",
	/* added after the first release: at the end, so that a cron line's `cut -f` still holds */
	"street", "community", "start_level", "first_accepted_at", "first_satisfaction", "missed", "reporter",
	"unmapped", NULL};
static const char *const ticket_table_cols[] = {"id",	 "status", "level",    "category", "unit",
						"title", "due_at", "assignee", NULL};
static const char *const open311_cols[] = {"service_request_id",
					   "external_id",
					   "status",
					   "status_notes",
					   "service_name",
					   "service_code",
					   "description",
					   "agency_responsible",
					   "requested_datetime",
					   "updated_datetime",
					   "expected_datetime",
					   "address",
					   "address_id",
					   "lat",
					   "long",
					   NULL};
static const char *const category_cols[] = {"code",    "name", "start_level",	"department", "department_role",
					    "respond", "sla",  "max_extension", "urgent",     NULL};
static const char *const event_cols[] = {"event", "at", "actor", "kind", "status", "level", "note", "data", NULL};
static const char *const dups_cols[] = {
	"id",	       "duplicate_of",	       "category", "unit", "address", "title", "original_title",
	"reported_at", "original_reported_at", NULL};

/* ---- categories ---- */

static int put_section(struct gg_ctx *c, struct gg_reader *r, const struct gg_kind *k, json_t *list, json_t *summary)
{
	size_t i;
	json_t *x;
	int rc;

	if (!list)
		return 0;
	if (!json_is_array(list))
		return gg_reader_fail(r, &c->err, NULL, NULL, "%s: expected a list", k->plural);
	json_t *t = json_pack("{s:i,s:i,s:i}", "new", 0, "changed", 0, "unchanged", 0);
	json_object_set_new(summary, k->plural, t);
	json_array_foreach (list, i, x) {
		static const char *const names[] = {"new", "changed", "unchanged"};
		struct gg_src src = {.r = r, .in = list, .idx = i};
		enum gg_put what;
		if (!json_is_object(x))
			return gg_kind_fail(c, &src, NULL, NULL, "a %s must be a mapping", k->name);
		if ((rc = gg_kind_put(c, k, x, &src, 0, &what, NULL)))
			return rc;
		json_object_set_new(t, names[what],
				    json_integer(json_integer_value(json_object_get(t, names[what])) + 1));
	}
	return 0;
}

static const struct option cat_import_opts[] = {
	{"file", required_argument, NULL, 'f'}, {"builtin", no_argument, NULL, 'b'}, {0}};

static int cmd_category_import(struct gg_ctx *c, int argc, char **argv)
{
	const char *file = "-";
	int o, builtin = 0, rc = 0, n;
	struct gg_reader *r;
	FILE *mem = NULL;
	json_t *doc, *summary = json_object();

	while ((o = gg_cli_opts(c, argc, argv, "f:", cat_import_opts)) != -1) {
		if (o == 'f')
			file = optarg;
		else if (o == 'b')
			builtin = 1;
		else
			return json_decref(summary), GG_EX_USAGE;
	}
	if (optind < argc)
		file = argv[optind];
	if (builtin) {
		const char *text = gg_embed_get("categories.yaml");
		if (!(mem = fmemopen((void *)text, strlen(text), "r")))
			return json_decref(summary), gg_err_oom(&c->err);
		rc = gg_reader_open_stream(&r, mem, "categories.yaml (built in)", &c->err);
	} else {
		rc = gg_reader_open(&r, file, &c->err);
	}
	if (rc) {
		json_decref(summary);
		if (mem)
			fclose(mem);
		return rc;
	}
	gg_reader_keep(r, 1);
	while (!rc && (n = gg_reader_next(r, &doc, &c->err)) > 0) {
		const char *key;
		json_t *v;
		json_object_foreach (doc, key, v)
			if (strcmp(key, "categories") && strcmp(key, "departments"))
				rc = gg_reader_fail(r, &c->err, doc, key,
						    "unknown section '%s' (expected categories or departments)", key);
		if (!rc)
			rc = put_section(c, r, &gg_dept_kind, json_object_get(doc, "departments"), summary);
		if (!rc)
			rc = put_section(c, r, &gg_category_kind, json_object_get(doc, "categories"), summary);
		json_decref(doc);
	}
	if (!rc && n < 0)
		rc = c->err.code;
	gg_reader_close(r);
	if (mem)
		fclose(mem);
	if (!rc)
		rc = gg_out_one(c, summary);
	json_decref(summary);
	return rc;
}

static int cmd_category_list(struct gg_ctx *c, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return gg_cli_usage(c, "category list takes no arguments");
	struct gg_emit *e = gg_out_list(c, category_cols);
	int rc = gg_kind_each(c, &gg_category_kind, gg_out_each, e), wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static int cmd_category_show(struct gg_ctx *c, int argc, char **argv)
{
	struct gg_emit *e;
	json_t *rec;
	int rc = 0;

	if (argc < 2)
		return gg_cli_usage(c, "name the categories to show");
	e = gg_out_records(c, category_cols);
	for (int i = 1; i < argc && !rc; i++) {
		if ((rc = gg_kind_get(c, &gg_category_kind, json_pack("{s:s}", "code", argv[i]), &rec)))
			break;
		if (!rec)
			rc = gg_err_set(&c->err, GG_EX_DATAERR, "no category '%s'", argv[i]);
		else
			gg_emit(e, rec);
		json_decref(rec);
	}
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

/* ---- intake ---- */

static const struct option new_opts[] = {
	{"category", required_argument, NULL, 'c'},    {"title", required_argument, NULL, 't'},
	{"description", required_argument, NULL, 'd'}, {"unit", required_argument, NULL, 'u'},
	{"address", required_argument, NULL, 'a'},     {"source", required_argument, NULL, 's'},
	{"priority", required_argument, NULL, 'p'},    {"external-id", required_argument, NULL, 'x'},
	{"reported-at", required_argument, NULL, 'r'}, {"due-at", required_argument, NULL, 'D'},
	{"unresolved", required_argument, NULL, 'U'},  {0}};

static int unresolved(struct gg_ctx *c, const char *arg, struct gg_intake *in)
{
	if (strncmp(arg, "grid:", 5) != 0 || !arg[5])
		return gg_cli_usage(
			c, "--unresolved takes grid:CODE, the grid that takes tickets whose address resolves nowhere");
	in->unresolved_grid = arg + 5;
	return 0;
}

/* --unmapped=category:CODE: the category of a ticket whose own the catalogue does not know. */
static int unmapped(struct gg_ctx *c, const char *arg, struct gg_intake *in)
{
	if (strncmp(arg, "category:", 9) != 0 || !arg[9])
		return gg_cli_usage(c, "--unmapped takes category:CODE, the category that takes tickets whose own "
				       "the catalogue does not know");
	in->unmapped_category = arg + 9;
	return 0;
}

/* The one record `new -` reads from stdin; a second is an error, never dropped. */
static int one_record(struct gg_ctx *c, struct gg_reader **r, json_t **rec)
{
	json_t *more;
	int n;

	json_decref(*rec);
	*rec = NULL;
	if (gg_reader_open(r, "-", &c->err))
		return c->err.code;
	if ((n = gg_reader_next(*r, rec, &c->err)) <= 0)
		return n < 0 ? c->err.code : gg_cli_usage(c, "no ticket on stdin");
	gg_reader_keep(*r, 1); /* the first record's places stay known for its messages */
	if ((n = gg_reader_next(*r, &more, &c->err)) < 0)
		return c->err.code;
	if (n > 0) {
		int rc = gg_reader_fail(*r, &c->err, more, NULL,
					"new takes one ticket; take in several with 'gg-ticket import'");
		json_decref(more);
		return rc;
	}
	return 0;
}

static int cmd_new(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const names[] = {
		['c'] = "category", ['t'] = "title",	['d'] = "description", ['u'] = "unit",	      ['a'] = "address",
		['s'] = "source",   ['p'] = "priority", ['x'] = "external_id", ['r'] = "reported_at", ['D'] = "due_at"};
	struct gg_intake in = {.is_new = 1};
	json_t *rec = json_object(), *out = NULL;
	struct gg_reader *r = NULL;
	struct gg_src src = {0};
	json_int_t id;
	int o, rc;

	while ((o = gg_cli_opts(c, argc, argv, "", new_opts)) != -1) {
		if (o == 'U') {
			if ((rc = unresolved(c, optarg, &in)))
				goto done;
		} else if (o > 0 && o < (int)(sizeof names / sizeof *names) && names[o]) {
			json_object_set_new(rec, names[o], json_string(optarg));
		} else {
			rc = GG_EX_USAGE;
			goto done;
		}
	}
	int from_stdin = json_object_size(rec) == 0 && optind + 1 == argc && !strcmp(argv[optind], "-");
	if (optind < argc && !from_stdin) {
		rc = gg_cli_usage(c, "unexpected argument '%s'", argv[optind]);
		goto done;
	}
	if (json_object_size(rec) == 0 && !from_stdin) {
		rc = gg_cli_usage(c, "give the ticket as options (--category, --title, --unit or --address), or - "
				     "to read one record from stdin");
		goto done;
	}
	if ((rc = gg_ticket_intake_check(c, &in)))
		goto done;
	if (from_stdin && (rc = one_record(c, &r, &rec)))
		goto done;
	src.r = r;
	if ((rc = gg_ticket_intake(c, rec, &src, &in, &id)) || (rc = gg_ticket_get(c, id, &out)))
		goto done;
	gg_hook_queue(c, "create", out);
	rc = gg_out_one(c, out);
done:
	json_decref(rec);
	json_decref(out);
	gg_reader_close(r);
	return rc;
}

static const struct option import_opts[] = {{"file", required_argument, NULL, 'f'},
					    {"from", required_argument, NULL, 'F'},
					    {"map", required_argument, NULL, 'm'},
					    {"unresolved", required_argument, NULL, 'U'},
					    {"dry-run", no_argument, NULL, 'n'},
					    {"encoding", required_argument, NULL, 'E'},
					    {"unmapped", required_argument, NULL, 'C'},
					    {"origin", required_argument, NULL, 'O'},
					    {0}};

/* A record a dry run would refuse: named on stderr, as the error of a real import names the
 * first, and counted; the run goes on to the next. Any other failure stops it. */
static int refused(struct gg_ctx *c, struct gg_intake *in, int rc)
{
	char *m;

	if (!rc || !c->rollback || rc != GG_EX_DATAERR || in->broken)
		return rc;
	m = gg_text_mask_free(c->err.msg); /* as gg_cli_main prints an error */
	fprintf(stderr, "%s: %s\n", c->prog, m ? m : c->err.msg);
	free(m);
	c->err.code = 0;
	c->err.msg[0] = '\0';
	in->refused++;
	return 0;
}

static int take(struct gg_ctx *c, json_t *rec, const struct gg_src *src, struct gg_intake *in)
{
	json_int_t id, before = in->added;
	int rc = gg_ticket_intake(c, rec, src, in, &id);
	if (!rc && in->added > before) {
		json_t *t;
		if (gg_hook_wanted(c, "create") && gg_ticket_get(c, id, &t) == 0) {
			gg_hook_queue(c, "create", t);
			json_decref(t);
		}
	}
	return rc;
}

/* --encoding NAME: one of the encodings a CSV export is read in. */
static int encoding(struct gg_ctx *c, const char *name)
{
	for (int i = 0; gg_csv_encodings[i]; i++)
		if (!strcasecmp(name, gg_csv_encodings[i]))
			return 0;
	return gg_cli_usage(c, "--encoding takes gbk, gb18030 or utf-8, not '%s'", name);
}

static int import_csv(struct gg_ctx *c, const char *file, const char *mapfile, const char *enc, struct gg_intake *in)
{
	struct gg_csv *csv;
	json_t *header = NULL, *map = NULL, *row;
	int rc, n;

	if (!mapfile)
		return gg_cli_usage(c, "--from csv needs --map FILE, the YAML mapping of columns to fields");
	if ((rc = gg_csv_open(&csv, file, &c->err)))
		return rc;
	if (enc && (rc = gg_csv_decode(csv, enc, &c->err)))
		goto done;
	if ((n = gg_csv_next(csv, &header, &c->err)) <= 0) {
		rc = n < 0 ? c->err.code : gg_err_set(&c->err, GG_EX_DATAERR, "%s: no header row", gg_csv_name(csv));
		goto done;
	}
	if ((rc = gg_csv_mapping(mapfile, header, csv, &map, &c->err)))
		goto done;
	while (!rc && (n = gg_csv_next(csv, &row, &c->err)) != 0) {
		if (n < 0) { /* a row read whole, with too few or too many fields, is one record */
			rc = gg_csv_whole(csv) ? refused(c, in, c->err.code) : c->err.code;
			continue;
		}
		json_t *rec = gg_csv_record(map, row);
		rc = take(c, rec, NULL, in);
		if (rc) /* the message names the file and line of the row */
			rc = refused(c, in, gg_err_prefix(&c->err, "%s:%d", gg_csv_name(csv), gg_csv_line(csv)));
		json_decref(rec);
		json_decref(row);
	}
done:
	json_decref(header);
	json_decref(map);
	gg_csv_close(csv);
	return rc;
}

/* A GeoReport v2 request taken in as the ticket it asks for. */
static int take_open311(struct gg_ctx *c, struct gg_reader *r, json_t *req, struct gg_intake *in)
{
	struct gg_src src = {0}; /* places are the request's, not the ticket's: name the line */
	json_t *t;
	int rc;

	gg_ticket_from_open311(req, &t);
	if ((rc = take(c, t, &src, in))) {
		char at[512];
		gg_reader_where(r, req, NULL, at, sizeof at);
		rc = gg_err_prefix(&c->err, "%s", at);
	}
	json_decref(t);
	return rc;
}

/* The records of another database's gg-ticket export, moved in from origin: the map of their
 * ids there to their ids here is the output. All are in before the duplicates refer to theirs. */
static int import_moved(struct gg_ctx *c, const char *file, const char *origin)
{
	static const char *const cols[] = {"id", "was", NULL};
	struct gg_reader *r;
	json_t *rec, *map = gg_ticket_move_begin(origin), *row;
	size_t i;
	int rc, n;

	if (!map)
		return gg_err_oom(&c->err);
	if ((rc = gg_reader_open(&r, file, &c->err))) {
		json_decref(map);
		return rc;
	}
	while (!rc && (n = gg_reader_next(r, &rec, &c->err)) > 0) {
		if ((rc = gg_ticket_move_in(c, rec, map))) {
			char at[512];
			gg_reader_where(r, rec, NULL, at, sizeof at);
			rc = gg_err_prefix(&c->err, "%s", at);
		}
		json_decref(rec);
	}
	if (!rc && n < 0)
		rc = c->err.code;
	gg_reader_close(r);
	if (!rc)
		rc = gg_ticket_move_done(c, map);
	if (!rc) {
		struct gg_emit *e = gg_out_open(c, 1, cols);
		json_array_foreach (json_object_get(map, "ids"), i, row)
			if (!rc)
				rc = gg_out_each(c, row, e);
		int wrc = gg_out_close(c, e);
		rc = rc ? rc : wrc;
	}
	json_decref(map);
	return rc;
}

/* Records in YAML, JSON or NDJSON, or (open311) GeoReport v2 requests. */
static int import_records(struct gg_ctx *c, const char *file, int open311, struct gg_intake *in)
{
	struct gg_reader *r;
	json_t *rec;
	int rc, n;

	if ((rc = gg_reader_open(&r, file, &c->err)))
		return rc;
	gg_reader_prefetch(r);
	while (!rc && (n = gg_reader_next(r, &rec, &c->err)) > 0) {
		struct gg_src src = {.r = r};
		rc = refused(c, in, open311 ? take_open311(c, r, rec, in) : take(c, rec, &src, in));
		gg_reader_release(r, rec);
	}
	if (!rc && n < 0)
		rc = c->err.code;
	gg_reader_close(r);
	return rc;
}

static int cmd_import(struct gg_ctx *c, int argc, char **argv)
{
	const char *file = "-", *from = "json", *mapfile = NULL, *enc = NULL, *origin = NULL;
	struct gg_intake in = {0};
	int o, rc = 0;

	while ((o = gg_cli_opts(c, argc, argv, "f:n", import_opts)) != -1) {
		if (o == 'f')
			file = optarg;
		else if (o == 'F')
			from = optarg;
		else if (o == 'm')
			mapfile = optarg;
		else if (o == 'U') {
			if ((rc = unresolved(c, optarg, &in)))
				return rc;
		} else if (o == 'E') {
			if ((rc = encoding(c, optarg)))
				return rc;
			enc = optarg;
		} else if (o == 'C') {
			if ((rc = unmapped(c, optarg, &in)))
				return rc;
		} else if (o == 'n')
			c->rollback = 1;
		else if (o == 'O')
			origin = optarg;
		else
			return GG_EX_USAGE;
	}
	if (optind < argc)
		file = argv[optind++];
	if (!strcmp(from, "gg") != (origin != NULL))
		return gg_cli_usage(c, "--from gg and --origin NAME go together: NAME says where the tickets were");
	if (optind < argc)
		return gg_cli_usage(c, "import reads one input");
	if (enc && strcmp(from, "csv"))
		return gg_cli_usage(c, "--encoding goes with --from csv (JSON and YAML are UTF-8)");
	if (!strcmp(file, "-") && gg_reader_stdin(&c->err)) /* read before the checks' first statement */
		return c->err.code;
	if ((rc = gg_ticket_intake_check(c, &in)))
		return rc;
	if (!strcmp(from, "gg"))
		return import_moved(c, file, origin);
	if (strcmp(from, "csv") && strcmp(from, "json") && strcmp(from, "yaml") && strcmp(from, "open311"))
		return gg_cli_usage(c, "--from takes json, csv, open311 or gg, not '%s'", from);
	if ((rc = gg_ticket_intake_bulk(c, &in)) == 0) {
		if (!strcmp(from, "csv"))
			rc = import_csv(c, file, mapfile, enc, &in);
		else
			rc = import_records(c, file, !strcmp(from, "open311"), &in);
	}
	if ((rc = gg_ticket_intake_end(c, &in, rc)))
		return rc;
	json_t *sum = json_pack("{s:I,s:I,s:I}", "new", in.added, "updated", in.updated, "unchanged", in.unchanged);
	if (!(rc = gg_ticket_imported(c, from, sum)))
		rc = gg_out_one(c, sum);
	json_decref(sum);
	if (!rc && in.refused) { /* the counts are of the records it would take */
		c->keep_output = 1;
		rc = gg_err_set(&c->err, GG_EX_DATAERR, "%lld record%s would be refused", (long long)in.refused,
				in.refused == 1 ? "" : "s");
	}
	return rc;
}

/* ---- list, show, history ---- */

static const struct option list_opts[] = {
	{"status", required_argument, NULL, 's'},     {"level", required_argument, NULL, 'l'},
	{"category", required_argument, NULL, 'c'},   {"source", required_argument, NULL, 'S'},
	{"assignee", required_argument, NULL, 'a'},   {"unit", required_argument, NULL, 'u'},
	{"under", required_argument, NULL, 'U'},      {"overdue", no_argument, NULL, 'o'},
	{"unanswered", no_argument, NULL, 'A'},	      {"unmapped", no_argument, NULL, 'M'},
	{"due-within", required_argument, NULL, 'w'}, {"period", required_argument, NULL, 'p'},
	{"from", required_argument, NULL, 'F'},	      {"to", required_argument, NULL, 'T'},
	{"priority", required_argument, NULL, 'P'},   {0}};

/* The values a filter allows, or NULL for any. */
static const char *const *allowed(struct gg_ctx *c, const char *filter)
{
	if (!strcmp(filter, "status"))
		return gg_ladder_statuses(c);
	if (!strcmp(filter, "level"))
		return gg_ladder(c, "ticket");
	if (!strcmp(filter, "source"))
		return gg_ticket_sources;
	if (!strcmp(filter, "priority"))
		return gg_ticket_priorities;
	return NULL;
}

/* Adds the values of a repeated or comma-separated filter (--status new,assigned) to its
 * list: any of them will do. A value the filter does not allow is a usage error naming those
 * it does. */
static int either(struct gg_ctx *c, json_t *f, const char *filter, const char *arg)
{
	const char *const *ok = allowed(c, filter);
	json_t *list = json_object_get(f, filter);
	char one[256], all[512];

	if (c->err.code)
		return c->err.code;
	if (!list)
		json_object_set_new(f, filter, list = json_array());
	for (const char *p = arg, *end; *p; p = *end ? end + 1 : end) {
		size_t n = strcspn(p, ",");
		end = p + n;
		snprintf(one, sizeof one, "%.*s", (int)n, p);
		int known = !ok || (!strcmp(filter, "status") && !strcmp(one, "open"));
		for (int i = 0; ok && ok[i] && !known; i++)
			known = !strcmp(ok[i], one);
		if (!known || !*one) {
			size_t len = 0;
			for (int i = 0; ok && ok[i] && len < sizeof all; i++)
				len += (size_t)snprintf(all + len, sizeof all - len, "%s%s", i ? ", " : "", ok[i]);
			return gg_cli_usage(c, "unknown %s '%s' for --%s (one of: %s%s)", filter, one, filter,
					    ok ? all : "any value", !strcmp(filter, "status") ? ", open" : "");
		}
		json_array_append_new(list, json_string(one));
	}
	return 0;
}

/* The filters of list and export, as the parameters of queries/ticket/list.sql. */
static int filters(struct gg_ctx *c, int argc, char **argv, json_t *f)
{
	static const char *const names[128] = {
		['s'] = "status",   ['l'] = "level", ['c'] = "category", ['S'] = "source",
		['a'] = "assignee", ['u'] = "unit",  ['U'] = "under",	 ['P'] = "priority"};
	int o;
	int64_t a, b;
	struct gg_dur d;

	while ((o = gg_cli_opts(c, argc, argv, "", list_opts)) != -1) {
		if (o == 'U') {
			json_object_set_new(f, names[o], json_string(optarg));
		} else if (o > 0 && o < 128 && names[o]) {
			if (either(c, f, names[o], optarg))
				return c->err.code;
		} else if (o == 'o') {
			json_object_set_new(f, "overdue", json_true());
		} else if (o == 'A') {
			json_object_set_new(f, "unanswered", json_true());
		} else if (o == 'M') {
			json_object_set_new(f, "unmapped", json_true());
		} else if (o == 'w') {
			if (gg_cal_dur_parse(optarg, &d))
				return gg_cli_usage(c, "--due-within takes a duration: 30m, 2h, 3d or 5wd");
			const struct gg_cal *cal = gg_cal(c);
			if (!cal)
				return c->err.code;
			json_object_set_new(f, "due_within",
					    json_integer(gg_cal_deadline(cal, gg_clock_now(), &d) - gg_clock_now()));
		} else if (o == 'p') {
			if (gg_clock_period(optarg, &a, &b))
				return gg_cli_usage(c, "bad period '%s': use 2026, 2026-Q4, 2026-11 or 2026-W48",
						    optarg);
			json_object_set_new(f, "from", json_integer(a));
			json_object_set_new(f, "to", json_integer(b));
		} else if (o == 'F' || o == 'T') {
			if (gg_clock_parse(optarg, &a))
				return gg_cli_usage(c, "bad time '%s' for --%s: use ISO 8601", optarg,
						    o == 'F' ? "from" : "to");
			json_object_set_new(f, o == 'F' ? "from" : "to", json_integer(a));
		} else {
			return GG_EX_USAGE;
		}
	}
	if (optind < argc)
		return gg_cli_usage(c, "unexpected argument '%s'; filters are options, e.g. --status open",
				    argv[optind]);
	return 0;
}

static int cmd_list(struct gg_ctx *c, int argc, char **argv)
{
	json_t *f = json_object();
	int rc = filters(c, argc, argv, f);

	if (!rc) {
		struct gg_emit *e = gg_out_list(
			c, c->fmt == GG_FMT_DEFAULT || c->fmt == GG_FMT_TABLE ? ticket_table_cols : ticket_cols);
		rc = gg_ticket_list(c, f, gg_out_each, e);
		int wrc = gg_out_close(c, e);
		rc = rc ? rc : wrc;
	}
	json_decref(f);
	return rc;
}

static int open311_each(struct gg_ctx *c, json_t *t, void *e)
{
	json_t *r = gg_ticket_open311(t);
	int rc = gg_out_each(c, r, e);
	json_decref(r);
	return rc;
}

/* Without --to: every ticket as stored, with its events, for import --from gg elsewhere. */
static int export_own(struct gg_ctx *c, int argc, char **argv)
{
	json_t *f;
	int rc;

	if (c->fmt != GG_FMT_DEFAULT && c->fmt > GG_FMT_NDJSON)
		return gg_cli_usage(c,
				    "export without --to writes each ticket with its events: -o yaml, json or ndjson");
	if ((rc = filters(c, argc, argv, f = json_object())) == 0) {
		struct gg_emit *e = gg_out_open(c, 1, NULL);
		rc = gg_ticket_dump(c, f, gg_out_each, e);
		int wrc = gg_out_close(c, e);
		rc = rc ? rc : wrc;
	}
	json_decref(f);
	return rc;
}

static int cmd_export(struct gg_ctx *c, int argc, char **argv)
{
	json_t *f = json_object();
	int rc;

	/* --to open311 first, then the filters of list; without --to, gg's own records */
	if (argc < 2 || strcmp(argv[1], "--to")) {
		json_decref(f);
		return export_own(c, argc, argv);
	}
	if (argc < 3 || strcmp(argv[2], "open311")) {
		json_decref(f);
		return gg_cli_usage(c, "export --to takes open311 (GeoReport v2); without --to, gg's own records");
	}
	argv[2] = argv[0];
	if ((rc = filters(c, argc - 2, argv + 2, f)) == 0) {
		if (c->fmt == GG_FMT_DEFAULT)
			c->fmt = GG_FMT_JSON; /* GeoReport v2 is JSON */
		struct gg_emit *e = gg_out_open(c, 1, open311_cols);
		rc = gg_ticket_list(c, f, open311_each, e);
		int wrc = gg_out_close(c, e);
		rc = rc ? rc : wrc;
	}
	json_decref(f);
	return rc;
}

/* Calls fn for each id named by arguments, or by records with an id on stdin ("-"). */
static int show_one(struct gg_ctx *c, json_int_t id, void *e)
{
	json_t *t;
	int rc = gg_ticket_get(c, id, &t);
	if (!rc)
		rc = gg_out_each(c, t, e);
	json_decref(t);
	return rc;
}

static int cmd_show(struct gg_ctx *c, int argc, char **argv)
{
	struct gg_emit *e = gg_out_records(c, ticket_cols);
	int rc = gg_cli_each_id(c, "ticket", argc - 1, argv + 1, show_one, e), wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static int cmd_history(struct gg_ctx *c, int argc, char **argv)
{
	json_int_t id;
	int rc;

	if (argc != 2)
		return gg_cli_usage(c, "history takes one ticket id");
	if ((rc = gg_cli_id(c, "ticket", argv[1], &id)))
		return rc;
	struct gg_emit *e = gg_out_open(c, 1, event_cols);
	rc = gg_ticket_history(c, id, gg_out_each, e);
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

/* ---- the steps of the life cycle, as lib's table has them ---- */

struct step {
	const struct gg_ticket_step *step;
	json_t *args;
	struct gg_emit *e;
};

static int step_one(struct gg_ctx *c, json_int_t id, void *arg)
{
	struct step *s = arg;
	int rc = gg_ticket_act(c, id, s->step->verb, s->args);
	return rc ? rc : show_one(c, id, s->e);
}

static const struct option step_opts[] = {{"note", required_argument, NULL, 'n'},
					  {"reason", required_argument, NULL, 'r'},
					  {"to", required_argument, NULL, 't'},
					  {"by", required_argument, NULL, 'b'},
					  {"satisfaction", required_argument, NULL, 's'},
					  {"due", no_argument, NULL, 'D'},
					  {"dry-run", no_argument, NULL, 'd'},
					  {0}};

/* An option's name as the table spells the option: "--by DURATION" is "by". */
static const char *option_name(const char *spelled, char buf[32])
{
	snprintf(buf, 32, "%.*s", (int)strcspn(spelled + 2, " "), spelled + 2);
	return buf;
}

/* Every step takes --note and --reason (its event's note), and the options its line names. */
static int takes(const struct gg_ticket_step *step, const char *name)
{
	char buf[32];

	if (!strcmp(name, "note") || !strcmp(name, "reason"))
		return 1;
	for (const char *const *o = step->needs; o && *o; o++)
		if (!strcmp(option_name(*o, buf), name))
			return 1;
	for (const char *const *o = step->takes; o && *o; o++)
		if (!strcmp(option_name(*o, buf), name))
			return 1;
	return 0;
}

static int step_options(struct gg_ctx *c, int argc, char **argv, struct step *s, int *due)
{
	const struct option *opt;
	int o;

	while ((o = gg_cli_opts(c, argc, argv, "", step_opts)) != -1) {
		if (o == -2)
			return GG_EX_USAGE;
		for (opt = step_opts; opt->name && opt->val != o; opt++)
			;
		if (!opt->name || !takes(s->step, opt->name))
			return gg_cli_usage(c, "%s takes no such option", argv[0]);
		if (o == 'D')
			*due = 1;
		else if (o == 'd')
			c->rollback = 1;
		else
			json_object_set_new(s->args, opt->name, json_string(optarg));
	}
	return 0;
}

static int step_needs(struct gg_ctx *c, const struct gg_ticket_step *step, json_t *args)
{
	char buf[32];

	for (const char *const *o = step->needs; o && *o; o++)
		if (!json_object_get(args, option_name(*o, buf)))
			return gg_cli_usage(c, "%s needs %s", step->verb, *o);
	return 0;
}

/* escalate --due [--dry-run]: the sweep cron runs */
static int sweep(struct gg_ctx *c, int argc, char **argv, json_t *args)
{
	if (optind < argc || json_object_size(args))
		return gg_cli_usage(c, "%s --due takes no ids or other options", argv[0]);
	struct gg_emit *e = gg_out_open(c, 1, ticket_cols);
	int rc = gg_ticket_sweep(c, gg_out_each, e), wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static int cmd_step(struct gg_ctx *c, int argc, char **argv)
{
	struct step s = {gg_ticket_step(argv[0]), NULL, NULL};
	int rc, due = 0;

	if (!s.step)
		return gg_err_set(&c->err, GG_EX_SOFTWARE, "no step '%s'", argv[0]);
	s.args = json_object();
	if ((rc = step_options(c, argc, argv, &s, &due)))
		goto done;
	if (due) {
		rc = sweep(c, argc, argv, s.args);
	} else if (c->rollback) {
		rc = gg_cli_usage(c, "--dry-run goes with %s --due", argv[0]);
	} else if (!(rc = step_needs(c, s.step, s.args))) {
		s.e = gg_out_records(c, ticket_cols);
		rc = gg_cli_each_id(c, "ticket", argc - optind, argv + optind, step_one, &s);
		int wrc = gg_out_close(c, s.e);
		rc = rc ? rc : wrc;
	}
done:
	json_decref(s.args);
	return rc;
}

/* ---- duplicates ---- */

static const struct option dups_opts[] = {
	{"window", required_argument, NULL, 'w'}, {"since", required_argument, NULL, 's'}, {0}};

static int cmd_dups(struct gg_ctx *c, int argc, char **argv)
{
	struct gg_dur d = {24, GG_DUR_HOUR};
	int64_t since = gg_clock_now() - 30 * 86400;
	int o, rc;

	while ((o = gg_cli_opts(c, argc, argv, "", dups_opts)) != -1) {
		if (o == 'w') {
			if (gg_cal_dur_parse(optarg, &d) || d.unit == GG_DUR_WDAY)
				return gg_cli_usage(c, "--window takes a duration: 30m, 24h or 3d");
		} else if (o == 's') {
			if (gg_clock_parse(optarg, &since))
				return gg_cli_usage(c, "bad time '%s' for --since: use ISO 8601", optarg);
		} else {
			return GG_EX_USAGE;
		}
	}
	if (optind < argc)
		return gg_cli_usage(c, "dups takes no arguments");
	struct gg_emit *e = gg_out_list(c, dups_cols);
	rc = gg_ticket_dups(c, gg_cal_deadline(NULL, 0, &d), since, gg_out_each, e); /* no working days */
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static const struct option merge_opts[] = {{"into", required_argument, NULL, 'i'}, {0}};

static int cmd_merge(struct gg_ctx *c, int argc, char **argv)
{
	json_int_t id, into = 0;
	int o, rc;

	while ((o = gg_cli_opts(c, argc, argv, "", merge_opts)) != -1) {
		if (o != 'i')
			return GG_EX_USAGE;
		if ((rc = gg_cli_id(c, "ticket", optarg, &into)))
			return rc;
	}
	if (!into || optind + 1 != argc)
		return gg_cli_usage(c, "merge takes one ticket id and --into ID");
	if ((rc = gg_cli_id(c, "ticket", argv[optind], &id)) || (rc = gg_ticket_merge(c, id, into)))
		return rc;
	struct gg_emit *e = gg_out_open(c, 0, ticket_cols);
	rc = show_one(c, id, e);
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

/* ---- the holiday calendar ---- */

static const struct option calendar_check_opts[] = {{"ahead", required_argument, NULL, 'a'}, {0}};

/* calendar check [--ahead DUR]: exit 1, with the years missing on stdout, when the calendar
 * does not cover today and the days ahead (90d), so cron can say so before deadlines there go
 * provisional. */
static int cmd_calendar_check(struct gg_ctx *c, int argc, char **argv)
{
	struct gg_dur d = {90, GG_DUR_DAY};
	const struct gg_cal *cal;
	size_t missing;
	int o, rc;

	while ((o = gg_cli_opts(c, argc, argv, "", calendar_check_opts)) != -1)
		if (o != 'a' || gg_cal_dur_parse(optarg, &d))
			return o == 'a' ? gg_cli_usage(c, "--ahead takes a duration: 90d, 12wd") : GG_EX_USAGE;
	if (optind < argc)
		return gg_cli_usage(c, "calendar check takes no arguments");
	if (!(cal = gg_cal(c)))
		return c->err.code;
	json_t *rec = gg_cal_check(cal, gg_clock_now(), &d, &missing);
	rc = gg_out_one(c, rec);
	json_decref(rec);
	return rc ? rc : missing ? GG_EX_FOUND : 0;
}

static const struct gg_cmd calendar_cmds[] = {
	{"check", cmd_calendar_check, GG_RUN_NODB, "[--ahead DURATION]",
	 "whether the holiday calendar covers today and the days ahead; exit 1 naming the years it lacks\n"
	 "  --ahead DURATION  how far ahead to look (90d)",
	 NULL},
	{0},
};

static const struct gg_cmd category_cmds[] = {
	{"import", cmd_category_import, GG_RUN_WRITE, "[-f FILE | --builtin]",
	 "import categories (and the departments they summon): a document with categories: and departments:\n"
	 "  --builtin         the default catalogue shipped with gg (share/gg/categories.yaml)",
	 NULL},
	{"list", cmd_category_list, GG_RUN_READ, "", "list the categories", NULL},
	{"show", cmd_category_show, GG_RUN_READ, "CODE...", "show categories", NULL},
	{0},
};

/* The commands before the steps and after them; main() puts a command per step between. */
static const struct gg_cmd before_steps[] = {
	{"category", NULL, GG_RUN_NODB, NULL, "the category catalogue: where tickets start, deadlines, departments",
	 category_cmds},
	{"new", cmd_new, GG_RUN_WRITE, "--category CODE --title TEXT (--unit CODE | --address TEXT) [OPTIONS]",
	 "take in one ticket (options, or - to read one record from stdin)\n"
	 "  options: --description --source --priority --external-id --reported-at --due-at\n"
	 "           --unresolved=grid:CODE (the grid for an address that resolves nowhere)",
	 NULL},
	{"import", cmd_import, GG_RUN_WRITE,
	 "[-f FILE] [--from json|csv|open311] [--map FILE] [--encoding gbk|gb18030|utf-8] "
	 "[--unresolved=grid:CODE] [--unmapped=category:CODE] [--dry-run] | [-f FILE] --from gg --origin NAME",
	 "take in tickets: YAML, JSON or NDJSON records; a CSV export with --map; GeoReport v2 requests\n"
	 "  the same source and external_id twice is the same ticket: unchanged, or updated\n"
	 "  --encoding NAME   the CSV's bytes are gbk, gb18030 or utf-8 (the default)\n"
	 "  --unmapped=category:CODE  the category for a ticket whose category the catalogue "
	 "does not know, or that has none; the ticket's field unmapped keeps the one given, (empty) for none\n"
	 "  -n, --dry-run     check everything, write nothing: every record that would be "
	 "refused on stderr, the counts of the others on stdout, exit 65 if any would be\n"
	 "  --from gg --origin NAME  another database's tickets as its export without --to wrote them, "
	 "under this one's next ids, each with a moved event naming NAME; prints {id, was} for each",
	 NULL},
	{"list", cmd_list, GG_RUN_LIST,
	 "[--status S|open] [--level L] [--under UNIT] [--unit CODE] [--category C] [--source S] [--assignee CODE] "
	 "[--overdue] [--due-within DUR] [--unanswered] [--unmapped] [--period P | --from TIME --to TIME]",
	 "list tickets; a filter repeated or comma-separated (--status new,assigned) means either\n"
	 "  --unanswered      not accepted within the response time: who has not reported for duty\n"
	 "  --unmapped        put by import --unmapped in its category: the one given is in unmapped",
	 NULL},
	{"show", cmd_show, GG_RUN_READ, "ID... | -", "show tickets", NULL},
	{"history", cmd_history, GG_RUN_READ, "ID", "every event of a ticket", NULL},
	{0},
};

static const struct gg_cmd after_steps[] = {
	{"dups", cmd_dups, GG_RUN_LIST, "[--window DUR] [--since TIME]",
	 "likely duplicates: same category, same building or address, within the window (24h)", NULL},
	{"merge", cmd_merge, GG_RUN_WRITE, "ID --into ID", "mark a ticket a duplicate of another", NULL},
	{"export", cmd_export, GG_RUN_LIST, "[--to open311] [FILTERS OF list]",
	 "tickets as GeoReport v2 service requests; without --to, every ticket as stored with its events, "
	 "for import --from gg in another database",
	 NULL},
	{"calendar", NULL, GG_RUN_NODB, NULL, "the holiday calendar working days are counted with", calendar_cmds},
	{0},
};

/* The commands of the table above with one per step of lib's table between them, in the
 * order --help lists them. */
int main(int argc, char **argv)
{
	size_t n = 0, nb = sizeof before_steps / sizeof *before_steps - 1,
	       na = sizeof after_steps / sizeof *after_steps;
	const struct gg_ticket_step *s;
	struct gg_cmd *cmds;
	int rc;

	for (s = gg_ticket_steps; s->verb; s++)
		n++;
	if (!(cmds = calloc(nb + n + na, sizeof *cmds))) {
		fputs("gg-ticket: out of memory\n", stderr);
		return GG_EX_SOFTWARE;
	}
	memcpy(cmds, before_steps, nb * sizeof *cmds);
	for (n = nb, s = gg_ticket_steps; s->verb; s++)
		cmds[n++] = (struct gg_cmd){s->verb, cmd_step, GG_RUN_WRITE, s->usage, s->help, NULL};
	memcpy(cmds + n, after_steps, na * sizeof *cmds);
	struct gg_tool tool = {"gg-ticket", "gg-ticket: tickets from intake to the resident's return visit",
			       cmds,	    gg_ticket_kinds,
			       0,	    0};
	rc = gg_cli_main(&tool, argc, argv);
	free(cmds);
	return rc;
}
