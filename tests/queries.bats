#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# Every named query under share/gg/queries prepared on the store the suites run on (a file, or
# the PostgreSQL server, in its dialect): one that only a rare command runs would otherwise
# fail first in a user's hands (tests/queries/prepare.c).

load helper

setup_file() {
	seed_catalogue
}

setup() {
	fresh_db
	QUERIES=${GG_BIN:+$GG_BIN/../test-queries}
	[ -x "${QUERIES:-}" ] || QUERIES=$TOP/build/test-queries
}

@test "the store prepares every named query, in its dialect" {
	run -0 "$QUERIES" "$GG_DB"
	assert_regex "$output" '^[0-9]+ queries, 0 refused$'
	# the ones a statement of its own: at least those of the five tools' files
	[ "${output%% *}" -ge 250 ]
}

@test "a query the store refuses is named, with the store's reason" {
	sql 'ALTER TABLE ticket RENAME COLUMN unmapped TO unmapped_was'
	run -1 "$QUERIES" "$GG_DB"
	assert_regex "$output" 'queries/ticket/[a-z-]*(\.pg)?\.sql: cannot prepare a statement on'
	assert_regex "${lines[-1]}" '^[0-9]+ queries, [1-9][0-9]* refused$'
}
