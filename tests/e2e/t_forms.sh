# The registry's other forms: add a committee member from the members list
# (a wrong phone number and a wrong login are each shown at their field and
# nothing is saved until both are right), then change a village's branch
# secretary from the villages list; the database holds the member with its
# organisation and role, the new secretary, and the audit line of the change.
start "$HD --db demo.db"
wait_for "Năm học 2026-2027"
keys 3
wait_for "Chức vụ"
members=$(sqlite3 demo.db "SELECT count(*) FROM member")
keys F2
wait_for "Thêm thành viên mới"
type_text "Siu H'Plam"
keys Tab Right Right Right Right Right
wait_for "< Hội Phụ nữ >"
keys Tab Left
wait_for "< Thư ký >"
keys Tab Right Tab Tab
type_text "0912 34"
keys F2
wait_for "chưa lưu gì cả"
# the reason is on the line under the phone field
screen | grep -A1 "Điện thoại" | tail -1 | grep -qF "phải có 10 chữ số" ||
    fail "the phone number's problem is not at its field"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "0912 345 678"
keys Tab
type_text "plam siu"
keys F2
# the core refuses the login; its message lands under the login field
wait_for "không phải là tên đăng nhập Unix"
screen | grep -A1 "Tên đăng nhập" | tail -1 | grep -qF "'plam siu' không phải" ||
    fail "the login's problem is not at its field"
[ "$(sqlite3 demo.db "SELECT count(*) FROM member")" = "$members" ] ||
    fail "a member was saved from a wrong form"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "plam.siu"
keys F2
wait_for "Đã lưu"
type_text "siu h"
wait_for "Siu H'Plam"
wait_for "Hội Phụ nữ"
keys Escape
wait_for "$((members + 1)) thành viên"
keys Escape
wait_for "Năm học 2026-2027"
# the villages list opens on the first village in name order
village=$(sqlite3 demo.db "SELECT id FROM village WHERE archived = 0 ORDER BY sort_key, id LIMIT 1")
vname=$(sqlite3 demo.db "SELECT name FROM village WHERE id = $village")
secretary=$(sqlite3 demo.db "SELECT branch_secretary FROM village WHERE id = $village")
keys 4
wait_for "Bí thư"
keys F4
wait_for "Sửa thông tin thôn"
wait_for "$vname"
wait_for "$secretary"
keys Tab Tab Tab
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
    keys BSpace
done
wait_gone "$secretary"
type_text "Rơ Mah Thuận"
keys F2
wait_for "Đã lưu"
wait_for "Rơ Mah Thuận"
keys F10
wait_for "[exited]"
stop
vid=$village
row=$(sqlite3 demo.db "SELECT org, committee_role, village_id, coalesce(school_id, 0), phone, login FROM member WHERE full_name = 'Siu H''Plam'")
[ "$row" = "women|secretary|$vid|0|0912 345 678|plam.siu" ] || fail "saved member: '$row'"
[ "$(sqlite3 demo.db "SELECT count(*) FROM member")" = $((members + 1)) ] ||
    fail "not exactly one member added"
[ "$(sqlite3 demo.db "SELECT branch_secretary FROM village WHERE id = $village")" = "Rơ Mah Thuận" ] ||
    fail "the new secretary was not saved"
audit=$(sqlite3 demo.db "SELECT a.old || '|' || a.new FROM audit a JOIN village v ON v.uid = a.row_uid WHERE v.id = $village AND a.action = 'update' AND a.field = 'branch_secretary'")
[ "$audit" = "$secretary|Rơ Mah Thuận" ] || fail "audit of the change: '$audit'"
[ "$(sqlite3 demo.db 'PRAGMA integrity_check')" = ok ] || fail "integrity"
