# SPDX-License-Identifier: Apache-2.0
# Shared by every suite: the built binaries first on PATH, a fixed clock, and a database
# per test copied from the one setup_file seeded. GG_TEST_STORE=pg runs the suites on the
# PostgreSQL cluster that PGHOST and PGUSER name (tests/pg/cluster start): a database per
# suite seeded once, copied per test as a template; unset or sqlite, on files as ever.
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
FIX=$TOP/tests/fixtures
export PATH="${GG_BIN:-$TOP/bin}:$PATH"
export GG_NOW=2026-11-26T10:00:00+08:00 GG_ACTOR=tester TZ=Asia/Shanghai
unset GG_OUTPUT GG_HOOKS

# on_pg: whether the suites run on PostgreSQL
on_pg() {
	[[ ${GG_TEST_STORE:-sqlite} == pg ]]
}

# sqlite_only REASON: skips the test on PostgreSQL, where what it tests is not there
sqlite_only() {
	if on_pg; then
		skip "sqlite-only: $1"
	fi
}

if on_pg; then
	: "${PGHOST:?GG_TEST_STORE=pg needs PGHOST (tests/pg/cluster start)}"
	export PGUSER=${PGUSER:-gg} PGDATABASE=${PGDATABASE:-postgres}
	# the suite's databases are named after its directory, which is the run's and the file's
	PG_PREFIX=gg_$(printf %s "$BATS_FILE_TMPDIR" | sha256sum | cut -c1-16)
	PG_DBS=$BATS_FILE_TMPDIR/pg-databases
fi

# pg_db [DB]: whether DB (GG_DB) is a PostgreSQL database, as gg tells: by its URL
pg_db() {
	[[ ${1-$GG_DB} == postgresql://* || ${1-$GG_DB} == postgres://* ]]
}

# pg_url NAME: the GG_DB that reaches database NAME of the test cluster
pg_url() {
	echo "postgresql:///$1?host=$PGHOST&port=${PGPORT:-5432}&user=$PGUSER"
}

# pg_name GG_DB: the database's name in a pg_url
pg_name() {
	local name=${1#*:///}
	echo "${name%%\?*}"
}

# pg_admin SQL: runs SQL on the cluster's maintenance database (CREATE and DROP DATABASE)
pg_admin() {
	psql -X -q -v ON_ERROR_STOP=1 -d postgres -c 'SET client_min_messages = warning' -c "$1" >/dev/null
}

# pg_create NAME [TEMPLATE]: a database NAME (copied from TEMPLATE), dropped with the suite's
pg_create() {
	pg_admin "DROP DATABASE IF EXISTS $1 WITH (FORCE)"
	if [ -n "${2:-}" ]; then
		pg_admin "CREATE DATABASE $1 TEMPLATE $2 STRATEGY FILE_COPY"
	else
		pg_admin "CREATE DATABASE $1"
	fi
	echo "$1" >>"$PG_DBS"
}

# pg_drop_tests: drops the databases the suite's tests made (a suite makes hundreds), keeping
# the seeds (named *_seed*) that later tests copy
pg_drop_tests() {
	local db keep=()
	[ -f "$PG_DBS" ] || return 0
	while read -r db; do
		if [[ $db == *_seed* ]]; then
			keep+=("$db")
		else
			pg_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)" || return
		fi
	done <"$PG_DBS"
	if ((${#keep[@]})); then printf '%s\n' "${keep[@]}" | sort -u >"$PG_DBS"; else : >"$PG_DBS"; fi
}

# After the suite, every database it made is dropped; stopping the cluster removes the rest.
teardown_file() {
	if on_pg && [ -f "$PG_DBS" ]; then
		local db
		sort -u "$PG_DBS" | while read -r db; do
			pg_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"
		done
		rm -f "$PG_DBS"
	fi
}

# pg_seed: SEED_DB, the suite's database PREFIX_seed, made by gg-org init. A gg that takes
# the URL for a file's path (one without the PostgreSQL store) stops the suite here, before
# any test, and makes its directories in the suite's own.
pg_seed() {
	export SEED_DB
	SEED_DB=$(pg_url "${PG_PREFIX}_seed")
	pg_create "${PG_PREFIX}_seed"
	(cd "$BATS_FILE_TMPDIR" && GG_DB="$SEED_DB" gg-org init >/dev/null) || return
	if [ "$(GG_DB=$SEED_DB sql "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")" = 0 ]; then
		echo "gg-org init made no table in $SEED_DB: is this gg built with the PostgreSQL store?" >&2
		return 1
	fi
}

# seed FILE: a database in the suite's directory holding FILE, copied per test by fresh_db.
# On PostgreSQL the suite's database NAME_seed, the template of each test's.
seed() {
	if on_pg; then
		pg_seed || return
		GG_DB="$SEED_DB" gg-org import -f "$1" >/dev/null
		return
	fi
	export SEED_DB="$BATS_FILE_TMPDIR/seed.db"
	rm -f "$SEED_DB"*
	GG_DB="$SEED_DB" gg-org import -f "$1" >/dev/null
	sqlite3 "$SEED_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
}

# seed_empty: SEED_DB, empty, for a suite that fills its seed with the tools itself
seed_empty() {
	if on_pg; then
		pg_seed
		return
	fi
	export SEED_DB="$BATS_FILE_TMPDIR/seed.db"
	rm -f "$SEED_DB"*
}

# checkpoint DB: all DB holds in its main file, so that a copy of the file holds it all (a
# database written after seed, before fresh_db copies it); nothing to do on PostgreSQL
checkpoint() {
	on_pg || sqlite3 "$1" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
}

# copy_db FROM NAME: a copy of database FROM (checkpointed) kept for the suite, printed: the
# file NAME.db in the suite's directory, or the database PREFIX_seed_NAME on PostgreSQL
copy_db() {
	if on_pg; then
		pg_create "${PG_PREFIX}_seed_$2" "$(pg_name "$1")"
		pg_url "${PG_PREFIX}_seed_$2"
		return
	fi
	checkpoint "$1"
	cp "$1" "$BATS_FILE_TMPDIR/$2.db"
	echo "$BATS_FILE_TMPDIR/$2.db"
}

# seed_catalogue: seed with the test city and the built-in ticket categories, for the suites
# that take tickets in; 海陵区 gives the catalogue's roles other than urban_management (which
# the city gives D-CG) to the catalogue's own departments.
seed_catalogue() {
	seed "$FIX/city.yaml"
	GG_DB="$SEED_DB" gg-ticket category import --builtin >/dev/null
	GG_DB="$SEED_DB" gg-org import -f "$FIX/district-departments.yaml" >/dev/null
}

# fresh_db [FROM]: GG_DB, the test's own copy of the seed (or of FROM, which copy_db made).
# On PostgreSQL a database made from it as a template; the tests' earlier ones are dropped.
fresh_db() {
	if on_pg; then
		local n=1 name
		pg_drop_tests
		while name=${PG_PREFIX}_t${BATS_SUITE_TEST_NUMBER:-0}_$n && grep -qx "$name" "$PG_DBS" 2>/dev/null; do
			n=$((n + 1))
		done
		pg_create "$name" "$(pg_name "${1:-$SEED_DB}")"
		export GG_DB
		GG_DB=$(pg_url "$name")
		return
	fi
	export GG_DB="$BATS_TEST_TMPDIR/gg.db"
	cp "${1:-$SEED_DB}" "$GG_DB"
}

# new_db NAME: where a new, empty database goes, printed: NAME.db in the test's directory,
# or the empty database PREFIX_tN_name on PostgreSQL (NAME of letters, digits and _)
new_db() {
	if on_pg; then
		local name=${PG_PREFIX}_t${BATS_SUITE_TEST_NUMBER:-0}_${1,,}
		pg_create "$name"
		pg_url "$name"
		return
	fi
	echo "$BATS_TEST_TMPDIR/$1.db"
}

# seed_copy NAME: a copy of the seed for the test beside GG_DB, printed as new_db prints it
seed_copy() {
	if on_pg; then
		local name=${PG_PREFIX}_t${BATS_SUITE_TEST_NUMBER:-0}_${1,,}
		pg_create "$name" "$(pg_name "$SEED_DB")"
		pg_url "$name"
		return
	fi
	cp "$SEED_DB" "$BATS_TEST_TMPDIR/$1.db"
	echo "$BATS_TEST_TMPDIR/$1.db"
}

# empty_db: GG_DB no longer exists (SQLite), or is empty (PostgreSQL), for gg to make anew
empty_db() {
	if on_pg; then
		export GG_DB
		GG_DB=$(new_db empty)
		return
	fi
	rm -f "$GG_DB"
}

# digest: the whole database as text, to show a failed command wrote nothing. On PostgreSQL
# its rows as pg_dump prints them, less the comments, the random key of \restrict and the
# sequences' positions (a transaction rolled back keeps the numbers it drew).
digest() {
	if pg_db; then
		pg_dump --data-only --no-owner --no-privileges -d "$GG_DB" 2>/dev/null |
			grep -v -e '^--' -e '^SELECT pg_catalog.setval(' -e '^\\restrict ' -e '^\\unrestrict ' | sha256sum
		return
	fi
	sqlite3 "$GG_DB" .dump | sha256sum
}

# sql [-s SEP] [SQL]: runs SQL (or stdin) on GG_DB behind gg's back (psql for a PostgreSQL
# URL, sqlite3 for a file) and prints the rows as sqlite3 does: one a line, columns between SEP (|), NULL as nothing. psql prints a boolean
# as t or f where SQLite has 1 or 0, so the tests CAST those they print. An error fails it:
# the store's message on stderr, exit 1 from sqlite3 (19 for a constraint) and 3 from psql.
sql() {
	local sep='|'
	if [ "${1:-}" = -s ]; then
		sep=$2
		shift 2
	fi
	if pg_db; then
		if (($#)); then
			psql -X -A -t -q -F "$sep" -v ON_ERROR_STOP=1 -d "$GG_DB" <<<"$1"
		else
			psql -X -A -t -q -F "$sep" -v ON_ERROR_STOP=1 -d "$GG_DB"
		fi
	elif (($#)); then
		sqlite3 -separator "$sep" "$GG_DB" "$1"
	else
		sqlite3 -separator "$sep" "$GG_DB"
	fi
}

# sql_db DB [-s SEP] [SQL]: sql on database DB rather than GG_DB
sql_db() {
	GG_DB=$1 sql "${@:2}"
}

# store_refuses SQL: the store itself refuses SQL (a trigger or a constraint), exit 19 from
# sqlite3 and 3 from psql, its message in $output
store_refuses() {
	if pg_db; then
		run -3 sql "$1"
	else
		run -19 sql "$1"
	fi
}

# jx COLUMN PATH: the SQL for the value at PATH ($.a.b[0].c, as SQLite writes it) in the JSON
# text of COLUMN: json_extract on SQLite, #>> on PostgreSQL
jx() {
	if on_pg; then
		local p=${2#\$}
		p=${p//\[/.}
		p=${p//\]/}
		p=${p#.}
		echo "(CAST($1 AS json) #>> '{${p//./,}}')"
	else
		echo "json_extract($1, '$2')"
	fi
}

# SQL_TRUE, SQL_FALSE: literals both stores take into a flag column (integer on SQLite; on
# PostgreSQL a quoted '1' goes into a boolean and an integer alike)
if on_pg; then SQL_TRUE="'1'" SQL_FALSE="'0'"; else SQL_TRUE=1 SQL_FALSE=0; fi

# sql_joined SQL: the rows of SQL (one column) on one line, between commas, as SQLite's
# group_concat and PostgreSQL's string_agg write them
sql_joined() {
	sql "$1" | paste -sd , -
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
