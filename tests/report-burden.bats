#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-report burden: the burden-reduction audit. The test city, then the duty list, the
# signboards and the demands of October and November 2026 in tests/fixtures/burden.yaml, whose
# comments say which rule each demand breaks; the findings and counts below are worked out
# from them by hand.

load helper

setup_file() {
	seed "$FIX/city.yaml"
	GG_DB="$SEED_DB" gg-org import -f "$FIX/burden.yaml" >/dev/null
}

# findings ARGS…: the audit's findings as "rule community demand", one a line
findings() {
	gg-report burden -o json "$@" | jq -r '.findings[] | "\(.rule) \(.community) \(.demand)"'
}

@test "November's findings, rule by rule, each naming its community, department and demand" {
	run -1 --separate-stderr gg-report burden --period 2026-11 -o json
	assert_equal "$stderr" ""
	assert_equal "$(jq -r '.findings[] | "\(.rule) \(.community) \(.demand)"' <<<"$output")" "$(printf '%s\n' \
		'unapproved TZ-HL-CZ-01 20' \
		'unapproved TZ-HL-CZ-01 36' \
		'unapproved TZ-HL-CZ-02 35' \
		'negative_list TZ-HL-CZ-02 22' \
		'unfunded TZ-HL-CZ-01 1' \
		'unfunded TZ-HL-CZ-02 23' \
		'inspections TZ-HL-CZ-01 1' \
		'inspections TZ-HL-CZ-01 25' \
		'repeated_field TZ-HL-CZ-01 30' \
		'repeated_field TZ-HL-CZ-01 30' \
		'signboard TZ-HL-CZ-01 34')"
	# a finding names the community, the department and the demand, by code and by name
	assert_equal "$(jq -c '.findings[0]' <<<"$output")" \
		'{"rule":"unapproved","community":"TZ-HL-CZ-01","community_name":"东进社区","department":"D-MZ","department_name":"海陵区民政局","demand":20,"title":"入户走访","date":"2026-11-01","figures":{"kind":"task","duty":null,"duty_kind":null}}'
	# 非批不入: an approved task (21) and one on the list (29, 30: by law) are no findings;
	# a task of the negative list, approved (22), is a negative_list finding alone
	assert_equal "$(jq -c '[.findings[] | select(.rule == "negative_list") | .figures]' <<<"$output")" \
		'[{"duty":"DU-03","duty_name":"招商引资","approved":true}]'
	# 费随事转: assisted duties without funding (1, 23); 24 was funded
	assert_equal "$(jq -c '[.findings[] | select(.rule == "unfunded") | [.demand, .figures.duty]]' <<<"$output")" \
		'[[1,"DU-01"],[23,"DU-04"]]'
}

@test "inspections: past one comprehensive a department a year, counted from January to the period's end" {
	# D-CG inspected 东进社区 in March (26), on 10 November (1, not marked: it counts) and on 18
	# November (25): the 2nd and 3rd are findings; the special one (27) and D-WJ's first (28) not
	run -1 gg-report burden --period 2026-11 -o json
	assert_equal "$(jq -c '[.findings[] | select(.rule == "inspections") | [.demand, .department, .figures]]' <<<"$output")" \
		'[[1,"D-CG",{"count":3,"cap":1,"year":2026,"nth":2}],[25,"D-CG",{"count":3,"cap":1,"year":2026,"nth":3}]]'
	run -1 gg-report burden --period 2026-11 --inspection-cap 2 -o json
	assert_equal "$(jq -c '[.findings[] | select(.rule == "inspections") | [.demand, .figures]]' <<<"$output")" \
		'[[25,{"count":3,"cap":2,"year":2026,"nth":3}]]'
	assert_equal "$(jq -c '.counts[] | select(.rule == "inspections") | [.before, .after]' <<<"$output")" '[0,1]'
	run -1 gg-report burden --period 2026-11 --inspection-cap 0 -o json
	assert_equal "$(jq -c '[.findings[] | select(.rule == "inspections") | .demand]' <<<"$output")" '[1,25,28]'
	# the year to date at the period's end: March's inspection is within the cap in Q1
	run -0 gg-report burden --period 2026-Q1 -o json
	assert_equal "$(jq -c '.findings' <<<"$output")" '[]'
}

@test "repeated_field: a field asked again of a community in the period names the first request" {
	run -1 gg-report burden --period 2026-11 -o json
	# 30 asks 电话 and 姓名 again of 东进社区 after 29 (D-MZ, 9 November); 住址 was asked in
	# October (12), not in this period; 31 asks 电话 of another community
	assert_equal "$(jq -c '[.findings[] | select(.rule == "repeated_field") | [.demand, .department, .figures]]' <<<"$output")" \
		'[[30,"D-WJ",{"field":"姓名","first_demand":29,"first_department":"D-MZ","first_date":"2026-11-09"}],[30,"D-WJ",{"field":"电话","first_demand":29,"first_department":"D-MZ","first_date":"2026-11-09"}]]'
}

@test "signboard: a board on the list by code or name is none; one off the list is" {
	run -1 gg-report burden --period 2026-11 -o json
	assert_equal "$(jq -c '[.findings[] | select(.rule == "signboard") | [.demand, .figures]]' <<<"$output")" \
		'[[34,{"signboard":"健康小屋"}]]'
	# put on the list, it is a finding no more
	gg-org signboard add --code SB-3 --name 健康小屋 >/dev/null
	run -1 gg-report burden --period 2026-11 -o json
	assert_equal "$(jq -c '[.findings[] | select(.rule == "signboard")]' <<<"$output")" '[]'
}

@test "counts: each rule in October and November, and the change in percent" {
	run -1 gg-report burden --period 2026-11 -o json
	assert_equal "$(jq -c '.counts[] | [.rule, .before, .after, .change_pct]' <<<"$output")" "$(printf '%s\n' \
		'["unapproved",2,3,50]' \
		'["negative_list",2,1,-50]' \
		'["unfunded",0,2,null]' \
		'["inspections",0,2,null]' \
		'["repeated_field",0,2,null]' \
		'["signboard",3,1,-66.7]')"
	# October's findings are the "before" above: 10 on the last day of October, 11 twice
	run -1 gg-report burden --period 2026-10 -o json
	assert_equal "$(jq -r '.findings[] | "\(.rule) \(.demand)"' <<<"$output")" "$(printf '%s\n' \
		'unapproved 10' 'unapproved 11' 'negative_list 14' 'negative_list 11' \
		'signboard 13' 'signboard 15' 'signboard 16')"
	# the quarter before a quarter: Q3 has none of these
	run -1 gg-report burden --period 2026-Q4 -o json
	assert_equal "$(jq -c '.counts[] | select(.rule == "unapproved") | [.before, .after]' <<<"$output")" '[0,5]'
}

@test "a clean period exits 0 with its counts on stdout; December falls from November" {
	run -0 gg-report burden --period 2026-12 -o json
	assert_equal "$(jq -c '.findings' <<<"$output")" '[]'
	assert_equal "$(jq -c '[.counts[] | [.before, .after, .change_pct]]' <<<"$output")" \
		'[[3,0,-100],[1,0,-100],[2,0,-100],[2,0,-100],[2,0,-100],[1,0,-100]]'
	run -0 gg-report burden --period 2026-W37
	assert_line 'findings: []'
	# what the audit is of, for a person reading it and for a pipe
	assert_equal "$(sed -n '1,6p' <<<"$output")" "$(printf '%s\n' report: '  unit: TZ' '  name: 泰州市' \
		'  title: burden' '  period: "2026-W37"' '  previous: "2026-W36"')"
}

@test "--under keeps the communities within the unit" {
	run -1 gg-report burden --period 2026-11 --under TZ-HL-CZ-02 -o json
	assert_equal "$(jq -r '.findings[] | "\(.rule) \(.community) \(.demand)"' <<<"$output")" "$(printf '%s\n' \
		'unapproved TZ-HL-CZ-02 35' 'negative_list TZ-HL-CZ-02 22' 'unfunded TZ-HL-CZ-02 23')"
	assert_equal "$(jq -c '.counts[] | select(.rule == "signboard") | [.before, .after]' <<<"$output")" '[3,0]'
	run -1 gg-report burden --period 2026-11 --under TZ-HL -o json
	assert_equal "$(jq '.findings | length' <<<"$output")" 11
}

@test "-o tsv: the findings' and the counts' declared columns, a block each" {
	run -1 gg-report burden --period 2026-11 -o tsv
	# the head's block, then a blank line
	assert_line --index 0 "$(printf 'unit\tname\ttitle\tperiod\tprevious')"
	assert_line --index 1 "$(printf 'TZ\t泰州市\tburden\t2026-11\t2026-10')"
	run -0 sed '1,3d' <<<"$output"
	assert_line --index 0 "$(printf 'rule\tcommunity\tcommunity_name\tdepartment\tdepartment_name\tdemand\ttitle\tdate\tfigures')"
	assert_line --index 1 "$(printf 'unapproved\tTZ-HL-CZ-01\t东进社区\tD-MZ\t海陵区民政局\t20\t入户走访\t2026-11-01\t{"kind":"task","duty":null,"duty_kind":null}')"
	# a blank line, then the counts
	assert_equal "$(sed -n '13,15p;17p' <<<"$output")" "$(printf '%s\n' '' \
		$'rule\tbefore\tafter\tchange_pct' $'unapproved\t2\t3\t50' $'unfunded\t0\t2\t')"
	# declared columns show their header with no rows
	run -0 gg-report burden --period 2026-12 -o tsv
	assert_equal "$(sed -n '4,6p' <<<"$output")" "$(printf '%s\n' \
		$'rule\tcommunity\tcommunity_name\tdepartment\tdepartment_name\tdemand\ttitle\tdate\tfigures' '' \
		$'rule\tbefore\tafter\tchange_pct')"
}

@test "TZ changes nothing: periods are counted in the calendar's zone" {
	want=$(gg-report burden --period 2026-11 -o json || true)
	for tz in UTC America/New_York Pacific/Kiritimati; do
		run -1 env TZ=$tz gg-report burden --period 2026-11 -o json
		assert_equal "$output" "$want"
	done
	run -1 env TZ=America/New_York gg-report burden --period 2026-10 -o json
	assert_equal "$(jq -c '[.findings[] | .demand] | sort' <<<"$output")" '[10,11,11,13,14,15,16]'
}

@test "bad usage is 64, an unknown unit 65, and nothing on stdout" {
	run -64 --separate-stderr gg-report burden
	assert_equal "${stderr_lines[0]}" "gg-report: burden needs --period P (2026-11, 2026-Q4, 2026-W48, 2026)"
	assert_equal "$output" ""
	run -64 --separate-stderr gg-report burden --period 2026-13
	assert_equal "${stderr_lines[0]}" "gg-report: bad period '2026-13': use 2026, 2026-Q4, 2026-11 or 2026-W48"
	assert_equal "$output" ""
	for cap in -1 x 1.5 ""; do
		run -64 --separate-stderr gg-report burden --period 2026-11 --inspection-cap "$cap"
		assert_equal "${stderr_lines[0]}" "gg-report: --inspection-cap wants a count, 0 or more, not '$cap'"
		assert_equal "$output" ""
	done
	run -64 --separate-stderr gg-report burden --period 2026-11 --level street
	assert_equal "${stderr_lines[0]}" "gg-report: burden takes no --level"
	assert_equal "$output" ""
	run -64 --separate-stderr gg-report tickets --period 2026-11 --by source --inspection-cap 2
	assert_equal "${stderr_lines[0]}" "gg-report: tickets takes no --inspection-cap"
	run -65 --separate-stderr gg-report burden --period 2026-11 --under TZ-NOPE
	assert_equal "$stderr" "gg-report: --under: unknown unit 'TZ-NOPE'"
	assert_equal "$output" ""
}

@test "the audit only reads" {
	before=$(digest)
	run -1 gg-report burden --period 2026-11
	assert_equal "$(digest)" "$before"
}

@test "the period before: the week, month, quarter or year before, across a year's end" {
	gg-org demand add --department D-MZ --unit TZ-HL-CZ-01 --kind task --title 年末统计 --date 2025-12-24 >/dev/null
	gg-org demand add --department D-MZ --unit TZ-HL-CZ-01 --kind task --title 年末统计 --date 2020-12-30 >/dev/null
	before() { gg-report burden -o json "$@" | jq -c '.counts[0] | [.before, .after]'; }
	assert_equal "$(before --period 2026-W01)" '[1,0]'  # 2025-W52: 22 to 28 December 2025
	assert_equal "$(before --period 2021-W01)" '[1,0]'  # 2020-W53: 28 December 2020 to 3 January 2021
	assert_equal "$(before --period 2021-W02)" '[0,0]'
	assert_equal "$(before --period 2026-01)" '[1,0]'
	assert_equal "$(before --period 2026-Q1)" '[1,0]'
	assert_equal "$(before --period 2026)" '[1,5]'
	assert_equal "$(before --period 2021)" '[1,0]'
}

@test "--under a grid or a building is refused: it lies within one community, and would find nothing" {
	run -64 --separate-stderr gg-report burden --period 2026-11 --under TZ-HL-CZ-01-G01
	assert_output ''
	assert_equal "${stderr_lines[0]}" 'gg-report: --under TZ-HL-CZ-01-G01: a grid lies within one community; name the community'
}
