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
# the file for the next run. Exports in GBK: GG_HOTLINE_ENCODING=gbk. One run at a time takes
# the outbox in (flock on it); another started meanwhile leaves it and exits 0.
# Exit status: 0, or the last failure's.
set -u
. "$(dirname "$0")/cron.sh"
need_db
need jq flock
dir=${GG_HOTLINE_DIR:?set GG_HOTLINE_DIR to the directory the exports arrive in}
map=${GG_HOTLINE_MAP:-$(dirname "$0")/hotline-map.yaml}
settle=${GG_HOTLINE_SETTLE:-60}
number GG_HOTLINE_SETTLE "$settle"
if [ -z "${GG_HOTLINE_LOCKED:-}" ]; then
	GG_HOTLINE_LOCKED=1 exec flock -n -E 0 "$dir" "$0" "$@"
fi
settled=$(($(date +%s) - settle))
mkdir -p "$dir/done" "$dir/failed" || exit 73
status=0
for f in "$dir"/*.csv; do
	[ -f "$f" ] || continue
	[ "$(stat -L -c %Y "$f")" -le "$settled" ] || continue
	name=$(basename "$f")
	errors="$dir/failed/$name.error"
	counts=$(retry gg-ticket import --from csv --map "$map" ${GG_HOTLINE_GRID:+--unresolved=grid:$GG_HOTLINE_GRID} \
		${GG_HOTLINE_ENCODING:+--encoding "$GG_HOTLINE_ENCODING"} -f "$f" -o json 2>"$errors")
	rc=$?
	cat "$errors" >&2 # a hook's failure, a warning: said whatever the import's end
	if [ "$rc" -eq 0 ]; then
		rm -f "$errors"
		printf '%s\n' "$counts" | jq -c --arg f "$name" '{file: $f} + .'
		mv "$f" "$dir/done/" || status=74
		continue
	fi
	status=$rc
	if [ "$rc" -ne 65 ]; then
		rm -f "$errors"
	elif mv "$f" "$dir/failed/"; then
		echo "${0##*/}: $name quarantined in $dir/failed (its error beside it, $name.error)" >&2
	else
		status=74
	fi
done
exit $status
