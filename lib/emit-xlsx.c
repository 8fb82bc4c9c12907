/* SPDX-License-Identifier: Apache-2.0 */
/* emit-xlsx.c: the spreadsheet writer, through libxlsxwriter: a worksheet a section, each
 * under a title row saying what the report is of, its header bold and frozen, its numbers
 * numbers (with their decimals), its columns wide enough for CJK names, and a native chart
 * where the section has one. libxlsxwriter writes to a file by name, so the workbook is made
 * in a temporary file and copied to the output when it is closed. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "emit-writer.h"
#include "text.h"

#define SHEET_NAME 31 /* characters: Excel's limit on a sheet's name */
#define HEADER_ROW 2  /* the title above it, then the banner or a blank row */
#define MAX_WIDTH 60  /* a column no wider than this many characters */

struct xlsx {
	lxw_workbook *wb;
	char path[4096];   /* the temporary file the workbook is made in */
	json_t *names;	   /* the sheets' names taken, folded to lower case as Excel compares them */
	lxw_format *title; /* bold and larger */
	lxw_format *banner;
	lxw_format *header;
	lxw_format *number[3]; /* 0, 0.0, 0.00 */
	int sheets;
};

/* The temporary file and the workbook in it, with the formats every sheet uses. */
static int xlsx_begin(struct gg_emit *e)
{
	struct xlsx *x = calloc(1, sizeof *x);
	const char *dir = getenv("TMPDIR");
	int fd;

	if (!x)
		return -1;
	gg_doc_set_own(e, x);
	snprintf(x->path, sizeof x->path, "%s/gg-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	if ((fd = mkstemp(x->path)) < 0) {
		x->path[0] = '\0';
		return -1;
	}
	close(fd);
	if (!(x->wb = workbook_new(x->path)) || !(x->names = json_object()))
		return -1;
	x->title = workbook_add_format(x->wb);
	format_set_bold(x->title);
	format_set_font_size(x->title, 14);
	x->banner = workbook_add_format(x->wb);
	format_set_bold(x->banner);
	format_set_bg_color(x->banner, 0xFFF3CD);
	format_set_font_color(x->banner, 0x7A5A00);
	x->header = workbook_add_format(x->wb);
	format_set_bold(x->header);
	format_set_bottom(x->header, LXW_BORDER_THIN);
	format_set_bg_color(x->header, 0xF2F2F2);
	for (int i = 0; i < 3; i++) {
		x->number[i] = workbook_add_format(x->wb);
		format_set_num_format(x->number[i], i == 0 ? "0" : i == 1 ? "0.0" : "0.00");
	}
	return 0;
}

/* A name Excel takes for a sheet: none of []:*?/\, at most 31 characters, and unlike every
 * other sheet's (Excel ignores case): a name taken gets " (2)", " (3)", ... */
static void sheet_name(struct xlsx *x, const char *want, char *out, size_t size)
{
	char base[SHEET_NAME * 4 + 1], low[sizeof base + 16];
	size_t n = 0;
	int chars = 0;

	for (const char *p = want; *p && chars < SHEET_NAME && n + 4 < sizeof base; chars++) {
		int len = 1;
		while ((p[len] & 0xc0) == 0x80)
			len++;
		if (len == 1 && (strchr("[]:*?/\\'", *p) || (unsigned char)*p < 0x20))
			base[n++] = '_';
		else
			memcpy(base + n, p, (size_t)len), n += (size_t)len;
		p += len;
	}
	while (n > 0 && base[n - 1] == ' ') /* a name cut before a space keeps none at its end */
		n--;
	base[n] = '\0';
	if (!n)
		snprintf(base, sizeof base, "Sheet");
	for (int k = 1;; k++) {
		if (k == 1)
			snprintf(out, size, "%s", base);
		else { /* room for the suffix within 31 characters */
			char suffix[16];
			int keep = SHEET_NAME - snprintf(suffix, sizeof suffix, " (%d)", k);
			size_t m = 0;
			for (int c = 0; base[m] && c < keep; c++)
				for (m++; (base[m] & 0xc0) == 0x80; m++)
					;
			snprintf(out, size, "%.*s%s", (int)m, base, suffix);
		}
		snprintf(low, sizeof low, "%s", out);
		for (char *p = low; *p; p++)
			*p = (char)((unsigned char)*p < 0x80 ? tolower((unsigned char)*p) : *p);
		if (!json_object_get(x->names, low)) {
			json_object_set_new(x->names, low, json_true());
			return;
		}
	}
}

/* Text into a cell: past the most characters a cell holds (32,767) cut there and marked
 * with an ellipsis, said on stderr, never left out as libxlsxwriter would. */
static void put_text(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *fmt)
{
	enum { MOST = 32767 };
	size_t chars = 0, at = 0;
	char *cut;

	for (const char *p = s; *p; p++)
		if ((*p & 0xc0) != 0x80 && ++chars == MOST)
			at = (size_t)(p - s); /* where the last character that fits begins */
	if (chars <= MOST) {
		worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, fmt);
		return;
	}
	if (!(cut = malloc(at + 4)))
		return;
	memcpy(cut, s, at);
	strcpy(cut + at, "…");
	fprintf(stderr, "gg-report: xlsx: a cell of %zu characters cut to %d, the most a cell holds\n", chars, MOST);
	worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, cut, fmt);
	free(cut);
}

/* The title row: the report and what it is of, its period and other head fields; then the
 * banner of a provisional report in the row below. */
static void title_rows(struct gg_emit *e, struct xlsx *x, lxw_worksheet *ws, const char *heading)
{
	char *line = NULL, *s;
	size_t len;
	FILE *f = open_memstream(&line, &len);
	json_t *title = e->head ? json_object_get(e->head, "title") : NULL, *name, *v;
	const char *k;

	if (!f)
		return;
	fputs(gg_doc_label(e, json_is_string(title) ? json_string_value(title) : e->head ? "report" : "records"), f);
	if (e->head && json_is_string(name = json_object_get(e->head, "name")))
		fprintf(f, " — %s", json_string_value(name));
	if (!e->head && heading)
		fprintf(f, " — %s", heading);
	json_object_foreach (e->head, k, v) {
		if (!strcmp(k, "title") || !strcmp(k, "name") || !strcmp(k, "provisional") || json_is_null(v))
			continue;
		s = gg_doc_text(e, NULL, v);
		fprintf(f, "  ·  %s %s", gg_doc_label(e, k), s ? s : "");
		free(s);
	}
	fclose(f);
	put_text(ws, 0, 0, line ? line : "", x->title);
	free(line);
	if (e->head && json_is_true(json_object_get(e->head, "provisional")))
		worksheet_write_string(ws, 1, 0, gg_doc_label(e, "provisional"), x->banner);
}

/* A worksheet for a table (NULL heading: a list's, or the head's alone), under its title. */
static lxw_worksheet *add_sheet(struct gg_emit *e, struct xlsx *x, const char *heading)
{
	char name[SHEET_NAME * 4 + 16];
	lxw_worksheet *ws;

	sheet_name(x, heading ? heading : gg_doc_label(e, "records"), name, sizeof name);
	if (!(ws = workbook_add_worksheet(x->wb, name)))
		return NULL;
	x->sheets++;
	title_rows(e, x, ws, heading);
	return ws;
}

/* A cell: a number as a number in its column's format, anything else as text. */
static void cell(struct gg_emit *e, struct xlsx *x, lxw_worksheet *ws, int row, int c, const struct gg_doc_col *col,
		 json_t *v, int *width)
{
	char *s;
	int w;

	if (!v || json_is_null(v))
		return;
	s = gg_doc_text(e, col, v);
	w = s ? gg_text_width(s) : 0;
	if (w > *width)
		*width = w;
	if (json_is_number(v))
		worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)c, json_number_value(v),
				       x->number[col->percent	     ? 1
						 : col->decimals > 2 ? 2
								     : col->decimals]);
	else
		put_text(ws, row, c, s ? s : "", NULL);
	free(s);
}

/* The column of the table that holds key, or -1. */
static int column(const struct gg_doc_table *t, const char *key)
{
	for (size_t i = 0; key && i < t->ncols; i++)
		if (!strcmp(t->cols[i].key, key))
			return (int)i;
	return -1;
}

/* A native chart of the section right of its table: horizontal bars of the first value
 * column for a ranking, a line a value column for a trend, stacked columns for shares. */
static void chart(struct xlsx *x, lxw_worksheet *ws, const char *sheet, const struct gg_doc_table *t)
{
	static const uint8_t types[] = {[GG_CHART_BARS] = LXW_CHART_BAR,
					[GG_CHART_LINE] = LXW_CHART_LINE,
					[GG_CHART_STACK] = LXW_CHART_COLUMN_STACKED};
	int kind = (int)json_integer_value(json_object_get(t->chart, "kind"));
	int label = column(t, json_string_value(json_object_get(t->chart, "label")));
	int first = HEADER_ROW + 1, last = HEADER_ROW + (int)json_array_size(t->rows), series = 0;
	json_t *values = json_object_get(t->chart, "values"), *k;
	lxw_chart *ch;
	size_t j;

	if (!t->chart || label < 0 || last < first || !(ch = workbook_add_chart(x->wb, types[kind])))
		return;
	json_array_foreach (values, j, k) {
		int c = column(t, json_string_value(k));
		lxw_chart_series *s;
		if (c < 0 || (kind == GG_CHART_BARS && series > 0))
			continue;
		if (!(s = chart_add_series(ch, NULL, NULL)))
			continue;
		chart_series_set_categories(s, sheet, (lxw_row_t)first, (lxw_col_t)label, (lxw_row_t)last,
					    (lxw_col_t)label);
		chart_series_set_values(s, sheet, (lxw_row_t)first, (lxw_col_t)c, (lxw_row_t)last, (lxw_col_t)c);
		chart_series_set_name_range(s, sheet, HEADER_ROW, (lxw_col_t)c);
		series++;
	}
	if (t->heading)
		chart_title_set_name(ch, t->heading);
	if (kind == GG_CHART_BARS) {
		chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
		chart_axis_set_reverse(ch->y_axis); /* the first of the ranking on top */
	}
	lxw_chart_options opt = {.x_scale = 1.5, .y_scale = last - first > 14 ? (last - first + 1) / 15.0 : 1};
	worksheet_insert_chart_opt(ws, HEADER_ROW, (lxw_col_t)(t->ncols + 1), ch, &opt);
}

/* A section as a worksheet: the title, the header frozen, the rows, the widths, the chart. */
static int xlsx_table(struct gg_emit *e, const struct gg_doc_table *t)
{
	struct xlsx *x = gg_doc_own(e);
	lxw_worksheet *ws;
	int *width;
	size_t r, i;
	json_t *rec;

	if (!x || !x->wb || !(ws = add_sheet(e, x, t->heading)))
		return -1;
	if (!(width = calloc(t->ncols + 1, sizeof *width)))
		return -1;
	for (i = 0; i < t->ncols; i++) {
		worksheet_write_string(ws, HEADER_ROW, (lxw_col_t)i, t->cols[i].label, x->header);
		width[i] = gg_text_width(t->cols[i].label);
	}
	json_array_foreach (t->rows, r, rec)
		for (i = 0; i < t->ncols; i++)
			cell(e, x, ws, HEADER_ROW + 1 + (int)r, (int)i, &t->cols[i],
			     json_object_get(rec, t->cols[i].key), &width[i]);
	for (i = 0; i < t->ncols; i++)
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
				     width[i] + 2 > MAX_WIDTH ? MAX_WIDTH : width[i] + 2, NULL);
	free(width);
	worksheet_freeze_panes(ws, HEADER_ROW + 1, 0);
	chart(x, ws, ws->name, t);
	return 0;
}

/* Closes the workbook (a sheet of the title alone when there was no table) and copies the
 * file to the output; the temporary file goes either way. */
static int xlsx_end(struct gg_emit *e)
{
	struct xlsx *x = gg_doc_own(e);
	char buf[65536];
	size_t n;
	FILE *f;
	int rc = e->failed ? -1 : 0;

	if (!x)
		return -1;
	if (x->wb && !rc && !x->sheets && !add_sheet(e, x, NULL))
		rc = -1;
	if (x->wb && workbook_close(x->wb) != LXW_NO_ERROR)
		rc = -1;
	if (!rc && x->path[0] && (f = fopen(x->path, "rb"))) {
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			if (fwrite(buf, 1, n, e->out) != n)
				rc = -1;
		if (ferror(f))
			rc = -1;
		fclose(f);
	} else if (!rc) {
		rc = -1;
	}
	if (x->path[0])
		unlink(x->path);
	json_decref(x->names);
	free(x);
	gg_doc_set_own(e, NULL);
	return rc;
}

static const struct gg_doc_ops xlsx_doc = {.begin = xlsx_begin, .table = xlsx_table, .end = xlsx_end};

const struct gg_writer gg_writer_xlsx = {.name = "xlsx",
					 .open = gg_doc_open,
					 .record = gg_doc_record,
					 .section = gg_doc_section,
					 .close = gg_doc_close,
					 .doc = &xlsx_doc};
