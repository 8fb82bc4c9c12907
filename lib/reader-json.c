/* SPDX-License-Identifier: Apache-2.0 */
/* reader-json.c: JSON and NDJSON records. A small scanner that only counts brackets and strings
 * cuts the input into top-level values (or the elements of a top-level array) and jansson parses
 * each, so a million-ticket file is read one record at a time, in constant memory. */
#include <stdlib.h>
#include <string.h>

#include "reader-impl.h"

/* The next byte, counting lines and columns (in characters, not bytes) for messages. It lives
 * beside the scanner, not with the input in reader.c, so the loop that touches every byte of
 * the input is compiled in one piece and this call inlined. */
static int getch(struct gg_reader *r)
{
	unsigned char c;

	if (r->obuf == r->nbuf) {
		r->obuf = 0;
		if (!(r->nbuf = reader_some(r, r->buf, sizeof r->buf)))
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

/* A byte order mark is taken only as the input's first bytes: anywhere else, as any byte
 * between records that is not white space, it is a sign of two inputs run together, or of a
 * record cut, and is refused where it stands. */
static int skip_space(struct gg_reader *r)
{
	int c;

	if (!r->json_begun) {
		r->json_begun = 1;
		if (r->nbuf - r->obuf >= 3 && !memcmp(r->buf + r->obuf, "\xef\xbb\xbf", 3))
			getch(r), getch(r), getch(r);
	}
	while ((c = getch(r)) != EOF && (c == ' ' || c == '\t' || c == '\r' || c == '\n'))
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
		return reader_at_fail(r, err, r->line, r->col - 1, "a record must be an object");
	for (;;) {
		if (c == EOF)
			return reader_at_fail(r, err, r->line, r->col,
					      "truncated record: the input ends inside a JSON value");
		if (push(r, c))
			return gg_err_oom(err);
		if (instr) {
			if (++slen > GG_MAX_SCALAR)
				return reader_at_fail(r, err, r->line, r->col, "string longer than %d bytes",
						      GG_MAX_SCALAR);
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

int reader_json_next(struct gg_reader *r, json_t **rec, struct gg_err *err)
{
	json_error_t je;
	int c, line, col;

	for (;;) {
		c = skip_space(r);
		if (c == EOF) {
			if (r->in_array)
				return reader_at_fail(r, err, r->line, r->col,
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
				r->json_begun = 3;
				continue;
			} else {
				return reader_at_fail(r, err, r->line, r->col - 1,
						      "malformed JSON: expected ',' or ']'"),
				       -1;
			}
		} else if (r->json_begun == 3) {
			/* one array is the whole input: a second value after it ([…][…], […]{…}) is
			 * two inputs run together, not more records */
			return reader_at_fail(r, err, r->line, r->col - 1,
					      "malformed JSON: text after the closing ']' of the array"),
			       -1;
		} else if (!r->in_array && c == '[' && r->json_begun == 1) {
			r->in_array = 1;
			continue;
		} else if (r->in_array == 1 && c == ']') {
			r->in_array = 0;
			r->json_begun = 3;
			continue;
		}
		break;
	}
	if (c == EOF)
		return reader_at_fail(r, err, r->line, r->col, "truncated input: the JSON array is not closed"), -1;
	line = r->line;
	col = r->col - 1;
	if (c == 0xef)
		return reader_at_fail(r, err, r->line, r->col - 1,
				      "malformed JSON: a byte order mark between records (only the input's first bytes "
				      "may be one)"),
		       -1;
	if (!r->in_array)
		r->json_begun = 2; /* NDJSON: an array may no longer begin */
	if (scan_value(r, c, err))
		return -1;
	if (r->in_array)
		r->in_array = 2;
	*rec = json_loadb(r->val, r->nval, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &je);
	if (!*rec) {
		/* jansson quotes the text near the fault, which may hold a phone number: a run of
		 * seven digits or more in it is starred out (the line and column still say where) */
		char *near = strstr(je.text, " near '");
		for (char *d = near; d && *d; d++) {
			size_t n = strspn(d, "0123456789");
			if (n >= 7)
				memset(d, '*', n);
			d += n ? n - 1 : 0;
		}
		return reader_at_fail(r, err, line + je.line - 1, je.line <= 1 ? col + je.column - 1 : je.column,
				      "malformed JSON: %s", je.text),
		       -1;
	}
	r->rec_line = line;
	r->rec_col = col;
	if (!json_is_object(*rec)) {
		json_decref(*rec);
		*rec = NULL;
		return reader_at_fail(r, err, line, col, "a record must be an object"), -1;
	}
	return 1;
}
