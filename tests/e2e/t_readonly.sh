# A user who may not write the database (the file 0444 in a folder they
# cannot write, the WAL files gone): the interface still opens, read only,
# says so on its status line, shows the lists, and a save says the
# database is read-only.  Needs root, to be another user (nobody).
if [ "$(id -u)" -ne 0 ] || ! id nobody >/dev/null 2>&1; then
    echo "e2e: $E2E_NAME needs root and the user nobody; skipped"
    return 0 2>/dev/null || exit 0
fi
ro=$(mktemp -d)
cp demo.db "$ro/demo.db"
"$HD" --db "$ro/demo.db" user add nobody --role secretary >/dev/null || fail "user nobody"
villages=$(sqlite3 "$ro/demo.db" "SELECT count(*) FROM village")
chmod 0755 "$ro"
chmod 0444 "$ro/demo.db"
start "su nobody -s /bin/sh -c '$HD --db $ro/demo.db'"
wait_for "Năm học 2026-2027"
wait_for "Chỉ đọc"
keys 4
wait_for "Bí thư"
wait_for "$villages thôn"
keys F2
wait_for "Thêm thôn mới"
type_text "Thôn Không Lưu"
keys F2
wait_for "chỉ cho phép đọc"
keys Escape Escape Escape
keys F10
wait_for "[exited]"
[ "$(sqlite3 "$ro/demo.db" "SELECT count(*) FROM village")" = "$villages" ] ||
    fail "a village was saved into a read-only database"
stop
rm -rf "$ro"
