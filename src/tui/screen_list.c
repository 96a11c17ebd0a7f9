/* screen_list.c — any registry list, read a window at a time from the core
 * (keyset paging: 100,000 children scroll without being loaded), searched
 * as you type, filtered and sorted. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/casework.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/registry.h"
#include "tui/app.h"

enum { SEARCH_MAX = 60, WINDOW_MAX = 200, COUNT_CAP = 1000 };

/* The quick filters F3 steps through. */
typedef enum {
    QF_ALL, QF_AT_RISK, QF_DROPPED, QF_MINORITY, QF_POOR, QF_PRIMARY, QF_LOWER, QF_UPPER,
    QF_CONTINUING, QF_COUNT
} quick_filter;

static const char *const qf_names[QF_COUNT] = {
    N_("all"), N_("at risk"), N_("dropped out"), N_("ethnic minority"), N_("poor households"),
    N_("primary"), N_("lower secondary"), N_("upper secondary"), N_("continuing education"),
};

typedef struct list_state {
    hd_list_kind kind;
    int64_t village_id, household_id;
    quick_filter quick;
    hd_list_sort sort;
    wchar_t search[SEARCH_MAX + 1];
    size_t nsearch;
    char search_utf8[SEARCH_MAX * 4 + 1];
    hd_list_row rows[WINDOW_MAX];
    int nrows;
    int cursor;
    int visible;      /* rows that fit, from the last draw */
    int at_top;       /* the window starts at the first row of the list */
    long count;
    char header[512];  /* the household or village the list is of, or "" */
    char casework[512]; /* a household's: who answers for it, its last visit */
    char error[1024];
} list_state;

static const tui_action list_actions[] = {
    ACT_HELP, ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_STATUS, ACT_ASSIGN, ACT_VISIT, ACT_COMMIT,
    ACT_SPONSOR, ACT_POSITION, ACT_SUPPORT_ADD, ACT_HISTORY, ACT_BACK, ACT_FILTER, ACT_SORT,
    ACT_NEXT_LIST, ACT_PREV_LIST, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_TOP,
    ACT_BOTTOM, ACT_QUIT, ACT_NONE,
};

static void filter_of(const list_state *l, hd_list_filter *f)
{
    list_filter_init(f);
    f->text = l->search_utf8;
    f->village_id = l->village_id;
    f->household_id = l->household_id;
    switch (l->quick) {
    case QF_AT_RISK: f->at_risk_only = 1; break;
    case QF_DROPPED: f->status = STATUS_DROPPED_OUT; break;
    case QF_MINORITY: f->minority_only = 1; break;
    case QF_POOR: f->poor_only = LIST_POOR_OR_NEAR; break;
    case QF_PRIMARY: f->level = LEVEL_PRIMARY; break;
    case QF_LOWER: f->level = LEVEL_LOWER_SECONDARY; break;
    case QF_UPPER: f->level = LEVEL_UPPER_SECONDARY; break;
    case QF_CONTINUING: f->level = LEVEL_CONTINUING; break;
    default: break;
    }
}

static void rows_clear(list_state *l)
{
    for (int i = 0; i < l->nrows; i++)
        list_row_free(&l->rows[i]);
    l->nrows = 0;
}

/* Reads up to n rows next to `after` into out; -1 shows the error. */
static int fetch(list_state *l, tui *t, const hd_list_row *after, int forward, int n,
                 hd_list_row *out)
{
    hd_list_filter f;
    filter_of(l, &f);
    hd_err err;
    int got = list_page(t->db, l->kind, &f, l->sort, after, forward, n, t->lang, out, &err);
    if (got < 0)
        snprintf(l->error, sizeof l->error, "%s", err.msg);
    return got;
}

static int window(const list_state *l)
{
    int v = l->visible > 0 ? l->visible : 20;
    return v < WINDOW_MAX ? v : WINDOW_MAX;
}

static void load_top(list_state *l, tui *t, int from_bottom)
{
    rows_clear(l);
    l->error[0] = '\0';
    int got = fetch(l, t, NULL, !from_bottom, window(l), l->rows);
    l->nrows = got > 0 ? got : 0;
    l->cursor = from_bottom && l->nrows ? l->nrows - 1 : 0;
    l->at_top = !from_bottom || l->nrows < window(l);
    hd_list_filter f;
    filter_of(l, &f);
    hd_err err;
    l->count = list_count_upto(t->db, l->kind, &f, COUNT_CAP, &err);
}

/* Replaces the window by the n rows in `fresh`. */
static void window_set(list_state *l, hd_list_row *fresh, int n)
{
    rows_clear(l);
    memcpy(l->rows, fresh, (size_t)n * sizeof *fresh);
    l->nrows = n;
}

static void move_down(list_state *l, tui *t, int page)
{
    if (!page && l->cursor < l->nrows - 1) {
        l->cursor++;
        return;
    }
    if (!l->nrows)
        return;
    hd_list_row fresh[WINDOW_MAX];
    int want = page ? window(l) : 1;
    int got = fetch(l, t, &l->rows[l->nrows - 1], 1, want, fresh);
    if (got <= 0) {
        l->cursor = l->nrows - 1;
        return;
    }
    l->at_top = 0;
    if (!page) { /* scroll one line */
        list_row_free(&l->rows[0]);
        memmove(l->rows, l->rows + 1, (size_t)(l->nrows - 1) * sizeof *l->rows);
        l->rows[l->nrows - 1] = fresh[0];
    } else if (got == want) {
        window_set(l, fresh, got);
    } else { /* near the end: show the last full page */
        for (int i = 0; i < got; i++)
            list_row_free(&fresh[i]);
        load_top(l, t, 1);
    }
}

static void move_up(list_state *l, tui *t, int page)
{
    if (!page && l->cursor > 0) {
        l->cursor--;
        return;
    }
    if (!l->nrows)
        return;
    hd_list_row fresh[WINDOW_MAX];
    int want = page ? window(l) : 1;
    int got = fetch(l, t, &l->rows[0], 0, want, fresh);
    if (got <= 0) {
        l->cursor = 0;
        l->at_top = 1;
        return;
    }
    if (!page) {
        list_row_free(&l->rows[l->nrows - 1]);
        memmove(l->rows + 1, l->rows, (size_t)(l->nrows - 1) * sizeof *l->rows);
        l->rows[0] = fresh[0];
    } else if (got == want) {
        window_set(l, fresh, got);
    } else {
        for (int i = 0; i < got; i++)
            list_row_free(&fresh[i]);
        load_top(l, t, 0);
    }
}

static void load_header(list_state *l, tui *t);

/* Keeps the first row shown (it may have changed) after others saved; a
 * window at the top stays at the top, so a record just added shows. */
static void list_reload(tui_screen *s, tui *t)
{
    list_state *l = s->st;
    load_header(l, t);
    if (!l->nrows || l->at_top) {
        int cursor = l->cursor;
        load_top(l, t, 0);
        l->cursor = cursor < l->nrows ? cursor : (l->nrows ? l->nrows - 1 : 0);
        return;
    }
    hd_list_row before;
    int cursor = l->cursor;
    int got = fetch(l, t, &l->rows[0], 0, 1, &before);
    if (got <= 0) {
        load_top(l, t, 0);
    } else {
        hd_list_row fresh[WINDOW_MAX];
        int n = fetch(l, t, &before, 1, window(l), fresh);
        list_row_free(&before);
        window_set(l, fresh, n > 0 ? n : 0);
        hd_list_filter f;
        filter_of(l, &f);
        hd_err err;
        l->count = list_count_upto(t->db, l->kind, &f, COUNT_CAP, &err);
    }
    l->cursor = cursor < l->nrows ? cursor : (l->nrows ? l->nrows - 1 : 0);
}

/* The line naming the household (or village) a narrowed list is of. */
/* Who answers for the household now, and how its last visit went. */
static void load_casework(list_state *l, tui *t)
{
    l->casework[0] = '\0';
    hd_assign_row *a;
    int n = assignment_history(t->db, "household", l->household_id, &a, NULL);
    strbuf sb = {0};
    for (int i = 0; i < n; i++)
        if (!a[i].end_date[0])
            sb_addf(&sb, "%s%s%s", sb.len ? ", " : _("Responsible: "), a[i].member,
                    a[i].role == AROLE_LEAD ? _(" (lead)") : "");
    if (n > 0)
        assign_rows_free(a, n);
    if (!sb.len)
        sb_add(&sb, _("No one assigned"));
    hd_visit_row *v;
    int nv = visit_list(t->db, "household", l->household_id, &v, NULL);
    if (nv > 0) {
        char date[11];
        hd_date d;
        date_parse(v[0].date, &d, NULL);
        date_vn(d, date);
        sb_addf(&sb, _(" · last visit %s: %s"), date,
                model_label(VOCAB_OUTCOME, v[0].outcome, t->lang));
        visit_rows_free(v, nv);
    } else if (nv == 0) {
        sb_add(&sb, _(" · never visited"));
    }
    snprintf(l->casework, sizeof l->casework, "%s", sb_str(&sb));
    sb_free(&sb);
}

static void load_header(list_state *l, tui *t)
{
    l->header[0] = '\0';
    l->casework[0] = '\0';
    if (l->household_id)
        load_casework(l, t);
    hd_household h;
    hd_village v;
    int64_t vid = l->village_id;
    if (l->household_id && household_get(t->db, l->household_id, &h, NULL) == 0) {
        vid = h.village_id;
        snprintf(l->header, sizeof l->header, "%s %s%s%s%s%s%s%s", _("Household of"),
                 h.head_name, h.poverty != POVERTY_NONE ? " · " : "",
                 h.poverty != POVERTY_NONE ? model_label(VOCAB_POVERTY, h.poverty, t->lang) : "",
                 h.address[0] ? " · " : "", h.address, h.phone[0] ? " · " : "", h.phone);
        household_free(&h);
    }
    if (vid && village_get(t->db, vid, &v, NULL) == 0) {
        size_t n = strlen(l->header);
        snprintf(l->header + n, sizeof l->header - n, "%s%s (%s)", n ? " — " : "", v.name,
                 v.branch_name);
        village_free(&v);
    }
}

/* ---- drawing ------------------------------------------------------------- */

static const char *count_text(hd_list_kind k, long n, char *buf, size_t len)
{
    unsigned long u = (unsigned long)n;
    switch (k) {
    case LIST_CHILDREN: snprintf(buf, len, ngettext("%ld child", "%ld children", u), n); break;
    case LIST_HOUSEHOLDS:
        snprintf(buf, len, ngettext("%ld household", "%ld households", u), n);
        break;
    case LIST_MEMBERS: snprintf(buf, len, ngettext("%ld member", "%ld members", u), n); break;
    case LIST_VILLAGES:
        snprintf(buf, len, ngettext("%ld village", "%ld villages", u), n);
        break;
    default: snprintf(buf, len, ngettext("%ld school", "%ld schools", u), n); break;
    }
    /* counted no further: "1000+ trẻ" */
    size_t digits = strspn(buf, "0123456789");
    if (n >= COUNT_CAP && digits && strlen(buf) + 1 < len) {
        memmove(buf + digits + 1, buf + digits, strlen(buf + digits) + 1);
        buf[digits] = '+';
    }
    return buf;
}

static void draw_search_line(list_state *l, tui *t, int y)
{
    char buf[300];
    int x = term_put(stdscr, y, 1, 10, _("Search: "), ROLE_DIM, 0) + 1;
    term_put(stdscr, y, x, 32, l->search_utf8, ROLE_FIELD, 1);
    int cx = x + term_width(l->search_utf8);
    snprintf(buf, sizeof buf, "%s: %s", _("Filter"), _(qf_names[l->quick]));
    term_put(stdscr, y, x + 34, 28, buf, ROLE_DIM, 0);
    term_put_right(stdscr, y, COLS - 17, 16, count_text(l->kind, l->count, buf, sizeof buf),
                   ROLE_NORMAL);
    t->cursor_y = y;
    t->cursor_x = cx < x + 32 ? cx : x + 31;
}

static void draw_row(const list_state *l, const hd_list_row *r, int y, const int *w, int ncols,
                     int selected)
{
    tui_role role = selected ? ROLE_SELECTED
                             : r->flag ? ROLE_FLAG : r->archived ? ROLE_DIM : ROLE_NORMAL;
    int x = 0;
    term_put(stdscr, y, 0, COLS, "", role, 1);
    for (int c = 0; c < ncols && x < COLS; c++) {
        int width = c == ncols - 1 ? COLS - x : w[c];
        term_put(stdscr, y, x, width, r->cols[c] ? r->cols[c] : "", role, 1);
        x += w[c] + 1;
    }
    (void)l;
}

static void list_draw(tui_screen *s, tui *t, int top, int height)
{
    list_state *l = s->st;
    int ncols;
    const char *const *head = list_headers(l->kind, t->lang, &ncols);
    const int *w = list_widths(l->kind);
    if (l->header[0]) {
        term_put(stdscr, top, 1, COLS - 2, l->header, ROLE_HEADER, 0);
        top++;
        height--;
    }
    if (l->casework[0]) {
        term_put(stdscr, top, 1, COLS - 2, l->casework, ROLE_DIM, 0);
        top++;
        height--;
    }
    int want = height - 2;
    if (want != l->visible) { /* first draw, or the terminal was resized */
        l->visible = want > 0 ? want : 1;
        if (l->nrows < l->visible || l->nrows > l->visible)
            load_top(l, t, 0);
    }
    int x = 0;
    for (int c = 0; c < ncols; c++) {
        term_put(stdscr, top + 1, x, c == ncols - 1 ? COLS - x : w[c], head[c], ROLE_HEADER, 1);
        x += w[c] + 1;
    }
    for (int i = 0; i < l->nrows && i < l->visible; i++)
        draw_row(l, &l->rows[i], top + 2 + i, w, ncols, i == l->cursor);
    if (l->error[0])
        tui_message(t, ROLE_ERROR, "%s", l->error);
    else if (!l->nrows)
        term_put(stdscr, top + 3, 2, COLS - 4, _("Nothing to show."), ROLE_DIM, 0);
    draw_search_line(l, t, top);
}

/* ---- keys ---------------------------------------------------------------- */

static void search_changed(list_state *l, tui *t)
{
    mbstate_t ms;
    memset(&ms, 0, sizeof ms);
    size_t o = 0;
    for (size_t i = 0; i < l->nsearch; i++) {
        char mb[MB_LEN_MAX];
        size_t n = wcrtomb(mb, l->search[i], &ms);
        if (n != (size_t)-1 && o + n < sizeof l->search_utf8) {
            memcpy(l->search_utf8 + o, mb, n);
            o += n;
        }
    }
    l->search_utf8[o] = '\0';
    load_top(l, t, 0);
}

/* A typed character or Backspace; 1 when it was one. */
static int list_type(list_state *l, tui *t, tui_key k)
{
    if (k == (TUI_KEY_FN | KEY_BACKSPACE) || k == 0x7f || k == 8) {
        if (l->nsearch) {
            l->nsearch--;
            search_changed(l, t);
        }
        return 1;
    }
    if ((k & TUI_KEY_FN) || k < 0x20 || l->nsearch == SEARCH_MAX)
        return 0;
    l->search[l->nsearch++] = (wchar_t)k;
    search_changed(l, t);
    return 1;
}

static void cycle_sort(list_state *l, tui *t)
{
    static const char *const names[] = {N_("name"), N_("village"), N_("year of birth"),
                                        N_("status")};
    do
        l->sort = (hd_list_sort)((l->sort + 1) % 4);
    while (!list_sort_supported(l->kind, l->sort));
    load_top(l, t, 0);
    tui_message(t, ROLE_NORMAL, _("Sorted by %s"), _(names[l->sort]));
}

static void open_row(list_state *l, tui *t)
{
    if (!l->nrows)
        return;
    const hd_list_row *r = &l->rows[l->cursor];
    switch (l->kind) {
    case LIST_VILLAGES: tui_push(t, screen_list_new(t, LIST_HOUSEHOLDS, r->id, 0)); break;
    case LIST_HOUSEHOLDS: tui_push(t, screen_list_new(t, LIST_CHILDREN, 0, r->id)); break;
    case LIST_CHILDREN: tui_push(t, screen_child_new(t, r->id)); break;
    case LIST_MEMBERS: tui_push(t, screen_member_new(t, r->id)); break;
    default: tui_message(t, ROLE_DIM, "%s  %s", r->uid, r->cols[0] ? r->cols[0] : ""); break;
    }
}

static void switch_list(tui_screen *s, tui *t, int step)
{
    /* the order of the home screen's keys 1..5 */
    static const hd_list_kind cycle[LIST_COUNT] = {LIST_CHILDREN, LIST_HOUSEHOLDS,
                                                   LIST_MEMBERS, LIST_VILLAGES, LIST_SCHOOLS};
    list_state *l = s->st;
    int at = 0;
    while (cycle[at] != l->kind)
        at++;
    hd_list_kind next = cycle[(at + LIST_COUNT + step) % LIST_COUNT];
    tui_screen *fresh = screen_list_new(t, next, 0, 0);
    /* swap in place: Tab moves between lists, it does not stack them */
    tui_screen tmp = *s;
    *s = *fresh;
    *fresh = tmp;
    fresh->ops->free(fresh);
    free(fresh);
}

/* F2: a new record of the list's kind, in the household or village shown. */
static void add_record(list_state *l, tui *t)
{
    switch (l->kind) {
    case LIST_CHILDREN: tui_push(t, screen_child_form(t, 0, l->household_id)); break;
    case LIST_HOUSEHOLDS: tui_push(t, screen_household_form(t, 0, l->village_id)); break;
    case LIST_VILLAGES: tui_push(t, screen_village_form(t, 0)); break;
    case LIST_MEMBERS: tui_push(t, screen_member_form(t, 0, l->village_id)); break;
    default: tui_push(t, screen_school_form(t, 0)); break;
    }
}

/* F4: the selected record's form; F7 (status): a child's change of status. */
static void edit_record(list_state *l, tui *t, int status)
{
    if (!l->nrows)
        return;
    const hd_list_row *r = &l->rows[l->cursor];
    if (status && l->kind != LIST_CHILDREN) {
        tui_message(t, ROLE_DIM, "%s", _("Not for this list."));
        return;
    }
    switch (l->kind) {
    case LIST_CHILDREN:
        if (status)
            tui_push(t, screen_status_form(t, r->id, r->cols[0] ? r->cols[0] : ""));
        else
            tui_push(t, screen_child_form(t, r->id, 0));
        break;
    case LIST_HOUSEHOLDS: tui_push(t, screen_household_form(t, r->id, 0)); break;
    case LIST_VILLAGES: tui_push(t, screen_village_form(t, r->id)); break;
    case LIST_MEMBERS: tui_push(t, screen_member_form(t, r->id, 0)); break;
    default: tui_push(t, screen_school_form(t, r->id)); break;
    }
}

/* The household case work is about: the one the list is of, else the
 * selected household or the selected child's; 0 (and why) when none. */
static int64_t casework_household(const list_state *l, tui *t)
{
    if (l->household_id)
        return l->household_id;
    if (!l->nrows || (l->kind != LIST_HOUSEHOLDS && l->kind != LIST_CHILDREN)) {
        tui_message(t, ROLE_DIM, "%s", _("Not for this list."));
        return 0;
    }
    const hd_list_row *r = &l->rows[l->cursor];
    if (l->kind == LIST_HOUSEHOLDS)
        return r->id;
    hd_child c;
    int64_t id = 0;
    if (child_get(t->db, r->id, &c, NULL) == 0) {
        id = c.household_id;
        child_free(&c);
    }
    if (!id)
        tui_message(t, ROLE_DIM, "%s", _("This child belongs to no household."));
    return id;
}

/* F5 assign, F9 visit, ^O commitment: on the household; F11 sponsor: on
 * the selected child, who may also be what a commitment is about. */
static void casework(const list_state *l, tui *t, tui_action a)
{
    int64_t child = l->kind == LIST_CHILDREN && l->nrows ? l->rows[l->cursor].id : 0;
    if (a == ACT_SPONSOR || a == ACT_SUPPORT_ADD) {
        if (child)
            tui_push(t, a == ACT_SPONSOR ? screen_sponsor_form(t, child)
                                         : screen_support_form(t, child));
        else
            tui_message(t, ROLE_DIM, "%s", _("Not for this list."));
        return;
    }
    int64_t household = casework_household(l, t);
    if (!household)
        return;
    if (a == ACT_ASSIGN)
        tui_push(t, screen_assign_form(t, household));
    else if (a == ACT_POSITION)
        tui_push(t, screen_position_form(t, household));
    else if (a == ACT_VISIT)
        tui_push(t, screen_visit_form(t, household));
    else
        tui_push(t, screen_commit_form(t, household, child));
}

/* F12: the changes of the household the list is of, else of the selected
 * record. */
static void show_history(const list_state *l, tui *t)
{
    if (l->household_id) {
        hd_household h;
        hd_err err;
        if (household_get(t->db, l->household_id, &h, &err) < 0) {
            tui_message(t, ROLE_ERROR, "%s", err.msg);
            return;
        }
        tui_push(t, screen_history_new(t, h.uid, h.head_name));
        household_free(&h);
    } else if (l->nrows) {
        const hd_list_row *r = &l->rows[l->cursor];
        tui_push(t, screen_history_new(t, r->uid, r->cols[0]));
    }
}

static void list_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    list_state *l = s->st;
    switch (a) {
    case ACT_ADD: add_record(l, t); break;
    case ACT_EDIT: edit_record(l, t, 0); break;
    case ACT_STATUS: edit_record(l, t, 1); break;
    case ACT_ASSIGN:
    case ACT_VISIT:
    case ACT_COMMIT:
    case ACT_SPONSOR:
    case ACT_SUPPORT_ADD:
    case ACT_POSITION: casework(l, t, a); break;
    case ACT_HISTORY: show_history(l, t); break;
    case ACT_DOWN: move_down(l, t, 0); break;
    case ACT_UP: move_up(l, t, 0); break;
    case ACT_PAGE_DOWN: move_down(l, t, 1); break;
    case ACT_PAGE_UP: move_up(l, t, 1); break;
    case ACT_TOP: load_top(l, t, 0); break;
    case ACT_BOTTOM: load_top(l, t, 1); break;
    case ACT_OPEN: open_row(l, t); break;
    case ACT_SORT: cycle_sort(l, t); break;
    case ACT_NEXT_LIST: switch_list(s, t, 1); break;
    case ACT_PREV_LIST: switch_list(s, t, -1); break;
    case ACT_FILTER:
        l->quick = (quick_filter)((l->quick + 1) % QF_COUNT);
        load_top(l, t, 0);
        break;
    case ACT_BACK:
        if (l->nsearch) {
            l->nsearch = 0;
            search_changed(l, t);
        } else {
            tui_pop(t);
        }
        break;
    default: list_type(l, t, k); break;
    }
}

static void list_free(tui_screen *s)
{
    list_state *l = s->st;
    rows_clear(l);
    free(l);
}

static const tui_screen_ops list_ops = {
    "list", list_actions, 1, list_draw, list_key, list_reload, list_free,
};

static const char *kind_title(hd_list_kind k)
{
    static const char *const titles[LIST_COUNT] = {
        [LIST_VILLAGES] = N_("Villages"), [LIST_HOUSEHOLDS] = N_("Households"),
        [LIST_CHILDREN] = N_("Children"), [LIST_MEMBERS] = N_("Members"),
        [LIST_SCHOOLS] = N_("Schools"),
    };
    return _(titles[k]);
}

tui_screen *screen_list_new(tui *t, hd_list_kind kind, int64_t village_id, int64_t household_id)
{
    list_state *l = xcalloc(1, sizeof *l);
    l->kind = kind;
    l->village_id = village_id;
    l->household_id = household_id;
    load_header(l, t);
    load_top(l, t, 0);
    return tui_screen_new(&list_ops, l, kind_title(kind));
}
