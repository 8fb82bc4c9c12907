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
	run env -i PATH="$PATH" HOME="$BATS_TEST_TMPDIR" "$CRON/burden-audit.sh"
	[ "$status" -ne 0 ]
	assert_output --partial 'GG_DB must name the database'
	[ ! -e "$BATS_TEST_TMPDIR/.local/share/gg/gg.db" ]
}
