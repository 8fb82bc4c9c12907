/* SPDX-License-Identifier: Apache-2.0 */
/* cli.c: gg_cli_main, the start of every binary. It takes the global options out of argv,
 * finds the subcommand in the tool's table, opens the database the way the command needs
 * (not at all, read-only, or for writing inside BEGIN IMMEDIATE), runs it, and turns the
 * result into an exit status; output is flushed and checked before a write commits, so a
 * full disk is an error and leaves nothing written. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <malloc.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "cli.h"
#include "clock.h"
#include "db.h"
#include "emit.h"
#include "hook.h"
#include "kind.h"
#include "kinds.h"
#include "lang.h"
#include "reader.h"
#include "text.h"

#ifndef GG_VERSION
#define GG_VERSION "0.1"
#endif

/* the formats every tool writes, and those reports add (documents for people) */
#define DATA_FORMATS "yaml, json, ndjson, tsv, csv or table"
#define REPORT_FORMATS "yaml, json, ndjson, tsv, csv, table, md, html\n                     or xlsx"

/* %s: the formats the tool writes */
static const char global_help[] = "global options (before or after the command):\n"
				  "  --db PATH          database (else $GG_DB, else $XDG_DATA_HOME/gg/gg.db)\n"
				  "  -o, --output FMT   %s (else $GG_OUTPUT)\n"
				  "  --now TIME         the clock, ISO 8601 (else $GG_NOW)\n"
				  "  --actor NAME       who the audit log records (else $GG_ACTOR, else the login)\n"
				  "  --reveal           show phone and id numbers unmasked (audited)\n"
				  "  -h, --help         this help; COMMAND --help for a command's\n"
				  "  --version          the version\n";

/* what the reports of a tool of reports take besides (report_args in cmd/gg-report.c) */
static const char report_help[] = "\nthe reports of figures also take:\n"
				  "  --out FILE         the report into FILE, whole or not at all (not stdout)\n"
				  "  --lang L           zh_CN or en: the labels of md, html and xlsx (else the\n"
				  "                     locale's language, else zh_CN)\n";

int gg_cli_usage(struct gg_ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gg_err_vformat(c->err.msg, sizeof c->err.msg, fmt, ap);
	va_end(ap);
	c->err.code = GG_EX_USAGE;
	return GG_EX_USAGE;
}

/* getopt_long with the error turned into a usage error naming the option. */
int gg_cli_opts(struct gg_ctx *c, int argc, char **argv, const char *shorts, const void *longs)
{
	char sh[64];
	int o;

	snprintf(sh, sizeof sh, ":%s", shorts);
	opterr = 0;
	o = getopt_long(argc, argv, sh, longs, NULL);
	if (o == '?') {
		if (optopt)
			gg_cli_usage(c, "unknown option '-%c'", optopt);
		else
			gg_cli_usage(c, "unknown option '%s'", argv[optind - 1]);
		return -2;
	}
	if (o == ':') {
		gg_cli_usage(c, "option '%s' needs a value", argv[optind - 1]);
		return -2;
	}
	return o;
}

#define HELP_WIDTH 80

/* Writes text, a line at a time, so that no line is wider than HELP_WIDTH columns: a long
 * line breaks between words, and goes on indented two columns more than it began, or
 * `more` columns for the first line's continuation. */
static void wrap(FILE *f, const char *text, int more)
{
	char word[512];

	for (const char *line = text; *line;) {
		size_t n = strcspn(line, "\n");
		int indent = (int)strspn(line, " "), col = 0, cont = more ? more : indent + 2;
		for (const char *p = line; p < line + n;) {
			size_t spaces = strspn(p, " "), w;
			if (p + spaces >= line + n)
				break;
			w = strcspn(p + spaces, " \n");
			snprintf(word, sizeof word, "%.*s", (int)(w < sizeof word ? w : sizeof word - 1), p + spaces);
			int ww = gg_text_width(word);
			if (col > indent && col + (int)spaces + ww > HELP_WIDTH) {
				fprintf(f, "\n%*s", cont, "");
				col = cont;
				spaces = 0;
			}
			fprintf(f, "%*s%s", (int)spaces, "", word);
			col += (int)spaces + ww;
			p += strspn(p, " ") + w;
		}
		putc('\n', f);
		line += n + (line[n] == '\n');
	}
}

/* Each command on a line of its own with its arguments, its first help line below it. */
static void print_cmds(FILE *f, const char *prefix, const struct gg_cmd *cmds)
{
	for (const struct gg_cmd *k = cmds; k->name; k++) {
		char line[512];
		const char *nl = k->help ? strchr(k->help, '\n') : NULL;
		int hl = k->help ? (nl ? (int)(nl - k->help) : (int)strlen(k->help)) : 0;
		snprintf(line, sizeof line, "  %s%s %s", prefix, k->name,
			 k->sub ? "COMMAND" : (k->usage ? k->usage : ""));
		wrap(f, line, 6);
		snprintf(line, sizeof line, "      %.*s", hl, k->help ? k->help : "");
		wrap(f, line, 0);
	}
}

static int help(FILE *f, const struct gg_tool *t, const struct gg_cmd *parent, const struct gg_cmd *k)
{
	char line[1024];

	if (!k) {
		fprintf(f, "usage: %s [GLOBAL OPTIONS] COMMAND [ARGS...]\n%s\n\ncommands:\n", t->name, t->summary);
		print_cmds(f, "", t->cmds);
		fputc('\n', f);
		fprintf(f, global_help, t->reports ? REPORT_FORMATS : DATA_FORMATS);
		if (t->reports)
			fputs(report_help, f);
		fprintf(f, "\nSee %s(1) and gg(7); '%s help COMMAND'\nshows a command's options.\n", t->name, t->name);
	} else if (k->sub) {
		fprintf(f, "usage: %s %s COMMAND [ARGS...]\n%s\n\ncommands:\n", t->name, k->name, k->help);
		snprintf(line, sizeof line, "%s ", k->name);
		print_cmds(f, line, k->sub);
	} else {
		snprintf(line, sizeof line, "usage: %s %s%s%s %s", t->name, parent ? parent->name : "",
			 parent ? " " : "", k->name, k->usage ? k->usage : "");
		wrap(f, line, 4);
		wrap(f, k->help ? k->help : "", 0);
		fputc('\n', f);
		fprintf(f, global_help, t->reports ? REPORT_FORMATS : DATA_FORMATS);
	}
	return fflush(f) || ferror(f) ? GG_EX_IOERR : 0;
}

static const struct gg_cmd *find(const struct gg_cmd *cmds, const char *name)
{
	for (const struct gg_cmd *k = cmds; k->name; k++)
		if (strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

static const char *login(void)
{
	const char *s = getenv("GG_ACTOR");
	struct passwd *pw;

	if (s && *s)
		return s;
	if ((pw = getpwuid(getuid())))
		return pw->pw_name;
	return (s = getenv("USER")) && *s ? s : "unknown";
}

/* Pulls the global options out of argv wherever they stand (up to "--"); what remains is
 * the command and its own arguments. Every --db is kept in dbs (room for argc), the last in db. */
static int globals(struct gg_ctx *c, int *argc, char **argv, const char **db, const char **dbs, const char **now,
		   const char **out, int *want_help, int *want_version)
{
	static const char *const valued[] = {"--db", "--output", "--now", "--actor", "-o", NULL};
	const char **slots[] = {db, out, now, &c->actor, out};
	int n = 1;

	for (int i = 1; i < *argc; i++) {
		char *a = argv[i];
		int taken = 0;

		if (strcmp(a, "--") == 0) {
			while (i < *argc)
				argv[n++] = argv[i++];
			break;
		}
		for (int k = 0; valued[k]; k++) {
			size_t len = strlen(valued[k]);
			if (strcmp(a, valued[k]) == 0) {
				if (i + 1 >= *argc)
					return gg_cli_usage(c, "option '%s' needs a value", a);
				*slots[k] = argv[++i];
				taken = 1;
			} else if (strncmp(a, valued[k], len) == 0 && a[len] == '=' && k < 4) {
				*slots[k] = a + len + 1;
				taken = 1;
			} else if (k == 4 && strncmp(a, "-o", 2) == 0 && a[2]) {
				*slots[k] = a + 2;
				taken = 1;
			}
			if (taken && k == 0)
				dbs[c->ndbs++] = *db;
			if (taken)
				break;
		}
		if (!taken && strcmp(a, "--reveal") == 0)
			c->reveal = taken = 1;
		if (!taken && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0))
			*want_help = taken = 1;
		if (!taken && strcmp(a, "--version") == 0)
			*want_version = taken = 1;
		if (!taken)
			argv[n++] = a;
	}
	argv[n] = NULL;
	*argc = n;
	return 0;
}

/* Whether an option NAME (n bytes, its dashes gone) sets or filters a personal field of any
 * kind: the field's name, hyphenated or as written, or a prefix of it (getopt takes those)
 * that is no other field's whole name. */
static int personal_opt(struct gg_ctx *c, const char *name, size_t n)
{
	int prefix = 0, other = 0;
	char hy[64];

	for (int r = 0; c->registries && c->registries[r]; r++)
		for (int i = 0; c->registries[r][i]; i++)
			for (const struct gg_field *f = c->registries[r][i]->fields; f->name; f++) {
				size_t len = strlen(f->name);
				snprintf(hy, sizeof hy, "%s", f->name);
				for (char *p = hy; *p; p++)
					*p = *p == '_' ? '-' : *p;
				if (n > len || (strncmp(name, f->name, n) && strncmp(name, hy, n)))
					continue;
				if (n == len && (f->flags & GG_F_PERSONAL))
					return 1;
				if (n == len)
					other = 1;
				else if (n >= 2 && (f->flags & GG_F_PERSONAL))
					prefix = 1;
			}
	return prefix && !other;
}

/* One word of the command line as the audit log keeps it: a personal option's value masked
 * (after --phone, or in --phone=V), and every mobile and id number in any other word. */
static char *masked_word(struct gg_ctx *c, const char *a, int personal_value)
{
	const char *eq = strncmp(a, "--", 2) ? NULL : strchr(a, '=');
	char *m, *w;

	if (personal_value)
		return gg_text_mask(a);
	if (!eq || !personal_opt(c, a + 2, (size_t)(eq - a - 2)))
		return gg_text_mask_free(a);
	if (!(m = gg_text_mask(eq + 1)) || !(w = malloc((size_t)(eq - a) + strlen(m) + 2))) {
		free(m);
		return NULL;
	}
	sprintf(w, "%.*s%s", (int)(eq - a + 1), a, m);
	free(m);
	return w;
}

/* The command line, joined by spaces, as the audit log records it: personal data masked. */
static char *join(struct gg_ctx *c, int argc, char **argv)
{
	size_t len = 0;
	char *s = calloc(1, 1), *w, *t;
	int personal_value = 0;

	for (int i = 0; s && i < argc; i++) {
		if (!(w = masked_word(c, argv[i], personal_value)) || !(t = realloc(s, len + strlen(w) + 2))) {
			free(w);
			free(s);
			return NULL;
		}
		s = t;
		len += (size_t)sprintf(s + len, "%s%s", i ? " " : "", w);
		free(w);
		personal_value = !strncmp(argv[i], "--", 2) && !strchr(argv[i], '=') &&
				 personal_opt(c, argv[i] + 2, strlen(argv[i] + 2));
	}
	return s;
}

/* Copies what is left of `from` to `to`; -1, errno set, when a read or a write failed. */
static int copy(FILE *from, FILE *to)
{
	char buf[65536];
	size_t n;

	while ((n = fread(buf, 1, sizeof buf, from)) > 0)
		if (fwrite(buf, 1, n, to) != n)
			return -1;
	if (ferror(from)) {
		errno = EIO;
		return -1;
	}
	return fflush(to) ? -1 : 0;
}

/* Whether path names the file st is: the database, one of several --db. */
static int same_file(const char *path, const struct stat *st)
{
	struct stat db;

	return path && stat(path, &db) == 0 && db.st_dev == st->st_dev && db.st_ino == st->st_ino;
}

/* The file --out writes, in target: a symlink's target (written through, as a shell's > does),
 * else the path given. Refused: what is not a regular file (a device, a pipe, a directory: a
 * rename would put a file in its place), a file the caller may not write, and the database. */
static int out_target(struct gg_ctx *c, char target[PATH_MAX])
{
	struct stat st;

	if (lstat(c->out_path, &st) != 0) {
		snprintf(target, PATH_MAX, "%s", c->out_path);
		return 0;
	}
	if (S_ISLNK(st.st_mode) && !realpath(c->out_path, target))
		return gg_err_set(&c->err, GG_EX_CANTCREAT, "--out '%s': a link to nothing (%s)", c->out_path,
				  strerror(errno));
	if (!S_ISLNK(st.st_mode))
		snprintf(target, PATH_MAX, "%s", c->out_path);
	if (stat(target, &st) != 0)
		return gg_err_set(&c->err, GG_EX_CANTCREAT, "--out '%s': %s", c->out_path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return gg_err_set(&c->err, GG_EX_CANTCREAT,
				  "--out '%s' is not a regular file: a report is written to a file", c->out_path);
	if (access(target, W_OK) != 0)
		return gg_err_set(&c->err, GG_EX_CANTCREAT, "--out '%s': %s", c->out_path, strerror(errno));
	for (int i = 0; i < (c->ndbs > 1 ? c->ndbs : 1); i++)
		if (same_file(c->ndbs > 1 ? c->dbs[i] : c->db_path, &st))
			return gg_err_set(&c->err, GG_EX_USAGE, "--out '%s' is the database the report reads",
					  c->out_path);
	return 0;
}

/* The held output into the file --out named: written under a temporary name beside it, then
 * renamed over it, so that the file is whole or absent, never half written, and an old one
 * stays as it was until the new one is complete. Made as a new file would be (umask). */
static int to_file(struct gg_ctx *c, int committed)
{
	char target[PATH_MAX];
	char *tmp, *slash;
	mode_t mask;
	int fd, code = GG_EX_CANTCREAT, err = 0;
	FILE *f = NULL;

	if (out_target(c, target))
		return c->err.code;
	if (!(tmp = malloc(strlen(target) + 16)))
		return gg_err_oom(&c->err);
	mask = umask(0);
	umask(mask);
	slash = strrchr(strcpy(tmp, target), '/');
	strcpy(slash ? slash + 1 : tmp, ".gg-out.XXXXXX");
	if ((fd = mkstemp(tmp)) < 0 || fchmod(fd, 0666 & ~mask) || !(f = fdopen(fd, "w"))) {
		err = errno;
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
	} else {
		code = GG_EX_IOERR;
		if (copy(c->out, f) || fsync(fileno(f)))
			err = errno;
		if (fclose(f) && !err)
			err = errno;
		if (!err && rename(tmp, target))
			err = errno, code = GG_EX_CANTCREAT;
		if (err)
			unlink(tmp);
	}
	free(tmp);
	if (!err)
		return 0;
	return gg_err_set(&c->err, code, "cannot %s '%s': %s%s", code == GG_EX_CANTCREAT ? "create" : "write",
			  c->out_path, strerror(err),
			  committed ? " (the change itself was committed; its output is lost)" : "");
}

/* Copies the held output to stdout, or to the file of a report's --out, once the command
 * has succeeded (and committed), or it was a dry run that found bad input, and lets it go
 * otherwise: a failed report leaves no file. */
static int release(struct gg_ctx *c, int rc, int committed)
{
	int shown = rc == 0 || rc == GG_EX_FOUND || (rc == GG_EX_DATAERR && c->keep_output && !committed);
	int file = c->out_path && strcmp(c->out_path, "-");

	if (shown && fseek(c->out, 0, SEEK_SET) != 0)
		rc = gg_err_set(&c->err, GG_EX_IOERR, "cannot read back the held output: %s", strerror(errno));
	else if (shown && file) {
		int wrote = to_file(c, committed);
		rc = wrote ? wrote : rc;
	} else if (shown && copy(c->out, stdout))
		rc = gg_err_set(&c->err, GG_EX_IOERR, "cannot write output: %s%s", strerror(errno),
				committed ? " (the change itself was committed; its output is lost)" : "");
	fclose(c->out);
	return rc;
}

/* A reveal's database opened for writing, as its audit row needs: a missing one is missing
 * (66, as for any reading), one the caller cannot write is refused saying why. */
static int open_to_reveal(struct gg_ctx *c)
{
	struct stat sb;

	if (!gg_db_is_url(c->db_path) && stat(c->db_path, &sb) != 0)
		return gg_db_open(&c->db, c->db_path, GG_DB_READ, &c->err);
	if (gg_db_open(&c->db, c->db_path, GG_DB_WRITE, &c->err) == 0)
		return 0;
	if (c->err.code == GG_EX_CANTCREAT)
		gg_err_prefix(&c->err, "--reveal is written to the audit log, and the log cannot be written");
	return c->err.code;
}

/* The reveal's audit row, once the command has run: whose data it showed unmasked and which
 * fields, the first GG_REVEAL_KEYS records by key, and how many in all. A dry run's work is
 * undone first, so that the row is committed alone. */
static int audit_reveal(struct gg_ctx *c)
{
	json_t *ch;
	int rc;

	if (c->rollback) {
		gg_db_rollback(c->db);
		c->prev_hash[0] = '\0'; /* the chain as the store has it, without the undone rows */
		if (gg_db_begin(c->db, &c->err))
			return c->err.code;
		c->rollback = 0;
	}
	ch = json_pack("{s:s,s:o,s:I}", "op", "reveal", "revealed",
		       c->revealed ? json_incref(c->revealed) : json_array(), "records", (json_int_t)c->nrevealed);
	if (!ch)
		return gg_err_oom(&c->err);
	rc = gg_audit(c, ch);
	json_decref(ch);
	return rc;
}

/* Several --db are read together by a reading command of a tool that reads several (gg-report's
 * reports); any other command is told why it takes one. */
static int one_or_several(struct gg_ctx *c, const struct gg_tool *t, const struct gg_cmd *parent,
			  const struct gg_cmd *k)
{
	if (c->ndbs < 2)
		return 0;
	if (!t->several_dbs)
		return gg_cli_usage(
			c, "--db given %d times: %s works on one database (only gg-report's reports read several)",
			c->ndbs, t->name);
	if (k->run != GG_RUN_READ && k->run != GG_RUN_LIST)
		return gg_cli_usage(c, "--db given %d times: '%s %s%s%s' writes, and a command writes one database",
				    c->ndbs, t->name, parent ? parent->name : "", parent ? " " : "", k->name);
	if (c->reveal)
		return gg_cli_usage(c,
				    "--db given %d times: --reveal is written to a database's audit log; give one --db",
				    c->ndbs);
	return 0;
}

/* Whether the command is gg-org init --force: the one write that may make another program's
 * file gg's. */
static int adopting(const struct gg_cmd *k, int argc, char **argv)
{
	if (strcmp(k->name, "init"))
		return 0;
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--force"))
			return 1;
	return 0;
}

/* The database as the command needs it: several --db read together as one city, a reveal's
 * opened to write its audit row, or the one file read or written. */
static int open_db(struct gg_ctx *c, enum gg_run mode, int reading, int adopt)
{
	if (c->ndbs > 1)
		return gg_db_open_several(&c->db, c->dbs, c->ndbs, &c->err);
	if (reading && c->reveal)
		return open_to_reveal(c);
	return gg_db_open(&c->db, c->db_path,
			  mode != GG_RUN_WRITE ? GG_DB_READ
			  : adopt	       ? GG_DB_ADOPT
					       : GG_DB_WRITE,
			  &c->err);
}

/* Whether an argument is "-", stdin named as a file, ids or a rubric: a write reads it before
 * anything else, since the command may look at the store before it gets to it. */
static int dash(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "-") || !strcmp(argv[i], "--file=-") || !strcmp(argv[i], "-f-"))
			return 1;
	return 0;
}

/* What a write's transaction begins with: the audit log's triggers checked, for a write waits
 * for them; init is how an operator puts them back. */
static int guard(void *arg, struct gg_err *err)
{
	struct gg_ctx *c = arg;

	int rc = gg_audit_guard(c, c->restore);

	if (rc && err != &c->err)
		*err = c->err;
	return rc;
}

/* A report's output is held whatever its kind, since its --out (read by the command) may
 * send it to a file; xlsx is binary, and refused on a terminal as gzip refuses it. */
static int run(struct gg_ctx *c, const struct gg_tool *t, const struct gg_cmd *k, int argc, char **argv)
{
	enum gg_run mode = k->run == GG_RUN_LIST ? GG_RUN_READ : k->run;
	int rc, committed = 0, reading = mode == GG_RUN_READ;

	if (mode == GG_RUN_READ && c->reveal)
		mode = GG_RUN_WRITE; /* revealing personal data is itself written to the audit log */
	if (mode != GG_RUN_NODB) {
		if (gg_db_path(c->db_path, sizeof c->db_path, c->db_opt, &c->err))
			return c->err.code;
		if (open_db(c, mode, reading, adopting(k, argc, argv)))
			return c->err.code;
		c->restore = !strcmp(k->name, "init");
		if (mode == GG_RUN_WRITE) {
			gg_db_begin_later(c->db, guard, c);
			gg_reader_spool_stdin();
			if (dash(argc, argv) && gg_reader_stdin(&c->err))
				return c->err.code;
		}
	}
	/* a list streams, but not what a reveal shows: that waits for its audit row's commit */
	c->out = k->run == GG_RUN_LIST && !c->reveal && !t->reports ? stdout : tmpfile();
	if (!c->out)
		return gg_err_set(&c->err, GG_EX_CANTCREAT, "cannot hold the output until the command is done: %s",
				  strerror(errno));
	optind = 1;
	rc = k->fn(c, argc, argv);
	if ((rc == 0 || rc == GG_EX_FOUND) && c->lang && !gg_lang_choose(c->lang))
		rc = gg_cli_usage(c, "--lang: zh_CN or en, not '%s'", c->lang);
	if ((rc == 0 || rc == GG_EX_FOUND) && c->fmt == GG_FMT_XLSX && (!c->out_path || !strcmp(c->out_path, "-")) &&
	    isatty(STDOUT_FILENO))
		rc = gg_cli_usage(c, "xlsx is binary and stdout is a terminal: give --out FILE or redirect it");
	if ((rc == 0 || rc == GG_EX_FOUND) && (fflush(c->out) != 0 || ferror(c->out)))
		rc = gg_err_set(&c->err, GG_EX_IOERR, "cannot write output: %s", strerror(errno));
	if ((rc == 0 || rc == GG_EX_FOUND) && c->reveal && c->db && audit_reveal(c))
		rc = c->err.code;
	if (mode == GG_RUN_WRITE && c->db) {
		if ((rc == 0 || rc == GG_EX_FOUND) && !c->rollback) {
			if (gg_db_commit(c->db, &c->err))
				rc = c->err.code;
			else
				committed = 1;
		} else {
			gg_db_rollback(c->db);
		}
	}
	/* a reader gone (| head -1) after a write's commit is said, not a silent SIGPIPE death */
	if (committed)
		signal(SIGPIPE, SIG_IGN);
	if (c->out != stdout) /* only what is done is shown: a failed command prints nothing */
		rc = release(c, rc, committed);
	c->out = NULL;
	if ((rc == 0 || rc == GG_EX_FOUND) && (fflush(stdout) != 0 || ferror(stdout)))
		rc = gg_err_set(&c->err, GG_EX_IOERR, "cannot write output: %s", strerror(errno));
	if (committed && c->hooks)
		gg_hook_run(c); /* after the output: a hook's own output goes to stderr */
	return rc;
}

/* An error as printed: a mobile or id number it quotes masked, with --reveal too (stderr is no
 * reveal, and nothing audits it). */
static void say(const char *prog, const char *msg)
{
	char *m = gg_text_mask_free(msg);

	fprintf(stderr, "%s: %s\n", prog, m ? m : msg);
	free(m);
}

int gg_cli_main(const struct gg_tool *t, int argc, char **argv)
{
	struct gg_ctx c = {0};
	const char *db = NULL, *now = NULL, *out = NULL;
	const struct gg_cmd *k = NULL, *parent = NULL;
	int want_help = 0, want_version = 0, rc;

	gg_reader_check_stdin();
	setlocale(LC_CTYPE, "C.UTF-8");
	/* SQLite's page cache comes and goes in blocks that glibc would hand back to the kernel
	 * and fault in again for every record of a large import (five times slower, measured):
	 * keep the heap's top instead. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 16 << 20);
	c.prog = t->name;
	c.kinds = t->kinds;
	c.registries = gg_kinds_registries;
	c.fmt = GG_FMT_DEFAULT;
	c.command = join(&c, argc, argv);
	const char **dbs = calloc((size_t)argc + 1, sizeof *dbs);
	c.dbs = dbs;
	if (!dbs) {
		gg_err_oom(&c.err);
		goto fail;
	}
	if (globals(&c, &argc, argv, &db, dbs, &now, &out, &want_help, &want_version))
		goto fail;
	if (!c.actor || !*c.actor)
		c.actor = login();
	if (!out)
		out = getenv("GG_OUTPUT");
	enum gg_fmt fmt;
	if (out && *out && gg_emit_fmt_parse(out, &fmt)) {
		gg_cli_usage(&c, "unknown output format '%s': use %s", out,
			     t->reports ? "yaml, json, ndjson, tsv, csv, table, md, html or xlsx" : DATA_FORMATS);
		goto fail;
	}
	if (out && *out && fmt >= GG_FMT_MD && !t->reports) { /* documents for people are reports' */
		gg_cli_usage(&c, "output format '%s' is gg-report's: use %s", out, DATA_FORMATS);
		goto fail;
	}
	if (out && *out)
		c.fmt = fmt;
	c.db_opt = db;
	if (want_version) {
		gg_ctx_free(&c);
		printf("%s %s\n", t->name, GG_VERSION);
		return fflush(stdout) ? GG_EX_IOERR : 0;
	}
	if (argc > 1 && !strcmp(argv[1], "help")) { /* gg-org help [COMMAND [SUBCOMMAND]] */
		want_help = 1;
		argv++;
		argc--;
	}
	if (argc > 1 && argv[1][0] == '-' && argv[1][1]) {
		gg_cli_usage(&c, "unknown option '%s'; see '%s --help'", argv[1], t->name);
		goto fail;
	}
	if (argc > 1 && !(k = find(t->cmds, argv[1]))) {
		gg_cli_usage(&c, "unknown command '%s'; see '%s --help'", argv[1], t->name);
		goto fail;
	}
	if (k && argc == 3 && !strcmp(argv[2], "help")) /* gg-org unit help, gg-org import help */
		want_help = 1, argc = 2;
	if (k && k->sub && argc > 2) {
		parent = k;
		if (!(k = find(parent->sub, argv[2]))) {
			gg_cli_usage(&c, "unknown command '%s %s'; see '%s %s --help'", parent->name, argv[2], t->name,
				     parent->name);
			goto fail;
		}
	}
	if (k && parent && argc == 4 && !strcmp(argv[3], "help")) /* gg-org unit add help */
		want_help = 1;
	if (want_help || !k) { /* asked for: on stdout; for want of a command: on stderr, exit 64 */
		gg_ctx_free(&c);
		return help(want_help ? stdout : stderr, t, parent, k) ? GG_EX_IOERR : (want_help ? 0 : GG_EX_USAGE);
	}
	if (k->sub) {
		gg_cli_usage(&c, "'%s %s' needs a command; see '%s %s --help'", t->name, k->name, t->name, k->name);
		goto fail;
	}
	if (gg_clock_init(now, &c.err))
		goto fail;
	c.group = parent ? parent->name : NULL;
	if (one_or_several(&c, t, parent, k))
		goto fail;
	rc = run(&c, t, k, argc - (parent ? 2 : 1), argv + (parent ? 2 : 1));
	gg_db_close(c.db);
	if (rc && rc != GG_EX_FOUND && c.err.msg[0])
		say(t->name, c.err.msg);
	if (rc == GG_EX_USAGE) { /* within 80 columns, as --help is */
		char line[1024];
		snprintf(line, sizeof line, "usage: %s %s%s%s %s", t->name, parent ? parent->name : "",
			 parent ? " " : "", k->name, k->usage ? k->usage : "");
		wrap(stderr, line, 4);
	}
	gg_ctx_free(&c);
	return rc;
fail:
	say(t->name, c.err.msg);
	gg_ctx_free(&c);
	return c.err.code ? c.err.code : GG_EX_USAGE;
}

/* ---- ids on the command line, or on stdin with - ---- */

/* An id on the command line: digits only, within 64 bits, else a usage error naming what it
 * should have been the id of (a ticket, an order, an activity). */
int gg_cli_id(struct gg_ctx *c, const char *what, const char *s, json_int_t *id)
{
	char *end;
	long long v;

	*id = 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (!isdigit((unsigned char)*s) || *end || v <= 0 || errno == ERANGE)
		return gg_cli_usage(c, "'%s' is not %s %s id", s, strchr("aeiou", *what) ? "an" : "a", what);
	*id = v;
	return 0;
}

/* stdin, with what was read of it to tell bare ids from records given back first: the
 * reader reads the file descriptor itself, so stdio must not keep any of it. */
struct peeked {
	char buf[4096];
	size_t n, off;
};

static ssize_t peeked_read(void *cookie, char *buf, size_t size)
{
	struct peeked *p = cookie;
	ssize_t k;

	if (p->off < p->n) {
		size_t n = p->n - p->off < size ? p->n - p->off : size;
		memcpy(buf, p->buf + p->off, n);
		p->off += n;
		return (ssize_t)n;
	}
	do
		k = read(0, buf, size);
	while (k < 0 && errno == EINTR);
	return k;
}

/* stdin as a stream, and whether it holds bare ids (`echo 5 | gg-ticket show -`) rather than
 * records: its first character past the blanks is a digit. */
static FILE *peek_stdin(struct peeked *p, int *bare)
{
	char ch = ' ';

	p->n = p->off = 0;
	while (p->n < sizeof p->buf && read(0, &ch, 1) == 1) {
		p->buf[p->n++] = ch;
		if (!strchr(" \t\r\n", ch))
			break;
	}
	*bare = isdigit((unsigned char)ch);
	return fopencookie(p, "r", (cookie_io_functions_t){.read = peeked_read});
}

/* Ids one after another, apart by blanks or lines, each as an argument would be. */
static int each_bare_id(struct gg_ctx *c, const char *what, FILE *in, int (*fn)(struct gg_ctx *, json_int_t, void *),
			void *arg)
{
	char word[64];
	json_int_t id;
	int rc = 0;

	while (!rc && fscanf(in, "%63s", word) == 1)
		if (!(rc = gg_cli_id(c, what, word, &id)))
			rc = fn(c, id, arg);
	if (rc && c->err.code == GG_EX_USAGE)
		c->err.code = rc = GG_EX_DATAERR; /* a bad id on stdin is bad input, not bad usage */
	return rc;
}

int gg_cli_each_id(struct gg_ctx *c, const char *what, int argc, char **argv,
		   int (*fn)(struct gg_ctx *, json_int_t, void *), void *arg)
{
	struct gg_reader *r;
	json_t *rec;
	json_int_t id;
	int rc = 0, n;

	if (argc < 1)
		return gg_cli_usage(c, "name the %ss by id (or '-' to read ids, or records with an id, from stdin)",
				    what);
	for (int i = 0; i < argc && !rc; i++) {
		if (strcmp(argv[i], "-")) {
			if (!(rc = gg_cli_id(c, what, argv[i], &id)))
				rc = fn(c, id, arg);
			continue;
		}
		struct peeked p;
		int bare;
		if (gg_reader_stdin(&c->err))
			return c->err.code;
		FILE *in = peek_stdin(&p, &bare);
		if (!in)
			return gg_err_oom(&c->err);
		if (bare) {
			rc = each_bare_id(c, what, in, fn, arg);
			fclose(in);
			continue;
		}
		if ((rc = gg_reader_open_stream(&r, in, "stdin", &c->err))) {
			fclose(in);
			return rc;
		}
		while (!rc && (n = gg_reader_next(r, &rec, &c->err)) > 0) {
			json_t *v = json_object_get(rec, "id");
			if (!json_is_integer(v))
				rc = gg_reader_fail(r, &c->err, rec, json_object_get(rec, "id") ? "id" : NULL,
						    "a record needs an integer id");
			else
				rc = fn(c, json_integer_value(v), arg);
			json_decref(rec);
		}
		if (!rc && n < 0)
			rc = c->err.code;
		gg_reader_close(r);
		fclose(in);
	}
	return rc;
}

/* ---- a period on the command line ---- */

/* --period P, or --from DAY and --to DAY (both days included), as the days [from, to) in the
 * calendar's zone; from is "" without --period or --from, to "" without --period or --to. */
int gg_cli_days(struct gg_ctx *c, const char *period, const char *from, const char *to, char a_day[16], char b_day[16])
{
	int64_t a = 0, b = 0;

	a_day[0] = b_day[0] = '\0';
	if (period && (from || to))
		return gg_cli_usage(c, "give --period or --from/--to, not both");
	if (period && gg_clock_period(period, &a, &b))
		return gg_cli_usage(c, "bad period '%s': use 2026, 2026-Q4, 2026-11 or 2026-W48", period);
	if (from && gg_clock_parse_date(from, &a))
		return gg_cli_usage(c, "bad date '%s' for --from (YYYY-MM-DD)", from);
	if (to && gg_clock_parse_date(to, &b))
		return gg_cli_usage(c, "bad date '%s' for --to (YYYY-MM-DD)", to);
	if (!period && to)
		b += 36 * 3600; /* the next day, whatever the length of this one */
	if (period || from)
		gg_clock_format_date(a, a_day);
	if (period || to)
		gg_clock_format_date(b, b_day);
	return 0;
}

int gg_cli_either(struct gg_ctx *c, json_t *f, const char *name, const char *const *ok, const char *arg)
{
	json_t *list = json_object_get(f, name);
	char one[256], all[256];

	if (!list)
		json_object_set_new(f, name, list = json_array());
	for (const char *p = arg, *end;; p = end + 1) {
		size_t n = strcspn(p, ",");
		int known = !ok;
		end = p + n;
		snprintf(one, sizeof one, "%.*s", (int)n, p);
		if (!*one)
			return gg_cli_usage(c, "--%s: an empty value in '%s'", name, arg);
		for (int i = 0; ok && ok[i]; i++)
			known |= !strcmp(ok[i], one);
		if (!known) {
			size_t len = 0;
			for (int i = 0; ok[i] && len < sizeof all; i++)
				len += (size_t)snprintf(all + len, sizeof all - len, "%s%s", i ? ", " : "", ok[i]);
			return gg_cli_usage(c, "unknown %s '%s' for --%s (one of: %s)", name, one, name, all);
		}
		json_array_append_new(list, json_string(one));
		if (!*end)
			break;
	}
	return 0;
}
