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
#include "tui/table.h"

enum { DUE_MAX = 500 };

typedef struct due_state {
    int unassigned;          /* which list: DUE_LIST, DUE_UNASSIGNED, DUE_LOAD */
    int64_t member_id;       /* 0: the whole committee */
    int overdue_only;
    hd_due_item *items;
    hd_unassigned *free_rows;
    hd_member_load *loads;
    tui_table table;
    int total, overdue;
} due_state;

static const tui_action due_actions[] = {
    ACT_OPEN, ACT_FILTER, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
    ACT_HELP, ACT_QUIT, ACT_NONE,
};

/* The table's n counts the rows of the one array this screen's list fills. */
static void due_clear(due_state *d)
{
    if (d->unassigned == DUE_UNASSIGNED)
        unassigned_free(d->free_rows, d->table.n);
    else if (d->unassigned == DUE_LOAD)
        member_loads_free(d->loads, d->table.n);
    else
        due_items_free(d->items, d->table.n);
    d->items = NULL;
    d->free_rows = NULL;
    d->loads = NULL;
    d->table.n = 0;
}

static void due_reload(tui_screen *s, tui *t)
{
    due_state *d = s->st;
    due_clear(d);
    hd_err err;
    hd_cw_opts o;
    cw_opts_init(&o, t->cfg);
    int n;
    if (d->unassigned == DUE_UNASSIGNED) {
        n = unassigned_households(t->db, &d->free_rows, &err);
    } else if (d->unassigned == DUE_LOAD) {
        n = member_load_list(t->db, &o, &d->loads, &err);
    } else {
        hd_due_filter f = {.member_id = d->member_id, .overdue_only = d->overdue_only,
                           .limit = DUE_MAX};
        n = due_list(t->db, &o, &f, &d->items, &err);
        if (n >= 0 && due_count(t->db, &o, &f, &d->total, &d->overdue, &err) < 0) {
            due_items_free(d->items, n); /* the count failed: no rows kept */
            d->items = NULL;
            n = -1;
        }
    }
    table_loaded(&d->table, n, &err);
}

static void vn_date(const char *iso, char out[11])
{
    hd_date x;
    if (iso[0] && date_parse(iso, &x, NULL) == 0)
        date_vn(x, out);
    else
        snprintf(out, 11, "%s", iso);
}

static void draw_item(const due_state *d, int i, int y, int selected)
{
    const hd_due_item *it = &d->items[i];
    tui_role r = selected ? ROLE_SELECTED : it->overdue ? ROLE_FLAG : ROLE_NORMAL;
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

static void draw_free_row(const due_state *d, int i, int y, int selected)
{
    const hd_unassigned *u = &d->free_rows[i];
    tui_role r = selected ? ROLE_SELECTED : ROLE_NORMAL;
    char line[600];
    snprintf(line, sizeof line, "%s · %s", u->household ? u->household : "",
             u->village ? u->village : "");
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, COLS - 2, line, r, 0);
}

/* A member's load: what the chair balances. */
static void draw_load(const due_state *d, int i, int y, int selected)
{
    const hd_member_load *l = &d->loads[i];
    tui_role r = selected ? ROLE_SELECTED : l->overdue ? ROLE_FLAG : ROLE_NORMAL;
    char line[300];
    snprintf(line, sizeof line, _("%3d households (%d lead), %3d children, %2d due, %2d overdue"),
             l->households, l->leads, l->children, l->due, l->overdue);
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, 26, l->name ? l->name : "", r, 0);
    term_put(stdscr, y, 28, COLS - 29, line, r, 0);
}

static void due_row(tui *t, const void *ctx, int i, int y, int selected)
{
    const due_state *d = ctx;
    if (d->unassigned == DUE_UNASSIGNED)
        draw_free_row(d, i, y, selected);
    else if (d->unassigned == DUE_LOAD)
        draw_load(d, i, y, selected);
    else
        draw_item(d, i, y, selected);
}

static void due_draw(tui_screen *s, tui *t, int top, int height)
{
    due_state *d = s->st;
    char head[300];
    if (d->unassigned == DUE_UNASSIGNED)
        snprintf(head, sizeof head, _("%d at-risk households with no one assigned"), d->table.n);
    else if (d->unassigned == DUE_LOAD)
        snprintf(head, sizeof head, "%s", _("Each member's load"));
    else
        snprintf(head, sizeof head, _("%d due, %d of them overdue%s"), d->total, d->overdue,
                 d->overdue_only ? _(" (showing the overdue)") : "");
    table_draw(&d->table, t, top, height, head, due_row, d);
}

static void due_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    due_state *d = s->st;
    if (table_key(&d->table, a))
        return;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_FILTER:
        if (d->unassigned == DUE_LIST) {
            d->overdue_only = !d->overdue_only;
            due_reload(s, t);
        }
        break;
    case ACT_OPEN: {
        int sel = d->table.sel;
        if (d->unassigned == DUE_LOAD) {
            if (d->table.n)
                tui_push(t, screen_member_new(t, d->loads[sel].member_id));
            break;
        }
        int64_t hh = !d->table.n ? 0 : d->unassigned ? d->free_rows[sel].household_id
                                                     : d->items[sel].household_id;
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
    table_init(&d->table, 2, 1);
    const char *title = list == DUE_UNASSIGNED ? _("No one assigned")
                        : list == DUE_LOAD ? _("Load")
                                                 : _("Due");
    tui_screen *s = tui_screen_new(&due_ops, d, title);
    due_reload(s, t);
    return s;
}
