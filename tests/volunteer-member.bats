#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-volunteer's Party members on the test city: pledges made public and kept (亮承诺), reporting
# in to the community one lives in (双报到), and the list of in-service members who never
# reported or served under the hours target, by employer, for cron to mail.

load helper

CRON="$BATS_TEST_DIRNAME/../share/gg/cron"

setup() {
	fresh_db
	BEFORE=$(digest)
}

# serve VOLUNTEER DATE MINUTES [unverified]: a service row of the hours ledger and, unless
# unverified, a community worker's verification of it (counted); prints the service row's id.
serve() {
	local id
	id=$(sql "INSERT INTO service (entry, volunteer, community, date, minutes, at)
		VALUES ('service', '$1', 'TZ-HL-CZ-01', '$2', $3, 0) RETURNING id")
	[ "${4:-}" = unverified ] || sql "INSERT INTO service
		(entry, ref, volunteer, community, date, minutes, counted, verified_by, at)
		VALUES ('verify', $id, '$1', 'TZ-HL-CZ-01', '$2', $3, $SQL_TRUE, 'C0001', 0)"
	echo "$id"
}

# The members of the tests below, each with verified hours in 2026 worked out by hand:
#   V0001 张伟 D-CG, reported 2026-03-07; 600 + 600 + 600 minutes = 30 h: not listed
#   V0002 李强 D-CG, reported 2026-03-07; 600 + 600 - 300 (a verified service reversed in part)
#         = 900 minutes = 15 h (an unverified 600 and a verified 900 of 2025 do not count)
#   V0003 王芳 泰州市人民医院, never reported; 900 + 600 = 1500 minutes = 25 h
#   V0006 孙丽 泰州市人民医院, never reported; nothing served
#   V0004 周建国, a Party member without employer (retired), never reported: not in service
#   V0005 钱芳 D-CG, not a Party member, never reported: not a member
city_of_members() {
	gg-volunteer add --person V0001 --name 张伟 --party-member true --employer D-CG --home-community TZ-HL-CZ-01 >/dev/null
	gg-volunteer add --person V0002 --name 李强 --party-member true --employer D-CG --home-community TZ-HL-CZ-01 >/dev/null
	gg-volunteer add --person V0003 --name 王芳 --party-member true --employer 泰州市人民医院 --home-community TZ-HL-CZ-02 >/dev/null
	gg-volunteer add --person V0006 --name 孙丽 --party-member true --employer 泰州市人民医院 --home-community TZ-HL-CZ-02 >/dev/null
	gg-volunteer add --person V0004 --name 周建国 --party-member true --home-community TZ-HL-CZ-01 >/dev/null
	gg-volunteer add --person V0005 --name 钱芳 --party-member false --employer D-CG --home-community TZ-HL-CZ-01 >/dev/null
	gg-volunteer report-in V0001 --community TZ-HL-CZ-01 --on 2026-03-07 >/dev/null
	gg-volunteer report-in V0002 --community TZ-HL-CZ-01 --on 2026-03-07 >/dev/null
	serve V0001 2026-03-14 600 >/dev/null
	serve V0001 2026-04-11 600 >/dev/null
	serve V0001 2026-05-16 600 >/dev/null
	serve V0002 2026-04-11 600 >/dev/null
	local id
	id=$(serve V0002 2026-06-13 600)
	sql "INSERT INTO service (entry, ref, volunteer, community, date, minutes, counted, note, at)
		VALUES ('reverse', $id, 'V0002', 'TZ-HL-CZ-01', '2026-06-13', -300, $SQL_TRUE, '只服务了半天', 0)"
	serve V0002 2026-07-04 600 unverified >/dev/null
	serve V0002 2025-12-20 900 >/dev/null
	serve V0003 2026-02-14 900 >/dev/null
	serve V0003 2026-03-21 600 >/dev/null
	BEFORE=$(digest)
}

@test "members: who never reported and who is under 24 hours in 2026, by employer; exit 1" {
	city_of_members
	run -1 --separate-stderr gg-volunteer members --period 2026 -o tsv
	assert_output "$(printf '%s\n' \
		$'employer\tperson\tname\thome_community\treported\thours\ttarget\tproblem' \
		$'D-CG\tV0002\t李强\tTZ-HL-CZ-01\t2026-03-07\t15\t24\tunder_target' \
		$'泰州市人民医院\tV0003\t王芳\tTZ-HL-CZ-02\t\t25\t24\tnever_reported' \
		$'泰州市人民医院\tV0006\t孙丽\tTZ-HL-CZ-02\t\t0\t24\tboth')"
	assert_equal "$stderr" ""
	assert_equal "$(digest)" "$BEFORE"
}

@test "members: a target pro rata to the period, --target and --under; exit 0 when nobody is listed" {
	city_of_members
	# 2026-Q1 has 90 of the year's 365 days: 24 h × 90 / 365 = 5.917 h, 355 minutes, 5.92 h;
	# V0001 served 10 h in it, V0002 nothing, V0003 25 h (600 + 900 minutes)
	run -1 gg-volunteer members --period 2026-Q1 -o json
	assert_equal "$(jq -c '[.[] | [.person, .hours, .target, .problem]]' <<<"$output")" \
		'[["V0002",0,5.92,"under_target"],["V0003",25,5.92,"never_reported"],["V0006",0,5.92,"both"]]'
	# 48 h a year: V0001's 30 h are short of it too
	run -1 gg-volunteer members --period 2026 --target 48 --under TZ-HL-CZ-01 -o tsv
	assert_equal "$(cut -f2,6,7,8 <<<"$output" | tail -n +2)" "$(printf 'V0001\t30\t48\tunder_target\nV0002\t15\t48\tunder_target')"
	# 15 h a year: both members living in TZ-HL-CZ-01 reported and served as much
	run -0 gg-volunteer members --period 2026 --target 15 --under TZ-HL-CZ-01 -o tsv
	assert_output ''
	run -0 gg-volunteer members --period 2026 --target 15 --under TZ-HL-CZ-01 -o json
	assert_output '[]'
}

@test "members: reporting in is yearly; a report of 2025 does not count for 2026" {
	city_of_members
	gg-volunteer report-in V0003 --community TZ-HL-CZ-02 --on 2025-06-01 >/dev/null
	gg-volunteer report-in V0006 --community TZ-HL-CZ-02 --on 2026-01-10 >/dev/null
	# a period of June: V0006 reported in January, V0003 only in 2025
	run -1 gg-volunteer members --period 2026-06 --target 0 -o tsv
	assert_equal "$(cut -f2,5,8 <<<"$output" | tail -n +2)" "$(printf 'V0003\t\tnever_reported')"
}

@test "members: bad options are usage errors, an unknown unit bad data" {
	run -64 --separate-stderr gg-volunteer members --target -3
	assert_equal "${stderr_lines[0]}" "gg-volunteer: --target takes hours a year, 0 to 8784, not '-3'"
	run -64 --separate-stderr gg-volunteer members --period 2026-13
	assert_equal "${stderr_lines[0]}" "gg-volunteer: bad period '2026-13': use 2026, 2026-Q4, 2026-11 or 2026-W48"
	run -64 --separate-stderr gg-volunteer members --period 2026 --from 2026-01-01 --to 2026-02-01
	assert_equal "${stderr_lines[0]}" 'gg-volunteer: give --period or --from/--to, not both'
	run -64 --separate-stderr gg-volunteer members --from 2026-01-01
	assert_equal "${stderr_lines[0]}" 'gg-volunteer: give both --from and --to (both days included)'
	refused gg-volunteer "--under: unknown unit 'TZ-NOWHERE'" members --period 2026 --under TZ-NOWHERE
}

@test "members.sh, under cron's empty environment: a paragraph per employer, and silence when nobody is listed" {
	city_of_members
	# on 1 January the list is of the whole year just ended
	run -1 env -i PATH="$PATH" GG_DB="$GG_DB" GG_NOW=2027-01-01T08:00:00+08:00 "$CRON/members.sh"
	assert_output "$(printf '%s\n' 'D-CG' \
		'  V0002 李强 (TZ-HL-CZ-01): reported in 2026-03-07; 15 of 24 verified hours' '' \
		'泰州市人民医院' \
		'  V0003 王芳 (TZ-HL-CZ-02): never reported in; 25 verified hours' \
		'  V0006 孙丽 (TZ-HL-CZ-02): never reported in; 0 of 24 verified hours')"
	# on 1 December, the year so far: 1 January to 1 December, 335 days: 24 × 335 / 365 =
	# 22.03 h; with GG_UNDER, only TZ-HL-CZ-01's
	run -1 env -i PATH="$PATH" GG_DB="$GG_DB" GG_NOW=2026-12-01T08:00:00+08:00 GG_UNDER=TZ-HL-CZ-01 "$CRON/members.sh"
	assert_output "$(printf '%s\n' 'D-CG' '  V0002 李强 (TZ-HL-CZ-01): reported in 2026-03-07; 15 of 22.03 verified hours')"
	run -0 env -i PATH="$PATH" GG_DB="$GG_DB" GG_NOW=2026-12-01T08:00:00+08:00 GG_UNDER=TZ-HL-CZ-01 GG_TARGET=12 "$CRON/members.sh"
	assert_output ''
	grep -q '^0 8 1 \* \* *\$GG_CRON/members.sh$' "$CRON/crontab"
}

@test "report-in: a Party member reports in where they live, made a volunteer there; again the same year changes nothing" {
	run -0 gg-volunteer report-in W0001 --community TZ-HL-CZ-01 --employer 海陵区财政局 -o json
	assert_equal "$(jq -c '[.person, .name, .year, .community, .date, .volunteer_added]' <<<"$output")" \
		'["W0001","李娜",2026,"TZ-HL-CZ-01","2026-11-26",true]'
	run -0 gg-volunteer show W0001 -o json
	assert_equal "$(jq -c '.[0] | [.home_community, .employer]' <<<"$output")" '["TZ-HL-CZ-01","海陵区财政局"]'
	assert_equal "$(sql "SELECT count(*) FROM audit WHERE CAST(change AS TEXT) LIKE '{\"op\":\"add\",\"kind\":\"report_in\"%'")" 1
	BEFORE=$(digest)
	run -0 gg-volunteer report-in W0001 --community TZ-HL-CZ-01 --on 2026-12-05 --now 2026-12-06T10:00:00+08:00 -o json
	assert_equal "$(jq -c '[.date, .volunteer_added]' <<<"$output")" '["2026-11-26",false]'
	assert_equal "$(digest)" "$BEFORE"
	# a day still to come is refused
	refused gg-volunteer "--on 2026-12-05 is after today (2026-11-26): a member reports in once they have" \
		report-in W0001 --community TZ-HL-CZ-01 --on 2026-12-05
	# the next year is a new row
	run -0 gg-volunteer report-in W0001 --community TZ-HL-CZ-01 --on 2027-01-09 --now 2027-01-10T10:00:00+08:00
	assert_equal "$(sql 'SELECT year, date FROM report_in ORDER BY year' | tr '\n' ' ')" '2026|2026-11-26 2027|2027-01-09 '
}

@test "report-in refuses a non-member, a street, an unknown person and a member living elsewhere; nothing written" {
	refused gg-volunteer "person: 'C0001' (周敏) is not a Party member" report-in C0001 --community TZ-HL-CZ-02
	refused gg-volunteer "community: 'TZ-HL-CZ' is a street, not a community" report-in W0001 --community TZ-HL-CZ
	refused gg-volunteer "community: unknown unit 'TZ-NOWHERE'" report-in W0001 --community TZ-NOWHERE
	refused gg-volunteer "person: unknown person 'V9'" report-in V9 --community TZ-HL-CZ-01
	gg-volunteer add --person L0001 --home-community TZ-HL-CZ-01 >/dev/null
	BEFORE=$(digest)
	refused gg-volunteer "community: 'L0001' lives in TZ-HL-CZ-01 and reports in there (if they moved: gg-volunteer set L0001 --home-community TZ-HL-CZ-02)" \
		report-in L0001 --community TZ-HL-CZ-02
	run -64 --separate-stderr gg-volunteer report-in W0001 --community TZ-HL-CZ-01 --on 2026-02-30
	assert_equal "${stderr_lines[0]}" "gg-volunteer: bad date '2026-02-30' for --on (YYYY-MM-DD)"
	run -64 --separate-stderr gg-volunteer report-in W0001
	assert_equal "${stderr_lines[0]}" 'gg-volunteer: report-in takes one person and --community CODE'
	assert_equal "$(digest)" "$BEFORE"
}

@test "pledges: made by Party members, overdue with exit 1 until done, filtered by due day and subtree" {
	run -0 gg-volunteer pledge add --person W0001 --community TZ-HL-CZ-01 --text 每月为独居老人理发 --due 2026-11-20 -o json
	assert_equal "$(jq -c '[.id, .done_at]' <<<"$output")" '[1,null]'
	gg-volunteer pledge add --person L0001 --community TZ-HL-CZ-02 --text 结对帮扶困难户 --due 2026-11-25 >/dev/null
	# due today (26 November) is not overdue yet
	gg-volunteer pledge add --person L0002 --community TZ-HL-CZ-01 --text 义务法律咨询 --due 2026-11-26 >/dev/null
	gg-volunteer pledge add --person L0002 --community TZ-HL-CZ-01 --text 清理楼道 --due 2026-12-31 >/dev/null
	run -1 gg-volunteer pledge list --overdue -o tsv
	assert_equal "$(cut -f1,2,5 <<<"$output" | tail -n +2)" "$(printf '1\tW0001\t2026-11-20\n2\tL0001\t2026-11-25')"
	run -1 gg-volunteer pledge list --overdue --under TZ-HL-CZ-02 -o tsv
	assert_equal "$(cut -f1 <<<"$output" | tail -n +2)" 2
	run -0 gg-volunteer pledge done 1 2 --on 2026-11-24 -o json
	assert_equal "$(jq -c '[.[] | .done_at]' <<<"$output")" '["2026-11-24","2026-11-24"]'
	run -0 gg-volunteer pledge list --overdue -o json
	assert_output '[]'
	# --period is of the due day; a plain list exits 0
	run -0 gg-volunteer pledge list --period 2026-12 -o tsv
	assert_equal "$(cut -f1 <<<"$output" | tail -n +2)" 4
	run -0 gg-volunteer pledge list --from 2026-11-21 --to 2026-11-26 --person L0001,L0002 -o tsv
	assert_equal "$(cut -f1 <<<"$output" | tail -n +2 | tr '\n' ' ')" '2 3 '
	# done today by default, in the calendar's zone
	run -0 gg-volunteer pledge done 3 -o json
	assert_equal "$(jq -r '.[0].done_at' <<<"$output")" 2026-11-26
	assert_equal "$(sql "SELECT count(*) FROM audit WHERE CAST(change AS TEXT) LIKE '%\"kind\":\"pledge\"%'")" 7
}

@test "bad pledges are refused with 65 and nothing written" {
	gg-volunteer pledge add --person W0001 --community TZ-HL-CZ-01 --text 理发 --due 2026-11-20 >/dev/null
	gg-volunteer pledge done 1 --on 2026-11-21 >/dev/null
	BEFORE=$(digest)
	refused gg-volunteer "person: 'C0001' (周敏) is not a Party member" \
		pledge add --person C0001 --community TZ-HL-CZ-02 --text 理发 --due 2026-12-01
	refused gg-volunteer "person: 'C0001' (周敏) is not a Party member" pledge set 1 --person C0001
	refused gg-volunteer "community: 'TZ-HL-CZ-01-G01' is a grid, not a community" \
		pledge add --person W0001 --community TZ-HL-CZ-01-G01 --text 理发 --due 2026-12-01
	refused gg-volunteer "a pledge needs a due" pledge add --person W0001 --community TZ-HL-CZ-01 --text 理发
	refused gg-volunteer "pledge 1 was done already, on 2026-11-21 (pledge set 1 --done-at DATE changes the day)" \
		pledge done 1
	refused gg-volunteer "no pledge '9'" pledge done 9
	gg-volunteer pledge add --person W0001 --community TZ-HL-CZ-01 --text 清理楼道 --due 2026-12-01 >/dev/null
	BEFORE=$(digest)
	# one bad id among good ones: none is marked
	refused gg-volunteer "no pledge '9'" pledge done 2 9
	run -64 --separate-stderr gg-volunteer pledge done 2 --on tomorrow
	assert_equal "${stderr_lines[0]}" "gg-volunteer: bad date 'tomorrow' for --on (YYYY-MM-DD)"
	assert_equal "$(digest)" "$BEFORE"
	# a Party member who left: their pledge can still be kept
	gg-org person set W0001 --party-member false >/dev/null
	run -0 gg-volunteer pledge done 2 -o json
	BEFORE=$(digest)
	refused gg-org "cannot remove person 'W0001': still referred to by Party organisations (as secretary) (1), Party members' pledges (2)" \
		person rm W0001
}
