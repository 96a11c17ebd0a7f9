# The named lists on screen: the causes of dropout and risk (n) and the
# cultured-family review (f), for the running month, as the demo commune's
# histories give them; - goes back a month; Enter on a family opens the
# household's children.
q() { sqlite3 demo.db "$1"; }
# the first line of the family list: the demo has no attendance and every
# child of school age has a level, so it is the first child out of school
# (village, household, child order)
[ "$(q "SELECT count(*) FROM child WHERE level IS NULL AND archived = 0
       AND 2026 - birth_year BETWEEN 6 AND 17")" = 0 ] || fail "the demo has a child never enrolled"
dropped=$(q "SELECT c.full_name FROM child c JOIN household h ON h.id = c.household_id
             JOIN village v ON v.id = h.village_id
             WHERE c.archived = 0 AND c.status = 'dropped_out'
             AND 2026 - c.birth_year BETWEEN 6 AND 17
             ORDER BY v.sort_key, h.sort_key, h.id, c.sort_key LIMIT 1")
[ -n "$dropped" ] || fail "the demo has no child out of school"
# a village with a dropout this school year (the causes list)
village=$(q "SELECT v.name FROM child c JOIN household h ON h.id = c.household_id
             JOIN village v ON v.id = h.village_id WHERE c.status = 'dropped_out'
             AND c.status_date >= '2026-09-01' ORDER BY v.sort_key LIMIT 1")
[ -n "$village" ] || fail "the demo has no dropout this school year"

start "$HD --db demo.db"
wait_for "Năm học 2026-2027"
keys b
wait_for "Nguyên nhân bỏ học, nguy cơ bỏ học, đến tháng 11/2026"
wait_for "$village ·"
keys End
wait_for "Toàn xã · Tổng"
keys -
wait_for "đến tháng 10/2026"
keys Escape
wait_for "Năm học 2026-2027"
keys f
wait_for "trẻ trong độ tuổi không đi học hoặc nghỉ nhiều, đến tháng 11/2026"
wait_for "$dropped"
wait_for "không đi học (bỏ học)"
head=$(q "SELECT h.head_name FROM child c JOIN household h ON h.id = c.household_id
          WHERE c.full_name = '$dropped' LIMIT 1")
keys Enter
wait_for "Hộ $head"
wait_for "$dropped"
keys Escape Escape
wait_for "Năm học 2026-2027"

# sponsors' results: a member sponsors a child at risk from 01/10 (from
# the command line while the screen is open: it reads again)
kid=$(q "SELECT uid FROM child WHERE status = 'at_risk' AND archived = 0
         AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.child_id = child.id)
         ORDER BY sort_key LIMIT 1")
kid_name=$(q "SELECT full_name FROM child WHERE uid = '$kid'")
member=$(q "SELECT uid FROM member WHERE archived = 0 ORDER BY sort_key LIMIT 1")
member_name=$(q "SELECT full_name FROM member WHERE uid = '$member'")
before=$(q "SELECT count(*) FROM assignment WHERE role = 'sponsor' AND archived = 0")
"$HD" --db demo.db assign "$kid" "$member" --sponsor --from 01/10/2026 --reason "GV chủ nhiệm" \
    >/dev/null || fail "the sponsor was not assigned"
keys r
wait_for "$((before + 1)) học sinh được đỡ đầu trong năm học, đến tháng 11/2026"
wait_for "$member_name → $kid_name"
wait_for "→ Nguy cơ bỏ học · chuyên cần - → -"
keys Escape
wait_for "Năm học 2026-2027"

# the support register: a gift recorded from the command line shows, with
# the total; one for an archived child is refused and nothing is added
"$HD" --db demo.db support add "$kid" --kind "quà" --source "Quỹ Tiếp bước đến trường" \
    --what "Xe đạp" --value 1500000 --date 20/11/2026 >/dev/null || fail "support not recorded"
gone=$(q "SELECT uid FROM child WHERE archived = 1 LIMIT 1")
if [ -n "$gone" ]; then
    "$HD" --db demo.db support add "$gone" --kind "quà" --source "X" 2>/dev/null &&
        fail "support recorded for an archived child"
fi
[ "$(q 'SELECT count(*) FROM support')" = 1 ] || fail "the register has a wrong count"
keys t
wait_for "1 lượt hỗ trợ trong năm học đến tháng 11/2026: 1.500.000 đồng"
wait_for "20/11/2026  $kid_name"
wait_for "Quà: Xe đạp · Quỹ Tiếp bước đến trường"
keys Escape
wait_for "Năm học 2026-2027"
# and from the children list: ^U on the child, a scholarship of 500,000 dated
# today; saving without the source is refused first
kid_typed=$(q "SELECT fold FROM child WHERE uid = '$kid'")
keys 1
wait_for "Họ và tên"
type_text "$kid_typed"
wait_for "$kid_name"
keys C-u
wait_for "Hỗ trợ cho em $kid_name"
keys F2
wait_for "Một số ô chưa đúng: chưa lưu gì cả."
[ "$(q 'SELECT count(*) FROM support')" = 1 ] || fail "saved without a source"
wait_for "Hỗ trợ cho em $kid_name"
type_text "Hội Khuyến học xã"
keys Tab
type_text "Học bổng học kỳ I"
keys Tab
type_text "500000"
keys F2
wait_for "Đã lưu"
[ "$(q "SELECT kind || '|' || source || '|' || value || '|' || date FROM support WHERE uid <> (SELECT min(uid) FROM support)")" = "scholarship|Hội Khuyến học xã|500000|2026-11-24" ] ||
    fail "the support form saved something else"
keys Escape
wait_for "300 trẻ"
keys Escape
wait_for "Năm học 2026-2027"
keys t
wait_for "2 lượt hỗ trợ trong năm học đến tháng 11/2026: 2.000.000 đồng"
keys Escape
wait_for "Năm học 2026-2027"

# after grade 9: the pupil recorded as admitted to grade 10 is flagged as
# not turned up while still registered at a lower level
nine=$(q "SELECT uid FROM child WHERE level = 'lower_secondary' AND archived = 0
          AND status = 'enrolled' ORDER BY sort_key LIMIT 1")
nine_name=$(q "SELECT full_name FROM child WHERE uid = '$nine'")
"$HD" --db demo.db leaver set "$nine" --year 2025 --path "vào lớp 10" --admitted \
    --note "Trúng tuyển THPT" >/dev/null || fail "the path was not recorded"
keys y
wait_for "Hết lớp 9 năm học 2025-2026: 1 em; 1 em trúng tuyển lớp 10 chưa nhập học"
wait_for "$nine_name"
wait_for "Vào lớp 10 · trúng tuyển, chưa nhập học"
keys -
wait_for "Hết lớp 9 năm học 2024-2025: 0 em"
keys Escape
wait_for "Năm học 2026-2027"
keys F10
wait_for "[exited]"
stop
