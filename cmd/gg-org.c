/* SPDX-License-Identifier: Apache-2.0 */
/* gg-org: the net. Units from city to building, addresses, Party organisations, people and
 * their roles, departments, leader links, the community duty list, the signboards allowed and
 * the demands placed on communities. Options and output only; the work is in lib/org.c and lib/kind.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "clock.h"
#include "emit.h"
#include "kindcmd.h"
#include "org.h"

/* init [--force]: --force makes a file holding another program's tables gg's too (the
 * database was opened so: lib/cli.c) */
static int cmd_init(struct gg_ctx *c, int argc, char **argv)
{
	static const struct option opts[] = {{"force", no_argument, NULL, 'F'}, {0}};
	int o;

	while ((o = gg_cli_opts(c, argc, argv, "", opts)) != -1)
		if (o != 'F')
			return GG_EX_USAGE;
	if (optind < argc)
		return gg_cli_usage(c, "init takes no arguments");
	int rc = gg_org_init(c);
	if (rc)
		return rc;
	json_t *r = json_pack("{s:s}", "database", c->db_path);
	rc = gg_out_one(c, r);
	json_decref(r);
	return rc;
}

static const struct option import_opts[] = {
	{"file", required_argument, NULL, 'f'}, {"dry-run", no_argument, NULL, 'n'}, {0}};

static int cmd_import(struct gg_ctx *c, int argc, char **argv)
{
	const char *file = "-";
	struct gg_reader *r;
	json_t *summary;
	int o, rc;

	while ((o = gg_cli_opts(c, argc, argv, "f:n", import_opts)) != -1) {
		if (o == 'f')
			file = optarg;
		else if (o == 'n')
			c->rollback = 1;
		else
			return GG_EX_USAGE;
	}
	if (optind < argc)
		file = argv[optind++];
	if (optind < argc)
		return gg_cli_usage(c, "import reads one input");
	if (gg_reader_open(&r, file, &c->err))
		return c->err.code;
	summary = json_object();
	rc = gg_org_import(c, r, summary);
	gg_reader_close(r);
	if (!rc)
		rc = gg_out_one(c, summary);
	json_decref(summary);
	return rc;
}

static const struct option export_opts[] = {
	{"under", required_argument, NULL, 'u'}, {"flat", no_argument, NULL, 'F'}, {0}};

static int cmd_export(struct gg_ctx *c, int argc, char **argv)
{
	const char *under = NULL;
	int o, flat = 0, rc;
	json_t *doc;

	while ((o = gg_cli_opts(c, argc, argv, "", export_opts)) != -1) {
		if (o == 'u')
			under = optarg;
		else if (o == 'F')
			flat = 1;
		else
			return GG_EX_USAGE;
	}
	if (optind < argc)
		return gg_cli_usage(c, "export takes no arguments");
	if (c->fmt != GG_FMT_DEFAULT && c->fmt != GG_FMT_YAML && c->fmt != GG_FMT_JSON)
		return gg_cli_usage(c, "export writes yaml or json, not %s", gg_emit_fmt_name(c->fmt));
	if ((rc = gg_org_export(c, under, flat, &doc)))
		return rc;
	rc = gg_out_one(c, doc);
	json_decref(doc);
	return rc;
}

static const struct option tree_opts[] = {
	{"under", required_argument, NULL, 'u'}, {"depth", required_argument, NULL, 'd'}, {0}};

/* Draws rows (depth first, with depth) as a tree of box-drawing characters. */
static void draw(FILE *out, json_t *rows)
{
	size_t n = json_array_size(rows);
	char *last = calloc(n + 1, 1), seen[64] = {0}, open[64] = {0};

	for (size_t i = n; i-- > 0;) { /* a node is the last of its siblings when none follows */
		int d = (int)json_integer_value(json_object_get(json_array_get(rows, i), "depth"));
		if (d >= 63)
			d = 63;
		last[i] = !seen[d];
		seen[d] = 1;
		memset(seen + d + 1, 0, (size_t)(63 - d));
	}
	for (size_t i = 0; i < n; i++) {
		json_t *u = json_array_get(rows, i);
		int d = (int)json_integer_value(json_object_get(u, "depth"));
		if (d >= 63)
			d = 63;
		for (int a = 1; a < d; a++)
			fputs(open[a] ? "│   " : "    ", out);
		if (d > 0)
			fputs(last[i] ? "└── " : "├── ", out);
		open[d] = !last[i];
		fprintf(out, "%s (%s)", json_string_value(json_object_get(u, "name")),
			json_string_value(json_object_get(u, "code")));
		if (json_object_get(u, "population"))
			fprintf(out, " %lld residents",
				(long long)json_integer_value(json_object_get(u, "population")));
		putc('\n', out);
	}
	free(last);
}

static int cmd_tree(struct gg_ctx *c, int argc, char **argv)
{
	const char *under = NULL;
	int o, depth = -1, rc;
	char *end;

	while ((o = gg_cli_opts(c, argc, argv, "", tree_opts)) != -1) {
		if (o == 'u')
			under = optarg;
		else if (o == 'd') {
			depth = (int)strtol(optarg, &end, 10);
			if (*end || depth < 0)
				return gg_cli_usage(c, "--depth takes a whole number, not '%s'", optarg);
		} else
			return GG_EX_USAGE;
	}
	if (optind < argc)
		return gg_cli_usage(c, "tree takes no arguments; use --under CODE");
	json_t *rows = json_array();
	if ((rc = gg_org_tree(c, under, depth, rows)) == 0) {
		if (c->fmt == GG_FMT_DEFAULT || c->fmt == GG_FMT_TABLE) {
			draw(c->out, rows);
		} else {
			static const char *const cols[] = {"code",	 "name",  "level", "parent",
							   "population", "depth", NULL};
			struct gg_emit *e = gg_out_list(c, cols);
			size_t i;
			json_t *u;
			json_array_foreach (rows, i, u)
				gg_emit(e, u);
			rc = gg_out_close(c, e);
		}
	}
	json_decref(rows);
	return rc;
}

static const struct option check_opts[] = {{"under", required_argument, NULL, 'u'}, {0}};

static int cmd_check(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const cols[] = {"rule",    "level",	   "code",     "name",	    "problem", "population",
					   "workers", "per_10000", "required", "shortfall", NULL};
	const char *under = NULL;
	int o, rc, wrc;

	while ((o = gg_cli_opts(c, argc, argv, "", check_opts)) != -1) {
		if (o == 'u')
			under = optarg;
		else
			return GG_EX_USAGE;
	}
	if (optind < argc)
		return gg_cli_usage(c, "check takes no arguments; use --under CODE");
	struct gg_emit *e = gg_out_open(c, 1, cols);
	rc = gg_org_check(c, under, gg_out_each, e);
	wrc = gg_out_close(c, e);
	return rc == 0 || rc == GG_EX_FOUND ? (wrc ? wrc : rc) : rc;
}

static int cmd_resolve(struct gg_ctx *c, int argc, char **argv)
{
	struct gg_emit *e;
	struct gg_reader *r = NULL;
	json_t *out, *rec;
	int rc = 0;

	if (argc < 2)
		return gg_cli_usage(c, "resolve needs an address (or - to read records with an address field)");
	static const char *const cols[] = {"query",	  "match",     "address",   "building",	      "building_name",
					   "grid",	  "grid_name", "community", "community_name", "street",
					   "street_name", "ignored",   NULL};
	e = gg_out_records(c, cols);
	for (int i = 1; i < argc && !rc; i++) {
		if (strcmp(argv[i], "-") != 0) {
			if (!(rc = gg_org_resolve(c, argv[i], &out)) && !out)
				rc = gg_err_set(&c->err, GG_EX_DATAERR, "no building has the address '%s'", argv[i]);
			if (!rc)
				gg_emit(e, out);
			json_decref(out);
			continue;
		}
		if ((rc = gg_reader_open(&r, "-", &c->err)))
			break;
		while (!rc && (rc = gg_reader_next(r, &rec, &c->err)) > 0) {
			const char *a = json_string_value(json_object_get(rec, "address"));
			if (!a)
				rc = gg_reader_fail(r, &c->err, rec, NULL, "a record needs an address");
			else if (!(rc = gg_org_resolve(c, a, &out)) && !out)
				rc = gg_reader_fail(r, &c->err, rec, "address", "no building has the address '%s'", a);
			if (!rc)
				gg_emit(e, out);
			json_decref(out);
			json_decref(rec);
		}
		rc = rc < 0 ? c->err.code : rc;
		gg_reader_close(r);
	}
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static const struct gg_cmd cmds[] = {
	{"init", cmd_init, GG_RUN_WRITE, "[--force]",
	 "create the database (or migrate it) and print its path\n"
	 "  --force  a file with tables of another program's: add gg's to them",
	 NULL},
	{"import", cmd_import, GG_RUN_WRITE, "[-f FILE] [--dry-run]",
	 "import a city: units (flat or nested), party_orgs, people, departments, links, duties,\n"
	 "  signboards, demands, district_departments\n"
	 "  -f, --file FILE   read FILE instead of stdin\n"
	 "  -n, --dry-run     check everything, write nothing",
	 NULL},
	{"export", cmd_export, GG_RUN_READ, "[--under UNIT] [--flat]",
	 "write the net as one document that import takes back\n"
	 "  --under UNIT      only that unit, what is under it and what refers to them\n"
	 "  --flat            units as a flat list with parent, not nested children",
	 NULL},
	{"tree", cmd_tree, GG_RUN_READ, "[--under UNIT] [--depth N]", "draw the net", NULL},
	{"check", cmd_check, GG_RUN_READ, "[--under UNIT]",
	 "list every breach of the four-level structure, staffing and leader-link rules (exit 1 if any)", NULL},
	{"resolve", cmd_resolve, GG_RUN_READ, "ADDRESS... | -", "find the building, grid and community of an address",
	 NULL},
	{"unit", NULL, GG_RUN_NODB, NULL, "units: city, district, street, community, grid, building",
	 GG_KIND_CMDS("unit", "units", "--code --name --level --parent --population --households --addresses", "")},
	{"person", NULL, GG_RUN_NODB, NULL, "people and their roles",
	 GG_KIND_CMDS("person", "people", "--code --name --phone --id-number --party-member --roles ROLE:UNIT", "")},
	{"party", NULL, GG_RUN_NODB, NULL, "Party organisations",
	 GG_KIND_CMDS("Party organisation", "Party organisations",
		      "--code --name --kind --unit --units --secretary --members KIND:CODE", "")},
	{"dept", NULL, GG_RUN_NODB, NULL, "departments",
	 GG_KIND_CMDS("department", "departments", "--code --name --level", "")},
	{"duty", NULL, GG_RUN_NODB, NULL, "the community duty list",
	 GG_KIND_CMDS("duty", "duties", "--code --name --kind --level", "")},
	{"signboard", NULL, GG_RUN_NODB, NULL, "the signboards a community may be given",
	 GG_KIND_CMDS("signboard", "signboards", "--code --name --level", "")},
	{"demand", NULL, GG_RUN_NODB, NULL, "demands departments place on communities",
	 GG_KIND_CMDS("demand", "demands",
		      "--id --department --unit --kind --title --date --duty --approved --funded --fields "
		      "--inspection-kind --signboard",
		      " [--period P | --from DATE --to DATE]")},
	{"link", NULL, GG_RUN_NODB, NULL, "leader links to communities",
	 GG_KIND_CMDS("leader link", "leader links", "--leader --unit", "")},
	{"district-dept", NULL, GG_RUN_NODB, NULL, "the department each district gives a role",
	 GG_KIND_CMDS("district department", "district departments", "--district --role --department", "")},
	{0},
};

int main(int argc, char **argv)
{
	static const struct gg_tool tool = {
		"gg-org", "gg-org: the net of units, Party organisations and people", cmds, gg_org_kinds, 0, 0};
	return gg_cli_main(&tool, argc, argv);
}
