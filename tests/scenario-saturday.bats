#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# One Saturday of 东进社区 the way it is lived (党员周六志愿服务日, 群众点单、社区派单、党员接单):
# 28 November 2026, a service day of ten places that twelve people want, check-ins, a no-show,
# check-outs; a resident's order dispatched to three and taken by one; on Monday a community
# worker verifies the day, and a Party member's verified hours cross 100 on that Saturday.
# Every number expected below is worked out here from the times used.

load helper

# The test city, with a community worker for 东进社区 (the city has those of 坡子街社区 only),
# and twelve volunteers living there: V01 an in-service Party member, the others residents.
setup_file() {
	seed "$FIX/city.yaml"
	export GG_DB=$SEED_DB
	gg-org person add --code C0003 --name 孙丽 --roles community_worker:TZ-HL-CZ-01 >/dev/null
	gg-volunteer add - >/dev/null <<'EOF'
- {person: V01, name: 黄勇, phone: "13862576386", party_member: true, employer: 海陵区财政局, home_community: TZ-HL-CZ-01}
- {person: V02, name: 崔红, home_community: TZ-HL-CZ-01, skills: [elderly_care]}
- {person: V03, name: 秦晨, home_community: TZ-HL-CZ-01, skills: [elderly_care, escort]}
- {person: V04, name: 郝子东, home_community: TZ-HL-CZ-01, skills: [escort]}
- {person: V05, name: 邵军, home_community: TZ-HL-CZ-01}
- {person: V06, name: 梁秀雪, home_community: TZ-HL-CZ-01}
- {person: V07, name: 苏晓强, home_community: TZ-HL-CZ-01}
- {person: V08, name: 金霞杰, home_community: TZ-HL-CZ-01}
- {person: V09, name: 王秀兰, home_community: TZ-HL-CZ-01}
- {person: V10, name: 刘桂英, home_community: TZ-HL-CZ-01}
- {person: V11, name: 周建华, home_community: TZ-HL-CZ-01}
- {person: V12, name: 孟怡, home_community: TZ-HL-CZ-01}
EOF
	gg-volunteer team add --code T-ZL --name 东进助老服务队 --kind help_services --community TZ-HL-CZ-01 >/dev/null
	checkpoint "$SEED_DB"
}

# hours MINUTES: as the tools print hours, to two decimals at most (half a hundredth up)
hours() {
	local c=$((($1 * 100 + 30) / 60))
	jq -n "$((c / 100)).$(printf %02d $((c % 100)))"
}

at() {
	echo "2026-11-28T$1:00+08:00"
}

@test "a Saturday: ten places for twelve, a no-show, an order taken by one of three, verified hours and a star" {
	# Before November, V01 served 24 + 24 + 24 + 24 + 2.5 hours, logged and verified: 98.5 h
	export GG_NOW=2026-11-01T10:00:00+08:00
	earlier=0
	rows=()
	for day_h in 2026-07-04:24 2026-08-01:24 2026-09-05:24 2026-10-17:24 2026-10-31:2.5; do
		h=${day_h#*:}
		run -0 gg-volunteer log V01 --hours "$h" --date "${day_h%%:*}" --note 助老服务 -o json
		rows+=("$(jq -r '.[0].id' <<<"$output")")
		case $h in
		*.5) earlier=$((earlier + ${h%.5} * 60 + 30)) ;;
		*) earlier=$((earlier + h * 60)) ;;
		esac
	done
	run -0 gg-volunteer verify "${rows[@]}" --by C0003
	assert_equal "$earlier" $((98 * 60 + 30))
	run -0 gg-volunteer stars --near 5 -o json
	assert_equal "$(jq -c '[.[] | [.volunteer, .hours, .stars, .to_next]]' <<<"$output")" \
		"[[\"V01\",$(hours "$earlier"),0,$(hours $((100 * 60 - earlier)))]]"

	# Monday 23rd: 东进社区 puts up its Saturday, ten places, 09:00 to 11:30
	export GG_NOW=2026-11-23T09:00:00+08:00
	run -0 gg-volunteer activity add --community TZ-HL-CZ-01 --date 2026-11-28 --hours 09:00-11:30 \
		--capacity 10 --kind help_services --team T-ZL --title 周六助老服务 -o json
	assert_equal "$(jq -c '[.id, .capacity, .taken, .status]' <<<"$output")" '[1,10,0,"open"]'

	# twelve people sign up, each on their own; the eleventh and twelfth find it full
	export GG_NOW=2026-11-25T20:00:00+08:00
	for n in 01 02 03 04 05 06 07 08 09 10; do
		run -0 gg-volunteer activity signup 1 "V$n" -o json
		assert_equal "$(jq -c '.[0] | [.volunteer, .status]' <<<"$output")" "[\"V$n\",\"signed\"]"
	done
	BEFORE=$(digest)
	refused gg-volunteer 'activity 1 (周六助老服务) is full: its 10 places are taken' activity signup 1 V11
	refused gg-volunteer 'activity 1 (周六助老服务) is full: its 10 places are taken' activity signup 1 V12
	assert_equal "$(sql_joined 'SELECT volunteer FROM signup WHERE activity = 1 ORDER BY volunteer')" \
		V01,V02,V03,V04,V05,V06,V07,V08,V09,V10
	run -0 gg-volunteer activity show 1 -o json
	assert_equal "$(jq '.[0].taken' <<<"$output")" 10

	# Saturday 08:00: 张大爷 wants someone to take him to the doctor at 14:00; the community
	# sends the order to three, a fourth cannot take it, 秦晨 (V03) does and the others are let go
	export GG_NOW=2026-11-28T08:00:00+08:00
	run -0 gg-volunteer order new --community TZ-HL-CZ-01 --requester-name 张大爷 --requester-phone 13912345678 \
		--need escort --title 陪同就医 --wanted "$(at 14:00)" -o json
	order=$(jq -r .id <<<"$output")
	run -0 gg-volunteer order dispatch "$order" --to V02 V03 V04 --now "$(at 08:10)" -o json
	assert_equal "$(jq -c '[.status, .dispatched]' <<<"$output")" '["dispatched",["V02","V03","V04"]]'
	BEFORE=$(digest)
	refused gg-volunteer "cannot accept order $order: it was not dispatched to 'V05'" order accept "$order" --by V05 --now "$(at 08:15)"
	run -0 gg-volunteer order accept "$order" --by V03 --now "$(at 08:20)" -o json
	assert_equal "$(jq -c '[.status, .volunteer, .dispatched]' <<<"$output")" '["accepted","V03",["V03"]]'
	run -0 gg-volunteer order history "$order" -o json
	assert_equal "$(jq -c '.[] | select(.kind == "accepted") | [.data.by, .data.released]' <<<"$output")" '["V03",["V02","V04"]]'
	BEFORE=$(digest)
	refused gg-volunteer "cannot accept order $order: it is accepted" order accept "$order" --by V02 --now "$(at 08:25)"

	# the morning: nine come (when the organiser writes down), one never does
	declare -A in=([V01]=08:55 [V02]=08:50 [V03]=09:00 [V04]=09:00 [V05]=09:05 [V06]=09:15 [V07]=09:30 [V08]=10:00 [V09]=08:58)
	for v in "${!in[@]}"; do
		run -0 gg-volunteer activity checkin 1 "$v" --at "$(at "${in[$v]}")" --now "$(at 10:05)"
	done
	run -0 gg-volunteer activity noshow 1 V10 --now "$(at 10:05)" -o json
	assert_equal "$(jq -c '.[0] | [.volunteer, .status]' <<<"$output")" '["V10","noshow"]'
	# and go: on time, early, late (no more than the activity lasts, nor than was left of it)
	declare -A out=([V01]=11:30 [V02]=11:30 [V03]=11:00 [V04]=11:45 [V05]=11:30 [V06]=11:30 [V07]=10:45 [V08]=11:40 [V09]=12:10)
	for v in "${!out[@]}"; do
		run -0 gg-volunteer activity checkout 1 "$v" --at "$(at "${out[$v]}")" --now "$(at 12:15)" -o json
		assert_equal "$(jq '.[0].minutes' <<<"$output")" "$(served "${in[$v]}" "${out[$v]}")"
	done
	run -0 gg-volunteer activity signups 1 -o tsv
	assert_equal "$(tail -n +2 <<<"$output" | cut -f4 | sort | uniq -c | awk '{print $2 "=" $1}' | paste -sd' ')" 'done=9 noshow=1'

	# the afternoon: V03 takes 张大爷 to the doctor, 14:00 to 15:30
	run -0 gg-volunteer order done "$order" --hours 1.5 --now "$(at 16:00)" -o json
	assert_equal "$(jq -c '[.status, .volunteer]' <<<"$output")" '["done","V03"]'
	order_min=$((1 * 60 + 30))

	# nothing is verified yet, so November has no hours
	run -0 gg-volunteer hours --by community --period 2026-11 -o json
	assert_equal "$(jq length <<<"$output")" 0

	# Monday 30th: only a community worker of 东进社区 may verify; C0003 does, every row of the day
	export GG_NOW=2026-11-30T09:30:00+08:00
	run -0 gg-volunteer ledger --entry service --from 2026-11-28 --to 2026-11-28 -o tsv
	day_rows=$(tail -n +2 <<<"$output" | cut -f1)
	assert_equal "$(wc -l <<<"$day_rows")" 10
	first=${day_rows%%$'\n'*}
	BEFORE=$(digest)
	refused gg-volunteer "'C0001' is not a community worker of TZ-HL-CZ-01: only one may verify hours served there (row $first)" \
		verify $day_rows --by C0001
	refused gg-volunteer "'V02' is not a community worker of TZ-HL-CZ-01: only one may verify hours served there (row $first)" \
		verify $day_rows --by V02
	run -0 gg-volunteer verify $day_rows --by C0003 -o json
	assert_equal "$(jq '[.[] | select(.entry == "verify" and .verified_by == "C0003")] | length' <<<"$output")" 10

	# the day in hours: every check-out worked out above, and the order
	day=0
	for v in "${!out[@]}"; do
		day=$((day + $(served "${in[$v]}" "${out[$v]}")))
	done
	# 150 + 150 + 120 + 150 + 145 + 135 + 75 + 90 + 150 and the order's 90
	assert_equal "$day" 1165
	total=$((day + order_min))
	run -0 gg-volunteer hours --by community --period 2026-11 -o json
	assert_equal "$(jq -c '.[] | [.community, .hours, .services, .volunteers]' <<<"$output")" \
		"[\"TZ-HL-CZ-01\",$(hours "$total"),10,9]"
	run -0 gg-volunteer hours --by volunteer --period 2026-11 -o json
	assert_equal "$(jq -c '.[] | select(.volunteer == "V03") | [.hours, .services]' <<<"$output")" \
		"[$(hours $(($(served "${in[V03]}" "${out[V03]}") + order_min))),2]"

	# V01's verified hours pass 100 on the Saturday, whichever day they were verified
	v01=$((earlier + $(served "${in[V01]}" "${out[V01]}")))
	((earlier < 100 * 60 && v01 >= 100 * 60))
	run -0 gg-volunteer stars -o json
	assert_equal "$(jq -c '[.[] | [.volunteer, .hours, .stars, .star_1, .next_at, .to_next]]' <<<"$output")" \
		"[[\"V01\",$(hours "$v01"),1,\"2026-11-28\",300,$(hours $((300 * 60 - v01)))]]"
	run -0 gg-volunteer stars --near 5 -o json
	assert_equal "$(jq length <<<"$output")" 0
}
