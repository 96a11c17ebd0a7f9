# Workbooks made by openpyxl (tests/xlsx/make_books.py): the header found
# under a title block, merged header cells, dates as serial numbers, blank
# and total rows skipped; every problem named by file, sheet and cell;
# broken workbooks refused, nothing written.
${PYTHON:-/usr/bin/python3} "$ROOT/tests/xlsx/make_books.py" b --huge
$HD init >/dev/null
echo "-- show-mapping, no table given"
$HD import --show-mapping b/households.xlsx
echo "-- import"
$HD import villages b/villages.xlsx
$HD import households b/households.xlsx
$HD import children b/children.xlsx
$HD import children b/serial.xlsx
echo "-- again: nothing changes"
$HD import villages b/villages.xlsx
$HD import children b/children.xlsx
$HD export children | cut -d, -f2-4
echo "-- the sheet by name or number"
$HD import villages b/two-sheets.xlsx
echo "status: $?"
$HD import villages b/two-sheets.xlsx --sheet "thon moi" --dry-run
$HD import villages b/two-sheets.xlsx --sheet 2 --dry-run
$HD import villages b/two-sheets.xlsx --sheet 3
echo "status: $?"
$HD import villages b/cached.xlsx --dry-run
echo "-- cell by cell"
$HD import children b/legacy.xlsx
echo "status: $?"
$HD import children b/phantom.xlsx
echo "status: $?"
echo "-- broken workbooks"
for f in protected.xlsx old.xls corrupt.xlsx broken-xml.xlsx bomb.xlsx liar.xlsx huge.xlsx; do
    $HD import villages b/$f
    echo "status: $?"
done
$HD check | grep -E "children|villages"
