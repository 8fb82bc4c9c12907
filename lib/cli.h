/* SPDX-License-Identifier: Apache-2.0 */
/* cli.h: what every gg binary shares on the command line: the global options of DESIGN.md
 * section 3 (wherever they stand), a table of subcommands with what each needs prepared,
 * one transaction around every writing command, and the exit status. */
#ifndef GG_CLI_H
#define GG_CLI_H

#include "ctx.h"
#include "emit.h"

/* What a command needs prepared. Its output is held until it is done (and committed), so a
 * failed command prints nothing; GG_RUN_LIST, a reader of long lists, writes as it reads
 * (but in a tool of reports, whose --out may take the output to a file). */
enum gg_run { GG_RUN_NODB, GG_RUN_READ, GG_RUN_WRITE, GG_RUN_LIST };

struct gg_cmd {
	const char *name;
	int (*fn)(struct gg_ctx *c, int argc, char **argv);
	enum gg_run run;
	const char *usage; /* arguments, after the command's name */
	const char *help;  /* one line, then option lines */
	const struct gg_cmd *sub;
};

struct gg_tool {
	const char *name;
	const char *summary;
	const struct gg_cmd *cmds;
	const struct gg_kind *const *kinds; /* its registry, whose kinds kindcmd.h finds by name */
	int several_dbs;		    /* its reading commands take --db more than once: the files as one city */
	int reports;			    /* takes -o md, html and xlsx, and holds every command's output (--out) */
};

/* cli.c */
int gg_cli_main(const struct gg_tool *tool, int argc, char **argv);
int gg_cli_usage(struct gg_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int gg_cli_opts(struct gg_ctx *c, int argc, char **argv, const char *shorts, const void *longs);
int gg_cli_id(struct gg_ctx *c, const char *what, const char *s, json_int_t *id);
/* Adds to f's list `name` each comma-separated value of arg (a filter given as a list, any of
 * which will do); a value not in ok (NULL: any) or an empty one is a usage error naming them. */
int gg_cli_either(struct gg_ctx *c, json_t *f, const char *name, const char *const *ok, const char *arg);
int gg_cli_days(struct gg_ctx *c, const char *period, const char *from, const char *to, char a_day[16], char b_day[16]);
/* Calls fn with each id the arguments name, or stdin holds where one is "-": bare ids apart by
 * blanks, or records with an id (`gg-ticket list -o ndjson | gg-ticket show -`). */
int gg_cli_each_id(struct gg_ctx *c, const char *what, int argc, char **argv,
		   int (*fn)(struct gg_ctx *, json_int_t, void *), void *arg);

/* out.c */
struct gg_emit *gg_out_open(struct gg_ctx *c, int list, const char *const *cols);
struct gg_emit *gg_out_list(struct gg_ctx *c, const char *const *cols);
struct gg_emit *gg_out_records(struct gg_ctx *c, const char *const *cols);
int gg_out_close(struct gg_ctx *c, struct gg_emit *e);
int gg_out_one(struct gg_ctx *c, json_t *rec);
int gg_out_each(struct gg_ctx *c, json_t *rec, void *emitter);

#endif
