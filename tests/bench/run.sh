#!/bin/sh
# District-scale benchmark: generates 100,000 children, 40,000 households and
# 2,000 members, times a CSV import of the 100,000 children into a fresh
# database, then the in-process timings of tests/bench/bench.c.
# Usage: tests/bench/run.sh ./huydong build/bench/bench
set -eu
hd=$1
bench=$2
dir=build/bench/data
mkdir -p "$dir"
export HUYDONG_TODAY=2026-11-24 HUYDONG_CONFIG=/dev/null
cfg=$dir/bench.cfg
printf 'commune = { code = "24999"; name = "Huyện thử"; };\n' > "$cfg"
t() { /usr/bin/time -f "%e s elapsed, %M KB peak memory" "$@"; }

echo "== generating the district database (demo --district)"
t "$hd" -c "$cfg" --db "$dir/district.db" demo --district --force
for table in villages households children; do
    "$hd" -c "$cfg" --db "$dir/district.db" export $table "$dir/$table.csv" >/dev/null
done
echo "== import of $(($(wc -l < "$dir/children.csv") - 1)) children from CSV into a fresh database"
rm -f "$dir/import.db" "$dir/import.db-wal" "$dir/import.db-shm"
"$hd" -c "$cfg" --db "$dir/import.db" init >/dev/null
"$hd" -c "$cfg" --db "$dir/import.db" import villages "$dir/villages.csv" >/dev/null
"$hd" -c "$cfg" --db "$dir/import.db" import households "$dir/households.csv" >/dev/null
t "$hd" -c "$cfg" --db "$dir/import.db" import children "$dir/children.csv"
echo "== whole command: search"
t "$hd" -c "$cfg" --db "$dir/district.db" search nguyen thi --limit 20 >/dev/null
echo "== in-process timings"
rm -f "$dir/scratch.db" "$dir/scratch.db-wal" "$dir/scratch.db-shm"
cp "$dir/district.db" "$dir/scratch.db"
t "$bench" "$dir/district.db" "$dir/scratch.db"
