#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# monthly-report.sh: on the 1st, last month's appraisal report (gg-report monthly) for every
# street and community, as html for reading and printing and xlsx for passing on, into a
# folder of its own: $GG_REPORT_DIR/2026-11/monthly.html and monthly.xlsx. Each file is written
# whole or not at all (--out); a run that fails leaves no folder it made.
# GG_REPORT_DIR: where the folders go (/var/lib/gg/reports); GG_PERIOD: the month (last
# month); GG_UNDER: one district's or street's report; GG_LANG: zh_CN (the default) or en.
# Prints the two paths; exits with gg-report's status when a report fails.
set -u
. "$(dirname "$0")/cron.sh"
need_db
dir=${GG_REPORT_DIR:-/var/lib/gg/reports}
first=$(TZ=Asia/Shanghai date -d "${GG_NOW:-now}" +%Y-%m-01) || exit 64
period=${GG_PERIOD:-$(TZ=Asia/Shanghai date -d "$first -1 month" +%Y-%m)}
case $period in
'' | *[!0-9QW-]*) echo "monthly-report.sh: GG_PERIOD: a period such as 2026-11, not '$period'" >&2; exit 64 ;;
esac
made=
[ -d "$dir/$period" ] || made=1
mkdir -p "$dir/$period" || exit 73
for fmt in html xlsx; do
	out=$dir/$period/monthly.$fmt
	gg-report monthly --period "$period" ${GG_UNDER:+--under "$GG_UNDER"} --lang "${GG_LANG:-zh_CN}" \
		-o "$fmt" --out "$out" || {
		rc=$?
		[ -z "$made" ] || { rm -f "$dir/$period/monthly.html" "$dir/$period/monthly.xlsx"; rmdir "$dir/$period"; }
		exit "$rc"
	}
	printf '%s\n' "$out"
done
