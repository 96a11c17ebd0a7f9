#!/usr/bin/python3
"""A 100,000-row pupil sheet as Excel writes it: every text in the shared
strings table (100,000 distinct names), dates as numbers with a date format.
For the reader's benchmark (tests/bench/run.sh).  Usage: make_shared.py OUT"""
import random
import sys
import zipfile
from xml.sax.saxutils import escape

random.seed(9)
FAMILY = ["Nguyễn", "Trần", "Lê", "Rơ Châm", "Ksor", "Siu", "Kpă", "Rcom", "Mùa", "Giàng",
          "Lò", "Quàng", "Đinh", "Phạm", "Hoàng"]
MIDDLE = ["Thị", "Văn", "Y", "H'", "A", "Đức", "Minh", "Thanh"]
GIVEN = ["Ánh", "Đào", "Hoa", "Khánh", "Páo", "Dợ", "Nhi", "Bia", "Hờ", "Thuân", "Nga", "Tú",
         "Lan", "Hùng", "Khoa", "Blao", "Mai", "Lực"]
VILLAGES = ["Plei Kép", "Làng Ia Bang", "Thôn %d", "Buôn Ma Lăng", "Bản Pa Sáng"]
strings, index = [], {}


def s(text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]


HEAD = ["STT", "Mã học sinh", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Lớp",
        "Ngày nhập trạng thái", "Ghi chú", "Trạng thái HS"]
rows = []
for r in range(100000):
    name = "%s %s %s %d" % (random.choice(FAMILY), random.choice(MIDDLE), random.choice(GIVEN), r)
    village = random.choice(VILLAGES).replace("%d", str(r % 40))
    serial = 39448 + random.randint(0, 4000)  # 2008-2018
    rows.append((r + 1, "20%08d" % r, s(name), serial, s(random.choice(["Nam", "Nữ"])),
                 s(random.choice(["Kinh", "Jrai", "Ba Na", "Thái", "Mông"])),
                 s("%d%s" % (random.randint(1, 9), random.choice("ABC"))), 46270,
                 s(village), s("01")))
head_ix = [s(h) for h in HEAD]


def sheet():
    yield ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://'
           'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    yield '<row r="1">' + "".join('<c r="%s1" t="s"><v>%d</v></c>' % (chr(65 + i), x)
                                  for i, x in enumerate(head_ix)) + "</row>"
    for n, (stt, code, name, serial, sex, eth, cls, vil, head, st) in enumerate(rows, 2):
        yield ('<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>%s</t></is>'
               '</c><c r="C%d" t="s"><v>%d</v></c><c r="D%d" s="1"><v>%d</v></c>'
               '<c r="E%d" t="s"><v>%d</v></c><c r="F%d" t="s"><v>%d</v></c>'
               '<c r="G%d" t="s"><v>%d</v></c><c r="H%d" s="1"><v>%d</v></c>'
               '<c r="I%d" t="s"><v>%d</v></c><c r="J%d" t="s"><v>%d</v></c></row>'
               % (n, n, stt, n, code, n, name, n, serial, n, sex, n, eth, n, cls, n, vil, n, head,
                  n, st))
    yield "</sheetData></worksheet>"


with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
               'openxmlformats.org/package/2006/content-types"/>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.'
               'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
               'openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="'
               'C1-HocSinh" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="'
               'http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
               'Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/styles.xml", '<?xml version="1.0"?><styleSheet xmlns="http://schemas.'
               'openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt '
               'numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf '
               'numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
    z.writestr("xl/sharedStrings.xml", '<?xml version="1.0"?><sst xmlns="http://schemas.'
               'openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' %
               (len(strings), len(strings)) +
               "".join("<si><t>%s</t></si>" % escape(x) for x in strings) + "</sst>")
    with z.open("xl/worksheets/sheet1.xml", "w") as f:
        for chunk in sheet():
            f.write(chunk.encode())
