/* calendar.h: durations (30m, 24h, 3d, 5wd) and the deadlines they give, working days
 * counted with the holiday calendar (share/gg/calendar/, or the file GG_CALENDAR names). */
#ifndef GG_CALENDAR_H
#define GG_CALENDAR_H

#include <stdint.h>

#include "err.h"

enum gg_dur_unit { GG_DUR_MIN, GG_DUR_HOUR, GG_DUR_DAY, GG_DUR_WDAY };

struct gg_dur {
	int64_t n;
	enum gg_dur_unit unit;
};

int gg_dur_parse(const char *s, struct gg_dur *d);
int gg_cal_load(struct gg_err *err);
int64_t gg_deadline(int64_t start, const struct gg_dur *d);

#endif
