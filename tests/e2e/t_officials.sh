# Children of officials: on the households list, ^B opens the form of the
# positions the selected household holds; ticking "Đảng viên" without
# naming who holds it is refused at save, nothing saved; with the holder
# it is saved (audited).  The household's child at risk then shows on the
# list of officials' children (o), and ^B again shows what was saved.
q() { sqlite3 demo.db "$1"; }
# a household with a child at risk whose head's name no other head's
# starts with (the search finds it alone)
hh=$(q "SELECT h.id FROM household h WHERE h.archived = 0
        AND EXISTS (SELECT 1 FROM child c WHERE c.household_id = h.id AND c.archived = 0
                    AND c.status = 'at_risk')
        AND NOT EXISTS (SELECT 1 FROM household o WHERE o.id <> h.id AND o.fold LIKE h.fold || '%')
        ORDER BY h.sort_key LIMIT 1")
[ -n "$hh" ] || fail "the demo has no such household"
head=$(q "SELECT head_name FROM household WHERE id = $hh")
typed=$(q "SELECT fold FROM household WHERE id = $hh")
kid=$(q "SELECT full_name FROM child WHERE household_id = $hh AND status = 'at_risk'
         AND archived = 0 ORDER BY sort_key LIMIT 1")

start "$HD --db demo.db"
wait_for "Năm học 2026-2027"
keys o
wait_for "0 con em cán bộ, đảng viên bỏ học hoặc có nguy cơ, đến tháng 11/2026"
keys Escape
wait_for "Năm học 2026-2027"
keys 2
wait_for "Chủ hộ"
type_text "$typed"
wait_for "1 hộ"
keys C-b
wait_for "Chức vụ trong hộ $head"
# the positions: the cursor on the first (Cán bộ); Right to Đảng viên, Space
keys Right Space
keys F2
wait_for "người giữ chức vụ: không được để trống"
[ "$(q 'SELECT count(*) FROM household_position')" = 0 ] || fail "saved without a holder"
# the cursor is on the field at fault
type_text "Bố: đảng viên, trưởng thôn"
keys F2
wait_for "Đã lưu"
[ "$(q "SELECT positions || '|' || holder FROM household_position WHERE household_id = $hh")" = "2|Bố: đảng viên, trưởng thôn" ] ||
    fail "the positions were not saved"
[ "$(q "SELECT count(*) FROM audit WHERE tbl = 'household_position'")" = 1 ] || fail "not audited"
keys C-b
wait_for "Bố: đảng viên, trưởng thôn"
keys Escape
wait_for "1 hộ"
keys Escape
keys Escape
wait_for "Năm học 2026-2027"
keys o
wait_for "con em cán bộ, đảng viên bỏ học hoặc có nguy cơ, đến tháng 11/2026"
wait_for "$kid"
wait_for "hộ $head: Đảng viên — Bố: đảng viên, trưởng thôn"
keys Escape
wait_for "Năm học 2026-2027"
keys F10
wait_for "[exited]"
stop
