# SPDX-License-Identifier: Apache-2.0
# Sourced by the torture scripts: the tools from PATH (the Makefile and tests/helper.bash put
# bin or build/asan/bin first), a fixed clock, the seed database and the checks made after
# every kill and every concurrent run.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
FIX=$TOP/tests/fixtures
export GG_NOW=${GG_NOW:-2026-11-26T10:00:00+08:00} GG_ACTOR=${GG_ACTOR:-torture} TZ=Asia/Shanghai
unset GG_OUTPUT GG_HOOKS

say() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { say "$*"; exit 1; }

# now_ms: the wall clock in milliseconds, for delays and durations only (never gg's clock)
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# tt_seed DB: the test city, the built-in ticket categories and their departments, a community
# worker of 东进社区 (C0003, who verifies hours), the survey fixtures' Party organisations, and
# twelve volunteers V01..V12 of 东进社区.
tt_seed() {
	local db=$1 i recs=''
	rm -f "$db" "$db-wal" "$db-shm"
	GG_DB=$db gg-org import -f "$FIX/city.yaml" >/dev/null || return
	GG_DB=$db gg-ticket category import --builtin >/dev/null || return
	GG_DB=$db gg-org import -f "$FIX/district-departments.yaml" >/dev/null || return
	GG_DB=$db gg-org person add --code C0003 --name 孙丽 --roles community_worker:TZ-HL-CZ-01 >/dev/null || return
	GG_DB=$db gg-org import -f "$FIX/score/survey-orgs.yaml" >/dev/null || return
	for i in $(seq -w 1 12); do
		recs+="- {person: V$i, name: 志愿者$i, home_community: TZ-HL-CZ-01}"$'\n'
	done
	GG_DB=$db gg-volunteer add - <<<"$recs" >/dev/null || return
	sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
}

# tt_copy FROM TO: a database with its write-ahead log, while nothing writes it
tt_copy() {
	rm -f "$2" "$2-wal" "$2-shm"
	cp "$1" "$2" && { [ ! -e "$1-wal" ] || cp "$1-wal" "$2-wal"; }
}

# tt_digest DB: a hash of every row of every table; of the audit log only what a command
# wrote, not when (its at, and the hashes that chain it, hold the wall clock), and a file it
# names under a run's own directory (an archive's, of the kill's run or the reference's) as
# the same file
tt_digest() {
	sqlite3 "$1" "SELECT hex(sha3_query((SELECT group_concat('SELECT * FROM \"' || name || '\" ORDER BY rowid', ';')
		FROM sqlite_schema WHERE type = 'table' AND name <> 'audit') ||
		';SELECT id, actor, command, replace(replace(change, ''/run-kill/'', ''/run-X/''), ''/run-ref/'', ''/run-X/'') FROM audit ORDER BY id'))"
}

# tt_sound DB: PRAGMA integrity_check says ok and the audit chain verifies; else why not
tt_sound() {
	local ic v
	ic=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	[ "$ic" = ok ] || { echo "integrity_check: $ic"; return 1; }
	v=$(gg-report --db "$1" audit --verify 2>&1) || { echo "audit --verify: $v"; return 1; }
}
