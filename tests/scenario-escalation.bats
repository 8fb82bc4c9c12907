#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The escalation sweep the way cron runs it: "网格报告、街道吹哨、部门报到". A ticket climbs
# grid → community → street → department as GG_NOW moves on, across a weekend, the Mid-Autumn
# holiday and National Day; every deadline below was worked out by hand from the 2026 calendar.

load helper

setup_file() {
	seed_catalogue
}

sweep() {
	GG_NOW=$1 gg-ticket escalate --due -o ndjson
}

@test "a ticket walks up every level across a weekend and public holidays" {
	# env.garbage: respond 2h; grid 24h, community 48h, street 3wd, department 5wd
	export GG_NOW=2026-09-23T10:00:00+08:00 # Wednesday
	run -0 gg-ticket new --category env.garbage --title 小区门口垃圾堆积 --unit TZ-HL-CZ-01-G01 -o json
	assert_equal "$(jq -c '[.level, .due_at]' <<<"$output")" '["grid","2026-09-24T10:00:00+08:00"]'

	# Thursday 10:00 passes at grid level: community has 48 calendar hours from then
	run -0 sweep 2026-09-24T09:59:00+08:00
	assert_output ''
	run -0 sweep 2026-09-24T10:30:00+08:00
	assert_equal "$(jq -c '[.level, .status, .assignee, .due_at]' <<<"$output")" \
		'["community","new",null,"2026-09-26T10:00:00+08:00"]'

	# Saturday 26 September is in the Mid-Autumn holiday (25–27): the street's 3 working days
	# start Monday 28th and run over Tuesday 29th and Wednesday 30th; 1–7 October is National
	# Day, so the third ends when Thursday 8 October begins.
	run -0 sweep 2026-09-26T11:00:00+08:00
	assert_equal "$(jq -c '[.level, .status, .assignee, .respond_by, .due_at]' <<<"$output")" \
		'["street","assigned","D-CG","2026-09-26T12:00:00+08:00","2026-10-08T00:00:00+08:00"]'

	# the department's 5 working days from Thursday 8 October: Friday 9th, Saturday 10th (a
	# make-up working day, 调休), Monday 12th, Tuesday 13th, Wednesday 14th
	run -0 sweep 2026-10-08T09:00:00+08:00
	assert_equal "$(jq -c '[.level, .status, .assignee, .due_at]' <<<"$output")" \
		'["department","assigned","D-CG","2026-10-14T00:00:00+08:00"]'

	# past its deadline at department level it is marked overdue, once
	run -0 sweep 2026-10-14T00:00:00+08:00
	assert_equal "$(jq -c '[.level, .overdue_at]' <<<"$output")" '["department","2026-10-14T00:00:00+08:00"]'
	run -0 sweep 2026-10-20T00:00:00+08:00
	assert_output ''

	run -0 gg-ticket history 1 -o json
	assert_equal "$(jq -c 'map([.kind, .level, .data.missed])' <<<"$output")" \
		'[["created","grid",null],["escalated","community","2026-09-24T10:00:00+08:00"],["escalated","street","2026-09-26T10:00:00+08:00"],["escalated","department","2026-10-08T00:00:00+08:00"],["overdue","department","2026-10-14T00:00:00+08:00"]]'
	assert_equal "$(jq -c 'map(select(.kind == "escalated") | .data.summoned)' <<<"$output")" '[null,"D-CG","D-CG"]'
}

@test "the sweep is idempotent: the same moment twice moves nothing the second time" {
	export GG_NOW=2026-11-26T10:00:00+08:00
	gg-ticket new --category env.garbage --title 甲 --unit TZ-HL-CZ-01-G01 >/dev/null
	gg-ticket new --category env.noise --title 乙 --unit TZ-HL-CZ-01-G02 >/dev/null
	run -0 sweep 2026-11-27T10:00:00+08:00
	assert_equal "${#lines[@]}" 2
	before=$(digest)
	run -0 sweep 2026-11-27T10:00:00+08:00
	assert_output ''
	assert_equal "$(digest)" "$before"
	assert_equal "$(sql "SELECT count(*) FROM ticket_event WHERE kind = 'escalated'")" 2
}

@test "a ticket that missed two deadlines while cron was down climbs two levels in one sweep" {
	export GG_NOW=2026-11-05T09:00:00+08:00 # Thursday
	gg-ticket new --category env.garbage --title 甲 --unit TZ-HL-CZ-01-G01 >/dev/null
	# grid due Friday 6th 09:00; community due Sunday 8th 09:00; the street's 3 working days
	# count from Monday 9th 00:00, so end when Thursday 12th begins
	run -0 sweep 2026-11-09T08:00:00+08:00
	assert_equal "$(jq -c '[.level, .due_at]' <<<"$output")" '["street","2026-11-12T00:00:00+08:00"]'
	run -0 gg-ticket history 1 -o json
	assert_equal "$(jq -c 'map(select(.kind == "escalated") | [.data.from, .data.to, .data.missed])' <<<"$output")" \
		'[["grid","community","2026-11-06T09:00:00+08:00"],["community","street","2026-11-08T09:00:00+08:00"]]'
}

@test "--dry-run shows what would move and writes nothing" {
	export GG_NOW=2026-11-26T10:00:00+08:00
	gg-ticket new --category env.garbage --title 甲 --unit TZ-HL-CZ-01-G01 >/dev/null
	before=$(digest)
	run -0 env GG_NOW=2026-11-27T11:00:00+08:00 gg-ticket escalate --due --dry-run -o ndjson
	assert_equal "$(jq -c '[.id, .level]' <<<"$output")" '[1,"community"]'
	assert_equal "$(digest)" "$before"
}

@test "resolved, closed and suspended tickets do not climb" {
	export GG_NOW=2026-11-26T10:00:00+08:00
	a=$(gg-ticket new --category env.garbage --title 甲 --unit TZ-HL-CZ-01-G01 -o json | jq -r .id)
	b=$(gg-ticket new --category env.garbage --title 乙 --unit TZ-HL-CZ-01-G01 -o json | jq -r .id)
	c=$(gg-ticket new --category env.garbage --title 丙 --unit TZ-HL-CZ-01-G01 -o json | jq -r .id)
	gg-ticket accept "$a" >/dev/null && gg-ticket resolve "$a" >/dev/null
	gg-ticket suspend "$b" --reason 等待 >/dev/null
	run -0 sweep 2026-11-30T00:00:00+08:00
	assert_equal "$(jq -s -c 'map(.id)' <<<"$output")" "[$c]"
}

@test "eight processes creating tickets while a sweep runs: every ticket there, every escalation once" {
	export GG_NOW=2026-11-20T10:00:00+08:00
	for i in $(seq 1 200); do
		echo "{\"external_id\": \"S$i\", \"category\": \"env.garbage\", \"unit\": \"TZ-HL-CZ-01-G01\", \"title\": \"旧$i\"}"
	done | gg-ticket import >/dev/null
	export GG_NOW=2026-11-26T10:00:00+08:00
	pids=()
	for p in 1 2 3 4 5 6 7 8; do
		(for i in $(seq 1 25); do
			gg-ticket new --category env.noise --title "新$p-$i" --unit TZ-HL-CZ-01-G02 >/dev/null || exit 1
		done) 2>"$BATS_TEST_TMPDIR/err$p" &
		pids+=($!)
	done
	gg-ticket escalate --due -o ndjson >"$BATS_TEST_TMPDIR/swept" 2>"$BATS_TEST_TMPDIR/err0" &
	sweeper=$!
	for pid in "${pids[@]}" $sweeper; do
		wait "$pid" || { cat "$BATS_TEST_TMPDIR"/err*; false; }
	done
	run cat "$BATS_TEST_TMPDIR"/err*
	refute_output --partial locked
	assert_equal "$(sql "SELECT count(*) FROM ticket WHERE title LIKE '新%'")" 200
	assert_equal "$(wc -l <"$BATS_TEST_TMPDIR/swept")" 200
	# reported Friday 20 Nov 10:00: grid (21st), community (23rd) and street (26th 10:00) deadlines missed
	assert_equal "$(sql "SELECT count(*) FROM ticket_event WHERE kind = 'escalated'")" 600
	assert_equal "$(sql "SELECT count(DISTINCT ticket || level) FROM ticket_event WHERE kind = 'escalated'")" 600
	assert_equal "$(sql "SELECT DISTINCT level FROM ticket WHERE title LIKE '旧%'")" department
}
