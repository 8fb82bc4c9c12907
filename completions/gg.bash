# bash completion for the gg tools: gg-org, gg-ticket, gg-volunteer, gg-score, gg-report.
# Commands, subcommands and options are read from the tools' own --help, so the completion
# never falls behind the tools.

_gg_help_words() {
	# the commands listed under "commands:" in `$@ --help`
	"$@" --help 2>/dev/null |
		awk -v n=$# '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $n } on && /^$/ { exit }'
}

_gg_help_options() {
	"$@" --help 2>/dev/null | grep -o -- '--[a-z][a-z_-]*' | sort -u
}

_gg() {
	local cur prev tool words_ cmd sub i
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	tool=${COMP_WORDS[0]}

	case $prev in
	-o | --output)
		COMPREPLY=($(compgen -W 'yaml json ndjson tsv csv table md html xlsx' -- "$cur"))
		return
		;;
	--db | -f | --file | --rubric)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	--now | --actor | --under | --depth | --code | --name)
		return
		;;
	--level)
		COMPREPLY=($(compgen -W 'city district street community grid building' -- "$cur"))
		return
		;;
	esac

	# the command and subcommand typed so far, skipping global options and their values
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db | -o | --output | --now | --actor) ((i++)) ;;
		-*) ;;
		*)
			if [ -z "$cmd" ]; then
				cmd=${COMP_WORDS[i]}
			elif [ -z "$sub" ]; then
				sub=${COMP_WORDS[i]}
			fi
			;;
		esac
	done

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_gg_help_options "$tool" $cmd $sub)" -- "$cur"))
	elif [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "$(_gg_help_words "$tool")" -- "$cur"))
	elif [ -z "$sub" ]; then
		words_=$(_gg_help_words "$tool" "$cmd")
		[ -n "$words_" ] && COMPREPLY=($(compgen -W "$words_" -- "$cur"))
	fi
}

complete -F _gg gg-org gg-ticket gg-volunteer gg-score gg-report
