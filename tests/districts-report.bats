#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-report over several databases as one city: three files, each kept by its own office,
# that share the city (泰州市) and, the first two, their district (海陵区): a.db 城中街道 and b.db
# 城东街道 of 海陵区, c.db 口岸街道 of 高港区. Each holds one community with a grid, its
# workers, tickets of November and a volunteer's verified hours. A report over the three must
# give what the three files' own reports give, the shared units once, and write none of them.
# (tests/districts.bats is about departments by district, on one file.)

load helper

# office FILE DISTRICT DNAME STREET SNAME POPULATION WORKERS: a file of the city, the district,
# one street of it with one community (STREET-01) and its grid (STREET-01-G01), a grid worker,
# WORKERS community workers, the city's leader and the catalogue, as every office has them
office() {
	local f=$1 d=$2 dname=$3 s=$4 sname=$5 pop=$6 workers=$7 i
	{
		cat <<EOF
units:
  - {code: TZ, name: 泰州市, level: city}
  - {code: $d, name: $dname, level: district, parent: TZ}
  - {code: $s, name: $sname, level: street, parent: $d}
  - {code: $s-01, name: ${sname%街道}社区, level: community, parent: $s, population: $pop}
  - {code: $s-01-G01, name: 第一网格, level: grid, parent: $s-01}
people:
  - {code: L0001, name: 王强, party_member: true, roles: [{role: leader, unit: TZ}]}
  - {code: $s-W, name: 网格员, party_member: true, roles: [{role: grid_worker, unit: $s-01-G01}]}
EOF
		for ((i = 1; i <= workers; i++)); do
			echo "  - {code: $s-C$i, name: 社工$i, roles: [{role: community_worker, unit: $s-01}]}"
		done
	} >"$BATS_FILE_TMPDIR/$f.yaml"
	GG_DB=$f gg-org import -f "$BATS_FILE_TMPDIR/$f.yaml" >/dev/null
	GG_DB=$f gg-ticket category import --builtin >/dev/null
}

# ticket FILE GRID DAY CATEGORY: a ticket reported at 09:00 of DAY in November; prints its id
ticket() {
	GG_DB=$1 gg-ticket --now "2026-11-$3T09:00:00+08:00" new --reported-at "2026-11-$3T09:00:00+08:00" \
		--unit "$2" --category "$4" --title 楼道堆放杂物 -o json | jq -r .id
}

# served FILE STREET: the street's grid worker, a volunteer, serves two hours in the
# community, verified by its first community worker
served() {
	GG_DB=$1 gg-volunteer add --person "$2-W" --home-community "$2-01" >/dev/null
	row=$(GG_DB=$1 gg-volunteer log "$2-W" --hours 2 --date 2026-11-21 --community "$2-01" -o json | jq '.[0].id')
	GG_DB=$1 gg-volunteer verify "$row" --by "$2-C1" >/dev/null
}

# districts' SQLite files read as one city, copied and compared as files: SQLite's (setup
# skips each test on PostgreSQL; bats 1.8 cannot skip a file from setup_file)
SQLITE_ONLY="districts' database files read as one city, compared as files"

setup_file() {
	on_pg && return
	cd "$BATS_FILE_TMPDIR"
	office a.db TZ-HL 海陵区 TZ-HL-CZ 城中街道 8200 10
	office b.db TZ-HL 海陵区 TZ-HL-CD 城东街道 5000 5
	office c.db TZ-GG 高港区 TZ-GG-KA 口岸街道 3000 7
	# ticket 1 of a.db resolved in time; ticket 1 of b.db resolved and reopened: the same
	# number in two files, told apart in the union (the reopen rate joins a ticket's events)
	t=$(ticket a.db TZ-HL-CZ-01-G01 02 env.garbage)
	GG_DB=a.db gg-ticket --now 2026-11-02T10:00:00+08:00 accept "$t" >/dev/null
	GG_DB=a.db gg-ticket --now 2026-11-02T12:00:00+08:00 resolve "$t" >/dev/null
	ticket a.db TZ-HL-CZ-01-G01 03 road.streetlight >/dev/null
	t=$(ticket b.db TZ-HL-CD-01-G01 02 env.garbage)
	GG_DB=b.db gg-ticket --now 2026-11-02T10:00:00+08:00 accept "$t" >/dev/null
	GG_DB=b.db gg-ticket --now 2026-11-02T12:00:00+08:00 resolve "$t" >/dev/null
	GG_DB=b.db gg-ticket --now 2026-11-02T15:00:00+08:00 reopen "$t" --reason 未处理完 >/dev/null
	for day in 04 05 06; do ticket c.db TZ-GG-KA-01-G01 "$day" env.garbage >/dev/null; done
	served a.db TZ-HL-CZ
	served c.db TZ-GG-KA
	# a fourth office whose 海陵区 is spelt otherwise: a clash with a.db and b.db
	cp b.db x.db
	GG_DB=x.db gg-org unit set TZ-HL --name 海陵新区 >/dev/null
	for f in a b c x; do sqlite3 "$f.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null; done
}

setup() {
	sqlite_only "$SQLITE_ONLY"
	cd "$BATS_FILE_TMPDIR"
	unset GG_DB
	BEFORE=$(sha256sum a.db b.db c.db)
}

# Nothing was written to any of the files.
teardown() {
	on_pg && return
	assert_equal "$(sha256sum a.db b.db c.db)" "$BEFORE"
}

THREE=(--db a.db --db b.db --db c.db)

@test "staffing over three files: each community as its own file has it, the city and 海陵区 once, summed" {
	run -0 --separate-stderr gg-report staffing "${THREE[@]}" -o ndjson
	assert_equal "$stderr" ""
	union=$output
	own=$(for f in a b c; do gg-report staffing --db "$f.db" -o ndjson; done | jq -s -c 'sort_by(.unit)')
	assert_equal "$(jq -s -c 'sort_by(.unit)' <<<"$union")" "$own"
	run -0 gg-report staffing --level city "${THREE[@]}" -o json
	assert_equal "$(jq -c 'map([.unit, .population, .workers, .required, .shortfall, .grids, .grids_staffed])' <<<"$output")" \
		'[["TZ",16200,25,30,7,3,3]]'
	sum=$(for f in a b c; do gg-report staffing --level city --db "$f.db" -o ndjson; done |
		jq -s -c '[.[0].unit] + ([.[] | [.population, .workers, .required, .shortfall, .grids, .grids_staffed]] | transpose | map(add))')
	assert_equal "$(jq -c '.[0] | [.unit, .population, .workers, .required, .shortfall, .grids, .grids_staffed]' <<<"$output")" "$sum"
	run -0 gg-report staffing --level district "${THREE[@]}" -o ndjson
	assert_equal "$(jq -c '[.unit, .name, .population, .workers]' <<<"$output")" \
		$'["TZ-GG","高港区",3000,8]\n["TZ-HL","海陵区",13200,17]'
}

@test "tickets by street over three files: each street's figures as its own file gives them" {
	run -0 --separate-stderr gg-report tickets --period 2026-11 --by street "${THREE[@]}" -o ndjson
	assert_equal "$stderr" ""
	assert_equal "$(jq -c .street <<<"$output" | paste -sd,)" '"TZ-GG-KA","TZ-HL-CD","TZ-HL-CZ"'
	union=$(jq -s -c . <<<"$output")
	own=$(for f in a b c; do gg-report tickets --period 2026-11 --by street --db "$f.db" -o ndjson; done |
		jq -s -c 'sort_by(.street)')
	assert_equal "$union" "$own"
	# ticket 1 of b.db was reopened, ticket 1 of a.db was not: each file's events join its own
	assert_equal "$(jq -c 'map([.street, .received, .reopen_rate])' <<<"$union")" \
		'[["TZ-GG-KA",3,null],["TZ-HL-CD",1,100],["TZ-HL-CZ",2,0]]'
}

@test "tickets by district and by category: the sums of the files' own, 海陵区 once" {
	run -0 gg-report tickets --period 2026-11 --by district "${THREE[@]}" -o ndjson
	assert_equal "$(jq -c '[.district, .received, .closed]' <<<"$output")" $'["TZ-GG",3,0]\n["TZ-HL",3,0]'
	run -0 gg-report tickets --period 2026-11 --by street --under TZ-HL "${THREE[@]}" -o tsv
	assert_equal "$(cut -f1 <<<"$output" | paste -sd,)" 'street,TZ-HL-CD,TZ-HL-CZ'
	run -0 gg-report tickets --period 2026-11 --by category "${THREE[@]}" -o json
	union=$(jq -c 'map({category, received, rejected, duplicates, escalated_street})' <<<"$output")
	sum=$(for f in a b c; do gg-report tickets --period 2026-11 --by category --db "$f.db" -o ndjson; done |
		jq -s -c 'group_by(.category) | map({category: .[0].category, received: (map(.received) | add),
			rejected: (map(.rejected) | add), duplicates: (map(.duplicates) | add),
			escalated_street: (map(.escalated_street) | add)})')
	assert_equal "$union" "$sum"
	assert_equal "$(jq -c 'map([.category, .received])' <<<"$output")" '[["env.garbage",5],["road.streetlight",1]]'
}

@test "volunteers over three files: each community's figures as its own file gives them" {
	run -0 --separate-stderr gg-report volunteers --period 2026-11 "${THREE[@]}" -o ndjson
	assert_equal "$stderr" ""
	union=$(jq -s -c . <<<"$output")
	own=$(for f in a b c; do gg-report volunteers --period 2026-11 --db "$f.db" -o ndjson; done |
		jq -s -c 'sort_by(.unit)')
	assert_equal "$union" "$own"
	run -0 gg-report volunteers --period 2026-11 --level district "${THREE[@]}" -o ndjson
	assert_equal "$(jq -c '[.unit, .volunteers_active, .verified_hours]' <<<"$output")" \
		$'["TZ-GG",1,2]\n["TZ-HL",1,2]'
}

@test "a unit the files hold with different content is a clash: 65 naming both files, nothing on stdout" {
	run -65 --separate-stderr gg-report staffing --db a.db --db c.db --db x.db
	assert_equal "$stderr" "gg-report: unit 'TZ-HL' is not the same in 'a.db' and 'x.db'; files read as one city must agree on what they share"
	assert_equal "$output" ""
	sha256sum x.db >"$BATS_TEST_TMPDIR/x"
	run -65 gg-report tickets --period 2026-11 --by street --db c.db --db x.db --db b.db
	assert_line "gg-report: unit 'TZ-HL' is not the same in 'x.db' and 'b.db'; files read as one city must agree on what they share"
	sha256sum -c --quiet "$BATS_TEST_TMPDIR/x"
}

@test "more than ten files is usage naming SQLite's limit; a missing one 66; one named twice 64" {
	for i in $(seq 1 11); do cp a.db "$BATS_TEST_TMPDIR/$i.db"; done
	run -64 --separate-stderr gg-report staffing $(for i in $(seq 1 11); do echo --db "$BATS_TEST_TMPDIR/$i.db"; done)
	assert_equal "${stderr_lines[0]}" "gg-report: 11 databases: SQLite attaches at most 10 to one connection (its limit as Debian builds it); a province runs one report per city"
	assert_equal "$output" ""
	run -66 --separate-stderr gg-report staffing --db a.db --db nowhere.db
	assert_equal "$stderr" "gg-report: database 'nowhere.db' does not exist; create it with 'gg-org init'"
	run -64 --separate-stderr gg-report staffing --db a.db --db ./a.db
	assert_equal "${stderr_lines[0]}" "gg-report: 'a.db' and './a.db' are one database: each file is read once"
	test ! -e nowhere.db
}

@test "a file of another schema version is refused naming it" {
	cp c.db "$BATS_TEST_TMPDIR/old.db"
	sqlite3 "$BATS_TEST_TMPDIR/old.db" 'PRAGMA user_version = 3'
	run -66 --separate-stderr gg-report staffing --db a.db --db "$BATS_TEST_TMPDIR/old.db"
	assert_regex "$stderr" "^gg-report: database '.*/old.db' has schema version 3 and this gg reads [0-9]+; bring it up to date with 'gg-org init'$"
	sqlite3 "$BATS_TEST_TMPDIR/old.db" 'PRAGMA user_version = 999'
	run -69 --separate-stderr gg-report staffing --db a.db --db "$BATS_TEST_TMPDIR/old.db"
	assert_regex "$stderr" "has schema version 999; this gg knows only [0-9]+: use the gg that wrote it$"
}

@test "two --db to another tool, to a writing command, to audit or with --reveal: 64 saying why" {
	run -64 --separate-stderr gg-org tree --db a.db --db b.db
	assert_equal "${stderr_lines[0]}" "gg-org: --db given 2 times: gg-org works on one database (only gg-report's reports read several)"
	run -64 --separate-stderr gg-ticket new --category env.garbage --title x --unit TZ-HL-CZ-01-G01 --db a.db --db b.db
	assert_equal "${stderr_lines[0]}" "gg-ticket: --db given 2 times: gg-ticket works on one database (only gg-report's reports read several)"
	run -64 --separate-stderr gg-report audit --db a.db --db b.db
	assert_equal "${stderr_lines[0]}" "gg-report: audit reads one database: each file's log is its own chain"
	run -64 --separate-stderr gg-report audit --verify "${THREE[@]}"
	assert_equal "${stderr_lines[0]}" "gg-report: audit reads one database: each file's log is its own chain"
	run -64 --separate-stderr gg-report audit --archive "$BATS_TEST_TMPDIR/log.ndjson" --db a.db --db b.db
	assert_equal "${stderr_lines[0]}" "gg-report: --db given 2 times: 'gg-report audit' writes, and a command writes one database"
	run -64 --separate-stderr gg-report staffing --reveal --db a.db --db b.db
	assert_equal "${stderr_lines[0]}" "gg-report: --db given 2 times: --reveal is written to a database's audit log; give one --db"
	assert_equal "$output" ""
}

@test "one --db, or GG_DB, reads one file as before" {
	run -0 gg-report staffing --db a.db --level city -o ndjson
	assert_equal "$(jq -c '[.unit, .population]' <<<"$output")" '["TZ",8200]'
	GG_DB=c.db run -0 gg-report staffing --level city -o ndjson
	assert_equal "$(jq -c '[.unit, .population]' <<<"$output")" '["TZ",3000]'
}

@test "monthly over three files: every file's communities, the city's trend over all, ranks again over the three" {
	for f in a b c; do GG_DB=$f.db gg-score appraise --period 2026-11 >/dev/null; done
	for f in a b c; do sqlite3 "$f.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null; done
	BEFORE=$(sha256sum a.db b.db c.db)
	run -0 --separate-stderr gg-report monthly --period 2026-11 --db a.db --db b.db --db c.db -o json
	report=$output
	assert_equal "$(jq -r '[.communities[].unit] | sort | join(" ")' <<<"$report")" \
		"TZ-GG-KA-01 TZ-HL-CD-01 TZ-HL-CZ-01"
	assert_equal "$(jq '.trend[-1].received' <<<"$report")" 6
	# each file ranked its one community first; over the three, by total, ties sharing a rank
	for f in a b c; do
		assert_equal "$(sqlite3 "$f.db" "SELECT rank FROM appraisal WHERE level = 'community'")" 1
	done
	assert_equal "$(jq -r '.communities[] | [.rank, .score] | @tsv' <<<"$report")" \
		"$(for f in a b c; do sqlite3 "$f.db" "SELECT total FROM appraisal WHERE level = 'community'"; done |
			sort -gr | awk '{ r = $1 == prev ? r : NR; prev = $1; printf "%d\t%g\n", r, $1 }')"
	assert_equal "$(sha256sum a.db b.db c.db)" "$BEFORE"
}

@test "burden over three files: each file's demands found, their ids told apart, the counts summed" {
	for f in a.db:TZ-HL-CZ c.db:TZ-GG-KA; do
		GG_DB=${f%%:*} gg-org import >/dev/null <<EOF2
departments: [{code: D-MZ, name: 民政局, level: district}]
demands: [{department: D-MZ, unit: ${f#*:}-01, kind: task, title: 入户走访, date: 2026-11-03}]
EOF2
		sqlite3 "${f%%:*}" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	done
	BEFORE=$(sha256sum a.db b.db c.db)
	run -1 --separate-stderr gg-report burden --period 2026-11 --db a.db --db b.db --db c.db -o json
	assert_equal "$(jq -r '.findings[] | "\(.rule) \(.community) \(.demand)"' <<<"$output")" \
		"$(printf '%s\n' 'unapproved TZ-GG-KA-01 12' 'unapproved TZ-HL-CZ-01 10')"
	assert_equal "$(jq -c '.counts[] | select(.rule == "unapproved") | [.before, .after]' <<<"$output")" '[0,2]'
	assert_equal "$(sha256sum a.db b.db c.db)" "$BEFORE"
}
