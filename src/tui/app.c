/* app.c — the main loop: draw, wait for a key, dispatch. */
#include "tui/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/authz.h"
#include "core/i18n.h"

enum { MIN_COLS = 80, MIN_LINES = 24 };

int tui_body_height(void)
{
    return LINES - 3;
}

tui_screen *tui_screen_new(const tui_screen_ops *ops, void *st, const char *title)
{
    tui_screen *s = xcalloc(1, sizeof *s);
    s->ops = ops;
    s->st = st;
    snprintf(s->title, sizeof s->title, "%s", title);
    return s;
}

static void screen_free(tui_screen *s)
{
    if (s->ops->free)
        s->ops->free(s);
    free(s);
}

void tui_push(tui *t, tui_screen *s)
{
    if (!s)
        return;
    if (t->depth == (int)HD_ARRAY_LEN(t->stack)) {
        screen_free(s);
        tui_message(t, ROLE_ERROR, _("Too many screens open: go back first (Esc)"));
        return;
    }
    t->stack[t->depth++] = s;
    t->dirty = 1;
}

void tui_pop(tui *t)
{
    if (t->depth <= 1)
        return;
    screen_free(t->stack[--t->depth]);
    tui_screen *top = tui_top(t);
    if (top->ops->reload)
        top->ops->reload(top, t); /* what it shows may have changed meanwhile */
    t->dirty = 1;
}

int tui_allowed(tui *t, int perm, int64_t household_id)
{
    hd_err err;
    if (authz_check(t->db, (hd_perm)perm, household_id, &err) == 0)
        return 1;
    tui_message(t, ROLE_ERROR, "%s", err.msg);
    return 0;
}

tui_screen *tui_top(tui *t)
{
    return t->stack[t->depth - 1];
}

void tui_message(tui *t, tui_role r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->message, sizeof t->message, fmt, ap);
    va_end(ap);
    t->message_role = r;
    t->dirty = 1;
}

void tui_percent(const tui *t, double v, int max_dec, int min_dec, char *buf, size_t n)
{
    snprintf(buf, n, "%.*f", max_dec, v);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf) - 1;
        while (end > dot + min_dec && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
        else if (strcmp(t->lang, "vi") == 0)
            *dot = ',';
    }
    size_t len = strlen(buf);
    snprintf(buf + len, n - len, " %%");
}

static void draw_title(tui *t, const tui_screen *s)
{
    char left[256];
    snprintf(left, sizeof left, " huydong · %s", t->commune[0] ? t->commune
                                                 : t->cfg->commune_name);
    term_put(stdscr, 0, 0, COLS, left, ROLE_TITLE, 1);
    int lw = term_width(left);
    char right[200];
    snprintf(right, sizeof right, "%s · %s ", s->title, db_actor(t->db));
    int rw = term_width(right);
    if (lw + 2 + rw <= COLS)
        term_put_right(stdscr, 0, COLS - rw, rw, right, ROLE_TITLE);
}

/* The key bar: each offered action's first key and label, as many as fit. */
/* The permission an action's key needs, or -1 for none.  Visits and
 * commitments depend on the household (a member's own): shown to members
 * and above. */
static int action_perm(tui_action a)
{
    switch (a) {
    case ACT_VISIT: case ACT_COMMIT:
        return PERM_CASEWORK;
    case ACT_ADD: case ACT_EDIT: case ACT_STATUS: case ACT_ARCHIVE: case ACT_ASSIGN:
    case ACT_SPONSOR: case ACT_POSITION: case ACT_SUPPORT_ADD: case ACT_CONFIRM:
    case ACT_DISMISS:
        return PERM_RECORDS;
    case ACT_CLOSE_MONTH: case ACT_REOPEN_MONTH:
        return PERM_MONTH;
    case ACT_PRINT: case ACT_SAVE_PDF: case ACT_SAVE_CSV:
        return PERM_PRINT;
    default:
        return -1;
    }
}

/* The keys of the screen the user may use: one a role forbids is left off
 * the bar (pressed, it still says why it is refused). */
static void draw_keybar(const tui *t, const tui_screen *s)
{
    int x = 0, y = LINES - 1;
    move(y, 0);
    clrtoeol();
    for (const tui_action *a = s->ops->actions; *a != ACT_NONE; a++) {
        const tui_action_def *d = actions_def(*a);
        if (s->ops->typing && !d->typing_safe)
            continue;
        int perm = action_perm(*a);
        if (perm == PERM_CASEWORK ? !authz_can(t->db, PERM_CASEWORK, 0) &&
                                        authz_role(t->db) < USER_MEMBER
                                  : perm >= 0 && !authz_can(t->db, (hd_perm)perm, 0))
            continue;
        const char *key = actions_key_name(d->keys[0]);
        const char *label = _(d->label);
        int need = term_width(key) + 1 + term_width(label) + 2;
        if (x + need > COLS)
            break;
        x += term_put(stdscr, y, x, COLS - x, key, ROLE_KEY, 0) + 1;
        x += term_put(stdscr, y, x, COLS - x, label, ROLE_KEYLABEL, 0) + 1;
    }
}

static void draw_too_small(void)
{
    erase();
    char msg[160];
    snprintf(msg, sizeof msg, _("The terminal is %dx%d: huydong needs at least %dx%d."),
             COLS, LINES, MIN_COLS, MIN_LINES);
    int y = LINES / 2;
    term_put(stdscr, y > 0 ? y - 1 : 0, 0, COLS, msg, ROLE_ERROR, 0);
    if (LINES > 2)
        term_put(stdscr, y, 0, COLS, _("Enlarge the window, or press F10 to quit."),
                 ROLE_NORMAL, 0);
}

static void draw_all(tui *t)
{
    erase();
    if (COLS < MIN_COLS || LINES < MIN_LINES) {
        draw_too_small();
    } else {
        tui_screen *s = tui_top(t);
        t->cursor_y = -1;
        draw_title(t, s);
        s->ops->draw(s, t, 1, tui_body_height());
        term_put(stdscr, LINES - 2, 0, COLS, t->message, t->message_role, 1);
        draw_keybar(t, s);
    }
    curs_set(t->cursor_y >= 0 ? 1 : 0);
    if (t->cursor_y >= 0)
        move(t->cursor_y, t->cursor_x);
    /* erase + draw leaves curses to send only the cells that changed */
    wnoutrefresh(stdscr);
    doupdate();
    t->dirty = 0;
}

/* Another user committed: the screen reads again. */
static void check_data_version(tui *t)
{
    long long v = db_data_version(t->db);
    if (v == t->data_version)
        return;
    t->data_version = v;
    tui_screen *s = tui_top(t);
    if (s->ops->reload)
        s->ops->reload(s, t);
    t->dirty = 1;
}

static const tui_action global_actions[] = {ACT_HELP, ACT_QUIT, ACT_NONE};

static void dispatch(tui *t, int rc, wint_t ch)
{
    tui_screen *s = tui_top(t);
    tui_key key = actions_key(rc, ch);
    if (COLS < MIN_COLS || LINES < MIN_LINES) {
        if (actions_lookup(global_actions, 1, key) == ACT_QUIT)
            t->running = 0;
        return;
    }
    t->message[0] = '\0';
    t->dirty = 1;
    tui_action a = actions_lookup(s->ops->actions, s->ops->typing, key);
    if (a == ACT_NONE)
        a = actions_lookup(global_actions, s->ops->typing, key);
    if (a == ACT_QUIT)
        t->running = 0;
    else if (a == ACT_HELP && strcmp(s->ops->name, "help") != 0)
        tui_push(t, screen_help_new(t, s));
    else
        s->ops->key(s, t, a, key);
}

static void loop(tui *t)
{
    t->dirty = 1;
    while (t->running && !term_should_quit()) {
        if (t->dirty)
            draw_all(t);
        tui_screen *top = tui_top(t);
        if (top->idle && !t->dirty && top->idle(top, t)) {
            t->dirty = 1;   /* painted first, then the slower part */
            continue;
        }
        wint_t ch;
        int rc = get_wch(&ch);
        if (rc == ERR) {
            check_data_version(t); /* timeout: nothing typed */
            continue;
        }
        if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
            t->dirty = 1;
            continue;
        }
        dispatch(t, rc, ch);
    }
}

int tui_run(hd_db *db, const hd_config *cfg, const char *lang, const tui_opts *o)
{
    tui_term_opts to = {o->mono || cfg->mono, o->ascii || cfg->ascii};
    if (term_start(&to) < 0)
        return 1;
    tui t = {.db = db, .cfg = cfg, .lang = lang, .running = 1};
    t.data_version = db_data_version(db);
    tui_push(&t, screen_home_new(&t));
    if (db_read_only(db))
        tui_message(&t, ROLE_ERROR, "%s",
                    db_read_only(db) == 2
                        ? _("Read only: this user may not write the database's folder; what "
                            "others save now is not shown")
                        : _("Read only: this user may not write the database file; nothing "
                            "can be saved"));
    loop(&t);
    while (t.depth > 0)
        screen_free(t.stack[--t.depth]);
    term_stop();
    return 0;
}

int tui_step_month(int *year, int *month, int delta)
{
    int k = *year * 12 + (*month - 1) + delta;
    hd_date today = date_today();
    if (k > today.year * 12 + today.month - 1)
        return -1;
    *year = k / 12;
    *month = k % 12 + 1;
    return 0;
}

int tui_month_key(tui *t, tui_action a, int *year, int *month)
{
    if (tui_step_month(year, month, a == ACT_NEXT_MONTH ? 1 : -1) == 0)
        return 1;
    tui_message(t, ROLE_ERROR, "%s", _("No later month has started yet."));
    return 0;
}
