# Documents and tables as Excel workbooks: read back by openpyxl (numbers are
# numbers, dates are dates, the header row frozen, a definitions sheet), and
# every table re-imported from its own workbook unchanged.
$HD demo >/dev/null
$HD print dropouts --to xlsx bo-hoc.xlsx
$HD print at-risk --to xlsx nguy-co.xlsx
$HD print dropouts --to xls x.xls
echo "status: $?"
for t in villages schools households members children; do
    $HD export $t $t.xlsx
done
${PYTHON:-/usr/bin/python3} "$ROOT/tests/xlsx/check_export.py" bo-hoc.xlsx children.xlsx
${PYTHON:-/usr/bin/python3} "$ROOT/tests/xlsx/check_export.py" nguy-co.xlsx households.xlsx
echo "-- round trip: nothing changes"
for t in villages schools households members children; do
    $HD import $t $t.xlsx
done
echo "-- no temporary file left behind"
ls | grep -v actual
