/* screen_history.c — one record's history from the audit log: when, who,
 * which field, the old and the new value; newest first, read a page at a
 * time as the user scrolls down. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit_log.h"
#include "core/i18n.h"
#include "tui/app.h"

enum { PAGE = 100 };

typedef struct history_view {
    char uid[40];
    char name[200];
    hd_audit_row *rows;
    int n;
    int more;      /* the last page read was full: older changes may follow */
    int top;       /* first row shown */
    int visible;   /* rows that fit, from the last draw */
    char error[1024];
} history_view;

static const tui_action history_actions[] = {
    ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM,
    ACT_HELP, ACT_QUIT, ACT_NONE,
};

/* Reads the next page, older than the last row read. */
static void read_more(history_view *v, tui *t)
{
    if (!v->more)
        return;
    hd_audit_row *page;
    hd_err err;
    int64_t before = v->n ? v->rows[v->n - 1].id : 0;
    int n = audit_history(t->db, v->uid, before, PAGE, &page, &err);
    if (n < 0) {
        snprintf(v->error, sizeof v->error, "%s", err.msg);
        v->more = 0;
        return;
    }
    v->rows = xreallocarray(v->rows, (size_t)v->n + (size_t)n + 1, sizeof *v->rows);
    memcpy(v->rows + v->n, page, (size_t)n * sizeof *page);
    free(page); /* the strings moved to v->rows */
    v->n += n;
    v->more = n == PAGE;
}

static void history_reload(tui_screen *s, tui *t)
{
    history_view *v = s->st;
    audit_rows_free(v->rows, v->n);
    v->rows = NULL;
    v->n = 0;
    v->more = 1;
    v->error[0] = '\0';
    read_more(v, t);
    if (v->top >= v->n)
        v->top = v->n ? v->n - 1 : 0;
}

/* "2026-11-24 10:32:05" -> "24/11/2026 10:32" */
static void when(const char *at, char out[20])
{
    if (strlen(at) >= 16)
        snprintf(out, 20, "%.2s/%.2s/%.4s %.5s", at + 8, at + 5, at, at + 11);
    else
        snprintf(out, 20, "%s", at);
}

static void change_text(const history_view *v, const hd_audit_row *r, char *buf, size_t n)
{
    if (strcmp(r->action, "update") == 0) {
        snprintf(buf, n, "%s: %s → %s", audit_field_label(r->field),
                 *r->old_value ? r->old_value : "—", *r->new_value ? r->new_value : "—");
        return;
    }
    const char *done = strcmp(r->action, "insert") == 0 ? _("added") : _("deleted");
    if (strcmp(r->row_uid, v->uid) == 0) /* the record itself */
        snprintf(buf, n, "%s", done);
    else /* a row named after it: a status entry "UID.2" */
        snprintf(buf, n, "%s %s: %s",
                 strcmp(r->tbl, "child_status") == 0 ? _("Status history") : r->tbl,
                 r->row_uid + strlen(v->uid), done);
}

static void history_draw(tui_screen *s, tui *t, int top, int height)
{
    (void)t;
    history_view *v = s->st;
    char line[1200];
    snprintf(line, sizeof line, _("History of %s (%s)"), v->name, v->uid);
    term_put(stdscr, top + 1, 1, COLS - 2, line, ROLE_HEADER, 0);
    if (v->error[0]) {
        term_put(stdscr, top + 2, 1, COLS - 2, v->error, ROLE_ERROR, 0);
        return;
    }
    if (!v->n) {
        term_put(stdscr, top + 3, 1, COLS - 2, _("No change recorded."), ROLE_DIM, 0);
        return;
    }
    int y = top + 4;
    v->visible = top + height - y;
    if (v->visible < 1)
        v->visible = 1;
    for (int i = v->top; i < v->n && y < top + height; i++, y++) {
        const hd_audit_row *r = &v->rows[i];
        char at[20], change[1000];
        when(r->at, at);
        change_text(v, r, change, sizeof change);
        snprintf(line, sizeof line, "%-16s %-12.12s %s", at, r->actor, change);
        term_put(stdscr, y, 1, COLS - 2, line, ROLE_NORMAL, 0);
    }
    if (v->more)
        snprintf(line, sizeof line, _("%d changes shown, older ones follow"), v->n);
    else
        snprintf(line, sizeof line, ngettext("%d change", "%d changes", (unsigned long)v->n),
                 v->n);
    term_put(stdscr, top + 2, 1, COLS - 2, line, ROLE_DIM, 0);
}

/* Scrolls to first, reading older pages as the window reaches them. */
static void scroll_to(history_view *v, tui *t, int first)
{
    while (v->more && first + v->visible >= v->n)
        read_more(v, t);
    int last = v->n - v->visible;
    if (first > last)
        first = last;
    v->top = first < 0 ? 0 : first;
}

static void history_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    history_view *v = s->st;
    int page = v->visible > 1 ? v->visible - 1 : 1;
    switch (a) {
    case ACT_BACK: tui_pop(t); break;
    case ACT_DOWN: scroll_to(v, t, v->top + 1); break;
    case ACT_UP: scroll_to(v, t, v->top - 1); break;
    case ACT_PAGE_DOWN: scroll_to(v, t, v->top + page); break;
    case ACT_PAGE_UP: scroll_to(v, t, v->top - page); break;
    case ACT_TOP: scroll_to(v, t, 0); break;
    case ACT_BOTTOM:
        while (v->more)
            read_more(v, t);
        scroll_to(v, t, v->n);
        break;
    default: break;
    }
}

static void history_free(tui_screen *s)
{
    history_view *v = s->st;
    audit_rows_free(v->rows, v->n);
    free(v);
}

static const tui_screen_ops history_ops = {
    "history", history_actions, 0, history_draw, history_key, history_reload, history_free,
};

tui_screen *screen_history_new(tui *t, const char *uid, const char *name)
{
    history_view *v = xcalloc(1, sizeof *v);
    snprintf(v->uid, sizeof v->uid, "%s", uid);
    snprintf(v->name, sizeof v->name, "%s", name ? name : "");
    v->visible = 10;
    tui_screen *s = tui_screen_new(&history_ops, v, _("History"));
    history_reload(s, t);
    return s;
}
