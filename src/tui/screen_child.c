/* screen_child.c — one child: the record, the household, and the dated
 * status history with each change's reason and who recorded it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/registry.h"
#include "tui/app.h"

typedef struct child_view {
    int64_t id;
    hd_child c;
    hd_household h;
    char village[128];
    char school[128];
    hd_status_entry *history;
    int nhistory;
    int ok;
    char error[1024];
} child_view;

static const tui_action child_actions[] = {
    ACT_EDIT, ACT_STATUS, ACT_ARCHIVE, ACT_HISTORY, ACT_BACK, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void view_clear(child_view *v)
{
    child_free(&v->c);
    household_free(&v->h);
    status_entries_free(v->history, v->nhistory);
    v->history = NULL;
    v->nhistory = 0;
    v->village[0] = v->school[0] = '\0';
}

static void child_reload(tui_screen *s, tui *t)
{
    child_view *v = s->st;
    view_clear(v);
    hd_err err;
    v->ok = child_get(t->db, v->id, &v->c, &err) == 0;
    if (v->ok && v->c.household_id && household_get(t->db, v->c.household_id, &v->h, &err) == 0) {
        hd_village vil;
        if (village_get(t->db, v->h.village_id, &vil, NULL) == 0) {
            snprintf(v->village, sizeof v->village, "%s", vil.name);
            village_free(&vil);
        }
    }
    hd_school sc;
    if (v->ok && v->c.school_id && school_get(t->db, v->c.school_id, &sc, NULL) == 0) {
        snprintf(v->school, sizeof v->school, "%s", sc.name);
        school_free(&sc);
    }
    if (v->ok)
        v->nhistory = child_history(t->db, v->id, &v->history, &err);
    if (!v->ok || v->nhistory < 0) {
        snprintf(v->error, sizeof v->error, "%s", err.msg);
        v->ok = 0;
        v->nhistory = 0;
    }
}

static void vn_date(const char *iso, char out[11])
{
    hd_date d;
    if (date_parse(iso, &d, NULL) == 0)
        date_vn(d, out);
    else
        snprintf(out, 11, "%s", iso);
}

static void risks_text(const tui *t, unsigned risk, char *buf, size_t n)
{
    buf[0] = '\0';
    for (int r = 0; r < RISK_COUNT; r++) {
        if (!(risk & (1u << r)))
            continue;
        size_t len = strlen(buf);
        snprintf(buf + len, n - len, "%s%s", len ? ", " : "", model_label(VOCAB_RISK, r, t->lang));
    }
}

static int draw_record(const child_view *v, tui *t, int y)
{
    const hd_child *c = &v->c;
    char line[512], birth[11];
    snprintf(line, sizeof line, "%s  (%s)", c->full_name, c->uid);
    term_put(stdscr, y++, 1, COLS - 2, line, c->status == STATUS_AT_RISK ? ROLE_FLAG : ROLE_HEADER, 0);
    if (c->birth_date[0])
        vn_date(c->birth_date, birth);
    else
        snprintf(birth, sizeof birth, "%d", c->birth_year);
    snprintf(line, sizeof line, _("%s, born %s, %s%s"), model_label(VOCAB_SEX, c->sex, t->lang),
             birth, c->ethnicity[0] ? c->ethnicity : "—", c->ethnic_minority ? _(" (ethnic minority)") : "");
    term_put(stdscr, y++, 1, COLS - 2, line, ROLE_NORMAL, 0);
    snprintf(line, sizeof line, _("Household: %s, %s"), v->h.head_name ? v->h.head_name : "—",
             v->village[0] ? v->village : "—");
    term_put(stdscr, y++, 1, COLS - 2, line, ROLE_NORMAL, 0);
    snprintf(line, sizeof line, _("School: %s, %s, class %s"), v->school[0] ? v->school : "—",
             c->level >= 0 ? model_label(VOCAB_LEVEL, c->level, t->lang) : "—",
             c->class_name[0] ? c->class_name : "—");
    term_put(stdscr, y++, 1, COLS - 2, line, ROLE_NORMAL, 0);
    char risks[400];
    risks_text(t, c->risk, risks, sizeof risks);
    snprintf(line, sizeof line, _("Risk factors: %s%s%s"), risks[0] ? risks : "—",
             c->risk_other[0] ? "; " : "", c->risk_other);
    term_put(stdscr, y++, 1, COLS - 2, line, c->risk ? ROLE_FLAG : ROLE_NORMAL, 0);
    if (c->notes[0])
        term_put(stdscr, y++, 1, COLS - 2, c->notes, ROLE_DIM, 0);
    return y;
}

static void child_draw(tui_screen *s, tui *t, int top, int height)
{
    child_view *v = s->st;
    if (!v->ok) {
        term_put(stdscr, top + 1, 1, COLS - 2, v->error, ROLE_ERROR, 0);
        return;
    }
    int y = draw_record(v, t, top + 1) + 1;
    term_put(stdscr, y++, 1, COLS - 2, _("Status history"), ROLE_HEADER, 0);
    /* the latest entries when they do not all fit */
    int room = top + height - y;
    int first = v->nhistory > room ? v->nhistory - room : 0;
    for (int i = first; i < v->nhistory && y < top + height; i++) {
        const hd_status_entry *e = &v->history[i];
        char date[11], line[512];
        vn_date(e->date, date);
        snprintf(line, sizeof line, "%-10s  %-18s %s", date,
                 model_label(VOCAB_STATUS, e->status, t->lang), e->reason);
        int w = term_put(stdscr, y, 1, COLS - 16, line, i == v->nhistory - 1 ? ROLE_NORMAL : ROLE_DIM, 0);
        (void)w;
        term_put_right(stdscr, y, COLS - 15, 14, e->created_by, ROLE_DIM);
        y++;
    }
}

typedef struct archive_ctx {
    int64_t id, version;
} archive_ctx;

static void archive_yes(tui *t, void *p)
{
    archive_ctx *a = p;
    hd_err err;
    int rc = record_archive(t->db, "child", a->id, a->version, 1, &err);
    free(a);
    if (rc < 0) {
        tui_message(t, ROLE_ERROR, "%s", err.msg);
        return;
    }
    tui_pop(t); /* the child's screen: back to the list */
    tui_message(t, ROLE_GOOD, "%s", _("Archived."));
}

static void child_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    child_view *v = s->st;
    if (a == ACT_BACK) {
        tui_pop(t);
    } else if (!v->ok) {
        return;
    } else if (a == ACT_EDIT) {
        tui_push(t, screen_child_form(t, v->id, 0));
    } else if (a == ACT_STATUS) {
        tui_push(t, screen_status_form(t, v->id, v->c.full_name));
    } else if (a == ACT_HISTORY) {
        tui_push(t, screen_history_new(t, v->c.uid, v->c.full_name));
    } else if (a == ACT_ARCHIVE && tui_allowed(t, PERM_RECORDS, 0)) {
        archive_ctx *ctx = xcalloc(1, sizeof *ctx);
        ctx->id = v->id;
        ctx->version = v->c.version;
        char q[300];
        snprintf(q, sizeof q, _("Archive %s? The record and its history are kept, out of the lists."),
                 v->c.full_name);
        tui_push(t, screen_confirm_new(t, q, archive_yes, ctx));
    }
}

static void child_free_screen(tui_screen *s)
{
    child_view *v = s->st;
    view_clear(v);
    free(v);
}

static const tui_screen_ops child_ops = {
    "child", child_actions, 0, child_draw, child_key, child_reload, child_free_screen,
};

tui_screen *screen_child_new(tui *t, int64_t child_id)
{
    child_view *v = xcalloc(1, sizeof *v);
    v->id = child_id;
    tui_screen *s = tui_screen_new(&child_ops, v, _("Child"));
    child_reload(s, t);
    return s;
}
