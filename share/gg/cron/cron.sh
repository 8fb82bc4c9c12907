# SPDX-License-Identifier: Apache-2.0
# cron.sh: what every job here begins with, sourced (. "$(dirname "$0")/cron.sh"): the database
# named and there, for a cron job never makes one (a missing GG_DB would otherwise mean a new,
# empty database in the crontab user's home), and the commands the job needs installed.

# need_db: GG_DB names an existing database, else 64 (not set) or 66 (no such file)
need_db() {
	if [ -z "${GG_DB:-}" ]; then
		echo "${0##*/}: GG_DB must name the database: a cron job never makes one" >&2
		exit 64
	fi
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
