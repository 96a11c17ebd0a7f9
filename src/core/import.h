/* import.h — reading the registry from CSV files that communes keep.
 *
 * All or nothing: the whole file is read inside one write transaction; every
 * bad row is listed as "FILE:LINE: column: why" and, if there is any, the
 * transaction is rolled back.  A row with a stable key (the "Mã" column)
 * updates that record; without one it is matched on its natural key (a
 * village's name; a household's head and village; a child's name, birth year
 * and household), so re-importing the same file changes nothing. */
#ifndef HD_IMPORT_H
#define HD_IMPORT_H

#include "core/columns.h"
#include "core/db.h"

typedef struct hd_import_stats {
    long rows;
    long added;
    long updated;
    long unchanged;
    long errors;    /* problems found: only the first IMPORT_KEPT_MESSAGES are kept */
    long warnings;
} hd_import_stats;

/* Messages kept of each kind (errors, warnings): a sheet of the wrong
 * table would otherwise hold one for every cell of 200,000 rows. */
#define IMPORT_KEPT_MESSAGES 1000

/* Imports path into table.  dry_run: everything is checked and counted, then
 * rolled back.  Returns 0 when the file was imported (or would be), -1 when
 * it was refused: problems are in errors (one per bad row or column), or in
 * err for a file that cannot be read at all.  Warnings (possible duplicates,
 * ignored columns) never stop an import. */
int import_csv(hd_db *db, hd_table table, const char *path, int dry_run,
               int school_year_start_month, hd_import_stats *stats, hd_msgs *errors,
               hd_msgs *warnings, hd_err *err);
/* The same, naming the school year's teaching months (school_year.months):
 * an attendance sheet's months must fall in them. */
int import_csv_months(hd_db *db, hd_table table, const char *path, int dry_run,
                      int school_year_start_month, int school_months, hd_import_stats *stats,
                      hd_msgs *errors, hd_msgs *warnings, hd_err *err);

/* The same for a CSV file or an Excel workbook (.xlsx, told by its content):
 * in a workbook, the sheet named by `sheet` (its name or its number from 1;
 * NULL: the first), the header row found under any title block (merged
 * header cells read), blank and total rows ("Tổng cộng") skipped, and every
 * problem reported as "FILE:SHEET!CELL: column: why". */
typedef struct hd_import_opts {
    int dry_run;
    int school_year_start_month;
    int school_months;   /* teaching months from the start (attendance); 0: 9 */
    const char *sheet;
    const char *profile; /* profile.h; NULL: chosen by the sheet */
} hd_import_opts;

#define IMPORT_MAX_ROWS 200000

int import_file(hd_db *db, hd_table table, const char *path, const hd_import_opts *opts,
                hd_import_stats *stats, hd_msgs *errors, hd_msgs *warnings, hd_err *err);

/* 1 when path is a workbook (a zip or an OLE file), 0 for text. */
int import_is_workbook(const char *path);

/* How each column of the file would be understood, one line each into out
 * (nothing is written, no database needed).  table < 0: the table whose
 * columns the header matches best (*table_out tells which).  0 or -1. */
int import_show_mapping(int table, const char *path, const hd_import_opts *opts,
                        hd_msgs *out, int *table_out, hd_err *err);

#endif
