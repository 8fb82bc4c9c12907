#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# calendar-check.sh: whether the holiday calendar covers the coming $GG_AHEAD (90d), for cron
# each week. Prints nothing while it does; when it does not, the years missing and how to add
# one, and exits 1, so the mail cron sends comes weeks before deadlines turn provisional.
set -u
. "$(dirname "$0")/cron.sh"
need_db
report=$(gg-ticket calendar check ${GG_AHEAD:+--ahead "$GG_AHEAD"})
rc=$?
[ "$rc" -eq 0 ] && exit 0
[ "$rc" -eq 1 ] || exit "$rc"
printf '%s\n\n%s\n' "$report" \
	"The holiday calendar lacks the years under missing: working-day deadlines there count weekends only and are marked provisional_deadline. Add each year's file (see gg-ticket(1), THE HOLIDAY CALENDAR)."
exit 1
