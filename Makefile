# SPDX-License-Identifier: Apache-2.0
# gg: make all | check | check-pg | install | uninstall | install-service | deps | demo | bench | fuzz | torture | sanitize | clean
.POSIX:

PREFIX  = /usr/local
BINDIR  = $(PREFIX)/bin
SHAREDIR = $(PREFIX)/share
MANDIR  = $(SHAREDIR)/man
LOCALEDIR = $(SHAREDIR)/locale
BASHDIR = $(SHAREDIR)/bash-completion/completions
# Debian's zsh reads vendor-completions for packages; site-functions is for a local install
ZSHDIR  = $(SHAREDIR)/zsh/$(if $(filter /usr,$(PREFIX)),vendor-completions,site-functions)
DESTDIR =

CC      = cc
CFLAGS  = -O2 -g
# CPPFLAGS and LDFLAGS are left undefined, so that the environment's reach the compiler
# (Debian's -D_FORTIFY_SOURCE=2 from dpkg-buildflags); on the command line they work too
WERROR  = -Werror
# warnings a user's CFLAGS cannot switch off
GG_CFLAGS = -std=c11 -D_GNU_SOURCE -pthread -Wall -Wextra $(WERROR) -Ilib -Ibuild -I/usr/include/postgresql
LIBS    = -lsqlite3 -lpq -lyaml -ljansson -lcrypto -lxlsxwriter -lm -lpthread

# O: where objects go; B: where the tools go (the sanitizer build uses build/asan)
O       = build
B       = bin
BINS    = gg-org gg-ticket gg-volunteer gg-score gg-report
LIBSRC  = $(wildcard lib/*.c)
LIBOBJ  = $(LIBSRC:lib/%.c=$(O)/%.o) $(O)/embed.o
EMBED   = $(sort $(wildcard share/gg/sql/*.sql share/gg/queries/*.sql share/gg/queries/*/*.sql share/gg/calendar/*.yaml) share/gg/categories.yaml \
	share/gg/match-weights.yaml share/gg/stars.yaml $(wildcard share/gg/rubrics/*.yaml share/gg/score/*.yaml))
MANSRC  = $(wildcard share/man/*.scd)
MAN     = $(MANSRC:share/man/%.scd=build/man/%)
VERSION = 0.2
# the languages of the reports people read: po/LANG.po, compiled into build/locale
LANGS   = zh_CN en
MO      = $(LANGS:%=build/locale/%/LC_MESSAGES/gg.mo)

all: $(BINS:%=$(B)/%) $(MAN) $(MO) $(O)/test-emit $(O)/test-kind $(O)/test-queries

$(O)/.dir:
	mkdir -p $(O) build/man $(B)
	touch $@

$(O)/embed.c: tools/embed.sh $(EMBED) $(O)/.dir
	tools/embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@

$(O)/embed.o: $(O)/embed.c lib/embed.h
	$(CC) $(CPPFLAGS) $(CFLAGS) $(GG_CFLAGS) -c -o $@ $(O)/embed.c

$(O)/%.o: lib/%.c lib/*.h $(O)/.dir
	$(CC) $(CPPFLAGS) $(CFLAGS) $(GG_CFLAGS) -DGG_VERSION='"$(VERSION)"' -DGG_LOCALEDIR='"$(LOCALEDIR)"' -c -o $@ $<

$(O)/libgg.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

$(B)/%: cmd/%.c $(O)/libgg.a lib/*.h
	$(CC) $(CPPFLAGS) $(CFLAGS) $(GG_CFLAGS) $(LDFLAGS) -o $@ $< $(O)/libgg.a $(LIBS)

# The emitter on its own, for tests/emit.bats; never installed.
$(O)/test-emit: tests/emit/sections.c $(O)/libgg.a lib/*.h
	$(CC) $(CPPFLAGS) $(CFLAGS) $(GG_CFLAGS) $(LDFLAGS) -o $@ tests/emit/sections.c $(O)/libgg.a $(LIBS)

# The entity layer's append-only kinds, for tests/kind.bats; never installed.
$(O)/test-kind: tests/kind/append.c $(O)/libgg.a lib/*.h
	$(CC) $(CPPFLAGS) $(CFLAGS) $(GG_CFLAGS) $(LDFLAGS) -o $@ tests/kind/append.c $(O)/libgg.a $(LIBS)

# Every named query prepared on a database, for tests/queries.bats; never installed.
$(O)/test-queries: tests/queries/prepare.c $(O)/libgg.a lib/*.h
	$(CC) $(CPPFLAGS) $(CFLAGS) $(GG_CFLAGS) $(LDFLAGS) -o $@ tests/queries/prepare.c $(O)/libgg.a $(LIBS)

build/man/%: share/man/%.scd $(O)/.dir
	scdoc < $< > $@

# The report labels' catalogues, where the tools find them when run from the tree
build/locale/%/LC_MESSAGES/gg.mo: po/%.po
	mkdir -p $(@D)
	msgfmt --check -o $@.tmp $< && mv $@.tmp $@

# The Debian packages the build and the tests use (the README says why each is there),
# installed only when missing.
DEPS = gcc make libsqlite3-dev libpq-dev libyaml-dev libjansson-dev libssl-dev libxlsxwriter-dev gettext scdoc \
	jq sqlite3 bats bats-support bats-assert zsh tzdata python3 unzip
# only for make check: the html report opened in a browser, its Chinese drawn in a CJK font;
# the installed logrotate file and systemd units read by logrotate and systemd-analyze;
# valgrind, for the plain build's memory errors and leaks (tests/valgrind.bats); postgresql-15,
# the throwaway cluster the suites run on again (tests/pg/cluster)
TEST_DEPS = chromium fonts-noto-cjk logrotate systemd valgrind postgresql-15
deps:
	@$(MAKE) -s install-missing PACKAGES='$(DEPS)'
test-deps: deps
	@$(MAKE) -s install-missing PACKAGES='$(TEST_DEPS)'
install-missing:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		sudo=; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing </dev/null; \
	fi

# Every suite, then every suite again on tools built with AddressSanitizer (leaks included)
# and UndefinedBehaviorSanitizer, then the suites of PG_SUITES on PostgreSQL (check-pg); a run
# that fails does not stop the others. Their TAP goes to build/check.tap, and the last line
# counts every run: "N passed, N failed", exit 1 if any failed. A test counts as failed when it says "not ok", when it never ran (fewer results
# than bats planned), and bats's own failure (a suite that does not parse) counts as one.
TAP = build/check.tap
SUITE = { bats --tap tests; echo $$? >$(TAP).rc; } | tee -a $(TAP); echo "bats exited $$(cat $(TAP).rc)" >>$(TAP)
TALLY = awk '/^1\.\.[0-9]+$$/ { plan = substr($$0, 4) } /^ok / { runok++ } /^not ok / { runbad++ } \
	/^bats exited / { lost = plan - runok - runbad; failed = runbad + (lost > 0 ? lost : 0); \
		if ($$3 != 0 && failed == 0) failed = 1; \
		ok += runok; bad += failed; plan = runok = runbad = 0 } \
	END { printf "%d passed, %d failed\n", ok, bad; exit (bad > 0) }' $(TAP)
ASAN = GG_BIN=$$PWD/build/asan/bin ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
check: test-deps
	$(MAKE) all
	@mkdir -p build && rm -f $(TAP)
	@$(SUITE)
	$(MAKE) sanitize-build
	@export $(ASAN); $(SUITE)
	@$(PG_SUITE)
	@$(TALLY)

# The suites on the PostgreSQL store (issue 14): a throwaway cluster in a new directory under
# /tmp (short, for the socket's path), tests/pg/cluster's settings in the environment and
# GG_TEST_STORE=pg, the cluster stopped and removed whatever bats did, or if make is stopped.
# A cluster that cannot start counts as one failure.
PG_SUITES = $(sort $(wildcard tests/*.bats))
PG_SUITE = dir=$$(mktemp -d /tmp/ggpg.XXXXXX) || exit 1; \
	trap 'tests/pg/cluster stop "$$dir"' EXIT; trap 'exit 130' INT TERM HUP; \
	if env=$$(tests/pg/cluster start "$$dir"); then \
		{ eval "$$env"; GG_TEST_STORE=pg bats --tap $(PG_SUITES); echo $$? >$(TAP).rc; } | tee -a $(TAP); \
	else echo 1 >$(TAP).rc; fi; \
	echo "bats exited $$(cat $(TAP).rc)" >>$(TAP)
check-pg: test-deps
	$(MAKE) all
	@mkdir -p build && rm -f $(TAP)
	@$(PG_SUITE)
	@$(TALLY)

SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
sanitize: sanitize-build
	@rm -f $(TAP)
	@export $(ASAN); $(SUITE)
	@$(TALLY)

sanitize-build:
	$(MAKE) O=build/asan B=build/asan/bin CFLAGS='-O1 -g $(SANITIZE)' LDFLAGS='$(SANITIZE)' \
		$(BINS:%=build/asan/bin/%) build/asan/test-emit build/asan/test-kind build/asan/test-queries $(MO)

# Coverage-guided fuzzing (clang's libFuzzer) of every parser: the record reader and writers,
# the CSV reader, CSV mapping files, durations and periods, the address normaliser, rubrics and
# match weights; FUZZ_SECONDS each (FUZZ=NAME for some alone); not part of check. Target NAME is
# tests/fuzz/NAME.c, seeded from tests/fuzz/NAME-corpus; the inputs that found new paths stay in
# build/fuzz/NAME-corpus, and one that crashed it is kept as build/fuzz/NAME-crash-*.
FUZZ_SECONDS = 60
FUZZ    = reader csv csvmap period address rubric weights
FUZZ_DEPS = clang
FUZZ_CFLAGS = -g -O1 -fsanitize=address,undefined
FUZZOBJ = $(LIBSRC:lib/%.c=build/fuzz/%.o) build/fuzz/embed.o
fuzz: deps
	@$(MAKE) -s install-missing PACKAGES='$(FUZZ_DEPS)'
	$(MAKE) $(FUZZ:%=build/fuzz/bin/%)
	for t in $(FUZZ); do \
		mkdir -p build/fuzz/$$t-corpus && \
		build/fuzz/bin/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -artifact_prefix=build/fuzz/$$t- \
			build/fuzz/$$t-corpus tests/fuzz/$$t-corpus || exit; \
	done

build/fuzz/.dir:
	mkdir -p build/fuzz/bin
	touch $@

build/fuzz/embed.c: tools/embed.sh $(EMBED) build/fuzz/.dir
	tools/embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@

build/fuzz/embed.o: build/fuzz/embed.c lib/embed.h
	clang $(CPPFLAGS) $(FUZZ_CFLAGS) $(GG_CFLAGS) -c -o $@ build/fuzz/embed.c

# kept, or make would remove them as intermediates and build them again for every target
.PRECIOUS: build/fuzz/%.o
build/fuzz/%.o: lib/%.c lib/*.h build/fuzz/.dir
	clang $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(GG_CFLAGS) -DGG_VERSION='"$(VERSION)"' \
		-DGG_LOCALEDIR='"$(LOCALEDIR)"' -c -o $@ $<

build/fuzz/bin/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(FUZZOBJ)
	clang $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(GG_CFLAGS) -o $@ $< $(FUZZOBJ) $(LIBS)

# The demo city into a scratch database under build/ (never the user's own), its tickets of
# November 2026 swept at the month's end, and what the net lacks. Each thing shown under a
# heading, in at most 120 columns: the wide tables as a few of their tsv columns (all of them
# ASCII, so expand can align them).
DEMO_DB = build/demo.db
DEMO_NOW = --now 2026-11-30T18:00:00+08:00
demo: deps
	@$(MAKE) -s all
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@echo '== the demo city of 泰州市, imported'
	@./bin/gg-org --db $(DEMO_DB) import -f share/gg/examples/taizhou.yaml -o table
	@echo; echo '== the ticket categories and the departments they call on, imported'
	@./bin/gg-ticket --db $(DEMO_DB) category import --builtin -o table
	@echo; echo '== November'"'"'s tickets, imported'
	@./bin/gg-ticket --db $(DEMO_DB) import -f share/gg/examples/tickets-2026-11.yaml -o table
	@echo; echo '== two in three of them worked before the month'"'"'s end (accepted, resolved, visited, closed), by street'
	@PATH="$$PWD/bin:$$PATH" GG_DB=$(DEMO_DB) sh share/gg/examples/work.sh
	@./bin/gg-report --db $(DEMO_DB) tickets --period 2026-11 --by street -o tsv | \
	  cut -f1,3,7,8,9,17,23,25 | expand -t 10,17,36,44,53,65,82
	@echo; echo '== volunteers and their teams, loaded with November'"'"'s Saturdays and resident orders (gg-volunteer)'
	@PATH="$$PWD/bin:$$PATH" GG_DB=$(DEMO_DB) sh share/gg/examples/volunteers.sh
	@./bin/gg-volunteer --db $(DEMO_DB) team list -o table
	@echo; echo '== the net, three levels deep'
	@./bin/gg-org --db $(DEMO_DB) tree --depth 3
	@echo; echo '== the sweep at 18:00 on 30 November: the tickets that climbed, and where they are now'
	@./bin/gg-ticket --db $(DEMO_DB) $(DEMO_NOW) escalate --due -o tsv | cut -f1,4,8,12,13 | expand -t 4,23,44,56
	@echo; echo '== still overdue after the sweep, and who holds them'
	@./bin/gg-ticket --db $(DEMO_DB) $(DEMO_NOW) list --overdue -o tsv | cut -f1,4,8,12,13,16 | expand -t 4,23,44,56,66
	@echo; echo '== what the net lacks (gg-org check)'
	@./bin/gg-org --db $(DEMO_DB) check -o tsv | cut -f1,3,5,10 | expand -t 26,47,102
	@echo; echo '== November'"'"'s Saturday service days, and the places taken'
	@./bin/gg-volunteer --db $(DEMO_DB) activity list --period 2026-11 -o table
	@echo; echo '== resident orders (群众点单、社区派单、党员接单): served and rated, one expired by the sweep, one open'
	@./bin/gg-volunteer --db $(DEMO_DB) order list -o table
	@echo; echo '== hours verified by community workers, by community, in November'
	@./bin/gg-volunteer --db $(DEMO_DB) $(DEMO_NOW) hours --by community --period 2026-11 -o table
	@echo; echo '== star volunteers (1 star at 100 verified hours, the day reached), then those within 10 hours of a star'
	@{ ./bin/gg-volunteer --db $(DEMO_DB) $(DEMO_NOW) stars -o tsv; \
	  ./bin/gg-volunteer --db $(DEMO_DB) $(DEMO_NOW) stars --near 10 -o tsv | tail -n +2; } | cut -f1,3-6,11,12 | expand -t 11,27,35,42,54,63
	@echo; echo '== in-service Party members who never reported in or served under the target in November (exit 1)'
	@./bin/gg-volunteer --db $(DEMO_DB) $(DEMO_NOW) members --period 2026-11 -o table || [ $$? -eq 1 ]
	@echo; echo '== who could serve the open order 6, best first, factor by factor (gg-volunteer match)'
	@./bin/gg-volunteer --db $(DEMO_DB) $(DEMO_NOW) match 6 --limit 5 -o tsv | cut -f2,3,6-14 | expand -t 6,17,24,31,47,60,71,82,95,108
	@PATH="$$PWD/bin:$$PATH" GG_DB=$(DEMO_DB) sh share/gg/examples/scores.sh
	@echo; echo '== satisfaction with each community Party organisation in November: listed under 60%, uncertain (gg-score)'
	@{ ./bin/gg-score --db $(DEMO_DB) satisfaction --period 2026-11 -o tsv || [ $$? -eq 1 ]; } | \
	  awk -F '\t' -v OFS='\t' '{ print $$1, $$4, $$8, $$9, $$10, $$11, $$12, $$2 }' | expand -t 16,27,34,41,48,59,66
	@echo; echo '== social organisations rated by quarter (评星定级): stars up, down, and capped without a Party organisation'
	@./bin/gg-score --db $(DEMO_DB) social-org history -o tsv | \
	  awk -F '\t' -v OFS='\t' '{ print $$2, $$5, $$9, $$13, $$10, $$11, $$14, $$12, $$3 }' | expand -t 20,29,36,46,53,60,67,74
	@echo; echo '== November'"'"'s appraisal of every community by the built-in rubric, best first: points by indicator'
	@./bin/gg-score --db $(DEMO_DB) rank --period 2026-11 --level community -o tsv | \
	  awk -F '\t' -v OFS='\t' '{ print $$1, $$2, $$4, $$5, $$11, $$12, $$13, $$14, $$3 }' | expand -t 6,19,26,47,63,81,88,100
	@echo; echo '== the burden-reduction audit of November (基层减负): each finding, then each rule against October'
	@./bin/gg-report --db $(DEMO_DB) burden --period 2026-11 -o tsv | \
	  awk -F '\t' -v OFS='\t' '/^$$/ { n++ } n == 0 || (n == 1 && /^$$/) { next } \
	    { print (n > 1 ? $$0 : $$1 OFS $$2 OFS $$4 OFS $$6 OFS $$8) }' | expand -t 16,30,44,52
	@echo; echo '== every write above is in the audit log, chained: its last rows, and the chain checked (gg-report)'
	@./bin/gg-report --db $(DEMO_DB) audit -o tsv | tail -n 3 | cut -f1,5,7 | expand -t 6,20 | cut -c1-120
	@./bin/gg-report --db $(DEMO_DB) audit --verify
	@echo; echo '== November'"'"'s appraisal report (gg-report monthly): the best and worst five, the Party organisations'
	@echo '   listed, the level tickets were resolved at; the whole report as html and xlsx beside the database'
	@./bin/gg-report --db $(DEMO_DB) monthly --period 2026-11 -o html --out $(DEMO_DB:.db=)-monthly-2026-11.html
	@./bin/gg-report --db $(DEMO_DB) monthly --period 2026-11 -o xlsx --out $(DEMO_DB:.db=)-monthly-2026-11.xlsx
	@./bin/gg-report --db $(DEMO_DB) monthly --period 2026-11 -o md | \
	  awk '/^## / { n++ } n >= 3 && n != 6' | sed '/^$$/N;/^\n$$/D'
	@echo; ls $(DEMO_DB:.db=)-monthly-2026-11.*

# The figures of DESIGN.md section 6 (tests/bench/run), then gg on PostgreSQL beside them on a
# throwaway cluster (tests/bench/run-pg: the import against COPY, the sweep, show on ten
# million, the monthly report, 16 writers at once); BIG=0 leaves out the ten million.
bench: deps test-deps
	$(MAKE) all
	tests/bench/run
	tests/bench/run-pg

# SIGKILLs at random moments of every tool's writers, then processes of all the tools at once
# on one database (tests/torture); minutes, and never inside make check, which runs a short
# one (tests/torture.bats). KILLS, PROCS and DURATION (seconds) size it; it prints the figures.
KILLS = 200
PROCS = 16
DURATION = 60
torture: deps
	$(MAKE) all
	PATH="$$PWD/bin:$$PATH" KILLS=$(KILLS) tests/torture/kill
	PATH="$$PWD/bin:$$PATH" PROCS=$(PROCS) DURATION=$(DURATION) tests/torture/concurrent

# What install puts where; uninstall removes exactly these files, and gg's own directories
# under SHAREDIR when they are left empty. The crontab, the logrotate file and the systemd
# units name paths: install writes them in for their placeholders (SUBST), and drops the lines
# beginning #@, which speak of the placeholders. The database and reports (STATEDIR) and the
# logs (LOGDIR) stay where the system keeps such things, whatever the PREFIX.
STATEDIR = /var/lib/gg
LOGDIR  = /var/log/gg
SYSCONFDIR = /etc
# where systemd reads units: /usr/local/lib/systemd/system for the default PREFIX, and for
# PREFIX=/usr the /lib/systemd/system that Debian bookworm's systemd.pc names (the same
# directory as /usr/lib/systemd/system on its merged /usr); systemd reads no other PREFIX's,
# so give SYSTEMDDIR=/etc/systemd/system with one
SYSTEMDDIR = $(if $(filter /usr,$(PREFIX)),,$(PREFIX))/lib/systemd/system
SUBST   = sed -e '/^\#@/d' -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@GG_CRON@|$(SHAREDIR)/gg/cron|g' \
	-e 's|@STATEDIR@|$(STATEDIR)|g' -e 's|@LOGDIR@|$(LOGDIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g'
CRONTAB = share/gg/cron/crontab
LOGROTATE = share/logrotate/gg
UNITS   = $(sort $(wildcard share/systemd/*))
SHARE   = $(filter-out $(CRONTAB),$(sort $(shell find share/gg -type f)))
SHAREDIRS = $(sort $(shell find share/gg -type d))
SCRIPTS = $(filter share/gg/cron/%.sh,$(SHARE))
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(BASHDIR) $(DESTDIR)$(ZSHDIR)
	install -m 0755 $(BINS:%=bin/%) $(DESTDIR)$(BINDIR)
	install -m 0644 $(filter %.1,$(MAN)) $(DESTDIR)$(MANDIR)/man1
	install -m 0644 $(filter %.7,$(MAN)) $(DESTDIR)$(MANDIR)/man7
	for d in $(SHAREDIRS:share/%=%); do install -d $(DESTDIR)$(SHAREDIR)/$$d || exit; done
	for f in $(SHARE:share/%=%); do \
		case " $(SCRIPTS:share/%=%) " in *" $$f "*) m=0755 ;; *) m=0644 ;; esac; \
		install -m $$m share/$$f $(DESTDIR)$(SHAREDIR)/$$f || exit; \
	done
	for b in $(BINS); do install -m 0644 completions/gg.bash $(DESTDIR)$(BASHDIR)/$$b || exit; done
	install -m 0644 completions/_gg $(DESTDIR)$(ZSHDIR)/_gg
	for l in $(LANGS); do \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 0644 build/locale/$$l/LC_MESSAGES/gg.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/gg.mo || exit; \
	done
	$(SUBST) $(CRONTAB) >$(DESTDIR)$(SHAREDIR)/gg/cron/crontab
	chmod 0644 $(DESTDIR)$(SHAREDIR)/gg/cron/crontab
	install -d $(DESTDIR)$(SYSCONFDIR)/logrotate.d $(DESTDIR)$(SYSTEMDDIR)
	$(SUBST) $(LOGROTATE) >$(DESTDIR)$(SYSCONFDIR)/logrotate.d/gg
	chmod 0644 $(DESTDIR)$(SYSCONFDIR)/logrotate.d/gg
	for u in $(UNITS:share/systemd/%=%); do \
		$(SUBST) share/systemd/$$u >$(DESTDIR)$(SYSTEMDDIR)/$$u && chmod 0644 $(DESTDIR)$(SYSTEMDDIR)/$$u || exit; \
	done

uninstall:
	rm -f $(BINS:%=$(DESTDIR)$(BINDIR)/%) $(BINS:%=$(DESTDIR)$(BASHDIR)/%) $(DESTDIR)$(ZSHDIR)/_gg
	rm -f $(patsubst build/man/%.1,$(DESTDIR)$(MANDIR)/man1/%.1,$(filter %.1,$(MAN))) \
		$(patsubst build/man/%.7,$(DESTDIR)$(MANDIR)/man7/%.7,$(filter %.7,$(MAN)))
	rm -f $(SHARE:share/%=$(DESTDIR)$(SHAREDIR)/%) $(DESTDIR)$(SHAREDIR)/gg/cron/crontab
	rm -f $(DESTDIR)$(SYSCONFDIR)/logrotate.d/gg $(UNITS:share/systemd/%=$(DESTDIR)$(SYSTEMDDIR)/%)
	rm -f $(LANGS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/gg.mo)
	for d in $$(printf '%s\n' $(SHAREDIRS:share/%=%) | sort -r); do \
		rmdir $(DESTDIR)$(SHAREDIR)/$$d 2>/dev/null || :; done

# The gg account the cron jobs and the systemd timers run as, and the directories they write:
# STATEDIR and LOGDIR, root's and group gg's, 2770, so that what anyone of the group makes there
# is the group's (setgid) and the service account cannot loosen them (root owns them). Staff
# join the group (usermod -a -G gg NAME). Optional, as root, not part of install; run again, it
# changes nothing. DESTDIR applies to the directories, never to the account.
install-service:
	@[ "$$(id -u)" -eq 0 ] || { echo 'install-service: run it as root: it makes the gg account' >&2; exit 1; }
	getent group gg >/dev/null || groupadd --system gg
	getent passwd gg >/dev/null || useradd --system --gid gg --home-dir $(STATEDIR) --no-create-home \
		--shell /usr/sbin/nologin --comment 'gg cron jobs' gg
	install -d -o root -g gg -m 2770 $(DESTDIR)$(STATEDIR) $(DESTDIR)$(LOGDIR)

clean:
	rm -rf build bin

.PHONY: all check check-pg sanitize sanitize-build fuzz deps test-deps install-missing demo bench torture install uninstall install-service clean
