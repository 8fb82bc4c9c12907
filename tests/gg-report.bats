#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-report audit: the log listed masked, its chain checked row by row, its head kept
# elsewhere, and each way of tampering with it behind the tools' back caught, naming the row.

load helper

setup_file() {
	seed "$FIX/city.yaml"
}

setup() {
	fresh_db
	gg-org unit set TZ-HL-CZ-02 --population 1200 >/dev/null
	gg-org unit set TZ-HL-CZ-02 --population 1300 >/dev/null
	HEAD=$(gg-report audit --head)
	ROWS=${HEAD%%:*}
}

# sql STATEMENTS (the helper's) runs behind gg's back, the way someone with the file would.
# The tests that tamper through the guards themselves (DROP TRIGGER, sqlite_schema) are about
# SQLite's triggers; the PostgreSQL store guards the log its own way.
TAMPER="tampers through SQLite's triggers on the audit log"

# caught [--expect HEAD] ROW PROBLEM: --verify exits 1 naming ROW and PROBLEM on stdout
caught() {
	local expect=()
	if [ "$1" = --expect ]; then
		expect=(--expect "$2")
		shift 2
	fi
	run -1 --separate-stderr gg-report audit --verify "${expect[@]}" -o ndjson
	assert_equal "$(jq -c '[.verified, .row, .problem]' <<<"$output")" "[false,$1,\"$2\"]"
}

@test "--verify of an untouched log: exit 0, the rows and the head, which --head prints too" {
	run -0 gg-report audit --verify -o ndjson
	assert_equal "$(jq -c '[.verified, .rows, .head]' <<<"$output")" "[true,$ROWS,\"$HEAD\"]"
	[[ $HEAD =~ ^[0-9]+:[0-9a-f]{64}$ ]]
	run -0 gg-report audit --verify --expect "$HEAD"
	run -64 gg-report audit --verify --expect 12
	assert_output --partial "--expect wants COUNT:HASH"
}

@test "a row updated (the triggers dropped first) is caught, the row named" {
	sqlite_only "$TAMPER"
	sql "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'someone else' WHERE id = 3"
	caught 3 "row 3 was altered: its fields do not give its hash"
}

@test "text moved from one field to the next is caught: the fields are length-prefixed" {
	sqlite_only "$TAMPER"
	last=$(sql "SELECT actor FROM audit WHERE id = $ROWS")
	sql "DROP TRIGGER audit_no_update; UPDATE audit SET actor = substr(actor, 1, length(actor) - 1),
		command = substr(actor, -1) || command WHERE id = $ROWS"
	[ "$(sql "SELECT actor || command FROM audit WHERE id = $ROWS")" = "$last$(sql "SELECT substr(command, 2) FROM audit WHERE id = $ROWS")" ]
	caught "$ROWS" "row $ROWS was altered: its fields do not give its hash"
}

@test "a middle row deleted, and INSERT OR REPLACE over a row, are caught" {
	sqlite_only "$TAMPER"
	sql "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 4"
	caught 4 "row 4 is missing (deleted, or the rows renumbered)"
	fresh_db
	run -19 sql "INSERT OR REPLACE INTO audit (id, at, actor, command, change, prev, hash) SELECT id, at, 'x', command, change, prev, hash FROM audit WHERE id = 1"
	assert_output --partial 'append-only'
	sql "DROP TRIGGER audit_next; INSERT OR REPLACE INTO audit (id, at, actor, command, change, prev, hash) SELECT id, at, 'x', command, change, prev, hash FROM audit WHERE id = 1"
	caught 1 "row 1 was altered: its fields do not give its hash"
}

@test "the last rows deleted verify alone, and are caught against the head kept elsewhere" {
	sqlite_only "$TAMPER"
	sql "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id >= $((ROWS - 1))"
	run -0 gg-report audit --verify
	caught --expect "$HEAD" "$((ROWS - 1))" "the log ends at row $((ROWS - 2)), but the head expected is row $ROWS: rows were deleted"
}

# rehash FROM: recomputes every hash from row FROM on as gg does (prev, then each field as
# LENGTH:BYTES, and NULL as -,), the way someone covering an edit would
rehash() {
	local id prev
	prev=$(sql "SELECT hash FROM audit WHERE id = $(($1 - 1))")
	for id in $(sql "SELECT id FROM audit WHERE id >= $1 ORDER BY id"); do
		h=$( { printf '%s' "$prev"; for f in id at login uid actor now command change; do
			sql "SELECT CASE WHEN $f IS NULL THEN '-,' ELSE length(CAST($f AS BLOB)) || ':' || $f || ',' END FROM audit WHERE id = $id" | head -c -1
		done; } | sha256sum | cut -d' ' -f1)
		sql "UPDATE audit SET prev = '$prev', hash = '$h' WHERE id = $id"
		prev=$h
	done
}

@test "an edit with every hash after it recomputed verifies alone, and is caught against the head" {
	sqlite_only "$TAMPER"
	sql "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'someone else' WHERE id = 3"
	rehash 3
	run -0 gg-report audit --verify
	caught --expect "$HEAD" "$ROWS" "row $ROWS is not the head expected: the log was rewritten"
}

@test "dropped or replaced triggers stop the next write (70, the trigger named); gg-org init puts them back, logged" {
	sqlite_only "$TAMPER"
	sql "DROP TRIGGER audit_no_delete"
	before=$(digest)
	run -70 --separate-stderr gg-org unit set TZ-HL-CZ-02 --population 1400
	assert_equal "$stderr" "gg-org: the audit log's trigger audit_no_delete is missing or not the one gg made: the database was changed behind gg's back; 'gg-report audit --verify' checks the log, 'gg-org init' restores the trigger"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$before"
	run -0 gg-org init
	assert_equal "$(sql "SELECT group_concat(change, ' ') FROM (SELECT change FROM audit ORDER BY id DESC LIMIT 2)")" \
		'{"op":"init"} {"op":"restore","triggers":["audit_no_delete"]}'
	run -0 gg-org unit set TZ-HL-CZ-02 --population 1400
	run -0 gg-report audit --verify
	# a trigger made again under its name with a body that lets everything through
	sql "DROP TRIGGER audit_no_update; CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN 0 BEGIN SELECT 1; END"
	run -70 --separate-stderr gg-org unit set TZ-HL-CZ-02 --population 1500
	assert_equal "$output" ""
	[[ $stderr == *"trigger audit_no_update is missing or not the one gg made"* ]]
	run -0 gg-org init
	store_refuses "UPDATE audit SET actor = 'x' WHERE id = 1"
}

@test "a row records the real time and login beside the --now and --actor given" {
	gg-org --now 2001-01-01T00:00:00+08:00 --actor 网格员甲 unit set TZ-HL-CZ-02 --population 1500 >/dev/null
	run -0 sql "SELECT actor, now, CAST(login = '$(id -un)' AS integer), CAST(uid = $(id -u) AS integer),
		CAST(at > '2026-12' AS integer) FROM audit ORDER BY id DESC LIMIT 1"
	assert_output '网格员甲|2001-01-01T00:00:00+08:00|1|1|1'
	# an actor that is a phone number is kept masked, as any personal value is
	gg-org --actor 13912345678 unit set TZ-HL-CZ-02 --population 1550 >/dev/null
	assert_equal "$(sql "SELECT actor FROM audit ORDER BY id DESC LIMIT 1")" '139****5678'
	# a row written without --now (nor GG_NOW, which the tests set) keeps none
	env -u GG_NOW gg-org unit set TZ-HL-CZ-02 --population 1600 >/dev/null
	assert_equal "$(sql "SELECT CAST(now IS NULL AS integer) FROM audit ORDER BY id DESC LIMIT 1")" 1
}

@test "audit lists the log with its declared columns; --by, --command and --since choose rows" {
	run -0 gg-report audit -o tsv
	assert_line --index 0 "$(printf 'id\tat\tlogin\tuid\tactor\tnow\tcommand\tchange\tprev\thash\tv')"
	run -0 gg-report audit --command 'population 1300' -o ndjson
	assert_equal "$(jq -c '[.id, .change.set.population]' <<<"$output")" "[$ROWS,1300]"
	run -0 gg-report audit --by nobody-here -o json
	assert_output '[]'
	run -0 gg-report audit --since 2099-01-01T00:00:00+08:00 -o json
	assert_output '[]'
	run -0 gg-report audit --by tester -o ndjson
	assert_equal "$(wc -l <<<"$output")" "$ROWS"
	run -64 gg-report audit --since yesterday
	run -64 gg-report audit --head --by tester
}

@test "--archive writes the log to a file and starts a new chain whose first row names the old head" {
	run -0 gg-report audit --archive "$BATS_TEST_TMPDIR/audit-1.ndjson" -o ndjson
	assert_equal "$(jq -r .head <<<"$output")" "$HEAD"
	# the archive holds every row as stored; the log holds the archive row, then what follows
	assert_equal "$(wc -l <"$BATS_TEST_TMPDIR/audit-1.ndjson")" "$ROWS"
	assert_equal "$(tail -n 1 "$BATS_TEST_TMPDIR/audit-1.ndjson" | jq -r '"\(.id):\(.hash)"')" "$HEAD"
	assert_equal "$(sql "SELECT id, $(jx change '$.op'), $(jx change '$.head') FROM audit")" \
		"$((ROWS + 1))|archive|$HEAD"
	gg-org unit set TZ-HL-CZ-02 --population 1700 >/dev/null
	# the head kept before is in the archive: the log alone cannot show it, the archive can
	caught --expect "$HEAD" "$ROWS" "row $ROWS is before row $((ROWS + 1)), where the log starts after an archive: check it with --verify --archived FILE"
	run -0 gg-report audit --verify --expect "$HEAD" --archived "$BATS_TEST_TMPDIR/audit-1.ndjson" -o ndjson
	assert_equal "$(jq -c '[.verified, .rows]' <<<"$output")" "[true,$((ROWS + 2))]"
	# an archive edited is caught as the log would be
	sed 's/"tester"/"someone"/' "$BATS_TEST_TMPDIR/audit-1.ndjson" >"$BATS_TEST_TMPDIR/edited.ndjson"
	run -1 gg-report audit --verify --archived "$BATS_TEST_TMPDIR/edited.ndjson" -o ndjson
	assert_equal "$(jq -r .problem <<<"$output")" "row 1 was altered: its fields do not give its hash"
	# the file is never overwritten; rows after the archive row stay append-only
	run -73 gg-report audit --archive "$BATS_TEST_TMPDIR/audit-1.ndjson"
	store_refuses "DELETE FROM audit WHERE id = $((ROWS + 2))"
	on_pg && return # the rest $TAMPER
	sql "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = $((ROWS + 1))"
	caught 1 "rows 1 to $((ROWS + 1)) are missing: deleted, and no archive row stands first"
}

@test "gg-report --help lists its commands; audit without a database says how to make one" {
	run -0 gg-report --help
	assert_output --partial 'audit'
	assert_output --partial 'monthly --period P'
	run -66 --separate-stderr env GG_DB="$BATS_TEST_TMPDIR/none.db" gg-report audit
	assert_output ''
}

@test "rows written before the length-prefixed encoding (v empty) are checked the way they were written" {
	# a row as gg 0.1 wrote it: prev, at, actor, command and change joined by newlines
	prev=${HEAD#*:}
	h=$(printf '%s\n%s\n%s\n%s\n%s' "$prev" 2026-11-01T09:00:00+08:00 老用户 'gg-org person set P1 --phone 13912345678' '{"op":"set","set":{"phone":"13912345678"},"note":"回电13912345678"}' |
		sha256sum | cut -d' ' -f1)
	sql "INSERT INTO audit (id, at, actor, command, change, prev, hash) VALUES
		($((ROWS + 1)), '2026-11-01T09:00:00+08:00', '老用户', 'gg-org person set P1 --phone 13912345678',
		'{\"op\":\"set\",\"set\":{\"phone\":\"13912345678\"},\"note\":\"回电13912345678\"}', '$prev', '$h')"
	# such a row holds a phone in clear; the listing masks it unless --reveal
	run -0 gg-report audit --by 老用户 -o ndjson
	assert_equal "$(jq -c '[.command, .change.set.phone, .change.note]' <<<"$output")" \
		'["gg-org person set P1 --phone 139****5678","139****5678","回电139****5678"]'
	run -64 gg-report audit --command 13912345678
	run -0 gg-report --reveal audit --command 13912345678 -o ndjson
	assert_equal "$(jq -r .id <<<"$output")" "$((ROWS + 1))"
	run -0 gg-report --reveal audit --by 老用户 -o ndjson
	assert_equal "$(jq -r .change.set.phone <<<"$output")" 13912345678
	# and that reveal is in the log, naming the row it showed unmasked
	assert_equal "$(sql "SELECT $(jx change '$.revealed') FROM audit ORDER BY id DESC LIMIT 1")" \
		"[{\"kind\":\"audit\",\"key\":$((ROWS + 1)),\"fields\":[\"change\",\"command\"]}]"
	run -0 gg-report audit --verify -o ndjson
	assert_equal "$(jq -c "[.verified, .rows]" <<<"$output")" "[true,$((ROWS + 3))]"
	on_pg && return # the rest $TAMPER
	sql "DROP TRIGGER audit_no_update; UPDATE audit SET actor = '新用户' WHERE id = $((ROWS + 1))"
	caught "$((ROWS + 1))" "row $((ROWS + 1)) was altered: its fields do not give its hash"
}

@test "an archive row appended behind gg's back, and every row before it deleted, is caught against the head" {
	# a row as --archive writes it, hashed the way gg hashes: the triggers let it in
	prev=${HEAD#*:}
	ch="{\"op\":\"archive\",\"file\":\"/nowhere\",\"head\":\"$HEAD\"}"
	id=$((ROWS + 1))
	h=$( { printf '%s' "$prev"; for f in "$id" 2026-12-01T00:00:00+08:00 root 0 root; do printf '%d:%s,' "$(printf '%s' "$f" | wc -c)" "$f"; done
		printf -- '-,'; for f in 'gg-report audit --archive /nowhere' "$ch"; do printf '%d:%s,' "$(printf '%s' "$f" | wc -c)" "$f"; done; } |
		sha256sum | cut -d' ' -f1)
	sql "INSERT INTO audit (id, at, login, uid, actor, now, command, change, prev, hash, v) VALUES
		($id, '2026-12-01T00:00:00+08:00', 'root', 0, 'root', NULL, 'gg-report audit --archive /nowhere', '$ch', '$prev', '$h', 2);
		DELETE FROM audit WHERE id < $id"
	assert_equal "$(sql 'SELECT count(*) FROM audit')" 1
	run -0 gg-report audit --verify
	caught --expect "$HEAD" "$ROWS" "row $ROWS is before row $id, where the log starts after an archive: check it with --verify --archived FILE"
}

@test "a trigger gg did not make stops writes (one could drop audit rows); init removes it, logged" {
	sqlite_only "$TAMPER"
	sql "CREATE TRIGGER audit_sink BEFORE INSERT ON audit WHEN NEW.actor = 'mallory' BEGIN SELECT RAISE(IGNORE); END"
	before=$(digest)
	run -70 --separate-stderr gg-org --actor mallory unit set TZ-HL-CZ-02 --population 1400
	[[ $stderr == *"trigger audit_sink is missing or not the one gg made"* ]]
	assert_equal "$(digest)" "$before"
	run -0 gg-org init
	assert_equal "$(sql "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_sink'")" 0
	assert_equal "$(sql "SELECT $(jx change '$.triggers') FROM audit WHERE $(jx change '$.op') = 'restore'")" '["audit_sink"]'
}

@test "a NUL byte hidden in a field is caught: the hash covers every byte" {
	sqlite_only "$TAMPER"
	sql "DROP TRIGGER audit_no_update; UPDATE audit SET command = CAST(command || X'00' || ' --actor mallory' AS BLOB) WHERE id = 3"
	caught 3 "row 3 was altered: a field holds a NUL byte"
}
