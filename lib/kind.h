/* SPDX-License-Identifier: Apache-2.0 */
/* kind.h: the entity layer. A kind of record (a unit, a person, a category, later a
 * volunteer or an order) is described once by a table of fields and the named queries under
 * share/gg/queries/KIND/; adding, setting, showing, listing, removing, importing and
 * exporting then work the same way for every kind of every tool.
 *
 * Ownership: json_t arguments are borrowed unless the comment says the call consumes them;
 * a json_t ** result is the caller's to json_decref. */
#ifndef GG_KIND_H
#define GG_KIND_H

#include <jansson.h>

#include "ctx.h"
#include "reader.h"

enum gg_ftype {
	GG_F_TEXT,
	GG_F_CODE, /* a key chosen by the user: no spaces or control characters */
	GG_F_INT,  /* a count, never negative */
	GG_F_ID,   /* an integer id the database assigns */
	GG_F_BOOL,
	GG_F_ENUM,   /* one of .choices, or of the ladder named by .ladder (ladder.h) */
	GG_F_REF,    /* the key of another kind */
	GG_F_DATE,   /* YYYY-MM-DD */
	GG_F_LIST,   /* a list kept in a table of its own (GG_F_OWN_TABLE), or as JSON */
	GG_F_OBJECT, /* a mapping kept as JSON; the kind's check() judges its contents */
};

enum {
	GG_F_REQUIRED = 1,
	GG_F_PERSONAL = 2,
	GG_F_KEY = 4,	     /* part of the key, in the order of the fields */
	GG_F_OWN_CHECK = 8,  /* a reference the kind's check() verifies itself */
	GG_F_OWN_TABLE = 16, /* a list read and written by queries KIND/FIELD-get, -del and -add; */
			     /* in -add an entry's field named as a key field of the kind is :item_NAME */
	GG_F_SIGNED = 32,    /* a GG_F_INT that may be negative: a reversing entry's, never typed */
};

struct gg_kind;

struct gg_field {
	const char *name;
	enum gg_ftype type;
	unsigned flags;
	const char *const *choices; /* GG_F_ENUM */
	const char *ladder;	    /* GG_F_ENUM: the ladder whose names are the choices */
	const struct gg_kind *ref;  /* GG_F_REF: the kind referred to, by its one key field */
	const char *ref_level;	    /* GG_F_REF to a unit: the level it must have */
	const char *what;	    /* GG_F_REF: these records as `rm` of the referred names them; */
	/* counted by the query KIND/ref-FIELD (KIND/ref-LIST-FIELD in a list) */
	const struct gg_field *item; /* GG_F_LIST: one field for a list of values, or several */
	int nitem;
};

enum {
	GG_K_APPEND = 1, /* insert only: a stored record never changes nor goes (the store refuses too) */
	GG_K_FIND = 2,	 /* KIND/find gives the id (GG_F_ID key) of a record given without one */
	GG_K_NOCRUD = 4, /* only references are declared: the records are kept by their own module */
};

struct gg_src;

/* A kind reads and writes through the queries KIND/get, KIND/put, KIND/rm and KIND/all
 * (share/gg/queries/KIND/), each taking the fields as :name parameters. */
struct gg_kind {
	const char *name;   /* as on the command line and in the queries' directory: unit */
	const char *plural; /* as in documents: units */
	const struct gg_field *fields;
	unsigned flags;
	/* rules of this kind beyond its fields' types (e.g. a unit's parent one level up) */
	int (*check)(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src);
};

/* Where a record came from, for messages: a reader and the record's container and index,
 * or (reader NULL) the command line. */
struct gg_src {
	const struct gg_reader *r;
	json_t *in;
	size_t idx;
	json_t *rec; /* the record as read, whose fields the reader knows the places of */
};

enum gg_put { GG_PUT_NEW, GG_PUT_CHANGED, GG_PUT_SAME };

/* kind.c */
const struct gg_kind *gg_kind_find(const struct gg_kind *const *kinds, const char *name);
const struct gg_field *gg_kind_field(const struct gg_kind *k, const char *name);
int gg_kind_nkeys(const struct gg_kind *k);
const struct gg_field *gg_kind_key(const struct gg_kind *k, int i);
/* The stored record whose key fields are in `key` (which this call consumes), or NULL. */
int gg_kind_get(struct gg_ctx *c, const struct gg_kind *k, json_t *key, json_t **out);
/* must: 1, the record must be stored already (set); -1, it must not (add); 0, either (import) */
int gg_kind_put(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, const struct gg_src *src, int must,
		enum gg_put *what, json_t **out);
int gg_kind_rm(struct gg_ctx *c, const struct gg_kind *k, json_t *key);
int gg_kind_each(struct gg_ctx *c, const struct gg_kind *k, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
int gg_kind_match(json_t *v, const char *want);
const char *gg_kind_key_text(const struct gg_kind *k, json_t *rec, char *buf, size_t n);

/* kind-value.c */
int gg_kind_coerce(struct gg_ctx *c, const struct gg_src *src, json_t *in, const char *key, const struct gg_field *f,
		   json_t *v, json_t **out);
int gg_kind_check_ref(struct gg_ctx *c, const struct gg_src *src, json_t *in, const char *key, const struct gg_field *f,
		      json_t *v);
int gg_kind_unmask(struct gg_ctx *c, const struct gg_src *src, json_t *rec, json_t *old, const char *field);
void gg_kind_mask(struct gg_ctx *c, const struct gg_kind *k, json_t *rec);
void gg_kind_mask_audit(const struct gg_kind *k, json_t *rec);
void gg_kind_unmask_free(json_t *rec, json_t *old, const char *field);
int gg_kind_fail(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

#endif
