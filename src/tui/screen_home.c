/* screen_home.c — the commune at a glance: figures per level against the
 * targets, and the way to every list. */
#include <stdio.h>
#include <stdlib.h>

#include "core/attendance.h"
#include "core/casework.h"
#include "core/date.h"
#include "core/figures.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/registry.h"
#include "core/warning.h"
#include "tui/app.h"

typedef struct home_state {
    hd_dashboard d;
    hd_village_figures *villages; /* owned */
    int nvillages;
    int unassigned;               /* at-risk households with no one assigned */
    int due, overdue;             /* the committee's agenda */
    int att_year, att_month;      /* the latest month with attendance; 0: none */
    int att_pending;              /* to be read when the screen is idle */
    double att_month_rate, att_year_rate;
    int proposals;                /* early-warning proposals waiting */
    int sel;                      /* the village line selected */
    int first;                    /* the first village line shown */
    int ok;
    char error[1024];
} home_state;

static const tui_action home_actions[] = {
    ACT_GO_CHILDREN, ACT_GO_HOUSEHOLDS, ACT_GO_MEMBERS, ACT_GO_VILLAGES, ACT_GO_SCHOOLS,
    ACT_GO_DUE, ACT_GO_UNASSIGNED, ACT_GO_MINE, ACT_GO_LOAD, ACT_GO_MONTH, ACT_GO_PRINT,
    ACT_GO_UNLINKED, ACT_GO_ATTENDANCE, ACT_GO_WARNINGS, ACT_GO_FAMILY, ACT_GO_CAUSES,
    ACT_GO_SPONSORS, ACT_GO_SUPPORT, ACT_GO_OFFICIALS, ACT_GO_LEAVERS, ACT_OPEN, ACT_UP,
    ACT_DOWN, ACT_HELP, ACT_QUIT, ACT_NONE,
};

/* The case-work counts of the home screen; -1 each when unreadable. */
static void load_casework(home_state *h, tui *t)
{
    hd_err err;
    hd_cw_opts o;
    cw_opts_init(&o, t->cfg);
    hd_due_filter f = {0};
    if (due_count(t->db, &o, &f, &h->due, &h->overdue, &err) < 0)
        h->due = h->overdue = -1;
    hd_unassigned *u;
    int n = unassigned_households(t->db, &u, &err);
    h->unassigned = n;
    if (n >= 0)
        unassigned_free(u, n);
}

/* The commune's attendance in the latest month entered and over the
 * school year to it; the proposals waiting. */
static void load_attendance(home_state *h, tui *t)
{
    h->att_year = h->att_month = 0;
    h->proposals = warn_pending(t->db);
    int y, m;
    if (!attendance_latest_month(t->db, &y, &m))
        return;
    int sy, sm;
    attendance_year_start(t->cfg, y, m, &sy, &sm);
    if (!attendance_commune_rate(t->db, y, m, y, m, &h->att_month_rate) ||
        !attendance_commune_rate(t->db, sy, sm, y, m, &h->att_year_rate))
        return;
    h->att_year = y;
    h->att_month = m;
}

static void home_reload(tui_screen *s, tui *t)
{
    home_state *h = s->st;
    hd_err err;
    h->ok = figures_dashboard(t->db, t->cfg->school_year_start_month, &h->d, &err) == 0;
    free(h->villages);
    h->villages = NULL;
    h->nvillages = 0;
    if (h->ok)
        h->nvillages = figures_villages(t->db, t->cfg->school_year_start_month, &h->villages,
                                        &err);
    if (h->ok) {
        load_casework(h, t);
        h->att_pending = 1;   /* read once the figures are on the screen */
    }
    if (h->nvillages < 0) {
        h->ok = 0;
        h->nvillages = 0;
    }
    if (h->sel >= h->nvillages)
        h->sel = h->nvillages ? h->nvillages - 1 : 0;
    if (h->ok)
        snprintf(t->commune, sizeof t->commune, "%s", h->d.commune);
    else
        snprintf(h->error, sizeof h->error, "%s", err.msg);
}

/* One line of the table: level name, then the figures, the dropout rate
 * flagged when it is over the target. */
enum { NAME_W = 14, COL_W = 9 };

static void draw_level(const tui *t, int y, const char *name, const hd_level_figures *f,
                       double target)
{
    char buf[32];
    term_put(stdscr, y, 1, NAME_W, name, ROLE_NORMAL, 0);
    long v[] = {f->school_age, f->enrolled_at_start, f->enrolled, f->at_risk, f->dropped_out};
    for (int i = 0; i < 5; i++) {
        snprintf(buf, sizeof buf, "%ld", v[i]);
        term_put_right(stdscr, y, 1 + NAME_W + i * COL_W, COL_W - 1, buf, ROLE_NORMAL);
    }
    tui_percent(t, f->dropout_rate, 2, 2, buf, sizeof buf);
    int over = target > 0 && f->dropout_rate > target;
    term_put_right(stdscr, y, 1 + NAME_W + 5 * COL_W, COL_W - 1, buf,
                   over ? ROLE_FLAG : ROLE_GOOD);
    if (target > 0) {
        tui_percent(t, target, 3, 1, buf, sizeof buf);
        term_put_right(stdscr, y, 1 + NAME_W + 6 * COL_W, COL_W - 1, buf, ROLE_DIM);
    }
}

/* The villages' lines, scrolled so the selected one shows; Enter opens it. */
static void draw_villages(home_state *h, tui *t, int y, int bottom)
{
    static const char *const cols[] = {N_("Children"), N_("At start"), N_("Enrolled"),
                                       N_("At risk"), N_("Dropped"), N_("Dropout")};
    term_put(stdscr, y, 1, NAME_W + COL_W, _("Village"), ROLE_HEADER, 1);
    for (int i = 0; i < 6; i++)
        term_put_right(stdscr, y, 1 + NAME_W + (i + 1) * COL_W, COL_W - 1, _(cols[i]),
                       ROLE_HEADER);
    int rows = bottom - y - 1;
    if (rows < 1)
        return;
    if (h->sel < h->first)
        h->first = h->sel;
    if (h->sel >= h->first + rows)
        h->first = h->sel - rows + 1;
    for (int i = h->first; i < h->nvillages && y + 1 < bottom; i++) {
        const hd_village_figures *v = &h->villages[i];
        double target = t->cfg->target_dropout_overall;
        int over = target > 0 && v->dropout_rate > target;
        tui_role r = i == h->sel ? ROLE_SELECTED : ROLE_NORMAL;
        y++;
        term_put(stdscr, y, 0, COLS, "", r, 1);
        term_put(stdscr, y, 1, NAME_W + COL_W - 1, v->name, r, 0);
        long val[] = {v->children, v->enrolled_at_start, v->enrolled, v->at_risk, v->dropped_out};
        char buf[32];
        for (int c = 0; c < 5; c++) {
            snprintf(buf, sizeof buf, "%ld", val[c]);
            term_put_right(stdscr, y, 1 + NAME_W + (c + 1) * COL_W, COL_W - 1, buf, r);
        }
        tui_percent(t, v->dropout_rate, 2, 2, buf, sizeof buf);
        term_put_right(stdscr, y, 1 + NAME_W + 6 * COL_W, COL_W - 1, buf,
                       i == h->sel ? r : over ? ROLE_FLAG : ROLE_GOOD);
    }
}

static void home_draw(tui_screen *s, tui *t, int top, int height)
{
    home_state *h = s->st;
    if (!h->ok) {
        term_put(stdscr, top + 1, 1, COLS - 2, h->error, ROLE_ERROR, 0);
        return;
    }
    char line[160], today[11];
    hd_date d;
    if (date_parse(h->d.today, &d, NULL) == 0)
        date_vn(d, today);
    else
        snprintf(today, sizeof today, "%s", h->d.today);
    snprintf(line, sizeof line, _("School year %d-%d, as of %s"), h->d.school_year,
             h->d.school_year + 1, today);
    term_put(stdscr, top + 1, 1, COLS - 2, line, ROLE_NORMAL, 0);
    static const char *const cols[] = {N_("Age"), N_("At start"), N_("Enrolled"),
                                       N_("At risk"), N_("Dropped"), N_("Dropout"),
                                       N_("Target")};
    term_put(stdscr, top + 3, 1, NAME_W, _("Level"), ROLE_HEADER, 1);
    for (int i = 0; i < 7; i++)
        term_put_right(stdscr, top + 3, 1 + NAME_W + i * COL_W, COL_W - 1, _(cols[i]),
                       ROLE_HEADER);
    for (int lv = 0; lv < LEVEL_COUNT; lv++)
        draw_level(t, top + 4 + lv, model_label(VOCAB_LEVEL, lv, t->lang), &h->d.level[lv],
                   t->cfg->target_dropout[lv]);
    draw_level(t, top + 5 + LEVEL_COUNT, _("Commune"), &h->d.total,
               t->cfg->target_dropout_overall);
    snprintf(line, sizeof line, _("Households with a child at risk: %ld, %d of them with no one "
                                  "assigned (7)"),
             h->d.households_at_risk, h->unassigned);
    term_put(stdscr, top + 7 + LEVEL_COUNT, 1, COLS - 2, line,
             h->unassigned > 0 ? ROLE_FLAG : ROLE_NORMAL, 0);
    snprintf(line, sizeof line, _("Due: %d, overdue: %d (6)"), h->due, h->overdue);
    term_put(stdscr, top + 8 + LEVEL_COUNT, 1, COLS - 2, line,
             h->overdue > 0 ? ROLE_FLAG : ROLE_NORMAL, 0);
    char a[32], b[32];
    if (h->att_month) {
        tui_percent(t, h->att_month_rate, 1, 0, a, sizeof a);
        tui_percent(t, h->att_year_rate, 1, 0, b, sizeof b);
        snprintf(line, sizeof line, _("Attendance %02d/%d: %s, year: %s (g) · warnings "
                                      "waiting: %d (w)"),
                 h->att_month, h->att_year, a, b, h->proposals);
    } else {
        snprintf(line, sizeof line, _("Attendance: none entered yet (g) · warnings waiting: "
                                      "%d (w)"), h->proposals);
    }
    term_put(stdscr, top + 9 + LEVEL_COUNT, 1, COLS - 2, line,
             h->proposals > 0 ? ROLE_FLAG : ROLE_NORMAL, 0);
    draw_villages(h, t, top + 10 + LEVEL_COUNT, top + height);
}

/* The member whose login is the user's: their households and agenda. */
static void open_mine(tui *t)
{
    int64_t id = member_id_by_login(t->db, db_actor(t->db));
    if (id)
        tui_push(t, screen_member_new(t, id));
    else
        tui_message(t, ROLE_ERROR, _("No member of the committee has the login '%s' (set it "
                                     "in the member's form)."), db_actor(t->db));
}

static void home_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    home_state *h = s->st;
    if (a == ACT_DOWN && h->sel + 1 < h->nvillages)
        h->sel++;
    else if (a == ACT_UP && h->sel > 0)
        h->sel--;
    else if (a == ACT_GO_DUE)
        tui_push(t, screen_due_new(t, 0, DUE_LIST));
    else if (a == ACT_GO_UNASSIGNED)
        tui_push(t, screen_due_new(t, 0, DUE_UNASSIGNED));
    else if (a == ACT_GO_LOAD)
        tui_push(t, screen_due_new(t, 0, DUE_LOAD));
    else if (a == ACT_GO_UNLINKED)
        tui_push(t, screen_unlinked_new(t));
    else if (a == ACT_GO_MINE)
        open_mine(t);
    else if (a == ACT_GO_PRINT)
        tui_push(t, screen_print_new(t));
    else if (a == ACT_GO_MONTH)
        tui_push(t, screen_month_new(t));
    else if (a == ACT_GO_ATTENDANCE)
        tui_push(t, screen_attendance_new(t));
    else if (a == ACT_GO_WARNINGS)
        tui_push(t, screen_warn_new(t));
    else if (a == ACT_GO_FAMILY)
        tui_push(t, screen_family_new(t));
    else if (a == ACT_GO_CAUSES)
        tui_push(t, screen_causes_new(t));
    else if (a == ACT_GO_SPONSORS)
        tui_push(t, screen_sponsors_new(t));
    else if (a == ACT_GO_SUPPORT)
        tui_push(t, screen_support_new(t));
    else if (a == ACT_GO_OFFICIALS)
        tui_push(t, screen_officials_new(t));
    else if (a == ACT_GO_LEAVERS)
        tui_push(t, screen_leavers_new(t));
    else if (a == ACT_OPEN && h->nvillages)
        tui_push(t, screen_list_new(t, LIST_HOUSEHOLDS, h->villages[h->sel].id, 0));
    static const struct {
        tui_action a;
        hd_list_kind kind;
    } go[] = {{ACT_GO_CHILDREN, LIST_CHILDREN}, {ACT_GO_HOUSEHOLDS, LIST_HOUSEHOLDS},
              {ACT_GO_MEMBERS, LIST_MEMBERS}, {ACT_GO_VILLAGES, LIST_VILLAGES},
              {ACT_GO_SCHOOLS, LIST_SCHOOLS}};
    for (size_t i = 0; i < HD_ARRAY_LEN(go); i++)
        if (go[i].a == a)
            tui_push(t, screen_list_new(t, go[i].kind, 0, 0));
}

static void home_free(tui_screen *s)
{
    home_state *h = s->st;
    free(h->villages);
    free(h);
}

/* The attendance line reads a month (or a district's school year) of
 * attendance: after the figures are painted, not before. */
static int home_idle(tui_screen *s, tui *t)
{
    home_state *h = s->st;
    if (!h->att_pending)
        return 0;
    h->att_pending = 0;
    load_attendance(h, t);
    return 1;
}

static const tui_screen_ops home_ops = {
    "home", home_actions, 0, home_draw, home_key, home_reload, home_free,
};

tui_screen *screen_home_new(tui *t)
{
    tui_screen *s = tui_screen_new(&home_ops, xcalloc(1, sizeof(home_state)), _("Home"));
    s->idle = home_idle;
    home_reload(s, t);
    return s;
}
