# Sponsors' results: each sponsor's pupils in the school year, with their
# status and attendance when the sponsorship started (or the school year
# did) and now.  Lan sponsors Y Blin from September and Y Thuân from
# 15/10; Hlin sponsored A Sình from 01/10 until 10/11 (ended), who dropped
# out on 15/11.  October's and November's sheets give the attendance.
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv
$HD import households $D/households.csv
$HD import schools $D/newyear-schools.csv
$HD import members $D/newyear-members.csv
$HD import children $D/newyear-children.csv
$HD import attendance $D/attendance-2026-10.csv 2>/dev/null
$HD import attendance $D/attendance-2026-11.csv
$HD assign 24999-C4 24999-M2 --sponsor --from 01/09/2026 --reason "GV chủ nhiệm"
$HD assign 24999-C5 24999-M2 --sponsor --from 15/10/2026 --reason "GV chủ nhiệm"
$HD assign 24999-C8 24999-M1 --sponsor --from 01/10/2026 --reason "cùng thôn"
$HD assign --end 24999-A3 --reason "chuyển công tác" --date 10/11/2026
$HD import children $D/children-causes.csv
echo "--- printed (the page's blank lines left out)"
$HD print sponsors --month 11/2026 | grep -v '^ *$'
echo "--- CSV of October"
$HD print sponsors --month 10/2026 --to csv oct.csv
cat oct.csv
echo "--- August: before the school year, nobody"
$HD print sponsors --month 08/2026 --to csv aug.csv
cat aug.csv
