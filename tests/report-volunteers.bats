#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-report volunteers: the volunteer figures of a period by unit, by gg-score's own metrics
# of them (one definition): 李娜, a Party member living in 东进社区, serves two hours in
# 坡子街社区, verified there.

load helper

setup() {
	fresh_db
	gg-volunteer add --person W0001 --home-community TZ-HL-CZ-01 >/dev/null
	row=$(gg-volunteer log W0001 --hours 2 --date 2026-11-21 --community TZ-HL-CZ-02 -o json | jq '.[0].id')
	gg-volunteer verify "$row" --by C0001 >/dev/null
}

@test "by community and by street, the figures gg-score metrics gives" {
	run -0 gg-report volunteers --period 2026-11 -o ndjson
	# served where they served (坡子街), per Party member where they live (东进: 2 h for its one)
	assert_equal "$(jq -c '[.unit, .volunteers_active, .party_members_active, .verified_hours, .hours_per_party_member]' <<<"$output")" \
		$'["TZ-HL-CZ-01",0,0,0,2]\n["TZ-HL-CZ-02",1,1,2,null]'
	report=$(jq -c '{unit, volunteers_active, verified_hours, orders_done}' <<<"$output")
	run -0 gg-score metrics --period 2026-11 -o ndjson
	assert_equal "$(jq -c '{unit, volunteers_active, verified_hours, orders_done}' <<<"$output")" "$report"
	run -0 gg-report volunteers --period 2026-11 --level street -o tsv
	assert_equal "$(cut -f1,5-7 <<<"$output")" "$(printf 'unit\tvolunteers_active\tparty_members_active\tverified_hours\nTZ-HL-CZ\t1\t1\t2')"
}

@test "a period that does not parse is usage, an unknown unit bad data; nothing on stdout" {
	run -64 --separate-stderr gg-report volunteers --period 2026-13
	assert_equal "${stderr_lines[0]}" "gg-report: bad period '2026-13': use 2026, 2026-Q4, 2026-11 or 2026-W48"
	run -64 gg-report volunteers
	run -65 --separate-stderr gg-report volunteers --period 2026-11 --under TZ-NOPE
	assert_equal "$stderr" "gg-report: --under: unknown unit 'TZ-NOPE'"
	assert_equal "$output" ""
}
