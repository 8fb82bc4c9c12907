/* SPDX-License-Identifier: Apache-2.0 */
/* calendar.c: durations and deadlines. Minutes and hours are counted on the clock, days on
 * the calendar (same time of day, n days on), working days with the holiday calendar: a
 * deadline n working days after a moment on a working day is the same time of day n working
 * days on (Friday 15:00 + 1wd is Monday 15:00); a moment on a day off counts from the start
 * of the next working day (Saturday 10:00 + 1wd is Tuesday 00:00, the end of Monday). Days are
 * the calendar zone's, at its fixed offset (clock.c), so the caller's TZ changes no deadline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "clock.h"
#include "reader.h"

/* The days off and the make-up working days (调休) of the calendar's years, as days since
 * 1970-01-01, sorted for bsearch, and the years its files cover; read once per command into
 * its memo. */
struct gg_cal {
	size_t nholidays, nworkdays, nyears;
	int32_t holidays[GG_CAL_DAYS], workdays[GG_CAL_DAYS];
	int years[GG_CAL_YEARS];
};

int gg_cal_dur_parse(const char *s, struct gg_dur *d)
{
	char *end;
	long long n = strtoll(s, &end, 10);

	/* digits first: strtoll would take " 3d" and "+3d" too */
	if (*s < '0' || *s > '9' || n > 100000)
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

static int cmp_int32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* A date's day number, -1 when it is not YYYY-MM-DD. */
static int64_t day_of(const char *s)
{
	int y, m, d;
	int64_t t;
	if (!s || gg_clock_parse_date(s, &t) || sscanf(s, "%d-%d-%d", &y, &m, &d) != 3 || y < 1970)
		return -1;
	return gg_clock_days(y, m, d);
}

static int add_day(int32_t *v, size_t *n, int64_t day)
{
	if (*n >= GG_CAL_DAYS)
		return -1;
	v[(*n)++] = (int32_t)day;
	return 0;
}

/* Days from..to inclusive. */
static int add_range(struct gg_cal *cal, struct gg_reader *r, json_t *list, size_t idx, struct gg_err *err)
{
	json_t *h = json_array_get(list, idx);
	int64_t a = day_of(json_string_value(json_object_get(h, "from")));
	int64_t b = day_of(json_string_value(json_object_get(h, "to")));

	if (a < 0 || b < 0 || b < a)
		return gg_reader_fail_i(r, err, list, idx,
					"holidays: each needs from and to dates (YYYY-MM-DD), to not before from");
	for (int64_t day = a; day <= b; day++)
		if (add_day(cal->holidays, &cal->nholidays, day))
			return gg_reader_fail_i(r, err, list, idx, "holidays: more than %d days in all", GG_CAL_DAYS);
	return 0;
}

/* The year a document covers, and its zone, which must be the one clock.c read off the files'
 * lines (a zone written some other way, in a flow mapping, say, would escape it). */
static int year_zone(struct gg_cal *cal, struct gg_reader *r, json_t *doc, struct gg_err *err)
{
	json_t *y = json_object_get(doc, "year"), *z = json_object_get(doc, "zone"),
	       *o = json_object_get(doc, "offset");
	json_int_t year = json_integer_value(y);

	if (!json_is_integer(y) || year < 1970 || year > 9999)
		return gg_reader_fail(r, err, doc, y ? "year" : NULL,
				      "year: a calendar file names the year it covers (year: 2027)");
	int bad_zone = z && (!json_is_string(z) || strcmp(json_string_value(z), gg_clock_zone()));

	if (bad_zone || (o && (!json_is_string(o) || strcmp(json_string_value(o), gg_clock_offset_text()))))
		return gg_reader_fail(r, err, doc, bad_zone ? "zone" : "offset",
				      "%s: the calendar counts in %s (%s), as its files' zone: and offset: lines say; "
				      "write each on a line of its own, the same in every file",
				      bad_zone ? "zone" : "offset", gg_clock_zone(), gg_clock_offset_text());
	if (!bsearch(&(int){(int)year}, cal->years, cal->nyears, sizeof *cal->years, cmp_int)) {
		if (cal->nyears == GG_CAL_YEARS)
			return gg_reader_fail(r, err, doc, "year", "year: more than %d years in all", GG_CAL_YEARS);
		cal->years[cal->nyears++] = (int)year;
		qsort(cal->years, cal->nyears, sizeof *cal->years, cmp_int);
	}
	return 0;
}

static int load_doc(struct gg_cal *cal, struct gg_reader *r, json_t *doc, struct gg_err *err)
{
	json_t *list = json_object_get(doc, "holidays"), *work = json_object_get(doc, "workdays"), *x;
	size_t i;
	int rc;

	json_array_foreach (list, i, x)
		if ((rc = add_range(cal, r, list, i, err)))
			return rc;
	json_array_foreach (work, i, x) {
		int64_t day = day_of(json_string_value(x));
		if (day < 0)
			return gg_reader_fail_i(r, err, work, i, "workdays: not a date (YYYY-MM-DD)");
		if (add_day(cal->workdays, &cal->nworkdays, day))
			return gg_reader_fail_i(r, err, work, i, "workdays: more than %d days in all", GG_CAL_DAYS);
	}
	return year_zone(cal, r, doc, err);
}

struct load {
	struct gg_cal *cal;
	struct gg_err *err;
};

/* One file of the calendar (gg_clock_calendars says which), every document in it. */
static int load_file(FILE *f, const char *name, void *arg)
{
	struct load *l = arg;
	struct gg_reader *r;
	json_t *doc;
	int n, rc = 0;

	if (gg_reader_open_stream(&r, f, name, l->err))
		return l->err->code;
	while (!rc && (n = gg_reader_next(r, &doc, l->err)) > 0) {
		rc = load_doc(l->cal, r, doc, l->err);
		json_decref(doc);
	}
	gg_reader_close(r);
	return rc ? rc : n < 0 ? l->err->code : 0;
}

const struct gg_cal *gg_cal(struct gg_ctx *c)
{
	struct gg_cal *cal;
	int fresh;

	if (!(cal = gg_ctx_memo(c, "calendar", sizeof *cal, &fresh)))
		return gg_err_oom(&c->err), NULL;
	if (!fresh)
		return cal;
	if (gg_clock_calendars(load_file, &(struct load){cal, &c->err}, &c->err)) {
		cal->nholidays = cal->nworkdays = cal->nyears = 0;
		return NULL;
	}
	qsort(cal->holidays, cal->nholidays, sizeof *cal->holidays, cmp_int32);
	qsort(cal->workdays, cal->nworkdays, sizeof *cal->workdays, cmp_int32);
	return cal;
}

static int covered(const struct gg_cal *cal, int y)
{
	return cal->nyears && bsearch(&y, cal->years, cal->nyears, sizeof y, cmp_int);
}

static int year_of(int64_t day)
{
	int y, m, d;
	gg_clock_civil(day, &y, &m, &d);
	return y;
}

static int workday(const struct gg_cal *cal, int64_t day)
{
	int32_t d = (int32_t)day;
	int wday = gg_clock_weekday(day);

	if (cal && cal->nworkdays && bsearch(&d, cal->workdays, cal->nworkdays, sizeof d, cmp_int32))
		return 1;
	if (cal && cal->nholidays && bsearch(&d, cal->holidays, cal->nholidays, sizeof d, cmp_int32))
		return 0;
	return wday >= 1 && wday <= 5;
}

int gg_cal_workday(const struct gg_cal *cal, int64_t day)
{
	return workday(cal, day);
}

/* The next working day after `day`; *gap, if still 0, the year of a day passed that cal does
 * not cover. */
static int64_t next_workday(const struct gg_cal *cal, int64_t day, int *gap)
{
	do {
		day++;
		if (cal && !*gap && !covered(cal, year_of(day)))
			*gap = year_of(day);
	} while (!workday(cal, day));
	return day;
}

/* start + d, and in *gap the first year outside cal a working-day count went through (0: none). */
static int64_t count(const struct gg_cal *cal, int64_t start, const struct gg_dur *d, int *gap)
{
	int64_t day, tod, off = gg_clock_offset();

	*gap = 0;
	switch (d->unit) {
	case GG_DUR_MIN:
		return start + d->n * 60;
	case GG_DUR_HOUR:
		return start + d->n * 3600;
	case GG_DUR_DAY: /* a fixed offset keeps no daylight saving: every day is 86400 seconds */
		return start + d->n * 86400;
	case GG_DUR_WDAY:
		day = gg_clock_day(start);
		tod = start + off - day * 86400;
		if (cal && !covered(cal, year_of(day)))
			*gap = year_of(day);
		if (!workday(cal, day)) {
			tod = 0;
			day = next_workday(cal, day, gap);
		}
		for (int64_t i = 0; i < d->n; i++)
			day = next_workday(cal, day, gap);
		return day * 86400 + tod - off;
	}
	return start;
}

int64_t gg_cal_deadline(const struct gg_cal *cal, int64_t start, const struct gg_dur *d)
{
	int gap;
	return count(cal, start, d, &gap);
}

/* "2025, 2026": the years cal covers, for a message. */
static const char *years_text(const struct gg_cal *cal, char *buf, size_t n)
{
	size_t at = 0;

	snprintf(buf, n, "no year");
	for (size_t i = 0; i < cal->nyears && at < n; i++)
		at += snprintf(buf + at, n - at, "%s%d", i ? ", " : "", cal->years[i]);
	return buf;
}

int64_t gg_cal_due(struct gg_ctx *c, const struct gg_cal *cal, int64_t start, const struct gg_dur *d, int *provisional)
{
	char name[32], years[256];
	int gap, fresh;
	int64_t t = count(cal, start, d, &gap);

	if (!gap)
		return t;
	*provisional = 1;
	/* told every command that counts there, but once: an import of a year's tickets is one line */
	snprintf(name, sizeof name, "calendar:gap:%d", gap);
	if (gg_ctx_memo(c, name, 1, &fresh) && fresh)
		fprintf(stderr,
			"%s: the holiday calendar has no %d (it covers %s): working days there are counted with "
			"weekends only, and tickets given such a deadline are marked provisional_deadline (to add "
			"the year, see %s(1))\n",
			c->prog, gap, years_text(cal, years, sizeof years), c->prog);
	return t;
}

json_t *gg_cal_check(const struct gg_cal *cal, int64_t now, const struct gg_dur *d, size_t *missing)
{
	json_t *rec = json_object(), *have = json_array(), *miss = json_array();
	int gap;
	int64_t until = count(cal, now, d, &gap);
	int first = year_of(gg_clock_day(now)), last = year_of(gg_clock_day(until));
	char from[16], to[16];

	gg_clock_format_date(now, from);
	gg_clock_format_date(until, to);
	for (size_t i = 0; i < cal->nyears; i++)
		json_array_append_new(have, json_integer(cal->years[i]));
	for (int y = first; y <= last; y++)
		if (!covered(cal, y))
			json_array_append_new(miss, json_integer(y));
	*missing = json_array_size(miss);
	json_object_set_new(rec, "zone", json_string(gg_clock_zone()));
	json_object_set_new(rec, "offset", json_string(gg_clock_offset_text()));
	json_object_set_new(rec, "from", json_string(from));
	json_object_set_new(rec, "to", json_string(to));
	json_object_set_new(rec, "covered", have);
	json_object_set_new(rec, "missing", miss);
	return rec;
}
