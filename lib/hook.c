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

static int others_write(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && (sb.st_mode & S_IWOTH);
}

/* What makes a hook anyone's code, or NULL: its directory, the file that runs (a symlink's
 * target) or the directory that file is in, writable by others. A sticky bit does not help:
 * others could still add a hook that is missing. */
static const char *unsafe(const char *path, char *real)
{
	const char *dir = getenv("GG_HOOKS");
	char *slash;

	if (others_write(dir))
		return dir;
	if (!realpath(path, real))
		return NULL; /* gone since: running it fails and says so */
	if (others_write(real))
		return real;
	slash = strrchr(real, '/');
	slash[slash == real] = '\0'; /* its directory: "/" for "/on-create" */
	return others_write(real) ? real : NULL;
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
	char path[PATH_MAX], real[PATH_MAX], **env = hook_env();
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
			if ((bad = unsafe(path, real)))
				fprintf(stderr,
					"%s: hook on-%s not run: '%s' is writable by others; the change stands\n",
					c->prog, event, bad);
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
