#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The hours ledger on the test city: hours logged, verified by a community worker of the
# community served, reversed; verified hours totted up by volunteer, team, community and
# employer; star levels; numbered certificates. Every expected number is worked out here.

load helper

# The test city, with three volunteers, a team, and a community worker for 东进社区 (the city
# has two for 坡子街社区, C0001 and C0002).
setup_file() {
	seed "$FIX/city.yaml"
	export GG_DB=$SEED_DB
	gg-org person add --code C0003 --name 孙丽 --roles community_worker:TZ-HL-CZ-01 >/dev/null
	gg-volunteer add --person W0001 --home-community TZ-HL-CZ-02 --employer D-CG >/dev/null
	gg-volunteer add --person H0001 --home-community TZ-HL-CZ-02 --employer 海陵区财政局 >/dev/null
	gg-volunteer add --person L0001 --home-community TZ-HL-CZ-01 >/dev/null
	gg-volunteer team add --code T-ZL --name 助老服务队 --kind help_services --community TZ-HL-CZ-02 >/dev/null
	checkpoint "$SEED_DB"
}

setup() {
	fresh_db
	BEFORE=$(digest)
}

# log VOLUNTEER HOURS DATE [OPTIONS...]: logs a service and prints the id of its row
log() {
	gg-volunteer log "$1" --hours "$2" --date "$3" "${@:4}" -o json | jq -r '.[0].id'
}

# verified VOLUNTEER: their verified hours in all, as the ledger holds them
verified() {
	local total="coalesce(sum(minutes), 0) / 60.0"
	# psql prints the quotient to 20 places, sqlite3 a REAL as 98.0 or 1.5
	on_pg && total="CASE WHEN $total = trunc($total) THEN trunc($total) || '.0' ELSE CAST(trim_scale($total) AS text) END"
	sql "SELECT $total FROM service WHERE CAST(counted AS integer) <> 0 AND volunteer = '$1'"
}

@test "log writes a service row: hours as whole minutes, the home community unless given, not counted" {
	run -0 gg-volunteer log W0001 --hours 1.5 --date 2026-11-21 --note 陪老人就医 -o json
	assert_equal "$(jq -c '.[0] | [.entry, .volunteer, .community, .date, .minutes, .hours, .counted, .note]' <<<"$output")" \
		'["service","W0001","TZ-HL-CZ-02","2026-11-21",90,1.5,false,"陪老人就医"]'
	# a third of an hour is 20 minutes, shown with two decimals at most
	run -0 gg-volunteer log W0001 --hours 0.3333 --date 2026-11-21 --community TZ-HL-CZ-01 -o json
	assert_equal "$(jq -c '.[0] | [.community, .minutes, .hours]' <<<"$output")" '["TZ-HL-CZ-01",20,0.33]'
	run -0 gg-volunteer log W0001 --hours 1 --date 2026-11-21 --team T-ZL -o json
	assert_equal "$(jq -c '.[0] | [.community, .team, .minutes]' <<<"$output")" '["TZ-HL-CZ-02","T-ZL",60]'
	assert_equal "$(sql "SELECT count(*) FROM audit WHERE CAST(change AS TEXT) LIKE '{\"op\":\"add\",\"kind\":\"service\"%'")" 3
	assert_equal "$(verified W0001)" 0.0
	# a team serves in its own community
	BEFORE=$(digest)
	refused gg-volunteer "team: team 'T-ZL' is of TZ-HL-CZ-02, not of TZ-HL-CZ-01 where the service was" \
		log W0001 --hours 1 --date 2026-11-21 --community TZ-HL-CZ-01 --team T-ZL
}

@test "negative, zero, over-24 and non-numeric hours are refused with 65, nothing written" {
	refused gg-volunteer "--hours: -2 hours: hours served are never negative (a row is corrected with log --reverse)" \
		log W0001 --hours -2 --date 2026-11-21
	refused gg-volunteer "--hours: 24.5 hours: a row holds at most 24, a day's" \
		log W0001 --hours 24.5 --date 2026-11-21
	refused gg-volunteer "--hours: 'three' is not a number of hours (1.5 is an hour and a half)" \
		log W0001 --hours three --date 2026-11-21
	refused gg-volunteer "--hours: '1e2' is not a number of hours (1.5 is an hour and a half)" \
		log W0001 --hours 1e2 --date 2026-11-21
	refused gg-volunteer "--hours: 0 hours: hours served are more than 0 (a minute at least)" \
		log W0001 --hours 0 --date 2026-11-21
	refused gg-volunteer "--date: 2026-11-27 is after today (2026-11-26): hours are logged once served" \
		log W0001 --hours 2 --date 2026-11-27
	refused gg-volunteer "no volunteer 'C0001' (gg-volunteer add --person C0001 makes one)" \
		log C0001 --hours 2 --date 2026-11-21
	refused gg-volunteer "community: 'TZ-HL-CZ' is a street, not a community" \
		log W0001 --hours 2 --date 2026-11-21 --community TZ-HL-CZ
	# 24 hours is the most, and allowed
	run -0 gg-volunteer log W0001 --hours 24 --date 2026-11-21 -o json
	assert_equal "$(jq '.[0].minutes' <<<"$output")" 1440
}

@test "a usage error is 64: no --hours or --date, --reason without --reverse, a bad record id" {
	run -64 --separate-stderr gg-volunteer log W0001 --hours 2
	assert_equal "${stderr_lines[0]}" "gg-volunteer: log needs --hours H and --date YYYY-MM-DD, the day served"
	run -64 --separate-stderr gg-volunteer log W0001 --hours 2 --date 2026-11-21 --reason 无
	assert_equal "${stderr_lines[0]}" "gg-volunteer: --reason goes with log --reverse"
	run -64 --separate-stderr gg-volunteer log --reverse 1
	assert_equal "${stderr_lines[0]}" "gg-volunteer: log --reverse needs --reason TEXT: why the row is taken back"
	run -64 --separate-stderr gg-volunteer verify x1 --by C0001
	assert_equal "${stderr_lines[0]}" "gg-volunteer: 'x1' is not a ledger row id"
	assert_equal "$(digest)" "$BEFORE"
}

@test "98 hours verified, then a 3-hour service verified: 1 star reached on that service's day" {
	# fourteen Saturdays of 7 hours: 98 hours
	ids=()
	for d in 01-03 01-10 01-17 01-24 01-31 02-07 02-14 02-21 02-28 03-07 03-14 03-21 03-28 04-04; do
		ids+=("$(log W0001 7 "2026-$d")")
	done
	run -0 gg-volunteer verify "${ids[@]}" --by C0001 -o json
	assert_equal "$(jq 'length' <<<"$output")" 14
	assert_equal "$(verified W0001)" 98.0
	# no star yet; 2 hours short of the first
	run -0 gg-volunteer stars -o json
	assert_output '[]'
	run -0 gg-volunteer stars --near 2 -o json
	assert_equal "$(jq -c '.[] | [.volunteer, .hours, .stars, .next_at, .to_next]' <<<"$output")" '["W0001",98,0,100,2]'
	run -0 gg-volunteer stars --near 1.5 -o json
	assert_output '[]'
	# 3 hours on 21 November, logged and not yet verified: it does not count
	id=$(log W0001 3 2026-11-21)
	run -0 gg-volunteer stars -o json
	assert_output '[]'
	run -0 gg-volunteer verify "$id" --by C0002
	# 98 + 3 = 101 hours: 1 star, reached on 21 November; 300 - 101 = 199 to the second
	run -0 gg-volunteer stars -o json
	assert_equal "$(jq -c '.[] | [.volunteer, .name, .hours, .stars, .star_1, .star_2, .next_at, .to_next]' <<<"$output")" \
		'["W0001","李娜",101,1,"2026-11-21",null,300,199]'
	run -0 gg-volunteer hours --by volunteer --period 2026 -o tsv
	assert_output $'volunteer\tname\thome_community\thours\tservices\nW0001\t李娜\tTZ-HL-CZ-02\t101\t15'
	run -0 gg-volunteer stars --under TZ-HL-CZ-01 -o json
	assert_output '[]'
}

@test "a star level is reached on the day the running total first comes to it, a reversal taking its day's hours back" {
	# 20 hours on each of 1 to 3 November, 15 on 7 and 8 November, 20 on 14 November, verified
	a=$(log W0001 20 2026-11-01) b=$(log W0001 20 2026-11-02) c=$(log W0001 20 2026-11-03)
	d=$(log W0001 15 2026-11-07) e=$(log W0001 15 2026-11-08) f=$(log W0001 20 2026-11-14)
	gg-volunteer verify "$a" "$b" "$c" "$d" "$e" "$f" --by C0001 >/dev/null
	# 60 + 30 = 90 by 8 November, 110 by 14 November: the star on 14 November
	run -0 gg-volunteer stars -o json
	assert_equal "$(jq -c '.[] | [.hours, .star_1]' <<<"$output")" '[110,"2026-11-14"]'
	# taking back 15 hours of 8 November leaves 95 hours: no star
	gg-volunteer log --reverse "$e" --reason 登记重复 >/dev/null
	run -0 gg-volunteer stars --near 10 -o json
	assert_equal "$(jq -c '.[] | [.hours, .stars, .to_next]' <<<"$output")" '[95,0,5]'
}

@test "a listing that fails prints nothing, not even its header" {
	run -65 --separate-stderr gg-volunteer ledger --under NOPE
	assert_equal "$output" ""
	assert_equal "$stderr" "gg-volunteer: --under: unknown unit 'NOPE'"
	run -65 --separate-stderr gg-volunteer ledger --under NOPE -o json
	assert_equal "$output" ""
}

@test "a day holds at most 24 hours of a volunteer's service, rows taken back left out" {
	first=$(log W0001 20 2026-11-01)
	BEFORE=$(digest)
	refused gg-volunteer "'W0001' has 20.00 hours of service on 2026-11-01 already: 4.50 more would make the day longer than 24 hours" \
		log W0001 --hours 4.5 --date 2026-11-01
	run -0 gg-volunteer log W0001 --hours 4 --date 2026-11-01
	gg-volunteer log --reverse "$first" --reason 登记错了 >/dev/null
	run -0 gg-volunteer log W0001 --hours 19.5 --date 2026-11-01
}

@test "verify: only a community worker of the community served, never the volunteer, all rows or none" {
	one=$(log W0001 2 2026-11-21)                          # served in 坡子街社区, W0001's home
	two=$(log W0001 3 2026-11-21 --community TZ-HL-CZ-01) # served in 东进社区
	BEFORE=$(digest)
	refused gg-volunteer "'L0001' is not a community worker of TZ-HL-CZ-02: only one may verify hours served there (row $one)" \
		verify "$one" --by L0001
	refused gg-volunteer "'C0003' is not a community worker of TZ-HL-CZ-02: only one may verify hours served there (row $one)" \
		verify "$one" --by C0003
	# the first would do; the second is refused, and takes the first with it
	refused gg-volunteer "'C0001' is not a community worker of TZ-HL-CZ-01: only one may verify hours served there (row $two)" \
		verify "$one" "$two" --by C0001
	refused gg-volunteer "no row 99 in the hours ledger" verify "$one" 99 --by C0001
	refused gg-volunteer "row $one was verified already, by row 3" verify "$one" "$one" --by C0001
	run -0 gg-volunteer verify "$one" --by C0001 -o json
	assert_equal "$(jq -c '.[0] | [.entry, .ref, .minutes, .counted, .verified_by]' <<<"$output")" \
		"[\"verify\",$one,120,true,\"C0001\"]"
	run -0 gg-volunteer verify "$two" --by C0003
	assert_equal "$(verified W0001)" 5.0
	# a community worker who serves as a volunteer does not vouch for their own hours
	gg-volunteer add --person C0002 --home-community TZ-HL-CZ-02 >/dev/null
	own=$(log C0002 2 2026-11-21)
	BEFORE=$(digest)
	refused gg-volunteer "'C0002' cannot verify their own hours (row $own)" verify "$own" --by C0002
	refused gg-volunteer "row 3 is a verify row, not a service: only services are verified" verify 3 --by C0001
}

@test "reverse: a row verified comes off the verified hours, one not verified leaves them; neither twice" {
	v=$(log W0001 4 2026-11-14)
	u=$(log W0001 2.5 2026-11-15)
	gg-volunteer verify "$v" --by C0001 >/dev/null # row 3
	assert_equal "$(verified W0001)" 4.0
	# not verified: the reversal does not count, the verified hours stay 4
	run -0 gg-volunteer log --reverse "$u" --reason 未到岗 -o json
	assert_equal "$(jq -c '.[0] | [.entry, .ref, .minutes, .counted, .date, .note]' <<<"$output")" \
		"[\"reverse\",$u,-150,false,\"2026-11-15\",\"未到岗\"]"
	assert_equal "$(verified W0001)" 4.0
	# verified: the reversal counts, 4 - 4 = 0
	run -0 gg-volunteer log --reverse "$v" --reason 登记有误 -o json
	assert_equal "$(jq -c '.[0] | [.ref, .minutes, .counted]' <<<"$output")" "[$v,-240,true]"
	assert_equal "$(verified W0001)" 0.0
	BEFORE=$(digest)
	refused gg-volunteer "row $v was reversed already, by row 5" log --reverse "$v" --reason 再次
	refused gg-volunteer "row 5 reverses row $v: a reversal is not reversed" log --reverse 5 --reason 撤销
	refused gg-volunteer "row 3 verifies row $v: reverse the service, row $v, and log it anew" log --reverse 3 --reason 撤销
	refused gg-volunteer "row $u was reversed, by row 4: there is nothing to verify" verify "$u" --by C0001
	refused gg-volunteer "no row 42 in the hours ledger" log --reverse 42 --reason 撤销
	# the ledger keeps all five rows, in the order written
	run -0 gg-volunteer ledger --volunteer W0001 -o tsv
	assert_equal "$(cut -f1,2,3,7 <<<"$output" | tail -n +2 | tr '\t\n' ' /')" \
		"1 service  240/2 service  150/3 verify 1 240/4 reverse 2 -150/5 reverse 1 -240/"
}

# The ledger the totals below are worked out from (November 2026 unless said):
#   W0001 (employer D-CG, 海陵区城市管理局): 3 h on 11-07 with T-ZL, 1.5 h on 11-14, in 坡子街社区,
#         verified; 2 h on 10-10, verified (October)
#   H0001 (employer 海陵区财政局): 2.25 h on 11-07 with T-ZL, verified; 4 h on 11-08, not verified
#   L0001 (no employer): 5 h on 11-21 in 东进社区, verified; 1 h on 11-22 there, verified, reversed
ledger() {
	gg-volunteer verify "$(log W0001 3 2026-11-07 --team T-ZL)" "$(log W0001 1.5 2026-11-14)" \
		"$(log W0001 2 2026-10-10)" "$(log H0001 2.25 2026-11-07 --team T-ZL)" --by C0001 >/dev/null
	log H0001 4 2026-11-08 >/dev/null
	gg-volunteer verify "$(log L0001 5 2026-11-21)" --by C0003 >/dev/null
	one=$(log L0001 1 2026-11-22)
	gg-volunteer verify "$one" --by C0003 >/dev/null
	gg-volunteer log --reverse "$one" --reason 活动取消 >/dev/null
}

@test "hours by volunteer, community, team and employer, in a period and a subtree" {
	ledger
	# volunteers: L0001 5; W0001 3 + 1.5 = 4.5 in two services; H0001 2.25 (4 h unverified)
	run -0 gg-volunteer hours --by volunteer --period 2026-11 -o tsv
	assert_output $'volunteer\tname\thome_community\thours\tservices
L0001\t王强\tTZ-HL-CZ-01\t5\t1
W0001\t李娜\tTZ-HL-CZ-02\t4.5\t2
H0001\t陈秀英\tTZ-HL-CZ-02\t2.25\t1'
	# communities: 坡子街社区 3 + 1.5 + 2.25 = 6.75 by two volunteers; 东进社区 5 + 1 - 1 = 5,
	# one service left standing
	run -0 gg-volunteer hours --by community --period 2026-11 -o tsv
	assert_output $'community\tcommunity_name\thours\tservices\tvolunteers
TZ-HL-CZ-02\t坡子街社区\t6.75\t3\t2
TZ-HL-CZ-01\t东进社区\t5\t1\t1'
	# teams: T-ZL 3 + 2.25 = 5.25; no team 1.5 + 5 = 6.5, last
	run -0 gg-volunteer hours --by team --period 2026-11 -o tsv
	assert_output $'team\tteam_name\tcommunity\thours\tservices\tvolunteers
T-ZL\t助老服务队\tTZ-HL-CZ-02\t5.25\t2\t2
\t\t\t6.5\t2\t2'
	# employers: D-CG 4.5, 海陵区财政局 2.25, none 5, last
	run -0 gg-volunteer hours --by employer --period 2026-11 -o tsv
	assert_output $'employer\temployer_name\thours\tservices\tvolunteers
D-CG\t海陵区城市管理局\t4.5\t2\t1
海陵区财政局\t\t2.25\t1\t1
\t\t5\t1\t1'
	# the year adds October's 2 hours: 6.75 + 2 = 8.75
	run -0 gg-volunteer hours --by community --period 2026 -o json
	assert_equal "$(jq -c '[.[] | [.community, .hours, .services]]' <<<"$output")" \
		'[["TZ-HL-CZ-02",8.75,4],["TZ-HL-CZ-01",5,1]]'
	run -0 gg-volunteer hours --by community --period 2026-11 --under TZ-HL-CZ-01 -o json
	assert_equal "$(jq -c '[.[] | [.community, .hours]]' <<<"$output")" '[["TZ-HL-CZ-01",5]]'
	# one day, both days given included: 3 + 2.25 on 7 November
	run -0 gg-volunteer hours --by volunteer --from 2026-11-07 --to 2026-11-07 -o json
	assert_equal "$(jq -c '[.[] | [.volunteer, .hours]]' <<<"$output")" '[["W0001",3],["H0001",2.25]]'
	run -0 gg-volunteer hours --by community --period 2026-W48 -o json
	assert_output '[]'
}

@test "hours: the group and the period are checked" {
	run -64 --separate-stderr gg-volunteer hours --by street --period 2026
	assert_equal "${stderr_lines[0]}" "gg-volunteer: unknown group for --by: one of volunteer, team, community, employer"
	run -64 --separate-stderr gg-volunteer hours --by community
	assert_equal "${stderr_lines[0]}" "gg-volunteer: hours needs --period P (2026, 2026-Q4, 2026-11, 2026-W48) or --from and --to"
	run -64 --separate-stderr gg-volunteer hours --by community --period 2026-13
	assert_equal "${stderr_lines[0]}" "gg-volunteer: bad period '2026-13': use 2026, 2026-Q4, 2026-11 or 2026-W48"
	run -65 --separate-stderr gg-volunteer hours --by community --period 2026 --under TZ-NOWHERE
	assert_equal "$stderr" "gg-volunteer: --under: unknown unit 'TZ-NOWHERE'"
	assert_equal "$output" ""
}

@test "ledger: filters by volunteer, community, entry and days" {
	ledger
	run -0 gg-volunteer ledger --volunteer L0001 --entry verify,reverse -o tsv
	assert_equal "$(cut -f2,4,7 <<<"$output" | tail -n +2 | tr '\t\n' ' /')" \
		"verify L0001 300/verify L0001 60/reverse L0001 -60/"
	run -0 gg-volunteer ledger --community TZ-HL-CZ-02 --from 2026-11-08 --to 2026-11-14 -o json
	assert_equal "$(jq -c '[.[] | [.volunteer, .date, .entry]]' <<<"$output")" \
		'[["W0001","2026-11-14","service"],["W0001","2026-11-14","verify"],["H0001","2026-11-08","service"]]'
	run -0 gg-volunteer ledger --period 2026-10 --under TZ-HL-CZ -o json
	assert_equal "$(jq -c '[.[] | .date] | unique' <<<"$output")" '["2026-10-10"]'
	run -64 --separate-stderr gg-volunteer ledger --entry correction
	assert_equal "${stderr_lines[0]}" "gg-volunteer: unknown entry 'correction' for --entry (one of: service, verify, reverse)"
}

@test "certificates: verified services of the period, the phone masked, a number unique in the database" {
	ledger
	run -0 gg-volunteer certificate W0001 --period 2026-11 -o json
	first=$output
	# 3 + 1.5 hours in November; October's 2 hours are not in it
	assert_equal "$(jq -c '[.number, .volunteer, .name, .phone, .period, .from, .to, .hours, .issuer]' <<<"$first")" \
		'["GG-2026-000001","W0001","李娜","138****1234","2026-11","2026-11-01","2026-11-30",4.5,"坡子街社区"]'
	assert_equal "$(jq -c '[.services[] | [.date, .community_name, .hours, .team]]' <<<"$first")" \
		'[["2026-11-07","坡子街社区",3,"T-ZL"],["2026-11-14","坡子街社区",1.5,null]]'
	run -0 gg-volunteer certificate W0001 --period 2026 --issuer 城中街道 -o json
	second=$output
	assert_equal "$(jq -c '[.number, .hours, .issuer, (.services | length)]' <<<"$second")" \
		'["GG-2026-000002",6.5,"城中街道",3]'
	# the hash is of the record as issued, kept beside it
	stored=$(sql "SELECT record FROM certificate WHERE number = 'GG-2026-000002'")
	assert_equal "$(printf '%s' "$stored" | sha256sum | cut -d' ' -f1)" "$(jq -r .hash <<<"$second")"
	assert_equal "$(jq -cS 'del(.hash)' <<<"$second")" "$(jq -cS . <<<"$stored")"
	assert_equal "$(sql "SELECT count(DISTINCT number) FROM certificate")" 2
	# issuing is audited; the phone is in no audit row
	assert_equal "$(sql "SELECT count(*) FROM audit WHERE CAST(change AS TEXT) LIKE '{\"op\":\"certificate\"%'")" 2
	assert_equal "$(sql "SELECT count(*) FROM audit WHERE CAST(change AS TEXT) LIKE '%13800001234%'")" 0
	# nothing to certify, an unknown volunteer: refused, no number taken
	BEFORE=$(digest)
	refused gg-volunteer "'H0001' has no verified hours in 2026-10: there is nothing to certify" \
		certificate H0001 --period 2026-10
	refused gg-volunteer "no volunteer 'C0001'" certificate C0001 --period 2026
	# a certificate issued is kept: the volunteer stays, the store refuses a change
	refused gg-volunteer "cannot remove volunteer 'W0001': still referred to by rows of the hours ledger (6), service certificates (2)" \
		rm W0001
	run ! sql "UPDATE certificate SET minutes = 6000"
	assert_output --partial 'a certificate once issued is never changed'
	if on_pg; then # PostgreSQL's REPLACE: an insert that updates the row it meets
		run ! sql "INSERT INTO certificate SELECT id, number, volunteer, period, date_from,
			date_to, 6000, services, 'forged', issued_at, record, hash FROM certificate WHERE id = 1
			ON CONFLICT (id) DO UPDATE SET minutes = excluded.minutes"
	else
		run ! sql "INSERT OR REPLACE INTO certificate SELECT id, number, volunteer, period, date_from,
			date_to, 6000, services, 'forged', issued_at, record, hash FROM certificate WHERE id = 1"
	fi
	assert_output --partial 'a certificate once issued is never changed'
	assert_equal "$(digest)" "$BEFORE"
}

@test "a certificate's year and time of issue are the calendar's, whatever TZ says" {
	ledger
	# 20:00 on 31 December in New York is 09:00 on 1 January 2027 in the calendar's zone
	run -0 env TZ=America/New_York gg-volunteer certificate W0001 --period 2026 \
		--now 2026-12-31T20:00:00-05:00 -o json
	assert_equal "$(jq -c '[.number, .issued_at]' <<<"$output")" '["GG-2027-000001","2027-01-01T09:00:00+08:00"]'
}

@test "--near and --target take hours as people write them: 0x10 and 1e1 are usage errors" {
	run -64 --separate-stderr gg-volunteer stars --near 0x10
	assert_equal "${stderr_lines[0]}" "gg-volunteer: --near takes a number of hours (50, or 12.5), not '0x10'"
	run -64 --separate-stderr gg-volunteer members --target ' 1e1'
	assert_equal "${stderr_lines[0]}" "gg-volunteer: --target takes hours a year, 0 to 8784, not ' 1e1'"
	run -0 gg-volunteer stars --near 12.5
}
