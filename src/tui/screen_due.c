/* screen_due.c — what the committee (or one member) has to do, by date:
 * follow-ups, visits owed to children at risk, commitment reviews, reports
 * waiting for an answer; and the at-risk households and children that no
 * one is assigned to.  Enter opens the household. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casework.h"
#include "core/date.h"
#include "core/i18n.h"
#include "tui/app.h"

enum { DUE_MAX = 500 };

typedef struct due_state {
    int unassigned;          /* which list: DUE_LIST, DUE_UNASSIGNED, DUE_LOAD */
    int64_t member_id;       /* 0: the whole committee */
    int overdue_only;
    hd_due_item *items;
    hd_unassigned *free_rows;
    hd_member_load *loads;
    int n, total, overdue;
    int sel, first;
    char error[1024];
} due_state;

static const tui_action due_actions[] = {
    ACT_OPEN, ACT_FILTER, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
    ACT_HELP, ACT_QUIT, ACT_NONE,
};

/* d->n counts the rows of the one array this screen's list fills. */
static void due_clear(due_state *d)
{
    if (d->unassigned == DUE_UNASSIGNED)
        unassigned_free(d->free_rows, d->n);
    else if (d->unassigned == DUE_LOAD)
        member_loads_free(d->loads, d->n);
    else
        due_items_free(d->items, d->n);
    d->items = NULL;
    d->free_rows = NULL;
    d->loads = NULL;
    d->n = 0;
}

static void due_reload(tui_screen *s, tui *t)
{
    due_state *d = s->st;
    due_clear(d);
    d->error[0] = '\0';
    hd_err err;
    hd_cw_opts o;
    cw_opts_init(&o, t->cfg);
    if (d->unassigned == DUE_UNASSIGNED) {
        d->n = unassigned_households(t->db, &d->free_rows, &err);
    } else if (d->unassigned == DUE_LOAD) {
        d->n = member_load_list(t->db, &o, &d->loads, &err);
    } else {
        hd_due_filter f = {.member_id = d->member_id, .overdue_only = d->overdue_only,
                           .limit = DUE_MAX};
        d->n = due_list(t->db, &o, &f, &d->items, &err);
        if (d->n >= 0 && due_count(t->db, &o, &f, &d->total, &d->overdue, &err) < 0)
            d->n = -1;
    }
    if (d->n < 0) {
        snprintf(d->error, sizeof d->error, "%s", err.msg);
        d->n = 0;
    }
    if (d->sel >= d->n)
        d->sel = d->n ? d->n - 1 : 0;
}

static void vn_date(const char *iso, char out[11])
{
    hd_date x;
    if (iso[0] && date_parse(iso, &x, NULL) == 0)
        date_vn(x, out);
    else
        snprintf(out, 11, "%s", iso);
}

static void draw_item(const due_state *d, int i, int y)
{
    const hd_due_item *it = &d->items[i];
    tui_role r = i == d->sel ? ROLE_SELECTED : it->overdue ? ROLE_FLAG : ROLE_NORMAL;
    char date[11], line[600];
    vn_date(it->due_date, date);
    snprintf(line, sizeof line, "%-10s %-9.9s %s%s%s · %s", date, due_kind_label(it->kind),
             it->household ? it->household : "", it->child && it->child[0] ? " / " : "",
             it->child ? it->child : "", it->village ? it->village : "");
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, COLS - 20, line, r, 0);
    term_put_right(stdscr, y, COLS - 19, 18, it->responsible && it->responsible[0]
                                                 ? it->responsible : _("(no one)"), r);
}

static void draw_free_row(const due_state *d, int i, int y)
{
    const hd_unassigned *u = &d->free_rows[i];
    tui_role r = i == d->sel ? ROLE_SELECTED : ROLE_NORMAL;
    char line[600];
    snprintf(line, sizeof line, "%s · %s", u->household ? u->household : "",
             u->village ? u->village : "");
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, COLS - 2, line, r, 0);
}

/* A member's load: what the chair balances. */
static void draw_load(const due_state *d, int i, int y)
{
    const hd_member_load *l = &d->loads[i];
    tui_role r = i == d->sel ? ROLE_SELECTED : l->overdue ? ROLE_FLAG : ROLE_NORMAL;
    char line[300];
    snprintf(line, sizeof line, _("%3d households (%d lead), %3d children, %2d due, %2d overdue"),
             l->households, l->leads, l->children, l->due, l->overdue);
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, 26, l->name ? l->name : "", r, 0);
    term_put(stdscr, y, 28, COLS - 29, line, r, 0);
}

static void due_draw(tui_screen *s, tui *t, int top, int height)
{
    (void)t;
    due_state *d = s->st;
    char head[300];
    if (d->unassigned == DUE_UNASSIGNED)
        snprintf(head, sizeof head, _("%d at-risk households with no one assigned"), d->n);
    else if (d->unassigned == DUE_LOAD)
        snprintf(head, sizeof head, "%s", _("Each member's load"));
    else
        snprintf(head, sizeof head, _("%d due, %d of them overdue%s"), d->total, d->overdue,
                 d->overdue_only ? _(" (showing the overdue)") : "");
    term_put(stdscr, top, 1, COLS - 2, head, ROLE_HEADER, 0);
    if (d->error[0]) {
        term_put(stdscr, top + 2, 1, COLS - 2, d->error, ROLE_ERROR, 0);
        return;
    }
    int rows = height - 2;
    if (d->sel < d->first)
        d->first = d->sel;
    if (d->sel >= d->first + rows)
        d->first = d->sel - rows + 1;
    for (int i = d->first, y = top + 2; i < d->n && y < top + height; i++, y++) {
        if (d->unassigned == DUE_UNASSIGNED)
            draw_free_row(d, i, y);
        else if (d->unassigned == DUE_LOAD)
            draw_load(d, i, y);
        else
            draw_item(d, i, y);
    }
    if (!d->n)
        term_put(stdscr, top + 2, 2, COLS - 4, _("Nothing to show."), ROLE_DIM, 0);
}

static void due_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    due_state *d = s->st;
    int page = LINES - 6 > 1 ? LINES - 6 : 1;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_DOWN: d->sel += d->sel + 1 < d->n; break;
    case ACT_UP: d->sel -= d->sel > 0; break;
    case ACT_PAGE_DOWN: d->sel = d->sel + page < d->n ? d->sel + page : (d->n ? d->n - 1 : 0); break;
    case ACT_PAGE_UP: d->sel = d->sel > page ? d->sel - page : 0; break;
    case ACT_FILTER:
        if (d->unassigned == DUE_LIST) {
            d->overdue_only = !d->overdue_only;
            due_reload(s, t);
        }
        break;
    case ACT_OPEN: {
        if (d->unassigned == DUE_LOAD) {
            if (d->n)
                tui_push(t, screen_member_new(t, d->loads[d->sel].member_id));
            break;
        }
        int64_t hh = !d->n ? 0 : d->unassigned ? d->free_rows[d->sel].household_id
                                               : d->items[d->sel].household_id;
        if (hh)
            tui_push(t, screen_list_new(t, LIST_CHILDREN, 0, hh));
        break;
    }
    default: break;
    }
}

static void due_free(tui_screen *s)
{
    due_state *d = s->st;
    due_clear(d);
    free(d);
}

static const tui_screen_ops due_ops = {
    "due", due_actions, 0, due_draw, due_key, due_reload, due_free,
};

tui_screen *screen_due_new(tui *t, int64_t member_id, int list)
{
    due_state *d = xcalloc(1, sizeof *d);
    d->member_id = member_id;
    d->unassigned = list;
    const char *title = list == DUE_UNASSIGNED ? _("No one assigned")
                        : list == DUE_LOAD ? _("Load")
                                                 : _("Due");
    tui_screen *s = tui_screen_new(&due_ops, d, title);
    due_reload(s, t);
    return s;
}
