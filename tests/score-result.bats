#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-score's departments' appraisal results (考核结果互认互用) on the test city: imported once and
# recognised by all, a second result for the same department, unit and period refused unless
# --replace (audited, old and new), and listed by department, unit and period.

load helper

SF=$FIX/score

setup_file() {
	seed "$FIX/city.yaml"
	GG_DB="$SEED_DB" gg-org import -f "$SF/result-depts.yaml" >/dev/null
	checkpoint "$SEED_DB"
}

setup() {
	fresh_db
	BEFORE=$(digest)
}

@test "results import: each result once, audited; list them by unit, period and department" {
	run -0 --separate-stderr gg-score results import -f "$SF/result-november.yaml" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"imported":4,"replaced":0,"unchanged":0}'
	assert_equal "$stderr" ""
	# the scores in tenths: sqlite3 prints a whole real as 88.0, psql as 88
	assert_equal "$(sql 'SELECT department, unit, period, CAST(score * 10 AS INTEGER), grade, note FROM dept_result ORDER BY department, unit, period')" \
		"$(printf '%s\n' 'D-CG|TZ-HL-CZ|2026|880||' 'D-CG|TZ-HL-CZ-01|2026-11|925|优秀|' \
			'D-CG|TZ-HL-CZ-02|2026-Q4|780||台账不全' 'D-MZ|TZ-HL-CZ-01|2026-11|810|良好|')"
	assert_equal "$(sql "SELECT count(*) FROM audit WHERE CAST(change AS TEXT) LIKE '{\"op\":\"add\",\"kind\":\"result\",%'")" 4
	run -0 gg-score results list -o tsv
	assert_output "$(printf '%s\n' $'department\tunit\tperiod\tscore\tgrade\tnote\timported_at' \
		$'D-CG\tTZ-HL-CZ\t2026\t88\t\t\t2026-11-26T10:00:00+08:00' \
		$'D-CG\tTZ-HL-CZ-01\t2026-11\t92.5\t优秀\t\t2026-11-26T10:00:00+08:00' \
		$'D-MZ\tTZ-HL-CZ-01\t2026-11\t81\t良好\t\t2026-11-26T10:00:00+08:00' \
		$'D-CG\tTZ-HL-CZ-02\t2026-Q4\t78\t\t台账不全\t2026-11-26T10:00:00+08:00')"
	run -0 gg-score results list --unit TZ-HL-CZ-01 --period 2026-11 --department D-MZ -o json
	assert_equal "$(jq -c '[.[] | [.department, .score]]' <<<"$output")" '[["D-MZ",81]]'
	# a period is matched as written: the quarter is not the month
	run -0 gg-score results list --unit TZ-HL-CZ-02 --period 2026-11 -o json
	assert_output '[]'
	run -64 --separate-stderr gg-score results list --period 2026-13
	assert_equal "${stderr_lines[0]}" "gg-score: bad period '2026-13': use 2026, 2026-Q4, 2026-11 or 2026-W48"
}

@test "results import: the same department, unit and period again is refused, nothing written" {
	gg-score results import -f "$SF/result-november.yaml" >/dev/null
	BEFORE=$(digest)
	refused gg-score "stdin:2:3: the result of D-CG for TZ-HL-CZ-01 in 2026-11 is imported already (score 92.5); --replace replaces it" \
		results import - <<'EOF'
- {department: D-CG, unit: TZ-HL-CZ-01-G01, period: 2026-11, score: 70}
- {department: D-CG, unit: TZ-HL-CZ-01, period: 2026-11, score: 60}
EOF
	# the same result again too: one result is recognised, and a second import is not it
	refused gg-score "$SF/result-november.yaml:3:3: the result of D-CG for TZ-HL-CZ-01 in 2026-11 is imported already (score 92.5); --replace replaces it" \
		results import -f "$SF/result-november.yaml"
	# twice in one input is refused with --replace too, naming the first
	refused gg-score "stdin:2:3: the result of D-CG for TZ-HL-CZ-01-G01 in 2026-12 is given twice (first at stdin:1:16)" \
		results import --replace - <<'EOF'
- {department: D-CG, unit: TZ-HL-CZ-01-G01, period: 2026-12, score: 70}
- {department: D-CG, unit: TZ-HL-CZ-01-G01, period: 2026-12, score: 71}
EOF
}

@test "results import --replace: the result replaced whole, the audit log showing old and new" {
	gg-score results import -f "$SF/result-november.yaml" >/dev/null
	run -0 gg-score results import --replace -o json - <<'EOF'
- {department: D-CG, unit: TZ-HL-CZ-01, period: 2026-11, score: 85, note: 复核后调整}
- {department: D-CG, unit: TZ-HL-CZ-02, period: 2026-Q4, score: 78, note: 台账不全}
- {department: D-CG, unit: TZ-HL-CZ-02, period: 2026-11, score: 90}
EOF
	assert_equal "$(jq -c . <<<"$output")" '{"imported":1,"replaced":1,"unchanged":1}'
	# the grade not given again is gone with the old result
	run -0 gg-score results list --department D-CG --unit TZ-HL-CZ-01 -o json
	assert_equal "$(jq -c '[.[] | [.score, .grade, .note]]' <<<"$output")" '[[85,null,"复核后调整"]]'
	run -0 gg-report audit --command 'results import --replace' -o json
	assert_equal "$(jq -c '[.[] | .change | [.op, .key.unit, .key.period, .set.score, .was.score, .set.grade, .was.grade, .set.note]]' <<<"$output")" \
		'[["set","TZ-HL-CZ-01","2026-11",85,92.5,null,"优秀","复核后调整"],["add","TZ-HL-CZ-02","2026-11",90,null,null,null,null]]'
	run -0 gg-report audit --verify
}

@test "results import --dry-run: counted and checked, nothing written" {
	run -0 gg-score results import --dry-run -f "$SF/result-november.yaml" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"imported":4,"replaced":0,"unchanged":0}'
	assert_equal "$(digest)" "$BEFORE"
}

@test "results import: a bad score, department, unit or period is exit 65, named, nothing written" {
	refused gg-score "stdin:1:65: score: '101' is not a score from 0 to 100" results import - \
		<<<'- {department: D-CG, unit: TZ-HL-CZ-01, period: 2026-11, score: 101}'
	refused gg-score "stdin:1:65: score: '-0.5' is not a score from 0 to 100" results import - \
		<<<'- {department: D-CG, unit: TZ-HL-CZ-01, period: 2026-11, score: -0.5}'
	refused gg-score "stdin:1:65: score: '九十' is not a score from 0 to 100" results import - \
		<<<'- {department: D-CG, unit: TZ-HL-CZ-01, period: 2026-11, score: 九十}'
	refused gg-score "stdin:1:16: department: unknown dept 'D-XX'" results import - \
		<<<'- {department: D-XX, unit: TZ-HL-CZ-01, period: 2026-11, score: 90}'
	refused gg-score "stdin:1:28: unit: unknown unit 'TZ-HL-CZ-09'" results import - \
		<<<'- {department: D-CG, unit: TZ-HL-CZ-09, period: 2026-11, score: 90}'
	refused gg-score "stdin:1:49: period: '2026-13' is not a period: 2026, 2026-Q4, 2026-11 or 2026-W48" results import - \
		<<<'- {department: D-CG, unit: TZ-HL-CZ-01, period: 2026-13, score: 90}'
	refused gg-score "stdin:1:3: a department's result needs a score" results import - \
		<<<'- {department: D-CG, unit: TZ-HL-CZ-01, period: 2026-11, grade: 优秀}'
	refused gg-score "stdin:1:74: rank: unknown field (a result has department, unit, period, score, grade, note)" \
		results import - <<<'- {department: D-CG, unit: TZ-HL-CZ-01, period: 2026-11, score: 9, rank: 1}'
	run -64 --separate-stderr gg-score results import
	assert_equal "${stderr_lines[0]}" "gg-score: give the results with --file FILE, or - (stdin)"
}

@test "a department or unit with results is not removed" {
	gg-score results import -f "$SF/result-november.yaml" >/dev/null
	BEFORE=$(digest)
	refused gg-org "cannot remove dept 'D-MZ': still referred to by departments' appraisal results (1)" dept rm D-MZ
	gg-score results import - <<<'- {department: D-MZ, unit: TZ-HL-CZ-01-G02, period: 2026-W48, score: 66.5}' >/dev/null
	BEFORE=$(digest)
	refused gg-org "cannot remove unit 'TZ-HL-CZ-01-G02': still referred to by departments' appraisal results (1)" \
		unit rm TZ-HL-CZ-01-G02
}
