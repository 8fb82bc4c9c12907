#!/usr/bin/env bats
# The time contract: days, weekends, holidays and periods are the calendar's (Asia/Shanghai,
# +08:00), whatever TZ says, and TZ only changes how times are printed.

load helper

setup_file() {
	seed "$FIX/city.yaml"
	GG_DB="$SEED_DB" gg-ticket category import --builtin >/dev/null
}

# in_zone TZ: the night and weekend tickets taken in, then swept on 10 December, with TZ set
# for both; prints the path of the database it did that in
in_zone() {
	local db
	db="$BATS_TEST_TMPDIR/$(tr / _ <<<"$1").db"
	cp "$SEED_DB" "$db"
	TZ=$1 GG_DB=$db gg-ticket import -f "$FIX/night-weekend.yaml" >/dev/null
	TZ=$1 GG_DB=$db GG_NOW=2026-12-10T00:00:00+08:00 gg-ticket escalate --due >/dev/null
	echo "$db"
}

# clocks DB: every ticket's times as the store keeps them (seconds), and every event
clocks() {
	sqlite3 "$1" "SELECT external_id, level, reported_at, level_at, respond_by, due_at, due_base FROM ticket ORDER BY id;
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
	run -0 env TZ=America/New_York GG_DB="$sh" gg-ticket show 1 -o json
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
	assert_equal "$(sqlite3 "$GG_DB" "SELECT reported_at - unixepoch('2026-11-26T10:00:00+08:00') FROM ticket WHERE id = $id")" 0
	assert_equal "$(sqlite3 "$GG_DB" "SELECT count(DISTINCT reported_at) FROM ticket WHERE external_id IN ('N-SAT', 'N-EXP')")" 1
}

@test "a calendar in another zone counts days there; files in two zones are refused" {
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
	run -0 --separate-stderr env GG_CALENDAR="$BATS_TEST_TMPDIR/ist.yaml" TZ=Mars/Olympus gg-ticket show 1 -o json
	assert_equal "$(jq -r .due_at <<<"$output")" 2026-12-02T23:30:00+05:30
	before=$(digest)
	mkdir "$BATS_TEST_TMPDIR/two"
	cp "$TOP/share/gg/calendar/cn-2026.yaml" "$BATS_TEST_TMPDIR/two/a.yaml"
	cp "$BATS_TEST_TMPDIR/ist.yaml" "$BATS_TEST_TMPDIR/two/b.yaml"
	run -65 env GG_CALENDAR="$BATS_TEST_TMPDIR/two" gg-ticket new --category care.assistance --title x --unit TZ-HL-CZ-01-G01
	assert_output "gg-ticket: $BATS_TEST_TMPDIR/two/b.yaml:2: zone: 'Asia/Kolkata', where $BATS_TEST_TMPDIR/two/a.yaml:7 says 'Asia/Shanghai': the calendar's files count in one zone"
	printf 'year: 2026\nzone: Asia/Shanghai\n' >"$BATS_TEST_TMPDIR/nooff.yaml"
	run -65 env GG_CALENDAR="$BATS_TEST_TMPDIR/nooff.yaml" gg-ticket list
	assert_output "gg-ticket: $BATS_TEST_TMPDIR/nooff.yaml:2: a calendar names its zone and that zone's offset from UTC, e.g. zone: Asia/Shanghai and offset: \"+08:00\""
	assert_equal "$(digest)" "$before"
}
