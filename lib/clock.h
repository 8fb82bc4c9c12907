/* SPDX-License-Identifier: Apache-2.0 */
/* clock.h: the one reading of "now" (--now, GG_NOW, else the wall clock), the calendar's zone
 * that days, dates and periods (2026-11, 2026-Q4, 2026-W48, 2026) are counted in whatever TZ
 * says, and ISO 8601 times: printed in TZ's zone, stored in the calendar's. */
#ifndef GG_CLOCK_H
#define GG_CLOCK_H

#include <stdint.h>
#include <stdio.h>

#include "err.h"

int gg_clock_init(const char *opt, struct gg_err *err);
int64_t gg_clock_now(void);
/* Whether now was given (--now, GG_NOW) rather than read off the wall clock. */
int gg_clock_now_given(void);
/* The calendar's zone: its name (Asia/Shanghai), its fixed offset as written (+08:00) and in
 * seconds east of UTC. */
const char *gg_clock_zone(void);
const char *gg_clock_offset_text(void);
int gg_clock_offset(void);
int gg_clock_parse(const char *s, int64_t *t);
void gg_clock_format(int64_t t, char buf[32]);
void gg_clock_format_zone(int64_t t, char buf[32]);
void gg_clock_format_date(int64_t t, char buf[16]);
int gg_clock_parse_date(const char *s, int64_t *t);
int gg_clock_period(const char *s, int64_t *from, int64_t *to);
/* The period `by` periods after s (before, when negative), of its kind: 2026-11 and -1 give
 * 2026-10, 2026-Q1 and -1 2025-Q4, 2026-W01 and -1 2025-W52; -1 when s is no period. */
int gg_clock_period_shift(const char *s, int by, char out[16]);
/* Days since 1970-01-01 of a civil date, and back; the day of a moment in the calendar's zone. */
int64_t gg_clock_days(int64_t y, int m, int d);
void gg_clock_civil(int64_t days, int *y, int *m, int *d);
int64_t gg_clock_day(int64_t t);
/* The weekday of a day (days since 1970-01-01, gg_clock_day): Sunday 0 to Saturday 6. */
int gg_clock_weekday(int64_t days);
/* fn on each file of the holiday calendar, in order: GG_CALENDAR (a file, or a directory whose
 * *.yaml files are read in name order), else the ones built in. */
int gg_clock_calendars(int (*fn)(FILE *f, const char *name, void *arg), void *arg, struct gg_err *err);

#endif
