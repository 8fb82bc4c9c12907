#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The time contract: days, weekends, holidays and periods are the calendar's (Asia/Shanghai,
# +08:00), whatever TZ says, and TZ only changes how times are printed; the calendar has a file
# a year, and a deadline past its years warns and is marked; ticket_local is at +08:00.

load helper

setup_file() {
	seed_catalogue
}

# in_zone TZ: the night and weekend tickets taken in, then swept on 10 December, with TZ set
# for both; prints the path of the database it did that in
in_zone() {
	local db
	db=$(seed_copy "$(tr / _ <<<"$1")")
	TZ=$1 GG_DB=$db gg-ticket import -f "$FIX/night-weekend.yaml" >/dev/null
	TZ=$1 GG_DB=$db GG_NOW=2026-12-10T00:00:00+08:00 gg-ticket escalate --due >/dev/null
	echo "$db"
}

# clocks DB: every ticket's times as the store keeps them (seconds), and every event
clocks() {
	sql_db "$1" "SELECT external_id, level, reported_at, level_at, respond_by, due_at, due_base FROM ticket ORDER BY id;
		SELECT ticket, at, kind, level, data FROM ticket_event ORDER BY id"
}

@test "working days are counted in the calendar's zone: the same tickets get the same deadlines under any TZ" {
	sh=$(in_zone Asia/Shanghai)
	# Friday 23:30 is a working day: 3wd on is Wednesday 23:30, then street 5wd and department
	# 10wd from each deadline missed; Saturday 02:00 and Sunday 23:59 are days off: counting
	# starts when Monday begins, and a hotline's "2026/11/28 02:00" is Beijing time
	run -0 env TZ=Asia/Shanghai GG_DB="$sh" gg-ticket history 1 -o json
	assert_equal "$(jq -c '[.[] | select(.kind == "escalated") | .data.missed]' <<<"$output")" \
		'["2026-12-02T23:30:00+08:00","2026-12-09T23:30:00+08:00"]'
	run -0 env TZ=Asia/Shanghai GG_DB="$sh" gg-ticket list -o json
	assert_equal "$(jq -c '[.[] | [.external_id, .level, .due_at]]' <<<"$output")" \
		'[["N-FRI","department","2026-12-23T23:30:00+08:00"],["N-SAT","department","2026-12-24T00:00:00+08:00"],["N-SUN","department","2026-12-24T00:00:00+08:00"],["N-EXP","department","2026-12-24T00:00:00+08:00"]]'
	for tz in UTC America/New_York; do
		db=$(in_zone "$tz")
		assert_equal "$(clocks "$db")" "$(clocks "$sh")"
	done
	# TZ changes only how they are printed
	run -0 env TZ=America/New_York GG_DB="$sh" gg-ticket show 1 -o ndjson
	assert_equal "$(jq -r .due_at <<<"$output")" 2026-12-23T10:30:00-05:00
}

@test "an unknown TZ is warned about once and times are printed in the calendar's zone" {
	sh=$(in_zone Asia/Shanghai)
	run -0 --separate-stderr env TZ=Asia/Shanghai GG_DB="$sh" gg-ticket list -o json
	want=$output
	assert_equal "$stderr" ''
	run -0 --separate-stderr env TZ=Mars/Olympus GG_DB="$sh" gg-ticket list -o json
	assert_equal "$output" "$want"
	assert_equal "$stderr" \
		"gg-ticket: unknown time zone 'Mars/Olympus' (TZ): times are printed in the calendar's zone, Asia/Shanghai (+08:00)"
	run -0 --separate-stderr env TZ=Mars/Olympus GG_DB="$sh" gg-ticket history 4 -o json
	history=$output
	run -0 env TZ=Asia/Shanghai GG_DB="$sh" gg-ticket history 4 -o json
	assert_equal "$history" "$output"
	# and what is taken in and swept under it is what Shanghai gets
	mars=$(in_zone Mars/Olympus 2>/dev/null)
	assert_equal "$(clocks "$mars")" "$(clocks "$sh")"
}

@test "periods, dates and times without an offset are the calendar's, whatever TZ says" {
	gg-ticket import -f "$FIX/night-weekend.yaml" >/dev/null
	gg-ticket import >/dev/null <<'EOF'
- {external_id: P-NOV, category: care.assistance, title: 十一月第一刻, unit: TZ-HL-CZ-01-G02, reported_at: "2026-11-01T00:30:00+08:00"}
- {external_id: P-MON, category: care.assistance, title: 第四十九周, unit: TZ-HL-CZ-01-G02, reported_at: "2026-11-30T00:30:00+08:00"}
- {external_id: P-DEC, category: care.assistance, title: 十二月第一刻, unit: TZ-HL-CZ-01-G02, reported_at: "2026-12-01T00:30:00+08:00"}
EOF
	for tz in Asia/Shanghai UTC America/New_York Mars/Olympus; do
		run -0 --separate-stderr env TZ=$tz gg-ticket list --period 2026-11 -o json
		assert_equal "$(jq -c 'map(.external_id)' <<<"$output")" '["N-FRI","N-SAT","N-SUN","N-EXP","P-NOV","P-MON"]'
		run -0 --separate-stderr env TZ=$tz gg-ticket list --period 2026-W48 -o json
		assert_equal "$(jq -c 'map(.external_id)' <<<"$output")" '["N-FRI","N-SAT","N-SUN","N-EXP"]'
		run -0 --separate-stderr env TZ=$tz gg-ticket list --from 2026-11-29 --to 2026-11-30 -o json
		assert_equal "$(jq -c 'map(.external_id)' <<<"$output")" '["N-SUN"]'
	done
	# --now and a reported_at without an offset are Beijing time too
	run -0 env TZ=UTC GG_NOW=2026-11-26T10:00:00 gg-ticket new --category env.garbage --title 无时区 --unit TZ-HL-CZ-01-G01 -o json
	id=$(jq -r .id <<<"$output")
	assert_equal "$(sql "SELECT reported_at - $(date -d 2026-11-26T10:00:00+08:00 +%s) FROM ticket WHERE id = $id")" 0
	assert_equal "$(sql "SELECT count(DISTINCT reported_at) FROM ticket WHERE external_id IN ('N-SAT', 'N-EXP')")" 1
}

@test "2025 is shipped: its Spring Festival and National Day are days off, its make-up days working days" {
	# Friday 24 January 2025 + 3wd: Sunday 26th (调休) and Monday 27th work, 28 January to
	# 4 February is the Spring Festival, so the third is Wednesday 5 February
	run -0 --separate-stderr env GG_NOW=2025-01-24T10:00:00+08:00 \
		gg-ticket new --category care.assistance --title 春节前求助 --unit TZ-HL-CZ-01-G01 -o json
	assert_equal "$(jq -c '[.due_at, .provisional_deadline]' <<<"$output")" '["2025-02-05T10:00:00+08:00",null]'
	assert_equal "$stderr" ''
	# Tuesday 30 September + 3wd: 1–8 October are off; Thursday 9th, Friday 10th, Saturday 11th (调休)
	run -0 --separate-stderr env GG_NOW=2025-09-30T10:00:00+08:00 \
		gg-ticket new --category care.assistance --title 国庆前求助 --unit TZ-HL-CZ-01-G01 -o json
	assert_equal "$(jq -r .due_at <<<"$output")" 2025-10-11T10:00:00+08:00
	assert_equal "$stderr" ''
}

@test "a deadline counted past the calendar's years warns on stderr every time and marks the ticket" {
	msg="gg-ticket: the holiday calendar has no 2027 (it covers 2025, 2026): working days there are counted with weekends only, and tickets given such a deadline are marked provisional_deadline (to add the year, see gg-ticket(1))"
	# Wednesday 30 December + 3wd: Thursday 31st, then 2027, of which only weekends are known
	export GG_NOW=2026-12-30T10:00:00+08:00
	run -0 --separate-stderr gg-ticket new --category care.assistance --title 跨年求助 --unit TZ-HL-CZ-01-G01 -o json
	assert_equal "$(jq -c '[.due_at, .provisional_deadline]' <<<"$output")" '["2027-01-04T10:00:00+08:00",true]'
	assert_equal "$stderr" "$msg"
	# an import says it once, and marks every such ticket
	run -0 --separate-stderr gg-ticket import -o json <<'EOF'
- {external_id: Y-1, category: care.assistance, title: 甲, unit: TZ-HL-CZ-01-G01}
- {external_id: Y-2, category: care.school, title: 乙, unit: TZ-HL-CZ-01-G01}
- {external_id: Y-3, category: env.garbage, title: 丙, unit: TZ-HL-CZ-01-G01}
EOF
	assert_equal "$stderr" "$msg"
	run -0 gg-ticket list --status open -o json
	assert_equal "$(jq -c 'map([.external_id, .provisional_deadline])' <<<"$output")" \
		'[[null,true],["Y-1",true],["Y-2",true],["Y-3",null]]'
	assert_equal "$(sql 'SELECT count(*) FROM ticket WHERE CAST(provisional_deadline AS integer) = 1')" 3
	# the sweep: env.garbage climbs past grid (24h) and community (48h) to the street's 3wd,
	# counted from Saturday 2 January 2027 10:00, a day off: from Monday, weekends only known
	run -0 --separate-stderr env GG_NOW=2027-01-02T12:00:00+08:00 gg-ticket escalate --due -o json
	assert_equal "$stderr" "$msg"
	assert_equal "$(jq -c 'map([.external_id, .level, .due_at, .provisional_deadline])' <<<"$output")" \
		'[["Y-3","street","2027-01-07T00:00:00+08:00",true]]'
	# a ticket before the first year too
	run -0 --separate-stderr env GG_NOW=2024-12-27T10:00:00+08:00 \
		gg-ticket new --category care.assistance --title 早年求助 --unit TZ-HL-CZ-01-G01 -o json
	# Friday 27 December 2024 + 3wd: Monday 30th, Tuesday 31st, then 2025's New Year's Day is off
	assert_equal "$(jq -c '[.due_at, .provisional_deadline]' <<<"$output")" '["2025-01-02T10:00:00+08:00",true]'
	assert_equal "$stderr" "${msg//2027/2024}"
}

@test "calendar check exits 1 naming the years missing when today and the days ahead are not covered" {
	run -1 gg-ticket calendar check -o json
	assert_equal "$(jq -c '[.zone, .offset, .from, .to, .covered, .missing]' <<<"$output")" \
		'["Asia/Shanghai","+08:00","2026-11-26","2027-02-24",[2025,2026],[2027]]'
	run -0 gg-ticket calendar check --ahead 30d -o json
	assert_equal "$(jq -c '[.to, .missing]' <<<"$output")" '["2026-12-26",[]]'
	run -0 env GG_NOW=2026-06-01T10:00:00+08:00 gg-ticket calendar check
	run -1 env GG_NOW=2024-12-31T10:00:00+08:00 gg-ticket calendar check -o json
	assert_equal "$(jq -c .missing <<<"$output")" '[2024]'
	run -64 gg-ticket calendar check --ahead soon
	assert_output --partial "--ahead takes a duration"
	run -64 gg-ticket calendar check 2027
}

@test "calendar-check.sh, for cron each week: silent while the next 90 days are covered, else what is missing" {
	run -0 env GG_NOW=2026-06-01T10:00:00+08:00 "$TOP/share/gg/cron/calendar-check.sh"
	assert_output ''
	run -0 env GG_AHEAD=30d "$TOP/share/gg/cron/calendar-check.sh"
	assert_output ''
	run -1 "$TOP/share/gg/cron/calendar-check.sh"
	assert_line -n 7 'missing:'
	assert_line -n 8 -- '- 2027'
	assert_output --partial 'see gg-ticket(1), THE HOLIDAY CALENDAR'
}

@test "GG_CALENDAR may name a directory of one file a year: adding 2027 makes its deadlines firm" {
	dir=$BATS_TEST_TMPDIR/calendar
	mkdir "$dir"
	cp "$TOP"/share/gg/calendar/*.yaml "$dir"/
	# a test year, not the State Council's: New Year's Day and the weekend after it off
	cat >"$dir/cn-2027.yaml" <<'EOF'
year: 2027
zone: Asia/Shanghai
offset: "+08:00"
holidays:
  - {name: 元旦（测试）, from: 2027-01-01, to: 2027-01-03}
workdays: []
EOF
	export GG_CALENDAR=$dir GG_NOW=2026-12-30T10:00:00+08:00
	run -0 --separate-stderr gg-ticket new --category care.assistance --title 跨年求助 --unit TZ-HL-CZ-01-G01 -o json
	assert_equal "$(jq -c '[.due_at, .provisional_deadline]' <<<"$output")" '["2027-01-05T10:00:00+08:00",null]'
	assert_equal "$stderr" ''
	run -0 gg-ticket calendar check -o json
	assert_equal "$(jq -c '[.covered, .missing]' <<<"$output")" '[[2025,2026,2027],[]]'
}

@test "a calendar in another zone counts days there; files in two zones, or with no year, are refused" {
	cat >"$BATS_TEST_TMPDIR/ist.yaml" <<'EOF'
year: 2026
zone: Asia/Kolkata
offset: "+05:30"
holidays: []
EOF
	# Saturday 02:00 in Beijing is Friday 23:30 in Kolkata: a working day there
	run -0 env GG_CALENDAR="$BATS_TEST_TMPDIR/ist.yaml" GG_NOW=2026-11-28T02:00:00+08:00 \
		gg-ticket new --category care.assistance --title 时区 --unit TZ-HL-CZ-01-G01 -o json
	assert_equal "$(jq -r .due_at <<<"$output")" 2026-12-03T02:00:00+08:00
	run -0 --separate-stderr env GG_CALENDAR="$BATS_TEST_TMPDIR/ist.yaml" TZ=Mars/Olympus gg-ticket show 1 -o ndjson
	assert_equal "$(jq -r .due_at <<<"$output")" 2026-12-02T23:30:00+05:30
	before=$(digest)
	mkdir "$BATS_TEST_TMPDIR/two"
	cp "$TOP/share/gg/calendar/cn-2026.yaml" "$BATS_TEST_TMPDIR/two/a.yaml"
	cp "$BATS_TEST_TMPDIR/ist.yaml" "$BATS_TEST_TMPDIR/two/b.yaml"
	run -65 env GG_CALENDAR="$BATS_TEST_TMPDIR/two" gg-ticket new --category care.assistance --title x --unit TZ-HL-CZ-01-G01
	assert_output "gg-ticket: $BATS_TEST_TMPDIR/two/b.yaml:2: zone: 'Asia/Kolkata', where $BATS_TEST_TMPDIR/two/a.yaml:8 says 'Asia/Shanghai': the calendar's files count in one zone"
	printf 'year: 2026\nzone: Asia/Shanghai\n' >"$BATS_TEST_TMPDIR/nooff.yaml"
	run -65 env GG_CALENDAR="$BATS_TEST_TMPDIR/nooff.yaml" gg-ticket list
	assert_output "gg-ticket: $BATS_TEST_TMPDIR/nooff.yaml:2: a calendar names its zone and that zone's offset from UTC, e.g. zone: Asia/Shanghai and offset: \"+08:00\""
	printf 'holidays: []\n' >"$BATS_TEST_TMPDIR/noyear.yaml"
	run -65 env GG_CALENDAR="$BATS_TEST_TMPDIR/noyear.yaml" gg-ticket new --category care.assistance --title x --unit TZ-HL-CZ-01-G01
	assert_output "gg-ticket: $BATS_TEST_TMPDIR/noyear.yaml:1:1: year: a calendar file names the year it covers (year: 2027)"
	assert_equal "$(digest)" "$before"
}

@test "ticket_local shows times at +08:00 whatever the host's zone, with street, community and start level" {
	gg-ticket import -f "$FIX/night-weekend.yaml" >/dev/null
	TZ=America/New_York run -0 sql "SELECT external_id, street, community, unit, start_level, reported_at,
		due_at, accepted_at, CAST(provisional_deadline AS integer) FROM ticket_local ORDER BY id"
	assert_output - <<'EOF'
N-FRI|TZ-HL-CZ|TZ-HL-CZ-01|TZ-HL-CZ-01-G01|community|2026-11-27T23:30:00+08:00|2026-12-02T23:30:00+08:00||0
N-SAT|TZ-HL-CZ|TZ-HL-CZ-01|TZ-HL-CZ-01-G01|community|2026-11-28T02:00:00+08:00|2026-12-03T00:00:00+08:00||0
N-SUN|TZ-HL-CZ|TZ-HL-CZ-01|TZ-HL-CZ-01-G01-B03|community|2026-11-29T23:59:00+08:00|2026-12-03T00:00:00+08:00||0
N-EXP|TZ-HL-CZ|TZ-HL-CZ-01|TZ-HL-CZ-01-G02|community|2026-11-28T02:00:00+08:00|2026-12-03T00:00:00+08:00||0
EOF
}
