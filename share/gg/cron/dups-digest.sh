#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# dups-digest.sh: the likely duplicate tickets reported in the last day, as a short text for
# the community offices to merge (gg-ticket merge ID --into ID). Prints nothing when none.
set -u
. "$(dirname "$0")/cron.sh"
need_db
need jq
since=$(date -d "${GG_NOW:-now} - 1 day" +%Y-%m-%dT%H:%M:%S%:z) || exit 64
gg-ticket dups --since "$since" -o ndjson |
	jq -r '"\(.id) looks like \(.duplicate_of): \(.category) at \(.address // .unit): \(.title) / \(.original_title)"'
