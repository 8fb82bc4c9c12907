#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The database file: where it lives, how it is created, what happens when it is missing,
# read-only or busy, and two writers at the same moment. On PostgreSQL (GG_TEST_STORE=pg) the
# tests of the file itself, of SQLite's lock and of its schema version are skipped.

load helper

@test "a read on a missing database exits 66, says how to create one and creates nothing" {
	sqlite_only "a database file that is not there"
	run -66 gg-org --db /nonexistent/x.db unit list
	assert_output "gg-org: database '/nonexistent/x.db' does not exist; create it with 'gg-org init'"
	run -66 gg-org --db "$BATS_TEST_TMPDIR/none.db" tree
	[ ! -e "$BATS_TEST_TMPDIR/none.db" ]
}

@test "init creates the database and its directory group-private, the directory setgid" {
	sqlite_only "the database file, its directory and journal mode"
	umask 002
	run -0 gg-org --db "$BATS_TEST_TMPDIR/a/b/gg.db" init
	assert_output "database: $BATS_TEST_TMPDIR/a/b/gg.db"
	assert_equal "$(stat -c %a "$BATS_TEST_TMPDIR/a/b/gg.db")" 660
	assert_equal "$(stat -c %a "$BATS_TEST_TMPDIR/a/b")" 2770
	assert_equal "$(sqlite3 "$BATS_TEST_TMPDIR/a/b/gg.db" 'PRAGMA journal_mode')" wal
	assert_equal "$(sqlite3 "$BATS_TEST_TMPDIR/a/b/gg.db" 'PRAGMA user_version')" "$(ls "$TOP"/share/gg/sql/*.sql | grep -vc "\.pg\.sql$")"
	run -0 gg-org --db "$BATS_TEST_TMPDIR/a/b/gg.db" unit list -o json
	assert_output '[]'
}

@test "init makes a relative path's directories, its first one's parent the working directory" {
	sqlite_only "a database file's path"
	umask 002
	cd "$BATS_TEST_TMPDIR"
	run -0 gg-org --db rel/q/gg.db init
	assert_output "database: rel/q/gg.db"
	assert_equal "$(stat -c %a rel rel/q)" $'2770\n2770'
	run -0 gg-org --db rel/q/gg.db unit list -o json
	assert_output '[]'
}

@test "the database defaults to GG_DB, then XDG_DATA_HOME, then ~/.local/share" {
	sqlite_only "the default database is a file"
	unset GG_DB
	XDG_DATA_HOME="$BATS_TEST_TMPDIR/xdg" gg-org init >/dev/null
	[ -f "$BATS_TEST_TMPDIR/xdg/gg/gg.db" ]
	HOME="$BATS_TEST_TMPDIR/home" XDG_DATA_HOME= gg-org init >/dev/null
	[ -f "$BATS_TEST_TMPDIR/home/.local/share/gg/gg.db" ]
}

@test "a file that is not a database is refused" {
	sqlite_only "a file that is not a database"
	echo 'not a database' >"$BATS_TEST_TMPDIR/x.db"
	run -66 gg-org --db "$BATS_TEST_TMPDIR/x.db" unit list
	assert_output "gg-org: '$BATS_TEST_TMPDIR/x.db' is not a gg database"
}

@test "another program's database is never made gg's: reading is 66, writing 65, init --force adopts it" {
	sqlite_only "another program's database made with the sqlite3 shell"
	f=$BATS_TEST_TMPDIR/notes.db
	sqlite3 "$f" 'CREATE TABLE notes (x); INSERT INTO notes VALUES (1)'
	before=$(sha256sum "$f")
	run -66 --separate-stderr gg-ticket --db "$f" list
	assert_equal "$stderr" "gg-ticket: '$f' is not a gg database: it holds tables of its own ('notes')"
	run -65 --separate-stderr gg-org --db "$f" init
	assert_output ''
	assert_equal "$stderr" "gg-org: '$f' is not a gg database: it holds tables of its own ('notes'); gg-org init --force adds gg's to them"
	run -65 --separate-stderr gg-org --db "$f" unit add --code TZ --name 泰州市 --level city
	assert_equal "$(sha256sum "$f")" "$before"
	assert_equal "$(sqlite3 "$f" 'PRAGMA user_version; SELECT count(*) FROM sqlite_schema')" $'0\n1'
	run -0 gg-org --db "$f" init --force
	assert_equal "$(sqlite3 "$f" 'PRAGMA user_version; SELECT x FROM notes')" "$(ls "$TOP"/share/gg/sql/*.sql | grep -vc "\.pg\.sql$")"$'\n1'
}

@test "a database of a newer schema is refused, to read as to write: 69, the versions named" {
	sqlite_only "the schema version is SQLite's user_version"
	seed "$FIX/city.yaml"
	fresh_db
	sqlite3 "$GG_DB" 'PRAGMA user_version = 99'
	known=$(ls "$TOP"/share/gg/sql/*.sql | grep -vc "\.pg\.sql$")
	for cmd in "gg-ticket list" "gg-report staffing" "gg-org unit set TZ --name 泰州" "gg-org init"; do
		run -69 --separate-stderr $cmd
		assert_output ''
		assert_equal "$stderr" "${cmd%% *}: database '$GG_DB' has schema version 99; this gg knows only $known: use the gg that wrote it"
	done
}

@test "a write to a read-only database fails with 73 and changes nothing" {
	sqlite_only "the database file's permissions"
	dir=$(mktemp -d /tmp/gg-ro.XXXXXX)
	chmod 755 "$dir"
	cp "$GG_DB" "$dir/gg.db"
	chmod 444 "$dir/gg.db"
	chmod 777 "$dir"
	as=()
	if [ "$(id -u)" -eq 0 ]; then # root writes anywhere: run as nobody
		as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	fi
	before=$(sqlite3 "$dir/gg.db" .dump | sha256sum)
	run -73 "${as[@]}" env PATH="$PATH" gg-org --db "$dir/gg.db" unit set TZ --name 泰州
	assert_output --partial "cannot write database '$dir/gg.db'"
	assert_equal "$(sqlite3 "$dir/gg.db" .dump | sha256sum)" "$before"
	# reading it is fine
	run -0 "${as[@]}" env PATH="$PATH" gg-org --db "$dir/gg.db" unit show TZ -o json
	chmod 755 "$dir"
	rm -rf "$dir"
}

@test "a writer that cannot get the lock in GG_BUSY_MS exits 75, safe to retry" {
	sqlite_only "the lock held is SQLite's (BEGIN IMMEDIATE from the sqlite3 shell)"
	{ echo 'BEGIN IMMEDIATE;'; sleep 2; echo 'COMMIT;'; } | sqlite3 "$GG_DB" &
	sleep 0.5
	run -75 env GG_BUSY_MS=200 gg-org unit set TZ --name 泰州
	assert_output "gg-org: database '$GG_DB' is still busy after the busy timeout; try again"
	wait
	run -0 gg-org unit set TZ --name 泰州 -o json
	assert_equal "$(jq -r .name <<<"$output")" 泰州
}

@test "a writer waits for the lock within the busy timeout" {
	sqlite_only "the lock held is SQLite's (BEGIN IMMEDIATE from the sqlite3 shell)"
	{ echo 'BEGIN IMMEDIATE;'; sleep 1; echo 'COMMIT;'; } | sqlite3 "$GG_DB" &
	sleep 0.3
	run -0 gg-org unit set TZ --name 泰州
	wait
}

# district N: a district with 10 streets of 10 communities of 5 grids, as one document.
district() {
	awk -v d="$1" 'BEGIN {
		print "units:"
		printf "  - {code: TZ-D%d, name: 第%d区, level: district, parent: TZ}\n", d, d
		for (s = 1; s <= 10; s++) {
			printf "  - {code: TZ-D%d-S%d, name: 街道%d, level: street, parent: TZ-D%d}\n", d, s, s, d
			for (c = 1; c <= 10; c++) {
				printf "  - {code: TZ-D%d-S%d-C%d, name: 社区%d, level: community, parent: TZ-D%d-S%d, population: 5000}\n", d, s, c, c, d, s
				for (g = 1; g <= 5; g++)
					printf "  - {code: TZ-D%d-S%d-C%d-G%d, name: 网格%d, level: grid, parent: TZ-D%d-S%d-C%d}\n", d, s, c, g, g, d, s, c
			}
		}
	}'
}

@test "two processes importing different districts at the same moment both succeed" {
	district 1 >"$BATS_TEST_TMPDIR/d1.yaml"
	district 2 >"$BATS_TEST_TMPDIR/d2.yaml"
	gg-org import -f "$BATS_TEST_TMPDIR/d1.yaml" >"$BATS_TEST_TMPDIR/o1" 2>&1 &
	p1=$!
	gg-org import -f "$BATS_TEST_TMPDIR/d2.yaml" >"$BATS_TEST_TMPDIR/o2" 2>&1 &
	p2=$!
	wait $p1 || { cat "$BATS_TEST_TMPDIR/o1"; false; }
	wait $p2 || { cat "$BATS_TEST_TMPDIR/o2"; false; }
	assert_equal "$(sql "SELECT count(*) FROM unit WHERE code LIKE 'TZ-D1%'")" 611
	assert_equal "$(sql "SELECT count(*) FROM unit WHERE code LIKE 'TZ-D2%'")" 611
	on_pg || assert_equal "$(sqlite3 "$GG_DB" 'PRAGMA integrity_check')" ok
	# the audit chain stayed one chain
	assert_equal "$(sql 'SELECT count(*) FROM audit a JOIN audit b ON b.id = a.id + 1 WHERE b.prev <> a.hash')" 0
}

@test "two processes creating a new database at once both succeed" {
	empty_db
	gg-org import -f "$FIX/city.yaml" >/dev/null 2>"$BATS_TEST_TMPDIR/e1" &
	p1=$!
	gg-org init >/dev/null 2>"$BATS_TEST_TMPDIR/e2" &
	p2=$!
	wait $p1 || { cat "$BATS_TEST_TMPDIR/e1"; false; }
	wait $p2 || { cat "$BATS_TEST_TMPDIR/e2"; false; }
	assert_equal "$(sql 'SELECT count(*) FROM unit')" 9
}

@test "kill -9 in the middle of an import leaves the file consistent, the import absent" {
	"$TOP/tests/bench/gen-city" 3000 >"$BATS_TEST_TMPDIR/c.yaml"
	all=$(grep -c 'level: ' "$BATS_TEST_TMPDIR/c.yaml")
	export GG_DB
	GG_DB=$(new_db k)
	gg-org init >/dev/null
	for delay in 0.1 0.3 0.6; do
		gg-org import -f "$BATS_TEST_TMPDIR/c.yaml" >/dev/null &
		pid=$!
		sleep $delay
		kill -9 $pid 2>/dev/null || true
		wait $pid || true
		on_pg || assert_equal "$(sqlite3 "$GG_DB" 'PRAGMA integrity_check')" ok
		n=$(sql 'SELECT count(*) FROM unit')
		[ "$n" -eq 0 ] || [ "$n" -eq "$all" ]
		[ "$n" -eq 0 ] || sql 'DELETE FROM address; DELETE FROM party_org_unit; DELETE FROM person_role; DELETE FROM party_org; DELETE FROM person; DELETE FROM unit'
	done
}

@test "a database of an older schema is refused for reading until init brings it up to date" {
	sqlite_only "an old schema built by hand with the sqlite3 shell"
	rm -f "$GG_DB"
	{ cat "$TOP/share/gg/sql/001-org.sql"; echo 'PRAGMA user_version = 1;'; } | sqlite3 "$GG_DB"
	run -66 gg-ticket list
	assert_output "gg-ticket: database '$GG_DB' has schema version 1 and this gg reads $(ls "$TOP"/share/gg/sql/*.sql | grep -vc "\.pg\.sql$"); bring it up to date with 'gg-org init'"
	run -0 gg-org init
	run -0 gg-ticket list -o json
	assert_output '[]'
}

@test "schema 18 rebuilds duty and demand for signboards and inspection kinds, keeping rows, keys and indexes" {
	sqlite_only "SQLite's migration 018 on a schema built by hand (sqlite_schema, PRAGMA)"
	rm -f "$GG_DB"
	{
		for f in "$TOP"/share/gg/sql/0[01]*.sql; do
			case $f in *01[89]-* | *.pg.sql) continue ;; esac
			cat "$f"
		done
		echo 'PRAGMA user_version = 17;'
		echo "INSERT INTO unit (code, name, level) VALUES ('TZ', '泰州市', 'city');"
		echo "INSERT INTO department VALUES ('D-CG', '城管局', 'district');"
		echo "INSERT INTO duty VALUES ('DU-01', '人口信息采集', 'assisted', 'district');"
		echo "INSERT INTO demand (id, department, unit, kind, title, date, duty, approved, funded, fields) VALUES (7, 'D-CG', 'TZ', 'data_request', '报表', '2026-11-02', 'DU-01', 1, 0, '[\"姓名\"]');"
	} | sqlite3 "$GG_DB"
	run -0 gg-org init
	run -0 sqlite3 "$GG_DB" 'PRAGMA user_version; PRAGMA foreign_key_check; PRAGMA integrity_check'
	assert_output "$(printf '%s\nok' "$(ls "$TOP"/share/gg/sql/*.sql | grep -vc "\.pg\.sql$")")"
	# schema 20: the audit log's delete guard made anew, finding the archive row from the end
	run -0 sqlite3 "$GG_DB" "SELECT sql LIKE '%ORDER BY a.id DESC LIMIT 1%' FROM sqlite_schema WHERE name = 'audit_no_delete'"
	assert_output 1
	run -0 gg-org demand show 7 -o json
	assert_equal "$(jq -c '.[0] | [.duty, .approved, .fields, .inspection_kind]' <<<"$output")" '["DU-01",true,["姓名"],null]'
	run -0 sqlite3 "$GG_DB" "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'demand' ORDER BY name"
	assert_output "$(printf 'demand_department\ndemand_duty\ndemand_inspection\ndemand_unit')"
	# the demand still refers to the duty: removing it is refused, by the tool and by the store
	run -65 gg-org duty rm DU-01
	run sqlite3 "$GG_DB" "PRAGMA foreign_keys = ON; DELETE FROM duty WHERE code = 'DU-01'"
	assert_failure
	assert_output --partial "FOREIGN KEY constraint failed"
}
