/* screen_support.c — the support register (core/support.h): what each
 * child received in the school year up to a month, from whom, its value,
 * with the totals in the heading; + and - change the month; Enter opens
 * the child.  Entries are recorded with `huydong support add`; printed
 * with `huydong print support`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/registry.h"
#include "core/support.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/table.h"

enum { SUPPORT_MAX = 1000 };

typedef struct support_state {
    int year, month;
    hd_support_entry *e;
    tui_table table;
    long long total;
} support_state;

static const tui_action support_actions[] = {
    ACT_OPEN, ACT_NEXT_MONTH, ACT_PREV_MONTH, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void support_reload(tui_screen *s, tui *t)
{
    support_state *p = s->st;
    support_entries_free(p->e, p->table.n);
    p->e = NULL;
    p->total = 0;
    hd_date first = {p->year, p->month, 1};
    hd_date last = {p->year, p->month, date_days_in_month(p->year, p->month)};
    if (date_cmp(last, date_today()) > 0)
        last = date_today();
    int sy = date_school_year(first, t->cfg->school_year_start_month);
    char from[11], to[11];
    date_iso((hd_date){sy, t->cfg->school_year_start_month, 1}, from);
    date_iso(last, to);
    hd_err err;
    table_loaded(&p->table, support_list(t->db, from, to, SUPPORT_MAX, &p->e, &err), &err);
    for (int i = 0; i < p->table.n; i++)
        p->total += p->e[i].value;
}

/* 1.500.000 */
static void money(long long v, char *buf, size_t n)
{
    char d[32];
    snprintf(d, sizeof d, "%lld", v < 0 ? -v : v);
    size_t len = strlen(d), k = 0;
    for (size_t i = 0; i < len && k + 2 < n; i++) {
        if (i && (len - i) % 3 == 0)
            buf[k++] = '.';
        buf[k++] = d[i];
    }
    buf[k] = '\0';
}

/* Two lines an entry: date, child, village, value; then kind, what, giver. */
static void support_row(tui *t, const void *ctx, int i, int y, int selected)
{
    const support_state *p = ctx;
    const hd_support_entry *x = &p->e[i];
    tui_role r = selected ? ROLE_SELECTED : ROLE_NORMAL;
    char line[600], d[11] = "", v[40];
    hd_date dt;
    if (date_parse(x->date, &dt, NULL) == 0)
        date_vn(dt, d);
    money(x->value, v, sizeof v);
    snprintf(line, sizeof line, "%s  %s (%d) · %s", d, x->child, x->birth_year,
             *x->village ? x->village : "-");
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, COLS - 16, line, r, 0);
    term_put_right(stdscr, y, COLS - 15, 14, v, r);
    snprintf(line, sizeof line, "%s%s%s · %s", model_label(VOCAB_SUPPORT, x->kind, t->lang),
             *x->what ? ": " : "", x->what, x->source);
    term_put(stdscr, y + 1, 0, COLS, "", ROLE_NORMAL, 1);
    term_put(stdscr, y + 1, 4, COLS - 5, line, ROLE_DIM, 0);
}

static void support_draw(tui_screen *s, tui *t, int top, int height)
{
    support_state *p = s->st;
    char head[300], total[40];
    money(p->total, total, sizeof total);
    snprintf(head, sizeof head, _("%d supports in the school year to %02d/%d: %s đồng"),
             p->table.n, p->month, p->year, total);
    table_draw(&p->table, t, top, height, head, support_row, p);
}

static void support_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    support_state *p = s->st;
    if (table_key(&p->table, a))
        return;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_NEXT_MONTH:
    case ACT_PREV_MONTH:
        if (tui_month_key(t, a, &p->year, &p->month))
            support_reload(s, t);
        break;
    case ACT_OPEN:
        if (p->table.n)
            tui_push(t, screen_child_new(t, p->e[p->table.sel].child_id));
        break;
    default: break;
    }
}

static void support_free(tui_screen *s)
{
    support_state *p = s->st;
    support_entries_free(p->e, p->table.n);
    free(p);
}

static const tui_screen_ops support_ops = {
    "support", support_actions, 0, support_draw, support_key, support_reload, support_free,
};

tui_screen *screen_support_new(tui *t)
{
    support_state *p = xcalloc(1, sizeof *p);
    hd_date d = date_today();
    p->year = d.year;
    p->month = d.month;
    table_init(&p->table, 2, 2);
    tui_screen *s = tui_screen_new(&support_ops, p, _("Support register"));
    support_reload(s, t);
    return s;
}

/* ---- recording support for a child (^U on a child of a list) ---------------------- */

typedef struct support_form_state {
    tui_form *form;
    int64_t child_id;
    char labels[5][64];     /* the core's field names, capitalised */
} support_form_state;

enum { SF_KIND, SF_SOURCE, SF_WHAT, SF_VALUE, SF_DATE };

static const tui_action support_form_actions[] = {
    ACT_SAVE, ACT_CANCEL, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_HELP, ACT_NONE,
};

static void support_form_draw(tui_screen *s, tui *t, int top, int height)
{
    support_form_state *f = s->st;
    form_draw(f->form, t, top, height);
}

static int support_form_write(void *ctx, tui *t, hd_err *err)
{
    support_form_state *f = ctx;
    tui_field *fl = f->form->fields;
    hd_support_entry e = {.child_id = f->child_id, .kind = fl[SF_KIND].choice};
    e.source = field_text(&fl[SF_SOURCE]);
    e.what = field_text(&fl[SF_WHAT]);
    char *v = field_text(&fl[SF_VALUE]), *d = field_text(&fl[SF_DATE]);
    e.value = *v ? strtoll(v, NULL, 10) : 0;
    snprintf(e.date, sizeof e.date, "%s", d);
    free(v);
    free(d);
    int rc = support_add(t->db, &e, err);
    support_entry_free(&e);
    return rc;
}

static void support_form_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    support_form_state *f = s->st;
    if (form_screen_key(f->form, t, a, k) == FORM_SAVE)
        form_screen_save(f->form, t, support_form_write, NULL, f);
}

static void support_form_free(tui_screen *s)
{
    support_form_state *f = s->st;
    form_free(f->form);
    free(f);
}

static const tui_screen_ops support_form_ops = {
    "form", support_form_actions, 1, support_form_draw, support_form_key, NULL,
    support_form_free,
};

/* "Source" from the core's "source", so that its "source: why" lands on
 * the field. */
static const char *cap_label(support_form_state *f, int i, const char *word)
{
    snprintf(f->labels[i], sizeof f->labels[i], "%s", word);
    if (f->labels[i][0] >= 'a' && f->labels[i][0] <= 'z')
        f->labels[i][0] = (char)(f->labels[i][0] - 'a' + 'A');
    return f->labels[i];
}

tui_screen *screen_support_form(tui *t, int64_t child_id)
{
    support_form_state *f = xcalloc(1, sizeof *f);
    f->child_id = child_id;
    hd_child c = {0};
    hd_err err;
    char title[300];
    if (child_get(t->db, child_id, &c, &err) == 0)
        snprintf(title, sizeof title, _("Support given to %s"), c.full_name);
    else
        snprintf(title, sizeof title, "%s", _("Support given to a child"));
    child_free(&c);
    f->form = form_new(title);
    tui_field *kind = form_add(f->form, cap_label(f, SF_KIND, _("kind")), FIELD_CHOICE, 1);
    for (int k = 0; k < SUPPORT_COUNT && k < FIELD_CHOICES_MAX; k++)
        kind->choices[kind->nchoices++] = model_label(VOCAB_SUPPORT, k, t->lang);
    kind->choice = 0;
    form_add(f->form, cap_label(f, SF_SOURCE, _("source")), FIELD_TEXT, 1);
    form_add(f->form, cap_label(f, SF_WHAT, _("what was given")), FIELD_TEXT, 0);
    tui_field *value = form_add(f->form, cap_label(f, SF_VALUE, _("value")), FIELD_NUMBER, 0);
    value->min = 0;
    value->max = 2000000000;
    tui_field *date = form_add(f->form, cap_label(f, SF_DATE, _("date")), FIELD_DATE, 1);
    char vn[11];
    date_vn(date_today(), vn);
    field_set_text(date, vn);
    return tui_screen_new(&support_form_ops, f, f->form->title);
}
