/* gg-org: the net. Units from city to building, addresses, Party organisations, people and
 * their roles, departments, leader links, the community duty list and the demands placed on
 * communities. Options and output only; the work is in lib/org.c and lib/kind.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "clock.h"
#include "emit.h"
#include "kind.h"
#include "org.h"

static int cmd_init(struct gg_ctx *c, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return gg_usage(c, "init takes no arguments");
	json_t *r = json_pack("{s:s}", "database", c->db_path);
	int rc = gg_out_one(c, r);
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

	while ((o = gg_opts(c, argc, argv, "f:n", import_opts)) != -1) {
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
		return gg_usage(c, "import reads one input");
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

	while ((o = gg_opts(c, argc, argv, "", export_opts)) != -1) {
		if (o == 'u')
			under = optarg;
		else if (o == 'F')
			flat = 1;
		else
			return GG_EX_USAGE;
	}
	if (optind < argc)
		return gg_usage(c, "export takes no arguments");
	if (c->fmt != GG_FMT_DEFAULT && c->fmt != GG_FMT_YAML && c->fmt != GG_FMT_JSON)
		return gg_usage(c, "export writes yaml or json, not %s", gg_fmt_name(c->fmt));
	if ((rc = gg_org_export(c, under, flat, &doc)))
		return rc;
	rc = gg_out_one(c, doc);
	json_decref(doc);
	return rc;
}

static const struct option tree_opts[] = {
	{"under", required_argument, NULL, 'u'}, {"depth", required_argument, NULL, 'd'}, {0}};

/* Draws rows (depth first, with depth) as a tree of box-drawing characters. */
static void draw(json_t *rows)
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
			fputs(open[a] ? "│   " : "    ", stdout);
		if (d > 0)
			fputs(last[i] ? "└── " : "├── ", stdout);
		open[d] = !last[i];
		printf("%s (%s)", json_string_value(json_object_get(u, "name")),
		       json_string_value(json_object_get(u, "code")));
		if (json_object_get(u, "population"))
			printf(" %lld residents", (long long)json_integer_value(json_object_get(u, "population")));
		putchar('\n');
	}
	free(last);
}

static int cmd_tree(struct gg_ctx *c, int argc, char **argv)
{
	const char *under = NULL;
	int o, depth = -1, rc;
	char *end;

	while ((o = gg_opts(c, argc, argv, "", tree_opts)) != -1) {
		if (o == 'u')
			under = optarg;
		else if (o == 'd') {
			depth = (int)strtol(optarg, &end, 10);
			if (*end || depth < 0)
				return gg_usage(c, "--depth takes a whole number, not '%s'", optarg);
		} else
			return GG_EX_USAGE;
	}
	if (optind < argc)
		return gg_usage(c, "tree takes no arguments; use --under CODE");
	json_t *rows = json_array();
	if ((rc = gg_org_tree(c, under, depth, rows)) == 0) {
		if (c->fmt == GG_FMT_DEFAULT || c->fmt == GG_FMT_TABLE) {
			draw(rows);
		} else {
			struct gg_emit *e = gg_out_list(c, NULL);
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

	while ((o = gg_opts(c, argc, argv, "", check_opts)) != -1) {
		if (o == 'u')
			under = optarg;
		else
			return GG_EX_USAGE;
	}
	if (optind < argc)
		return gg_usage(c, "check takes no arguments; use --under CODE");
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
	int rc = 0, many;

	if (argc < 2)
		return gg_usage(c, "resolve needs an address (or - to read records with an address field)");
	many = argc > 2 || strcmp(argv[1], "-") == 0;
	e = gg_out_open(c, many, NULL);
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

/* ---- unit|person|party|dept|duty|demand|link add|list|show|set|rm ---- */

static const struct gg_kind *kind_of(struct gg_ctx *c)
{
	return gg_kind_find(c->group);
}

/* The key of the thing named by positional arguments (code, or leader and unit for a link). */
static int key_from_args(struct gg_ctx *c, const struct gg_kind *k, int argc, char **argv, json_t *rec)
{
	int nkeys = 0;

	while (k->keys[nkeys])
		nkeys++;
	if (argc != nkeys)
		return gg_usage(c, "name the %s to change by %s", k->name, nkeys == 2 ? "LEADER UNIT" : k->keys[0]);
	for (int i = 0; i < nkeys; i++)
		json_object_set_new(rec, k->keys[i], json_string(argv[i]));
	return 0;
}

static int put_records(struct gg_ctx *c, const struct gg_kind *k, const char *file, int must)
{
	struct gg_reader *r;
	struct gg_emit *e;
	json_t *rec, *out;
	int rc = 0, n;

	if (gg_reader_open(&r, file, &c->err))
		return c->err.code;
	e = gg_out_open(c, 1, NULL);
	while ((n = gg_reader_next(r, &rec, &c->err)) > 0) {
		struct gg_src src = {.r = r};
		enum gg_put what;
		rc = gg_kind_put(c, k, rec, &src, must, &what, &out);
		json_decref(rec);
		if (rc)
			break;
		gg_kind_mask(c, k, out);
		gg_emit(e, out);
		json_decref(out);
	}
	if (n < 0)
		rc = c->err.code;
	gg_reader_close(r);
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static int put_one(struct gg_ctx *c, const struct gg_kind *k, int argc, char **argv, int must)
{
	static const char *const extra[] = {"file", NULL};
	json_t *rec = json_object(), *extras = json_object(), *out = NULL;
	int first, rc;
	enum gg_put what;

	if ((rc = gg_kind_args(c, k, argc, argv, rec, extra, extras, &first)))
		goto done;
	if (json_object_get(extras, "file")) {
		if (json_object_size(rec) || first < argc) {
			rc = gg_usage(c, "give either --file or fields, not both");
			goto done;
		}
		rc = put_records(c, k, json_string_value(json_object_get(extras, "file")), must);
		goto done;
	}
	if (must > 0 && (rc = key_from_args(c, k, argc - first, argv + first, rec)))
		goto done;
	if (must < 0 && first < argc) {
		rc = gg_usage(c, "unexpected argument '%s'", argv[first]);
		goto done;
	}
	if (must < 0 && json_object_size(rec) == 0) {
		if (isatty(0)) {
			rc = gg_usage(c, "give the fields as options, or records with --file or on stdin");
			goto done;
		}
		rc = put_records(c, k, "-", must);
		goto done;
	}
	if ((rc = gg_kind_put(c, k, rec, NULL, must, &what, &out)))
		goto done;
	gg_kind_mask(c, k, out);
	rc = gg_out_one(c, out);
done:
	json_decref(rec);
	json_decref(extras);
	json_decref(out);
	return rc;
}

static int cmd_add(struct gg_ctx *c, int argc, char **argv)
{
	return put_one(c, kind_of(c), argc, argv, -1);
}

static int cmd_set(struct gg_ctx *c, int argc, char **argv)
{
	return put_one(c, kind_of(c), argc, argv, 1);
}

/* Calls fn with the key of each thing named: by arguments, or by records on stdin with "-". */
static int each_key(struct gg_ctx *c, const struct gg_kind *k, int argc, char **argv,
		    int (*fn)(struct gg_ctx *, const struct gg_kind *, json_t *, void *), void *arg)
{
	struct gg_reader *r;
	json_t *rec;
	int rc = 0, n;

	if (argc >= 1 && strcmp(argv[0], "-") == 0) {
		if (argc > 1)
			return gg_usage(c, "'-' reads the keys from stdin; give nothing else");
		if (gg_reader_open(&r, "-", &c->err))
			return c->err.code;
		while (!rc && (n = gg_reader_next(r, &rec, &c->err)) > 0) {
			json_t *key = json_object();
			for (int i = 0; k->keys[i]; i++) {
				json_t *v = json_object_get(rec, k->keys[i]);
				if (!v)
					rc = gg_reader_fail(r, &c->err, rec, NULL, "a record needs a %s", k->keys[i]);
				json_object_set(key, k->keys[i], v);
			}
			if (!rc)
				rc = fn(c, k, key, arg);
			json_decref(key);
			json_decref(rec);
		}
		if (!rc && n < 0)
			rc = c->err.code;
		gg_reader_close(r);
		return rc;
	}
	int nkeys = 0;
	while (k->keys[nkeys])
		nkeys++;
	if (argc == 0 || argc % nkeys)
		return gg_usage(c, "name the %s by %s (or '-' to read them from stdin)", k->name,
				nkeys == 2 ? "LEADER UNIT" : k->keys[0]);
	for (int i = 0; i < argc && !rc; i += nkeys) {
		json_t *key = json_object();
		for (int j = 0; j < nkeys; j++) {
			const struct gg_field *f = gg_kind_field(k, k->keys[j]);
			char *end;
			long long id = strtoll(argv[i + j], &end, 10);
			json_object_set_new(key, k->keys[j],
					    f->type == GG_F_ID && !*end ? json_integer(id) : json_string(argv[i + j]));
		}
		rc = fn(c, k, key, arg);
		json_decref(key);
	}
	return rc;
}

static int show_key(struct gg_ctx *c, const struct gg_kind *k, json_t *key, void *arg)
{
	json_t *rec;
	char kt[256];

	if (gg_kind_get(c, k, json_incref(key), &rec))
		return c->err.code;
	if (!rec)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no %s '%s'", k->name, gg_key_text(k, key, kt, sizeof kt));
	gg_kind_mask(c, k, rec);
	gg_emit(arg, rec);
	json_decref(rec);
	return 0;
}

static int cmd_show(struct gg_ctx *c, int argc, char **argv)
{
	const struct gg_kind *k = kind_of(c);
	int many = argc != 2 && !(argc == 3 && k->keys[1]);
	if (gg_opts(c, argc, argv, "", (struct option[]){{0}}) == -2)
		return GG_EX_USAGE;
	struct gg_emit *e = gg_out_open(c, many || (argc > 1 && !strcmp(argv[1], "-")), NULL);
	int rc = each_key(c, k, argc - optind, argv + optind, show_key, e);
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static int rm_key(struct gg_ctx *c, const struct gg_kind *k, json_t *key, void *arg)
{
	(void)arg;
	return gg_kind_rm(c, k, key);
}

static int cmd_rm(struct gg_ctx *c, int argc, char **argv)
{
	if (gg_opts(c, argc, argv, "", (struct option[]){{0}}) == -2)
		return GG_EX_USAGE;
	return each_key(c, kind_of(c), argc - optind, argv + optind, rm_key, NULL);
}

struct list_arg {
	const struct gg_kind *k;
	json_t *filter, *scope;
	struct gg_emit *e;
	char from[16], to[16]; /* dates kept: from <= date < to */
};

static int list_one(struct gg_ctx *c, json_t *rec, void *arg)
{
	struct list_arg *a = arg;
	const char *k;
	json_t *v;

	json_object_foreach (a->filter, k, v)
		if (!gg_kind_match(json_object_get(rec, k), json_string_value(v)))
			return 0;
	if (a->scope && !gg_org_in_scope(rec, a->scope))
		return 0;
	const char *date = json_string_value(json_object_get(rec, "date"));
	if (a->from[0] && (!date || strcmp(date, a->from) < 0 || strcmp(date, a->to) >= 0))
		return 0;
	gg_kind_mask(c, a->k, rec);
	return gg_emit(a->e, rec) ? GG_EX_IOERR : 0;
}

/* --period P, or --from DATE and --to DATE (both days included), as [from, to) dates. */
static int dates(struct gg_ctx *c, const struct gg_kind *k, json_t *extras, char from[16], char to[16])
{
	const char *p = json_string_value(json_object_get(extras, "period"));
	const char *f = json_string_value(json_object_get(extras, "from"));
	const char *t = json_string_value(json_object_get(extras, "to"));
	int64_t a = 0, b = 0;

	if (!p && !f && !t)
		return 0;
	if (!gg_kind_field(k, "date"))
		return gg_usage(c, "a %s has no date to take a period of", k->name);
	if (p && (f || t))
		return gg_usage(c, "give --period or --from/--to, not both");
	if (p && gg_period_parse(p, &a, &b))
		return gg_usage(c, "bad period '%s': use 2026, 2026-Q4, 2026-11 or 2026-W48", p);
	if (f && gg_date_parse(f, &a))
		return gg_usage(c, "bad date '%s' for --from (YYYY-MM-DD)", f);
	if (t && gg_date_parse(t, &b))
		return gg_usage(c, "bad date '%s' for --to (YYYY-MM-DD)", t);
	if (!p && t)
		b += 36 * 3600; /* the next day, whatever the length of this one */
	gg_date_format(f || p ? a : 0, from);
	if (t || p)
		gg_date_format(b, to);
	else
		snprintf(to, 16, "9999-12-31");
	return 0;
}

static int cmd_list(struct gg_ctx *c, int argc, char **argv)
{
	static const char *const extra[] = {"under", "period", "from", "to", NULL};
	struct list_arg a = {kind_of(c), json_object(), NULL, NULL, "", ""};
	json_t *extras = json_object();
	int first, rc;

	if ((rc = gg_kind_args(c, a.k, argc, argv, a.filter, extra, extras, &first)))
		goto done;
	if (first < argc) {
		rc = gg_usage(c, "unexpected argument '%s'; filters are options, e.g. --level grid", argv[first]);
		goto done;
	}
	json_t *under = json_object_get(extras, "under");
	if (under && (rc = gg_org_subtree(c, json_string_value(under), &a.scope)))
		goto done;
	if ((rc = dates(c, a.k, extras, a.from, a.to)))
		goto done;
	/* lists of pairs given as A:B filter on the pair's first field */
	const char *fk;
	json_t *fv;
	json_object_foreach (a.filter, fk, fv)
		if (json_is_array(fv)) {
			json_t *x = json_array_get(fv, 0);
			json_object_set(a.filter, fk,
					json_is_object(x) ? json_object_get(x, gg_kind_field(a.k, fk)->item[0].name)
							  : x);
		}
	const char *cols[32];
	int nc = 0;
	for (const struct gg_field *f = a.k->fields; f->name && nc < 31; f++)
		cols[nc++] = f->name;
	cols[nc] = NULL;
	a.e = gg_out_list(c, cols);
	rc = gg_kind_each(c, a.k, list_one, &a);
	int wrc = gg_out_close(c, a.e);
	rc = rc ? rc : wrc;
done:
	json_decref(a.filter);
	json_decref(a.scope);
	json_decref(extras);
	return rc;
}

#define KIND_CMDS(what, fields)                                                                                        \
	{                                                                                                              \
		{"add",                                                                                                \
		 cmd_add,                                                                                              \
		 GG_RUN_WRITE,                                                                                         \
		 "[--FIELD VALUE]... | --file FILE",                                                                   \
		 "add a " what " (fields as options, or records from a file or stdin)\n  fields: " fields,             \
		 NULL},                                                                                                \
			{"list",                                                                                       \
			 cmd_list,                                                                                     \
			 GG_RUN_READ,                                                                                  \
			 "[--FIELD VALUE]... [--under UNIT] [--period P]",                                             \
			 "list " what "s, filtered by field values or a subtree\n  fields: " fields,                   \
			 NULL},                                                                                        \
			{"show", cmd_show, GG_RUN_READ, "KEY... | -", "show " what "s by key", NULL},                  \
			{"set",                                                                                        \
			 cmd_set,                                                                                      \
			 GG_RUN_WRITE,                                                                                 \
			 "KEY [--FIELD VALUE]...",                                                                     \
			 "change fields of a " what " (an empty value removes one)\n  fields: " fields,                \
			 NULL},                                                                                        \
			{"rm", cmd_rm, GG_RUN_WRITE, "KEY... | -", "remove " what "s nothing refers to", NULL}, {0},   \
	}

static const struct gg_cmd unit_cmds[] =
	KIND_CMDS("unit", "--code --name --level --parent --population --households --addresses");
static const struct gg_cmd person_cmds[] =
	KIND_CMDS("person", "--code --name --phone --id_number --party_member --roles ROLE:UNIT");
static const struct gg_cmd party_cmds[] =
	KIND_CMDS("Party organisation", "--code --name --kind --unit --units --secretary");
static const struct gg_cmd dept_cmds[] = KIND_CMDS("department", "--code --name --level");
static const struct gg_cmd duty_cmds[] = KIND_CMDS("duty", "--code --name --kind --level");
static const struct gg_cmd demand_cmds[] =
	KIND_CMDS("demand", "--id --department --unit --kind --title --date --duty --approved --funded --fields");
static const struct gg_cmd link_cmds[] = KIND_CMDS("leader link", "--leader --unit");

static const struct gg_cmd cmds[] = {
	{"init", cmd_init, GG_RUN_WRITE, "", "create the database (or migrate it) and print its path", NULL},
	{"import", cmd_import, GG_RUN_WRITE, "[-f FILE] [--dry-run]",
	 "import a city: units (flat or nested), party_orgs, people, departments, links, duties, demands\n"
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
	{"unit", NULL, GG_RUN_NODB, NULL, "units: city, district, street, community, grid, building", unit_cmds},
	{"person", NULL, GG_RUN_NODB, NULL, "people and their roles", person_cmds},
	{"party", NULL, GG_RUN_NODB, NULL, "Party organisations", party_cmds},
	{"dept", NULL, GG_RUN_NODB, NULL, "departments", dept_cmds},
	{"duty", NULL, GG_RUN_NODB, NULL, "the community duty list", duty_cmds},
	{"demand", NULL, GG_RUN_NODB, NULL, "demands departments place on communities", demand_cmds},
	{"link", NULL, GG_RUN_NODB, NULL, "leader links to communities", link_cmds},
	{0},
};

int main(int argc, char **argv)
{
	static const struct gg_tool tool = {"gg-org", "gg-org: the net of units, Party organisations and people", cmds};
	return gg_main(&tool, argc, argv);
}
