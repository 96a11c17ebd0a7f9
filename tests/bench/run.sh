#!/bin/sh
# District-scale benchmark: generates 100,000 children, 40,000 households and
# 2,000 members, times a CSV import of the 100,000 children into a fresh
# database, then the in-process timings of tests/bench/bench.c.
# With xlsxread (tests/bench/xlsxread.c): the same children as an Excel
# workbook, read alone, then imported.
# Usage: tests/bench/run.sh ./huydong build/bench/bench [build/bench/xlsxread]
set -eu
hd=$1
bench=$2
xlsxread=${3:-}
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
if [ -n "$xlsxread" ]; then
    "$hd" -c "$cfg" --db "$dir/district.db" export children "$dir/children.xlsx" >/dev/null
    echo "== the same children as a workbook ($(du -k "$dir/children.xlsx" | cut -f1) KB): read alone"
    t "$xlsxread" "$dir/children.xlsx"
    echo "== import of the children from the workbook into a fresh database"
    rm -f "$dir/import.db" "$dir/import.db-wal" "$dir/import.db-shm"
    "$hd" -c "$cfg" --db "$dir/import.db" init >/dev/null
    "$hd" -c "$cfg" --db "$dir/import.db" import villages "$dir/villages.csv" >/dev/null
    "$hd" -c "$cfg" --db "$dir/import.db" import households "$dir/households.csv" >/dev/null
    t "$hd" -c "$cfg" --db "$dir/import.db" import children "$dir/children.xlsx"
    echo "== a 100,000-row C1-HocSinh sheet as Excel writes it (shared strings)"
    ${PYTHON:-/usr/bin/python3} tests/bench/make_shared.py "$dir/pupils.xlsx"
    t "$xlsxread" "$dir/pupils.xlsx"
    echo "== its import into a fresh database (unlinked pupils with their codes)"
    rm -f "$dir/pupils.db" "$dir/pupils.db-wal" "$dir/pupils.db-shm"
    "$hd" -c "$cfg" --db "$dir/pupils.db" init >/dev/null
    t "$hd" -c "$cfg" --db "$dir/pupils.db" import children "$dir/pupils.xlsx" 2>&1 | tail -2
    echo "== export of the children as a workbook"
    t "$hd" -c "$cfg" --db "$dir/district.db" export children "$dir/children2.xlsx"
fi
echo "== whole command: search"
t "$hd" -c "$cfg" --db "$dir/district.db" search nguyen thi --limit 20 >/dev/null
echo "== in-process timings"
rm -f "$dir/scratch.db" "$dir/scratch.db-wal" "$dir/scratch.db-shm"
cp "$dir/district.db" "$dir/scratch.db"
t "$bench" "$dir/district.db" "$dir/scratch.db"
