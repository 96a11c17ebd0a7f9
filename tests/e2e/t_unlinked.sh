# A school's C1-HocSinh sheet (made by openpyxl) brings pupils with no
# household; key n on the home screen lists them, Enter asks for a
# household's code (a wrong one is refused at its field) and links the child.
${PYTHON:-/usr/bin/python3} "$root/tests/xlsx/make_books.py" b >/dev/null || fail "no workbooks"
"$HD" --db demo.db import children b/c1.xlsx >/dev/null 2>&1 || fail "import of c1.xlsx"
q() { sqlite3 demo.db "$1"; }
n=$(q "SELECT count(*) FROM child WHERE household_id IS NULL AND archived = 0")
hh=$(q "SELECT uid FROM household WHERE archived = 0 ORDER BY id LIMIT 1")
start "$HD --db demo.db"
wait_for "Năm học"
keys n
wait_for "$n trẻ chưa gắn với hộ gia đình"
wait_for "Ksor H'Mai"
wait_for "2000123403"
# the first row: class 4B before 5A
keys Enter
wait_for "Ksor H'Mai: gắn vào hộ gia đình"
type_text "KHONG-CO"
keys F2
wait_for "không có hộ nào có mã 'KHONG-CO'"
keys C-u
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "$hh"
keys F2
wait_for "$((n - 1)) trẻ chưa gắn với hộ gia đình"
[ "$(q "SELECT h.uid FROM child c JOIN household h ON h.id = c.household_id
        WHERE c.full_name = 'Ksor H''Mai'")" = "$hh" ] || fail "Ksor H'Mai not in $hh"
q "SELECT count(*) FROM audit WHERE tbl = 'child' AND field = 'household_id'" | grep -qx 1 ||
    fail "the link is not audited"
keys F10
wait_for "[exited]"
stop
