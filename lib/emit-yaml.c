/* SPDX-License-Identifier: Apache-2.0 */
/* emit-yaml.c: the YAML writer, through libyaml's emitter. Every string a YAML 1.1 or 1.2
 * reader would retype (no, on, 0123, 1e3, null, ~, "") is quoted, so what gg writes reads
 * back as it was. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "emit-writer.h"

int gg_emit_yaml_quoted(const char *s)
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

/* libyaml owns the event from here, even when it fails; a failure sticks to the emitter. */
static int yemit(struct gg_emit *e, yaml_event_t *ev)
{
	if (!e->state) {
		yaml_event_delete(ev);
		e->failed = 1;
	} else if (!yaml_emitter_emit(e->state, ev))
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

static int ysequence(struct gg_emit *e)
{
	yaml_event_t ev;
	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
	return yemit(e, &ev);
}

static int yend(struct gg_emit *e)
{
	yaml_event_t ev;
	yaml_sequence_end_event_initialize(&ev);
	return yemit(e, &ev);
}

static int yvalue(struct gg_emit *e, json_t *v);

static int ymapping(struct gg_emit *e, json_t *v)
{
	yaml_event_t ev;
	const char *k;
	json_t *x;

	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	if (yemit(e, &ev))
		return -1;
	json_object_foreach (v, k, x) {
		if (yscalar(e, k, gg_emit_yaml_quoted(k)) || yvalue(e, x))
			return -1;
	}
	yaml_mapping_end_event_initialize(&ev);
	return yemit(e, &ev);
}

static int yvalue(struct gg_emit *e, json_t *v)
{
	char buf[64];
	json_t *x;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return ymapping(e, v);
	case JSON_ARRAY:
		if (ysequence(e))
			return -1;
		json_array_foreach (v, i, x) {
			if (yvalue(e, x))
				return -1;
		}
		return yend(e);
	case JSON_STRING:
		return yscalar(e, json_string_value(v), gg_emit_yaml_quoted(json_string_value(v)));
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
	yaml_emitter_t *y = calloc(1, sizeof *y);
	yaml_event_t ev;

	if (!(e->state = y))
		return -1;
	yaml_emitter_initialize(y);
	yaml_emitter_set_output(y, yaml_write, e);
	yaml_emitter_set_unicode(y, 1);
	yaml_emitter_set_width(y, -1);
	yaml_emitter_set_indent(y, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	if (yemit(e, &ev))
		return -1;
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	return yemit(e, &ev);
}

/* A list's sequence begins with its first record (or at the close), so that a mapping of
 * sections can begin instead. */
static int yaml_record(struct gg_emit *e, json_t *rec)
{
	yaml_event_t ev;

	if (e->list == GG_EMIT_RECORDS && !e->sections && e->n > 0) { /* a document a record */
		yaml_document_end_event_initialize(&ev, 1);
		if (yemit(e, &ev))
			return -1;
		yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0);
		if (yemit(e, &ev))
			return -1;
	}
	if (e->list == 1 && !e->sections && e->n == 0 && ysequence(e))
		return -1;
	return yvalue(e, rec);
}

/* The document's mapping begins with the head, under "report", ahead of the sections. */
static int yaml_head(struct gg_emit *e)
{
	yaml_event_t ev;

	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	if (yemit(e, &ev) || yscalar(e, "report", 0))
		return -1;
	return ymapping(e, e->head);
}

static int yaml_section(struct gg_emit *e, const char *name)
{
	yaml_event_t ev;

	if (e->sections)
		yend(e);
	else if (!e->head) {
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
		yemit(e, &ev);
	}
	if (yscalar(e, name, gg_emit_yaml_quoted(name)))
		return -1;
	return ysequence(e);
}

static int yaml_close(struct gg_emit *e)
{
	yaml_event_t ev;

	if (e->sections || e->head) {
		if (e->sections)
			yend(e);
		yaml_mapping_end_event_initialize(&ev);
		yemit(e, &ev);
	} else if (e->list == 1) {
		if (e->n == 0)
			ysequence(e);
		yend(e);
	}
	if (e->sections || e->head || e->list == 1 || e->n > 0) { /* a single record never given: no document at all */
		yaml_document_end_event_initialize(&ev, 1);
		yemit(e, &ev);
		yaml_stream_end_event_initialize(&ev);
		yemit(e, &ev);
		if (e->state)
			yaml_emitter_flush(e->state);
	}
	if (e->state)
		yaml_emitter_delete(e->state);
	free(e->state);
	return e->failed ? -1 : 0;
}

const struct gg_writer gg_writer_yaml = {.name = "yaml",
					 .open = yaml_open,
					 .record = yaml_record,
					 .section = yaml_section,
					 .head = yaml_head,
					 .close = yaml_close};
