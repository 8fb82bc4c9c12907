/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz.h: what the libFuzzer targets share: an input as a string of exactly its bytes (so that
 * AddressSanitizer sees a read past its end) or as a file, and a context on a database of the
 * test city, made once per run, for the parsers whose commands read one. */
#ifndef GG_FUZZ_H
#define GG_FUZZ_H

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "ctx.h"
#include "db.h"
#include "kinds.h"
#include "org.h"
#include "reader.h"

/* The input as a NUL-terminated string; a NUL inside it ends it, as one in argv would. */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (s) {
		memcpy(s, data, size);
		s[size] = '\0';
	}
	return s;
}

/* The input in a new file whose name goes into path; -1 when it could not be written. */
static inline int fuzz_file(const uint8_t *data, size_t size, char path[32])
{
	int fd;

	strcpy(path, "/tmp/gg-fuzz-XXXXXX");
	if ((fd = mkstemp(path)) < 0)
		return -1;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return -1;
	}
	return close(fd);
}

static struct gg_db *fuzz_db_;
static char fuzz_db_path_[] = "/tmp/gg-fuzz-city-XXXXXX";

static inline void fuzz_db_gone(void)
{
	char p[sizeof fuzz_db_path_ + 4];

	gg_db_close(fuzz_db_);
	unlink(fuzz_db_path_);
	snprintf(p, sizeof p, "%s-wal", fuzz_db_path_);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", fuzz_db_path_);
	unlink(p);
}

/* A command's context on the test city (tests/fixtures/city.yaml, read from the top of the
 * tree, where make fuzz runs), at the test suites' fixed time, in the locale every tool sets;
 * gg_ctx_free after each input. */
static inline void fuzz_city(struct gg_ctx *c)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	memset(c, 0, sizeof *c);
	c->prog = "fuzz";
	c->actor = "fuzz";
	c->command = strdup("fuzz");
	c->registries = gg_kinds_registries;
	if (!fuzz_db_) {
		struct gg_reader *r;
		json_t *summary = json_object();
		int fd = mkstemp(fuzz_db_path_);
		/* gg_db_open makes the file its own way, group-private */
		if (fd < 0 || close(fd) || unlink(fuzz_db_path_) ||
		    gg_clock_init("2026-11-26T10:00:00+08:00", &c->err) ||
		    gg_db_open(&fuzz_db_, fuzz_db_path_, GG_DB_WRITE, &c->err) || gg_db_begin(fuzz_db_, &c->err) ||
		    gg_reader_open(&r, "tests/fixtures/city.yaml", &c->err)) {
			fprintf(stderr, "fuzz: no test city: %s\n", c->err.msg);
			exit(70);
		}
		c->db = fuzz_db_;
		if (gg_org_import(c, r, summary) || gg_db_commit(fuzz_db_, &c->err)) {
			fprintf(stderr, "fuzz: no test city: %s\n", c->err.msg);
			exit(70);
		}
		gg_reader_close(r);
		json_decref(summary);
		atexit(fuzz_db_gone);
	}
	c->db = fuzz_db_;
}

#endif
