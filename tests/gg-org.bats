#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-org: importing, exporting, drawing, checking and resolving the net, and the
# add/list/show/set/rm commands of every kind.

load helper

@test "import reports what it added, and a second import changes nothing" {
	empty_db
	run -0 gg-org import -o json -f "$FIX/city.yaml"
	assert_equal "$(jq -c .units <<<"$output")" '{"new":9,"changed":0,"unchanged":0}'
	assert_equal "$(jq -c .people <<<"$output")" '{"new":6,"changed":0,"unchanged":0}'
	before=$(sql 'SELECT count(*) FROM audit')
	run -0 gg-org import -o json <"$FIX/city.yaml"
	assert_equal "$(jq -c .units <<<"$output")" '{"new":0,"changed":0,"unchanged":9}'
	assert_equal "$(sql 'SELECT count(*) FROM audit')" "$before"
}

@test "nested children get their parent" {
	run -0 gg-org unit show TZ-HL-CZ-01-G01-B03 -o ndjson
	assert_equal "$(jq -r .parent <<<"$output")" TZ-HL-CZ-01-G01
	assert_equal "$(jq -c .addresses <<<"$output")" '["东进路12号3幢","东进路14号"]'
}

@test "export round-trips: import(export) changes nothing and export is byte-identical" {
	gg-org export >"$BATS_TEST_TMPDIR/a.yaml"
	before=$(digest)
	run -0 gg-org import -o json -f "$BATS_TEST_TMPDIR/a.yaml"
	assert_equal "$(jq '[.[] | .new + .changed] | add' <<<"$output")" 0
	assert_equal "$(digest)" "$before"
	gg-org export >"$BATS_TEST_TMPDIR/b.yaml"
	cmp "$BATS_TEST_TMPDIR/a.yaml" "$BATS_TEST_TMPDIR/b.yaml"
	# revealed, it rebuilds the same net in an empty database
	gg-org --reveal export >"$BATS_TEST_TMPDIR/a.yaml"
	new=$(new_db new)
	GG_DB="$new" gg-org import -f "$BATS_TEST_TMPDIR/a.yaml" >/dev/null
	GG_DB="$new" gg-org --reveal export >"$BATS_TEST_TMPDIR/c.yaml"
	run -0 gg-org --reveal export
	assert_equal "$output" "$(cat "$BATS_TEST_TMPDIR/c.yaml")"
}

@test "export --flat names parents and --under keeps a subtree" {
	run -0 gg-org export --flat -o json
	assert_equal "$(jq -r '.units[] | select(.code == "TZ-HL-CZ-01-G02") | .parent' <<<"$output")" TZ-HL-CZ-01
	run -0 gg-org export --under TZ-HL-CZ-02 -o json
	assert_equal "$(jq -c '[.units[].code]' <<<"$output")" '["TZ-HL-CZ-02"]'
	assert_equal "$(jq -c '[.people[].code]' <<<"$output")" '["C0001","C0002"]'
	assert_equal "$(jq -c '[.party_orgs[].code]' <<<"$output")" '["P-JT"]'
}

@test "export writes personal data masked unless --reveal, and --reveal is audited" {
	run -0 gg-org export -o json
	assert_equal "$(jq -r '.people[] | select(.code == "W0001") | .phone' <<<"$output")" '138****1234'
	assert_equal "$(jq -r '.people[] | select(.code == "H0001") | .id_number' <<<"$output")" '321***********1234'
	run -0 gg-org --reveal person show W0001 -o ndjson
	assert_equal "$(jq -r .phone <<<"$output")" 13800001234
	run -0 sql "SELECT actor || ' ' || $(jx change '$.op') || ' ' || command FROM audit ORDER BY id DESC LIMIT 1"
	assert_output 'tester reveal gg-org --reveal person show W0001 -o ndjson'
}

@test "a masked phone that is not the stored one is refused" {
	before=$(digest)
	run -65 gg-org import <<<'people: [{code: W0001, name: 李娜, phone: "139****0000"}]'
	assert_output --partial "stdin:1:41: phone: '139****0000' is masked"
	assert_equal "$(digest)" "$before"
}

@test "tree draws the net with box-drawing characters" {
	run -0 gg-org tree
	assert_line --index 0 '泰州市 (TZ)'
	assert_line --index 1 '└── 海陵区 (TZ-HL)'
	assert_line --index 3 '        ├── 东进社区 (TZ-HL-CZ-01) 8200 residents'
	assert_line --index 4 '        │   ├── 第一网格 (TZ-HL-CZ-01-G01)'
	assert_line --index 5 '        │   │   ├── 3号楼 (TZ-HL-CZ-01-G01-B03)'
	assert_line --index 6 '        │   │   └── 4号楼 (TZ-HL-CZ-01-G01-B04)'
	assert_line --index 7 '        │   └── 第二网格 (TZ-HL-CZ-01-G02)'
	assert_line --index 8 '        └── 坡子街社区 (TZ-HL-CZ-02) 1000 residents'
}

@test "tree --under and --depth" {
	run -0 gg-org tree --under TZ-HL-CZ-01 --depth 1
	assert_output '东进社区 (TZ-HL-CZ-01) 8200 residents
├── 第一网格 (TZ-HL-CZ-01-G01)
└── 第二网格 (TZ-HL-CZ-01-G02)'
	run -0 gg-org tree --under TZ-HL-CZ-01 --depth 1 -o ndjson
	assert_equal "$(jq -s -c 'map(.depth)' <<<"$output")" '[0,1,1]'
	run -65 gg-org tree --under NOPE
	assert_output 'gg-org: no unit '\''NOPE'\'''
	run -64 gg-org tree --depth x
	assert_output --partial "--depth takes a whole number"
}

@test "check lists every breach with its figures and exits 1" {
	run -1 --separate-stderr gg-org check -o json
	assert_equal "$(jq -c '[.[] | [.rule, .code]]' <<<"$output")" \
		'[["community_party_org","TZ-HL-CZ-02"],["grid_informant","TZ-HL-CZ-01-G02"],["grid_party_branch","TZ-HL-CZ-01-G02"],["grid_worker","TZ-HL-CZ-01-G02"],["leader_link","L0002"],["staffing_ratio","TZ-HL-CZ-01"]]'
	# 1 worker for 8,200 residents: 1.2 per 10,000, 15 needed, 14 short
	assert_equal "$(jq -c '.[] | select(.rule == "staffing_ratio") | [.population, .workers, .per_10000, .required, .shortfall]' <<<"$output")" '[8200,1,1.2,15,14]'
	# 2 workers for 1,000 residents is 20 per 10,000: no finding
	refute_output --partial '"staffing_ratio","TZ-HL-CZ-02"'
}

@test "check passes once the breaches are mended" {
	gg-org import >/dev/null <<'EOF2'
party_orgs:
  - {code: P-CZ02, name: 坡子街社区党委, kind: committee, unit: TZ-HL-CZ-02}
  - {code: P-G02, name: 第二网格党支部, kind: branch, unit: TZ-HL-CZ-01-G02}
people:
  - {code: W0002, name: 孙杰, roles: [{role: grid_worker, unit: TZ-HL-CZ-01-G02}, {role: property_manager, unit: TZ-HL-CZ-01-G02}]}
links:
  - {leader: L0002, unit: TZ-HL-CZ-02}
EOF2
	run -1 gg-org check -o ndjson
	assert_equal "$(jq -s -c 'map(.rule)' <<<"$output")" '["staffing_ratio"]'
	assert_equal "$(jq -r .workers <<<"$output")" 2
	run -0 gg-org check --under TZ-HL-CZ-02 -o table
	assert_output 'rule  level  code  name  problem  population  workers  per_10000  required  shortfall'
	run -0 gg-org check --under TZ-HL-CZ-02
	assert_output '[]'
}

@test "resolve finds a building by its address, exactly or in normal form" {
	run -0 gg-org resolve 东进路12号3幢 -o ndjson
	assert_equal "$(jq -c '[.building, .grid, .community, .street, .match]' <<<"$output")" \
		'["TZ-HL-CZ-01-G01-B03","TZ-HL-CZ-01-G01","TZ-HL-CZ-01","TZ-HL-CZ","exact"]'
	for variant in '东进路12号3栋' '东进路１２号３幢' ' 东进路 12 号 3 号楼' '东进路12號3棟'; do
		run -0 gg-org resolve "$variant" -o ndjson
		assert_equal "$(jq -r '.building + " " + .match' <<<"$output")" 'TZ-HL-CZ-01-G01-B03 normalised'
	done
}

@test "resolve: an unknown address is an error; - reads records" {
	run -65 gg-org resolve 西湖路1号
	assert_output "gg-org: no building has the address '西湖路1号'"
	run -0 gg-org resolve - -o ndjson <<<'{"address": "东进路16号4幢"}
{"address": "东进路14号"}'
	assert_equal "$(jq -s -c 'map(.building)' <<<"$output")" '["TZ-HL-CZ-01-G01-B04","TZ-HL-CZ-01-G01-B03"]'
}

@test "resolve: an address two buildings share is ambiguous" {
	gg-org unit set TZ-HL-CZ-01-G01-B04 --addresses 东进路16号4幢 --addresses 东进路14号 >/dev/null
	run -65 gg-org resolve 东进路14号
	assert_output "gg-org: address '东进路14号' is ambiguous: buildings TZ-HL-CZ-01-G01-B03, TZ-HL-CZ-01-G01-B04"
}

@test "unit add, show, set, list and rm" {
	run -0 gg-org unit add --code TZ-HL-CZ-01-G03 --name 第三网格 --level grid --parent TZ-HL-CZ-01
	assert_output 'code: TZ-HL-CZ-01-G03
name: 第三网格
level: grid
parent: TZ-HL-CZ-01'
	run -0 gg-org unit set TZ-HL-CZ-01-G03 --name 第三网格（新） -o json
	assert_equal "$(jq -r .name <<<"$output")" '第三网格（新）'
	run -0 gg-org unit list --parent TZ-HL-CZ-01 -o tsv
	assert_output 'code	name	level	parent	population	households	addresses
TZ-HL-CZ-01-G01	第一网格	grid	TZ-HL-CZ-01			
TZ-HL-CZ-01-G02	第二网格	grid	TZ-HL-CZ-01			
TZ-HL-CZ-01-G03	第三网格（新）	grid	TZ-HL-CZ-01			'
	run -0 gg-org unit rm TZ-HL-CZ-01-G03
	run -65 gg-org unit show TZ-HL-CZ-01-G03
	assert_output "gg-org: no unit 'TZ-HL-CZ-01-G03'"
}

@test "unit add refuses a code that exists; set refuses one that does not" {
	before=$(digest)
	run -65 gg-org unit add --code TZ --name 泰州 --level city
	assert_output "gg-org: unit 'TZ' exists already; change it with 'unit set'"
	run -65 gg-org unit set TZ-NOPE --name x
	assert_output "gg-org: no unit 'TZ-NOPE'"
	# a key names the record: set cannot change it, and says so rather than doing nothing
	run -64 --separate-stderr gg-org unit set TZ-HL --code TZ-XX
	assert_equal "${stderr%%$'\n'*}" "gg-org: --code names the unit and cannot be set: remove it and add it anew"
	run -64 gg-org link set L0001 TZ-HL-CZ-01 --unit TZ-HL-CZ-02
	assert_equal "$(digest)" "$before"
}

@test "unit list --under takes a subtree, person list filters by role" {
	run -0 gg-org unit list --under TZ-HL-CZ-01-G01 -o ndjson
	assert_equal "$(jq -s -c 'map(.code)' <<<"$output")" '["TZ-HL-CZ-01-G01","TZ-HL-CZ-01-G01-B03","TZ-HL-CZ-01-G01-B04"]'
	run -0 gg-org person list --roles leader -o ndjson
	assert_equal "$(jq -s -c 'map(.code)' <<<"$output")" '["L0001","L0002"]'
	run -0 gg-org person list --under TZ-HL-CZ-02 -o ndjson
	assert_equal "$(jq -s -c 'map(.code)' <<<"$output")" '["C0001","C0002"]'
}

@test "rm refuses while something refers to it, naming what" {
	before=$(digest)
	run -65 gg-org unit rm TZ-HL-CZ-01
	assert_output "gg-org: cannot remove unit 'TZ-HL-CZ-01': still referred to by units under it (2), Party organisations (1), joint or functional Party organisations (1), leader links (1), demands (1)"
	run -65 gg-org person rm W0001
	assert_output "gg-org: cannot remove person 'W0001': still referred to by Party organisations (as secretary) (1)"
	run -65 gg-org dept rm D-CG
	assert_output --partial "demands (1)"
	assert_equal "$(digest)" "$before"
}

@test "rm takes keys from stdin with -, all or nothing" {
	gg-org dept add --code D-A --name 甲局 --level district >/dev/null
	gg-org dept add --code D-B --name 乙局 --level district >/dev/null
	before=$(digest)
	run -65 gg-org dept rm - <<<'{"code": "D-A"}
{"code": "D-CG"}'
	assert_equal "$(digest)" "$before"
	run -0 gg-org dept rm - <<<'{"code": "D-A"}
{"code": "D-B"}'
	run -0 gg-org dept list -o ndjson
	assert_equal "$(jq -s -c 'map(.code)' <<<"$output")" '["D-CG"]'
}

@test "person roles, party units and links from the command line" {
	run -0 gg-org person add --code X0001 --name 钱伟 --roles auxiliary:TZ-HL-CZ-01-G02 --roles building_head:TZ-HL-CZ-01-G01-B03 -o json
	assert_equal "$(jq -c .roles <<<"$output")" '[{"role":"auxiliary","unit":"TZ-HL-CZ-01-G02"},{"role":"building_head","unit":"TZ-HL-CZ-01-G01-B03"}]'
	run -0 gg-org party add --code P-F --name 物业功能型党支部 --kind functional --units TZ-HL-CZ-01 --units TZ-HL-CZ-02 -o json
	assert_equal "$(jq -c .units <<<"$output")" '["TZ-HL-CZ-01","TZ-HL-CZ-02"]'
	run -0 gg-org link add --leader L0002 --unit TZ-HL-CZ-02
	run -0 gg-org link show L0002 TZ-HL-CZ-02 -o ndjson
	assert_equal "$(jq -c . <<<"$output")" '{"leader":"L0002","unit":"TZ-HL-CZ-02"}'
	run -0 gg-org link rm L0002 TZ-HL-CZ-02
	run -65 gg-org link add --leader L0002 --unit TZ-HL
	assert_output "gg-org: unit: 'TZ-HL' is a district, not a community"
}

@test "demands get ids; the same demand without an id is not added twice" {
	run -0 gg-org demand add --department D-CG --unit TZ-HL-CZ-02 --kind data_request --title 住户信息报送 --date 2026-11-12 --fields 姓名 --fields 住址 -o json
	assert_equal "$(jq -c '[.id, .fields, .approved]' <<<"$output")" '[2,["姓名","住址"],false]'
	run -0 gg-org import -o json <<<'demands: [{department: D-CG, unit: TZ-HL-CZ-02, kind: data_request, title: 住户信息报送, date: 2026-11-12, approved: true}]'
	assert_equal "$(jq -c .demands <<<"$output")" '{"new":0,"changed":1,"unchanged":0}'
	run -0 gg-org demand show 2 -o ndjson
	assert_equal "$(jq -c '[.approved, .fields]' <<<"$output")" '[true,["姓名","住址"]]'
	run -65 gg-org demand add --department D-CG --unit TZ-HL-CZ-02 --kind task --title x --date 2026-13-01
	assert_output "gg-org: date: '2026-13-01' is not a date (YYYY-MM-DD)"
}

@test "signboards: kept beside the duties, round-tripped by import and export, codes not shared" {
	run -0 gg-org import -o json <<<'signboards: [{code: SB-1, name: 社区党群服务中心}, {code: SB-2, name: 新时代文明实践站, level: district}]'
	assert_equal "$(jq -c .signboards <<<"$output")" '{"new":2,"changed":0,"unchanged":0}'
	run -0 gg-org signboard list -o tsv
	assert_output "$(printf 'code\tname\tlevel\nSB-1\t社区党群服务中心\t\nSB-2\t新时代文明实践站\tdistrict')"
	run -0 gg-org duty list -o ndjson
	assert_equal "$(jq -r .code <<<"$output")" DU-01
	run -0 gg-org export -o json
	assert_equal "$(jq -c '[.signboards[].code, (.duties | map(.code))]' <<<"$output")" '["SB-1","SB-2",["DU-01"]]'
	gg-org export >"$BATS_TEST_TMPDIR/out.yaml"
	run -0 gg-org import -f "$BATS_TEST_TMPDIR/out.yaml" -o json
	assert_equal "$(jq -c .signboards <<<"$output")" '{"new":0,"changed":0,"unchanged":2}'
	# one list of codes: a duty's code is no signboard's, and the other way round
	BEFORE=$(digest)
	refused gg-org "code: 'DU-01' is a duty on the list already" signboard add --code DU-01 --name 牌子
	refused gg-org "code: 'SB-1' is a signboard on the list already" duty add --code SB-1 --name 职责 --kind by_law
	run -65 gg-org duty show SB-1
	run -0 gg-org signboard rm SB-2
	run -0 gg-org signboard list -o ndjson
	assert_equal "$(jq -r .code <<<"$output")" SB-1
}

@test "a demand's inspection_kind is an inspection's, its signboard a signboard demand's, named where given" {
	run -0 gg-org demand add --department D-CG --unit TZ-HL-CZ-02 --kind inspection --inspection-kind special --title 消防专项检查 --date 2026-11-12 -o json
	assert_equal "$(jq -c '[.id, .inspection_kind]' <<<"$output")" '[2,"special"]'
	run -0 gg-org import -o json <<<'demands: [{department: D-CG, unit: TZ-HL-CZ-02, kind: signboard, signboard: 某某工作站, title: 挂牌, date: 2026-11-13}]'
	run -0 gg-org demand show 3 -o ndjson
	assert_equal "$(jq -c '[.kind, .signboard, .inspection_kind]' <<<"$output")" '["signboard","某某工作站",null]'
	BEFORE=$(digest)
	printf 'demands:\n  - {department: D-CG, unit: TZ-HL-CZ-02, kind: task, title: x, date: 2026-11-12,\n     inspection_kind: special}\n' >"$BATS_TEST_TMPDIR/d.yaml"
	refused gg-org "$BATS_TEST_TMPDIR/d.yaml:3:23: inspection_kind: only an inspection has one, and this is a task" import -f "$BATS_TEST_TMPDIR/d.yaml"
	printf 'demands:\n  - {department: D-CG, unit: TZ-HL-CZ-02, kind: inspection, title: x, date: 2026-11-12, inspection_kind: yearly}\n' >"$BATS_TEST_TMPDIR/d.yaml"
	refused gg-org "$BATS_TEST_TMPDIR/d.yaml:2:106: inspection_kind: unknown inspection_kind 'yearly' (one of: comprehensive, special)" import -f "$BATS_TEST_TMPDIR/d.yaml"
	printf 'demands:\n  - {department: D-CG, unit: TZ-HL-CZ-02, kind: signboard, title: 挂牌, date: 2026-11-12}\n' >"$BATS_TEST_TMPDIR/d.yaml"
	refused gg-org "$BATS_TEST_TMPDIR/d.yaml:2:5: signboard: a signboard demand names the board it asks for" import -f "$BATS_TEST_TMPDIR/d.yaml"
	refused gg-org "signboard: only a signboard demand names a board, and this is a meeting" demand add --department D-CG --unit TZ-HL-CZ-02 --kind meeting --title 会议 --date 2026-11-12 --signboard SB-1
	refused gg-org "inspection_kind: only an inspection has one, and this is a signboard" demand set 3 --inspection-kind special
}

@test "a unit's level cannot change under its children; addresses are for buildings" {
	run -65 gg-org unit set TZ-HL-CZ-01-G01 --level community --parent TZ-HL-CZ
	assert_output "gg-org: level: cannot make 'TZ-HL-CZ-01-G01' a community: it has 2 units under it"
	run -65 gg-org unit set TZ-HL-CZ-01-G02 --addresses 东进路1号
	assert_output "gg-org: addresses: only buildings have addresses, and 'TZ-HL-CZ-01-G02' is a grid"
}

@test "joint organisations span units; others stand on one" {
	run -65 gg-org party add --code P-X --name 甲 --kind branch
	assert_output "gg-org: unit: a branch needs the unit it stands on"
	run -65 gg-org party add --code P-X --name 甲 --kind joint
	assert_output "gg-org: units: a joint organisation needs the units it spans"
}

@test "every write is in the audit log, chained" {
	gg-org unit set TZ-HL-CZ-02 --population 1200 >/dev/null
	run -0 sql "SELECT actor, now, $(jx change '$.set.population'), $(jx change '$.was.population') FROM audit ORDER BY id DESC LIMIT 1"
	assert_output 'tester|2026-11-26T10:00:00+08:00|1200|1000'
	# each row names the hash of the one before
	run -0 sql "SELECT count(*) FROM audit a JOIN audit b ON b.id = a.id + 1 WHERE b.prev <> a.hash"
	assert_output 0
	store_refuses "DELETE FROM audit"
	assert_output --partial 'append-only'
}

@test "an append-only kind is kept so by the store: no UPDATE, DELETE or REPLACE from the sqlite3 shell" {
	gg-org unit set TZ-HL-CZ-02 --population 1200 >/dev/null
	before=$(digest)
	store_refuses "UPDATE audit SET actor = 'someone else' WHERE id = 1"
	assert_output --partial 'the audit log is append-only'
	store_refuses "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)"
	assert_output --partial 'the audit log is append-only'
	if on_pg; then
		# PostgreSQL's REPLACE is an insert that updates the row it meets, and TRUNCATE skips
		# the row triggers
		store_refuses "INSERT INTO audit (id, at, actor, command, change, prev, hash) SELECT id, at, 'someone else', command, change, prev, hash FROM audit WHERE id = 1
			ON CONFLICT (id) DO UPDATE SET actor = excluded.actor"
		assert_output --partial 'the audit log is append-only'
		store_refuses "TRUNCATE audit"
		assert_output --partial 'the audit log is append-only'
	else
		store_refuses "INSERT OR REPLACE INTO audit (id, at, actor, command, change, prev, hash) SELECT id, at, 'someone else', command, change, prev, hash FROM audit WHERE id = 1"
		assert_output --partial 'the audit log is append-only'
		store_refuses "REPLACE INTO audit (id, at, actor, command, change, prev, hash) VALUES (1, '', '', '', '{}', '', '')"
		assert_output --partial 'the audit log is append-only'
	fi
	[ "$(digest)" = "$before" ]
	# a new row is still welcome
	gg-org unit set TZ-HL-CZ-02 --population 1300 >/dev/null
	run -0 sql "SELECT $(jx change '$.set.population') FROM audit ORDER BY id DESC LIMIT 1"
	assert_output 1300
}

@test "--help on the tool, a group and every command" {
	run -0 gg-org --help
	assert_line --partial 'import [-f FILE] [--dry-run]'
	run -0 gg-org unit --help
	assert_line --partial 'unit add'
	for c in init import export tree check resolve "unit add" "person list" "party show" "dept set" "duty rm" "signboard add" "demand add" "link list"; do
		run -0 gg-org $c --help
		assert_line --index 0 --partial "usage: gg-org $c"
	done
	run -0 gg-org --version
	assert_output 'gg-org 0.2'
}

@test "import --dry-run checks everything and writes nothing" {
	before=$(digest)
	run -0 gg-org import --dry-run -o json <<<'units: [{code: TZ-HL-CZ-03, name: 新社区, level: community, parent: TZ-HL-CZ}]'
	assert_equal "$(jq -c .units <<<"$output")" '{"new":1,"changed":0,"unchanged":0}'
	assert_equal "$(digest)" "$before"
}

@test "demand list --period takes a month, quarter, ISO week or year; --from/--to days" {
	gg-org demand add --department D-CG --unit TZ-HL-CZ-02 --kind meeting --title 年终会议 --date 2026-12-01 >/dev/null
	gg-org demand add --department D-CG --unit TZ-HL-CZ-02 --kind task --title 周末值守 --date 2026-11-15 >/dev/null
	ids() { gg-org demand list -o ndjson "$@" | jq -s -c 'map(.id)'; }
	assert_equal "$(ids --period 2026-11)" '[1,3]'
	assert_equal "$(ids --period 2026-Q4)" '[1,2,3]'
	assert_equal "$(ids --period 2026-W46)" '[1,3]'   # Monday 9 to Sunday 15 November
	assert_equal "$(ids --period 2026-W47)" '[]'
	assert_equal "$(ids --period 2026-W49)" '[2]'     # 30 November to 6 December
	assert_equal "$(ids --period 2026)" '[1,2,3]'
	assert_equal "$(ids --from 2026-11-15 --to 2026-12-01)" '[2,3]'
	assert_equal "$(ids --to 2026-11-10)" '[1]'
	run -64 gg-org demand list --period 2026-W54
	assert_output --partial "bad period '2026-W54'"
	run -64 gg-org unit list --period 2026-11
	assert_output --partial "a unit has no date"
}

@test "the unit_path view rolls units up to their ancestors" {
	run -0 sql "SELECT code FROM unit_path WHERE ancestor = 'TZ-HL-CZ-01' AND level = 'building' ORDER BY code"
	assert_output 'TZ-HL-CZ-01-G01-B03
TZ-HL-CZ-01-G01-B04'
	run -0 sql "SELECT ancestor || ' ' || depth FROM unit_path WHERE code = 'TZ-HL-CZ-01-G01-B03' ORDER BY depth"
	assert_output 'TZ-HL-CZ-01-G01-B03 0
TZ-HL-CZ-01-G01 1
TZ-HL-CZ-01 2
TZ-HL-CZ 3
TZ-HL 4
TZ 5'
}
