/* screen_warn.c — the early-warning proposals: each child with the rules
 * that fired and their figures; the committee confirms (the child is then
 * at risk) or dismisses one, giving the reason in a small form.  F3 shows
 * the decided ones too.  Enter opens the child's household. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/warning.h"
#include "tui/app.h"
#include "tui/form.h"

enum { WARN_MAX = 500 };

typedef struct warn_state {
    int all;                  /* also the decided ones */
    hd_warning *w;
    int n, sel, first;
    char error[1024];
} warn_state;

static const tui_action warn_actions[] = {
    ACT_CONFIRM, ACT_DISMISS, ACT_OPEN, ACT_FILTER, ACT_BACK, ACT_UP, ACT_DOWN,
    ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void warn_reload(tui_screen *s, tui *t)
{
    warn_state *w = s->st;
    warnings_free(w->w, w->n);
    w->w = NULL;
    w->error[0] = '\0';
    hd_warn_filter f = {.status = w->all ? -1 : WSTATUS_PROPOSED, .limit = WARN_MAX};
    hd_err err;
    w->n = warn_list(t->db, &f, &w->w, &err);
    if (w->n < 0) {
        snprintf(w->error, sizeof w->error, "%s", err.msg);
        w->n = 0;
    }
    if (w->sel >= w->n)
        w->sel = w->n ? w->n - 1 : 0;
}

/* Two lines a proposal: who, then why (or what was decided). */
static void draw_one(const tui *t, const warn_state *w, int i, int y, int two)
{
    char score[32];
    /* a score as the language writes a number: 4,5 in Vietnamese */
    tui_percent(t, w->w[i].score, 1, 1, score, sizeof score);
    score[strlen(score) > 2 ? strlen(score) - 2 : 0] = '\0';   /* no " %" */
    const hd_warning *p = &w->w[i];
    tui_role r = i == w->sel ? ROLE_SELECTED
                 : p->status == WSTATUS_PROPOSED ? ROLE_NORMAL : ROLE_DIM;
    char line[600], month[16];
    int yy = 0, mm = 0;
    sscanf(p->month, "%4d-%2d", &yy, &mm);
    snprintf(month, sizeof month, "%02d/%d", mm, yy);
    snprintf(line, sizeof line, "%s  %s (%d) · %s · %s", month, p->child, p->birth_year,
             *p->village ? p->village : "-", *p->class_name ? p->class_name : "-");
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, COLS - 16, line, r, 0);
    const char *st = warn_status_label(p->status);
    term_put_right(stdscr, y, COLS - 15, 14, st, r);
    if (!two)
        return;
    char *why = warn_describe(p->rules, p->facts, p->month);
    if (p->status == WSTATUS_PROPOSED)
        snprintf(line, sizeof line, _("score %s: %s"), score, why);
    else
        snprintf(line, sizeof line, "%s — %s", why, p->reason);
    free(why);
    term_put(stdscr, y + 1, 0, COLS, "", ROLE_NORMAL, 1);
    term_put(stdscr, y + 1, 4, COLS - 5, line, p->status == WSTATUS_PROPOSED ? ROLE_FLAG
                                                                              : ROLE_DIM, 0);
}

static void warn_draw(tui_screen *s, tui *t, int top, int height)
{
    warn_state *w = s->st;
    char head[300];
    snprintf(head, sizeof head, w->all ? _("%d proposals (all; F3: only those waiting)")
                                       : _("%d proposals waiting for the committee"),
             w->n);
    term_put(stdscr, top, 1, COLS - 2, head, ROLE_HEADER, 0);
    if (w->error[0]) {
        term_put(stdscr, top + 2, 1, COLS - 2, w->error, ROLE_ERROR, 0);
        return;
    }
    int rows = (height - 2) / 2;
    if (rows < 1)
        rows = 1;
    if (w->sel < w->first)
        w->first = w->sel;
    if (w->sel >= w->first + rows)
        w->first = w->sel - rows + 1;
    for (int i = w->first, y = top + 2; i < w->n && y + 1 < top + height; i++, y += 2)
        draw_one(t, w, i, y, 1);
    if (!w->n)
        term_put(stdscr, top + 2, 2, COLS - 4, _("No proposal is waiting."), ROLE_DIM, 0);
}

/* ---- the reason form ------------------------------------------------------------ */

typedef struct reason_state {
    tui_form *form;
    int64_t id, version;
    int confirm;
} reason_state;

static const tui_action reason_actions[] = {
    ACT_SAVE, ACT_CANCEL, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_HELP, ACT_NONE,
};

static void reason_draw(tui_screen *s, tui *t, int top, int height)
{
    reason_state *r = s->st;
    form_draw(r->form, t, top, height);
}

static int reason_write(void *ctx, tui *t, hd_err *err)
{
    reason_state *r = ctx;
    char *why = field_text(&r->form->fields[0]);
    int rc = warn_decide(t->db, r->id, r->version, r->confirm, why, err);
    free(why);
    return rc;
}

static void reason_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    reason_state *r = s->st;
    if (form_screen_key(r->form, t, a, k) == FORM_SAVE)
        form_screen_save(r->form, t, reason_write, NULL, r);
}

static void reason_free(tui_screen *s)
{
    reason_state *r = s->st;
    form_free(r->form);
    free(r);
}

static const tui_screen_ops reason_ops = {
    "form", reason_actions, 1, reason_draw, reason_key, NULL, reason_free,
};

static tui_screen *reason_form(tui *t, const hd_warning *p, int confirm)
{
    (void)t;
    reason_state *r = xcalloc(1, sizeof *r);
    r->id = p->id;
    r->version = p->version;
    r->confirm = confirm;
    char title[300];
    snprintf(title, sizeof title, confirm ? _("Confirm: %s is at risk") : _("Dismiss: %s"),
             p->child);
    r->form = form_new(title);
    form_add(r->form, _("Reason"), FIELD_TEXT, 1);
    return tui_screen_new(&reason_ops, r, r->form->title);
}

/* ---- keys ----------------------------------------------------------------------- */

static void warn_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    warn_state *w = s->st;
    int page = (LINES - 6) / 2 > 1 ? (LINES - 6) / 2 : 1;
    const hd_warning *p = w->n ? &w->w[w->sel] : NULL;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_DOWN: w->sel += w->sel + 1 < w->n; break;
    case ACT_UP: w->sel -= w->sel > 0; break;
    case ACT_PAGE_DOWN: w->sel = w->sel + page < w->n ? w->sel + page : (w->n ? w->n - 1 : 0); break;
    case ACT_PAGE_UP: w->sel = w->sel > page ? w->sel - page : 0; break;
    case ACT_FILTER:
        w->all = !w->all;
        warn_reload(s, t);
        break;
    case ACT_CONFIRM:
    case ACT_DISMISS:
        if (p && p->status == WSTATUS_PROPOSED)
            tui_push(t, reason_form(t, p, a == ACT_CONFIRM));
        else if (p)
            tui_message(t, ROLE_ERROR, _("This proposal was already %s."),
                        warn_status_label(p->status));
        break;
    case ACT_OPEN:
        if (p && p->household_id)
            tui_push(t, screen_list_new(t, LIST_CHILDREN, 0, p->household_id));
        else if (p)
            tui_push(t, screen_child_new(t, p->child_id));
        break;
    default: break;
    }
}

static void warn_free(tui_screen *s)
{
    warn_state *w = s->st;
    warnings_free(w->w, w->n);
    free(w);
}

static const tui_screen_ops warn_ops = {
    "warnings", warn_actions, 0, warn_draw, warn_key, warn_reload, warn_free,
};

tui_screen *screen_warn_new(tui *t)
{
    warn_state *w = xcalloc(1, sizeof *w);
    tui_screen *s = tui_screen_new(&warn_ops, w, _("Early warning"));
    warn_reload(s, t);
    return s;
}
