#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# What a newcomer meets before the tools: make install and uninstall, the flags a packager
# passes, make demo, make check's count, and the README's tour.

load helper

setup_file() { :; }
# each make here is make's own, not a part of the make check that may be running the suite
setup() {
	sqlite_only "make install, the demo and the README's tour run on files, whatever the store under test"
	unset MAKEFLAGS MFLAGS MAKELEVEL
}

# files ROOT: every file under ROOT with its mode, one a line, ROOT left out
files() {
	(cd "$1" && find . -type f -printf '%m %P\n' | sort)
}

@test "make install puts tools, man pages, completions and share under DESTDIR/PREFIX" {
	run -0 make -s -C "$TOP" install DESTDIR="$BATS_TEST_TMPDIR/root" PREFIX=/opt/gg
	r="$BATS_TEST_TMPDIR/root/opt/gg"
	[ -x "$r/bin/gg-org" ]
	[ -f "$r/share/man/man1/gg-org.1" ]
	[ -f "$r/share/man/man7/gg.7" ]
	[ -f "$r/share/bash-completion/completions/gg-org" ]
	[ -f "$r/share/bash-completion/completions/gg-ticket" ]
	[ -f "$r/share/zsh/site-functions/_gg" ]
	[ -f "$r/share/gg/examples/taizhou.yaml" ]
	run -0 "$r/bin/gg-org" --version
	# the report labels' catalogues, which the installed gg-report finds beside it, under env -i
	[ -f "$r/share/locale/zh_CN/LC_MESSAGES/gg.mo" ] && [ -f "$r/share/locale/en/LC_MESSAGES/gg.mo" ]
	"$r/bin/gg-org" --db "$BATS_TEST_TMPDIR/gg.db" init >/dev/null
	run -0 env -i "$r/bin/gg-report" --db "$BATS_TEST_TMPDIR/gg.db" staffing -o md --lang en
	assert_line -n 0 --partial '| Unit | Name | Level | Population |'
}

@test "make install: 0755 for the tools and the cron scripts, 0644 for everything else" {
	run -0 make -s -C "$TOP" install DESTDIR="$BATS_TEST_TMPDIR/root" PREFIX=/opt/gg
	run -0 files "$BATS_TEST_TMPDIR/root"
	assert_line '755 opt/gg/bin/gg-org'
	assert_line '755 opt/gg/bin/gg-ticket'
	assert_line '755 opt/gg/bin/gg-report'
	assert_line '644 opt/gg/share/man/man1/gg-report.1'
	assert_line '644 opt/gg/share/bash-completion/completions/gg-report'
	assert_line '755 opt/gg/share/gg/cron/escalate.sh'
	assert_line '644 opt/gg/share/gg/cron/crontab'
	assert_line '644 opt/gg/share/man/man1/gg-ticket.1'
	assert_line '644 opt/gg/share/zsh/site-functions/_gg'
	assert_line '644 opt/gg/share/locale/zh_CN/LC_MESSAGES/gg.mo'
	# nothing else is executable, whatever its mode in the checkout
	assert_equal "$(grep -c '^755 ' <<<"$output")" "$(($(ls "$TOP"/cmd/*.c | wc -l) + $(ls "$TOP"/share/gg/cron/*.sh | wc -l)))"
	assert_equal "$(grep -vc '^\(755\|644\) ' <<<"$output")" 0
}

@test "with PREFIX=/usr the zsh completion goes to vendor-completions, as Debian's zsh reads it" {
	run -0 make -s -C "$TOP" install DESTDIR="$BATS_TEST_TMPDIR/root" PREFIX=/usr
	[ -f "$BATS_TEST_TMPDIR/root/usr/share/zsh/vendor-completions/_gg" ]
	[ ! -e "$BATS_TEST_TMPDIR/root/usr/share/zsh/site-functions" ]
	[ -x "$BATS_TEST_TMPDIR/root/usr/bin/gg-ticket" ]
}

@test "make uninstall removes exactly what install put there, and leaves the rest" {
	root="$BATS_TEST_TMPDIR/root"
	mkdir -p "$root/usr/bin" "$root/usr/share/man/man1" "$root/etc/logrotate.d" "$root/lib/systemd/system"
	echo mine >"$root/usr/bin/gg-mine"
	echo mine >"$root/usr/share/man/man1/ls.1"
	echo mine >"$root/etc/logrotate.d/apt"
	echo mine >"$root/lib/systemd/system/gg-mine.timer"
	before=$(files "$root")
	run -0 make -s -C "$TOP" install DESTDIR="$root" PREFIX=/usr
	[ "$(files "$root")" != "$before" ]
	[ -f "$root/etc/logrotate.d/gg" ] && [ -f "$root/lib/systemd/system/gg-cron@.service" ]
	[ -f "$root/usr/share/gg/cron/crontab" ] && [ -f "$root/lib/systemd/system/gg-escalate.timer" ]
	run -0 make -s -C "$TOP" uninstall DESTDIR="$root" PREFIX=/usr
	assert_equal "$(files "$root")" "$before"
	[ ! -e "$root/usr/share/gg" ]
}

@test "CPPFLAGS reach every compiler line, from the command line or the environment" {
	run -0 make -C "$TOP" -n -B CPPFLAGS=-D_FORTIFY_SOURCE=2 all
	cc=$(grep -c '^cc ' <<<"$output")
	[ "$cc" -gt 3 ]
	assert_equal "$(grep '^cc ' <<<"$output" | grep -c -- ' -D_FORTIFY_SOURCE=2 ')" "$cc"
	run -0 env CPPFLAGS=-D_FORTIFY_SOURCE=2 make -C "$TOP" -n -B all
	assert_equal "$(grep '^cc ' <<<"$output" | grep -c -- ' -D_FORTIFY_SOURCE=2 ')" "$cc"
}

# tally TAP: make check's last line for the TAP of its runs
tally() {
	printf '%s\n' "$@" >"$BATS_TEST_TMPDIR/check.tap"
	make -s -C "$TOP" --eval 'tally: ; @$(TALLY)' tally TAP="$BATS_TEST_TMPDIR/check.tap"
}

@test "make check's count: both runs together, a test that never ran or a bats that failed counts" {
	run -0 tally 1..2 'ok 1 a' 'ok 2 b # skip not here' 'bats exited 0' 1..2 'ok 1 a' 'ok 2 b' 'bats exited 0'
	assert_output '4 passed, 0 failed'
	run -2 --separate-stderr tally 1..2 'ok 1 a' 'ok 2 b' 'bats exited 0' 1..2 'ok 1 a' 'not ok 2 b' '# (in test file x)' 'bats exited 1'
	assert_output '3 passed, 1 failed'
	run -2 --separate-stderr tally 1..3 'ok 1 a' 'bats exited 1' 1..3 'ok 1 a' 'ok 2 b' 'ok 3 c' 'bats exited 0'
	assert_output '4 passed, 2 failed'
	run -2 --separate-stderr tally 'bats exited 1'
	assert_output '0 passed, 1 failed'
}

@test "make demo shows each thing under a heading, in 120 columns" {
	run -0 --separate-stderr make -s -C "$TOP" demo DEMO_DB="$BATS_TEST_TMPDIR/demo.db"
	assert_equal "$stderr" ''
	assert_line '== the net, three levels deep'
	assert_line --index 0 '== the demo city of 泰州市, imported'
	assert_line 'id  category           unit                 level       assignee'
	assert_line 'id  category           unit                 level       assignee  due_at'
	assert_line 'rule                      code                 problem                                                shortfall'
	assert_line --regexp '^street_joint_committee +TZ-GG-DP +street has no joint committee'
	assert_line --regexp '^39  road\.parking +TZ-HL-CZ-03-G01-B01  department  D-GA$'
	# gg-volunteer's month: the star reached on the first Saturday, the members the list goes
	# back to their employers with (members exits 1, and make demo goes on), the open order matched
	assert_line --regexp '^H0001 +TZ-HL-CZ-01 +102\.5 +1 +2026-11-07 +300 +197\.5$'
	assert_line --regexp '^海陵区财政局 +H0016 +苏晓强 +TZ-HL-CZ-01 +2\.5 +1\.97 +never_reported$'
	assert_line --regexp '^1 +H0001 +85 +true +true +false +true +true +0 +5 +0$'
	# gg-score's: 坡子街 listed, 八字桥 uncertain on a small sample; 鼓楼公益书屋 down a star;
	# 坡子街银发服务社 held at 4 of the 5 it earned; the appraisal's first
	assert_line --regexp '^P-TZ-HL-CZ-02 +40 +55 +39\.8 +69\.3 +listed +ok +坡子街社区党委$'
	assert_line --regexp '^P-TZ-HL-CZ-03 +20 +65 +43\.3 +81\.9 +uncertain +small +八字桥社区党总支$'
	assert_line --regexp '^52321203MJ3456789H +2026-Q4 +74 +4 +3 +3 +down +false +鼓楼公益书屋$'
	assert_line --regexp '^52321202MJ2345678H +2026-Q3 +92 .* 5 +4 +first +true +坡子街银发服务社$'
	assert_line --regexp '^1 +TZ-[A-Z0-9-]+ +[0-9.]+ '
	# the monthly report last: the best community, the listed organisation, the files written
	assert_line --regexp '^\| 1 \| TZ-[A-Z0-9-]+ \| .+ \| [0-9]+\.[0-9]{2} \|$'
	assert_line --regexp '^\| P-TZ-HL-CZ-02 \| 坡子街社区党委 \| TZ-HL-CZ-02 \| 40 \| 55\.0 \| 39\.8 \| 69\.3 \| listed \|$'
	assert_line --regexp '^.*/demo-monthly-2026-11\.xlsx$'
	[ "$(grep -c '^== ' <<<"$output")" -eq 21 ]
	# every heading is followed by what it heads
	assert_equal "$(grep -A1 '^== ' <<<"$output" | grep -cx '')" 0
	[ "$(LC_ALL=C.UTF-8 wc -L <<<"$output")" -le 120 ]
}

@test "the README's tour runs as written on the demo city, each command exiting as it says" {
	# the tour's lines, each followed by a check of its status: 1 where the comment says so
	awk -v q="'" '/^## A tour/ { tour = 1 } tour && /^```sh$/ { on = 1; next } on && /^```$/ { exit }
		on && NF { print } on && NF && !/\\$/ {
			printf "[ $? -eq %d ] || { echo %sfailed: README.md:%d%s >&2; exit 1; }\n", /exit 1/ ? 1 : 0, q, NR, q }' \
		"$TOP/README.md" >"$BATS_TEST_TMPDIR/tour.sh"
	[ "$(grep -c 'README.md:' "$BATS_TEST_TMPDIR/tour.sh")" -gt 15 ]
	unset GG_DB GG_NOW
	export TMPDIR=$BATS_TEST_TMPDIR
	# in a directory of its own (the tour writes city.yaml), with the checkout's paths
	mkdir "$BATS_TEST_TMPDIR/wd" && cd "$BATS_TEST_TMPDIR/wd"
	ln -s "$TOP/share" "$TOP/tests" .
	ln -s "$(dirname "$(command -v gg-org)")" bin
	bash "$BATS_TEST_TMPDIR/tour.sh" >"$BATS_TEST_TMPDIR/out" # on failure, its stderr names the line
	run -0 cat "$BATS_TEST_TMPDIR/out"
	assert_line '八字桥社区 short by 4'
	assert_line 'phone: "17767370129"'
	assert_line --regexp '^\{"actor":"tester","command":"gg-org --reveal person show W0004","change":\{"op":"reveal"'
	assert_line --regexp '^verified: true$'
	assert_line --regexp '^[0-9]+:[0-9a-f]{64}$'
	assert_line --partial 'status: closed'
	# the Saturday: 150 and 125 minutes verified, in hours to two decimals
	c=$(((150 + 125) * 100 / 60)) # hundredths of an hour, 458.33 rounds down
	assert_line --regexp "^TZ-HL-CZ-01 +东进社区 +${c%??}\\.${c: -2} +2 +2\$"
	assert_line --regexp '^\{"rank":1,"volunteer":"H0003",'
	assert_line 'requester_phone: "139****5678"'
	# gg-score: the listed organisation, and a figure of November
	assert_line --regexp '^P-TZ-HL-CZ-02 +坡子街社区党委 +TZ-HL-CZ-02 +40 +14 +8 +18 +55 +39\.8 +69\.3 +listed +ok$'
	assert_line --regexp '^\{"received":[0-9]+,"on_time":(null|[0-9.]+),"survey_satisfaction":90\}$'
	assert_line --regexp '^rank	unit	name	total$'
	# gg-report burden: 一次提交, the demo's second request of 姓名 names the first
	assert_line '{"field":"姓名","first_demand":4,"first_department":"D-HL-MZ","first_date":"2026-11-03"}'
}

# subst ROOT: the files install writes paths into, under ROOT, that still hold a placeholder
# (@NAME@) or a line about them (#@)
subst_left() {
	find "$1" \( -path '*/gg/cron/crontab' -o -path '*/logrotate.d/gg' -o -name 'gg-*.service' \
		-o -name 'gg-*.timer' \) -type f -exec grep -lE '@[A-Z_]+@|^#@' {} +
}

@test "make install writes PREFIX, STATEDIR, LOGDIR and SYSCONFDIR into the crontab, logrotate file and units" {
	root="$BATS_TEST_TMPDIR/root"
	run -0 make -s -C "$TOP" install DESTDIR="$root"
	cron="$root/usr/local/share/gg/cron/crontab"
	run -0 grep -v '^#' "$cron"
	assert_line 'GG_DB=/var/lib/gg/gg.db'
	assert_line 'GG_CRON=/usr/local/share/gg/cron'
	assert_line 'PATH=/usr/local/bin:/usr/bin:/bin'
	assert_line '*/15 * * * *  $GG_CRON/escalate.sh >>/var/log/gg/escalate.log 2>&1'
	assert_line '0 6 1 * *     GG_REPORT_DIR=/var/lib/gg/reports $GG_CRON/monthly-report.sh >>/var/log/gg/monthly-report.log 2>&1'
	run -0 grep '^#' "$cron"
	assert_line '# makes it): `crontab -u gg /usr/local/share/gg/cron/crontab` once the mail addresses below are yours.'
	assert_line '# GG_CALENDAR=/etc/gg/calendar'
	run -0 cat "$root/etc/logrotate.d/gg"
	assert_line '/var/log/gg/*.log {'
	units="$root/usr/local/lib/systemd/system"
	assert_equal "$(ls "$units")" "$(ls "$TOP/share/systemd")"
	run -0 cat "$units/gg-cron@.service"
	assert_line 'Environment=GG_DB=/var/lib/gg/gg.db PATH=/usr/local/bin:/usr/bin:/bin'
	assert_line 'Environment=GG_REPORT_DIR=/var/lib/gg/reports GG_AUDIT_LAST=/var/lib/gg/audit-head.last'
	assert_line 'EnvironmentFile=-/etc/gg/cron.env'
	assert_line 'EnvironmentFile=-/etc/gg/%i.env'
	assert_line 'ExecStart=/usr/local/share/gg/cron/%i.sh'
	assert_line 'StandardOutput=append:/var/log/gg/%i.log'
	run -0 cat "$units/gg-cron-mail@.service"
	assert_line 'ExecStart=/usr/local/share/gg/cron/mail-output.sh %i'
	assert_line 'StandardOutput=append:/var/log/gg/%i.log'
	run -1 subst_left "$root"
	assert_output ''
}

@test "with PREFIX=/usr the units go to /lib/systemd/system; STATEDIR, LOGDIR, SYSCONFDIR and SYSTEMDDIR are given" {
	root="$BATS_TEST_TMPDIR/root"
	run -0 make -s -C "$TOP" install DESTDIR="$root" PREFIX=/usr STATEDIR=/srv/gg LOGDIR=/srv/gg/log SYSCONFDIR=/etc/opt
	run -0 grep -v '^#' "$root/usr/share/gg/cron/crontab"
	assert_line 'GG_DB=/srv/gg/gg.db'
	assert_line 'GG_CRON=/usr/share/gg/cron'
	assert_line 'PATH=/usr/bin:/usr/bin:/bin'
	assert_line '0 2 * * *     GG_AUDIT_LAST=/srv/gg/audit-head.last $GG_CRON/audit-head.sh | mail -s "gg: audit head" audit-keeper@example.org'
	run -0 cat "$root/etc/opt/logrotate.d/gg"
	assert_line '/srv/gg/log/*.log {'
	[ -f "$root/lib/systemd/system/gg-escalate.timer" ]
	run -0 cat "$root/lib/systemd/system/gg-cron@.service"
	assert_line 'ExecStart=/usr/share/gg/cron/%i.sh'
	assert_line 'EnvironmentFile=-/etc/opt/gg/%i.env'
	assert_line 'StandardOutput=append:/srv/gg/log/%i.log'
	run -1 subst_left "$root"
	# another PREFIX, whose lib/systemd systemd would not read: SYSTEMDDIR says where
	run -0 make -s -C "$TOP" install DESTDIR="$root" PREFIX=/opt/gg SYSTEMDDIR=/etc/systemd/system
	run -0 cat "$root/etc/systemd/system/gg-cron-mail@.service"
	assert_line 'ExecStart=/opt/gg/share/gg/cron/mail-output.sh %i'
	[ ! -e "$root/opt/gg/lib" ]
}

# jobs: each job line of the crontab as JOB, its five time fields and whether cron mails its
# output (mail: no log it is appended to), tab-separated
jobs() {
	sed -n 's|^\([^#A-Z][^ ]* [^ ]* [^ ]* [^ ]* [^ ]*\) .*\$GG_CRON/\([a-z-]*\)\.sh\(.*\)$|\2\t\1\t\3|p' \
		"$TOP/share/gg/cron/crontab" |
		awk -F '\t' -v OFS='\t' '{ print $1, $2, ($3 ~ />>/ ? "log" : "mail") }'
}

@test "a systemd timer for each job of the crontab, starting the job's script, mailed where cron mails it" {
	run -0 jobs
	[ "${#lines[@]}" -ge 9 ]
	assert_equal "$(ls "$TOP"/share/systemd/*.timer | wc -l)" "${#lines[@]}"
	while IFS=$'\t' read -r job when how; do
		timer="$TOP/share/systemd/gg-$job.timer"
		[ -f "$timer" ] || fail "no timer for $job"
		[ -x "$TOP/share/gg/cron/$job.sh" ] || fail "no script for $job"
		case $how in
		log) unit="gg-cron@$job.service" ;;
		mail) unit="gg-cron-mail@$job.service" ;;
		esac
		assert_equal "$(sed -n 's/^Unit=//p' "$timer")" "$unit"
		grep -qx 'WantedBy=timers.target' "$timer" || fail "$timer: not wanted by timers.target"
	done <<<"$output"
}

# cron_times SPEC FROM DAYS: the minutes (UTC) in DAYS days from FROM at which cron runs a job
# of the five fields SPEC; only the forms the crontab uses: *, */N, N, N,M
cron_times() {
	python3 - "$@" <<'PY'
import sys, datetime as dt
spec, start, days = sys.argv[1].split(), dt.datetime.fromisoformat(sys.argv[2]), int(sys.argv[3])
def match(field, v):
    for part in field.split(","):
        if part == "*" or (part.startswith("*/") and v % int(part[2:]) == 0) or (part.isdigit() and int(part) == v):
            return True
    return False
t = start
while t < start + dt.timedelta(days=days):
    dow = (t.weekday() + 1) % 7
    if all(match(f, v) for f, v in zip(spec, (t.minute, t.hour, t.day, t.month, dow))):
        print(t.strftime("%Y-%m-%d %H:%M"))
    t += dt.timedelta(minutes=1)
PY
}

# timer_times CALENDAR FROM DAYS COUNT: the same from systemd's reading of an OnCalendar=
timer_times() {
	local from end
	from=$(date -u -d "$2" +%s)
	end=$(date -u -d "@$((from + $3 * 86400))" '+%Y-%m-%d %H:%M')
	TZ=UTC systemd-analyze calendar --iterations="$4" --base-time="@$((from - 1))" "$1" |
		sed -n 's/^ *\(Next elapse\|Iter\. #[0-9]*\): [A-Z][a-z]* \([0-9-]* [0-9]*:[0-9]*\):00 UTC$/\2/p' |
		awk -v end="$end" '$0 < end'
}

@test "each timer runs its job when the crontab does: 8 days over a month's turn, a Monday at each end" {
	command -v systemd-analyze >/dev/null || skip 'systemd-analyze is not installed: it is what reads OnCalendar='
	from='2026-11-30 00:00' # a Monday; 1 December is in, and the next Monday
	run -0 jobs
	while IFS=$'\t' read -r job when how; do
		want=$(cron_times "$when" "$from" 8)
		[ -n "$want" ] || fail "$job: cron never runs '$when' in the 8 days"
		cal=$(sed -n 's/^OnCalendar=//p' "$TOP/share/systemd/gg-$job.timer")
		assert_equal "$job $(timer_times "$cal" "$from" 8 "$(($(wc -l <<<"$want") + 1))")" "$job $want"
	done <<<"$output"
}

@test "the installed units load in systemd: every timer, and the service each starts" {
	command -v systemd-analyze >/dev/null || skip 'systemd-analyze is not installed'
	# installed where they name (no DESTDIR), so that systemd finds every ExecStart
	p="$BATS_TEST_TMPDIR/p"
	run -0 make -s -C "$TOP" install PREFIX="$p" STATEDIR="$p/state" LOGDIR="$p/log" SYSCONFDIR="$p/etc"
	cd "$p/lib/systemd/system"
	run -0 systemd-analyze verify --man=no gg-*.timer $(sed -n 's/^Unit=//p' gg-*.timer)
	assert_output ''
	# and it can fail: a job with no script
	run -1 systemd-analyze verify --man=no gg-cron@no-such-job.service
	assert_output --partial "no-such-job.sh is not executable"
}

# as_root: skips the test unless run as root; the account it may make is removed after
as_root() {
	[ "$(id -u)" -eq 0 ] || skip 'install-service makes a system account: root only'
	getent passwd gg >/dev/null || touch "$BATS_TEST_TMPDIR/made-gg"
}

# passable: root, a new directory gg may pass through, as it may /var (bats's own are root's,
# 0700), removed after the test
passable() {
	SVCROOT=$(mktemp -d /tmp/gg-install.XXXXXX)
	chmod 0711 "$SVCROOT"
	root=$SVCROOT
}

teardown() {
	if [ -e "$BATS_TEST_TMPDIR/made-gg" ]; then
		userdel gg 2>/dev/null
		groupdel gg 2>/dev/null
	fi
	[ -z "${SVCROOT:-}" ] || rm -rf "$SVCROOT"
	:
}

@test "make install-service makes the gg account, and STATEDIR and LOGDIR 2770 root:gg; again, it changes nothing" {
	as_root
	passable
	run -0 make -s -C "$TOP" install-service DESTDIR="$root"
	run -0 getent group gg
	gid=$(cut -d: -f3 <<<"$output")
	run -0 getent passwd gg
	assert_output --regexp "^gg:x:[0-9]+:$gid:gg cron jobs:/var/lib/gg:/usr/sbin/nologin\$"
	[ "$(cut -d: -f3 <<<"$output")" -lt 1000 ] # a system account
	account=$output
	run -0 stat -c '%a %U %G' "$root/var/lib/gg" "$root/var/log/gg"
	assert_equal "$output" $'2770 root gg\n2770 root gg'
	chmod 0755 "$root/var/lib/gg"
	run -0 make -s -C "$TOP" install-service DESTDIR="$root" STATEDIR=/var/lib/gg
	assert_equal "$(getent passwd gg)" "$account"
	assert_equal "$(getent group gg | cut -d: -f3)" "$gid"
	assert_equal "$(stat -c '%a %U %G' "$root/var/lib/gg")" '2770 root gg'
	# what a file made there by anyone of the group belongs to
	setpriv --reuid=gg --regid=gg --init-groups sh -c "umask 007; echo x >'$root/var/log/gg/escalate.log'"
	assert_equal "$(stat -c '%a %U %G' "$root/var/log/gg/escalate.log")" '660 gg gg'
	# not root: it says so, and makes nothing
	run -2 setpriv --reuid=nobody --regid=nogroup --clear-groups make -s -C "$TOP" install-service DESTDIR="$BATS_TEST_TMPDIR/not"
	assert_output --partial 'install-service: run it as root: it makes the gg account'
	[ ! -e "$BATS_TEST_TMPDIR/not" ]
}

@test "logrotate rotates the jobs' logs in LOGDIR as gg, each new one group-writable, the old compressed a week late" {
	as_root
	command -v logrotate >/dev/null || skip 'logrotate is not installed'
	passable
	logs="$root/var/log/gg"
	run -0 make -s -C "$TOP" install-service DESTDIR="$root"
	run -0 make -s -C "$TOP" install DESTDIR="$root/dest" LOGDIR="$logs"
	conf="$root/dest/etc/logrotate.d/gg"
	as_gg() { setpriv --reuid=gg --regid=gg --init-groups sh -c "umask 007; $1"; }
	as_gg "echo first >>'$logs/escalate.log'"
	run -0 logrotate -d -s "$root/state" "$conf"
	refute_output --partial 'error'
	run -0 logrotate -f -s "$root/state" "$conf"
	assert_equal "$(cat "$logs/escalate.log.1")" first
	assert_equal "$(stat -c '%a %U %G %s' "$logs/escalate.log")" '660 gg gg 0'
	as_gg "echo second >>'$logs/escalate.log'"
	run -0 logrotate -f -s "$root/state" "$conf"
	assert_equal "$(cat "$logs/escalate.log.1")" second
	assert_equal "$(zcat "$logs/escalate.log.2.gz")" first
	# an empty log stays as it is
	run -0 logrotate -f -s "$root/state" "$conf"
	assert_equal "$(cat "$logs/escalate.log.1")" second
}
