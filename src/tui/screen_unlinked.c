/* screen_unlinked.c — the children a school's sheet brought in with no
 * household (core/ident.h): Enter asks for the household's code and links
 * the child to it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/ident.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/table.h"

typedef struct unlinked_state {
    hd_unlinked *rows;
    tui_table table;
} unlinked_state;

static const tui_action unlinked_actions[] = {
    ACT_OPEN, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HELP, ACT_QUIT,
    ACT_NONE,
};

static void unlinked_reload(tui_screen *s, tui *t)
{
    unlinked_state *u = s->st;
    unlinked_free(u->rows, u->table.n);
    u->rows = NULL;
    hd_err err;
    table_loaded(&u->table, unlinked_list(t->db, &u->rows, &err), &err);
}

static void unlinked_row(tui *t, const void *ctx, int i, int y, int selected)
{
    const unlinked_state *u = ctx;
    const hd_unlinked *r = &u->rows[i];
    tui_role role = selected ? ROLE_SELECTED : ROLE_NORMAL;
    char born[16], line[600];
    hd_date d;
    if (r->birth_date[0] && date_parse(r->birth_date, &d, NULL) == 0)
        date_vn(d, born);
    else
        snprintf(born, sizeof born, "%d", r->birth_year);
    snprintf(line, sizeof line, "%s · %s%s%s%s%s", born, r->class_name,
             *r->school ? " · " : "", r->school, *r->pupil_code ? " · " : "", r->pupil_code);
    term_put(stdscr, y, 0, COLS, "", role, 1);
    term_put(stdscr, y, 1, 28, r->name, role, 0);
    term_put(stdscr, y, 30, COLS - 31, line, role, 0);
}

static void unlinked_draw(tui_screen *s, tui *t, int top, int height)
{
    unlinked_state *u = s->st;
    char head[300];
    snprintf(head, sizeof head, _("%d children with no household (Enter: link one to its "
                                  "household)"), u->table.n);
    table_draw(&u->table, t, top, height, head, unlinked_row, u);
}

/* ---- the link form ---------------------------------------------------------- */

typedef struct link_state {
    tui_form *form;
    char uid[32];
} link_state;

static const tui_action link_actions[] = {
    ACT_SAVE, ACT_CANCEL, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_HELP, ACT_NONE,
};

static int link_write(void *ctx, tui *t, hd_err *err)
{
    link_state *l = ctx;
    char *code = field_text(&l->form->fields[0]);
    int rc = unlinked_link(t->db, l->uid, code, err);
    free(code);
    return rc;
}

static void link_draw(tui_screen *s, tui *t, int top, int height)
{
    link_state *l = s->st;
    form_draw(l->form, t, top, height);
}

static void link_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    link_state *l = s->st;
    if (form_screen_key(l->form, t, a, k) == FORM_SAVE)
        form_screen_save(l->form, t, link_write, NULL, l);
}

static void link_free(tui_screen *s)
{
    link_state *l = s->st;
    form_free(l->form);
    free(l);
}

static const tui_screen_ops link_ops = {
    "form", link_actions, 1, link_draw, link_key, NULL, link_free,
};

static tui_screen *link_form(const hd_unlinked *r)
{
    link_state *l = xcalloc(1, sizeof *l);
    snprintf(l->uid, sizeof l->uid, "%s", r->uid);
    char title[200];
    snprintf(title, sizeof title, _("%s: link to a household"), r->name);
    l->form = form_new(title);
    form_add(l->form, _("Household code"), FIELD_TEXT, 1);
    return tui_screen_new(&link_ops, l, l->form->title);
}

/* ---- keys --------------------------------------------------------------------- */

static void unlinked_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    unlinked_state *u = s->st;
    if (table_key(&u->table, a))
        return;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_OPEN:
        if (u->table.n)
            tui_push(t, link_form(&u->rows[u->table.sel]));
        break;
    default: break;
    }
}

static void unlinked_screen_free(tui_screen *s)
{
    unlinked_state *u = s->st;
    unlinked_free(u->rows, u->table.n);
    free(u);
}

static const tui_screen_ops unlinked_ops = {
    "unlinked", unlinked_actions, 0, unlinked_draw, unlinked_key, unlinked_reload,
    unlinked_screen_free,
};

tui_screen *screen_unlinked_new(tui *t)
{
    unlinked_state *u = xcalloc(1, sizeof *u);
    table_init(&u->table, 2, 1);
    tui_screen *s = tui_screen_new(&unlinked_ops, u, _("No household"));
    unlinked_reload(s, t);
    return s;
}
