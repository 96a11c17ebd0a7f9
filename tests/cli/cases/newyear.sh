# The start of the school year: the children in school at the end of
# 2025-2026 whom no school has confirmed yet for 2026-2027 ("not yet back"),
# and the confirmations.  Today is 24/11/2026; the year began on 01/09/2026.
# Histories: statuses dated in 2025-2026 by the first import; the second one
# records Dợ at risk in October (seen at school: settled); Sình's status has
# no date, so counts from 01/09/2026 (back).  H'Nga dropped out last year,
# H'Bia finished grade 12, Nam moved: none of them is expected.
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv
$HD import households $D/households.csv
$HD import schools $D/newyear-schools.csv
$HD import members $D/newyear-members.csv
$HD import children $D/newyear-children.csv
$HD import children $D/newyear-children-2026.csv
$HD assign 24999-H2 24999-M1
echo "--- the watch list, by village then name; 5→6 and 9→10 expect a new school"
$HD newyear
$HD newyear --transitions
$HD newyear --village "thon 1"
$HD newyear --village 24999-V3
$HD newyear --village "Thôn 10"
$HD newyear --village "Thôn 99"
echo "--- confirmations: the grade follows, the class and school are given"
$HD newyear confirm 24999-C5 --class 9A --date 05/09/2026
$HD newyear confirm 24999-C1
$HD newyear confirm 24999-C1 --school "thcs ia dom" --class 6A --date 05/09/2026
$HD newyear confirm 24999-C10 --date 2026-09-10
$HD newyear confirm 24999-C2 --grade 2 --class 2B
echo "--- refusals save nothing"
$HD newyear confirm 24999-C1
$HD newyear confirm 24999-C3
$HD newyear confirm 24999-C6
$HD newyear confirm 24999-C11
$HD newyear confirm 24999-C4 --date 20/08/2026
$HD newyear confirm 24999-C4 --date 25/11/2026
$HD newyear confirm 24999-C4 --grade 13
$HD newyear confirm 24999-C4 --grade x
$HD newyear confirm 24999-C4 --school "Trường X"
$HD newyear confirm 24999-C99
$HD newyear confirm
$HD newyear --bogus
$HD newyear --grade 3
echo "--- what is left"
$HD newyear
$HD export children | grep -E "Đào|Tú|Hoa"
$HD check
