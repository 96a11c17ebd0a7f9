# huydong — a plain Makefile.  `make` builds ./huydong; `make test` runs every test
# (a normal build, then the same tests under AddressSanitizer + UBSan).

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DATADIR    ?= $(PREFIX)/share
SYSCONFDIR ?= /etc
DESTDIR    ?=
PKG_CONFIG ?= pkg-config
CC         ?= cc

VERSION    := 0.1.0
PKGS       := ncursesw sqlite3 libconfig expat libzip xlsxwriter

CFLAGS     ?= -O2 -g
WARNINGS   := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
              -Wmissing-prototypes -Wformat=2 -Wvla -Wno-unused-parameter \
              -Wpointer-arith -Wcast-qual -Wwrite-strings
override CFLAGS   += -std=c11 $(WARNINGS)
override CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
                     -DHUYDONG_VERSION='"$(VERSION)"' \
                     -DHUYDONG_LOCALEDIR='"$(DATADIR)/locale"' \
                     -DHUYDONG_SYSCONFDIR='"$(SYSCONFDIR)"' \
                     -Isrc $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
LDLIBS     += $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lunistring -lm

# CI (and `make WERROR=1`) turns every warning into an error.
ifneq ($(WERROR)$(CI),)
override CFLAGS += -Werror
endif

BUILD ?= build
BIN   ?= huydong

CORE_SRC := $(sort $(wildcard src/core/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TUI_SRC  := $(sort $(wildcard src/tui/*.c))
APP_SRC  := $(CLI_SRC) $(TUI_SRC)
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
APP_OBJ  := $(APP_SRC:%.c=$(BUILD)/%.o)
CORE_LIB := $(BUILD)/libhuydong.a

# Message catalogs are shared by the normal and the ASan build, so they live
# outside $(BUILD); an uninstalled ./huydong finds them there (core/i18n.c).
LOCALE_DIR := build/locale
PO_LANGS   := vi
MO_FILES   := $(PO_LANGS:%=$(LOCALE_DIR)/%/LC_MESSAGES/huydong.mo)

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

DEBIAN_BUILD_PKGS := build-essential pkg-config libncurses-dev libsqlite3-dev \
                     libconfig-dev libunistring-dev gettext paps ghostscript \
                     pango1.0-tools fonts-dejavu-core libexpat1-dev libzip-dev \
                     libxlsxwriter-dev
DEBIAN_TEST_PKGS  := libcmocka-dev tmux sqlite3 valgrind poppler-utils python3-openpyxl \
                     cups cups-client printer-driver-cups-pdf

# Only for `make fuzz` (libFuzzer comes with clang): not needed to build or test.
DEBIAN_FUZZ_PKGS  := clang libclang-rt-14-dev

.PHONY: all deps deps-build fuzz-deps test check-unit check-cli check-e2e check-print check-fuzz test-asan \
        asan valgrind fuzz bench bench-tui run demo pot po-update install uninstall clean

all: $(BIN) $(MO_FILES)

$(BIN): $(APP_OBJ) $(CORE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(APP_OBJ) $(CORE_LIB) $(LDLIBS)

$(CORE_LIB): $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_LIB) $(TEST_LIBS) $(LDLIBS)

-include $(CORE_OBJ:.o=.d) $(APP_OBJ:.o=.d)

# Installs the Debian packages the build and the tests need (only those missing).
deps:
	@sh tools/deps.sh $(DEBIAN_BUILD_PKGS) $(DEBIAN_TEST_PKGS)

# What building and running need, without the tests' packages (tmux, a CUPS
# server, valgrind...): `make run` asks for no more.
deps-build:
	@sh tools/deps.sh $(DEBIAN_BUILD_PKGS)

check-unit: $(UNIT_BIN) $(MO_FILES)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; HUYDONG_TODAY=2026-11-24 $$t; done

check-cli: $(BIN) $(MO_FILES)
	@sh tests/cli/run.sh ./$(BIN)

# Fuzzing (tests/fuzz): each harness is also linked with a plain driver that
# replays the seed corpus and every finding, with this compiler, in `make test`.
FUZZ_TARGETS := csv import config
FUZZ_COMMON  := tests/fuzz/fuzz_file.c
FUZZ_REPLAY  := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay-%)
$(BUILD)/fuzz/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_COMMON) tests/fuzz/fuzz.h $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) $(LDFLAGS) -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/replay.c \
	    $(FUZZ_COMMON) $(CORE_LIB) $(LDLIBS)

# A leak inside libconfig 1.5 is suppressed (tests/fuzz/lsan.supp says which).
FUZZ_ENV := LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan.supp:print_suppressions=0
check-fuzz: $(FUZZ_REPLAY)
	@set -e; for t in $(FUZZ_TARGETS); do $(FUZZ_ENV) \
	    $(BUILD)/fuzz/replay-$$t tests/fuzz/corpus/$$t tests/fuzz/findings/$$t; done

# A bounded libFuzzer run per target (FUZZ_SECONDS each, clang: make fuzz-deps).
# New inputs go to build/fuzzer/corpus-TARGET; a crash, leak or timeout to
# tests/fuzz/findings/TARGET/, where check-fuzz replays it from then on.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_CFLAGS  := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=all
fuzz:
	@command -v $(FUZZ_CC) >/dev/null || { echo "fuzz: $(FUZZ_CC) is missing (make fuzz-deps)"; exit 1; }
	@$(MAKE) --no-print-directory BUILD=build/fuzzer CC=$(FUZZ_CC) \
	    CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" build/fuzzer/libhuydong.a
	@set -e; for t in $(FUZZ_TARGETS); do \
	    $(FUZZ_CC) $(CPPFLAGS) -Itests $(FUZZ_CFLAGS) -fsanitize=fuzzer -o build/fuzzer/fuzz-$$t \
	        tests/fuzz/fuzz_$$t.c $(FUZZ_COMMON) build/fuzzer/libhuydong.a $(LDLIBS); \
	    mkdir -p build/fuzzer/corpus-$$t tests/fuzz/findings/$$t; \
	    echo "== fuzz $$t ($(FUZZ_SECONDS) s)"; \
	    $(FUZZ_ENV) build/fuzzer/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=1024 \
	        -print_final_stats=1 -artifact_prefix=tests/fuzz/findings/$$t/ \
	        build/fuzzer/corpus-$$t tests/fuzz/corpus/$$t; done

fuzz-deps:
	@sh tools/deps.sh $(DEBIAN_FUZZ_PKGS)

# The terminal interface driven in tmux at 80x25 (tests/e2e).
E2E_NFC := $(BUILD)/tests/e2e-nfc
$(E2E_NFC): tests/e2e/nfc.c $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_LIB) $(LDLIBS)

check-e2e: $(BIN) $(MO_FILES) $(E2E_NFC)
	@sh tests/e2e/run.sh ./$(BIN) $(E2E_NFC)

# A document through a real CUPS queue (a private cupsd, the cups-pdf printer).
check-print: $(BIN)
	@sh tests/print/cups.sh ./$(BIN)

# The whole suite: the normal build, then the same tests under ASan + UBSan.
test: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory check-unit check-fuzz check-cli check-e2e check-print
	@$(MAKE) --no-print-directory test-asan
	@echo "all tests passed"

ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
              -fno-sanitize-recover=all
asan:
	@$(MAKE) --no-print-directory BUILD=build/asan BIN=build/asan/huydong \
	    CFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" all

test-asan:
	@$(MAKE) --no-print-directory BUILD=build/asan BIN=build/asan/huydong \
	    CFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	    check-unit check-fuzz check-cli check-e2e

# Tests that fork other writers: their children _exit holding the parent's
# memory, which valgrind would count as leaks of the child (and fail it), so
# those run with the memory checks but without the leak check.
FORKING_TESTS := $(BUILD)/tests/test_concurrency $(BUILD)/tests/test_backup \
                 $(BUILD)/tests/test_faults
valgrind: all $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do \
	    case " $(FORKING_TESTS) " in *" $$t "*) leak=no ;; *) leak=full ;; esac; \
	    HUYDONG_TODAY=2026-11-24 valgrind -q --error-exitcode=9 --leak-check=$$leak \
	        --child-silent-after-fork=yes $$t >/dev/null; done
	@HUYDONG_WRAP="valgrind -q --error-exitcode=9 --leak-check=full" \
	    sh tests/cli/run.sh ./$(BIN)
	@echo "valgrind: clean"

# The README's first command: everything a new user needs, then the demo commune.
DEMO_DB := demo/huydong.db
run: deps-build
	@$(MAKE) --no-print-directory all
	@mkdir -p demo
	@test -e $(DEMO_DB) || ./$(BIN) --db $(DEMO_DB) demo
	./$(BIN) --db $(DEMO_DB)

BENCH_BIN := $(BUILD)/bench/bench
$(BENCH_BIN): tests/bench/bench.c $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_LIB) $(LDLIBS)

# The xlsx reader alone over a workbook (tests/bench/xlsxread.c).
XLSXREAD_BIN := $(BUILD)/bench/xlsxread
$(XLSXREAD_BIN): tests/bench/xlsxread.c $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_LIB) $(LDLIBS)

# The terminal interface measured from a pseudo-terminal (forkpty: -lutil).
TTYBENCH_BIN := $(BUILD)/bench/ttybench
$(TTYBENCH_BIN): tests/bench/ttybench.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LDLIBS) -lutil

# District-scale figures (docs/benchmarks.md); not part of `make test`.
bench: all $(BENCH_BIN) $(TTYBENCH_BIN) $(XLSXREAD_BIN)
	@sh tests/bench/run.sh ./$(BIN) $(BENCH_BIN) $(XLSXREAD_BIN)
	@sh tests/bench/tui.sh ./$(BIN) $(TTYBENCH_BIN)

# Only the terminal interface's figures (makes the database if needed).
bench-tui: all $(TTYBENCH_BIN)
	@sh tests/bench/tui.sh ./$(BIN) $(TTYBENCH_BIN)

# Translations: po/LANG.po compiled for gettext.  --check refuses a
# translation whose printf directives differ from the English string's.
$(LOCALE_DIR)/%/LC_MESSAGES/huydong.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check --output-file=$@ $<

# After changing messages in the sources: `make po-update` (docs/admin-guide.md).
pot:
	xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 --add-comments=TRANSLATORS \
	    --package-name=huydong --package-version=$(VERSION) \
	    --files-from=po/POTFILES --output=po/huydong.pot

po-update: pot
	@set -e; for l in $(PO_LANGS); do \
	    msgmerge --quiet --update --backup=none po/$$l.po po/huydong.pot; done

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/huydong
	install -m 644 docs/huydong.1 $(DESTDIR)$(MANDIR)/man1/huydong.1
	set -e; for l in $(PO_LANGS); do \
	    install -d $(DESTDIR)$(DATADIR)/locale/$$l/LC_MESSAGES; \
	    install -m 644 $(LOCALE_DIR)/$$l/LC_MESSAGES/huydong.mo \
	        $(DESTDIR)$(DATADIR)/locale/$$l/LC_MESSAGES/huydong.mo; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/huydong $(DESTDIR)$(MANDIR)/man1/huydong.1
	rm -f $(PO_LANGS:%=$(DESTDIR)$(DATADIR)/locale/%/LC_MESSAGES/huydong.mo)

clean:
	rm -rf build $(BIN) demo
