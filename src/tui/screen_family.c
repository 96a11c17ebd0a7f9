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

enum { FAMILY_MAX = 1000 };

typedef struct family_state {
    int year, month;
    hd_family_row *r;
    int n, sel, first;
    char error[1024];
} family_state;

static const tui_action family_actions[] = {
    ACT_OPEN, ACT_NEXT_MONTH, ACT_PREV_MONTH, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void family_reload(tui_screen *s, tui *t)
{
    family_state *f = s->st;
    family_rows_free(f->r, f->n);
    f->r = NULL;
    f->error[0] = '\0';
    hd_err err;
    f->n = family_review(t->db, t->cfg, f->year, f->month, FAMILY_MAX, &f->r, &err);
    if (f->n < 0) {
        snprintf(f->error, sizeof f->error, "%s", err.msg);
        f->n = 0;
    }
    if (f->sel >= f->n)
        f->sel = f->n ? f->n - 1 : 0;
}

static void family_draw(tui_screen *s, tui *t, int top, int height)
{
    (void)t;
    family_state *f = s->st;
    char head[300];
    snprintf(head, sizeof head, _("%d children of school age out of school or absent a lot, "
                                  "to %02d/%d"), f->n, f->month, f->year);
    term_put(stdscr, top, 1, COLS - 2, head, ROLE_HEADER, 0);
    if (f->error[0]) {
        term_put(stdscr, top + 2, 1, COLS - 2, f->error, ROLE_ERROR, 0);
        return;
    }
    int rows = height - 2;
    if (f->sel < f->first)
        f->first = f->sel;
    if (f->sel >= f->first + rows)
        f->first = f->sel - rows + 1;
    for (int i = f->first, y = top + 2; i < f->n && y < top + height; i++, y++) {
        const hd_family_row *x = &f->r[i];
        tui_role r = i == f->sel ? ROLE_SELECTED : x->not_in_school ? ROLE_FLAG : ROLE_NORMAL;
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
    if (!f->n)
        term_put(stdscr, top + 2, 2, COLS - 4, _("Nothing to show."), ROLE_DIM, 0);
}

static void family_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    family_state *f = s->st;
    int page = LINES - 6 > 1 ? LINES - 6 : 1;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_DOWN: f->sel += f->sel + 1 < f->n; break;
    case ACT_UP: f->sel -= f->sel > 0; break;
    case ACT_PAGE_DOWN: f->sel = f->sel + page < f->n ? f->sel + page : (f->n ? f->n - 1 : 0); break;
    case ACT_PAGE_UP: f->sel = f->sel > page ? f->sel - page : 0; break;
    case ACT_TOP: f->sel = 0; break;
    case ACT_BOTTOM: f->sel = f->n ? f->n - 1 : 0; break;
    case ACT_NEXT_MONTH:
    case ACT_PREV_MONTH: {
        int y = f->year, m = f->month + (a == ACT_NEXT_MONTH ? 1 : -1);
        if (m > 12) {
            m = 1;
            y++;
        } else if (m < 1) {
            m = 12;
            y--;
        }
        hd_date first = {y, m, 1};
        if (date_cmp(first, date_today()) > 0) {
            tui_message(t, ROLE_ERROR, "%s", _("No later month has started yet."));
            break;
        }
        f->year = y;
        f->month = m;
        family_reload(s, t);
        break;
    }
    case ACT_OPEN:
        if (f->n)
            tui_push(t, screen_list_new(t, LIST_CHILDREN, 0, f->r[f->sel].household_id));
        break;
    default: break;
    }
}

static void family_free(tui_screen *s)
{
    family_state *f = s->st;
    family_rows_free(f->r, f->n);
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
    tui_screen *s = tui_screen_new(&family_ops, f, _("Cultured-family review"));
    family_reload(s, t);
    return s;
}
