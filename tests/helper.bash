# SPDX-License-Identifier: Apache-2.0
# Shared by every suite: the built binaries first on PATH, a fixed clock, and a database
# per test copied from the one setup_file seeded.
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
FIX=$TOP/tests/fixtures
export PATH="${GG_BIN:-$TOP/bin}:$PATH"
export GG_NOW=2026-11-26T10:00:00+08:00 GG_ACTOR=tester TZ=Asia/Shanghai
unset GG_OUTPUT GG_HOOKS

# seed FILE: a database in the suite's directory holding FILE, copied per test by fresh_db.
seed() {
	export SEED_DB="$BATS_FILE_TMPDIR/seed.db"
	rm -f "$SEED_DB"*
	GG_DB="$SEED_DB" gg-org import -f "$1" >/dev/null
	sqlite3 "$SEED_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
}

# seed_catalogue: seed with the test city and the built-in ticket categories, for the suites
# that take tickets in; 海陵区 gives the catalogue's roles other than urban_management (which
# the city gives D-CG) to the catalogue's own departments.
seed_catalogue() {
	seed "$FIX/city.yaml"
	GG_DB="$SEED_DB" gg-ticket category import --builtin >/dev/null
	GG_DB="$SEED_DB" gg-org import -f "$FIX/district-departments.yaml" >/dev/null
}

fresh_db() {
	export GG_DB="$BATS_TEST_TMPDIR/gg.db"
	cp "$SEED_DB" "$GG_DB"
}

# digest: the whole database as text, to show a failed command wrote nothing.
digest() {
	sqlite3 "$GG_DB" .dump | sha256sum
}

# refused TOOL MESSAGE ARGS…: the command fails with 65 and MESSAGE on stderr, prints
# nothing on stdout and leaves the database as it was (BEFORE, which setup takes).
refused() {
	local tool=$1 msg=$2
	shift 2
	run -65 --separate-stderr "$tool" "$@"
	assert_equal "$stderr" "$tool: $msg"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
}

# The usual suite: the test city seeded once, a fresh copy for each test. A suite that
# needs more defines its own setup_file or setup after `load helper`.
setup_file() {
	seed "$FIX/city.yaml"
}

setup() {
	fresh_db
}

# mins HH:MM: minutes since midnight
mins() {
	echo $((10#${1%:*} * 60 + 10#${1#*:}))
}

# served IN OUT: the minutes a check-in at IN and a check-out at OUT earn at a service day of
# 09:00-11:30 (the Saturday of the volunteer suites): from check-in to check-out, but no more
# than the day lasts nor than was left of it at check-in.
served() {
	local start end in out m
	start=$(mins 09:00) end=$(mins 11:30) in=$(mins "$1") out=$(mins "$2")
	m=$((out - in))
	((end - in < m)) && m=$((end - in))
	((end - start < m)) && m=$((end - start))
	echo "$m"
}
