/* SPDX-License-Identifier: Apache-2.0 */
/* csv.c: reading CSV exports (the 12345 system's, say) and mapping their columns to the
 * fields of records. A mapping file says which column holds which field, what every record
 * gets by default, and how a column's values translate:
 *
 *   fields: {external_id: 工单编号, title: 诉求标题, address: 事发地址, reported_at: 受理时间,
 *            category: 诉求分类}
 *   defaults: {source: hotline_12345}
 *   values: {category: {市容环境/垃圾堆放: env.garbage}}
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "reader.h"

#define BAD (-2) /* what get() returns past bytes the named encoding does not have */

struct gg_csv {
	FILE *f;
	char *name;
	int line, next_line, ncols;
	json_t *header; /* the first row, to name a field by its column in messages */
	char *buf;
	size_t len, cap;
	/* --encoding: the bytes read (raw) decoded to UTF-8 (utf8) a block at a time */
	iconv_t cd;
	const char *encoding;
	char raw[4096], utf8[16384];
	size_t nraw, at, nutf8;
	int back[2], nback, bad, end, cut, fault, ioerr;
	int whole;   /* the last row was read to its end, whatever was wrong with it */
	int notutf8; /* a field of the row being read is not UTF-8: err says which */
};

const char *const gg_csv_encodings[] = {"gbk", "gb18030", "utf-8", NULL};

int gg_csv_open(struct gg_csv **out, const char *path, struct gg_err *err)
{
	struct gg_csv *r = calloc(1, sizeof *r);
	int stdin_ = !path || !strcmp(path, "-");

	*out = NULL;
	if (!r)
		return gg_err_oom(err);
	if (stdin_ && gg_reader_stdin(err))
		return free(r), err->code;
	r->f = stdin_ ? stdin : fopen(path, "rb");
	if (!r->f) {
		free(r);
		return gg_err_set(err, GG_EX_NOINPUT, "cannot open '%s': %s", path, strerror(errno));
	}
	r->name = strdup(stdin_ ? "stdin" : path);
	r->next_line = 1;
	r->cd = (iconv_t)-1;
	*out = r;
	return 0;
}

/* Bytes in `encoding` (one of gg_csv_encodings) read as UTF-8 from here on. */
int gg_csv_decode(struct gg_csv *r, const char *encoding, struct gg_err *err)
{
	static const char *const iconv_names[] = {"GBK", "GB18030", "UTF-8"};

	for (int i = 0; gg_csv_encodings[i]; i++)
		if (!strcasecmp(encoding, gg_csv_encodings[i])) {
			if ((r->cd = iconv_open("UTF-8", iconv_names[i])) == (iconv_t)-1)
				return gg_err_set(err, GG_EX_UNAVAILABLE, "cannot decode %s: %s", gg_csv_encodings[i],
						  strerror(errno));
			r->encoding = gg_csv_encodings[i];
			return 0;
		}
	return gg_err_set(err, GG_EX_USAGE, "unknown encoding '%s' (one of: gbk, gb18030, utf-8)", encoding);
}

void gg_csv_close(struct gg_csv *r)
{
	if (!r)
		return;
	if (r->f != stdin)
		fclose(r->f);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	free(r->name);
	free(r->buf);
	json_decref(r->header);
	free(r);
}

/* Whether the last row was read to its end: an error of that row leaves the reader at the
 * next one, and reading may go on. */
int gg_csv_whole(const struct gg_csv *r)
{
	return r->whole;
}

int gg_csv_line(const struct gg_csv *r)
{
	return r->line;
}

const char *gg_csv_name(const struct gg_csv *r)
{
	return r->name;
}

/* The raw bytes that follow decoded into r->utf8: 0, or -1 with the fault kept for bad() to
 * report (a sequence the encoding does not have, one cut by the end of the input, a failed read). */
static int decode(struct gg_csv *r)
{
	size_t n = fread(r->raw + r->nraw, 1, sizeof r->raw - r->nraw, r->f);
	char *in = r->raw, *out = r->utf8;
	size_t inleft = (r->nraw += n), outleft = sizeof r->utf8;

	if (n == 0 && ferror(r->f))
		return r->ioerr = errno, -1;
	r->end = n == 0;
	if (iconv(r->cd, &in, &inleft, &out, &outleft) == (size_t)-1 && errno != E2BIG && (errno == EILSEQ || r->end) &&
	    out == r->utf8) { /* what came before the fault is read first */
		r->cut = errno != EILSEQ;
		r->fault = (unsigned char)*in;
		return -1;
	}
	memmove(r->raw, in, inleft);
	r->nraw = inleft;
	r->at = 0;
	r->nutf8 = sizeof r->utf8 - outleft;
	return 0;
}

/* The error of a BAD byte, on the line the reader has come to. */
static int bad(struct gg_csv *r, struct gg_err *err)
{
	if (r->ioerr)
		return gg_err_set(err, GG_EX_IOERR, "cannot read '%s': %s", r->name, strerror(r->ioerr));
	if (r->cut)
		return gg_err_set(err, GG_EX_DATAERR,
				  "%s:%d: malformed CSV: the input ends inside a %s character (0x%02x…)", r->name,
				  r->next_line, r->encoding, r->fault);
	return gg_err_set(err, GG_EX_DATAERR,
			  "%s:%d: malformed CSV: byte 0x%02x is not valid %s, as --encoding says the input is", r->name,
			  r->next_line, r->fault, r->encoding);
}

/* The next byte of the input, as UTF-8 when it is decoded: EOF at its end, BAD where it
 * cannot be decoded (bad() says why). */
static int get(struct gg_csv *r)
{
	if (r->nback)
		return r->back[--r->nback];
	if (r->cd == (iconv_t)-1)
		return getc(r->f);
	while (r->at == r->nutf8) {
		if (r->bad || decode(r))
			return r->bad = 1, BAD;
		if (r->nutf8 == 0 && r->end && r->nraw == 0)
			return EOF;
	}
	return (unsigned char)r->utf8[r->at++];
}

/* Puts c back, to be read again before what was put back already (two bytes at most). */
static void unget(struct gg_csv *r, int c)
{
	r->back[r->nback++] = c;
}

static int put(struct gg_csv *r, int c)
{
	if (r->len + 1 >= r->cap) {
		size_t ncap = r->cap ? r->cap * 2 : 256;
		char *nb = realloc(r->buf, ncap);
		if (!nb)
			return -1;
		r->buf = nb;
		r->cap = ncap;
	}
	r->buf[r->len++] = (char)c;
	return 0;
}

/* The field being read, as a message names it: its number and, past the header, its column. */
static const char *field_name(const struct gg_csv *r, const json_t *row, char *buf, size_t n)
{
	size_t i = json_array_size(row);
	const char *col = json_string_value(json_array_get(r->header, i));

	if (col)
		snprintf(buf, n, "field %zu (%s)", i + 1, col);
	else
		snprintf(buf, n, "field %zu", i + 1);
	return buf;
}

/* Whether n bytes at s are all text in the iconv encoding `from`. */
static int decodes(const char *from, const char *s, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char out[4096], *in = (char *)s, *o;
	size_t inleft = n, outleft, rc;

	if (cd == (iconv_t)-1)
		return 0;
	do {
		o = out;
		outleft = sizeof out;
		rc = iconv(cd, &in, &inleft, &o, &outleft);
	} while (rc == (size_t)-1 && errno == E2BIG);
	iconv_close(cd);
	return rc != (size_t)-1;
}

/* What a message says of a field that is not UTF-8: the encoding its bytes look like, and
 * the option that reads it. Nothing is guessed beyond the message. */
static const char *hint(const struct gg_csv *r)
{
	if (r->encoding)
		return "";
	if (decodes("GBK", r->buf, r->len))
		return " (it looks like GB18030/GBK: use --encoding gbk)";
	if (decodes("GB18030", r->buf, r->len))
		return " (it looks like GB18030: use --encoding gb18030)";
	return " (read it with --encoding, one of: gbk, gb18030, utf-8)";
}

static int field(struct gg_csv *r, json_t *row, struct gg_err *err)
{
	json_t *s;
	char fname[128];

	r->buf[r->len] = '\0';
	/* the row is read on to its end, so that a dry run can name the rows after it too */
	if (!(s = json_stringn(r->buf, r->len))) {
		if (!r->notutf8)
			gg_err_set(err, GG_EX_DATAERR, "%s:%d: malformed CSV: %s is not UTF-8%s", r->name, r->line,
				   field_name(r, row, fname, sizeof fname), hint(r));
		r->notutf8 = 1;
		s = json_string("");
	}
	json_array_append_new(row, s);
	r->len = 0;
	return 0;
}

/* The first byte of the next row, past a byte order mark at the top of the file: 1 with *c
 * set, 0 at the end of the input, -1 on error. Only EF BB BF is one: a header may start with
 * any other character whose UTF-8 starts with EF (（, ＃, U+FEC0), which is read as it is. */
static int row_start(struct gg_csv *r, int *c, struct gg_err *err)
{
	int b, d;

	*c = get(r);
	if (r->line == 1 && *c == 0xef) {
		if ((b = get(r)) == 0xbb && (d = get(r)) == 0xbf) {
			*c = get(r);
		} else {
			if (b == 0xbb)
				unget(r, d);
			unget(r, b);
		}
	}
	if (*c == BAD)
		return bad(r, err), -1;
	if (*c == EOF)
		return ferror(r->f)
			       ? (gg_err_set(err, GG_EX_IOERR, "cannot read '%s': %s", r->name, strerror(errno)), -1)
			       : 0;
	return 1;
}

/* A byte c inside quotes: text, but for a doubled quote, which is one, and a single quote, which
 * closes the field (*quoted = 0). */
static int quoted_byte(struct gg_csv *r, int c, int *quoted)
{
	if (c == '"') {
		int d = get(r);
		if (d == '"')
			return put(r, '"');
		unget(r, d);
		*quoted = 0;
		return 0;
	}
	if (c == '\n')
		r->next_line++;
	return put(r, c);
}

/* The fields of a row, its first byte c, onto row up to the end of its line (a line break
 * inside quotes is text): 0, or an error code. */
static int row_fields(struct gg_csv *r, int c, json_t *row, struct gg_err *err)
{
	int quoted = 0, was_quoted = 0;
	char fname[128];

	for (;; c = get(r)) {
		if (c == BAD)
			return bad(r, err);
		/* a NUL would end the text where SQLite and every C caller read it, storing it cut;
		 * a field past the limit is refused here, before it is read whole into memory */
		if (c == '\0')
			return gg_err_set(err, GG_EX_DATAERR, "%s:%d: malformed CSV: %s holds a NUL byte", r->name,
					  r->line, field_name(r, row, fname, sizeof fname));
		if (r->len >= GG_MAX_SCALAR && c != EOF && (quoted || !strchr(",\n\r", c)))
			return gg_err_set(err, GG_EX_DATAERR, "%s:%d: malformed CSV: %s is longer than %d bytes",
					  r->name, r->line, field_name(r, row, fname, sizeof fname), GG_MAX_SCALAR);
		if (quoted) {
			if (c == EOF)
				return gg_err_set(err, GG_EX_DATAERR,
						  "%s:%d: malformed CSV: a quoted field is never closed", r->name,
						  r->line);
			if (quoted_byte(r, c, &quoted))
				return gg_err_oom(err);
			continue;
		}
		if (c == '"' && r->len == 0 && !was_quoted) {
			quoted = was_quoted = 1;
			continue;
		}
		if (c == ',' || c == '\n' || c == EOF || c == '\r') {
			if (c == '\r') {
				int d = get(r);
				if (d != '\n')
					unget(r, d);
				c = '\n';
			}
			if (field(r, row, err))
				return err->code;
			was_quoted = 0;
			if (c == ',')
				continue;
			r->next_line++;
			return 0;
		}
		if (was_quoted)
			return gg_err_set(err, GG_EX_DATAERR,
					  "%s:%d: malformed CSV: text after a closing quote in field %zu", r->name,
					  r->line, json_array_size(row) + 1);
		if (put(r, c))
			return gg_err_oom(err);
	}
}

/* The next row as an array of strings: 1, 0 at the end, -1 on error. The first row sets the
 * number of fields every later row must have. */
int gg_csv_next(struct gg_csv *r, json_t **out, struct gg_err *err)
{
	json_t *row;
	int c, rc;

	*out = NULL;
	r->whole = 0;
	r->line = r->next_line;
	r->len = 0;
	if (!r->buf && put(r, 0) == 0)
		r->len = 0;
	if ((rc = row_start(r, &c, err)) <= 0)
		return rc;
	row = json_array();
	r->notutf8 = 0;
	if (row_fields(r, c, row, err))
		return json_decref(row), -1;
	r->whole = 1;
	if (r->notutf8) /* err names its first field that is not UTF-8 */
		return json_decref(row), -1;
	if (!r->ncols) {
		r->ncols = (int)json_array_size(row);
		r->header = json_incref(row);
	} else if ((int)json_array_size(row) != r->ncols) {
		int n = (int)json_array_size(row);
		json_decref(row);
		return gg_err_set(err, GG_EX_DATAERR, "%s:%d: malformed CSV: %d fields where the header has %d",
				  r->name, r->line, n, r->ncols),
		       -1;
	}
	*out = row;
	return 1;
}

/* Reads the mapping and checks it against the header: *map gets {fields: {field: index},
 * defaults, values}. */
int gg_csv_mapping(const char *path, json_t *header, const struct gg_csv *csv, json_t **map, struct gg_err *err)
{
	struct gg_reader *r;
	json_t *doc = NULL, *fields, *v;
	const char *key;
	int n, rc = 0;

	*map = NULL;
	if (gg_reader_open(&r, path, err))
		return err->code;
	if ((n = gg_reader_next(r, &doc, err)) <= 0) {
		rc = n < 0 ? err->code : gg_err_set(err, GG_EX_DATAERR, "%s: the mapping is empty", path);
		goto done;
	}
	/* a misspelt section (default: for defaults:) would be dropped and every ticket stored
	 * without what it meant to give them */
	json_object_foreach (doc, key, v)
		if (strcmp(key, "fields") && strcmp(key, "defaults") && strcmp(key, "values")) {
			rc = gg_reader_fail(r, err, doc, key,
					    "%s: unknown key in the mapping (one of: fields, defaults, values)", key);
			goto done;
		} else if (strcmp(key, "fields") && !json_is_object(v)) {
			rc = gg_reader_fail(r, err, doc, key, "%s: must be a mapping ({FIELD: VALUE, ...})", key);
			goto done;
		}
	fields = json_object_get(doc, "fields");
	if (!json_is_object(fields)) {
		rc = gg_reader_fail(r, err, doc, "fields", "the mapping needs fields: {FIELD: COLUMN, ...}");
		goto done;
	}
	*map = json_object();
	json_object_set_new(*map, "fields", json_object());
	json_object_set_new(*map, "defaults",
			    json_is_object(json_object_get(doc, "defaults"))
				    ? json_incref(json_object_get(doc, "defaults"))
				    : json_object());
	json_object_set_new(*map, "values",
			    json_is_object(json_object_get(doc, "values")) ? json_incref(json_object_get(doc, "values"))
									   : json_object());
	json_object_foreach (fields, key, v) {
		size_t i;
		json_t *h;
		int at = -1;
		json_array_foreach (header, i, h)
			if (json_equal(h, v))
				at = (int)i;
		if (at < 0) {
			rc = gg_reader_fail(r, err, fields, key, "%s: column '%s' is not in the header of %s", key,
					    json_is_string(v) ? json_string_value(v) : "?", gg_csv_name(csv));
			goto done;
		}
		json_object_set_new(json_object_get(*map, "fields"), key, json_integer(at));
	}
done:
	if (rc) {
		json_decref(*map);
		*map = NULL;
	}
	json_decref(doc);
	gg_reader_close(r);
	return rc;
}

/* A row as a record: defaults, then the mapped columns (empty ones left out), values translated. */
json_t *gg_csv_record(json_t *map, json_t *row)
{
	json_t *rec = json_deep_copy(json_object_get(map, "defaults")), *v;
	const char *key;

	json_object_foreach (json_object_get(map, "fields"), key, v) {
		json_t *cell = json_array_get(row, (size_t)json_integer_value(v));
		const char *s = json_string_value(cell);
		json_t *tr = json_object_get(json_object_get(json_object_get(map, "values"), key), s ? s : "");
		if (!s || !*s)
			continue;
		json_object_set(rec, key, tr ? tr : cell);
	}
	return rec;
}
