/* SPDX-License-Identifier: Apache-2.0 */
/* hook.c: running $GG_HOOKS/on-EVENT after a commit. Records are queued while the command
 * works and handed over only once its transaction has committed, one hook run each. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"
#include "hook.h"

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

static int run_one(const char *path, json_t *rec)
{
	int fd[2], status;
	pid_t pid;
	char *text = json_dumps(rec, JSON_COMPACT);

	if (!text || pipe(fd))
		return free(text), -1;
	if ((pid = fork()) == 0) {
		dup2(fd[0], 0);
		dup2(2, 1); /* what a hook prints is never part of gg's output */
		close(fd[0]);
		close(fd[1]);
		execl(path, path, (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	if (pid > 0) {
		size_t len = strlen(text), off = 0;
		while (off < len) {
			ssize_t k = write(fd[1], text + off, len - off);
			if (k <= 0)
				break; /* the hook did not read it all: its business */
			off += (size_t)k;
		}
		if (off == len && write(fd[1], "\n", 1) < 0)
			off = 0;
	}
	close(fd[1]);
	free(text);
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void gg_hook_run(struct gg_ctx *c)
{
	size_t i;
	json_t *h;
	char path[PATH_MAX];
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);

	json_array_foreach (c->hooks, i, h) {
		const char *event = json_string_value(json_array_get(h, 0));
		json_t *rec = json_array_get(h, 1);
		if (hook_path(event, path, sizeof path))
			continue;
		int rc = run_one(path, rec);
		if (rc)
			fprintf(stderr, "%s: hook on-%s failed for id %lld (exit %d); the change stands\n", c->prog,
				event, (long long)json_integer_value(json_object_get(rec, "id")), rc);
	}
	signal(SIGPIPE, old);
	json_decref(c->hooks);
	c->hooks = NULL;
}
