/* xlsx.h — reading Excel workbooks (.xlsx, Office Open XML) as communes have
 * them, one row at a time.
 *
 * The zip is read with libzip and each part streamed through expat: a sheet
 * is never held whole (only the shared strings, the cell styles and the
 * merged ranges are kept).  Values come out as text the importer already
 * reads: shared and inline strings as they are, numbers without a spurious
 * ".0", cells formatted as dates (by their number format) as dd/mm/yyyy in
 * the 1900 date system (with Excel's phantom 29/02/1900) or the 1904 one,
 * formulas as their cached value.
 *
 * Refused with a message naming the file: an encrypted (password-protected)
 * workbook or an old .xls (both OLE files), a file that is not a zip or
 * whose parts are broken, a part that inflates beyond XLSX_MAX_PART bytes
 * or more than XLSX_MAX_RATIO times its compressed size (a zip bomb). */
#ifndef HD_XLSX_H
#define HD_XLSX_H

#include <stddef.h>

#include "core/util.h"

#define XLSX_MAX_PART (512L * 1024 * 1024)
#define XLSX_MAX_RATIO 200
#define XLSX_MAX_COLS 16384

typedef struct xlsx_book xlsx_book;

typedef enum xlsx_kind {
    XC_EMPTY,
    XC_TEXT,
    XC_NUMBER,
    XC_DATE,   /* a number formatted as a date: text is dd/mm/yyyy */
    XC_BOOL,   /* text "1" or "0" */
    XC_ERROR,  /* text says why (an error value, a formula with no value) */
} xlsx_kind;

/* One row of a sheet; everything is owned by the reader and valid until the
 * next xlsx_next_row. */
typedef struct xlsx_row {
    size_t row;            /* 1-based row number in the sheet */
    size_t n;              /* cells 0..n-1, column A = 0 */
    char **text;           /* "" for an empty cell; never NULL for i < n */
    unsigned char *kind;   /* xlsx_kind */
    double *num;           /* the number of XC_NUMBER/XC_DATE cells */
} xlsx_row;

/* A merged range, 1-based inclusive rows, 0-based columns. */
typedef struct xlsx_range {
    size_t r1, r2;
    size_t c1, c2;
} xlsx_range;

/* Opens path, reads its sheet list, shared strings and styles.  NULL with err. */
xlsx_book *xlsx_open(const char *path, hd_err *err);
void xlsx_close(xlsx_book *b);

size_t xlsx_sheet_count(const xlsx_book *b);
const char *xlsx_sheet_name(const xlsx_book *b, size_t i);
/* The sheet named by s: its name (folded comparison) or its number from 1.
 * NULL s means the first sheet.  Index or -1 with err listing the sheets. */
int xlsx_find_sheet(const xlsx_book *b, const char *s, hd_err *err);

/* Starts reading sheet i: first its merged ranges (a quick pass, as Excel
 * writes them after the cells), then the rows from the top.  0 or -1. */
int xlsx_sheet_open(xlsx_book *b, size_t i, hd_err *err);
/* The next row that has at least one cell element: 1, 0 at the end, -1 with
 * err when the sheet is broken. */
int xlsx_next_row(xlsx_book *b, xlsx_row *row, hd_err *err);
/* The sheet's merged ranges (after xlsx_sheet_open). */
const xlsx_range *xlsx_merges(const xlsx_book *b, size_t *n);

/* 1 when the workbook counts its days from 1904 (old Excel for Mac). */
int xlsx_date1904(const xlsx_book *b);

/* How many of the sheet's rows hold a value (counted by xlsx_sheet_open),
 * so that a sheet too big to import is refused before reading it. */
size_t xlsx_value_rows(const xlsx_book *b);

/* "B7" for column 1, row 7 (buf of at least 16 bytes); returns buf. */
char *xlsx_cell_name(size_t col, size_t row, char *buf);
/* Excel's serial day number to a date: 0 or -1 when it is none (e.g. the
 * phantom 29/02/1900).  days is since 1970-01-01. */
int xlsx_serial_days(double serial, int date1904, long *days);

#endif
