#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# burden-audit.sh: each week, the burden-reduction audit (gg-report burden) of the month so far,
# mailed only when it finds anything: a finding a line (rule, community, department, demand,
# title), then the counts against last month. Silent, exit 0, while the month is clean.
# GG_MAIL: the command that sends a mail, given the subject as its one argument and the body
# on stdin (default: mail -s SUBJECT $GG_MAIL_TO); GG_MAIL_TO: who gets it (burden-audit);
# GG_PERIOD: the period audited (this month); GG_UNDER: one district's or street's communities.
set -u
. "$(dirname "$0")/cron.sh"
need_db
need jq
[ -n "${GG_MAIL:-}" ] || need mail # or GG_MAIL: a command that sends one
period=${GG_PERIOD:-$(TZ=Asia/Shanghai date -d "${GG_NOW:-now}" +%Y-%m)} || exit 64
found=$(gg-report burden --period "$period" ${GG_UNDER:+--under "$GG_UNDER"} -o json)
rc=$?
[ "$rc" -eq 0 ] && exit 0
[ "$rc" -eq 1 ] || exit "$rc"
subject="gg: burden-reduction findings, $period"
body=$(printf '%s\n' "$found" | jq -r '
	(.findings[] | [.rule, .community_name, .department_name, "#\(.demand)", .title,
		(.figures.field // empty)] | join("  ")),
	"",
	"rule  last period  this period  change %",
	(.counts[] | [.rule, .before, .after, (.change_pct // "-")] | map(tostring) | join("  "))') || exit 70
if [ -n "${GG_MAIL:-}" ]; then
	printf '%s\n' "$body" | $GG_MAIL "$subject"
else
	printf '%s\n' "$body" | mail -s "$subject" "${GG_MAIL_TO:-burden-audit}"
fi
