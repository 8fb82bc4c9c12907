/* SPDX-License-Identifier: Apache-2.0 */
/* reader.c: the record reader's life and its input. It opens a file or a stream, tells JSON
 * from YAML by the name or the first bytes, hands each record out (reader-json.c and
 * reader-yaml.c make them, reader-pos.c remembers where their values stood) and, when asked,
 * reads JSON ahead in a second thread. Either way one record is held at a time. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "embed.h"
#include "reader-impl.h"

static void stop_ahead(struct gg_reader *r);

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		p += k, n -= (size_t)k;
	}
	return 0;
}

/* ---- input ---- */

/* What the input has now, up to n bytes: one read(2) on a file descriptor, so that records a
 * slow producer writes into a pipe are taken as they come, not when a buffer is full. A reader
 * reading ahead in a second thread also watches wake_fd, and takes it as the end of input. */
size_t reader_some(struct gg_reader *r, char *buf, size_t n)
{
	int fd = fileno(r->f);
	ssize_t k;

	if (fd < 0) /* a stream in memory */
		return fread(buf, 1, n, r->f);
	if (r->wake_fd >= 0) {
		struct pollfd p[2] = {{.fd = fd, .events = POLLIN}, {.fd = r->wake_fd, .events = POLLIN}};
		while (poll(p, 2, -1) < 0)
			if (errno != EINTR)
				return r->read_errno = errno, 0;
		if (p[1].revents)
			return 0;
	}
	do
		k = read(fd, buf, n);
	while (k < 0 && errno == EINTR);
	if (k < 0) {
		r->read_errno = errno;
		return 0;
	}
	return (size_t)k;
}

static size_t input(struct gg_reader *r, char *buf, size_t n)
{
	if (r->obuf < r->nbuf) {
		size_t k = r->nbuf - r->obuf;
		if (k > n)
			k = n;
		memcpy(buf, r->buf + r->obuf, k);
		r->obuf += k;
		return k;
	}
	return reader_some(r, buf, n);
}

static int yaml_read(void *data, unsigned char *buf, size_t n, size_t *got)
{
	struct gg_reader *r = data;
	*got = input(r, (char *)buf, n);
	return *got > 0 || (!ferror(r->f) && !r->read_errno);
}

/* ---- the format ---- */

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcmp(s + a - b, suf) == 0;
}

static int next_sig(const char *p, size_t n, size_t *i)
{
	while (*i < n && strchr(" \t\r\n", p[*i]))
		(*i)++;
	return *i < n ? (unsigned char)p[*i] : -1;
}

/* JSON when the text opens like JSON and unlike a YAML flow collection ({code: x}). */
static int sniff_json(const char *p, size_t n)
{
	size_t i = 0;
	int c;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	c = next_sig(p, n, &i);
	if (c == '[') {
		i++;
		c = next_sig(p, n, &i);
		if (c == ']' || c == '"' || c == '-' || (c >= '0' && c <= '9'))
			return 1;
		if (c != '{')
			return 0;
	}
	if (c != '{')
		return 0;
	i++;
	c = next_sig(p, n, &i);
	return c == '"' || c == '}';
}

/* Whether stdin is read whole before it is used: a writing command asks, for its transaction
 * begins at its first statement and must not wait on a producer (gg_db_begin_later). And
 * whether the caller closed it (<&-): then "-" is an error, not the empty file that would
 * otherwise come to stand on descriptor 0. */
static int spool, closed;

void gg_reader_spool_stdin(void)
{
	spool = 1;
}

/* Called first thing: stdin closed is remembered, and /dev/null put on descriptor 0 so that no
 * file the command opens (the database) comes to stand where input is read. */
void gg_reader_check_stdin(void)
{
	if (fcntl(0, F_GETFD) == -1 && errno == EBADF) {
		closed = 1;
		int fd = open("/dev/null", O_RDONLY);
		if (fd > 0)
			close(fd); /* it was not 0: nothing more can be done */
	}
}

/* stdin made ready to read: when a write reads a pipe, a socket or a terminal, everything on
 * it first, into an unlinked temporary file put in its place, so that the producer's pace
 * never holds the store's write lock. A file or /dev/null is read as it is. Endless input
 * would fill the disk: past GG_INPUT_MAX bytes (default 4 GiB) it is refused. */
int gg_reader_stdin(struct gg_err *err)
{
	static int done;
	char buf[1 << 16], path[PATH_MAX];
	const char *tmp = getenv("TMPDIR"), *max = getenv("GG_INPUT_MAX");
	long long most = 4LL << 30, held = 0;
	char *end;
	struct stat sb;
	ssize_t k;
	int fd;

	if (closed)
		return gg_err_set(err, GG_EX_IOERR, "cannot read stdin: it is closed");
	if (max && *max && (most = strtoll(max, &end, 10), *end || most < 0))
		return gg_err_set(err, GG_EX_USAGE, "GG_INPUT_MAX: '%s' is not a number of bytes", max);
	if (!spool || done++ || fstat(0, &sb) || S_ISREG(sb.st_mode) || (S_ISCHR(sb.st_mode) && !isatty(0)))
		return 0;
	snprintf(path, sizeof path, "%s/gg-stdin.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		return gg_err_set(err, GG_EX_CANTCREAT, "cannot hold stdin before writing: %s: %s", path,
				  strerror(errno));
	unlink(path);
	while ((k = read(0, buf, sizeof buf)) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k > 0 && (held += k) > most) {
			close(fd);
			return gg_err_set(err, GG_EX_DATAERR,
					  "stdin: more than %lld bytes (GG_INPUT_MAX), which a write holds before it "
					  "begins; give a larger input as a file, -f FILE",
					  most);
		}
		if (k < 0 || write_all(fd, buf, (size_t)k)) {
			int e = errno;
			close(fd);
			return gg_err_set(err, k < 0 ? GG_EX_IOERR : GG_EX_CANTCREAT, "cannot %s stdin: %s",
					  k < 0 ? "read" : "hold", strerror(e));
		}
	}
	if (lseek(fd, 0, SEEK_SET) != 0 || dup2(fd, 0) < 0) {
		int e = errno;
		close(fd);
		return gg_err_set(err, GG_EX_IOERR, "cannot read back stdin: %s", strerror(e));
	}
	close(fd);
	clearerr(stdin);
	return 0;
}

int gg_reader_open(struct gg_reader **out, const char *path, struct gg_err *err)
{
	FILE *f;

	*out = NULL;
	if (!path || strcmp(path, "-") == 0)
		return gg_reader_stdin(err) ? err->code : gg_reader_open_stream(out, stdin, "stdin", err);
	if (!(f = fopen(path, "rb")))
		return gg_err_set(err, GG_EX_NOINPUT, "cannot open '%s': %s", path, strerror(errno));
	if (gg_reader_open_stream(out, f, path, err)) {
		fclose(f);
		return err->code;
	}
	(*out)->owned = 1;
	return 0;
}

/* A reader of a file built into the tools from share/gg/ (stars.yaml), named "NAME (built
 * in)" in messages; closing the reader closes what it read. */
int gg_reader_open_embed(struct gg_reader **out, const char *name, struct gg_err *err)
{
	const char *text = gg_embed_get(name);
	char shown[128];
	FILE *f;

	*out = NULL;
	if (!text || !(f = fmemopen((void *)text, strlen(text), "r")))
		return gg_err_set(err, GG_EX_SOFTWARE, "%s is not built in", name);
	snprintf(shown, sizeof shown, "%s (built in)", name);
	if (gg_reader_open_stream(out, f, shown, err)) {
		fclose(f);
		return err->code;
	}
	(*out)->owned = 1;
	return 0;
}

/* A reader of an open stream, named `name` in messages; closing the reader leaves f open. */
int gg_reader_open_stream(struct gg_reader **out, FILE *f, const char *name, struct gg_err *err)
{
	struct gg_reader *r = calloc(1, sizeof *r);

	*out = NULL;
	if (!r || !(r->name = strdup(name))) {
		free(r);
		return gg_err_oom(err);
	}
	r->f = f;
	r->wake_fd = -1;
	/* enough to tell JSON from YAML: up to the end of the first line, or the input's end */
	for (size_t k = 1; k > 0 && r->nbuf < 4096 && !memchr(r->buf, '\n', r->nbuf);)
		r->nbuf += k = reader_some(r, r->buf + r->nbuf, 4096 - r->nbuf);
	if (r->read_errno || ferror(r->f)) {
		errno = r->read_errno ? r->read_errno : errno;
		gg_err_set(err, GG_EX_IOERR, "cannot read '%s': %s", r->name, strerror(errno));
		gg_reader_close(r);
		return err->code;
	}
	if (ends_with(r->name, ".json") || ends_with(r->name, ".ndjson") || ends_with(r->name, ".jsonl"))
		r->json = 1;
	else if (ends_with(r->name, ".yaml") || ends_with(r->name, ".yml"))
		r->json = 0;
	else
		r->json = sniff_json(r->buf, r->nbuf);
	r->line = 1;
	r->col = 1;
	if (!r->json) {
		yaml_parser_initialize(&r->yp);
		yaml_parser_set_input(&r->yp, yaml_read, r);
		r->yp_init = 1;
	}
	*out = r;
	return 0;
}

void gg_reader_keep(struct gg_reader *r, int keep)
{
	r->keep = keep;
}

const char *gg_reader_name(const struct gg_reader *r)
{
	return r->name;
}

void gg_reader_close(struct gg_reader *r)
{
	if (!r)
		return;
	if (r->ahead)
		stop_ahead(r);
	if (r->owned)
		fclose(r->f);
	if (r->yp_init)
		yaml_parser_delete(&r->yp);
	reader_drop_anchors(r);
	free(r->pos);
	free(r->val);
	free(r->name);
	free(r);
}

static int next(struct gg_reader *r, json_t **rec, struct gg_err *err)
{
	int rc = r->json ? reader_json_next(r, rec, err) : reader_yaml_next(r, rec, err);
	if (rc >= 0 && (ferror(r->f) || r->read_errno))
		return gg_err_set(err, GG_EX_IOERR, "cannot read '%s': %s", r->name,
				  strerror(r->read_errno ? r->read_errno : errno)),
		       -1;
	return rc;
}

/* ---- reading ahead ---- */

#define AHEAD 512

struct slot {
	json_t *rec;
	int rc, line, col;
	struct gg_err err;
};

struct ahead {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t filled, emptied;
	struct slot ring[AHEAD];
	size_t head, count;
	int stop, reader_waits, taker_waits; /* signal only a thread that waits */
	json_t *spent[AHEAD];		     /* records the taker is done with, for the reader to free */
	size_t nspent;
	int wake[2]; /* a pipe: closing the reader early wakes the thread from a wait for input */
};

/* The second thread: reads and parses records into the ring until the input ends, an error
 * comes, or the reader is closed. */
static void *read_ahead(void *arg)
{
	struct gg_reader *r = arg;
	struct ahead *a = r->ahead;

	json_t *spent[AHEAD];
	size_t nspent = 0;

	pthread_setname_np(pthread_self(), "gg-read-ahead"); /* as top and perf show it */

	for (int rc = 1; rc > 0;) {
		struct slot s = {0};
		while (nspent) /* memory goes back to the thread that took it: freeing is cheaper there */
			json_decref(spent[--nspent]);
		rc = s.rc = next(r, &s.rec, &s.err);
		s.line = r->rec_line;
		s.col = r->rec_col;
		pthread_mutex_lock(&a->mu);
		memcpy(spent, a->spent, a->nspent * sizeof *spent);
		nspent = a->nspent;
		a->nspent = 0;
		while (a->count == AHEAD && !a->stop) {
			a->reader_waits = 1;
			pthread_cond_wait(&a->emptied, &a->mu);
		}
		a->reader_waits = 0;
		if (a->stop) {
			pthread_mutex_unlock(&a->mu);
			json_decref(s.rec);
			break;
		}
		a->ring[(a->head + a->count++) % AHEAD] = s;
		if (a->taker_waits)
			pthread_cond_signal(&a->filled);
		pthread_mutex_unlock(&a->mu);
	}
	while (nspent)
		json_decref(spent[--nspent]);
	return NULL;
}

/* The caller is done with a record gg_reader_next gave it. */
void gg_reader_release(struct gg_reader *r, json_t *rec)
{
	struct ahead *a = r->ahead;

	if (a && rec) {
		pthread_mutex_lock(&a->mu);
		if (a->nspent < AHEAD && !a->stop) {
			a->spent[a->nspent++] = rec;
			rec = NULL;
		}
		pthread_mutex_unlock(&a->mu);
	}
	json_decref(rec);
}

/* From now on JSON records are read and parsed by a second thread while the caller works on
 * the ones before them: an import of a million tickets keeps both cores busy. YAML, whose
 * positions the caller may ask for, is read as before. */
void gg_reader_prefetch(struct gg_reader *r)
{
	struct ahead *a;

	if (!r->json || r->ahead || !(a = calloc(1, sizeof *a)))
		return;
	json_object_seed(0); /* before a second thread makes objects */
	if (pipe(a->wake)) {
		free(a);
		return;
	}
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->filled, NULL);
	pthread_cond_init(&a->emptied, NULL);
	r->ahead = a;
	r->wake_fd = a->wake[0];
	if (pthread_create(&a->thread, NULL, read_ahead, r)) {
		r->ahead = NULL;
		r->wake_fd = -1;
		close(a->wake[0]);
		close(a->wake[1]);
		free(a);
	}
}

static int take_ahead(struct gg_reader *r, json_t **rec, struct gg_err *err)
{
	struct ahead *a = r->ahead;
	struct slot s;

	pthread_mutex_lock(&a->mu);
	while (a->count == 0) {
		a->taker_waits = 1;
		pthread_cond_wait(&a->filled, &a->mu);
	}
	a->taker_waits = 0;
	s = a->ring[a->head];
	if (s.rc > 0) { /* the last slot (end or error) stays, for every later call */
		a->head = (a->head + 1) % AHEAD;
		a->count--;
		if (a->reader_waits && a->count < AHEAD / 2) /* wake it when there is room for a run */
			pthread_cond_signal(&a->emptied);
	} else {
		a->ring[a->head].rec = NULL;
	}
	pthread_mutex_unlock(&a->mu);
	r->at_line = s.line;
	r->at_col = s.col;
	*rec = s.rec;
	if (s.rc < 0)
		*err = s.err;
	return s.rc;
}

static void stop_ahead(struct gg_reader *r)
{
	struct ahead *a = r->ahead;

	pthread_mutex_lock(&a->mu);
	a->stop = 1;
	pthread_cond_signal(&a->emptied);
	pthread_mutex_unlock(&a->mu);
	if (write(a->wake[1], "", 1) < 0) /* it may be waiting for input that is slow to come */
		a->stop = 1;
	pthread_join(a->thread, NULL);
	close(a->wake[0]);
	close(a->wake[1]);
	r->wake_fd = -1;
	for (size_t i = 0; i < a->count; i++)
		json_decref(a->ring[(a->head + i) % AHEAD].rec);
	while (a->nspent)
		json_decref(a->spent[--a->nspent]);
	pthread_mutex_destroy(&a->mu);
	pthread_cond_destroy(&a->filled);
	pthread_cond_destroy(&a->emptied);
	free(a);
	r->ahead = NULL;
}

/* Next record: 1 with *rec set (the caller owns it), 0 at the end, -1 on error. */
int gg_reader_next(struct gg_reader *r, json_t **rec, struct gg_err *err)
{
	int rc;

	*rec = NULL;
	if (r->ahead)
		return take_ahead(r, rec, err);
	if (!r->keep)
		reader_pos_clear(r);
	rc = next(r, rec, err);
	r->at_line = r->rec_line;
	r->at_col = r->rec_col;
	return rc;
}
