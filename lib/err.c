/* SPDX-License-Identifier: Apache-2.0 */
/* err.c: filling a struct gg_err. Library functions return the code they set, so a caller
 * can write `return gg_err_set(err, GG_EX_DATAERR, ...)`. */
#include <stdarg.h>
#include <stdio.h>

#include "err.h"

int gg_err_set(struct gg_err *e, int code, const char *fmt, ...)
{
	va_list ap;

	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

/* Puts a place (or any context) before the message already set, "PLACE: MESSAGE"; keeps the code. */
int gg_err_prefix(struct gg_err *e, const char *fmt, ...)
{
	char head[512], msg[sizeof e->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	snprintf(msg, sizeof msg, "%s", e->msg);
	snprintf(e->msg, sizeof e->msg, "%.200s: %.800s", head, msg);
	return e->code;
}

int gg_err_oom(struct gg_err *e)
{
	return gg_err_set(e, GG_EX_SOFTWARE, "out of memory");
}
