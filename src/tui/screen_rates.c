/* screen_rates.c — attendance rates of a month or of the school year to
 * it, by commune, village, school, class, level or ethnic minority
 * (core/attendance.h): F3 changes the grouping, Tab switches between the
 * month and the school year to date, + and - change the month. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attendance.h"
#include "core/i18n.h"
#include "tui/app.h"
#include "tui/table.h"

typedef struct rates_state {
    int year, month;
    int group;            /* hd_att_group, ATT_BY_CHILD excluded */
    int ytd;              /* the school year to the month */
    hd_att_rate *r;
    tui_table table;
} rates_state;

static const tui_action rates_actions[] = {
    ACT_FILTER, ACT_NEXT_LIST, ACT_NEXT_MONTH, ACT_PREV_MONTH, ACT_BACK, ACT_UP, ACT_DOWN,
    ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static const char *const group_labels[ATT_BY_CHILD] = {
    N_("the commune"), N_("by village"), N_("by school"), N_("by class"), N_("by level"),
    N_("ethnic minority"),
};

static void rates_reload(tui_screen *s, tui *t)
{
    rates_state *p = s->st;
    attendance_rates_free(p->r, p->table.n);
    p->r = NULL;
    int fy = p->year, fm = p->month;
    if (p->ytd)
        attendance_year_start(t->cfg, p->year, p->month, &fy, &fm);
    hd_err err;
    table_loaded(&p->table, attendance_rates(t->db, fy, fm, p->year, p->month,
                                             (hd_att_group)p->group, t->lang, 0, &p->r, &err),
                 &err);
}

enum { NUM_W = 10 };

static void rates_row(tui *t, const void *ctx, int i, int y, int selected)
{
    const rates_state *p = ctx;
    const hd_att_rate *x = &p->r[i];
    tui_role r = selected ? ROLE_SELECTED : ROLE_NORMAL;
    char v[5][32];
    snprintf(v[0], sizeof v[0], "%ld", x->pupils);
    snprintf(v[1], sizeof v[1], "%ld", x->school_days);
    snprintf(v[2], sizeof v[2], "%ld", x->excused);
    snprintf(v[3], sizeof v[3], "%ld", x->unexcused);
    tui_percent(t, x->rate, 1, 1, v[4], sizeof v[4]);
    int name_w = COLS - 2 - 5 * NUM_W;
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, name_w - 1, p->group == ATT_BY_COMMUNE ? _("Commune") : x->label,
             r, 0);
    for (int c = 0; c < 5; c++)
        term_put_right(stdscr, y, 1 + name_w + c * NUM_W, NUM_W - 1, v[c], r);
}

static void rates_draw(tui_screen *s, tui *t, int top, int height)
{
    rates_state *p = s->st;
    char head[300];
    snprintf(head, sizeof head, p->ytd ? _("Attendance of the school year to %02d/%d, %s")
                                       : _("Attendance of %02d/%d, %s"),
             p->month, p->year, _(group_labels[p->group]));
    if (!table_draw(&p->table, t, top, height, head, rates_row, p))
        return;
    static const char *const cols[] = {N_("Pupils"), N_("School days"), N_("Leave"),
                                       N_("No leave"), N_("Attendance")};
    int name_w = COLS - 2 - 5 * NUM_W;
    term_put(stdscr, top + 2, 1, name_w, "", ROLE_HEADER, 1);
    for (int c = 0; c < 5; c++)
        term_put_right(stdscr, top + 2, 1 + name_w + c * NUM_W, NUM_W - 1, _(cols[c]),
                       ROLE_HEADER);
}

static void rates_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    rates_state *p = s->st;
    if (table_key(&p->table, a))
        return;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_FILTER:
        p->group = (p->group + 1) % ATT_BY_CHILD;
        p->table.sel = p->table.first = 0;
        rates_reload(s, t);
        break;
    case ACT_NEXT_LIST:
        p->ytd = !p->ytd;
        rates_reload(s, t);
        break;
    case ACT_NEXT_MONTH:
    case ACT_PREV_MONTH:
        if (tui_taught_month_key(t, a, &p->year, &p->month))
            rates_reload(s, t);
        break;
    default: break;
    }
}

static void rates_free(tui_screen *s)
{
    rates_state *p = s->st;
    attendance_rates_free(p->r, p->table.n);
    free(p);
}

static const tui_screen_ops rates_ops = {
    "attendance-rates", rates_actions, 0, rates_draw, rates_key, rates_reload, rates_free,
};

tui_screen *screen_rates_new(tui *t, int year, int month)
{
    rates_state *p = xcalloc(1, sizeof *p);
    p->year = year;
    p->month = month;
    p->group = ATT_BY_VILLAGE;
    /* the heading, a blank line, the column titles */
    table_init(&p->table, 3, 1);
    p->table.empty = N_("No attendance is recorded for this period.");
    tui_screen *s = tui_screen_new(&rates_ops, p, _("Attendance rates"));
    rates_reload(s, t);
    return s;
}
