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

enum { SPONSOR_MAX = 1000 };

typedef struct sponsors_state {
    int year, month;
    hd_sponsor_row *r;
    int n, sel, first;
    char error[1024];
} sponsors_state;

static const tui_action sponsors_actions[] = {
    ACT_OPEN, ACT_NEXT_MONTH, ACT_PREV_MONTH, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void sponsors_reload(tui_screen *s, tui *t)
{
    sponsors_state *p = s->st;
    sponsor_rows_free(p->r, p->n);
    p->r = NULL;
    p->error[0] = '\0';
    hd_err err;
    p->n = sponsor_results(t->db, t->cfg, p->year, p->month, SPONSOR_MAX, &p->r, &err);
    if (p->n < 0) {
        snprintf(p->error, sizeof p->error, "%s", err.msg);
        p->n = 0;
    }
    if (p->sel >= p->n)
        p->sel = p->n ? p->n - 1 : 0;
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
static void sponsors_draw(tui_screen *s, tui *t, int top, int height)
{
    sponsors_state *p = s->st;
    char head[300];
    snprintf(head, sizeof head, _("%d sponsored pupils in the school year, to %02d/%d"), p->n,
             p->month, p->year);
    term_put(stdscr, top, 1, COLS - 2, head, ROLE_HEADER, 0);
    if (p->error[0]) {
        term_put(stdscr, top + 2, 1, COLS - 2, p->error, ROLE_ERROR, 0);
        return;
    }
    int rows = (height - 2) / 2;
    if (rows < 1)
        rows = 1;
    if (p->sel < p->first)
        p->first = p->sel;
    if (p->sel >= p->first + rows)
        p->first = p->sel - rows + 1;
    for (int i = p->first, y = top + 2; i < p->n && y + 1 < top + height; i++, y += 2) {
        const hd_sponsor_row *x = &p->r[i];
        tui_role r = i == p->sel ? ROLE_SELECTED : ROLE_NORMAL;
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
    if (!p->n)
        term_put(stdscr, top + 2, 2, COLS - 4, _("Nothing to show."), ROLE_DIM, 0);
}

static void sponsors_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    sponsors_state *p = s->st;
    int page = (LINES - 6) / 2 > 1 ? (LINES - 6) / 2 : 1;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_DOWN: p->sel += p->sel + 1 < p->n; break;
    case ACT_UP: p->sel -= p->sel > 0; break;
    case ACT_PAGE_DOWN: p->sel = p->sel + page < p->n ? p->sel + page : (p->n ? p->n - 1 : 0); break;
    case ACT_PAGE_UP: p->sel = p->sel > page ? p->sel - page : 0; break;
    case ACT_TOP: p->sel = 0; break;
    case ACT_BOTTOM: p->sel = p->n ? p->n - 1 : 0; break;
    case ACT_NEXT_MONTH:
    case ACT_PREV_MONTH: {
        int y = p->year, m = p->month + (a == ACT_NEXT_MONTH ? 1 : -1);
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
        p->year = y;
        p->month = m;
        sponsors_reload(s, t);
        break;
    }
    case ACT_OPEN:
        if (p->n)
            tui_push(t, screen_child_new(t, p->r[p->sel].child_id));
        break;
    default: break;
    }
}

static void sponsors_free(tui_screen *s)
{
    sponsors_state *p = s->st;
    sponsor_rows_free(p->r, p->n);
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
    tui_screen *s = tui_screen_new(&sponsors_ops, p, _("Sponsors' results"));
    sponsors_reload(s, t);
    return s;
}
