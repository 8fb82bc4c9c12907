# SPDX-License-Identifier: Apache-2.0
# bash completion for the gg tools: gg-org, gg-ticket, gg-volunteer, gg-score and gg-report.
# Commands, subcommands and options are read from the tools' own --help, so the completion
# never falls behind the tools; the values an option takes are the ones the tools accept
# (gg(7), gg-org(1), gg-ticket(1)), and codes are read from the database when there is one.

_gg_help_words() {
	# the commands listed under "commands:" in `$@ --help`
	"$@" --help 2>/dev/null |
		awk -v n=$# '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $n } on && /^$/ { exit }'
}

_gg_help_options() {
	"$@" --help 2>/dev/null | grep -o -- '--[a-z][a-z_-]*' | sort -u
}

_gg_flag() {
	# the options that take no value
	case $1 in
	-h | --help | --version | --reveal | -n | --dry-run | --flat | --builtin | --overdue | --unanswered | --unmapped | --due | --verify | --head | \
	--list | --each | --strict | --replace | --changes) ;;
	*) return 1 ;;
	esac
}

_gg_codes() {
	# the first column of a list, header left out; nothing when the tool fails (no database)
	"$@" -o tsv 2>/dev/null | awk -F '\t' 'NR > 1 { print $1 }'
}

_gg() {
	local cur prev tool dir db cmd sub subs i values
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	tool=${COMP_WORDS[0]}
	dir=${tool%gg-*} # where the other tools are: gg-org beside ./bin/gg-ticket

	# the command and subcommand typed so far, skipping options and the values of those that
	# take one (all but the flags below); a second word is a subcommand only if the command
	# has any
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db) ((i++)); db=${COMP_WORDS[i]/#\~/$HOME} ;;
		-) ;;
		-*) _gg_flag "${COMP_WORDS[i]}" || ((i++)) ;;
		*)
			if [ -z "$cmd" ]; then
				cmd=${COMP_WORDS[i]}
				subs=$(_gg_help_words "$tool" "$cmd")
			elif [ -z "$sub" ] && [ -n "$subs" ]; then
				sub=${COMP_WORDS[i]}
			fi
			;;
		esac
	done

	values=-
	case $tool:$cmd:$sub:$prev in
	*gg-report:*:-o | *gg-report:*:--output) values='yaml json ndjson tsv csv table md html xlsx' ;;
	*:-o | *:--output) values='yaml json ndjson tsv csv table' ;;
	*gg-report:*:--lang) values='zh_CN en' ;;
	*:--db | *:-f | *:--file | *:--map | *gg-report:audit:*:--archive | *gg-report:audit:*:--adopt | *gg-report:*:--out | *gg-score:appraise:*:--rubric)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	*gg-ticket:*:--level | *gg-ticket:escalate:*:--to) values='grid community street department' ;;
	*gg-ticket:*:--status) values='new accepted assigned in_progress suspended resolved closed rejected duplicate open' ;;
	*gg-ticket:*:--source) values='grid_patrol hotline_12345 visit app resident department' ;;
	*gg-ticket:*:--priority) values='normal urgent' ;;
	*gg-ticket:*:--satisfaction) values='satisfied basic unsatisfied' ;;
	*gg-ticket:import:*:--from) values='json csv open311 gg' ;;
	*gg-ticket:import:*:--encoding) values='gbk gb18030 utf-8' ;;
	*gg-ticket:export:*:--to) values='open311' ;;
	*gg-ticket:*:--category) values=$(_gg_codes "${dir}gg-ticket" ${db:+--db "$db"} category list) ;;
	*gg-org:unit:*:--level) values='city district street community grid building' ;;
	*gg-org:dept:*:--level | *gg-org:duty:*:--level | *gg-org:signboard:*:--level) values='city district street' ;;
	*gg-org:party:*:--kind) values='committee general_branch branch group household joint functional' ;;
	*gg-org:duty:*:--kind) values='by_law assisted negative' ;;
	*gg-org:demand:*:--kind) values='task data_request inspection meeting signboard' ;;
	*gg-org:demand:*:--inspection-kind) values='comprehensive special' ;;
	*gg-org:person:*:--roles)
		values='community_worker grid_worker building_head party_household auxiliary property_manager leader dept_staff'
		;;
	*gg-org:party:*:--members) values='department: unit: outside:' ;;
	*gg-org:district-dept:*:--district)
		values=$(_gg_codes "${dir}gg-org" ${db:+--db "$db"} unit list --level district)
		;;
	*gg-org:district-dept:*:--department) values=$(_gg_codes "${dir}gg-org" ${db:+--db "$db"} dept list) ;;
	*gg-volunteer:*:--home-community | *gg-volunteer:*:--community)
		values=$(_gg_codes "${dir}gg-org" ${db:+--db "$db"} unit list --level community)
		;;
	*gg-volunteer:team:*:--kind) values='culture help_services mediation charity' ;;
	*gg-volunteer:*:--skills | *gg-volunteer:*:--need)
		values=$(_gg_codes "$tool" ${db:+--db "$db"} skill list)
		;;
	*gg-volunteer:*:--teams | *gg-volunteer:*:--team) values=$(_gg_codes "$tool" ${db:+--db "$db"} team list) ;;
	*gg-volunteer:*:--person) values=$(_gg_codes "${dir}gg-org" ${db:+--db "$db"} person list) ;;
	*gg-volunteer:*:--availability) values='mon: tue: wed: thu: fri: sat: sun:' ;;
	*gg-volunteer:order:*:--status) values='open dispatched accepted done cancelled expired' ;;
	*gg-volunteer:ledger:*:--entry) values='service verify reverse' ;;
	*gg-volunteer:hours:*:--by) values='volunteer team community employer' ;;
	*gg-volunteer:activity:*:--kind) values='culture help_services mediation charity' ;;
	*gg-volunteer:order:rate:--rating) values='1 2 3 4 5' ;;
	*gg-volunteer:*:--volunteer | *gg-volunteer:*:--to | *gg-volunteer:order:accept:--by)
		values=$(_gg_codes "$tool" ${db:+--db "$db"} list)
		;;
	*gg-volunteer:verify:*:--by | *gg-volunteer:pledge:*:--person)
		values=$(_gg_codes "${dir}gg-org" ${db:+--db "$db"} person list)
		;;
	*gg-report:staffing:*:--level) values='community street district city' ;;
	*gg-report:volunteers:*:--level) values='community street district' ;;
	*gg-report:tickets:*:--by) values='category source level unit grid community street district month' ;;
	*gg-score:metrics:*:--level) values='community street district city' ;;
	*gg-score:appraise:*:--level | *gg-score:rank:*:--level) values='community street' ;;
	*gg-score:metrics:*:--explain)
		values=$("$tool" metrics --list -o tsv 2>/dev/null | awk -F '\t' 'NR > 1 { print $1 }')
		;;
	*gg-score:survey:*:--from) values='yaml json csv' ;;
	*gg-score:social-org:*:--kind) values='service public_welfare mutual_aid purchase subsidy project' ;;
	*gg-score:*:--department) values=$(_gg_codes "${dir}gg-org" ${db:+--db "$db"} dept list) ;;
	*gg-score:*:--community) values=$(_gg_codes "${dir}gg-org" ${db:+--db "$db"} unit list --level community) ;;
	*:--under | *:--unit | *gg-org:unit:*:--parent)
		values=$(_gg_codes "${dir}gg-org" ${db:+--db "$db"} unit list)
		;;
	*:-) ;;
	*:-*) _gg_flag "$prev" || return ;; # an option's own value: nothing to offer
	esac
	if [ "$values" != - ]; then
		COMPREPLY=($(compgen -W "$values" -- "$cur"))
		return
	fi

	# keys of the records a subcommand shows, changes or removes
	case $tool:$cmd:$sub in
	*gg-ticket:category:show) values=$(_gg_codes "$tool" ${db:+--db "$db"} category list) ;;
	*gg-org:link:* | *gg-org:district-dept:*) ;; # their key is two fields
	*gg-org:*:show | *gg-org:*:set | *gg-org:*:rm) values=$(_gg_codes "$tool" ${db:+--db "$db"} "$cmd" list) ;;
	*gg-volunteer:show: | *gg-volunteer:set: | *gg-volunteer:rm:) values=$(_gg_codes "$tool" ${db:+--db "$db"} list) ;;
	*gg-score:social-org:[!al]*) values=$(_gg_codes "$tool" ${db:+--db "$db"} social-org list) ;;
	*gg-volunteer:team:[!al]* | *gg-volunteer:skill:[!al]*) # not add or list
		values=$(_gg_codes "$tool" ${db:+--db "$db"} "$cmd" list)
		;;
	esac
	if [ "$values" != - ] && [[ $cur != -* ]]; then
		COMPREPLY=($(compgen -W "$values" -- "$cur"))
		return
	fi

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_gg_help_options "$tool" $cmd $sub)" -- "$cur"))
	elif [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "$(_gg_help_words "$tool")" -- "$cur"))
	elif [ -n "$subs" ] && [ -z "$sub" ]; then
		COMPREPLY=($(compgen -W "$subs" -- "$cur"))
	fi
}

complete -F _gg gg-org gg-ticket gg-volunteer gg-score gg-report
