/* SPDX-License-Identifier: Apache-2.0 */
/* kindcmd.h: add, list, show, set and rm for any kind, as subcommands of the kind's name
 * (gg-org unit add …), with options read off the kind's fields. A tool wires a kind with one
 * line: {"unit", NULL, GG_RUN_NODB, NULL, "units", GG_KIND_CMDS("unit", "--code --name …")}
 * — the command's group is the kind's name, found in the tool's registry (struct gg_tool). */
#ifndef GG_KINDCMD_H
#define GG_KINDCMD_H

#include "cli.h"
#include "kind.h"

int gg_kindcmd_add(struct gg_ctx *c, int argc, char **argv);
int gg_kindcmd_list(struct gg_ctx *c, int argc, char **argv);
int gg_kindcmd_show(struct gg_ctx *c, int argc, char **argv);
int gg_kindcmd_set(struct gg_ctx *c, int argc, char **argv);
int gg_kindcmd_rm(struct gg_ctx *c, int argc, char **argv);
/* list with options of the caller's besides the filters (named as gg_kindcmd_args's extra),
 * each record kept only when keep, given them and arg, says so; *listed, when asked for,
 * counts the records written (pledge list --overdue exits 1 when any is). A period is of the
 * kind's field named date, else of its first date field. */
int gg_kindcmd_list_with(struct gg_ctx *c, int argc, char **argv, const char *const *own,
			 int (*keep)(struct gg_ctx *c, json_t *rec, json_t *extras, void *arg), void *arg,
			 size_t *listed);
/* Reads `--FIELD VALUE` options for every field of the kind into rec, and the options named
 * in extra (a leading '!' for one without a value) into extras. As filters (filter 1), each
 * field collects the values given, repeated or comma-separated, any of which will do, and a
 * value a field of choices does not allow is a usage error. */
int gg_kindcmd_args(struct gg_ctx *c, const struct gg_kind *k, int argc, char **argv, json_t *rec,
		    const char *const *extra, json_t *extras, int *nargs, int filter);

/* The five commands of a kind, as entries of a command table: `what` and `whats` as help
 * texts name one and several, `fields` its options, `dated` the period options of list for a
 * kind with a date ("" for one without: list refuses them). A tool whose own kind is its
 * commands' subject (gg-volunteer add) puts them in its top table. */
#define GG_KIND_ENTRIES(what, whats, fields, dated)                                                                    \
	{"add",                                                                                                        \
	 gg_kindcmd_add,                                                                                               \
	 GG_RUN_WRITE,                                                                                                 \
	 "[--FIELD VALUE]... | --file FILE | -",                                                                       \
	 "add a " what " (fields as options, or records from a file or - for stdin)\n  fields: " fields,               \
	 NULL},                                                                                                        \
		{"list",                                                                                               \
		 gg_kindcmd_list,                                                                                      \
		 GG_RUN_LIST,                                                                                          \
		 "[--FIELD VALUE]... [--under UNIT]" dated,                                                            \
		 "list " whats ", filtered by field values or a subtree\n  fields: " fields,                           \
		 NULL},                                                                                                \
		{"show", gg_kindcmd_show, GG_RUN_READ, "KEY... | -", "show " whats " by key", NULL},                   \
		{"set",                                                                                                \
		 gg_kindcmd_set,                                                                                       \
		 GG_RUN_WRITE,                                                                                         \
		 "KEY [--FIELD VALUE]...",                                                                             \
		 "change fields of a " what " (an empty value removes one)\n  fields: " fields,                        \
		 NULL},                                                                                                \
	{                                                                                                              \
		"rm", gg_kindcmd_rm, GG_RUN_WRITE, "KEY... | -", "remove " whats " nothing refers to", NULL            \
	}

/* The subcommand table of a kind (gg-org unit add …), and one with commands of its own after
 * the five (gg-volunteer team join …), the last of them {0}. */
#define GG_KIND_CMDS_AND(what, whats, fields, dated, ...)                                                              \
	(const struct gg_cmd[])                                                                                        \
	{                                                                                                              \
		GG_KIND_ENTRIES(what, whats, fields, dated), __VA_ARGS__                                               \
	}
#define GG_KIND_CMDS(what, whats, fields, dated) GG_KIND_CMDS_AND(what, whats, fields, dated, {0})

#endif
