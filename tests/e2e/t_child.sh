# A child's screen: its status history; a change of status needs its reason
# and shows in the history; archiving asks first, then the child leaves the
# list but keeps its record and history.
start "$HD --db demo.db"
wait_for "Năm học"
keys 1
wait_for "Họ và tên"
type_text "ksor y ngoc"
wait_for "Ksor Y Ngọc"
keys Enter
wait_for "Lịch sử tình trạng"
id=$(sqlite3 demo.db "SELECT id FROM child WHERE full_name = 'Ksor Y Ngọc'")
before=$(sqlite3 demo.db "SELECT count(*) FROM child_status WHERE child_id = $id")
keys F7
wait_for "Tình trạng của Ksor Y Ngọc"
keys Right Right Right
wait_for "< Bỏ học >"
keys Tab Tab F2
wait_for "không được để trống"
type_text "Theo bố mẹ lên rẫy"
keys F2
wait_for "Đã lưu"
wait_for "Theo bố mẹ lên rẫy"
keys F8
wait_for "Lưu trữ Ksor Y Ngọc?"
keys c
wait_for "Đã lưu trữ"
wait_gone "Ksor Y Ngọc"
keys F10
wait_for "[exited]"
stop
after=$(sqlite3 demo.db "SELECT count(*) FROM child_status WHERE child_id = $id")
[ "$after" -eq $((before + 1)) ] || fail "history: $before -> $after entries"
[ "$(sqlite3 demo.db "SELECT status || '|' || archived FROM child WHERE id = $id")" = "dropped_out|1" ] ||
    fail "the child is not dropped out and archived"
[ "$(sqlite3 demo.db "SELECT reason FROM child_status WHERE child_id = $id ORDER BY id DESC LIMIT 1")" = "Theo bố mẹ lên rẫy" ] ||
    fail "reason not saved"
