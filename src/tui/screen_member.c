/* screen_member.c — one committee member: who they are, the households and
 * children they are responsible for now, and their agenda (what is due). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casework.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/registry.h"
#include "tui/app.h"

enum { AGENDA_MAX = 50 };

typedef struct member_view {
    int64_t id;
    hd_member m;
    hd_assign_row *assigned;   /* open assignments only, compacted */
    int nassigned;
    hd_due_item *agenda;
    int nagenda;
    int sel;                   /* among the assignments */
    int ok;
    char error[1024];
} member_view;

static const tui_action member_actions[] = {
    ACT_OPEN, ACT_EDIT, ACT_BACK, ACT_UP, ACT_DOWN, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void view_clear(member_view *v)
{
    member_free(&v->m);
    assign_rows_free(v->assigned, v->nassigned);
    due_items_free(v->agenda, v->nagenda);
    v->assigned = NULL;
    v->agenda = NULL;
    v->nassigned = v->nagenda = 0;
}

/* Keeps the open assignments (no end date) at the front; frees the rest. */
static int keep_open(hd_assign_row *r, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (!r[i].end_date[0]) {
            hd_assign_row tmp = r[k];
            r[k] = r[i];
            r[i] = tmp;
            k++;
        }
    }
    for (int i = k; i < n; i++) {
        free(r[i].member);
        free(r[i].target);
        free(r[i].reason);
        free(r[i].end_reason);
    }
    return k;
}

static void member_reload(tui_screen *s, tui *t)
{
    member_view *v = s->st;
    view_clear(v);
    hd_err err;
    v->ok = member_get(t->db, v->id, &v->m, &err) == 0;
    int n = v->ok ? assignment_history(t->db, "member", v->id, &v->assigned, &err) : -1;
    if (n >= 0) {
        v->nassigned = keep_open(v->assigned, n);
        hd_cw_opts o;
        cw_opts_init(&o, t->cfg);
        hd_due_filter f = {.member_id = v->id, .limit = AGENDA_MAX};
        v->nagenda = due_list(t->db, &o, &f, &v->agenda, &err);
    }
    if (!v->ok || n < 0 || v->nagenda < 0) {
        snprintf(v->error, sizeof v->error, "%s", err.msg);
        v->ok = 0;
        v->nagenda = 0;
    }
    if (v->sel >= v->nassigned)
        v->sel = v->nassigned ? v->nassigned - 1 : 0;
}

static int draw_assignments(member_view *v, tui *t, int y, int bottom)
{
    char line[600];
    snprintf(line, sizeof line, _("Responsible for (%d)"), v->nassigned);
    term_put(stdscr, y++, 1, COLS - 2, line, ROLE_HEADER, 0);
    for (int i = 0; i < v->nassigned && y < bottom; i++, y++) {
        const hd_assign_row *a = &v->assigned[i];
        tui_role r = i == v->sel ? ROLE_SELECTED : ROLE_NORMAL;
        snprintf(line, sizeof line, "%-12s %s", model_label(VOCAB_ASSIGN_ROLE, a->role, t->lang),
                 a->target ? a->target : "");
        term_put(stdscr, y, 0, COLS, "", r, 1);
        term_put(stdscr, y, 2, COLS - 3, line, r, 0);
    }
    return y;
}

static void member_draw(tui_screen *s, tui *t, int top, int height)
{
    member_view *v = s->st;
    if (!v->ok) {
        term_put(stdscr, top + 1, 1, COLS - 2, v->error, ROLE_ERROR, 0);
        return;
    }
    char line[600];
    snprintf(line, sizeof line, "%s  (%s)", v->m.full_name, v->m.uid);
    term_put(stdscr, top + 1, 1, COLS - 2, line, ROLE_HEADER, 0);
    snprintf(line, sizeof line, "%s · %s%s%s", model_label(VOCAB_ORG, v->m.org, t->lang),
             model_label(VOCAB_CROLE, v->m.committee_role, t->lang),
             v->m.phone[0] ? " · " : "", v->m.phone);
    term_put(stdscr, top + 2, 1, COLS - 2, line, ROLE_NORMAL, 0);
    int bottom = top + height;
    int y = draw_assignments(v, t, top + 4, bottom - 3) + 1;
    snprintf(line, sizeof line, _("Agenda (%d)"), v->nagenda);
    term_put(stdscr, y++, 1, COLS - 2, line, ROLE_HEADER, 0);
    for (int i = 0; i < v->nagenda && y < bottom; i++, y++) {
        const hd_due_item *it = &v->agenda[i];
        char date[11];
        hd_date d;
        if (date_parse(it->due_date, &d, NULL) == 0)
            date_vn(d, date);
        else
            snprintf(date, sizeof date, "%s", it->due_date);
        snprintf(line, sizeof line, "%-10s %-9.9s %s%s%s", date, due_kind_label(it->kind),
                 it->household ? it->household : "", it->child && it->child[0] ? " / " : "",
                 it->child ? it->child : "");
        term_put(stdscr, y, 2, COLS - 3, line, it->overdue ? ROLE_FLAG : ROLE_NORMAL, 0);
    }
}

static void member_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    member_view *v = s->st;
    if (a == ACT_BACK) {
        tui_pop(t);
    } else if (a == ACT_DOWN && v->sel + 1 < v->nassigned) {
        v->sel++;
    } else if (a == ACT_UP && v->sel > 0) {
        v->sel--;
    } else if (a == ACT_EDIT && v->ok) {
        tui_push(t, screen_member_form(t, v->id, 0));
    } else if (a == ACT_OPEN && v->nassigned) {
        const hd_assign_row *r = &v->assigned[v->sel];
        int64_t id = cw_id_by_uid(t->db, "household", r->target_uid);
        int64_t child = id ? 0 : cw_id_by_uid(t->db, "child", r->target_uid);
        if (id)
            tui_push(t, screen_list_new(t, LIST_CHILDREN, 0, id));
        else if (child)
            tui_push(t, screen_child_new(t, child));
    }
}

static void member_free_screen(tui_screen *s)
{
    member_view *v = s->st;
    view_clear(v);
    free(v);
}

static const tui_screen_ops member_ops = {
    "member", member_actions, 0, member_draw, member_key, member_reload, member_free_screen,
};

tui_screen *screen_member_new(tui *t, int64_t member_id)
{
    member_view *v = xcalloc(1, sizeof *v);
    v->id = member_id;
    tui_screen *s = tui_screen_new(&member_ops, v, _("Member"));
    member_reload(s, t);
    return s;
}
