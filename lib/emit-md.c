/* SPDX-License-Identifier: Apache-2.0 */
/* emit-md.c: the Markdown writer, for a report pasted into a wiki or a mail. The head is the
 * title and a line of what the report is of, a provisional one under a banner; each section
 * is a heading and a table (GitHub's pipe tables), its numbers aligned right. */
#include <stdlib.h>
#include <string.h>

#include "emit-writer.h"

/* Text in a table cell or a heading: on one line, control characters made visible (as a
 * table shows them); a pipe would end the cell, and markup characters would turn a name into
 * emphasis or code, so they are escaped; < and & as entities, so no name becomes HTML where
 * Markdown is rendered. */
static void put_md(FILE *f, const char *text)
{
	char *v = gg_emit_visible(text, 0);

	for (const char *s = v ? v : ""; *s; s++) {
		if (strchr("\\|*_`[]", *s))
			putc('\\', f);
		if (*s == '<' || *s == '&')
			fputs(*s == '<' ? "&lt;" : "&amp;", f);
		else
			putc(*s, f);
	}
	free(v);
}

/* The value of a head field, on one line. */
static void put_value(struct gg_emit *e, FILE *f, json_t *v)
{
	char *s = gg_doc_text(e, NULL, v);

	put_md(f, s ? s : "");
	free(s);
}

/* The title: the report's kind and what it is of, then its other fields on one line, then
 * the banner of a provisional report. */
static int md_begin(struct gg_emit *e)
{
	json_t *h = e->head, *title, *name, *v;
	const char *k;
	int n = 0;

	if (!h)
		return 0;
	title = json_object_get(h, "title");
	name = json_object_get(h, "name");
	fputs("# ", e->out);
	put_md(e->out, gg_doc_label(e, json_is_string(title) ? json_string_value(title) : "report"));
	if (json_is_string(name)) {
		fputs(" — ", e->out);
		put_md(e->out, json_string_value(name));
	}
	fputs("\n\n", e->out);
	json_object_foreach (h, k, v) {
		if (!strcmp(k, "title") || !strcmp(k, "name") || !strcmp(k, "provisional") || json_is_null(v))
			continue;
		fputs(n++ ? " · " : "", e->out);
		fputs("**", e->out);
		put_md(e->out, gg_doc_label(e, k));
		fputs("** ", e->out);
		put_value(e, e->out, v);
	}
	if (n)
		fputs("\n\n", e->out);
	if (json_is_true(json_object_get(h, "provisional"))) {
		fputs("> **", e->out);
		put_md(e->out, gg_doc_label(e, "provisional"));
		fputs("**\n\n", e->out);
	}
	return ferror(e->out) ? -1 : 0;
}

/* One row of the table: the header's labels, or a record's cells. */
static void md_row(struct gg_emit *e, const struct gg_doc_table *t, json_t *rec)
{
	for (size_t i = 0; i < t->ncols; i++) {
		char *s = rec ? gg_doc_text(e, &t->cols[i], json_object_get(rec, t->cols[i].key)) : NULL;
		fputs(i ? " | " : "| ", e->out);
		put_md(e->out, rec ? (s ? s : "") : t->cols[i].label);
		free(s);
	}
	fputs(" |\n", e->out);
}

/* A section: its heading, then the table, its rule marking the numbers' columns to align
 * right; a section with neither columns nor records says it has none. */
static int md_table(struct gg_emit *e, const struct gg_doc_table *t)
{
	size_t r;
	json_t *rec;

	if (t->index > 0)
		putc('\n', e->out);
	if (t->heading) {
		fputs("## ", e->out);
		put_md(e->out, t->heading);
		fputs("\n\n", e->out);
	}
	if (!t->ncols) {
		fputs("_", e->out);
		put_md(e->out, gg_doc_label(e, "none"));
		fputs("_\n", e->out);
		return ferror(e->out) ? -1 : 0;
	}
	md_row(e, t, NULL);
	for (size_t i = 0; i < t->ncols; i++)
		fputs(t->cols[i].numeric ? (i ? " | ---:" : "| ---:") : (i ? " | ---" : "| ---"), e->out);
	fputs(" |\n", e->out);
	json_array_foreach (t->rows, r, rec)
		md_row(e, t, rec);
	return ferror(e->out) ? -1 : 0;
}

static const struct gg_doc_ops md_doc = {.begin = md_begin, .table = md_table};

const struct gg_writer gg_writer_md = {.name = "md",
				       .open = gg_doc_open,
				       .record = gg_doc_record,
				       .section = gg_doc_section,
				       .close = gg_doc_close,
				       .doc = &md_doc};
