#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-score as a tool: its commands and their help, the month a district's cron job and an
# analyst run through it (survey in, satisfaction with its alert, the appraisal kept, ranks
# piped through jq), and the contract every gg command keeps: a failing command prints nothing
# on stdout, a reading one on a missing database creates nothing. The figures themselves are
# worked out in the score-*.bats suites.

load helper

setup() {
	fresh_db
	BEFORE=$(digest)
}

@test "help names every command, each with a help of its own that fits 80 columns" {
	run -0 gg-score --help
	help=$output
	for cmd in metrics survey satisfaction social-org results appraise rank; do
		grep -Eq "^  $cmd( |\$)" <<<"$help"
		run -0 gg-score "$cmd" --help
		[ "$(LC_ALL=C.UTF-8 wc -L <<<"$output")" -le 80 ]
	done
	run -64 --separate-stderr gg-score nosuch
	assert_equal "$stderr" "gg-score: unknown command 'nosuch'; see 'gg-score --help'"
	[ -s "$TOP/build/man/gg-score.1" ]
}

@test "a month through gg-score: answers in, the listed organisation alerted, the appraisal kept and ranked" {
	# 东进社区党委: 14 of 30 satisfied or basic, under 60%: listed, and satisfaction exits 1
	awk 'BEGIN { print "community,party_org,date,answer,household"
		for (i = 1; i <= 30; i++)
			printf "TZ-HL-CZ-01,P-CZ01,2026-11-%02d,%s,h-%d\n", i % 28 + 1, i <= 10 ? "satisfied" : i <= 14 ? "basic" : "unsatisfied", i }' \
		>"$BATS_TEST_TMPDIR/answers.csv"
	run -0 gg-score survey import --from csv -f "$BATS_TEST_TMPDIR/answers.csv" -o json
	assert_equal "$(jq .imported <<<"$output")" 30
	run -1 gg-score satisfaction --period 2026-11 -o ndjson
	assert_equal "$(jq -c '[.party_org, .responses, .rate, .verdict, .sample]' <<<"$output")" '["P-CZ01",30,46.7,"listed","ok"]'
	run -0 gg-score appraise --period 2026-11 -o ndjson
	# kept: rank gives the same records; an analyst's pipe takes the totals
	appraised=$output
	run -0 gg-score rank --period 2026-11 -o ndjson
	assert_equal "$output" "$appraised"
	run -0 sh -c "gg-score rank --period 2026-11 -o json | jq -r '.[] | \"\(.rank) \(.unit) \(.survey_satisfaction)\"'"
	# 46.7% is under the default rubric's floor of 60: no points for it
	assert_line --regexp '^[12] TZ-HL-CZ-01 0$'
}

@test "a failing command prints nothing on stdout; a reading one on a missing database creates nothing" {
	run -65 --separate-stderr gg-score appraise --period 2026-11 --rubric /dev/null
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
	for cmd in "metrics --period 2026-11" "satisfaction --period 2026-11" "rank --period 2026-11" "social-org list" \
		"results list"; do
		run -66 --separate-stderr gg-score --db "$BATS_TEST_TMPDIR/none.db" $cmd
		assert_equal "$output" ""
		[ ! -e "$BATS_TEST_TMPDIR/none.db" ]
	done
}

@test "tsv and csv columns are declared by the command: metrics' are the metrics, whatever the data" {
	run -0 gg-score metrics --period 2026-11 -o tsv
	assert_equal "$(head -n 1 <<<"$output" | tr '\t' '\n' | head -n 4 | paste -sd,)" 'unit,name,level,period'
	assert_equal "$(head -n 1 <<<"$output" | tr '\t' '\n' | tail -n +5)" \
		"$(gg-score metrics --list -o tsv | tail -n +2 | cut -f1)"
	printf 'community,party_org,date,answer\nTZ-HL-CZ-01,P-CZ01,2026-11-03,satisfied\n' |
		gg-score survey import --from csv - >/dev/null
	run -0 gg-score satisfaction --period 2026-11 -o csv
	assert_equal "$(head -n 1 <<<"$output")" 'party_org,name,community,responses,satisfied,basic,unsatisfied,rate,low,high,verdict,sample'
}
