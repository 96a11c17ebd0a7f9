#!/usr/bin/python3
"""Reads huydong's own workbooks back with openpyxl (not our reader) and
prints what it finds: types of the cells, the frozen header, the sheets.
Usage: check_export.py DOC.xlsx TABLE.xlsx"""
import datetime
import sys

import openpyxl


def kind(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, datetime.datetime):
        return "date"
    if v is None:
        return "empty"
    return "text"


doc = openpyxl.load_workbook(sys.argv[1])
print("sheets:", doc.sheetnames)
ws = doc[doc.sheetnames[0]]
print("frozen below:", ws.freeze_panes)
rows = list(ws.iter_rows(values_only=True))
print("heading:", " | ".join(str(v) for v in rows[0] if v))
print("date line:", " | ".join(str(v) for v in rows[3] if v))
head = next(i for i, r in enumerate(rows) if r[0] == "STT")
print("titles (row %d):" % (head + 1), rows[head])
print("title bold:", ws.cell(row=head + 1, column=2).font.b)
for r in rows[head + 1:head + 3]:
    print("  ", [kind(v) for v in r])
    print("  ", [v.strftime("%d/%m/%Y") if isinstance(v, datetime.datetime) else v for v in r])
print("signature:", " / ".join(str(v) for r in rows[-6:] for v in r if v))
defs = doc[doc.sheetnames[1]]
print("definitions:", defs.max_row - 1, "terms, first:", defs.cell(row=2, column=1).value)

tab = openpyxl.load_workbook(sys.argv[2])
ws = tab.active
print("table sheet:", ws.title, "frozen below:", ws.freeze_panes)
rows = list(ws.iter_rows(values_only=True))
print("header:", rows[0][:5])
for r in rows[1:3]:
    print("  ", [kind(v) for v in r])
