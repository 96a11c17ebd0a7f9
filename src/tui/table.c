/* table.c — the paged table of the list screens. */
#include "tui/table.h"

#include <stdio.h>

#include "core/i18n.h"

void table_init(tui_table *tb, int head_lines, int row_lines)
{
    *tb = (tui_table){.head_lines = head_lines, .row_lines = row_lines};
}

void table_loaded(tui_table *tb, int n, const hd_err *err)
{
    tb->error[0] = '\0';
    if (n < 0) {
        snprintf(tb->error, sizeof tb->error, "%s", err->msg);
        n = 0;
    }
    tb->n = n;
    if (tb->sel >= n)
        tb->sel = n ? n - 1 : 0;
}

/* A page keeps one line of the last in view. */
static int table_page(const tui_table *tb)
{
    int page = (tui_body_height() - tb->head_lines - 1) / tb->row_lines;
    return page > 1 ? page : 1;
}

int table_key(tui_table *tb, tui_action a)
{
    int last = tb->n ? tb->n - 1 : 0;
    int page = table_page(tb);
    switch (a) {
    case ACT_UP: tb->sel -= tb->sel > 0; break;
    case ACT_DOWN: tb->sel += tb->sel < last; break;
    case ACT_PAGE_UP: tb->sel = tb->sel > page ? tb->sel - page : 0; break;
    case ACT_PAGE_DOWN: tb->sel = tb->sel + page < last ? tb->sel + page : last; break;
    case ACT_TOP: tb->sel = 0; break;
    case ACT_BOTTOM: tb->sel = last; break;
    default: return 0;
    }
    return 1;
}

void table_draw_rows(tui_table *tb, tui *t, int y, int height, table_row_fn *row,
                     const void *ctx)
{
    int rows = height / tb->row_lines;
    if (rows < 1)
        rows = 1;
    if (tb->sel < tb->first)
        tb->first = tb->sel;
    if (tb->sel >= tb->first + rows)
        tb->first = tb->sel - rows + 1;
    int end = y + height;
    for (int i = tb->first; i < tb->n && y + tb->row_lines <= end; i++, y += tb->row_lines)
        row(t, ctx, i, y, i == tb->sel);
}

int table_draw(tui_table *tb, tui *t, int top, int height, const char *heading,
               table_row_fn *row, const void *ctx)
{
    term_put(stdscr, top, 1, COLS - 2, heading, ROLE_HEADER, 0);
    if (tb->error[0]) {
        term_put(stdscr, top + 2, 1, COLS - 2, tb->error, ROLE_ERROR, 0);
        return 0;
    }
    int y = top + tb->head_lines;
    table_draw_rows(tb, t, y, height - tb->head_lines, row, ctx);
    if (!tb->n)
        term_put(stdscr, y, 2, COLS - 4, _(tb->empty ? tb->empty : N_("Nothing to show.")),
                 ROLE_DIM, 0);
    return 1;
}
