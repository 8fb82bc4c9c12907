/* emit-json.c: the JSON and NDJSON writers, through jansson. A JSON list is an array with one
 * compact record a line, so it streams and still diffs line by line; NDJSON is a record a
 * line and nothing else, for jq and for gg's own reader. */
#include "emit-writer.h"

#define COMPACT (JSON_COMPACT | JSON_REAL_PRECISION(15))

static int json_open(struct gg_emit *e)
{
	if (e->list)
		fputs("[", e->out);
	return 0;
}

static int json_record(struct gg_emit *e, json_t *rec)
{
	if (e->list) {
		fputs(e->n ? ",\n  " : "\n  ", e->out);
		json_dumpf(rec, e->out, COMPACT);
	} else {
		json_dumpf(rec, e->out, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
		putc('\n', e->out);
	}
	return ferror(e->out) ? -1 : 0;
}

static int json_close(struct gg_emit *e)
{
	if (e->list)
		fputs(e->n ? "\n]\n" : "]\n", e->out);
	return 0;
}

static int ndjson_record(struct gg_emit *e, json_t *rec)
{
	json_dumpf(rec, e->out, COMPACT);
	putc('\n', e->out);
	return ferror(e->out) ? -1 : 0;
}

const struct gg_writer gg_writer_json = {.name = "json", .open = json_open, .record = json_record, .close = json_close};
const struct gg_writer gg_writer_ndjson = {.name = "ndjson", .record = ndjson_record};
