/* clock.h: the one reading of "now" (--now, GG_NOW, else the wall clock), ISO 8601 times in
 * the local zone (TZ, Asia/Shanghai when unset), and periods: 2026-11, 2026-Q4, 2026-W48, 2026. */
#ifndef GG_CLOCK_H
#define GG_CLOCK_H

#include <stdint.h>

#include "err.h"

int gg_clock_init(const char *opt, struct gg_err *err);
int64_t gg_clock_now(void);
int gg_clock_parse(const char *s, int64_t *t);
void gg_clock_format(int64_t t, char buf[32]);
void gg_clock_format_date(int64_t t, char buf[16]);
int gg_clock_parse_date(const char *s, int64_t *t);
int gg_clock_period(const char *s, int64_t *from, int64_t *to);

#endif
