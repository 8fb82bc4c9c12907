/* SPDX-License-Identifier: Apache-2.0 */
/* period.c: libFuzzer target for durations and periods as the tools take them: --period
 * (2026, 2026-11, 2026-Q4, 2026-W48) and its neighbours (a report's previous month, a trend's
 * months), --from/--to days, times (--now, --since, a record's reported_at), and durations
 * (48h, 3d, 5wd) with the deadline each gives, working days counted on the built-in calendar.
 * The input is one argument; any must be taken or refused, never crash or overflow. */
#include "calendar.h"
#include "cli.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct gg_ctx c;
	static const struct gg_cal *cal;
	char *s = fuzz_text(data, size), out[16], a[16], b[16];
	int64_t from, to, t;
	struct gg_dur d;

	if (!s)
		return 0;
	if (!cal && (gg_clock_init("2026-11-26T10:00:00+08:00", &c.err) || !(cal = gg_cal(&c)))) {
		fprintf(stderr, "fuzz: no calendar: %s\n", c.err.msg);
		exit(70);
	}
	/* a period shifted and shifted back is itself, and comes after the one before it */
	if (gg_clock_period(s, &from, &to) == 0)
		for (int by = -13; by <= 13; by++) {
			char back[16];
			int64_t f2, t2;
			if (gg_clock_period_shift(s, by, out))
				continue;
			if (gg_clock_period_shift(out, -by, back) || strcmp(back, s) ||
			    gg_clock_period(out, &f2, &t2) || (by > 0 && f2 < to) || (by < 0 && t2 > from))
				__builtin_trap();
		}
	gg_cli_days(&c, s, NULL, NULL, a, b);
	gg_cli_days(&c, NULL, s, s, a, b);
	/* a time read is the time written back */
	if (gg_clock_parse(s, &t) == 0) {
		char buf[32];
		int64_t again;
		gg_clock_format(t, buf);
		gg_clock_format_date(t, out);
		if (gg_clock_parse(buf, &again) || again != t)
			__builtin_trap();
	}
	if (gg_cal_dur_parse(s, &d) == 0) {
		gg_cal_deadline(cal, gg_clock_now(), &d);
		gg_cal_deadline(NULL, gg_clock_now(), &d);
	}
	free(s);
	return 0;
}
