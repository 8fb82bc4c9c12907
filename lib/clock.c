/* SPDX-License-Identifier: Apache-2.0 */
/* clock.c: time as gg reads and writes it. Every command asks gg_clock_now(), never time(), so
 * tests and back-fills can run at any moment they name. Days are counted in the calendar's zone
 * at its fixed offset, never with the C library's local time, so that TZ changes how a time is
 * printed and nothing else. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "embed.h"

static int64_t now_;
static int now_given_; /* now_ came from --now or GG_NOW, not the wall clock */

/* The calendar's zone, as its files name it; Asia/Shanghai, the shipped calendars', until they
 * say otherwise. print_tz: times are printed in TZ's zone (a zone the C library knows), else
 * at the calendar's offset. */
static struct {
	char name[64], text[8];
	int off, print_tz;
} zone_ = {"Asia/Shanghai", "+08:00", 8 * 3600, 0};

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

int64_t gg_clock_days(int64_t y, int m, int d)
{
	/* days before the civil date (proleptic Gregorian), without timegm's cost; linear in d, so a
	 * day past the month's end, or before its start, lands in the next month or the last */
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void gg_clock_civil(int64_t days, int *y, int *m, int *d)
{
	days += 719468;
	int64_t era = floor_div(days, 146097);
	int64_t doe = days - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int64_t gg_clock_day(int64_t t)
{
	return floor_div(t + zone_.off, 86400);
}

/* ---- the calendar's files, and the zone they name ---- */

static int yaml_name(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return e->d_name[0] != '.' && n > 5 && !strcmp(e->d_name + n - 5, ".yaml");
}

static int one_file(const char *path, int (*fn)(FILE *, const char *, void *), void *arg, struct gg_err *err)
{
	FILE *f = fopen(path, "rb");
	int rc;

	if (!f)
		return gg_err_set(err, GG_EX_NOINPUT, "cannot open '%s' (GG_CALENDAR): %s", path, strerror(errno));
	rc = fn(f, path, arg);
	fclose(f);
	return rc;
}

int gg_clock_calendars(int (*fn)(FILE *f, const char *name, void *arg), void *arg, struct gg_err *err)
{
	const char *path = getenv("GG_CALENDAR");
	struct dirent **list;
	struct stat st;
	int rc = 0, n;

	if (path && *path) {
		if (stat(path, &st) || !S_ISDIR(st.st_mode))
			return one_file(path, fn, arg, err);
		if ((n = scandir(path, &list, yaml_name, alphasort)) < 0)
			return gg_err_set(err, GG_EX_NOINPUT, "cannot open '%s' (GG_CALENDAR): %s", path,
					  strerror(errno));
		if (!n)
			rc = gg_err_set(err, GG_EX_NOINPUT, "no calendar files (*.yaml) in '%s' (GG_CALENDAR)", path);
		for (int i = 0; i < n; i++) {
			char *file = NULL;
			if (!rc && asprintf(&file, "%s/%s", path, list[i]->d_name) < 0)
				rc = gg_err_oom(err);
			else if (!rc)
				rc = one_file(file, fn, arg, err);
			free(file);
			free(list[i]);
		}
		free(list);
		return rc;
	}
	for (const struct gg_embed *e = gg_embedded; e->name && !rc; e++) {
		if (strncmp(e->name, "calendar/", 9) != 0)
			continue;
		FILE *f = fmemopen((void *)e->text, strlen(e->text), "r");
		if (!f)
			return gg_err_oom(err);
		rc = fn(f, e->name, arg);
		fclose(f);
	}
	return rc;
}

/* "+08:00" as seconds east of UTC; -1 when it is not ±HH:MM within a day. */
static int parse_offset(const char *s, int *off)
{
	if ((s[0] != '+' && s[0] != '-') || strlen(s) != 6 || s[3] != ':')
		return -1;
	for (int i = 1; i < 6; i++)
		if (i != 3 && (s[i] < '0' || s[i] > '9'))
			return -1;
	int h = (s[1] - '0') * 10 + (s[2] - '0'), m = (s[4] - '0') * 10 + (s[5] - '0');
	if (h > 14 || m > 59)
		return -1;
	*off = (s[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
	return 0;
}

/* The value of `key:` when the line is that key's (in YAML or in JSON, one key to a line, as
 * the shipped files are written), unquoted, in buf; NULL when it is not. */
static const char *value_of(const char *line, const char *key, char *buf, size_t size)
{
	const char *p = line + strspn(line, " \t");
	size_t k = strlen(key), n;
	int quoted = *p == '"';

	p += quoted;
	if (strncmp(p, key, k) != 0)
		return NULL;
	p += k;
	if (quoted && *p++ != '"')
		return NULL;
	p += strspn(p, " \t");
	if (*p++ != ':')
		return NULL;
	p += strspn(p, " \t");
	if (*p == '"' || *p == '\'') {
		const char *end = strchr(p + 1, *p);
		n = end ? (size_t)(end - p - 1) : strlen(p + 1);
		p++;
	} else {
		n = strcspn(p, " \t\r\n#,}");
	}
	snprintf(buf, size, "%.*s", (int)(n < size ? n : size - 1), p);
	return buf;
}

/* The zone and offset the calendar's files name, each with the place that first named it. */
struct zone_scan {
	char name[64], off[8], name_at[512], off_at[512];
	struct gg_err *err;
};

/* A zone and offset line of one calendar file, set when it is the first to name them, else
 * held to what the first said: the files of a calendar count in one zone. */
static int zone_line(struct zone_scan *z, const char *what, const char *v, const char *at)
{
	int is_name = !strcmp(what, "zone"), off;
	char *have = is_name ? z->name : z->off, *have_at = is_name ? z->name_at : z->off_at;
	size_t size = is_name ? sizeof z->name : sizeof z->off;

	if (is_name && (!*v || strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
					 "0123456789/_+-") != strlen(v)))
		return gg_err_set(z->err, GG_EX_DATAERR, "%s: zone: '%s' is not a zone's name, e.g. Asia/Shanghai", at,
				  v);
	if (!is_name && parse_offset(v, &off))
		return gg_err_set(z->err, GG_EX_DATAERR,
				  "%s: offset: '%s' is not a fixed offset from UTC: write it as \"+08:00\"", at, v);
	if (!*have) {
		snprintf(have, size, "%s", v);
		snprintf(have_at, sizeof z->name_at, "%s", at);
	} else if (strcmp(have, v)) {
		return gg_err_set(z->err, GG_EX_DATAERR,
				  "%s: %s: '%s', where %s says '%s': the calendar's files count in one zone", at, what,
				  v, have_at, have);
	}
	return 0;
}

static int zone_file(FILE *f, const char *name, void *arg)
{
	struct zone_scan *z = arg;
	char *line = NULL, v[64], at[512];
	size_t cap = 0;
	int n = 0, rc = 0;

	while (!rc && getline(&line, &cap, f) > 0) {
		n++;
		for (int k = 0; k < 2 && !rc; k++) {
			const char *key = k ? "offset" : "zone";
			if (value_of(line, key, v, sizeof v)) {
				snprintf(at, sizeof at, "%s:%d", name, n);
				rc = zone_line(z, key, v, at);
			}
		}
	}
	free(line);
	return rc;
}

/* The zone the calendar's files name. They are read again, whole, by lib/calendar.c, but only
 * by the commands that count working days, and after --now and any period are read: those are
 * counted in this zone too, so it is read first, off the files' lines. */
static int zone_read(struct gg_err *err)
{
	struct zone_scan z = {.err = err};
	int rc = gg_clock_calendars(zone_file, &z, err);

	if (rc)
		return rc;
	if (!*z.name != !*z.off)
		return gg_err_set(err, GG_EX_DATAERR,
				  "%s: a calendar names its zone and that zone's offset from UTC, e.g. zone: "
				  "Asia/Shanghai and offset: \"+08:00\"",
				  *z.name ? z.name_at : z.off_at);
	if (*z.name) {
		snprintf(zone_.name, sizeof zone_.name, "%s", z.name);
		snprintf(zone_.text, sizeof zone_.text, "%s", z.off);
		parse_offset(z.off, &zone_.off);
	}
	return 0;
}

/* Whether the C library knows TZ: a compiled zone file (a name under TZDIR, or a path), or a
 * POSIX rule such as CST-8. It falls back to UTC for anything else, silently. */
static int tz_known(const char *tz)
{
	const char *dir = getenv("TZDIR");
	char path[4096], magic[4] = {0};
	FILE *f;

	tz += *tz == ':';
	if (!*tz || !strcmp(tz, "UTC") || !strcmp(tz, "GMT"))
		return 1;
	if (*tz == '/')
		snprintf(path, sizeof path, "%s", tz);
	else
		snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", tz);
	if (!strstr(tz, "..") && (f = fopen(path, "rb"))) {
		size_t n = fread(magic, 1, sizeof magic, f);
		fclose(f);
		if (n == 4 && !memcmp(magic, "TZif", 4))
			return 1;
	}
	/* a POSIX rule: a name of three letters or more (or <+08>), then its offset */
	const char *p = tz;
	if (*p == '<') {
		if (!(p = strchr(p, '>')))
			return 0;
		p++;
	} else {
		size_t n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
		if (n < 3)
			return 0;
		p += n;
	}
	p += *p == '+' || *p == '-';
	return *p >= '0' && *p <= '9';
}

int gg_clock_init(const char *opt, struct gg_err *err)
{
	const char *s = opt && *opt ? opt : getenv("GG_NOW"), *tz = getenv("TZ");
	int rc;

	if ((rc = zone_read(err)))
		return rc;
	if (!tz) {
		/* printed in the calendar's zone; what gg runs (hooks, scripts) is told it too */
		if (tz_known(zone_.name))
			setenv("TZ", zone_.name, 1);
	} else if (tz_known(tz)) {
		zone_.print_tz = 1;
	} else {
		fprintf(stderr, "%s: unknown time zone '%s' (TZ): times are printed in the calendar's zone, %s (%s)\n",
			program_invocation_short_name, tz, zone_.name, zone_.text);
	}
	tzset();
	if (s && *s) {
		if (gg_clock_parse(s, &now_))
			return gg_err_set(err, GG_EX_USAGE,
					  "bad time '%s' for --now: use ISO 8601, e.g. 2026-11-03T09:12:00+08:00", s);
		now_given_ = 1;
	} else {
		now_ = (int64_t)time(NULL);
	}
	return 0;
}

int64_t gg_clock_now(void)
{
	return now_;
}

int gg_clock_now_given(void)
{
	return now_given_;
}

const char *gg_clock_zone(void)
{
	return zone_.name;
}

const char *gg_clock_offset_text(void)
{
	return zone_.text;
}

int gg_clock_offset(void)
{
	return zone_.off;
}

/* ---- reading and writing times ---- */

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

/* YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH[:MM]] (or YYYY/MM/DD …); without an offset the time is
 * the calendar's: a hotline export's 2026/11/03 09:12 is Beijing time wherever gg runs. */
int gg_clock_parse(const char *s, int64_t *t)
{
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, sec = 0, off = zone_.off;
	char sep;

	/* 2026-11-03, or 2026/11/03 as exports from China's systems write it; the separator is read
	 * after the year, never past the end of a shorter text */
	if (digits(&p, 4, &y) || ((sep = *p++) != '-' && sep != '/') || digits(&p, 2, &mo) || *p++ != sep ||
	    digits(&p, 2, &d))
		return -1;
	/* there was no year 0 (1 BC came before AD 1), and 0000 is what an empty date field turns into */
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
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
			off = 0;
			p++;
		} else if (*p == '+' || *p == '-') {
			int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
			if (digits(&p, 2, &oh))
				return -1;
			if (*p == ':' && (p++, !*p)) /* +08: lost its minutes: which were they? */
				return -1;
			if (*p && digits(&p, 2, &om))
				return -1;
			/* no zone on Earth is further than 14 hours from UTC: +99:99 is a typing error,
			 * not a time */
			if (om > 59 || oh * 60 + om > 14 * 60)
				return -1;
			off = sign * (oh * 3600 + om * 60);
		}
	}
	if (*p)
		return -1;
	*t = gg_clock_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - off;
	return 0;
}

int gg_clock_parse_date(const char *s, int64_t *t)
{
	return strlen(s) == 10 && s[4] == '-' ? gg_clock_parse(s, t) : -1;
}

/* t at offset off (seconds east), written with that offset as text; the year in four digits
 * (0262, not strftime's 262), as gg_clock_parse reads it back. */
static void format_at(int64_t t, int off, char buf[32])
{
	time_t tt = (time_t)(t + off);
	struct tm tm;
	int a = off < 0 ? -off : off;

	gmtime_r(&tt, &tm);
	size_t n = (size_t)snprintf(buf, 32, "%04d", tm.tm_year + 1900);
	n += strftime(buf + n, 32 - n, "-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + n, 32 - n, "%c%02d:%02d", off < 0 ? '-' : '+', a / 3600 % 100, a / 60 % 60);
}

/* As printed: in TZ's zone when the C library knows it, else in the calendar's. An offset of
 * odd seconds (local mean time before 1901: +08:05:43 in Shanghai) has no ISO 8601 form, and
 * written in minutes would move the time: such a time is printed in the calendar's zone. */
void gg_clock_format(int64_t t, char buf[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!zone_.print_tz || !localtime_r(&tt, &tm) || tm.tm_gmtoff % 60) {
		format_at(t, zone_.off, buf);
		return;
	}
	format_at(t, (int)tm.tm_gmtoff, buf);
}

/* In the calendar's zone whatever TZ says: for times kept as text (an event's data), which must
 * not depend on who ran the command. */
void gg_clock_format_zone(int64_t t, char buf[32])
{
	format_at(t, zone_.off, buf);
}

/* The day of t in the calendar's zone, as a period's bounds are counted. */
void gg_clock_format_date(int64_t t, char buf[16])
{
	int y, m, d;

	gg_clock_civil(gg_clock_day(t), &y, &m, &d);
	snprintf(buf, 16, "%04d-%02d-%02d", y % 10000, m, d);
}

static int64_t day_start(int y, int mo, int d)
{
	y += (mo - 1) / 12; /* month 13 is January of the next year */
	mo = (mo - 1) % 12 + 1;
	return gg_clock_days(y, mo, d) * 86400 - zone_.off;
}

/* Sunday 0 to Saturday 6; 1970-01-01 was a Thursday. */
int gg_clock_weekday(int64_t days)
{
	return (int)(days + 4 - floor_div(days + 4, 7) * 7);
}

/* [from, to) of a period in the calendar's zone: 2026, 2026-11, 2026-Q4, 2026-W48 (ISO week). */
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
		/* ISO week 1 holds 4 January; weeks start on Monday. A year has 53 weeks when it
		 * starts on Thursday, or on Wednesday in a leap year. */
		int monday = 4 - (gg_clock_weekday(gg_clock_days(y, 1, 4)) + 6) % 7;
		int j1 = gg_clock_weekday(gg_clock_days(y, 1, 1)), leap = days_in_month(y, 2) == 29;
		int weeks = j1 == 4 || (leap && j1 == 3) ? 53 : 52;
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

/* The ISO week of a day: its year and week, the year being the one its Thursday falls in. */
static void iso_week(int64_t days, int *y, int *w)
{
	int64_t thursday = days - (gg_clock_weekday(days) + 6) % 7 + 3;
	int m, d;

	gg_clock_civil(thursday, y, &m, &d);
	*w = (int)((thursday - gg_clock_days(*y, 1, 1)) / 7 + 1);
}

int gg_clock_period_shift(const char *s, int by, char out[16])
{
	int64_t from, to;
	int y, n;

	if (gg_clock_period(s, &from, &to))
		return -1;
	y = atoi(s);
	if (!s[4]) {
		y += by;
		return y < 1970 || y > 9999 ? -1 : (snprintf(out, 16, "%04d", y), 0);
	}
	if (s[5] == 'W') {
		iso_week(gg_clock_day(from) + 7 * (int64_t)by, &y, &n);
		return y < 1970 || y > 9999 ? -1 : (snprintf(out, 16, "%04d-W%02d", y, n), 0);
	}
	int per = s[5] == 'Q' ? 4 : 12, i = y * per + atoi(s + 5 + (s[5] == 'Q')) - 1 + by;
	y = i / per;
	if (y < 1970 || y > 9999)
		return -1;
	snprintf(out, 16, per == 4 ? "%04d-Q%d" : "%04d-%02d", y, i % per + 1);
	return 0;
}
