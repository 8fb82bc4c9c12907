#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-report tickets: a period's tickets grouped by a field, each group's figures gg-score's
# ticket metrics (one definition): three November tickets of two categories and sources, one
# resolved in time, one late, one rejected; one of October.

load helper

setup_file() {
	seed_catalogue
	export GG_DB=$SEED_DB
	n() { gg-ticket --now "$1" new --reported-at "$1" --unit TZ-HL-CZ-01-G01 "${@:2}" -o json | jq -r .id; }
	a=$(n 2026-11-02T09:00:00+08:00 --category env.garbage --title 楼道堆放杂物 --source hotline_12345)
	gg-ticket --now 2026-11-02T09:30:00+08:00 accept "$a" >/dev/null
	gg-ticket --now 2026-11-02T12:00:00+08:00 resolve "$a" >/dev/null
	b=$(n 2026-11-03T09:00:00+08:00 --category env.garbage --title 楼道堆物 --source grid_patrol)
	gg-ticket --now 2026-11-04T10:00:00+08:00 escalate --due >/dev/null
	gg-ticket --now 2026-11-04T11:00:00+08:00 accept "$b" >/dev/null
	gg-ticket --now 2026-11-04T12:00:00+08:00 resolve "$b" >/dev/null
	r=$(n 2026-11-05T09:00:00+08:00 --category road.streetlight --title 路灯不亮 --source hotline_12345)
	gg-ticket --now 2026-11-05T10:00:00+08:00 reject "$r" --reason 重复来电 >/dev/null
	n 2026-10-30T09:00:00+08:00 --category road.streetlight --title 路灯不亮 --source app >/dev/null
	checkpoint "$SEED_DB"
}

@test "by category and by source: received, rejected apart, on time by the missed deadline" {
	run -0 gg-report tickets --period 2026-11 --by category -o ndjson
	# env.garbage: 2 received, resolved both, the escalated one late: 50%; road.streetlight:
	# the rejected one, not received
	assert_equal "$(jq -c '[.category, .received, .rejected, .on_time]' <<<"$output")" \
		$'["env.garbage",2,0,50]\n["road.streetlight",0,1,null]'
	run -0 gg-report tickets --period 2026-11 --by source -o tsv
	assert_equal "$(cut -f1 <<<"$output" | paste -sd,)" 'source,grid_patrol,hotline_12345'
}

@test "by a level of the net: the figures gg-score metrics gives for the same units" {
	run -0 gg-report tickets --period 2026-11 --by community -o ndjson
	report=$(jq -c '{received, on_time, escalated_street, resolved_in_grid}' <<<"$output")
	run -0 gg-score metrics --period 2026-11 --unit TZ-HL-CZ-01 -o ndjson
	assert_equal "$(jq -c '{received, on_time, escalated_street, resolved_in_grid}' <<<"$output")" "$report"
	run -0 gg-report tickets --period 2026-10 --by street -o ndjson
	assert_equal "$(jq -c '[.street, .received, .received_app]' <<<"$output")" '["TZ-HL-CZ",1,1]'
}

@test "a field it does not group by is usage; an unknown unit bad data; nothing on stdout" {
	run -64 --separate-stderr gg-report tickets --period 2026-11 --by colour
	assert_equal "${stderr_lines[0]}" "gg-report: --by: category, source, level, unit, grid, community, street, district or month, not 'colour'"
	assert_equal "$output" ""
	run -64 gg-report tickets --period 2026-11
	run -65 --separate-stderr gg-report tickets --period 2026-11 --by category --under TZ-NOPE
	assert_equal "$stderr" "gg-report: --under: unknown unit 'TZ-NOPE'"
}
