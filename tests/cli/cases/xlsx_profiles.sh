# The sheets communes receive (tests/xlsx/make_books.py, by openpyxl): the
# education database's C1-HocSinh (status codes, pupil codes: a later sheet
# updates, never duplicates; new pupils come in unlinked), the survey's
# MauNhapLieu (one row a person, household codes from the form numbers), a
# plain class list.
${PYTHON:-/usr/bin/python3} "$ROOT/tests/xlsx/make_books.py" b
$HD init >/dev/null
$HD import villages b/villages.xlsx >/dev/null
$HD import households b/households.xlsx >/dev/null
$HD import children b/children.xlsx >/dev/null
echo "-- C1-HocSinh"
$HD import --show-mapping b/c1.xlsx
$HD import children b/c1.xlsx
$HD import children b/c1.xlsx
$HD import children b/c1-later.xlsx
$HD import children b/c1-bad.xlsx
echo "status: $?"
$HD unlinked
$HD link 24999-C5 24999-H2
$HD link 24999-C5 24999-H99
echo "status: $?"
$HD unlinked
$HD export children | cut -d, -f2,4,5,14,15,20,21
$HD audit | grep -c child_ident
echo "-- MauNhapLieu"
$HD import --show-mapping households b/MauNhapLieu.xlsx
$HD import households b/MauNhapLieu.xlsx
$HD import children b/MauNhapLieu.xlsx
$HD import children b/MauNhapLieu.xlsx --profile mau-nhap-lieu
$HD export households | cut -d, -f1-3,5
echo "-- a class list"
$HD import --show-mapping children b/class-8a.xlsx
$HD import children b/class-8a.xlsx
echo "status: $?"
$HD import children b/class-8a.xlsx --profile nothing
echo "status: $?"
echo "-- a profile in the config file"
cp "$ROOT/tests/cli/test.cfg" my.cfg
cat >> my.cfg <<'CFG'
import = {
  profiles = (
    { name = "truong-ia-dom"; sheet = "DS hoc sinh";
      columns = { full_name = ["Tên học sinh", "Tên HS"]; birth_date = "NS";
                  sex = "Phái"; village = "Buôn"; }; }
  );
};
CFG
$HD import --show-mapping children b/custom.xlsx
$HD -c my.cfg import --show-mapping children b/custom.xlsx
$HD -c my.cfg import children b/custom.xlsx
cp "$ROOT/tests/cli/test.cfg" bad.cfg
cat >> bad.cfg <<'CFG'
import = { profiles = ( { name = "Sai Ten"; columns = { so_thich = "x"; sex = []; }; },
                        { name = "a"; sheets = "x"; columns = 3; } ); };
CFG
$HD -c bad.cfg config
echo "status: $?"
