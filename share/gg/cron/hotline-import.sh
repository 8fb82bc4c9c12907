#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# hotline-import.sh: takes in every CSV export of the 12345 system found in $GG_HOTLINE_DIR,
# mapped by $GG_HOTLINE_MAP (default: hotline-map.yaml beside this script), and moves each file
# taken in to $GG_HOTLINE_DIR/done. A file that fails stays, and the job exits with gg-ticket's
# status (65: a bad row, named on stderr). Unresolvable addresses go to $GG_HOTLINE_GRID if set.
set -u
. "$(dirname "$0")/cron.sh"
need_db
need jq
dir=${GG_HOTLINE_DIR:?set GG_HOTLINE_DIR to the directory the exports arrive in}
map=${GG_HOTLINE_MAP:-$(dirname "$0")/hotline-map.yaml}
mkdir -p "$dir/done" || exit 73
status=0
for f in "$dir"/*.csv; do
	[ -e "$f" ] || continue
	if counts=$(gg-ticket import --from csv --map "$map" ${GG_HOTLINE_GRID:+--unresolved=grid:$GG_HOTLINE_GRID} \
		-f "$f" -o json); then
		printf '%s\n' "$counts" | jq -c --arg f "$(basename "$f")" '{file: $f} + .'
		mv "$f" "$dir/done/" || status=74
	else
		status=$?
	fi
done
exit $status
