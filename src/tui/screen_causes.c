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
#include "tui/table.h"

typedef struct causes_state {
    int year, month;
    hd_cause_row *r;
    tui_table table;
} causes_state;

static const tui_action causes_actions[] = {
    ACT_NEXT_MONTH, ACT_PREV_MONTH, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
    ACT_TOP, ACT_BOTTOM, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void causes_reload(tui_screen *s, tui *t)
{
    causes_state *c = s->st;
    cause_rows_free(c->r, c->table.n);
    c->r = NULL;
    hd_err err;
    table_loaded(&c->table, causes_report(t->db, t->cfg, c->year, c->month, &c->r, &err), &err);
}

enum { NUM_W = 10 };

/* The text's width: what the two counts leave. */
static int text_width(void)
{
    return COLS - 2 - 2 * NUM_W;
}

static void causes_row(tui *t, const void *ctx, int i, int y, int selected)
{
    const causes_state *c = ctx;
    const hd_cause_row *x = &c->r[i];
    tui_role r = selected ? ROLE_SELECTED : x->village_id < 0 ? ROLE_HEADER : ROLE_NORMAL;
    char line[400], a[24], b[24];
    const char *village = x->village_id < 0 ? _("Commune") : *x->village ? x->village
                                                                        : _("(no village)");
    const char *level = x->level == LEVEL_COUNT ? _("All")
                                                : model_label(VOCAB_LEVEL, x->level, t->lang);
    snprintf(line, sizeof line, "%s · %s · %s", village, level, cause_label(x->cause, t->lang));
    snprintf(a, sizeof a, "%ld", x->dropouts);
    snprintf(b, sizeof b, "%ld", x->at_risk);
    int text_w = text_width();
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, text_w - 1, line, r, 0);
    term_put_right(stdscr, y, 1 + text_w, NUM_W - 1, a, r);
    term_put_right(stdscr, y, 1 + text_w + NUM_W, NUM_W - 1, b, r);
}

static void causes_draw(tui_screen *s, tui *t, int top, int height)
{
    causes_state *c = s->st;
    char head[300];
    snprintf(head, sizeof head, _("Causes of dropout and risk, to %02d/%d"), c->month, c->year);
    if (!table_draw(&c->table, t, top, height, head, causes_row, c))
        return;
    int text_w = text_width();
    term_put(stdscr, top + 1, 1, text_w, _("Village · level · cause"), ROLE_HEADER, 1);
    term_put_right(stdscr, top + 1, 1 + text_w, NUM_W - 1, _("Dropped"), ROLE_HEADER);
    term_put_right(stdscr, top + 1, 1 + text_w + NUM_W, NUM_W - 1, _("At risk"), ROLE_HEADER);
}

static void causes_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    causes_state *c = s->st;
    if (table_key(&c->table, a))
        return;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_NEXT_MONTH:
    case ACT_PREV_MONTH:
        if (tui_month_key(t, a, &c->year, &c->month))
            causes_reload(s, t);
        break;
    default: break;
    }
}

static void causes_free(tui_screen *s)
{
    causes_state *c = s->st;
    cause_rows_free(c->r, c->table.n);
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
    table_init(&c->table, 2, 1);
    tui_screen *s = tui_screen_new(&causes_ops, c, _("Causes"));
    causes_reload(s, t);
    return s;
}
