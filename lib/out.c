/* SPDX-License-Identifier: Apache-2.0 */
/* out.c: records a command writes to its output (c->out: stdout, or the file that holds them
 * until the command is done), through the emitter in the format -o chose: lists default to
 * a table, everything else to YAML. A failed write is exit 74, never a silent success. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "emit.h"
#include "lang.h"

/* An emitter on the command's output, its documents' labels in the language --lang or the
 * locale chose (a --lang that names none is refused when the command is done). */
static struct gg_emit *out_open(struct gg_ctx *c, enum gg_fmt fmt, int list, const char *const *cols)
{
	struct gg_emit *e = gg_emit_open(c->out, fmt, list, cols);

	if (e)
		gg_emit_lang(e, gg_lang_choose(c->lang));
	return e;
}

/* Output for commands. Only `list` defaults to a table (gg_out_list); everything else
 * writes YAML unless -o says otherwise. */
struct gg_emit *gg_out_open(struct gg_ctx *c, int list, const char *const *cols)
{
	return out_open(c, c->fmt == GG_FMT_DEFAULT ? GG_FMT_YAML : (enum gg_fmt)c->fmt, list, cols);
}

struct gg_emit *gg_out_list(struct gg_ctx *c, const char *const *cols)
{
	return out_open(c, (enum gg_fmt)c->fmt, 1, cols);
}

/* Records named by key (show, the steps of a ticket, resolve): one shape whatever their number. */
struct gg_emit *gg_out_records(struct gg_ctx *c, const char *const *cols)
{
	return out_open(c, c->fmt == GG_FMT_DEFAULT ? GG_FMT_YAML : (enum gg_fmt)c->fmt, GG_EMIT_RECORDS, cols);
}

/* Finishes the output; a command that failed (c->err) before its first record writes none. */
int gg_out_close(struct gg_ctx *c, struct gg_emit *e)
{
	if (c->err.code) {
		gg_emit_abandon(e);
		return 0;
	}
	if (gg_emit_close(e))
		return gg_err_set(&c->err, GG_EX_IOERR, "cannot write output: %s", strerror(errno));
	return 0;
}

int gg_out_one(struct gg_ctx *c, json_t *rec)
{
	struct gg_emit *e = gg_out_open(c, 0, NULL);
	gg_emit(e, rec);
	return gg_out_close(c, e);
}

/* A callback for lib's iterators: writes each record to the emitter in `emitter`. */
int gg_out_each(struct gg_ctx *c, json_t *rec, void *emitter)
{
	(void)c;
	return gg_emit(emitter, rec) ? GG_EX_IOERR : 0;
}
