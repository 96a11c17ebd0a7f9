/* export.h — registry tables as CSV that import_csv reads back unchanged. */
#ifndef HD_EXPORT_H
#define HD_EXPORT_H

#include <stdio.h>

#include "core/columns.h"
#include "core/db.h"

/* Writes every record of the table (archived ones included, marked) to fp:
 * a UTF-8 byte-order mark, the header row, one row per record in Vietnamese
 * order.  Returns the number of rows or -1 with err set. */
long export_csv(hd_db *db, hd_table table, FILE *fp, hd_err *err);

/* Writes to path through a temporary file renamed into place, so a reader
 * never sees half a file. */
long export_csv_file(hd_db *db, hd_table table, const char *path, hd_err *err);

/* The same rows as an Excel workbook (one sheet, the header row frozen,
 * dates as dates, grades as numbers), written row by row; import reads it
 * back unchanged. */
long export_xlsx_file(hd_db *db, hd_table table, const char *path, hd_err *err);

#endif
