# "My agenda": the member whose login is the user's opens with key 8.  The
# demo gives the chair's login to whoever made it.
me=$(id -un)
name=$(sqlite3 demo.db "SELECT full_name FROM member WHERE login = '$me'")
[ -n "$name" ] || fail "the demo gave no member the login $me"
start "$HD --db demo.db"
wait_for "Năm học"
keys 8
wait_for "$name"
wait_for "Lịch việc"
keys Escape
wait_for "Năm học"
keys 9
wait_for "Khối lượng phụ trách của từng thành viên"
wait_for "$name"
keys F10
wait_for "[exited]"
stop
