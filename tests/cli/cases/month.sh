# A month's figures, the branch ratings, closing a month.  Today is
# 24/11/2026: November is the running month, so its figures are as of today.
# The histories are the newyear case's.  After November is closed, a visit
# of 10/11 is recorded that brought Y Blin (at risk) back: the closed
# figures stay as they were until the month is closed again with a reason.
D=$ROOT/tests/cli/data
$HD init
$HD import villages $D/villages.csv
$HD import households $D/households.csv
$HD import schools $D/newyear-schools.csv
$HD import members $D/newyear-members.csv
$HD import children $D/newyear-children.csv
$HD import children $D/newyear-children-2026.csv
echo "--- figures: the commune, a village, a past month"
$HD month figures 2026-11
$HD month figures 10/2026 --village "thon 1"
echo "--- ratings: each names the rules that decided it"
$HD month ratings 2026-11
echo "--- close, correct, close again with a reason; both versions stay"
stamp() { sed -e 's/closed at [^ ]* by .*/closed at TIME by USER/'; }
$HD month close 2026-11
$HD month close 2026-11
$HD visit add --household 24999-H2 --members 24999-M1 --date 10/11/2026 --outcome returned --children 24999-C4
$HD month show 2026-11 | stamp | head -16
$HD month close 2026-11 --reason "Y Blin back on 10/11, visit recorded late"
$HD month show 2026-11 | stamp
$HD month show 2026-11 --version 1 | head -1 | stamp
echo "--- a backup before each close (none for the close refused)"
ls backups | grep -c -- '-close-2026-11'
echo "--- refusals"
$HD month show 2026-10
$HD month show 2026-11 --version 3
$HD month show 2026-11 --version x
$HD month figures 2026-12
$HD month figures 13/2026
$HD month figures 2026-11 --village "Thôn 99"
$HD month close 2026-11 --village "Thôn 1"
$HD month bogus 2026-11
$HD month figures 2026-11 --bad
