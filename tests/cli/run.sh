#!/bin/sh
# Command-line tests: each tests/cli/cases/NAME.sh is run with $HD set to the
# binary under test in a fresh temporary directory; its output (stdout, stderr
# and the exit code) is compared with tests/cli/cases/NAME.out.
# HUYDONG_WRAP (e.g. "valgrind -q") is put in front of the binary.
# UPDATE=1 rewrites the golden files instead of comparing.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# the login running the tests (the first user of every database they make)
me=$(id -un)
pass=0; fail=0
for case in "$here"/cases/*.sh; do
    [ -e "$case" ] || continue
    name=$(basename "$case" .sh)
    tmp=$(mktemp -d)
    (
        cd "$tmp" || exit 99
        export HD="${HUYDONG_WRAP:+$HUYDONG_WRAP }$bin" ROOT="$root" CASES="$here/cases"
        export HUYDONG_TODAY=2026-11-24 LC_ALL=C.UTF-8 HUYDONG_CONFIG="$here/test.cfg"
        # The catalogs of `make`, also for a binary that is not beside them.
        export HUYDONG_LOCALEDIR="$root/build/locale"
        unset HUYDONG_USER
        sh -u "$case" 2>&1
        echo "exit: $?"
    ) > "$tmp/actual" 2>&1
    sed -i -e "s#$tmp#TMP#g" -e "s#$root#ROOT#g" -e "s#'$me'#'ME'#g" "$tmp/actual"
    if [ "${UPDATE:-}" = 1 ]; then
        cp "$tmp/actual" "$here/cases/$name.out"
        pass=$((pass + 1))
    elif diff -u "$here/cases/$name.out" "$tmp/actual" > "$tmp/diff" 2>&1; then
        pass=$((pass + 1))
    else
        echo "FAIL: cli/$name"
        head -40 "$tmp/diff"
        fail=$((fail + 1))
    fi
    rm -rf "$tmp"
done
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
