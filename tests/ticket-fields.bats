#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# A ticket's record keeps what gg(7) promises: where it stands (street, community), where it
# started, its first acceptance and first return visit, whether it ever missed a deadline,
# closed_at for closed tickets only, its reporter (masked), and an urgent clock.

load helper

setup_file() {
	seed_catalogue
}

# new_ticket [OPTIONS]: a garbage ticket on grid G01, reported now; prints its id
new_ticket() {
	gg-ticket new --category env.garbage --title 楼道堆放杂物 --unit TZ-HL-CZ-01-G01 -o json "$@" | jq -r .id
}

@test "show, list and ndjson name the ticket's street, community and start level; csv declares them" {
	id=$(new_ticket)
	gg-ticket new --category road.pothole --title 坑 --unit TZ-HL-CZ-01-G01-B03 >/dev/null
	run -0 gg-ticket show "$id" -o ndjson
	assert_equal "$(jq -c '[.street, .community, .start_level, .level]' <<<"$output")" \
		'["TZ-HL-CZ","TZ-HL-CZ-01","grid","grid"]'
	run -0 gg-ticket list -o ndjson
	assert_equal "$(jq -c '[.id, .street, .community, .start_level, .level]' <<<"$output")" \
		$'[1,"TZ-HL-CZ","TZ-HL-CZ-01","grid","grid"]\n[2,"TZ-HL-CZ","TZ-HL-CZ-01","community","community"]'
	run -0 gg-ticket list -o csv
	assert_equal "$(head -n 1 <<<"$output" | tr , '\n' | grep -cxE 'street|community|start_level|first_accepted_at|first_satisfaction|missed|reporter')" 7
}

@test "first_accepted_at stays when a re-acceptance overwrites accepted_at" {
	id=$(new_ticket)
	gg-ticket --now 2026-11-26T11:00:00+08:00 accept "$id" >/dev/null
	gg-ticket --now 2026-11-26T12:00:00+08:00 escalate "$id" --to community --reason 网格处理不了 >/dev/null
	run -0 gg-ticket --now 2026-11-26T13:00:00+08:00 accept "$id" -o ndjson
	assert_equal "$(jq -c '[.first_accepted_at, .accepted_at]' <<<"$output")" \
		'["2026-11-26T11:00:00+08:00","2026-11-26T13:00:00+08:00"]'
}

@test "first_satisfaction keeps the first return visit's answer beside the last" {
	id=$(new_ticket)
	gg-ticket accept "$id" >/dev/null
	gg-ticket resolve "$id" >/dev/null
	gg-ticket visit "$id" --satisfaction unsatisfied >/dev/null
	gg-ticket resolve "$id" >/dev/null
	run -0 gg-ticket visit "$id" --satisfaction satisfied -o ndjson
	assert_equal "$(jq -c '[.first_satisfaction, .satisfaction]' <<<"$output")" '["unsatisfied","satisfied"]'
	run -0 gg-ticket close "$id" -o ndjson
	assert_equal "$(jq -c '[.first_satisfaction, .satisfaction, .status]' <<<"$output")" \
		'["unsatisfied","satisfied","closed"]'
}

@test "missed: false until the sweep escalates a ticket or marks it overdue, and true after whatever follows" {
	a=$(new_ticket)
	b=$(new_ticket)
	run -0 gg-ticket show "$a" -o ndjson
	assert_equal "$(jq .missed <<<"$output")" false
	gg-ticket --now 2026-11-27T11:00:00+08:00 escalate --due >/dev/null
	gg-ticket --now 2026-11-27T12:00:00+08:00 accept "$a" >/dev/null
	gg-ticket --now 2026-11-27T12:00:00+08:00 resolve "$a" >/dev/null
	run -0 gg-ticket show "$a" "$b" -o json
	assert_equal "$(jq -c '[.[] | [.missed, .level]]' <<<"$output")" '[[true,"community"],[true,"community"]]'
	# a ticket that reached department level and missed there too: overdue, missed
	c=$(gg-ticket new --category safety.food --title 餐馆卫生 --unit TZ-HL-CZ-01-G02 -o json | jq -r .id)
	gg-ticket --now 2026-12-31T10:00:00+08:00 escalate --due >/dev/null
	run -0 gg-ticket show "$c" -o ndjson
	assert_equal "$(jq -c '[.missed, (.overdue_at != null)]' <<<"$output")" '[true,true]'
	run -0 gg-ticket list --status open -o csv
	assert_line --index 0 --partial ',missed,'
}

@test "closed_at is for closed tickets: a reject and a merge keep their time in the event" {
	a=$(new_ticket)
	b=$(new_ticket)
	c=$(new_ticket)
	gg-ticket --now 2026-11-26T11:00:00+08:00 reject "$a" --reason 不属实 >/dev/null
	gg-ticket --now 2026-11-26T11:30:00+08:00 merge "$b" --into "$c" >/dev/null
	run -0 gg-ticket show "$a" "$b" -o json
	assert_equal "$(jq -c '[.[] | [.status, .closed_at]]' <<<"$output")" '[["rejected",null],["duplicate",null]]'
	run -0 gg-ticket history "$a" -o json
	assert_equal "$(jq -r '.[] | select(.kind == "rejected") | .at' <<<"$output")" '2026-11-26T11:00:00+08:00'
	run -0 gg-ticket history "$b" -o json
	assert_equal "$(jq -r '.[] | select(.kind == "merged") | .at' <<<"$output")" '2026-11-26T11:30:00+08:00'
	run -0 sql 'SELECT count(*) FROM ticket WHERE closed_at IS NOT NULL'
	assert_output 0
}

@test "list --status open shows suspended tickets; the sweep and --overdue leave them be" {
	a=$(new_ticket)
	b=$(new_ticket)
	gg-ticket suspend "$a" --reason 等待业主 >/dev/null
	run -0 gg-ticket list --status open -o json
	assert_equal "$(jq -c '[.[] | [.id, .status]]' <<<"$output")" "[[$a,\"suspended\"],[$b,\"new\"]]"
	run -0 gg-ticket --now 2026-11-28T10:00:00+08:00 list --overdue -o json
	assert_equal "$(jq -c '[.[].id]' <<<"$output")" "[$b]"
	run -0 gg-ticket --now 2026-11-28T10:00:00+08:00 escalate --due -o json
	assert_equal "$(jq -c '[.[].id]' <<<"$output")" "[$b]"
	run -0 gg-ticket show "$a" -o ndjson
	assert_equal "$(jq -c '[.status, .level, .missed]' <<<"$output")" '["suspended","grid",false]'
	# open, but its clock stands still: resumed first for the steps of running tickets
	run -65 gg-ticket suspend "$a" --reason 再等等
	assert_output "gg-ticket: cannot suspend ticket $a: it is suspended"
	run -65 gg-ticket escalate "$a" --to community --reason 升级
	assert_output "gg-ticket: cannot escalate ticket $a: it is suspended"
}

@test "a reporter is taken in by new and import, its phone masked unless --reveal" {
	run -0 gg-ticket new - -o json <<<'{category: env.garbage, title: 楼道堆放杂物, unit: TZ-HL-CZ-01-G01, reporter: {name: 王芳, phone: "13912345678"}}'
	assert_equal "$(jq -c .reporter <<<"$output")" '{"name":"王芳","phone":"139****5678"}'
	run -0 gg-ticket import -o json <<<'{external_id: "R-1", source: hotline_12345, category: env.garbage, title: 噪声, unit: TZ-HL-CZ-01-G02, reported_at: "2026-11-26T09:00:00+08:00", reporter: {name: 李四, phone: "13800001111"}}'
	run -0 gg-ticket list -o ndjson
	assert_equal "$(jq -c .reporter <<<"$output")" $'{"name":"王芳","phone":"139****5678"}\n{"name":"李四","phone":"138****1111"}'
	run -0 gg-ticket --reveal show 1 -o ndjson
	assert_equal "$(jq -r .reporter.phone <<<"$output")" 13912345678
	run -0 sql 'SELECT reporter_name, reporter_phone FROM ticket ORDER BY id'
	assert_output $'王芳|13912345678\n李四|13800001111'
	run -0 gg-ticket list -o csv
	refute_output --partial 13912345678
}

@test "a bad reporter is refused, naming the field; nothing written" {
	before=$(digest)
	run -65 gg-ticket new - <<<'{category: env.garbage, title: x, unit: TZ-HL-CZ-01-G01, reporter: 王芳}'
	assert_output --partial "reporter: expected a mapping"
	run -65 gg-ticket new - <<<'{category: env.garbage, title: x, unit: TZ-HL-CZ-01-G01, reporter: {name: 王芳, email: a@b}}'
	assert_output --partial "email: unknown field for a reporter (name or phone)"
	run -65 gg-ticket new - <<<'{category: env.garbage, title: x, unit: TZ-HL-CZ-01-G01, reporter: {phone: "139****5678"}}'
	assert_output --partial "'139****5678' is masked; export with --reveal to carry personal data"
	assert_equal "$(digest)" "$before"
}

@test "export --to open311 keeps the external id beside service_request_id" {
	run -0 gg-ticket import --from open311 -f "$FIX/open311.json"
	run -0 gg-ticket export --to open311
	assert_equal "$(jq -c '[.[] | [.service_request_id, .external_id]]' <<<"$output")" \
		'[["1","311-1001"],["2","311-1002"]]'
	run -0 gg-ticket export --to open311 -o csv
	assert_line --index 0 --regexp '^service_request_id,external_id,'
}

@test "an urgent ticket has its category's urgent deadline at every level it reaches" {
	run -0 gg-ticket category show env.sewage -o ndjson
	assert_equal "$(jq -c .urgent <<<"$output")" '{"grid":"4h","community":"8h","street":"1wd","department":"2wd"}'
	run -0 --separate-stderr gg-ticket new --category env.sewage --title 污水外溢 --unit TZ-HL-CZ-01-G01 --priority urgent -o json
	assert_equal "$stderr" ''
	assert_equal "$(jq -c '[.priority, .due_at]' <<<"$output")" '["urgent","2026-11-26T14:00:00+08:00"]'
	id=$(jq -r .id <<<"$output")
	# missed at 14:00, it climbs to community with 8h from then
	run -0 gg-ticket --now 2026-11-26T15:00:00+08:00 escalate --due -o json
	assert_equal "$(jq -c '[.[0].level, .[0].due_at]' <<<"$output")" '["community","2026-11-26T22:00:00+08:00"]'
	# a normal one of the same category keeps the normal SLA
	run -0 gg-ticket new --category env.sewage --title 污水外溢 --unit TZ-HL-CZ-01-G01 -o json
	assert_equal "$(jq -r .due_at <<<"$output")" '2026-11-26T22:00:00+08:00'
}

@test "an urgent ticket of a category without urgent deadlines keeps the normal ones and says so, once" {
	run -0 --separate-stderr gg-ticket import -o json <<<'{"external_id": "U-1", "category": "env.garbage", "title": "甲", "unit": "TZ-HL-CZ-01-G01", "priority": "urgent"}
{"external_id": "U-2", "category": "env.garbage", "title": "乙", "unit": "TZ-HL-CZ-01-G01", "priority": "urgent"}'
	assert_equal "$stderr" "gg-ticket: category 'env.garbage' has no urgent deadlines: its urgent tickets get the normal ones"
	run -0 gg-ticket list -o json
	assert_equal "$(jq -c '[.[] | .due_at] | unique' <<<"$output")" '["2026-11-27T10:00:00+08:00"]'
}

@test "a category's urgent map is checked as its sla is" {
	before=$(digest)
	run -65 gg-ticket category import <<<'categories: [{code: x.a, name: 甲, start_level: community, department: D-CG, respond: 2h, sla: {community: 1h, street: 1h, department: 1h}, urgent: {community: 30m, department: 1h}}]'
	assert_output --partial "urgent: no deadline for street level, which a ticket starting at community reaches"
	run -65 gg-ticket category import <<<'categories: [{code: x.a, name: 甲, start_level: street, department: D-CG, respond: 2h, sla: {street: 1h, department: 1h}, urgent: {street: soon, department: 1h}}]'
	assert_output --partial "urgent: street: not a duration"
	run -65 gg-ticket category import <<<'categories: [{code: x.a, name: 甲, start_level: street, department: D-CG, respond: 2h, sla: {street: 1h, department: 1h}, urgent: {street: 1h, city: 1h, department: 1h}}]'
	assert_output --partial "urgent: unknown level 'city'"
	assert_equal "$(digest)" "$before"
}

@test "list --priority filters, repeated or comma-separated; an unknown priority is a usage error" {
	new_ticket >/dev/null
	new_ticket --priority urgent >/dev/null 2>&1
	run -0 gg-ticket list --priority urgent -o json
	assert_equal "$(jq -c '[.[] | [.id, .priority]]' <<<"$output")" '[[2,"urgent"]]'
	run -0 gg-ticket list --priority normal,urgent -o json
	assert_equal "$(jq length <<<"$output")" 2
	run -0 gg-ticket list --priority normal --priority urgent -o json
	assert_equal "$(jq length <<<"$output")" 2
	run -64 gg-ticket list --priority high
	assert_output --partial "unknown priority 'high' for --priority (one of: normal, urgent)"
}

@test "a record taken in again with a new priority counts the deadline again; its reporter is updated, masked in history" {
	rec='{"external_id": "R-1", "source": "hotline_12345", "category": "env.sewage", "title": "污水外溢", "unit": "TZ-HL-CZ-01-G01", "reporter": {"name": "张三", "phone": "13912345678"}'
	gg-ticket import <<<"$rec}" >/dev/null
	run -0 gg-ticket show 1 -o ndjson
	assert_equal "$(jq -r .due_at <<<"$output")" '2026-11-26T22:00:00+08:00'
	run -0 gg-ticket import -o json <<<"${rec/13912345678/13800001111}, \"priority\": \"urgent\"}"
	assert_equal "$(jq -c '[.updated, .unchanged]' <<<"$output")" '[1,0]'
	run -0 gg-ticket --reveal show 1 -o ndjson
	assert_equal "$(jq -c '[.priority, .due_at, .reporter.phone]' <<<"$output")" '["urgent","2026-11-26T14:00:00+08:00","13800001111"]'
	run -0 gg-ticket history 1 -o ndjson
	assert_equal "$(jq -c 'select(.kind == "updated") | .data.reporter_phone' <<<"$output")" '["139****5678","138****1111"]'
	# taken in once more as it now stands, nothing changes
	run -0 gg-ticket import -o json <<<"${rec/13912345678/13800001111}, \"priority\": \"urgent\"}"
	assert_equal "$(jq -c '[.updated, .unchanged]' <<<"$output")" '[0,1]'
}
