# A commune set up from the spreadsheets it keeps, then searched.
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv
$HD import households $D/households.csv
$HD import children $D/children.csv --dry-run
$HD import children $D/children.csv
echo "--- typed without accents"
$HD search duc
$HD search nguyen thi
$HD search "H'NGA"
$HD search ÐAO
$HD search xyz
echo "--- the same files again change nothing"
$HD import villages $D/villages.csv
$HD import households $D/households.csv
$HD import children $D/children.csv
echo "--- export in Vietnamese order, and it reads back unchanged"
$HD export villages
$HD export children children-out.csv
$HD import children children-out.csv
$HD check
