#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The report jobs of share/gg/cron run the way cron runs them (env -i, the C locale, no
# terminal): the weekly burden audit that mails only when it finds anything, through a
# stand-in for mail(1), and the monthly report in html and xlsx into a dated folder.

load helper

CRON="$BATS_TEST_DIRNAME/../share/gg/cron"

setup_file() {
	seed "$FIX/city.yaml"
	GG_DB="$SEED_DB" gg-org import -f "$FIX/burden.yaml" >/dev/null
}

# cron SCRIPT VAR=VALUE...: the script with cron's bare environment, the tools on PATH
cron() {
	local script=$1
	shift
	env -i PATH="$PATH" HOME="$BATS_TEST_TMPDIR" GG_DB="$GG_DB" "$@" "$CRON/$script"
}

@test "burden-audit.sh mails November's findings, a line each, then the counts against October" {
	fresh_db
	# the stand-in for mail: the subject in one file, the body in another
	printf '#!/bin/sh\nprintf "%%s\\n" "$1" >"%s/subject"; cat >"%s/body"\n' "$BATS_TEST_TMPDIR" "$BATS_TEST_TMPDIR" \
		>"$BATS_TEST_TMPDIR/mail"
	chmod +x "$BATS_TEST_TMPDIR/mail"
	run -0 cron burden-audit.sh GG_NOW=2026-11-30T07:00:00+08:00 GG_MAIL="$BATS_TEST_TMPDIR/mail"
	assert_output ''
	assert_equal "$(cat "$BATS_TEST_TMPDIR/subject")" 'gg: burden-reduction findings, 2026-11'
	body=$(cat "$BATS_TEST_TMPDIR/body")
	# a line per finding, as gg-report burden gives them, then a blank line and the counts
	assert_equal "$(sed -n '/^$/q;p' <<<"$body" | wc -l)" \
		"$(gg-report burden --period 2026-11 -o json | jq '.findings | length')"
	assert_equal "$(sed -n 1p <<<"$body")" "unapproved  东进社区  海陵区民政局  #20  入户走访"
	assert_equal "$(grep -c '^[a-z_]*  [0-9]*  [0-9]*  ' <<<"$body")" 6
}

@test "burden-audit.sh is silent and mails nothing while the period is clean; GG_DB missing is an error" {
	fresh_db
	printf '#!/bin/sh\ntouch "%s/mailed"\n' "$BATS_TEST_TMPDIR" >"$BATS_TEST_TMPDIR/mail"
	chmod +x "$BATS_TEST_TMPDIR/mail"
	run -0 cron burden-audit.sh GG_NOW=2026-12-07T07:00:00+08:00 GG_MAIL="$BATS_TEST_TMPDIR/mail"
	assert_output ''
	[ ! -e "$BATS_TEST_TMPDIR/mailed" ]
	run -64 env -i PATH="$PATH" HOME="$BATS_TEST_TMPDIR" "$CRON/burden-audit.sh"
	assert_output --partial 'GG_DB must name the database'
	[ ! -e "$BATS_TEST_TMPDIR/.local/share/gg/gg.db" ]
}

@test "monthly-report.sh on the 1st: last month's report as html and xlsx in a folder of its month, the paths printed" {
	fresh_db
	run -0 --separate-stderr cron monthly-report.sh GG_NOW=2026-12-01T06:00:00+08:00 GG_REPORT_DIR="$BATS_TEST_TMPDIR/reports"
	assert_output "$BATS_TEST_TMPDIR/reports/2026-11/monthly.html
$BATS_TEST_TMPDIR/reports/2026-11/monthly.xlsx"
	# nothing is appraised in this database: the report says it is provisional, on stderr and in it
	[[ $stderr == *"is stored for 2026-11: shown is the built-in rubric's"* ]]
	run -0 grep -c 'class="banner"' "$BATS_TEST_TMPDIR/reports/2026-11/monthly.html"
	run -0 grep -o '<h1>[^<]*' "$BATS_TEST_TMPDIR/reports/2026-11/monthly.html"
	assert_output '<h1>月度考核报告 — 泰州市'
	run -0 unzip -l "$BATS_TEST_TMPDIR/reports/2026-11/monthly.xlsx"
	assert_output --partial 'xl/workbook.xml'
	# in English when asked, the folder of the month given
	run -0 --separate-stderr cron monthly-report.sh GG_PERIOD=2026-10 GG_LANG=en GG_REPORT_DIR="$BATS_TEST_TMPDIR/reports"
	run -0 grep -o '<h1>[^<]*' "$BATS_TEST_TMPDIR/reports/2026-10/monthly.html"
	assert_output '<h1>Monthly appraisal report — 泰州市'
}

@test "monthly-report.sh fails loudly and leaves no half file: a bad period, a folder it cannot make" {
	fresh_db
	run -64 --separate-stderr cron monthly-report.sh GG_PERIOD=2026-13 GG_REPORT_DIR="$BATS_TEST_TMPDIR/reports"
	assert_output ''
	[ ! -e "$BATS_TEST_TMPDIR/reports/2026-13" ]
	run -64 --separate-stderr cron monthly-report.sh GG_PERIOD=../x GG_REPORT_DIR="$BATS_TEST_TMPDIR/reports"
	[ ! -e "$BATS_TEST_TMPDIR/x" ]
	run -64 --separate-stderr env -i PATH="$PATH" "$CRON/monthly-report.sh"
	assert_equal "$stderr" 'monthly-report.sh: GG_DB must name the database: a cron job never makes one'
	touch "$BATS_TEST_TMPDIR/file"
	run -73 --separate-stderr cron monthly-report.sh GG_REPORT_DIR="$BATS_TEST_TMPDIR/file"
	assert_output ''
}
