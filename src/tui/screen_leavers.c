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

enum { LEAVERS_MAX = 1000 };

typedef struct leavers_state {
    int year;               /* the school year grade 9 ended in */
    hd_leaver *l;
    int n, sel, first, missing;
    char error[1024];
} leavers_state;

static const tui_action leavers_actions[] = {
    ACT_OPEN, ACT_NEXT_MONTH, ACT_PREV_MONTH, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void leavers_reload(tui_screen *s, tui *t)
{
    leavers_state *p = s->st;
    leavers_free(p->l, p->n);
    p->l = NULL;
    p->error[0] = '\0';
    p->missing = 0;
    hd_err err;
    p->n = leavers_list(t->db, p->year, LEAVERS_MAX, &p->l, &err);
    if (p->n < 0) {
        snprintf(p->error, sizeof p->error, "%s", err.msg);
        p->n = 0;
    }
    for (int i = 0; i < p->n; i++)
        p->missing += p->l[i].not_turned_up;
    if (p->sel >= p->n)
        p->sel = p->n ? p->n - 1 : 0;
}

static void leavers_draw(tui_screen *s, tui *t, int top, int height)
{
    leavers_state *p = s->st;
    char head[300];
    snprintf(head, sizeof head, _("Left grade 9 in %d-%d: %d pupils; %d admitted to grade 10 "
                                  "not turned up"), p->year, p->year + 1, p->n, p->missing);
    term_put(stdscr, top, 1, COLS - 2, head, ROLE_HEADER, 0);
    if (p->error[0]) {
        term_put(stdscr, top + 2, 1, COLS - 2, p->error, ROLE_ERROR, 0);
        return;
    }
    int rows = height - 2;
    if (p->sel < p->first)
        p->first = p->sel;
    if (p->sel >= p->first + rows)
        p->first = p->sel - rows + 1;
    for (int i = p->first, y = top + 2; i < p->n && y < top + height; i++, y++) {
        const hd_leaver *x = &p->l[i];
        tui_role r = i == p->sel ? ROLE_SELECTED : x->not_turned_up ? ROLE_FLAG : ROLE_NORMAL;
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
    if (!p->n)
        term_put(stdscr, top + 2, 2, COLS - 4, _("Nothing to show."), ROLE_DIM, 0);
}

static void leavers_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    leavers_state *p = s->st;
    int page = LINES - 6 > 1 ? LINES - 6 : 1;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_DOWN: p->sel += p->sel + 1 < p->n; break;
    case ACT_UP: p->sel -= p->sel > 0; break;
    case ACT_PAGE_DOWN: p->sel = p->sel + page < p->n ? p->sel + page : (p->n ? p->n - 1 : 0); break;
    case ACT_PAGE_UP: p->sel = p->sel > page ? p->sel - page : 0; break;
    case ACT_TOP: p->sel = 0; break;
    case ACT_BOTTOM: p->sel = p->n ? p->n - 1 : 0; break;
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
        if (p->n)
            tui_push(t, screen_child_new(t, p->l[p->sel].child_id));
        break;
    default: break;
    }
}

static void leavers_free_screen(tui_screen *s)
{
    leavers_state *p = s->st;
    leavers_free(p->l, p->n);
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
    tui_screen *s = tui_screen_new(&leavers_ops, p, _("After grade 9"));
    leavers_reload(s, t);
    return s;
}
