#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The emitter's sections, through tests/emit/sections.c: a document of two sections in each
# format exactly as written, YAML and JSON that read back as one mapping, empty sections, and
# the sections the emitter refuses.

load helper

# No database: the program under test is the emitter alone, from the build under test
# (build/asan/test-emit when GG_BIN points at the sanitizer's tools).
setup_file() {
	:
}

setup() {
	EMIT=${GG_BIN:+$GG_BIN/../test-emit}
	[ -x "${EMIT:-}" ] || EMIT=$TOP/build/test-emit
}

@test "yaml: one mapping of each section's name to its records, which reads back as the json" {
	run -0 "$EMIT" yaml
	assert_output 'overdue:
- id: 7
  unit: 城东街道
  title: Streetlight out, Elm St
  due_at: "2026-11-20T18:00:00+08:00"
  level: district
- id: 12
  unit: Q3
  title: "no"
by unit:
- unit: 城东街道
  open: 3
  overdue: 1
- unit: Q3
  open: 12
  overdue: 1'
	"$EMIT" yaml >"$BATS_TEST_TMPDIR/report.yaml"
	run -0 "$EMIT" read "$BATS_TEST_TMPDIR/report.yaml"
	assert_equal "$output" "$("$EMIT" json | jq -c .)"
}

@test "json: one object of each section's name to its records, a record a line" {
	run -0 "$EMIT" json
	assert_output '{
  "overdue": [
    {"id":7,"unit":"城东街道","title":"Streetlight out, Elm St","due_at":"2026-11-20T18:00:00+08:00","level":"district"},
    {"id":12,"unit":"Q3","title":"no"}
  ],
  "by unit": [
    {"unit":"城东街道","open":3,"overdue":1},
    {"unit":"Q3","open":12,"overdue":1}
  ]
}'
	run -0 jq -c '[keys_unsorted, (.overdue | map(.id)), (.["by unit"] | map(.open))]' <<<"$output"
	assert_output '[["overdue","by unit"],[7,12],[3,12]]'
}

@test "ndjson: a line per record, the section's name its first field" {
	run -0 "$EMIT" ndjson
	assert_output '{"section":"overdue","id":7,"unit":"城东街道","title":"Streetlight out, Elm St","due_at":"2026-11-20T18:00:00+08:00","level":"district"}
{"section":"overdue","id":12,"unit":"Q3","title":"no"}
{"section":"by unit","unit":"城东街道","open":3,"overdue":1}
{"section":"by unit","unit":"Q3","open":12,"overdue":1}'
	run -0 jq -r 'select(.section == "by unit") | .unit' <<<"$output"
	assert_output $'城东街道\nQ3'
}

@test "tsv and csv: a block per section with its own header, a blank line between, missing fields empty" {
	run -0 "$EMIT" tsv
	assert_output "$(printf '%s\n' 'id	unit	title	due_at' \
		'7	城东街道	Streetlight out, Elm St	2026-11-20T18:00:00+08:00' \
		'12	Q3	no	' \
		'' \
		'unit	open	overdue' \
		'城东街道	3	1' \
		'Q3	12	1')"
	run -0 "$EMIT" csv
	assert_output 'id,unit,title,due_at
7,城东街道,"Streetlight out, Elm St",2026-11-20T18:00:00+08:00
12,Q3,no,

unit,open,overdue
城东街道,3,1
Q3,12,1'
}

@test "table: each section's name on a line, then its own table aligned by display width" {
	run -0 "$EMIT" table
	assert_output 'overdue
id  unit      title                    due_at
7   城东街道  Streetlight out, Elm St  2026-11-20T18:00:00+08:00
12  Q3        no

by unit
unit      open  overdue
城东街道  3     1
Q3        12    1'
}

@test "empty sections: [] in yaml and json, no line in ndjson, declared columns keep their header" {
	run -0 "$EMIT" yaml empty
	assert_output 'declared: []
bare: []
last:
- id: 1'
	run -0 "$EMIT" json empty
	assert_equal "$(jq -c . <<<"$output")" '{"declared":[],"bare":[],"last":[{"id":1}]}'
	run -0 "$EMIT" ndjson empty
	assert_output '{"section":"last","id":1}'
	run -0 "$EMIT" csv empty
	assert_output 'id,title


id
1'
	run -0 "$EMIT" table empty
	assert_output 'declared
id  title

bare

last
id
1'
}

@test "a section after records outside any section, or a name taken twice, is refused in every format" {
	for f in yaml json ndjson tsv csv table; do
		run -1 --separate-stderr "$EMIT" "$f" late
		assert_equal "$stderr" $'sections: gg_emit_section late failed\nsections: gg_emit_close failed'
		run -1 --separate-stderr "$EMIT" "$f" twice
		assert_equal "$stderr" $'sections: gg_emit_section a again failed\nsections: gg_emit_close failed'
	done
}

@test "ndjson refuses a record with a field named section; the other formats keep it" {
	run -1 --separate-stderr "$EMIT" ndjson own
	assert_equal "$stderr" $'sections: gg_emit failed\nsections: gg_emit_close failed'
	assert_output ''
	run -0 "$EMIT" json own
	assert_equal "$(jq -c '.a[0]' <<<"$output")" '{"id":1,"section":"mine"}'
}

@test "a report's head: under \"report\" ahead of the sections in yaml and json, a line in ndjson" {
	run -0 "$EMIT" yaml head
	assert_line -n 0 'report:'
	assert_line -n 1 '  unit: TZ-HL'
	assert_line -n 6 '  provisional: true'
	assert_line -n 8 'overdue:'
	"$EMIT" yaml head >"$BATS_TEST_TMPDIR/report.yaml"
	run -0 "$EMIT" read "$BATS_TEST_TMPDIR/report.yaml"
	assert_equal "$output" "$("$EMIT" json head | jq -c .)"
	run -0 "$EMIT" json head
	assert_line -n 1 '  "report": {"unit":"TZ-HL","name":"海陵区","period":"2026-11","previous":"2026-10","rubric":"default","provisional":true,"as_of":"2026-12-01T08:00:00+08:00"},'
	run -0 jq -c '[keys_unsorted, .report.name, .report.provisional, (.["by unit"] | length)]' <<<"$output"
	assert_output '[["report","overdue","by unit"],"海陵区",true,2]'
	run -0 "$EMIT" ndjson head
	assert_line -n 0 '{"section":"report","unit":"TZ-HL","name":"海陵区","period":"2026-11","previous":"2026-10","rubric":"default","provisional":true,"as_of":"2026-12-01T08:00:00+08:00"}'
	assert_line -n 1 --partial '{"section":"overdue","id":7,'
	run -0 "$EMIT" json head-only
	assert_equal "$(jq -c . <<<"$output")" '{"report":{"unit":"TZ","period":"2026-11"}}'
	run -0 "$EMIT" yaml head-only
	assert_output 'report:
  unit: TZ
  period: "2026-11"'
}

@test "a report's head: a block of one row in tsv and csv, a field a line in a table; the chart is left out" {
	run -0 "$EMIT" csv head
	assert_output 'unit,name,period,previous,rubric,provisional,as_of
TZ-HL,海陵区,2026-11,2026-10,default,true,2026-12-01T08:00:00+08:00

id,unit,title,due_at
7,城东街道,"Streetlight out, Elm St",2026-11-20T18:00:00+08:00
12,Q3,no,

unit,open,overdue
城东街道,3,1
Q3,12,1'
	run -0 "$EMIT" tsv head
	assert_line -n 0 "$(printf 'unit\tname\tperiod\tprevious\trubric\tprovisional\tas_of')"
	assert_line -n 2 "$(printf 'id\tunit\ttitle\tdue_at')"
	run -0 "$EMIT" table head
	assert_output 'unit         TZ-HL
name         海陵区
period       2026-11
previous     2026-10
rubric       default
provisional  true
as_of        2026-12-01T08:00:00+08:00

overdue
id  unit      title                    due_at
7   城东街道  Streetlight out, Elm St  2026-11-20T18:00:00+08:00
12  Q3        no

by unit
unit      open  overdue
城东街道  3     1
Q3        12    1'
}

@test "a head after a section, a record after a head outside a section, a section named report, a chart before a section: refused" {
	for f in yaml json ndjson tsv csv table; do
		run -1 --separate-stderr "$EMIT" "$f" head-late
		assert_equal "$stderr" $'sections: gg_emit_head failed\nsections: gg_emit_close failed'
		run -1 --separate-stderr "$EMIT" "$f" head-record
		assert_equal "$stderr" $'sections: gg_emit failed\nsections: gg_emit_close failed'
		run -1 --separate-stderr "$EMIT" "$f" head-report
		assert_equal "$stderr" $'sections: gg_emit_section report failed\nsections: gg_emit_close failed'
		run -1 --separate-stderr "$EMIT" "$f" chart-bare
		assert_equal "$stderr" $'sections: gg_emit_chart failed\nsections: gg_emit_close failed'
	done
}
