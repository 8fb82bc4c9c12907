#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-report monthly: the appraisal report of the demo city's November, built from nothing with
# the tools (the city, its tickets worked and swept, volunteers and their orders, the survey,
# the appraisal), each figure checked against the tables counted apart with sqlite3 and jq.

load helper

setup_file() {
	export EX="$TOP/share/gg/examples" BARE_DB
	seed_empty
	(
		export GG_DB="$SEED_DB"
		gg-org import -f "$EX/taizhou.yaml"
		gg-ticket category import --builtin
		gg-ticket import -f "$EX/tickets-2026-11.yaml"
		sh "$EX/work.sh"
		gg-ticket escalate --due --now 2026-11-30T18:00:00+08:00
		sh "$EX/volunteers.sh"
	) >/dev/null
	# a copy with nothing appraised yet: the report must reckon it, and say so
	BARE_DB=$(copy_db "$SEED_DB" bare)
	GG_DB="$SEED_DB" sh "$EX/scores.sh" >/dev/null
	checkpoint "$SEED_DB"
}

# up: every unit with each unit above it (itself included), counted apart from gg's own views
UP="WITH RECURSIVE up (code, anc) AS (SELECT code, code FROM unit
	UNION ALL SELECT up.code, u.parent FROM up JOIN unit u ON u.code = up.anc WHERE u.parent IS NOT NULL)"
NOV_FROM=$(date -d 2026-11-01T00:00:00+08:00 +%s)
NOV_TO=$(date -d 2026-12-01T00:00:00+08:00 +%s)

monthly() {
	gg-report monthly --period 2026-11 -o json "$@"
}

@test "monthly: each community's tickets received, on time and resolved in the grid, as sqlite3 counts them" {
	fresh_db
	run -0 --separate-stderr monthly
	assert_equal "$stderr" ''
	jq -r '.communities[] | [.unit, .received, .on_time // "", .resolved_in_grid // "", .escalated_street] | @tsv' <<<"$output" |
		sort >"$BATS_TEST_TMPDIR/report"
	sql -s $'\t' "$UP
		SELECT c.code, count(t.id) FILTER (WHERE t.status NOT IN ('duplicate', 'rejected')),
		  round(100.0 * avg(CASE WHEN t.resolved_at IS NOT NULL THEN 1 - CAST(t.missed AS integer) END), 1),
		  round(100.0 * avg(CASE WHEN t.start_level = 'grid' AND t.resolved_at IS NOT NULL
		    THEN CASE WHEN t.level = 'grid' THEN 1 ELSE 0 END END), 1),
		  (SELECT count(DISTINCT e.ticket) FROM ticket_event e JOIN ticket t2 ON t2.id = e.ticket JOIN up u2 ON u2.code = t2.unit
		   WHERE u2.anc = c.code AND e.kind = 'escalated' AND e.level = 'street'
		     AND t2.reported_at >= $NOV_FROM AND t2.reported_at < $NOV_TO)
		FROM unit c LEFT JOIN up ON up.anc = c.code
		  LEFT JOIN ticket t ON t.unit = up.code AND t.reported_at >= $NOV_FROM AND t.reported_at < $NOV_TO
		WHERE c.level = 'community' GROUP BY c.code ORDER BY c.code" | sed 's/\.0\t/\t/g; s/\.0$//' >"$BATS_TEST_TMPDIR/sqlite"
	run diff "$BATS_TEST_TMPDIR/sqlite" "$BATS_TEST_TMPDIR/report"
	assert_success
	# the month's tickets all belong to some community, and the city's trend counts each once
	assert_equal "$(jq '[.communities[].received] | add' <<<"$(monthly 2>/dev/null)")" \
		"$(jq '.trend[-1].received' <<<"$(monthly 2>/dev/null)")"
}

@test "monthly: scores and ranks are the stored appraisal's, the change the difference from the period before" {
	fresh_db
	run -0 --separate-stderr monthly
	report=$output
	assert_equal "$(jq '.report | [.unit, .name, .period, .previous, .rubric, .provisional] | @tsv' -r <<<"$report")" \
		$'TZ\t泰州市\t2026-11\t2026-10\tdefault\tfalse'
	assert_equal "$(jq -r '.communities[] | [.unit, .rank, .score] | @tsv' <<<"$report" | sort)" \
		"$(sql -s $'\t' "SELECT unit, rank, total FROM appraisal
			WHERE rubric = 'default' AND period = '2026-11' AND level = 'community' ORDER BY unit")"
	assert_equal "$(jq -r '.streets[] | [.unit, .rank, .score] | @tsv' <<<"$report" | sort)" \
		"$(sql -s $'\t' "SELECT unit, rank, total FROM appraisal
			WHERE rubric = 'default' AND period = '2026-11' AND level = 'street' ORDER BY unit")"
	# the period before is October's appraisal, stored as well
	assert_equal "$(jq -r '.communities[] | [.unit, .rank_prev, .score_prev] | @tsv' <<<"$report" | sort)" \
		"$(sql -s $'\t' "SELECT unit, rank, total FROM appraisal
			WHERE rubric = 'default' AND period = '2026-10' AND level = 'community' ORDER BY unit" | sed 's/\.0$//')"
	# best first; the change is to the hundredth, its arrow its sign
	run -0 jq -e '[.communities[].rank] | . == sort' <<<"$report"
	run -0 jq -e 'all(.communities[], .streets[]; .change == ((.score - .score_prev) * 100 | round / 100)
		and .arrow == (if .change > 0 then "↑" elif .change < 0 then "↓" else "=" end))' <<<"$report"
	# the five best and the five worst, the worst first
	assert_equal "$(jq -c '[.best[].unit]' <<<"$report")" "$(jq -c '[.communities[:5][].unit]' <<<"$report")"
	assert_equal "$(jq -c '[.worst[].unit]' <<<"$report")" "$(jq -c '[.communities[-5:][].unit] | reverse' <<<"$report")"
}

@test "monthly: the Party organisations under 60% are gg-score satisfaction's, counted in their community and street" {
	fresh_db
	run -0 --separate-stderr monthly
	report=$output
	run -1 --separate-stderr gg-score satisfaction --period 2026-11 -o json
	assert_equal "$(jq -c '[.[] | select(.verdict == "listed") | .party_org]' <<<"$output")" \
		"$(jq -c '[.listed[].party_org]' <<<"$report")"
	assert_equal "$(jq -c '[.listed[].party_org]' <<<"$report")" '["P-TZ-HL-CZ-02"]'
	assert_equal "$(jq '.communities[] | select(.unit == "TZ-HL-CZ-02") | .listed' <<<"$report")" 1
	assert_equal "$(jq '.streets[] | select(.unit == "TZ-HL-CZ") | .listed' <<<"$report")" 1
	assert_equal "$(jq '[.communities[].listed] | add' <<<"$report")" 1
}

@test "monthly: the trend is twelve months to the period, and the resolution stack adds up to what was resolved" {
	fresh_db
	run -0 --separate-stderr monthly
	report=$output
	assert_equal "$(jq -r '[.trend[].period] | join(" ")' <<<"$report")" \
		"2025-12 2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11"
	assert_equal "$(jq '.trend[-1].received' <<<"$report")" \
		"$(sql "SELECT count(*) FROM ticket WHERE reported_at >= $NOV_FROM AND reported_at < $NOV_TO
			AND status NOT IN ('duplicate', 'rejected')")"
	assert_equal "$(jq '.trend[-2].received' <<<"$report")" 0
	assert_equal "$(jq '[.resolution[] | .resolved_at_grid + .resolved_at_community + .resolved_at_street
		+ .resolved_at_department] | add' <<<"$report")" \
		"$(sql "SELECT count(*) FROM ticket WHERE reported_at >= $NOV_FROM AND reported_at < $NOV_TO
			AND resolved_at IS NOT NULL")"
	assert_equal "$(jq '[.resolution[].resolved_at_community] | add' <<<"$report")" \
		"$(sql "SELECT count(*) FROM ticket WHERE reported_at >= $NOV_FROM AND reported_at < $NOV_TO
			AND resolved_at IS NOT NULL AND level = 'community'")"
}

@test "monthly: with nothing appraised it reckons the built-in rubric's, says so, marks the report, and writes nothing" {
	fresh_db "$BARE_DB"
	before=$(sql 'SELECT count(*) FROM audit')
	run -0 --separate-stderr monthly
	report=$output
	assert_equal "$(jq '.report.provisional' <<<"$report")" true
	assert_equal "${stderr_lines[0]}" "gg-report: no appraisal of the streets by the rubric 'default' is stored for 2026-11: shown is the built-in rubric's, reckoned now (the report is provisional)"
	assert_equal "$(sql 'SELECT count(*) FROM appraisal; SELECT count(*) FROM audit')" "0
$before"
	# what it reckoned is what gg-score appraise then stores
	gg-score appraise --period 2026-11 >/dev/null
	assert_equal "$(jq -r '.communities[] | [.unit, .rank, .score] | @tsv' <<<"$report" | sort)" \
		"$(sql -s $'\t' "SELECT unit, rank, total FROM appraisal WHERE level = 'community' ORDER BY unit")"
}

@test "monthly --under: the streets and communities within it, their ranks still the city's" {
	fresh_db
	run -0 --separate-stderr monthly --under TZ-HL-CZ
	report=$output
	assert_equal "$(jq -r '[.report.unit, .report.name, (.streets | length), (.communities | length)] | @tsv' <<<"$report")" \
		$'TZ-HL-CZ\t城中街道\t1\t3'
	assert_equal "$(jq -r '.communities[] | [.unit, .rank] | @tsv' <<<"$report")" \
		"$(monthly 2>/dev/null | jq -r '.communities[] | select(.street == "TZ-HL-CZ") | [.unit, .rank] | @tsv')"
	assert_equal "$(jq '.trend[-1].received' <<<"$report")" "$(jq '[.communities[].received] | add' <<<"$report")"
}

@test "monthly: tsv and csv give each section under its declared columns; TZ changes no figure" {
	fresh_db
	run -0 --separate-stderr gg-report monthly --period 2026-11 -o tsv
	assert_line --index 0 $'unit\tname\tperiod\tprevious\trubric\tprovisional\tas_of'
	assert_line 'rank	unit	name	score	change	arrow	score_prev	rank_prev	received	on_time	resolved_in_grid	resolved_in_community	first_satisfaction	escalated_street	escalated_department	volunteers_active	verified_hours	orders_done	workers_per_10000	survey_satisfaction	listed'
	assert_line $'party_org\tname\tcommunity\tresponses\trate\tlow\thigh\tverdict'
	assert_line $'period\treceived\tresolved\ton_time'
	a=$(monthly 2>/dev/null | jq -S 'del(.report.as_of)')
	b=$(TZ=America/New_York monthly 2>/dev/null | jq -S 'del(.report.as_of)')
	assert_equal "$a" "$b"
}

@test "monthly: bad periods and units are refused, nothing on stdout" {
	fresh_db
	run -64 --separate-stderr gg-report monthly
	assert_output ''
	assert_equal "${stderr_lines[0]}" 'gg-report: monthly needs --period P (2026-11, 2026-Q4, 2026-W48, 2026)'
	run -64 --separate-stderr gg-report monthly --period 2026-13
	assert_output ''
	run -65 --separate-stderr gg-report monthly --period 2026-11 --under TZ-NOPE
	assert_output ''
	assert_equal "${stderr_lines[0]}" "gg-report: --under: unknown unit 'TZ-NOPE'"
	run -64 --separate-stderr gg-report monthly --period 2026-11 --by street
	assert_output ''
}

# chrome ARGS...: headless Chromium, in a home of the test's own (Debian's chromium package,
# which make check installs; as root it needs --no-sandbox)
chrome() {
	HOME=$BATS_TEST_TMPDIR timeout 120 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
		--enable-logging=stderr --v=0 "$@"
}

@test "the html report as Chromium shows it: no console error, a bar a unit, a point a month with figures, a segment a street and level" {
	fresh_db
	monthly >"$BATS_TEST_TMPDIR/report.json" 2>/dev/null
	gg-report monthly --period 2026-11 -o html --out "$BATS_TEST_TMPDIR/report.html"
	chrome --dump-dom "file://$BATS_TEST_TMPDIR/report.html" >"$BATS_TEST_TMPDIR/dom.html" 2>"$BATS_TEST_TMPDIR/console"
	run grep -E 'CONSOLE|Uncaught|Failed to load resource' "$BATS_TEST_TMPDIR/console"
	assert_failure 1
	# each chart as the browser built it: its class, then its bars, points and segments
	run -0 python3 - "$BATS_TEST_TMPDIR/dom.html" <<'PY'
import sys
from html.parser import HTMLParser
class Charts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.charts, self.svg = [], None
    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class", "")
        if tag == "svg" and cls.startswith("chart"):
            self.svg = [cls, 0, 0, 0]
            self.charts.append(self.svg)
        elif self.svg and (tag, cls) in (("rect", "bar"), ("circle", "point"), ("rect", "seg")):
            self.svg[1 + [("rect", "bar"), ("circle", "point"), ("rect", "seg")].index((tag, cls))] += 1
    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg = None
c = Charts()
c.feed(open(sys.argv[1], encoding="utf-8").read())
for chart in c.charts:
    print(*chart, sep="\t")
PY
	r=$BATS_TEST_TMPDIR/report.json
	assert_equal "$output" "$(printf 'chart bars\t%d\t0\t0\nchart bars\t%d\t0\t0\nchart line\t0\t%d\t0\nchart stack\t0\t0\t%d' \
		"$(jq '.streets | length' "$r")" "$(jq '.communities | length' "$r")" \
		"$(jq '[.trend[] | .on_time, .resolved_in_grid, .resolved_in_community | numbers] | length' "$r")" \
		"$(jq '.resolution | length * 4' "$r")")"
	# and as a person sees it: a picture of the page
	chrome --screenshot="$BATS_TEST_TMPDIR/report.png" --window-size=1280,2400 \
		"file://$BATS_TEST_TMPDIR/report.html" >/dev/null 2>&1
	assert_equal "$(head -c 8 "$BATS_TEST_TMPDIR/report.png" | od -An -tx1 | tr -d ' \n')" 89504e470d0a1a0a
	[ "$(stat -c %s "$BATS_TEST_TMPDIR/report.png")" -gt 50000 ]
}

@test "monthly reads the figures the appraisal kept, the same figures it counts when the appraisal kept none" {
	fresh_db
	run -0 --separate-stderr monthly
	kept=$(jq -S 'del(.report.as_of)' <<<"$output")
	assert_equal "$(sql "SELECT count(*) FROM appraisal WHERE figures IS NULL")" 0
	# appraisals made by an older gg kept none: the report counts the month's tickets instead
	sql "UPDATE appraisal SET figures = NULL"
	run -0 --separate-stderr monthly
	# the same, but for the months before, whose trend only kept figures give
	assert_equal "$(jq -S 'del(.report.as_of, .trend)' <<<"$output")" "$(jq -S 'del(.trend)' <<<"$kept")"
	assert_equal "$(jq -cS '.trend[-1]' <<<"$output")" "$(jq -c '.trend[-1]' <<<"$kept")"
	assert_equal "$(jq -c '.trend[-2].received' <<<"$output")" null
	# the kept ones are what the report shows, whatever happened since: a ticket taken in late
	# changes the counted figures, not the kept ones
	fresh_db
	gg-ticket import >/dev/null <<<'{"category": "env.garbage", "title": "补录", "unit": "TZ-HL-CZ-01-G01",
		"reported_at": "2026-11-20T09:00:00+08:00"}'
	run -0 --separate-stderr gg-score metrics --period 2026-11 --unit TZ-HL-CZ-01 -o json
	assert_equal "$(jq '.[0].received' <<<"$output")" \
		"$(($(jq '.communities[] | select(.unit == "TZ-HL-CZ-01") | .received' <<<"$kept") + 1))"
	run -0 --separate-stderr monthly
	assert_equal "$(jq '.communities[] | select(.unit == "TZ-HL-CZ-01") | .received' <<<"$output")" \
		"$(jq '.communities[] | select(.unit == "TZ-HL-CZ-01") | .received' <<<"$kept")"
	assert_equal "$(jq -S '.trend[-1]' <<<"$output")" "$(jq '.trend[-1]' <<<"$kept")"
}

@test "monthly: the trend sums the months the communities' appraisals kept, the on-time share of their counts" {
	fresh_db
	run -0 --separate-stderr monthly
	report=$output
	# November: the communities' counts summed, and the share worked out from the sums
	assert_equal "$(jq -c '.trend[-1]' <<<"$report")" "$(jq -c '{period: "2026-11",
		received: ([.communities[].received] | add), resolved: ([.communities[].resolved] | add),
		on_time: (([.communities[].resolved_on_time] | add) * 1000 / ([.communities[].resolved] | add) | round / 10)}' <<<"$report")"
	# October appraised with nothing in it; September and before never appraised: nothing shown
	assert_equal "$(jq -c '.trend[-2]' <<<"$report")" '{"period":"2026-10","received":0,"resolved":0,"on_time":null}'
	assert_equal "$(jq -c '.trend[-3]' <<<"$report")" '{"period":"2026-09","received":null,"resolved":null,"on_time":null}'
}

@test "the same month's burden audit: its exact findings, each the demand gg-org keeps, and October's counts" {
	fresh_db
	run -1 --separate-stderr gg-report burden --period 2026-11 -o json
	audit=$output
	# the demo city's demands of November (share/gg/examples/taizhou.yaml): one finding of each
	# rule, two demands of a negative-list duty, and one inspection past the yearly cap
	assert_equal "$(jq -r '.findings[] | "\(.rule) \(.community) \(.demand)"' <<<"$audit")" "$(printf '%s\n' \
		'unapproved TZ-HL-CD-01 8' 'unapproved TZ-HL-CZ-01 5' 'negative_list TZ-HL-CZ-02 6' \
		'negative_list TZ-HL-CZ-02 7' 'unfunded TZ-HL-CD-02 11' 'inspections TZ-HL-CZ-02 7' \
		'repeated_field TZ-HL-CZ-01 5' 'repeated_field TZ-HL-CZ-01 5' 'signboard TZ-GG-KA-02 10')"
	# each names its demand as gg-org keeps it: community, department, title and date
	jq -r '.findings[] | [.demand, .community, .department, .title, .date] | @tsv' <<<"$audit" | sort -u \
		>"$BATS_TEST_TMPDIR/found"
	sql -s $'\t' "SELECT id, unit, department, title, date FROM demand
		WHERE id IN ($(jq -r '[.findings[].demand] | unique | join(",")' <<<"$audit")) ORDER BY id" |
		sort >"$BATS_TEST_TMPDIR/kept"
	run diff "$BATS_TEST_TMPDIR/kept" "$BATS_TEST_TMPDIR/found"
	assert_success
	# 一次提交: the data request 5 asks again for two fields that 4 asked for first
	assert_equal "$(jq -c '[.findings[] | select(.rule == "repeated_field") | .figures.field]' <<<"$audit")" '["姓名","身份证号"]'
	assert_equal "$(jq -c '[.counts[] | [.rule, .before, .after, .change_pct]]' <<<"$audit")" \
		'[["unapproved",1,2,100],["negative_list",0,2,null],["unfunded",0,1,null],["inspections",0,1,null],["repeated_field",0,2,null],["signboard",0,1,null]]'
}

@test "monthly: a community appraised by nobody ranks last, out of the best five; two cities need --under" {
	fresh_db
	gg-org unit add --code TZ-GG-DP-04 --name 新社区 --level community --parent TZ-GG-DP >/dev/null
	# the appraisal's own figures are of the communities it appraised; counted now, every one
	run -0 --separate-stderr monthly
	assert_equal "$(jq '[.communities[] | select(.unit == "TZ-GG-DP-04")] | length' <<<"$output")" 0
	sql "UPDATE appraisal SET figures = NULL"
	run -0 --separate-stderr monthly
	assert_equal "$(jq -c '.communities[-1] | [.unit, .rank, .score]' <<<"$output")" '["TZ-GG-DP-04",null,null]'
	assert_equal "$(jq -c '[.best[].rank]' <<<"$output")" '[1,2,3,4,5]'
	assert_equal "$(jq -c '.worst[0].rank' <<<"$output")" 12
	gg-org unit add --code AA --name 另一市 --level city >/dev/null
	run -64 --separate-stderr monthly
	assert_output ''
	assert_equal "${stderr_lines[0]}" 'gg-report: the database holds more than one city (AA, TZ): name one with --under'
	run -0 --separate-stderr monthly --under TZ
}

@test "monthly --rubric NAME: only what that rubric stored, never the built-in one in its place" {
	fresh_db
	run -65 --separate-stderr monthly --rubric nosuch
	assert_output ''
	assert_equal "${stderr_lines[-1]}" "gg-report: no appraisal by the rubric 'nosuch' is stored for 2026-11 (gg-score rank --period 2026-11 lists those that are)"
	sed 's/^name: default/name: harsh/' "$TOP/share/gg/rubrics/default.yaml" >"$BATS_TEST_TMPDIR/harsh.yaml"
	gg-score appraise --period 2026-11 --rubric "$BATS_TEST_TMPDIR/harsh.yaml" >/dev/null
	run -0 --separate-stderr monthly --rubric harsh
	# November's communities scored by it, October's by nothing: no change, and the streets no score
	assert_equal "$(jq -c '[.communities[] | select(.score == null or .score_prev != null)] | length' <<<"$output")" 0
	assert_equal "$(jq -c '[.streets[].score] | unique' <<<"$output")" '[null]'
	assert_equal "$(jq -r .report.rubric <<<"$output")" harsh
}
