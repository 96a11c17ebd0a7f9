/* print.h — printed documents in the administrative format Vietnamese
 * offices use: the issuing body beside the national header, the place and
 * date, a title, a table with numbered rows ("STT") and the chair's
 * signature block.
 *
 * A document is built once (doc_init, doc_add_row) and rendered to plain
 * UTF-8 text for 80 or 132 columns (pages separated by form feeds, the
 * table header repeated on every page, "Trang N/M" at the foot), to CSV of
 * the same rows, to PDF through paps and ps2pdf, or to the configured
 * printer command.  No curses, no SQL: print_docs.c fills documents from
 * the database. */
#ifndef HD_PRINT_H
#define HD_PRINT_H

#include <stdio.h>

#include "core/config.h"
#include "core/date.h"
#include "core/db.h"
#include "core/util.h"

#define DOC_MAX_COLS 12

/* What a column holds, for the spreadsheet (doc_save_xlsx): text unless a
 * document says otherwise. */
typedef enum hd_cell_kind {
    DOC_TEXT = 0,
    DOC_NUMBER,   /* "12" written as the number 12 */
    DOC_DATE,     /* "dd/mm/yyyy" written as a date (a bare year as a number) */
    DOC_PERCENT,  /* "0,45 %" written as 0.0045 shown as a percentage */
} hd_cell_kind;

typedef struct hd_doc {
    char *body[2];          /* issuing body: "UBND XÃ …", "BAN CHỈ ĐẠO …" */
    char *place;            /* "Ia Dom" in "Ia Dom, ngày 24 tháng 11 năm 2026" */
    hd_date date;
    char *title, *subtitle; /* subtitle may be "" */
    char *chair;            /* name under the signature; "" leaves the space */
    int ncols;              /* columns after STT */
    char *titles[DOC_MAX_COLS];
    int nrows, cap;
    char **cells;           /* nrows * ncols, NFC, owned */
    unsigned char kinds[DOC_MAX_COLS]; /* hd_cell_kind of each column; 0 = text */
} hd_doc;

/* The heading from cfg (commune name, chair) and date; the table's column
 * titles (ncols of them, STT excluded). */
void doc_init(hd_doc *d, const hd_config *cfg, hd_date date, const char *title,
              const char *subtitle, int ncols, const char *const *titles);
/* Adds a row of ncols cells (NULL prints as ""); decomposed text is
 * normalised to NFC so that widths and PDF glyphs come out right. */
void doc_add_row(hd_doc *d, const char *const *cells);
void doc_free(hd_doc *d);

/* Page widths the renderer accepts (columns of text). */
int doc_width_ok(int width);

/* Splits s into lines of at most width columns, at spaces when it can,
 * inside a word (at a character boundary) when a word is too long.  Returns
 * the number of lines (at least 1) and the lines in *out (free with
 * doc_lines_free). */
int doc_wrap(const char *s, int width, char ***out);
void doc_lines_free(char **lines, int n);

/* Column widths (STT first, then ncols) that fit the page: widths[0..ncols]. */
void doc_widths(const hd_doc *d, int width, int *widths);

/* The document as text, width 80 or 132, lines_per_page lines a page
 * (form feed between pages).  Caller frees. */
char *doc_text(const hd_doc *d, int width, int lines_per_page);
/* The rows as CSV (BOM, header row with STT, CRLF). */
void doc_csv(const hd_doc *d, FILE *fp);

/* Writes the text or the CSV to path through a temporary file renamed into
 * place, so a failed run never leaves half a file.  0 or -1 with err. */
int doc_save_text(const hd_doc *d, int width, int lines_per_page, const char *path,
                  hd_err *err);
int doc_save_csv(const hd_doc *d, const char *path, hd_err *err);
/* PDF: each page drawn by pango-view, joined by ghostscript (landscape for
 * 132 columns); the letters stay text. */
int doc_save_pdf(const hd_doc *d, int width, int lines_per_page, const char *paper,
                 const char *path, hd_err *err);
/* An Excel workbook (print_xlsx.c): the heading (issuing body, national
 * motto, place and date, title), bold column titles with the header row
 * frozen, widths fitted to the text, numbers, dates and rates typed by
 * d->kinds, the signature block; a second sheet with the definitions of
 * the figures. */
int doc_save_xlsx(const hd_doc *d, const char *path, hd_err *err);
/* Runs command (a shell command) with the document on its standard input:
 * its PDF (as doc_save_pdf makes it) when pdf, else its text; a non-zero
 * exit status is an error that names the command. */
int doc_print(const hd_doc *d, int width, int lines_per_page, const char *paper, int pdf,
              const char *command, hd_err *err);

/* A bar per value, eighths of a block scaled to max (U+2581..U+2588), a
 * space for NAN; with ascii, the characters "_.:-=+*#" instead.  Caller
 * frees. */
char *doc_sparkline(const double *v, int n, double max, int ascii);

/* 1 when program is found in $PATH. */
int doc_have_program(const char *program);

/* ---- the documents (print_docs.c) ----------------------------------------------
 * Each fills d (doc_free it) from the database for the month (year, month),
 * dated date_today(); a pure function of the database, config and month.
 * Labels are Vietnamese: these are the committee's papers.  0 or -1. */

/* Children at risk now: name, year of birth, village / household, class,
 * risk factors, who is responsible (sponsor, else the household's lead). */
int doc_at_risk(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err);
/* Children dropped out (by the end of the month): name, year of birth,
 * address, class, family circumstances, cause and date from the history. */
int doc_dropouts(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err);

/* The monthly committee list: each member (by name) with the households
 * they lead or support and the children they sponsor, as of the month's
 * end: address, the children at risk or out of school, their risk factors,
 * the latest commitment, the last visit and the next one due. */
int doc_committee(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d,
                  hd_err *err);
/* The visit schedule: follow-ups and visits due up to the end of the next
 * month, overdue ones included, by date, with who is responsible. */
int doc_visits(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err);
/* The party branches' evaluation: per village its rates, coverage, kept
 * commitments, dropout trend over the school year, rating and the rules
 * that decided it; the commune last.  A closed month prints its snapshot. */
int doc_evaluation(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d,
                   hd_err *err);
/* The commune's monthly report to the district: every figure per level, for
 * the commune and its ethnic-minority pupils. */
int doc_report(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err);

/* ---- the list of documents ---------------------------------------------------- */

typedef int (*hd_doc_build)(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d,
                            hd_err *err);

typedef struct hd_doc_kind {
    const char *name;       /* as the command line names it: "committee", ... */
    const char *label;      /* English, for gettext (N_): menus */
    hd_doc_build build;
    int width;              /* the width it reads best at: 80 or 132 */
} hd_doc_kind;

/* The documents, ended by an entry whose name is NULL. */
extern const hd_doc_kind doc_kinds[];
/* The document called name, or NULL. */
const hd_doc_kind *doc_kind_find(const char *name);

#endif
