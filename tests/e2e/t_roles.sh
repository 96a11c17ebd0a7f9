# Roles in the terminal interface.  A viewer reads, and every form is
# refused before it opens, with the reason on the status line; a member
# opens the visit form for a household assigned to them and is refused it
# (and the registry's forms) for another.  Both come in as the shared
# account's forced command does: --user, in an SSH session.
q() { sqlite3 demo.db "$1"; }
me=$(id -un)
viewer=$(q "SELECT login FROM member WHERE user_role = 'viewer' ORDER BY id LIMIT 1")
member=$(q "SELECT login FROM member WHERE user_role = 'member' AND login <> '' ORDER BY id LIMIT 1")
[ -n "$viewer" ] && [ -n "$member" ] || fail "the demo has no viewer or no member"
# two households with no one assigned (the demo assigns some), whose
# heads' names no other head's starts with
pick="SELECT h.uid || '|' || h.fold || '|' || h.head_name FROM household h
      WHERE h.archived = 0 AND NOT EXISTS (SELECT 1 FROM household o
      WHERE o.id <> h.id AND o.fold LIKE h.fold || '%')
      AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id)
      ORDER BY h.sort_key"
IFS='|' read -r mine mine_typed mine_head <<EOT
$(q "$pick LIMIT 1")
EOT
IFS='|' read -r other other_typed other_head <<EOT
$(q "$pick LIMIT 1 OFFSET 1")
EOT
"$HD" --db demo.db assign "$mine" "$(q "SELECT uid FROM member WHERE login = '$member'")" \
    >/dev/null || fail "could not assign the member"
"$HD" --db demo.db user shared "$me" >/dev/null || fail "could not name the shared account"
visits=$(q "SELECT count(*) FROM visit")
as() { start "SSH_CONNECTION='192.0.2.1 50000 192.0.2.2 22' $HD --db demo.db --user $1"; }

as "$viewer"
wait_for "Năm học"
wait_for "$viewer"
keys 2
wait_for "Chủ hộ"
# the key bar offers a viewer nothing a viewer may not do
bar=$(screen | tail -1)
case "$bar" in *"F2 Thêm"*|*"F4 Sửa"*|*"F9 Thăm"*) fail "the viewer's key bar: $bar" ;; esac
keys F2
wait_for "Không được phép: sửa hồ sơ"
keys F9
wait_for "Không được phép: ghi lần thăm"
keys Escape
wait_for "Năm học"
keys 1
wait_for "Năm sinh"
keys Enter
wait_for "Lịch sử tình trạng"
keys F8
wait_for "Không được phép: sửa hồ sơ"
screen | grep -qF "Hồ sơ và lịch sử vẫn được giữ" && fail "the viewer was asked to confirm an archive"
# the month and the documents: read, but not closed, printed or saved
keys Escape Escape
wait_for "Năm học"
keys e
wait_for "Tháng 11/2026: chưa chốt"
keys k
wait_for "Không được phép"
screen | grep -qF "Chốt tháng 11/2026?" && fail "the viewer was asked to close the month"
keys Escape p
wait_for "Bảng đánh giá chi bộ"
keys 3
wait_for "DANH SÁCH HỌC SINH CÓ NGUY CƠ BỎ HỌC"
keys f
wait_for "Không được phép"
[ -e at-risk-2026-11.pdf ] && fail "the viewer saved a PDF"
keys F10
wait_for "[exited]"
[ "$(q "SELECT count(*) FROM month_snapshot")" = 0 ] || fail "the viewer closed a month"

as "$member"
wait_for "Năm học"
keys 2
wait_for "Chủ hộ"
type_text "$other_typed"
wait_for "1 hộ"
keys F9
wait_for "Không được phép: thành viên chỉ ghi"
keys F5
wait_for "Không được phép: sửa hồ sơ"
keys F10
wait_for "[exited]"

as "$member"
wait_for "Năm học"
keys 2
wait_for "Chủ hộ"
type_text "$mine_typed"
wait_for "1 hộ"
keys F9
wait_for "Thăm gia đình hộ $mine_head"
keys Escape
wait_gone "Thăm gia đình hộ $mine_head"
keys F10
wait_for "[exited]"
[ "$(q "SELECT count(*) FROM visit")" = "$visits" ] || fail "a refused form saved a visit"
stop
