/* SPDX-License-Identifier: Apache-2.0 */
/* reader-pos.c: where each value of a record stood (line, column, and whether its number prints
 * back as written), in a hash table by container and key, so that code far from the parser can
 * name file:line:column in a message. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "reader-impl.h"

struct pos {
	const void *in;
	uint64_t key;
	int line, col;
	int lossy;
};

static size_t slot(const void *in, uint64_t key, size_t cap)
{
	uint64_t h = ((uint64_t)(uintptr_t)in * 0x9e3779b97f4a7c15ull) ^ key;
	h ^= h >> 29;
	return (size_t)(h & (cap - 1));
}

int reader_pos_put(struct gg_reader *r, const void *in, uint64_t key, int line, int col, int lossy)
{
	if ((r->npos + 1) * 2 > r->cappos) {
		size_t ncap = r->cappos ? r->cappos * 2 : 1024;
		struct pos *np = calloc(ncap, sizeof *np), *old = r->pos;
		if (!np)
			return -1;
		for (size_t i = 0; i < r->cappos; i++) {
			if (!old[i].in)
				continue;
			size_t s = slot(old[i].in, old[i].key, ncap);
			while (np[s].in)
				s = (s + 1) & (ncap - 1);
			np[s] = old[i];
		}
		free(old);
		r->pos = np;
		r->cappos = ncap;
	}
	size_t s = slot(in, key, r->cappos);
	while (r->pos[s].in && !(r->pos[s].in == in && r->pos[s].key == key))
		s = (s + 1) & (r->cappos - 1);
	if (!r->pos[s].in)
		r->npos++;
	r->pos[s] = (struct pos){in, key, line, col, lossy};
	return 0;
}

static const struct pos *pos_get(const struct gg_reader *r, const void *in, uint64_t key)
{
	if (!r->cappos || !in)
		return NULL;
	for (size_t s = slot(in, key, r->cappos); r->pos[s].in; s = (s + 1) & (r->cappos - 1))
		if (r->pos[s].in == in && r->pos[s].key == key)
			return &r->pos[s];
	return NULL;
}

void reader_pos_clear(struct gg_reader *r)
{
	if (r->npos)
		memset(r->pos, 0, r->cappos * sizeof *r->pos);
	r->npos = 0;
}

static void where(const struct gg_reader *r, const struct pos *p, char *buf, size_t n)
{
	snprintf(buf, n, "%s:%d:%d", r->name, p ? p->line : r->at_line, p ? p->col : r->at_col);
}

void gg_reader_where(const struct gg_reader *r, json_t *in, const char *key, char *buf, size_t n)
{
	where(r, pos_get(r, in, reader_hash_key(key)), buf, n);
}

void gg_reader_where_i(const struct gg_reader *r, json_t *in, size_t idx, char *buf, size_t n)
{
	where(r, pos_get(r, in, reader_hash_idx(idx)), buf, n);
}

int gg_reader_known(const struct gg_reader *r, json_t *in, const char *key)
{
	return pos_get(r, in, reader_hash_key(key)) != NULL;
}

int gg_reader_lossy(const struct gg_reader *r, json_t *in, const char *key)
{
	const struct pos *p = pos_get(r, in, reader_hash_key(key));
	return p && p->lossy;
}

static int vfail(const struct gg_reader *r, struct gg_err *err, const struct pos *p, const char *fmt, va_list ap)
{
	char at[512], msg[768];

	where(r, p, at, sizeof at);
	gg_err_vformat(msg, sizeof msg, fmt, ap);
	return gg_err_set(err, GG_EX_DATAERR, "%s: %s", at, msg);
}

int gg_reader_fail(const struct gg_reader *r, struct gg_err *err, json_t *in, const char *key, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vfail(r, err, pos_get(r, in, reader_hash_key(key)), fmt, ap);
	va_end(ap);
	return rc;
}

int gg_reader_fail_i(const struct gg_reader *r, struct gg_err *err, json_t *in, size_t idx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vfail(r, err, pos_get(r, in, reader_hash_idx(idx)), fmt, ap);
	va_end(ap);
	return rc;
}

/* A failure at a place the parser knows, not at a value of the table. */
int reader_at_fail(struct gg_reader *r, struct gg_err *err, int line, int col, const char *fmt, ...)
{
	struct pos p = {r, 0, line, col, 0};
	va_list ap;
	va_start(ap, fmt);
	int rc = vfail(r, err, &p, fmt, ap);
	va_end(ap);
	return rc;
}
