# Users and roles.  The login that makes the database is its first user, the
# chair; the chair gives the others their roles, and each role is refused
# what it may not do, from the command line, with nothing saved.  The other
# users act through the shared account's forced command (--user), which is
# honoured only from that account, in an SSH session, once.
D=$ROOT/tests/cli/data
me=$(id -un)
ssh="192.0.2.1 50000 192.0.2.2 22"
as() { u=$1; shift; SSH_CONNECTION="$ssh" $HD --user "$u" "$@"; }
# the user list without the login running the tests, spaces folded
users() { as "$me" user list | grep -v -- '-M0' | sed -E 's/  +/|/g'; }
$HD init
$HD import villages $D/villages.csv >/dev/null
$HD import households $D/households.csv >/dev/null
cat > members.csv <<'CSV'
Họ và tên,Đơn vị,Chức vụ trong BCĐ,Thôn
Rơ Mah Hlin,UBND xã,Thư ký,Làng Ia Bang
Nguyễn Thị Lan,Nhà trường,Thành viên,Thôn 1
Ksor Y Bhăm,Đoàn Thanh niên,Thành viên,Plei Kép
CSV
$HD import members members.csv
$HD assign 24999-H1 24999-M2
echo "--- the chair names the users"
$HD user add hlin --role secretary --member 24999-M1
$HD user add lan --role member --member 24999-M2
$HD user add xem --role viewer --name "Cán bộ Văn phòng"
$HD user add lan --role viewer
$HD user add 'bad login' --role viewer
$HD user add moi --role boss
$HD user add bham --role member --member 24999-M1
echo "--- --user before there is a shared account, and an unknown login"
as lan search ba
$HD user shared
$HD user shared "$me" | sed "s/$me/ME/"
echo "--- --user outside SSH, twice, or not at all from the shared account"
$HD --user lan search ba
as lan --user hlin search ba
$HD search ba | sed "s/$me/ME/"
as no.such.user search ba; echo "status: $?"
echo "--- a viewer reads, and changes nothing"
as xem search "nguyen van"
as xem import villages $D/villages.csv
as xem visit add --household 24999-H1 --members 24999-M2 --date 20/11/2026 --outcome promised
as xem print at-risk
as xem backup
as xem month close 2026-11; echo "status: $?"
echo "--- a member records visits to the households assigned to them only"
as lan visit add --household 24999-H1 --members 24999-M2 --date 20/11/2026 --outcome promised
as lan visit add --household 24999-H2 --members 24999-M2 --date 20/11/2026 --outcome promised
as lan commit add --household 24999-H2 --date 20/11/2026 --family-signer "Rơ Châm Khoa" --school-signer "Nguyễn Thị Lan" --family "cho con đi học"
as lan commit add --household 24999-H1 --date 20/11/2026 --family-signer "Nguyễn Văn Ba" --school-signer "Nguyễn Thị Lan" --family "cho con đi học"
as lan assign 24999-H2 24999-M2
as lan import villages $D/villages.csv
as lan user role lan chair
as lan demo --force
as "$me" demo --force
ls test.db
echo "--- a secretary keeps the records, but neither closes a month nor manages users"
as hlin assign 24999-H2 24999-M3
printf 'Mã,Họ và tên,Tên đăng nhập\n24999-M3,Ksor Y Bhăm,bham\n' > login.csv
as hlin import members login.csv
as hlin month close 2026-11
as hlin user add moi --role chair
as hlin user shared --none
as hlin restore nothing.db
echo "--- the chair: roles change at once; the last chair stays; disabled means refused"
as "$me" user role lan viewer
as lan visit add --household 24999-H1 --members 24999-M2 --date 21/11/2026 --outcome promised
as "$me" user role "$me" member | sed "s/'$me'/'ME'/"
as "$me" user disable xem
as xem search ba
users
as "$me" audit --table member --limit 4 | sed -E 's/  +/|/g' | cut -d'|' -f3-
as "$me" check | tail -1
echo "--- no chair can log in: root or the file's owner names one, never the shared account"
owner() { sed -E -e 's/as (the administrator \(root\)|the owner of the file)$/as OWNER/' \
                 -e "s/(^|[^[:alnum:]_.-])$me([^[:alnum:]_.-]|\$)/\1ME\2/g"; }
$HD user add nhan --role chair 2>&1 | owner
# a database whose chair's login is lost (edited behind the program's back:
# the audit triggers need the program, so they go first)
$HD --db old.db init >/dev/null
sqlite3 old.db "DROP TRIGGER member_audit_update; UPDATE member SET login = 'gone'"
$HD --db old.db search ba 2>&1 | owner
$HD --db old.db user add "$me" --role chair --name "Quản trị" 2>&1 | owner
$HD --db old.db user list | owner | sed -E 's/  +/|/g' | LC_ALL=C sort
$HD --db old.db search ba | head -1
echo "--- the file's owner replaces a demo that has none of their logins (or an older one)"
$HD --db own.db demo >/dev/null
sqlite3 own.db "DROP TRIGGER member_audit_update; UPDATE member SET login = NULL"
$HD --db own.db demo --force | sed 's/(.*)/(...)/'
