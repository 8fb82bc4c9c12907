#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# What a newcomer meets before the tools: make install and uninstall, the flags a packager
# passes, make demo, make check's count, and the README's tour.

load helper

setup_file() { :; }
# each make here is make's own, not a part of the make check that may be running the suite
setup() { unset MAKEFLAGS MFLAGS MAKELEVEL; }

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
	mkdir -p "$root/usr/bin" "$root/usr/share/man/man1"
	echo mine >"$root/usr/bin/gg-mine"
	echo mine >"$root/usr/share/man/man1/ls.1"
	before=$(files "$root")
	run -0 make -s -C "$TOP" install DESTDIR="$root" PREFIX=/usr
	[ "$(files "$root")" != "$before" ]
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
