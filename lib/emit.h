/* SPDX-License-Identifier: Apache-2.0 */
/* emit.h: records out. One interface writes every format, so no command formats YAML or
 * JSON by hand: open an emitter for a list or a single record, hand it records, close it. */
#ifndef GG_EMIT_H
#define GG_EMIT_H

#include <jansson.h>
#include <stdio.h>

/* md, html and xlsx are documents for people, taken by reports only (struct gg_tool's reports) */
enum gg_fmt {
	GG_FMT_YAML,
	GG_FMT_JSON,
	GG_FMT_NDJSON,
	GG_FMT_TSV,
	GG_FMT_CSV,
	GG_FMT_TABLE,
	GG_FMT_MD,
	GG_FMT_HTML,
	GG_FMT_XLSX,
	GG_FMT_DEFAULT
};

/* What gg_emit_open's `list` says: 0, a single record; 1, a list; GG_EMIT_RECORDS, records
 * asked for by key, as many as were named, in one shape whatever their number: a JSON array,
 * a YAML document each, a line each in ndjson, rows of tsv and csv, and as a table one
 * record a field a line or several as a table. */
enum { GG_EMIT_RECORDS = 2 };

struct gg_emit;

/* A json_t handed to the emitter is borrowed: the caller still owns its reference and
 * releases it as before. A writer that keeps a record takes its own reference (a table holds
 * its first rows back to measure them), so a record must not change once handed over.
 *
 * gg_emit_open: GG_FMT_DEFAULT is a table for a list, YAML for a single record; cols (NULL
 * ends them) are the columns of tsv, csv and table, else the first record's fields.
 * gg_emit and gg_emit_close return -1 when the output failed; close frees the emitter.
 * gg_emit_cell: a value as one cell of a row, for the caller to free.
 *
 * Sections make one document of several lists, such as the tables of a report:
 * gg_emit_section begins the list the records that follow belong to, with its own columns
 * (NULL: its first record's fields; a field a record lacks is an empty cell). Each section
 * is a list, whatever gg_emit_open was told. Begin the first before any record and give
 * each a different name (UTF-8), else -1 and the close fails too.
 *   yaml, json  one mapping of each name to its list of records; an empty section is [].
 *   ndjson      a line per record, {"section": NAME, then the record's fields}; a record that
 *               has a "section" field of its own is refused. An empty section writes nothing.
 *   tsv, csv    a block per section, apart by a blank line: the header row, then the rows.
 *               Declared columns show their header even with no rows.
 *   table       the name on a line of its own, then its table; a blank line between. */
int gg_emit_fmt_parse(const char *s, enum gg_fmt *f);
const char *gg_emit_fmt_name(enum gg_fmt f);
struct gg_emit *gg_emit_open(FILE *out, enum gg_fmt fmt, int list, const char *const *cols);
int gg_emit(struct gg_emit *e, json_t *rec);
int gg_emit_section(struct gg_emit *e, const char *name, const char *const *cols);
int gg_emit_close(struct gg_emit *e);
void gg_emit_abandon(struct gg_emit *e);
int gg_emit_yaml_quoted(const char *s);

/* A report's head: what it is of, as a whole (unit, name, period, previous, rubric,
 * provisional, as_of), given once before the first section. yaml and json write it as the
 * mapping under the key "report", ahead of the sections; ndjson as a line {"section":
 * "report", then its fields}; tsv and csv as a block "report" of one row; table as its fields
 * a line each. md, html and xlsx make it the title: the report, its unit and period, and a
 * banner when provisional is true (the report is named by the label of the head's "title"
 * when it has one, else of "report", the monthly report; see po/). Given twice, after a section or a record, or not a
 * mapping, it is refused (-1, and the close fails too); after it, records belong in sections
 * and no section can be named "report". */
int gg_emit_head(struct gg_emit *e, json_t *head);

/* A chart of the section begun last, drawn by html (inline SVG) and xlsx (a native chart) from
 * the section's records; the data formats and table leave it out. label names the column
 * whose values name the bars or points, values the columns drawn (NULL ends them). One a
 * section; before any section, or without a label or a value column, it is refused (-1). */
enum gg_chart_kind {
	GG_CHART_BARS,	/* horizontal bars, one per record: a ranking */
	GG_CHART_LINE,	/* a line per value column over the records in order: a trend */
	GG_CHART_STACK, /* a bar per record, the value columns stacked: shares of a whole */
};
struct gg_chart {
	enum gg_chart_kind kind;
	const char *label;
	const char *const *values;
};
int gg_emit_chart(struct gg_emit *e, const struct gg_chart *chart);
/* The language of md, html and xlsx's labels, titles and headings: "zh_CN" or "en" (lang.h);
 * NULL, the locale's (gg_lang_choose). The data formats and table keep the English keys. */
void gg_emit_lang(struct gg_emit *e, const char *lang);
char *gg_emit_cell(json_t *v);

#endif
