/* SPDX-License-Identifier: Apache-2.0 */
/* audit.h: the append-only audit log. Each row's hash covers the previous row's hash, so an
 * edit made behind the tools' back breaks the chain where it was made. */
#ifndef GG_AUDIT_H
#define GG_AUDIT_H

#include <jansson.h>

#include "ctx.h"

/* the audit log as an append-only kind, for reading it through the entity layer */
extern const struct gg_kind gg_audit_kind;

int gg_audit(struct gg_ctx *c, json_t *change);
/* Inside a write transaction: 0 when the triggers that keep the log append-only are there;
 * else exit 70 naming the first missing, or with restore (gg-org init) made again and the
 * restoring written to the log. */
int gg_audit_guard(struct gg_ctx *c, int restore);
/* Checks the chain from its first row: *out is {verified, rows, head} and, when it fails,
 * the first row found wrong and why ({row, problem}). expect, "COUNT:HASH" as gg_audit_head
 * writes it, is a head the log must still extend. archived, an archive gg_audit_archive
 * wrote, is walked first, the log's rows following on from its last. */
int gg_audit_verify(struct gg_ctx *c, const char *expect, const char *archived, json_t **out);
/* "COUNT:HASH": the last row's id and hash ("0:genesis" for an empty log). */
int gg_audit_head(struct gg_ctx *c, char head[96]);
/* Writes the whole log to path (a new file, NDJSON, a row a line as stored), appends an
 * archive row naming it and the head it ends with, and sets the rows before that row aside:
 * the new chain starts at it. A log that does not verify is not archived (GG_EX_FOUND, *out
 * the finding). */
int gg_audit_archive(struct gg_ctx *c, const char *path, json_t **out);
/* An archive of another database's log (a district's, moved into this one) checked and named
 * by this log's next row; *out says what was adopted. */
int gg_audit_adopt(struct gg_ctx *c, const char *path, json_t **out);

/* Which rows gg_audit_list hands on: each field, when not NULL, must match. */
struct gg_audit_filter {
	const char *since;   /* a time as stored (the calendar's zone): rows at or after it */
	const char *by;	     /* an actor or a login */
	const char *command; /* a part of the command typed */
};
/* fn gets each row of the log that q keeps, oldest first, personal values in its change
 * masked unless --reveal. */
int gg_audit_list(struct gg_ctx *c, const struct gg_audit_filter *q, int (*fn)(struct gg_ctx *, json_t *, void *),
		  void *arg);

#endif
