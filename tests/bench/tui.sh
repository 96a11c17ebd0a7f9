#!/bin/sh
# The terminal interface at district scale, measured from the outside by
# tests/bench/ttybench.c on a pseudo-terminal of 80x25: the first screen, a
# key typed in search-as-you-type, the bytes sent per scrolling step, peak
# memory.  Once as an xterm, once as the Linux console.
# Usage: tests/bench/tui.sh ./huydong build/bench/ttybench [SESSIONS]
set -eu
hd=$1
tty=$2
runs=${3:-9}
dir=build/bench/data
mkdir -p "$dir"
# the date fixes the school year the first screen shows: 2026-2027
export HUYDONG_TODAY=2026-11-24 HUYDONG_CONFIG=/dev/null LANG=C.UTF-8 LC_ALL=C.UTF-8
export HUYDONG_LOCALEDIR="$(pwd)/build/locale"
cfg=$dir/bench.cfg
printf 'commune = { code = "24999"; name = "Huyện thử"; };\n' > "$cfg"
# `make bench` has just made the database; alone, make it when it is missing
# or older than the program (its schema may have changed).
if [ ! -s "$dir/district.db" ] || [ "$hd" -nt "$dir/district.db" ]; then
    echo "== generating the district database (demo --district)"
    "$hd" -c "$cfg" --db "$dir/district.db" demo --district --force
fi
# A private copy: a rebuild of ./huydong during the run must not change the
# program being measured.
cp "$hd" build/bench/huydong-tui
# The raw bytes of the first screen and of the first step of each kind are
# left in build/bench/tty-TERM-*.out (cat -v shows what curses sent).
for term in xterm linux; do
    echo "== terminal interface, TERM=$term"
    TERM=$term "$tty" -n "$runs" -d "build/bench/tty-$term" -- \
        build/bench/huydong-tui -c "$cfg" --db "$dir/district.db"
done
