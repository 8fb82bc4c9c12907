/* SPDX-License-Identifier: Apache-2.0 */
/* emit-writer.h: what a format's writer sees of an emitter, for lib/emit*.c only. Each format
 * is one table of functions in its own file, so a new format is a new file and a line in
 * emit.c's table, never a new case in every function of the emitter. */
#ifndef GG_EMIT_WRITER_H
#define GG_EMIT_WRITER_H

#include "emit.h"

struct gg_emit {
	FILE *out;
	const struct gg_writer *w;
	int list;	  /* opened for a list, not a single record */
	int n;		  /* records so far in the list, or in the section begun last */
	int sections;	  /* sections begun */
	int failed;	  /* sticky: gg_emit_close reports it */
	char *section;	  /* name of the section begun last */
	const char *lang; /* of the labels of md, html and xlsx (gg_emit_lang), or NULL: the locale's */
	json_t *cols;	  /* column names of the list or section: declared, else its first record's */
	json_t *names;	  /* section names taken: a mapping cannot hold a key twice */
	json_t *head;	  /* the report's head (gg_emit_head), a reference of the emitter's own */
	json_t *chart;	  /* the chart of the section begun last, {kind, label, values}, or NULL */
	void *state;	  /* the writer's own, freed by its close */
};

/* Each returns 0, or -1 when it failed; a NULL function has nothing to do. record sees e->n
 * as the records before this one. head is called once, before any section or record, with
 * e->head already set. section is called while e still describes the section that ends
 * (e->sections is 0 before the first one; e->chart is still that section's): it finishes
 * that and begins `name`, whose declared columns are put in e->cols after it returns. chart
 * is called with e->chart set, for the section begun last. close always runs, even when open
 * failed, and frees e->state. */
struct gg_writer {
	const char *name;
	int (*open)(struct gg_emit *e);
	int (*record)(struct gg_emit *e, json_t *rec);
	int (*section)(struct gg_emit *e, const char *name);
	int (*head)(struct gg_emit *e);
	int (*chart)(struct gg_emit *e);
	int (*close)(struct gg_emit *e);
	const struct gg_doc_ops *doc; /* a document's writer: its functions are emit-doc.c's */
};

/* emit-doc.c: the writers of documents people read (md, html, xlsx) see a section as a table
 * of all its records, its columns described, and the head as the title. */
struct gg_doc_col {
	const char *key;   /* the field */
	const char *label; /* as people read it, in the emitter's language */
	int numeric;	   /* every value a number, and there is one: aligned right */
	int decimals;	   /* the decimals its reals need, one or two; 0 when all are integers */
	int percent;	   /* a percentage, a plain number ("On time (%)": 87.5) */
};
struct gg_doc_table {
	const char *name;    /* the section's, or NULL for a list outside sections */
	const char *heading; /* its label, or NULL */
	json_t *rows;	     /* its records */
	struct gg_doc_col *cols;
	size_t ncols;
	json_t *chart; /* {kind, label, values} (gg_emit_chart), or NULL */
	int index;     /* 0 for the document's first table */
};
struct gg_doc_ops {
	int (*begin)(struct gg_emit *e); /* the title, from e->head (or NULL): once, before any table */
	int (*table)(struct gg_emit *e, const struct gg_doc_table *t);
	int (*end)(struct gg_emit *e); /* always called; frees the writer's own state */
};
int gg_doc_open(struct gg_emit *e);
int gg_doc_record(struct gg_emit *e, json_t *rec);
int gg_doc_section(struct gg_emit *e, const char *name);
int gg_doc_close(struct gg_emit *e);
void *gg_doc_own(struct gg_emit *e);
void gg_doc_set_own(struct gg_emit *e, void *own);
const char *gg_doc_label(struct gg_emit *e, const char *key);
const char *gg_doc_lang(struct gg_emit *e);
char *gg_doc_text(struct gg_emit *e, const struct gg_doc_col *col, json_t *v);

extern const struct gg_writer gg_writer_yaml;
extern const struct gg_writer gg_writer_json;
extern const struct gg_writer gg_writer_ndjson;
extern const struct gg_writer gg_writer_tsv;
extern const struct gg_writer gg_writer_csv;
extern const struct gg_writer gg_writer_table;
extern const struct gg_writer gg_writer_md;
extern const struct gg_writer gg_writer_html;
extern const struct gg_writer gg_writer_xlsx;

json_t *gg_emit_columns(struct gg_emit *e, json_t *rec);
char *gg_emit_visible(const char *s, int tsv);

#endif
