/* kind.h: the things gg-org keeps (unit, person, party, dept, duty, demand, link), each
 * described once by a table of fields, so adding, setting, showing, listing, removing,
 * importing and exporting work the same way for all of them. */
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
	GG_F_ENUM,
	GG_F_REF,    /* the key of another kind */
	GG_F_DATE,   /* YYYY-MM-DD */
	GG_F_LIST,   /* a list kept in a table of its own, or as JSON when sql_items_get is NULL */
	GG_F_OBJECT, /* a mapping kept as JSON; the kind's check() judges its contents */
};

enum {
	GG_F_REQUIRED = 1,
	GG_F_PERSONAL = 2,
	GG_F_KEY = 4,
	GG_F_OWN_CHECK = 8, /* a reference the kind's check() verifies itself */
};

struct gg_field {
	const char *name;
	enum gg_ftype type;
	unsigned flags;
	const char *const *choices;  /* GG_F_ENUM */
	const char *ref;	     /* GG_F_REF: the kind referred to */
	const char *ref_level;	     /* GG_F_REF to a unit: the level it must have */
	const struct gg_field *item; /* GG_F_LIST: one field for a list of values, or several */
	int nitem;
	const char *sql_items_get, *sql_items_del, *sql_items_add;
};

struct gg_src;

struct gg_referrer {
	const char *sql; /* counts the rows that refer to :key */
	const char *what;
};

struct gg_kind {
	const char *name;   /* as on the command line: unit */
	const char *plural; /* as in documents: units */
	const char *const *keys;
	const struct gg_field *fields;
	const char *sql_get, *sql_put, *sql_del, *sql_all;
	const char *sql_find; /* finds the key of a record given without one, by its other fields */
	const struct gg_referrer *referrers;
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

extern const struct gg_kind *const gg_kinds[];

const struct gg_kind *gg_kind_find(const char *name);
const struct gg_field *gg_kind_field(const struct gg_kind *k, const char *name);
int gg_kind_get(struct gg_ctx *c, const struct gg_kind *k, json_t *key, json_t **out);
/* must: 1, the record must be stored already (set); -1, it must not (add); 0, either (import) */
int gg_kind_put(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, const struct gg_src *src, int must,
		enum gg_put *what, json_t **out);
int gg_kind_args(struct gg_ctx *c, const struct gg_kind *k, int argc, char **argv, json_t *rec,
		 const char *const *extra, json_t *extras, int *nargs);
int gg_kind_rm(struct gg_ctx *c, const struct gg_kind *k, json_t *key);
int gg_kind_each(struct gg_ctx *c, const struct gg_kind *k, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
int gg_kind_fail(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
int gg_kind_match(json_t *v, const char *want);
void gg_kind_mask(struct gg_ctx *c, const struct gg_kind *k, json_t *rec);
char *gg_mask(const char *s);
const char *gg_key_text(const struct gg_kind *k, json_t *rec, char *buf, size_t n);
int gg_level_rank(const char *level);

extern const char *const gg_levels[];

#endif
