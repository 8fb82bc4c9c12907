#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# Departments by district and joint committees, on the demo city: 海陵区 and 高港区 each
# give the built-in catalogue's roles (urban_management, housing, market_regulation,
# ecology_environment, water) their own bureaus, and the catalogue's categories with a role
# summon the ticket's district's; three of its four streets have a joint committee
# (街道大工委), 刁铺街道 has none.

load helper

setup_file() {
	seed "$TOP/share/gg/examples/taizhou.yaml"
	GG_DB="$SEED_DB" gg-ticket category import --builtin >/dev/null
}

setup() {
	fresh_db
	BEFORE=$(digest)
}

# garbage UNIT: a new env.garbage ticket (urban_management) on UNIT; prints its id
garbage() {
	gg-ticket new --category env.garbage --title 垃圾堆放 --unit "$1" -o json | jq -r .id
}

# ---- departments by district ----

@test "a street-level escalation in 高港区 summons 高港区's department, in 海陵区 海陵区's" {
	gg=$(garbage TZ-GG-KA-01-G01)
	hl=$(garbage TZ-HL-CZ-01-G01)
	run -0 --separate-stderr gg-ticket escalate "$gg" "$hl" --to street --reason 网格处理不了 -o ndjson
	assert_equal "$stderr" ""
	assert_equal "$(jq -s -c 'map([.level, .status, .assignee])' <<<"$output")" \
		'[["street","assigned","D-GG-CG"],["street","assigned","D-HL-CG"]]'
	run -0 gg-ticket history "$gg" -o json
	assert_equal "$(jq -c '.[-1].data.summoned' <<<"$output")" '"D-GG-CG"'
}

@test "the sweep summons each ticket's district's department, and keeps it at department level" {
	gg=$(garbage TZ-GG-DP-01-G01)
	hl=$(garbage TZ-HL-CD-01-G01)
	run -0 gg-ticket escalate --due --now 2026-11-30T10:00:00+08:00 -o ndjson
	assert_equal "$(jq -s -c 'map([.id, .level, .assignee]) | sort' <<<"$output")" \
		"[[$gg,\"street\",\"D-GG-CG\"],[$hl,\"street\",\"D-HL-CG\"]]"
	run -0 gg-ticket escalate --due --now 2026-12-20T10:00:00+08:00 -o ndjson
	assert_equal "$(jq -s -c 'map([.id, .level, .assignee]) | sort' <<<"$output")" \
		"[[$gg,\"department\",\"D-GG-CG\"],[$hl,\"department\",\"D-HL-CG\"]]"
	run -0 gg-ticket history "$hl" -o json
	assert_equal "$(jq -c 'map(select(.kind == "escalated") | .data.summoned)' <<<"$output")" \
		'[null,"D-HL-CG","D-HL-CG"]'
}

@test "a district with no department for the role: nobody is summoned, said once per district and role" {
	gg-org district-dept rm TZ-GG urban_management >/dev/null
	a=$(garbage TZ-GG-KA-01-G01)
	b=$(garbage TZ-GG-DP-01-G01)
	hl=$(garbage TZ-HL-CZ-01-G01)
	run -0 --separate-stderr gg-ticket escalate "$a" "$b" "$hl" --to street --reason 网格处理不了 -o ndjson
	assert_equal "$stderr" "gg-ticket: district 'TZ-GG' has no department for the role 'urban_management': nobody is summoned"
	assert_equal "$(jq -s -c 'map([.status, .assignee])' <<<"$output")" \
		'[["new",null],["new",null],["assigned","D-HL-CG"]]'
	run -0 gg-ticket history "$a" -o json
	assert_equal "$(jq -c '.[-1].data' <<<"$output")" '{"from":"grid","to":"street"}'
}

@test "each role of the built-in catalogue summons the district's own bureau, and the demo city gives them all" {
	run -0 gg-ticket category list -o json
	assert_equal "$(jq -c 'map(.department_role // empty) | unique' <<<"$output")" \
		'["ecology_environment","housing","market_regulation","urban_management","water"]'
	# 住建, 水务, 生态环境 on escalation to the street; 市场监管 at intake, food safety starting there
	for c in prop.leak:ZJ road.manhole:SW env.noise:HB prop.elevator:SC; do
		gg=$(gg-ticket new --category "${c%:*}" --title 甲 --unit TZ-GG-KA-01-G01 -o json | jq -r .id)
		hl=$(gg-ticket new --category "${c%:*}" --title 乙 --unit TZ-HL-CZ-01-G01 -o json | jq -r .id)
		run -0 --separate-stderr gg-ticket escalate "$gg" "$hl" --to street --reason 网格处理不了 -o ndjson
		assert_equal "$stderr" ""
		assert_equal "$(jq -s -c 'map(.assignee)' <<<"$output")" "[\"D-GG-${c#*:}\",\"D-HL-${c#*:}\"]"
	done
	run -0 gg-ticket new --category safety.food --title 餐馆卫生 --unit TZ-GG-KA-01-G01 -o json
	assert_equal "$(jq -r .assignee <<<"$output")" D-GG-SC
	run -0 gg-ticket new --category safety.structure --title 墙体开裂 --unit TZ-HL-CZ-01-G01 -o json
	assert_equal "$(jq -r .assignee <<<"$output")" D-HL-ZJ
	run -1 gg-org check -o json
	refute_output --partial department_role_unmapped
}

@test "a category naming a department summons it in every district, as before" {
	gg=$(gg-ticket new --category road.pothole --title 路面坑洼 --unit TZ-GG-KA-01-G01 -o json | jq -r .id)
	run -0 gg-ticket escalate "$gg" --to street --reason 社区处理不了 -o json
	assert_equal "$(jq -r '.[0].assignee' <<<"$output")" D-JT
}

@test "a ticket taken in at street level summons its district's department at intake" {
	gg-ticket category import >/dev/null <<<'categories: [{code: x.stall, name: 占道摊点, start_level: street, department_role: urban_management, respond: 2h, sla: {street: 2wd, department: 5wd}}]'
	run -0 gg-ticket new --category x.stall --title 占道摊点 --unit TZ-GG-DP-01-G01 -o json
	assert_equal "$(jq -c '[.level, .status, .assignee]' <<<"$output")" '["street","assigned","D-GG-CG"]'
	run -0 gg-ticket new --category x.stall --title 占道摊点 --unit TZ-HL-CD-01-G01 -o json
	assert_equal "$(jq -r .assignee <<<"$output")" D-HL-CG
}

@test "a re-import that moves an open street-level ticket to another district summons that district's department" {
	imp() {
		gg-ticket import -o json <<<"{\"external_id\": \"M1\", \"source\": \"hotline_12345\", \"category\": \"env.garbage\", \"title\": \"垃圾堆放\", \"unit\": \"$1\", \"reported_at\": \"2026-11-26T09:00:00+08:00\"}"
	}
	run -0 imp TZ-HL-CZ-01-G01
	id=$(gg-ticket list -o json | jq -r '.[0].id')
	gg-ticket escalate "$id" --to street --reason 网格处理不了 >/dev/null
	# within the district: the same department, the assignee kept
	run -0 imp TZ-HL-CD-01-G01
	run -0 gg-ticket show "$id" -o json
	assert_equal "$(jq -c '.[0] | [.unit, .status, .assignee]' <<<"$output")" '["TZ-HL-CD-01-G01","assigned","D-HL-CG"]'
	run -0 imp TZ-GG-KA-01-G01
	assert_equal "$(jq -c . <<<"$output")" '{"new":0,"updated":1,"unchanged":0}'
	run -0 gg-ticket show "$id" -o json
	assert_equal "$(jq -c '.[0] | [.unit, .level, .status, .assignee]' <<<"$output")" '["TZ-GG-KA-01-G01","street","assigned","D-GG-CG"]'
	run -0 gg-ticket history "$id" -o json
	assert_equal "$(jq -c '.[-1] | [.kind, .data.unit, .data.assignee]' <<<"$output")" \
		'["updated",["TZ-HL-CD-01-G01","TZ-GG-KA-01-G01"],["D-HL-CG","D-GG-CG"]]'
	# a ticket still at grid level summons nobody
	gg-ticket import >/dev/null <<<'{"external_id": "M2", "source": "hotline_12345", "category": "env.garbage", "title": "甲", "unit": "TZ-HL-CZ-01-G01", "reported_at": "2026-11-26T09:00:00+08:00"}'
	gg-ticket import >/dev/null <<<'{"external_id": "M2", "source": "hotline_12345", "category": "env.garbage", "title": "甲", "unit": "TZ-GG-KA-01-G01", "reported_at": "2026-11-26T09:00:00+08:00"}'
	run -0 gg-ticket list --unit TZ-GG-KA-01-G01 -o json
	assert_equal "$(jq -c 'map([.external_id, .level, .assignee])' <<<"$output")" '[["M1","street","D-GG-CG"],["M2","grid",null]]'
}

@test "a category names a department or a department_role, one of the two" {
	local sla='respond: 2h, sla: {street: 2wd, department: 5wd}'
	refused gg-ticket "stdin:1:14: department: a category names a department or a department_role (which each district maps to its own department), one of the two" \
		category import -f - <<<"categories: [{code: x.a, name: 甲, start_level: street, $sla}]"
	refused gg-ticket "stdin:1:68: department: a category names a department or a department_role (which each district maps to its own department), one of the two" \
		category import -f - <<<"categories: [{code: x.a, name: 甲, start_level: street, department: D-JT, department_role: transport, $sla}]"
	run -0 gg-ticket category show env.garbage -o json
	assert_equal "$(jq -c '.[0] | [.department, .department_role]' <<<"$output")" '[null,"urban_management"]'
}

@test "district-dept: add, list, show, set, rm; a district must be a district and a department known" {
	run -0 gg-org district-dept add --district TZ-HL --role civil_affairs --department D-HL-ZJ -o json
	assert_equal "$(jq -c . <<<"$output")" '{"district":"TZ-HL","role":"civil_affairs","department":"D-HL-ZJ"}'
	run -0 gg-org district-dept list --district TZ-HL -o tsv
	assert_output $'district\trole\tdepartment\nTZ-HL\tcivil_affairs\tD-HL-ZJ\nTZ-HL\tecology_environment\tD-HL-HB\nTZ-HL\thousing\tD-HL-ZJ\nTZ-HL\tmarket_regulation\tD-HL-SC\nTZ-HL\turban_management\tD-HL-CG\nTZ-HL\twater\tD-HL-SW'
	run -0 gg-org district-dept set TZ-HL civil_affairs --department D-HL-MZ -o json
	assert_equal "$(jq -r .department <<<"$output")" D-HL-MZ
	run -0 gg-org district-dept show TZ-HL civil_affairs -o tsv
	assert_output $'district\trole\tdepartment\nTZ-HL\tcivil_affairs\tD-HL-MZ'
	run -0 gg-org district-dept rm TZ-HL civil_affairs
	run -65 gg-org district-dept show TZ-HL civil_affairs
	BEFORE=$(digest)
	refused gg-org "district: 'TZ-HL-CZ' is a street, not a district" \
		district-dept add --district TZ-HL-CZ --role civil_affairs --department D-HL-ZJ
	refused gg-org "department: unknown dept 'D-NOPE'" \
		district-dept add --district TZ-HL --role civil_affairs --department D-NOPE
	refused gg-org "cannot remove dept 'D-GG-CG': still referred to by demands (1), district departments (1), joint committees (1)" \
		dept rm D-GG-CG
}

@test "district_departments import and export with the city document" {
	run -0 gg-org export --under TZ-GG -o json
	assert_equal "$(jq -c '.district_departments | map([.role, .department])' <<<"$output")" \
		'[["ecology_environment","D-GG-HB"],["housing","D-GG-ZJ"],["market_regulation","D-GG-SC"],["urban_management","D-GG-CG"],["water","D-GG-SW"]]'
	run -0 gg-org import -o json <<<'district_departments: [{district: TZ-GG, role: civil_affairs, department: D-GG-SC}]'
	assert_equal "$(jq -c .district_departments <<<"$output")" '{"new":1,"changed":0,"unchanged":0}'
	run -0 gg-org district-dept show TZ-GG civil_affairs -o json
	assert_equal "$(jq -r .[0].department <<<"$output")" D-GG-SC
}

@test "check lists districts with no department for a role some category uses" {
	run -1 gg-org check -o json
	refute_output --partial department_role_unmapped
	gg-org district-dept rm TZ-HL urban_management >/dev/null
	run -1 gg-org check -o json
	assert_equal "$(jq -c '[.[] | select(.rule == "department_role_unmapped") | [.code, .problem]]' <<<"$output")" \
		"[[\"TZ-HL\",\"district has no department for the role 'urban_management' (gg-org district-dept add)\"]]"
}

# ---- joint committees ----

@test "party show lists a joint committee's members: departments, units, outside members" {
	run -0 gg-org party show P-TZ-HL-CZ -o json
	assert_equal "$(jq -c '.[0].members' <<<"$output")" \
		'[{"kind":"department","code":"D-HL-CG"},{"kind":"department","code":"D-HL-CZ-ZB"},{"kind":"unit","code":"TZ-HL-CZ-01"},{"kind":"outside","name":"泰州市人民医院"},{"kind":"outside","name":"坡子街商圈商会"}]'
	run -0 gg-org party add --code P-TZ-GG-DP --name 刁铺街道大工委 --kind committee --unit TZ-GG-DP \
		--members department:D-GG-CG --members outside:刁铺商会 -o json
	assert_equal "$(jq -c .members <<<"$output")" \
		'[{"kind":"department","code":"D-GG-CG"},{"kind":"outside","name":"刁铺商会"}]'
}

@test "members only on a committee of a street or community, each known" {
	refused gg-org "members: only a committee on a street or community (a joint committee) has members" \
		party add --code P-X --name 甲 --kind branch --unit TZ-GG-DP-01-G01 --members department:D-GG-CG
	refused gg-org "members: only a committee on a street or community (a joint committee) has members" \
		party add --code P-X --name 甲 --kind committee --unit TZ-GG --members department:D-GG-CG
	refused gg-org "members: member 2: unknown department 'D-NOPE'" \
		party add --code P-X --name 甲 --kind committee --unit TZ-GG-DP --members department:D-GG-CG \
		--members department:D-NOPE
	refused gg-org "members: member 1: a unit member needs a code" \
		party add --code P-X --name 甲 --kind committee --unit TZ-GG-DP --members unit
}

@test "a joint committee's members: an outside one by a name, not blank, without a code; the others by a code only, once each" {
	refused gg-org "members: member 2: an outside member needs a name" \
		party add --code P-X --name 甲 --kind committee --unit TZ-GG-DP --members department:D-GG-CG \
		--members 'outside:'
	refused gg-org "members: member 2: an outside member needs a name" \
		party add --code P-X --name 甲 --kind committee --unit TZ-GG-DP --members department:D-GG-CG \
		--members 'outside:  '
	refused gg-org "members: member 3: department 'D-GG-CG' is member 1 already" \
		party add --code P-X --name 甲 --kind committee --unit TZ-GG-DP --members department:D-GG-CG \
		--members outside:刁铺商会 --members department:D-GG-CG
	refused gg-org "members: member 2: unit 'TZ-GG-DP-01' is member 1 already" \
		party add --code P-X --name 甲 --kind committee --unit TZ-GG-DP --members unit:TZ-GG-DP-01 \
		--members unit:TZ-GG-DP-01
	refused gg-org "stdin:1:77: members: member 2: an outside member has a name, not a code" \
		import <<<'party_orgs: [{code: P-X, name: 甲, kind: committee, unit: TZ-GG-DP, members: [{kind: department, code: D-GG-CG}, {kind: outside, code: X1, name: 刁铺商会}]}]'
	refused gg-org "stdin:1:77: members: member 1: an outside member needs a name" \
		import <<<'party_orgs: [{code: P-X, name: 甲, kind: committee, unit: TZ-GG-DP, members: [{kind: outside, name: ""}]}]'
	refused gg-org "stdin:1:77: members: member 1: a department member has a code, not a name" \
		import <<<'party_orgs: [{code: P-X, name: 甲, kind: committee, unit: TZ-GG-DP, members: [{kind: department, code: D-GG-CG, name: 城管局}]}]'
	refused gg-org "stdin:1:77: members: member 1: a unit member has a code, not a name" \
		import <<<'party_orgs: [{code: P-X, name: 甲, kind: committee, unit: TZ-GG-DP, members: [{kind: unit, code: TZ-GG-DP-01, name: 某社区}]}]'
	refused gg-org "stdin:1:77: members: member 1: an outside member has a name, not a code" \
		import <<<'party_orgs: [{code: P-X, name: 甲, kind: committee, unit: TZ-GG-DP, members: [{kind: outside, code: X1}]}]'
	# the command line's outside:NAME is the member's name, spaces and all
	run -0 gg-org party add --code P-X --name 甲 --kind committee --unit TZ-GG-DP --members outside:刁铺商会 \
		--members 'outside:Taizhou Port Group' -o json
	assert_equal "$(jq -c .members <<<"$output")" '[{"kind":"outside","name":"刁铺商会"},{"kind":"outside","name":"Taizhou Port Group"}]'
}

@test "check reports the street without a joint committee, and a joint committee with no member department" {
	run -1 gg-org check -o json
	assert_equal "$(jq -c '[.[] | select(.rule | test("joint")) | [.rule, .code]]' <<<"$output")" \
		'[["street_joint_committee","TZ-GG-DP"]]'
	gg-org party add --code P-TZ-GG-DP --name 刁铺街道大工委 --kind committee --unit TZ-GG-DP \
		--members outside:刁铺商会 >/dev/null
	run -1 gg-org check -o json
	assert_equal "$(jq -c '[.[] | select(.rule | test("joint")) | [.rule, .code, .problem]]' <<<"$output")" \
		'[["joint_committee_members","P-TZ-GG-DP","joint committee has no member department"]]'
}

@test "a department or unit that is a joint committee's member is not removed, nor is a district's department" {
	gg-org dept add --code D-GG-DP-SG --name 刁铺街道社工站 --level street >/dev/null
	gg-org unit add --code TZ-GG-DP-09 --name 新区社区 --level community --parent TZ-GG-DP >/dev/null
	gg-org dept add --code D-GG-X --name 无关部门 --level district >/dev/null
	gg-org party add --code P-TZ-GG-DP --name 刁铺街道大工委 --kind committee --unit TZ-GG-DP \
		--members department:D-GG-DP-SG --members unit:TZ-GG-DP-09 --members outside:D-GG-X >/dev/null
	BEFORE=$(digest)
	refused gg-org "cannot remove dept 'D-GG-DP-SG': still referred to by joint committees (1)" dept rm D-GG-DP-SG
	refused gg-org "cannot remove unit 'TZ-GG-DP-09': still referred to by joint committees (1)" unit rm TZ-GG-DP-09
	run -0 gg-org party show P-TZ-GG-DP -o json
	assert_equal "$(jq -c '.[0].members | map(.code // .name)' <<<"$output")" '["D-GG-DP-SG","TZ-GG-DP-09","D-GG-X"]'
	# an outside member is a name, not a department's code
	run -0 gg-org dept rm D-GG-X
	# a district_departments row keeps its department too
	gg-org district-dept add --district TZ-GG --role civil_affairs --department D-GG-DP-SG >/dev/null
	BEFORE=$(digest)
	refused gg-org "cannot remove dept 'D-GG-DP-SG': still referred to by district departments (1), joint committees (1)" \
		dept rm D-GG-DP-SG
	# once no committee has them, they go
	gg-org party rm P-TZ-GG-DP >/dev/null
	gg-org district-dept rm TZ-GG civil_affairs >/dev/null
	run -0 gg-org dept rm D-GG-DP-SG
	run -0 gg-org unit rm TZ-GG-DP-09
}
