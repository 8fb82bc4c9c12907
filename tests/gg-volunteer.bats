#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-volunteer's volunteers, skills and teams on the test city: a volunteer is a gg-org
# person (never a copy), lives in a community, and belongs to teams of one.

load helper

setup() {
	fresh_db
	BEFORE=$(digest)
}

@test "a person becomes a volunteer; name, phone and party membership stay the person's" {
	run -0 gg-volunteer add --person W0001 --home-community TZ-HL-CZ-01 --skills elderly_care \
		--skills digital --availability sat:09:00-11:30 -o json
	assert_equal "$(jq -c '[.name, .phone, .party_member, .skills, .availability]' <<<"$output")" \
		'["李娜","138****1234",true,["elderly_care","digital"],[{"day":"sat","hours":"09:00-11:30"}]]'
	assert_equal "$(sql 'SELECT count(*) FROM person')" 6
	# a new name given through the volunteer is the person's new name: one copy
	run -0 gg-volunteer set W0001 --name 李娜娜
	run -0 gg-org person show W0001 -o json
	assert_equal "$(jq -r '.[0].name' <<<"$output")" 李娜娜
	assert_equal "$(sql "SELECT count(*) FROM audit WHERE CAST(change AS TEXT) LIKE '{\"op\":\"set\",\"kind\":\"person\"%'")" 1
}

@test "a new person is made through gg-org's person kind, their phone checked and masked" {
	run -0 gg-volunteer add --person V0001 --name 张伟 --phone 13912345678 --party-member true \
		--employer 海陵区财政局 --home-community TZ-HL-CZ-02 -o json
	assert_equal "$(jq -r .phone <<<"$output")" '139****5678'
	run -0 gg-org person show V0001 -o json
	assert_equal "$(jq -c '.[0] | [.name, .party_member]' <<<"$output")" '["张伟",true]'
	BEFORE=$(digest)
	refused gg-volunteer 'phone: not a phone number: a mobile is 11 digits beginning 13 to 19, a landline [0AREA-]NUMBER[-EXTENSION] (0523-86881234-801)' \
		add --person V0002 --name 李四 --phone 12345 --home-community TZ-HL-CZ-02
}

@test "bad volunteers are refused with 65 and nothing written" {
	refused gg-volunteer "person: unknown person 'V9' (give --name, and --phone, to make them one)" \
		add --person V9 --home-community TZ-HL-CZ-01
	refused gg-volunteer "home_community: 'TZ-HL-CZ' is a street, not a community" \
		add --person W0001 --home-community TZ-HL-CZ
	refused gg-volunteer "home_community: unknown unit 'TZ-NOWHERE'" \
		add --person W0001 --home-community TZ-NOWHERE
	refused gg-volunteer "skills: unknown skill 'juggling'" \
		add --person W0001 --home-community TZ-HL-CZ-01 --skills juggling
	refused gg-volunteer "availability: time 1: hours are HH:MM-HH:MM, the end after the start (sat:09:00-11:30 on the command line), not '14:00-13:00'" \
		add --person W0001 --home-community TZ-HL-CZ-01 --availability sun:14:00-13:00
}

@test "teams: join and leave, shown on both sides; a volunteer in a team can still be removed" {
	gg-volunteer add --person W0001 --home-community TZ-HL-CZ-01 >/dev/null
	gg-volunteer add --person C0001 --home-community TZ-HL-CZ-02 >/dev/null
	run -0 gg-volunteer team add --code T-ZL --name 助老服务队 --kind help_services --community TZ-HL-CZ-01
	run -0 gg-volunteer team join T-ZL W0001 C0001 -o json
	assert_equal "$(jq -c .members <<<"$output")" '["C0001","W0001"]'
	run -0 gg-volunteer show C0001 -o json
	assert_equal "$(jq -c '.[0].teams' <<<"$output")" '["T-ZL"]'
	run -0 gg-volunteer team leave T-ZL C0001 -o json
	assert_equal "$(jq -c .members <<<"$output")" '["W0001"]'
	BEFORE=$(digest)
	refused gg-volunteer "'C0001' is not in team 'T-ZL'" team leave T-ZL C0001
	refused gg-volunteer "kind: unknown kind 'sports' (one of: culture, help_services, mediation, charity)" \
		team add --code T2 --name 体育队 --kind sports --community TZ-HL-CZ-01
	run -0 gg-volunteer rm W0001
	run -0 gg-volunteer team show T-ZL -o json
	assert_equal "$(jq -c '.[0].members // []' <<<"$output")" '[]'
}

@test "a volunteer stands in the way of removing their person, and of removing a skill they offer" {
	gg-volunteer add --person C0001 --home-community TZ-HL-CZ-02 --skills legal >/dev/null
	BEFORE=$(digest)
	refused gg-org "cannot remove person 'C0001': still referred to by volunteers (1)" person rm C0001
	refused gg-volunteer "cannot remove skill 'legal': still referred to by volunteers' skills (1)" skill rm legal
	run -0 gg-volunteer skill add --code calligraphy --name 书法 -o json
	run -0 gg-volunteer list --skills legal,calligraphy --under TZ-HL-CZ -o tsv
	assert_equal "$(cut -f1 <<<"$output" | tail -n +2)" C0001
}

@test "the hours ledger refuses UPDATE, DELETE and INSERT OR REPLACE from the sqlite3 shell" {
	gg-volunteer add --person W0001 --home-community TZ-HL-CZ-01 >/dev/null
	sql "INSERT INTO service (entry, volunteer, community, date, minutes, at)
		VALUES ('service', 'W0001', 'TZ-HL-CZ-01', '2026-11-21', 120, 0)"
	BEFORE=$(digest)
	run ! sql "UPDATE service SET minutes = 600"
	assert_output --partial 'the hours ledger is append-only: record a reversing entry'
	run ! sql "DELETE FROM service"
	assert_output --partial 'append-only'
	if on_pg; then
		run ! sql "INSERT INTO service (id, entry, volunteer, community, date, minutes, at)
			VALUES (1, 'service', 'W0001', 'TZ-HL-CZ-01', '2026-11-21', 600, 0)
			ON CONFLICT (id) DO UPDATE SET minutes = excluded.minutes"
		assert_output --partial 'append-only'
		# a plain TRUNCATE is refused first for the tables that refer to the ledger; with them
		# too (CASCADE), by the ledger's own trigger
		run ! sql "TRUNCATE service"
		run ! sql "TRUNCATE service CASCADE"
		assert_output --partial 'append-only'
	else
		run ! sql "INSERT OR REPLACE INTO service (id, entry, volunteer, community, date, minutes, at)
			VALUES (1, 'service', 'W0001', 'TZ-HL-CZ-01', '2026-11-21', 600, 0)"
		assert_output --partial 'append-only'
	fi
	run ! sql "INSERT INTO service (entry, volunteer, community, date, minutes, at)
		VALUES ('service', 'W0001', 'TZ-HL-CZ-01', '2026-11-21', 1500, 0)"
	if on_pg; then
		assert_output --partial 'violates check constraint'
	else
		assert_output --partial 'CHECK constraint failed'
	fi
	assert_equal "$(digest)" "$BEFORE"
	refused gg-volunteer "cannot remove volunteer 'W0001': still referred to by rows of the hours ledger (1)" rm W0001
}

@test "an empty value removes a field: the person's phone through the volunteer, a list as a whole" {
	gg-volunteer add --person W0001 --home-community TZ-HL-CZ-01 --skills legal --availability sat:09:00-11:30 >/dev/null
	run -0 gg-volunteer set W0001 --phone '' --skills '' --availability '' -o json
	assert_equal "$(jq -c '[.phone, .skills, .availability]' <<<"$output")" '[null,null,null]'
	assert_equal "$(sql "SELECT CAST(phone IS NULL AS integer) FROM person WHERE code = 'W0001'")" 1
	assert_equal "$(sql "SELECT count(*) FROM volunteer_skill")" 0
	BEFORE=$(digest)
	refused gg-volunteer "a person needs a name" set W0001 --name ''
}
