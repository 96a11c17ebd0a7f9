#!/usr/bin/python3
"""Workbooks as communes have them, made by a program that is not ours
(openpyxl), for the import tests; and a few broken ones made by hand with
zipfile.  Usage: make_books.py OUTDIR"""
import datetime
import os
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Font

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def path(name):
    return os.path.join(out, name)


def title_block(ws, title, ncols):
    """The administrative heading above the table, as offices type it."""
    ws["A1"] = "UBND XÃ IA DOM"
    ws["A2"] = title
    ws["A2"].font = Font(bold=True)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncols)
    ws["A3"] = "(Kèm theo Kế hoạch số 12/KH-BCĐ)"


# ---- villages: a title block, then the header in row 5 ----------------------
wb = Workbook()
ws = wb.active
ws.title = "Thôn"
title_block(ws, "DANH SÁCH THÔN, LÀNG", 5)
ws.append([])
ws.append(["STT", "Tên thôn", "Loại", "Chi bộ", "Bí thư chi bộ"])
ws.append([1, "Thôn 1", "Thôn", "Chi bộ thôn 1", "Nguyễn Văn Hùng"])
ws.append([2, "Làng Ia Bang", "làng", "Chi bộ làng Ia Bang", "Rơ Châm Khoa"])
ws.append([3, "Plei Kép", "plei", "Chi bộ Plei Kép", "Ksor H'Bia"])
ws.append([])
ws.append(["Cộng", 3])
wb.save(path("villages.xlsx"))

# ---- households: a header merged over two rows, a group title ---------------
wb = Workbook()
ws = wb.active
ws.title = "Hộ"
title_block(ws, "DANH SÁCH HỘ GIA ĐÌNH", 6)
# row 5-6: STT, Chủ hộ, Thôn merged down; "Hoàn cảnh" over Hộ nghèo + Dân tộc
ws["A5"], ws["B5"], ws["C5"], ws["D5"], ws["F5"] = "STT", "Họ tên chủ hộ", "Thôn", "Hoàn cảnh gia đình", "Điện thoại"
ws["D6"], ws["E6"] = "Hộ nghèo", "Dân tộc"
for col in "ABCF":
    ws.merge_cells(f"{col}5:{col}6")
ws.merge_cells("D5:E5")
rows = [
    (1, "Nguyễn Văn Ba", "Thôn 1", "không", "Kinh", "0905 123 456"),
    (2, "Rơ Châm Khoa", "lang ia bang", "Hộ nghèo", "Jrai", None),
    (3, "Ksor Nhiên", "Plei Kép", "cận nghèo", "Jrai", 905777888),
]
for r in rows:
    ws.append(list(r))
ws.append(["Tổng cộng", None, None, None, None, None])
wb.save(path("households.xlsx"))

# ---- children: dates as dates, numbers as text, a total row ------------------
wb = Workbook()
ws = wb.active
ws.title = "Danh sách"
title_block(ws, "DANH SÁCH HỌC SINH", 8)
ws.append([])
ws.append(["STT", "Họ và tên", "Ngày, tháng, năm sinh", "Giới tính", "Chủ hộ", "Thôn",
           "Khối", "Lớp"])
ws.append([1, "Nguyễn Thị Ánh Đào", datetime.date(2015, 3, 5), "Nữ", "Nguyễn Văn Ba",
           "Thôn 1", "5", "5A"])
ws.append([2, "Rơ Châm H'Nga", 2013, "nu", "Rơ Châm Khoa", "Làng Ia Bang", " 7 ", "7B"])
ws.append([3, "Ksor Y Thuân", "12/12/2012", "Nam", "Ksor Nhiên", "Plei Kép", 8, "8A"])
ws.append([])
ws.append(["Tổng cộng: 3 học sinh"])
ws.cell(row=6, column=3).number_format = "dd/mm/yyyy"
wb.save(path("children.xlsx"))

# ---- serial dates: a custom date format, a bare serial, the phantom day -----
wb = Workbook()
ws = wb.active
ws.title = "HS"
ws.append(["Họ và tên", "Ngày sinh", "Giới tính", "Chủ hộ", "Thôn"])
ws.append(["Lò Văn Khánh", 42019, "Nam", "Nguyễn Văn Ba", "Thôn 1"])   # 15/01/2015
ws.append(["Quàng Thị Hoa", 41000, "Nữ", "Nguyễn Văn Ba", "Thôn 1"])   # bare: 01/04/2012
ws.cell(row=2, column=2).number_format = "dd/mm/yyyy"
wb.save(path("serial.xlsx"))

# the 1904 date system (old Excel for Mac): the same day, another number
from openpyxl.utils.datetime import CALENDAR_MAC_1904
wb = Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.append(["Họ và tên", "Ngày sinh"])
ws.append(["Lò Văn Khánh", datetime.date(2015, 1, 15)])
ws.cell(row=2, column=2).number_format = "dd/mm/yyyy"
wb.save(path("epoch1904.xlsx"))

wb = Workbook()
ws = wb.active
ws.append(["Họ và tên", "Ngày sinh", "Giới tính", "Chủ hộ", "Thôn"])
ws.append(["Mùa A Páo", 60, "Nam", "Nguyễn Văn Ba", "Thôn 1"])
ws.cell(row=2, column=2).number_format = "d/m/yyyy"
wb.save(path("phantom.xlsx"))

# ---- legacy font text and a formula with no value --------------------------
wb = Workbook()
ws = wb.active
ws.title = "Tre"
ws.append(["Họ và tên", "Ngày sinh", "Giới tính", "Chủ hộ", "Thôn"])
ws.append(["NguyÔn V¨n An", "01/02/2014", "Nam", "Nguyễn Văn Ba", "Thôn 1"])
ws.append(["Giàng Thị Dợ", "=DATE(2014,2,1)", "Nữ", "Nguyễn Văn Ba", "Thôn 1"])
wb.save(path("legacy.xlsx"))

# ---- two sheets, chosen by name or number ------------------------------------
wb = Workbook()
ws = wb.active
ws.title = "Ghi chú"
ws["A1"] = "Sheet of notes, no table"
ws2 = wb.create_sheet("Thôn mới")
ws2.append(["Tên thôn", "Loại"])
ws2.append(["Tổ dân phố 2", "tổ dân phố"])
wb.save(path("two-sheets.xlsx"))

# ---- the education database's pupil sheet (C1-HocSinh) ---------------------
C1_HEAD = ["Mã lớp", "Mã học sinh", "Họ tên", "Ngày sinh", "Giới tính", "Trạng thái HS",
           "Ngày nhập trạng thái", "Dân tộc", "Loại khuyết tật", "Số định danh cá nhân"]


def c1_book(name, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "C1-HocSinh"
    ws["A1"] = "DANH SÁCH HỌC SINH"
    ws["A2"] = "Trường: TH Ia Dom"
    ws.append([])
    ws.append(C1_HEAD)
    for r in rows:
        ws.append(r)
    for row in ws.iter_rows(min_row=5, min_col=4, max_col=7):
        for c in row:
            if isinstance(c.value, datetime.date):
                c.number_format = "dd/mm/yyyy"
    wb.save(path(name))


c1_book("c1.xlsx", [
    ["5A", "2000123401", "Nguyễn Thị Ánh Đào", datetime.date(2015, 3, 5), "Nữ", "01",
     datetime.date(2026, 9, 5), "Kinh", None, "064315000101"],
    ["5A", "2000123402", "Lò Văn Tú", datetime.date(2015, 6, 1), "Nam", "02",
     datetime.date(2026, 8, 20), "Thái", None, "011215000123"],
    ["4B", "2000123403", "Ksor H'Mai", datetime.date(2016, 2, 29), "Nữ", 5,
     datetime.date(2026, 10, 15), "Jrai", "Khuyết tật vận động", 64216000777],
])
# a later sheet from the same school: Tú moved away, his name retyped; a
# status written out instead of coded
c1_book("c1-later.xlsx", [
    ["5A", "2000123401", "Nguyễn Thị Ánh Đào", datetime.date(2015, 3, 5), "Nữ", "Đang học",
     datetime.date(2026, 9, 5), "Kinh", None, "064315000101"],
    ["5A", "2000123402", "Lò Văn Tu", datetime.date(2015, 6, 1), "Nam", "08",
     datetime.date(2026, 11, 2), "Thái", None, "011215000123"],
    ["4B", "2000123403", "Ksor H'Mai", datetime.date(2016, 2, 29), "Nữ", "05",
     datetime.date(2026, 10, 15), "Jrai", "Khuyết tật vận động", None],
])
c1_book("c1-bad.xlsx", [
    ["5A", "2000123404", "Đinh Văn Lực", datetime.date(2015, 1, 2), "Nam", "13",
     datetime.date(2026, 9, 5), "Ba Na", None, "12AB"],
])

# ---- the universal-education survey's entry sheet (MauNhapLieu) -------------
wb = Workbook()
ws = wb.active
ws.title = "MauNhapLieu"
ws["A1"] = "PHIẾU ĐIỀU TRA PHỔ CẬP GIÁO DỤC"
ws["A2"] = "Xã Thử, huyện Đức Cơ"
ws.append(["STT", "Mã tỉnh", "Mã huyện", "Mã xã", "Mã thôn", "Tên thôn", "Số phiếu",
           "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "QH với chủ hộ", "Con hộ nghèo"])
ws.insert_rows(3)
people = [
    [1, 64, 622, 24999, "03", "Plei Kép", 12, "Siu Đhen", 1980, "Nam", "Jrai", "Chủ hộ", "x"],
    [2, 64, 622, 24999, "03", "Plei Kép", 12, "Rcom H'Lan", 1983, "Nữ", "Jrai", "Vợ", "x"],
    [3, 64, 622, 24999, "03", "Plei Kép", 12, "Siu Y Nhi", datetime.date(2014, 4, 9), "Nam",
     "Jrai", "Con", "x"],
    [4, 64, 622, 24999, "03", "Plei Kép", 13, "Kpă Thị Hờ", 1975, "Nữ", "Jrai", "Chủ hộ", None],
    [5, 64, 622, 24999, "03", "Plei Kép", 13, "Kpă Y Blao", "07/08/2011", "Nam", "Jrai",
     "Cháu", None],
]
for p in people:
    ws.append(p)
ws.cell(row=7, column=9).number_format = "dd/mm/yyyy"
wb.save(path("MauNhapLieu.xlsx"))

# ---- a plain class list ------------------------------------------------------
wb = Workbook()
ws = wb.active
ws.title = "Lớp 8A"
ws["A1"] = "DANH SÁCH LỚP 8A - NĂM HỌC 2026-2027"
ws.merge_cells("A1:G1")
ws.append(["STT", "Họ và tên", "Ngày sinh", "Lớp", "Thôn", "Dân tộc", "Hộ nghèo"])
ws.append([1, "Ksor Y Thuân", "12/12/2012", "8A", "Plei Kép", "Jrai", "x"])
ws.append([2, "Rơ Mah Hiếu", "03/05/2012", "8A", "Plei Kép", "Jrai", None])
wb.save(path("class-8a.xlsx"))

# ---- a school's own headers, for a profile in the config file -----------------
wb = Workbook()
ws = wb.active
ws.title = "DS hoc sinh"
ws.append(["TT", "Tên HS", "NS", "Phái", "Chủ hộ", "Buôn"])
ws.append([1, "Ksor Y Thuân", "12/12/2012", "Nam", "Ksor Nhiên", "Plei Kép"])
wb.save(path("custom.xlsx"))

# ---- broken workbooks, by hand -----------------------------------------------
with open(path("protected.xlsx"), "wb") as f:  # an encrypted package (OLE)
    f.write(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 +
            "EncryptedPackage".encode("utf-16-le") + b"\0" * 512)
with open(path("old.xls"), "wb") as f:
    f.write(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 1024 + "Workbook".encode("utf-16-le"))
with open(path("villages.xlsx"), "rb") as f:
    data = f.read()
with open(path("corrupt.xlsx"), "wb") as f:
    f.write(data[: len(data) // 2])

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"/>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
      'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
      'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" '
        'Target="worksheets/sheet1.xml"/></Relationships>')
HEAD = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main"><sheetData>')


def raw_book(name, sheet_chunks, level=6):
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for chunk in sheet_chunks:
                f.write(chunk)


# a zip bomb: 64 MB of blanks inside a sheet, a few dozen KB compressed
def bomb():
    yield HEAD.encode()
    blank = b" " * (1 << 20)
    for _ in range(64):
        yield blank
    yield b"</sheetData></worksheet>"


raw_book("bomb.xlsx", bomb(), level=9)


# the same bomb whose zip headers lie about its size (4,000 bytes): the
# reader counts what really comes out
def lying_sizes(name, part, size):
    import struct
    data = bytearray(open(path(name), "rb").read())
    for sig, at_len, at_size, at_name in ((b"PK\x01\x02", 28, 24, 46), (b"PK\x03\x04", 26, 22, 30)):
        i = data.find(sig)
        while i >= 0:
            n = struct.unpack("<H", data[i + at_len:i + at_len + 2])[0]
            if data[i + at_name:i + at_name + n] == part:
                data[i + at_size:i + at_size + 4] = struct.pack("<I", size)
            i = data.find(sig, i + 4)
    open(path(name), "wb").write(bytes(data))


with zipfile.ZipFile(path("liar.xlsx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", CT)
    z.writestr("xl/workbook.xml", WB)
    z.writestr("xl/_rels/workbook.xml.rels", RELS)
    z.writestr("xl/worksheets/sheet1.xml", HEAD + " " * (32 << 20) + "</sheetData></worksheet>")
lying_sizes("liar.xlsx", b"xl/worksheets/sheet1.xml", 4000)


# a sheet that uses every one of Excel's 1,048,576 rows
def huge():
    yield (HEAD + '<row r="1"><c r="A1" t="inlineStr"><is><t>Tên thôn</t></is></c></row>').encode()
    batch = []
    for r in range(2, 1048577):
        batch.append('<row r="%d"><c r="A%d" t="inlineStr"><is><t>Thôn %d</t></is></c></row>'
                     % (r, r, r))
        if len(batch) == 20000:
            yield "".join(batch).encode()
            batch = []
    yield ("".join(batch) + "</sheetData></worksheet>").encode()


if "--huge" in sys.argv:
    raw_book("huge.xlsx", huge(), level=1)

# a sheet whose XML is cut short
raw_book("broken-xml.xlsx", iter([(HEAD + '<row r="1"><c r="A1" t="inlineStr"><is><t>Tên thôn'
                                   ).encode()]))

# a formula with its saved value (as Excel writes it): the value is used
raw_book("cached.xlsx", iter([(HEAD +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Tên thôn</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Loại</t></is></c></row>'
    '<row r="2"><c r="A2" t="str"><f>"Thôn "&amp;"Cũ"</f><v>Thôn Cũ</v></c>'
    '<c r="B2" t="inlineStr"><is><t>thôn</t></is></c></row>'
    '</sheetData></worksheet>').encode()]))

# ---- attendance: a school's monthly sheet, the absences under a group
# title merged across two columns; the other titles merged down the two
# header rows (attendance.xlsx) or left in the first row (attendance-plain),
# both as class teachers type them -------------------------------------------
def attendance_book(name, merged_down):
    wb = Workbook()
    ws = wb.active
    ws.title = "Chuyên cần T11"
    title_block(ws, "THEO DÕI CHUYÊN CẦN THÁNG 11/2026", 10)
    ws.append([])
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Lớp", "Tháng", "Số ngày học", "Số ngày nghỉ",
               None, "Vắng liên tiếp", "Lưu ban"])
    ws.merge_cells("G5:H5")
    ws.append([None, None, None, None, None, None, "Có phép", "Không phép", None, None])
    if merged_down:
        for c in ("A", "B", "C", "D", "E", "F", "I", "J"):
            ws.merge_cells("%s5:%s6" % (c, c))
    ws.append([1, "Nguyễn Thị Ánh Đào", datetime.date(2015, 3, 5), "5A", "11/2026", 20, 1, 0,
               None, None])
    ws.append([2, "Nguyễn Văn Tú", 2018, "2B", "11/2026", 20, 0, 2, 2, None])
    ws.append([None, "Tổng cộng", None, None, None, 40, 1, 2, None, None])
    wb.save(path(name))


attendance_book("attendance.xlsx", True)
attendance_book("attendance-plain.xlsx", False)

# ---- a wide "Ghi chú" merged across two columns of the header, data right
# under it: the first row is data, not sub-titles -----------------------------
wb = Workbook()
ws = wb.active
ws.title = "Thôn"
ws.append(["STT", "Tên thôn", "Loại", "Ghi chú", None])
ws.merge_cells("D1:E1")
ws.append([1, "Thôn Mới", "thôn", "Tách từ thôn 1", "2026"])
ws.append([2, "Làng Mới", "làng", None, None])
wb.save(path("wide-note.xlsx"))
