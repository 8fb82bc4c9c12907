#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# Hooks: which ones gg refuses to run, what they inherit (environment, signals) and how long gg
# waits for them. Whatever becomes of a hook, the change its command committed stands.

load helper

setup_file() {
	seed_catalogue
}

setup() {
	fresh_db
	H=$BATS_TEST_TMPDIR/hooks
	mkdir -m 755 "$H"
	export GG_HOOKS=$H
	NEW=(gg-ticket new --category env.garbage --title 楼道堆放杂物 --unit TZ-HL-CZ-01-G01 -o ndjson)
}

# W: a directory of a test's own under /tmp, where bats' (0700) would keep another user out
teardown() {
	[ -z "${W:-}" ] || rm -rf "$W"
}

# hook EVENT SCRIPT: $H/on-EVENT, a shell script, mode 755
hook() {
	printf '#!/bin/sh\n%s\n' "$2" >"$H/on-$1"
	chmod 755 "$H/on-$1"
}

# gone PID: the process has ended (or is a zombie nobody reaped yet) within a second
gone() {
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		[ -e "/proc/$1" ] && ! grep -q '^State:.Z' "/proc/$1/status" 2>/dev/null || return 0
		sleep 0.1
	done
	return 1
}

@test "a hooks directory others can write is refused and named, sticky or not; the change stands" {
	hook create "touch '$BATS_TEST_TMPDIR/ran'"
	chmod 777 "$H"
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$H' is writable by others; the change stands"
	assert_equal "$(gg-ticket show "$(jq -r .id <<<"$output")" -o ndjson | jq -r .status)" new
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
	chmod 1777 "$H" # others could still add a hook that is missing
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$H' is writable by others; the change stands"
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
	chmod 775 "$H" # group-writable is the group's business
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" ""
	[ -e "$BATS_TEST_TMPDIR/ran" ]
}

@test "a refused hook is said once per command, however many records it would have had" {
	hook create "touch '$BATS_TEST_TMPDIR/ran'"
	chmod 777 "$H"
	run -0 --separate-stderr gg-ticket import <<'EOF2'
{"category": "env.garbage", "title": "一", "unit": "TZ-HL-CZ-01-G01"}
{"category": "env.garbage", "title": "二", "unit": "TZ-HL-CZ-01-G01"}
EOF2
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$H' is writable by others; the change stands"
	assert_equal "$(gg-ticket list -o ndjson | wc -l)" 2
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
}

@test "a hook others can write is refused, and so is a symlink to one or into a directory they can write" {
	real=$(realpath "$BATS_TEST_TMPDIR")
	hook create "touch '$BATS_TEST_TMPDIR/ran'"
	chmod 757 "$H/on-create"
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$real/hooks/on-create' is writable by others; the change stands"
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]

	mkdir -m 777 "$BATS_TEST_TMPDIR/pub"
	mv "$H/on-create" "$BATS_TEST_TMPDIR/pub/hook"
	chmod 755 "$BATS_TEST_TMPDIR/pub/hook"
	ln -s "$BATS_TEST_TMPDIR/pub/hook" "$H/on-create"
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$real/pub' is writable by others; the change stands"
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
	chmod 757 "$BATS_TEST_TMPDIR/pub/hook"
	chmod 755 "$BATS_TEST_TMPDIR/pub"
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$real/pub/hook' is writable by others; the change stands"
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
	chmod 755 "$BATS_TEST_TMPDIR/pub/hook"
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" ""
	[ -e "$BATS_TEST_TMPDIR/ran" ]
}

@test "a symlink on the way in a directory others can write is refused, before and after another repoints it" {
	# a directory under /tmp the other user (uid 5004) can reach, unlike bats' own (0700)
	W=$(mktemp -d /tmp/gg-hooks.XXXXXX)
	chmod 755 "$W"
	mkdir -m 755 "$W/safe" "$W/evil"
	printf '#!/bin/sh\ntouch %s/ran\n' "$BATS_TEST_TMPDIR" >"$W/safe/script"
	printf '#!/bin/sh\ntouch %s/evil-ran\n' "$BATS_TEST_TMPDIR" >"$W/evil/x"
	chmod 755 "$W/safe/script" "$W/evil/x"
	chown -R 5004:5004 "$W/evil"
	mkdir -m 777 "$W/ww" # no sticky bit
	ln -s "$W/safe/script" "$W/ww/link"
	ln -s "$W/ww/link" "$H/on-create"
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$W/ww' is writable by others; the change stands"
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
	setpriv --reuid=5004 --regid=5004 --clear-groups ln -sfn "$W/evil/x" "$W/ww/link"
	assert_equal "$(readlink "$W/ww/link")" "$W/evil/x"
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$W/ww' is writable by others; the change stands"
	[ ! -e "$BATS_TEST_TMPDIR/evil-ran" ]
	assert_equal "$(gg-ticket list -o ndjson | wc -l)" 2
}

@test "a hook, or a directory on the way to it, owned by another user than root is refused and named" {
	real=$(realpath "$BATS_TEST_TMPDIR")
	hook create "touch '$BATS_TEST_TMPDIR/ran'"
	chown 5004:5004 "$H/on-create"
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$real/hooks/on-create' is owned by uid 5004, not by you or root; the change stands"
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]

	mkdir -m 755 "$BATS_TEST_TMPDIR/evil"
	mv "$H/on-create" "$BATS_TEST_TMPDIR/evil/x"
	chown 0:0 "$BATS_TEST_TMPDIR/evil/x"
	chown 5004:5004 "$BATS_TEST_TMPDIR/evil"
	ln -s ../evil/x "$H/on-create" # relative: from the link's directory
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$real/evil' is owned by uid 5004, not by you or root; the change stands"
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
	chown 0:5004 "$BATS_TEST_TMPDIR/evil"
	chmod 775 "$BATS_TEST_TMPDIR/evil" # group-writable is the group's business
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" ""
	[ -e "$BATS_TEST_TMPDIR/ran" ]
}

@test "GG_HOOKS under a directory others can write is refused, a symlink there or not" {
	real=$(realpath "$BATS_TEST_TMPDIR")
	hook create "touch '$BATS_TEST_TMPDIR/ran'"
	mkdir -m 777 "$BATS_TEST_TMPDIR/pub" # no sticky bit
	ln -s "$H" "$BATS_TEST_TMPDIR/pub/hooks"
	run -0 --separate-stderr env GG_HOOKS="$BATS_TEST_TMPDIR/pub/hooks" "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$real/pub' is writable by others; the change stands"
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
	rm "$BATS_TEST_TMPDIR/pub/hooks"
	mv "$H" "$BATS_TEST_TMPDIR/pub/hooks"
	run -0 --separate-stderr env GG_HOOKS="$BATS_TEST_TMPDIR/pub/hooks" "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$real/pub' is writable by others; the change stands"
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
}

@test "a sticky directory on the way is passed if root or you own it, as /tmp is; another's is refused" {
	real=$(realpath "$BATS_TEST_TMPDIR")
	mkdir -m 1777 "$BATS_TEST_TMPDIR/shared"
	printf '#!/bin/sh\ntouch %s/ran\n' "$BATS_TEST_TMPDIR" >"$BATS_TEST_TMPDIR/shared/hook"
	chmod 755 "$BATS_TEST_TMPDIR/shared/hook"
	ln -s "$BATS_TEST_TMPDIR/shared/hook" "$H/on-create"
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" ""
	[ -e "$BATS_TEST_TMPDIR/ran" ]
	rm "$BATS_TEST_TMPDIR/ran"
	chown 5004:5004 "$BATS_TEST_TMPDIR/shared" # its owner may rename what others put there
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create not run: '$real/shared' is owned by uid 5004, not by you or root; the change stands"
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
}

@test "a hook sees PATH=/usr/local/bin:/usr/bin:/bin and only HOME, TZ, the locale and GG_* of its caller" {
	ln -s /usr/bin/env "$H/on-create" # env prints what it got, on gg's stderr
	run -0 --separate-stderr env -i PATH="$PATH" HOME=/home/wang FOO=bar LANG=C.UTF-8 LC_TIME=C TZ=UTC \
		GG_DB="$GG_DB" GG_NOW="$GG_NOW" GG_HOOKS="$H" GG_X=1 USER=wang SHELL=/bin/bash "${NEW[@]}"
	assert_equal "$(sort <<<"$stderr")" "$(sort <<EOF2
PATH=/usr/local/bin:/usr/bin:/bin
HOME=/home/wang
LANG=C.UTF-8
LC_TIME=C
TZ=UTC
GG_DB=$GG_DB
GG_NOW=$GG_NOW
GG_HOOKS=$H
GG_X=1
EOF2
)"
}

@test "a hook starts with every signal at its default and none blocked, whatever gg or its caller ignored" {
	hook create "grep -E '^Sig(Blk|Ign)' /proc/self/status >'$BATS_TEST_TMPDIR/sig'"
	(
		trap '' INT HUP QUIT TERM
		"${NEW[@]}" >/dev/null
	)
	assert_equal "$(grep SigBlk "$BATS_TEST_TMPDIR/sig")" $'SigBlk:\t0000000000000000'
	# gg ignores SIGPIPE (bit 13) while it feeds a hook; its caller here ignored 1, 2, 3 and 15.
	# Signals 32 and up are the C library's own, out of gg's reach if its caller ignored them.
	ign=$(sed -n 's/^SigIgn:\t//p' "$BATS_TEST_TMPDIR/sig")
	assert_equal "$(printf '%08x' $((0x$ign & 0x7fffffff)))" 00000000
}

@test "a hook past GG_HOOK_TIMEOUT is killed with what it started; the command's output and status stand" {
	hook create "sleep 30 & echo \$! >'$BATS_TEST_TMPDIR/child'; sleep 30"
	SECONDS=0
	run -0 --separate-stderr env GG_HOOK_TIMEOUT=1 "${NEW[@]}"
	((SECONDS < 5))
	id=$(jq -r .id <<<"$output")
	assert_equal "$(jq -r .status <<<"$output")" new
	assert_equal "$stderr" "gg-ticket: hook on-create killed for id $id after 1s (GG_HOOK_TIMEOUT); the change stands"
	gone "$(cat "$BATS_TEST_TMPDIR/child")"
	assert_equal "$(gg-ticket show "$id" -o ndjson | jq -r .status)" new
}

@test "a hook deaf to SIGTERM gets SIGKILL two seconds later" {
	hook create "trap '' TERM; sleep 30"
	SECONDS=0
	run -0 --separate-stderr env GG_HOOK_TIMEOUT=1 "${NEW[@]}"
	((SECONDS >= 2 && SECONDS < 7))
	assert_equal "$stderr" "gg-ticket: hook on-create killed for id $(jq -r .id <<<"$output") after 1s (GG_HOOK_TIMEOUT); the change stands"
}

@test "a hook that never reads a record longer than a pipe holds is killed on time too" {
	hook create "sleep 30"
	SECONDS=0
	run -0 --separate-stderr env GG_HOOK_TIMEOUT=1 "${NEW[@]}" --description "$(printf '%0100000d' 0)"
	((SECONDS < 5))
	assert_equal "$stderr" "gg-ticket: hook on-create killed for id $(jq -r .id <<<"$output") after 1s (GG_HOOK_TIMEOUT); the change stands"
}

@test "GG_HOOK_TIMEOUT=0 is no limit; a value that is not a number of seconds is warned about and 30s kept" {
	hook create "sleep 1; cat >'$BATS_TEST_TMPDIR/got'"
	run -0 --separate-stderr env GG_HOOK_TIMEOUT=0 "${NEW[@]}"
	assert_equal "$stderr" ""
	assert_equal "$(jq -r .id "$BATS_TEST_TMPDIR/got")" "$(jq -r .id <<<"$output")"
	for bad in 1.5 -1 abc ' 2' 2s; do
		rm "$BATS_TEST_TMPDIR/got"
		run -0 --separate-stderr env GG_HOOK_TIMEOUT="$bad" "${NEW[@]}"
		assert_equal "$stderr" "gg-ticket: GG_HOOK_TIMEOUT: '$bad' is not a number of seconds; hooks get 30s"
		assert_equal "$(jq -r .id "$BATS_TEST_TMPDIR/got")" "$(jq -r .id <<<"$output")"
	done
}

@test "a hook the system cannot run fails as a shell's command would, with 127; the change stands" {
	printf '#!/nonexistent/sh\n' >"$H/on-create"
	chmod 755 "$H/on-create"
	run -0 --separate-stderr "${NEW[@]}"
	assert_equal "$stderr" "gg-ticket: hook on-create failed for id $(jq -r .id <<<"$output") (exit 127); the change stands"
	assert_equal "$(gg-ticket list -o ndjson | wc -l)" 1
}
