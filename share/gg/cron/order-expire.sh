#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# order-expire.sh: the resident orders' sweep, for cron every 15 minutes: an order nobody
# accepted by its wanted time expires (gg-volunteer order expire --due). Prints one line per
# order it expired (id, community, need, wanted, title), through $GG_NOTIFY when set, so the
# community office can call the resident back. Exit status: 0 done, else gg-volunteer's; a
# database still busy after GG_TRIES runs is 75 and said (cron.sh's retry).
set -u
. "$(dirname "$0")/cron.sh"
need_db
need jq
expired=$(retry gg-volunteer order expire --due -o ndjson)
rc=$?
[ "$rc" -eq 0 ] || exit "$rc"
[ -n "$expired" ] || exit 0
printf '%s\n' "$expired" |
	jq -r '[.id, .community, .need, .wanted_at, .title] | @tsv' |
	${GG_NOTIFY:-cat}
