/* screen_officials.c — the children of cadres, party members, civil
 * servants, public employees and association members who are at risk or
 * out of school (core/positions.h), by village; + and - change the month;
 * Enter opens the household.  And the form that records what positions a
 * household holds (F12 or ^B on a household of a list). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/positions.h"
#include "core/registry.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/table.h"

enum { OFFICIALS_MAX = 1000 };

typedef struct officials_state {
    int year, month;
    hd_official_row *r;
    tui_table table;
} officials_state;

static const tui_action officials_actions[] = {
    ACT_OPEN, ACT_NEXT_MONTH, ACT_PREV_MONTH, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void officials_reload(tui_screen *s, tui *t)
{
    officials_state *o = s->st;
    official_rows_free(o->r, o->table.n);
    o->r = NULL;
    hd_err err;
    table_loaded(&o->table, officials_list(t->db, o->year, o->month, OFFICIALS_MAX, &o->r, &err),
                 &err);
}

/* Two lines a child: who and their status; the household and its positions. */
static void officials_row(tui *t, const void *ctx, int i, int y, int selected)
{
    const officials_state *o = ctx;
    const hd_official_row *x = &o->r[i];
    tui_role r = selected ? ROLE_SELECTED
                 : x->status == STATUS_DROPPED_OUT ? ROLE_FLAG : ROLE_NORMAL;
    char line[600], d[11] = "";
    hd_date dt;
    if (date_parse(x->status_date, &dt, NULL) == 0)
        date_vn(dt, d);
    snprintf(line, sizeof line, "%s (%d) %s · %s", x->child, x->birth_year, x->class_name,
             x->village);
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, COLS - 30, line, r, 0);
    snprintf(line, sizeof line, "%s %s", model_label(VOCAB_STATUS, x->status, t->lang), d);
    term_put_right(stdscr, y, COLS - 29, 28, line, r);
    char *pos = position_text(x->positions, t->lang);
    snprintf(line, sizeof line, _("household %s: %s — %s"), x->head, pos, x->holder);
    free(pos);
    term_put(stdscr, y + 1, 0, COLS, "", ROLE_NORMAL, 1);
    term_put(stdscr, y + 1, 4, COLS - 5, line, ROLE_DIM, 0);
}

static void officials_draw(tui_screen *s, tui *t, int top, int height)
{
    officials_state *o = s->st;
    char head[300];
    snprintf(head, sizeof head, _("%d children of officials at risk or out of school, to "
                                  "%02d/%d"), o->table.n, o->month, o->year);
    table_draw(&o->table, t, top, height, head, officials_row, o);
}

static void officials_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    officials_state *o = s->st;
    if (table_key(&o->table, a))
        return;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_NEXT_MONTH:
    case ACT_PREV_MONTH:
        if (tui_month_key(t, a, &o->year, &o->month))
            officials_reload(s, t);
        break;
    case ACT_OPEN:
        if (o->table.n)
            tui_push(t, screen_list_new(t, LIST_CHILDREN, 0, o->r[o->table.sel].household_id));
        break;
    default: break;
    }
}

static void officials_free(tui_screen *s)
{
    officials_state *o = s->st;
    official_rows_free(o->r, o->table.n);
    free(o);
}

static const tui_screen_ops officials_ops = {
    "officials", officials_actions, 0, officials_draw, officials_key, officials_reload,
    officials_free,
};

tui_screen *screen_officials_new(tui *t)
{
    officials_state *o = xcalloc(1, sizeof *o);
    hd_date d = date_today();
    o->year = d.year;
    o->month = d.month;
    table_init(&o->table, 2, 2);
    tui_screen *s = tui_screen_new(&officials_ops, o, _("Children of officials"));
    officials_reload(s, t);
    return s;
}

/* ---- the household's positions --------------------------------------------------- */

typedef struct position_form_state {
    tui_form *form;
    hd_household_position p;
} position_form_state;

static const tui_action position_actions[] = {
    ACT_SAVE, ACT_CANCEL, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_HELP, ACT_NONE,
};

static void position_draw(tui_screen *s, tui *t, int top, int height)
{
    position_form_state *f = s->st;
    form_draw(f->form, t, top, height);
}

static int position_write(void *ctx, tui *t, hd_err *err)
{
    position_form_state *f = ctx;
    f->p.positions = f->form->fields[0].flags;
    free(f->p.holder);
    f->p.holder = field_text(&f->form->fields[1]);
    return position_set(t->db, &f->p, err);
}

static void position_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    position_form_state *f = s->st;
    if (form_screen_key(f->form, t, a, k) == FORM_SAVE)
        form_screen_save(f->form, t, position_write, NULL, f);
}

static void position_free_screen(tui_screen *s)
{
    position_form_state *f = s->st;
    form_free(f->form);
    position_free(&f->p);
    free(f);
}

static const tui_screen_ops position_ops = {
    "form", position_actions, 1, position_draw, position_key, NULL, position_free_screen,
};

tui_screen *screen_position_form(tui *t, int64_t household_id)
{
    position_form_state *f = xcalloc(1, sizeof *f);
    hd_err err;
    if (position_get(t->db, household_id, &f->p, &err) < 0)
        tui_message(t, ROLE_ERROR, "%s", err.msg);
    hd_household h = {0};
    char title[300];
    if (household_get(t->db, household_id, &h, &err) == 0)
        snprintf(title, sizeof title, _("Positions held in household %s"), h.head_name);
    else
        snprintf(title, sizeof title, "%s", _("Positions held in the household"));
    household_free(&h);
    f->form = form_new(title);
    tui_field *pos = form_add(f->form, _("Positions"), FIELD_FLAGS, 0);
    for (int p = 0; p < POS_COUNT && p < FIELD_CHOICES_MAX; p++)
        pos->choices[pos->nchoices++] = position_label(p, t->lang);
    pos->flags = f->p.positions;
    tui_field *who = form_add(f->form, _("Who holds them"), FIELD_TEXT, 0);
    field_set_text(who, f->p.holder ? f->p.holder : "");
    return tui_screen_new(&position_ops, f, f->form->title);
}
