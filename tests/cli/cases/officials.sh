# Children of cadres, party members, civil servants, public employees and
# association members who are at risk or out of school.  Rơ Châm Khoa's
# household holds a party member (H'Nga dropped out, Y Blin at risk);
# Mùa A Páo's an association member (Dợ at risk); Nguyễn Văn Ba's a civil
# servant (no child at risk: not listed).
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv
$HD import households $D/households.csv
$HD import schools $D/newyear-schools.csv
$HD import children $D/newyear-children.csv
$HD import children $D/newyear-children-2026.csv
echo "--- positions"
$HD position set 24999-H2 --holds "đảng viên" --holder "Bố: đảng viên, trưởng thôn"
$HD position set 24999-H4 --holds "hoi vien" --holder "Mẹ: hội viên Hội Phụ nữ"
$HD position set 24999-H1 --holds "công chức" --holder "Bố: công chức địa chính xã"
$HD position show 24999-H2
$HD position show 24999-H3
echo "--- refused, nothing saved"
$HD position set 24999-H3 --holds "đảng viên"
$HD position set 24999-H3 --holds "thợ mộc" --holder "Bố"
$HD position set 24999-H99 --holds "đảng viên" --holder "Bố"
$HD position show 24999-H3
echo "--- cleared"
$HD position set 24999-H1 --holds "" --holder ""
echo "--- the list, printed and as CSV"
$HD print officials --month 11/2026 | grep -v '^ *$'
$HD print officials --month 09/2026 --to csv sep.csv
cat sep.csv
