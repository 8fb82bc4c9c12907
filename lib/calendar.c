/* calendar.c: durations and deadlines. Minutes and hours are counted on the clock, days on
 * the calendar (same time of day, n days on), working days with the holiday calendar: a
 * deadline n working days after a moment on a working day is the same time of day n working
 * days on (Friday 15:00 + 1wd is Monday 15:00); a moment on a day off counts from the start
 * of the next working day (Saturday 10:00 + 1wd is Tuesday 00:00, the end of Monday). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "clock.h"
#include "embed.h"
#include "reader.h"

/* The days off and the make-up working days (调休) of the calendar's years, as YYYYMMDD,
 * sorted for bsearch; read once per command into its memo. */
struct gg_cal {
	size_t nholidays, nworkdays;
	int holidays[GG_CAL_DAYS], workdays[GG_CAL_DAYS];
};

int gg_cal_dur_parse(const char *s, struct gg_dur *d)
{
	char *end;
	long long n = strtoll(s, &end, 10);

	if (end == s || n < 0 || n > 100000 || *s == '+' || *s == '-')
		return -1;
	if (!strcmp(end, "m"))
		d->unit = GG_DUR_MIN;
	else if (!strcmp(end, "h"))
		d->unit = GG_DUR_HOUR;
	else if (!strcmp(end, "d"))
		d->unit = GG_DUR_DAY;
	else if (!strcmp(end, "wd"))
		d->unit = GG_DUR_WDAY;
	else
		return -1;
	d->n = n;
	return 0;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int day_of(const char *s)
{
	int y, m, d;
	int64_t t;
	if (gg_clock_parse_date(s, &t) || sscanf(s, "%d-%d-%d", &y, &m, &d) != 3)
		return -1;
	return y * 10000 + m * 100 + d;
}

static int add_day(int *v, size_t *n, int day)
{
	if (*n >= GG_CAL_DAYS)
		return -1;
	v[(*n)++] = day;
	return 0;
}

/* Days from..to inclusive, walking the calendar with mktime. */
static int add_range(struct gg_cal *cal, struct gg_reader *r, json_t *list, size_t idx, struct gg_err *err)
{
	json_t *h = json_array_get(list, idx);
	const char *from = json_string_value(json_object_get(h, "from"));
	const char *to = json_string_value(json_object_get(h, "to"));
	int a = from ? day_of(from) : -1, b = to ? day_of(to) : -1;

	if (a < 0 || b < 0 || b < a)
		return gg_reader_fail_i(r, err, list, idx,
					"holidays: each needs from and to dates (YYYY-MM-DD), to not before from");
	for (struct tm tm = {.tm_year = a / 10000 - 1900,
			    .tm_mon = a / 100 % 100 - 1,
			    .tm_mday = a % 100,
			    .tm_hour = 12};
	     ; tm.tm_mday++) {
		timegm(&tm);
		int day = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
		if (day > b)
			break;
		if (add_day(cal->holidays, &cal->nholidays, day))
			return gg_reader_fail_i(r, err, list, idx, "holidays: more than %d days in all", GG_CAL_DAYS);
	}
	return 0;
}

static int load_one(struct gg_cal *cal, struct gg_reader *r, struct gg_err *err)
{
	json_t *doc, *x;
	size_t i;
	int n;

	while ((n = gg_reader_next(r, &doc, err)) > 0) {
		int rc = 0;
		json_t *list = json_object_get(doc, "holidays");
		json_array_foreach (list, i, x) {
			if ((rc = add_range(cal, r, list, i, err)))
				break;
		}
		json_array_foreach (json_object_get(doc, "workdays"), i, x) {
			int day = json_is_string(x) ? day_of(json_string_value(x)) : -1;
			if (rc || day < 0) {
				rc = rc ? rc
					: gg_reader_fail_i(r, err, json_object_get(doc, "workdays"), i,
							   "workdays: not a date (YYYY-MM-DD)");
				break;
			}
			if (add_day(cal->workdays, &cal->nworkdays, day))
				rc = gg_reader_fail_i(r, err, json_object_get(doc, "workdays"), i,
						      "workdays: more than %d days in all", GG_CAL_DAYS);
		}
		json_decref(doc);
		if (rc)
			return rc;
	}
	return n < 0 ? err->code : 0;
}

/* The calendar files: the one GG_CALENDAR names, else every one built in. */
static int load(struct gg_cal *cal, struct gg_err *err)
{
	const char *path = getenv("GG_CALENDAR");
	struct gg_reader *r;
	int rc = 0;

	if (path && *path) {
		if (gg_reader_open(&r, path, err))
			return err->code;
		rc = load_one(cal, r, err);
		gg_reader_close(r);
		return rc;
	}
	for (const struct gg_embed *e = gg_embedded; e->name && !rc; e++) {
		if (strncmp(e->name, "calendar/", 9) != 0)
			continue;
		FILE *f = fmemopen((void *)e->text, strlen(e->text), "r");
		if (!f)
			return gg_err_oom(err);
		if (!(rc = gg_reader_open_stream(&r, f, e->name, err))) {
			rc = load_one(cal, r, err);
			gg_reader_close(r);
		}
		fclose(f);
	}
	return rc;
}

const struct gg_cal *gg_cal(struct gg_ctx *c)
{
	struct gg_cal *cal;
	int fresh;

	if (!(cal = gg_ctx_memo(c, "calendar", sizeof *cal, &fresh)))
		return gg_err_oom(&c->err), NULL;
	if (!fresh)
		return cal;
	if (load(cal, &c->err)) {
		cal->nholidays = cal->nworkdays = 0;
		return NULL;
	}
	qsort(cal->holidays, cal->nholidays, sizeof *cal->holidays, cmp_int);
	qsort(cal->workdays, cal->nworkdays, sizeof *cal->workdays, cmp_int);
	return cal;
}

static int workday_tm(const struct gg_cal *cal, const struct tm *tm)
{
	int day = (tm->tm_year + 1900) * 10000 + (tm->tm_mon + 1) * 100 + tm->tm_mday;

	if (cal && cal->nworkdays && bsearch(&day, cal->workdays, cal->nworkdays, sizeof day, cmp_int))
		return 1;
	if (cal && cal->nholidays && bsearch(&day, cal->holidays, cal->nholidays, sizeof day, cmp_int))
		return 0;
	return tm->tm_wday >= 1 && tm->tm_wday <= 5;
}

static void next_day(struct tm *tm)
{
	tm->tm_mday++;
	tm->tm_isdst = -1;
	mktime(tm);
}

int64_t gg_cal_deadline(const struct gg_cal *cal, int64_t start, const struct gg_dur *d)
{
	time_t tt = (time_t)start;
	struct tm tm;

	switch (d->unit) {
	case GG_DUR_MIN:
		return start + d->n * 60;
	case GG_DUR_HOUR:
		return start + d->n * 3600;
	case GG_DUR_DAY:
		localtime_r(&tt, &tm);
		tm.tm_mday += (int)d->n;
		tm.tm_isdst = -1;
		return (int64_t)mktime(&tm);
	case GG_DUR_WDAY:
		localtime_r(&tt, &tm);
		if (!workday_tm(cal, &tm)) {
			tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
			do
				next_day(&tm);
			while (!workday_tm(cal, &tm));
		}
		for (int64_t i = 0; i < d->n; i++)
			do
				next_day(&tm);
			while (!workday_tm(cal, &tm));
		tm.tm_isdst = -1;
		return (int64_t)mktime(&tm);
	}
	return start;
}
