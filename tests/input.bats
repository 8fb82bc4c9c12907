#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The input contract, kept: every input gg would otherwise store wrong, cut or doubled is
# refused with exit 65, names file, line and field, and writes nothing.

load helper

setup_file() {
	seed_catalogue
}

setup() {
	fresh_db
	BEFORE=$(digest)
}

# infile NAME CONTENT: CONTENT (printf escapes read) in a file of the test; prints its path.
infile() {
	printf "$2" >"$BATS_TEST_TMPDIR/$1"
	echo "$BATS_TEST_TMPDIR/$1"
}

# ---- 10a: the CSV mapping ----

@test "a CSV mapping with a misspelt section (default: for defaults:) is refused" {
	m=$(infile map.yaml "$(sed 's/^defaults:/default:/' "$FIX/hotline-map.yaml")")
	refused gg-ticket "$m:10:3: default: unknown key in the mapping (one of: fields, defaults, values)" \
		import --from csv --map "$m" -f "$FIX/hotline.csv"
	m=$(infile map2.yaml 'fields: {title: 诉求标题}\ndefaults: hotline_12345\n')
	refused gg-ticket "$m:2:11: defaults: must be a mapping ({FIELD: VALUE, ...})" \
		import --from csv --map "$m" -f "$FIX/hotline.csv"
}

# ---- 10b: CSV fields ----

# csv_import: a 12345 export on stdin, mapped by the fixture's mapping
csv_import() {
	gg-ticket import --from csv --map "$FIX/hotline-map.yaml" -f - -o json
}

@test "a CSV field over the record size limit is refused while it is read, not read whole" {
	# an endless field in a file: read whole, it would never end
	mkfifo "$BATS_TEST_TMPDIR/endless.csv"
	{ head -1 "$FIX/hotline.csv"; printf '2026110300123,2026/11/03 09:12,邻里纠纷,楼上噪音,"'; yes 噪音 | tr -d '\n'; } \
		>"$BATS_TEST_TMPDIR/endless.csv" 2>/dev/null &
	run -65 --separate-stderr timeout 10 gg-ticket import --from csv --map "$FIX/hotline-map.yaml" -f "$BATS_TEST_TMPDIR/endless.csv"
	assert_equal "$stderr" "gg-ticket: $BATS_TEST_TMPDIR/endless.csv:2: malformed CSV: field 5 (诉求内容) is longer than 1048576 bytes"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
	kill %1 2>/dev/null || :
	# endless on stdin, which a write reads whole before it begins: refused past GG_INPUT_MAX
	run -65 --separate-stderr bash -c "yes 噪音 | GG_INPUT_MAX=1000000 timeout 10 gg-ticket import --from csv --map '$FIX/hotline-map.yaml' -f -"
	assert_equal "$stderr" "gg-ticket: stdin: more than 1000000 bytes (GG_INPUT_MAX), which a write holds before it begins; give a larger input as a file, -f FILE"
	assert_equal "$(digest)" "$BEFORE"
	# and one a little over the limit, closed, is refused as well, not stored
	run -65 --separate-stderr bash -c "{ head -1 '$FIX/hotline.csv'; printf '2026110300123,2026/11/03 09:12,邻里纠纷,楼上噪音,'; head -c 1048577 /dev/zero | tr '\0' a; printf ',东进路12号3幢\n'; } | gg-ticket import --from csv --map '$FIX/hotline-map.yaml' -f -"
	assert_equal "$stderr" "gg-ticket: stdin:2: malformed CSV: field 5 (诉求内容) is longer than 1048576 bytes"
	assert_equal "$(digest)" "$BEFORE"
}

@test "a NUL byte in a CSV field is refused, not stored cut" {
	f=$(infile nul.csv '工单编号,受理时间,诉求分类,诉求标题,诉求内容,事发地址\n2026110300124,2026/11/03 09:12,邻里纠纷,楼上\0噪音,"夜间",东进路12号3幢\n')
	refused gg-ticket "$f:2: malformed CSV: field 4 (诉求标题) holds a NUL byte" \
		import --from csv --map "$FIX/hotline-map.yaml" -f "$f"
}

@test "a CSV header starting with a full-width character is UTF-8, not a broken byte order mark" {
	m=$(infile wide.yaml 'fields: {external_id: ＃工单编号, title: （诉求标题）, category: 分类, unit: 网格}\n')
	f=$(infile wide.csv '＃工单编号,（诉求标题）,分类,网格\nW1,楼道堆放杂物,env.garbage,TZ-HL-CZ-01-G01\n')
	run -0 --separate-stderr gg-ticket import --from csv --map "$m" -f "$f" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"new":1,"updated":0,"unchanged":0}'
	# U+FEC0 (EF BB 80) is a character too; EF BB BF alone is a byte order mark
	m=$(infile fe.yaml 'fields: {external_id: ﻀ号, title: 标题, category: 分类, unit: 网格}\n')
	f=$(infile fe.csv 'ﻀ号,标题,分类,网格\nW2,甲,env.garbage,TZ-HL-CZ-01-G01\n')
	run -0 --separate-stderr gg-ticket import --from csv --map "$m" -f "$f" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"new":1,"updated":0,"unchanged":0}'
	m=$(infile bom.yaml 'fields: {external_id: 号, title: 标题, category: 分类, unit: 网格}\n')
	f=$(infile bom.csv '\xef\xbb\xbf号,标题,分类,网格\nW3,乙,env.garbage,TZ-HL-CZ-01-G01\n')
	run -0 --separate-stderr gg-ticket import --from csv --map "$m" -f "$f" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"new":1,"updated":0,"unchanged":0}'
	run -0 gg-ticket list -o json
	assert_equal "$(jq -c 'map([.external_id, .title])' <<<"$output")" '[["W1","楼道堆放杂物"],["W2","甲"],["W3","乙"]]'
}

# ---- 10c: YAML keys and tags, JSON between records ----

@test "a NUL byte in a YAML key is refused, not read as the key cut before it" {
	f=$(infile nul.yaml 'units:\n  - {code: TZ-X, name: 甲, level: district, "parent\\0junk": TZ}\n')
	refused gg-org "$f:2:44: a key contains a NUL character ('parent' and more)" import -f "$f"
}

@test "a byte order mark between NDJSON records is refused; one at the top is the input's own" {
	f=$(infile bom.ndjson '{"people": [{"code": "P1", "name": "甲"}]}\n\xef\xbb\xbf{"people": [{"code": "P2", "name": "乙"}]}\n')
	refused gg-org "$f:2:1: malformed JSON: a byte order mark between records (only the input's first bytes may be one)" import -f "$f"
	f=$(infile top.ndjson '\xef\xbb\xbf{"people": [{"code": "P1", "name": "甲"}]}\n{"people": [{"code": "P2", "name": "乙"}]}\n')
	run -0 gg-org import -f "$f" -o json
	assert_equal "$(jq -c .people <<<"$output")" '{"new":2,"changed":0,"unchanged":0}'
}

@test "two JSON arrays, or an array and an object, run together are refused, not read as one input" {
	f=$(infile two.json '[{"people": [{"code": "P1", "name": "甲"}]}][{"people": [{"code": "P2", "name": "乙"}]}]\n')
	refused gg-org "$f:1:44: malformed JSON: text after the closing ']' of the array" import -f "$f"
	f=$(infile then.json '[{"people": [{"code": "P1", "name": "甲"}]}]\n{"people": [{"code": "P2", "name": "乙"}]}\n')
	refused gg-org "$f:2:1: malformed JSON: text after the closing ']' of the array" import -f "$f"
	f=$(infile after.json '{"people": [{"code": "P1", "name": "甲"}]}\n[{"people": [{"code": "P2", "name": "乙"}]}]\n')
	refused gg-org "$f:2:1: a record must be an object" import -f "$f"
}

@test "a YAML tag outside the core schema is refused, not stored as the text it tags" {
	f=$(infile bin.yaml 'people:\n  - {code: P1, name: !!binary 55Sy}\n')
	refused gg-org "$f:2:22: unsupported YAML tag '!!binary' (only the core schema's: !!str, !!int, !!float, !!bool, !!null, !!seq, !!map)" import -f "$f"
	f=$(infile local.yaml 'people:\n  - {code: P1, name: !person 甲}\n')
	refused gg-org "$f:2:22: unsupported YAML tag '!person' (only the core schema's: !!str, !!int, !!float, !!bool, !!null, !!seq, !!map)" import -f "$f"
	f=$(infile set.yaml 'people: !!set\n  - {code: P1, name: 甲}\n')
	refused gg-org "$f:1:9: unsupported YAML tag '!!set' (only the core schema's: !!str, !!int, !!float, !!bool, !!null, !!seq, !!map)" import -f "$f"
	f=$(infile int.yaml 'units:\n  - {code: TZ-X, name: 甲, level: community, parent: TZ-HL-CZ, population: !!int many}\n')
	refused gg-org "$f:2:75: 'many' is not a !!int" import -f "$f"
	# the core tags still say what they always said
	f=$(infile core.yaml 'people:\n  - {code: !!str 0123, name: !!str 甲}\n')
	run -0 gg-org import -f "$f"
	run -0 gg-org person show 0123 -o ndjson
	assert_equal "$(jq -r .name <<<"$output")" 甲
}

# ---- 10d: times ----

@test "a UTC offset past ±14:00, one that lost its minutes, and year 0000 are not times" {
	for t in 2026-11-03T09:12:00+99:99 2026-11-03T09:12:00+08: 2026-11-03T09:12:00+08:60 0000-11-03T09:12:00+08:00; do
		f=$(infile t.yaml "{external_id: A1, source: hotline_12345, category: env.garbage, unit: TZ-HL-CZ-01-G01, title: 甲,\n reported_at: \"$t\"}\n")
		refused gg-ticket "$f:2:15: reported_at: '$t' is not a time: use ISO 8601, e.g. 2026-11-03T09:12:00+08:00" import -f "$f"
	done
	run -64 gg-ticket --now 2026-11-03T09:12:00+99:99 list
	# the offsets zones have are still times, written every way ISO 8601 allows
	for t in 2026-11-03T09:12:00+0800 2026-11-03T09:12:00+08 2026-11-03T01:12:00Z 2026-11-02T11:12:00-14:00 2026-11-03T23:12:00+14:00; do
		run -0 gg-ticket --now "$t" list -o json
	done
}

# ---- 10e: addresses and leader links ----

@test "an address on two buildings: check names the second and the first, resolve names both" {
	# the same address as B03's, spelt another way: resolve would send its tickets to B03
	gg-org unit set TZ-HL-CZ-01-G01-B04 --addresses 东进路16号4幢 --addresses '东进路 14 号' >/dev/null
	run -1 --separate-stderr gg-org check -o json
	assert_equal "$(jq -c '[.[] | select(.rule == "address_shared") | [.code, .problem]]' <<<"$output")" \
		"[[\"TZ-HL-CZ-01-G01-B04\",\"address '东进路 14 号' is also an address of building TZ-HL-CZ-01-G01-B03\"]]"
	run -65 --separate-stderr gg-org resolve 东进路14号
	assert_equal "$stderr" "gg-org: address '东进路14号' is ambiguous: buildings TZ-HL-CZ-01-G01-B03, TZ-HL-CZ-01-G01-B04"
}

@test "an empty address is refused: on a building, and on a ticket without a unit unless --unresolved takes it" {
	f=$(infile b.yaml 'units:\n  - {code: TZ-HL-CZ-01-G01-B09, name: 9号楼, level: building, parent: TZ-HL-CZ-01-G01, addresses: [东进路9号, "　 "]}\n')
	refused gg-org "$f:2:97: addresses: address 2 of 'TZ-HL-CZ-01-G01-B09' is empty" import -f "$f"
	refused gg-org "addresses: address 1 of 'TZ-HL-CZ-01-G01-B04' is empty" unit set TZ-HL-CZ-01-G01-B04 --addresses ' '
	for a in '""' '" "'; do
		f=$(infile t.yaml "{source: hotline_12345, category: env.garbage, title: 甲, address: $a}\n")
		refused gg-ticket "$f:1:67: address: the address is empty and no unit is given (--unresolved=grid:CODE takes such tickets)" import -f "$f"
	done
	run -0 --separate-stderr gg-ticket import --unresolved=grid:TZ-HL-CZ-01-G01 -f "$f" -o ndjson
	assert_equal "$(gg-ticket show 1 -o ndjson | jq -r .unit)" TZ-HL-CZ-01-G01
}

@test "a latitude past ±90 or a longitude past ±180 degrees is refused" {
	# where VALUE MESSAGE: a ticket placed at VALUE is refused with MESSAGE
	where() {
		f=$(infile t.yaml "{source: hotline_12345, category: env.garbage, title: 甲, unit: TZ-HL-CZ-01-G01,\n $1}\n")
		refused gg-ticket "$f:2:$2" import -f "$f"
	}
	where 'lat: 90.5' '7: lat: 90.5 is not within ±90 degrees'
	where 'lat: -91, long: 119.9' '7: lat: -91 is not within ±90 degrees'
	where 'lat: 32.5, long: 180.01' '19: long: 180.01 is not within ±180 degrees'
	where "long: '119.9'" '8: long: expected a number of degrees'
	f=$(infile t.yaml "{source: hotline_12345, category: env.garbage, title: 甲, unit: TZ-HL-CZ-01-G01, lat: -90, long: 180}\n")
	run -0 gg-ticket import -f "$f"
}

@test "a leader link to a person who is not a leader is refused" {
	f=$(infile link.yaml 'people:\n  - {code: P9, name: 甲, roles: [{role: grid_worker, unit: TZ-HL-CZ-01-G01}]}\nlinks:\n  - {leader: P9, unit: TZ-HL-CZ-01}\n')
	refused gg-org "$f:4:14: leader: 'P9' is not a leader: only a person with the role leader is linked to a community" import -f "$f"
	run -65 --separate-stderr gg-org link add --leader W0001 --unit TZ-HL-CZ-01
	assert_equal "$stderr" "gg-org: leader: 'W0001' is not a leader: only a person with the role leader is linked to a community"
	assert_equal "$(digest)" "$BEFORE"
	run -0 gg-org link add --leader L0002 --unit TZ-HL-CZ-02
}

# ---- 11: phone and id numbers ----

@test "phone numbers are mobiles or landlines; id numbers carry their check character" {
	for p in 138123456789 1381234567 12812345678 0523 0523-86881234-8012345 05238688123 +8613812345678 0523-0688123 138-1234-5678; do
		f=$(infile p.yaml "people:\n  - {code: P9, name: 甲, phone: \"$p\"}\n")
		refused gg-org "$f:2:32: phone: not a phone number: a mobile is 11 digits beginning 13 to 19, a landline [0AREA-]NUMBER[-EXTENSION] (0523-86881234-801)" import -f "$f"
	done
	for id in 321202195003011235 32120219500301123x 32120219500301123 ABC202195003011234; do
		f=$(infile i.yaml "people:\n  - {code: P9, name: 甲, id_number: \"$id\"}\n")
		refused gg-org "$f:2:36: id_number: not a resident id number: 17 digits and a check character (0-9 or X) that matches them" import -f "$f"
	done
	f=$(infile old.yaml 'people:\n  - {code: P9, name: 甲, id_number: "321202500301123"}\n')
	refused gg-org "$f:2:36: id_number: a 15-digit id number is no longer valid: write the 18-character one" import -f "$f"
	run -0 gg-org import <<<'people: [{code: P1, name: 甲, phone: "13912345678", id_number: "11010119900308777X"}, {code: P2, name: 乙, phone: "0523-86881234-801"}, {code: P3, name: 丙, phone: "010-62345678"}, {code: P4, name: 丁, phone: "86881234", id_number: "321202195003011234"}]'
	run -0 gg-org person set P1 --id-number 110101199003107777
}

@test "a masked number from an export is still taken where it masks the stored one, and checked unmasked" {
	gg-org person export -o yaml >"$BATS_TEST_TMPDIR/people.yaml" 2>/dev/null || gg-org export -o yaml >"$BATS_TEST_TMPDIR/people.yaml"
	grep -q '138\*\*\*\*1234' "$BATS_TEST_TMPDIR/people.yaml"
	run -0 gg-org import -f "$BATS_TEST_TMPDIR/people.yaml"
	assert_equal "$(digest)" "$BEFORE"
	refused gg-org "stdin:1:41: phone: '139****0000' is masked; export with --reveal to carry personal data" import - <<<'people: [{code: W0001, name: 李娜, phone: "139****0000"}]'
}
