/* import_int.h — what the parts of the CSV importer share: the state of
 * one import, and the helpers that read a row's cells into records.  Only
 * import.c (the file, its header, its cells) and import_rows.c (one record
 * kind a function) include it. */
#ifndef HD_IMPORT_INT_H
#define HD_IMPORT_INT_H

#include <stdint.h>

#include "core/columns.h"
#include "core/db.h"
#include "core/import.h"
#include "core/model.h"
#include "core/profile.h"

#define MAX_COLUMNS 256

typedef struct importer {
    hd_db *db;
    hd_table table;
    const char *path;
    const char *sheet;             /* the workbook's sheet; NULL for CSV */
    const hd_profile *profile;     /* the sheet's profile; NULL: columns.c only */
    const char *status_reason;     /* this row's status code's meaning, or NULL */
    size_t src_col[COL_COUNT];     /* column of the file each field comes from */
    int start_month;
    int school_months;             /* attendance: teaching months from start_month */
    int col_of_field[MAX_COLUMNS]; /* CSV column index -> hd_col, -1 = ignored */
    size_t ncols;
    char *header[COL_COUNT];       /* header as written, for messages; owned */
    char *val[COL_COUNT];          /* this row's values, NFC and trimmed; owned */
    size_t line;
    int row_bad;
    hd_msgs *errors;
    hd_msgs *warnings;
    hd_import_stats *stats;
    /* village and school names already resolved: a children's file names the
     * same few hundred again and again */
    hd_msgs ref_names;
    int64_t *ref_ids;
    /* record id -> first line that touched it, to spot a record twice in a file */
    int64_t *seen_id;
    size_t *seen_line;
    size_t seen_cap, seen_n;
} importer;

/* A row of the file, CSV or sheet: fields[0..n-1]; kind (xlsx_kind) and
 * num are NULL for CSV. */
typedef struct imp_row {
    char *const *fields;
    size_t n;
    size_t line;
    const unsigned char *kind;
    const double *num;
    int date1904;          /* the workbook counts days from 1904 */
} imp_row;

/* The column a header means for this table (the profile's names, then the
 * CSV synonyms), NULL when none. */
const hd_column *imp_match_header(const hd_profile *p, hd_table t, const char *header);
/* Maps a header row; reports unknown and doubled columns.  0 or -1. */
int imp_map_header(importer *im, const char *const *fields, size_t n);
/* Checks the table's required columns are there.  0 or -1. */
int imp_required_columns(importer *im);
/* Reads a row's values and imports it (im->line set by the caller). */
void imp_take_row(importer *im, const imp_row *row);
/* What the profile changes in the row just loaded (import_profile.c): 1 to
 * skip the row (not one the table takes), 0 to read it. */
int imp_profile_row(importer *im);
/* Where a problem is: "FILE:LINE" or "FILE:SHEET!B7" (column c's cell). */
char *imp_where(const importer *im, hd_col c);

/* The rows of a workbook's sheet (import_xlsx.c): header found, then every
 * data row through imp_take_row.  Problems go to im->errors. */
struct xlsx_book;
void imp_read_xlsx_book(importer *im, struct xlsx_book *book, const char *sheet,
                        const char *profile);

/* Problems: an error stops the import (the row is bad), a warning does not. */
void imp_bad(importer *im, hd_col c, const char *fmt, ...) HD_PRINTF(3, 4);
void imp_warn(importer *im, const char *fmt, ...) HD_PRINTF(2, 3);

/* The row's value of column c ("" when empty), NULL when the file lacks it. */
const char *imp_val(const importer *im, hd_col c);
/* Cells into fields; a wrong cell is reported with imp_bad. */
void imp_take_text(importer *im, hd_col c, char **field);
void imp_take_phone(importer *im, hd_col c, char **field);
void imp_take_vocab(importer *im, hd_col c, hd_vocab voc, int *field, int allow_empty);
void imp_take_bool(importer *im, hd_col c, int *field);
void imp_take_int(importer *im, hd_col c, int *field, int lo, int hi);
void imp_take_risks(importer *im, hd_col c, unsigned *field);

/* References to other records: their id, 0 (reported) when not found. */
int64_t imp_lookup_id(importer *im, const char *sql, const char *a, int64_t b);
int64_t imp_lookup_by_fold(importer *im, const char *table, const char *name);
int64_t imp_village_ref(importer *im, hd_col c);
int64_t imp_school_ref(importer *im, hd_col c);

/* The row's stable key, NULL when none (or malformed: reported). */
const char *imp_uid_value(importer *im);
int64_t imp_find_by_uid(importer *im, const char *table, const char *uid);
/* The earlier line of this file that touched record id, or 0 (and
 * remembers this line). */
size_t imp_seen_before(importer *im, int64_t id, size_t line);
/* Counts a row's outcome, reports a record met twice in the file. */
void imp_save_result(importer *im, int rc, const hd_err *e, int64_t id, int existed,
                     int changed);

/* One row of each kind (import_rows.c). */
void imp_village_row(importer *im);
void imp_school_row(importer *im);
void imp_household_row(importer *im);
void imp_child_row(importer *im);
void imp_member_row(importer *im);
void imp_attendance_row(importer *im);   /* import_attendance.c */

#endif
