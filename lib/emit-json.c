/* SPDX-License-Identifier: Apache-2.0 */
/* emit-json.c: the JSON and NDJSON writers, through jansson. A JSON list is an array with one
 * compact record a line, so it streams and still diffs line by line; NDJSON is a record a
 * line, for jq and for gg's own reader. */
#include <stdlib.h>

#include "emit-writer.h"

#define COMPACT (JSON_COMPACT | JSON_REAL_PRECISION(15))

/* Writes v as one piece: jansson's own json_dumpf hands stdio a call for every token, which
 * cost a sweep of 100,000 tickets a fifth of its time. */
static void dump(const json_t *v, FILE *out, size_t flags)
{
	char buf[4096], *big;
	size_t n = json_dumpb(v, buf, sizeof buf, flags);

	if (n <= sizeof buf) {
		fwrite(buf, 1, n, out);
	} else if ((big = malloc(n))) {
		fwrite(big, 1, json_dumpb(v, big, n, flags), out);
		free(big);
	} else {
		json_dumpf(v, out, flags);
	}
}

/* A list's "[" waits for its first record (or the close), so that a mapping of sections can
 * begin instead: {"name": [records], ...}, a record a line as in a list. */
static int json_record(struct gg_emit *e, json_t *rec)
{
	if (e->sections) {
		fputs(e->n ? ",\n    " : "\n    ", e->out);
		dump(rec, e->out, COMPACT);
	} else if (e->list) {
		fputs(e->n ? ",\n  " : "[\n  ", e->out);
		dump(rec, e->out, COMPACT);
	} else {
		dump(rec, e->out, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
		putc('\n', e->out);
	}
	return ferror(e->out) ? -1 : 0;
}

/* The head opens the document's object, under "report", on a line of its own. */
static int json_head(struct gg_emit *e)
{
	fputs("{\n  \"report\": ", e->out);
	dump(e->head, e->out, COMPACT);
	return ferror(e->out) ? -1 : 0;
}

static int json_section(struct gg_emit *e, const char *name)
{
	json_t *key = json_string(name);

	if (e->sections)
		fputs(e->n ? "\n  ],\n  " : "],\n  ", e->out);
	else
		fputs(e->head ? ",\n  " : "{\n  ", e->out);
	dump(key, e->out, JSON_ENCODE_ANY);
	fputs(": [", e->out);
	json_decref(key);
	return ferror(e->out) ? -1 : 0;
}

static int json_close(struct gg_emit *e)
{
	if (e->sections)
		fputs(e->n ? "\n  ]\n}\n" : "]\n}\n", e->out);
	else if (e->head)
		fputs("\n}\n", e->out);
	else if (e->list)
		fputs(e->n ? "\n]\n" : "[]\n", e->out);
	return 0;
}

/* In a section each line carries the section's name as its first field, for jq's
 * select(.section == "..."); a record with a "section" field of its own would lose one of
 * the two, so it is refused. */
static int ndjson_line(struct gg_emit *e, const char *section, json_t *rec)
{
	json_t *line = rec;

	if (section) {
		if (!json_is_object(rec) || json_object_get(rec, "section")) {
			e->failed = 1;
			return -1;
		}
		line = json_pack("{s:s}", "section", section);
		json_object_update(line, rec);
	}
	dump(line, e->out, COMPACT);
	putc('\n', e->out);
	if (line != rec)
		json_decref(line);
	return ferror(e->out) ? -1 : 0;
}

static int ndjson_record(struct gg_emit *e, json_t *rec)
{
	return ndjson_line(e, e->sections ? e->section : NULL, rec);
}

/* The head is the line of the section "report", as if it were a section of one record. */
static int ndjson_head(struct gg_emit *e)
{
	return ndjson_line(e, "report", e->head);
}

const struct gg_writer gg_writer_json = {
	.name = "json", .record = json_record, .section = json_section, .head = json_head, .close = json_close};
const struct gg_writer gg_writer_ndjson = {.name = "ndjson", .record = ndjson_record, .head = ndjson_head};
