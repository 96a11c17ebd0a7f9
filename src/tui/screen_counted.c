/* screen_counted.c — behind a figure: a village's (or the commune's)
 * figures for the month, and for a figure about children, the children it
 * counts (the core computes the list with the figure itself, so the two
 * agree).  Enter on a child opens the child. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/monthly.h"
#include "tui/app.h"
#include "tui/table.h"

/* ---- the children a figure counts ----------------------------------------------- */

typedef struct kids_state {
    int year, month, col, figure;
    int64_t village_id;
    hd_counted_child *c;
    tui_table table;
} kids_state;

static const tui_action kids_actions[] = {
    ACT_OPEN, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HELP, ACT_QUIT,
    ACT_NONE,
};

static void kids_load(kids_state *k, tui *t)
{
    monthly_counted_free(k->c, k->table.n);
    k->c = NULL;
    hd_err err;
    table_loaded(&k->table, monthly_counted(t->db, t->cfg, k->year, k->month, k->village_id,
                                            k->col, k->figure, &k->c, &err),
                 &err);
}

static void kids_row(tui *t, const void *ctx, int i, int y, int selected)
{
    const kids_state *k = ctx;
    const hd_counted_child *c = &k->c[i];
    tui_role r = selected ? ROLE_SELECTED : ROLE_NORMAL;
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, 12, c->uid, r, 1);
    term_put(stdscr, y, 14, 28, c->name, r, 1);
    term_put(stdscr, y, 43, 22, c->village, r, 1);
    term_put(stdscr, y, 66, COLS - 67, c->class_name, r, 1);
}

/* The error, if any, on the line under the heading; no words for an empty
 * list: the heading says "0 children". */
static void kids_draw(tui_screen *s, tui *t, int top, int height)
{
    kids_state *k = s->st;
    char head[160];
    snprintf(head, sizeof head, ngettext("%d child", "%d children", k->table.n), k->table.n);
    term_put(stdscr, top, 1, COLS - 2, head, ROLE_HEADER, 0);
    if (*k->table.error)
        term_put(stdscr, top + 1, 1, COLS - 2, k->table.error, ROLE_ERROR, 0);
    table_draw_rows(&k->table, t, top + 2, height - 2, kids_row, k);
}

static void kids_key(tui_screen *s, tui *t, tui_action a, tui_key key)
{
    (void)key;
    kids_state *k = s->st;
    if (table_key(&k->table, a))
        return;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_OPEN:
        if (k->table.n)
            tui_push(t, screen_child_new(t, k->c[k->table.sel].id));
        break;
    default: break;
    }
}

static void kids_reload(tui_screen *s, tui *t)
{
    kids_load(s->st, t);
}

static void kids_free(tui_screen *s)
{
    kids_state *k = s->st;
    monthly_counted_free(k->c, k->table.n);
    free(k);
}

static const tui_screen_ops kids_ops = {
    "counted", kids_actions, 0, kids_draw, kids_key, kids_reload, kids_free,
};

static tui_screen *kids_new(tui *t, const char *place, int year, int month, int64_t village_id,
                            int figure)
{
    kids_state *k = xcalloc(1, sizeof *k);
    k->year = year;
    k->month = month;
    k->village_id = village_id;
    k->col = MCOL_ALL;
    k->figure = figure;
    table_init(&k->table, 2, 1);
    kids_load(k, t);
    char title[200];
    const char *label = monthly_figure_label(figure);
    snprintf(title, sizeof title, "%s — %s", place, label + strspn(label, " "));
    return tui_screen_new(&kids_ops, k, title);
}

/* ---- a village's figures -------------------------------------------------------------- */

typedef struct figs_state {
    int year, month;
    int64_t village_id;
    char place[128];
    hd_month m;
    int loaded, sel;
    char error[1024];
} figs_state;

static const tui_action figs_actions[] = {
    ACT_OPEN, ACT_BACK, ACT_UP, ACT_DOWN, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static int counts_children(int f)
{
    return f <= MF_AT_RISK_VISITED && f != MF_MOBILIZATION_RATE && f != MF_DROPOUT_RATE;
}

static void figs_load(figs_state *g, tui *t)
{
    if (g->loaded)
        monthly_free(&g->m);
    g->loaded = 0;
    hd_err err;
    if (monthly_figures(t->db, t->cfg, g->year, g->month, &g->m, &err) < 0)
        snprintf(g->error, sizeof g->error, "%s", err.msg);
    else
        g->loaded = 1;
}

static const hd_month_village *figs_village(const figs_state *g)
{
    for (int i = 0; g->loaded && i < g->m.nv; i++)
        if (g->m.v[i].id == g->village_id)
            return &g->m.v[i];
    return NULL;
}

static void figs_draw(tui_screen *s, tui *t, int top, int height)
{
    figs_state *g = s->st;
    const hd_month_village *v = figs_village(g);
    char line[200];
    snprintf(line, sizeof line, _("%s, month %02d/%d, computed now; Enter lists the children"),
             g->place, g->month, g->year);
    term_put(stdscr, top, 1, COLS - 2, line, ROLE_HEADER, 0);
    if (!v) {
        term_put(stdscr, top + 2, 1, COLS - 2, g->error, ROLE_ERROR, 0);
        return;
    }
    for (int f = 0; f < MF_COUNT && top + 2 + f < top + height; f++) {
        double x = v->col[MCOL_ALL].v[f];
        char val[32];
        if (isnan(x))
            snprintf(val, sizeof val, "—");
        else if (f == MF_MOBILIZATION_RATE || f == MF_DROPOUT_RATE)
            tui_percent(t, x, 2, 2, val, sizeof val);
        else
            snprintf(val, sizeof val, "%.0f", x);
        tui_role r = f == g->sel ? ROLE_SELECTED : counts_children(f) ? ROLE_NORMAL : ROLE_DIM;
        term_put(stdscr, top + 2 + f, 0, COLS, "", r, 1);
        term_put(stdscr, top + 2 + f, 2, 50, monthly_figure_label(f), r, 1);
        term_put_right(stdscr, top + 2 + f, 53, 12, val, r);
    }
}

static void figs_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    figs_state *g = s->st;
    switch (a) {
    case ACT_UP: g->sel = g->sel > 0 ? g->sel - 1 : 0; break;
    case ACT_DOWN: g->sel = g->sel + 1 < MF_COUNT ? g->sel + 1 : g->sel; break;
    case ACT_BACK: tui_pop(t); break;
    case ACT_OPEN:
        if (counts_children(g->sel))
            tui_push(t, kids_new(t, g->place, g->year, g->month, g->village_id, g->sel));
        else
            tui_message(t, ROLE_ERROR, "%s",
                        _("This figure counts households, visits or commitments, or is a "
                          "rate: choose a count of children."));
        break;
    default: break;
    }
}

static void figs_reload(tui_screen *s, tui *t)
{
    figs_load(s->st, t);
}

static void figs_free(tui_screen *s)
{
    figs_state *g = s->st;
    if (g->loaded)
        monthly_free(&g->m);
    free(g);
}

static const tui_screen_ops figs_ops = {
    "figures", figs_actions, 0, figs_draw, figs_key, figs_reload, figs_free,
};

tui_screen *screen_figures_new(tui *t, int year, int month, int64_t village_id,
                               const char *place)
{
    figs_state *g = xcalloc(1, sizeof *g);
    g->year = year;
    g->month = month;
    g->village_id = village_id;
    snprintf(g->place, sizeof g->place, "%s", place);
    figs_load(g, t);
    return tui_screen_new(&figs_ops, g, _("Figures and the children they count"));
}
