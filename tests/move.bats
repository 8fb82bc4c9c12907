#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# Moving a district into a shared store (README, "Moving a district in"): the district's
# file exports its people revealed, its tickets with their events, and archives its audit
# log; the shared store (GG_DB, a file or PostgreSQL) takes them in under its own ids.

load helper

setup_file() {
	seed_catalogue
	# the district: its own file, whatever store the suite runs on
	export DISTRICT="$BATS_FILE_TMPDIR/district.db"
	rm -f "$DISTRICT"*
	GG_DB=$DISTRICT gg-org import -f "$FIX/city.yaml" >/dev/null
	GG_DB=$DISTRICT gg-ticket category import --builtin >/dev/null
	GG_DB=$DISTRICT gg-org import -f "$FIX/district-departments.yaml" >/dev/null
	GG_DB=$DISTRICT gg-ticket import -o json >/dev/null <<-'EOF'
		{"external_id": "M1", "source": "hotline_12345", "category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "楼道堆放杂物", "reporter": {"name": "张三", "phone": "13812345678"}, "reported_at": "2026-11-25T09:00:00+08:00"}
		{"source": "grid_patrol", "category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "楼道堆放杂物（又报）", "reported_at": "2026-11-25T09:30:00+08:00"}
		{"source": "resident", "category": "road.streetlight", "unit": "TZ-HL-CZ-01-G01-B04", "title": "路灯不亮", "reported_at": "2026-11-20T19:30:00+08:00"}
	EOF
	GG_DB=$DISTRICT gg-ticket accept 1 >/dev/null
	GG_DB=$DISTRICT gg-ticket merge 2 --into 1 >/dev/null
	GG_DB=$DISTRICT gg-ticket escalate --due >/dev/null
	GG_DB=$DISTRICT gg-ticket --reveal export -o ndjson >"$BATS_FILE_TMPDIR/tickets.ndjson"
}

setup() {
	fresh_db
	# the shared store has tickets of its own: the district's are numbered after them
	gg-ticket new --category env.noise --title 夜间施工噪音 --unit TZ-HL-CZ-01-G02 >/dev/null
}

@test "export without --to: every ticket as stored with its events, personal data masked unless --reveal" {
	run -0 --separate-stderr env GG_DB="$DISTRICT" gg-ticket export -o json
	assert_equal "$(jq -c '[.[] | [.id, .status, .level, .duplicate_of, ([.events[].kind] | join(","))]]' <<<"$output")" \
		'[[1,"new","community",null,"accepted,duplicate_added,escalated"],[2,"duplicate","grid",1,"merged"],[3,"assigned","street",null,"escalated,escalated"]]'
	assert_equal "$(jq -r '.[0].reporter.phone' <<<"$output")" '138****5678'
	assert_equal "$(jq -r '.[0].reported_at' <<<"$output")" "$(date -d 2026-11-25T09:00:00+08:00 +%s)"
	assert_equal "$(head -1 "$BATS_FILE_TMPDIR/tickets.ndjson" | jq -r .reporter.phone)" 13812345678
	run -64 --separate-stderr env GG_DB="$DISTRICT" gg-ticket export -o csv
	assert_equal "$(head -1 <<<"$stderr")" "gg-ticket: export without --to writes each ticket with its events: -o yaml, json or ndjson"
	assert_equal "$output" ""
}

@test "import --from gg: the district's tickets under the next ids, the map printed, duplicates and events following them" {
	run -0 --separate-stderr gg-ticket import --from gg --origin 海陵区 -f "$BATS_FILE_TMPDIR/tickets.ndjson" -o tsv
	assert_equal "$output" "$(printf 'id\twas\n2\t1\n3\t2\n4\t3')"
	run -0 gg-ticket show 3 -o json
	assert_equal "$(jq -c '.[0] | [.status, .duplicate_of, .title]' <<<"$output")" '["duplicate",2,"楼道堆放杂物（又报）"]'
	run -0 gg-ticket show 4 -o json
	assert_equal "$(jq -c '.[0] | [.status, .level, .missed, .due_at]' <<<"$output")" \
		"$(GG_DB=$DISTRICT gg-ticket show 3 -o json | jq -c '.[0] | [.status, .level, .missed, .due_at]')"
	run -0 gg-ticket history 2 -o json
	assert_equal "$(jq -c '[.[] | .kind] | join(",")' <<<"$output")" '"created,accepted,duplicate_added,escalated,moved"'
	assert_equal "$(jq -c '[.[] | select(.kind == "duplicate_added" or .kind == "moved") | .data]' <<<"$output")" \
		'[{"duplicate":3},{"origin":"海陵区","id":1}]'
	assert_equal "$(jq -r '.[-1].note' <<<"$output")" 'moved in from 海陵区, where it was ticket 1'
	run -0 gg-ticket --reveal show 2 -o json
	assert_equal "$(jq -r '.[0].reporter.phone' <<<"$output")" 13812345678
	# each ticket moved is audited, naming where it was
	run -0 gg-report audit --command 'import --from gg' -o json
	assert_equal "$(jq -c '[.[].change | [.op, .key.id, .was]]' <<<"$output")" '[["move",2,1],["move",3,2],["move",4,3]]'
}

@test "the same tickets again are refused, naming the ticket, and nothing is written" {
	gg-ticket import --from gg --origin 海陵区 -f "$BATS_FILE_TMPDIR/tickets.ndjson" >/dev/null
	BEFORE=$(digest)
	refused gg-ticket "$BATS_FILE_TMPDIR/tickets.ndjson:1:1: id: moved in from 海陵区, where it was ticket 1, and is ticket 2 here already" \
		import --from gg --origin 海陵区 -f "$BATS_FILE_TMPDIR/tickets.ndjson"
}

@test "a masked export, a ticket whose original stayed behind, and --from gg without --origin are refused" {
	BEFORE=$(digest)
	GG_DB=$DISTRICT gg-ticket export -o ndjson >"$BATS_TEST_TMPDIR/masked.ndjson"
	refused gg-ticket "$BATS_TEST_TMPDIR/masked.ndjson:1:1: reporter.phone: masked ('138****5678'); a district's tickets are moved from 'gg-ticket --reveal export'" \
		import --from gg --origin 海陵区 -f "$BATS_TEST_TMPDIR/masked.ndjson"
	sed -n 2p "$BATS_FILE_TMPDIR/tickets.ndjson" >"$BATS_TEST_TMPDIR/orphan.ndjson"
	refused gg-ticket "ticket 2: duplicate_of: ticket 1 is not among those moved" \
		import --from gg --origin 海陵区 -f "$BATS_TEST_TMPDIR/orphan.ndjson"
	run -64 --separate-stderr gg-ticket import --from gg -f "$BATS_FILE_TMPDIR/tickets.ndjson"
	assert_equal "$(head -1 <<<"$stderr")" "gg-ticket: --from gg and --origin NAME go together: NAME says where the tickets were"
	assert_equal "$(digest)" "$BEFORE"
}

@test "audit --adopt: the district's archived log, checked, is named by the shared log's next row" {
	cp "$DISTRICT" "$BATS_TEST_TMPDIR/d.db"
	run -0 env GG_DB="$BATS_TEST_TMPDIR/d.db" gg-report audit --archive "$BATS_TEST_TMPDIR/haining.ndjson" -o json
	head=$(jq -r .head <<<"$output")
	run -0 --separate-stderr gg-report audit --adopt "$BATS_TEST_TMPDIR/haining.ndjson" -o json
	assert_equal "$(jq -c '[.adopted, .head == $h]' --arg h "$head" <<<"$output")" '["haining.ndjson",true]'
	run -0 gg-report audit -o json
	assert_equal "$(jq -c '.[-1].change | [.op, .archive, .head == $h]' --arg h "$head" <<<"$output")" \
		'["adopt","haining.ndjson",true]'
	run -0 gg-report audit --verify
	assert_line 'verified: true'
	# an archive altered on the way is refused, naming the row, and nothing is written
	BEFORE=$(digest)
	sed '3s/tester/someone/' "$BATS_TEST_TMPDIR/haining.ndjson" >"$BATS_TEST_TMPDIR/altered.ndjson"
	refused gg-report "$BATS_TEST_TMPDIR/altered.ndjson: row 3: row 3 was altered: its fields do not give its hash" \
		audit --adopt "$BATS_TEST_TMPDIR/altered.ndjson"
}
