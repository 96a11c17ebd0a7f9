# "My agenda": the member whose login is the user's opens with key 8.
start "$HD --db demo.db"
wait_for "Năm học"
keys 8
wait_for "Không có thành viên nào"
keys F10
wait_for "[exited]"
me=$(id -un)
uid=$(sqlite3 demo.db "SELECT uid FROM member ORDER BY id LIMIT 1")
name=$(sqlite3 demo.db "SELECT full_name FROM member ORDER BY id LIMIT 1")
printf 'Mã,Họ và tên,Tên đăng nhập\n%s,%s,%s\n' "$uid" "$name" "$me" > me.csv
"$HD" --db demo.db import members me.csv >/dev/null || fail "import of the login"
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
