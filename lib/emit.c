/* SPDX-License-Identifier: Apache-2.0 */
/* emit.c: the interface behind gg_emit and what every format shares. Each call goes to the
 * writer of the emitter's format (lib/emit-*.c); the columns of tsv, csv and table, and a
 * value as one cell, are the same whichever format lays them out. */
#include <stdlib.h>
#include <string.h>

#include "emit-writer.h"

/* indexed by enum gg_fmt: gg_emit_fmt_parse and gg_emit_fmt_name read the names from here */
static const struct gg_writer *const writers[GG_FMT_DEFAULT] = {
	[GG_FMT_YAML] = &gg_writer_yaml, [GG_FMT_JSON] = &gg_writer_json, [GG_FMT_NDJSON] = &gg_writer_ndjson,
	[GG_FMT_TSV] = &gg_writer_tsv,	 [GG_FMT_CSV] = &gg_writer_csv,	  [GG_FMT_TABLE] = &gg_writer_table,
	[GG_FMT_MD] = &gg_writer_md,	 [GG_FMT_HTML] = &gg_writer_html, [GG_FMT_XLSX] = &gg_writer_xlsx,
};

/* a format no writer has: the emitter takes records and writes nothing */
static const struct gg_writer no_writer = {.name = "none"};

int gg_emit_fmt_parse(const char *s, enum gg_fmt *f)
{
	for (size_t i = 0; i < GG_FMT_DEFAULT; i++)
		if (strcmp(s, writers[i]->name) == 0) {
			*f = (enum gg_fmt)i;
			return 0;
		}
	return -1;
}

const char *gg_emit_fmt_name(enum gg_fmt f)
{
	return f < GG_FMT_DEFAULT ? writers[f]->name : "default";
}

/* ---- columns and cells ---- */

static json_t *declared(const char *const *cols)
{
	json_t *a;

	if (!cols)
		return NULL;
	a = json_array();
	for (; *cols; cols++)
		json_array_append_new(a, json_string(*cols));
	return a;
}

/* The columns: those declared, else the fields of the first record the writer was given. */
json_t *gg_emit_columns(struct gg_emit *e, json_t *rec)
{
	const char *k;
	json_t *x;

	if (e->cols)
		return e->cols;
	e->cols = json_array();
	json_object_foreach (rec, k, x) {
		(void)x;
		json_array_append_new(e->cols, json_string(k));
	}
	return e->cols;
}

static char *joined(json_t *v)
{
	size_t i, len = 1;
	json_t *x;
	char **parts = calloc(json_array_size(v) + 1, sizeof *parts), *s;

	json_array_foreach (v, i, x) {
		parts[i] = gg_emit_cell(x);
		len += strlen(parts[i]) + 2;
	}
	s = malloc(len);
	s[0] = '\0';
	for (i = 0; parts[i]; i++) {
		if (i)
			strcat(s, ", ");
		strcat(s, parts[i]);
		free(parts[i]);
	}
	free(parts);
	return s;
}

/* A value as one cell: lists of plain values joined by ", ", anything deeper as JSON. */
char *gg_emit_cell(json_t *v)
{
	char buf[64];
	size_t i;
	json_t *x;

	if (!v)
		return strdup("");
	switch (json_typeof(v)) {
	case JSON_STRING:
		return strdup(json_string_value(v));
	case JSON_INTEGER:
		snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return strdup(buf);
	case JSON_REAL:
		snprintf(buf, sizeof buf, "%.15g", json_real_value(v));
		return strdup(buf);
	case JSON_TRUE:
		return strdup("true");
	case JSON_FALSE:
		return strdup("false");
	case JSON_NULL:
		return strdup("");
	case JSON_ARRAY:
		json_array_foreach (v, i, x) {
			if (json_is_object(x) || json_is_array(x))
				return json_dumps(v, JSON_COMPACT);
		}
		return joined(v);
	default:
		return json_dumps(v, JSON_COMPACT);
	}
}

/* ---- the interface ---- */

struct gg_emit *gg_emit_open(FILE *out, enum gg_fmt fmt, int list, const char *const *cols)
{
	struct gg_emit *e = calloc(1, sizeof *e);

	if (!e)
		return NULL;
	if (fmt == GG_FMT_DEFAULT)
		fmt = list ? GG_FMT_TABLE : GG_FMT_YAML;
	e->out = out;
	e->w = fmt < GG_FMT_DEFAULT ? writers[fmt] : &no_writer;
	e->list = list;
	e->cols = declared(cols);
	if (e->w->open && e->w->open(e))
		e->failed = 1;
	return e;
}

/* Records before the first section are refused a section after them: they would have no
 * name to stand under in a mapping of sections. */
int gg_emit_section(struct gg_emit *e, const char *name, const char *const *cols)
{
	char *copy = NULL;
	int rc = 0;

	if (!e->names)
		e->names = json_object();
	if (!name || (e->n && !e->sections) || json_object_get(e->names, name) ||
	    json_object_set_new(e->names, name, json_null()) || !(copy = strdup(name))) {
		e->failed = 1;
		return -1;
	}
	if (e->w->section)
		rc = e->w->section(e, name);
	free(e->section);
	e->section = copy;
	json_decref(e->cols);
	e->cols = declared(cols);
	json_decref(e->chart);
	e->chart = NULL;
	e->sections++;
	e->n = 0;
	return rc;
}

/* After a head, a record belongs in a section: the head has taken the document's mapping. */
int gg_emit(struct gg_emit *e, json_t *rec)
{
	int rc;

	if (e->head && !e->sections) {
		e->failed = 1;
		return -1;
	}
	rc = e->w->record ? e->w->record(e, rec) : ferror(e->out) ? -1 : 0;
	e->n++;
	return rc;
}

/* The head is the document's first thing: once, before any section or record, and a
 * mapping, since its fields are what a title is made of. */
int gg_emit_head(struct gg_emit *e, json_t *head)
{
	if (!e->names)
		e->names = json_object();
	if (e->head || e->sections || e->n || !json_is_object(head) ||
	    json_object_set_new(e->names, "report", json_null())) {
		e->failed = 1;
		return -1;
	}
	e->head = json_incref(head); /* "report" is taken: no section can be named so after it */
	return e->w->head ? e->w->head(e) : ferror(e->out) ? -1 : 0;
}

/* The chart is copied, so the caller's may be on its stack: {kind, label, values}. One a
 * section, after the section began, with a label and at least one value column. */
int gg_emit_chart(struct gg_emit *e, const struct gg_chart *chart)
{
	json_t *values;

	if (!chart || !e->sections || e->chart || !chart->label || !chart->values || !chart->values[0] ||
	    chart->kind < GG_CHART_BARS || chart->kind > GG_CHART_STACK) {
		e->failed = 1;
		return -1;
	}
	values = declared(chart->values);
	e->chart = json_pack("{s:i, s:s, s:o}", "kind", (int)chart->kind, "label", chart->label, "values", values);
	if (!e->chart) {
		e->failed = 1;
		return -1;
	}
	return e->w->chart ? e->w->chart(e) : 0;
}

/* The language is only read by the document writers, at their first label. */
void gg_emit_lang(struct gg_emit *e, const char *lang)
{
	e->lang = lang;
}

/* Finishes the output; -1 when anything failed to be written. */
int gg_emit_close(struct gg_emit *e)
{
	int rc = 0;

	if (!e)
		return 0;
	if (e->w->close)
		rc = e->w->close(e);
	if (e->failed || ferror(e->out))
		rc = -1;
	json_decref(e->cols);
	json_decref(e->names);
	json_decref(e->head);
	json_decref(e->chart);
	free(e->section);
	free(e);
	return rc;
}

/* Closes the emitter of a command that failed: before its first record, without writing
 * what closing would (a table's header, an empty list), so a failed command that streams its
 * output prints nothing; after it, as gg_emit_close (what was streamed cannot be taken back). */
void gg_emit_abandon(struct gg_emit *e)
{
	FILE *null = e && !e->n && !e->sections && !e->head ? fopen("/dev/null", "w") : NULL;

	if (null)
		e->out = null;
	gg_emit_close(e);
	if (null)
		fclose(null);
}

/* Text made safe to show: no control character reaches a terminal or splits a tsv row.
 * Control characters (C0, DEL and the C1 range U+0080..U+009F, which terminals also obey)
 * become \xHH or \u00HH; tsv writes tab, newline, return and backslash as \t \n \r \\,
 * a table turns tab, newline and return into spaces, keeping the row on one line. */
char *gg_emit_visible(const char *s, int tsv)
{
	size_t n = 0;
	char *out = malloc(strlen(s) * 6 + 1);

	for (const unsigned char *p = (const unsigned char *)s; out && *p; p++) {
		const char *esc = NULL;
		if (*p == '\t' || *p == '\n' || *p == '\r' || *p == '\\')
			esc = !tsv	   ? (*p == '\\' ? NULL : " ")
			      : *p == '\t' ? "\\t"
			      : *p == '\n' ? "\\n"
			      : *p == '\r' ? "\\r"
					   : "\\\\";
		if (esc) {
			n += (size_t)sprintf(out + n, "%s", esc);
		} else if (*p < 0x20 || *p == 0x7f) {
			n += (size_t)sprintf(out + n, "\\x%02x", *p);
		} else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			n += (size_t)sprintf(out + n, "\\u%04x", p[1]);
			p++;
		} else {
			out[n++] = (char)*p;
		}
	}
	if (out)
		out[n] = '\0';
	return out;
}
