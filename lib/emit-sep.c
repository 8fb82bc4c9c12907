/* SPDX-License-Identifier: Apache-2.0 */
/* emit-sep.c: the tsv and csv writers, for spreadsheets and cut(1). A header row, then a row
 * per record, one cell per column: tsv escapes tabs and newlines with a backslash (a row is
 * always one line), csv quotes as RFC 4180 says. Sections are blocks apart by a blank line. */
#include <stdlib.h>
#include <string.h>

#include "emit-writer.h"

static void put_tsv(FILE *f, const char *s)
{
	char *v = gg_emit_visible(s, 1);

	fputs(v ? v : "", f);
	free(v);
}

/* Quoted also when a space leads or trails, which a spreadsheet would otherwise trim. */
static void put_csv(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && (!*s || s[strlen(s) - 1] != ' ')) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}

static void sep_row(struct gg_emit *e, json_t *cols, json_t *rec, int header)
{
	int tsv = e->w == &gg_writer_tsv;
	size_t i;
	json_t *c;

	json_array_foreach (cols, i, c) {
		const char *name = json_string_value(c);
		char *s = header ? strdup(name) : gg_emit_cell(json_object_get(rec, name));
		if (i)
			putc(tsv ? '\t' : ',', e->out);
		if (tsv)
			put_tsv(e->out, s);
		else
			put_csv(e->out, s);
		free(s);
	}
	putc('\n', e->out);
}

static int sep_record(struct gg_emit *e, json_t *rec)
{
	gg_emit_columns(e, rec);
	if (e->n == 0)
		sep_row(e, e->cols, NULL, 1);
	sep_row(e, e->cols, rec, 0);
	return ferror(e->out) ? -1 : 0;
}

/* A section that declared its columns shows its header even with no rows, so that each
 * block of the document still stands for one section. */
static void sep_end(struct gg_emit *e)
{
	if (e->sections && e->n == 0 && e->cols)
		sep_row(e, e->cols, NULL, 1);
}

static int sep_section(struct gg_emit *e, const char *name)
{
	(void)name; /* the blocks go in the order of the sections; a name line would be a row */
	sep_end(e);
	if (e->sections || e->head)
		putc('\n', e->out);
	return ferror(e->out) ? -1 : 0;
}

/* The head is a block of its own, ahead of the sections: its fields the header, one row. */
static int sep_head(struct gg_emit *e)
{
	json_t *cols = json_array(), *x;
	const char *k;

	json_object_foreach (e->head, k, x) {
		(void)x;
		json_array_append_new(cols, json_string(k));
	}
	sep_row(e, cols, NULL, 1);
	sep_row(e, cols, e->head, 0);
	json_decref(cols);
	return ferror(e->out) ? -1 : 0;
}

static int sep_close(struct gg_emit *e)
{
	sep_end(e);
	return 0;
}

const struct gg_writer gg_writer_tsv = {
	.name = "tsv", .record = sep_record, .section = sep_section, .head = sep_head, .close = sep_close};
const struct gg_writer gg_writer_csv = {
	.name = "csv", .record = sep_record, .section = sep_section, .head = sep_head, .close = sep_close};
