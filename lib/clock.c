/* clock.c: time as gg reads and writes it. Every command asks gg_clock_now(), never time(), so
 * tests and back-fills can run at any moment they name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"

static int64_t now_;

int gg_clock_init(const char *opt, struct gg_err *err)
{
	const char *s = opt && *opt ? opt : getenv("GG_NOW");

	if (!getenv("TZ"))
		setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	if (s && *s) {
		if (gg_clock_parse(s, &now_))
			return gg_err_set(err, GG_EX_USAGE,
					  "bad time '%s' for --now: use ISO 8601, e.g. 2026-11-03T09:12:00+08:00", s);
	} else {
		now_ = (int64_t)time(NULL);
	}
	return 0;
}

int64_t gg_clock_now(void)
{
	return now_;
}

static int digits(const char **p, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++, (*p)++) {
		if (**p < '0' || **p > '9')
			return -1;
		*v = *v * 10 + (**p - '0');
	}
	return 0;
}

static int days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : d[m - 1];
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian), without timegm's cost. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int64_t local(struct tm *tm)
{
	tm->tm_isdst = -1;
	return (int64_t)mktime(tm);
}

/* YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH[:MM]] (or YYYY/MM/DD …); without an offset the time is
 * local. */
int gg_clock_parse(const char *s, int64_t *t)
{
	struct tm tm = {0};
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, sec = 0, off = 0, has_off = 0;

	char sep = p[4]; /* 2026-11-03, or 2026/11/03 as exports from China's systems write it */
	if ((sep != '-' && sep != '/') || digits(&p, 4, &y) || *p++ != sep || digits(&p, 2, &mo) || *p++ != sep ||
	    digits(&p, 2, &d))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return -1;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi))
			return -1;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &sec))
				return -1;
			if (*p == '.' || *p == ',')
				for (p++; *p >= '0' && *p <= '9'; p++)
					;
		}
		if (h > 23 || mi > 59 || sec > 60)
			return -1;
		if (*p == 'Z') {
			has_off = 1;
			p++;
		} else if (*p == '+' || *p == '-') {
			int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
			if (digits(&p, 2, &oh))
				return -1;
			if (*p == ':')
				p++;
			if (*p && digits(&p, 2, &om))
				return -1;
			off = sign * (oh * 3600 + om * 60);
			has_off = 1;
		}
	}
	if (*p)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	*t = has_off ? days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - off : local(&tm);
	return 0;
}

int gg_clock_parse_date(const char *s, int64_t *t)
{
	return strlen(s) == 10 && s[4] == '-' ? gg_clock_parse(s, t) : -1;
}

void gg_clock_format(int64_t t, char buf[32])
{
	time_t tt = (time_t)t;
	struct tm tm;
	int off;

	localtime_r(&tt, &tm);
	off = (int)(tm.tm_gmtoff / 60);
	size_t n = strftime(buf, 32, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + n, 32 - n, "%c%02u:%02u", off < 0 ? '-' : '+', (unsigned)abs(off) / 60 % 100,
		 (unsigned)abs(off) % 60);
}

void gg_clock_format_date(int64_t t, char buf[16])
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	strftime(buf, 16, "%Y-%m-%d", &tm);
}

static int64_t day_start(int y, int mo, int d)
{
	struct tm tm = {0};
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d; /* mktime normalises days past the month's end */
	return local(&tm);
}

/* [from, to) of a period in the local zone: 2026, 2026-11, 2026-Q4, 2026-W48 (ISO week). */
int gg_clock_period(const char *s, int64_t *from, int64_t *to)
{
	const char *p = s;
	int y, n;

	if (digits(&p, 4, &y) || y < 1970)
		return -1;
	if (!*p) {
		*from = day_start(y, 1, 1);
		*to = day_start(y + 1, 1, 1);
		return 0;
	}
	if (*p++ != '-')
		return -1;
	if (*p == 'Q') {
		p++;
		if (digits(&p, 1, &n) || *p || n < 1 || n > 4)
			return -1;
		*from = day_start(y, 3 * n - 2, 1);
		*to = day_start(y, 3 * n + 1, 1);
		return 0;
	}
	if (*p == 'W') {
		p++;
		if (digits(&p, 2, &n) || *p || n < 1 || n > 53)
			return -1;
		/* ISO week 1 holds 4 January; weeks start on Monday. */
		struct tm tm = {0};
		tm.tm_year = y - 1900;
		tm.tm_mon = 0;
		tm.tm_mday = 4;
		tm.tm_hour = 12;
		timegm(&tm);
		int monday = 4 - (tm.tm_wday + 6) % 7;
		int weeks = 52;
		/* a year has 53 weeks when it starts on Thursday, or on Wednesday in a leap year */
		struct tm j1 = {0};
		j1.tm_year = y - 1900;
		j1.tm_mday = 1;
		j1.tm_hour = 12;
		timegm(&j1);
		int leap = days_in_month(y, 2) == 29;
		if (j1.tm_wday == 4 || (leap && j1.tm_wday == 3))
			weeks = 53;
		if (n > weeks)
			return -1;
		*from = day_start(y, 1, monday + 7 * (n - 1));
		*to = day_start(y, 1, monday + 7 * n);
		return 0;
	}
	if (digits(&p, 2, &n) || *p || n < 1 || n > 12)
		return -1;
	*from = day_start(y, n, 1);
	*to = day_start(y, n + 1, 1);
	return 0;
}
