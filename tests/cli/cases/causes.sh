# Dropouts and children at risk by cause, village and level.  The newyear
# children; then A Sình drops out in November (seasonal work, working for
# hire) and Y Thuân is at risk (fields, poverty).  H'Nga dropped out in the
# previous school year: not counted.  Y Blin (parents away) and Mùa Thị Dợ
# (seasonal) are at risk.
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv
$HD import households $D/households.csv
$HD import schools $D/newyear-schools.csv
$HD import children $D/newyear-children.csv
$HD import children $D/newyear-children-2026.csv
$HD import children $D/children-causes.csv
echo "--- printed (the page's blank lines left out)"
$HD print causes --month 11/2026 | grep -v '^ *$'
echo "--- CSV; October (A Sình still in school, Y Thuân not yet at risk)"
$HD print causes --month 10/2026 --to csv oct.csv
cat oct.csv
echo "--- refused"
$HD print causes --month 2027-01
