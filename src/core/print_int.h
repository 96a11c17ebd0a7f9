/* print_int.h — what the document builders (print_*.c) share: the heading
 * from the database, a query's rows into the table, and cell helpers.
 * Internal to the core. */
#ifndef HD_PRINT_INT_H
#define HD_PRINT_INT_H

#include "core/print.h"

/* doc_init with the commune's own name (the database's; the config's only
 * for a database that has none) and the subtitle "Tháng MM/YYYY". */
void doc_start(hd_db *db, hd_doc *d, const hd_config *cfg, const char *title, int year,
               int month, int ncols, const char *const *titles);

/* Steps st to its end (and finishes it), calling fn for each row.  0 or -1. */
typedef void (*doc_row_fn)(sqlite3_stmt *st, hd_doc *d, void *arg);
int doc_fill(hd_db *db, sqlite3_stmt *st, hd_doc *d, doc_row_fn fn, void *arg, hd_err *err);

/* Column i as a new string ("" for NULL). */
char *doc_col(sqlite3_stmt *st, int i);
/* The risk factors of a bit set, "; "-separated; other names RISK_OTHER. */
char *doc_risk_text(unsigned risk, const char *other);
/* An ISO date as dd/mm/yyyy ("" stays ""; anything else is copied). */
void doc_date_vn(const char *iso, char out[11]);
/* The month's last day, ISO, but never after today. */
void doc_month_end(int year, int month, char out[11]);

#endif
