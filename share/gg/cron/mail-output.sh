#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# mail-output.sh JOB: runs JOB.sh beside it and mails what it printed (stdout and stderr), only
# when it printed anything, as cron mails a job's output; for the systemd timers, which mail
# nothing themselves (gg-cron-mail@.service). GG_MAIL: the command that sends a mail, given the
# subject as its one argument and the body on stdin (default: mail -s SUBJECT $GG_MAIL_TO);
# GG_MAIL_TO: who gets it (root); GG_SUBJECT: its subject (gg: JOB). Exits with the job's
# status, or 69 when the job succeeded and its mail could not be sent (the output then goes to
# stderr, the job's log).
set -u
. "$(dirname "$0")/cron.sh"
need_db
job=${1:-}
case $job in
'' | *[!a-z0-9-]*) echo "mail-output.sh: usage: mail-output.sh JOB (a script's name here, without .sh), not '$job'" >&2; exit 64 ;;
esac
[ -x "$(dirname "$0")/$job.sh" ] || { echo "mail-output.sh: no job '$job' beside it" >&2; exit 64; }
[ -n "${GG_MAIL:-}" ] || need mail # or GG_MAIL: a command that sends one
out=$("$(dirname "$0")/$job.sh" 2>&1)
rc=$?
[ -n "$out" ] || exit "$rc"
subject=${GG_SUBJECT:-"gg: $job"}
if [ -n "${GG_MAIL:-}" ]; then
	printf '%s\n' "$out" | $GG_MAIL "$subject"
else
	printf '%s\n' "$out" | mail -s "$subject" "${GG_MAIL_TO:-root}"
fi || {
	printf "mail-output.sh: the mail of %s's output could not be sent; it was:\n%s\n" "$job" "$out" >&2
	[ "$rc" -ne 0 ] || rc=69
}
exit "$rc"
