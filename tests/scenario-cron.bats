#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The cron examples of share/gg/cron, run the way cron runs them: the sweep handing street
# and department moves to a notifier, the hotline's exports taken in and filed, the morning's
# duplicates digest.

load helper

setup_file() {
	seed_catalogue
}

CRON="$BATS_TEST_DIRNAME/../share/gg/cron"

@test "the crontab names scripts that exist and are executable" {
	for s in $(grep -o '\$GG_CRON/[a-z-]*\.sh' "$CRON/crontab" | sed 's|\$GG_CRON/||'); do
		[ -x "$CRON/$s" ]
	done
}

@test "escalate.sh hands the tickets the street and departments now answer for to GG_NOTIFY" {
	export GG_NOW=2026-11-20T10:00:00+08:00
	gg-ticket new --category env.garbage --title 楼道堆放杂物 --unit TZ-HL-CZ-01-G01 >/dev/null
	gg-ticket new --category env.noise --title 噪音 --unit TZ-HL-CZ-01-G02 --reported-at 2026-11-26T09:00:00+08:00 >/dev/null
	export GG_NOTIFY="tee $BATS_TEST_TMPDIR/notified"
	# Friday 20th 10:00 + 24h at grid, + 48h at community to Monday 23rd 10:00, then the
	# street's 3 working days to Thursday 26th 10:00
	run -0 env GG_NOW=2026-11-26T09:30:00+08:00 "$CRON/escalate.sh"
	assert_output $'1\tstreet\tD-CG\t2026-11-26T10:00:00+08:00\t楼道堆放杂物'
	assert_equal "$(cat "$BATS_TEST_TMPDIR/notified")" "$output"
	# a day on, the first has gone on to the department (5 working days from the 26th 10:00);
	# the second only to community level: not the street's business
	run -0 env GG_NOW=2026-11-27T10:00:00+08:00 "$CRON/escalate.sh"
	assert_output $'1\tdepartment\tD-CG\t2026-12-03T10:00:00+08:00\t楼道堆放杂物'
	assert_equal "$(gg-ticket show 2 -o ndjson | jq -r .level)" community
}

@test "order-expire.sh hands the orders nobody took by their time to GG_NOTIFY, each once" {
	gg-volunteer add --person W0001 --home-community TZ-HL-CZ-01 >/dev/null
	for w in 2026-11-26T12:00 2026-11-27T12:00; do
		gg-volunteer order new --community TZ-HL-CZ-01 --requester-name 王大爷 --requester-phone 13912345678 \
			--need legal --title "法律咨询 $w" --wanted "$w:00+08:00" >/dev/null
	done
	gg-volunteer order dispatch 2 --to W0001 >/dev/null
	export GG_NOTIFY="tee $BATS_TEST_TMPDIR/notified"
	run -0 env -i PATH="$PATH" GG_DB="$GG_DB" GG_NOTIFY="$GG_NOTIFY" GG_NOW=2026-11-26T18:00:00+08:00 "$CRON/order-expire.sh"
	assert_output $'1	TZ-HL-CZ-01	legal	2026-11-26T12:00:00+08:00	法律咨询 2026-11-26T12:00'
	assert_equal "$(cat "$BATS_TEST_TMPDIR/notified")" "$output"
	# a day on: the second, dispatched and never accepted; the first is not told again
	run -0 env -i PATH="$PATH" GG_DB="$GG_DB" GG_NOW=2026-11-28T09:00:00+08:00 "$CRON/order-expire.sh"
	assert_output $'2	TZ-HL-CZ-01	legal	2026-11-27T12:00:00+08:00	法律咨询 2026-11-27T12:00'
}

@test "escalate.sh runs the sweep again while the database is busy, and fails loudly when it stays busy" {
	sqlite_only "the lock held is SQLite's (BEGIN IMMEDIATE from the sqlite3 shell)"
	export GG_NOW=2026-11-20T10:00:00+08:00
	gg-ticket new --category env.garbage --title 楼道堆放杂物 --unit TZ-HL-CZ-01-G01 >/dev/null
	export GG_NOW=2026-11-26T09:30:00+08:00 GG_BUSY_MS=200
	# another writer holds the lock for 3 s: a sweep tried once gives up, and says so
	{ echo 'BEGIN IMMEDIATE;'; sleep 3; echo 'COMMIT;'; } | sqlite3 "$GG_DB" &
	sleep 0.5
	run -75 --separate-stderr env GG_TRIES=1 "$CRON/escalate.sh"
	assert_equal "$stderr" "gg-ticket: database '$GG_DB' is still busy after the busy timeout; try again
escalate.sh: the database stayed busy: 'gg-ticket escalate' gave up after 1 tries (75)"
	assert_equal "$output" ""
	wait
	# held 3 s again: tried 3 times (2 s, then 4 s apart), the sweep gets through
	{ echo 'BEGIN IMMEDIATE;'; sleep 3; echo 'COMMIT;'; } | sqlite3 "$GG_DB" &
	sleep 0.5
	run -0 --separate-stderr env GG_TRIES=3 "$CRON/escalate.sh"
	assert_equal "$output" $'1\tstreet\tD-CG\t2026-11-26T10:00:00+08:00\t楼道堆放杂物'
	wait
}

@test "every job refuses to run without its database (64 unset, 66 missing, none made) or a command it needs (69)" {
	# a PATH of the tools and the system's commands, but no jq
	mkdir "$BATS_TEST_TMPDIR/nojq"
	for c in sh dirname date cat awk sed tail mkdir rm rmdir mv basename printf; do
		[ -x "/usr/bin/$c" ] && ln -s "/usr/bin/$c" "$BATS_TEST_TMPDIR/nojq/" || ln -sf "/bin/$c" "$BATS_TEST_TMPDIR/nojq/"
	done
	tools=$(dirname "$(command -v gg-ticket)")
	for job in "$CRON"/*.sh; do
		[ "${job##*/}" != cron.sh ] || continue
		name=${job##*/}
		run -64 --separate-stderr env -i PATH="$PATH" HOME="$BATS_TEST_TMPDIR" GG_HOTLINE_DIR="$BATS_TEST_TMPDIR" "$job"
		assert_equal "$stderr" "$name: GG_DB must name the database: a cron job never makes one"
		run -66 --separate-stderr env -i PATH="$PATH" HOME="$BATS_TEST_TMPDIR" GG_DB="$BATS_TEST_TMPDIR/none.db" \
			GG_HOTLINE_DIR="$BATS_TEST_TMPDIR" "$job"
		assert_equal "$stderr" "$name: no database at '$BATS_TEST_TMPDIR/none.db' (GG_DB): 'gg-org init' makes one"
		[ ! -e "$BATS_TEST_TMPDIR/none.db" ] && [ ! -e "$BATS_TEST_TMPDIR/.local/share/gg/gg.db" ]
		if grep -q '^need.* jq' "$job"; then
			run -69 --separate-stderr env -i PATH="$tools:$BATS_TEST_TMPDIR/nojq" GG_DB="$GG_DB" \
				GG_HOTLINE_DIR="$BATS_TEST_TMPDIR" "$job"
			assert_equal "$stderr" "$name: jq is needed and not installed"
		fi
	done
}

# export NAME: the fixture's export put in the outbox as NAME, written two minutes ago
export_csv() {
	mkdir -p "$BATS_TEST_TMPDIR/outbox"
	cp "$FIX/hotline.csv" "$BATS_TEST_TMPDIR/outbox/$1"
	touch -d '-2 minutes' "$BATS_TEST_TMPDIR/outbox/$1"
}

@test "hotline-import.sh takes in each export once and files it" {
	export_csv 12345-2026-11-03.csv
	export GG_HOTLINE_DIR="$BATS_TEST_TMPDIR/outbox" GG_HOTLINE_MAP="$FIX/hotline-map.yaml"
	run -0 "$CRON/hotline-import.sh"
	assert_output '{"file":"12345-2026-11-03.csv","new":2,"updated":0,"unchanged":0}'
	[ -f "$BATS_TEST_TMPDIR/outbox/done/12345-2026-11-03.csv" ]
	# the same export arriving again changes nothing
	export_csv 12345-again.csv
	run -0 "$CRON/hotline-import.sh"
	assert_output '{"file":"12345-again.csv","new":0,"updated":0,"unchanged":2}'
	assert_equal "$(sql 'SELECT count(*) FROM ticket')" 2
}

@test "hotline-import.sh takes only complete files: renamed to .csv, and unchanged for GG_HOTLINE_SETTLE seconds" {
	export GG_HOTLINE_DIR="$BATS_TEST_TMPDIR/outbox" GG_HOTLINE_MAP="$FIX/hotline-map.yaml"
	mkdir -p "$GG_HOTLINE_DIR"
	# one still being written under its temporary name, one just written
	head -n 2 "$FIX/hotline.csv" >"$GG_HOTLINE_DIR/12345-a.csv.part"
	touch -d '-2 minutes' "$GG_HOTLINE_DIR/12345-a.csv.part"
	head -n 2 "$FIX/hotline.csv" >"$GG_HOTLINE_DIR/12345-b.csv"
	run -0 "$CRON/hotline-import.sh"
	assert_output ''
	assert_equal "$(sql 'SELECT count(*) FROM ticket')" 0
	# the rest of b written; a minute on, it is whole
	tail -n +3 "$FIX/hotline.csv" >>"$GG_HOTLINE_DIR/12345-b.csv"
	touch -d '-61 seconds' "$GG_HOTLINE_DIR/12345-b.csv"
	run -0 "$CRON/hotline-import.sh"
	assert_output '{"file":"12345-b.csv","new":2,"updated":0,"unchanged":0}'
	[ -f "$GG_HOTLINE_DIR/12345-a.csv.part" ]
}

@test "hotline-import.sh quarantines a bad export with its error beside it, and says so once" {
	mkdir -p "$BATS_TEST_TMPDIR/outbox"
	{ head -n 1 "$FIX/hotline.csv"; echo '1,2026/11/03 09:00,没有的分类,标题,内容,东进路12号3幢'; } >"$BATS_TEST_TMPDIR/outbox/bad.csv"
	touch -d '-2 minutes' "$BATS_TEST_TMPDIR/outbox/bad.csv"
	export_csv good.csv
	export GG_HOTLINE_DIR="$BATS_TEST_TMPDIR/outbox" GG_HOTLINE_MAP="$FIX/hotline-map.yaml"
	run -65 --separate-stderr "$CRON/hotline-import.sh"
	assert_equal "$stderr" "gg-ticket: $GG_HOTLINE_DIR/bad.csv:2: category: unknown category '没有的分类'
hotline-import.sh: bad.csv quarantined in $GG_HOTLINE_DIR/failed (its error beside it, bad.csv.error)"
	assert_equal "$output" '{"file":"good.csv","new":2,"updated":0,"unchanged":0}'
	[ ! -e "$GG_HOTLINE_DIR/bad.csv" ]
	[ -f "$GG_HOTLINE_DIR/failed/bad.csv" ]
	assert_equal "$(cat "$GG_HOTLINE_DIR/failed/bad.csv.error")" "gg-ticket: $GG_HOTLINE_DIR/bad.csv:2: category: unknown category '没有的分类'"
	# the next run has nothing to say
	run -0 --separate-stderr "$CRON/hotline-import.sh"
	assert_equal "$stderr$output" ''
}

@test "hotline-import.sh: a GBK export with GG_HOTLINE_ENCODING, a hook's complaint said, a bad GG_TRIES or GG_HOTLINE_SETTLE refused" {
	export GG_HOTLINE_DIR="$BATS_TEST_TMPDIR/outbox" GG_HOTLINE_MAP="$FIX/hotline-map.yaml"
	mkdir -p "$GG_HOTLINE_DIR" "$BATS_TEST_TMPDIR/hooks"
	cp "$FIX/hotline-gbk.csv" "$GG_HOTLINE_DIR/gbk.csv"
	touch -d '-2 minutes' "$GG_HOTLINE_DIR/gbk.csv"
	printf '#!/bin/sh\ncat >/dev/null; echo "notifier down" >&2; exit 3\n' >"$BATS_TEST_TMPDIR/hooks/on-create"
	chmod 0755 "$BATS_TEST_TMPDIR/hooks/on-create"
	run -64 --separate-stderr env GG_TRIES=abc "$CRON/hotline-import.sh"
	assert_equal "$stderr" "hotline-import.sh: GG_TRIES must be a whole number, not 'abc'"
	run -64 --separate-stderr env GG_HOTLINE_SETTLE=-5 "$CRON/hotline-import.sh"
	assert_equal "$stderr" "hotline-import.sh: GG_HOTLINE_SETTLE must be a whole number, not '-5'"
	run -0 --separate-stderr env GG_HOTLINE_ENCODING=gbk GG_HOOKS="$BATS_TEST_TMPDIR/hooks" "$CRON/hotline-import.sh"
	assert_equal "$output" '{"file":"gbk.csv","new":2,"updated":0,"unchanged":0}'
	assert_equal "${#stderr_lines[@]}" 4 # each ticket's hook said "notifier down" and failed
	assert_equal "${stderr_lines[3]}" "gg-ticket: hook on-create failed for id 2 (exit 3); the change stands"
}

@test "dups-digest.sh lists the likely duplicates of the last day" {
	export GG_NOW=2026-11-26T09:00:00+08:00
	gg-ticket new --category env.garbage --title 楼道杂物 --address 东进路12号3幢 >/dev/null
	GG_NOW=2026-11-26T09:30:00+08:00 gg-ticket new --category env.garbage --title 三幢楼道杂物 --address 东进路12号3栋 >/dev/null
	run -0 env GG_NOW=2026-11-26T10:00:00+08:00 "$CRON/dups-digest.sh"
	assert_output '2 looks like 1: env.garbage at 东进路12号3栋: 三幢楼道杂物 / 楼道杂物'
	run -0 env GG_NOW=2026-11-28T10:00:00+08:00 "$CRON/dups-digest.sh"
	assert_output ''
}

@test "audit-head.sh prints the head while the log holds, and mails the row found wrong when it does not" {
	gg-org unit set TZ-HL-CZ-02 --population 1200 >/dev/null
	run -0 env -i PATH="$PATH" GG_DB="$GG_DB" "$CRON/audit-head.sh"
	[[ $output =~ ^[0-9]+:[0-9a-f]{64}$ ]]
	echo "$output" >"$BATS_TEST_TMPDIR/last"
	gg-org unit set TZ-HL-CZ-02 --population 1300 >/dev/null
	run -0 env -i PATH="$PATH" GG_DB="$GG_DB" GG_AUDIT_LAST="$BATS_TEST_TMPDIR/last" "$CRON/audit-head.sh"
	# the last rows deleted behind gg's back: alone the log verifies, against the head it does
	# not (through SQLite's trigger: the PostgreSQL store guards the log its own way)
	on_pg && return
	sql "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id >= $(cut -d: -f1 "$BATS_TEST_TMPDIR/last")"
	run -1 env -i PATH="$PATH" GG_DB="$GG_DB" GG_AUDIT_LAST="$BATS_TEST_TMPDIR/last" "$CRON/audit-head.sh"
	assert_line --index 0 'The audit log does not verify:'
	assert_output --partial 'rows were deleted'
}

@test "mail-output.sh, for the systemd timers, mails what a job printed as cron would, and nothing when it printed nothing" {
	# the stand-in for mail: the subject in one file, the body in another
	printf '#!/bin/sh\nprintf "%%s\\n" "$1" >"%s/subject"; cat >"%s/body"\n' "$BATS_TEST_TMPDIR" "$BATS_TEST_TMPDIR" \
		>"$BATS_TEST_TMPDIR/mail"
	chmod +x "$BATS_TEST_TMPDIR/mail"
	mailer() { env -i PATH="$PATH" GG_DB="$GG_DB" GG_MAIL="$BATS_TEST_TMPDIR/mail" "$@"; }
	# the calendar covers the next 90 days: the job is silent, and nothing is mailed
	run -0 mailer GG_NOW=2026-06-01T10:00:00+08:00 "$CRON/mail-output.sh" calendar-check
	assert_output ''
	[ ! -e "$BATS_TEST_TMPDIR/subject" ]
	# it does not: the job's words, mailed, and its status
	run -1 mailer GG_NOW=2026-11-26T10:00:00+08:00 "$CRON/mail-output.sh" calendar-check
	assert_output ''
	assert_equal "$(cat "$BATS_TEST_TMPDIR/subject")" 'gg: calendar-check'
	assert_equal "$(cat "$BATS_TEST_TMPDIR/body")" \
		"$(env -i PATH="$PATH" GG_DB="$GG_DB" GG_NOW=2026-11-26T10:00:00+08:00 "$CRON/calendar-check.sh")"
	grep -qx -- '- 2027' "$BATS_TEST_TMPDIR/body"
	# the audit head, under a subject of one's own
	run -0 mailer GG_SUBJECT='gg: audit head' "$CRON/mail-output.sh" audit-head
	assert_equal "$(cat "$BATS_TEST_TMPDIR/subject")" 'gg: audit head'
	[[ $(cat "$BATS_TEST_TMPDIR/body") =~ ^[0-9]+:[0-9a-f]{64}$ ]]
}

@test "mail-output.sh: a mail that cannot be sent is 69 with the output kept on stderr; a job it does not know, 64" {
	run -69 --separate-stderr env -i PATH="$PATH" GG_DB="$GG_DB" GG_MAIL=false "$CRON/mail-output.sh" audit-head
	assert_equal "$output" ''
	assert_equal "$(sed -n 1p <<<"$stderr")" "mail-output.sh: the mail of audit-head's output could not be sent; it was:"
	[[ $(sed -n 2p <<<"$stderr") =~ ^[0-9]+:[0-9a-f]{64}$ ]]
	# no mail(1) and no GG_MAIL: 69 before the job runs
	mkdir "$BATS_TEST_TMPDIR/nomail"
	for c in gg-report sh dirname; do ln -s "$(command -v "$c")" "$BATS_TEST_TMPDIR/nomail/$c"; done
	run -69 env -i PATH="$BATS_TEST_TMPDIR/nomail" GG_DB="$GG_DB" "$CRON/mail-output.sh" audit-head
	assert_output 'mail-output.sh: mail is needed and not installed'
	run -64 env -i PATH="$PATH" GG_DB="$GG_DB" GG_MAIL=true "$CRON/mail-output.sh" ../../bin/sh
	assert_output --partial 'usage: mail-output.sh JOB'
	run -64 env -i PATH="$PATH" GG_DB="$GG_DB" GG_MAIL=true "$CRON/mail-output.sh" no-such-job
	assert_output "mail-output.sh: no job 'no-such-job' beside it"
	run -64 env -i PATH="$PATH" GG_DB="$GG_DB" GG_MAIL=true "$CRON/mail-output.sh"
}
