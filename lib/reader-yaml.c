/* SPDX-License-Identifier: Apache-2.0 */
/* reader-yaml.c: YAML records, composed from libyaml events with the YAML 1.2 core schema's
 * types (so `no` is a string and 0123 a lossy number), the position of every value recorded as
 * it is placed, and anchors and aliases bounded so a small file cannot expand without end. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "reader-impl.h"

#define MAX_DEPTH 64
#define MAX_VALUES 1000000 /* values one record may hold, aliases expanded ("billion laughs") */

static int yfail(struct gg_reader *r, struct gg_err *err, yaml_mark_t m, const char *what)
{
	return reader_at_fail(r, err, (int)m.line + 1, (int)m.column + 1, "%s", what);
}

static int is_digits(const char *s, const char *set)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!strchr(set, *s))
			return 0;
	return 1;
}

static int is_float(const char *s)
{
	const char *p = s;
	int digits = 0;

	if (*p == '+' || *p == '-')
		p++;
	if (!strcmp(p, ".inf") || !strcmp(p, ".Inf") || !strcmp(p, ".INF"))
		return 1;
	while (*p >= '0' && *p <= '9')
		p++, digits++;
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9')
			p++, digits++;
	}
	if (!digits)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

/* A plain scalar typed by the YAML 1.2 core schema. *lossy is set when the number does not
 * print back as the text it was written as (0123, +5, 0x1F, 1e3): such a value cannot be used
 * where a string is wanted without changing it. */
static json_t *core_scalar(const char *s, int *lossy, int *bad)
{
	char canon[64];
	char *end;

	*lossy = 0;
	*bad = 0;
	if (!*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL"))
		return json_null();
	if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE"))
		return json_true();
	if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE"))
		return json_false();
	int base = 0;
	const char *digits = s;
	if ((s[0] == '+' || s[0] == '-') && is_digits(s + 1, "0123456789"))
		base = 10;
	else if (is_digits(s, "0123456789"))
		base = 10;
	else if (s[0] == '0' && s[1] == 'o' && is_digits(s + 2, "01234567"))
		base = 8, digits = s + 2;
	else if (s[0] == '0' && s[1] == 'x' && is_digits(s + 2, "0123456789abcdefABCDEF"))
		base = 16, digits = s + 2;
	if (base) {
		errno = 0;
		long long v = strtoll(digits, &end, base);
		if (errno == ERANGE) {
			*bad = 1;
			return NULL;
		}
		snprintf(canon, sizeof canon, "%lld", v);
		*lossy = strcmp(canon, s) != 0;
		return json_integer(v);
	}
	if (!strcmp(s, ".nan") || !strcmp(s, ".NaN") || !strcmp(s, ".NAN") || (is_float(s) && strstr(s, "inf")) ||
	    (is_float(s) && strstr(s, "Inf")) || (is_float(s) && strstr(s, "INF"))) {
		*bad = 1; /* JSON has no infinities or NaN */
		return NULL;
	}
	if (is_float(s)) {
		*lossy = 1;
		return json_real(strtod(s, NULL));
	}
	return NULL;
}

/* Anchors are looked up by name in a hash, the latest of a name standing: a document that
 * anchors every record and aliases its first cost a walk of all of them an alias (120,000
 * records took 29 s). */
static int save_anchor(struct gg_reader *r, const unsigned char *name, json_t *v, size_t size)
{
	const char *k = (const char *)name;

	if (!name)
		return 0;
	if ((!r->anchors && !(r->anchors = json_object())) || (!r->weights && !(r->weights = json_object())))
		return -1;
	/* libyaml has checked the input is UTF-8, and anchor names are made of its characters */
	if (size > 1)
		return json_object_set_new_nocheck(r->weights, k, json_integer((json_int_t)size)) ||
		       json_object_set_nocheck(r->anchors, k, v);
	json_object_del(r->weights, k);
	return json_object_set_nocheck(r->anchors, k, v);
}

void reader_drop_anchors(struct gg_reader *r)
{
	json_decref(r->anchors);
	json_decref(r->weights);
	r->anchors = r->weights = NULL;
}

static int parse(struct gg_reader *r, yaml_event_t *ev, struct gg_err *err)
{
	if (yaml_parser_parse(&r->yp, ev))
		return 0;
	char msg[512];
	snprintf(msg, sizeof msg, "malformed YAML: %s%s%s", r->yp.problem ? r->yp.problem : "parse error",
		 r->yp.context ? " " : "", r->yp.context ? r->yp.context : "");
	if (r->yp.error == YAML_READER_ERROR) {
		/* the reader reports a byte offset, not a line */
		return reader_at_fail(r, err, (int)r->yp.mark.line + 1, (int)r->yp.mark.column + 1, "%s (byte %zu)",
				      msg, r->yp.problem_offset);
	}
	return yfail(r, err, r->yp.problem_mark, msg);
}

/* A tag outside the core schema (!!binary, !!timestamp, a local !thing) would be read as the text
 * it tags and stored as if untagged: the writer meant something gg cannot keep. 0 when tag is
 * NULL, non-specific or a core one of the kind of node given; else the error. */
static int core_tag(struct gg_reader *r, yaml_event_t *ev, const char *tag, const char *const *core, struct gg_err *err)
{
	static const char yaml_org[] = "tag:yaml.org,2002:";

	if (!tag || !strcmp(tag, "!"))
		return 0;
	for (; *core; core++)
		if (!strcmp(tag, *core))
			return 0;
	if (!strncmp(tag, yaml_org, sizeof yaml_org - 1))
		return reader_at_fail(r, err, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
				      "unsupported YAML tag '!!%.100s' (only the core schema's: !!str, !!int, "
				      "!!float, !!bool, !!null, !!seq, !!map)",
				      tag + sizeof yaml_org - 1);
	return reader_at_fail(r, err, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
			      "unsupported YAML tag '%.100s' (only the core schema's: !!str, !!int, !!float, "
			      "!!bool, !!null, !!seq, !!map)",
			      tag);
}

static const char *const scalar_tags[] = {YAML_STR_TAG,	 YAML_INT_TAG,	YAML_FLOAT_TAG,
					  YAML_BOOL_TAG, YAML_NULL_TAG, NULL};

/* Whether v, typed by the core schema, is of the kind its tag says. */
static int of_tag(const char *tag, const json_t *v)
{
	if (!strcmp(tag, YAML_INT_TAG))
		return json_is_integer(v);
	if (!strcmp(tag, YAML_FLOAT_TAG))
		return json_is_number(v);
	if (!strcmp(tag, YAML_BOOL_TAG))
		return json_is_boolean(v);
	if (!strcmp(tag, YAML_NULL_TAG))
		return json_is_null(v);
	return 1;
}

static int scalar(struct gg_reader *r, yaml_event_t *ev, json_t **out, int *lossy, struct gg_err *err)
{
	const char *s = (const char *)ev->data.scalar.value;
	const char *tag = (const char *)ev->data.scalar.tag;
	int bad = 0;

	*lossy = 0;
	*out = NULL;
	if (ev->data.scalar.length > GG_MAX_SCALAR)
		return yfail(r, err, ev->start_mark, "string longer than 1048576 bytes");
	if (strlen(s) != ev->data.scalar.length)
		return yfail(r, err, ev->start_mark, "string contains a NUL character");
	if (core_tag(r, ev, tag, scalar_tags, err))
		return err->code;
	if (tag && strcmp(tag, YAML_STR_TAG) != 0 && strcmp(tag, "!") != 0) {
		*out = core_scalar(s, lossy, &bad);
		if (!bad && (!*out || !of_tag(tag, *out))) {
			json_decref(*out);
			*out = NULL;
			return reader_at_fail(r, err, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
					      "'%.100s' is not a !!%s", s, tag + strlen("tag:yaml.org,2002:"));
		}
	} else if (!tag && ev->data.scalar.plain_implicit && ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		*out = core_scalar(s, lossy, &bad);
	}
	if (bad)
		return yfail(r, err, ev->start_mark, "number out of range or not representable");
	if (!*out)
		*out = json_stringn(s, ev->data.scalar.length);
	if (!*out)
		return yfail(r, err, ev->start_mark, "string is not valid UTF-8");
	return 0;
}

static int too_many(struct gg_reader *r, yaml_event_t *ev, struct gg_err *err)
{
	return yfail(r, err, ev->start_mark, "a record of more than 1000000 values (aliases counted as written out)");
}

/* An alias stands for its anchor's value, shared, and counts as that value written out. */
static int alias(struct gg_reader *r, yaml_event_t *ev, json_t **out, struct gg_err *err)
{
	const char *k = (const char *)ev->data.alias.anchor;
	json_t *v = r->anchors ? json_object_get(r->anchors, k) : NULL, *w;

	if (!v)
		return yfail(r, err, ev->start_mark, "unknown alias");
	if ((w = json_object_get(r->weights, k)))
		r->values += (size_t)json_integer_value(w) - 1;
	if (r->values > MAX_VALUES)
		return too_many(r, ev, err);
	*out = json_incref(v);
	return 0;
}

static int compose(struct gg_reader *r, yaml_event_t *ev, json_t **out, int *lossy, int depth, struct gg_err *err);

/* Composes the child whose first event is e, records where it stood in its container `in` under
 * key, and takes e. On failure the child is freed and *v is NULL. */
static int child(struct gg_reader *r, yaml_event_t *e, json_t *in, uint64_t key, json_t **v, int depth,
		 struct gg_err *err)
{
	int sublossy;
	int ok = compose(r, e, v, &sublossy, depth + 1, err) == 0;

	reader_pos_put(r, in, key, (int)e->start_mark.line + 1, (int)e->start_mark.column + 1, sublossy);
	yaml_event_delete(e);
	if (!ok) {
		json_decref(*v);
		*v = NULL;
		return err->code;
	}
	return 0;
}

/* An anchor on it counts every value since `start` (r->values before the sequence itself), so
 * an alias to it weighs what it would written out. */
static int sequence(struct gg_reader *r, yaml_event_t *ev, json_t **out, size_t start, int depth, struct gg_err *err)
{
	json_t *a = json_array();
	yaml_event_t e;

	*out = a;
	for (size_t i = 0;; i++) {
		json_t *v;
		if (parse(r, &e, err))
			return err->code;
		if (e.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&e);
			/* named only once complete: an alias inside it cannot make a cycle */
			return save_anchor(r, ev->data.sequence_start.anchor, a, r->values - start) ? gg_err_oom(err)
												    : 0;
		}
		if (child(r, &e, a, reader_hash_idx(i), &v, depth, err))
			return err->code;
		json_array_append_new(a, v);
	}
}

/* The next key of mapping o, into *key (the caller frees it): 1, 0 at the mapping's end, -1 on
 * error. */
static int map_key(struct gg_reader *r, json_t *o, char **key, struct gg_err *err)
{
	yaml_event_t e;

	*key = NULL;
	if (parse(r, &e, err))
		return -1;
	if (e.type == YAML_MAPPING_END_EVENT) {
		yaml_event_delete(&e);
		return 0;
	}
	if (e.type != YAML_SCALAR_EVENT) {
		yfail(r, err, e.start_mark, "a mapping key must be a plain string");
		yaml_event_delete(&e);
		return -1;
	}
	/* a key cut at a NUL ("unit\0junk" read as unit) would set a field the input never named */
	if (strlen((const char *)e.data.scalar.value) != e.data.scalar.length) {
		char msg[300];
		snprintf(msg, sizeof msg, "a key contains a NUL character ('%.200s' and more)",
			 (const char *)e.data.scalar.value);
		yfail(r, err, e.start_mark, msg);
		yaml_event_delete(&e);
		return -1;
	}
	if (core_tag(r, &e, (const char *)e.data.scalar.tag, scalar_tags, err)) {
		yaml_event_delete(&e);
		return -1;
	}
	*key = strdup((const char *)e.data.scalar.value);
	if (json_object_get(o, *key)) {
		char msg[300];
		snprintf(msg, sizeof msg, "duplicate key '%.200s'", *key);
		yfail(r, err, e.start_mark, msg);
		free(*key);
		*key = NULL;
		yaml_event_delete(&e);
		return -1;
	}
	yaml_event_delete(&e);
	return 1;
}

/* As a sequence: `start` weighs an anchor on it. */
static int mapping(struct gg_reader *r, yaml_event_t *ev, json_t **out, size_t start, int depth, struct gg_err *err)
{
	json_t *o = json_object();
	yaml_event_t e;

	*out = o;
	for (;;) {
		json_t *v;
		char *key;
		int more = map_key(r, o, &key, err);
		if (more < 0)
			return err->code;
		if (!more)
			return save_anchor(r, ev->data.mapping_start.anchor, o, r->values - start) ? gg_err_oom(err)
												   : 0;
		if (parse(r, &e, err)) {
			free(key);
			return err->code;
		}
		int rc = child(r, &e, o, reader_hash_key(key), &v, depth, err);
		if (!rc)
			json_object_set_new(o, key, v);
		free(key);
		if (rc)
			return rc;
	}
}

static const char *const seq_tags[] = {YAML_SEQ_TAG, NULL}, *const map_tags[] = {YAML_MAP_TAG, NULL};

/* Composes the node whose first event is ev into *out; the container/key position of
 * each child is recorded as it is placed. */
static int compose(struct gg_reader *r, yaml_event_t *ev, json_t **out, int *lossy, int depth, struct gg_err *err)
{
	size_t start = r->values;

	*out = NULL;
	*lossy = 0;
	if (depth > MAX_DEPTH)
		return yfail(r, err, ev->start_mark, "nesting deeper than 64 levels");
	if (++r->values > MAX_VALUES)
		return too_many(r, ev, err);
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return alias(r, ev, out, err);
	case YAML_SCALAR_EVENT:
		if (scalar(r, ev, out, lossy, err))
			return err->code;
		if (save_anchor(r, ev->data.scalar.anchor, *out, 1))
			return gg_err_oom(err);
		return 0;
	case YAML_SEQUENCE_START_EVENT:
		if (core_tag(r, ev, (const char *)ev->data.sequence_start.tag, seq_tags, err))
			return err->code;
		return sequence(r, ev, out, start, depth, err);
	case YAML_MAPPING_START_EVENT:
		if (core_tag(r, ev, (const char *)ev->data.mapping_start.tag, map_tags, err))
			return err->code;
		return mapping(r, ev, out, start, depth, err);
	default:
		return yfail(r, err, ev->start_mark, "unexpected YAML event");
	}
}

int reader_yaml_next(struct gg_reader *r, json_t **rec, struct gg_err *err)
{
	yaml_event_t e;

	while (!r->done) {
		if (parse(r, &e, err))
			return -1;
		switch (e.type) {
		case YAML_STREAM_END_EVENT:
			r->done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			r->in_doc = 1;
			break;
		case YAML_DOCUMENT_END_EVENT:
			r->in_doc = 0;
			reader_drop_anchors(r);
			break;
		case YAML_SEQUENCE_START_EVENT:
			if (!r->in_seq) {
				if (core_tag(r, &e, (const char *)e.data.sequence_start.tag, seq_tags, err)) {
					yaml_event_delete(&e);
					return -1;
				}
				r->in_seq = 1;
				break;
			}
			/* fall through */
		case YAML_MAPPING_START_EVENT:
		case YAML_SCALAR_EVENT:
		case YAML_ALIAS_EVENT:
			r->values = 0;
			r->rec_line = (int)e.start_mark.line + 1;
			r->rec_col = (int)e.start_mark.column + 1;
			int lossy;
			if (compose(r, &e, rec, &lossy, 0, err)) {
				yaml_event_delete(&e);
				json_decref(*rec);
				*rec = NULL;
				return -1;
			}
			if (json_is_null(*rec)) { /* an empty document */
				yaml_event_delete(&e);
				*rec = NULL;
				break;
			}
			if (!json_is_object(*rec)) {
				reader_at_fail(r, err, r->rec_line, r->rec_col, "a record must be a mapping");
				yaml_event_delete(&e);
				json_decref(*rec);
				*rec = NULL;
				return -1;
			}
			yaml_event_delete(&e);
			return 1;
		case YAML_SEQUENCE_END_EVENT:
			r->in_seq = 0;
			break;
		default:
			break;
		}
		yaml_event_delete(&e);
	}
	return 0;
}
