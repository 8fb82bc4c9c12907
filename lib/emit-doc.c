/* SPDX-License-Identifier: Apache-2.0 */
/* emit-doc.c: what the writers of documents people read (md, html, xlsx) share. Each holds a
 * section's records until it ends, since a table's columns are laid out from all of them (a
 * column of numbers is aligned right, with as many decimals as its values need), then hands
 * the writer the section as a table with its labels, and the head as the document's title. */
#include <stdlib.h>
#include <string.h>

#include "emit-writer.h"
#include "lang.h"

/* The writer's own state sits under the document's, which e->state holds. */
struct doc {
	json_t *rows; /* the records of the section begun last, or of the list */
	int begun;    /* the title is written */
	int tables;   /* tables handed to the writer so far */
	void *own;    /* the writer's */
};

/* The writer's own state (its workbook, say), kept beside the held records. */
void *gg_doc_own(struct gg_emit *e)
{
	struct doc *d = e->state;
	return d ? d->own : NULL;
}

/* Keeps the writer's own state, which its end frees. */
void gg_doc_set_own(struct gg_emit *e, void *own)
{
	struct doc *d = e->state;
	if (d)
		d->own = own;
}

/* The language of the labels: the emitter's, else the locale's. */
const char *gg_doc_lang(struct gg_emit *e)
{
	if (!e->lang)
		e->lang = gg_lang_choose(NULL);
	return e->lang;
}

/* A key as people read it, in the emitter's language: its catalogue's label, else the key. */
const char *gg_doc_label(struct gg_emit *e, const char *key)
{
	return gg_lang_label(gg_doc_lang(e), key);
}

/* The decimals a real needs, at most two: 1.25 two, 3.5 one, 4.0 one (it is still a real). */
static int decimals(double v)
{
	char buf[64], *dot;
	size_t n;

	snprintf(buf, sizeof buf, "%.2f", v);
	dot = strchr(buf, '.');
	n = strlen(dot + 1);
	while (n > 1 && dot[n] == '0')
		n--;
	return (int)n;
}

/* A column is a percentage when its label says so, in whichever language: "On time (%)". */
static int percent(const char *key, const char *label)
{
	size_t n = strlen(label), k = strlen(key);

	return (n >= 3 && !strcmp(label + n - 3, "(%)")) || (k > 4 && !strcmp(key + k - 4, "_pct"));
}

/* Describes each column from every value the table holds. */
static struct gg_doc_col *describe(struct gg_emit *e, json_t *cols, json_t *rows)
{
	size_t n = json_array_size(cols), i, r;
	struct gg_doc_col *c = calloc(n + 1, sizeof *c);
	json_t *name, *rec;

	if (!c)
		return NULL;
	json_array_foreach (cols, i, name) {
		int numbers = 0, others = 0;
		c[i].key = json_string_value(name);
		c[i].label = gg_doc_label(e, c[i].key);
		c[i].percent = percent(c[i].key, c[i].label);
		json_array_foreach (rows, r, rec) {
			json_t *v = json_object_get(rec, c[i].key);
			if (json_is_integer(v))
				numbers++;
			else if (json_is_real(v)) {
				int d = decimals(json_real_value(v));
				numbers++;
				if (d > c[i].decimals)
					c[i].decimals = d;
			} else if (v && !json_is_null(v))
				others++;
		}
		c[i].numeric = numbers > 0 && others == 0;
		if (c[i].percent && c[i].decimals < 1)
			c[i].decimals = 1;
	}
	return c;
}

/* A value as the text of a cell of col: numbers with the column's decimals, true and false
 * as words of the language, anything else as gg_emit_cell writes it, on one line. */
char *gg_doc_text(struct gg_emit *e, const struct gg_doc_col *col, json_t *v)
{
	char buf[64], *s, *t;

	if (json_is_number(v) && col && col->decimals > 0) {
		snprintf(buf, sizeof buf, "%.*f", col->decimals, json_number_value(v));
		return strdup(buf);
	}
	if (json_is_boolean(v))
		return strdup(gg_doc_label(e, json_is_true(v) ? "true" : "false"));
	s = gg_emit_cell(v);
	t = s ? gg_emit_visible(s, 0) : NULL;
	free(s);
	return t;
}

/* The writer's title, once: at the first table, or at the close of a document with none. */
static int begin(struct gg_emit *e)
{
	struct doc *d = e->state;

	if (d->begun)
		return 0;
	d->begun = 1;
	return e->w->doc->begin ? e->w->doc->begin(e) : 0;
}

/* A single record is a table of two columns, its fields and their values. */
static json_t *vertical(struct gg_emit *e, json_t *rec)
{
	json_t *rows = json_array(), *x;
	const char *k;

	json_object_foreach (rec, k, x)
		json_array_append_new(rows, json_pack("{s:s, s:O}", "field", gg_doc_label(e, k), "value", x));
	return rows;
}

/* Hands the writer the held records as a table, under the section's name (NULL: a list
 * outside sections), and lets them go. */
static int flush(struct gg_emit *e, const char *name)
{
	struct doc *d = e->state;
	json_t *cols = e->cols ? json_incref(e->cols) : json_array(), *rows = json_incref(d->rows);
	struct gg_doc_table t = {.name = name, .chart = e->chart};
	int rc;

	if (!name && !e->list && json_array_size(rows) == 1) {
		json_t *one = vertical(e, json_array_get(rows, 0));
		json_decref(rows);
		rows = one;
		json_decref(cols);
		cols = json_pack("[s, s]", "field", "value");
	}
	t.heading = name ? gg_doc_label(e, name) : NULL;
	t.rows = rows;
	t.ncols = json_array_size(cols);
	t.cols = describe(e, cols, rows);
	t.index = d->tables++;
	rc = !t.cols || begin(e) ? -1 : e->w->doc->table(e, &t);
	free(t.cols);
	json_decref(cols);
	json_decref(rows);
	json_array_clear(d->rows);
	return rc;
}

/* A document's writer holds nothing yet: no title is written before the head can come. */
int gg_doc_open(struct gg_emit *e)
{
	struct doc *d = calloc(1, sizeof *d);

	if (!(e->state = d) || !(d->rows = json_array()))
		return -1;
	return 0;
}

/* A record is held (a reference taken) until its section ends; a list's or section's first
 * record names the columns when none were declared. */
int gg_doc_record(struct gg_emit *e, json_t *rec)
{
	struct doc *d = e->state;

	if (!d)
		return -1;
	if (e->list || e->sections)
		gg_emit_columns(e, rec);
	return json_array_append(d->rows, rec);
}

/* A new section ends the one before: its table goes to the writer. */
int gg_doc_section(struct gg_emit *e, const char *name)
{
	(void)name;
	if (!e->state)
		return -1;
	return e->sections ? flush(e, e->section) : 0;
}

/* The last section's table, or the list's (a single record never given: no table), then
 * the writer's end, which frees its own state. */
int gg_doc_close(struct gg_emit *e)
{
	struct doc *d = e->state;
	int rc = 0;

	if (!d)
		return -1;
	if (!e->failed) {
		if (e->sections)
			rc = flush(e, e->section);
		else if (!e->head && (e->list || json_array_size(d->rows))) /* a head alone: no list */
			rc = flush(e, NULL);
		if (!rc)
			rc = begin(e);
	}
	if (e->w->doc->end && e->w->doc->end(e))
		rc = -1;
	json_decref(d->rows);
	free(d);
	e->state = NULL;
	return rc;
}
