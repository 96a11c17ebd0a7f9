# The support register: scholarships, gifts ("Tiếp bước đến trường"), books
# and clothes ("3 đủ"), fee exemption, semi-boarding, each with its giver,
# value and date; totals by month, village, source and kind; the printed
# register; and what is refused (an archived child, a negative value, a
# date in the future, no source, an unknown kind), nothing saved.
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv
$HD import households $D/households.csv
$HD import schools $D/newyear-schools.csv
$HD import children $D/newyear-children.csv
$HD import children $D/children-archive.csv
echo "--- recorded"
$HD support add 24999-C4 --kind "học bổng" --source "Hội Khuyến học xã" --what "Học bổng học kỳ I" --value 1000000 --date 15/09/2026
$HD support add 24999-C5 --kind gift --source "Quỹ Tiếp bước đến trường" --what "Xe đạp" --value 1500000 --date 05/10/2026
$HD support add 24999-C8 --kind "3 đủ" --source "Hội Phụ nữ xã" --what "2 bộ quần áo, 10 quyển vở" --value 450000 --date 20/10/2026
$HD support add 24999-C4 --kind "bán trú" --source "Nhân dân thôn Làng Ia Bang" --what "Gạo ăn bán trú dân nuôi, tháng 11" --value 300000 --date 02/11/2026
$HD support add 24999-C8 --kind "miễn học phí" --source "UBND xã" --date 03/11/2026
echo "--- refused"
$HD support add 24999-C11 --kind gift --source "Hội Phụ nữ xã" --value 100000 --date 01/11/2026
$HD support add 24999-C4 --kind gift --source "Hội Phụ nữ xã" --value -5 --date 01/11/2026
$HD support add 24999-C4 --kind gift --source "Hội Phụ nữ xã" --date 01/12/2026
$HD support add 24999-C4 --kind gift --source "  " --date 01/11/2026
$HD support add 24999-C4 --kind "tiền mặt" --source "X" --date 01/11/2026
$HD support add 24999-C99 --kind gift --source "X"
$HD support add 24999-C4 --kind gift --source "X" --value "1tr"
echo "--- the register and its totals"
$HD support list
$HD support list --month 10/2026
$HD support totals
$HD support totals --by village
$HD support totals --by source --month 10/2026
$HD support totals --by kind
echo "--- printed, and as CSV"
$HD print support --month 11/2026 | grep -v '^ *$'
$HD print support --month 11/2026 --to csv ho-tro.csv
cat ho-tro.csv
