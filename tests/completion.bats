#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The completions offer only what works: commands, subcommands and options from the tools'
# --help, the values the tools accept, codes from the database when there is one, files where
# a file is named. bash's completion function is called as bash calls it; zsh's with compadd
# and _files standing in for zsh's own.

load helper

setup_file() {
	seed_catalogue
}

# comp WORD...: what bash's completion offers for the last word, space-separated
comp() {
	source "$TOP/completions/gg.bash"
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	_gg
	echo "${COMPREPLY[*]}"
}

# zcomp WORD...: the same from the zsh completion; zsh leaves the matching to compadd, so
# this one keeps only the words that start with the last
zcomp() {
	zsh -fc '
		compadd() { local w; for w in ${(P)${@[-1]}}; do [[ $w == ${words[CURRENT]}* ]] && print -r -- $w; done; }
		_files() { print -r -- "(files)"; }
		eval "$(sed "\$d" "$1")"
		shift; words=("$@"); CURRENT=$#; _gg' zcomp "$TOP/completions/_gg" "$@" | paste -sd' '
}

@test "commands, subcommands and options come from --help" {
	run -0 comp gg-org un
	assert_output unit
	run -0 comp gg-org unit ''
	assert_output 'add list show set rm'
	run -0 comp gg-org -o json person add --ph
	assert_output '--phone'
	run -0 comp gg-ticket ''
	assert_line --partial 'category new import list show history accept'
	run -0 comp gg-ticket list --ov
	assert_output '--overdue'
}

@test "a flag before the command does not hide it; an option's value is not a subcommand" {
	run -0 comp gg-org --reveal un
	assert_output unit
	run -0 comp gg-org --db x.db -o json unit l
	assert_output list
	run -0 comp gg-ticket list --status open --le
	assert_output '--level'
	run -0 comp gg-ticket show - --ou
	assert_output '--output'
}

@test "-o offers the formats that work, and no others" {
	run -0 comp gg-org -o ''
	assert_output 'yaml json ndjson tsv csv table'
	run -0 comp gg-ticket list --output ''
	assert_output 'yaml json ndjson tsv csv table'
	# reports add the documents for people, and take --lang and --out FILE
	run -0 comp gg-report -o ''
	assert_output 'yaml json ndjson tsv csv table md html xlsx'
	run -0 comp gg-report staffing --output h
	assert_output 'html'
	run -0 comp gg-report staffing --lang ''
	assert_output 'zh_CN en'
}

@test "--level: a ticket's levels for gg-ticket, a unit's for gg-org unit, a department's for dept" {
	run -0 comp gg-ticket list --level ''
	assert_output 'grid community street department'
	run -0 comp gg-ticket escalate 3 --to ''
	assert_output 'grid community street department'
	run -0 comp gg-org unit list --level c
	assert_output 'city community'
	run -0 comp gg-org dept add --level ''
	assert_output 'city district street'
}

@test "--status: the ticket statuses and open" {
	run -0 comp gg-ticket list --status ''
	assert_output 'new accepted assigned in_progress suspended resolved closed rejected duplicate open'
	run -0 comp gg-ticket list --status in
	assert_output 'in_progress'
}

@test "the other closed sets: sources, priorities, satisfaction, intake formats, kinds, roles" {
	run -0 comp gg-ticket list --source h
	assert_output hotline_12345
	run -0 comp gg-ticket new --priority ''
	assert_output 'normal urgent'
	run -0 comp gg-ticket visit 4 --satisfaction ''
	assert_output 'satisfied basic unsatisfied'
	run -0 comp gg-ticket import --from ''
	assert_output 'json csv open311 gg'
	run -0 comp gg-ticket import --from csv --encoding ''
	assert_output 'gbk gb18030 utf-8'
	run -0 zcomp gg-ticket import --from csv --encoding g
	assert_output 'gbk gb18030'
	run -0 comp gg-ticket list --from ''
	assert_output ''
	run -0 comp gg-org party list --kind g
	assert_output 'general_branch group'
	run -0 comp gg-org person list --roles gr
	assert_output grid_worker
}

@test "category and unit codes come from the database, the one --db names first" {
	run -0 comp gg-ticket list --category env.g
	assert_output 'env.garbage env.greenery'
	run -0 comp gg-ticket new --category env.garbage --unit TZ-HL-CZ-01-G0
	assert_output 'TZ-HL-CZ-01-G01 TZ-HL-CZ-01-G01-B03 TZ-HL-CZ-01-G01-B04 TZ-HL-CZ-01-G02'
	run -0 comp gg-org tree --under TZ-HL-CZ-
	assert_output 'TZ-HL-CZ-01 TZ-HL-CZ-01-G01 TZ-HL-CZ-01-G01-B03 TZ-HL-CZ-01-G01-B04 TZ-HL-CZ-01-G02 TZ-HL-CZ-02'
	other=$BATS_TEST_TMPDIR/other.db
	if on_pg; then # GG_DB an empty database, the city's named by --db
		other=$GG_DB
		export GG_DB
		GG_DB=$(new_db empty)
	else
		mv "$GG_DB" "$other"
	fi
	run -0 comp gg-ticket --db "$other" list --category env.g
	assert_output 'env.garbage env.greenery'
}

@test "the keys of a kind after show, set and rm" {
	run -0 comp gg-org person show W
	assert_output W0001
	run -0 comp gg-org unit rm TZ-HL-CZ-0
	assert_output 'TZ-HL-CZ-01 TZ-HL-CZ-01-G01 TZ-HL-CZ-01-G01-B03 TZ-HL-CZ-01-G01-B04 TZ-HL-CZ-01-G02 TZ-HL-CZ-02'
	run -0 comp gg-ticket category show prop.e
	assert_output prop.elevator
}

@test "without a database, codes are quietly nothing, and no database is created" {
	export GG_DB="$BATS_TEST_TMPDIR/none.db"
	run -0 --separate-stderr comp gg-ticket list --category ''
	assert_output ''
	assert_equal "$stderr" ''
	run -0 --separate-stderr comp gg-org unit show ''
	assert_output ''
	[ ! -e "$GG_DB" ]
}

@test "file names after --db, -f, --file and --map; nothing after an option that takes free text" {
	cd "$BATS_TEST_TMPDIR"
	touch hotline-map.yaml hotline.csv
	run -0 comp gg-ticket import --from csv --map hotline-m
	assert_output hotline-map.yaml
	run -0 comp gg-ticket import -f hotline.c
	assert_output hotline.csv
	run -0 comp gg-org import --file hot
	assert_output 'hotline-map.yaml hotline.csv'
	run -0 comp gg-org --db hotline.c
	assert_output hotline.csv
	run -0 comp gg-ticket new --title ''
	assert_output ''
	run -0 comp gg-ticket suspend 3 --reason ''
	assert_output ''
}

@test "only the tools there are; gg-report audit's options, and a file after --archive" {
	source "$TOP/completions/gg.bash"
	run -0 complete -p gg-org gg-ticket gg-volunteer gg-score gg-report
	run -1 complete -p gg-nosuch
	run -0 comp gg-report ''
	assert_output 'audit monthly staffing tickets volunteers burden'
	run -0 comp gg-report burden --insp
	assert_output '--inspection-cap'
	run -0 comp gg-report burden --period 2026-11 --under TZ-HL-CZ-02
	assert_output 'TZ-HL-CZ-02'
	run -0 comp gg-org demand add --inspection-kind ''
	assert_output 'comprehensive special'
	run -0 comp gg-org sig
	assert_output 'signboard'
	run -0 comp gg-report audit --veri
	assert_output '--verify'
	run -0 comp gg-report audit --verify --ex
	assert_output '--expect'
	cd "$BATS_TEST_TMPDIR"
	touch audit-2026.ndjson
	run -0 comp gg-report audit --archive audit-
	assert_output audit-2026.ndjson
}

@test "zsh offers what bash offers" {
	command -v zsh >/dev/null || skip 'zsh is not installed'
	run -0 zsh -n "$TOP/completions/_gg"
	for words in 'gg-org un' "gg-org unit ''" 'gg-org -o json person add --ph' "gg-org -o ''" \
		"gg-ticket list --level ''" "gg-org unit list --level ''" "gg-ticket list --status ''" \
		'gg-ticket list --category env.g' 'gg-org tree --under TZ-HL-CZ-' 'gg-org person show W' \
		"gg-ticket new --title ''" 'gg-ticket show - --ou' 'gg-org --reveal un' 'gg-report burden --insp' \
		"gg-org demand set 1 --inspection-kind ''" "gg-report -o ''" "gg-report staffing --lang ''"; do
		eval "set -- $words"
		assert_equal "$(zcomp "$@")" "$(comp "$@")"
	done
	run -0 zcomp gg-ticket import --map ''
	assert_output '(files)'
}

@test "gg-volunteer: its commands, communities for --home-community, team kinds, skills and volunteers from the database" {
	gg-volunteer add --person W0001 --home-community TZ-HL-CZ-01 >/dev/null
	gg-volunteer team add --code T-ZL --name 助老服务队 --kind help_services --community TZ-HL-CZ-01 >/dev/null
	for c in comp zcomp; do
		run -0 $c gg-volunteer te
		assert_output team
		run -0 $c gg-volunteer team ''
		assert_output 'add list show set rm join leave'
		run -0 $c gg-volunteer add --home-community TZ-HL-CZ-0
		assert_output 'TZ-HL-CZ-01 TZ-HL-CZ-02'
		run -0 $c gg-volunteer team add --kind h
		assert_output help_services
		run -0 $c gg-volunteer add --skills eld
		assert_output elderly_care
		run -0 $c gg-volunteer show W
		assert_output W0001
		run -0 $c gg-volunteer team join T
		assert_output T-ZL
		run -0 $c gg-volunteer order list --status d
		assert_output 'dispatched done'
		run -0 $c gg-volunteer hours --by c
		assert_output community
		run -0 $c gg-volunteer order dispatch 1 --to W
		assert_output W0001
		run -0 $c gg-volunteer verify 1 --by C000
		assert_output 'C0001 C0002'
	done
}

@test "gg-score: its commands, the levels, the metrics --explain takes, rubric files, from bash and zsh" {
	run -0 comp gg-score ''
	assert_output 'metrics survey satisfaction social-org results appraise rank'
	run -0 comp gg-score metrics --level ''
	assert_output 'community street district city'
	run -0 comp gg-score metrics --explain on_t
	assert_output 'on_time'
	run -0 comp gg-score appraise --period 2026-11 --le
	assert_output '--level'
	run -0 zcomp gg-score rank --level ''
	assert_output 'community street'
	run -0 zcomp gg-score appraise --rubric ''
	assert_output '(files)'
	run -0 zcomp gg-score metrics --explain reopen
	assert_output 'reopen_rate'
}
