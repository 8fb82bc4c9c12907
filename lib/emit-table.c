/* SPDX-License-Identifier: Apache-2.0 */
/* emit-table.c: the table writer, for people at a terminal. A list is aligned by display
 * width (a CJK character takes two columns) measured on the first rows it sees, so a long
 * list still streams; a single record is shown one field a line; each section is a table. */
#include <stdlib.h>
#include <string.h>

#include "emit-writer.h"
#include "text.h"

#define TABLE_SAMPLE 1000

struct table {
	json_t *rows; /* held back to measure widths, until TABLE_SAMPLE of them or the end */
	int *widths;
	int flushed;
};

/* A table cell is one line: control characters become spaces. */
static char *table_cell(json_t *v)
{
	char *s = gg_emit_cell(v), *t = s ? gg_emit_visible(s, 0) : NULL;

	free(s);
	return t;
}

/* One row, padded to the widths; padding that only trails empty cells is dropped. */
static void table_line(struct gg_emit *e, json_t *rec, int header)
{
	struct table *t = e->state;
	size_t i, len, last = json_array_size(e->cols) - 1;
	json_t *c;
	char *line = NULL;
	FILE *f = open_memstream(&line, &len);

	json_array_foreach (e->cols, i, c) {
		const char *name = json_string_value(c);
		char *s = header ? strdup(name) : table_cell(json_object_get(rec, name));
		fputs(s, f);
		if (i < last)
			for (int pad = t->widths[i] - gg_text_width(s) + 2; pad > 0; pad--)
				putc(' ', f);
		free(s);
	}
	fclose(f);
	while (len > 0 && line[len - 1] == ' ')
		len--;
	fwrite(line, 1, len, e->out);
	putc('\n', e->out);
	free(line);
}

static void table_measure(struct gg_emit *e)
{
	struct table *t = e->state;
	size_t i, r;
	json_t *rec, *c;

	t->widths = calloc(json_array_size(e->cols), sizeof *t->widths);
	json_array_foreach (e->cols, i, c)
		t->widths[i] = gg_text_width(json_string_value(c));
	json_array_foreach (t->rows, r, rec) {
		json_array_foreach (e->cols, i, c) {
			char *s = table_cell(json_object_get(rec, json_string_value(c)));
			int w = gg_text_width(s);
			if (w > t->widths[i])
				t->widths[i] = w;
			free(s);
		}
	}
}

static void table_flush(struct gg_emit *e)
{
	struct table *t = e->state;
	size_t r;
	json_t *rec;

	if (t->flushed || !e->cols)
		return;
	table_measure(e);
	table_line(e, NULL, 1);
	json_array_foreach (t->rows, r, rec)
		table_line(e, rec, 0);
	json_array_clear(t->rows);
	t->flushed = 1;
}

/* A single record as a table: one field a line, names aligned. */
static void table_vertical(struct gg_emit *e, json_t *rec)
{
	const char *k;
	json_t *v;
	int w = 0;

	json_object_foreach (rec, k, v) {
		int kw = gg_text_width(k);
		if (kw > w)
			w = kw;
	}
	json_object_foreach (rec, k, v) {
		char *s = table_cell(v);
		fprintf(e->out, "%-*s  %s\n", w, k, s);
		free(s);
	}
}

static int table_open(struct gg_emit *e)
{
	struct table *t = calloc(1, sizeof *t);

	if (!(e->state = t))
		return -1;
	t->rows = json_array();
	return 0;
}

static int table_record(struct gg_emit *e, json_t *rec)
{
	struct table *t = e->state;

	if (!t)
		return -1;
	if (!e->list && !e->sections) {
		table_vertical(e, rec);
		return ferror(e->out) ? -1 : 0;
	}
	gg_emit_columns(e, rec);
	if (t->flushed)
		table_line(e, rec, 0);
	else {
		json_array_append(t->rows, rec);
		if (json_array_size(t->rows) >= TABLE_SAMPLE)
			table_flush(e);
	}
	return ferror(e->out) ? -1 : 0;
}

/* The name on a line of its own above the section's table, which is measured on its own. */
static int table_section(struct gg_emit *e, const char *name)
{
	struct table *t = e->state;

	if (!t)
		return -1;
	if (e->sections) {
		table_flush(e);
		free(t->widths);
		t->widths = NULL;
		t->flushed = 0;
		putc('\n', e->out);
	}
	for (; *name; name++) /* one line, like a cell */
		putc((unsigned char)*name < 0x20 ? ' ' : *name, e->out);
	putc('\n', e->out);
	return ferror(e->out) ? -1 : 0;
}

/* The head as a single record shows, a field a line, then a blank line before the sections. */
static int table_head(struct gg_emit *e)
{
	table_vertical(e, e->head);
	putc('\n', e->out);
	return ferror(e->out) ? -1 : 0;
}

static int table_close(struct gg_emit *e)
{
	struct table *t = e->state;

	if (!t)
		return -1;
	if (e->list == GG_EMIT_RECORDS && !e->sections && !t->flushed && json_array_size(t->rows) == 1)
		table_vertical(e, json_array_get(t->rows, 0)); /* one record, as a single one shows */
	else if (e->list || e->sections) /* a single record was shown a field a line, no table to finish */
		table_flush(e);
	json_decref(t->rows);
	free(t->widths);
	free(t);
	return 0;
}

const struct gg_writer gg_writer_table = {.name = "table",
					  .open = table_open,
					  .record = table_record,
					  .section = table_section,
					  .head = table_head,
					  .close = table_close};
