#!/bin/sh
# Prints a committee document through a real CUPS queue: a private cupsd
# (its own folder and socket, nothing of the system's touched) with the
# cups-pdf virtual printer, the print command from the configuration, and
# the PDF that comes out checked for its pages.  Skipped when cupsd or
# cups-pdf is not installed, or when not root (the cups-pdf backend runs as
# root).  Usage: tests/print/cups.sh BINARY
set -u
hd=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if ! command -v cupsd >/dev/null 2>&1 || [ ! -x /usr/lib/cups/backend/cups-pdf ] ||
   [ ! -f /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd ] || ! command -v lp >/dev/null 2>&1; then
    echo "print: cups or cups-pdf not installed (make deps-print); skipped"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "print: the cups-pdf backend needs root; skipped"
    exit 0
fi
dir=$(mktemp -d)
pid=""
finish() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    rm -rf "$dir"
}
trap finish EXIT
fail() { echo "FAIL: print/cups: $*"; cat "$dir/log/error_log" 2>/dev/null | tail -5; exit 1; }
mkdir -p "$dir/spool" "$dir/cache" "$dir/state" "$dir/log" "$dir/run"
cat > "$dir/cupsd.conf" <<CONF
Listen $dir/run/cups.sock
LogLevel warn
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
CONF
cat > "$dir/cups-files.conf" <<CONF
ServerRoot $dir
RequestRoot $dir/spool
CacheDir $dir/cache
StateDir $dir/state
TempDir $dir/spool
ErrorLog $dir/log/error_log
AccessLog $dir/log/access_log
PageLog $dir/log/page_log
CONF
cupsd -f -c "$dir/cupsd.conf" -s "$dir/cups-files.conf" &
pid=$!
export CUPS_SERVER="$dir/run/cups.sock"
tries=50
until [ -S "$dir/run/cups.sock" ] && lpstat -r 2>/dev/null | grep -q "is running"; do
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || fail "cupsd did not start"
    sleep 0.1
done
lpadmin -p huydong-pdf -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd \
    2>"$dir/lpadmin.err" || { cat "$dir/lpadmin.err"; fail "lpadmin"; }
# cups-pdf writes the job under the job owner's ~/PDF, named after the
# PostScript's title: the new file after a marker is ours
cd "$dir" || exit 1
touch marker
sleep 1
export HUYDONG_TODAY=2026-11-24 LC_ALL=C.UTF-8
cat > "$dir/print.cfg" <<CONF
commune = { code = "24999"; name = "Xã Ia Dom"; chair = "Rơ Châm Khoa"; };
print = { lines_per_page = 40; command = "lp -d huydong-pdf"; };
CONF
export HUYDONG_CONFIG="$dir/print.cfg"
"$hd" --db demo.db demo >/dev/null || fail "demo"
"$hd" --db demo.db print at-risk --to text at-risk.txt || fail "print to text"
pages=$(($(tr -cd '\f' < at-risk.txt | wc -c) + 1))
"$hd" --db demo.db print at-risk --to printer || fail "print to the queue"
tries=300
out=""
until [ -n "$out" ] && lpstat -W completed -o huydong-pdf 2>/dev/null | grep -q huydong-pdf; do
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || fail "no PDF from the queue after 30 s"
    sleep 0.1
    out=$(find "$HOME/PDF" -name '*.pdf' -newer marker 2>/dev/null | head -1)
done
got=$(pdfinfo "$out" | sed -n 's/^Pages: *//p')
name=$(sed -n 's/^|  *1 | \([^|]*[^ |]\) *|.*/\1/p' at-risk.txt | head -1)
found=$(pdftotext "$out" - | grep -c "$name")
rm -f "$out"
[ "$got" = "$pages" ] || fail "the queue printed $got pages, the document has $pages"
[ "$found" -ge 1 ] || fail "'$name' is not in the printed PDF's text"
echo "print: through CUPS (cups-pdf): $pages pages as the document has, '$name' in its text"
