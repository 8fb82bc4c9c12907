/* SPDX-License-Identifier: Apache-2.0 */
/* emit-html.c: the HTML writer, one self-contained page to open or print: the style inline,
 * charts drawn here as inline SVG, nothing fetched from anywhere (no fonts, scripts or
 * images), so a report mailed or archived looks the same offline in ten years. Printed, it
 * fits A4 with each section on a page of its own. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "emit-writer.h"
#include "text.h"

#define SVG_W 640     /* a chart's width, in CSS pixels: A4's text width at 96 dpi */
#define LABEL_W 170   /* the column of names left of the bars */
#define ROW_H 22      /* a bar's row */
#define LABEL_COLS 22 /* a name longer than this many columns is cut with … */
#define PALETTE 6     /* the series colours .s0 .. .s5, then again */

static const char style[] =
	"@page { size: A4; margin: 15mm 12mm; }\n"
	"body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\",\n"
	"  \"WenQuanYi Micro Hei\", sans-serif; color: #222; margin: 2em auto; max-width: 60em; padding: 0 1em; }\n"
	"h1 { font-size: 1.5em; margin: 0 0 .3em; }\n"
	"h2 { font-size: 1.2em; margin: 1.5em 0 .5em; border-bottom: 2px solid #b22; padding-bottom: .2em; }\n"
	".meta span { margin-right: 1.5em; white-space: nowrap; }\n"
	".banner { background: #fff3cd; border: 1px solid #e0b000; padding: .6em 1em; font-weight: bold; }\n"
	"table { border-collapse: collapse; font-size: .9em; margin: .5em 0; }\n"
	"th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; }\n"
	"th { background: #f2f2f2; }\n"
	"td.num { text-align: right; font-variant-numeric: tabular-nums; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; }\n"
	".none { color: #777; font-style: italic; }\n"
	"svg { display: block; max-width: 100%; height: auto; margin: .5em 0; font-size: 12px; }\n"
	"svg text { fill: #333; }\n"
	"svg .axis { stroke: #999; stroke-width: 1; }\n"
	"svg .bar { fill: #c0392b; }\n"
	"svg .s0 { fill: #c0392b; stroke: #c0392b; } svg .s1 { fill: #2e86c1; stroke: #2e86c1; }\n"
	"svg .s2 { fill: #f39c12; stroke: #f39c12; } svg .s3 { fill: #27ae60; stroke: #27ae60; }\n"
	"svg .s4 { fill: #8e44ad; stroke: #8e44ad; } svg .s5 { fill: #7f8c8d; stroke: #7f8c8d; }\n"
	"svg .line { fill: none; stroke-width: 2; } svg .seg, svg .key { stroke: none; }\n"
	"@media print {\n"
	"  body { margin: 0; max-width: none; padding: 0; }\n"
	"  section + section { break-before: page; }\n"
	"  .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	"}\n";

/* Text as HTML: the five characters that could end an element or an attribute escaped. */
static void put_html(FILE *f, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		default:
			putc(*s, f);
		}
}

/* A value as escaped text, with the decimals of its column (NULL: as it is). */
static void put_value(struct gg_emit *e, const struct gg_doc_col *col, json_t *v)
{
	char *s = gg_doc_text(e, col, v);

	put_html(e->out, s ? s : "");
	free(s);
}

/* The page's title: the report's kind (a head's title, else "report": the monthly report)
 * and what it is of; "records" with no head. */
static void put_title(struct gg_emit *e)
{
	json_t *title = e->head ? json_object_get(e->head, "title") : NULL;
	json_t *name = e->head ? json_object_get(e->head, "name") : NULL;

	put_html(e->out, gg_doc_label(e, json_is_string(title) ? json_string_value(title)
					 : e->head	       ? "report"
							       : "records"));
	if (json_is_string(name)) {
		fputs(" — ", e->out);
		put_html(e->out, json_string_value(name));
	}
}

/* The head of the page, its style, and the header: the title, a line of the head's other
 * fields, and the banner of a provisional report. */
static int html_begin(struct gg_emit *e)
{
	const char *lang = gg_doc_lang(e), *k;
	json_t *v;

	fputs("<!DOCTYPE html>\n<html lang=\"", e->out);
	fputs(!strcmp(lang, "en") ? "en" : "zh-CN", e->out);
	fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	      e->out);
	put_title(e);
	fprintf(e->out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
	if (!e->head)
		return ferror(e->out) ? -1 : 0;
	fputs("<header>\n<h1>", e->out);
	put_title(e);
	fputs("</h1>\n<p class=\"meta\">", e->out);
	json_object_foreach (e->head, k, v) {
		if (!strcmp(k, "title") || !strcmp(k, "name") || !strcmp(k, "provisional") || json_is_null(v))
			continue;
		fputs("<span><b>", e->out);
		put_html(e->out, gg_doc_label(e, k));
		fputs("</b> ", e->out);
		put_value(e, NULL, v);
		fputs("</span>", e->out);
	}
	fputs("</p>\n", e->out);
	if (json_is_true(json_object_get(e->head, "provisional"))) {
		fputs("<p class=\"banner\" role=\"note\">", e->out);
		put_html(e->out, gg_doc_label(e, "provisional"));
		fputs("</p>\n", e->out);
	}
	fputs("</header>\n", e->out);
	return ferror(e->out) ? -1 : 0;
}

/* ---- charts ---- */

/* The description of a column of the table, or NULL when the table has no such column. */
static const struct gg_doc_col *column(const struct gg_doc_table *t, const char *key)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (!strcmp(t->cols[i].key, key))
			return &t->cols[i];
	return NULL;
}

/* A record's name on a chart, cut to LABEL_COLS columns so that it fits left of the bars. */
static void put_name(struct gg_emit *e, json_t *rec, const char *label)
{
	char *s = gg_doc_text(e, NULL, json_object_get(rec, label)), *p;
	int cut = 0;

	if (!s)
		return;
	while (gg_text_width(s) > LABEL_COLS) {
		p = s + strlen(s);
		do /* the last character, whole */
			p--;
		while (p > s && (*p & 0xc0) == 0x80);
		*p = '\0';
		cut = 1;
	}
	put_html(e->out, s);
	if (cut)
		fputs("…", e->out);
	free(s);
}

/* The least and the greatest of the values drawn, zero always in between. */
static void range(const struct gg_doc_table *t, json_t *values, int stacked, double *lo, double *hi)
{
	size_t r, j;
	json_t *rec, *k;

	*lo = *hi = 0;
	json_array_foreach (t->rows, r, rec) {
		double sum = 0;
		json_array_foreach (values, j, k) {
			double v = json_number_value(json_object_get(rec, json_string_value(k)));
			sum += stacked ? (v > 0 ? v : 0) : 0;
			if (!stacked && v < *lo)
				*lo = v;
			if (!stacked && v > *hi)
				*hi = v;
		}
		if (stacked && sum > *hi)
			*hi = sum;
	}
	if (*hi <= *lo)
		*hi = *lo + 1;
}

/* The colours' key: a swatch and the column's label for each series. */
static void legend(struct gg_emit *e, json_t *values, int y)
{
	size_t j;
	json_t *k;
	int x = LABEL_W;

	json_array_foreach (values, j, k) {
		const char *label = gg_doc_label(e, json_string_value(k));
		fprintf(e->out, "<g class=\"s%d\"><rect class=\"key\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>",
			(int)(j % PALETTE), x, y);
		fprintf(e->out, "<text x=\"%d\" y=\"%d\">", x + 16, y + 11);
		put_html(e->out, label);
		fputs("</text></g>\n", e->out);
		x += 30 + 7 * gg_text_width(label);
	}
}

/* A ranking: a horizontal bar a record, of the first value column, its value at its end. */
static void bars(struct gg_emit *e, const struct gg_doc_table *t, const char *label, json_t *values)
{
	const char *key = json_string_value(json_array_get(values, 0));
	const struct gg_doc_col *col = column(t, key);
	int n = (int)json_array_size(t->rows), w = SVG_W - LABEL_W - 70;
	double lo, hi;
	json_t *first = json_pack("[s]", key), *rec;
	size_t r;

	range(t, first, 0, &lo, &hi);
	json_decref(first);
	fprintf(e->out, "<svg class=\"chart bars\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n",
		SVG_W, n * ROW_H + 8, SVG_W, n * ROW_H + 8);
	json_array_foreach (t->rows, r, rec) {
		double v = json_number_value(json_object_get(rec, key));
		double x0 = LABEL_W + w * (0 - lo) / (hi - lo), x1 = LABEL_W + w * (v - lo) / (hi - lo);
		int y = (int)r * ROW_H + 4;
		fprintf(e->out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL_W - 6, y + 13);
		put_name(e, rec, label);
		fprintf(e->out, "</text><rect class=\"bar\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\"/>",
			x1 < x0 ? x1 : x0, y, x1 < x0 ? x0 - x1 : x1 - x0);
		fprintf(e->out, "<text x=\"%.1f\" y=\"%d\">", (x1 > x0 ? x1 : x0) + 4, y + 13);
		put_value(e, col, json_object_get(rec, key));
		fputs("</text>\n", e->out);
	}
	fputs("</svg>\n", e->out);
}

/* A trend's scale: from zero, unless its values lie close together far from it (on-time
 * rates of 80 to 95), when it starts a quarter of their spread below the least, whole. */
static void trend_range(const struct gg_doc_table *t, json_t *values, double *lo, double *hi)
{
	double least = *hi;
	size_t r, j;
	json_t *rec, *k;

	if (*lo < 0)
		return;
	json_array_foreach (t->rows, r, rec)
		json_array_foreach (values, j, k) {
			json_t *v = json_object_get(rec, json_string_value(k));
			if (json_is_number(v) && json_number_value(v) < least)
				least = json_number_value(v);
		}
	if (least > *hi - least)
		*lo = floor(least - (*hi - least) / 4);
	if (*hi <= *lo)
		*hi = *lo + 1;
}

/* A trend: a line a value column over the records in order, a point a record on each; the
 * names below, as many as fit. */
static void line(struct gg_emit *e, const struct gg_doc_table *t, const char *label, json_t *values)
{
	int n = (int)json_array_size(t->rows), left = 50, top = 30, pw = SVG_W - left - 20, ph = 180;
	int every = n > 12 ? (n + 11) / 12 : 1;
	double lo, hi;
	size_t r, j;
	json_t *rec, *k;

	range(t, values, 0, &lo, &hi);
	trend_range(t, values, &lo, &hi);
	fprintf(e->out, "<svg class=\"chart line\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n",
		SVG_W, top + ph + 30, SVG_W, top + ph + 30);
	legend(e, values, 4);
	fprintf(e->out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", left, top + ph, left + pw,
		top + ph);
	fprintf(e->out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%g</text>", left - 4, top + 4, hi);
	fprintf(e->out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%g</text>\n", left - 4, top + ph, lo);
	json_array_foreach (values, j, k) {
		const char *key = json_string_value(k);
		int open = 0;
		fprintf(e->out, "<g class=\"s%d\">\n", (int)(j % PALETTE));
		/* a record without the value is a gap in the line, never a point at nought */
		json_array_foreach (t->rows, r, rec) {
			double x = left + (n > 1 ? pw * (double)r / (n - 1) : pw / 2.0);
			double y = top + ph * (hi - json_number_value(json_object_get(rec, key))) / (hi - lo);
			if (!json_is_number(json_object_get(rec, key))) {
				fputs(open ? "\"/>\n" : "", e->out);
				open = 0;
				continue;
			}
			fprintf(e->out, open ? " %.1f,%.1f" : "<polyline class=\"line\" points=\"%.1f,%.1f", x, y);
			open = 1;
		}
		fputs(open ? "\"/>\n" : "", e->out);
		json_array_foreach (t->rows, r, rec) {
			double x = left + (n > 1 ? pw * (double)r / (n - 1) : pw / 2.0);
			if (!json_is_number(json_object_get(rec, key)))
				continue;
			double y = top + ph * (hi - json_number_value(json_object_get(rec, key))) / (hi - lo);
			fprintf(e->out, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>", x, y);
			put_value(e, column(t, key), json_object_get(rec, key));
			fputs("</title></circle>\n", e->out);
		}
		fputs("</g>\n", e->out);
	}
	json_array_foreach (t->rows, r, rec) {
		if (r % (size_t)every)
			continue;
		fprintf(e->out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
			left + (n > 1 ? pw * (double)r / (n - 1) : pw / 2.0), top + ph + 18);
		put_name(e, rec, label);
		fputs("</text>\n", e->out);
	}
	fputs("</svg>\n", e->out);
}

/* Shares of a whole: a horizontal bar a record, its value columns stacked, with their key;
 * the names first, then a series at a time, each in its colour. */
static void stack(struct gg_emit *e, const struct gg_doc_table *t, const char *label, json_t *values)
{
	int n = (int)json_array_size(t->rows), w = SVG_W - LABEL_W - 20, top = 24;
	double lo, hi, *x = calloc((size_t)n + 1, sizeof *x);
	size_t r, j;
	json_t *rec, *k;

	if (!x)
		return;
	range(t, values, 1, &lo, &hi);
	fprintf(e->out, "<svg class=\"chart stack\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n",
		SVG_W, top + n * ROW_H + 8, SVG_W, top + n * ROW_H + 8);
	legend(e, values, 4);
	json_array_foreach (t->rows, r, rec) {
		fprintf(e->out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL_W - 6, top + (int)r * ROW_H + 17);
		put_name(e, rec, label);
		fputs("</text>\n", e->out);
		x[r] = LABEL_W;
	}
	json_array_foreach (values, j, k) {
		const char *key = json_string_value(k);
		fprintf(e->out, "<g class=\"s%d\">\n", (int)(j % PALETTE));
		json_array_foreach (t->rows, r, rec) {
			double v = json_number_value(json_object_get(rec, key)), width = v > 0 ? w * v / hi : 0;
			fprintf(e->out, "<rect class=\"seg\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\"><title>",
				x[r], top + (int)r * ROW_H + 4, width);
			put_html(e->out, gg_doc_label(e, key));
			fputs(": ", e->out);
			put_value(e, column(t, key), json_object_get(rec, key));
			fputs("</title></rect>\n", e->out);
			x[r] += width;
		}
		fputs("</g>\n", e->out);
	}
	fputs("</svg>\n", e->out);
	free(x);
}

/* The chart of a section, when it has one and records to draw. */
static void chart(struct gg_emit *e, const struct gg_doc_table *t)
{
	const char *label = json_string_value(json_object_get(t->chart, "label"));
	json_t *values = json_object_get(t->chart, "values");

	if (!t->chart || !json_array_size(t->rows))
		return;
	switch (json_integer_value(json_object_get(t->chart, "kind"))) {
	case GG_CHART_BARS:
		bars(e, t, label, values);
		break;
	case GG_CHART_LINE:
		line(e, t, label, values);
		break;
	default:
		stack(e, t, label, values);
	}
}

/* ---- tables ---- */

/* A section: its heading, its chart, then its table; the numbers' cells aligned right. */
static int html_table(struct gg_emit *e, const struct gg_doc_table *t)
{
	size_t r, i;
	json_t *rec;

	fputs("<section>\n", e->out);
	if (t->heading) {
		fputs("<h2>", e->out);
		put_html(e->out, t->heading);
		fputs("</h2>\n", e->out);
	}
	chart(e, t);
	if (!t->ncols) {
		fputs("<p class=\"none\">", e->out);
		put_html(e->out, gg_doc_label(e, "none"));
		fputs("</p>\n</section>\n", e->out);
		return ferror(e->out) ? -1 : 0;
	}
	fputs("<table>\n<thead><tr>", e->out);
	for (i = 0; i < t->ncols; i++) {
		fputs("<th>", e->out);
		put_html(e->out, t->cols[i].label);
		fputs("</th>", e->out);
	}
	fputs("</tr></thead>\n<tbody>\n", e->out);
	json_array_foreach (t->rows, r, rec) {
		fputs("<tr>", e->out);
		for (i = 0; i < t->ncols; i++) {
			fputs(t->cols[i].numeric ? "<td class=\"num\">" : "<td>", e->out);
			put_value(e, &t->cols[i], json_object_get(rec, t->cols[i].key));
			fputs("</td>", e->out);
		}
		fputs("</tr>\n", e->out);
	}
	fputs("</tbody>\n</table>\n</section>\n", e->out);
	return ferror(e->out) ? -1 : 0;
}

/* The page's end; a document that failed is left unfinished, as its command shows nothing. */
static int html_end(struct gg_emit *e)
{
	if (e->failed)
		return -1;
	fputs("</body>\n</html>\n", e->out);
	return ferror(e->out) ? -1 : 0;
}

static const struct gg_doc_ops html_doc = {.begin = html_begin, .table = html_table, .end = html_end};

const struct gg_writer gg_writer_html = {.name = "html",
					 .open = gg_doc_open,
					 .record = gg_doc_record,
					 .section = gg_doc_section,
					 .close = gg_doc_close,
					 .doc = &html_doc};
