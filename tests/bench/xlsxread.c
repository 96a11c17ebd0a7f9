/* xlsxread — reads every row of a workbook's sheet with the streaming
 * reader and prints how many rows and cells it saw: the reading alone,
 * without the database (tests/bench/run.sh measures its time and memory).
 * Usage: xlsxread FILE.xlsx [SHEET] */
#include <stdio.h>
#include <stdlib.h>

#include "core/xlsx.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: xlsxread FILE.xlsx [SHEET]\n");
        return 2;
    }
    hd_err err;
    xlsx_book *b = xlsx_open(argv[1], &err);
    int idx = b ? xlsx_find_sheet(b, argc > 2 ? argv[2] : NULL, &err) : -1;
    if (idx < 0 || xlsx_sheet_open(b, (size_t)idx, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        xlsx_close(b);
        return 1;
    }
    xlsx_row r;
    long rows = 0, cells = 0, dates = 0;
    int rc;
    while ((rc = xlsx_next_row(b, &r, &err)) == 1) {
        rows++;
        for (size_t i = 0; i < r.n; i++) {
            cells += r.kind[i] != XC_EMPTY;
            dates += r.kind[i] == XC_DATE;
        }
    }
    if (rc < 0)
        fprintf(stderr, "%s\n", err.msg);
    printf("%ld rows, %ld cells (%ld dates)\n", rows, cells, dates);
    xlsx_close(b);
    return rc < 0;
}
