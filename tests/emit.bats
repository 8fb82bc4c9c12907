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

@test "md: the head as a title, a line and a banner; a section a heading and a table, numbers aligned right" {
	run -0 env LC_ALL=en_US.UTF-8 "$EMIT" md head
	assert_line -n 0 '# Monthly appraisal report — 海陵区'
	assert_line -n 1 '**Unit** TZ-HL · **Period** 2026-11 · **Previous period** 2026-10 · **Rubric** default · **As of** 2026-12-01T08:00:00+08:00'
	assert_line -n 2 '> **Provisional: no appraisal is stored for the period; computed with the default rubric**'
	assert_line -n 3 '## overdue'
	assert_line -n 4 '| id | Unit | Title | due\_at |'
	assert_line -n 5 '| ---: | --- | --- | --- |'
	assert_line -n 7 '| 12 | Q3 | no |  |'
	assert_line -n 9 '| Unit | open | overdue |'
	assert_line -n 10 '| --- | ---: | ---: |'
	# a pipe escaped, markup made text; reals with the decimals their column needs
	run -0 env LC_ALL=en_US.UTF-8 "$EMIT" md charts
	assert_line '| A\|B &lt;c> &amp; "d" | 12 | 5 | 4 | 1 |'
	assert_line '| 1 | 东进社区 | 95.50 |'
	assert_line '| 2026-12 | 95.00 | 84.0 |'
}

@test "html: one page that stands alone, well formed, a chart of each kind drawn inline" {
	LC_ALL=en_US.UTF-8 "$EMIT" html charts >"$BATS_TEST_TMPDIR/c.html"
	run -0 python3 "$TOP/tests/emit/html-check.py" "$BATS_TEST_TMPDIR/c.html" section h2 table svg rect.bar \
		circle.point polyline.line rect.seg rect.key
	assert_output 'section 3
h2 3
table 3
svg 3
rect.bar 3
circle.point 24
polyline.line 2
rect.seg 12
rect.key 6'
	run -0 grep -c '<meta charset="utf-8">' "$BATS_TEST_TMPDIR/c.html"
	run -0 grep -F 'A|B &lt;c&gt; &amp; &quot;d&quot;' "$BATS_TEST_TMPDIR/c.html"
	run -0 grep -F '@page { size: A4' "$BATS_TEST_TMPDIR/c.html"
	run -0 grep -F 'section + section { break-before: page; }' "$BATS_TEST_TMPDIR/c.html"
	# the head: the title and a banner; the chart of its second section, a bar a record
	LC_ALL=en_US.UTF-8 "$EMIT" html head >"$BATS_TEST_TMPDIR/h.html"
	run -0 python3 "$TOP/tests/emit/html-check.py" "$BATS_TEST_TMPDIR/h.html" h1 p.banner rect.bar td.num
	assert_output $'h1 1\np.banner 1\nrect.bar 2\ntd.num 6'
}

@test "xlsx: a workbook of a sheet a section, the title row, numbers as numbers, a native chart of each kind" {
	LC_ALL=en_US.UTF-8 "$EMIT" xlsx head >"$BATS_TEST_TMPDIR/h.xlsx"
	cd "$BATS_TEST_TMPDIR" && mkdir h && cd h && unzip -q ../h.xlsx
	[ -f xl/workbook.xml ] && [ -f xl/worksheets/sheet1.xml ] && [ -f xl/worksheets/sheet2.xml ]
	[ ! -f xl/worksheets/sheet3.xml ] && [ -f xl/charts/chart1.xml ] && [ ! -f xl/charts/chart2.xml ]
	run -0 grep -o '<sheet name="[^"]*"' xl/workbook.xml
	assert_output $'<sheet name="overdue"\n<sheet name="by unit"'
	# the title row names the unit and period; the banner below; the header row frozen
	run -0 grep -o '<t>[^<]*</t>' xl/sharedStrings.xml
	assert_line -n 0 '<t>Monthly appraisal report — 海陵区  ·  Unit TZ-HL  ·  Period 2026-11  ·  Previous period 2026-10  ·  Rubric default  ·  As of 2026-12-01T08:00:00+08:00</t>'
	assert_line -n 1 '<t>Provisional: no appraisal is stored for the period; computed with the default rubric</t>'
	run -0 grep -o '<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>' xl/worksheets/sheet2.xml
	# B4 of "by unit" is the number 3 (open), not text
	run -0 grep -o '<c r="B4" s="[0-9]*"><v>3</v></c>' xl/worksheets/sheet2.xml
	LC_ALL=en_US.UTF-8 "$EMIT" xlsx charts >"$BATS_TEST_TMPDIR/c.xlsx"
	run -0 sh -c "unzip -p '$BATS_TEST_TMPDIR/c.xlsx' xl/charts/chart1.xml xl/charts/chart2.xml xl/charts/chart3.xml |
		grep -o '<c:lineChart>\|<c:grouping val=\"stacked\"/>\|<c:barDir val=\"bar\"/>'"
	assert_output $'<c:lineChart>\n<c:grouping val="stacked"/>\n<c:barDir val="bar"/>'
}

@test "xlsx: sheet names cut to 31 characters, cleaned of what Excel refuses, unique whatever the case" {
	LC_ALL=en_US.UTF-8 "$EMIT" xlsx names >"$BATS_TEST_TMPDIR/n.xlsx"
	run -0 sh -c "unzip -p '$BATS_TEST_TMPDIR/n.xlsx' xl/workbook.xml | grep -o '<sheet name=\"[^\"]*\"'"
	assert_output '<sheet name="a section whose name is longer"
<sheet name="A SECTION WHOSE NAME IS LON (2)"
<sheet name="x_y_z _1_"
<sheet name="社区党组织群众满意度测评结果及整改情况一览表（第四季度）"'
}

@test "md, html, xlsx: labels in Chinese by default, the data formats keep their English keys" {
	run -0 env -i "$EMIT" md head
	assert_line -n 0 '# 月度考核报告 — 海陵区'
	assert_line -n 1 '**单位** TZ-HL · **统计期** 2026-11 · **上期** 2026-10 · **考核细则** default · **数据截至** 2026-12-01T08:00:00+08:00'
	assert_line -n 2 '> **暂定：本期尚未存储考核结果，按默认细则临时计算**'
	run -0 env -i "$EMIT" md charts
	assert_line '| 统计期 | 按时办结率 (%) | 首次回访满意率 (%) |'
	# a head that is not provisional has no banner
	run -0 env -i "$EMIT" md head-only
	assert_output '# 月度考核报告

**单位** TZ · **统计期** 2026-11'
	run -0 env -i LANG=en_US.UTF-8 "$EMIT" csv head
	assert_line -n 0 'unit,name,period,previous,rubric,provisional,as_of'
}
