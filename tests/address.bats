#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# Addresses as the 12345 hotline sends them: the city, district and street before the road,
# the entrance, floor and room after the building. Each resolves to the building of its core,
# the parts it ignored shown, and only where the names are units of the net above it.

load helper

setup_file() {
	seed_catalogue
}

setup() {
	fresh_db
}

# building ADDRESS: the building ADDRESS resolves to, and the parts ignored, as JSON.
building() {
	run -0 --separate-stderr gg-org resolve "$1" -o ndjson
	jq -c '[.building, .match, .ignored]' <<<"$output"
}

# A second district with a building whose address is also 东进路14号.
second_district() {
	gg-org import >/dev/null <<'EOF2'
units:
  - {code: TZ-GG, name: 高港区, level: district, parent: TZ}
  - {code: TZ-GG-KG, name: 口岸街道, level: street, parent: TZ-GG}
  - {code: TZ-GG-KG-01, name: 仁和社区, level: community, parent: TZ-GG-KG}
  - {code: TZ-GG-KG-01-G01, name: 第一网格, level: grid, parent: TZ-GG-KG-01}
  - {code: TZ-GG-KG-01-G01-B01, name: 1号楼, level: building, parent: TZ-GG-KG-01-G01, addresses: [东进路14号]}
EOF2
}

@test "the long forms resolve to the same building as the short one, the ignored parts shown" {
	B03=TZ-HL-CZ-01-G01-B03
	assert_equal "$(building 东进路14号)" "[\"$B03\",\"exact\",[]]"
	assert_equal "$(building 泰州市海陵区东进路14号)" "[\"$B03\",\"stripped\",[\"泰州市\",\"海陵区\"]]"
	assert_equal "$(building 东进路12号3幢2单元301室)" "[\"$B03\",\"stripped\",[\"2单元\",\"301室\"]]"
	assert_equal "$(building 泰州海陵城中东进路12号3幢)" "[\"$B03\",\"stripped\",[\"泰州\",\"海陵\",\"城中\"]]"
	assert_equal "$(building '海陵区城中街道 东进路１２号３栋 2单元3楼301')" \
		"[\"$B03\",\"stripped\",[\"海陵区\",\"城中街道\",\"2单元\",\"3楼\",\"301\"]]"
	assert_equal "$(building 东进路12号3幢5层2-301)" "[\"$B03\",\"stripped\",[\"5层\",\"2-301\"]]"
	run -0 gg-org resolve -o yaml 泰州市海陵区东进路14号2单元301室
	assert_line 'query: 泰州市海陵区东进路14号2单元301室'
	assert_line 'ignored:'
	assert_line '- 泰州市'
	assert_line '- 海陵区'
	assert_line '- "2单元"'
	assert_line '- "301室"'
	run -0 gg-org resolve -o csv 泰州市东进路14号
	assert_line --index 0 'query,match,address,building,building_name,grid,grid_name,community,community_name,street,street_name,ignored'
}

@test "an entrance, floor and room numbered in Chinese numerals or full-width digits are stripped" {
	B03=TZ-HL-CZ-01-G01-B03 B04=TZ-HL-CZ-01-G01-B04
	assert_equal "$(building 东进路16号4幢二单元301室)" "[\"$B04\",\"stripped\",[\"二单元\",\"301室\"]]"
	assert_equal "$(building 东进路12号3幢三楼)" "[\"$B03\",\"stripped\",[\"三楼\"]]"
	assert_equal "$(building 东进路12号3幢十二层)" "[\"$B03\",\"stripped\",[\"十二层\"]]"
	assert_equal "$(building 泰州市东进路12号3幢一单元二十一层2-301)" \
		"[\"$B03\",\"stripped\",[\"泰州市\",\"一单元\",\"二十一层\",\"2-301\"]]"
	assert_equal "$(building 东进路16号4幢两单元三〇一室)" "[\"$B04\",\"stripped\",[\"两单元\",\"三〇一室\"]]"
	# full-width digits are half-width in normal form, and listed so
	assert_equal "$(building 东进路16号4幢２单元１２层３０１室)" "[\"$B04\",\"stripped\",[\"2单元\",\"12层\",\"301室\"]]"
	run -0 gg-org resolve -o yaml 东进路16号4幢二单元
	assert_line '- 二单元'
	# the rules are the digits' own: a floor after the road is no floor of a building, a bare
	# number in Chinese numerals no room
	run -65 gg-org resolve 东进路十楼
	run -65 gg-org resolve 东进路12号3幢三〇一
	run -65 gg-org resolve 东进路12号3幢二单元-301
}

@test "a name before the road is stripped only where it is a unit above the building" {
	run -0 gg-org resolve 海陵区东进路14号
	second_district
	# 高港区 is a district of the net, but not the one 东进路14号 of B03 is in
	gg-org unit set TZ-GG-KG-01-G01-B01 --addresses 西湖路1号 >/dev/null
	run -65 --separate-stderr gg-org resolve 高港区东进路14号
	assert_equal "$stderr" "gg-org: no building has the address '高港区东进路14号'"
	# no unit of the net is called 姜堰区; a room after the road is no room of a building
	run -65 --separate-stderr gg-org resolve 姜堰区东进路14号
	assert_equal "$stderr" "gg-org: no building has the address '姜堰区东进路14号'"
	run -65 gg-org resolve 东进路141
	assert_equal "$(building 高港区口岸西湖路1号301室)" '["TZ-GG-KG-01-G01-B01","stripped",["高港区","口岸","301室"]]'
}

@test "the district before the road tells apart two buildings with one address" {
	second_district
	run -65 --separate-stderr gg-org resolve 东进路14号
	assert_equal "$stderr" "gg-org: address '东进路14号' is ambiguous: buildings TZ-GG-KG-01-G01-B01, TZ-HL-CZ-01-G01-B03"
	assert_equal "$(building 海陵区东进路14号)" '["TZ-HL-CZ-01-G01-B03","stripped",["海陵区"]]'
	assert_equal "$(building 泰州市高港区东进路14号)" '["TZ-GG-KG-01-G01-B01","stripped",["泰州市","高港区"]]'
}

@test "ambiguity after stripping is an error naming the candidates" {
	gg-org unit set TZ-HL-CZ-01-G01-B04 --addresses 东进路16号4幢 --addresses 东进路14号 >/dev/null
	run -65 --separate-stderr gg-org resolve 海陵区东进路14号301室
	assert_equal "$stderr" \
		"gg-org: address '海陵区东进路14号301室' is ambiguous: buildings TZ-HL-CZ-01-G01-B03, TZ-HL-CZ-01-G01-B04"
	assert_equal "$output" ""
}

@test "a ticket imported with a long address lands on the building of the short one" {
	second_district
	gg-org unit set TZ-GG-KG-01-G01-B01 --addresses 西湖路1号 >/dev/null
	run -0 gg-ticket import --unresolved=grid:TZ-HL-CZ-01-G02 -o json <<'EOF2'
{"external_id": "L1", "source": "hotline_12345", "category": "env.garbage", "title": "甲", "address": "泰州市海陵区城中街道东进路14号2单元301室", "reported_at": "2026-11-20T09:00:00+08:00"}
{"external_id": "L2", "source": "hotline_12345", "category": "env.garbage", "title": "乙", "address": "东进路16号4幢1单元502室", "reported_at": "2026-11-20T09:10:00+08:00"}
{"external_id": "L3", "source": "hotline_12345", "category": "env.garbage", "title": "丙", "address": "高港区东进路14号", "reported_at": "2026-11-20T09:20:00+08:00"}
EOF2
	assert_equal "$(jq -c . <<<"$output")" '{"new":3,"updated":0,"unchanged":0}'
	run -0 gg-ticket list -o json
	assert_equal "$(jq -c 'map([.external_id, .unit, .address])' <<<"$output")" \
		'[["L1","TZ-HL-CZ-01-G01-B03","泰州市海陵区城中街道东进路14号2单元301室"],["L2","TZ-HL-CZ-01-G01-B04","东进路16号4幢1单元502室"],["L3","TZ-HL-CZ-01-G02","高港区东进路14号"]]'
}

# A street called 东进街道 (short form 东进), whose buildings' addresses start with 东进路.
dongjin_street() {
	gg-org import >/dev/null <<'EOF2'
units:
  - {code: TZ-HL-DJ, name: 东进街道, level: street, parent: TZ-HL}
  - {code: TZ-HL-DJ-01, name: 东进路社区, level: community, parent: TZ-HL-DJ}
  - {code: TZ-HL-DJ-01-G01, name: 第一网格, level: grid, parent: TZ-HL-DJ-01}
  - {code: TZ-HL-DJ-01-G01-B01, name: 1幢, level: building, parent: TZ-HL-DJ-01-G01, addresses: [东进路30号1幢]}
  - {code: TZ-HL-DJ-01-G01-B02, name: 1幢2单元, level: building, parent: TZ-HL-DJ-01-G01, addresses: [东进路30号1幢2单元]}
  - {code: TZ-HL-DJ-01-G01-B03, name: 路40号, level: building, parent: TZ-HL-DJ-01-G01, addresses: [路40号]}
  - {code: TZ-HL-DJ-01-G01-B04, name: 东进路40号, level: building, parent: TZ-HL-DJ-01-G01, addresses: [东进路40号]}
EOF2
}

@test "the least stripped core that matches wins" {
	dongjin_street
	assert_equal "$(building 东进路30号1幢2单元301室)" '["TZ-HL-DJ-01-G01-B02","stripped",["301室"]]'
	assert_equal "$(building 东进路30号1幢3单元301室)" '["TZ-HL-DJ-01-G01-B01","stripped",["3单元","301室"]]'
	assert_equal "$(building 东进街道东进路30号1幢2单元)" '["TZ-HL-DJ-01-G01-B02","stripped",["东进街道"]]'
}

@test "a street's short form is not cut out of the road's name" {
	dongjin_street
	assert_equal "$(building 东进路40号301室)" '["TZ-HL-DJ-01-G01-B04","stripped",["301室"]]'
	assert_equal "$(building 海陵区东进路40号)" '["TZ-HL-DJ-01-G01-B04","stripped",["海陵区"]]'
	assert_equal "$(building 东进路40号)" '["TZ-HL-DJ-01-G01-B04","exact",[]]'
	# where no road follows, the short form is the street's
	assert_equal "$(building 东进东进路40号)" '["TZ-HL-DJ-01-G01-B04","stripped",["东进"]]'
	run -65 gg-org resolve 东进大道40号
	run -65 gg-org resolve 东进街40号
}

@test "two cores stripped as much that match different buildings are ambiguous" {
	dongjin_street
	# 海陵区 stripped or 2单元 stripped: one part each, two buildings
	gg-org unit set TZ-HL-DJ-01-G01-B04 --addresses 东进路40号 --addresses 海陵区东进路30号1幢 >/dev/null
	run -65 --separate-stderr gg-org resolve 海陵区东进路30号1幢2单元
	assert_equal "$stderr" \
		"gg-org: address '海陵区东进路30号1幢2单元' is ambiguous: buildings TZ-HL-DJ-01-G01-B02, TZ-HL-DJ-01-G01-B04"
	assert_equal "$output" ""
}
