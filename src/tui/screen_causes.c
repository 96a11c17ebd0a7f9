/* screen_causes.c — dropouts and children at risk by cause, village and
 * level (core/causes.h), for a month (+ and - change it).  Printed with
 * `huydong print causes`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/causes.h"
#include "core/date.h"
#include "core/i18n.h"
#include "tui/app.h"

typedef struct causes_state {
    int year, month;
    hd_cause_row *r;
    int n, sel, first;
    char error[1024];
} causes_state;

static const tui_action causes_actions[] = {
    ACT_NEXT_MONTH, ACT_PREV_MONTH, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
    ACT_TOP, ACT_BOTTOM, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void causes_reload(tui_screen *s, tui *t)
{
    causes_state *c = s->st;
    cause_rows_free(c->r, c->n);
    c->r = NULL;
    c->error[0] = '\0';
    hd_err err;
    c->n = causes_report(t->db, t->cfg, c->year, c->month, &c->r, &err);
    if (c->n < 0) {
        snprintf(c->error, sizeof c->error, "%s", err.msg);
        c->n = 0;
    }
    if (c->sel >= c->n)
        c->sel = c->n ? c->n - 1 : 0;
}

enum { NUM_W = 10 };

static void causes_draw(tui_screen *s, tui *t, int top, int height)
{
    causes_state *c = s->st;
    char head[300];
    snprintf(head, sizeof head, _("Causes of dropout and risk, to %02d/%d"), c->month, c->year);
    term_put(stdscr, top, 1, COLS - 2, head, ROLE_HEADER, 0);
    if (c->error[0]) {
        term_put(stdscr, top + 2, 1, COLS - 2, c->error, ROLE_ERROR, 0);
        return;
    }
    int text_w = COLS - 2 - 2 * NUM_W;
    term_put(stdscr, top + 1, 1, text_w, _("Village · level · cause"), ROLE_HEADER, 1);
    term_put_right(stdscr, top + 1, 1 + text_w, NUM_W - 1, _("Dropped"), ROLE_HEADER);
    term_put_right(stdscr, top + 1, 1 + text_w + NUM_W, NUM_W - 1, _("At risk"), ROLE_HEADER);
    int rows = height - 2;
    if (c->sel < c->first)
        c->first = c->sel;
    if (c->sel >= c->first + rows)
        c->first = c->sel - rows + 1;
    for (int i = c->first, y = top + 2; i < c->n && y < top + height; i++, y++) {
        const hd_cause_row *x = &c->r[i];
        tui_role r = i == c->sel ? ROLE_SELECTED : x->village_id < 0 ? ROLE_HEADER : ROLE_NORMAL;
        char line[400], a[24], b[24];
        const char *village = x->village_id < 0 ? _("Commune") : *x->village ? x->village
                                                                            : _("(no village)");
        const char *level = x->level == LEVEL_COUNT ? _("All")
                                                    : model_label(VOCAB_LEVEL, x->level, t->lang);
        snprintf(line, sizeof line, "%s · %s · %s", village, level, cause_label(x->cause, t->lang));
        snprintf(a, sizeof a, "%ld", x->dropouts);
        snprintf(b, sizeof b, "%ld", x->at_risk);
        term_put(stdscr, y, 0, COLS, "", r, 1);
        term_put(stdscr, y, 1, text_w - 1, line, r, 0);
        term_put_right(stdscr, y, 1 + text_w, NUM_W - 1, a, r);
        term_put_right(stdscr, y, 1 + text_w + NUM_W, NUM_W - 1, b, r);
    }
    if (!c->n)
        term_put(stdscr, top + 2, 2, COLS - 4, _("Nothing to show."), ROLE_DIM, 0);
}

static void causes_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    causes_state *c = s->st;
    int page = LINES - 6 > 1 ? LINES - 6 : 1;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_DOWN: c->sel += c->sel + 1 < c->n; break;
    case ACT_UP: c->sel -= c->sel > 0; break;
    case ACT_PAGE_DOWN: c->sel = c->sel + page < c->n ? c->sel + page : (c->n ? c->n - 1 : 0); break;
    case ACT_PAGE_UP: c->sel = c->sel > page ? c->sel - page : 0; break;
    case ACT_TOP: c->sel = 0; break;
    case ACT_BOTTOM: c->sel = c->n ? c->n - 1 : 0; break;
    case ACT_NEXT_MONTH:
    case ACT_PREV_MONTH: {
        int y = c->year, m = c->month + (a == ACT_NEXT_MONTH ? 1 : -1);
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
        c->year = y;
        c->month = m;
        causes_reload(s, t);
        break;
    }
    default: break;
    }
}

static void causes_free(tui_screen *s)
{
    causes_state *c = s->st;
    cause_rows_free(c->r, c->n);
    free(c);
}

static const tui_screen_ops causes_ops = {
    "causes", causes_actions, 0, causes_draw, causes_key, causes_reload, causes_free,
};

tui_screen *screen_causes_new(tui *t)
{
    causes_state *c = xcalloc(1, sizeof *c);
    hd_date d = date_today();
    c->year = d.year;
    c->month = d.month;
    tui_screen *s = tui_screen_new(&causes_ops, c, _("Causes"));
    causes_reload(s, t);
    return s;
}
