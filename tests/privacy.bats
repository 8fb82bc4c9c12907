#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# Privacy that holds: a filter on a personal value needs --reveal, personal data never enters
# the audit log or an error message in clear, mobile and id numbers in free text are masked
# in every output unless --reveal, and a reveal's audit row says whose data it showed.

load helper

PHONE=13800001234	   # W0001's, in tests/fixtures/city.yaml
ID=321202195003011234	   # H0001's
MOBILE=13912345678	   # typed into free text
CARD=32120219800101567X	   # a resident id number typed into free text

setup_file() {
	seed_catalogue
}

setup() {
	fresh_db
	BEFORE=$(digest)
}

# audit_holds VALUE: whether any column of any audit row holds VALUE
audit_holds() {
	sql 'SELECT * FROM audit' | grep -qF "$1"
}

@test "a filter on a phone or id number is refused without --reveal: guessing a masked number gets nowhere" {
	for i in 0 1 2 3 4 5 6 7 8 9; do
		run -64 --separate-stderr gg-org person list --phone "1380000123$i" -o tsv
		assert_equal "$output" ""
		assert_equal "${stderr%%$'\n'*}" "gg-org: --phone filters on personal data and needs --reveal, which is audited: answering a filter on a masked value would tell anyone who tries values what it hides"
	done
	run -64 gg-org person list --id-number "$ID"
	run -64 gg-org person list --id_number "$ID"
	run -64 gg-org person list --pho "$PHONE" # getopt's abbreviation is the same option
	assert_equal "$(digest)" "$BEFORE"
	# with --reveal the answer is there, and the reveal is in the audit log
	run -0 gg-org --reveal person list --phone "$PHONE" -o tsv
	assert_output $'code\tname\tphone\tid_number\tparty_member\troles\nW0001\t李娜\t13800001234\t\ttrue\t[{"role":"grid_worker","unit":"TZ-HL-CZ-01-G01"}]'
	run -0 gg-org --reveal person list --phone 13800001235 -o tsv
	assert_output ''
	run -0 sql "SELECT $(jx change '$.op'), command FROM audit ORDER BY id DESC LIMIT 1"
	assert_output 'reveal|gg-org --reveal person list --phone 138****1235 -o tsv'
	# a number in a free-text filter would test a guess the same way
	gg-org unit set TZ-HL-CZ-02 --name "坡子街社区 联系$MOBILE" >/dev/null
	run -64 gg-org unit list --name "坡子街社区 联系$MOBILE"
	run -0 gg-org --reveal unit list --name "坡子街社区 联系$MOBILE" -o ndjson
	assert_equal "$(jq -r .code <<<"$output")" TZ-HL-CZ-02
	# an empty filter asks only whether there is a number, which the masked list shows anyway
	run -0 gg-org person list --phone '' --roles community_worker -o tsv
}

@test "the audit log holds no phone or id number in clear: import, set, rm, command lines" {
	audit_holds "$PHONE" && fail "the seed's import put $PHONE in the audit log"
	audit_holds "$ID" && fail "the seed's import put $ID in the audit log"
	gg-org person set W0001 --phone "$MOBILE" >/dev/null
	gg-org person set H0001 --id-number=11010519491231002X >/dev/null
	gg-org person add --code X1 --name 甲 --phone 0523-86881234-801 >/dev/null
	gg-org person rm H0001 X1
	gg-org demand add --department D-CG --unit TZ-HL-CZ-01 --kind task --title "回电 $MOBILE" --date 2026-11-20 >/dev/null
	run -0 sql 'SELECT * FROM audit'
	for v in "$PHONE" "$ID" "$MOBILE" 11010519491231002X 86881234; do
		refute_output --partial "$v"
	done
	# what changed is still there, masked
	run -0 sql "SELECT $(jx change '$.was.id_number') FROM audit WHERE $(jx change '$.op') = 'rm' AND $(jx change '$.was.code') = 'H0001'"
	assert_output '110***********002X'
	run -0 sql "SELECT command FROM audit WHERE command LIKE '%person set W0001%'"
	assert_output 'gg-org person set W0001 --phone 139****5678'
}

@test "an error message never echoes a personal value" {
	# jansson quotes the text near a fault: a landline there is starred out
	printf '{"people": [{"code": "Q1", "name": "x", "phone": "0523-86881234\\q"}]}' >"$BATS_TEST_TMPDIR/e.json"
	run -65 --separate-stderr gg-org import -f "$BATS_TEST_TMPDIR/e.json"
	assert_equal "$stderr" "gg-org: $BATS_TEST_TMPDIR/e.json:1:65: malformed JSON: invalid escape near '\"0523-********\\q'"
	printf 'people:\n  - {code: P1, name: 甲, id_number: +321202198001015678}\n' >"$BATS_TEST_TMPDIR/p.yaml"
	run -65 --separate-stderr gg-org import -f "$BATS_TEST_TMPDIR/p.yaml"
	assert_equal "$stderr" "gg-org: $BATS_TEST_TMPDIR/p.yaml:2:36: id_number: this is read as a number, not as the text written; put it in quotes"
	run -65 --separate-stderr gg-org person add --code P1 --name 甲 --id-number 321202195003011235
	assert_equal "$stderr" "gg-org: id_number: not a resident id number: 17 digits and a check character (0-9 or X) that matches them"
	run -64 --separate-stderr gg-org person list "$PHONE"
	refute_output --partial "$PHONE"
	assert_equal "${stderr%%$'\n'*}" "gg-org: unexpected argument '138****1234'; filters are options, e.g. --level grid"
	assert_equal "$(digest)" "$BEFORE"
}

@test "mobile and id numbers in a ticket's free text are masked in every output unless --reveal" {
	gg-ticket new --category env.garbage --unit TZ-HL-CZ-01-G01 --title "楼道 $MOBILE" \
		--description "请回电${MOBILE}，身份证$CARD；工单号 20261103001234567890 不是" >/dev/null
	gg-ticket accept 1 --note "已联系 $MOBILE" >/dev/null
	masked='请回电139****5678，身份证321***********567X；工单号 20261103001234567890 不是'
	run -0 gg-ticket show 1 -o ndjson
	assert_equal "$(jq -r '.title, .description' <<<"$output")" "楼道 139****5678"$'\n'"$masked"
	run -0 gg-ticket list -o csv
	refute_output --partial "$MOBILE"
	assert_output --partial "$masked"
	run -0 gg-ticket list
	assert_output --partial '楼道 139****5678'
	run -0 gg-ticket history 1 -o tsv
	assert_line --index 2 --partial $'accepted\tgrid\t已联系 139****5678'
	run -0 gg-ticket export --to open311
	assert_equal "$(jq -r '.[0].description' <<<"$output")" "$masked"
	# the stored text stays as typed, and --reveal shows it
	assert_equal "$(sql 'SELECT title FROM ticket')" "楼道 $MOBILE"
	run -0 gg-ticket --reveal show 1 -o ndjson
	assert_equal "$(jq -r .description <<<"$output")" "请回电${MOBILE}，身份证$CARD；工单号 20261103001234567890 不是"
	run -0 gg-ticket --reveal history 1 -o tsv
	assert_line --index 2 --partial "已联系 $MOBILE"
}

@test "a hook's record is masked as output is" {
	mkdir -p "$BATS_TEST_TMPDIR/hooks"
	printf '#!/bin/sh\ncat >> "%s/created"\n' "$BATS_TEST_TMPDIR" >"$BATS_TEST_TMPDIR/hooks/on-create"
	chmod +x "$BATS_TEST_TMPDIR/hooks/on-create"
	GG_HOOKS="$BATS_TEST_TMPDIR/hooks" gg-ticket new --category env.garbage --unit TZ-HL-CZ-01-G01 \
		--title 噪音 --description "电话 $MOBILE" >/dev/null
	assert_equal "$(jq -r .description "$BATS_TEST_TMPDIR/created")" '电话 139****5678'
}

@test "a reveal's audit row names whose data it showed and which fields, after the command ran" {
	gg-ticket new --category env.garbage --unit TZ-HL-CZ-01-G01 --title 噪音 --description "电话 $MOBILE" >/dev/null
	gg-ticket new --category env.garbage --unit TZ-HL-CZ-01-G01 --title 噪音 >/dev/null
	gg-org --reveal person show W0001 H0001 C0001 >/dev/null
	run -0 sql "SELECT change FROM audit ORDER BY id DESC LIMIT 1"
	assert_output '{"op":"reveal","revealed":[{"kind":"person","key":"W0001","fields":["phone"]},{"kind":"person","key":"H0001","fields":["id_number"]}],"records":2}'
	gg-ticket --reveal show 1 2 >/dev/null
	run -0 sql "SELECT change FROM audit ORDER BY id DESC LIMIT 1"
	assert_output '{"op":"reveal","revealed":[{"kind":"ticket","key":1,"fields":["description"]}],"records":1}'
	# a list names the first records by key and counts them all
	run -0 gg-org --reveal person list -o json
	assert_equal "$(sql "SELECT $(jx change '$.records') FROM audit ORDER BY id DESC LIMIT 1")" 2
}

@test "a reveal that cannot be audited is refused, saying why" {
	sqlite_only "a database file that cannot be written, and one that is not there"
	dir=$(mktemp -d /tmp/gg-ro.XXXXXX)
	chmod 755 "$dir"
	cp "$GG_DB" "$dir/gg.db"
	chmod 444 "$dir/gg.db"
	chmod 777 "$dir"
	as=()
	if [ "$(id -u)" -eq 0 ]; then # root writes anywhere: run as nobody
		as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	fi
	run -73 --separate-stderr "${as[@]}" env PATH="$PATH" gg-org --db "$dir/gg.db" --reveal person show W0001
	assert_equal "$output" ""
	assert_equal "$stderr" "gg-org: --reveal is written to the audit log, and the log cannot be written: cannot write database '$dir/gg.db': Permission denied"
	run -0 "${as[@]}" env PATH="$PATH" gg-org --db "$dir/gg.db" person show W0001 -o ndjson
	chmod 755 "$dir"
	rm -rf "$dir"
	# a database that is not there is missing, not created by a reveal
	run -66 gg-org --db "$BATS_TEST_TMPDIR/none.db" --reveal person show W0001
	[ ! -e "$BATS_TEST_TMPDIR/none.db" ]
}

@test "the demo city imported and a person removed: none of its 387 phone numbers is in the audit log" {
	export GG_DB
	GG_DB=$(new_db demo)
	gg-org import -f "$TOP/share/gg/examples/taizhou.yaml" >/dev/null
	code=$(gg-org person list -o tsv | awk -F '\t' 'NR == 2 { print $1 }')
	gg-org person rm "$code"
	grep -o 'phone: "[0-9-]*"' "$TOP/share/gg/examples/taizhou.yaml" | cut -d'"' -f2 >"$BATS_TEST_TMPDIR/phones"
	assert_equal "$(wc -l <"$BATS_TEST_TMPDIR/phones")" 387
	run -1 grep -F -f "$BATS_TEST_TMPDIR/phones" <(sql 'SELECT * FROM audit')
	# the rm's row is there, with what it removed, masked
	run -0 sql "SELECT $(jx change '$.was.phone') FROM audit WHERE $(jx change '$.op') = 'rm'"
	assert_output --regexp '^1[0-9]{2}\*{4}[0-9]{4}$'
}
