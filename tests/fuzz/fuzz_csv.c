/* fuzz_csv.c — the CSV reader (core/csv.c) on any bytes: every record read
 * has its fields, a line number that never goes back, and a separator of
 * the three it knows; an error ends the file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char empty[1];
    /* fmemopen refuses a size of 0: an empty input is one byte read away */
    FILE *fp = size ? fmemopen((void *)(uintptr_t)data, size, "rb") : fmemopen(empty, 1, "rb");
    if (!fp)
        return 0;
    if (!size)
        fgetc(fp);
    csv_reader *r = csv_reader_new(fp, "fuzz");
    csv_row row;
    hd_err err;
    size_t last = 0;
    int rc;
    while ((rc = csv_read(r, &row, &err)) == 1) {
        if (row.line < last)
            abort();
        last = row.line;
        for (size_t i = 0; i < row.n; i++)
            if (!row.fields[i])
                abort();
        char sep = csv_reader_separator(r);
        if (sep != ',' && sep != ';' && sep != '\t')
            abort();
    }
    if (rc != 0 && rc != -1)
        abort();
    csv_reader_free(r);
    fclose(fp);
    return 0;
}
