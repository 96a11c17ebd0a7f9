# Case work from a household, as the issue walks it: find a household with
# a child at risk (its head typed without accents), assign a member as its
# lead, record a home visit whose outcome is "returned" naming that child
# (a follow-up before the visit is refused at its field first), a
# commitment about the child and a sponsor for it; back home, the commune's
# at-risk count has dropped by one.  The database holds each row, audited.
q() { sqlite3 demo.db "$1"; }
# The at-risk figure of a line of the home screen (a level, or "Toàn xã").
at_risk() { screen | grep -F " $1 " | head -1 | sed "s/^ *$1 *//" | awk '{print $4}'; }

# the first household (by name) with exactly one child at risk and no case
# work yet (the demo has some), whose head's name no other head's starts
# with, so the search finds it alone
hh=$(q "SELECT h.id FROM household h WHERE h.archived = 0
        AND (SELECT count(*) FROM child c WHERE c.household_id = h.id AND c.archived = 0
             AND c.status = 'at_risk') = 1
        AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id
             OR a.child_id IN (SELECT id FROM child WHERE household_id = h.id))
        AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id)
        AND NOT EXISTS (SELECT 1 FROM household o WHERE o.id <> h.id AND o.fold LIKE h.fold || '%')
        ORDER BY h.sort_key LIMIT 1")
[ -n "$hh" ] || fail "the demo has no household with a child at risk"
head=$(q "SELECT head_name FROM household WHERE id = $hh")
head_typed=$(q "SELECT fold FROM household WHERE id = $hh")
child=$(q "SELECT id FROM child WHERE household_id = $hh AND status = 'at_risk' AND archived = 0")
child_name=$(q "SELECT full_name FROM child WHERE id = $child")
child_typed=$(q "SELECT fold FROM child WHERE id = $child")
level=$(q "SELECT CASE level WHEN 'primary' THEN 'Tiểu học' WHEN 'lower_secondary' THEN 'THCS'
           WHEN 'upper_secondary' THEN 'THPT' ELSE 'GDTX' END FROM child WHERE id = $child")

start "$HD --db demo.db"
wait_for "Năm học 2026-2027"
commune_before=$(at_risk "Toàn xã")
level_before=$(at_risk "$level")

# F5 on the selected household: the first suggestion, as lead, from today
keys 2
wait_for "Chủ hộ"
type_text "$head_typed"
wait_for "1 hộ"
keys F5
wait_for "Phân công phụ trách hộ $head"
wait_for "< Phụ trách chính >"
keys F2
wait_for "Đã lưu"
lead_id=$(q "SELECT member_id FROM assignment WHERE household_id = $hh")
lead=$(q "SELECT full_name FROM member WHERE id = $lead_id")
[ -n "$lead" ] || fail "no assignment saved"

# the household's children; the one at risk found by typing
keys Enter
wait_for "Hộ $head"
type_text "$child_typed"
wait_for "1 trẻ"
wait_for "Nguy cơ bỏ học"

# ^V: a visit; the lead is ticked, and so is the child at risk
keys C-v
wait_for "Thăm gia đình hộ $head"
wait_for "$lead"
wait_for "$child_name"
keys Tab Tab Tab Tab Right
wait_for "< Trẻ đã trở lại lớp >"
keys Tab Tab Tab
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "01/11/2026"
keys F2
wait_for "01/11/2026 trước ngày thăm (24/11/2026)"
wait_for "hẹn thăm lại: 01/11/2026"
[ "$(q "SELECT count(*) FROM visit WHERE household_id = $hh")" = 0 ] || fail "a visit was saved from a wrong form"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "01/12/2026"
keys BTab BTab BTab BTab
type_text "Vận động cháu trở lại lớp"
keys F2
wait_for "Đã lưu"
wait_for "Trở lại lớp"
wait_gone "Nguy cơ bỏ học"

# ^O: a commitment about the child under the cursor
keys C-o
wait_for "Cam kết với hộ $head"
wait_for "< cả hộ >"
keys Right
wait_for "< $child_name >"
keys Tab Tab Tab Tab
type_text "Cho cháu đi học đều"
keys F2
wait_for "Đã lưu"

# ^D: a sponsor (đỡ đầu) for the child
keys C-d
wait_for "Người đỡ đầu cho $child_name"
wait_for "< Đỡ đầu >"
keys F2
wait_for "Đã lưu"

# home again: Esc clears each search, then closes its list
keys Escape
wait_for "$(q "SELECT count(*) FROM child WHERE household_id = $hh AND archived = 0") trẻ"
keys Escape
wait_for "Chủ hộ"
keys Escape
wait_for "$(q 'SELECT count(*) FROM household WHERE archived = 0') hộ"
keys Escape
wait_for "Năm học 2026-2027"
commune_after=$(at_risk "Toàn xã")
level_after=$(at_risk "$level")
[ "$commune_after" -eq $((commune_before - 1)) ] ||
    fail "at risk in the commune: $commune_before -> $commune_after"
[ "$level_after" -eq $((level_before - 1)) ] || fail "at risk in $level: $level_before -> $level_after"
keys F10
wait_for "[exited]"
stop

# the lead: open, audited
a=$(q "SELECT uid || '|' || role || '|' || start_date || '|' || coalesce(end_date, '')
       FROM assignment WHERE household_id = $hh")
auid=${a%%|*}
[ "${a#*|}" = "lead|2026-11-24|" ] || fail "assignment: '$a'"
# the visit, its member and child, and the child back in school by it
v=$(q "SELECT uid || '|' || date || '|' || outcome || '|' || next_followup || '|' || purpose
       FROM visit WHERE household_id = $hh")
vuid=${v%%|*}
[ "${v#*|}" = "2026-11-24|returned|2026-12-01|Vận động cháu trở lại lớp" ] || fail "visit: '$v'"
[ "$(q "SELECT group_concat(member_id) FROM visit_member x JOIN visit v ON v.id = x.visit_id
        WHERE v.uid = '$vuid'")" = "$lead_id" ] || fail "the visit's members"
[ "$(q "SELECT group_concat(child_id) FROM visit_child x JOIN visit v ON v.id = x.visit_id
        WHERE v.uid = '$vuid'")" = "$child" ] || fail "the visit's children"
[ "$(q "SELECT status FROM child WHERE id = $child")" = returned ] || fail "the child's status"
[ "$(q "SELECT status || '|' || date || '|' || source FROM child_status WHERE child_id = $child
        ORDER BY id DESC LIMIT 1")" = "returned|2026-11-24|visit:$vuid" ] ||
    fail "the child's history"
for uid in "$auid" "$vuid"; do
    [ "$(q "SELECT count(*) FROM audit WHERE row_uid = '$uid' AND action = 'insert'")" = 1 ] ||
        fail "no audit line for $uid"
done
# the commitment about the child, and its sponsor
[ "$(q "SELECT child_id || '|' || family_signer || '|' || school_signer || '|' || family_commits
        FROM commitment WHERE household_id = $hh")" = "$child|$head|$lead|Cho cháu đi học đều" ] ||
    fail "commitment"
[ "$(q "SELECT count(*) FROM assignment WHERE child_id = $child AND role = 'sponsor'
        AND end_date IS NULL")" = 1 ] || fail "no sponsor"
[ "$(q 'PRAGMA integrity_check')" = ok ] || fail "integrity"
