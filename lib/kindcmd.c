/* SPDX-License-Identifier: Apache-2.0 */
/* kindcmd.c: the face side of the entity layer: add, list, show, set and rm for any kind,
 * their options read off the kind's field table (--FIELD VALUE), so a tool wires a kind's
 * commands with one line of its command table (GG_KIND_CMDS in kindcmd.h). */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "clock.h"
#include "emit.h"
#include "kindcmd.h"
#include "ladder.h"
#include "org.h"
#include "text.h"

/* A filter's values, repeated or comma-separated, into its list of alternatives; an empty
 * value stands for the field being empty. A field of choices allows only those. */
static int either(struct gg_ctx *c, const struct gg_field *f, const char *name, json_t *rec, const char *arg)
{
	const char *const *ok = f->type != GG_F_ENUM ? NULL : f->ladder ? gg_ladder(c, f->ladder) : f->choices;
	json_t *list = json_object_get(rec, f->name);
	char one[256], all[512];

	if (f->type == GG_F_ENUM && !ok)
		return c->err.code;
	if (!*arg) {
		json_object_set_new(rec, f->name, json_null());
		return 0;
	}
	if (!json_is_array(list))
		json_object_set_new(rec, f->name, list = json_array());
	for (const char *p = arg, *end; *p; p = *end ? end + 1 : end) {
		size_t n = strcspn(p, ",");
		int known = !ok;
		end = p + n;
		snprintf(one, sizeof one, "%.*s", (int)n, p);
		for (int i = 0; ok && ok[i] && !known; i++)
			known = !strcmp(ok[i], one);
		if (!known) {
			size_t len = 0;
			for (int i = 0; ok[i] && len < sizeof all; i++)
				len += (size_t)snprintf(all + len, sizeof all - len, "%s%s", i ? ", " : "", ok[i]);
			return gg_cli_usage(c, "unknown %s '%s' for --%s (one of: %s)", f->name, one, name, all);
		}
		json_array_append_new(list, json_string(one));
	}
	return 0;
}

/* Reads `--FIELD VALUE` options for every field of the kind into rec; list fields repeat
 * (--addresses A --addresses B) and a list of pairs takes A:B (--roles grid_worker:TZ-01-G01).
 * Options are spelled with hyphens (--id-number for the field id_number); the field's own
 * spelling stays an alias, as scripts wrote it. A filter on personal data needs --reveal.
 * *nargs is set to the index of the first positional argument. */
int gg_kindcmd_args(struct gg_ctx *c, const struct gg_kind *k, int argc, char **argv, json_t *rec,
		    const char *const *extra, json_t *extras, int *nargs, int filter)
{
	struct option opts[80] = {{0}};
	char hyphen[32][64];
	int n = 0, o, nf = 0;

	for (const struct gg_field *f = k->fields; f->name && nf < 32; f++, nf++) {
		snprintf(hyphen[nf], sizeof hyphen[nf], "%s", f->name);
		for (char *p = hyphen[nf]; *p; p++)
			*p = *p == '_' ? '-' : *p;
		opts[n++] = (struct option){hyphen[nf], required_argument, NULL, 1000 + nf};
		if (strchr(f->name, '_'))
			opts[n++] = (struct option){f->name, required_argument, NULL, 1000 + nf};
	}
	for (int i = 0; extra && extra[i] && n < 79; i++, n++)
		opts[n] = (struct option){extra[i] + (extra[i][0] == '!'),
					  extra[i][0] == '!' ? no_argument : required_argument, NULL, 2000 + i};
	while ((o = gg_cli_opts(c, argc, argv, "", opts)) != -1) {
		if (o == -2)
			return GG_EX_USAGE;
		const char *name = o >= 2000 ? extra[o - 2000] + (extra[o - 2000][0] == '!') : hyphen[o - 1000];
		if (optarg && !gg_text_utf8_ok(optarg))
			return gg_err_set(&c->err, GG_EX_DATAERR, "--%s: not valid UTF-8", name);
		if (o >= 2000) {
			json_object_set_new(extras, name, optarg ? json_string(optarg) : json_true());
			continue;
		}
		const struct gg_field *f = &k->fields[o - 1000];
		/* '' asks only whether there is any; a number in free text is masked as a phone is */
		if (filter && ((f->flags & GG_F_PERSONAL) || gg_text_free_personal(optarg)) && *optarg && !c->reveal)
			return gg_cli_usage(c,
					    "--%s filters on personal data and needs --reveal, which is audited: "
					    "answering a filter on a masked value would tell anyone who tries "
					    "values what it hides",
					    name);
		if (filter && (f->type != GG_F_LIST || f->nitem == 1)) { /* a list holding any of them */
			if (either(c, f, name, rec, optarg))
				return c->err.code;
			continue;
		}
		if (f->type != GG_F_LIST) { /* an empty value removes the field */
			json_object_set_new(rec, f->name, *optarg ? json_string(optarg) : json_null());
			continue;
		}
		json_t *list = json_object_get(rec, f->name);
		if (!*optarg) { /* an empty value removes the whole list */
			json_object_set_new(rec, f->name, json_null());
			continue;
		}
		if (!list || json_is_null(list)) {
			list = json_array();
			json_object_set_new(rec, f->name, list);
		}
		if (f->nitem == 1) {
			json_array_append_new(list, json_string(optarg));
		} else {
			char *colon = strchr(optarg, ':');
			if (!colon) { /* the first half alone: enough for a filter, not for a record */
				json_array_append_new(list, json_pack("{s:s}", f->item[0].name, optarg));
				continue;
			}
			json_array_append_new(list, json_pack("{s:s%,s:s}", f->item[0].name, optarg,
							      (size_t)(colon - optarg), f->item[1].name, colon + 1));
		}
	}
	*nargs = optind;
	return 0;
}

/* The columns of csv, tsv and table: the kind's fields, in order. */
static const char *const *columns(const struct gg_kind *k, const char *cols[33])
{
	int n = 0;

	for (const struct gg_field *f = k->fields; f->name && n < 32; f++)
		cols[n++] = f->name;
	cols[n] = NULL;
	return cols;
}

/* The kind a command is about: its group's (gg-org unit add), or at the top the tool's own
 * (gg-volunteer add: the kind volunteer). */
static const struct gg_kind *kind_of(struct gg_ctx *c)
{
	const char *own = c->prog && !strncmp(c->prog, "gg-", 3) ? c->prog + 3 : "";
	const char *name = c->group ? c->group : own;
	const struct gg_kind *k = gg_kind_find(c->kinds, name);

	if (!k || (k->flags & GG_K_NOCRUD))
		gg_err_set(&c->err, GG_EX_SOFTWARE, "%s keeps no kind '%s' of its own", c->prog, name);
	return k && !(k->flags & GG_K_NOCRUD) ? k : NULL;
}

/* How the key is written on the command line: CODE, or its fields in capitals (LEADER UNIT). */
static const char *keys_usage(const struct gg_kind *k, char *buf, size_t n)
{
	const struct gg_field *f;
	size_t len = 0;

	if (gg_kind_nkeys(k) == 1)
		return gg_kind_key(k, 0)->name;
	for (int i = 0; (f = gg_kind_key(k, i)); i++) {
		if (i && len + 1 < n)
			buf[len++] = ' ';
		for (const char *p = f->name; *p && len + 1 < n; p++)
			buf[len++] = (char)toupper((unsigned char)*p);
	}
	buf[len] = '\0';
	return buf;
}

/* The key of the thing named by positional arguments (code, or leader and unit for a link). */
static int key_from_args(struct gg_ctx *c, const struct gg_kind *k, int argc, char **argv, json_t *rec)
{
	int nkeys = gg_kind_nkeys(k);
	char ku[128];

	if (argc != nkeys)
		return gg_cli_usage(c, "name the %s to change by %s", k->name, keys_usage(k, ku, sizeof ku));
	for (int i = 0; i < nkeys; i++)
		json_object_set_new(rec, gg_kind_key(k, i)->name, json_string(argv[i]));
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
	const char *cols[33];
	e = gg_out_open(c, 1, columns(k, cols));
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

	if ((rc = gg_kindcmd_args(c, k, argc, argv, rec, extra, extras, &first, 0)))
		goto done;
	if (json_object_get(extras, "file")) {
		if (json_object_size(rec) || first < argc) {
			rc = gg_cli_usage(c, "give either --file or fields, not both");
			goto done;
		}
		rc = put_records(c, k, json_string_value(json_object_get(extras, "file")), must);
		goto done;
	}
	for (int i = 0; must > 0 && gg_kind_key(k, i); i++)
		if (json_object_get(rec, gg_kind_key(k, i)->name)) { /* it would name the record, not change it */
			rc = gg_cli_usage(c, "--%s names the %s and cannot be set: remove it and add it anew",
					  gg_kind_key(k, i)->name, k->name);
			goto done;
		}
	if (must > 0 && (rc = key_from_args(c, k, argc - first, argv + first, rec)))
		goto done;
	if (must < 0 && json_object_size(rec) == 0 && first + 1 == argc && !strcmp(argv[first], "-")) {
		rc = put_records(c, k, "-", must); /* stdin is read when asked for, never guessed */
		goto done;
	}
	if (must < 0 && first < argc) {
		rc = gg_cli_usage(c, "unexpected argument '%s'", argv[first]);
		goto done;
	}
	if (must < 0 && json_object_size(rec) == 0) {
		rc = gg_cli_usage(c, "give the fields as options, or records with --file FILE or - (stdin)");
		goto done;
	}
	if ((rc = gg_kind_put(c, k, rec, NULL, must, &what, &out)))
		goto done;
	gg_kind_mask(c, k, out);
	const char *cols[33];
	struct gg_emit *e = gg_out_open(c, 0, columns(k, cols));
	gg_emit(e, out);
	rc = gg_out_close(c, e);
done:
	json_decref(rec);
	json_decref(extras);
	json_decref(out);
	return rc;
}

int gg_kindcmd_add(struct gg_ctx *c, int argc, char **argv)
{
	const struct gg_kind *k = kind_of(c);
	return k ? put_one(c, k, argc, argv, -1) : c->err.code;
}

int gg_kindcmd_set(struct gg_ctx *c, int argc, char **argv)
{
	const struct gg_kind *k = kind_of(c);
	return k ? put_one(c, k, argc, argv, 1) : c->err.code;
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
			return gg_cli_usage(c, "'-' reads the keys from stdin; give nothing else");
		if (gg_reader_open(&r, "-", &c->err))
			return c->err.code;
		while (!rc && (n = gg_reader_next(r, &rec, &c->err)) > 0) {
			json_t *key = json_object();
			const struct gg_field *f;
			for (int i = 0; (f = gg_kind_key(k, i)); i++) {
				json_t *v = json_object_get(rec, f->name);
				if (!v)
					rc = gg_reader_fail(r, &c->err, rec, NULL, "a record needs a %s", f->name);
				json_object_set(key, f->name, v);
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
	int nkeys = gg_kind_nkeys(k);
	char ku[128];
	if (argc == 0 || argc % nkeys)
		return gg_cli_usage(c, "name the %s by %s (or '-' to read them from stdin)", k->name,
				    keys_usage(k, ku, sizeof ku));
	for (int i = 0; i < argc && !rc; i += nkeys) {
		json_t *key = json_object();
		for (int j = 0; j < nkeys; j++) {
			const struct gg_field *f = gg_kind_key(k, j);
			char *end;
			long long id = strtoll(argv[i + j], &end, 10);
			json_object_set_new(key, f->name,
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
		return gg_err_set(&c->err, GG_EX_DATAERR, "no %s '%s'", k->name,
				  gg_kind_key_text(k, key, kt, sizeof kt));
	gg_kind_mask(c, k, rec);
	gg_emit(arg, rec);
	json_decref(rec);
	return 0;
}

int gg_kindcmd_show(struct gg_ctx *c, int argc, char **argv)
{
	const struct gg_kind *k = kind_of(c);
	if (!k)
		return c->err.code;
	if (gg_cli_opts(c, argc, argv, "", (struct option[]){{0}}) == -2)
		return GG_EX_USAGE;
	const char *cols[33];
	struct gg_emit *e = gg_out_records(c, columns(k, cols));
	int rc = each_key(c, k, argc - optind, argv + optind, show_key, e);
	int wrc = gg_out_close(c, e);
	return rc ? rc : wrc;
}

static int rm_key(struct gg_ctx *c, const struct gg_kind *k, json_t *key, void *arg)
{
	(void)arg;
	return gg_kind_rm(c, k, key);
}

int gg_kindcmd_rm(struct gg_ctx *c, int argc, char **argv)
{
	if (gg_cli_opts(c, argc, argv, "", (struct option[]){{0}}) == -2)
		return GG_EX_USAGE;
	const struct gg_kind *k = kind_of(c);
	return k ? each_key(c, k, argc - optind, argv + optind, rm_key, NULL) : c->err.code;
}

struct list_arg {
	const struct gg_kind *k;
	json_t *filter, *scope, *extras;
	struct gg_emit *e;
	const char *date;      /* the field a period is of */
	char from[16], to[16]; /* dates kept: from <= date < to */
	int (*keep)(struct gg_ctx *c, json_t *rec, json_t *extras, void *arg);
	void *arg;
	size_t listed;
};

/* Whether a list of entries (a person's roles) has one with every field of `want`. */
static int entry_match(json_t *list, json_t *want)
{
	const char *k;
	json_t *x, *v;
	size_t i;

	json_array_foreach (list, i, x) {
		int all = 1;
		json_object_foreach (want, k, v)
			all &= gg_kind_match(json_object_get(x, k), json_string_value(v));
		if (all)
			return 1;
	}
	return 0;
}

/* A field's value against a filter: a value, or for a list field the values and ROLE:UNIT
 * entries given, any of which will do; an empty value keeps the records without the field. */
static int filter_match(json_t *field, json_t *filter)
{
	json_t *x;
	size_t i;

	if (json_is_null(filter)) /* --FIELD '': the field is empty */
		return !field || json_is_null(field) || (json_is_array(field) && !json_array_size(field)) ||
		       (json_is_string(field) && !*json_string_value(field));
	if (!json_is_array(filter))
		return gg_kind_match(field, json_string_value(filter));
	json_array_foreach (filter, i, x)
		if (json_is_object(x) ? entry_match(field, x) : gg_kind_match(field, json_string_value(x)))
			return 1;
	return 0;
}

static int list_one(struct gg_ctx *c, json_t *rec, void *arg)
{
	struct list_arg *a = arg;
	const char *k;
	json_t *v;

	json_object_foreach (a->filter, k, v)
		if (!filter_match(json_object_get(rec, k), v))
			return 0;
	if (a->scope && !gg_org_in_scope(rec, a->scope))
		return 0;
	const char *date = a->date ? json_string_value(json_object_get(rec, a->date)) : NULL;
	if (a->from[0] && (!date || strcmp(date, a->from) < 0 || strcmp(date, a->to) >= 0))
		return 0;
	if (a->keep && !a->keep(c, rec, a->extras, a->arg))
		return 0;
	gg_kind_mask(c, a->k, rec);
	a->listed++;
	return gg_emit(a->e, rec) ? GG_EX_IOERR : 0;
}

/* The field a period is of: the one named date, else the kind's first date (a pledge's due). */
static const char *date_field(const struct gg_kind *k)
{
	if (gg_kind_field(k, "date"))
		return "date";
	for (const struct gg_field *f = k->fields; f->name; f++)
		if (f->type == GG_F_DATE)
			return f->name;
	return NULL;
}

/* --period P, or --from DATE and --to DATE (both days included), as [from, to) dates. */
static int dates(struct gg_ctx *c, const struct gg_kind *k, json_t *extras, char from[16], char to[16])
{
	const char *p = json_string_value(json_object_get(extras, "period"));
	const char *f = json_string_value(json_object_get(extras, "from"));
	const char *t = json_string_value(json_object_get(extras, "to"));
	int rc;

	if (!p && !f && !t)
		return 0;
	if (!date_field(k))
		return gg_cli_usage(c, "a %s has no date to take a period of", k->name);
	if ((rc = gg_cli_days(c, p, f, t, from, to)))
		return rc;
	if (!*from)
		gg_clock_format_date(0, from);
	if (!*to)
		snprintf(to, 16, "9999-12-31");
	return 0;
}

int gg_kindcmd_list_with(struct gg_ctx *c, int argc, char **argv, const char *const *own,
			 int (*keep)(struct gg_ctx *c, json_t *rec, json_t *extras, void *arg), void *arg,
			 size_t *listed)
{
	const char *extra[24] = {"under", "period", "from", "to"};
	struct list_arg a = {
		.k = kind_of(c), .filter = json_object(), .extras = json_object(), .keep = keep, .arg = arg};
	int first, rc, n = 4;

	for (int i = 0; own && own[i] && n < 23; i++)
		extra[n++] = own[i];
	extra[n] = NULL;
	if (!a.k) {
		rc = c->err.code;
		goto done;
	}
	a.date = date_field(a.k);
	if ((rc = gg_kindcmd_args(c, a.k, argc, argv, a.filter, extra, a.extras, &first, 1)))
		goto done;
	if (first < argc) {
		rc = gg_cli_usage(c, "unexpected argument '%s'; filters are options, e.g. --level grid", argv[first]);
		goto done;
	}
	json_t *under = json_object_get(a.extras, "under");
	if (under && (rc = gg_org_subtree(c, json_string_value(under), &a.scope)))
		goto done;
	if ((rc = dates(c, a.k, a.extras, a.from, a.to)))
		goto done;
	const char *cols[33];
	a.e = gg_out_list(c, columns(a.k, cols));
	rc = gg_kind_each(c, a.k, list_one, &a);
	int wrc = gg_out_close(c, a.e);
	rc = rc ? rc : wrc;
	if (listed)
		*listed = a.listed;
done:
	json_decref(a.filter);
	json_decref(a.scope);
	json_decref(a.extras);
	return rc;
}

int gg_kindcmd_list(struct gg_ctx *c, int argc, char **argv)
{
	return gg_kindcmd_list_with(c, argc, argv, NULL, NULL, NULL, NULL);
}
