# Attendance: a school's monthly sheet imported (pupils by name and date of
# birth), the rates by group for the month and the school year to date, the
# month's figures, the export that reads back; and a sheet refused whole.
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv
$HD import households $D/households.csv
$HD import schools $D/newyear-schools.csv
$HD import children $D/newyear-children.csv
echo "--- the October sheet"
$HD import attendance $D/attendance-2026-10.csv
$HD import attendance $D/attendance-2026-10.csv
echo "--- rates"
$HD attendance 10/2026
$HD attendance 10/2026 --by village
$HD attendance 10/2026 --by class
$HD attendance 10/2026 --by level
$HD attendance 10/2026 --by minority
$HD attendance 2026-10 --by child --limit 3
$HD attendance 11/2026 --year --by school
echo "--- the month's figures"
$HD month figures 10/2026 | tail -3
$HD month figures 10/2026 --village "Plei Kép" | tail -3
echo "--- export, and it reads back unchanged"
$HD export attendance att.csv
head -3 att.csv
$HD import attendance att.csv
echo "--- refused whole: each problem FILE:LINE: column: why; nothing saved"
$HD import attendance $D/attendance-bad.csv
$HD attendance 11/2026
echo "--- arguments"
$HD attendance 07/2026
$HD attendance 10/2026 --by street
$HD attendance 10/2026 --limit 0
$HD attendance
echo "--- the school's sheet as Excel: absences under a group title over two columns"
${PYTHON:-/usr/bin/python3} "$ROOT/tests/xlsx/make_books.py" books >/dev/null
$HD --db x.db init >/dev/null
$HD --db x.db import villages $D/villages.csv >/dev/null
$HD --db x.db import households $D/households.csv >/dev/null
$HD --db x.db import schools $D/newyear-schools.csv >/dev/null
$HD --db x.db import children $D/newyear-children.csv >/dev/null
$HD --db x.db import --show-mapping attendance books/attendance-plain.xlsx
$HD --db x.db import attendance books/attendance-plain.xlsx
$HD --db x.db import attendance books/attendance.xlsx
$HD --db x.db attendance 11/2026 --by child
echo "--- a title merged across two columns with data under it: no sub-titles"
$HD --db x.db import villages books/wide-note.xlsx
