#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# audit-head.sh: each night, checks the audit log's chain and prints its head, COUNT:HASH,
# for cron to mail where the district's staff cannot write. With GG_AUDIT_LAST naming a file
# whose last line is a head kept before (a copy brought back from there), the log must still
# extend it, so deleting the last rows or recomputing every hash is caught too. Exits 1 with
# the first row found wrong when the chain does not hold; the mail then says so.
set -u
. "$(dirname "$0")/cron.sh"
need_db
expect=
if [ -n "${GG_AUDIT_LAST:-}" ] && [ -s "$GG_AUDIT_LAST" ]; then
	expect=$(tail -n 1 "$GG_AUDIT_LAST")
fi
found=$(gg-report audit --verify ${expect:+--expect "$expect"} -o yaml)
rc=$?
if [ "$rc" -ne 0 ]; then
	[ "$rc" -eq 1 ] && printf 'The audit log does not verify:\n%s\n' "$found"
	exit "$rc"
fi
gg-report audit --head
