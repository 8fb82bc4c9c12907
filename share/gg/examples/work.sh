# SPDX-License-Identifier: Apache-2.0
# November 2026's tickets worked in the demo city (泰州市), before the month-end sweep: two in
# three are accepted two hours after they came in, resolved the next morning (one in four a
# day and more later, past its deadline) and visited (回访) that afternoon; most residents are satisfied, every fifth says basic, every seventh
# unsatisfied (the ticket goes back to work, 退回重办, and is resolved again a day later).
# The rest are left to the sweep, which sends them up the ladder. Each step runs at its own
# --now, so the deadlines kept and missed are those of the calendar.
#
#   GG_DB=demo.db sh share/gg/examples/work.sh     # after the tickets are imported
#
# make demo runs it on build/demo.db. It stops at the first command that fails.
set -eu
export TZ=Asia/Shanghai
last=$(date -d 2026-11-30T12:00:00+08:00 +%s)

at() { # at REPORTED HOURS: the moment HOURS after REPORTED
	date -d "@$(($(date -d "$1" +%s) + $2 * 3600))" +%FT%T%:z
}

t() {
	gg-ticket "$@" >/dev/null
}

gg-ticket list --status new -o tsv | tail -n +2 | cut -f1 | while read -r id; do
	[ $((id % 3)) -ne 0 ] || continue
	late=$((id % 4 == 1 ? 30 : 0))
	reported=$(gg-ticket show "$id" -o json | jq -r '.[0].reported_at')
	[ "$(date -d "$(at "$reported" $((53 + late)))" +%s)" -le "$last" ] || continue
	t accept "$id" --now "$(at "$reported" 2)"
	t resolve "$id" --now "$(at "$reported" $((20 + late)))" --note 已处置
	if [ $((id % 7)) -eq 0 ]; then
		t visit "$id" --satisfaction unsatisfied --now "$(at "$reported" $((26 + late)))" --note 问题反复
		t resolve "$id" --now "$(at "$reported" $((44 + late)))" --note 返工处置
		t visit "$id" --satisfaction satisfied --now "$(at "$reported" $((50 + late)))"
	elif [ $((id % 5)) -eq 0 ]; then
		t visit "$id" --satisfaction basic --now "$(at "$reported" $((26 + late)))"
	else
		t visit "$id" --satisfaction satisfied --now "$(at "$reported" $((26 + late)))"
	fi
	t close "$id" --now "$(at "$reported" $((53 + late)))"
done
