#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-volunteer's service days on the test city: one Saturday with ten places and twelve who
# want them, check-ins, a no-show and check-outs whose minutes the hours ledger gets, worked
# out here; overlapping sign-ups, steps out of order and bad activities refused with nothing
# written; a Saturday made a working day (调休) warns.

load helper

# Twelve volunteers V01..V12 living in 东进社区 and its help team, in the seed.
setup_file() {
	seed "$FIX/city.yaml"
	local i recs=''
	for i in $(seq -w 1 12); do
		recs+="- {person: V$i, name: 志愿者$i, home_community: TZ-HL-CZ-01}"$'\n'
	done
	GG_DB="$SEED_DB" gg-volunteer add - <<<"$recs" >/dev/null
	GG_DB="$SEED_DB" gg-volunteer team add --code T-ZL --name 助老服务队 --kind help_services \
		--community TZ-HL-CZ-01 >/dev/null
	GG_DB="$SEED_DB" gg-volunteer team add --code T-PZ --name 坡子街文化队 --kind culture \
		--community TZ-HL-CZ-02 >/dev/null
	checkpoint "$SEED_DB"
}

setup() {
	fresh_db
}

# The Saturday: 2026-11-28, 09:00 to 11:30, ten places.
saturday() {
	gg-volunteer activity add --community TZ-HL-CZ-01 --date 2026-11-28 --hours 09:00-11:30 \
		--capacity 10 --kind help_services --team T-ZL --title 周六助老服务 >/dev/null
}

at() {
	echo "2026-11-28T$1:00+08:00"
}

@test "a Saturday: 12 sign-ups for 10 places, check-ins, a no-show, check-outs into the ledger" {
	saturday
	run -0 gg-volunteer activity show 1 -o json
	assert_equal "$(jq -c '.[0] | [.community, .date, .hours, .capacity, .team, .status, .taken]' <<<"$output")" \
		'["TZ-HL-CZ-01","2026-11-28","09:00-11:30",10,"T-ZL","open",0]'
	for i in 01 02 03 04 05 06 07 08 09 10; do
		run -0 gg-volunteer activity signup 1 V$i -o json
		assert_equal "$(jq -r '.[0].status' <<<"$output")" signed
	done
	BEFORE=$(digest)
	refused gg-volunteer 'activity 1 (周六助老服务) is full: its 10 places are taken' activity signup 1 V11
	refused gg-volunteer 'activity 1 (周六助老服务) is full: its 10 places are taken' activity signup 1 V12
	assert_equal "$(sql "SELECT count(*) FROM signup WHERE activity = 1")" 10
	run -0 gg-volunteer activity show 1 -o json
	assert_equal "$(jq '.[0].taken' <<<"$output")" 10

	# check-ins as the organiser writes them down that evening
	export GG_NOW=2026-11-28T20:00:00+08:00
	declare -A in=([V01]=08:55 [V02]=08:55 [V03]=08:55 [V04]=09:00 [V05]=09:00 [V06]=09:10 [V07]=09:30 [V08]=10:00 [V09]=09:00)
	for v in "${!in[@]}"; do
		run -0 gg-volunteer activity checkin 1 "$v" --at "$(at "${in[$v]}")"
	done
	# V10 did not come: marked once the activity has begun
	run -0 gg-volunteer activity noshow 1 V10 --now "$(at 09:40)" -o json
	assert_equal "$(jq -r '.[0].status' <<<"$output")" noshow

	# check-outs: on time, early, after the end (capped), and one at the organiser's now
	declare -A out=([V01]=11:30 [V02]=11:00 [V03]=12:15 [V06]=11:45 [V07]=10:45 [V09]=11:30)
	for v in "${!out[@]}"; do
		run -0 gg-volunteer activity checkout 1 "$v" --at "$(at "${out[$v]}")" -o json
		assert_equal "$(jq '.[0].minutes' <<<"$output")" "$(served "${in[$v]}" "${out[$v]}")"
	done
	run -0 gg-volunteer activity checkout 1 V08 --now 2026-11-28T11:20:40+08:00
	out[V08]=11:20

	# the ledger: one service row a check-out, on the activity's community, day and team
	want=''
	total=0
	for v in $(printf '%s\n' "${!out[@]}" | sort); do
		m=$(served "${in[$v]}" "${out[$v]}")
		want+="$v|$m"$'\n'
		total=$((total + m))
	done
	run -0 sql "SELECT volunteer, minutes FROM service WHERE entry = 'service' AND activity = 1 AND community = 'TZ-HL-CZ-01' AND date = '2026-11-28' AND team = 'T-ZL' ORDER BY volunteer"
	assert_output "${want%$'\n'}"
	# 150 + 125 + 150 (capped: out at 12:15) + 140 (capped: in at 09:10, out after the end) + 75 + 80 + 150
	assert_equal "$total" 870
	assert_equal "$(sql 'SELECT sum(minutes), count(*) FROM service')" "$total|7"

	run -0 gg-volunteer activity signups 1 -o tsv
	assert_equal "$(tail -n +2 <<<"$output" | cut -f4 | sort | uniq -c | awk '{print $2 "=" $1}' | paste -sd' ')" \
		'checked_in=2 done=7 noshow=1'
	# an unknown activity among those asked for: nothing printed
	BEFORE=$(digest)
	refused gg-volunteer 'no activity 7' activity signups 1 7
	# the no-shows a match reads (activity/noshows.sql, or the PostgreSQL store's own)
	q=$TOP/share/gg/queries/activity/noshows.sql
	if on_pg && [ -f "${q%.sql}.pg.sql" ]; then q=${q%.sql}.pg.sql; fi
	run -0 sql "$(grep -v '^--' "$q" | sed "s/:volunteer/'V10'/; s/:from/NULL/g; s/:to/NULL/g")"
	assert_output '1|0|1'
}

@test "the sign-up steps are audited, one row each" {
	saturday
	rows=$(sql 'SELECT count(*) FROM audit')
	gg-volunteer activity signup 1 V01 V02 >/dev/null
	export GG_NOW=2026-11-28T20:00:00+08:00
	gg-volunteer activity checkin 1 V01 --at "$(at 09:00)" >/dev/null
	gg-volunteer activity checkout 1 V01 --at "$(at 10:00)" >/dev/null
	gg-volunteer activity cancel 1 V02 >/dev/null
	run -0 sql "SELECT $(jx change '$.op'), $(jx change '$.volunteer') FROM audit WHERE id > $rows AND $(jx change '$.kind') = 'signup' ORDER BY id"
	assert_output $'signup|V01\nsignup|V02\ncheckin|V01\ncheckout|V01\ncancel|V02'
	# the ledger row the check-out appended is audited too
	assert_equal "$(sql "SELECT count(*) FROM audit WHERE id > $rows AND $(jx change '$.kind') = 'service'")" 1
}

@test "overlapping sign-ups are refused, naming the other activity; hours that only touch are not" {
	saturday
	gg-volunteer activity add --community TZ-HL-CZ-02 --date 2026-11-28 --hours 11:00-12:00 --capacity 5 \
		--kind culture --title 文艺宣传 >/dev/null
	gg-volunteer activity add --community TZ-HL-CZ-02 --date 2026-11-28 --hours 11:30-12:30 --capacity 5 \
		--kind culture --title 政策宣讲 >/dev/null
	gg-volunteer activity signup 1 V01 V02 >/dev/null
	BEFORE=$(digest)
	refused gg-volunteer "'V01' cannot sign up for activity 2 at 11:00-12:00 on 2026-11-28: they hold a sign-up for activity 1 (周六助老服务) at 09:00-11:30 that day" \
		activity signup 2 V01
	# one refused, none written
	refused gg-volunteer "'V02' cannot sign up for activity 2 at 11:00-12:00 on 2026-11-28: they hold a sign-up for activity 1 (周六助老服务) at 09:00-11:30 that day" \
		activity signup 2 V03 V02
	run -0 gg-volunteer activity signup 3 V01
	# a sign-up withdrawn holds no hours
	run -0 gg-volunteer activity cancel 1 V02
	run -0 gg-volunteer activity signup 2 V02 -o json
	assert_equal "$(jq -r '.[0].status' <<<"$output")" signed
}

@test "check-out before check-in is refused, and times off the activity's day" {
	saturday
	gg-volunteer activity signup 1 V01 V02 >/dev/null
	BEFORE=$(digest)
	refused gg-volunteer "'V01' cannot check out of activity 1: they have not checked in" \
		activity checkout 1 V01 --at "$(at 11:00)"
	refused gg-volunteer "a check-in now, 2026-11-26T10:00:00+08:00, is not on the day of activity 1, 2026-11-28: give the time with --at TIME" \
		activity checkin 1 V01
	refused gg-volunteer "a check-in at 2026-11-28T09:00:00+08:00 is later than now: record it once it has happened" \
		activity checkin 1 V01 --at "$(at 09:00)"
	export GG_NOW=2026-11-29T20:00:00+08:00
	refused gg-volunteer "a check-in at 2026-11-29T09:00:00+08:00 is not on the day of activity 1, 2026-11-28" \
		activity checkin 1 V01 --at 2026-11-29T09:00:00+08:00
	gg-volunteer activity checkin 1 V01 --at "$(at 09:15)" >/dev/null
	BEFORE=$(digest)
	refused gg-volunteer "'V01' cannot check out of activity 1 at 09:00: they checked in at 09:15" \
		activity checkout 1 V01 --at "$(at 09:00)"
	refused gg-volunteer "'V01' cannot check in at activity 1: they checked in at 09:15" \
		activity checkin 1 V01 --at "$(at 09:20)"
	refused gg-volunteer "'V01' cannot withdraw from activity 1: they checked in at 09:15" activity cancel 1 V01
	refused gg-volunteer "'V03' cannot check in at activity 1: they have not signed up" \
		activity checkin 1 V03 --at "$(at 09:20)"
	refused gg-volunteer "activity 1 begins at 2026-11-28T09:00:00+08:00: a no-show is marked once it has begun" \
		activity noshow 1 V02 --now 2026-11-28T08:30:00+08:00
	refused gg-volunteer "no activity 9" activity signup 9 V01
	refused gg-volunteer "no volunteer 'W0001'" activity signup 1 W0001
	run -64 --separate-stderr gg-volunteer activity signup 1 V03 --at "$(at 09:00)"
	assert_equal "${stderr_lines[0]}" "gg-volunteer: signup takes no --at: its time is now (--now)"
	run -64 --separate-stderr gg-volunteer activity checkin x V03
	assert_equal "${stderr_lines[0]}" "gg-volunteer: 'x' is not an activity id"
	assert_equal "$(digest)" "$BEFORE"
}

@test "an activity on 2026-02-14, a Saturday made a working day, warns once and is kept" {
	run -0 --separate-stderr gg-volunteer activity add --community TZ-HL-CZ-01 --date 2026-02-14 \
		--hours 09:00-11:00 --capacity 5 --kind charity --title 春节慰问 -o json
	assert_equal "$stderr" "gg-volunteer: 2026-02-14 is a Saturday made a working day (调休): in-service Party members work that day, and their Saturday service does not apply"
	assert_equal "$(jq -r .date <<<"$output")" 2026-02-14
	# a plain Saturday, a Saturday in the Spring Festival holiday and a Friday: no warning
	for d in 2026-02-07 2026-02-21 2026-02-13; do
		run -0 --separate-stderr gg-volunteer activity add --community TZ-HL-CZ-01 --date $d \
			--hours 09:00-11:00 --capacity 5 --kind charity --title 慰问
		assert_equal "$stderr" ""
	done
	# a day moved onto one: the same warning
	run -0 --separate-stderr gg-volunteer activity set 2 --date 2026-10-10
	assert_equal "$stderr" "gg-volunteer: 2026-10-10 is a Saturday made a working day (调休): in-service Party members work that day, and their Saturday service does not apply"
	# several in one command: once a day
	run -0 --separate-stderr gg-volunteer activity add - <<<'- {community: TZ-HL-CZ-02, date: 2026-05-09, hours: 09:00-10:00, capacity: 3, kind: culture, title: 甲}
- {community: TZ-HL-CZ-02, date: 2026-05-09, hours: 10:00-11:00, capacity: 3, kind: culture, title: 乙}'
	assert_equal "${#stderr_lines[@]}" 1
}

@test "bad activities are refused with 65 and nothing written" {
	BEFORE=$(digest)
	a=(--date 2026-11-28 --hours 09:00-11:00 --capacity 5 --kind charity --title 助老)
	refused gg-volunteer "community: 'TZ-HL-CZ' is a street, not a community" activity add --community TZ-HL-CZ "${a[@]}"
	refused gg-volunteer "community: unknown unit 'TZ-NOWHERE'" activity add --community TZ-NOWHERE "${a[@]}"
	refused gg-volunteer "hours: hours are HH:MM-HH:MM, the end after the start, not '11:00-09:00'" \
		activity add --community TZ-HL-CZ-01 --date 2026-11-28 --hours 11:00-09:00 --capacity 5 --kind charity --title 助老
	refused gg-volunteer "capacity: an activity has at least 1 place, not 0" \
		activity add --community TZ-HL-CZ-01 --date 2026-11-28 --hours 09:00-11:00 --capacity 0 --kind charity --title 助老
	refused gg-volunteer "team: 'T-PZ' is a team of TZ-HL-CZ-02, not of TZ-HL-CZ-01" \
		activity add --community TZ-HL-CZ-01 --team T-PZ "${a[@]}"
	refused gg-volunteer "date: '2026-11-31' is not a date (YYYY-MM-DD)" \
		activity add --community TZ-HL-CZ-01 --date 2026-11-31 --hours 09:00-11:00 --capacity 5 --kind charity --title 助老
	refused gg-volunteer "status: an activity is called off with 'activity cancel ID'" \
		activity add --community TZ-HL-CZ-01 --status cancelled "${a[@]}"
}

@test "a service day with sign-ups keeps its day, hours and places taken; removing it is refused" {
	saturday
	gg-volunteer activity signup 1 V01 V02 V03 >/dev/null
	BEFORE=$(digest)
	refused gg-volunteer "capacity: 3 places are taken already, more than 2" activity set 1 --capacity 2
	refused gg-volunteer "date: volunteers hold 3 of its places for 2026-11-28 at 09:00-11:30 in TZ-HL-CZ-01: cancel the activity and add another" \
		activity set 1 --date 2026-12-05
	refused gg-volunteer "taken: the places taken are counted from the sign-ups (3), not given" activity set 1 --taken 1
	refused gg-volunteer "cannot remove activity '1': still referred to by sign-ups (3)" activity rm 1
	refused gg-volunteer "cannot remove volunteer 'V01': still referred to by sign-ups to service days (1)" rm V01
	refused gg-volunteer "cannot remove team 'T-ZL': still referred to by service days (1)" team rm T-ZL
	run -0 gg-volunteer activity set 1 --capacity 3 --title 周六助老 -o json
	assert_equal "$(jq -c '[.capacity, .taken, .title]' <<<"$output")" '[3,3,"周六助老"]'
}

@test "cancel ID alone calls the day off, its sign-ups withdrawn; not once it has begun" {
	saturday
	gg-volunteer activity signup 1 V01 V02 V03 >/dev/null
	gg-volunteer activity cancel 1 V03 >/dev/null
	run -0 gg-volunteer activity cancel 1 -o json
	assert_equal "$(jq -c '[.[] | [.volunteer, .status]]' <<<"$output")" '[["V01","cancelled"],["V02","cancelled"]]'
	run -0 gg-volunteer activity show 1 -o json
	assert_equal "$(jq -c '.[0] | [.status, .taken]' <<<"$output")" '["cancelled",0]'
	BEFORE=$(digest)
	refused gg-volunteer "activity 1 (周六助老服务) is cancelled" activity signup 1 V04
	refused gg-volunteer "activity 1 (周六助老服务) is cancelled" activity cancel 1
	refused gg-volunteer "activity 1 is cancelled: add another" activity set 1 --title 改期
	# a day begun is not called off
	saturday
	gg-volunteer activity signup 2 V01 V02 >/dev/null
	GG_NOW=2026-11-28T20:00:00+08:00 gg-volunteer activity checkin 2 V01 --at "$(at 09:00)" >/dev/null
	BEFORE=$(digest)
	refused gg-volunteer "activity 2 (周六助老服务) has begun: sign-ups checked in or marked no-shows (1); withdraw the others with 'activity cancel 2 VOLUNTEER...'" \
		activity cancel 2
}

@test "list takes a period and a subtree" {
	saturday
	gg-volunteer activity add --community TZ-HL-CZ-02 --date 2026-12-05 --hours 09:00-11:00 --capacity 5 \
		--kind culture --team T-PZ --title 文艺汇演 >/dev/null
	run -0 gg-volunteer activity list --period 2026-11 -o tsv
	assert_equal "$(cut -f1,3 <<<"$output" | tail -n +2)" $'1\t2026-11-28'
	run -0 gg-volunteer activity list --from 2026-11-28 --to 2026-12-05 --under TZ-HL-CZ-02 -o tsv
	assert_equal "$(cut -f1,2 <<<"$output" | tail -n +2)" $'2\tTZ-HL-CZ-02'
	run -0 gg-volunteer activity list --kind culture,help_services -o csv
	assert_line --index 0 'id,community,date,hours,capacity,kind,team,title,status,taken'
	assert_equal "${#lines[@]}" 3
}

@test "an evening until 24:00: a check-out after midnight counts up to the end, never one still to come" {
	gg-volunteer activity add --community TZ-HL-CZ-01 --date 2026-11-28 --hours 20:00-24:00 --capacity 5 \
		--kind culture --title 广场舞晚会 >/dev/null
	gg-volunteer activity signup 1 V01 V02 >/dev/null
	export GG_NOW=2026-11-29T08:00:00+08:00
	gg-volunteer activity checkin 1 V01 V02 --at 2026-11-28T20:00:00+08:00 >/dev/null
	run -0 gg-volunteer activity checkout 1 V01 --at 2026-11-29T00:30:00+08:00 -o json
	assert_equal "$(jq '.[0].minutes' <<<"$output")" $((4 * 60))
	BEFORE=$(digest)
	refused gg-volunteer "a check-out at 2026-11-29T09:00:00+08:00 is later than now: record it once it has happened" \
		activity checkout 1 V02 --at 2026-11-29T09:00:00+08:00
}

@test "a day that is over takes no sign-ups" {
	saturday
	BEFORE=$(digest)
	refused gg-volunteer "activity 1 (周六助老服务) was on 2026-11-28, 09:00-11:30: it is over, there is nothing to sign up for" \
		activity signup 1 V01 --now 2026-11-28T11:30:00+08:00
	run -0 gg-volunteer activity signup 1 V01 --now 2026-11-28T11:29:00+08:00
}
