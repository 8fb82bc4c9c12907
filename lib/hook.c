/* SPDX-License-Identifier: Apache-2.0 */
/* hook.c: running $GG_HOOKS/on-EVENT after a commit. Records are queued while the command
 * works and handed over only once its transaction has committed, one hook run each: in a
 * clean environment, in its own process group, and killed past GG_HOOK_TIMEOUT. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "hook.h"

#define HOOK_TIMEOUT 30	    /* seconds, when GG_HOOK_TIMEOUT does not say */
#define HOOK_GRACE 2000	    /* ms between SIGTERM and SIGKILL */
#define HOOK_KILLED INT_MIN /* run_one: killed past its time (never a negated errno) */
#define HOOK_HOPS 40	    /* symlinks followed on the way to a hook, as many as Linux follows */

extern char **environ;
static char path_var[] = "PATH=/usr/local/bin:/usr/bin:/bin", *bare_env[] = {path_var, NULL};

static int hook_path(const char *event, char *buf, size_t n)
{
	const char *dir = getenv("GG_HOOKS");
	if (!dir || !*dir)
		return -1;
	if (snprintf(buf, n, "%s/on-%s", dir, event) >= (int)n)
		return -1;
	return access(buf, X_OK);
}

/* Whether a hook for the event is there: a caller can spare itself making the record. Asked
 * once per event and command (an import asks for each of a million tickets). */
int gg_hook_wanted(struct gg_ctx *c, const char *event)
{
	char path[PATH_MAX], memo[64];
	int *answer, fresh;

	snprintf(memo, sizeof memo, "hook:%s", event);
	if (!(answer = gg_ctx_memo(c, memo, sizeof *answer, &fresh)))
		return hook_path(event, path, sizeof path) == 0;
	if (fresh)
		*answer = hook_path(event, path, sizeof path) == 0;
	return *answer;
}

void gg_hook_queue(struct gg_ctx *c, const char *event, json_t *rec)
{
	char path[PATH_MAX];

	if (hook_path(event, path, sizeof path))
		return; /* no such hook: nothing to keep */
	if (!c->hooks)
		c->hooks = json_array();
	json_array_append_new(c->hooks, json_pack("[sO]", event, rec));
}

/* Whether a file on the way to a hook could be anyone's (then why, in words, is put in why):
 * owned by another than the caller or root, or writable by others. Others may write a sticky
 * directory that is only passed through, as /tmp: there they can add a name but not take away
 * or rename one that is the caller's or root's. A symlink's own mode means nothing. */
static int suspect(const char *path, const struct stat *sb, int passed, char *why, size_t n)
{
	if (sb->st_uid != geteuid() && sb->st_uid != 0) {
		snprintf(why, n, "'%s' is owned by uid %lu, not by you or root", path, (unsigned long)sb->st_uid);
		return 1;
	}
	if (S_ISLNK(sb->st_mode) || !(sb->st_mode & S_IWOTH) ||
	    (passed && S_ISDIR(sb->st_mode) && (sb->st_mode & S_ISVTX)))
		return 0;
	snprintf(why, n, "'%s' is writable by others", path);
	return 1;
}

static int cannot(const char *path, int err, char *why, size_t n)
{
	snprintf(why, n, "'%s' cannot be checked (%s)", path, strerror(err));
	return 1;
}

/* Follows path a name at a time, as the kernel will, and vets every directory, symlink and the
 * file it comes to: realpath() tells where a path ends, not who could change where it leads.
 * The end is vetted as no directory passed through: a sticky GG_HOOKS still lets others add
 * the hook that is missing. Whatever cannot be followed is refused, not run blind. */
static int vet(const char *path, char *why, size_t n)
{
	char todo[PATH_MAX], real[PATH_MAX], next[PATH_MAX], link[PATH_MAX], *rest, *name;
	int hops = 0, len;
	ssize_t k;
	struct stat sb;

	real[0] = '\0'; /* "" is "/": every name is joined to it with a slash */
	if (path[0] == '/')
		len = snprintf(todo, sizeof todo, "%s", path);
	else if (getcwd(next, sizeof next)) /* the way to the working directory counts too */
		len = snprintf(todo, sizeof todo, "%s/%s", next, path);
	else
		return cannot(path, errno, why, n);
	if (len >= (int)sizeof todo)
		return cannot(path, ENAMETOOLONG, why, n);
	if (lstat("/", &sb))
		return cannot("/", errno, why, n);
	if (suspect("/", &sb, 1, why, n))
		return 1;
	for (rest = todo;;) {
		rest += strspn(rest, "/");
		if (!*rest)
			break;
		name = rest;
		rest += strcspn(rest, "/");
		if (*rest)
			*rest++ = '\0';
		if (!strcmp(name, "."))
			continue;
		/* real has no symlinks left, so its parent is the lexical one; that of / is / */
		if (!strcmp(name, "..")) {
			if (*real)
				*strrchr(real, '/') = '\0';
			continue;
		}
		if (snprintf(next, sizeof next, "%s/%s", real, name) >= (int)sizeof next)
			return cannot(path, ENAMETOOLONG, why, n);
		if (lstat(next, &sb))
			return cannot(next, errno, why, n);
		if (suspect(next, &sb, 1, why, n))
			return 1;
		if (!S_ISLNK(sb.st_mode)) {
			strcpy(real, next);
			continue;
		}
		/* the rest of the way is now the link's target, then what was left: relative to the
		 * link's directory (real, as it stands) unless it starts at / */
		if (++hops > HOOK_HOPS) {
			snprintf(why, n, "'%s' leads through more than %d symlinks", path, HOOK_HOPS);
			return 1;
		}
		if ((k = readlink(next, link, sizeof link)) < 0 || k == (ssize_t)sizeof link)
			return cannot(next, k < 0 ? errno : ENAMETOOLONG, why, n);
		link[k] = '\0';
		if (snprintf(next, sizeof next, "%s/%s", link, rest) >= (int)sizeof next)
			return cannot(path, ENAMETOOLONG, why, n);
		strcpy(todo, next);
		rest = todo;
		if (link[0] == '/')
			real[0] = '\0';
	}
	if (!*real)
		strcpy(real, "/");
	if (lstat(real, &sb))
		return cannot(real, errno, why, n);
	return suspect(real, &sb, 0, why, n);
}

/* What makes a hook anyone's code, in words, or NULL: anything on the way to GG_HOOKS or on
 * from there to the file that runs, as vet() sees it. */
static const char *unsafe(const char *path, char *why, size_t n)
{
	return vet(getenv("GG_HOOKS"), why, n) || vet(path, why, n) ? why : NULL;
}

/* The hook's environment: a fixed PATH and, of the caller's, only HOME, TZ, the locale and
 * every GG_*; what a cron line or a web server happens to export is not the hook's business. */
static char **hook_env(void)
{
	size_t n = 0, k = 0;
	char **e, **env;

	for (e = environ; *e; e++)
		n++;
	if (!(env = calloc(n + 2, sizeof *env)))
		return bare_env;
	env[k++] = path_var;
	for (e = environ; *e; e++)
		if (!strncmp(*e, "GG_", 3) || !strncmp(*e, "LC_", 3) || !strncmp(*e, "HOME=", 5) ||
		    !strncmp(*e, "LANG=", 5) || !strncmp(*e, "TZ=", 3))
			env[k++] = *e;
	return env;
}

/* GG_HOOK_TIMEOUT in ms, 0 for no limit. A bad value is warned about and the default kept, not
 * an error: the change is committed by now, and its hooks still deserve a limit. */
static long long hook_timeout(const char *prog)
{
	const char *s = getenv("GG_HOOK_TIMEOUT");
	char *end;
	long v;

	if (!s || !*s)
		return HOOK_TIMEOUT * 1000LL;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || errno) {
		fprintf(stderr, "%s: GG_HOOK_TIMEOUT: '%s' is not a number of seconds; hooks get %ds\n", prog, s,
			HOOK_TIMEOUT);
		return HOOK_TIMEOUT * 1000LL;
	}
	return (v < 1000000000 ? v : 1000000000) * 1000LL; /* past any lifetime: as good as none */
}

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

/* A descriptor that polls readable once the process has ended, or -1 where the kernel has none
 * (before Linux 5.3, or not Linux): gg then looks every tenth of a second. */
static int pidfd(pid_t pid)
{
#ifdef SYS_pidfd_open
	return (int)syscall(SYS_pidfd_open, pid, 0);
#else
	(void)pid;
	return -1;
#endif
}

/* Whether the hook has ended. It is not reaped yet, so its process group cannot be another's
 * by the time gg kills what is left of it. */
static int ended(pid_t pid)
{
	siginfo_t si = {0};
	return waitid(P_PID, pid, &si, WEXITED | WNOHANG | WNOWAIT) != 0 || si.si_pid == pid;
}

/* Feeds the hook its record (from *off on, through *wfd: closed once all is written or the
 * hook stops reading) until it ends (0) or the deadline passes (-1; 0 is none). A hook that
 * never reads its stdin holds gg no longer than one that never exits. */
static int await(pid_t pid, int pfd, int *wfd, const char *text, size_t *off, long long deadline)
{
	size_t len = strlen(text);

	for (;;) {
		if (*wfd >= 0 && *off < len) {
			ssize_t k = write(*wfd, text + *off, len - *off);
			if (k > 0)
				*off += (size_t)k;
			else if (errno != EAGAIN)
				*off = len; /* it stopped reading: its business */
		}
		if (*wfd >= 0 && *off == len) {
			close(*wfd);
			*wfd = -1;
		}
		if (ended(pid))
			return 0;
		/* without a pidfd to wake gg when the hook ends, it looks every tenth of a second */
		long long left = deadline ? deadline - now_ms() : 60000, nap = pfd < 0 ? 100 : 60000;
		if (left <= 0)
			return -1;
		struct pollfd p[2] = {{.fd = pfd, .events = POLLIN}, {.fd = *wfd, .events = POLLOUT}};
		poll(p, 2, (int)(left < nap ? left : nap));
	}
}

/* The hook's side of the fork: only what is safe to call there. Its own process group, so
 * what it starts is killed with it; every signal at its default and none blocked, as a program
 * expects them, not as gg (which ignores SIGPIPE meanwhile) or gg's caller left them. */
static void start(const char *path, int in, char **env)
{
	struct sigaction dfl = {.sa_handler = SIG_DFL};
	sigset_t none;
	int sig;

	setpgid(0, 0);
	for (sig = 1; sig < NSIG; sig++)
		sigaction(sig, &dfl, NULL); /* SIGKILL, SIGSTOP and libc's own refuse: no matter */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	dup2(in, 0);
	dup2(2, 1); /* what a hook prints is never part of gg's output */
	execve(path, (char *[]){(char *)path, NULL}, env);
	_exit(127);
}

/* Runs one hook on text: its exit status (128 + the signal that ended it), HOOK_KILLED past
 * its time, or an errno (negated) when it could not be started. */
static int run_one(const char *path, const char *text, char **env, long long limit)
{
	int fd[2], pfd, status, killed = 0;
	size_t off = 0;
	pid_t pid;

	if (pipe2(fd, O_CLOEXEC))
		return -errno;
	if ((pid = fork()) == 0)
		start(path, fd[0], env);
	if (pid < 0) {
		status = errno;
		close(fd[0]);
		close(fd[1]);
		return -status;
	}
	close(fd[0]);
	setpgid(pid, pid); /* the child does too: whichever runs first, the group is there to kill */
	fcntl(fd[1], F_SETFL, O_NONBLOCK);
	pfd = pidfd(pid);
	if (await(pid, pfd, &fd[1], text, &off, limit ? now_ms() + limit : 0)) {
		killed = 1;
		kill(-pid, SIGTERM);
		off = strlen(text); /* nothing more to feed it */
		await(pid, pfd, &fd[1], text, &off, now_ms() + HOOK_GRACE);
		kill(-pid, SIGKILL); /* whatever is left of its group */
	}
	if (fd[1] >= 0) /* it ended without reading all: what it left running may not either */
		close(fd[1]);
	if (pfd >= 0)
		close(pfd);
	if (waitpid(pid, &status, 0) < 0)
		return -errno;
	if (killed)
		return HOOK_KILLED;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The record as the hook reads it: one line of JSON. */
static char *record_line(json_t *rec)
{
	char *s = json_dumps(rec, JSON_COMPACT), *line;

	if (!s || !(line = realloc(s, strlen(s) + 2)))
		return free(s), NULL;
	return strcat(line, "\n");
}

void gg_hook_run(struct gg_ctx *c)
{
	size_t i;
	json_t *h, *safe = json_object(); /* event → whether its hook may run, checked once */
	char path[PATH_MAX], why[PATH_MAX + 64], **env = hook_env();
	long long limit = hook_timeout(c->prog);
	void (*pipe_was)(int) = signal(SIGPIPE, SIG_IGN);
	/* an ignored SIGCHLD (inherited from gg's caller) would reap the hook before gg sees it end */
	void (*chld_was)(int) = signal(SIGCHLD, SIG_DFL);

	json_array_foreach (c->hooks, i, h) {
		const char *event = json_string_value(json_array_get(h, 0)), *bad;
		json_t *rec = json_array_get(h, 1);
		long long id = json_integer_value(json_object_get(rec, "id"));
		char *text = NULL;
		int rc;

		if (hook_path(event, path, sizeof path))
			continue;
		if (!json_object_get(safe, event)) {
			if ((bad = unsafe(path, why, sizeof why)))
				fprintf(stderr, "%s: hook on-%s not run: %s; the change stands\n", c->prog, event, bad);
			json_object_set_new(safe, event, json_boolean(!bad));
		}
		if (!json_is_true(json_object_get(safe, event)))
			continue;
		rc = (text = record_line(rec)) ? run_one(path, text, env, limit) : -ENOMEM;
		free(text);
		if (rc == HOOK_KILLED)
			fprintf(stderr,
				"%s: hook on-%s killed for id %lld after %llds (GG_HOOK_TIMEOUT); the change stands\n",
				c->prog, event, id, limit / 1000);
		else if (rc < 0)
			fprintf(stderr, "%s: hook on-%s failed for id %lld (%s); the change stands\n", c->prog, event,
				id, strerror(-rc));
		else if (rc)
			fprintf(stderr, "%s: hook on-%s failed for id %lld (exit %d); the change stands\n", c->prog,
				event, id, rc);
	}
	signal(SIGPIPE, pipe_was);
	signal(SIGCHLD, chld_was);
	json_decref(safe);
	if (env != bare_env)
		free(env);
	json_decref(c->hooks);
	c->hooks = NULL;
}
