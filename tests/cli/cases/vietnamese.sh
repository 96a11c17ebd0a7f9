# The interface in Vietnamese: --lang vi wins over the config's ui.language.
D=$ROOT/tests/cli/data
$HD --lang vi --help
$HD --lang vi init
$HD --lang vi import villages $D/villages.csv
$HD --lang vi import households $D/households.csv --dry-run
$HD --lang vi import households $D/households.csv
$HD --lang vi import children $D/children-bad.csv
echo "status: $?"
$HD --lang vi search xyz
$HD --lang vi search "thon 1"
$HD --lang vi check
$HD --lang vi frobnicate
$HD --lang fr check
echo "--- a broken configuration cannot name the language: Vietnamese, the default"
$HD --config $D/broken.cfg init
