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
} hd_import_stats;

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

#endif
