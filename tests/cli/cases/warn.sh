# Early warning: the rules run over October's attendance and propose
# children; the committee confirms one (the child is then at risk, and the
# household shows among those with no one assigned) and dismisses another,
# each with a reason; the look-back over a school year.
D=$ROOT/tests/cli/data
# who decided is the login: the same on every machine for the golden file
by() { sed -e 's/ by [^ :]*: / by USER: /' -e 's/ by [^ :]*$/ by USER/'; }
$HD init
$HD import villages $D/villages.csv
$HD import households $D/households.csv
$HD import schools $D/newyear-schools.csv
$HD import children $D/newyear-children.csv
$HD import attendance $D/attendance-2026-10.csv
echo "--- run October (twice: nothing new the second time)"
$HD warn run 10/2026
$HD warn run 10/2026
$HD warn list
echo "--- decide"
$HD unassigned | grep -c "Ksor Nhiên"
$HD warn confirm 24999-W1 --reason "Vắng 6 ngày, gia đình lên rẫy"
$HD warn dismiss 24999-W2 --reason "Đã có giấy phép của nhà trường"
$HD unassigned | grep "Ksor Nhiên"
$HD warn list
$HD warn list --all --month 10/2026 | by
$HD warn list --confirmed | by
echo "--- refusals"
$HD warn confirm 24999-W1 --reason "again" 2>&1 | by
$HD warn confirm 24999-W9 --reason "x"
$HD warn dismiss 24999-W2
$HD warn run 07/2026
$HD warn list --all --confirmed
$HD warn bogus
echo "--- look back"
$HD warn review 2026
$HD warn review 20x6
