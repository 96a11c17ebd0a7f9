#!/bin/sh
# End-to-end tests of the terminal interface: each tests/e2e/t_*.sh runs in
# a fresh temporary directory with a demo commune, driving the real binary in
# tmux.  Usage: tests/e2e/run.sh BINARY NFC-TOOL
set -u
here=$(cd "$(dirname "$0")" && pwd)
HD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
NFC=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
root=$(cd "$here/../.." && pwd)
# the catalogs of the source tree, also for the ASan binary in build/asan
HUYDONG_LOCALEDIR=$root/build/locale
export HD NFC HUYDONG_LOCALEDIR
if ! command -v tmux >/dev/null 2>&1; then
    echo "e2e: tmux is not installed (make deps); skipped"
    exit 1
fi
pass=0; fail=0
for t in "$here"/t_*.sh; do
    name=$(basename "$t" .sh)
    dir=$(mktemp -d)
    if (cd "$dir" && export E2E_NAME="$name" HUYDONG_TODAY=2026-11-24 \
            HUYDONG_CONFIG=/dev/null TERM=xterm LANG=C.UTF-8 LC_ALL=C.UTF-8 && \
        "$HD" --db demo.db demo >/dev/null && . "$here/lib.sh" && . "$t"); then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
    rm -rf "$dir"
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
