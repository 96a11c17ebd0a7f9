/* table.h — a paged table: the rows a list screen shows, the selected one,
 * the one at the top, and the error shown in their place when they could
 * not be read.  It moves the selection, scrolls and draws; the screen keeps
 * only its own: what it reads from the core, how a row looks, what Enter
 * does.  It knows nothing of the rows themselves (the screen owns them). */
#ifndef HD_TUI_TABLE_H
#define HD_TUI_TABLE_H

#include "tui/app.h"

typedef struct tui_table {
    int n;              /* rows read */
    int sel, first;     /* the selected row; the row at the top */
    int head_lines;     /* lines of the body above the rows */
    int row_lines;      /* lines a row takes */
    const char *empty;  /* said when there are no rows, untranslated (N_);
                         * NULL: "Nothing to show." */
    char error[1024];   /* why there are no rows; "" when they were read */
} tui_table;

/* Draws row i from line y, on row_lines lines; selected: it is sel.
 * ctx is the screen's, passed through. */
typedef void table_row_fn(tui *t, const void *ctx, int i, int y, int selected);

/* An empty table whose rows start head_lines below the body's top. */
void table_init(tui_table *tb, int head_lines, int row_lines);

/* After reading: n rows, or none when n < 0, with err's message shown in
 * their place.  The selection stays on a row. */
void table_loaded(tui_table *tb, int n, const hd_err *err);

/* Moves the selection for Up, Down, Page Up, Page Down, Top and Bottom;
 * 1 when a was one of them, else 0 (the screen's own key). */
int table_key(tui_table *tb, tui_action a);

/* The heading on the body's first line, then the error two lines below
 * it, or the rows (or that there are none).  0 when it drew the error:
 * the screen adds nothing about rows, such as column titles. */
int table_draw(tui_table *tb, tui *t, int top, int height, const char *heading,
               table_row_fn *row, const void *ctx);

/* Only the rows, in lines y .. y+height-1, scrolled to show the
 * selection: for a screen that draws its own heading. */
void table_draw_rows(tui_table *tb, tui *t, int y, int height, table_row_fn *row,
                     const void *ctx);

#endif
