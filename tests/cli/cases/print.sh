# Printed documents: the at-risk and dropout lists in the administrative
# format (text for 80 and 132 columns, CSV, PDF read back with pdftotext).
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv >/dev/null
$HD import households $D/households.csv >/dev/null
cat > children.csv <<'CSV'
Họ và tên,Giới tính,Ngày sinh,Chủ hộ,Thôn,Trường,Cấp học,Khối,Lớp,Tình trạng,Ngày tình trạng,Nguy cơ
Nguyễn Thị Ánh Đào,Nữ,05/03/2015,Nguyễn Văn Ba,Thôn 1,TH Ia Dom,Tiểu học,5,5A,đang học,05/09/2026,
Rơ Châm H'Nga,nu,2013,Rơ Châm Khoa,Làng Ia Bang,THCS Ia Dom,THCS,7,7B,bỏ học,02/11/2026,hộ nghèo
Ksor Y Thuân,Nam,12/12/2012,Ksor Nhiên,Plei Kép,THCS Ia Dom,THCS,8,8A,nguy cơ,01/10/2026,bố mẹ đi làm ăn xa
Mùa Thị Dợ,Nữ,2016,Mùa A Páo,Thôn 10,TH Ia Dom,Tiểu học,4,4B,nguy cơ,20/11/2026,
Le Van Ðức,Nam,2011,Lê Thị Đức,Thôn 2,THCS Ia Dom,THCS,9,9A,nguy cơ,15/09/2026,
CSV
cat > members.csv <<'CSV'
Họ và tên,Đơn vị,Chức vụ trong BCĐ,Thôn,Trường,Điện thoại,Lưu trữ
Rơ Mah Hlin,UBND xã,Trưởng ban,Làng Ia Bang,,0905 111 222,
Nguyễn Thị Lan,Nhà trường,Thành viên,Thôn 1,THCS Ia Dom,,
CSV
$HD import children children.csv >/dev/null
$HD import members members.csv >/dev/null
$HD assign 24999-C3 24999-M2 --sponsor >/dev/null
# Short pages, so the table header repeats; a printer that saves the text.
sed 's/^ui = /print = { lines_per_page = 20; command = "cat > printed.txt"; input = "text"; };\nui = /' \
    $ROOT/tests/cli/test.cfg > print.cfg
sed 's/^ui = /print = { lines_per_page = 20; command = "cat > printed.pdf"; };\nui = /' \
    $ROOT/tests/cli/test.cfg > pdfprint.cfg
sed 's/^ui = /print = { command = "exit 3"; };\nui = /' $ROOT/tests/cli/test.cfg > broken.cfg
export HUYDONG_CONFIG=$PWD/print.cfg
echo "--- the at-risk list on standard output (80 columns)"
$HD print at-risk --month 2026-11
echo "--- the dropout list, 132 columns, into a file"
$HD print dropouts --month 11/2026 --width 132 --to text dropouts.txt
cat dropouts.txt
echo "--- the dropout list of October: no one yet"
$HD print dropouts --month 2026-10 --to csv oct.csv
cat oct.csv
echo "--- CSV of the same rows"
$HD print at-risk --to csv at-risk.csv
cat at-risk.csv
echo "--- PDF: one sheet per page of text"
$HD print at-risk --to pdf at-risk.pdf
pdfinfo at-risk.pdf | grep "^Pages:"
echo "--- the printer command gets the text; its failure is reported"
$HD print at-risk --to printer
grep -c "Trang 2/2" printed.txt
echo "--- by default the printer command reads the PDF"
$HD -c pdfprint.cfg print at-risk --to printer
pdfinfo printed.pdf | grep "^Pages:"
pdftotext printed.pdf - | grep -c "Thuân"
$HD -c broken.cfg print at-risk --to printer
echo "--- errors"
$HD print
$HD print minutes
$HD print at-risk --width 100
$HD print at-risk --to pdf
$HD print at-risk --to fax x
$HD print at-risk --month 13/2026
