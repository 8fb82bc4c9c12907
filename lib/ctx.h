/* ctx.h: what one run of a command carries: the database, the output format, who acts and
 * what they typed (for the audit log), and the error to report. cmd/ fills it; lib/ reads it. */
#ifndef GG_CTX_H
#define GG_CTX_H

#include <jansson.h>

#include "db.h"
#include "emit.h"
#include "err.h"

struct gg_ctx {
	const char *prog;
	const char *group;  /* the command a subcommand belongs to: "unit" in gg-org unit add */
	const char *db_opt; /* --db, if given */
	char db_path[4096];
	struct gg_db *db;
	enum gg_fmt fmt;
	const char *actor;
	char *command;
	int reveal;
	int rollback;	    /* a writing command that only checked (--dry-run): discard its work */
	char prev_hash[65]; /* the audit chain's last hash, once read in this transaction */
	json_t *hooks;	    /* [event, record] pairs to hand to hooks after the commit */
	struct gg_err err;
};

#endif
