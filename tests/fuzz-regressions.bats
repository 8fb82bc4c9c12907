#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# What `make fuzz` found, each through the tool's command line that reaches it. A read past the
# end of a string shows only to a checker: the tools built with AddressSanitizer (the second
# run of make check) catch it themselves, and the plain build is run under valgrind.

load helper

setup_file() {
	seed_catalogue
}

# checked TOOL ARGS…: the tool run so that a bad read or write is an error (exit 99 under
# valgrind, AddressSanitizer's own report and exit status in its build).
checked() {
	if ldd "$(command -v "$1")" | grep -q libasan; then
		"$@"
	else
		valgrind -q --error-exitcode=99 --track-fds=no "$(command -v "$1")" "${@:2}"
	fi
}

@test "a time shorter than a date is refused, never read past its end (fuzz: period)" {
	command -v valgrind >/dev/null || skip "valgrind is not installed (make test-deps)"
	BEFORE=$(digest)
	for t in '' 1 202 2026; do
		run -65 --separate-stderr checked gg-ticket import <<EOF2
{category: env.garbage, title: 杂物, address: 东进路12号3幢, reported_at: "$t"}
EOF2
		assert_equal "$stderr" "gg-ticket: stdin:1:68: reported_at: '$t' is not a time: use ISO 8601, e.g. 2026-11-03T09:12:00+08:00"
		assert_equal "$output" ""
	done
	assert_equal "$(digest)" "$BEFORE"
}

@test "a time before the year 1000, or of local mean time, is printed as read and reads back the same (fuzz: period)" {
	run -0 gg-ticket import <<'EOF2'
- {category: env.garbage, title: 杂物, address: 东进路12号3幢, reported_at: "0262-11-03T09:12:00+08:00", external_id: X1}
- {category: env.garbage, title: 杂物, address: 东进路12号3幢, reported_at: "1900-11-03T09:12:00+08:00", external_id: X2}
EOF2
	# not 262-11-03T09:17:43+08:05: strftime's year, and Shanghai's offset before 1901 (+08:05:43)
	# cut to minutes, 43 seconds off
	run -0 --separate-stderr gg-ticket list -o ndjson
	assert_equal "$(jq -r '.reported_at' <<<"$output")" $'0262-11-03T09:12:00+08:00\n1900-11-03T09:12:00+08:00'
	local at
	at=$(jq -r 'select(.external_id == "X1") | .reported_at' <<<"$output")
	run -0 gg-ticket import <<<"{category: env.garbage, title: 杂物, address: 东进路12号3幢, reported_at: \"$at\", external_id: X1}"
	assert_line 'unchanged: 1'
}

@test "a duration starts with its digits: ' 3d' and '+3d' are refused as '-3d' is (read beside the target of durations)" {
	for d in ' 3d' '+3d' '-3d' ' +3d'; do
		run -64 --separate-stderr gg-ticket list --due-within "$d"
		assert_equal "${stderr_lines[0]}" "gg-ticket: --due-within takes a duration: 30m, 2h, 3d or 5wd"
		assert_equal "$output" ""
	done
	run -0 gg-ticket list --due-within 3d
}
