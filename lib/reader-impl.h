/* SPDX-License-Identifier: Apache-2.0 */
/* reader-impl.h: the inside of the record reader, shared by lib/reader.c (input, life, read-ahead),
 * reader-pos.c (where values stood), reader-json.c and reader-yaml.c. Not installed and included
 * nowhere else: callers see only reader.h. */
#ifndef GG_READER_IMPL_H
#define GG_READER_IMPL_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <yaml.h>

#include "reader.h"

struct pos;
struct ahead;

struct gg_reader {
	FILE *f;
	char *name;
	int owned; /* the reader opened f and closes it */
	int read_errno;
	int json; /* 1: JSON or NDJSON; 0: YAML */
	int keep; /* keep positions across records */

	/* what has been read of the input and not yet taken: first the bytes the format is told
	 * from, then whatever each read brings */
	char buf[65536];
	size_t nbuf, obuf;
	int wake_fd; /* with a second thread reading: readable when it is to stop waiting */

	/* JSON scanner */
	int line, col, in_array, eof;
	int json_begun; /* 0 before the first byte, 1 before the first value, 2 in NDJSON, 3 past
			 * the closing ']' of the one array */
	char *val;
	size_t nval, cap;

	/* YAML */
	yaml_parser_t yp;
	int yp_init, in_doc, in_seq, done;
	size_t values; /* in the record being composed, aliases expanded */
	json_t *anchors; /* name → value, the latest of each name */
	json_t *weights; /* name → values in it written out, for those of more than one */

	/* positions of values, by (container, key) */
	struct pos *pos;
	size_t npos, cappos;
	int rec_line, rec_col; /* where the record being read starts */
	int at_line, at_col;   /* where the record last handed out starts (for messages) */

	/* JSON read ahead and parsed by a second thread (gg_reader_prefetch) */
	struct ahead *ahead;
};

/* reader.c */
size_t reader_some(struct gg_reader *r, char *buf, size_t n);

/* reader-pos.c: a value is found by its container and a key, a member's name or an element's
 * index, hashed so the two never meet */
static inline uint64_t reader_hash_key(const char *key)
{
	uint64_t h = 1469598103934665603ull;
	if (!key)
		return 0;
	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211ull;
	return h | 1;
}

static inline uint64_t reader_hash_idx(size_t i)
{
	return ((uint64_t)i << 1) + 2; /* even and never 0, unlike string keys */
}

int reader_pos_put(struct gg_reader *r, const void *in, uint64_t key, int line, int col, int lossy);
void reader_pos_clear(struct gg_reader *r);
int reader_at_fail(struct gg_reader *r, struct gg_err *err, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* reader-json.c */
int reader_json_next(struct gg_reader *r, json_t **rec, struct gg_err *err);

/* reader-yaml.c */
int reader_yaml_next(struct gg_reader *r, json_t **rec, struct gg_err *err);
void reader_drop_anchors(struct gg_reader *r);

#endif
