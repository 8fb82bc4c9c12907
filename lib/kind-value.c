/* SPDX-License-Identifier: Apache-2.0 */
/* kind-value.c: one field's value against its description: the type it must have (text,
 * code, whole number, date, one of a list or a ladder, a list of entries), the record it
 * refers to, personal data masked and unmasked, and messages that name where the value stood. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "emit.h"
#include "kind.h"
#include "ladder.h"
#include "text.h"

int gg_kind_fail(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *field, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	gg_err_vformat(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (src && src->r) {
		if (field && rec && gg_reader_known(src->r, rec, field))
			return gg_reader_fail(src->r, &c->err, rec, field, "%s: %s", field, msg);
		if (field && src->rec && gg_reader_known(src->r, src->rec, field))
			return gg_reader_fail(src->r, &c->err, src->rec, field, "%s: %s", field, msg);
		if (field)
			return gg_reader_fail_i(src->r, &c->err, src->in, src->idx, "%s: %s", field, msg);
		return gg_reader_fail_i(src->r, &c->err, src->in, src->idx, "%s", msg);
	}
	if (field)
		return gg_err_set(&c->err, GG_EX_DATAERR, "%s: %s", field, msg);
	return gg_err_set(&c->err, GG_EX_DATAERR, "%s", msg);
}

static int valid_code(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 100)
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f || *s == '/')
			return 0;
	return 1;
}

static int parse_int(const char *s, json_int_t *v)
{
	char *end;
	if (!*s)
		return -1;
	*v = strtoll(s, &end, 10);
	return *end ? -1 : 0;
}

static void list_choices(const char *const *ch, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; ch[i] && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? ", " : "", ch[i]);
}

static int check_choice(struct gg_ctx *c, const struct gg_src *src, json_t *in, const char *key,
			const struct gg_field *f, const char *s)
{
	const char *const *choices = f->ladder ? gg_ladder(c, f->ladder) : f->choices;
	char ch[512];

	if (!choices)
		return c->err.code;
	for (int i = 0; choices[i]; i++)
		if (strcmp(choices[i], s) == 0)
			return 0;
	list_choices(choices, ch, sizeof ch);
	return gg_kind_fail(c, src, in, key, "unknown %s '%s' (one of: %s)", f->name, s, ch);
}

/* Text, codes, references, choices and dates: a string (a number only where it reads back
 * as written), valid UTF-8, and of the form the type asks. */
static int coerce_text(struct gg_ctx *c, const struct gg_src *src, json_t *in, const char *key,
		       const struct gg_field *f, json_t *v, json_t **out)
{
	char buf[64];
	const char *s = json_string_value(v);
	int64_t t;

	if (json_is_integer(v)) {
		if (src && src->r && gg_reader_lossy(src->r, in, key) && (f->flags & GG_F_PERSONAL))
			return gg_kind_fail(c, src, in, key,
					    "this is read as a number, not as the text written; "
					    "put it in quotes");
		if (src && src->r && gg_reader_lossy(src->r, in, key))
			return gg_kind_fail(c, src, in, key,
					    "this is read as the number %" JSON_INTEGER_FORMAT
					    ", not as the text written; put it in quotes",
					    json_integer_value(v));
		snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		s = buf;
	}
	if (!s)
		return gg_kind_fail(c, src, in, key, "expected text, not %s",
				    json_is_boolean(v) ? "true/false"
				    : json_is_real(v)  ? "a number"
						       : "a list or mapping");
	if (!gg_text_utf8_ok(s))
		return gg_kind_fail(c, src, in, key, "not valid UTF-8");
	if ((f->type == GG_F_CODE || f->type == GG_F_REF) && !valid_code(s))
		return gg_kind_fail(c, src, in, key, "'%s' is not a code: 1 to 100 characters, no spaces or '/'", s);
	if (f->type == GG_F_ENUM && check_choice(c, src, in, key, f, s))
		return c->err.code;
	if (f->type == GG_F_DATE && gg_clock_parse_date(s, &t))
		return gg_kind_fail(c, src, in, key, "'%s' is not a date (YYYY-MM-DD)", s);
	if (f->type == GG_F_TEXT && (f->flags & GG_F_REQUIRED) && !*s)
		return gg_kind_fail(c, src, in, key, "must not be empty");
	*out = json_string(s);
	return 0;
}

static int coerce_int(struct gg_ctx *c, const struct gg_src *src, json_t *in, const char *key, const struct gg_field *f,
		      json_t *v, json_t **out)
{
	const char *s = json_string_value(v);
	json_int_t n;

	if (json_is_integer(v))
		n = json_integer_value(v);
	else if (!s || parse_int(s, &n))
		return gg_kind_fail(c, src, in, key, "expected a whole number");
	if ((n < 0 && !(f->flags & GG_F_SIGNED)) || (f->type == GG_F_ID && n == 0))
		return gg_kind_fail(c, src, in, key, "must not be negative%s", f->type == GG_F_ID ? " or zero" : "");
	*out = json_integer(n);
	return 0;
}

static int coerce_bool(struct gg_ctx *c, const struct gg_src *src, json_t *in, const char *key, json_t *v, json_t **out)
{
	const char *s = json_string_value(v);

	if (json_is_boolean(v))
		*out = json_incref(v);
	else if (s && (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "1")))
		*out = json_true();
	else if (s && (!strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "0")))
		*out = json_false();
	else
		return gg_kind_fail(c, src, in, key, "expected true or false");
	return 0;
}

/* One element of a list of plain values; its place is kept by index, not by key. */
static int coerce_value_item(struct gg_ctx *c, const struct gg_src *src, const char *key, const struct gg_field *f,
			     json_t *list, size_t i, json_t **item)
{
	struct gg_src at = src ? *src : (struct gg_src){0};
	json_t *x = json_array_get(list, i);

	at.in = list;
	at.idx = i;
	if (json_is_object(x) || json_is_array(x))
		return gg_kind_fail(c, &at, NULL, NULL, "%s: expected a list of values", key);
	if (gg_kind_coerce(c, NULL, NULL, key, &f->item[0], x, item)) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", c->err.msg);
		return gg_kind_fail(c, &at, NULL, NULL, "%s", msg);
	}
	return 0;
}

/* One entry of a list of mappings: only the item's fields, each of its type. */
static int coerce_entry_item(struct gg_ctx *c, const struct gg_src *src, json_t *in, const char *key,
			     const struct gg_field *f, json_t *x, json_t **item)
{
	const char *ik;
	json_t *iv, *cv;

	if (!json_is_object(x))
		return gg_kind_fail(c, src, in, key, "expected a list of mappings");
	json_object_foreach (x, ik, iv) {
		int known = 0;
		for (int j = 0; j < f->nitem; j++)
			known |= strcmp(f->item[j].name, ik) == 0;
		if (!known)
			return gg_kind_fail(c, src, x, ik, "unknown field in %s", key);
	}
	*item = json_object();
	for (int j = 0; j < f->nitem; j++) {
		if (gg_kind_coerce(c, src, x, f->item[j].name, &f->item[j], json_object_get(x, f->item[j].name), &cv))
			return json_decref(*item), *item = NULL, c->err.code;
		if (!cv && (f->item[j].flags & GG_F_REQUIRED)) {
			json_decref(*item);
			*item = NULL;
			return gg_kind_fail(c, src, x, NULL, "%s: each entry needs a %s", key, f->item[j].name);
		}
		if (cv)
			json_object_set_new(*item, f->item[j].name, cv);
	}
	return 0;
}

static int coerce_list(struct gg_ctx *c, const struct gg_src *src, json_t *in, const char *key,
		       const struct gg_field *f, json_t *v, json_t **out)
{
	size_t i;
	json_t *x, *list;

	if (!json_is_array(v))
		return gg_kind_fail(c, src, in, key, "expected a list");
	list = json_array();
	json_array_foreach (v, i, x) {
		json_t *item = NULL;
		int rc = f->nitem == 1 ? coerce_value_item(c, src, key, f, v, i, &item)
				       : coerce_entry_item(c, src, in, key, f, x, &item);
		if (rc) {
			json_decref(list);
			return rc;
		}
		if (item)
			json_array_append_new(list, item);
	}
	*out = list;
	return 0;
}

/* The value of field f in `in` (under key `key`) as the type f wants, or an error. */
int gg_kind_coerce(struct gg_ctx *c, const struct gg_src *src, json_t *in, const char *key, const struct gg_field *f,
		   json_t *v, json_t **out)
{
	*out = NULL;
	if (!v || json_is_null(v)) /* absent: an entry of a list without one of its fields */
		return 0;
	switch (f->type) {
	case GG_F_TEXT:
	case GG_F_CODE:
	case GG_F_REF:
	case GG_F_ENUM:
	case GG_F_DATE:
		return coerce_text(c, src, in, key, f, v, out);
	case GG_F_INT:
	case GG_F_ID:
		return coerce_int(c, src, in, key, f, v, out);
	case GG_F_BOOL:
		return coerce_bool(c, src, in, key, v, out);
	case GG_F_OBJECT:
		if (!json_is_object(v))
			return gg_kind_fail(c, src, in, key, "expected a mapping");
		*out = json_incref(v);
		return 0;
	case GG_F_LIST:
		return coerce_list(c, src, in, key, f, v, out);
	}
	return 0;
}

/* Checks that a referenced record exists (and has the level the field asks for). */
int gg_kind_check_ref(struct gg_ctx *c, const struct gg_src *src, json_t *in, const char *key, const struct gg_field *f,
		      json_t *v)
{
	const struct gg_kind *rk = f->ref;
	json_t *found = NULL;

	if (gg_kind_get(c, rk, json_pack("{s:O}", gg_kind_key(rk, 0)->name, v), &found))
		return c->err.code;
	if (!found)
		return gg_kind_fail(c, src, in, key, "unknown %s '%s'", rk->name, json_string_value(v));
	if (f->ref_level) {
		const char *lv = json_string_value(json_object_get(found, "level"));
		if (!lv || strcmp(lv, f->ref_level) != 0) {
			gg_kind_fail(c, src, in, key, "'%s' is a %s, not a %s", json_string_value(v), lv ? lv : "?",
				     f->ref_level);
			json_decref(found);
			return c->err.code;
		}
	}
	json_decref(found);
	return 0;
}

/* The key of a record as a reveal's audit row names it: its one key's value, or its keys as
 * text. A new reference. */
static json_t *reveal_key(const struct gg_kind *k, json_t *rec)
{
	char kt[256];

	if (gg_kind_nkeys(k) == 1)
		return json_incref(json_object_get(rec, gg_kind_key(k, 0)->name));
	return json_string(gg_kind_key_text(k, rec, kt, sizeof kt));
}

/* Masks the personal fields of rec (gg_text_mask) and the mobile and id numbers in its text
 * fields (gg_text_mask_free); with `shown`, leaves them and lists the fields there instead. */
static void mask_fields(const struct gg_kind *k, json_t *rec, json_t *shown)
{
	for (const struct gg_field *f = k->fields; f->name; f++) {
		const char *s = json_string_value(json_object_get(rec, f->name));
		int personal = (f->flags & GG_F_PERSONAL) != 0;
		if (!s || !*s || !(personal || (f->type == GG_F_TEXT && gg_text_free_personal(s))))
			continue;
		if (shown) {
			json_array_append_new(shown, json_string(f->name));
			continue;
		}
		char *m = personal ? gg_text_mask(s) : gg_text_mask_free(s);
		json_object_set_new(rec, f->name, json_string(m ? m : "*"));
		free(m);
	}
}

/* A record as shown: personal data masked unless --reveal, which notes what it showed. */
void gg_kind_mask(struct gg_ctx *c, const struct gg_kind *k, json_t *rec)
{
	json_t *shown, *key;

	if (!c->reveal) {
		mask_fields(k, rec, NULL);
		return;
	}
	mask_fields(k, rec, shown = json_array());
	key = reveal_key(k, rec);
	gg_ctx_revealed(c, k->name, key, shown);
	json_decref(key);
}

/* The fields of a record as the audit log keeps them: personal data masked, --reveal or not. */
void gg_kind_mask_audit(const struct gg_kind *k, json_t *rec)
{
	mask_fields(k, rec, NULL);
}

/* A text field shown with its numbers masked (an export without --reveal) stands for the
 * stored text when that masks to it: taken back, it keeps the text as typed. */
void gg_kind_unmask_free(json_t *rec, json_t *old, const char *field)
{
	const char *s = json_string_value(json_object_get(rec, field));
	const char *was = old ? json_string_value(json_object_get(old, field)) : NULL;
	char *m;

	if (!s || !was || !strchr(s, '*') || !(m = gg_text_mask_free(was)))
		return;
	if (strcmp(m, s) == 0)
		json_object_set(rec, field, json_object_get(old, field));
	free(m);
}

/* A masked value (from an export without --reveal) stands for what is stored when it masks
 * to the same text; anywhere else it would overwrite personal data with stars. */
int gg_kind_unmask(struct gg_ctx *c, const struct gg_src *src, json_t *rec, json_t *old, const char *field)
{
	const char *s = json_string_value(json_object_get(rec, field));
	const char *was = old ? json_string_value(json_object_get(old, field)) : NULL;

	if (!s || !strchr(s, '*'))
		return 0;
	if (was) {
		char *m = gg_text_mask(was);
		int same = strcmp(m, s) == 0;
		free(m);
		if (same) {
			json_object_set_new(rec, field, json_string(was));
			return 0;
		}
	}
	return gg_kind_fail(c, src, rec, field, "'%s' is masked; export with --reveal to carry personal data", s);
}
