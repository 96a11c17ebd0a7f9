/* table.c — aligned text tables and dates for the command line. */
#include "cli/table.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "core/util.h"

void cli_table_add(cli_table *t, ...)
{
    if (t->nrows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->cells = xreallocarray(t->cells, (size_t)t->cap * (size_t)t->ncols, sizeof *t->cells);
    }
    va_list ap;
    va_start(ap, t);
    for (int c = 0; c < t->ncols; c++) {
        const char *s = va_arg(ap, const char *);
        t->cells[t->nrows * t->ncols + c] = xstrdup(s ? s : "");
    }
    va_end(ap);
    t->nrows++;
}

void cli_table_print(cli_table *t, const char *indent)
{
    int w[16] = {0};
    for (int i = 0; i < t->nrows * t->ncols; i++)
        if (text_width(t->cells[i]) > w[i % t->ncols])
            w[i % t->ncols] = text_width(t->cells[i]);
    for (int r = 0; r < t->nrows; r++) {
        strbuf line = {0};
        sb_add(&line, indent);
        for (int c = 0; c < t->ncols; c++) {
            const char *s = t->cells[r * t->ncols + c];
            sb_add(&line, s);
            if (c + 1 < t->ncols)
                sb_addf(&line, "%*s", w[c] - text_width(s) + 2, "");
        }
        while (line.len && line.buf[line.len - 1] == ' ')
            line.buf[--line.len] = '\0';
        puts(sb_str(&line));
        sb_free(&line);
    }
    for (int i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    t->cells = NULL;
    t->nrows = t->cap = 0;
}

const char *cli_date_vn(const char *iso, char buf[11])
{
    hd_date d;
    buf[0] = '\0';
    if (iso && *iso && date_parse(iso, &d, NULL) == 0)
        date_vn(d, buf);
    return buf;
}
