# The same program on the terminals communes have: the Linux console and
# vt100 (no function keys past F4: the control-key twins work), monochrome,
# and --ascii for fonts without Vietnamese letters.  Ctrl-C leaves cleanly.
start "TERM=vt100 $HD --db demo.db --mono"
wait_for "Năm học"
keys 1
wait_for "Họ và tên"
keys C-x
wait_for "[exited]"

start "TERM=linux NO_COLOR=1 $HD --db demo.db --ascii"
wait_for "Nam hoc 2026-2027"
screen | grep -q "Năm học" && fail "--ascii still shows diacritics"
keys 2
wait_for "Chu ho"
type_text "đức"
wait_for "Tim: duc"
keys C-c
wait_for "[exited]"

# another user's change shows without a key pressed
start "$HD --db demo.db"
wait_for "Năm học"
keys 2
wait_for "Chủ hộ"
type_text "zzz"
wait_for "0 hộ"
printf 'Chủ hộ,Thôn\nZzz Hờ A Lử,Thôn 1\n' > more.csv
"$HD" --db demo.db import households more.csv >/dev/null || fail "import"
wait_for "Zzz Hờ A Lử" 3
keys F10
wait_for "[exited]"
stop
