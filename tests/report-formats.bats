#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-report's documents for people, through reports that exist: md tables, one html page
# that stands alone, an xlsx workbook read back; --out (whole or absent, nothing on stdout);
# xlsx refused on a terminal; the labels' language by --lang, by the locale, and under env -i.
# The emitter's own cases (charts, sheet names) are in tests/emit.bats.

load helper

# The test city and its categories, with three November tickets of two categories (one
# resolved in time, one late, one rejected), as tests/report-tickets.bats has them.
setup_file() {
	seed_catalogue
	export GG_DB=$SEED_DB
	n() { gg-ticket --now "$1" new --reported-at "$1" --unit TZ-HL-CZ-01-G01 "${@:2}" -o json | jq -r .id; }
	a=$(n 2026-11-02T09:00:00+08:00 --category env.garbage --title 楼道堆放杂物 --source hotline_12345)
	gg-ticket --now 2026-11-02T09:30:00+08:00 accept "$a" >/dev/null
	gg-ticket --now 2026-11-02T12:00:00+08:00 resolve "$a" >/dev/null
	b=$(n 2026-11-03T09:00:00+08:00 --category env.garbage --title 楼道堆物 --source grid_patrol)
	gg-ticket --now 2026-11-04T10:00:00+08:00 escalate --due >/dev/null
	gg-ticket --now 2026-11-04T11:00:00+08:00 accept "$b" >/dev/null
	gg-ticket --now 2026-11-04T12:00:00+08:00 resolve "$b" >/dev/null
	r=$(n 2026-11-05T09:00:00+08:00 --category road.streetlight --title 路灯不亮 --source hotline_12345)
	gg-ticket --now 2026-11-05T10:00:00+08:00 reject "$r" --reason 重复来电 >/dev/null
	checkpoint "$SEED_DB"
}

setup() {
	fresh_db
	unset LC_ALL LC_MESSAGES LANGUAGE
	export LANG=C.UTF-8
	REPORT=${GG_BIN:-$TOP/bin}/gg-report
}

@test "md: a table, labels for the keys, the numbers' columns aligned right, reals with their decimals" {
	run -0 gg-report staffing -o md --lang en
	assert_output '| Unit | Name | Level | Population | Community workers | Per 10,000 residents | Required | Shortfall | Grids | Grids staffed |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| TZ-HL-CZ-01 | 东进社区 | community | 8200 | 1 | 1.2 | 15 | 14 | 2 | 1 |
| TZ-HL-CZ-02 | 坡子街社区 | community | 1000 | 2 | 20.0 | 2 | 0 | 0 | 0 |'
	# a percentage with one decimal; a column of nothing but nulls is no column of numbers
	run -0 gg-report tickets --period 2026-11 --by category -o md --lang en
	assert_line -n 0 --partial '| Category | Median time to close (hours) | Closed |'
	assert_line -n 0 --partial '| On time (%) | Received |'
	assert_line -n 2 --regexp '^\| env\.garbage \| .* \| 50\.0 \| 2 \| '
	assert_line -n 3 --regexp '^\| road\.streetlight \| .* \|  \| 0 \| '
}

@test "html: one well-formed page that fetches nothing, its language declared, a table a section" {
	gg-report tickets --period 2026-11 --by category -o html --lang en >"$BATS_TEST_TMPDIR/t.html"
	run -0 python3 "$TOP/tests/emit/html-check.py" "$BATS_TEST_TMPDIR/t.html" table tr meta style script link img
	assert_output $'table 1\ntr 3\nmeta 2\nstyle 1\nscript 0\nlink 0\nimg 0'
	run -0 grep -c '<td>env.garbage</td>.*<td class="num">50.0</td><td class="num">2</td>' "$BATS_TEST_TMPDIR/t.html"
	run -0 head -5 "$BATS_TEST_TMPDIR/t.html"
	assert_line -n 1 '<html lang="en">'
	assert_line -n 3 '<meta charset="utf-8">'
	run -0 grep -c '<th>On time (%)</th>' "$BATS_TEST_TMPDIR/t.html"
	gg-report staffing -o html >"$BATS_TEST_TMPDIR/s.html"
	run -0 grep -c '<html lang="zh-CN">' "$BATS_TEST_TMPDIR/s.html"
	run -0 grep -o '<td>坡子街社区</td><td>community</td><td class="num">1000</td>' "$BATS_TEST_TMPDIR/s.html"
}

@test "html: a section's chart drawn inline, a bar a record (the emitter's report of two sections)" {
	EMIT=${GG_BIN:+$GG_BIN/../test-emit}
	[ -x "${EMIT:-}" ] || EMIT=$TOP/build/test-emit
	"$EMIT" html head >"$BATS_TEST_TMPDIR/h.html"
	run -0 python3 "$TOP/tests/emit/html-check.py" "$BATS_TEST_TMPDIR/h.html" section svg rect.bar p.banner
	assert_output $'section 2\nsvg 1\nrect.bar 2\np.banner 1'
}

@test "xlsx: a valid workbook, one sheet for a list, its cells read back as text and numbers" {
	gg-report staffing -o xlsx --lang en >"$BATS_TEST_TMPDIR/s.xlsx"
	cd "$BATS_TEST_TMPDIR" && mkdir s && cd s
	run -0 unzip -q ../s.xlsx
	[ -f '[Content_Types].xml' ] && [ -f xl/workbook.xml ] && [ -f xl/styles.xml ] && [ -f xl/worksheets/sheet1.xml ]
	[ ! -e xl/worksheets/sheet2.xml ] && [ ! -e xl/charts ]
	run -0 grep -o '<sheet name="[^"]*"' xl/workbook.xml
	assert_output '<sheet name="Records"'
	# the header's labels bold in row 3, below the title; 东进社区 in B4, its population the number 8200 in D4
	run -0 python3 - <<'EOF'
import re
strings = re.findall(r'<si><t[^>]*>([^<]*)</t></si>', open('xl/sharedStrings.xml', encoding='utf-8').read())
sheet = open('xl/worksheets/sheet1.xml', encoding='utf-8').read()
def cell(ref):
    m = re.search(r'<c r="%s"( s="\d+")?( t="s")?><v>([^<]*)</v></c>' % ref, sheet)
    return strings[int(m.group(3))] if m.group(2) else float(m.group(3))
print(cell('A3'), cell('B4'), cell('D4'), cell('F4'))
EOF
	assert_output 'Unit 东进社区 8200.0 1.2'
	run -0 grep -o '<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>' xl/worksheets/sheet1.xml
	# CJK names take two columns a character: 坡子街社区 is 10 wide, the column 12
	run -0 grep -o '<col min="2" max="2" width="12[.0-9]*"' xl/worksheets/sheet1.xml
}

@test "xlsx to a terminal is refused (64) before anything is written; to a file from a terminal it is not" {
	run -64 script -qec "$REPORT --db '$GG_DB' staffing -o xlsx" /dev/null
	assert_output --partial 'gg-report: xlsx is binary and stdout is a terminal: give --out FILE or redirect it'
	run -0 script -qec "GG_OUTPUT=xlsx $REPORT --db '$GG_DB' staffing --out '$BATS_TEST_TMPDIR/s.xlsx'" /dev/null
	assert_output ''
	run -0 unzip -l "$BATS_TEST_TMPDIR/s.xlsx" xl/workbook.xml
	# md and html are text: a terminal takes them
	run -0 script -qec "$REPORT --db '$GG_DB' staffing -o md" /dev/null
}

@test "--out FILE: the report in FILE, nothing on stdout, made as a new file is (umask)" {
	d=$BATS_TEST_TMPDIR/out && mkdir "$d"
	run -0 --separate-stderr gg-report staffing -o html --out "$d/s.html"
	assert_equal "$output" ''
	assert_equal "$stderr" ''
	run -0 python3 "$TOP/tests/emit/html-check.py" "$d/s.html" table
	assert_output 'table 1'
	assert_equal "$(stat -c %a "$d/s.html")" "$(printf '%o' $((0666 & ~$(umask))))"
	# any format: the same bytes as on stdout
	gg-report tickets --period 2026-11 --by source -o csv --out "$d/t.csv"
	assert_equal "$(cat "$d/t.csv")" "$(gg-report tickets --period 2026-11 --by source -o csv)"
	# no temporary file is left beside it
	run -0 ls -A "$d"
	assert_output $'s.html\nt.csv'
}

@test "--out FILE of a report that fails: no file, an old one as it was; one that cannot be made is 73" {
	d=$BATS_TEST_TMPDIR/out && mkdir "$d"
	run -64 --separate-stderr gg-report staffing --level grid -o html --out "$d/s.html"
	assert_equal "$output" ''
	[ ! -e "$d/s.html" ]
	echo before >"$d/old.md"
	run -65 --separate-stderr gg-report staffing --under TZ-NOPE -o md --out "$d/old.md"
	assert_equal "$(cat "$d/old.md")" before
	run -73 --separate-stderr gg-report staffing -o md --out "$d/no/such/dir/s.md"
	assert_equal "$stderr" "gg-report: cannot create '$d/no/such/dir/s.md': No such file or directory"
	assert_equal "$output" ''
	run -0 ls -A "$d"
	assert_output old.md
}

@test "--lang en and zh_CN: the labels' language; anything else is 64; data formats keep their keys" {
	run -0 gg-report staffing -o md --lang zh_CN
	assert_line -n 0 '| 单位 | 名称 | 层级 | 常住人口 | 社区工作者 | 每万人社区工作者 | 应配人数 | 缺口 | 网格数 | 配专职网格员的网格 |'
	run -0 gg-report tickets --period 2026-11 --by category -o md --lang zh_CN
	assert_line -n 0 --partial '| 按时办结率 (%) | 受理件数 |'
	run -0 gg-report staffing -o md --lang en
	assert_line -n 0 --partial '| Unit | Name | Level | Population |'
	run -64 --separate-stderr gg-report staffing -o md --lang fr
	assert_equal "${stderr_lines[0]}" "gg-report: --lang: zh_CN or en, not 'fr'"
	assert_equal "$output" ''
	run -64 gg-report staffing -o md --lang zh_CN.UTF-8
	for f in yaml json ndjson tsv csv table; do
		assert_equal "$(gg-report staffing -o "$f" --lang zh_CN)" "$(gg-report staffing -o "$f")"
	done
	run -0 gg-report staffing -o tsv --lang zh_CN
	assert_line -n 0 $'unit\tname\tlevel\tpopulation\tworkers\tper_10000\trequired\tshortfall\tgrids\tgrids_staffed'
}

@test "without --lang: the locale's language when it is zh or en (LC_ALL, LC_MESSAGES, LANG), else Chinese" {
	LANG=en_US.UTF-8 run -0 gg-report staffing -o md
	assert_line -n 0 --partial '| Unit | Name |'
	LANG=en_US.UTF-8 LC_MESSAGES=zh_CN.UTF-8 run -0 gg-report staffing -o md
	assert_line -n 0 --partial '| 单位 | 名称 |'
	LANG=zh_CN.UTF-8 LC_ALL=en_GB.UTF-8 run -0 gg-report staffing -o md
	assert_line -n 0 --partial '| Unit | Name |'
	LANG=fr_FR.UTF-8 run -0 gg-report staffing -o md
	assert_line -n 0 --partial '| 单位 | 名称 |'
	# --lang wins over the locale
	LC_ALL=en_US.UTF-8 run -0 gg-report staffing -o md --lang zh_CN
	assert_line -n 0 --partial '| 单位 | 名称 |'
}

@test "under env -i, as from cron: Chinese by default, English with --lang en, libc's messages unchanged" {
	run -0 env -i "$REPORT" --db "$GG_DB" staffing -o md
	assert_line -n 0 --partial '| 单位 | 名称 | 层级 | 常住人口 |'
	run -0 env -i "$REPORT" --db "$GG_DB" staffing -o md --lang en
	assert_line -n 0 --partial '| Unit | Name | Level | Population |'
	run -0 env -i "$REPORT" --db "$GG_DB" staffing -o html --lang en
	assert_line -n 1 '<html lang="en">'
	run -73 env -i "$REPORT" --db "$GG_DB" staffing -o md --lang zh_CN --out /nonexistent/s.md
	assert_output "gg-report: cannot create '/nonexistent/s.md': No such file or directory"
	# the catalogues where GG_LOCALEDIR says; none there: the keys themselves
	run -0 env -i GG_LOCALEDIR="$BATS_TEST_TMPDIR" "$REPORT" --db "$GG_DB" staffing -o md --lang en
	assert_line -n 0 --partial '| unit | name | level | population |'
	mkdir -p "$BATS_TEST_TMPDIR/l/en/LC_MESSAGES" "$BATS_TEST_TMPDIR/l/zh_CN/LC_MESSAGES"
	printf 'msgid "unit"\nmsgstr "Reporting unit"\n' | msgfmt -o "$BATS_TEST_TMPDIR/l/en/LC_MESSAGES/gg.mo" -
	run -0 env -i GG_LOCALEDIR="$BATS_TEST_TMPDIR/l" "$REPORT" --db "$GG_DB" staffing -o md --lang en
	assert_line -n 0 --partial '| Reporting unit | name |'
}

@test "the other tools take no md, html or xlsx (64, naming the formats they write), by -o or GG_OUTPUT" {
	for t in gg-org gg-ticket gg-volunteer gg-score; do
		for f in md html xlsx; do
			run -64 --separate-stderr "$t" -o "$f" --help
			run -64 --separate-stderr env GG_OUTPUT="$f" "$t" --version
		done
	done
	run -64 --separate-stderr gg-org tree -o html
	assert_equal "$stderr" "gg-org: output format 'html' is gg-report's: use yaml, json, ndjson, tsv, csv or table"
	assert_equal "$output" ''
	run -64 --separate-stderr env GG_OUTPUT=xlsx gg-ticket list
	assert_equal "$stderr" "gg-ticket: output format 'xlsx' is gg-report's: use yaml, json, ndjson, tsv, csv or table"
	run -64 --separate-stderr gg-report staffing -o pdf
	assert_equal "$stderr" "gg-report: unknown output format 'pdf': use yaml, json, ndjson, tsv, csv, table, md, html or xlsx"
}

@test "--out writes a file and nothing else: never the database, a device or a pipe; through a link to its target" {
	fresh_db
	if ! on_pg; then # the database as a file is SQLite's
		before=$(sha256sum "$GG_DB")
		run -64 --separate-stderr gg-report staffing -o csv --out "$GG_DB"
		assert_equal "${stderr_lines[0]}" "gg-report: --out '$GG_DB' is the database the report reads"
		assert_equal "$(sha256sum "$GG_DB")" "$before"
	fi
	mkfifo "$BATS_TEST_TMPDIR/pipe"
	run -73 --separate-stderr gg-report staffing -o csv --out "$BATS_TEST_TMPDIR/pipe"
	assert_equal "${stderr_lines[0]}" "gg-report: --out '$BATS_TEST_TMPDIR/pipe' is not a regular file: a report is written to a file"
	[ -p "$BATS_TEST_TMPDIR/pipe" ]
	run -73 --separate-stderr gg-report staffing -o csv --out /dev/null
	[ -c /dev/null ]
	echo old >"$BATS_TEST_TMPDIR/target.csv"
	ln -s target.csv "$BATS_TEST_TMPDIR/link.csv"
	run -0 gg-report staffing -o csv --out "$BATS_TEST_TMPDIR/link.csv"
	[ -L "$BATS_TEST_TMPDIR/link.csv" ]
	assert_equal "$(head -n 1 "$BATS_TEST_TMPDIR/target.csv" | cut -d, -f1)" unit
}

@test "xlsx: text past the 32,767 characters a cell holds is cut there and marked, and said, never dropped" {
	gg-org unit set TZ-HL-CZ-01 --name "$(printf '长%.0s' $(seq 40000))" >/dev/null
	run -0 --separate-stderr gg-report staffing -o xlsx --out "$BATS_TEST_TMPDIR/s.xlsx"
	assert_equal "$stderr" 'gg-report: xlsx: a cell of 40000 characters cut to 32767, the most a cell holds'
	mkdir "$BATS_TEST_TMPDIR/x" && cd "$BATS_TEST_TMPDIR/x" && unzip -q ../s.xlsx
	run -0 python3 -c 'import re, sys
t = re.findall(r"<t[^>]*>([^<]*)</t>", open("xl/sharedStrings.xml", encoding="utf-8").read())
print(max(len(s) for s in t), [s[-2:] for s in t if len(s) > 1000][0])'
	assert_output "32767 长…"
}
