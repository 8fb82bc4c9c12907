#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The output contract of gg(7), for every tool: a failed command prints nothing on stdout,
# a hook's output never mixes into gg's, and no control character reaches a terminal.

load helper

setup_file() {
	seed_catalogue
}

new_ticket() {
	gg-ticket new --category env.garbage --title 楼道堆放杂物 --unit TZ-HL-CZ-01-G01 -o json "$@" | jq -r .id
}

@test "a writing command that fails prints nothing on stdout, and writes nothing" {
	id=$(new_ticket)
	before=$(digest)
	run -65 --separate-stderr gg-ticket accept "$id" 99999
	assert_equal "$output" ""
	assert_equal "$stderr" "gg-ticket: no ticket 99999"
	assert_equal "$(digest)" "$before"
	run -65 --separate-stderr gg-org unit set TZ-HL-CZ-01 --population 9000 --parent NOPE
	assert_equal "$output" ""
}

@test "a reading command that fails prints nothing on stdout" {
	run -65 --separate-stderr gg-org unit show TZ NOPE
	assert_equal "$output" ""
	assert_equal "$stderr" "gg-org: no unit 'NOPE'"
	run -65 --separate-stderr gg-ticket show 1 99999 -o json
	assert_equal "$output" ""
}

@test "what a hook prints goes to stderr, never into gg's stdout" {
	mkdir -p "$BATS_TEST_TMPDIR/hooks"
	printf '#!/bin/sh\necho "hook says hi"\ncat >/dev/null\n' >"$BATS_TEST_TMPDIR/hooks/on-escalate"
	chmod +x "$BATS_TEST_TMPDIR/hooks/on-escalate"
	id=$(new_ticket)
	run -0 --separate-stderr env GG_HOOKS="$BATS_TEST_TMPDIR/hooks" GG_NOW=2026-11-27T11:00:00+08:00 \
		gg-ticket escalate --due -o ndjson
	assert_equal "$(jq -c '[.id, .level]' <<<"$output")" "[$id,\"community\"]"
	assert_equal "$stderr" "hook says hi"
}

@test "control characters in text are escaped in table and tsv, never sent to the terminal" {
	id=$(new_ticket --title $'灯坏了\e[31m红\a\xc2\x9b2J\tend' --description $'two\nlines\\')
	run -0 gg-ticket show "$id" -o tsv
	refute_output --partial $'\e'
	refute_output --partial $'\a'
	refute_output --partial $'\xc2\x9b'
	assert_output --partial '灯坏了\x1b[31m红\x07\u009b2J\tend'
	assert_output --partial 'two\nlines\\'
	run -0 gg-ticket list -o table
	refute_output --partial $'\e'
	refute_output --partial $'\a'
	assert_output --partial '灯坏了\x1b[31m红\x07\u009b2J end'
	run -0 gg-ticket show "$id" -o table
	refute_output --partial $'\e'
	assert_output --partial 'two lines\'
}

@test "filters are checked: an unknown status or level is a usage error naming the allowed values" {
	run -64 --separate-stderr gg-ticket list --status bogus
	assert_equal "$output" ""
	assert_equal "${stderr_lines[0]}" "gg-ticket: unknown status 'bogus' for --status (one of: new, accepted, assigned, in_progress, suspended, resolved, closed, rejected, duplicate, open)"
	run -64 --separate-stderr gg-ticket list --level villages
	assert_equal "${stderr_lines[0]}" "gg-ticket: unknown level 'villages' for --level (one of: grid, community, street, department)"
	run -64 --separate-stderr gg-org unit list --level villages
	assert_equal "${stderr_lines[0]}" "gg-org: unknown level 'villages' for --level (one of: city, district, street, community, grid, building)"
	run -64 --separate-stderr gg-ticket list --source fax
	assert_equal "${stderr_lines[0]}" "gg-ticket: unknown source 'fax' for --source (one of: grid_patrol, hotline_12345, visit, app, resident, department)"
}

@test "a filter repeated, or given as a list, means either" {
	a=$(new_ticket)
	b=$(new_ticket --category env.noise)
	gg-ticket accept "$b" >/dev/null
	run -0 gg-ticket list --status new,accepted -o ndjson
	assert_equal "$(jq -s -c 'map(.id)' <<<"$output")" "[$a,$b]"
	run -0 gg-ticket list --status new --status accepted -o ndjson
	assert_equal "$(jq -s -c 'map(.id)' <<<"$output")" "[$a,$b]"
	run -0 gg-ticket list --category env.garbage --category env.noise -o ndjson
	assert_equal "$(jq -s -c 'map(.id)' <<<"$output")" "[$a,$b]"
	run -0 gg-ticket list --status accepted -o ndjson
	assert_equal "$(jq -s -c 'map(.id)' <<<"$output")" "[$b]"
	run -0 gg-org unit list --level street --level district -o tsv
	assert_equal "$(cut -f1 <<<"$output" | tail -n +2 | tr '\n' ' ')" "TZ-HL TZ-HL-CZ "
	run -0 gg-org unit list --level street,district -o tsv
	assert_equal "$(cut -f1 <<<"$output" | tail -n +2 | tr '\n' ' ')" "TZ-HL TZ-HL-CZ "
}

@test "help: asked for on stdout, for want of a command on stderr with exit 64; every line fits 80 columns" {
	run -64 --separate-stderr gg-org
	assert_equal "$output" ""
	assert_equal "${stderr_lines[0]}" "usage: gg-org [GLOBAL OPTIONS] COMMAND [ARGS...]"
	run -0 --separate-stderr gg-org help
	assert_line --index 0 "usage: gg-org [GLOBAL OPTIONS] COMMAND [ARGS...]"
	run -0 gg-org help unit add
	assert_line --index 0 "usage: gg-org unit add [--FIELD VALUE]... | --file FILE | -"
	run -0 gg-org unit help
	assert_line --index 0 "usage: gg-org unit COMMAND [ARGS...]"
	run -0 gg-ticket import help
	assert_line --index 0 --partial "usage: gg-ticket import"
	run -0 gg-org duty --help
	assert_line --partial "list duties, filtered"
	run -0 gg-ticket --help
	assert_output --partial "[--unanswered]"
	for tool in gg-org gg-ticket gg-volunteer gg-score gg-report; do
		for c in "" unit "unit add" "person list" "demand list" category list new import escalate "category import" audit \
			add team activity "activity add" order "order new" "order list" log ledger hours match members pledge \
			metrics satisfaction "survey import" social-org "social-org rate" appraise rank "results import" staffing \
			tickets volunteers; do
			$tool $c --help >/dev/null 2>&1 || continue
			# in columns, a CJK character two of them
			run -0 bash -c "$tool $c --help | LC_ALL=C.UTF-8 wc -L"
			[ "$output" -le 80 ] || { echo "$tool $c --help: $output columns" >&2; false; }
		done
	done
}

@test "an unknown global option is an unknown option, not an unknown command" {
	run -64 --separate-stderr gg-org --bogus unit list
	assert_equal "$output" ""
	assert_equal "${stderr_lines[0]}" "gg-org: unknown option '--bogus'; see 'gg-org --help'"
}

@test "commands that take ids or records read stdin only when asked with -" {
	run -64 --separate-stderr bash -c 'echo "{\"id\": 1}" | gg-ticket show'
	assert_equal "$output" ""
	run -64 --separate-stderr bash -c 'echo "{\"id\": 1}" | gg-ticket accept'
	assert_equal "$output" ""
	before=$(digest)
	run -64 --separate-stderr bash -c 'echo "{code: TZ-X, name: 甲, level: district, parent: TZ}" | gg-org unit add'
	assert_equal "$output" ""
	assert_equal "${stderr_lines[0]}" "gg-org: give the fields as options, or records with --file FILE or - (stdin)"
	run -64 --separate-stderr bash -c 'echo "{category: env.garbage, title: 甲, unit: TZ-HL-CZ-01-G01}" | gg-ticket new'
	assert_equal "$output" ""
	assert_equal "$(digest)" "$before"
	run -0 bash -c 'echo "{code: TZ-X, name: 甲, level: district, parent: TZ}" | gg-org unit add - -o json'
	assert_equal "$(jq -r '.[0].code' <<<"$output")" TZ-X
}

@test "new takes one ticket: a second record on stdin is refused, not dropped" {
	before=$(digest)
	run -65 --separate-stderr gg-ticket new - <<'EOF2'
{"category": "env.garbage", "title": "甲", "unit": "TZ-HL-CZ-01-G01"}
{"category": "env.garbage", "title": "乙", "unit": "TZ-HL-CZ-01-G01"}
EOF2
	assert_equal "$output" ""
	assert_equal "$stderr" "gg-ticket: stdin:2:1: new takes one ticket; take in several with 'gg-ticket import'"
	assert_equal "$(digest)" "$before"
}

@test "csv, tsv and table columns are declared by the command, never taken from the first record" {
	a=$(new_ticket)
	b=$(new_ticket --external-id X-1 --source hotline_12345)
	gg-ticket assign "$b" --to W0001 >/dev/null
	run -0 gg-ticket list -o csv
	assert_line --index 0 "id,external_id,source,category,category_name,title,description,unit,address,priority,status,level,assignee,reported_at,respond_by,due_at,accepted_at,resolved_at,closed_at,overdue_at,satisfaction,duplicate_of,duplicates,lat,long,provisional_deadline,street,community,start_level,first_accepted_at,first_satisfaction,missed,reporter,unmapped"
	assert_equal "$(tail -n 1 <<<"$output" | cut -d, -f2,13)" "X-1,W0001"
	run -0 gg-ticket show "$a" "$b" -o tsv
	assert_equal "$(tail -n 1 <<<"$output" | cut -f2)" "X-1"
	run -0 gg-ticket history "$b" -o table
	assert_line --index 0 --regexp '^event +at +actor +kind +status +level +note +data$'
	gg-ticket accept "$a" --note 已到现场 >/dev/null
	run -0 gg-ticket history "$a" -o tsv
	assert_equal "$(tail -n 1 <<<"$output" | cut -f4,7)" $'accepted\t已到现场'
	run -0 gg-org tree -o csv
	assert_line --index 0 "code,name,level,parent,population,depth"
	assert_line --partial "TZ-HL-CZ-01,东进社区,community,TZ-HL-CZ,8200,3"
	run -0 gg-org dept show D-CG -o csv
	assert_output $'code,name,level\nD-CG,城市管理局,district'
}

@test "- reads bare ids as well as records; an id is digits within 64 bits, nothing else" {
	a=$(new_ticket)
	b=$(new_ticket)
	run -0 bash -c "printf '%s\n%s\n' $a $b | gg-ticket show - -o ndjson"
	assert_equal "$(jq -s -c 'map(.id)' <<<"$output")" "[$a,$b]"
	run -0 bash -c "echo $a | gg-ticket accept - -o ndjson"
	assert_equal "$(jq -r .status <<<"$output")" accepted
	run -65 --separate-stderr bash -c "echo '$b x' | gg-ticket show - -o ndjson"
	assert_equal "$output" ""
	assert_equal "$stderr" "gg-ticket: 'x' is not a ticket id"
	run -64 --separate-stderr gg-ticket show " $a"
	assert_equal "${stderr_lines[0]}" "gg-ticket: ' $a' is not a ticket id"
	run -64 --separate-stderr gg-ticket show 99999999999999999999
	assert_equal "${stderr_lines[0]}" "gg-ticket: '99999999999999999999' is not a ticket id"
}

@test "one shape whatever the number of keys: a JSON array, a YAML document a record" {
	a=$(new_ticket)
	b=$(new_ticket)
	run -0 gg-ticket show "$a" -o json
	assert_equal "$(jq -c 'map(.id)' <<<"$output")" "[$a]"
	run -0 gg-ticket show "$a" "$b" -o json
	assert_equal "$(jq -c 'map(.id)' <<<"$output")" "[$a,$b]"
	run -0 gg-ticket accept "$a" -o json
	assert_equal "$(jq -c 'map(.status)' <<<"$output")" '["accepted"]'
	run -0 gg-org unit show TZ -o json
	assert_equal "$(jq -c 'map(.code)' <<<"$output")" '["TZ"]'
	run -0 gg-org unit show TZ TZ-HL
	assert_output --partial $'level: city\n---\ncode: TZ-HL'
	run -0 bash -c 'gg-org unit show TZ TZ-HL | gg-org unit show - -o ndjson'
	assert_equal "$(jq -s -c 'map(.code)' <<<"$output")" '["TZ","TZ-HL"]'
	run -0 gg-org dept show D-CG -o table
	assert_line --index 0 --regexp '^code +D-CG$'
}
