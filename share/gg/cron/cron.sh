# SPDX-License-Identifier: Apache-2.0
# cron.sh: what every job here begins with, sourced (. "$(dirname "$0")/cron.sh"): the database
# named and there, for a cron job never makes one (a missing GG_DB would otherwise mean a new,
# empty database in the crontab user's home), the commands the job needs installed, and a
# writer run again while the database is busy.

# what a job makes (reports, a hotline file's error) is the group's to read and write, as the
# database is (gg(7), A DISTRICT'S STAFF SHARING ONE DATABASE): cron's own umask is 022
umask 007

# need_db: GG_DB names an existing database, else 64 (not set) or 66 (no such file); a
# PostgreSQL server's (postgresql://…) is looked for by the tool itself, which says why it
# cannot reach it
need_db() {
	if [ -z "${GG_DB:-}" ]; then
		echo "${0##*/}: GG_DB must name the database: a cron job never makes one" >&2
		exit 64
	fi
	case $GG_DB in postgresql://* | postgres://*) return 0 ;; esac
	if [ ! -f "$GG_DB" ]; then
		echo "${0##*/}: no database at '$GG_DB' (GG_DB): 'gg-org init' makes one" >&2
		exit 66
	fi
}

# need COMMAND...: each installed, else 69 naming it
need() {
	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 || {
			echo "${0##*/}: $c is needed and not installed" >&2
			exit 69
		}
	done
}

# number NAME VALUE: VALUE a whole number, else 64 naming the variable NAME
number() {
	case $2 in
	'' | *[!0-9]*)
		echo "${0##*/}: $1 must be a whole number, not '$2'" >&2
		exit 64
		;;
	esac
}

# retry COMMAND...: COMMAND, run again while it finds the database busy (75: another writer
# held it past GG_BUSY_MS), at most GG_TRIES times in all (default 4), 2 s after the first,
# then 4, 8...; still busy, the job fails loudly: 75 and a line on stderr. A command that
# fails prints nothing on stdout, so $(retry ...) holds the output of the run that worked.
retry() {
	tries=${GG_TRIES:-4} pause=2 n=1
	number GG_TRIES "$tries"
	while :; do
		"$@"
		rc=$?
		[ "$rc" -eq 75 ] || return "$rc"
		if [ "$n" -ge "$tries" ]; then
			echo "${0##*/}: the database stayed busy: '$1 $2' gave up after $n tries (75)" >&2
			return 75
		fi
		sleep "$pause"
		n=$((n + 1)) pause=$((pause * 2))
	done
}
