# The issue's walk-through: find a household typed without accents, open it,
# add a child with an impossible date, read the message, fix it, save; the
# database holds the child, once, with its first status and its audit line.
start "$HD --db demo.db"
wait_for "Năm học 2026-2027"
keys 2
wait_for "Chủ hộ"
type_text "ksor"
wait_for "Ksor"
keys Enter
wait_for "Năm sinh"
household=$(sqlite3 demo.db "SELECT id FROM household WHERE fold LIKE 'ksor%' ORDER BY sort_key LIMIT 1")
keys F2
wait_for "Thêm trẻ mới"
type_text "Ksor H'Nhung"
keys Tab Right Right Tab
type_text "31/02/2016"
keys F2
wait_for "chỉ có 29 ngày"
wait_for "chưa lưu gì cả"
[ "$(sqlite3 demo.db "SELECT count(*) FROM child WHERE full_name = 'Ksor H''Nhung'")" = 0 ] ||
    fail "a child was saved from a wrong form"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "29/02/2016"
keys F2
wait_for "Đã lưu"
wait_for "Ksor H'Nhung"
resize 60 20
wait_for "60x20"
resize 80 25
wait_for "Ksor H'Nhung"
keys F10
wait_for "[exited]"
stop
row=$(sqlite3 demo.db "SELECT birth_date, sex, household_id, status FROM child WHERE full_name = 'Ksor H''Nhung'")
[ "$row" = "2016-02-29|F|$household|enrolled" ] || fail "saved child: '$row'"
[ "$(sqlite3 demo.db "SELECT count(*) FROM audit a JOIN child c ON c.uid = a.row_uid WHERE c.full_name = 'Ksor H''Nhung' AND a.action = 'insert'")" = 1 ] ||
    fail "no audit line for the new child"
[ "$(sqlite3 demo.db 'PRAGMA integrity_check')" = ok ] || fail "integrity"
