#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The entity layer's append-only kinds, through tests/kind/append.c on the audit log: a row is
# read back through the kind, and changing or removing it through the kind is refused, as the
# store refuses it from the sqlite3 shell (tests/gg-org.bats).

load helper

setup() {
	fresh_db
	KIND=${GG_BIN:+$GG_BIN/../test-kind}
	[ -x "${KIND:-}" ] || KIND=$TOP/build/test-kind
}

@test "an append-only kind: read through the entity layer, never changed or removed through it" {
	rows=$(sql 'SELECT count(*) FROM audit')
	before=$(digest)
	run -0 "$KIND" "$GG_DB"
	assert_line --index 0 "rows $((rows + 1)), the last by tester: probe"
	assert_line --index 1 "set: 65 audit '$((rows + 1))' is kept append-only: record a reversing entry"
	assert_line --index 2 "rm: 65 audit '$((rows + 1))' is kept append-only: record a reversing entry"
	# only the probe's own row was written
	run -0 sql "SELECT count(*), max(actor) FROM audit WHERE id > $rows"
	assert_output "1|tester"
	[ "$before" != "$(digest)" ]
}
