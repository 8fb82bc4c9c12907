#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The short torture, seconds of it (make torture runs the long one): SIGKILLs at random
# moments of every tool's writers, processes of all the tools at once, and a writer that meets
# a full disk, a read-only file or directory, a closed stdout or a reader that goes away. A
# write either stands whole, or is refused leaving nothing; output is written after the
# commit, so output lost is exit 74 saying the change was committed, never a silent death.

load helper

setup_file() {
	seed_catalogue
}

setup() {
	fresh_db
	# under the sanitizers every process is slower: fewer kills, fewer processes
	if [ -n "${GG_BIN:-}" ]; then
		KILLS=10 BATCH=100 PROCS=4
	else
		KILLS=20 BATCH=300 PROCS=8
	fi
}

teardown() {
	if [ -n "${MNT:-}" ]; then
		umount "$MNT" 2>/dev/null || :
		rmdir "$MNT"
	fi
	if [ -n "${RO:-}" ]; then
		chmod 755 "$RO" && rm -rf "$RO"
	fi
}

# tickets N TAG [REPORTED_AT]: N garbage tickets on grid G01 as NDJSON
tickets() {
	awk -v n="$1" -v m="$2" -v r="${3:-2026-11-26T09:00:00+08:00}" 'BEGIN { for (i = 0; i < n; i++)
		printf "{\"external_id\":\"%s-%d\",\"source\":\"app\",\"category\":\"env.garbage\",\"unit\":\"TZ-HL-CZ-01-G01\",\"title\":\"%s 楼道堆放杂物 %d\",\"reported_at\":\"%s\"}\n", m, i, m, i, r }'
}

sound() {
	on_pg || assert_equal "$(sqlite3 "$GG_DB" 'PRAGMA integrity_check')" ok
	run -0 gg-report audit --verify
}

@test "SIGKILL at random moments of every tool's writers: integrity_check ok, the chain verifies, each command's work all there or all absent" {
	sqlite_only "tests/torture's scripts seed, copy and compare SQLite files"
	run env KILLS=$KILLS BATCH=$BATCH "$TOP/tests/torture/kill"
	assert_success
	assert_line --partial "kill: $KILLS SIGKILLs survived"
	assert_line --partial "partly there after 0"
}

@test "processes of all five tools at once for 5 s: no exit but 0, the counts reconcile exactly" {
	sqlite_only "tests/torture's scripts seed, copy and compare SQLite files"
	run env PROCS=$PROCS DURATION=5 "$TOP/tests/torture/concurrent"
	assert_success
	assert_line --regexp "^concurrent: $PROCS processes .* 0 busy \(75\), no other failure; counts reconcile exactly: .* lost = 0;"
}

@test "with a busy timeout below the load (1 ms), a command fails only with 75, and a 75 leaves nothing" {
	sqlite_only "tests/torture's scripts seed, copy and compare SQLite files"
	run env PROCS=$PROCS DURATION=3 BUSY_MS=1 "$TOP/tests/torture/concurrent"
	assert_success
	# some were busy: the 75s left nothing, or the counts would not reconcile
	assert_line --regexp "^concurrent: $PROCS processes .* [1-9][0-9]* busy \(75\), no other failure; counts reconcile exactly: .* lost = 0;"
}

@test "a full disk (a tmpfs a little larger than the database): 74 saying so, nothing written, the file sound" {
	sqlite_only "a full disk under the database's file"
	MNT=$(mktemp -d /tmp/gg-full.XXXXXX)
	size=$(($(stat -c %s "$GG_DB") / 1024 + 64))
	mount -t tmpfs -o size=${size}k tmpfs "$MNT" 2>/dev/null ||
		skip "mount -t tmpfs is refused here (not root, or a container without CAP_SYS_ADMIN): the file size limit test stands in"
	cp "$GG_DB" "$MNT/gg.db"
	export GG_DB=$MNT/gg.db
	before=$(digest)
	tickets 3000 F >"$BATS_TEST_TMPDIR/t.ndjson"
	run -74 --separate-stderr gg-ticket import -f "$BATS_TEST_TMPDIR/t.ndjson"
	assert_equal "$stderr" "gg-ticket: database '$GG_DB': database or disk is full"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$before"
	sound
	# room made, the same import goes through
	umount "$MNT" && mount -t tmpfs -o size=$((size * 8))k tmpfs "$MNT" && cp "$SEED_DB" "$GG_DB"
	run -0 gg-ticket import -f "$BATS_TEST_TMPDIR/t.ndjson" -o json
	assert_equal "$(sqlite3 "$GG_DB" "SELECT count(*) FROM ticket WHERE external_id GLOB 'F-*'")" 3000
}

@test "a full disk as a file size limit (ulimit -f, SIGXFSZ ignored): 73 or 74 saying so, nothing written, the file sound" {
	sqlite_only "a file size limit on the database's file"
	# ulimit -f is RLIMIT_FSIZE: a write past it fails with EFBIG, as a full disk's with ENOSPC
	before=$(digest)
	limit=$(($(stat -c %s "$GG_DB") / 1024 + 16))
	tickets 5000 F >"$BATS_TEST_TMPDIR/t.ndjson"
	run --separate-stderr bash -c 'trap "" XFSZ; ulimit -f "$1" && exec gg-ticket import -f "$2"' _ "$limit" "$BATS_TEST_TMPDIR/t.ndjson"
	[ "$status" -eq 73 ] || [ "$status" -eq 74 ] || fail "exit $status: $stderr"
	assert_regex "$stderr" "^gg-ticket: database '$GG_DB': "
	assert_equal "$output" ""
	assert_equal "$(digest)" "$before"
	sound
}

# as_nobody: root writes anywhere, so the read-only cases run as uid 65534
as_nobody() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups env PATH="$PATH" "$@"
	else
		"$@"
	fi
}

@test "a read-only database file (0444, not root): 73 naming it, nothing written" {
	sqlite_only "the database file's permissions"
	RO=$(mktemp -d /tmp/gg-ro.XXXXXX)
	cp "$GG_DB" "$RO/gg.db" && chmod 444 "$RO/gg.db" && chmod 777 "$RO"
	export GG_DB=$RO/gg.db
	before=$(digest)
	tickets 10 R >"$RO/t.ndjson" && chmod 644 "$RO/t.ndjson"
	run -73 --separate-stderr as_nobody gg-ticket import -f "$RO/t.ndjson"
	assert_equal "$stderr" "gg-ticket: cannot write database '$GG_DB': Permission denied"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$before"
	sound
}

@test "a database in a read-only directory (0555, the file the user's own): 73 naming it, nothing written" {
	sqlite_only "the database directory's permissions"
	RO=$(mktemp -d /tmp/gg-ro.XXXXXX)
	cp "$GG_DB" "$RO/gg.db" && chown 65534 "$RO/gg.db" && chmod 644 "$RO/gg.db"
	tickets 10 R >"$RO/t.ndjson" && chmod 644 "$RO/t.ndjson" && chmod 555 "$RO"
	export GG_DB=$RO/gg.db
	before=$(digest)
	run -73 --separate-stderr as_nobody gg-ticket import -f "$RO/t.ndjson"
	# the write-ahead log cannot be made beside the database
	assert_equal "$stderr" "gg-ticket: cannot write database '$GG_DB': its directory '$(dirname "$GG_DB")' is not writable, and SQLite keeps the database's -wal and -shm files there"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$before"
	sound
}

@test "a writer with stdout closed: the change stands, 74 saying it was committed" {
	tickets 10 C >"$BATS_TEST_TMPDIR/t.ndjson"
	run -74 --separate-stderr bash -c 'exec gg-ticket import -f "$1" -o json >&-' _ "$BATS_TEST_TMPDIR/t.ndjson"
	assert_equal "$stderr" "gg-ticket: cannot write output: Bad file descriptor (the change itself was committed; its output is lost)"
	assert_equal "$(sql "SELECT count(*) FROM ticket WHERE substr(external_id, 1, 2) = 'C-'")" 10
	sound
}

@test "a writer into | head -1, its output larger than a pipe: the change stands, 74 saying it was committed, no SIGPIPE death" {
	tickets 3000 H 2026-11-20T09:00:00+08:00 | gg-ticket import - >/dev/null
	# the sweep prints every ticket it moved, some MB of ndjson; head keeps one line
	gg-ticket escalate --due -o ndjson 2>"$BATS_TEST_TMPDIR/err" | head -1 >"$BATS_TEST_TMPDIR/first"
	status=${PIPESTATUS[0]}
	assert_equal "$(jq -r .external_id "$BATS_TEST_TMPDIR/first")" H-0
	assert_equal "$(sql "SELECT count(*) FROM ticket WHERE substr(external_id, 1, 2) = 'H-' AND level = 'department'")" 3000
	assert_equal "$status" 74
	assert_regex "$(cat "$BATS_TEST_TMPDIR/err")" "^gg-ticket: cannot write output: .*\(the change itself was committed; its output is lost\)$"
	sound
}
