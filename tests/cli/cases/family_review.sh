# The cultured-family review list: households with a child of school age
# not in school or absent a lot in the school year, by village; printed,
# and as CSV.  October's sheet gives Y Blin 8/22, Y Thuân 3/22 and A Sình
# 6/22 days absent (all >= 10 %); H'Nga dropped out in April.
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv
$HD import households $D/households.csv
$HD import schools $D/newyear-schools.csv
$HD import children $D/newyear-children.csv
$HD import attendance $D/attendance-2026-10.csv 2>/dev/null
echo "--- printed (the page's blank lines left out)"
$HD print family-review --month 10/2026 | grep -v '^ *$'
echo "--- CSV"
$HD print family-review --month 2026-10 --to csv fam.csv
cat fam.csv
echo "--- September: no attendance yet, only the child not in school"
$HD print family-review --month 09/2026 --to csv sep.csv
cat sep.csv
echo "--- refused"
$HD print family-review --month 12/2026
