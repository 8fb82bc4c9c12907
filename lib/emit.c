/* emit.c: the writers behind gg_emit. YAML goes through libyaml's emitter, with every
 * string a YAML 1.1 or 1.2 reader would retype (no, on, 0123, 1e3, null, ~, "") quoted;
 * JSON through jansson; tsv, csv and table are written here, the table aligned by display
 * width from the first rows it sees, so a long list still streams. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "emit.h"
#include "text.h"

#define TABLE_SAMPLE 1000

static const char *const fmt_names[] = {"yaml", "json", "ndjson", "tsv", "csv", "table"};

struct gg_emit {
	FILE *out;
	enum gg_fmt fmt;
	int list, n, failed;
	json_t *cols; /* array of column names for tsv, csv, table */
	yaml_emitter_t ye;
	int ye_init;
	json_t *rows; /* table rows held back to measure widths */
	int *widths;
	int flushed;
};

int gg_fmt_parse(const char *s, enum gg_fmt *f)
{
	for (size_t i = 0; i < sizeof fmt_names / sizeof *fmt_names; i++)
		if (strcmp(s, fmt_names[i]) == 0) {
			*f = (enum gg_fmt)i;
			return 0;
		}
	return -1;
}

const char *gg_fmt_name(enum gg_fmt f)
{
	return f < GG_FMT_DEFAULT ? fmt_names[f] : "default";
}

/* ---- YAML ---- */

int gg_yaml_needs_quotes(const char *s)
{
	static const char *const words[] = {"null", "~",    "true",  "false", "yes",  "no", "on", "off", "y",
					    "n",    ".inf", "-.inf", "+.inf", ".nan", "<<", "=",  NULL};
	if (!*s)
		return 1;
	for (int i = 0; words[i]; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	if ((s[0] >= '0' && s[0] <= '9') ||
	    ((s[0] == '-' || s[0] == '+' || s[0] == '.') && ((s[1] >= '0' && s[1] <= '9') || s[1] == '.')))
		return 1;
	return 0;
}

static int yaml_write(void *data, unsigned char *buf, size_t n)
{
	struct gg_emit *e = data;
	return fwrite(buf, 1, n, e->out) == n;
}

static int yemit(struct gg_emit *e, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(&e->ye, ev))
		e->failed = 1;
	return e->failed ? -1 : 0;
}

static int yscalar(struct gg_emit *e, const char *s, int quoted)
{
	yaml_event_t ev;
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
				     quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
	return yemit(e, &ev);
}

static int yvalue(struct gg_emit *e, json_t *v)
{
	yaml_event_t ev;
	char buf[64];
	const char *k;
	json_t *x;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
		if (yemit(e, &ev))
			return -1;
		json_object_foreach (v, k, x) {
			if (yscalar(e, k, gg_yaml_needs_quotes(k)) || yvalue(e, x))
				return -1;
		}
		yaml_mapping_end_event_initialize(&ev);
		return yemit(e, &ev);
	case JSON_ARRAY:
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
		if (yemit(e, &ev))
			return -1;
		json_array_foreach (v, i, x) {
			if (yvalue(e, x))
				return -1;
		}
		yaml_sequence_end_event_initialize(&ev);
		return yemit(e, &ev);
	case JSON_STRING:
		return yscalar(e, json_string_value(v), gg_yaml_needs_quotes(json_string_value(v)));
	case JSON_INTEGER:
		snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return yscalar(e, buf, 0);
	case JSON_REAL:
		snprintf(buf, sizeof buf, "%.15g", json_real_value(v));
		if (!strpbrk(buf, ".eE"))
			strcat(buf, ".0");
		return yscalar(e, buf, 0);
	case JSON_TRUE:
		return yscalar(e, "true", 0);
	case JSON_FALSE:
		return yscalar(e, "false", 0);
	default:
		return yscalar(e, "null", 0);
	}
}

static int yaml_open(struct gg_emit *e)
{
	yaml_event_t ev;

	yaml_emitter_initialize(&e->ye);
	e->ye_init = 1;
	yaml_emitter_set_output(&e->ye, yaml_write, e);
	yaml_emitter_set_unicode(&e->ye, 1);
	yaml_emitter_set_width(&e->ye, -1);
	yaml_emitter_set_indent(&e->ye, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	if (yemit(e, &ev))
		return -1;
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	if (yemit(e, &ev))
		return -1;
	if (e->list) {
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
		return yemit(e, &ev);
	}
	return 0;
}

static int yaml_close(struct gg_emit *e)
{
	yaml_event_t ev;

	if (e->list) {
		yaml_sequence_end_event_initialize(&ev);
		yemit(e, &ev);
	} else if (e->n == 0) { /* nothing to show: no document at all */
		yaml_emitter_delete(&e->ye);
		e->ye_init = 0;
		return e->failed ? -1 : 0;
	}
	yaml_document_end_event_initialize(&ev, 1);
	yemit(e, &ev);
	yaml_stream_end_event_initialize(&ev);
	yemit(e, &ev);
	yaml_emitter_flush(&e->ye);
	yaml_emitter_delete(&e->ye);
	e->ye_init = 0;
	return e->failed ? -1 : 0;
}

/* ---- cells for tsv, csv and table ---- */

/* A value as one cell: lists of plain values joined by ", ", anything deeper as JSON. */
char *gg_cell(json_t *v)
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
		{
			size_t len = 1;
			char **parts = calloc(json_array_size(v) + 1, sizeof *parts), *s;
			json_array_foreach (v, i, x) {
				parts[i] = gg_cell(x);
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
	default:
		return json_dumps(v, JSON_COMPACT);
	}
}

static void put_tsv(FILE *f, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '\t':
			fputs("\\t", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		default:
			putc(*s, f);
		}
}

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

static void set_cols(struct gg_emit *e, json_t *rec)
{
	const char *k;
	json_t *x;

	if (e->cols)
		return;
	e->cols = json_array();
	json_object_foreach (rec, k, x) {
		(void)x;
		json_array_append_new(e->cols, json_string(k));
	}
}

static void sep_row(struct gg_emit *e, json_t *rec, int header)
{
	size_t i;
	json_t *c;

	json_array_foreach (e->cols, i, c) {
		const char *name = json_string_value(c);
		char *s = header ? strdup(name) : gg_cell(json_object_get(rec, name));
		if (i)
			putc(e->fmt == GG_FMT_TSV ? '\t' : ',', e->out);
		if (e->fmt == GG_FMT_TSV)
			put_tsv(e->out, s);
		else
			put_csv(e->out, s);
		free(s);
	}
	putc('\n', e->out);
}

/* A table cell is one line: control characters become spaces. */
static char *table_cell(json_t *v)
{
	char *s = gg_cell(v);
	for (char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	return s;
}

/* One row, padded to the widths; padding that only trails empty cells is dropped. */
static void table_line(struct gg_emit *e, json_t *rec, int header)
{
	size_t i, len, last = json_array_size(e->cols) - 1;
	json_t *c;
	char *line = NULL;
	FILE *f = open_memstream(&line, &len);

	json_array_foreach (e->cols, i, c) {
		const char *name = json_string_value(c);
		char *s = header ? strdup(name) : table_cell(json_object_get(rec, name));
		fputs(s, f);
		if (i < last)
			for (int pad = e->widths[i] - gg_text_width(s) + 2; pad > 0; pad--)
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

static void table_flush(struct gg_emit *e)
{
	size_t i, n;
	json_t *rec, *c;

	if (e->flushed || !e->cols)
		return;
	n = json_array_size(e->cols);
	e->widths = calloc(n, sizeof *e->widths);
	json_array_foreach (e->cols, i, c)
		e->widths[i] = gg_text_width(json_string_value(c));
	size_t r;
	json_array_foreach (e->rows, r, rec) {
		json_array_foreach (e->cols, i, c) {
			char *s = table_cell(json_object_get(rec, json_string_value(c)));
			int w = gg_text_width(s);
			if (w > e->widths[i])
				e->widths[i] = w;
			free(s);
		}
	}
	table_line(e, NULL, 1);
	json_array_foreach (e->rows, r, rec)
		table_line(e, rec, 0);
	json_array_clear(e->rows);
	e->flushed = 1;
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

/* ---- the interface ---- */

struct gg_emit *gg_emit_open(FILE *out, enum gg_fmt fmt, int list, const char *const *cols)
{
	struct gg_emit *e = calloc(1, sizeof *e);

	if (!e)
		return NULL;
	e->out = out;
	e->fmt = fmt == GG_FMT_DEFAULT ? (list ? GG_FMT_TABLE : GG_FMT_YAML) : fmt;
	e->list = list;
	if (cols) {
		e->cols = json_array();
		for (; *cols; cols++)
			json_array_append_new(e->cols, json_string(*cols));
	}
	if (e->fmt == GG_FMT_YAML && yaml_open(e))
		e->failed = 1;
	if (e->fmt == GG_FMT_JSON && list)
		fputs("[", out);
	if (e->fmt == GG_FMT_TABLE)
		e->rows = json_array();
	return e;
}

int gg_emit(struct gg_emit *e, json_t *rec)
{
	int first = e->n++ == 0;

	switch (e->fmt) {
	case GG_FMT_YAML:
		return yvalue(e, rec);
	case GG_FMT_JSON:
		if (e->list) {
			fputs(first ? "\n  " : ",\n  ", e->out);
			json_dumpf(rec, e->out, JSON_COMPACT | JSON_REAL_PRECISION(15));
		} else {
			json_dumpf(rec, e->out, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
			putc('\n', e->out);
		}
		break;
	case GG_FMT_NDJSON:
		json_dumpf(rec, e->out, JSON_COMPACT | JSON_REAL_PRECISION(15));
		putc('\n', e->out);
		break;
	case GG_FMT_TSV:
	case GG_FMT_CSV:
		set_cols(e, rec);
		if (first)
			sep_row(e, NULL, 1);
		sep_row(e, rec, 0);
		break;
	case GG_FMT_TABLE:
		if (!e->list) {
			table_vertical(e, rec);
			break;
		}
		set_cols(e, rec);
		if (e->flushed)
			table_line(e, rec, 0);
		else {
			json_array_append(e->rows, rec);
			if (json_array_size(e->rows) >= TABLE_SAMPLE)
				table_flush(e);
		}
		break;
	default:
		break;
	}
	return ferror(e->out) ? -1 : 0;
}

/* Finishes the output; -1 when anything failed to be written. */
int gg_emit_close(struct gg_emit *e)
{
	int rc = 0;

	if (!e)
		return 0;
	if (e->fmt == GG_FMT_YAML)
		rc = yaml_close(e);
	else if (e->fmt == GG_FMT_JSON && e->list)
		fputs(e->n ? "\n]\n" : "]\n", e->out);
	else if (e->fmt == GG_FMT_TABLE)
		table_flush(e);
	if (e->failed || ferror(e->out))
		rc = -1;
	json_decref(e->cols);
	json_decref(e->rows);
	free(e->widths);
	free(e);
	return rc;
}
