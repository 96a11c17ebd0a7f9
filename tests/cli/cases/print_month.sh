# The month's papers: the committee list (members with their households,
# the children concerned, commitments, last and next visit), the visit
# schedule, the branch evaluation with its dropout trend, and the monthly
# report; a closed month prints its snapshot, and the PDF's text reads back.
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv >/dev/null
$HD import households $D/households.csv >/dev/null
cat > children.csv <<'CSV'
Họ và tên,Giới tính,Ngày sinh,Chủ hộ,Thôn,Trường,Cấp học,Khối,Lớp,Tình trạng,Ngày tình trạng,Nguy cơ
Nguyễn Thị Ánh Đào,Nữ,05/03/2015,Nguyễn Văn Ba,Thôn 1,TH Ia Dom,Tiểu học,5,5A,đang học,05/09/2026,
Rơ Châm H'Nga,nu,2013,Rơ Châm Khoa,Làng Ia Bang,THCS Ia Dom,THCS,7,7B,bỏ học,02/10/2026,hộ nghèo
Ksor Y Thuân,Nam,12/12/2012,Ksor Nhiên,Plei Kép,THCS Ia Dom,THCS,8,8A,nguy cơ,01/10/2026,bố mẹ đi làm ăn xa
Mùa Thị Dợ,Nữ,2016,Mùa A Páo,Thôn 10,TH Ia Dom,Tiểu học,4,4B,nguy cơ,20/11/2026,
Le Van Ðức,Nam,2011,Lê Thị Đức,Thôn 2,THCS Ia Dom,THCS,9,9A,đang học,05/09/2026,
CSV
cat > members.csv <<'CSV'
Họ và tên,Đơn vị,Chức vụ trong BCĐ,Thôn,Trường,Điện thoại,Lưu trữ
Rơ Mah Hlin,UBND xã,Trưởng ban,Làng Ia Bang,,0905 111 222,
Nguyễn Thị Lan,Nhà trường,Thành viên,Thôn 1,THCS Ia Dom,,
CSV
$HD import children children.csv >/dev/null
$HD import members members.csv >/dev/null
# Rơ Mah Hlin leads the households of H'Nga (out of school) and Thuân (at
# risk); Nguyễn Thị Lan supports Thuân's and sponsors Dợ.
$HD assign 24999-H2 24999-M1 --from 05/10/2026 --reason "cùng thôn" >/dev/null
$HD assign 24999-H3 24999-M1 --from 02/10/2026 --reason "cùng thôn" >/dev/null
$HD assign 24999-H3 24999-M2 --support --from 02/10/2026 --reason "giáo viên chủ nhiệm" >/dev/null
$HD assign 24999-C4 24999-M2 --sponsor >/dev/null
$HD visit add --household 24999-H3 --members 24999-M1,24999-M2 --date 20/11/2026 --outcome promised --children 24999-C3 --next 01/12/2026 >/dev/null
$HD visit add --household 24999-H2 --members 24999-M1 --date 10/10/2026 --outcome refused >/dev/null
$HD commit add --household 24999-H3 --child 24999-C3 --visit 24999-T1 --date 20/11/2026 --family-signer "Ksor Nhiên" --school-signer "Rơ Mah Hlin" --family "cho Thuân đi học đều" --review 20/12/2026 >/dev/null
echo "--- the committee list (132 columns by default)"
$HD print committee --month 2026-11
echo "--- the visit schedule: H2 overdue since its visit, H4 never visited"
$HD print visits --month 2026-11 --width 80
echo "--- the branch evaluation, month open"
$HD print evaluation --month 2026-11
echo "--- the monthly report"
$HD print report --month 2026-11 --to csv report.csv
cat report.csv
echo "--- closed, the evaluation prints the snapshot"
$HD month close 2026-11
$HD print evaluation --month 2026-11 --to csv eval.csv
cat eval.csv
$HD print evaluation --month 2026-11 | grep -c "số liệu đã chốt (lần 1)"
echo "--- the PDF keeps its letters as text"
$HD print committee --to pdf committee.pdf
pdftotext committee.pdf - | grep -c "Rơ Mah Hlin"
pdftotext -layout committee.pdf - | grep -o "Ksor Y Thuân" | head -1
echo "--- the children behind a figure: the same computation as the figure"
$HD month children 2026-11 at_risk
$HD month children 2026-11 at_risk --village "Plei Kép" --level lower_secondary
$HD month children 2026-11 dropouts_year --level primary
$HD month children 2026-11 dropout_rate
$HD month children 2026-11 nothing
$HD month children 2026-11 at_risk --level x
