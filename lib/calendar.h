/* SPDX-License-Identifier: Apache-2.0 */
/* calendar.h: durations (30m, 24h, 3d, 5wd) and the deadlines they give, working days
 * counted in the calendar's zone with the holiday calendar (share/gg/calendar/, one file a
 * year, or what GG_CALENDAR names), and the years it covers. */
#ifndef GG_CALENDAR_H
#define GG_CALENDAR_H

#include <jansson.h>
#include <stdint.h>

#include "ctx.h"

enum gg_dur_unit { GG_DUR_MIN, GG_DUR_HOUR, GG_DUR_DAY, GG_DUR_WDAY };

struct gg_dur {
	int64_t n;
	enum gg_dur_unit unit;
};

#define GG_CAL_DAYS 16384 /* days off, and make-up working days, the calendar files may list */
#define GG_CAL_YEARS 512  /* years they may cover */

struct gg_cal;

int gg_cal_dur_parse(const char *s, struct gg_dur *d);
/* The holiday calendar, read once per command (NULL, with c->err set, when it cannot be). */
const struct gg_cal *gg_cal(struct gg_ctx *c);
/* start + d; working days (5wd) are counted with cal, which only they need (NULL: weekends
 * only). */
int64_t gg_cal_deadline(const struct gg_cal *cal, int64_t start, const struct gg_dur *d);
/* The same for a deadline a ticket is given: when working days were counted on a day of a
 * year cal does not cover, where only weekends are known, *provisional is set to 1 and stderr
 * is told, once per command and year (else *provisional is left as it was). */
int64_t gg_cal_due(struct gg_ctx *c, const struct gg_cal *cal, int64_t start, const struct gg_dur *d, int *provisional);
/* Whether `day` (days since 1970-01-01, gg_clock_day) is a working day: a weekday that is no
 * holiday, or a make-up working day (调休) on a weekend; cal NULL knows weekends only. */
int gg_cal_workday(const struct gg_cal *cal, int64_t day);
/* Whether cal covers every day from the day of `now` to the day of now + d: a record of the
 * years it covers and of those missing (`gg-ticket calendar check`), and *missing their count. */
json_t *gg_cal_check(const struct gg_cal *cal, int64_t now, const struct gg_dur *d, size_t *missing);

#endif
