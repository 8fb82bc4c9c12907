#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-score's satisfaction surveys on the test city: answers taken in (all or none), and each
# community Party organisation's rate in a period with its 95% Wilson interval, listed under
# 60% (满意度低于60% → 软弱涣散党组织), a household counted once.

load helper

SF=$FIX/score

setup_file() {
	seed "$FIX/city.yaml"
	GG_DB="$SEED_DB" gg-org import -f "$SF/survey-orgs.yaml" >/dev/null
	checkpoint "$SEED_DB"
}

setup() {
	fresh_db
	BEFORE=$(digest)
}

# answers ORG COMMUNITY DATE ANSWER N [HOUSEHOLD]: N answers as NDJSON
answers() {
	local i h=
	[ -z "${6:-}" ] || h=", \"household\": \"$6\""
	for ((i = 0; i < $5; i++)); do
		printf '{"community": "%s", "party_org": "%s", "date": "%s", "answer": "%s"%s}\n' "$2" "$1" "$3" "$4" "$h"
	done
}

# wilson K N: the rate k/n and its 95% Wilson score interval, in percent with one decimal, worked
# out here apart from gg-score: p = k/n, d = 1 + z²/n, the interval
# (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / d with z = 1.959964.
wilson() {
	awk -v k="$1" -v n="$2" 'function r(x) { return int(x * 1000 + 0.5) / 10 }
	BEGIN { z = 1.959964; p = k / n; d = 1 + z * z / n; m = p + z * z / (2 * n)
		h = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))
		lo = (m - h) / d; hi = (m + h) / d; if (lo < 0) lo = 0; if (hi > 1) hi = 1
		print r(p) "\t" r(lo) "\t" r(hi) }'
}

# November 2026, three organisations, and answers either side of the month that must not count:
#   P-CZ01      6 satisfied, 2 basic, 7 unsatisfied: 8/15 = 53.3% — listed, a small sample;
#               strict 6/15 = 40.0%
#   P-CZ01-G01  25 satisfied, 5 basic, 20 unsatisfied: 30/50 = 60.0%, not under 60% — but its
#               interval reaches down to 46.2%: uncertain; strict 25/50 = 50.0%, listed
#   P-CZ02      36 satisfied, 14 unsatisfied: 36/50 = 72.0%, low 58.3%: uncertain
# By hand, for 8/15: p = 0.53333, z² = 3.84146, d = 1.25610, p + z²/2n = 0.66138,
# z·sqrt(0.016593 + 0.004268) = 0.28308; (0.66138 - 0.28308) / 1.25610 = 0.30117 → 30.1,
# (0.66138 + 0.28308) / 1.25610 = 0.75190 → 75.2.
november() {
	{
		answers P-CZ01 TZ-HL-CZ-01 2026-11-01 satisfied 6
		answers P-CZ01 TZ-HL-CZ-01 2026-11-15 basic 2
		answers P-CZ01 TZ-HL-CZ-01 2026-11-30 unsatisfied 7
		answers P-CZ01 TZ-HL-CZ-01 2026-10-31 unsatisfied 5
		answers P-CZ01 TZ-HL-CZ-01 2026-12-01 unsatisfied 5
		answers P-CZ01-G01 TZ-HL-CZ-01 2026-11-10 satisfied 25
		answers P-CZ01-G01 TZ-HL-CZ-01 2026-11-10 basic 5
		answers P-CZ01-G01 TZ-HL-CZ-01 2026-11-11 unsatisfied 20
		answers P-CZ02 TZ-HL-CZ-02 2026-11-20 satisfied 36
		answers P-CZ02 TZ-HL-CZ-02 2026-11-21 unsatisfied 14
	} | gg-score survey import - -o json
}

@test "survey import: answers taken in and counted, each one audited" {
	run -0 november
	assert_equal "$(jq -c . <<<"$output")" '{"imported":125}'
	assert_equal "$(sql 'SELECT count(*) FROM survey_response')" 125
	assert_equal "$(sql "SELECT count(*) FROM audit WHERE CAST(change AS TEXT) LIKE '{\"op\":\"add\",\"kind\":\"survey\",%'")" 125
	assert_equal "$(sql "SELECT DISTINCT imported_at FROM survey_response")" \
		"$(date -d 2026-11-26T10:00:00+08:00 +%s)"
}

@test "satisfaction: the rate and its Wilson interval at 8/15, 30/50 and 36/50; exit 1 when one is listed" {
	november >/dev/null
	BEFORE=$(digest)
	# worked out by hand above, and by wilson()
	assert_equal "$(wilson 8 15)" $'53.3\t30.1\t75.2'
	assert_equal "$(wilson 30 50)" $'60\t46.2\t72.4'
	assert_equal "$(wilson 36 50)" $'72\t58.3\t82.5'
	run -1 --separate-stderr gg-score satisfaction --period 2026-11 -o tsv
	assert_output "$(printf '%s\n' \
		$'party_org\tname\tcommunity\tresponses\tsatisfied\tbasic\tunsatisfied\trate\tlow\thigh\tverdict\tsample' \
		$'P-CZ01\t东进社区党委\tTZ-HL-CZ-01\t15\t6\t2\t7\t53.3\t30.1\t75.2\tlisted\tsmall' \
		$'P-CZ01-G01\t第一网格党支部\tTZ-HL-CZ-01\t50\t25\t5\t20\t60\t46.2\t72.4\tuncertain\tok' \
		$'P-CZ02\t坡子街社区党委\tTZ-HL-CZ-02\t50\t36\t0\t14\t72\t58.3\t82.5\tuncertain\tok')"
	assert_equal "$stderr" ""
	# the same figures in json, as numbers
	run -1 gg-score satisfaction --period 2026-11 -o json
	assert_equal "$(jq -c '[.[] | [.rate, .low, .high]]' <<<"$output")" '[[53.3,30.1,75.2],[60,46.2,72.4],[72,58.3,82.5]]'
	# --from/--to give the same days
	run -1 gg-score satisfaction --from 2026-11-01 --to 2026-11-30 -o json
	assert_equal "$(jq -c '[.[] | .responses]' <<<"$output")" '[15,50,50]'
	assert_equal "$(digest)" "$BEFORE" # reading wrote nothing
}

@test "satisfaction --strict: basic is not satisfied" {
	november >/dev/null
	run -1 gg-score satisfaction --period 2026-11 --strict -o tsv
	assert_line --index 1 --partial $'P-CZ01\t东进社区党委\tTZ-HL-CZ-01\t15\t6\t2\t7\t'"$(wilson 6 15)"$'\tlisted\tsmall'
	assert_line --index 2 --partial $'\t'"$(wilson 25 50)"$'\tlisted\tok'
	assert_line --index 3 --partial $'\t'"$(wilson 36 50)"$'\tuncertain\tok'
	assert_equal "$(wilson 6 15)" $'40\t19.8\t64.3'
}

@test "satisfaction --under: the communities of a subtree; exit 0 when none is listed; ok and small" {
	november >/dev/null
	run -0 gg-score satisfaction --period 2026-11 --under TZ-HL-CZ-02 -o tsv
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 $'P-CZ02\t坡子街社区党委\tTZ-HL-CZ-02\t50\t36\t0\t14\t72\t58.3\t82.5\tuncertain\tok'
	# December: 10 of 10 satisfied; low = n / (n + z²) = 10 / 13.84146 = 72.2%: ok, but a small sample
	answers P-CZ02 TZ-HL-CZ-02 2026-12-02 satisfied 10 | gg-score survey import - >/dev/null
	run -0 gg-score satisfaction --period 2026-12 --under TZ-HL-CZ-02 -o tsv
	assert_line --index 1 $'P-CZ02\t坡子街社区党委\tTZ-HL-CZ-02\t10\t10\t0\t0\t100\t72.2\t100\tok\tsmall'
	assert_equal "$(wilson 10 10)" $'100\t72.2\t100'
	# a period without answers: no records, exit 0
	run -0 --separate-stderr gg-score satisfaction --period 2025 -o json
	assert_output '[]'
	run -65 --separate-stderr gg-score satisfaction --period 2026-11 --under TZ-X
	assert_equal "$stderr" "gg-score: --under: unknown unit 'TZ-X'"
}

@test "satisfaction: a household answering twice about one organisation counts once, its later answer" {
	gg-score survey import - >/dev/null <<'EOF'
- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-09-28, answer: unsatisfied, household: h-0001}
- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-10-20, answer: satisfied, household: h-0001}
- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-10-03, answer: unsatisfied, household: h-0001}
- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-10-05, answer: basic, building: TZ-HL-CZ-01-G01-B03, room: "301"}
- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-10-05, answer: unsatisfied, building: TZ-HL-CZ-01-G01-B03, room: "301"}
- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-10-05, answer: satisfied, building: TZ-HL-CZ-01-G01-B03, room: "302"}
- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-10-06, answer: unsatisfied}
- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-10-06, answer: unsatisfied}
- {community: TZ-HL-CZ-01, party_org: P-CZ01-G01, date: 2026-10-07, answer: satisfied, household: h-0001}
EOF
	assert_equal "$(sql_joined "SELECT household FROM survey_response WHERE household LIKE '%#%' GROUP BY household ORDER BY min(id)")" \
		'TZ-HL-CZ-01-G01-B03#301,TZ-HL-CZ-01-G01-B03#302'
	# P-CZ01 in October: h-0001 satisfied (20 October, not 3 October; September is another
	# period), B03#301 unsatisfied (the later of two the same day), B03#302 satisfied, two
	# without a household unsatisfied: 2 of 5 (not 3 of 8); P-CZ01-G01: h-0001 again, 1 of 1
	run -1 gg-score satisfaction --period 2026-10 -o tsv
	assert_line --index 1 $'P-CZ01\t东进社区党委\tTZ-HL-CZ-01\t5\t2\t0\t3\t'"$(wilson 2 5)"$'\tlisted\tsmall'
	assert_line --index 2 $'P-CZ01-G01\t第一网格党支部\tTZ-HL-CZ-01\t1\t1\t0\t0\t'"$(wilson 1 1)"$'\tuncertain\tsmall'
	assert_equal "$(wilson 2 5)" $'40\t11.8\t76.9'
	# the whole of 2026-Q3..Q4 sees September's answer too, but still counts h-0001 once
	run -1 gg-score satisfaction --from 2026-09-01 --to 2026-10-31 -o json
	assert_equal "$(jq -c '.[0] | [.responses, .satisfied, .unsatisfied]' <<<"$output")" '[5,2,3]'
}

@test "survey import --from csv: a header naming the fields; a room of digits is kept as written" {
	run -0 gg-score survey import --from csv -f "$SF/survey-responses.csv" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"imported":3}'
	assert_equal "$(sql 'SELECT party_org, answer, household FROM survey_response ORDER BY id')" \
		"$(printf '%s\n' 'P-CZ01|satisfied|h-0001' 'P-CZ01|basic|TZ-HL-CZ-01-G01-B03#0301' 'P-CZ01-G01|unsatisfied|')"
	BEFORE=$(digest)
	refused gg-score "$SF/survey-bad.csv:3: answer: '很满意' is not one of satisfied, basic, unsatisfied" \
		survey import --from csv -f "$SF/survey-bad.csv"
}

@test "survey import --dry-run: counted and checked, nothing written" {
	run -0 --separate-stderr gg-score survey import --dry-run -f "$SF/survey-responses.csv" --from csv -o json
	assert_equal "$(jq -c . <<<"$output")" '{"imported":3}'
	assert_equal "$(digest)" "$BEFORE"
}

@test "survey import: a bad record anywhere is exit 65, its file, line and field named, nothing written" {
	good='{community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-11-03, answer: satisfied}'
	refused gg-score "stdin:2:73: answer: 'very_good' is not one of satisfied, basic, unsatisfied" \
		survey import - <<<"- $good
- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-11-03, answer: very_good}"
	refused gg-score "stdin:2:15: community: unknown unit 'TZ-HL-CZ-09'" survey import - <<<"- $good
- {community: TZ-HL-CZ-09, party_org: P-CZ01, date: 2026-11-03, answer: basic}"
	refused gg-score "stdin:1:15: community: 'TZ-HL-CZ-01-G01' is a grid, not a community" survey import - \
		<<<'- {community: TZ-HL-CZ-01-G01, party_org: P-CZ01-G01, date: 2026-11-03, answer: basic}'
	refused gg-score "stdin:1:39: party_org: 'P-CZ02' is not a Party organisation of community 'TZ-HL-CZ-01' (its unit is TZ-HL-CZ-02)" \
		survey import - <<<'- {community: TZ-HL-CZ-01, party_org: P-CZ02, date: 2026-11-03, answer: basic}'
	refused gg-score "stdin:1:39: party_org: 'P-CZ' is not a Party organisation of community 'TZ-HL-CZ-01' (its unit is TZ-HL-CZ)" \
		survey import - <<<'- {community: TZ-HL-CZ-01, party_org: P-CZ, date: 2026-11-03, answer: basic}'
	refused gg-score "stdin:1:39: party_org: 'P-JT' is not a Party organisation of community 'TZ-HL-CZ-01' (it has no unit of its own)" \
		survey import - <<<'- {community: TZ-HL-CZ-01, party_org: P-JT, date: 2026-11-03, answer: basic}'
	refused gg-score "stdin:1:39: party_org: unknown party 'P-NONE'" \
		survey import - <<<'- {community: TZ-HL-CZ-01, party_org: P-NONE, date: 2026-11-03, answer: basic}'
	refused gg-score "stdin:1:53: date: '2026-11-31' is not a date (YYYY-MM-DD)" \
		survey import - <<<'- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-11-31, answer: basic}'
	refused gg-score "stdin:1:3: a survey response needs an answer" \
		survey import - <<<'- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-11-03}'
	refused gg-score "stdin:1:90: building: 'TZ-HL-CZ-01-G01' is a grid, not a building" survey import - \
		<<<'- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-11-03, answer: basic, building: TZ-HL-CZ-01-G01, room: "1"}'
	refused gg-score "stdin:1:90: building: a household is a building and a room: give both" survey import - \
		<<<'- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-11-03, answer: basic, building: TZ-HL-CZ-01-G01-B03}'
	refused gg-score "stdin:1:117: room: this is read as the number 301, not as the text written; put it in quotes" \
		survey import - <<<'- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-11-03, answer: basic, building: TZ-HL-CZ-01-G01-B03, room: 0301}'
	refused gg-score "stdin:1:87: score: unknown field (a response has community, party_org, date, answer, and household or building and room)" \
		survey import - <<<'- {community: TZ-HL-CZ-01, party_org: P-CZ01, date: 2026-11-03, answer: basic, score: 5}'
}

@test "survey import: usage errors are exit 64" {
	run -64 --separate-stderr gg-score survey import
	assert_equal "${stderr_lines[0]}" "gg-score: give the responses with --file FILE, or - (stdin)"
	run -64 --separate-stderr gg-score survey import --from xlsx -
	assert_equal "${stderr_lines[0]}" "gg-score: --from takes yaml, json or csv, not 'xlsx'"
	assert_equal "$(digest)" "$BEFORE"
}

@test "satisfaction: a period that does not parse is a usage error (64), as gg_cli_days has it everywhere" {
	run -64 --separate-stderr gg-score satisfaction --period 2026-13
	assert_equal "$output" ""
	assert_equal "${stderr_lines[0]}" "gg-score: bad period '2026-13': use 2026, 2026-Q4, 2026-11 or 2026-W48"
	run -64 --separate-stderr gg-score satisfaction
	assert_equal "${stderr_lines[0]}" "gg-score: give --period P, or both --from and --to (both days included)"
	run -64 --separate-stderr gg-score satisfaction --from 2026-11-01 --to 2026-10-01
	assert_equal "${stderr_lines[0]}" "gg-score: --to 2026-10-01 is before --from 2026-11-01"
}

@test "a Party organisation or a community with answers is not removed" {
	november >/dev/null
	gg-org unit add --code TZ-HL-CZ-03 --name 新园社区 --level community --parent TZ-HL-CZ >/dev/null
	gg-org party add --code P-CZ03 --name 新园社区党委 --kind committee --unit TZ-HL-CZ-03 >/dev/null
	answers P-CZ03 TZ-HL-CZ-03 2026-11-02 basic 2 | gg-score survey import - >/dev/null
	BEFORE=$(digest)
	refused gg-org "cannot remove party 'P-CZ02': still referred to by survey responses (50)" party rm P-CZ02
	refused gg-org "cannot remove unit 'TZ-HL-CZ-03': still referred to by Party organisations (1), survey responses (2)" \
		unit rm TZ-HL-CZ-03
	run -0 gg-org party rm P-CZ01-B03 # one nobody rated goes
}

@test "survey import --from csv: a header naming a field twice is refused, nothing written" {
	printf 'community,party_org,date,answer,answer\nTZ-HL-CZ-01,P-CZ01,2026-11-03,satisfied,unsatisfied\n' >"$BATS_TEST_TMPDIR/dup.csv"
	refused gg-score "$BATS_TEST_TMPDIR/dup.csv:1: the header names 'answer' twice" survey import --from csv -f "$BATS_TEST_TMPDIR/dup.csv"
}
