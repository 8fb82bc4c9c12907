/* SPDX-License-Identifier: Apache-2.0 */
/* org.c: gg-org's work on the whole net. An import reads every document of its input first,
 * so a unit may name a parent that comes later, a code may be checked for duplicates across
 * the input, and parent cycles are found before anything is written; then each record goes
 * through gg_kind_put in the order of gg_org_kinds, parents before children. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "kind.h"
#include "ladder.h"
#include "org.h"

struct entry {
	json_t *rec;
	struct gg_src src;
	int rank;
};

struct entries {
	struct entry *v;
	size_t n, cap;
};

static int add_entry(struct entries *e, json_t *rec, const struct gg_reader *r, json_t *in, size_t idx)
{
	if (e->n == e->cap) {
		size_t ncap = e->cap ? e->cap * 2 : 256;
		struct entry *nv = realloc(e->v, ncap * sizeof *nv);
		if (!nv)
			return -1;
		e->v = nv;
		e->cap = ncap;
	}
	e->v[e->n++] = (struct entry){.rec = json_incref(rec), .src = {.r = r, .in = in, .idx = idx}};
	return 0;
}

/* Units given with `children` become flat entries naming their parent. */
static int flatten(struct gg_ctx *c, struct gg_reader *r, json_t *list, const char *parent, struct entries *out,
		   int depth)
{
	size_t i;
	json_t *u;
	struct gg_src src = {.r = r, .in = list};

	if (depth > 8) {
		return gg_reader_fail(r, &c->err, list, NULL, "units nest deeper than the six levels of the net");
	}
	json_array_foreach (list, i, u) {
		src.idx = i;
		if (!json_is_object(u))
			return gg_kind_fail(c, &src, NULL, NULL, "a unit must be a mapping");
		json_t *kids = json_incref(json_object_get(u, "children"));
		const char *code = json_string_value(json_object_get(u, "code"));
		json_t *p = json_object_get(u, "parent");
		if (kids)
			json_object_del(u, "children");
		if (parent) {
			if (p && !(json_is_string(p) && strcmp(json_string_value(p), parent) == 0)) {
				json_decref(kids);
				return gg_kind_fail(c, &src, u, "parent", "stands under '%s' but names another parent",
						    parent);
			}
			json_object_set_new(u, "parent", json_string(parent));
		}
		if (add_entry(out, u, r, list, i)) {
			json_decref(kids);
			return gg_err_oom(&c->err);
		}
		if (kids) {
			int rc;
			if (!json_is_array(kids))
				rc = gg_reader_fail(r, &c->err, u, NULL, "children: expected a list of units");
			else if (!code)
				rc = gg_kind_fail(c, &src, u, "code", "a unit with children needs a code");
			else
				rc = flatten(c, r, kids, code, out, depth + 1);
			json_decref(kids);
			if (rc)
				return rc;
		}
	}
	return 0;
}

static int by_rank(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	return x->rank - y->rank;
}

static void where_of(const struct entry *e, char *buf, size_t n)
{
	gg_reader_where_i(e->src.r, e->src.in, e->src.idx, buf, n);
}

/* A code given twice in one input is an error naming both places. */
static int no_duplicates(struct gg_ctx *c, const struct gg_kind *k, struct entries *e)
{
	json_t *seen = json_object();
	char kt[256], at[512];

	for (size_t i = 0; i < e->n; i++) {
		gg_kind_key_text(k, e->v[i].rec, kt, sizeof kt);
		if (!json_object_get(e->v[i].rec, gg_kind_key(k, 0)->name))
			continue; /* a demand without an id */
		json_t *first = json_object_get(seen, kt);
		if (first) {
			where_of(&e->v[json_integer_value(first)], at, sizeof at);
			json_decref(seen);
			return gg_kind_fail(c, &e->v[i].src, e->v[i].rec, gg_kind_key(k, 0)->name,
					    "duplicate %s '%s' (first at %s)", k->name, kt, at);
		}
		json_object_set_new(seen, kt, json_integer((json_int_t)i));
	}
	json_decref(seen);
	return 0;
}

/* Follows parents within the input; a walk that comes back to where it started is a cycle. */
static int no_cycles(struct gg_ctx *c, struct entries *e)
{
	json_t *parent = json_object();

	for (size_t i = 0; i < e->n; i++) {
		const char *code = json_string_value(json_object_get(e->v[i].rec, "code"));
		const char *p = json_string_value(json_object_get(e->v[i].rec, "parent"));
		if (code && p)
			json_object_set_new(parent, code, json_string(p));
	}
	for (size_t i = 0; i < e->n; i++) {
		const char *start = json_string_value(json_object_get(e->v[i].rec, "code"));
		const char *p = start ? json_string_value(json_object_get(parent, start)) : NULL;
		char path[512];
		size_t len = (size_t)snprintf(path, sizeof path, "%s", start ? start : "");
		for (size_t steps = 0; p && steps <= e->n; steps++) {
			if (len < sizeof path)
				len += (size_t)snprintf(path + len, sizeof path - len, " → %s", p);
			if (strcmp(p, start) == 0) {
				json_decref(parent);
				return gg_kind_fail(c, &e->v[i].src, e->v[i].rec, "parent", "cycle in parents: %s",
						    path);
			}
			p = json_string_value(json_object_get(parent, p));
		}
	}
	json_decref(parent);
	return 0;
}

static void tally(json_t *summary, const struct gg_kind *k, enum gg_put what)
{
	static const char *const names[] = {"new", "changed", "unchanged"};
	json_t *t = json_object_get(summary, k->plural);

	if (!t) {
		t = json_pack("{s:i,s:i,s:i}", "new", 0, "changed", 0, "unchanged", 0);
		json_object_set_new(summary, k->plural, t);
	}
	json_object_set_new(t, names[what], json_integer(json_integer_value(json_object_get(t, names[what])) + 1));
}

/* Reads every document of the input into one list of entries per kind. */
static int take_docs(struct gg_ctx *c, struct gg_reader *r, json_t *docs, struct entries *per)
{
	json_t *doc, *list, *x;
	const char *key;
	size_t i;
	int n;

	while ((n = gg_reader_next(r, &doc, &c->err)) > 0) {
		json_array_append_new(docs, doc);
		json_object_foreach (doc, key, list) {
			const struct gg_kind *k = gg_kind_find(gg_org_kinds, key);
			int ki = 0;
			if (!k || (k->flags & GG_K_NOCRUD) || strcmp(k->plural, key) != 0)
				return gg_reader_fail(r, &c->err, doc, key,
						      "unknown section '%s' (expected units, party_orgs, people, "
						      "departments, links, duties, signboards, demands or "
						      "district_departments)",
						      key);
			if (!json_is_array(list))
				return gg_reader_fail(r, &c->err, doc, key, "%s: expected a list", key);
			while (gg_org_kinds[ki] != k)
				ki++;
			if (k == &gg_unit_kind) {
				if (flatten(c, r, list, NULL, &per[ki], 0))
					return c->err.code;
				continue;
			}
			json_array_foreach (list, i, x) {
				if (!json_is_object(x))
					return gg_reader_fail_i(r, &c->err, list, i, "a %s must be a mapping", k->name);
				if (add_entry(&per[ki], x, r, list, i))
					return gg_err_oom(&c->err);
			}
		}
	}
	return n < 0 ? c->err.code : 0;
}

/* The database created or brought up to date, which opening it for writing did: one audit row
 * saying who ran init, so a new log starts with it and a migration has its row. */
int gg_org_init(struct gg_ctx *c)
{
	json_t *ch = json_pack("{s:s}", "op", "init");
	int rc = ch ? gg_audit(c, ch) : gg_err_oom(&c->err);

	json_decref(ch);
	return rc;
}

int gg_org_import(struct gg_ctx *c, struct gg_reader *r, json_t *summary)
{
	struct entries per[16] = {{0}};
	json_t *docs = json_array();
	int rc;

	gg_reader_keep(r, 1);
	if ((rc = take_docs(c, r, docs, per)))
		goto done;
	for (int ki = 0; gg_org_kinds[ki]; ki++)
		if ((rc = no_duplicates(c, gg_org_kinds[ki], &per[ki])))
			goto done;
	if ((rc = no_cycles(c, &per[0])))
		goto done;
	for (size_t i = 0; i < per[0].n; i++) {
		json_t *lv = json_object_get(per[0].v[i].rec, "level");
		per[0].v[i].rank = json_is_string(lv) ? gg_ladder_rank(c, "unit", json_string_value(lv)) : -1;
	}
	if (per[0].n) /* parents before children */
		qsort(per[0].v, per[0].n, sizeof *per[0].v, by_rank);
	for (int ki = 0; gg_org_kinds[ki]; ki++)
		for (size_t i = 0; i < per[ki].n; i++) {
			enum gg_put what;
			if ((rc = gg_kind_put(c, gg_org_kinds[ki], per[ki].v[i].rec, &per[ki].v[i].src, 0, &what,
					      NULL)))
				goto done;
			tally(summary, gg_org_kinds[ki], what);
		}
done:
	for (int ki = 0; gg_org_kinds[ki]; ki++) {
		for (size_t i = 0; i < per[ki].n; i++)
			json_decref(per[ki].v[i].rec);
		free(per[ki].v);
	}
	json_decref(docs);
	return rc;
}

/* ---- export ---- */

struct collect {
	const struct gg_kind *k;
	json_t *list;
};

static int collect(struct gg_ctx *c, json_t *rec, void *arg)
{
	struct collect *co = arg;
	gg_kind_mask(c, co->k, rec);
	json_array_append(co->list, rec);
	return 0;
}

int gg_org_unit_known(struct gg_ctx *c, const char *opt, const char *code)
{
	json_t *u = NULL;

	if (!code)
		return 0;
	if (gg_kind_get(c, &gg_unit_kind, json_pack("{s:s}", "code", code), &u))
		return c->err.code;
	json_decref(u);
	return u ? 0 : gg_err_set(&c->err, GG_EX_DATAERR, "%s: unknown unit '%s'", opt, code);
}

struct gg_stmt *gg_org_days_query(struct gg_ctx *c, const char *name, const char *from, const char *to,
				  const char *under, int64_t *a, int64_t *b)
{
	struct gg_stmt *st;

	if (gg_clock_parse_date(from, a) || gg_clock_parse_date(to, b) || *b <= *a) {
		gg_err_set(&c->err, GG_EX_USAGE, "the period %s to %s holds no day", from, to);
		return NULL;
	}
	if (gg_org_unit_known(c, "--under", under) || !(st = gg_db_named(c->db, name, &c->err)))
		return NULL;
	gg_stmt_bind_text(st, gg_stmt_index(st, "from"), from);
	gg_stmt_bind_text(st, gg_stmt_index(st, "to"), to);
	gg_stmt_bind_text(st, gg_stmt_index(st, "under"), under);
	return st;
}

/* The codes of the units under `under` (itself included), as a set. */
int gg_org_subtree(struct gg_ctx *c, const char *under, json_t **set)
{
	struct gg_stmt *st = gg_db_named(c->db, "subtree", &c->err);
	int rc;

	*set = json_object();
	if (!st)
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "under"), under);
	while ((rc = gg_stmt_step(st, &c->err)) > 0)
		json_object_set_new(*set, gg_stmt_text(st, 0), json_true());
	return rc < 0 ? c->err.code : 0;
}

/* Whether a record belongs to a subtree: by its code, unit, district, community, home
 * community, units or roles. */
int gg_org_in_scope(json_t *rec, json_t *set)
{
	static const char *const fields[] = {"code", "unit", "district", "community", "home_community", NULL};
	json_t *list, *x;
	size_t i;

	for (int f = 0; fields[f]; f++) {
		const char *s = json_string_value(json_object_get(rec, fields[f]));
		if (s && json_object_get(set, s))
			return 1;
	}
	if ((list = json_object_get(rec, "roles")))
		json_array_foreach (list, i, x)
			if (json_object_get(set, json_string_value(json_object_get(x, "unit"))))
				return 1;
	if ((list = json_object_get(rec, "units")))
		json_array_foreach (list, i, x)
			if (json_object_get(set, json_string_value(x)))
				return 1;
	return 0;
}

/* Nests units by parent; roots are units whose parent is not among them. */
static json_t *nest(json_t *units)
{
	json_t *by_code = json_object(), *roots = json_array(), *u;
	size_t i;

	json_array_foreach (units, i, u)
		json_object_set(by_code, json_string_value(json_object_get(u, "code")), u);
	json_array_foreach (units, i, u) {
		json_t *p = json_object_get(by_code, json_string_value(json_object_get(u, "parent")));
		if (!p) {
			json_array_append(roots, u);
			continue;
		}
		json_t *kids = json_object_get(p, "children");
		if (!kids)
			json_object_set_new(p, "children", kids = json_array());
		json_array_append(kids, u);
		json_object_del(u, "parent");
	}
	json_decref(by_code);
	return roots;
}

/* The net (or the part under `under`) as one document with the sections import takes. */
int gg_org_export(struct gg_ctx *c, const char *under, int flat, json_t **doc)
{
	static const struct gg_kind *const order[] = {
		&gg_unit_kind, &gg_party_kind,	   &gg_person_kind, &gg_dept_kind,	    &gg_link_kind,
		&gg_duty_kind, &gg_signboard_kind, &gg_demand_kind, &gg_district_dept_kind, NULL};
	json_t *set = NULL;

	*doc = json_object();
	if (under) {
		json_t *u;
		if (gg_kind_get(c, &gg_unit_kind, json_pack("{s:s}", "code", under), &u))
			return c->err.code;
		if (!u)
			return gg_err_set(&c->err, GG_EX_DATAERR, "no unit '%s'", under);
		json_decref(u);
		if (gg_org_subtree(c, under, &set))
			return c->err.code;
	}
	for (int i = 0; order[i]; i++) {
		struct collect co = {order[i], json_array()};
		if (gg_kind_each(c, co.k, collect, &co)) {
			json_decref(co.list);
			json_decref(set);
			return c->err.code;
		}
		if (set && order[i] != &gg_dept_kind && order[i] != &gg_duty_kind && order[i] != &gg_signboard_kind) {
			json_t *kept = json_array(), *x;
			size_t j;
			json_array_foreach (co.list, j, x)
				if (gg_org_in_scope(x, set))
					json_array_append(kept, x);
			json_decref(co.list);
			co.list = kept;
		}
		if (order[i] == &gg_unit_kind && !flat) {
			json_t *roots = nest(co.list);
			json_decref(co.list);
			co.list = roots;
		}
		if (json_array_size(co.list))
			json_object_set_new(*doc, co.k->plural, co.list);
		else
			json_decref(co.list);
	}
	json_decref(set);
	return 0;
}

/* ---- tree ---- */

int gg_org_tree(struct gg_ctx *c, const char *under, int depth, json_t *rows)
{
	struct gg_stmt *st = gg_db_named(c->db, "tree", &c->err);
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "under"), under);
	if (depth >= 0)
		gg_stmt_bind_int(st, gg_stmt_index(st, "depth"), depth);
	while ((rc = gg_stmt_step(st, &c->err)) > 0)
		json_array_append_new(rows, gg_stmt_row(st));
	if (rc < 0)
		return c->err.code;
	if (under && json_array_size(rows) == 0)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no unit '%s'", under);
	return 0;
}

/* ---- check ---- */

int gg_org_check(struct gg_ctx *c, const char *under, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st = gg_db_named(c->db, "check", &c->err);
	int rc, found = 0;

	if (!st)
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "under"), under);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st);
		found = 1;
		rc = fn(c, row, arg);
		json_decref(row);
		if (rc)
			return rc;
	}
	if (rc < 0)
		return c->err.code;
	return found ? GG_EX_FOUND : 0;
}
