#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# escalate.sh: the escalation sweep, for cron every 15 minutes. Prints one line per ticket the
# street or a department now answers for (id, level, assignee, due, title), through $GG_NOTIFY
# when set (a command reading those lines: a mailer, a chat hook). Exit status: 0 done, else
# gg-ticket's; a database still busy after GG_TRIES runs is 75 and said (cron.sh's retry).
set -u
. "$(dirname "$0")/cron.sh"
need_db
need jq
moved=$(retry gg-ticket escalate --due -o ndjson)
rc=$?
[ "$rc" -eq 0 ] || exit "$rc"
[ -n "$moved" ] || exit 0
printf '%s\n' "$moved" |
	jq -r 'select(.level == "street" or .level == "department")
		| [.id, .level, .assignee, .due_at, .title] | @tsv' |
	${GG_NOTIFY:-cat}
