/* screen_sponsors.c — sponsors' results (core/sponsors.h): each sponsor's
 * pupils in the school year with their status and attendance at the start
 * and now; + and - change the month; Enter opens the pupil.  Printed with
 * `huydong print sponsors`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/sponsors.h"
#include "tui/app.h"
#include "tui/table.h"

enum { SPONSOR_MAX = 1000 };

typedef struct sponsors_state {
    int year, month;
    hd_sponsor_row *r;
    tui_table table;
} sponsors_state;

static const tui_action sponsors_actions[] = {
    ACT_OPEN, ACT_NEXT_MONTH, ACT_PREV_MONTH, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void sponsors_reload(tui_screen *s, tui *t)
{
    sponsors_state *p = s->st;
    sponsor_rows_free(p->r, p->table.n);
    p->r = NULL;
    hd_err err;
    table_loaded(&p->table,
                 sponsor_results(t->db, t->cfg, p->year, p->month, SPONSOR_MAX, &p->r, &err),
                 &err);
}

static void att_text(const tui *t, const char *month, double rate, char *buf, size_t n)
{
    if (!*month)
        snprintf(buf, n, "-");
    else
        tui_percent(t, rate, 1, 0, buf, n);
}

static const char *status_text(const tui *t, int s)
{
    return s >= 0 ? model_label(VOCAB_STATUS, s, t->lang) : "-";
}

/* Two lines a pupil: sponsor and pupil; then status and attendance. */
static void sponsors_row(tui *t, const void *ctx, int i, int y, int selected)
{
    const sponsors_state *p = ctx;
    const hd_sponsor_row *x = &p->r[i];
    tui_role r = selected ? ROLE_SELECTED : ROLE_NORMAL;
    char line[600], a[32], b[32];
    snprintf(line, sizeof line, "%s → %s (%d) · %s", x->member, x->child, x->birth_year,
             *x->village ? x->village : "-");
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, COLS - 2, line, r, 0);
    att_text(t, x->att_start_month, x->att_start, a, sizeof a);
    att_text(t, x->att_end_month, x->att_end, b, sizeof b);
    snprintf(line, sizeof line, _("status %s → %s · attendance %s → %s"),
             status_text(t, x->status_start), status_text(t, x->status_end), a, b);
    int worse = x->status_end == STATUS_DROPPED_OUT ||
                (x->att_end_month[0] && x->att_start_month[0] && x->att_end < x->att_start);
    term_put(stdscr, y + 1, 0, COLS, "", ROLE_NORMAL, 1);
    term_put(stdscr, y + 1, 4, COLS - 5, line, worse ? ROLE_FLAG : ROLE_DIM, 0);
}

static void sponsors_draw(tui_screen *s, tui *t, int top, int height)
{
    sponsors_state *p = s->st;
    char head[300];
    snprintf(head, sizeof head, _("%d sponsored pupils in the school year, to %02d/%d"),
             p->table.n, p->month, p->year);
    table_draw(&p->table, t, top, height, head, sponsors_row, p);
}

static void sponsors_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    sponsors_state *p = s->st;
    if (table_key(&p->table, a))
        return;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_NEXT_MONTH:
    case ACT_PREV_MONTH:
        if (tui_month_key(t, a, &p->year, &p->month))
            sponsors_reload(s, t);
        break;
    case ACT_OPEN:
        if (p->table.n)
            tui_push(t, screen_child_new(t, p->r[p->table.sel].child_id));
        break;
    default: break;
    }
}

static void sponsors_free(tui_screen *s)
{
    sponsors_state *p = s->st;
    sponsor_rows_free(p->r, p->table.n);
    free(p);
}

static const tui_screen_ops sponsors_ops = {
    "sponsors", sponsors_actions, 0, sponsors_draw, sponsors_key, sponsors_reload, sponsors_free,
};

tui_screen *screen_sponsors_new(tui *t)
{
    sponsors_state *p = xcalloc(1, sizeof *p);
    hd_date d = date_today();
    p->year = d.year;
    p->month = d.month;
    table_init(&p->table, 2, 2);
    tui_screen *s = tui_screen_new(&sponsors_ops, p, _("Sponsors' results"));
    sponsors_reload(s, t);
    return s;
}
