#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-volunteer's resident orders on the test city (群众点单、社区派单、党员接单): placed, dispatched,
# accepted by the first, served into the hours ledger, rated, expired by the cron sweep; the
# requester's phone masked everywhere; and match ranking volunteers factor by factor.

load helper

# The test city, the built-in categories and four volunteers: W0001 and H0001 live in
# TZ-HL-CZ-01, C0001 and C0002 in TZ-HL-CZ-02 (the same street).
setup_file() {
	seed_catalogue
	GG_DB="$SEED_DB" gg-volunteer add --person W0001 --home-community TZ-HL-CZ-01 --skills elderly_care >/dev/null
	GG_DB="$SEED_DB" gg-volunteer add --person H0001 --home-community TZ-HL-CZ-01 >/dev/null
	GG_DB="$SEED_DB" gg-volunteer add --person C0001 --home-community TZ-HL-CZ-02 --skills elderly_care >/dev/null
	GG_DB="$SEED_DB" gg-volunteer add --person C0002 --home-community TZ-HL-CZ-02 >/dev/null
	checkpoint "$SEED_DB"
}

setup() {
	fresh_db
	BEFORE=$(digest)
}

# new_order [WANTED [COMMUNITY]]: a resident's order; prints its id
new_order() {
	gg-volunteer order new --community "${2:-TZ-HL-CZ-01}" --requester-name 张大爷 --requester-phone 13912345678 \
		--need elderly_care --title 陪同就医 --wanted "${1:-2026-11-28T09:00:00+08:00}" -o json | jq -r .id
}

@test "dispatched to three, accepted by one: the other two released, a fourth refused; done into the ledger; rated" {
	id=$(new_order)
	run -0 gg-volunteer order dispatch "$id" --to W0001 C0001 C0002 -o json
	assert_equal "$(jq -c '[.status, .dispatched]' <<<"$output")" '["dispatched",["C0001","C0002","W0001"]]'
	BEFORE=$(digest)
	refused gg-volunteer "cannot accept order $id: it was not dispatched to 'H0001'" order accept "$id" --by H0001
	run -0 gg-volunteer order accept "$id" --by C0001 -o json
	assert_equal "$(jq -c '[.status, .volunteer, .dispatched]' <<<"$output")" '["accepted","C0001",["C0001"]]'
	assert_equal "$(sql_joined "SELECT volunteer FROM order_dispatch WHERE order_id = $id AND released IS NOT NULL ORDER BY volunteer")" C0002,W0001
	BEFORE=$(digest)
	refused gg-volunteer "cannot accept order $id: it is accepted" order accept "$id" --by W0001
	# 2.5 hours are 150 minutes in the ledger: a service row of the order, in its community, today
	run -0 gg-volunteer order done "$id" --hours 2.5 -o json
	assert_equal "$(jq -c '[.status, .hours]' <<<"$output")" '["done",2.5]'
	assert_equal "$(sql "SELECT entry, volunteer, community, date, minutes, CAST(counted AS integer) FROM service WHERE order_id = $id")" \
		"service|C0001|TZ-HL-CZ-01|2026-11-26|$((5 * 60 / 2))|0"
	run -0 gg-volunteer order rate "$id" --rating 4 -o json
	assert_equal "$(jq .rating <<<"$output")" 4
	run -0 gg-volunteer order history "$id" -o json
	assert_equal "$(jq -c '[.[].kind]' <<<"$output")" '["created","dispatched","accepted","done","rated"]'
	assert_equal "$(jq -c '.[2].data.released' <<<"$output")" '["C0002","W0001"]'
	# each step one audit row naming it (the ledger's row is audited as well, by the ledger)
	assert_equal "$(sql_joined "SELECT $(jx change '$.op') FROM audit WHERE $(jx change '$.kind') = 'order' ORDER BY id")" \
		add,dispatch,accept,done,rate
}

@test "expire --due moves exactly the orders past their wanted time, once; --dry-run writes nothing" {
	a=$(new_order 2026-11-26T09:00:00+08:00)                 # an hour before now: expires
	b=$(new_order 2026-11-26T11:00:00+08:00)                 # an hour after: stays
	c=$(new_order 2026-11-25T18:00:00+08:00 TZ-HL-CZ-02)     # yesterday, dispatched: expires
	d=$(new_order 2026-11-25T08:00:00+08:00)                 # yesterday, but accepted: stays
	gg-volunteer order dispatch "$c" --to C0001,C0002 >/dev/null
	gg-volunteer order dispatch "$d" --to W0001 >/dev/null
	gg-volunteer order accept "$d" --by W0001 >/dev/null
	BEFORE=$(digest)
	run -0 gg-volunteer order expire --due --dry-run -o json
	assert_equal "$(jq -c '[.[] | [.id, .status]]' <<<"$output")" "[[$c,\"expired\"],[$a,\"expired\"]]"
	assert_equal "$(digest)" "$BEFORE"
	run -0 gg-volunteer order expire --due -o json
	assert_equal "$(jq -c '[.[].id]' <<<"$output")" "[$c,$a]"
	run -0 gg-volunteer order list -o json
	assert_equal "$(jq -c '[.[] | .status]' <<<"$output")" '["expired","open","expired","accepted"]'
	assert_equal "$(sql "SELECT count(*) FROM order_dispatch WHERE order_id = $c AND released IS NULL")" 0
	run -0 gg-volunteer order history "$c" -o json
	assert_equal "$(jq -c '.[-1] | [.kind, .data.wanted_at, .data.released]' <<<"$output")" \
		'["expired","2026-11-25T18:00:00+08:00",["C0001","C0002"]]'
	# the second sweep finds nothing: no output, nothing written
	BEFORE=$(digest)
	run -0 gg-volunteer order expire --due -o json
	assert_equal "$(jq length <<<"$output")" 0
	assert_equal "$(digest)" "$BEFORE"
	run -64 gg-volunteer order expire "$b"
}

@test "the requester's phone is masked in list, show, history and the audit log without --reveal" {
	id=$(new_order)
	gg-volunteer order dispatch "$id" --to W0001 --note '张大爷 13912345678 下午在家' >/dev/null
	for cmd in "order list -o tsv" "order show $id" "order history $id" "order list -o json"; do
		run -0 gg-volunteer $cmd
		refute_output --partial 13912345678
	done
	run -0 gg-volunteer order show "$id" -o json
	assert_equal "$(jq -r '.[0].requester_phone' <<<"$output")" '139****5678'
	assert_equal "$(sql "SELECT count(*) FROM audit WHERE command LIKE '%13912345678%' OR CAST(change AS TEXT) LIKE '%13912345678%'")" 0
	assert_equal "$(sql "SELECT $(jx change '$.set.requester_phone') FROM audit WHERE $(jx change '$.kind') = 'order' AND $(jx change '$.op') = 'add'")" '139****5678'
	# --reveal shows it, and says so in the audit log
	run -0 gg-volunteer --reveal order show "$id" -o json
	assert_equal "$(jq -r '.[0].requester_phone' <<<"$output")" 13912345678
	assert_equal "$(sql "SELECT $(jx change '$.revealed[0].fields') FROM audit ORDER BY id DESC LIMIT 1")" '["requester_phone"]'
}

@test "bad orders and steps are refused with 65 and nothing written" {
	ok=(--requester-name 张大爷 --requester-phone 13912345678 --need elderly_care --title 陪同就医 --wanted 2026-11-28T09:00:00+08:00)
	refused gg-volunteer "community: unknown unit 'TZ-NOWHERE'" order new --community TZ-NOWHERE "${ok[@]}"
	refused gg-volunteer "community: 'TZ-HL-CZ' is a street, not a community" order new --community TZ-HL-CZ "${ok[@]}"
	refused gg-volunteer "need: unknown skill 'juggling'" order new --community TZ-HL-CZ-01 "${ok[@]}" --need juggling
	refused gg-volunteer 'requester_phone: not a phone number: a mobile is 11 digits beginning 13 to 19, a landline [0AREA-]NUMBER[-EXTENSION] (0523-86881234-801)' \
		order new --community TZ-HL-CZ-01 "${ok[@]}" --requester-phone 1234567
	refused gg-volunteer "grid: 'TZ-HL-CZ-01-G01' is not a grid of community 'TZ-HL-CZ-02'" \
		order new --community TZ-HL-CZ-02 --grid TZ-HL-CZ-01-G01 "${ok[@]}"
	refused gg-volunteer "a resident order needs the requester's name and phone (or the ticket it comes from)" \
		order new --community TZ-HL-CZ-01 --title 陪同就医 --wanted 2026-11-28T09:00:00+08:00
	id=$(new_order)
	BEFORE=$(digest)
	refused gg-volunteer "no volunteer 'V9'" order dispatch "$id" --to W0001,V9
	refused gg-volunteer "cannot accept order $id: it is open" order accept "$id" --by W0001
	gg-volunteer order dispatch "$id" --to W0001 >/dev/null
	BEFORE=$(digest)
	refused gg-volunteer "cannot accept order $id: it was not dispatched to 'C0001'" order accept "$id" --by C0001
	gg-volunteer order accept "$id" --by W0001 >/dev/null
	BEFORE=$(digest)
	refused gg-volunteer "--hours: -1 hours: hours served are never negative (a row is corrected with log --reverse)" \
		order done "$id" --hours -1
	refused gg-volunteer "--hours: 25 hours: a row holds at most 24, a day's" order done "$id" --hours 25
	refused gg-volunteer "--hours: '0x10' is not a number of hours (1.5 is an hour and a half)" order done "$id" --hours 0x10
	refused gg-volunteer "--hours: ' 1e1' is not a number of hours (1.5 is an hour and a half)" order done "$id" --hours ' 1e1'
	refused gg-volunteer "--hours: 0.001 hours: hours served are more than 0 (a minute at least)" \
		order done "$id" --hours 0.001
	refused gg-volunteer "cannot rate order $id: it is accepted" order rate "$id" --rating 5
	gg-volunteer order done "$id" --hours 1 >/dev/null
	BEFORE=$(digest)
	refused gg-volunteer "rating: a rating is 1 to 5, not '6'" order rate "$id" --rating 6
	refused gg-volunteer "no order 99" order show 99
	run -64 gg-volunteer order cancel "$id"
	run -64 gg-volunteer order list --status lost
	assert_equal "$(digest)" "$BEFORE"
}

@test "an order made from a ticket takes its community, grid, title, need and deadline; the ticket records it" {
	tid=$(gg-ticket new --category env.garbage --title 楼道堆放杂物 --unit TZ-HL-CZ-01-G01-B03 -o json | jq -r .id)
	due=$(gg-ticket show "$tid" -o json | jq -r '.[0].due_at')
	run -0 gg-volunteer order new --ticket "$tid" -o json
	assert_equal "$(jq -c '[.community, .grid, .title, .need, .wanted_at, .ticket]' <<<"$output")" \
		"[\"TZ-HL-CZ-01\",\"TZ-HL-CZ-01-G01\",\"楼道堆放杂物\",\"cleaning\",\"$due\",$tid]"
	oid=$(jq -r .id <<<"$output")
	run -0 gg-ticket history "$tid" -o json
	assert_equal "$(jq -c '.[-1] | [.kind, .data.order]' <<<"$output")" "[\"order_placed\",$oid]"
	BEFORE=$(digest)
	refused gg-volunteer "no ticket 99" order new --ticket 99
	# one order at a time of a ticket, and none before it was reported
	refused gg-volunteer "ticket $tid is order $oid already, still open" order new --ticket "$tid"
	gg-volunteer order cancel "$oid" --reason 居民已自行处理 >/dev/null
	BEFORE=$(digest)
	refused gg-volunteer "ticket $tid was reported at $(gg-ticket show "$tid" -o json | jq -r '.[0].reported_at'), after now" \
		order new --ticket "$tid" --now 2026-11-01T09:00:00+08:00
	run -0 gg-volunteer order new --ticket "$tid"
}

@test "hooks on-order-new, on-order-accept and on-order-expire get the order after the commit" {
	mkdir -p "$BATS_TEST_TMPDIR/hooks"
	for e in order-new order-accept order-expire; do
		printf '#!/bin/sh\ncat >> "%s/%s"\n' "$BATS_TEST_TMPDIR" "$e" >"$BATS_TEST_TMPDIR/hooks/on-$e"
	done
	chmod +x "$BATS_TEST_TMPDIR"/hooks/*
	export GG_HOOKS="$BATS_TEST_TMPDIR/hooks"
	a=$(new_order 2026-11-26T12:00:00+08:00)
	b=$(new_order 2026-11-26T09:00:00+08:00)
	gg-volunteer order dispatch "$a" --to W0001 >/dev/null
	gg-volunteer order accept "$a" --by W0001 >/dev/null
	gg-volunteer order expire --due --dry-run >/dev/null # a dry run commits nothing: no hook
	gg-volunteer order expire --due >/dev/null
	assert_equal "$(jq -sc '[.[] | [.id, .status, .requester_phone]]' "$BATS_TEST_TMPDIR/order-new")" \
		"[[$a,\"open\",\"139****5678\"],[$b,\"open\",\"139****5678\"]]"
	assert_equal "$(jq -sc '[.[] | [.id, .volunteer]]' "$BATS_TEST_TMPDIR/order-accept")" "[[$a,\"W0001\"]]"
	assert_equal "$(jq -sc '[.[] | [.id, .status]]' "$BATS_TEST_TMPDIR/order-expire")" "[[$b,\"expired\"]]"
}

# The weights of the match tests, distinct enough that a wrong factor shows.
weights() {
	cat >"$BATS_TEST_TMPDIR/w.yaml" <<'EOF'
skill: 40
same_community: 20
same_street: 5
same_grid: 10
available: 20
open_order: -8
hour_this_month: -1
noshow: -10
EOF
	export GG_MATCH_WEIGHTS="$BATS_TEST_TMPDIR/w.yaml"
}

@test "match ranks volunteers factor by factor, as the weights say" {
	weights
	# W0001: in-service Party member (an employer), grid worker of G01, no hours given (so
	# Saturdays), one accepted order not done. H0001: building head in G01, free Saturday mornings.
	# C0001: the next community, offers the skill, free on Sundays only, 2 verified hours this month.
	gg-volunteer set W0001 --employer 海陵区财政局 >/dev/null
	gg-volunteer set H0001 --availability sat:09:00-12:00 >/dev/null
	gg-volunteer set C0001 --availability sun:09:00-12:00 >/dev/null
	busy=$(new_order 2026-11-30T09:00:00+08:00)
	gg-volunteer order dispatch "$busy" --to W0001 >/dev/null
	gg-volunteer order accept "$busy" --by W0001 >/dev/null
	sql "INSERT INTO service (entry, volunteer, community, date, minutes, counted, verified_by, at, ref)
		VALUES ('service', 'C0001', 'TZ-HL-CZ-02', '2026-11-10', 120, $SQL_FALSE, NULL, 0, NULL);
		INSERT INTO service (entry, ref, volunteer, community, date, minutes, counted, verified_by, at)
		VALUES ('verify', (SELECT max(id) FROM service), 'C0001', 'TZ-HL-CZ-02', '2026-11-10', 120, $SQL_TRUE, 'C0002', 0)"
	# Saturday 28 November, 10:00, in grid G01, needing elderly_care
	id=$(gg-volunteer order new --community TZ-HL-CZ-01 --grid TZ-HL-CZ-01-G01 --requester-name 张大爷 \
		--requester-phone 13912345678 --need elderly_care --title 陪同就医 --wanted 2026-11-28T10:00:00+08:00 -o json | jq -r .id)
	w=$((40 + 20 + 10 + 20 - 8))  # skill, community, grid, available, one open order
	h=$((20 + 10 + 20))           # community, grid, available
	c=$((40 + 5 - 2))             # skill, street, two hours this month
	c2=5                          # street alone
	run -0 gg-volunteer match "$id" -o json
	assert_equal "$(jq -c '[.[] | [.rank, .volunteer, .score]]' <<<"$output")" \
		"[[1,\"W0001\",$w],[2,\"H0001\",$h],[3,\"C0001\",$c],[4,\"C0002\",$c2]]"
	assert_equal "$(jq -c '.[0] | [.skill, .same_community, .same_grid, .available, .open_orders, .points.open_order]' <<<"$output")" \
		'[true,true,true,true,1,-8]'
	assert_equal "$(jq -c '.[2] | [.same_street, .available, .hours_month, .points.hour_this_month]' <<<"$output")" '[true,false,2,-2]'
	# each record's points add up to its score
	assert_equal "$(jq -c '[.[] | (.points | add) == .score] | all' <<<"$output")" true
	run -0 gg-volunteer match "$id" --limit 2 -o tsv
	assert_equal "$(cut -f3 <<<"$output" | tail -n +2 | paste -sd,)" W0001,H0001
	# from order list, through stdin
	run -0 bash -c "gg-volunteer order list --status open -o ndjson | gg-volunteer match - --limit 1 -o tsv | cut -f1,3"
	assert_equal "$(tail -n +2 <<<"$output" | tr '\t' : | paste -sd,)" "$id:W0001"
}

@test "on a make-up working Saturday (调休) in-service members are at work: their default Saturday is off" {
	weights
	gg-volunteer set W0001 --employer 海陵区财政局 >/dev/null
	gg-volunteer set H0001 --availability sat:09:00-12:00 >/dev/null
	for day in 2026-02-28 2026-03-07; do
		id=$(new_order "${day}T10:00:00+08:00")
		gg-volunteer match "$id" -o ndjson | jq -r 'select(.volunteer == "W0001" or .volunteer == "H0001") | "\(.volunteer):\(.available)"' \
			| sort | paste -sd, >>"$BATS_TEST_TMPDIR/seen"
	done
	assert_equal "$(cat "$BATS_TEST_TMPDIR/seen")" "$(printf 'H0001:true,W0001:false\nH0001:true,W0001:true')"
}

@test "a bad weights file is refused with 65 naming the file and the field" {
	id=$(new_order)
	printf 'skill: 40\nsame_community: lots\n' >"$BATS_TEST_TMPDIR/bad.yaml"
	run -65 --separate-stderr env GG_MATCH_WEIGHTS="$BATS_TEST_TMPDIR/bad.yaml" gg-volunteer match "$id"
	assert_equal "$stderr" "gg-volunteer: $BATS_TEST_TMPDIR/bad.yaml:2:17: same_community: a weight is a number"
	assert_equal "$output" ""
	printf 'skill: 40\n' >"$BATS_TEST_TMPDIR/bad.yaml"
	run -65 --separate-stderr env GG_MATCH_WEIGHTS="$BATS_TEST_TMPDIR/bad.yaml" gg-volunteer match "$id"
	assert_equal "$stderr" "gg-volunteer: $BATS_TEST_TMPDIR/bad.yaml:1:1: same_community: no weight given"
}

@test "a filter with an empty value, and a ticket that is not an id, are usage errors saying so" {
	run -64 --separate-stderr gg-volunteer ledger --volunteer a,,b
	assert_equal "${stderr_lines[0]}" "gg-volunteer: --volunteer: an empty value in 'a,,b'"
	run -64 --separate-stderr gg-volunteer order new --ticket x
	assert_equal "${stderr_lines[0]}" "gg-volunteer: 'x' is not a ticket id"
	# the usage after the message is folded within 80 columns, as --help is
	assert_equal "${stderr_lines[1]}" "usage: gg-volunteer order new --community C --requester-name N --requester-phone"
	assert_equal "$(awk 'length > 80' <<<"$stderr")" ""
}
