# Attendance and early warning, as the issue walks it: open a class's grid
# for November, type the school days once and fill them down, give one
# pupil 5 days absent without leave, 5 in a row (saved only when every row
# is right: a row left without school days is pointed at first); the rules
# propose that pupil; on the proposals screen the committee confirms it
# with a reason, and the household appears among those with no one
# assigned.
q() { sqlite3 demo.db "$1"; }
downs() { i=0; while [ "$i" -lt "$1" ]; do keys Down; i=$((i + 1)); done; }
INSCHOOL="c.archived = 0 AND c.status IN ('enrolled','at_risk','returned')"

# a pupil in school, in the village listed first, whose household has no
# one at risk and no one assigned yet
child=$(q "SELECT c.id FROM child c JOIN household h ON h.id = c.household_id
           WHERE c.archived = 0 AND c.status = 'enrolled' AND c.school_id IS NOT NULL
           AND c.class_name <> ''
           AND h.village_id = (SELECT id FROM village WHERE archived = 0 ORDER BY sort_key LIMIT 1)
           AND NOT EXISTS (SELECT 1 FROM child o WHERE o.household_id = h.id
                           AND o.archived = 0 AND o.status = 'at_risk')
           AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id
                           AND a.end_date IS NULL AND a.archived = 0)
           ORDER BY c.sort_key, c.id LIMIT 1")
[ -n "$child" ] || fail "the demo has no such pupil"
name=$(q "SELECT full_name FROM child WHERE id = $child")
head=$(q "SELECT h.head_name FROM child c JOIN household h ON h.id = c.household_id WHERE c.id = $child")
school=$(q "SELECT school_id FROM child WHERE id = $child")
cls=$(q "SELECT class_name FROM child WHERE id = $child")
# its class's place in the list of classes, its own place in the class
class_idx=$(q "WITH k AS (SELECT s.sort_key AS sk, s.id AS sid, c.class_name AS cn FROM child c
               JOIN school s ON s.id = c.school_id WHERE $INSCHOOL AND c.class_name <> ''
               GROUP BY s.id, c.class_name)
               SELECT count(*) FROM k, (SELECT sort_key AS tk FROM school WHERE id = $school)
               WHERE (sk, sid, cn) < (tk, $school, '$cls')")
pupils=$(q "SELECT count(*) FROM child c WHERE $INSCHOOL AND c.school_id = $school
            AND c.class_name = '$cls'")
row_idx=$(q "SELECT count(*) FROM child c, (SELECT sort_key AS tk FROM child WHERE id = $child)
             WHERE $INSCHOOL AND c.school_id = $school AND c.class_name = '$cls'
             AND (c.sort_key, c.id) < (tk, $child)")
[ "$pupils" -ge 2 ] || fail "the class has one pupil"

start "$HD --db demo.db"
wait_for "Năm học 2026-2027"
wait_for "Chuyên cần: chưa nhập (g)"
keys g
wait_for "Chuyên cần tháng 11/2026: chọn lớp"
downs "$class_idx"
keys Enter
wait_for "Lớp $cls"
wait_for "$name"

# the first row's school days only: saving is refused at the second row
type_text "20"
keys F2
wait_for "Có dòng chưa đúng: chưa lưu gì cả."
wait_for "số ngày học: không được để trống"
[ "$(q 'SELECT count(*) FROM attendance')" = 0 ] || fail "a wrong grid saved rows"
# back to the first row, fill the 20 down, then the pupil's absences
keys Up
downs 0
i=1; while [ "$i" -lt "$pupils" ]; do keys Up; i=$((i + 1)); done
keys F6
downs "$row_idx"
keys Right Right
type_text "5"
keys Tab
type_text "5"
keys F2
wait_for "đề xuất cảnh báo sớm mới (w)"
[ "$(q "SELECT count(*) FROM attendance WHERE month = '2026-11'")" = "$pupils" ] ||
    fail "not every pupil of the class was saved"
[ "$(q "SELECT absent_unexcused || '/' || consecutive FROM attendance WHERE child_id = $child")" = 5/5 ] ||
    fail "the pupil's absences were not saved"
[ "$(q "SELECT status FROM child WHERE id = $child")" = enrolled ] ||
    fail "a proposal changed the status"

# the rates of the month: the pupil's village, then by school, then the
# school year to date (the same: nothing else is entered)
village=$(q "SELECT v.name FROM child c JOIN household h ON h.id = c.household_id
             JOIN village v ON v.id = h.village_id WHERE c.id = $child")
school_name=$(q "SELECT name FROM school WHERE id = $school")
keys %
wait_for "Chuyên cần tháng 11/2026, theo thôn"
wait_for "$village"
keys F3
wait_for "Chuyên cần tháng 11/2026, theo trường"
wait_for "$school_name"
keys Tab
wait_for "Chuyên cần từ đầu năm học đến tháng 11/2026, theo trường"
keys Escape
wait_for "Chuyên cần tháng 11/2026: chọn lớp"

# the proposals, by score: ours is preceded by those scoring more
keys Escape
wait_for "Năm học 2026-2027"
wait_for "cảnh báo chờ xét"
keys w
wait_for "đề xuất chờ Ban chỉ đạo xem xét"
idx=$(q "SELECT count(*) FROM warning w JOIN child c ON c.id = w.child_id,
         (SELECT w2.score AS ts, c2.sort_key AS tk FROM warning w2 JOIN child c2 ON c2.id = w2.child_id
          WHERE w2.child_id = $child)
         WHERE w.status = 'proposed' AND (w.score > ts OR (w.score = ts AND (c.sort_key < tk
               OR (c.sort_key = tk AND c.id < $child)))) AND w.month = '2026-11'")
downs "$idx"
wait_for "vắng 5/20 ngày trong tháng 11/2026; vắng liền 5 ngày"
keys F5
wait_for "Xác nhận: $name có nguy cơ bỏ học"
keys F2
wait_for "Lý do"
[ "$(q "SELECT status FROM warning WHERE child_id = $child")" = proposed ] ||
    fail "a proposal was confirmed without a reason"
type_text "Vắng 5 ngày liền, gia đình lên rẫy"
keys F2
wait_for "Đã lưu"
[ "$(q "SELECT status FROM child WHERE id = $child")" = at_risk ] || fail "the child is not at risk"
[ "$(q "SELECT reason FROM warning WHERE child_id = $child")" = "Vắng 5 ngày liền, gia đình lên rẫy" ] ||
    fail "the reason was not saved"

# the household has no one assigned: it is on that list now
keys Escape
wait_for "Năm học 2026-2027"
keys 7
wait_for "hộ có trẻ nguy cơ bỏ học chưa có ai phụ trách"
wait_for "$head"
keys F10
wait_for "[exited]"
stop
