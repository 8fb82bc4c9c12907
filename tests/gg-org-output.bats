#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# Records out: every format, YAML that reads back as it was written, tables aligned by
# display width, and the global options wherever they stand.

load helper

@test "YAML output quotes every string a YAML reader would retype" {
	# records shown by key: a YAML document each
	gg-org import <<<'people: [{code: Q1, name: "no"}, {code: Q0, name: "0123"}, {code: Q2, name: "1e3", id_number: ""}, {code: "null", name: "~"}, {code: Q3, name: "on"}, {code: Q4, name: "2026-11-03"}]' >/dev/null
	run -0 gg-org --reveal person show Q0 Q1 Q2 null Q3 Q4
	assert_output 'code: Q0
name: "0123"
party_member: false
---
code: Q1
name: "no"
party_member: false
---
code: Q2
name: "1e3"
id_number: ""
party_member: false
---
code: "null"
name: "~"
party_member: false
---
code: Q3
name: "on"
party_member: false
---
code: Q4
name: "2026-11-03"
party_member: false'
	# and what was written reads back unchanged
	gg-org --reveal export >"$BATS_TEST_TMPDIR/x.yaml"
	run -0 gg-org import -o json -f "$BATS_TEST_TMPDIR/x.yaml"
	assert_equal "$(jq '[.[] | .new + .changed] | add' <<<"$output")" 0
}

@test "CJK text is written as UTF-8, in YAML and JSON" {
	run -0 gg-org unit show TZ-HL
	assert_line 'name: 海陵区'
	run -0 gg-org unit show TZ-HL -o json
	assert_output --partial '"name":"海陵区"'
	run -0 gg-org unit set TZ-HL -o json
	assert_line '  "name": "海陵区",'
}

@test "table aligns CJK by display width" {
	run -0 gg-org unit list --level community
	assert_output 'code         name        level      parent    population  households  addresses
TZ-HL-CZ-01  东进社区    community  TZ-HL-CZ  8200        2900
TZ-HL-CZ-02  坡子街社区  community  TZ-HL-CZ  1000'
}

@test "a single record as a table is one field a line" {
	run -0 gg-org dept show D-CG -o table
	assert_output 'code   D-CG
name   海陵区城市管理局
level  district'
}

@test "tsv escapes tabs and newlines; csv quotes" {
	gg-org dept add --code D-T --name $'甲\t乙\n丙' --level city >/dev/null
	gg-org dept add --code D-C --name '甲,"乙"' --level city >/dev/null
	run -0 gg-org dept list -o tsv
	assert_line 'D-T	甲\t乙\n丙	city'
	run -0 gg-org dept list -o csv
	assert_line 'D-C,"甲,""乙""",city'
	assert_line --index 0 'code,name,level'
}

@test "ndjson is one record a line; json a list" {
	run -0 gg-org unit list --level grid -o ndjson
	assert_equal "${#lines[@]}" 2
	assert_equal "$(jq -s -c 'map(.code)' <<<"$output")" '["TZ-HL-CZ-01-G01","TZ-HL-CZ-01-G02"]'
	run -0 gg-org unit list --level grid -o json
	assert_equal "$(jq -c 'map(.code)' <<<"$output")" '["TZ-HL-CZ-01-G01","TZ-HL-CZ-01-G02"]'
	run -0 gg-org unit list --name 无此单位 -o json
	assert_equal "$(jq -c . <<<"$output")" '[]'
}

@test "global options stand before or after the command; GG_OUTPUT sets the default" {
	a=$(gg-org -o json unit list --level grid)
	b=$(gg-org unit list --level grid -o json)
	c=$(gg-org unit list --output=json --level grid)
	d=$(GG_OUTPUT=json gg-org unit list --level grid)
	assert_equal "$a" "$b"
	assert_equal "$a" "$c"
	assert_equal "$a" "$d"
	run -0 gg-org --db "$GG_DB" unit show TZ -ojson
	assert_equal "$(jq -r '.[0].name' <<<"$output")" 泰州市
}

@test "bad usage exits 64 and says what is wrong" {
	run -64 gg-org -o xml unit list
	assert_output "gg-org: unknown output format 'xml': use yaml, json, ndjson, tsv, csv or table"
	run -64 gg-org frobnicate
	assert_output "gg-org: unknown command 'frobnicate'; see 'gg-org --help'"
	run -64 gg-org unit frob
	assert_output "gg-org: unknown command 'unit frob'; see 'gg-org unit --help'"
	run -64 gg-org unit list --colour red
	assert_line --index 0 "gg-org: unknown option '--colour'"
	run -64 gg-org --now yesterday unit list
	assert_output --partial "bad time 'yesterday' for --now"
	run -64 gg-org export -o tsv
	assert_output --partial "export writes yaml or json, not tsv"
	run -64 gg-org
	assert_line --index 0 --partial 'usage: gg-org'
}

@test "a failed write to stdout is an error; a writer's output comes only after its commit, and says so" {
	run -74 bash -c 'gg-org unit list -o json >/dev/full'
	assert_output "gg-org: cannot write output: No space left on device"
	run -74 bash -c 'gg-org unit add --code TZ-GG --name 高港区 --level district --parent TZ >/dev/full'
	assert_output "gg-org: cannot write output: No space left on device (the change itself was committed; its output is lost)"
	run -0 gg-org unit show TZ-GG -o json
	assert_output --partial '"name":"高港区"'
}
