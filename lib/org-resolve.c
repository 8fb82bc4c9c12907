/* SPDX-License-Identifier: Apache-2.0 */
/* org-resolve.c: an address to its building. The address as written or in normal form comes
 * first; failing that, what a real address carries around a building's own is stripped: the
 * city's, district's and street's names before the road, where they are units of the net above
 * the building found, and the entrance, floor and room after the building, numbered in digits
 * or in Chinese numerals (二单元, 十二层). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "org.h"
#include "text.h"

#define ROOM "\xe5\xae\xa4"		    /* 室 */
#define ENTRANCE "\xe5\x8d\x95\xe5\x85\x83" /* 单元 */
#define FLOOR "\xe6\xa5\xbc"		    /* 楼 */
#define STOREY "\xe5\xb1\x82"		    /* 层 */
#define BUILDING "\xe5\xb9\xa2"		    /* 幢, which 栋 and 号楼 become in normal form */
#define NUMBER "\xe5\x8f\xb7"		    /* 号 */

/* An address in normal form, and where its core may start and end. */
struct cut {
	char *a;
	size_t pre[4];	      /* pre[i]: the core's start with i names stripped (city, district, street) */
	const char *level[3]; /* level[i]: the level of the name from pre[i] to pre[i + 1] */
	int npre;
	size_t suf[4]; /* suf[j]: the core's end with j parts stripped (room, floor, entrance) */
	int nsuf;
	const char *names; /* the net's names (see names()), and how many entries they hold */
	size_t n;
	int i; /* how many names the core being tried has stripped */
};

/* What the memo keeps of the net's names: the size of the block "resolve:names-text" and its
 * number of entries, each five NUL-terminated strings: level, code, parent, name, short form. */
struct names {
	int loaded;
	size_t size, n;
};

struct buf {
	char *p;
	size_t n, cap;
};

/* ---- the net's names, read once per command ---- */

/* Appends s[0..n) and a NUL. */
static int put(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = (b->n + n + 1) * 2;
		char *p = realloc(b->p, cap);
		if (!p)
			return -1;
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->p[b->n + n] = '\0';
	b->n += n + 1;
	return 0;
}

/* The length of a name's short form: the name without 市, 区, 县, 街道 or 镇 at its end
 * (泰州市 → 泰州, 城中街道 → 城中), when two characters or more are left; else 0. */
static size_t short_form(const char *name)
{
	static const char *const ends[] = {
		"\xe5\xb8\x82", "\xe5\x8c\xba", "\xe5\x8e\xbf", "\xe8\xa1\x97\xe9\x81\x93", "\xe9\x95\x87", NULL};
	size_t n = strlen(name), k, chars = 0;

	for (int i = 0; ends[i]; i++) {
		if (n <= (k = strlen(ends[i])) || strcmp(name + n - k, ends[i]) != 0)
			continue;
		for (size_t b = 0; b < n - k; b++)
			chars += ((unsigned char)name[b] & 0xc0) != 0x80;
		return chars >= 2 ? n - k : 0;
	}
	return 0;
}

/* Appends the entry of the unit in the statement's row: its name in normal form, as an
 * address is compared, and its short form. */
static int add_name(struct buf *b, struct gg_stmt *st)
{
	char *norm = gg_text_norm_address(gg_stmt_text(st, 3));
	int rc = !norm;

	for (int f = 0; f < 3 && !rc; f++)
		rc = put(b, gg_stmt_text(st, f), strlen(gg_stmt_text(st, f)));
	rc = rc || put(b, norm, strlen(norm)) || put(b, norm, short_form(norm));
	free(norm);
	return rc;
}

/* The names of the net's city, districts and streets (entries as struct names says), read once
 * per command into its memo; *n is the number of entries. NULL on error. */
static const char *names(struct gg_ctx *c, size_t *n)
{
	struct names *m;
	struct gg_stmt *st;
	struct buf b = {0};
	char *text = NULL;
	int fresh, rc;

	if (!(m = gg_ctx_memo(c, "resolve:names", sizeof *m, &fresh)))
		return gg_err_oom(&c->err), NULL;
	if (!m->loaded) {
		if (!(st = gg_db_named(c->db, "resolve-prefixes", &c->err)))
			return NULL;
		for (m->n = 0; (rc = gg_stmt_step(st, &c->err)) > 0; m->n++)
			if (add_name(&b, st)) {
				free(b.p);
				return gg_err_oom(&c->err), NULL;
			}
		if (rc < 0 || !(text = gg_ctx_memo(c, "resolve:names-text", b.n, &fresh))) {
			free(b.p);
			return rc < 0 ? NULL : (gg_err_oom(&c->err), NULL);
		}
		if (b.n)
			memcpy(text, b.p, b.n);
		free(b.p);
		m->size = b.n;
		m->loaded = 1;
	}
	*n = m->n;
	if (!text && !(text = gg_ctx_memo(c, "resolve:names-text", m->size, &fresh)))
		return gg_err_oom(&c->err), NULL;
	return text;
}

/* The five strings of the entry at p into f; returns the next entry. */
static const char *entry(const char *p, const char *f[5])
{
	for (int i = 0; i < 5; i++) {
		f[i] = p;
		p += strlen(p) + 1;
	}
	return p;
}

/* ---- the parts around the core ---- */

/* 1 when p goes on with the rest of a road's or street's name (路, 街, 巷, 道, 弄, 大道, 大街,
 * 东路…): a name before it is the road's own (东进 of 东进路), not a unit's to strip. */
static int road_rest(const char *p)
{
	static const char *const rests[] = {"\xe8\xb7\xaf",
					    "\xe8\xa1\x97",
					    "\xe5\xb7\xb7",
					    "\xe9\x81\x93",
					    "\xe5\xbc\x84",
					    "\xe5\xa4\xa7\xe9\x81\x93",
					    "\xe5\xa4\xa7\xe8\xa1\x97",
					    "\xe4\xb8\x9c\xe8\xb7\xaf",
					    "\xe8\xa5\xbf\xe8\xb7\xaf",
					    "\xe5\x8d\x97\xe8\xb7\xaf",
					    "\xe5\x8c\x97\xe8\xb7\xaf",
					    "\xe4\xb8\xad\xe8\xb7\xaf",
					    NULL};

	for (int i = 0; rests[i]; i++)
		if (strncmp(p, rests[i], strlen(rests[i])) == 0)
			return 1;
	return 0;
}

/* The longer of best and the length of name, when name starts s and what follows it is neither
 * empty nor the rest of a road's name. */
static size_t longer(size_t best, const char *s, const char *name)
{
	size_t n = strlen(name);

	return n > best && strncmp(s, name, n) == 0 && s[n] && !road_rest(s + n) ? n : best;
}

/* Where the core may start: after a city's, a district's and a street's name or short form, in
 * this order, each the longest a unit of that level has, and never the whole address. */
static void cut_names(struct cut *k)
{
	static const char *const levels[] = {"city", "district", "street"};
	const char *p, *f[5];
	size_t at = 0, best;

	k->npre = 1;
	for (int l = 0; l < 3; l++) {
		p = k->names;
		best = 0;
		for (size_t e = 0; e < k->n; e++) {
			p = entry(p, f);
			if (strcmp(f[0], levels[l]) == 0)
				best = longer(longer(best, k->a + at, f[3]), k->a + at, f[4]);
		}
		if (best) {
			k->level[k->npre - 1] = levels[l];
			k->pre[k->npre++] = at += best;
		}
	}
}

/* 1 when a[0..end) ends with s. */
static int ends(const char *a, size_t end, const char *s)
{
	size_t n = strlen(s);

	return end >= n && memcmp(a + end - n, s, n) == 0;
}

/* The start of the run of digits that ends at a[end]; end when there is none. */
static size_t digits(const char *a, size_t end)
{
	while (end > 0 && a[end - 1] >= '0' && a[end - 1] <= '9')
		end--;
	return end;
}

/* 1 when p starts with a Chinese numeral: 〇零一二三四五六七八九十两. */
static int numeral(const char *p)
{
	static const char all[] = "\xe3\x80\x87\xe9\x9b\xb6\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89\xe5\x9b\x9b\xe4\xba\x94"
				  "\xe5\x85\xad\xe4\xb8\x83\xe5\x85\xab\xe4\xb9\x9d\xe5\x8d\x81\xe4\xb8\xa4";

	for (size_t i = 0; all[i]; i += 3)
		if (memcmp(p, all + i, 3) == 0)
			return 1;
	return 0;
}

/* The start of the number that ends at a[end]: a run of digits (full-width ones are half-width
 * in normal form) or of Chinese numerals (二, 十二, 二十一); end when there is none. */
static size_t number(const char *a, size_t end)
{
	size_t s = digits(a, end);

	if (s < end)
		return s;
	while (s >= 3 && numeral(a + s - 3))
		s -= 3;
	return s;
}

/* The start of the part N followed by `mark` that ends at a[end]; end when there is none. */
static size_t marked(const char *a, size_t end, const char *mark)
{
	size_t m = strlen(mark), s;

	if (!ends(a, end, mark))
		return end;
	s = number(a, end - m);
	return s < end - m ? s : end;
}

/* The start of a room ending at a[end] (N室, N-N, or three digits or more), with *sure 1 when
 * it says 室; end when there is none. */
static size_t room(const char *a, size_t end, int *sure)
{
	size_t s, d;

	if ((s = marked(a, end, ROOM)) < end)
		return *sure = 1, s;
	*sure = 0;
	if ((d = digits(a, end)) == end)
		return end;
	if (d > 0 && a[d - 1] == '-' && (s = digits(a, d - 1)) < d - 1)
		return s;
	return end - d >= 3 ? d : end;
}

/* Where the core may end: before the room, the floor and the entrance, each where it is. A
 * part that may be the building's own (a floor: 4楼; a bare number: 301, 2-301) is stripped
 * only after 幢 or 号, or after a part stripped already; an entrance and a room in 室 are. */
static void cut_parts(struct cut *k)
{
	size_t end = strlen(k->a), at[3], s;
	int sure[3], n = 0;

	k->suf[0] = end;
	k->nsuf = 1;
	if ((s = room(k->a, end, &sure[n])) < end)
		at[n++] = end = s;
	if ((s = marked(k->a, end, FLOOR)) < end || (s = marked(k->a, end, STOREY)) < end)
		sure[n] = 0, at[n++] = end = s;
	if ((s = marked(k->a, end, ENTRANCE)) < end)
		sure[n] = 1, at[n++] = end = s;
	while (n > 0 && !sure[n - 1] && !ends(k->a, at[n - 1], BUILDING) && !ends(k->a, at[n - 1], NUMBER))
		n--;
	for (int j = 0; j < n; j++)
		k->suf[k->nsuf++] = at[j];
}

/* 1 when the name a[s..end) is the name or short form of the unit of `level` at or above the
 * unit `code` (walking up the net's names). */
static int above(const struct cut *k, const char *code, const char *level, size_t s, size_t end)
{
	const char *p, *f[5];
	size_t e;

	for (int depth = 0; code && *code && depth < 16; depth++, code = f[2]) {
		for (p = k->names, e = 0; e < k->n; e++) {
			p = entry(p, f);
			if (strcmp(f[1], code) == 0)
				break;
		}
		if (e == k->n)
			return 0;
		if (strcmp(f[0], level) == 0)
			return (strlen(f[3]) == end - s && !memcmp(f[3], k->a + s, end - s)) ||
			       (strlen(f[4]) == end - s && !memcmp(f[4], k->a + s, end - s));
	}
	return 0;
}

/* 1 when every name stripped before the core is a unit above the building of row. */
static int under(const struct cut *k, json_t *row)
{
	const char *street = json_string_value(json_object_get(row, "street"));

	for (int m = 0; m < k->i; m++)
		if (!above(k, street, k->level[m], k->pre[m], k->pre[m + 1]))
			return 0;
	return 1;
}

/* ---- resolve ---- */

/* The building of `text`, among those under the names k strips when k is given: *out is NULL
 * when none has it; two buildings are an error naming both. */
static int lookup(struct gg_ctx *c, const char *text, const char *address, const struct cut *k, json_t **out)
{
	struct gg_stmt *st = gg_db_named(c->db, "resolve", &c->err);
	json_t *first = NULL;
	int rc, exact = 0;
	char others[512] = "";
	size_t len = 0;

	*out = NULL;
	if (!st)
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "address"), text);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st);
		if (k && !under(k, row)) {
			json_decref(row);
			continue;
		}
		if (!first) {
			first = row;
			exact = (int)json_integer_value(json_object_get(row, "exact"));
			continue;
		}
		/* an exact match does not settle it: another building with the address in normal
		 * form would get the tickets of whoever spelt it that way */
		if (json_equal(json_object_get(row, "building"), json_object_get(first, "building"))) {
			json_decref(row);
			continue;
		}
		if (len < sizeof others) /* a list too long for the message is cut there */
			len += (size_t)snprintf(others + len, sizeof others - len, ", %s",
						json_string_value(json_object_get(row, "building")));
		json_decref(row);
	}
	if (rc < 0) {
		json_decref(first);
		return c->err.code;
	}
	if (first && len) {
		gg_err_set(&c->err, GG_EX_DATAERR, "address '%s' is ambiguous: buildings %s%s", address,
			   json_string_value(json_object_get(first, "building")), others);
		json_decref(first);
		return GG_EX_DATAERR;
	}
	if (first) {
		json_object_set_new(first, "match", json_string(exact ? "exact" : "normalised"));
		json_object_del(first, "exact");
		json_object_set_new(first, "query", json_string(address));
		json_object_set_new(first, "ignored", json_array());
	}
	*out = first;
	return 0;
}

/* The parts stripped from the core a[pre[i]..suf[j]), in the order the address has them. */
static json_t *ignored(const struct cut *k, int i, int j)
{
	json_t *v = json_array();

	for (int m = 0; m < i; m++)
		json_array_append_new(v, json_stringn(k->a + k->pre[m], k->pre[m + 1] - k->pre[m]));
	for (int m = j; m > 0; m--)
		json_array_append_new(v, json_stringn(k->a + k->suf[m], k->suf[m - 1] - k->suf[m]));
	return v;
}

static int by_code(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The error for an address whose cores stripped as much match the n buildings of `found`. */
static int ambiguous(struct gg_ctx *c, const char *address, json_t *found)
{
	const char *code[12];
	char list[512] = "";
	size_t n = 0, len = 0, i;
	json_t *v;

	json_array_foreach (found, i, v) {
		if (n < sizeof code / sizeof *code)
			code[n++] = json_string_value(json_object_get(v, "building"));
	}
	qsort(code, n, sizeof *code, by_code);
	for (i = 0; i < n && len < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "", code[i]);
	return gg_err_set(&c->err, GG_EX_DATAERR, "address '%s' is ambiguous: buildings %s", address, list);
}

/* The building of the address with the parts around its core stripped, the least stripped cores
 * first: those with one part stripped, then two, and so on, fewer names before fewer parts
 * after. Two cores stripped as much that match different buildings are an error naming them, so
 * a long address never lands on a building it does not name. *out is NULL when none has it. */
static int stripped(struct gg_ctx *c, const char *address, json_t **out)
{
	struct cut k = {0};
	json_t *found, *hit, *v;
	char *core;
	int rc = 0, same;
	size_t x;

	if (!(k.a = gg_text_norm_address(address)))
		return gg_err_oom(&c->err);
	if (!(k.names = names(c, &k.n))) {
		free(k.a);
		return c->err.code;
	}
	cut_names(&k);
	cut_parts(&k);
	if (!(found = json_array())) {
		free(k.a);
		return gg_err_oom(&c->err);
	}
	for (int t = 1; t <= k.npre + k.nsuf - 2 && !rc && !json_array_size(found); t++)
		for (k.i = 0; k.i <= t && k.i < k.npre && !rc; k.i++) {
			int j = t - k.i;
			if (j >= k.nsuf || k.pre[k.i] >= k.suf[j])
				continue;
			if (!(core = strndup(k.a + k.pre[k.i], k.suf[j] - k.pre[k.i])))
				rc = gg_err_oom(&c->err);
			else
				rc = lookup(c, core, address, &k, &hit);
			free(core);
			if (rc || !hit)
				continue;
			json_object_set_new(hit, "match", json_string("stripped"));
			json_object_set_new(hit, "ignored", ignored(&k, k.i, j));
			same = 0;
			json_array_foreach (found, x, v) {
				same |= json_equal(json_object_get(v, "building"), json_object_get(hit, "building"));
			}
			if (same)
				json_decref(hit);
			else
				json_array_append_new(found, hit);
		}
	if (!rc && json_array_size(found) > 1)
		rc = ambiguous(c, address, found);
	else if (!rc && json_array_size(found) == 1)
		*out = json_incref(json_array_get(found, 0));
	json_decref(found);
	free(k.a);
	return rc;
}

/* The building of an address: as written or in normal form, else with the parts around its
 * core stripped. *out is NULL when none has it; two buildings are an error. */
int gg_org_resolve(struct gg_ctx *c, const char *address, json_t **out)
{
	int rc = lookup(c, address, address, NULL, out);

	if (rc || *out)
		return rc;
	return stripped(c, address, out);
}
