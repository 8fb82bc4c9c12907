#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The PostgreSQL store itself (gg(7), A CITY ON ONE POSTGRESQL SERVER): what a URL in GG_DB
# does, which needs no server, and, on the suites' PostgreSQL pass, what the server does:
# init, the collation, writers queueing on the advisory lock, the busy exit, two writers at once.

load helper

# pg_only REASON: skips the test on the SQLite pass, where there is no server to talk to
pg_only() {
	if ! on_pg; then
		skip "postgresql-only: $1"
	fi
}

@test "a server that cannot be reached is 69, its password left out of the message" {
	run -69 --separate-stderr gg-org --db 'postgresql://gg:s3cret@127.0.0.1:1/gg?sslmode=disable&password=s3cret' tree
	assert_equal "$output" ""
	assert_regex "$stderr" "^gg-org: cannot open database 'postgresql://gg@127.0.0.1:1/gg\\?sslmode=disable&': connection to server at \"127.0.0.1\", port 1 failed"
	refute_regex "$stderr" s3cret
}

@test "several --db read together are files: a URL among them is a usage error" {
	run -64 --separate-stderr gg-report tickets --period 2026-11 --by street --db "$BATS_TEST_TMPDIR/a.db" \
		--db 'postgresql://gg@db.example/gg'
	assert_equal "$(head -1 <<<"$stderr")" \
		"gg-report: 'postgresql://gg…': several --db are read together as SQLite files; districts that share a PostgreSQL database are one --db already"
	assert_equal "$output" ""
}

@test "init makes gg's tables in an empty database; reading one that has none says to" {
	pg_only "a server's database"
	export GG_DB
	GG_DB=$(new_db empty)
	run -66 --separate-stderr gg-org tree
	assert_equal "$stderr" "gg-org: database '$GG_DB' is empty; create it with 'gg-org init'"
	run -0 gg-org init
	assert_output "database: $GG_DB"
	assert_equal "$(sql 'SELECT version FROM gg_schema')" "$(ls "$TOP"/share/gg/sql/*.sql | grep -vc '\.pg\.sql$')"
	run -0 gg-org unit list -o json
	assert_output '[]'
}

@test "a database that does not order text byte by byte is refused before anything is made" {
	pg_only "a server's collation"
	local name=${PG_PREFIX}_t${BATS_SUITE_TEST_NUMBER}_icu
	pg_admin "DROP DATABASE IF EXISTS $name"
	pg_admin "CREATE DATABASE $name TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'zh' LOCALE 'C.UTF-8'"
	echo "$name" >>"$PG_DBS"
	export GG_DB
	GG_DB=$(pg_url "$name")
	run -65 --separate-stderr gg-org init
	assert_equal "$stderr" "gg-org: database '$GG_DB' does not keep text in byte order (encoding UTF8, and a collation of its own?), which gg needs: make it with createdb -T template0 -E UTF8 --locale=C.UTF-8"
	assert_equal "$(sql "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")" 0
}

@test "a writer waits for the advisory lock another holds, then exits 75 writing nothing; the next gets through" {
	pg_only "the server's advisory lock"
	BEFORE=$(digest)
	# another writer holds the lock for 3 seconds
	psql -X -q -d "$GG_DB" -c 'BEGIN' -c 'SELECT pg_advisory_xact_lock(26471)' -c 'SELECT pg_sleep(3)' -c 'COMMIT' \
		>/dev/null &
	sleep 1
	run -75 --separate-stderr env GG_BUSY_MS=500 gg-org unit set TZ-HL --name 海陵
	assert_equal "$stderr" "gg-org: database '$GG_DB' is still busy after the busy timeout; try again"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
	run -0 env GG_BUSY_MS=10000 gg-org unit set TZ-HL --name 海陵
	wait
	assert_equal "$(sql "SELECT name FROM unit WHERE code = 'TZ-HL'")" 海陵
}

@test "two imports and a sweep at once all go through; ids as a file numbers them" {
	pg_only "writers of one server"
	gg-ticket category import --builtin >/dev/null
	for k in A B; do
		for i in $(seq 1 40); do
			printf '{"external_id": "%s%d", "source": "hotline_12345", "category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "楼道堆放杂物", "reported_at": "2026-11-20T09:00:00+08:00"}\n' "$k" "$i"
		done >"$BATS_TEST_TMPDIR/$k.ndjson"
	done
	gg-ticket import -f "$BATS_TEST_TMPDIR/A.ndjson" >"$BATS_TEST_TMPDIR/A.out" &
	gg-ticket import -f "$BATS_TEST_TMPDIR/B.ndjson" >"$BATS_TEST_TMPDIR/B.out" &
	gg-ticket escalate --due >/dev/null &
	wait
	assert_equal "$(cat "$BATS_TEST_TMPDIR/A.out" "$BATS_TEST_TMPDIR/B.out" | grep -c '^new: 40$')" 2
	assert_equal "$(sql 'SELECT count(*), min(id), max(id) FROM ticket')" '80|1|80'
	run -0 gg-report audit --verify
	assert_line 'verified: true'
}

@test "the audit log and the hours ledger refuse TRUNCATE, which skips row triggers" {
	pg_only "PostgreSQL's TRUNCATE"
	BEFORE=$(digest)
	run ! sql 'TRUNCATE audit'
	assert_output --partial 'the audit log is append-only'
	run ! sql 'TRUNCATE service CASCADE'
	assert_output --partial 'append-only'
	assert_equal "$(digest)" "$BEFORE"
}

@test "an import's batches wait in a temporary table of their own: a table of the same name is left alone" {
	pg_only "the server's COPY into a temporary table"
	gg-ticket category import --builtin >/dev/null
	sql 'CREATE TABLE ticket_incoming (note TEXT); INSERT INTO ticket_incoming VALUES ($$ours$$)'
	for i in $(seq 1 3); do
		printf '{"external_id": "T%d", "category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "楼道堆放杂物"}\n' "$i"
	done >"$BATS_TEST_TMPDIR/t.ndjson"
	run -0 gg-ticket import -f "$BATS_TEST_TMPDIR/t.ndjson" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"new":3,"updated":0,"unchanged":0}'
	# a search_path that puts the schema's tables before the session's own changes nothing
	sed -i 's/"T/"U/' "$BATS_TEST_TMPDIR/t.ndjson"
	PGOPTIONS='-c search_path=public,pg_temp' run -0 gg-ticket import -f "$BATS_TEST_TMPDIR/t.ndjson" -o json
	assert_equal "$(jq -c . <<<"$output")" '{"new":3,"updated":0,"unchanged":0}'
	assert_equal "$(sql 'SELECT * FROM ticket_incoming')" ours
	assert_equal "$(sql 'SELECT count(*) FROM ticket')" 6
}

@test "a batch the server refuses is named as the batch, writes nothing, and ends a dry run too" {
	pg_only "the server's batches"
	gg-ticket category import --builtin >/dev/null
	# a rule of the database's own, which gg does not check before the server does
	sql 'ALTER TABLE ticket ADD CONSTRAINT no_x CHECK (title <> $$x$$)'
	BEFORE=$(digest)
	f=$BATS_TEST_TMPDIR/t.ndjson
	for i in $(seq 1 5002); do
		printf '{"external_id": "T%d", "category": "env.garbage", "unit": "TZ-HL-CZ-01-G01", "title": "%s"}\n' \
			"$i" "$([ "$i" = 10 ] && echo x || echo 楼道堆放杂物)"
	done >"$f"
	run -65 --separate-stderr gg-ticket import -f "$f"
	assert_equal "$stderr" "gg-ticket: storing tickets 1 to 5000 of the import: database '$GG_DB': new row for relation \"ticket\" violates check constraint \"no_x\""
	assert_equal "$output" ""
	run -65 --separate-stderr gg-ticket import --dry-run -f "$f"
	assert_equal "$stderr" "gg-ticket: storing tickets 1 to 5000 of the import: database '$GG_DB': new row for relation \"ticket\" violates check constraint \"no_x\""
	assert_equal "$output" ""
	# the last batch, after the last record
	head -n 20 "$f" >"$BATS_TEST_TMPDIR/short.ndjson"
	run -65 --separate-stderr gg-ticket import -f "$BATS_TEST_TMPDIR/short.ndjson"
	assert_equal "$stderr" "gg-ticket: storing tickets 1 to 20 of the import: database '$GG_DB': new row for relation \"ticket\" violates check constraint \"no_x\""
	assert_equal "$(digest)" "$BEFORE"
}
