/* screen_rates.c — attendance rates of a month or of the school year to
 * it, by commune, village, school, class, level or ethnic minority
 * (core/attendance.h): F3 changes the grouping, Tab switches between the
 * month and the school year to date, + and - change the month. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attendance.h"
#include "core/date.h"
#include "core/i18n.h"
#include "tui/app.h"

typedef struct rates_state {
    int year, month;
    int group;            /* hd_att_group, ATT_BY_CHILD excluded */
    int ytd;              /* the school year to the month */
    hd_att_rate *r;
    int n, sel, first;
    char error[1024];
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
    attendance_rates_free(p->r, p->n);
    p->r = NULL;
    p->error[0] = '\0';
    int fy = p->year, fm = p->month;
    if (p->ytd)
        attendance_year_start(t->cfg, p->year, p->month, &fy, &fm);
    hd_err err;
    p->n = attendance_rates(t->db, fy, fm, p->year, p->month, (hd_att_group)p->group, t->lang,
                            0, &p->r, &err);
    if (p->n < 0) {
        snprintf(p->error, sizeof p->error, "%s", err.msg);
        p->n = 0;
    }
    if (p->sel >= p->n)
        p->sel = p->n ? p->n - 1 : 0;
}

enum { NUM_W = 10 };

static void rates_draw(tui_screen *s, tui *t, int top, int height)
{
    rates_state *p = s->st;
    char head[300];
    snprintf(head, sizeof head, p->ytd ? _("Attendance of the school year to %02d/%d, %s")
                                       : _("Attendance of %02d/%d, %s"),
             p->month, p->year, _(group_labels[p->group]));
    term_put(stdscr, top, 1, COLS - 2, head, ROLE_HEADER, 0);
    if (p->error[0]) {
        term_put(stdscr, top + 2, 1, COLS - 2, p->error, ROLE_ERROR, 0);
        return;
    }
    static const char *const cols[] = {N_("Pupils"), N_("School days"), N_("Leave"),
                                       N_("No leave"), N_("Attendance")};
    int name_w = COLS - 2 - 5 * NUM_W;
    term_put(stdscr, top + 2, 1, name_w, "", ROLE_HEADER, 1);
    for (int c = 0; c < 5; c++)
        term_put_right(stdscr, top + 2, 1 + name_w + c * NUM_W, NUM_W - 1, _(cols[c]),
                       ROLE_HEADER);
    int rows = height - 3;
    if (p->sel < p->first)
        p->first = p->sel;
    if (p->sel >= p->first + rows)
        p->first = p->sel - rows + 1;
    for (int i = p->first, y = top + 3; i < p->n && y < top + height; i++, y++) {
        const hd_att_rate *x = &p->r[i];
        tui_role r = i == p->sel ? ROLE_SELECTED : ROLE_NORMAL;
        char v[5][32];
        snprintf(v[0], sizeof v[0], "%ld", x->pupils);
        snprintf(v[1], sizeof v[1], "%ld", x->school_days);
        snprintf(v[2], sizeof v[2], "%ld", x->excused);
        snprintf(v[3], sizeof v[3], "%ld", x->unexcused);
        tui_percent(t, x->rate, 1, 1, v[4], sizeof v[4]);
        term_put(stdscr, y, 0, COLS, "", r, 1);
        term_put(stdscr, y, 1, name_w - 1, p->group == ATT_BY_COMMUNE ? _("Commune") : x->label,
                 r, 0);
        for (int c = 0; c < 5; c++)
            term_put_right(stdscr, y, 1 + name_w + c * NUM_W, NUM_W - 1, v[c], r);
    }
    if (!p->n)
        term_put(stdscr, top + 3, 2, COLS - 4, _("No attendance is recorded for this period."),
                 ROLE_DIM, 0);
}

static void rates_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    rates_state *p = s->st;
    int page = LINES - 7 > 1 ? LINES - 7 : 1;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_DOWN: p->sel += p->sel + 1 < p->n; break;
    case ACT_UP: p->sel -= p->sel > 0; break;
    case ACT_PAGE_DOWN: p->sel = p->sel + page < p->n ? p->sel + page : (p->n ? p->n - 1 : 0); break;
    case ACT_PAGE_UP: p->sel = p->sel > page ? p->sel - page : 0; break;
    case ACT_TOP: p->sel = 0; break;
    case ACT_BOTTOM: p->sel = p->n ? p->n - 1 : 0; break;
    case ACT_FILTER:
        p->group = (p->group + 1) % ATT_BY_CHILD;
        p->sel = p->first = 0;
        rates_reload(s, t);
        break;
    case ACT_NEXT_LIST:
        p->ytd = !p->ytd;
        rates_reload(s, t);
        break;
    case ACT_NEXT_MONTH:
    case ACT_PREV_MONTH: {
        int y = p->year, m = p->month;
        hd_err err;
        for (int i = 0; i < 12; i++) {
            m += a == ACT_NEXT_MONTH ? 1 : -1;
            if (m > 12) {
                m = 1;
                y++;
            } else if (m < 1) {
                m = 12;
                y--;
            }
            if (attendance_check_month(t->cfg, y, m, &err) == 0) {
                p->year = y;
                p->month = m;
                rates_reload(s, t);
                return;
            }
        }
        tui_message(t, ROLE_ERROR, "%s", _("No later month has started yet."));
        break;
    }
    default: break;
    }
}

static void rates_free(tui_screen *s)
{
    rates_state *p = s->st;
    attendance_rates_free(p->r, p->n);
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
    tui_screen *s = tui_screen_new(&rates_ops, p, _("Attendance rates"));
    rates_reload(s, t);
    return s;
}
