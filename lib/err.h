/* SPDX-License-Identifier: Apache-2.0 */
/* err.h: error values that lib/ fills and cmd/ prints once, with the sysexits code
 * DESIGN.md section 3 gives each kind of failure. */
#ifndef GG_ERR_H
#define GG_ERR_H

#include <stdarg.h>
#include <stddef.h>

enum {
	GG_OK = 0,
	GG_EX_FOUND = 1, /* a check ran and found problems */
	GG_EX_USAGE = 64,
	GG_EX_DATAERR = 65,
	GG_EX_NOINPUT = 66,
	GG_EX_UNAVAILABLE = 69,
	GG_EX_SOFTWARE = 70,
	GG_EX_CANTCREAT = 73,
	GG_EX_IOERR = 74,
	GG_EX_TEMPFAIL = 75,
};

struct gg_err {
	int code;
	char msg[1024];
};

/* vsnprintf, but a message too long is cut between two characters and ends in … */
void gg_err_vformat(char *buf, size_t size, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));
void gg_err_format(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int gg_err_set(struct gg_err *e, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int gg_err_prefix(struct gg_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int gg_err_oom(struct gg_err *e);

#endif
