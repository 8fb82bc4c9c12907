#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# Bad input never writes anything: each case exits 65, names file:line:column and the
# field, and leaves the database as it was.

load helper

setup() {
	fresh_db
	BEFORE=$(digest)
}

# refused FILE-CONTENT EXPECTED-MESSAGE: importing the content from a file fails with 65,
# the message, and an unchanged database.
refused() {
	local f="$BATS_TEST_TMPDIR/in${3:-.yaml}"
	printf '%s' "$1" >"$f"
	run -65 --separate-stderr gg-org import -f "$f"
	assert_equal "$stderr" "gg-org: $f:$2"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
}

@test "unknown parent" {
	refused $'units:\n  - {code: TZ-X, name: 甲, level: district, parent: TZ-NOPE}\n' \
		"2:52: parent: unknown parent unit 'TZ-NOPE'"
}

@test "duplicate code in one document" {
	refused $'units:\n  - {code: TZ-X, name: 甲, level: district, parent: TZ}\n  - {code: TZ-X, name: 乙, level: district, parent: TZ}\n' \
		"3:12: code: duplicate unit 'TZ-X' (first at $BATS_TEST_TMPDIR/in.yaml:2:5)"
}

@test "duplicate code across the documents of one stream" {
	refused $'people: [{code: P1, name: 甲}]\n---\npeople: [{code: P1, name: 乙}]\n' \
		"3:17: code: duplicate person 'P1' (first at $BATS_TEST_TMPDIR/in.yaml:1:10)"
}

@test "a cycle in parents" {
	refused $'units:\n  - {code: A, name: 甲, level: grid, parent: B}\n  - {code: B, name: 乙, level: grid, parent: C}\n  - {code: C, name: 丙, level: grid, parent: A}\n' \
		"2:45: parent: cycle in parents: A → B → C → A"
}

@test "an unknown level" {
	refused $'units:\n  - {code: TZ-X, name: 甲, level: village, parent: TZ}\n' \
		"2:34: level: unknown level 'village' (one of: city, district, street, community, grid, building)"
}

@test "an unknown role" {
	refused $'people:\n  - code: P1\n    name: 甲\n    roles:\n      - {role: mayor, unit: TZ}\n' \
		"5:16: role: unknown role 'mayor' (one of: community_worker, grid_worker, building_head, party_household, auxiliary, property_manager, leader, dept_staff)"
}

@test "a building directly under a street" {
	refused $'units:\n  - {code: TZ-X, name: 甲, level: building, parent: TZ-HL-CZ}\n' \
		"2:52: parent: a building cannot stand directly under a street ('TZ-HL-CZ'): its parent must be a grid"
}

@test "a building nested directly in a street" {
	refused $'units:\n  - code: TZ-HL-CZ\n    name: 城中街道\n    level: street\n    parent: TZ-HL\n    children:\n      - {code: TZ-X, name: 甲, level: building}\n' \
		"7:9: parent: a building cannot stand directly under a street ('TZ-HL-CZ'): its parent must be a grid"
}

@test "a negative population" {
	refused $'units:\n  - {code: TZ-X, name: 甲, level: community, parent: TZ-HL-CZ, population: -5}\n' \
		"2:75: population: must not be negative"
}

@test "malformed YAML" {
	refused $'units:\n  - {code: TZ-X, name: 甲\n  - next\n' \
		"4:1: malformed YAML: did not find expected ',' or '}' while parsing a flow mapping"
}

@test "malformed JSON" {
	refused $'{"units": [\n  {"code": "TZ-X", "name": "甲",, "level": "grid"}\n]}\n' \
		"2:32: malformed JSON: string or '}' expected near ','" .json
}

@test "a broken JSON surrogate pair" {
	refused $'{"people": [{"code": "P1", "name": "\\ud83d"}]}\n' \
		"1:43: malformed JSON: invalid Unicode '\\uD83D' near '\"\\ud83d\"'" .json
}

@test "a whole JSON surrogate pair is read as one character" {
	run -0 gg-org import <<<'{"people": [{"code": "P1", "name": "\ud83d\ude00 \u674e"}]}'
	run -0 gg-org person show P1 -o ndjson
	assert_equal "$(jq -r .name <<<"$output")" '😀 李'
}

@test "a duplicate key, in JSON and in YAML" {
	refused $'{"people": [{"code": "P1", "name": "甲", "name": "乙"}]}\n' \
		"1:46: malformed JSON: duplicate object key near '\"name\"'" .json
	refused $'people:\n  - {code: P1, name: 甲, name: 乙}\n' "2:25: duplicate key 'name'"
}

@test "a truncated last NDJSON line" {
	refused $'{"people": [{"code": "P1", "name": "甲"}]}\n{"people": [{"code": "P2", "na' \
		"2:31: truncated record: the input ends inside a JSON value" .ndjson
}

@test "a 10 MB single string" {
	{ printf 'people:\n  - {code: P1, name: "'; head -c 10000000 /dev/zero | tr '\0' x; printf '"}\n'; } >"$BATS_TEST_TMPDIR/big.yaml"
	run -65 gg-org import -f "$BATS_TEST_TMPDIR/big.yaml"
	assert_output "gg-org: $BATS_TEST_TMPDIR/big.yaml:2:22: string longer than 1048576 bytes"
	{ printf '{"people": [{"code": "P1", "name": "'; head -c 10000000 /dev/zero | tr '\0' x; printf '"}]}\n'; } >"$BATS_TEST_TMPDIR/big.json"
	run -65 gg-org import -f "$BATS_TEST_TMPDIR/big.json"
	assert_output --partial "gg-org: $BATS_TEST_TMPDIR/big.json:1:"
	assert_output --partial "string longer than 1048576 bytes"
	assert_equal "$(digest)" "$BEFORE"
}

@test "a binary file" {
	head -c 4096 "$(command -v gg-org)" >"$BATS_TEST_TMPDIR/bin"
	run -65 gg-org import -f "$BATS_TEST_TMPDIR/bin"
	assert_output --regexp "^gg-org: $BATS_TEST_TMPDIR/bin:1:[0-9]+: malformed YAML: "
	assert_equal "$(digest)" "$BEFORE"
}

@test "a number where text is wanted, written so that it would change" {
	refused $'people:\n  - {code: P1, name: 甲, phone: 0123}\n' \
		"2:32: phone: this is read as a number, not as the text written; put it in quotes"
}

@test "YAML 1.2 typing: no, on and 0123 quoted stay text; plain numbers that print the same are codes" {
	run -0 gg-org import <<<'people: [{code: 1001, name: "no", phone: "13812345678"}, {code: "on", name: no}, {code: P3, name: "0123"}]'
	run -0 gg-org --reveal person show 1001 on P3 -o json
	assert_equal "$(jq -c '[.[] | [.code, .name, .phone]]' <<<"$output")" '[["1001","no","13812345678"],["on","no",null],["P3","0123",null]]'
}

@test "an unknown field and an unknown section" {
	refused $'units:\n  - {code: TZ-X, name: 甲, level: district, parent: TZ, colour: red}\n' \
		"2:64: colour: unknown field for a unit"
	refused $'unitz: []\n' "1:8: unknown section 'unitz' (expected units, party_orgs, people, departments, links, duties, signboards, demands or district_departments)"
}

@test "a bad record late in the input undoes everything before it" {
	refused $'units:\n  - {code: TZ-A, name: 甲, level: district, parent: TZ}\n  - {code: TZ-A-1, name: 乙, level: street, parent: TZ-A}\npeople:\n  - {code: P1, name: 丙, roles: [{role: leader, unit: TZ-B}]}\n' \
		"5:54: unit: unknown unit 'TZ-B'"
}

@test "an empty name and a missing required field" {
	refused $'units:\n  - {code: TZ-X, name: "", level: district, parent: TZ}\n' "2:24: name: must not be empty"
	refused $'units:\n  - {code: TZ-X, level: district, parent: TZ}\n' "2:5: a unit needs a name"
}

@test "records from stdin are named stdin" {
	run -65 gg-org import <<<'units: [{code: TZ-X, name: 甲, level: grid, parent: TZ}]'
	assert_output "gg-org: stdin:1:52: parent: a grid cannot stand directly under a city ('TZ'): its parent must be a community"
}

@test "an unclosed JSON array (found by the fuzzer)" {
	run -65 gg-org import <<<'[{"units": []}'
	assert_output "gg-org: stdin:2:1: truncated input: the JSON array is not closed"
	run -65 gg-org import -f /dev/stdin <<<'['
	assert_output --partial "gg-org: /dev/stdin:2:1: malformed YAML"
	run -65 gg-org import <<<'[{"units": []} {"units": []}]'
	assert_output "gg-org: stdin:1:16: malformed JSON: expected ',' or ']'"
	assert_equal "$(digest)" "$BEFORE"
}

@test "YAML aliases that expand to millions of values are refused; an alias cannot name its own node" {
	refused "$(cat "$FIX/laughs.yaml")" "8:13: a record of more than 1000000 values (aliases counted as written out)"
	refused $'units:\n  - &u {code: TZ-X, name: 甲, level: district, parent: TZ, children: [*u]}\n' "2:70: unknown alias"
}

@test "a YAML alias names the latest anchor of its name in its document, and none of another" {
	cat >"$BATS_TEST_TMPDIR/a.yaml" <<-'EOF'
	units:
	  - {code: TZ-A1, name: &n 甲, level: district, parent: TZ}
	  - {code: TZ-A2, name: &n 乙, level: district, parent: TZ}
	  - {code: TZ-A3, name: *n, level: district, parent: TZ}
	EOF
	run -0 gg-org import -f "$BATS_TEST_TMPDIR/a.yaml"
	run -0 gg-org unit show TZ-A3 -o ndjson
	assert_equal "$(echo "$output" | jq -r .name)" "乙"
	BEFORE=$(digest) # refused leaves the database as the import above made it
	refused $'units:\n  - {code: TZ-B1, name: &m 丙, level: district, parent: TZ}\n---\nunits:\n  - {code: TZ-B2, name: *m, level: district, parent: TZ}\n' \
		"5:25: unknown alias"
}

@test "a unit's parent cannot be taken away" {
	run -65 --separate-stderr gg-org unit set TZ-HL --parent ""
	assert_equal "$stderr" "gg-org: parent: a district needs a parent (a city)"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
}

@test "an option that is not UTF-8 is refused, not dropped" {
	run -65 --separate-stderr gg-org person set W0001 --roles $'grid_worker:\xff'
	assert_equal "$stderr" "gg-org: --roles: not valid UTF-8"
	run -65 --separate-stderr gg-org unit set TZ --name $'\xff'
	assert_equal "$stderr" "gg-org: --name: not valid UTF-8"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
}

@test "an empty filter keeps the records whose field is empty, and never crashes" {
	run -0 gg-org unit list --level "" -o tsv
	assert_output ""
	run -0 gg-org unit list --parent "" -o tsv
	assert_equal "$(cut -f1 <<<"$output" | tail -n +2)" "TZ"
	run -0 gg-org person list --phone "" --roles community_worker -o tsv
	assert_equal "$(cut -f1 <<<"$output" | tail -n +2 | tr '\n' ' ')" "C0001 C0002 "
	run -0 gg-org demand list --duty "" -o tsv
	assert_output ""
	gg-org demand add --department D-CG --unit TZ-HL-CZ-01 --kind task --title 报表 --date 2026-11-12 >/dev/null
	run -0 gg-org demand list --duty "" -o tsv
	assert_equal "$(cut -f5 <<<"$output" | tail -n +2)" "报表"
	run -0 gg-org link list --leader "" -o tsv
	assert_output ""
}

@test "a ROLE:UNIT filter takes both halves; repeated, either will do" {
	run -0 gg-org person list --roles party_household:TZ-HL-CZ-01-G01-B04 -o tsv
	assert_output $'code\tname\tphone\tid_number\tparty_member\troles\nH0001\t陈秀英\t\t321***********1234\tfalse\t[{"role":"party_household","unit":"TZ-HL-CZ-01-G01-B04"},{"role":"building_head","unit":"TZ-HL-CZ-01-G01-B04"}]'
	run -0 gg-org person list --roles community_worker:TZ-HL-CZ-01 -o tsv
	assert_output ""
	run -0 gg-org person list --roles leader:TZ --roles leader:TZ-HL -o tsv
	assert_equal "$(printf '%s\n' "$output" | cut -f1 | tail -n +2 | tr '\n' ' ')" "L0001 L0002 "
	run -0 gg-org person list --roles community_worker -o tsv
	assert_equal "$(printf '%s\n' "$output" | cut -f1 | tail -n +2 | tr '\n' ' ')" "C0001 C0002 "
}

@test "options are spelled with hyphens; the field's own spelling still works" {
	run -0 gg-org person set C0001 --party-member true --id-number 110101199003027777 -o json
	assert_equal "$(jq -c '[.party_member, .id_number]' <<<"$output")" '[true,"110***********7777"]'
	run -0 gg-org person set C0002 --party_member true -o json
	assert_equal "$(jq -c .party_member <<<"$output")" true
	run -0 gg-org person list --party-member true -o tsv
	assert_equal "$(cut -f1 <<<"$output" | tail -n +2 | tr '\n' ' ')" "C0001 C0002 L0001 L0002 W0001 "
	run -0 gg-org person add --help
	assert_output --partial '--id-number --party-member'
}
