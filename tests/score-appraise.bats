#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-score appraise and rank: four communities whose staffing makes their figures (workers per
# 10,000 residents 20, 10, 10 and 0; every grid staffed but the fourth's), appraised by rubrics
# whose totals are worked out by hand in each test; ties share a rank; a re-run replaces; a bad
# rubric writes nothing.

load helper

setup_file() {
	seed "$FIX/score/appraise-city.yaml"
}

setup() {
	fresh_db
	BEFORE=$(digest)
	R=$BATS_TEST_TMPDIR
}

ranks() {
	jq -r '[.rank, .unit, .total] | @tsv' <<<"$output"
}

@test "linear by target and a threshold: 100, 70, 70, 0; the two at 70 share rank 2 and the next is 4" {
	# workers per 10,000 of 20, 10, 10, 0 earn 60 * x / 20 (60, 30, 30, 0); staffed grids 40, but the fourth
	run -0 gg-score appraise --period 2026-11 --rubric "$FIX/score/rubric-staffing.yaml" -o ndjson
	assert_equal "$(ranks)" "$(printf '1\tTZ-HL-A-01\t100\n2\tTZ-HL-A-02\t70\n2\tTZ-HL-A-03\t70\n4\tTZ-HL-B-01\t0')"
	assert_equal "$(jq -c 'select(.unit == "TZ-HL-A-02") | [.workers_per_10000, .grids_staffed, .indicators[0].value, .indicators[0].score]' <<<"$output")" \
		'[30,40,10,0.5]'
	# kept, and shown again by rank with the rubric's digest
	run -0 gg-score rank --period 2026-11 --rubric staffing -o ndjson
	assert_equal "$(ranks)" "$(printf '1\tTZ-HL-A-01\t100\n2\tTZ-HL-A-02\t70\n2\tTZ-HL-A-03\t70\n4\tTZ-HL-B-01\t0')"
	assert_equal "$(jq -r .digest <<<"$output" | sort -u)" "$(sha256sum <"$FIX/score/rubric-staffing.yaml" | cut -d' ' -f1)"
	run -0 gg-score rank --period 2026-11 --rubric staffing --under TZ-HL-B -o tsv
	assert_equal "$output" "$(printf 'rank\tunit\tname\ttotal\tworkers_per_10000\tgrids_staffed\tbonus\tdeductions\n4\tTZ-HL-B-01\t四村社区\t0\t0\t0\t0\t0')"
}

@test "a tie-break decides the tie: the lower shortfall (1 against 2) ranks first" {
	cp "$FIX/score/rubric-staffing.yaml" "$R/r.yaml"
	# shortfall of 18 per 10,000: 二村 ceil(2000 * 18 / 10000) - 2 = 2, 三村 ceil(1000 * 18 / 10000) - 1 = 1
	echo 'tie_break: [staffing_shortfall]' >>"$R/r.yaml"
	run -0 gg-score appraise --period 2026-11 --rubric "$R/r.yaml" -o ndjson
	assert_equal "$(ranks)" "$(printf '1\tTZ-HL-A-01\t100\n2\tTZ-HL-A-03\t70\n3\tTZ-HL-A-02\t70\n4\tTZ-HL-B-01\t0')"
}

@test "min-max and rank rules: 20, 10, 10, 0 become 100, 50, 50, 0 and 100, 66.67, 66.67, 0" {
	printf 'name: mm\nnormalise: minmax\nindicators:\n  - {metric: workers_per_10000, weight: 100}\n' >"$R/mm.yaml"
	run -0 gg-score appraise --period 2026-11 --rubric "$R/mm.yaml" -o ndjson
	assert_equal "$(ranks)" "$(printf '1\tTZ-HL-A-01\t100\n2\tTZ-HL-A-02\t50\n2\tTZ-HL-A-03\t50\n4\tTZ-HL-B-01\t0')"
	# by rank among 4: (4 - 1 - units ahead) / 3 of the weight: 3/3, 2/3, 2/3, 0/3
	printf 'name: rk\nindicators:\n  - {metric: workers_per_10000, weight: 100, rule: rank}\n' >"$R/rk.yaml"
	run -0 gg-score appraise --period 2026-11 --rubric "$R/rk.yaml" -o ndjson
	assert_equal "$(ranks)" "$(printf '1\tTZ-HL-A-01\t100\n2\tTZ-HL-A-02\t66.67\n2\tTZ-HL-A-03\t66.67\n4\tTZ-HL-B-01\t0')"
}

@test "deductions and a capped bonus: 100 - min(2 demands * 5, 8) + min(min(100 * 0.05, 10), 3) = 95" {
	gg-org demand add --department D-ZZB --unit TZ-HL-A-01 --kind task --title 报表 --date 2026-11-03 >/dev/null
	gg-org demand add --department D-ZZB --unit TZ-HL-A-01 --kind meeting --title 会议 --date 2026-11-10 >/dev/null
	cp "$FIX/score/rubric-staffing.yaml" "$R/r.yaml"
	printf 'deductions:\n  - {metric: demands, per: 5, max: 8}\nbonus:\n  - {metric: grids_staffed, per: 0.05, max: 10}\nbonus_cap: 3\n' >>"$R/r.yaml"
	run -0 gg-score appraise --period 2026-11 --rubric "$R/r.yaml" -o ndjson
	assert_equal "$(jq -c 'select(.unit == "TZ-HL-A-01") | [.total, .bonus, .deductions]' <<<"$output")" '[95,3,8]'
	# 二村: 70 + 3, nothing deducted
	assert_equal "$(jq -c 'select(.unit == "TZ-HL-A-02") | [.rank, .total]' <<<"$output")" '[2,73]'
}

@test "streets are appraised on their whole subtree: 阳光 5 workers for 4,000 residents, 12.5" {
	sed 's/level: community/level: street/' "$FIX/score/rubric-staffing.yaml" >"$R/r.yaml"
	run -0 gg-score appraise --period 2026-11 --rubric "$R/r.yaml" -o ndjson
	# 阳光: 60 * 12.5 / 20 = 37.5, its three grids staffed: 40; 春晖: nothing
	assert_equal "$(ranks)" "$(printf '1\tTZ-HL-A\t77.5\n2\tTZ-HL-B\t0')"
}

@test "a re-run replaces the rubric's results for the period, and the audit log says how many" {
	gg-score appraise --period 2026-11 --rubric "$FIX/score/rubric-staffing.yaml" >/dev/null
	gg-org person add --code W4 --name 网格员四 --roles grid_worker:TZ-HL-B-01-G01 >/dev/null
	run -0 gg-score appraise --period 2026-11 --rubric "$FIX/score/rubric-staffing.yaml" -o ndjson
	# 四村 now 10 per 10,000 and its grid staffed: 30 + 40, tied with 二村 and 三村
	assert_equal "$(ranks)" "$(printf '1\tTZ-HL-A-01\t100\n2\tTZ-HL-A-02\t70\n2\tTZ-HL-A-03\t70\n2\tTZ-HL-B-01\t70')"
	assert_equal "$(sql "SELECT count(*) FROM appraisal WHERE rubric = 'staffing'")" 4
	run -0 gg-report audit --command appraise -o ndjson
	assert_equal "$(jq -c 'select(.change.op == "appraise") | .change | [.rubric, .period, .units, .replaced]' <<<"$output")" \
		$'["staffing","2026-11",4,0]\n["staffing","2026-11",4,4]'
	run -0 gg-score appraise --period 2026-10 --rubric "$FIX/score/rubric-staffing.yaml"
	assert_equal "$(sql "SELECT count(*) FROM appraisal WHERE rubric = 'staffing'")" 8
}

@test "the built-in rubric is named default and is what rank reads unless told otherwise" {
	run -0 gg-score appraise --period 2026-11 -o ndjson
	assert_equal "$(jq -r .rubric <<<"$output" | sort -u)" default
	assert_equal "$(jq -sc 'map(.indicators | map(.weight) | add) | unique' <<<"$output")" '[100]'
	run -0 gg-score rank --period 2026-11 -o ndjson
	assert_equal "$(jq -r .unit <<<"$output" | wc -l)" 4
	run -66 --separate-stderr gg-score rank --period 2026-10
	assert_equal "$stderr" "gg-score: no appraisal by the rubric 'default' for 2026-10: gg-score appraise makes one"
}

# bad RUBRIC-TEXT MESSAGE: appraise by that rubric fails with 65 and MESSAGE, writing nothing
bad() {
	printf '%s\n' "$1" >"$R/bad.yaml"
	run -65 --separate-stderr gg-score appraise --period 2026-11 --rubric "$R/bad.yaml"
	assert_equal "$stderr" "gg-score: $2"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
}

@test "a bad rubric is 65 naming file, line and field, and nothing is written" {
	bad $'name: x\nindicators:\n  - {metric: workers_per_10000, weight: 60, floor: 0, target: 20}\n  - {metric: on_tme, weight: 40}' \
		"$R/bad.yaml:4:14: metric: no metric named 'on_tme' (gg-score metrics --list names them)"
	bad $'name: x\nindicators:\n  - {metric: workers_per_10000, weight: 60, floor: 0, target: 20}\n  - {metric: grids_staffed, weight: 35, rule: threshold, threshold: 100}' \
		"$R/bad.yaml:3:3: indicators: their weights sum to 95, not 100"
	bad $'name: x\nindicators:\n  - {metric: received, weight: 100, rule: rank}' \
		"$R/bad.yaml:3:14: metric: received: neither higher nor lower is better; give the indicator better: higher or lower"
	bad $'name: x\nindicators:\n  - {metric: reopen_rate, weight: 100, floor: 0, target: 20}' \
		"$R/bad.yaml:3:58: target: 20 and floor: 0: the target is the better end, and lower is better"
	bad $'name: x\nindicators:\n  - {metric: on_time, weight: 100, rule: sliding}' \
		"$R/bad.yaml:3:42: rule: linear, threshold or rank, not 'sliding'"
	bad $'name: x\nindicators:\n  - {metric: on_time, weight: 100, floor: 60, target: 95}\ntie_break: [receivd]' \
		"$R/bad.yaml:4:13: tie_break: no metric named 'receivd' (gg-score metrics --list names them)"
	bad $'name: x\ncolour: red\nindicators:\n  - {metric: on_time, weight: 100, floor: 60, target: 95}' \
		"$R/bad.yaml:2:9: colour: not a field of a rubric"
	bad $'name: x\nindicators:\n  - {metric: on_time, wieght: 100, floor: 60, target: 95}' \
		"$R/bad.yaml:3:31: wieght: not a field of an indicator"
	bad $'name: x\nindicators:\n  - {result: D-NOPE, weight: 100, floor: 60, target: 95}' \
		"$R/bad.yaml:3:14: result: no department 'D-NOPE'"
	bad $'name: x\nindicators:\n  - {metric: on_time, weight: 100, rule: rank, floor: 60}' \
		"$R/bad.yaml:3:55: floor: not a field of a rank indicator"
	bad $'name: x\nindicators:\n  - {metric: on_time, weight: 100, floor: 60}' \
		"$R/bad.yaml:3:14: target: missing"
	bad $'name: x\nindicators:\n  - {metric: on_time, weight: 100, floor: 60, target: 95}\n---\nname: y' \
		"$R/bad.yaml:5:1: a rubric is one document: this is a second"
	bad $'name: x\nindicators:\n  - {metric: on_time, weight: 100, rule: 5, floor: 60, target: 95}' \
		"$R/bad.yaml:3:42: rule: a word, not a number or a list"
	bad $'name: x\nbonus_cap: -50\nindicators:\n  - {metric: on_time, weight: 100, floor: 60, target: 95}' \
		"$R/bad.yaml:2:12: bonus_cap: 0 or more"
	run -64 gg-score appraise --period 2026-13 --rubric "$FIX/score/rubric-staffing.yaml"
	run -64 gg-score appraise --period 2026-11 --level grid
	run -66 gg-score appraise --period 2026-11 --rubric "$R"
	run -64 gg-score appraise --rubric "$FIX/score/rubric-staffing.yaml"
	run -66 gg-score appraise --period 2026-11 --rubric "$R/none.yaml"
	assert_equal "$(digest)" "$BEFORE"
}

@test "a department's result for the unit and period is an indicator (考核结果互认互用); without one, missing decides" {
	gg-score results import - >/dev/null <<-'EOF2'
		- {department: D-ZZB, unit: TZ-HL-A-01, period: 2026-11, score: 90}
		- {department: D-ZZB, unit: TZ-HL-A-02, period: 2026-11, score: 75}
		- {department: D-ZZB, unit: TZ-HL-A-03, period: 2026-10, score: 100}
	EOF2
	# 40 points linear between 60 and 100: 90 -> 30, 75 -> 15; 三村's result is October's, 四村 has none
	cp "$FIX/score/rubric-staffing.yaml" "$R/r.yaml"
	sed -i 's/weight: 60, rule: linear/weight: 20, rule: linear/' "$R/r.yaml"
	printf '  - {result: D-ZZB, weight: 40, rule: linear, floor: 60, target: 100}\n' >>"$R/r.yaml"
	run -0 gg-score appraise --period 2026-11 --rubric "$R/r.yaml" -o ndjson
	# workers: 20 * (20, 10, 10, 0) / 20 = 20, 10, 10, 0; grids 40, 40, 40, 0
	assert_equal "$(ranks)" "$(printf '1\tTZ-HL-A-01\t90\n2\tTZ-HL-A-02\t65\n3\tTZ-HL-A-03\t50\n4\tTZ-HL-B-01\t0')"
	assert_equal "$(jq -c 'select(.unit == "TZ-HL-A-01") | [.["result:D-ZZB"], .indicators[2].value]' <<<"$output")" '[30,90]'
	# the same rubric taking a missing result as full marks: 三村 and 四村 gain 40
	sed -i 's/target: 100}/target: 100, missing: full}/' "$R/r.yaml"
	run -0 gg-score appraise --period 2026-11 --rubric "$R/r.yaml" --replace -o ndjson
	# tied units are listed in code order
	assert_equal "$(ranks)" "$(printf '1\tTZ-HL-A-01\t90\n1\tTZ-HL-A-03\t90\n3\tTZ-HL-A-02\t65\n4\tTZ-HL-B-01\t40')"
}

@test "a unit appraised is not removed: gg-org unit rm names the appraisals" {
	gg-score appraise --period 2026-11 --rubric "$FIX/score/rubric-staffing.yaml" >/dev/null
	gg-org unit rm TZ-HL-B-01-G01 >/dev/null
	BEFORE=$(digest)
	refused gg-org "cannot remove unit 'TZ-HL-B-01': still referred to by appraisals (1)" unit rm TZ-HL-B-01
}

@test "a rubric from stdin is digested as read; no unit at the level is no appraisal, not a crash" {
	run -0 gg-score appraise --period 2026-11 --rubric - -o ndjson <"$FIX/score/rubric-staffing.yaml"
	assert_equal "$(jq -r .digest <<<"$output" | sort -u)" "$(sha256sum <"$FIX/score/rubric-staffing.yaml" | cut -d' ' -f1)"
	empty_db
	gg-org init >/dev/null
	run -0 --separate-stderr gg-score appraise --period 2026-11 -o tsv
	assert_equal "$output" ""
}

@test "rank: a period that does not parse or a level not appraised is usage, an unknown unit bad data" {
	run -64 --separate-stderr gg-score rank --period 2026-13
	assert_equal "${stderr_lines[0]}" "gg-score: bad period '2026-13': use 2026, 2026-Q4, 2026-11 or 2026-W48"
	run -64 --separate-stderr gg-score rank --period 2026-11 --level grid
	assert_equal "${stderr_lines[0]}" "gg-score: --level: appraisals are of communities or streets, not 'grid'"
	run -65 --separate-stderr gg-score rank --period 2026-11 --under TZ-NOPE
	assert_equal "$stderr" "gg-score: --under: unknown unit 'TZ-NOPE'"
}

@test "a rubric of the same name from another file replaces its appraisals only with --replace" {
	gg-score appraise --period 2026-11 --rubric "$FIX/score/rubric-staffing.yaml" >/dev/null
	sed 's/weight: 60/weight: 50/; s/weight: 40/weight: 50/' "$FIX/score/rubric-staffing.yaml" >"$R/edited.yaml"
	BEFORE=$(digest)
	run -65 --separate-stderr gg-score appraise --period 2026-11 --rubric "$R/edited.yaml"
	assert_equal "$stderr" "gg-score: the community appraisals of 2026-11 by the rubric 'staffing' were made from another file (digest $(sha256sum <"$FIX/score/rubric-staffing.yaml" | cut -c1-12)…): --replace replaces them"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
	# 50 * 20 / 20 + 50 = 100 for 一村; 二村 25 + 50
	run -0 gg-score appraise --period 2026-11 --rubric "$R/edited.yaml" --replace -o ndjson
	assert_equal "$(jq -c 'select(.unit == "TZ-HL-A-02") | [.rank, .total]' <<<"$output")" '[2,75]'
	run -0 gg-score rank --period 2026-11 --rubric staffing -o ndjson
	assert_equal "$(jq -r .digest <<<"$output" | sort -u)" "$(sha256sum <"$R/edited.yaml" | cut -d' ' -f1)"
}
