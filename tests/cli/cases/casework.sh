# Case work from the command line: assignments and reassignment, home
# visits (one brings a child back to school), commitments, reports, and
# what is due.  Today is 24/11/2026; every refusal says why and saves nothing.
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv
$HD import households $D/households.csv
cat > children.csv <<'CSV'
Họ và tên,Giới tính,Ngày sinh,Chủ hộ,Thôn,Trường,Cấp học,Khối,Lớp,Tình trạng,Ngày tình trạng
Nguyễn Thị Ánh Đào,Nữ,05/03/2015,Nguyễn Văn Ba,Thôn 1,TH Ia Dom,Tiểu học,5,5A,đang học,05/09/2026
Rơ Châm H'Nga,nu,2013,Rơ Châm Khoa,Làng Ia Bang,THCS Ia Dom,THCS,7,7B,bỏ học,02/11/2026
Ksor Y Thuân,Nam,12/12/2012,Ksor Nhiên,Plei Kép,THCS Ia Dom,THCS,8,8A,nguy cơ,01/10/2026
Mùa Thị Dợ,Nữ,2016,Mùa A Páo,Thôn 10,TH Ia Dom,Tiểu học,4,4B,nguy cơ,20/11/2026
Le Van Ðức,Nam,2011,Lê Thị Đức,Thôn 2,THCS Ia Dom,THCS,9,9A,nguy cơ,15/09/2026
CSV
cat > members.csv <<'CSV'
Họ và tên,Đơn vị,Chức vụ trong BCĐ,Thôn,Trường,Điện thoại,Lưu trữ
Rơ Mah Hlin,UBND xã,Trưởng ban,Làng Ia Bang,,0905 111 222,
Nguyễn Thị Lan,Nhà trường,Thành viên,Thôn 1,THCS Ia Dom,,
Ksor Y Bhăm,Đoàn Thanh niên,Thành viên,Plei Kép,,,
Lò Thị Mai,Hội Phụ nữ,Thành viên,Thôn 10,,,
Trần Văn Cũ,Nhà trường,Thành viên,Thôn 2,,,x
CSV
$HD import children children.csv
$HD import members members.csv
echo "--- at risk with no one assigned, and whom to propose"
$HD unassigned
$HD suggest 24999-H3
$HD suggest 24999-C3 --limit 2
echo "--- assignments: an archived member is refused; one lead per household"
$HD assign 24999-H3 24999-M5
$HD assign 24999-H3 24999-M3 --from 01/11/2026 --reason "cùng thôn"
$HD assign 24999-H3 24999-M2
$HD assign 24999-H3 24999-M2 --from 20/10/2026 --reason "chuyển công tác"
$HD assign 24999-H3 24999-M2 --from 20/11/2026 --reason "chuyển công tác"
$HD assign 24999-H3 24999-M4 --support
$HD assign 24999-H3 24999-M4 --support
$HD assign 24999-C4 24999-M4 --sponsor
$HD assign 24999-V1 24999-M2 --season "mùa mưa" --from 01/09/2026 --until 30/11/2026
$HD assign 24999-H3 24999-M1 --from 25/11/2026
$HD assign 24999-H9 24999-M1
$HD assign --history 24999-H3
$HD assign --end 24999-A3 --reason "chuyển sang thôn khác" --date 01/10/2026
$HD assign --end 24999-A3 --reason "chuyển sang thôn khác"
$HD assign --end 24999-A3 --reason "lần nữa"
$HD assign --history 24999-M4
echo "--- visits: future dates and follow-ups before the visit are refused"
$HD visit add --household 24999-H3 --members 24999-M2 --date 25/11/2026 --outcome promised
$HD visit add --household 24999-H3 --members 24999-M2 --date 20/11/2026 --outcome promised --next 19/11/2026
$HD visit add --household 24999-H3 --members 24999-M2 --date 20/11/2026 --outcome maybe
$HD visit add --household 24999-H3 --date 20/11/2026 --outcome promised
$HD visit add --household 24999-H3 --members 24999-M2,24999-M4 --date 20/11/2026 --outcome "gia đình hứa" --children 24999-C3 --purpose "vận động Thuân đi học lại" --support "3 đủ, học bổng" --next 01/12/2026
echo "--- two members record visits to one household the same day: both kept"
$HD visit add --household 24999-H4 --members 24999-M4 --date 23/11/2026 --outcome not_home --next 25/11/2026
$HD visit add --household 24999-H4 --members 24999-M1 --date 23/11/2026 --outcome refused --notes "bố đi rẫy"
$HD visit list 24999-H4
echo "--- a visit that brings a child back writes the status history"
$HD visit add --household 24999-H2 --members 24999-M1 --date 21/11/2026 --outcome returned
$HD visit add --household 24999-H2 --members 24999-M1 --date 21/11/2026 --outcome returned --children 24999-C3
$HD visit add --household 24999-H2 --members 24999-M1 --date 21/11/2026 --outcome returned --children 24999-C2 --notes "H'Nga trở lại lớp 7B"
$HD visit add --household 24999-H2 --members 24999-M1 --date 22/11/2026 --outcome returned --children 24999-C2
$HD export children | grep "H'Nga"
$HD visit list 24999-C2
echo "--- commitments"
$HD commit add --household 24999-H3 --child 24999-C3 --date 20/11/2026 --family-signer "Ksor Nhiên" --school-signer "Nguyễn Thị Lan" --family "cho Thuân đi học đều" --review 15/11/2026
$HD commit add --household 24999-H3 --child 24999-C2 --date 20/11/2026 --family-signer "Ksor Nhiên" --school-signer "Nguyễn Thị Lan" --family "cho Thuân đi học đều"
$HD commit add --household 24999-H3 --child 24999-C3 --visit 24999-T1 --date 20/11/2026 --family-signer "Ksor Nhiên" --school-signer "Nguyễn Thị Lan" --family "cho Thuân đi học đều" --school "miễn học phí" --review 30/11/2026
$HD commit add --household 24999-H4 --date 10/11/2026 --family-signer "Mùa A Páo" --school-signer "Lò Thị Mai" --family "không cho Dợ lên rẫy" --review 20/11/2026
$HD commit status 24999-K1 kept
$HD commit status 24999-K1 active --note "?"
$HD commit status 24999-K1 kept --note "Thuân đi học đủ" --date 19/11/2026
$HD commit status 24999-K1 kept --note "Thuân đi học đủ"
$HD commit show 24999-K1
echo "--- reports received"
$HD report add --date 10/11/2026 --child 24999-C5 --text "Đức không đến lớp hai tuần" --reporter "cô giáo chủ nhiệm"
$HD report add --date 19/11/2026 --household 24999-H2 --text "H'Nga đi làm thuê"
$HD report add --date 23/11/2026 --household 24999-H1 --text "Đào hay nghỉ"
$HD report add --date 23/11/2026 --text "?"
$HD report overdue
echo "--- due and overdue, for the committee and for one member"
$HD due
$HD due --overdue
$HD due --member 24999-M4
$HD due --member 24999-M9
$HD load
$HD check
