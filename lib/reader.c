/* reader.c: the record reader. JSON input is cut into top-level values (or the elements of a
 * top-level array) by a small scanner that only counts brackets and strings, and each value
 * is parsed by jansson; YAML is composed from libyaml events. Either way one record is held
 * at a time, so a million-ticket NDJSON file is read in constant memory. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "reader.h"

#define MAX_DEPTH 64
#define MAX_VALUES 1000000 /* values one record may hold, aliases expanded ("billion laughs") */

struct pos {
	const void *in;
	uint64_t key;
	int line, col;
	int lossy;
};

struct anchor {
	char *name;
	json_t *v;
	size_t size; /* values in it, counted as if written out */
};

struct ahead;
static void stop_ahead(struct gg_reader *r);

struct gg_reader {
	FILE *f;
	char *name;
	int owned; /* the reader opened f and closes it */
	int read_errno;
	int json; /* 1: JSON or NDJSON; 0: YAML */
	int keep; /* keep positions across records */

	/* bytes read ahead while sniffing the format, served first */
	/* what has been read of the input and not yet taken: first the bytes the format is told
	 * from, then whatever each read brings */
	char buf[65536];
	size_t nbuf, obuf;
	int wake_fd; /* with a second thread reading: readable when it is to stop waiting */

	/* JSON scanner */
	int line, col, in_array, eof;
	char *val;
	size_t nval, cap;

	/* YAML */
	yaml_parser_t yp;
	int yp_init, in_doc, in_seq, done;
	size_t values; /* in the record being composed, aliases expanded */
	struct anchor *anchors;
	size_t nanchors;

	/* positions of values, by (container, key) */
	struct pos *pos;
	size_t npos, cappos;
	int rec_line, rec_col; /* where the record being read starts */
	int at_line, at_col;   /* where the record last handed out starts (for messages) */

	/* JSON read ahead and parsed by a second thread (gg_reader_prefetch) */
	struct ahead *ahead;
};

static uint64_t hash_key(const char *key)
{
	uint64_t h = 1469598103934665603ull;
	if (!key)
		return 0;
	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211ull;
	return h | 1;
}

static uint64_t hash_idx(size_t i)
{
	return ((uint64_t)i << 1) + 2; /* even and never 0, unlike string keys */
}

static size_t slot(const void *in, uint64_t key, size_t cap)
{
	uint64_t h = ((uint64_t)(uintptr_t)in * 0x9e3779b97f4a7c15ull) ^ key;
	h ^= h >> 29;
	return (size_t)(h & (cap - 1));
}

static int pos_put(struct gg_reader *r, const void *in, uint64_t key, int line, int col, int lossy)
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

static void pos_clear(struct gg_reader *r)
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
	where(r, pos_get(r, in, hash_key(key)), buf, n);
}

void gg_reader_where_i(const struct gg_reader *r, json_t *in, size_t idx, char *buf, size_t n)
{
	where(r, pos_get(r, in, hash_idx(idx)), buf, n);
}

int gg_reader_known(const struct gg_reader *r, json_t *in, const char *key)
{
	return pos_get(r, in, hash_key(key)) != NULL;
}

int gg_reader_lossy(const struct gg_reader *r, json_t *in, const char *key)
{
	const struct pos *p = pos_get(r, in, hash_key(key));
	return p && p->lossy;
}

static int vfail(const struct gg_reader *r, struct gg_err *err, const struct pos *p, const char *fmt, va_list ap)
{
	char at[512], msg[768];

	where(r, p, at, sizeof at);
	vsnprintf(msg, sizeof msg, fmt, ap);
	return gg_err_set(err, GG_EX_DATAERR, "%s: %s", at, msg);
}

int gg_reader_fail(const struct gg_reader *r, struct gg_err *err, json_t *in, const char *key, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vfail(r, err, pos_get(r, in, hash_key(key)), fmt, ap);
	va_end(ap);
	return rc;
}

int gg_reader_fail_i(const struct gg_reader *r, struct gg_err *err, json_t *in, size_t idx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vfail(r, err, pos_get(r, in, hash_idx(idx)), fmt, ap);
	va_end(ap);
	return rc;
}

static int at_fail(struct gg_reader *r, struct gg_err *err, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static int at_fail(struct gg_reader *r, struct gg_err *err, int line, int col, const char *fmt, ...)
{
	struct pos p = {r, 0, line, col, 0};
	va_list ap;
	va_start(ap, fmt);
	int rc = vfail(r, err, &p, fmt, ap);
	va_end(ap);
	return rc;
}

/* ---- input ---- */

/* What the input has now, up to n bytes: one read(2) on a file descriptor, so that records a
 * slow producer writes into a pipe are taken as they come, not when a buffer is full. A reader
 * reading ahead in a second thread also watches wake_fd, and takes it as the end of input. */
static size_t some(struct gg_reader *r, char *buf, size_t n)
{
	int fd = fileno(r->f);
	ssize_t k;

	if (fd < 0) /* a stream in memory */
		return fread(buf, 1, n, r->f);
	if (r->wake_fd >= 0) {
		struct pollfd p[2] = {{.fd = fd, .events = POLLIN}, {.fd = r->wake_fd, .events = POLLIN}};
		while (poll(p, 2, -1) < 0)
			if (errno != EINTR)
				return r->read_errno = errno, 0;
		if (p[1].revents)
			return 0;
	}
	do
		k = read(fd, buf, n);
	while (k < 0 && errno == EINTR);
	if (k < 0) {
		r->read_errno = errno;
		return 0;
	}
	return (size_t)k;
}

static size_t input(struct gg_reader *r, char *buf, size_t n)
{
	if (r->obuf < r->nbuf) {
		size_t k = r->nbuf - r->obuf;
		if (k > n)
			k = n;
		memcpy(buf, r->buf + r->obuf, k);
		r->obuf += k;
		return k;
	}
	return some(r, buf, n);
}

static int getch(struct gg_reader *r)
{
	unsigned char c;

	if (r->obuf == r->nbuf) {
		r->obuf = 0;
		if (!(r->nbuf = some(r, r->buf, sizeof r->buf)))
			return EOF;
	}
	c = (unsigned char)r->buf[r->obuf++];
	if (c == '\n') {
		r->line++;
		r->col = 1;
	} else if ((c & 0xc0) != 0x80) {
		r->col++;
	}
	return c;
}

static int yaml_read(void *data, unsigned char *buf, size_t n, size_t *got)
{
	struct gg_reader *r = data;
	*got = input(r, (char *)buf, n);
	return *got > 0 || (!ferror(r->f) && !r->read_errno);
}

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcmp(s + a - b, suf) == 0;
}

static int next_sig(const char *p, size_t n, size_t *i)
{
	while (*i < n && strchr(" \t\r\n", p[*i]))
		(*i)++;
	return *i < n ? (unsigned char)p[*i] : -1;
}

/* JSON when the text opens like JSON and unlike a YAML flow collection ({code: x}). */
static int sniff_json(const char *p, size_t n)
{
	size_t i = 0;
	int c;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	c = next_sig(p, n, &i);
	if (c == '[') {
		i++;
		c = next_sig(p, n, &i);
		if (c == ']' || c == '"' || c == '-' || (c >= '0' && c <= '9'))
			return 1;
		if (c != '{')
			return 0;
	}
	if (c != '{')
		return 0;
	i++;
	c = next_sig(p, n, &i);
	return c == '"' || c == '}';
}

int gg_reader_open(struct gg_reader **out, const char *path, struct gg_err *err)
{
	FILE *f;

	*out = NULL;
	if (!path || strcmp(path, "-") == 0)
		return gg_reader_open_stream(out, stdin, "stdin", err);
	if (!(f = fopen(path, "rb")))
		return gg_err_set(err, GG_EX_NOINPUT, "cannot open '%s': %s", path, strerror(errno));
	if (gg_reader_open_stream(out, f, path, err)) {
		fclose(f);
		return err->code;
	}
	(*out)->owned = 1;
	return 0;
}

/* A reader of an open stream, named `name` in messages; closing the reader leaves f open. */
int gg_reader_open_stream(struct gg_reader **out, FILE *f, const char *name, struct gg_err *err)
{
	struct gg_reader *r = calloc(1, sizeof *r);

	*out = NULL;
	if (!r || !(r->name = strdup(name))) {
		free(r);
		return gg_err_oom(err);
	}
	r->f = f;
	/* enough to tell JSON from YAML: up to the end of the first line, or the input's end */
	r->wake_fd = -1;
	for (size_t k = 1; k > 0 && r->nbuf < 4096 && !memchr(r->buf, '\n', r->nbuf);)
		r->nbuf += k = some(r, r->buf + r->nbuf, 4096 - r->nbuf);
	if (r->read_errno || ferror(r->f)) {
		errno = r->read_errno ? r->read_errno : errno;
		gg_err_set(err, GG_EX_IOERR, "cannot read '%s': %s", r->name, strerror(errno));
		gg_reader_close(r);
		return err->code;
	}
	if (ends_with(r->name, ".json") || ends_with(r->name, ".ndjson") || ends_with(r->name, ".jsonl"))
		r->json = 1;
	else if (ends_with(r->name, ".yaml") || ends_with(r->name, ".yml"))
		r->json = 0;
	else
		r->json = sniff_json(r->buf, r->nbuf);
	r->line = 1;
	r->col = 1;
	if (!r->json) {
		yaml_parser_initialize(&r->yp);
		yaml_parser_set_input(&r->yp, yaml_read, r);
		r->yp_init = 1;
	}
	*out = r;
	return 0;
}

void gg_reader_keep(struct gg_reader *r, int keep)
{
	r->keep = keep;
}

const char *gg_reader_name(const struct gg_reader *r)
{
	return r->name;
}

static void drop_anchors(struct gg_reader *r)
{
	for (size_t i = 0; i < r->nanchors; i++) {
		free(r->anchors[i].name);
		json_decref(r->anchors[i].v);
	}
	free(r->anchors);
	r->anchors = NULL;
	r->nanchors = 0;
}

void gg_reader_close(struct gg_reader *r)
{
	if (!r)
		return;
	if (r->ahead)
		stop_ahead(r);
	if (r->owned)
		fclose(r->f);
	if (r->yp_init)
		yaml_parser_delete(&r->yp);
	drop_anchors(r);
	free(r->pos);
	free(r->val);
	free(r->name);
	free(r);
}

/* ---- JSON ---- */

static int push(struct gg_reader *r, int c)
{
	if (r->nval + 1 >= r->cap) {
		size_t ncap = r->cap ? r->cap * 2 : 4096;
		char *nv = realloc(r->val, ncap);
		if (!nv)
			return -1;
		r->val = nv;
		r->cap = ncap;
	}
	r->val[r->nval++] = (char)c;
	return 0;
}

static int skip_space(struct gg_reader *r)
{
	int c;
	while ((c = getch(r)) != EOF &&
	       (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xef || c == 0xbb || c == 0xbf))
		;
	return c;
}

/* Reads one JSON value, starting with c, into r->val. */
static int scan_value(struct gg_reader *r, int c, struct gg_err *err)
{
	int depth = 0, instr = 0, esc = 0;
	long slen = 0;

	r->nval = 0;
	if (c != '{')
		return at_fail(r, err, r->line, r->col - 1, "a record must be an object");
	for (;;) {
		if (c == EOF)
			return at_fail(r, err, r->line, r->col, "truncated record: the input ends inside a JSON value");
		if (push(r, c))
			return gg_err_oom(err);
		if (instr) {
			if (++slen > GG_MAX_SCALAR)
				return at_fail(r, err, r->line, r->col, "string longer than %d bytes", GG_MAX_SCALAR);
			if (esc)
				esc = 0;
			else if (c == '\\')
				esc = 1;
			else if (c == '"') {
				instr = 0;
				if (depth == 0)
					break;
			}
		} else if (c == '"') {
			instr = 1;
			slen = 0;
		} else if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (--depth <= 0)
				break;
		}
		c = getch(r);
	}
	return 0;
}

static int json_next(struct gg_reader *r, json_t **rec, struct gg_err *err)
{
	json_error_t je;
	int c, line, col;

	for (;;) {
		c = skip_space(r);
		if (c == EOF) {
			if (r->in_array)
				return at_fail(r, err, r->line, r->col,
					       "truncated input: the JSON array is not closed"),
				       -1;
			return 0;
		}
		if (r->in_array == 2) { /* after an element */
			if (c == ',') {
				r->in_array = 1;
				c = skip_space(r);
			} else if (c == ']') {
				r->in_array = 0;
				continue;
			} else {
				return at_fail(r, err, r->line, r->col - 1, "malformed JSON: expected ',' or ']'"), -1;
			}
		} else if (!r->in_array && c == '[') {
			r->in_array = 1;
			continue;
		} else if (r->in_array == 1 && c == ']') {
			r->in_array = 0;
			continue;
		}
		break;
	}
	if (c == EOF)
		return at_fail(r, err, r->line, r->col, "truncated input: the JSON array is not closed"), -1;
	line = r->line;
	col = r->col - 1;
	if (scan_value(r, c, err))
		return -1;
	if (r->in_array)
		r->in_array = 2;
	*rec = json_loadb(r->val, r->nval, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &je);
	if (!*rec)
		return at_fail(r, err, line + je.line - 1, je.line <= 1 ? col + je.column - 1 : je.column,
			       "malformed JSON: %s", je.text),
		       -1;
	r->rec_line = line;
	r->rec_col = col;
	if (!json_is_object(*rec)) {
		json_decref(*rec);
		*rec = NULL;
		return at_fail(r, err, line, col, "a record must be an object"), -1;
	}
	return 1;
}

/* ---- YAML ---- */

static int yfail(struct gg_reader *r, struct gg_err *err, yaml_mark_t m, const char *what)
{
	return at_fail(r, err, (int)m.line + 1, (int)m.column + 1, "%s", what);
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

static int compose(struct gg_reader *r, yaml_event_t *ev, json_t **out, int *lossy, int depth, struct gg_err *err);

static int save_anchor(struct gg_reader *r, const unsigned char *name, json_t *v, size_t size)
{
	struct anchor *na;
	if (!name)
		return 0;
	if (!(na = realloc(r->anchors, (r->nanchors + 1) * sizeof *na)))
		return -1;
	r->anchors = na;
	na[r->nanchors].name = strdup((const char *)name);
	na[r->nanchors].v = json_incref(v);
	na[r->nanchors].size = size;
	r->nanchors++;
	return 0;
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
		return at_fail(r, err, (int)r->yp.mark.line + 1, (int)r->yp.mark.column + 1, "%s (byte %zu)", msg,
			       r->yp.problem_offset);
	}
	return yfail(r, err, r->yp.problem_mark, msg);
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
	if (tag && strcmp(tag, YAML_STR_TAG) != 0 && strcmp(tag, "!") != 0) {
		*out = core_scalar(s, lossy, &bad);
		if (!*out && !bad)
			bad = strcmp(tag, YAML_INT_TAG) == 0 || strcmp(tag, YAML_FLOAT_TAG) == 0 ||
			      strcmp(tag, YAML_BOOL_TAG) == 0 || strcmp(tag, YAML_NULL_TAG) == 0;
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

/* Composes the node whose first event is ev into *out; the container/key position of
 * each child is recorded as it is placed. */
static int compose(struct gg_reader *r, yaml_event_t *ev, json_t **out, int *lossy, int depth, struct gg_err *err)
{
	yaml_event_t e;
	int sublossy;

	size_t start = r->values;

	*out = NULL;
	*lossy = 0;
	if (depth > MAX_DEPTH)
		return yfail(r, err, ev->start_mark, "nesting deeper than 64 levels");
	if (++r->values > MAX_VALUES)
		return yfail(r, err, ev->start_mark,
			     "a record of more than 1000000 values (aliases counted as written out)");
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		for (size_t i = r->nanchors; i-- > 0;)
			if (!strcmp(r->anchors[i].name, (const char *)ev->data.alias.anchor)) {
				r->values += r->anchors[i].size - 1;
				if (r->values > MAX_VALUES)
					return yfail(r, err, ev->start_mark,
						     "a record of more than 1000000 values (aliases counted as written "
						     "out)");
				*out = json_incref(r->anchors[i].v);
				return 0;
			}
		return yfail(r, err, ev->start_mark, "unknown alias");
	case YAML_SCALAR_EVENT:
		if (scalar(r, ev, out, lossy, err))
			return err->code;
		if (save_anchor(r, ev->data.scalar.anchor, *out, 1))
			return gg_err_oom(err);
		return 0;
	case YAML_SEQUENCE_START_EVENT: {
		json_t *a = json_array();
		*out = a;
		for (size_t i = 0;; i++) {
			json_t *v;
			if (parse(r, &e, err))
				return err->code;
			if (e.type == YAML_SEQUENCE_END_EVENT) {
				yaml_event_delete(&e);
				/* named only once complete: an alias inside it cannot make a cycle */
				return save_anchor(r, ev->data.sequence_start.anchor, a, r->values - start)
					       ? gg_err_oom(err)
					       : 0;
			}
			int ok = compose(r, &e, &v, &sublossy, depth + 1, err) == 0;
			pos_put(r, a, hash_idx(i), (int)e.start_mark.line + 1, (int)e.start_mark.column + 1, sublossy);
			yaml_event_delete(&e);
			if (!ok) {
				json_decref(v);
				return err->code;
			}
			json_array_append_new(a, v);
		}
	}
	case YAML_MAPPING_START_EVENT: {
		json_t *o = json_object();
		*out = o;
		for (;;) {
			json_t *v;
			char *key;
			if (parse(r, &e, err))
				return err->code;
			if (e.type == YAML_MAPPING_END_EVENT) {
				yaml_event_delete(&e);
				return save_anchor(r, ev->data.mapping_start.anchor, o, r->values - start)
					       ? gg_err_oom(err)
					       : 0;
			}
			if (e.type != YAML_SCALAR_EVENT) {
				yfail(r, err, e.start_mark, "a mapping key must be a plain string");
				yaml_event_delete(&e);
				return err->code;
			}
			key = strdup((const char *)e.data.scalar.value);
			if (json_object_get(o, key)) {
				char msg[300];
				snprintf(msg, sizeof msg, "duplicate key '%.200s'", key);
				yfail(r, err, e.start_mark, msg);
				free(key);
				yaml_event_delete(&e);
				return err->code;
			}
			yaml_event_delete(&e);
			if (parse(r, &e, err)) {
				free(key);
				return err->code;
			}
			int ok = compose(r, &e, &v, &sublossy, depth + 1, err) == 0;
			pos_put(r, o, hash_key(key), (int)e.start_mark.line + 1, (int)e.start_mark.column + 1,
				sublossy);
			yaml_event_delete(&e);
			if (ok)
				json_object_set_new(o, key, v);
			else
				json_decref(v);
			free(key);
			if (!ok)
				return err->code;
		}
	}
	default:
		return yfail(r, err, ev->start_mark, "unexpected YAML event");
	}
}

static int yaml_next(struct gg_reader *r, json_t **rec, struct gg_err *err)
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
			drop_anchors(r);
			break;
		case YAML_SEQUENCE_START_EVENT:
			if (!r->in_seq) {
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
				at_fail(r, err, r->rec_line, r->rec_col, "a record must be a mapping");
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

static int next(struct gg_reader *r, json_t **rec, struct gg_err *err)
{
	int rc = r->json ? json_next(r, rec, err) : yaml_next(r, rec, err);
	if (rc >= 0 && (ferror(r->f) || r->read_errno))
		return gg_err_set(err, GG_EX_IOERR, "cannot read '%s': %s", r->name,
				  strerror(r->read_errno ? r->read_errno : errno)),
		       -1;
	return rc;
}

/* ---- reading ahead ---- */

#define AHEAD 512

struct slot {
	json_t *rec;
	int rc, line, col;
	struct gg_err err;
};

struct ahead {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t filled, emptied;
	struct slot ring[AHEAD];
	size_t head, count;
	int stop, reader_waits, taker_waits; /* signal only a thread that waits */
	json_t *spent[AHEAD];		     /* records the taker is done with, for the reader to free */
	size_t nspent;
	int wake[2]; /* a pipe: closing the reader early wakes the thread from a wait for input */
};

/* The second thread: reads and parses records into the ring until the input ends, an error
 * comes, or the reader is closed. */
static void *read_ahead(void *arg)
{
	struct gg_reader *r = arg;
	struct ahead *a = r->ahead;

	json_t *spent[AHEAD];
	size_t nspent = 0;

	pthread_setname_np(pthread_self(), "gg-read-ahead"); /* as top and perf show it */

	for (int rc = 1; rc > 0;) {
		struct slot s = {0};
		while (nspent) /* memory goes back to the thread that took it: freeing is cheaper there */
			json_decref(spent[--nspent]);
		rc = s.rc = next(r, &s.rec, &s.err);
		s.line = r->rec_line;
		s.col = r->rec_col;
		pthread_mutex_lock(&a->mu);
		memcpy(spent, a->spent, a->nspent * sizeof *spent);
		nspent = a->nspent;
		a->nspent = 0;
		while (a->count == AHEAD && !a->stop) {
			a->reader_waits = 1;
			pthread_cond_wait(&a->emptied, &a->mu);
		}
		a->reader_waits = 0;
		if (a->stop) {
			pthread_mutex_unlock(&a->mu);
			json_decref(s.rec);
			break;
		}
		a->ring[(a->head + a->count++) % AHEAD] = s;
		if (a->taker_waits)
			pthread_cond_signal(&a->filled);
		pthread_mutex_unlock(&a->mu);
	}
	while (nspent)
		json_decref(spent[--nspent]);
	return NULL;
}

/* The caller is done with a record gg_reader_next gave it. */
void gg_reader_release(struct gg_reader *r, json_t *rec)
{
	struct ahead *a = r->ahead;

	if (a && rec) {
		pthread_mutex_lock(&a->mu);
		if (a->nspent < AHEAD && !a->stop) {
			a->spent[a->nspent++] = rec;
			rec = NULL;
		}
		pthread_mutex_unlock(&a->mu);
	}
	json_decref(rec);
}

/* From now on JSON records are read and parsed by a second thread while the caller works on
 * the ones before them: an import of a million tickets keeps both cores busy. YAML, whose
 * positions the caller may ask for, is read as before. */
void gg_reader_prefetch(struct gg_reader *r)
{
	struct ahead *a;

	if (!r->json || r->ahead || !(a = calloc(1, sizeof *a)))
		return;
	json_object_seed(0); /* before a second thread makes objects */
	if (pipe(a->wake)) {
		free(a);
		return;
	}
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->filled, NULL);
	pthread_cond_init(&a->emptied, NULL);
	r->ahead = a;
	r->wake_fd = a->wake[0];
	if (pthread_create(&a->thread, NULL, read_ahead, r)) {
		r->ahead = NULL;
		r->wake_fd = -1;
		close(a->wake[0]);
		close(a->wake[1]);
		free(a);
	}
}

static int take_ahead(struct gg_reader *r, json_t **rec, struct gg_err *err)
{
	struct ahead *a = r->ahead;
	struct slot s;

	pthread_mutex_lock(&a->mu);
	while (a->count == 0) {
		a->taker_waits = 1;
		pthread_cond_wait(&a->filled, &a->mu);
	}
	a->taker_waits = 0;
	s = a->ring[a->head];
	if (s.rc > 0) { /* the last slot (end or error) stays, for every later call */
		a->head = (a->head + 1) % AHEAD;
		a->count--;
		if (a->reader_waits && a->count < AHEAD / 2) /* wake it when there is room for a run */
			pthread_cond_signal(&a->emptied);
	} else {
		a->ring[a->head].rec = NULL;
	}
	pthread_mutex_unlock(&a->mu);
	r->at_line = s.line;
	r->at_col = s.col;
	*rec = s.rec;
	if (s.rc < 0)
		*err = s.err;
	return s.rc;
}

static void stop_ahead(struct gg_reader *r)
{
	struct ahead *a = r->ahead;

	pthread_mutex_lock(&a->mu);
	a->stop = 1;
	pthread_cond_signal(&a->emptied);
	pthread_mutex_unlock(&a->mu);
	if (write(a->wake[1], "", 1) < 0) /* it may be waiting for input that is slow to come */
		a->stop = 1;
	pthread_join(a->thread, NULL);
	close(a->wake[0]);
	close(a->wake[1]);
	r->wake_fd = -1;
	for (size_t i = 0; i < a->count; i++)
		json_decref(a->ring[(a->head + i) % AHEAD].rec);
	while (a->nspent)
		json_decref(a->spent[--a->nspent]);
	pthread_mutex_destroy(&a->mu);
	pthread_cond_destroy(&a->filled);
	pthread_cond_destroy(&a->emptied);
	free(a);
	r->ahead = NULL;
}

/* Next record: 1 with *rec set (the caller owns it), 0 at the end, -1 on error. */
int gg_reader_next(struct gg_reader *r, json_t **rec, struct gg_err *err)
{
	int rc;

	*rec = NULL;
	if (r->ahead)
		return take_ahead(r, rec, err);
	if (!r->keep)
		pos_clear(r);
	rc = next(r, rec, err);
	r->at_line = r->rec_line;
	r->at_col = r->rec_col;
	return rc;
}
