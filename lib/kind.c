/* SPDX-License-Identifier: Apache-2.0 */
/* kind.c: the operations every kind shares. A record is checked field by field against its
 * kind (kind-value.c), merged over what is stored, written only when it differs, and
 * audited; a record is removed only while no record of any kind refers to it, which each
 * referring kind declares on its own reference fields. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "emit.h"
#include "kind.h"

const struct gg_kind *gg_kind_find(const struct gg_kind *const *kinds, const char *name)
{
	for (int i = 0; kinds && kinds[i]; i++)
		if (strcmp(kinds[i]->name, name) == 0 || strcmp(kinds[i]->plural, name) == 0)
			return kinds[i];
	return NULL;
}

const struct gg_field *gg_kind_field(const struct gg_kind *k, const char *name)
{
	for (const struct gg_field *f = k->fields; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

int gg_kind_nkeys(const struct gg_kind *k)
{
	int n = 0;
	for (const struct gg_field *f = k->fields; f->name; f++)
		n += (f->flags & GG_F_KEY) != 0;
	return n;
}

/* The i-th key field, in the order of the fields. */
const struct gg_field *gg_kind_key(const struct gg_kind *k, int i)
{
	for (const struct gg_field *f = k->fields; f->name; f++)
		if ((f->flags & GG_F_KEY) && i-- == 0)
			return f;
	return NULL;
}

const char *gg_kind_key_text(const struct gg_kind *k, json_t *rec, char *buf, size_t n)
{
	size_t len = 0;
	const struct gg_field *f;

	buf[0] = '\0';
	for (int i = 0; (f = gg_kind_key(k, i)) && len < n; i++) {
		char *s = gg_emit_cell(json_object_get(rec, f->name));
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? " " : "", s);
		free(s);
	}
	return buf;
}

/* ---- the kind's queries ---- */

/* The statement KIND/WHAT (share/gg/queries/KIND/WHAT.sql), or for a list field
 * KIND/FIELD-WHAT. */
static struct gg_stmt *query(struct gg_ctx *c, const struct gg_kind *k, const char *field, const char *what)
{
	const char *part[] = {k->name, "/", field ? field : "", field ? "-" : "", what};
	char name[128];
	size_t len = 0;

	for (size_t i = 0; i < sizeof part / sizeof *part; i++) { /* not snprintf: asked for every record */
		size_t n = strlen(part[i]);
		if (len + n >= sizeof name)
			return gg_err_set(&c->err, GG_EX_SOFTWARE, "query name too long: %s/…", k->name), NULL;
		memcpy(name + len, part[i], n);
		len += n;
	}
	name[len] = '\0';
	return gg_db_named(c->db, name, &c->err);
}

static void bind_key(struct gg_stmt *st, const struct gg_kind *k, json_t *rec)
{
	const struct gg_field *f;
	for (int i = 0; (f = gg_kind_key(k, i)); i++)
		gg_stmt_bind_name(st, f->name, json_object_get(rec, f->name));
}

static void bind_fields(struct gg_stmt *st, const struct gg_kind *k, json_t *rec)
{
	for (const struct gg_field *f = k->fields; f->name; f++)
		if (!(f->flags & GG_F_OWN_TABLE))
			gg_stmt_bind_name(st, f->name, json_object_get(rec, f->name));
}

static int get_items(struct gg_ctx *c, const struct gg_kind *k, const struct gg_field *f, json_t *rec)
{
	struct gg_stmt *st = query(c, k, f->name, "get");
	json_t *list = json_array();
	int rc;

	if (!st)
		return json_decref(list), c->err.code;
	bind_key(st, k, rec);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st);
		if (f->nitem == 1) {
			json_array_append(list, json_object_get(row, f->item[0].name));
			json_decref(row);
		} else {
			json_array_append_new(list, row);
		}
	}
	if (rc < 0) {
		json_decref(list);
		return c->err.code;
	}
	if (json_array_size(list))
		json_object_set_new(rec, f->name, list);
	else
		json_decref(list);
	return 0;
}

/* A record read from the kind's row, with the lists kept in tables of their own. */
static int complete(struct gg_ctx *c, const struct gg_kind *k, json_t *rec)
{
	for (const struct gg_field *f = k->fields; f->name; f++)
		if ((f->flags & GG_F_OWN_TABLE) && get_items(c, k, f, rec))
			return c->err.code;
	return 0;
}

int gg_kind_get(struct gg_ctx *c, const struct gg_kind *k, json_t *key, json_t **out)
{
	struct gg_stmt *st = query(c, k, NULL, "get");
	int rc;

	*out = NULL;
	if (!st) {
		json_decref(key);
		return c->err.code;
	}
	bind_key(st, k, key);
	json_decref(key);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (rc == 0)
		return 0;
	*out = gg_stmt_row(st);
	return complete(c, k, *out);
}

/* Binds the fields of one entry of a list of mappings; a field named as a key field of the
 * kind (a joint committee's member has a code, as the committee has) is bound as :item_NAME,
 * the key keeping its own name. */
static void bind_entry(struct gg_stmt *st, const struct gg_kind *k, const struct gg_field *f, json_t *x)
{
	char name[96];

	for (int j = 0; j < f->nitem; j++) {
		const struct gg_field *kf = gg_kind_field(k, f->item[j].name);
		snprintf(name, sizeof name, "%s%s", kf && (kf->flags & GG_F_KEY) ? "item_" : "", f->item[j].name);
		gg_stmt_bind_name(st, name, json_object_get(x, f->item[j].name));
	}
}

static int put_items(struct gg_ctx *c, const struct gg_kind *k, const struct gg_field *f, json_t *rec)
{
	struct gg_stmt *st = query(c, k, f->name, "del");
	json_t *list = json_object_get(rec, f->name), *x;
	size_t i;

	if (!st)
		return c->err.code;
	bind_key(st, k, rec);
	if (gg_stmt_run(st, &c->err))
		return c->err.code;
	json_array_foreach (list, i, x) {
		json_t *pos = json_integer((json_int_t)i + 1);
		if (!(st = query(c, k, f->name, "add")))
			return json_decref(pos), c->err.code;
		bind_key(st, k, rec);
		gg_stmt_bind_name(st, "pos", pos);
		json_decref(pos);
		if (f->nitem == 1)
			gg_stmt_bind_name(st, f->item[0].name, x);
		else
			bind_entry(st, k, f, x);
		if (gg_stmt_run(st, &c->err))
			return c->err.code;
	}
	return 0;
}

/* ---- adding and changing ---- */

/* What one put works on: the fields given, the key they name, the stored record, and the
 * record as it will be. */
struct put {
	const struct gg_kind *k;
	json_t *rec, *given, *key, *old, *merged;
	const struct gg_src *src;
};

/* Every field given, as the type its description wants; an unknown field is an error. */
static int take_given(struct gg_ctx *c, struct put *p)
{
	const char *name;
	json_t *v, *cv;

	json_object_foreach (p->rec, name, v) {
		const struct gg_field *f = gg_kind_field(p->k, name);
		if (!f)
			return gg_kind_fail(c, p->src, p->rec, name, "unknown field for a %s", p->k->name);
		if (gg_kind_coerce(c, p->src, p->rec, name, f, v, &cv))
			return c->err.code;
		json_object_set_new(p->given, name, cv ? cv : json_null());
	}
	return 0;
}

/* The key given, or (GG_K_FIND) the key of the stored record the other fields describe. */
static int find_key(struct gg_ctx *c, struct put *p)
{
	const struct gg_field *f;
	struct gg_stmt *st;
	int rc;

	for (int i = 0; (f = gg_kind_key(p->k, i)); i++)
		if (json_object_get(p->given, f->name))
			json_object_set(p->key, f->name, json_object_get(p->given, f->name));
	if (json_object_size(p->key) || !(p->k->flags & GG_K_FIND))
		return 0;
	if (!(st = query(c, p->k, NULL, "find")))
		return c->err.code;
	bind_fields(st, p->k, p->given);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (rc > 0)
		json_object_set_new(p->key, gg_kind_key(p->k, 0)->name, json_integer(gg_stmt_int(st, 0)));
	return 0;
}

/* The references of a list field: each entry's, named by its place in the list. */
static int check_list_refs(struct gg_ctx *c, struct put *p, const struct gg_field *f, json_t *v)
{
	json_t *raw = json_object_get(p->rec, f->name), *x;
	size_t i;

	for (int j = 0; j < f->nitem; j++) {
		if (f->item[j].type != GG_F_REF)
			continue;
		json_array_foreach (v, i, x) {
			int rc;
			if (f->nitem == 1) {
				struct gg_src at = p->src ? *p->src : (struct gg_src){0};
				at.in = raw;
				at.idx = i;
				at.rec = NULL; /* the place is the element's */
				rc = gg_kind_check_ref(c, &at, NULL, f->name, &f->item[j], x);
			} else {
				rc = gg_kind_check_ref(c, p->src, json_array_get(raw, i), f->item[j].name, &f->item[j],
						       json_object_get(x, f->item[j].name));
			}
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* The given fields over the stored ones, then what the whole record must satisfy. */
static int settle(struct gg_ctx *c, struct put *p)
{
	const char *name;
	json_t *v;

	p->merged = p->old ? json_deep_copy(p->old) : json_object();
	json_object_foreach (p->given, name, v) {
		if (json_is_null(v))
			json_object_del(p->merged, name);
		else
			json_object_set(p->merged, name, v);
	}
	for (const struct gg_field *f = p->k->fields; f->name; f++) {
		if ((f->flags & GG_F_PERSONAL) && gg_kind_unmask(c, p->src, p->merged, p->old, f->name))
			return c->err.code;
		if (f->type == GG_F_TEXT && !(f->flags & GG_F_PERSONAL))
			gg_kind_unmask_free(p->merged, p->old, f->name);
		if (f->type == GG_F_BOOL && !json_object_get(p->merged, f->name))
			json_object_set_new(p->merged, f->name, json_false());
		if ((f->flags & GG_F_REQUIRED) && !json_object_get(p->merged, f->name))
			return gg_kind_fail(c, p->src, p->rec, NULL, "a %s needs a %s", p->k->name, f->name);
		v = json_object_get(p->given, f->name);
		if (f->type == GG_F_REF && json_is_string(v) && !(f->flags & GG_F_OWN_CHECK) &&
		    gg_kind_check_ref(c, p->src, p->rec, f->name, f, v))
			return c->err.code;
		if (f->type == GG_F_LIST && json_is_array(v) && check_list_refs(c, p, f, v))
			return c->err.code;
	}
	return p->k->check ? p->k->check(c, p->k, p->merged, p->old, p->src) : 0;
}

/* The row, the lists that changed, and a key the store assigned. */
static int write_record(struct gg_ctx *c, struct put *p)
{
	struct gg_stmt *st = query(c, p->k, NULL, "put");
	const struct gg_field *f;

	if (!st)
		return c->err.code;
	bind_fields(st, p->k, p->merged);
	if (gg_stmt_run(st, &c->err))
		return c->err.code;
	for (int i = 0; (f = gg_kind_key(p->k, i)); i++)
		if (f->type == GG_F_ID && !json_object_get(p->merged, f->name))
			json_object_set_new(p->merged, f->name, json_integer(gg_db_last_id(c->db)));
	for (f = p->k->fields; f->name; f++) {
		if (!(f->flags & GG_F_OWN_TABLE))
			continue;
		json_t *a = p->old ? json_object_get(p->old, f->name) : NULL, *b = json_object_get(p->merged, f->name);
		if ((a || b) && !(a && b && json_equal(a, b)) && put_items(c, p->k, f, p->merged))
			return c->err.code;
	}
	return 0;
}

/* The audit row: what changed, and what it was, personal data masked. */
static int audit_change(struct gg_ctx *c, struct put *p)
{
	json_t *ch = json_pack("{s:s,s:s}", "op", p->old ? "set" : "add", "kind", p->k->name), *set = json_object(),
	       *was = json_object(), *kk = json_object();
	const struct gg_field *f;
	int rc;

	for (int i = 0; (f = gg_kind_key(p->k, i)); i++)
		json_object_set(kk, f->name, json_object_get(p->merged, f->name));
	for (f = p->k->fields; f->name; f++) {
		json_t *a = p->old ? json_object_get(p->old, f->name) : NULL, *b = json_object_get(p->merged, f->name);
		if (a && b && json_equal(a, b))
			continue;
		if (b)
			json_object_set(set, f->name, b);
		if (a)
			json_object_set(was, f->name, a);
		if (!b && a)
			json_object_set_new(set, f->name, json_null());
	}
	gg_kind_mask_audit(p->k, set);
	gg_kind_mask_audit(p->k, was);
	json_object_set_new(ch, "key", kk);
	json_object_set_new(ch, "set", set);
	if (p->old)
		json_object_set_new(ch, "was", was);
	else
		json_decref(was);
	rc = gg_audit(c, ch);
	json_decref(ch);
	return rc;
}

static int put(struct gg_ctx *c, struct put *p, int must, enum gg_put *what)
{
	char kt[256];
	int rc;

	if ((rc = take_given(c, p)) || (rc = find_key(c, p)))
		return rc;
	if ((int)json_object_size(p->key) == gg_kind_nkeys(p->k) &&
	    (rc = gg_kind_get(c, p->k, json_incref(p->key), &p->old)))
		return rc;
	if (!p->old && must > 0)
		return gg_kind_fail(c, p->src, p->rec, NULL, "no %s '%s'", p->k->name,
				    gg_kind_key_text(p->k, p->key, kt, sizeof kt));
	if (p->old && must < 0)
		return gg_kind_fail(c, p->src, p->rec, NULL, "%s '%s' exists already; change it with '%s set'",
				    p->k->name, gg_kind_key_text(p->k, p->key, kt, sizeof kt), p->k->name);
	if ((rc = settle(c, p)))
		return rc;
	if (p->old && json_equal(p->old, p->merged)) {
		*what = GG_PUT_SAME;
		return 0;
	}
	if (p->old && (p->k->flags & GG_K_APPEND))
		return gg_kind_fail(c, p->src, p->rec, NULL, "%s '%s' is kept append-only: record a reversing entry",
				    p->k->name, gg_kind_key_text(p->k, p->key, kt, sizeof kt));
	if ((rc = write_record(c, p)) || (rc = audit_change(c, p)))
		return rc;
	*what = p->old ? GG_PUT_CHANGED : GG_PUT_NEW;
	return 0;
}

/* Adds or updates one record. Fields given replace those stored; fields left out stay.
 * must > 0: a record not stored yet is an error (set); must < 0: one stored already is (add).
 * *out, when asked for, is the record as stored, in the order of the kind's fields. */
int gg_kind_put(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, const struct gg_src *src, int must,
		enum gg_put *what, json_t **out)
{
	struct gg_src here = src ? *src : (struct gg_src){0};
	struct put p = {k, rec, json_object(), json_object(), NULL, NULL, &here};
	int rc;

	here.rec = rec;
	c->err.code = 0;
	if (out)
		*out = NULL;
	rc = put(c, &p, must, what);
	if (!rc && out) {
		json_t *v;
		*out = json_object();
		for (const struct gg_field *f = k->fields; f->name; f++)
			if ((v = json_object_get(p.merged, f->name)))
				json_object_set(*out, f->name, v);
	}
	json_decref(p.given);
	json_decref(p.key);
	json_decref(p.old);
	json_decref(p.merged);
	return rc;
}

/* ---- removing ---- */

/* Adds "what (n)" to refs for every record of kind `by` whose field f (in list `list`, if
 * any) refers to the key. */
static int count_refs(struct gg_ctx *c, const struct gg_kind *by, const struct gg_field *list, const struct gg_field *f,
		      json_t *key, char *refs, size_t *len, size_t size)
{
	char name[160];
	struct gg_stmt *st;

	snprintf(name, sizeof name, "%s/ref-%s%s%s", by->name, list ? list->name : "", list ? "-" : "", f->name);
	if (!(st = gg_db_named(c->db, name, &c->err)))
		return c->err.code;
	gg_stmt_bind_name(st, "key", key);
	if (gg_stmt_step(st, &c->err) < 0)
		return c->err.code;
	if (gg_stmt_int(st, 0) > 0 && *len < size)
		*len += (size_t)snprintf(refs + *len, size - *len, "%s%s (%lld)", *len ? ", " : "", f->what,
					 (long long)gg_stmt_int(st, 0));
	return 0;
}

/* Every record of every kind that refers to k's record `key`, as "what (n), …". */
static int referrers(struct gg_ctx *c, const struct gg_kind *k, json_t *key, char *refs, size_t size)
{
	size_t len = 0;

	refs[0] = '\0';
	for (int r = 0; c->registries && c->registries[r]; r++)
		for (int i = 0; c->registries[r][i]; i++) {
			const struct gg_kind *by = c->registries[r][i];
			for (const struct gg_field *f = by->fields; f->name; f++) {
				if (f->type == GG_F_REF && f->ref == k && f->what &&
				    count_refs(c, by, NULL, f, key, refs, &len, size))
					return c->err.code;
				for (int j = 0; f->type == GG_F_LIST && j < f->nitem; j++)
					if (f->item[j].type == GG_F_REF && f->item[j].ref == k && f->item[j].what &&
					    count_refs(c, by, f, &f->item[j], key, refs, &len, size))
						return c->err.code;
			}
		}
	return 0;
}

/* Removes one record, refusing while anything still refers to it. */
int gg_kind_rm(struct gg_ctx *c, const struct gg_kind *k, json_t *key)
{
	json_t *old, *ch;
	char kt[256], refs[768];
	struct gg_stmt *st = NULL;
	int rc;

	if (k->flags & GG_K_APPEND)
		return gg_err_set(&c->err, GG_EX_DATAERR, "%s '%s' is kept append-only: record a reversing entry",
				  k->name, gg_kind_key_text(k, key, kt, sizeof kt));
	if (gg_kind_get(c, k, json_incref(key), &old))
		return c->err.code;
	if (!old)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no %s '%s'", k->name,
				  gg_kind_key_text(k, key, kt, sizeof kt));
	rc = referrers(c, k, json_object_get(key, gg_kind_key(k, 0)->name), refs, sizeof refs);
	if (!rc && refs[0])
		rc = gg_err_set(&c->err, GG_EX_DATAERR, "cannot remove %s '%s': still referred to by %s", k->name,
				gg_kind_key_text(k, key, kt, sizeof kt), refs);
	if (!rc && !(st = query(c, k, NULL, "rm")))
		rc = c->err.code;
	if (!rc) {
		bind_key(st, k, key);
		rc = gg_stmt_run(st, &c->err);
	}
	if (!rc) {
		gg_kind_mask_audit(k, old); /* old goes with this row: nothing else reads it */
		ch = json_pack("{s:s,s:s,s:O}", "op", "rm", "kind", k->name, "was", old);
		rc = gg_audit(c, ch);
		json_decref(ch);
	}
	json_decref(old);
	return rc;
}

/* ---- reading ---- */

/* Calls fn for every stored record of the kind, in key order, complete with its lists. */
int gg_kind_each(struct gg_ctx *c, const struct gg_kind *k, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st = query(c, k, NULL, "all");
	int rc;

	if (!st)
		return c->err.code;
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *rec = gg_stmt_row(st);
		if (complete(c, k, rec)) {
			json_decref(rec);
			return c->err.code;
		}
		if ((rc = fn(c, rec, arg))) {
			json_decref(rec);
			return rc;
		}
		json_decref(rec);
	}
	return rc < 0 ? c->err.code : 0;
}

/* Whether a field's value v matches a filter value: equal to it, or a list holding it (or an
 * entry with it), as `list --FIELD VALUE` filters. */
int gg_kind_match(json_t *v, const char *want)
{
	size_t i;
	json_t *x;
	const char *k;

	if (json_is_array(v)) {
		json_array_foreach (v, i, x)
			if (gg_kind_match(x, want))
				return 1;
		return 0;
	}
	if (json_is_object(v)) {
		json_object_foreach (v, k, x)
			if (gg_kind_match(x, want))
				return 1;
		return 0;
	}
	char *s = gg_emit_cell(v);
	int m = strcmp(s, want) == 0;
	free(s);
	return m;
}
