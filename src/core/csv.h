/* csv.h — RFC 4180 reading and writing.
 *
 * Reading streams from a FILE (a 100,000-row file is never held whole):
 * quoted fields with embedded separators, quotes ("") and newlines (CRLF or LF);
 * a UTF-8 byte-order mark at the start is skipped; the separator is detected
 * from the first record (',' ';' or TAB, whichever occurs most outside quotes;
 * ',' when none).  Bytes are returned as they are: checking UTF-8 is the
 * caller's job. */
#ifndef HD_CSV_H
#define HD_CSV_H

#include <stdio.h>

#include "core/util.h"

typedef struct csv_reader csv_reader;

typedef struct csv_row {
    char **fields;   /* owned by the reader; valid until the next csv_read */
    size_t n;        /* number of fields */
    size_t line;     /* physical line (1-based) where the record starts */
} csv_row;

/* fp stays owned by the caller.  `name` is used in messages (e.g. the path). */
csv_reader *csv_reader_new(FILE *fp, const char *name);
void csv_reader_free(csv_reader *r);
char csv_reader_separator(const csv_reader *r); /* after the first csv_read */

/* Reads the next record: 1 read, 0 end of file, -1 error with err set to
 * "NAME:LINE: unterminated quoted field" or similar.  Blank lines are skipped. */
int csv_read(csv_reader *r, csv_row *row, hd_err *err);

/* Writes one record with ',' separators and CRLF, quoting a field only when it
 * holds a separator, quote, CR or LF, or starts/ends with a space. */
void csv_write_row(FILE *fp, const char *const *fields, size_t n);
/* Writes the UTF-8 byte-order mark so spreadsheet programs read UTF-8. */
void csv_write_bom(FILE *fp);

#endif
