#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-ticket: the catalogue, intake, the life cycle, duplicates, lists, Open311 and hooks.

load helper

setup_file() {
	seed_catalogue
}

# new_ticket [OPTIONS]: a garbage ticket on grid G01, reported now; prints its id
new_ticket() {
	gg-ticket new --category env.garbage --title 楼道堆放杂物 --unit TZ-HL-CZ-01-G01 -o json "$@" | jq -r .id
}

@test "the built-in catalogue has more than 30 categories, each with a deadline at every level it reaches" {
	run -0 gg-ticket category list -o json
	[ "$(jq length <<<"$output")" -ge 30 ]
	assert_equal "$(jq -r '.[] | select(.code == "env.garbage") | [.name, .start_level, .department_role, .respond, .sla.grid, .sla.street] | join(" ")' <<<"$output")" \
		'垃圾乱堆乱放 grid urban_management 2h 24h 3wd'
	run -0 gg-ticket category show safety.gas -o ndjson
	assert_equal "$(jq -c .sla <<<"$output")" '{"community":"4h","street":"12h","department":"1wd"}'
}

@test "a category with a bad duration, a missing level or an unknown department is refused" {
	before=$(digest)
	run -65 gg-ticket category import <<<'categories: [{code: x.a, name: 甲, start_level: grid, department: D-CG, respond: 2 hours, sla: {grid: 1h, community: 1h, street: 1h, department: 1h}}]'
	assert_output "gg-ticket: stdin:1:81: respond: not a duration: write 30m, 2h, 3d or 5wd"
	run -65 gg-ticket category import <<<'categories: [{code: x.a, name: 甲, start_level: community, department: D-CG, respond: 2h, sla: {community: 1h, department: 1h}}]'
	assert_output --partial "sla: no deadline for street level, which a ticket starting at community reaches"
	run -65 gg-ticket category import <<<'categories: [{code: x.a, name: 甲, start_level: street, department: D-NOPE, respond: 2h, sla: {street: 1h, department: 1h}}]'
	assert_output --partial "department: unknown dept 'D-NOPE'"
	assert_equal "$(digest)" "$before"
}

@test "new takes a ticket in at its category's level with the deadlines of that level" {
	run -0 gg-ticket new --category env.garbage --title 楼道堆放杂物 --address '东进路 12 号 3 栋' -o json
	assert_equal "$(jq -c '[.status, .level, .unit, .reported_at, .respond_by, .due_at]' <<<"$output")" \
		'["new","grid","TZ-HL-CZ-01-G01-B03","2026-11-26T10:00:00+08:00","2026-11-26T12:00:00+08:00","2026-11-27T10:00:00+08:00"]'
	# a category that starts at street level summons its department at once
	run -0 gg-ticket new --category safety.food --title 餐馆卫生 --unit TZ-HL-CZ-01-G02 -o json
	assert_equal "$(jq -c '[.status, .level, .assignee, .due_at]' <<<"$output")" \
		'["assigned","street","D-SC","2026-11-30T10:00:00+08:00"]'
}

@test "new reads one record from stdin" {
	run -0 gg-ticket new - -o json <<<'{external_id: "2026110300123", source: hotline_12345, category: env.garbage, address: 东进路12号3幢, title: 楼道堆放杂物, reported_at: "2026-11-26T09:12:00+08:00"}'
	assert_equal "$(jq -c '[.external_id, .source, .unit, .due_at]' <<<"$output")" \
		'["2026110300123","hotline_12345","TZ-HL-CZ-01-G01-B03","2026-11-27T09:12:00+08:00"]'
}

@test "bad intake: unknown category, unknown unit, an address nowhere, a deadline past; nothing written" {
	before=$(digest)
	run -65 gg-ticket new --category env.nope --title x --unit TZ-HL-CZ-01-G01
	assert_output "gg-ticket: category: unknown category 'env.nope'"
	run -65 gg-ticket new --category env.garbage --title x --unit TZ-NOPE
	assert_output "gg-ticket: unit: unknown unit 'TZ-NOPE'"
	run -65 gg-ticket new --category env.garbage --title x --unit TZ-HL-CZ-01
	assert_output "gg-ticket: unit: 'TZ-HL-CZ-01' is a community: a ticket stands on a grid or a building"
	run -65 gg-ticket new --category env.garbage --title x --address 西湖路1号
	assert_output "gg-ticket: address: no building has the address '西湖路1号' (--unresolved=grid:CODE takes such tickets)"
	run -65 gg-ticket new --category env.garbage --title x --unit TZ-HL-CZ-01-G01 --reported-at 2026-11-20T10:00:00+08:00
	assert_output "gg-ticket: reported_at: the deadline 2026-11-21T10:00:00+08:00 is already past; a ticket taken in late goes through 'gg-ticket import'"
	run -65 gg-ticket new --category env.garbage --title x --unit TZ-HL-CZ-01-G01 --due-at 2026-11-26T09:00:00+08:00
	assert_output --partial "due_at: the deadline 2026-11-26T09:00:00+08:00 is already past"
	assert_equal "$(digest)" "$before"
	# the catch-all grid takes what resolves nowhere
	run -0 gg-ticket new --category env.garbage --title x --address 西湖路1号 --unresolved=grid:TZ-HL-CZ-01-G02 -o json
	assert_equal "$(jq -r .unit <<<"$output")" TZ-HL-CZ-01-G02
}

@test "a message too long is cut between two characters, and says so" {
	fresh_db
	BEFORE=$(digest)
	run -65 --separate-stderr gg-ticket import <<<"{\"category\": \"env.garbage\", \"title\": \"甲\", \"address\": \"x$(printf '东%.0s' {1..400})\"}"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
	run -0 iconv -f UTF-8 -t UTF-8 <<<"$stderr"
	assert_regex "$stderr" "^gg-ticket: stdin:1:1: address: no building has the address 'x东+…$"
	[ "$(printf %s "$stderr" | wc -c)" -le 1040 ]
}

@test "import is idempotent by source and external_id; an updated record updates the ticket" {
	cat >"$BATS_TEST_TMPDIR/t.ndjson" <<'EOF2'
{"external_id": "A1", "source": "hotline_12345", "category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "甲", "reported_at": "2026-11-20T09:00:00+08:00"}
{"external_id": "A2", "source": "hotline_12345", "category": "env.noise", "unit": "TZ-HL-CZ-01-G02", "title": "乙", "reported_at": "2026-11-20T09:30:00+08:00"}
{"external_id": "A1", "source": "app", "category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "丙"}
EOF2
	run -0 gg-ticket import -f "$BATS_TEST_TMPDIR/t.ndjson" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"new":3,"updated":0,"unchanged":0}'
	before=$(digest)
	run -0 gg-ticket import -f "$BATS_TEST_TMPDIR/t.ndjson" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"new":0,"updated":0,"unchanged":3}'
	run -0 gg-ticket import -o json <<<'{"external_id": "A2", "source": "hotline_12345", "category": "env.noise", "unit": "TZ-HL-CZ-01-G02", "title": "乙（更正）", "reported_at": "2026-11-20T09:30:00+08:00"}'
	assert_equal "$(jq -c . <<<"$output")" '{"new":0,"updated":1,"unchanged":0}'
	run -0 gg-ticket history 2 -o json
	assert_equal "$(jq -c '.[-1] | [.kind, .data.title]' <<<"$output")" '["updated",["乙","乙（更正）"]]'
}

@test "import: a bad record anywhere writes nothing and names its line" {
	before=$(digest)
	run -65 gg-ticket import <<<'{"external_id": "B1", "category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "甲"}
{"external_id": "B2", "category": "env.nope", "unit": "TZ-HL-CZ-01-G01", "title": "乙"}'
	assert_output "gg-ticket: stdin:2:1: category: unknown category 'env.nope'"
	assert_equal "$(digest)" "$before"
}

# batch FIRST LAST: garbage tickets E<FIRST>…E<LAST> on grid G01, one NDJSON line each
batch() {
	seq "$1" "$2" | awk '{printf "{\"external_id\": \"E%d\", \"category\": \"env.garbage\", \"unit\": \"TZ-HL-CZ-01-G01\", \"title\": \"堆放%d\", \"reported_at\": \"2026-11-26T09:00:00+08:00\"}\n", $1, $1}'
}

@test "an import longer than a batch is taken in as read one at a time: ids, restated tickets, counts" {
	# on a server the tickets go in 5,000 at a time (gg_ticket_intake_bulk): records that
	# restate a ticket within a batch and across one are restated in order, as on a file
	f=$BATS_TEST_TMPDIR/t.ndjson
	{
		batch 1 6
		printf '%s\n' '{"external_id": "E7", "category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "tab\there, a line\nbelow, a \\ and a \\N", "lat": 32.4551234567891, "long": 119.9231}'
		batch 8 4999
		printf '%s\n' '{"external_id": "E10", "category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "堆放10（更正）", "reported_at": "2026-11-26T09:00:00+08:00"}'
		printf '%s\n' '{"category": "env.noise", "unit": "TZ-HL-CZ-01-G02", "title": "无编号"}'
		batch 4999 4999
		batch 5003 5003
		printf '%s\n' '{"external_id": "E5003", "category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "堆放5003（更正）", "reported_at": "2026-11-26T09:00:00+08:00"}'
	} >"$f"
	before=$(digest)
	run -0 gg-ticket import --dry-run -f "$f" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"new":5001,"updated":2,"unchanged":1}'
	assert_equal "$(digest)" "$before"
	run -0 gg-ticket import -f "$f" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"new":5001,"updated":2,"unchanged":1}'
	assert_equal "$(sql "SELECT id, coalesce(external_id, '-'), title FROM ticket WHERE id IN (1, 10, 4999, 5000, 5001) ORDER BY id")" \
		"1|E1|堆放1
10|E10|堆放10（更正）
4999|E4999|堆放4999
5000|-|无编号
5001|E5003|堆放5003（更正）"
	run -0 gg-ticket show 7 -o json
	assert_equal "$(jq -c '.[0] | [.title, .lat, .long]' <<<"$output")" '["tab\there, a line\nbelow, a \\ and a \\N",32.4551234567891,119.9231]'
	run -0 gg-ticket history 5001 -o json
	assert_equal "$(jq -c '[.[] | .kind]' <<<"$output")" '["created","updated"]'
}

@test "an import with a bad record after a full batch writes nothing and names the record" {
	before=$(digest)
	{
		batch 1 5001
		printf '%s\n' '{"external_id": "X", "category": "env.nope", "unit": "TZ-HL-CZ-01-G01", "title": "乙"}'
	} >"$BATS_TEST_TMPDIR/t.ndjson"
	run -65 --separate-stderr gg-ticket import -f "$BATS_TEST_TMPDIR/t.ndjson"
	assert_equal "$stderr" "gg-ticket: $BATS_TEST_TMPDIR/t.ndjson:5002:1: category: unknown category 'env.nope'"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$before"
}

@test "import --from csv maps a 12345 export's columns, quoted newlines and commas included" {
	run -0 gg-ticket import --from csv --map "$FIX/hotline-map.yaml" -f "$FIX/hotline.csv" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"new":2,"updated":0,"unchanged":0}'
	run -0 gg-ticket list -o json
	assert_equal "$(jq -c '[.[] | [.external_id, .source, .category, .unit, .reported_at]]' <<<"$output")" \
		'[["2026110300123","hotline_12345","env.garbage","TZ-HL-CZ-01-G01-B03","2026-11-03T09:12:00+08:00"],["2026110300188","hotline_12345","dispute.neighbour","TZ-HL-CZ-01-G01-B04","2026-11-03T10:40:00+08:00"]]'
	run -0 gg-ticket show 2 -o ndjson
	assert_equal "$(jq -r .description <<<"$output")" $'夜间噪音\n影响休息'
	run -0 gg-ticket import --from csv --map "$FIX/hotline-map.yaml" -f "$FIX/hotline.csv" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"new":0,"updated":0,"unchanged":2}'
}

@test "import --from csv: a malformed row is named by file and line, and nothing is written" {
	before=$(digest)
	{ head -n 2 "$FIX/hotline.csv"; echo '2026110300200,2026/11/04 08:00,邻里纠纷,"未闭合的引号,东进路16号4幢'; } >"$BATS_TEST_TMPDIR/bad.csv"
	run -65 gg-ticket import --from csv --map "$FIX/hotline-map.yaml" -f "$BATS_TEST_TMPDIR/bad.csv"
	assert_output "gg-ticket: $BATS_TEST_TMPDIR/bad.csv:3: malformed CSV: a quoted field is never closed"
	{ head -n 2 "$FIX/hotline.csv"; echo '2026110300201,2026/11/04 08:00,邻里纠纷,标题'; } >"$BATS_TEST_TMPDIR/short.csv"
	run -65 gg-ticket import --from csv --map "$FIX/hotline-map.yaml" -f "$BATS_TEST_TMPDIR/short.csv"
	assert_output "gg-ticket: $BATS_TEST_TMPDIR/short.csv:3: malformed CSV: 4 fields where the header has 6"
	{ head -n 2 "$FIX/hotline.csv"; echo '2026110300202,2026/11/04 08:00,其他,标题,内容,东进路16号4幢'; } >"$BATS_TEST_TMPDIR/cat.csv"
	run -65 gg-ticket import --from csv --map "$FIX/hotline-map.yaml" -f "$BATS_TEST_TMPDIR/cat.csv"
	assert_output "gg-ticket: $BATS_TEST_TMPDIR/cat.csv:3: category: unknown category '其他'"
	assert_equal "$(digest)" "$before"
}

@test "import --from open311 and export --to open311 speak GeoReport v2" {
	run -0 gg-ticket import --from open311 -f "$FIX/open311.json" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"new":2,"updated":0,"unchanged":0}'
	run -0 gg-ticket show 1 -o ndjson
	assert_equal "$(jq -c '[.external_id, .source, .title, .unit, .lat]' <<<"$output")" \
		'["311-1001","hotline_12345","路灯不亮","TZ-HL-CZ-01-G01-B04",32.49]'
	run -0 gg-ticket export --to open311
	assert_equal "$(jq -c '.[0] | keys' <<<"$output")" \
		'["address","address_id","agency_responsible","description","expected_datetime","external_id","lat","long","requested_datetime","service_code","service_name","service_request_id","status","status_notes","updated_datetime"]'
	assert_equal "$(jq -c '.[1] | [.service_request_id, .status, .service_code, .address_id, .requested_datetime]' <<<"$output")" \
		'["2","open","env.garbage","TZ-HL-CZ-01-G02","2026-11-21T08:00:00+08:00"]'
}

@test "the life cycle: accept, assign, start, resolve, visit, close; every step in history" {
	id=$(new_ticket)
	gg-ticket accept "$id" >/dev/null
	gg-ticket assign "$id" --to W0001 >/dev/null
	gg-ticket start "$id" >/dev/null
	GG_NOW=2026-11-26T15:00:00+08:00 gg-ticket resolve "$id" --note 已清理 >/dev/null
	GG_NOW=2026-11-27T09:00:00+08:00 gg-ticket visit "$id" --satisfaction satisfied >/dev/null
	run -0 env GG_NOW=2026-11-27T09:05:00+08:00 gg-ticket close "$id" -o ndjson
	assert_equal "$(jq -c '[.status, .assignee, .satisfaction, .resolved_at, .closed_at]' <<<"$output")" \
		'["closed","W0001","satisfied","2026-11-26T15:00:00+08:00","2026-11-27T09:05:00+08:00"]'
	run -0 gg-ticket history "$id" -o json
	assert_equal "$(jq -c 'map(.kind)' <<<"$output")" '["created","accepted","assigned","started","resolved","visited","closed"]'
	assert_equal "$(jq -r '.[4].note' <<<"$output")" 已清理
}

@test "illegal steps are refused with the current status, and write nothing" {
	id=$(new_ticket)
	before=$(digest)
	run -65 gg-ticket resolve "$id"
	assert_output "gg-ticket: cannot resolve ticket $id: it is new (accept it first)"
	run -65 gg-ticket close "$id"
	assert_output "gg-ticket: cannot close ticket $id: it is new"
	run -65 gg-ticket visit "$id" --satisfaction satisfied
	assert_output "gg-ticket: cannot record a return visit on ticket $id: it is new (a return visit follows resolve)"
	run -65 gg-ticket resume "$id"
	assert_output "gg-ticket: cannot resume ticket $id: it is new"
	run -65 gg-ticket assign "$id" --to D-CG
	assert_output "gg-ticket: ticket $id is at grid level: departments take tickets from street level up"
	run -65 gg-ticket accept 999
	assert_output "gg-ticket: no ticket 999"
	run -64 gg-ticket reject "$id"
	assert_line --index 0 "gg-ticket: reject needs --reason TEXT"
	assert_equal "$(digest)" "$before"
}

@test "a step refuses an option it does not take instead of ignoring it, and writes nothing" {
	id=$(new_ticket)
	before=$(digest)
	run -64 gg-ticket accept "$id" --satisfaction satisfied
	assert_line --index 0 "gg-ticket: accept takes no such option"
	assert_line --index 1 "usage: gg-ticket accept ID... [--note TEXT]"
	run -64 gg-ticket extend "$id" --by 1h --reason x --to W0001
	assert_line --index 0 "gg-ticket: extend takes no such option"
	run -64 gg-ticket accept "$id" --due
	assert_line --index 0 "gg-ticket: accept takes no such option"
	assert_equal "$(digest)" "$before"
	# every step takes a note or a reason for its event
	run -0 gg-ticket accept "$id" --reason 路过 -o ndjson
	run -0 gg-ticket history "$id" -o json
	assert_equal "$(jq -r '.[-1].note' <<<"$output")" 路过
}

@test "a ticket closes only after a satisfied return visit; unsatisfied sends it back with a fresh deadline" {
	id=$(new_ticket)
	gg-ticket accept "$id" >/dev/null
	gg-ticket resolve "$id" >/dev/null
	run -65 gg-ticket close "$id"
	assert_output "gg-ticket: cannot close ticket $id: no return visit yet (record the resident's satisfaction with 'gg-ticket visit')"
	run -0 env GG_NOW=2026-11-26T16:00:00+08:00 gg-ticket visit "$id" --satisfaction unsatisfied -o ndjson
	assert_equal "$(jq -c '[.status, .level, .due_at, .satisfaction]' <<<"$output")" \
		'["accepted","grid","2026-11-27T16:00:00+08:00","unsatisfied"]'
	run -65 gg-ticket visit "$id" --satisfaction great
	assert_output --partial "it is accepted"
	run -0 gg-ticket history "$id" -o json
	assert_equal "$(jq -r '.[-1].kind' <<<"$output")" returned
}

@test "suspend stops the clock: resume moves the deadline by the time paused" {
	id=$(new_ticket)
	GG_NOW=2026-11-26T12:00:00+08:00 gg-ticket suspend "$id" --reason 等待业主回家 >/dev/null
	# while suspended the sweep leaves it alone, even past its deadline
	run -0 env GG_NOW=2026-11-28T00:00:00+08:00 gg-ticket escalate --due -o json
	assert_output '[]'
	run -0 env GG_NOW=2026-11-26T15:30:00+08:00 gg-ticket resume "$id" -o ndjson
	assert_equal "$(jq -c '[.status, .due_at, .respond_by]' <<<"$output")" \
		'["new","2026-11-27T13:30:00+08:00","2026-11-26T15:30:00+08:00"]'
}

@test "extend records the reason and keeps to what the category allows" {
	id=$(new_ticket)
	run -0 gg-ticket extend "$id" --by 12h --reason 需要物业配合 -o ndjson
	assert_equal "$(jq -r .due_at <<<"$output")" 2026-11-27T22:00:00+08:00
	run -65 gg-ticket extend "$id" --by 13h --reason 再延长
	assert_output "gg-ticket: extending ticket $id to 2026-11-28T11:00:00+08:00 goes past what category 'env.garbage' allows (2026-11-28T10:00:00+08:00)"
	run -0 gg-ticket history "$id" -o json
	assert_equal "$(jq -c '.[-1] | [.kind, .note, .data.by]' <<<"$output")" '["extended","需要物业配合","12h"]'
	run -0 gg-ticket new --category env.litter_bin --title x --unit TZ-HL-CZ-01-G01 -o json
	run -65 gg-ticket extend "$(jq -r .id <<<"$output")" --by 1h --reason x
	assert_output "gg-ticket: category 'env.litter_bin' allows no extension"
}

@test "reject and reopen" {
	id=$(new_ticket)
	run -0 gg-ticket reject "$id" --reason 不属实 -o ndjson
	assert_equal "$(jq -r .status <<<"$output")" rejected
	id=$(new_ticket)
	gg-ticket accept "$id" >/dev/null
	gg-ticket resolve "$id" >/dev/null
	run -0 env GG_NOW=2026-11-26T18:00:00+08:00 gg-ticket reopen "$id" --reason 居民反映未解决 -o ndjson
	assert_equal "$(jq -c '[.status, .due_at, .resolved_at]' <<<"$output")" '["accepted","2026-11-27T18:00:00+08:00",null]'
}

@test "escalate by hand goes up only, and summons the department at street level" {
	id=$(new_ticket)
	run -0 gg-ticket escalate "$id" --to street --reason 涉及多部门 -o ndjson
	assert_equal "$(jq -c '[.level, .status, .assignee, .due_at, .respond_by]' <<<"$output")" \
		'["street","assigned","D-CG","2026-12-01T10:00:00+08:00","2026-11-26T12:00:00+08:00"]'
	run -65 gg-ticket escalate "$id" --to community --reason x
	assert_output "gg-ticket: ticket $id is at street level; escalation goes up, to department"
	# the department reports for duty by accepting
	run -0 gg-ticket accept "$id" -o ndjson
	run -0 gg-ticket history "$id" -o json
	assert_equal "$(jq -c '.[-1] | [.kind, .data.reported_for_duty]' <<<"$output")" '["accepted","D-CG"]'
}

@test "list filters: status, level, subtree, category, source, overdue, due within" {
	a=$(new_ticket)
	b=$(gg-ticket new --category env.noise --title 噪音 --unit TZ-HL-CZ-01-G02 --source grid_patrol -o json | jq -r .id)
	c=$(gg-ticket new --category env.sewage --title 污水 --unit TZ-HL-CZ-01-G01-B03 -o json | jq -r .id)
	gg-ticket accept "$b" >/dev/null
	ids() { gg-ticket list -o ndjson "$@" | jq -s -c 'map(.id)'; }
	assert_equal "$(ids --status accepted)" "[$b]"
	assert_equal "$(ids --status open)" "[$a,$b,$c]"
	assert_equal "$(ids --under TZ-HL-CZ-01-G01)" "[$a,$c]"
	assert_equal "$(ids --category env.noise)" "[$b]"
	assert_equal "$(ids --source grid_patrol)" "[$b]"
	assert_equal "$(ids --due-within 12h)" "[$c]"       # sewage: 12h at grid level
	assert_equal "$(GG_NOW=2026-11-27T11:00:00+08:00 ids --overdue)" "[$a,$b,$c]"
	assert_equal "$(GG_NOW=2026-11-26T23:00:00+08:00 ids --overdue)" "[$c]"
	assert_equal "$(ids --period 2026-11)" "[$a,$b,$c]"
	assert_equal "$(ids --period 2026-12)" "[]"
	run -0 gg-ticket list
	assert_line --index 0 'id  status    level  category     unit                 title         due_at                     assignee'
}

@test "dups finds tickets of one category at one building or address; merge links them; show lists them" {
	a=$(gg-ticket new --category env.garbage --title 楼道杂物 --address 东进路12号3幢 -o json | jq -r .id)
	b=$(GG_NOW=2026-11-26T12:00:00+08:00 gg-ticket new --category env.garbage --title 三幢楼道杂物 --address '东进路12号3栋' -o json | jq -r .id)
	gg-ticket new --category env.noise --title 噪音 --address 东进路12号3幢 >/dev/null
	run -0 env GG_NOW=2026-11-26T13:00:00+08:00 gg-ticket dups -o json
	assert_equal "$(jq -c 'map([.id, .duplicate_of])' <<<"$output")" "[[$b,$a]]"
	run -0 env GG_NOW=2026-11-26T13:00:00+08:00 gg-ticket dups --window 1h -o json
	assert_output '[]'
	run -0 gg-ticket merge "$b" --into "$a" -o json
	assert_equal "$(jq -c '[.status, .duplicate_of]' <<<"$output")" "[\"duplicate\",$a]"
	run -0 gg-ticket show "$a" -o ndjson
	assert_equal "$(jq -c .duplicates <<<"$output")" "[$b]"
	run -65 gg-ticket merge "$b" --into "$a"
	assert_output "gg-ticket: cannot merge ticket $b: it is duplicate"
}

@test "steps take ids from stdin with -, all or nothing" {
	a=$(new_ticket)
	b=$(new_ticket)
	gg-ticket list --status new -o ndjson | gg-ticket accept - >/dev/null
	run -0 gg-ticket list --status accepted -o ndjson
	assert_equal "$(jq -s -c 'map(.id)' <<<"$output")" "[$a,$b]"
	before=$(digest)
	run -65 gg-ticket start - <<<"{\"id\": $a}
{\"id\": 999}"
	assert_equal "$(digest)" "$before"
}

@test "hooks get the ticket as JSON after the commit; a failing hook never undoes the change" {
	mkdir -p "$BATS_TEST_TMPDIR/hooks"
	printf '#!/bin/sh\ncat >> "%s/created"\n' "$BATS_TEST_TMPDIR" >"$BATS_TEST_TMPDIR/hooks/on-create"
	printf '#!/bin/sh\ncat >> "%s/escalated"\n' "$BATS_TEST_TMPDIR" >"$BATS_TEST_TMPDIR/hooks/on-escalate"
	printf '#!/bin/sh\nexit 3\n' >"$BATS_TEST_TMPDIR/hooks/on-close"
	chmod +x "$BATS_TEST_TMPDIR"/hooks/*
	export GG_HOOKS="$BATS_TEST_TMPDIR/hooks"
	id=$(new_ticket)
	assert_equal "$(jq -c '[.id, .status]' "$BATS_TEST_TMPDIR/created")" "[$id,\"new\"]"
	GG_NOW=2026-11-27T11:00:00+08:00 gg-ticket escalate --due >/dev/null
	assert_equal "$(jq -c '[.id, .level]' "$BATS_TEST_TMPDIR/escalated")" "[$id,\"community\"]"
	gg-ticket accept "$id" >/dev/null
	gg-ticket resolve "$id" >/dev/null
	gg-ticket visit "$id" --satisfaction basic >/dev/null
	run -0 --separate-stderr gg-ticket close "$id" -o ndjson
	assert_equal "$stderr" "gg-ticket: hook on-close failed for id $id (exit 3); the change stands"
	assert_equal "$(gg-ticket show "$id" -o ndjson | jq -r .status)" closed
}

@test "GG_CALENDAR replaces the holiday calendar working days are counted with" {
	# care.assistance starts at community level with 3 working days
	run -0 gg-ticket new --category care.assistance --title 低保申请 --unit TZ-HL-CZ-01-G01 -o json
	assert_equal "$(jq -r .due_at <<<"$output")" 2026-12-01T10:00:00+08:00 # Thursday + Fri, Mon, Tue
	cat >"$BATS_TEST_TMPDIR/cal.yaml" <<'EOF2'
year: 2026
holidays:
  - {name: 检修日, from: 2026-11-27, to: 2026-11-27}
  - {name: 调休, from: 2026-11-30, to: 2026-11-30}
workdays:
  - 2026-11-29
EOF2
	run -0 env GG_CALENDAR="$BATS_TEST_TMPDIR/cal.yaml" gg-ticket new --category care.assistance --title 低保申请 --unit TZ-HL-CZ-01-G01 -o json
	# Friday 27th and Monday 30th are off, Sunday 29th works: 29th, 1st, 2nd
	assert_equal "$(jq -r .due_at <<<"$output")" 2026-12-02T10:00:00+08:00
	printf 'holidays:\n  - {name: 坏, from: 2026-11-30}\n' >"$BATS_TEST_TMPDIR/bad.yaml"
	run -65 env GG_CALENDAR="$BATS_TEST_TMPDIR/bad.yaml" gg-ticket new --category care.assistance --title x --unit TZ-HL-CZ-01-G01
	assert_output "gg-ticket: $BATS_TEST_TMPDIR/bad.yaml:2:5: holidays: each needs from and to dates (YYYY-MM-DD), to not before from"
}

@test "import --dry-run checks everything and writes nothing" {
	before=$(digest)
	run -0 gg-ticket import --dry-run -o json <<<'{"category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "甲"}'
	assert_equal "$(jq -c . <<<"$output")" '{"new":1,"updated":0,"unchanged":0}'
	assert_equal "$(digest)" "$before"
}

@test "a unit with tickets on it cannot be removed" {
	new_ticket >/dev/null
	gg-org unit rm TZ-HL-CZ-01-G01-B03 TZ-HL-CZ-01-G01-B04 >/dev/null 2>&1 || true
	run -65 gg-org unit rm TZ-HL-CZ-01-G01
	assert_output --partial "tickets (1)"
}

@test "import --from open311: a bad request is named by its place in the input" {
	before=$(digest)
	run -65 gg-ticket import --from open311 <<<'[{"service_request_id": "9", "service_code": "env.garbage", "description": "x", "address_id": "TZ-HL-CZ-01-G01"},
 {"service_request_id": "10", "service_code": "nope", "description": "y", "address_id": "TZ-HL-CZ-01-G01"}]'
	assert_output "gg-ticket: stdin:2:2: category: unknown category 'nope'"
	assert_equal "$(digest)" "$before"
}

@test "an import from a slow pipe holds no lock while it waits: the sweep goes on meanwhile" {
	# a ticket past its deadline for the sweep, then an import whose producer takes 4 s
	gg-ticket import >/dev/null <<<'{"category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "楼道堆放杂物",
		"reported_at": "2026-11-20T09:00:00+08:00"}'
	{ echo '{"category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "甲"}'; sleep 4
	  echo '{"category": "env.nope", "unit": "TZ-HL-CZ-01-G01", "title": "乙"}'; } |
		gg-ticket import >"$BATS_TEST_TMPDIR/import.out" 2>&1 &
	sleep 1
	SECONDS=0
	run -0 env GG_BUSY_MS=1500 gg-ticket escalate --due -o tsv
	assert_line --partial $'\t楼道堆放杂物\t'
	[ "$SECONDS" -lt 3 ]
	wait $! || rc=$?
	assert_equal "${rc:-0}" 65
	assert_equal "$(cat "$BATS_TEST_TMPDIR/import.out")" "gg-ticket: stdin:2:1: category: unknown category 'env.nope'"
	run -0 sql "SELECT count(*) FROM ticket"
	assert_output 1
}

@test "a write reads stdin named by '-' before anything, after ids or with --unresolved too; a closed stdin is an error" {
	gg-ticket import >/dev/null <<<'{"category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "甲"}
{"category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "乙"}
{"category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "丙"}'
	# ids before '-', and an import checking its --unresolved grid first: neither holds the lock
	{ sleep 3; echo 2; } | gg-ticket accept 1 - >/dev/null &
	{ sleep 3; echo '{"category": "env.garbage", "address": "无此地址", "title": "丁"}'; } |
		gg-ticket import --unresolved=grid:TZ-HL-CZ-01-G01 >/dev/null &
	sleep 1
	run -0 env GG_BUSY_MS=500 gg-ticket accept 3
	wait
	run -0 --separate-stderr sql "SELECT status FROM ticket ORDER BY id"
	output=$(paste -sd ' ' <<<"$output")
	assert_output 'accepted accepted accepted new'
	# stdin closed: not an empty input
	run -74 --separate-stderr bash -c 'gg-ticket import <&-'
	assert_equal "$stderr" "gg-ticket: cannot read stdin: it is closed"
	run -74 --separate-stderr bash -c 'gg-ticket show - <&-'
	assert_equal "$stderr" "gg-ticket: cannot read stdin: it is closed"
	run -64 --separate-stderr env GG_INPUT_MAX=4G gg-ticket import <<<'[]'
	assert_equal "${stderr_lines[0]}" "gg-ticket: GG_INPUT_MAX: '4G' is not a number of bytes"
}

@test "list --unanswered: tickets nobody accepted within the response time, the summoned department's too" {
	a=$(new_ticket)                                    # respond within 2h
	b=$(new_ticket)
	gg-ticket accept "$b" >/dev/null
	c=$(gg-ticket new --category safety.food --title 餐馆卫生 --unit TZ-HL-CZ-01-G02 -o json | jq -r .id) # street: D-SC summoned
	ids() { gg-ticket list -o ndjson "$@" | jq -s -c 'map(.id)'; }
	assert_equal "$(GG_NOW=2026-11-26T11:00:00+08:00 ids --unanswered)" '[]'
	assert_equal "$(GG_NOW=2026-11-26T12:00:00+08:00 ids --unanswered)" "[$a,$c]"
	gg-ticket accept "$c" >/dev/null                   # the department reports for duty
	assert_equal "$(GG_NOW=2026-11-26T12:00:00+08:00 ids --unanswered)" "[$a]"
}
