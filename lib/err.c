/* SPDX-License-Identifier: Apache-2.0 */
/* err.c: filling a struct gg_err. Library functions return the code they set, so a caller
 * can write `return gg_err_set(err, GG_EX_DATAERR, ...)`. A message too long for its buffer is
 * cut between two UTF-8 characters and ends in …, never in half a character. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

#define ELLIPSIS "\xe2\x80\xa6" /* … */

/* Cuts s, which holds more than max bytes, to at most max (and at least 4): at the start of
 * a character, followed by …. */
static void cut(char *s, size_t max)
{
	size_t end = max - 1 - strlen(ELLIPSIS);

	while (end > 0 && ((unsigned char)s[end] & 0xc0) == 0x80)
		end--;
	memcpy(s + end, ELLIPSIS, sizeof ELLIPSIS);
}

void gg_err_vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = vsnprintf(buf, size, fmt, ap);

	if (n >= 0 && (size_t)n >= size && size > strlen(ELLIPSIS))
		cut(buf, size);
}

void gg_err_format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	gg_err_vformat(buf, size, fmt, ap);
	va_end(ap);
}

int gg_err_set(struct gg_err *e, int code, const char *fmt, ...)
{
	va_list ap;

	e->code = code;
	va_start(ap, fmt);
	gg_err_vformat(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

/* Puts a place (or any context) before the message already set, "PLACE: MESSAGE"; keeps the code. */
int gg_err_prefix(struct gg_err *e, const char *fmt, ...)
{
	char head[201], msg[sizeof e->msg];
	va_list ap;

	va_start(ap, fmt);
	gg_err_vformat(head, sizeof head, fmt, ap);
	va_end(ap);
	snprintf(msg, sizeof msg, "%s", e->msg);
	gg_err_format(e->msg, sizeof e->msg, "%s: %s", head, msg);
	return e->code;
}

int gg_err_oom(struct gg_err *e)
{
	return gg_err_set(e, GG_EX_SOFTWARE, "out of memory");
}
