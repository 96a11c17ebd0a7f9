# A record's history (F12): a village whose branch secretary was changed by
# an import shows the change (field, old → new, who) under its creation; a
# child's history shows its status entries; Esc goes back.
q() { sqlite3 demo.db "$1"; }
me=$(id -un)
village=$(q "SELECT id FROM village WHERE archived = 0 ORDER BY sort_key, id LIMIT 1")
vuid=$(q "SELECT uid FROM village WHERE id = $village")
vname=$(q "SELECT name FROM village WHERE id = $village")
old=$(q "SELECT branch_secretary FROM village WHERE id = $village")
printf 'Mã,Tên thôn,Bí thư chi bộ\n%s,%s,Nguyễn Văn Mới\n' "$vuid" "$vname" > v.csv
"$HD" --db demo.db import villages v.csv >/dev/null || fail "the import of the village"
start "$HD --db demo.db"
wait_for "Năm học 2026-2027"
keys 4
wait_for "Bí thư"
keys F12
wait_for "Lịch sử thay đổi của $vname ($vuid)"
wait_for "Bí thư chi bộ: $old → Nguyễn Văn Mới"
screen | grep -F "Bí thư chi bộ: $old" | grep -qF " $me " || fail "the change does not say who"
wait_for "thêm"
wait_for "2 thay đổi"
keys Escape
wait_for "Bí thư"
# a child: its status entries are part of its history
child=$(q "SELECT id FROM child WHERE archived = 0 AND (SELECT count(*) FROM child_status s
           WHERE s.child_id = child.id) >= 2 ORDER BY sort_key LIMIT 1")
cname=$(q "SELECT full_name FROM child WHERE id = $child")
ctyped=$(q "SELECT fold FROM child WHERE id = $child")
keys Escape
wait_for "Năm học 2026-2027"
keys 1
wait_for "Năm sinh"
type_text "$ctyped"
wait_for "$cname"
keys Enter
wait_for "Lịch sử tình trạng"
keys F12
wait_for "Lịch sử thay đổi của $cname"
wait_for "Lịch sử tình trạng .2: thêm"
keys Escape
wait_for "Lịch sử tình trạng"
keys F10
wait_for "[exited]"
stop
