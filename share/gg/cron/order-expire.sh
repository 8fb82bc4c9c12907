#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# order-expire.sh: the resident orders' sweep, for cron every 15 minutes: an order nobody
# accepted by its wanted time expires (gg-volunteer order expire --due). Prints one line per
# order it expired (id, community, need, wanted, title), through $GG_NOTIFY when set, so the
# community office can call the resident back. Exit status: 0 done (a busy database counts as
# done: the next run sweeps what this one could not), else gg-volunteer's.
set -u
. "$(dirname "$0")/cron.sh"
need_db
need jq
expired=$(gg-volunteer order expire --due -o ndjson)
rc=$?
[ "$rc" -eq 75 ] && exit 0
[ "$rc" -eq 0 ] || exit "$rc"
[ -n "$expired" ] || exit 0
printf '%s\n' "$expired" |
	jq -r '[.id, .community, .need, .wanted_at, .title] | @tsv' |
	${GG_NOTIFY:-cat}
