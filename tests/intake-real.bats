#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# Intake as the 12345 hotline really sends it: an export in GBK, a category the mapping does
# not know, an empty address, and a dry run that names every record it would refuse.

load helper

setup_file() {
	seed_catalogue
}

setup() {
	fresh_db
	BEFORE=$(digest)
}

# csv FILE ARGS…: FILE imported as a 12345 export with the fixture's mapping
csv() {
	local f=$1
	shift
	gg-ticket import --from csv --map "$FIX/hotline-map.yaml" -f "$f" "$@"
}

# nothing_written: stdout empty, the database as it was
nothing_written() {
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
}

# ---- --encoding ----

@test "the hotline export in GBK imports with --encoding gbk to the same tickets as in UTF-8" {
	run -0 iconv -f gbk -t utf-8 "$FIX/hotline-gbk.csv"
	assert_equal "$output" "$(cat "$FIX/hotline.csv")"
	run -0 csv "$FIX/hotline-gbk.csv" --encoding gbk -o ndjson
	assert_output '{"new":2,"updated":0,"unchanged":0}'
	gbk=$(gg-ticket list -o json)
	fresh_db
	run -0 csv "$FIX/hotline.csv" -o ndjson
	assert_equal "$(gg-ticket list -o json)" "$gbk"
	# and gb18030, GBK's superset, reads it too; utf-8 reads the UTF-8 one
	fresh_db
	run -0 csv "$FIX/hotline-gbk.csv" --encoding GB18030 -o ndjson
	assert_equal "$(gg-ticket list -o json)" "$gbk"
	fresh_db
	run -0 csv "$FIX/hotline.csv" --encoding utf-8 -o ndjson
	assert_equal "$(gg-ticket list -o json)" "$gbk"
}

@test "a GBK export without --encoding is refused, the message naming the option and the encoding" {
	run -65 --separate-stderr csv "$FIX/hotline-gbk.csv"
	assert_equal "$stderr" "gg-ticket: $FIX/hotline-gbk.csv:1: malformed CSV: field 1 is not UTF-8 (it looks like GB18030/GBK: use --encoding gbk)"
	nothing_written
	# bytes that are neither: the option named, nothing guessed
	{ head -n 1 "$FIX/hotline.csv"; printf '1,2026/11/03 09:00,\xff\xfe,标题,内容,东进路12号3幢\n'; } >"$BATS_TEST_TMPDIR/latin.csv"
	run -65 --separate-stderr csv "$BATS_TEST_TMPDIR/latin.csv"
	assert_equal "$stderr" "gg-ticket: $BATS_TEST_TMPDIR/latin.csv:2: malformed CSV: field 3 (诉求分类) is not UTF-8 (read it with --encoding, one of: gbk, gb18030, utf-8)"
	nothing_written
}

@test "a byte the named encoding does not have is refused naming file and line, past a quoted line break" {
	# the second record's description spans lines 3 and 4; the bad byte is on line 4
	{ head -n 3 "$FIX/hotline-gbk.csv"; printf '\xff'; tail -n +4 "$FIX/hotline-gbk.csv"; } >"$BATS_TEST_TMPDIR/bad.csv"
	run -65 --separate-stderr csv "$BATS_TEST_TMPDIR/bad.csv" --encoding gbk
	assert_equal "$stderr" "gg-ticket: $BATS_TEST_TMPDIR/bad.csv:4: malformed CSV: byte 0xff is not valid gbk, as --encoding says the input is"
	nothing_written
	# CRLF line ends, as Excel writes them: the line is still the one the byte is on
	sed 's/$/\r/' "$FIX/hotline-gbk.csv" >"$BATS_TEST_TMPDIR/crlf.csv"
	run -0 csv "$BATS_TEST_TMPDIR/crlf.csv" --encoding gbk -o ndjson
	assert_output '{"new":2,"updated":0,"unchanged":0}'
	fresh_db
	{ head -n 2 "$BATS_TEST_TMPDIR/crlf.csv"; printf '\xff'; tail -n +3 "$BATS_TEST_TMPDIR/crlf.csv"; } >"$BATS_TEST_TMPDIR/crlf-bad.csv"
	run -65 --separate-stderr csv "$BATS_TEST_TMPDIR/crlf-bad.csv" --encoding gbk
	assert_equal "$stderr" "gg-ticket: $BATS_TEST_TMPDIR/crlf-bad.csv:3: malformed CSV: byte 0xff is not valid gbk, as --encoding says the input is"
	nothing_written
	# UTF-8 read as GBK
	run -65 --separate-stderr csv "$FIX/hotline.csv" --encoding gbk
	assert_equal "$stderr" "gg-ticket: $FIX/hotline.csv:1: malformed CSV: byte 0xa2 is not valid gbk, as --encoding says the input is"
	nothing_written
	# a character cut by the end of the file
	{ cat "$FIX/hotline-gbk.csv"; printf '\xb6'; } >"$BATS_TEST_TMPDIR/cut.csv"
	run -65 --separate-stderr csv "$BATS_TEST_TMPDIR/cut.csv" --encoding gb18030
	assert_equal "$stderr" "gg-ticket: $BATS_TEST_TMPDIR/cut.csv:5: malformed CSV: the input ends inside a gb18030 character (0xb6…)"
	nothing_written
}

@test "--encoding keeps the field size limit, while the field is read" {
	# iconv(1) reads its input whole: the endless field repeats a word converted once
	noise=$(printf 噪音 | iconv -t gbk)
	# a named pipe, read as a file: stdin a write would read whole before it begins
	mkfifo "$BATS_TEST_TMPDIR/endless.csv"
	{ head -1 "$FIX/hotline-gbk.csv"; printf '2026110300123,2026/11/03 09:12,邻里纠纷,楼上噪音,"' | iconv -t gbk; yes "$noise" | tr -d '\n'; } \
		>"$BATS_TEST_TMPDIR/endless.csv" 2>/dev/null &
	run -65 --separate-stderr timeout 10 gg-ticket import --from csv --map "$FIX/hotline-map.yaml" --encoding gbk -f "$BATS_TEST_TMPDIR/endless.csv"
	assert_equal "$stderr" "gg-ticket: $BATS_TEST_TMPDIR/endless.csv:2: malformed CSV: field 5 (诉求内容) is longer than 1048576 bytes"
	kill %1 2>/dev/null || :
	nothing_written
}

@test "--encoding takes gbk, gb18030 or utf-8, with --from csv only" {
	run -64 --separate-stderr csv "$FIX/hotline-gbk.csv" --encoding latin1
	assert_equal "${stderr_lines[0]}" "gg-ticket: --encoding takes gbk, gb18030 or utf-8, not 'latin1'"
	nothing_written
	run -64 --separate-stderr gg-ticket import --encoding gbk -f "$FIX/open311.json"
	assert_equal "${stderr_lines[0]}" "gg-ticket: --encoding goes with --from csv (JSON and YAML are UTF-8)"
	nothing_written
}

# ---- an empty address ----

@test "an empty address goes to the grid --unresolved names; without it the error says how" {
	{ head -n 1 "$FIX/hotline.csv"; echo '2026110300300,2026/11/03 11:00,邻里纠纷,楼上噪音,夜间噪音,'; } >"$BATS_TEST_TMPDIR/empty.csv"
	run -65 --separate-stderr csv "$BATS_TEST_TMPDIR/empty.csv"
	assert_equal "$stderr" "gg-ticket: $BATS_TEST_TMPDIR/empty.csv:2: a ticket needs a unit or an address (--unresolved=grid:CODE takes one with neither)"
	nothing_written
	run -0 csv "$BATS_TEST_TMPDIR/empty.csv" --unresolved=grid:TZ-HL-CZ-01-G02 -o ndjson
	assert_output '{"new":1,"updated":0,"unchanged":0}'
	run -0 gg-ticket list -o tsv
	assert_line --index 1 --regexp $'^1\t2026110300300\thotline_12345\tdispute.neighbour\t邻里纠纷\t楼上噪音\t夜间噪音\tTZ-HL-CZ-01-G02\t\t'
	# a record with neither, in JSON, the same
	run -0 gg-ticket import --unresolved=grid:TZ-HL-CZ-01-G02 -o ndjson <<<'{"external_id": "x1", "category": "env.garbage", "title": "甲"}'
	assert_output '{"new":1,"updated":0,"unchanged":0}'
	run -0 gg-ticket show 2 -o json
	assert_output --partial '"unit":"TZ-HL-CZ-01-G02"'
}

@test "--unresolved names a grid of the net, as grid:CODE" {
	for code in TZ-HL TZ-HL-CZ-01 TZ-HL-CZ-01-G01-B03; do
		run -64 --separate-stderr csv "$FIX/hotline.csv" --unresolved=grid:$code
		assert_equal "${stderr_lines[0]}" "gg-ticket: --unresolved=grid:$code: '$code' is a $(sql "SELECT level FROM unit WHERE code = '$code'"), not a grid"
		nothing_written
	done
	run -64 --separate-stderr csv "$FIX/hotline.csv" --unresolved=grid:TZ-NO-SUCH
	assert_equal "${stderr_lines[0]}" "gg-ticket: --unresolved=grid:TZ-NO-SUCH: unknown unit 'TZ-NO-SUCH'"
	nothing_written
	run -64 --separate-stderr gg-ticket new --category env.garbage --title 甲 --address 无此地址 --unresolved=grid:TZ-HL-CZ-01
	assert_equal "${stderr_lines[0]}" "gg-ticket: --unresolved=grid:TZ-HL-CZ-01: 'TZ-HL-CZ-01' is a community, not a grid"
	nothing_written
	run -0 gg-ticket new --category env.garbage --title 甲 --address 无此地址 --unresolved=grid:TZ-HL-CZ-01-G02 -o json
	assert_equal "$(jq -r .unit <<<"$output")" TZ-HL-CZ-01-G02
}

# ---- --unmapped ----

# unmapped_csv: the fixture with a third record whose category the mapping does not know
unmapped_csv() {
	{ cat "$FIX/hotline.csv"; echo '2026110300400,2026/11/03 12:00,市政设施/路灯,路灯不亮,夜里很黑,东进路12号3幢'; } >"$BATS_TEST_TMPDIR/unmapped.csv"
	echo "$BATS_TEST_TMPDIR/unmapped.csv"
}

@test "--unmapped=category:CODE takes a category the mapping does not know, keeping it in unmapped" {
	f=$(unmapped_csv)
	run -65 --separate-stderr csv "$f"
	assert_equal "$stderr" "gg-ticket: $f:5: category: unknown category '市政设施/路灯'"
	nothing_written
	run -0 csv "$f" --unmapped=category:other.advice -o ndjson
	assert_output '{"new":3,"updated":0,"unchanged":0}'
	run -0 gg-ticket list --unmapped -o tsv
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 --regexp $'^3\t2026110300400\thotline_12345\tother.advice\t意见建议\t路灯不亮\t.*\t市政设施/路灯$'
	assert_line --index 0 --regexp $'\treporter\tunmapped$'
	run -0 gg-ticket show 3 -o json
	assert_output --partial '"category":"other.advice"'
	assert_output --partial '"unmapped":"市政设施/路灯"'
	run -0 gg-ticket show 1 -o json
	refute_output --partial unmapped
	# the mapping learns the category: the same export again moves the ticket and clears it
	{ cat "$FIX/hotline-map.yaml"; echo '    市政设施/路灯: road.streetlight'; } >"$BATS_TEST_TMPDIR/map.yaml"
	run -0 gg-ticket import --from csv --map "$BATS_TEST_TMPDIR/map.yaml" -f "$f" --unmapped=category:other.advice -o ndjson
	assert_output '{"new":0,"updated":1,"unchanged":2}'
	run -0 gg-ticket list --unmapped -o ndjson
	assert_output ''
	run -0 sql "SELECT category, CAST(unmapped IS NULL AS integer) FROM ticket_local WHERE id = 3"
	assert_output 'road.streetlight|1'
}

@test "a record with no category is refused naming the field; --unmapped takes it, unmapped saying (empty)" {
	# an empty cell (no category at all) and a blank one, as an export has them
	{
		head -n 1 "$FIX/hotline.csv"
		echo '2026110300500,2026/11/03 13:00,,无分类,内容,东进路12号3幢'
		echo '2026110300501,2026/11/03 13:05, ,空白分类,内容,东进路12号3幢'
	} >"$BATS_TEST_TMPDIR/nocat.csv"
	f=$BATS_TEST_TMPDIR/nocat.csv
	run -65 --separate-stderr csv "$f"
	assert_equal "$stderr" "gg-ticket: $f:2: category: a ticket needs a category (--unmapped=category:CODE takes one without)"
	nothing_written
	run -65 --separate-stderr csv "$f" --dry-run -o ndjson
	assert_equal "${stderr_lines[1]}" "gg-ticket: $f:3: category: a ticket needs a category (--unmapped=category:CODE takes one without)"
	assert_equal "$(digest)" "$BEFORE"
	run -0 csv "$f" --unmapped=category:other.advice -o ndjson
	assert_output '{"new":2,"updated":0,"unchanged":0}'
	run -0 gg-ticket list --unmapped -o json
	assert_equal "$(jq -c 'map([.external_id, .category, .unmapped])' <<<"$output")" \
		'[["2026110300500","other.advice","(empty)"],["2026110300501","other.advice","(empty)"]]'
	# the same export again changes nothing
	run -0 csv "$f" --unmapped=category:other.advice -o ndjson
	assert_output '{"new":0,"updated":0,"unchanged":2}'
	# JSON: a missing, null or empty category the same
	fresh_db
	printf '%s\n' '{"external_id": "j1", "unit": "TZ-HL-CZ-01-G01", "title": "甲"}' \
		'{"external_id": "j2", "unit": "TZ-HL-CZ-01-G01", "title": "乙", "category": null}' \
		'{"external_id": "j3", "unit": "TZ-HL-CZ-01-G01", "title": "丙", "category": ""}' >"$BATS_TEST_TMPDIR/nocat.ndjson"
	run -65 --separate-stderr gg-ticket import --dry-run -f "$BATS_TEST_TMPDIR/nocat.ndjson"
	assert_equal "${stderr_lines[0]}" "gg-ticket: $BATS_TEST_TMPDIR/nocat.ndjson:1:1: category: a ticket needs a category (--unmapped=category:CODE takes one without)"
	assert_equal "${stderr_lines[2]}" "gg-ticket: $BATS_TEST_TMPDIR/nocat.ndjson:3:1: category: a ticket needs a category (--unmapped=category:CODE takes one without)"
	assert_equal "${stderr_lines[3]}" "gg-ticket: 3 records would be refused"
	run -0 gg-ticket import --unmapped=category:other.advice -f "$BATS_TEST_TMPDIR/nocat.ndjson" -o ndjson
	assert_output '{"new":3,"updated":0,"unchanged":0}'
	run -0 gg-ticket list --unmapped -o json
	assert_equal "$(jq -c 'map(.unmapped) | unique' <<<"$output")" '["(empty)"]'
}

@test "--unmapped names a category the catalogue has, as category:CODE" {
	f=$(unmapped_csv)
	run -64 --separate-stderr csv "$f" --unmapped=category:no.such
	assert_equal "${stderr_lines[0]}" "gg-ticket: --unmapped=category:no.such: unknown category 'no.such'"
	nothing_written
	run -64 --separate-stderr csv "$f" --unmapped=other.advice
	assert_equal "${stderr_lines[0]}" "gg-ticket: --unmapped takes category:CODE, the category that takes tickets whose own the catalogue does not know"
	nothing_written
}

# ---- --dry-run ----

# bad_csv: the fixture and four records each refused for a reason of its own
bad_csv() {
	{
		cat "$FIX/hotline.csv"
		echo '2026110300400,2026/11/03 12:00,市政设施/路灯,路灯不亮,夜里很黑,东进路12号3幢'
		echo '2026110300401,2026/11/03 12:00,邻里纠纷,标题'
		echo '2026110300402,2026/11/03 12:00,邻里纠纷,,内容,东进路12号3幢'
		echo '2026110300403,2026/11/03 12:00,邻里纠纷,吵,内容,无此地址1号'
	} >"$BATS_TEST_TMPDIR/bad.csv"
	echo "$BATS_TEST_TMPDIR/bad.csv"
}

@test "--dry-run names every record it would refuse, prints the counts of the others and exits 65" {
	f=$(bad_csv)
	run -65 --separate-stderr csv "$f" --dry-run -o ndjson
	assert_output '{"new":2,"updated":0,"unchanged":0}'
	assert_equal "$stderr" "gg-ticket: $f:5: category: unknown category '市政设施/路灯'
gg-ticket: $f:6: malformed CSV: 4 fields where the header has 6
gg-ticket: $f:7: a ticket needs a title
gg-ticket: $f:8: address: no building has the address '无此地址1号' (--unresolved=grid:CODE takes such tickets)
gg-ticket: 4 records would be refused"
	assert_equal "$(digest)" "$BEFORE"
	# without --dry-run the first stops the import, and nothing is written
	run -65 --separate-stderr csv "$f" -o ndjson
	assert_equal "$stderr" "gg-ticket: $f:5: category: unknown category '市政设施/路灯'"
	nothing_written
	# the options that take such records leave only the malformed row and the missing title
	run -65 --separate-stderr csv "$f" --dry-run -o ndjson --unmapped=category:other.advice --unresolved=grid:TZ-HL-CZ-01-G02
	assert_output '{"new":4,"updated":0,"unchanged":0}'
	assert_equal "${#stderr_lines[@]}" 3
	assert_equal "${stderr_lines[2]}" "gg-ticket: 2 records would be refused"
	assert_equal "$(digest)" "$BEFORE"
}

@test "--dry-run goes on past a field that is not UTF-8, naming --encoding for each such row" {
	{
		cat "$FIX/hotline.csv"
		printf '2026110300500,2026/11/03 12:00,\xc0\xac\xbb\xf8,标题,内容,东进路12号3幢\n'
		echo '2026110300501,2026/11/03 12:00,邻里纠纷,,内容,东进路12号3幢'
		printf '2026110300502,2026/11/03 12:00,邻里纠纷,标题,"\xff\n\xfe",东进路12号3幢\n'
		echo '2026110300503,2026/11/03 12:00,邻里纠纷,吵,内容,东进路12号3幢'
	} >"$BATS_TEST_TMPDIR/mixed.csv"
	f=$BATS_TEST_TMPDIR/mixed.csv
	run -65 --separate-stderr csv "$f" --dry-run -o ndjson
	assert_output '{"new":3,"updated":0,"unchanged":0}'
	assert_equal "$stderr" "gg-ticket: $f:5: malformed CSV: field 3 (诉求分类) is not UTF-8 (it looks like GB18030/GBK: use --encoding gbk)
gg-ticket: $f:6: a ticket needs a title
gg-ticket: $f:7: malformed CSV: field 5 (诉求内容) is not UTF-8 (read it with --encoding, one of: gbk, gb18030, utf-8)
gg-ticket: 3 records would be refused"
	assert_equal "$(digest)" "$BEFORE"
	# without --dry-run the first stops the import
	run -65 --separate-stderr csv "$f" -o ndjson
	assert_equal "$stderr" "gg-ticket: $f:5: malformed CSV: field 3 (诉求分类) is not UTF-8 (it looks like GB18030/GBK: use --encoding gbk)"
	nothing_written
}

@test "--dry-run names every refused record of JSON too, a personal number in one masked" {
	printf '%s\n' '{"category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "甲"}' \
		'{"category": "no.such", "unit": "TZ-HL-CZ-01-G01", "title": "乙"}' \
		'{"category": "env.garbage", "unit": "13912345678", "title": "丙"}' >"$BATS_TEST_TMPDIR/t.ndjson"
	run -65 --separate-stderr gg-ticket import --dry-run -o ndjson -f "$BATS_TEST_TMPDIR/t.ndjson"
	assert_output '{"new":1,"updated":0,"unchanged":0}'
	assert_equal "$stderr" "gg-ticket: $BATS_TEST_TMPDIR/t.ndjson:2:1: category: unknown category 'no.such'
gg-ticket: $BATS_TEST_TMPDIR/t.ndjson:3:1: unit: unknown unit '139****5678'
gg-ticket: 2 records would be refused"
	assert_equal "$(digest)" "$BEFORE"
}
