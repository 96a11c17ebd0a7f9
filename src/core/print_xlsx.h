/* print_xlsx.h — writing Excel workbooks with libxlsxwriter, one row at a
 * time: a document's heading (optional), bold column titles frozen on
 * screen, cells typed by kind (hd_cell_kind), column widths fitted to the
 * text at the end, a sheet of definitions; written to a temporary file and
 * renamed into place.  doc_save_xlsx (print.h) and the table export use it. */
#ifndef HD_PRINT_XLSX_H
#define HD_PRINT_XLSX_H

#include "core/print.h"

typedef struct xlsx_out xlsx_out;

/* constant_memory: rows go to disk as they come (no merged heading then).
 * NULL with err. */
xlsx_out *xout_open(const char *path, const char *sheet, int constant_memory, hd_err *err);
/* The administrative heading of d over ncols columns (merged cells). */
void xout_heading(xlsx_out *x, const hd_doc *d, int ncols);
/* The column titles (bold, bordered), frozen so they stay in view. */
void xout_titles(xlsx_out *x, int ncols, const char *const *titles);
/* A data row; kinds[i] an hd_cell_kind (NULL: all text). */
void xout_row(xlsx_out *x, const char *const *cells, const unsigned char *kinds);
/* Adds the definitions sheet (term, text pairs, NULL-ended; NULL: none),
 * closes and renames the file into place; frees x.  0 or -1 with err. */
int xout_close(xlsx_out *x, const char *const *defs, hd_err *err);

/* The definitions of the figures, as pairs (term, definition), NULL-ended. */
extern const char *const xout_figure_definitions[];

#endif
