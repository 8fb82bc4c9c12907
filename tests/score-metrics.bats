#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-score metrics: the figures of November's tickets in 东进社区, whose lives are told below and
# whose expected figures are worked out by hand from them (never copied from the program), the
# same figures by each metric's own query (--each) and by the query --explain prints, run by
# sqlite3 alone.

load helper

# at TIME CMD...: gg-ticket at that time
at() {
	local t=$1
	shift
	gg-ticket --now "2026-11-$t:00+08:00" "$@" >/dev/null
}

setup_file() {
	seed_catalogue
	export GG_DB=$SEED_DB
	# env.garbage starts at grid level, is to be accepted within 2h and resolved within 24h there.
	n() { gg-ticket --now "$1" new --category env.garbage --title 楼道堆放杂物 --reported-at "$1" "${@:2}" -o json | jq -r .id; }
	# 1: hotline, accepted after 30 min, resolved in the grid, satisfied at once, closed after 7 h
	t1=$(n 2026-11-02T09:00:00+08:00 --unit TZ-HL-CZ-01-G01 --source hotline_12345)
	at 02T09:30 accept "$t1"
	at 02T15:00 resolve "$t1"
	at 02T15:30 visit "$t1" --satisfaction satisfied
	at 02T16:00 close "$t1"
	# 2: accepted after 3 h (its 2 h missed), escalated to the community by the sweep when its
	# 24 h ran out, accepted again there, resolved, sent back by an unsatisfied resident (退回重办),
	# resolved again, satisfied, closed after 32 h
	t2=$(n 2026-11-03T09:00:00+08:00 --unit TZ-HL-CZ-01-G01 --source grid_patrol)
	at 03T12:00 accept "$t2"
	at 04T10:00 escalate --due
	at 04T11:00 accept "$t2"
	at 04T12:00 resolve "$t2"
	at 04T13:00 visit "$t2" --satisfaction unsatisfied
	at 04T16:00 resolve "$t2"
	at 04T16:30 visit "$t2" --satisfaction satisfied
	at 04T17:00 close "$t2"
	# 3: on a building, accepted after 10 min, escalated by hand to the street (not late),
	# resolved, basically satisfied, closed; reopened the next day, resolved, closed after 28 h
	t3=$(n 2026-11-05T09:00:00+08:00 --unit TZ-HL-CZ-01-G01-B03 --source hotline_12345)
	at 05T09:10 accept "$t3"
	at 05T10:00 escalate "$t3" --to street --reason 需街道协调
	at 05T12:00 resolve "$t3"
	at 05T12:30 visit "$t3" --satisfaction basic
	at 05T13:00 close "$t3"
	at 06T09:00 reopen "$t3" --reason 问题反复
	at 06T12:00 resolve "$t3"
	at 06T12:30 visit "$t3" --satisfaction satisfied
	at 06T13:00 close "$t3"
	# 4: never accepted; 5: a duplicate of 1; 6: rejected; 7: reported in October
	n 2026-11-06T09:00:00+08:00 --unit TZ-HL-CZ-01-G02 --source app >/dev/null
	t5=$(n 2026-11-07T09:00:00+08:00 --unit TZ-HL-CZ-01-G01 --source hotline_12345)
	at 07T10:00 merge "$t5" --into "$t1"
	t6=$(n 2026-11-08T09:00:00+08:00 --unit TZ-HL-CZ-01-G01 --source hotline_12345)
	at 08T10:00 reject "$t6" --reason 不属于受理范围
	t7=$(n 2026-10-30T09:00:00+08:00 --unit TZ-HL-CZ-01-G01 --source hotline_12345)
	at 06T10:00 accept "$t7"
	checkpoint "$SEED_DB"
}

@test "November's ticket figures of 东进社区, worked out by hand from the tickets' lives" {
	run -0 gg-score metrics --period 2026-11 --unit TZ-HL-CZ-01 -o json
	got=$(jq -c '.[0] | [.received, .received_hotline_12345, .received_grid_patrol, .received_app, .duplicates,
		.rejected, .closed, .on_time, .responded_on_time, .resolved_in_grid, .resolved_in_community,
		.response_median, .close_median, .escalated_street, .escalated_department, .first_satisfaction,
		.reopen_rate]' <<<"$output")
	# received 1-4 (4; 5 and 6 apart): hotline 1 and 3, grid patrol 2, app 4; closed 1-3.
	# on time: of 1-3 resolved, 2 missed its deadline: 2/3. Responded on time: 1 (30 min) and 3
	# (10 min) of 1-4, whose 2 h ran out for 2 (3 h) and 4 (never): 2/4. Of 1-3, which started in
	# the grid and were resolved, 1 stayed in the grid (1/3), 1 and 2 in the community (2/3).
	# Median response 30 (10, 30, 180 min); median close 28 h (7, 28, 32). Escalated to the
	# street: 3; to a department: none. First visits satisfied or basic: 1 and 3 of 1-3: 2/3.
	# Reopened or sent back: 2 and 3 of the 3 resolved: 2/3.
	assert_equal "$got" '[4,2,1,1,1,1,3,66.7,50,33.3,66.7,30,28,1,0,66.7,66.7]'
}

@test "the street holds its communities' tickets; a community without tickets has counts of 0 and no rates" {
	run -0 gg-score metrics --period 2026-11 --level street -o ndjson
	assert_equal "$(jq -c '[.unit, .received, .on_time]' <<<"$output")" '["TZ-HL-CZ",4,66.7]'
	run -0 gg-score metrics --period 2026-11 -o ndjson
	assert_equal "$(jq -c '[.unit, .received, .on_time, .response_median]' <<<"$output")" \
		$'["TZ-HL-CZ-01",4,66.7,30]\n["TZ-HL-CZ-02",0,null,null]'
	run -0 gg-score metrics --period 2026-10 --unit TZ-HL-CZ-01 -o ndjson
	# ticket 7, reported on 30 October, was accepted a week later: late
	assert_equal "$(jq -c '[.received, .responded_on_time]' <<<"$output")" '[1,0]'
}

@test "every metric by its own query gives the figures the one pass gives" {
	run -0 gg-score metrics --period 2026-11 -o json
	pass=$output
	run -0 gg-score metrics --period 2026-11 --each -o json
	assert_equal "$output" "$pass"
	run -0 gg-score metrics --period 2026-11 --level street -o json
	pass=$output
	run -0 gg-score metrics --period 2026-11 --level street --each -o json
	assert_equal "$output" "$pass"
}

@test "--explain prints a metric's query, which sqlite3 alone runs to the same figure" {
	sqlite_only "the query is run by the sqlite3 shell, its parameters bound with .param"
	run -0 gg-score metrics --explain on_time
	assert_equal "$output" "$(cat "$TOP/share/gg/queries/metrics/on_time.sql")"
	sql=$output
	run -0 sqlite3 "$GG_DB" <<-EOF
		.param set :level community
		.param set :from $(date -d 2026-11-01T00:00:00+08:00 +%s)
		.param set :to $(date -d 2026-12-01T00:00:00+08:00 +%s)
		$sql
	EOF
	assert_equal "$output" 'TZ-HL-CZ-01|66.7'
}

@test "--list names every metric with its unit and direction, one per file" {
	run -0 gg-score metrics --list -o tsv
	assert_equal "$(tail -n +2 <<<"$output" | wc -l)" "$(ls "$TOP"/share/gg/queries/metrics/*.sql | wc -l)"
	assert_line --partial $'on_time\t%\thigher\tof the period'
	assert_line --partial $'reopen_rate\t%\tlower\t'
	run -0 gg-score metrics --list -o ndjson
	assert_equal "$(jq -r 'select(.better != "higher" and .better != "lower" and .better != "none") | .name' <<<"$output")" ""
}

@test "period bounds are the calendar's days whatever TZ says" {
	# ticket 1 was reported at 09:00 on 2 November in Beijing time: in November in any zone
	run -0 env TZ=America/Los_Angeles gg-score metrics --period 2026-11 --unit TZ-HL-CZ-01 -o ndjson
	assert_equal "$(jq .received <<<"$output")" 4
	run -0 env TZ=Pacific/Kiritimati gg-score metrics --period 2026-W45 --unit TZ-HL-CZ-01 -o ndjson
	# ISO week 45 of 2026 is 2 to 8 November: tickets 1-4, 5 and 6 apart
	assert_equal "$(jq -c '[.received, .duplicates, .rejected]' <<<"$output")" '[4,1,1]'
}

@test "staffing figures come from the view gg-org check reads: the same shortfall" {
	run -0 gg-score metrics --period 2026-11 -o ndjson
	# 东进社区: 8,200 residents and one worker (the grid worker of G01): 1.2 per 10,000, 15 short
	# of the 18 (ceil(8200 * 18 / 10000) = 15, less 1 = 14); one grid of two has a grid worker.
	# 坡子街社区: 1,000 residents, two community workers: 20.0, none short, no grids.
	assert_equal "$(jq -c '[.unit, .workers_per_10000, .staffing_shortfall, .grids_staffed]' <<<"$output")" \
		$'["TZ-HL-CZ-01",1.2,14,50]\n["TZ-HL-CZ-02",20,0,null]'
	run -1 gg-org check -o ndjson
	assert_equal "$(jq -c 'select(.rule == "staffing_ratio") | [.code, .shortfall]' <<<"$output")" '["TZ-HL-CZ-01",14]'
}

@test "bad usage is 64 and prints nothing: a period that does not parse, an unknown metric, two modes" {
	run -64 --separate-stderr gg-score metrics --period 2026-13
	assert_equal "${stderr_lines[0]}" "gg-score: bad period '2026-13': use 2026, 2026-Q4, 2026-11 or 2026-W48"
	assert_equal "$output" ""
	run -64 --separate-stderr gg-score metrics --explain nosuch
	assert_equal "${stderr_lines[0]}" "gg-score: no metric named 'nosuch' (gg-score metrics --list names them)"
	run -64 gg-score metrics --list --period 2026-11
	run -64 gg-score metrics --period 2026-11 --unit TZ-HL-CZ-01 --level street
	run -65 --separate-stderr gg-score metrics --period 2026-11 --under TZ-NOPE
	assert_equal "$stderr" "gg-score: --under: unknown unit 'TZ-NOPE'"
	run -65 --separate-stderr gg-score metrics --period 2026-11 --unit TZ-HL-CZ-01-G01
	assert_equal "$stderr" "gg-score: TZ-HL-CZ-01-G01: metrics are of a community, a street, a district or the city"
}

@test "survey figures count a household once, its later answer, as satisfaction does" {
	gg-score survey import --from csv - >/dev/null <<-'EOF2'
		community,party_org,date,answer,household
		TZ-HL-CZ-01,P-CZ01,2026-11-03,unsatisfied,h-1
		TZ-HL-CZ-01,P-CZ01,2026-11-20,satisfied,h-1
		TZ-HL-CZ-01,P-CZ01,2026-11-04,basic,h-2
		TZ-HL-CZ-01,P-CZ01-G01,2026-11-05,unsatisfied,
		TZ-HL-CZ-01,P-CZ01-G01,2026-11-06,unsatisfied,
		TZ-HL-CZ-01,P-CZ01-G01,2026-11-07,satisfied,h-2
		TZ-HL-CZ-01,P-CZ01,2026-10-30,satisfied,h-3
	EOF2
	# November: h-1 once (satisfied, its later answer), h-2 basic of the committee and
	# satisfied of the grid's branch (once for each organisation), two without a household
	# unsatisfied: 5 responses, 3 of them satisfied or basic
	run -0 gg-score metrics --period 2026-11 --unit TZ-HL-CZ-01 -o ndjson
	assert_equal "$(jq -c '[.survey_responses, .survey_satisfaction]' <<<"$output")" '[5,60]'
	run -1 gg-score satisfaction --period 2026-11 -o ndjson # the branch: 1 of 3, listed
	assert_equal "$(jq -s -c '[(map(.responses) | add), (map(.satisfied + .basic) | add)]' <<<"$output")" '[5,3]'
}

@test "a ticket suspended before its first acceptance has its response deadline moved by the pause, as respond_by" {
	# env.garbage: 2 h to accept. Reported 09:00, suspended 09:10 to 15:10 (6 h standing still),
	# accepted 15:30: within 11:00 + 6 h. A second, never suspended, accepted at 15:30: late.
	a=$(gg-ticket --now 2026-11-09T09:00:00+08:00 new --category env.garbage --title 楼道堆放杂物 \
		--unit TZ-HL-CZ-01-G02 --reported-at 2026-11-09T09:00:00+08:00 -o json | jq -r .id)
	b=$(gg-ticket --now 2026-11-09T09:00:00+08:00 new --category env.garbage --title 楼道堆物 \
		--unit TZ-HL-CZ-01-G02 --reported-at 2026-11-09T09:00:00+08:00 -o json | jq -r .id)
	at 09T09:10 suspend "$a" --reason 等待业主
	at 09T15:10 resume "$a"
	at 09T15:30 accept "$a" "$b"
	run -0 gg-score metrics --period 2026-W46 --unit TZ-HL-CZ-01 -o ndjson
	assert_equal "$(jq -c '[.received, .responded_on_time]' <<<"$output")" '[2,50]'
}
