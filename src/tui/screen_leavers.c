/* screen_leavers.c — after grade 9 (core/leavers.h): the pupils who left
 * lower secondary in a school year and their paths, the ones admitted to
 * grade 10 who have not turned up flagged; + and - change the school year;
 * Enter opens the pupil.  Paths are recorded with `huydong leaver set`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/leavers.h"
#include "tui/app.h"
#include "tui/table.h"

enum { LEAVERS_MAX = 1000 };

typedef struct leavers_state {
    int year;               /* the school year grade 9 ended in */
    hd_leaver *l;
    tui_table table;
    int missing;
} leavers_state;

static const tui_action leavers_actions[] = {
    ACT_OPEN, ACT_NEXT_MONTH, ACT_PREV_MONTH, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void leavers_reload(tui_screen *s, tui *t)
{
    leavers_state *p = s->st;
    leavers_free(p->l, p->table.n);
    p->l = NULL;
    p->missing = 0;
    hd_err err;
    table_loaded(&p->table, leavers_list(t->db, p->year, LEAVERS_MAX, &p->l, &err), &err);
    for (int i = 0; i < p->table.n; i++)
        p->missing += p->l[i].not_turned_up;
}

static void leavers_row(tui *t, const void *ctx, int i, int y, int selected)
{
    const leavers_state *p = ctx;
    const hd_leaver *x = &p->l[i];
    tui_role r = selected ? ROLE_SELECTED : x->not_turned_up ? ROLE_FLAG : ROLE_NORMAL;
    char line[600], right[200];
    snprintf(line, sizeof line, "%s (%d) · %s", x->child, x->birth_year,
             *x->village ? x->village : "-");
    snprintf(right, sizeof right, "%s%s", path_label(x->path, t->lang),
             x->not_turned_up ? _(" · admitted, not turned up")
             : x->admitted   ? _(" · admitted")
                             : "");
    int rw = term_width(right);
    if (rw > COLS / 2)
        rw = COLS / 2;
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, COLS - rw - 3, line, r, 0);
    term_put_right(stdscr, y, COLS - rw - 1, rw, right, r);
}

static void leavers_draw(tui_screen *s, tui *t, int top, int height)
{
    leavers_state *p = s->st;
    char head[300];
    snprintf(head, sizeof head, _("Left grade 9 in %d-%d: %d pupils; %d admitted to grade 10 "
                                  "not turned up"), p->year, p->year + 1, p->table.n, p->missing);
    table_draw(&p->table, t, top, height, head, leavers_row, p);
}

static void leavers_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    leavers_state *p = s->st;
    if (table_key(&p->table, a))
        return;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_NEXT_MONTH:
        if (p->year + 1 > date_today().year) {
            tui_message(t, ROLE_ERROR, "%s", _("That school year has not started yet."));
            break;
        }
        p->year++;
        leavers_reload(s, t);
        break;
    case ACT_PREV_MONTH:
        p->year--;
        leavers_reload(s, t);
        break;
    case ACT_OPEN:
        if (p->table.n)
            tui_push(t, screen_child_new(t, p->l[p->table.sel].child_id));
        break;
    default: break;
    }
}

static void leavers_free_screen(tui_screen *s)
{
    leavers_state *p = s->st;
    leavers_free(p->l, p->table.n);
    free(p);
}

static const tui_screen_ops leavers_ops = {
    "leavers", leavers_actions, 0, leavers_draw, leavers_key, leavers_reload,
    leavers_free_screen,
};

tui_screen *screen_leavers_new(tui *t)
{
    leavers_state *p = xcalloc(1, sizeof *p);
    /* the school year that ended before the running one */
    p->year = date_school_year(date_today(), t->cfg->school_year_start_month) - 1;
    table_init(&p->table, 2, 1);
    tui_screen *s = tui_screen_new(&leavers_ops, p, _("After grade 9"));
    leavers_reload(s, t);
    return s;
}
