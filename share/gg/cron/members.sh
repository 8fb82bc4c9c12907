#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# members.sh: the in-service Party members who have not reported in this year to the community
# they live in, or are under the hours target so far (gg-volunteer members: the year so far,
# and on 1 January the whole year just ended), a paragraph per employer for the mail that goes
# back to each. Prints nothing and exits 0 while nobody is listed; else the list, and exit 1.
# GG_TARGET: verified hours a year (24); GG_UNDER: only members living under this unit.
set -u
. "$(dirname "$0")/cron.sh"
need_db
list=$(gg-volunteer members ${GG_TARGET:+--target "$GG_TARGET"} ${GG_UNDER:+--under "$GG_UNDER"} -o tsv)
rc=$?
[ "$rc" -eq 0 ] && exit 0
[ "$rc" -eq 1 ] || exit "$rc"
printf '%s\n' "$list" | awk -F '\t' '
NR == 1 { next }
$1 != employer { employer = $1; printf "%s%s\n", (NR > 2 ? "\n" : ""), employer }
{
	said = $5 != "" ? "reported in " $5 : "never reported in"
	hours = $8 == "never_reported" ? $6 " verified hours" : $6 " of " $7 " verified hours"
	printf "  %s %s (%s): %s; %s\n", $2, $3, $4, said, hours
}'
exit 1
