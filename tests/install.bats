#!/usr/bin/env bats
# make install, and the completions it installs.

load helper

@test "make install puts tools, man pages, completions and share under DESTDIR/PREFIX" {
	run -0 make -s -C "$TOP" install DESTDIR="$BATS_TEST_TMPDIR/root" PREFIX=/opt/gg
	r="$BATS_TEST_TMPDIR/root/opt/gg"
	[ -x "$r/bin/gg-org" ]
	[ -f "$r/share/man/man1/gg-org.1" ]
	[ -f "$r/share/man/man7/gg.7" ]
	[ -f "$r/share/bash-completion/completions/gg-org" ]
	[ -f "$r/share/zsh/site-functions/_gg" ]
	[ -f "$r/share/gg/examples/taizhou.yaml" ]
	run -0 "$r/bin/gg-org" --version
}

@test "bash completion offers commands, subcommands and options from --help" {
	source "$TOP/completions/gg.bash"
	COMP_WORDS=(gg-org un); COMP_CWORD=1; _gg
	assert_equal "${COMPREPLY[*]}" unit
	COMP_WORDS=(gg-org unit ''); COMP_CWORD=2; _gg
	assert_equal "${COMPREPLY[*]}" 'add list show set rm'
	COMP_WORDS=(gg-org -o json person add --ph); COMP_CWORD=5; _gg
	assert_equal "${COMPREPLY[*]}" '--phone'
	COMP_WORDS=(gg-org unit list --level c); COMP_CWORD=4; _gg
	assert_equal "${COMPREPLY[*]}" 'city community'
}
