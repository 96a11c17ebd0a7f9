/* screen_family.c — the cultured-family review list (core/family.h): the
 * households with a child of school age not in school or absent a lot in
 * the school year, by village.  + and - change the month; Enter opens the
 * household's children.  Printed with `huydong print family-review`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attendance.h"
#include "core/date.h"
#include "core/family.h"
#include "core/i18n.h"
#include "tui/app.h"
#include "tui/table.h"

enum { FAMILY_MAX = 1000 };

typedef struct family_state {
    int year, month;
    hd_family_row *r;
    tui_table table;
} family_state;

static const tui_action family_actions[] = {
    ACT_OPEN, ACT_NEXT_MONTH, ACT_PREV_MONTH, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void family_reload(tui_screen *s, tui *t)
{
    family_state *f = s->st;
    family_rows_free(f->r, f->table.n);
    f->r = NULL;
    hd_err err;
    table_loaded(&f->table,
                 family_review(t->db, t->cfg, f->year, f->month, FAMILY_MAX, &f->r, &err), &err);
}

static void family_row(tui *t, const void *ctx, int i, int y, int selected)
{
    const family_state *f = ctx;
    const hd_family_row *x = &f->r[i];
    tui_role r = selected ? ROLE_SELECTED : x->not_in_school ? ROLE_FLAG : ROLE_NORMAL;
    char line[600];
    char *why = family_reason(x);
    snprintf(line, sizeof line, "%s · %s · %s (%d)", x->village, x->head, x->child,
             x->birth_year);
    int ww = term_width(why);
    if (ww > COLS / 2)
        ww = COLS / 2;
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, COLS - ww - 3, line, r, 0);
    term_put_right(stdscr, y, COLS - ww - 1, ww, why, r);
    free(why);
}

static void family_draw(tui_screen *s, tui *t, int top, int height)
{
    family_state *f = s->st;
    char head[300];
    snprintf(head, sizeof head, _("%d children of school age out of school or absent a lot, "
                                  "to %02d/%d"), f->table.n, f->month, f->year);
    table_draw(&f->table, t, top, height, head, family_row, f);
}

static void family_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    family_state *f = s->st;
    if (table_key(&f->table, a))
        return;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_NEXT_MONTH:
    case ACT_PREV_MONTH:
        if (tui_month_key(t, a, &f->year, &f->month))
            family_reload(s, t);
        break;
    case ACT_OPEN:
        if (f->table.n)
            tui_push(t, screen_list_new(t, LIST_CHILDREN, 0, f->r[f->table.sel].household_id));
        break;
    default: break;
    }
}

static void family_free(tui_screen *s)
{
    family_state *f = s->st;
    family_rows_free(f->r, f->table.n);
    free(f);
}

static const tui_screen_ops family_ops = {
    "family-review", family_actions, 0, family_draw, family_key, family_reload, family_free,
};

tui_screen *screen_family_new(tui *t)
{
    family_state *f = xcalloc(1, sizeof *f);
    hd_date d = date_today();
    f->year = d.year;
    f->month = d.month;
    table_init(&f->table, 2, 1);
    tui_screen *s = tui_screen_new(&family_ops, f, _("Cultured-family review"));
    family_reload(s, t);
    return s;
}
