# Backups, restore and the audit log.  Times vary: they are masked.
D=$ROOT/tests/cli/data
mask() { sed -e 's/[0-9]\{8\}-[0-9]\{6\}/YYYYMMDD-HHMMSS/g' \
             -e 's/^[0-9-]\{10\} [0-9:]\{8\}/YYYY-MM-DD HH:MM:SS/'; }
# The audit table without its user column (the login running the tests).
nouser() { mask | sed -E 's/  +/|/g' | cut -d'|' -f1,3-; }
$HD init
echo "--- an import takes a backup first; a dry run does not"
$HD import villages $D/villages.csv --dry-run
ls backups 2>/dev/null | wc -l
$HD import villages $D/villages.csv
ls backups | mask
echo "--- backups, by hand"
$HD backup | mask
$HD backup copy.db
$HD backup a b
echo "--- the audit log"
$HD audit --limit 3 | nouser
$HD audit --record 24999-V2 --user "$(id -un)" | nouser
$HD audit --user no.such.user
$HD audit --until 2000-01-01
$HD audit --since 31/02/2026
$HD audit --limit 0
echo "--- restore checks first"
$HD import households $D/households.csv
$HD restore copy.db
$HD restore copy.db --yes | mask
$HD export households | wc -l
echo "not a database" > text.db
$HD restore text.db --yes
cp copy.db broken.db
dd if=/dev/zero of=broken.db bs=1024 seek=4 count=8 conv=notrunc 2>/dev/null
$HD restore broken.db --yes
$HD restore missing.db
echo "--- another commune's backup is refused"
sed 's/24999/24001/' "$HUYDONG_CONFIG" > other.cfg
$HD -c other.cfg --db other.db init
$HD -c other.cfg --db other.db restore copy.db --yes
$HD --db missing.db backup
echo "--- a read-only database can still be backed up"
chmod 0444 test.db
$HD backup ro-copy.db
