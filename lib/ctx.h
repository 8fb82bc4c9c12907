/* SPDX-License-Identifier: Apache-2.0 */
/* ctx.h: what one run of a command carries: the database, the output format, who acts and
 * what they typed (for the audit log), what the command has read once and keeps (the memo),
 * and the error to report. cmd/ fills it; lib/ reads it. */
#ifndef GG_CTX_H
#define GG_CTX_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"

struct gg_db;
struct gg_kind;

struct gg_ctx {
	const char *prog;
	const char *group;  /* the command a subcommand belongs to: "unit" in gg-org unit add */
	const char *db_opt; /* --db, if given */
	char db_path[4096];
	struct gg_db *db;
	const char *const *dbs; /* every --db given (ndbs of them; a report reads several); freed with c */
	int ndbs;
	int fmt;	      /* an enum gg_fmt (emit.h): GG_FMT_DEFAULT until -o or GG_OUTPUT says */
	const char *out_path; /* a report's --out FILE: its output goes there, not to stdout */
	const char *lang;     /* a report's --lang: zh_CN or en, for md, html and xlsx */
	FILE *out;	      /* where the command's records go: stdout, or a file holding them until it is done */
	const char *actor;
	char *command;
	int reveal;
	int rollback;			    /* a writing command that only checked (--dry-run): discard its work */
	int restore;			    /* gg-org init: the audit log's missing triggers put back */
	int keep_output;		    /* a dry run that found bad input: its output is shown, though it fails */
	char prev_hash[65];		    /* the audit chain's last hash, once read in this transaction */
	int64_t audit_id;		    /* and its last row's id */
	json_t *hooks;			    /* [event, record] pairs to hand to hooks after the commit */
	json_t *memo;			    /* name → block (see gg_ctx_memo), freed with the context */
	const struct gg_kind *const *kinds; /* the tool's registry: the kinds it keeps */
	const struct gg_kind *const *const *registries; /* every tool's, for references (kinds.h) */
	struct gg_err err;
	json_t *revealed;    /* with --reveal: what was shown unmasked (gg_ctx_revealed), or NULL */
	long long nrevealed; /* how many records that was, the ones past GG_REVEAL_KEYS counted only */
};

/* The records a reveal's audit row names one by one; past them it only counts. */
#define GG_REVEAL_KEYS 1000

/* A block of `size` zeroed bytes kept under `name` until gg_ctx_free: what a command reads
 * once and looks up again (a category, a unit an import has met). *fresh is 1 the first time.
 * The block is freed alone: it holds no pointers to memory of its own. */
void *gg_ctx_memo(struct gg_ctx *c, const char *name, size_t size, int *fresh);
void gg_ctx_free(struct gg_ctx *c);
/* Notes that record `key` (borrowed) of `kind` was shown with `fields` (a JSON array of field
 * names, consumed) unmasked, for the reveal's audit row; an empty list notes nothing. */
void gg_ctx_revealed(struct gg_ctx *c, const char *kind, json_t *key, json_t *fields);

#endif
