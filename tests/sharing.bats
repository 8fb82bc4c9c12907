# SPDX-License-Identifier: Apache-2.0
# A district's staff sharing one database as a Unix group (issue 13, item 1): two staff
# members (uids 5001 and 5002, each with a primary group of their own, both in group 4242), a
# reader outside the group, and the directory they share. Needs root, to be them.
load helper

setup() {
	sqlite_only "a database file, its -wal and -shm shared through a Unix group"
	[ "$(id -u)" -eq 0 ] || skip 'needs root, to run as the staff members'
	# bats's own directories are root's alone: the staff's is made where they can reach it
	TOP_SHARED=$(mktemp -d /tmp/gg-sharing.XXXXXX)
	chmod 0711 "$TOP_SHARED"
	SHARED="$TOP_SHARED/district"
	mkdir -m 0770 "$SHARED"
	chown 0:4242 "$SHARED"
	export GG_DB="$SHARED/gg.db"
}

teardown() {
	[ -z "${TOP_SHARED:-}" ] || rm -rf "$TOP_SHARED"
}

# as UID COMMAND...: COMMAND as staff member UID (its own primary group, and group 4242),
# under the README's umask
as() {
	local uid=$1
	shift
	setpriv --reuid="$uid" --regid="$uid" --groups=4242 env HOME=/nonexistent sh -c 'umask 007; exec "$@"' sh "$@"
}

@test "a member's read leaves -wal and -shm the group's: the other member still writes and reads" {
	as 5001 gg-org import -f "$FIX/city.yaml" >/dev/null
	as 5001 gg-ticket category import --builtin >/dev/null
	run -0 stat -c '%g %a' "$GG_DB"
	assert_output '4242 660'
	# the member's read, through a WAL it cannot checkpoint away as a reader
	run -0 as 5002 gg-org tree --depth 1 -o tsv
	for f in "$GG_DB-wal" "$GG_DB-shm"; do
		[ ! -e "$f" ] || [ "$(stat -c %g "$f")" = 4242 ]
	done
	run -0 --separate-stderr as 5001 gg-ticket new --category env.garbage --title '井盖松动' --unit TZ-HL-CZ-01-G01 -o tsv
	run -0 as 5001 gg-ticket list -o tsv
	assert_line --partial '井盖松动'
	run -0 as 5002 gg-ticket new --category env.garbage --title '路灯不亮' --unit TZ-HL-CZ-01-G01 -o tsv
	run -0 sqlite3 "$GG_DB" "SELECT count(*) FROM ticket"
	assert_output 2
}

@test "the directories gg makes for a new database are the group's and setgid, the database group-writable" {
	GG_DB="$SHARED/2026/hailing/gg.db" as 5001 gg-org init
	for d in "$SHARED/2026" "$SHARED/2026/hailing"; do
		run -0 stat -c '%g %A' "$d"
		assert_output '4242 drwxrws---'
	done
	run -0 stat -c '%u %g %A' "$SHARED/2026/hailing/gg.db"
	assert_output '5001 4242 -rw-rw----'
	GG_DB="$SHARED/2026/hailing/gg.db" run -0 as 5002 gg-org import -f "$FIX/city.yaml"
}

@test "a reader who cannot write the database's directory still reads it, as checkpointed; a writer is refused" {
	as 5001 gg-org import -f "$FIX/city.yaml" >/dev/null
	chmod 0755 "$SHARED"
	chmod 0644 "$GG_DB"
	run -0 sqlite3 "$GG_DB" 'PRAGMA wal_checkpoint(TRUNCATE)'
	rm -f "$GG_DB-wal" "$GG_DB-shm"
	run -0 --separate-stderr setpriv --reuid=65534 --regid=65534 --clear-groups gg-org unit show TZ-HL -o json
	assert_equal "$(jq -r '.[0].name' <<<"$output")" '海陵区'
	assert_equal "$stderr" ''
	[ ! -e "$GG_DB-wal" ] && [ ! -e "$GG_DB-shm" ]
	# with a writer's connection open (its -wal and -shm there, readable): through them
	{ echo 'BEGIN; SELECT count(*) FROM unit;'; sleep 2; } | sqlite3 "$GG_DB" >/dev/null &
	sleep 0.5
	chmod 0644 "$GG_DB-wal" "$GG_DB-shm"
	run -0 setpriv --reuid=65534 --regid=65534 --clear-groups gg-org unit show TZ-HL -o json
	assert_equal "$(jq -r '.[0].name' <<<"$output")" '海陵区'
	wait
	run -73 --separate-stderr setpriv --reuid=65534 --regid=65534 --clear-groups gg-org unit rm TZ-HL-CZ-01-G01
	assert_equal "$output" ''
	assert_equal "$stderr" "gg-org: cannot write database '$GG_DB': its directory '$SHARED' is not writable, and SQLite keeps the database's -wal and -shm files there"
}

@test "a member reaching the database by a symbolic link, or allowed only to read it, never locks the others out" {
	as 5001 gg-org import -f "$FIX/city.yaml" >/dev/null
	mkdir -m 0755 "$TOP_SHARED/links"
	ln -s "$GG_DB" "$TOP_SHARED/links/gg.db"
	# a member's read through the link: the -wal and -shm beside the file are the group's
	GG_DB="$TOP_SHARED/links/gg.db" run -0 as 5002 gg-org unit show TZ-HL -o tsv
	for f in "$GG_DB-wal" "$GG_DB-shm"; do
		[ ! -e "$f" ] || [ "$(stat -c %g "$f")" = 4242 ]
	done
	run -0 as 5001 gg-org unit set TZ-HL-CZ-02 --population 1200
	# the file made group-read-only: a member's read leaves nothing the owner cannot write
	run -0 sqlite3 "$GG_DB" 'PRAGMA wal_checkpoint(TRUNCATE)'
	rm -f "$GG_DB-wal" "$GG_DB-shm"
	chmod 0640 "$GG_DB"
	run -0 as 5002 gg-org unit show TZ-HL-CZ-02 -o json
	assert_equal "$(jq '.[0].population' <<<"$output")" 1200
	run -0 as 5001 gg-org unit set TZ-HL-CZ-02 --population 1300
	run -0 as 5001 gg-org unit show TZ-HL-CZ-02 -o json
	assert_equal "$(jq '.[0].population' <<<"$output")" 1300
}
