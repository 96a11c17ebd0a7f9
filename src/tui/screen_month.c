/* screen_month.c — the month at the committee's meeting: each party
 * branch's mobilization and dropout rates, the dropout trend over the
 * school year, its rating and the rule that decided it; the month closed
 * (its figures frozen) after a yes, or reopened for a correction with the
 * reason, which makes a new version and keeps the old one. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/monthly.h"
#include "core/print.h"
#include "tui/app.h"
#include "tui/form.h"

typedef struct month_state {
    int year, month;
    hd_month_view view;
    int loaded;
    double *trend;      /* nv * MONTHLY_TREND_MAX */
    int ntrend;
    double top;         /* the highest rate of the trend: one scale for all */
    int sel, first;
    char error[1024];
} month_state;

static const tui_action month_actions[] = {
    ACT_CLOSE_MONTH, ACT_REOPEN_MONTH, ACT_PREV_MONTH, ACT_NEXT_MONTH, ACT_OPEN, ACT_BACK,
    ACT_UP, ACT_DOWN, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void month_unload(month_state *ms)
{
    if (ms->loaded)
        monthly_view_free(&ms->view);
    ms->loaded = 0;
    free(ms->trend);
    ms->trend = NULL;
}

static void month_load(month_state *ms, tui *t)
{
    month_unload(ms);
    ms->error[0] = '\0';
    hd_err err;
    if (monthly_view_load(t->db, t->cfg, ms->year, ms->month, &ms->view, &err) < 0) {
        snprintf(ms->error, sizeof ms->error, "%s", err.msg);
        return;
    }
    ms->loaded = 1;
    const hd_month *m = ms->view.m;
    ms->trend = xcalloc((size_t)m->nv * MONTHLY_TREND_MAX, sizeof *ms->trend);
    ms->ntrend = 0;
    if (monthly_dropout_trend(t->db, t->cfg, m, ms->trend, &ms->ntrend, &err) < 0)
        ms->ntrend = 0;
    ms->top = 0;
    for (int i = 0; i < m->nv * MONTHLY_TREND_MAX; i++)
        if (!isnan(ms->trend[i]) && ms->trend[i] > ms->top)
            ms->top = ms->trend[i];
    if (ms->sel >= m->nv - 1)
        ms->sel = m->nv > 1 ? m->nv - 2 : 0;
}

/* The rating of village v, or NULL. */
static const hd_month_rating *rating_of(const month_state *ms, int64_t village_id)
{
    for (int i = 0; i < ms->view.nratings; i++)
        if (ms->view.ratings[i].village_id == village_id)
            return &ms->view.ratings[i];
    return NULL;
}

static void pct(const tui *t, double v, char *buf, size_t n)
{
    if (isnan(v))
        snprintf(buf, n, "—");
    else
        tui_percent(t, v, 2, 2, buf, n);
}

static void draw_line(month_state *ms, tui *t, int k, int y, tui_role role)
{
    const hd_month_village *v = &ms->view.m->v[k];
    const double *f = v->col[MCOL_ALL].v;
    char mob[24], drop[24], line[64];
    pct(t, f[MF_MOBILIZATION_RATE], mob, sizeof mob);
    pct(t, f[MF_DROPOUT_RATE], drop, sizeof drop);
    char *spark = doc_sparkline(&ms->trend[k * MONTHLY_TREND_MAX], ms->ntrend, ms->top,
                                term_ascii());
    const hd_month_rating *r = k ? rating_of(ms, v->id) : NULL;
    move(y, 0);
    if (role == ROLE_SELECTED) {
        attrset(term_attr(role));
        hline(' ', COLS);
    }
    term_put(stdscr, y, 1, 22, k ? v->name : _("Whole commune"), role, 1);
    term_put_right(stdscr, y, 24, 10, mob, role);
    term_put_right(stdscr, y, 35, 10, drop, role);
    snprintf(line, sizeof line, " %s", spark);
    term_put(stdscr, y, 46, 13, line, role, 1);
    term_put(stdscr, y, 60, COLS - 61, r ? r->rating_name : "", role, 1);
    attrset(A_NORMAL);
    free(spark);
}

/* The sentences of the rules behind the selected rating. */
static void draw_reason(month_state *ms, tui *t, const hd_month_rating *r, int y, int rows)
{
    if (!r)
        return;
    strbuf sb = {0};
    if (!*r->rules)
        sb_add(&sb, _("No rule capped this rating: every target is met."));
    char *copy = xstrdup(r->rules), *save = NULL;
    for (char *n = strtok_r(copy, ", ", &save); n; n = strtok_r(NULL, ", ", &save)) {
        const char *why = n;
        for (size_t i = 0; i < t->cfg->n_rules; i++)
            if (strcmp(t->cfg->rules[i].name, n) == 0)
                why = t->cfg->rules[i].why;
        sb_addf(&sb, "%s%s", sb.len ? " " : "", why);
    }
    free(copy);
    char **lines = NULL;
    int n = doc_wrap(sb_str(&sb), COLS - 4, &lines);
    for (int i = 0; i < n && i < rows; i++)
        term_put(stdscr, y + i, 2, COLS - 4, lines[i], ROLE_DIM, 0);
    doc_lines_free(lines, n);
    sb_free(&sb);
}

static void month_draw(tui_screen *s, tui *t, int top, int height)
{
    month_state *ms = s->st;
    char head[200];
    if (!ms->loaded) {
        snprintf(head, sizeof head, _("Month %02d/%d"), ms->month, ms->year);
        term_put(stdscr, top, 1, COLS - 2, head, ROLE_HEADER, 0);
        term_put(stdscr, top + 2, 1, COLS - 2, ms->error, ROLE_ERROR, 0);
        return;
    }
    const hd_month *m = ms->view.m;
    char asof[11];
    hd_date d;
    date_parse(m->as_of, &d, NULL);
    date_vn(d, asof);
    if (ms->view.closed)
        snprintf(head, sizeof head, _("Month %02d/%d: closed (version %d) as of %s"), ms->month,
                 ms->year, ms->view.closed, asof);
    else
        snprintf(head, sizeof head, _("Month %02d/%d: open, figures as of %s"), ms->month,
                 ms->year, asof);
    term_put(stdscr, top, 1, COLS - 2, head, ms->view.closed ? ROLE_GOOD : ROLE_HEADER, 0);
    term_put(stdscr, top + 1, 1, 22, _("Village (branch)"), ROLE_HEADER, 1);
    term_put_right(stdscr, top + 1, 24, 10, _("Mobilized"), ROLE_HEADER);
    term_put_right(stdscr, top + 1, 35, 10, _("Dropout"), ROLE_HEADER);
    term_put(stdscr, top + 1, 47, 12, _("Trend"), ROLE_HEADER, 1);
    term_put(stdscr, top + 1, 60, COLS - 61, _("Rating"), ROLE_HEADER, 1);
    /* the villages scroll; the commune's line and the reason stay below */
    int rows = height - 6, nvil = m->nv - 1;
    if (rows < 1)
        rows = 1;
    if (ms->sel < ms->first)
        ms->first = ms->sel;
    if (ms->sel >= ms->first + rows)
        ms->first = ms->sel - rows + 1;
    for (int i = 0; i < rows && ms->first + i < nvil; i++) {
        int k = ms->first + i + 1;
        draw_line(ms, t, k, top + 2 + i, ms->first + i == ms->sel ? ROLE_SELECTED : ROLE_NORMAL);
    }
    draw_line(ms, t, 0, top + 2 + rows, ROLE_HEADER);
    if (nvil > 0)
        draw_reason(ms, t, rating_of(ms, m->v[ms->sel + 1].id), top + 3 + rows, 2);
}

/* ---- closing and reopening ------------------------------------------------------- */

typedef struct close_ctx {
    int year, month;
} close_ctx;

static void close_yes(tui *t, void *arg)
{
    close_ctx *c = arg;
    hd_err err;
    int n = monthly_close(t->db, t->cfg, c->year, c->month, NULL, &err);
    if (n < 0)
        tui_message(t, ROLE_ERROR, "%s", err.msg);
    else
        tui_message(t, ROLE_GOOD, _("Month %02d/%d closed (version %d)."), c->month, c->year, n);
    free(c);
    tui_screen *s = tui_top(t);
    if (s->ops->reload)
        s->ops->reload(s, t);
}

typedef struct reopen_state {
    tui_form *form;
    int year, month;
} reopen_state;

static const tui_action reopen_actions[] = {
    ACT_SAVE, ACT_CANCEL, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_HELP, ACT_NONE,
};

static void reopen_draw(tui_screen *s, tui *t, int top, int height)
{
    reopen_state *r = s->st;
    form_draw(r->form, t, top, height);
}

static int reopen_write(void *ctx, tui *t, hd_err *err)
{
    reopen_state *r = ctx;
    char *reason = field_text(&r->form->fields[0]);
    int n = monthly_close(t->db, t->cfg, r->year, r->month, reason, err);
    free(reason);
    return n < 0 ? -1 : 0;
}

static void reopen_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    reopen_state *r = s->st;
    if (form_screen_key(r->form, t, a, k) == FORM_SAVE)
        form_screen_save(r->form, t, reopen_write, NULL, r);
}

static void reopen_free(tui_screen *s)
{
    reopen_state *r = s->st;
    form_free(r->form);
    free(r);
}

static const tui_screen_ops reopen_ops = {
    "form", reopen_actions, 1, reopen_draw, reopen_key, NULL, reopen_free,
};

static tui_screen *reopen_form(int year, int month)
{
    reopen_state *r = xcalloc(1, sizeof *r);
    r->year = year;
    r->month = month;
    char title[160];
    snprintf(title, sizeof title, _("Correct month %02d/%d: a new version"), month, year);
    r->form = form_new(title);
    form_add(r->form, _("Reason"), FIELD_TEXT, 1);
    return tui_screen_new(&reopen_ops, r, r->form->title);
}

static void month_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    month_state *ms = s->st;
    int nvil = ms->loaded ? ms->view.m->nv - 1 : 0;
    switch (a) {
    case ACT_UP: ms->sel = ms->sel > 0 ? ms->sel - 1 : 0; break;
    case ACT_DOWN: ms->sel = ms->sel + 1 < nvil ? ms->sel + 1 : ms->sel; break;
    case ACT_PREV_MONTH:
        tui_step_month(&ms->year, &ms->month, -1);
        month_load(ms, t);
        break;
    case ACT_NEXT_MONTH:
        tui_step_month(&ms->year, &ms->month, 1);
        month_load(ms, t);
        break;
    case ACT_BACK: tui_pop(t); break;
    case ACT_OPEN:
        if (nvil > 0) {
            const hd_month_village *v = &ms->view.m->v[ms->sel + 1];
            tui_push(t, screen_figures_new(t, ms->year, ms->month, v->id, v->name));
        }
        break;
    case ACT_CLOSE_MONTH:
        if (!tui_allowed(t, PERM_MONTH, 0))
            break;
        if (ms->view.closed) {
            tui_message(t, ROLE_ERROR, _("This month is closed already; r reopens it with a "
                                         "reason."));
        } else {
            close_ctx *c = xcalloc(1, sizeof *c);
            c->year = ms->year;
            c->month = ms->month;
            char q[200];
            snprintf(q, sizeof q, _("Close month %02d/%d? Its figures and ratings are frozen."),
                     ms->month, ms->year);
            tui_push(t, screen_confirm_new(t, q, close_yes, c));
        }
        break;
    case ACT_REOPEN_MONTH:
        if (!tui_allowed(t, PERM_MONTH, 0))
            break;
        if (!ms->view.closed)
            tui_message(t, ROLE_ERROR, _("This month is not closed yet; k closes it."));
        else
            tui_push(t, reopen_form(ms->year, ms->month));
        break;
    default: break;
    }
}

static void month_reload(tui_screen *s, tui *t)
{
    month_load(s->st, t);
}

static void month_free(tui_screen *s)
{
    month_state *ms = s->st;
    month_unload(ms);
    free(ms);
}

static const tui_screen_ops month_ops = {
    "month", month_actions, 0, month_draw, month_key, month_reload, month_free,
};

tui_screen *screen_month_new(tui *t)
{
    month_state *ms = xcalloc(1, sizeof *ms);
    hd_date today = date_today();
    ms->year = today.year;
    ms->month = today.month;
    month_load(ms, t);
    return tui_screen_new(&month_ops, ms, _("The month: branch evaluation"));
}
