# Every bad row is listed with its line and column; nothing is imported.
D=$ROOT/tests/cli/data
$HD init >/dev/null
$HD import villages $D/villages.csv >/dev/null
$HD import households $D/households.csv >/dev/null
$HD import children $D/children-bad.csv
echo "status: $?"
$HD import children $D/children-cp1258.csv
echo "status: $?"
$HD import children nonexistent.csv
echo "status: $?"
$HD import pupils $D/children.csv
echo "status: $?"
$HD check | grep -E "children|check"
