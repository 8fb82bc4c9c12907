# gg: make all | check | install | deps | demo | bench | fuzz | sanitize | clean
.POSIX:

PREFIX  = /usr/local
BINDIR  = $(PREFIX)/bin
SHAREDIR = $(PREFIX)/share
MANDIR  = $(SHAREDIR)/man
DESTDIR =

CC      = cc
CFLAGS  = -O2 -g
WERROR  = -Werror
# warnings a user's CFLAGS cannot switch off
GG_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra $(WERROR) -Ilib -Ibuild
LIBS    = -lsqlite3 -lyaml -ljansson -lcrypto -lm

BINS    = gg-org
LIBSRC  = $(wildcard lib/*.c)
LIBOBJ  = $(LIBSRC:lib/%.c=build/%.o) build/embed.o
EMBED   = $(sort $(wildcard share/gg/sql/*.sql share/gg/queries/*.sql))
MANSRC  = $(wildcard share/man/*.scd)
MAN     = $(MANSRC:share/man/%.scd=build/man/%)
VERSION = 0.1

all: $(BINS:%=bin/%) $(MAN)

build/.dir:
	mkdir -p build/man bin
	touch $@

build/embed.c: tools/embed.sh $(EMBED) build/.dir
	tools/embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@

build/embed.o: build/embed.c lib/embed.h
	$(CC) $(CFLAGS) $(GG_CFLAGS) -c -o $@ build/embed.c

build/%.o: lib/%.c lib/*.h build/.dir
	$(CC) $(CFLAGS) $(GG_CFLAGS) -DGG_VERSION='"$(VERSION)"' -c -o $@ $<

build/libgg.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

bin/%: cmd/%.c build/libgg.a lib/*.h
	$(CC) $(CFLAGS) $(GG_CFLAGS) $(LDFLAGS) -o $@ $< build/libgg.a $(LIBS)

build/man/%: share/man/%.scd build/.dir
	scdoc < $< > $@

# The Debian packages of DESIGN.md section 7, installed only when missing.
DEPS = gcc make libsqlite3-dev libyaml-dev libjansson-dev libssl-dev libxlsxwriter-dev \
	jq sqlite3 bats bats-support bats-assert bats-file scdoc tzdata
deps:
	@missing=$$(for p in $(DEPS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		sudo=; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing </dev/null; \
	fi

check: deps
	$(MAKE) all
	bats --tap tests

# The test suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: deps
	$(MAKE) clean
	$(MAKE) all CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer' \
		LDFLAGS='-fsanitize=address,undefined'
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 bats --tap tests
	$(MAKE) clean

demo: deps
	$(MAKE) all
	./bin/gg-org import -f share/gg/examples/taizhou.yaml
	./bin/gg-org tree --depth 3
	./bin/gg-org check -o table || true

bench: deps
	$(MAKE) all
	tests/bench/run

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(SHAREDIR)/gg $(DESTDIR)$(SHAREDIR)/bash-completion/completions \
		$(DESTDIR)$(SHAREDIR)/zsh/site-functions
	cp $(BINS:%=bin/%) $(DESTDIR)$(BINDIR)/
	cp build/man/*.1 $(DESTDIR)$(MANDIR)/man1/
	cp build/man/*.7 $(DESTDIR)$(MANDIR)/man7/
	cp -R share/gg/. $(DESTDIR)$(SHAREDIR)/gg/
	for b in $(BINS); do cp completions/gg.bash $(DESTDIR)$(SHAREDIR)/bash-completion/completions/$$b; done
	cp completions/_gg $(DESTDIR)$(SHAREDIR)/zsh/site-functions/_gg

clean:
	rm -rf build bin

.PHONY: all check sanitize deps demo bench install clean
