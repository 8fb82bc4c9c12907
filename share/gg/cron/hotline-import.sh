#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# hotline-import.sh: takes in every complete CSV export of the 12345 system in $GG_HOTLINE_DIR,
# mapped by $GG_HOTLINE_MAP (default: hotline-map.yaml beside this script), and moves each file
# taken in to $GG_HOTLINE_DIR/done. Unresolvable addresses go to $GG_HOTLINE_GRID if set.
#
# Complete: named *.csv, and not changed for GG_HOTLINE_SETTLE seconds (default 60). An
# exporter writes each file under another name (NAME.csv.part, .NAME.csv) and renames it to
# NAME.csv when it is whole; one that cannot rename is still never read half-written while
# it writes more often than once a minute. A younger file waits for the next run.
#
# A file with a bad row (65) is quarantined: moved to $GG_HOTLINE_DIR/failed with its error
# beside it (NAME.csv.error), said once on stderr and never tried again; put the mended file
# back in the outbox. Any other failure (a busy database after GG_TRIES runs, a disk) leaves
# the file for the next run. Exit status: 0, or the last failure's.
set -u
. "$(dirname "$0")/cron.sh"
need_db
need jq
dir=${GG_HOTLINE_DIR:?set GG_HOTLINE_DIR to the directory the exports arrive in}
map=${GG_HOTLINE_MAP:-$(dirname "$0")/hotline-map.yaml}
settled=$(($(date +%s) - ${GG_HOTLINE_SETTLE:-60}))
mkdir -p "$dir/done" "$dir/failed" || exit 73
status=0
for f in "$dir"/*.csv; do
	[ -f "$f" ] || continue
	[ "$(stat -c %Y "$f")" -le "$settled" ] || continue
	name=$(basename "$f")
	counts=$(retry gg-ticket import --from csv --map "$map" ${GG_HOTLINE_GRID:+--unresolved=grid:$GG_HOTLINE_GRID} \
		-f "$f" -o json 2>"$dir/failed/$name.error")
	rc=$?
	if [ "$rc" -eq 0 ]; then
		rm -f "$dir/failed/$name.error"
		printf '%s\n' "$counts" | jq -c --arg f "$name" '{file: $f} + .'
		mv "$f" "$dir/done/" || status=74
		continue
	fi
	status=$rc
	cat "$dir/failed/$name.error" >&2
	if [ "$rc" -eq 65 ]; then
		mv "$f" "$dir/failed/" || status=74
		echo "${0##*/}: $name quarantined in $dir/failed (its error beside it, $name.error)" >&2
	else
		rm -f "$dir/failed/$name.error"
	fi
done
exit $status
