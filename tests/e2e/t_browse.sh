# Open the demo commune, search a name typed without accents, open a
# household's children, survive a resize below 80x24 and back, quit.
start "$HD --db demo.db"
wait_for "Tiểu học"
wait_for "THCS"
keys 1
wait_for "Họ và tên"
type_text "nguyen thi"
wait_for "Tìm: nguyen thi"
wait_for "Nguyễn Thị"
# every line shown is a Nguyễn with a word starting "thi" (Thị, Thiện…)
others=$(screen | sed -n '4,22p' | grep -v '^ *$' | grep -v 'Nguyễn' | wc -l)
[ "$others" -eq 0 ] || fail "search 'nguyen thi' shows other names"
keys Escape
wait_for "Tìm: "
keys Tab
wait_for "Chủ hộ"
type_text "ksor"
wait_for "Ksor"
keys Enter
wait_for "Năm sinh"
resize 60 20
wait_for "60x20"
resize 80 25
wait_for "Năm sinh"
keys F10
wait_for "[exited]"
stop
# nothing was written by browsing
[ "$(sqlite3 demo.db 'SELECT count(*) FROM child')" = 300 ] || fail "children changed"
