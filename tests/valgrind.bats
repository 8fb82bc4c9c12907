#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# A few commands of every tool, the ordinary and the refused, run under valgrind on the plain
# build (bin/): each exits with its own status, with no invalid read or write, no use of an
# uninitialised value and no memory lost (definitely or indirectly). The tools built with
# AddressSanitizer (the second run of make check) check themselves: this suite skips there.

load helper

# bats skips a whole file only from setup (skip in setup_file comes with bats 1.9)
setup_file() {
	if [[ ${GG_BIN:-$TOP/bin} != "$TOP/bin" ]]; then
		export NO_VALGRIND="the tools under test are $GG_BIN's; valgrind checks bin/"
		return
	fi
	if ! command -v valgrind >/dev/null; then
		export NO_VALGRIND="valgrind is not installed (make test-deps)"
		return
	fi
	seed_catalogue
	export ORDER="--community TZ-HL-CZ-01 --requester-name 张大爷 --requester-phone 13912345678 --need elderly_care
		--title 陪同就医 --wanted 2026-11-28T09:00:00+08:00"
}

setup() {
	[[ -z ${NO_VALGRIND:-} ]] || skip "$NO_VALGRIND"
	fresh_db
}

# vg STATUS TOOL ARGS…: bin/TOOL under valgrind exits STATUS, and valgrind said nothing (an
# error of its own would have made it exit 99).
vg() {
	local want=$1 tool=$2
	shift 2
	run -"$want" valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--track-fds=no -q "$TOP/bin/$tool" "$@"
	refute_line --regexp '^==[0-9]+=='
}

# tickets: the hotline export of the fixtures taken in, by the tools as they are.
tickets() {
	gg-ticket import --from csv --map "$FIX/hotline-map.yaml" "$FIX/hotline.csv" >/dev/null
}

@test "valgrind: gg-org imports a city, and refuses a malformed one" {
	GG_DB="$BATS_TEST_TMPDIR/new.db" vg 0 gg-org import -f "$FIX/city.yaml"
	vg 65 gg-org import <<<$'units:\n  - {code: X, name: [1\n'
	vg 0 gg-org tree --depth 3
}

@test "valgrind: gg-ticket imports a CSV export by its mapping, lists it, and refuses a bad time" {
	vg 0 gg-ticket import --from csv --map "$FIX/hotline-map.yaml" "$FIX/hotline.csv"
	vg 0 gg-ticket list -o table
	vg 65 gg-ticket import <<<'{category: env.garbage, title: t, address: 东进路12号3幢, reported_at: "1"}'
	vg 64 gg-ticket list --period 2026-13
}

@test "valgrind: gg-ticket's escalation sweep, and a step of a ticket" {
	tickets
	vg 0 gg-ticket escalate --due --now 2026-12-20T10:00:00+08:00
	vg 0 gg-ticket resolve 1 --note 清理完毕
}

@test "valgrind: gg-score appraises by the built-in rubric, and refuses a rubric naming no metric" {
	tickets
	vg 0 gg-score appraise --period 2026-11
	vg 65 gg-score appraise --period 2026-11 --rubric - <<<$'name: r\nindicators:\n  - {metric: nope, weight: 100}\n'
}

@test "valgrind: gg-report monthly as html into a file, and the audit chain verified" {
	tickets
	vg 0 gg-report monthly --period 2026-11 -o html --out "$BATS_TEST_TMPDIR/monthly.html"
	assert [ -s "$BATS_TEST_TMPDIR/monthly.html" ]
	vg 0 gg-report audit --verify
}

@test "valgrind: gg-volunteer takes an order and matches volunteers to it, and refuses bad weights" {
	# shellcheck disable=SC2086 # ORDER is the options, split as given
	vg 0 gg-volunteer order new $ORDER
	vg 0 gg-volunteer match 1
	printf 'skill: x\n' >"$BATS_TEST_TMPDIR/w.yaml"
	GG_MATCH_WEIGHTS="$BATS_TEST_TMPDIR/w.yaml" vg 65 gg-volunteer match 1
}
