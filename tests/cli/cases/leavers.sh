# After grade 9: the pupils who left lower secondary in 2025-2026 and their
# paths.  Y Blin (grade 9, at risk) was admitted to grade 10 but is still
# registered in lower secondary: not turned up.  Đức (grade 9) goes to
# vocational training.  Refusals save nothing.
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv
$HD import households $D/households.csv
$HD import schools $D/newyear-schools.csv
$HD import children $D/newyear-children.csv
$HD import children $D/children-archive.csv
echo "--- recorded"
$HD leaver set 24999-C4 --year 2025 --path "vào lớp 10" --admitted --note "Trúng tuyển THPT Đức Cơ"
$HD leaver set 24999-C9 --year 2025 --path "học nghề" --note "Trung cấp nghề Gia Lai"
$HD leaver set 24999-C9 --year 2025 --path vocational --note "Trung cấp nghề Gia Lai, ngành cơ khí"
echo "--- refused"
$HD leaver set 24999-C11 --year 2025 --path none
$HD leaver set 24999-C4 --year 2027 --path none
$HD leaver set 24999-C4 --year 2025 --path "chăn bò"
$HD leaver set 24999-C99 --year 2025 --path none
echo "--- the list, printed and as CSV"
$HD leaver list 2025
$HD print leavers --month 11/2026 | grep -v '^ *$'
$HD print leavers --month 10/2026 --to csv sau-lop-9.csv
cat sau-lop-9.csv
