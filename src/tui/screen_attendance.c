/* screen_attendance.c — a month's attendance, a class at a time: the list
 * of classes (how many pupils have the month entered), and the grid of one
 * class, one row a pupil, moved through like a spreadsheet.  Nothing is
 * saved until every row of the grid is right; then the whole class is
 * saved in one transaction and the early-warning rules run over the month
 * (proposals only: no status changes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attendance.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/warning.h"
#include "tui/app.h"
#include "tui/table.h"

/* ---- the classes ---------------------------------------------------------------- */

typedef struct classes_state {
    int year, month;
    hd_att_class *c;
    tui_table table;
} classes_state;

static const tui_action classes_actions[] = {
    ACT_OPEN, ACT_RATES, ACT_NEXT_MONTH, ACT_PREV_MONTH, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void classes_reload(tui_screen *s, tui *t)
{
    classes_state *c = s->st;
    attendance_classes_free(c->c, c->table.n);
    c->c = NULL;
    hd_err err;
    table_loaded(&c->table, attendance_classes(t->db, c->year, c->month, &c->c, &err), &err);
}

static void classes_row(tui *t, const void *ctx, int i, int y, int selected)
{
    const classes_state *c = ctx;
    const hd_att_class *x = &c->c[i];
    tui_role r = selected ? ROLE_SELECTED : x->recorded < x->pupils ? ROLE_NORMAL : ROLE_GOOD;
    char name[300], a[16], b[16];
    snprintf(name, sizeof name, "%s · %s", x->school, x->class_name);
    snprintf(a, sizeof a, "%d", x->pupils);
    snprintf(b, sizeof b, "%d", x->recorded);
    term_put(stdscr, y, 0, COLS, "", r, 1);
    term_put(stdscr, y, 1, COLS - 25, name, r, 0);
    term_put_right(stdscr, y, COLS - 23, 10, a, r);
    term_put_right(stdscr, y, COLS - 12, 10, b, r);
}

static void classes_draw(tui_screen *s, tui *t, int top, int height)
{
    classes_state *c = s->st;
    char head[300];
    snprintf(head, sizeof head, _("Attendance of %02d/%d: choose a class (+ and - change the "
                                  "month)"), c->month, c->year);
    if (!table_draw(&c->table, t, top, height, head, classes_row, c))
        return;
    term_put(stdscr, top + 2, 1, COLS - 24, _("School · class"), ROLE_HEADER, 1);
    term_put_right(stdscr, top + 2, COLS - 23, 10, _("Pupils"), ROLE_HEADER);
    term_put_right(stdscr, top + 2, COLS - 12, 10, _("Entered"), ROLE_HEADER);
}

static tui_screen *grid_new(tui *t, int64_t school_id, const char *school, const char *cls,
                            int year, int month);

int tui_taught_month_key(tui *t, tui_action a, int *year, int *month)
{
    int dir = a == ACT_NEXT_MONTH ? 1 : -1;
    int y = *year, m = *month;
    hd_err err;
    for (int i = 0; i < 12; i++) {
        m += dir;
        if (m > 12) {
            m = 1;
            y++;
        } else if (m < 1) {
            m = 12;
            y--;
        }
        if (attendance_check_month(t->cfg, y, m, &err) == 0) {
            *year = y;
            *month = m;
            return 1;
        }
    }
    tui_message(t, ROLE_ERROR, "%s", dir > 0 ? _("No later month has started yet.")
                                             : _("No earlier month is taught."));
    return 0;
}

static void classes_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    classes_state *c = s->st;
    if (table_key(&c->table, a))
        return;
    switch (a) {
    case ACT_BACK: tui_pop(t); return;
    case ACT_NEXT_MONTH:
    case ACT_PREV_MONTH:
        if (tui_taught_month_key(t, a, &c->year, &c->month))
            classes_reload(s, t);
        break;
    case ACT_RATES: tui_push(t, screen_rates_new(t, c->year, c->month)); break;
    case ACT_OPEN:
        if (c->table.n) {
            const hd_att_class *x = &c->c[c->table.sel];
            tui_push(t, grid_new(t, x->school_id, x->school, x->class_name, c->year, c->month));
        }
        break;
    default: break;
    }
}

static void classes_free(tui_screen *s)
{
    classes_state *c = s->st;
    attendance_classes_free(c->c, c->table.n);
    free(c);
}

static const tui_screen_ops classes_ops = {
    "attendance", classes_actions, 0, classes_draw, classes_key, classes_reload, classes_free,
};

tui_screen *screen_attendance_new(tui *t)
{
    classes_state *c = xcalloc(1, sizeof *c);
    /* this month when it is taught, else the last month taught */
    hd_date d = date_today();
    c->year = d.year;
    c->month = d.month;
    hd_err err;
    for (int i = 0; i < 12 && attendance_check_month(t->cfg, c->year, c->month, &err) < 0; i++)
        if (--c->month < 1) {
            c->month = 12;
            c->year--;
        }
    /* the heading, a blank line, the column titles */
    table_init(&c->table, 3, 1);
    c->table.empty = N_("No class has pupils in school.");
    tui_screen *s = tui_screen_new(&classes_ops, c, _("Attendance"));
    classes_reload(s, t);
    return s;
}

/* ---- the grid -------------------------------------------------------------------- */

enum { CELL_MAX = 3 };

/* Each column's width in cells (its head must fit, in either language). */
static const int cell_w[AF_COUNT] = {10, 9, 12, 11, 9};

static int cells_width(void)
{
    int w = 0;
    for (int c = 0; c < AF_COUNT; c++)
        w += cell_w[c];
    return w;
}

static int cell_x(int name_w, int col)
{
    int x = 1 + name_w;
    for (int c = 0; c < col; c++)
        x += cell_w[c];
    return x;
}

typedef struct grid_state {
    int64_t school_id;
    char *class_name;
    int year, month;
    hd_att *rows;              /* as read: names and versions */
    int n;
    char (*cell)[AF_COUNT][CELL_MAX + 1];
    int row, col, first;
    int bad_row, bad_col;      /* the cell an error points at; -1 none */
    char error[1400];          /* the pupil's name and the core's message */
    char head[300];
} grid_state;

static const tui_action grid_actions[] = {
    ACT_SAVE, ACT_CANCEL, ACT_FILL, ACT_UP, ACT_DOWN, ACT_CELL_LEFT, ACT_CELL_RIGHT,
    ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HELP, ACT_NONE,
};

static const char *const col_heads[AF_COUNT] = {
    N_("Days"), N_("Leave"), N_("No leave"), N_("In a row"), N_("Repeats"),
};

static void grid_fill_cells(grid_state *g)
{
    g->cell = xcalloc((size_t)(g->n ? g->n : 1), sizeof *g->cell);
    for (int i = 0; i < g->n; i++) {
        const hd_att *a = &g->rows[i];
        if (!a->version)
            continue;   /* not entered yet: empty cells */
        snprintf(g->cell[i][AF_SCHOOL_DAYS], CELL_MAX + 1, "%d", a->school_days % 100);
        snprintf(g->cell[i][AF_EXCUSED], CELL_MAX + 1, "%d", a->excused % 100);
        snprintf(g->cell[i][AF_UNEXCUSED], CELL_MAX + 1, "%d", a->unexcused % 100);
        if (a->consecutive >= 0)
            snprintf(g->cell[i][AF_CONSECUTIVE], CELL_MAX + 1, "%d", a->consecutive % 100);
        snprintf(g->cell[i][AF_REPEATING], CELL_MAX + 1, "%s", a->repeating ? "x" : "");
    }
}

static void grid_draw(tui_screen *s, tui *t, int top, int height)
{
    grid_state *g = s->st;
    term_put(stdscr, top, 1, COLS - 2, g->head, ROLE_HEADER, 0);
    int name_w = COLS - 2 - cells_width();
    term_put(stdscr, top + 1, 1, name_w, _("Pupil"), ROLE_HEADER, 1);
    for (int c = 0; c < AF_COUNT; c++)
        term_put_right(stdscr, top + 1, cell_x(name_w, c), cell_w[c] - 1, _(col_heads[c]),
                       ROLE_HEADER);
    int rows = height - 3;
    if (g->row < g->first)
        g->first = g->row;
    if (g->row >= g->first + rows)
        g->first = g->row - rows + 1;
    for (int i = g->first, y = top + 2; i < g->n && y < top + 2 + rows; i++, y++) {
        char name[300];
        snprintf(name, sizeof name, "%s (%d)", g->rows[i].name, g->rows[i].birth_year);
        tui_role nr = i == g->row ? ROLE_HEADER : ROLE_NORMAL;
        term_put(stdscr, y, 1, name_w - 1, name, nr, 1);
        for (int c = 0; c < AF_COUNT; c++) {
            int here = i == g->row && c == g->col;
            tui_role r = i == g->bad_row && c == g->bad_col ? ROLE_ERROR
                         : here                              ? ROLE_SELECTED
                                                             : ROLE_FIELD;
            int x = cell_x(name_w, c);
            term_put(stdscr, y, x, cell_w[c] - 1, "", r, 1);
            term_put_right(stdscr, y, x, cell_w[c] - 2, g->cell[i][c], r);
            if (here) {
                t->cursor_y = y;
                t->cursor_x = x + cell_w[c] - 2;
            }
        }
    }
    if (!g->n)
        term_put(stdscr, top + 2, 2, COLS - 4, _("The class has no pupil in school."), ROLE_DIM,
                 0);
    if (g->error[0])
        term_put(stdscr, top + height - 1, 1, COLS - 2, g->error, ROLE_ERROR, 0);
}

/* The number in a cell: its value, or `empty` when blank. */
static int cell_int(const char *s, int empty)
{
    return *s ? atoi(s) : empty;
}

/* The rows from the cells; -1 (with the cell pointed at) when a pupil's
 * school days are missing or a row is wrong. */
static int grid_collect(grid_state *g, hd_att *out, tui *t)
{
    int dim = date_days_in_month(g->year, g->month);
    for (int i = 0; i < g->n; i++) {
        out[i] = g->rows[i];
        out[i].school_days = cell_int(g->cell[i][AF_SCHOOL_DAYS], 0);
        out[i].excused = cell_int(g->cell[i][AF_EXCUSED], 0);
        out[i].unexcused = cell_int(g->cell[i][AF_UNEXCUSED], 0);
        out[i].consecutive = cell_int(g->cell[i][AF_CONSECUTIVE], -1);
        out[i].repeating = g->cell[i][AF_REPEATING][0] != '\0';
        hd_err err;
        hd_att_field f = AF_SCHOOL_DAYS;
        if (!out[i].school_days)
            hd_fail(&err, _("%s: required"), attendance_field_label(AF_SCHOOL_DAYS));
        else if (attendance_check(&out[i], dim, &f, &err) == 0)
            continue;
        g->bad_row = g->row = i;
        g->bad_col = g->col = (int)f;
        snprintf(g->error, sizeof g->error, "%s: %s", g->rows[i].name, err.msg);
        tui_message(t, ROLE_ERROR, "%s", _("A row is not right: nothing was saved."));
        return -1;
    }
    return 0;
}

static void grid_save(tui_screen *s, tui *t)
{
    grid_state *g = s->st;
    g->bad_row = g->bad_col = -1;
    g->error[0] = '\0';
    hd_att *rows = xcalloc((size_t)(g->n ? g->n : 1), sizeof *rows);
    if (grid_collect(g, rows, t) < 0) {
        free(rows);
        return;
    }
    hd_msgs errors = {0};
    hd_err err;
    int rc = attendance_save(t->db, t->cfg, g->year, g->month, rows, g->n, "manual", &errors,
                             &err);
    free(rows);   /* the names belong to g->rows */
    if (rc < 0) {
        snprintf(g->error, sizeof g->error, "%s",
                 rc == HD_CONFLICT ? _("Someone else saved this class's month after you opened "
                                       "it: nothing was saved. Esc, then open it again.")
                 : errors.n        ? errors.items[0]
                                   : err.msg);
        tui_message(t, ROLE_ERROR, "%s", _("Nothing was saved."));
        msgs_free(&errors);
        return;
    }
    hd_warn_run run;
    int proposed = warn_run(t->db, t->cfg, g->year, g->month, &run, &err);
    tui_pop(t);
    if (proposed < 0)
        tui_message(t, ROLE_ERROR, _("Saved; the early-warning rules could not run: %s"),
                    err.msg);
    else if (proposed > 0)
        tui_message(t, ROLE_FLAG, ngettext("Saved. %d new early-warning proposal (w).",
                                           "Saved. %d new early-warning proposals (w).",
                                           (unsigned long)proposed), proposed);
    else
        tui_message(t, ROLE_GOOD, "%s", _("Saved. No new early-warning proposal."));
}

static void grid_move(grid_state *g, int drow, int dcol)
{
    g->col += dcol;
    if (g->col >= AF_COUNT) {
        g->col = 0;
        drow++;
    } else if (g->col < 0) {
        g->col = AF_COUNT - 1;
        drow--;
    }
    g->row += drow;
    if (g->row < 0)
        g->row = 0;
    if (g->row >= g->n)
        g->row = g->n ? g->n - 1 : 0;
}

/* Typing into the current cell: digits, Backspace, and x/Space for the
 * repeating flag. */
static void grid_type(grid_state *g, tui_key k)
{
    if (!g->n)
        return;
    char *c = g->cell[g->row][g->col];
    size_t len = strlen(c);
    if (k == (TUI_KEY_FN | KEY_BACKSPACE) || k == 0x7f || k == 8) {
        if (len)
            c[len - 1] = '\0';
    } else if (k == (TUI_KEY_FN | KEY_DC)) {
        c[0] = '\0';
    } else if (g->col == AF_REPEATING) {
        if (k == ' ' || k == 'x' || k == 'X')
            snprintf(c, CELL_MAX + 1, "%s", c[0] ? "" : "x");
        else if (k == '1')
            snprintf(c, CELL_MAX + 1, "x");
        else if (k == '0')
            c[0] = '\0';
    } else if (k >= '0' && k <= '9' && len < 2) {
        c[len] = (char)k;
        c[len + 1] = '\0';
    }
}

static void grid_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    grid_state *g = s->st;
    int page = LINES - 6 > 1 ? LINES - 6 : 1;
    switch (a) {
    case ACT_SAVE: grid_save(s, t); return;
    case ACT_CANCEL:
        tui_pop(t);
        tui_message(t, ROLE_NORMAL, "%s", _("Left without saving."));
        return;
    case ACT_UP: grid_move(g, -1, 0); break;
    case ACT_DOWN: grid_move(g, 1, 0); break;
    case ACT_PAGE_UP: grid_move(g, -page, 0); break;
    case ACT_PAGE_DOWN: grid_move(g, page, 0); break;
    case ACT_CELL_LEFT: grid_move(g, 0, -1); break;
    case ACT_CELL_RIGHT: grid_move(g, 0, 1); break;
    case ACT_NEXT_FIELD:
        /* Enter goes down the column, Tab along the row */
        if (k == '\r' || k == '\n')
            grid_move(g, 1, 0);
        else
            grid_move(g, 0, 1);
        break;
    case ACT_PREV_FIELD: grid_move(g, 0, -1); break;
    case ACT_FILL:
        for (int i = g->row + 1; i < g->n; i++)
            memcpy(g->cell[i][g->col], g->cell[g->row][g->col], CELL_MAX + 1);
        break;
    default:
        if (k == '\n')
            grid_move(g, 1, 0);
        else
            grid_type(g, k);
        break;
    }
}

static void grid_free(tui_screen *s)
{
    grid_state *g = s->st;
    attendance_rows_free(g->rows, g->n);
    free(g->cell);
    free(g->class_name);
    free(g);
}

static const tui_screen_ops grid_ops = {
    "attendance-grid", grid_actions, 1, grid_draw, grid_key, NULL, grid_free,
};

static tui_screen *grid_new(tui *t, int64_t school_id, const char *school, const char *cls,
                            int year, int month)
{
    grid_state *g = xcalloc(1, sizeof *g);
    g->school_id = school_id;
    g->class_name = xstrdup(cls);
    g->year = year;
    g->month = month;
    g->bad_row = g->bad_col = -1;
    hd_err err;
    g->n = attendance_class_get(t->db, school_id, cls, year, month, &g->rows, &err);
    if (g->n < 0) {
        snprintf(g->error, sizeof g->error, "%s", err.msg);
        g->n = 0;
    }
    grid_fill_cells(g);
    snprintf(g->head, sizeof g->head, _("Class %s · %s · %02d/%d: Tab/arrows move, F2 saves "
                                        "the whole class"), cls, school, month, year);
    char title[160];
    snprintf(title, sizeof title, _("Attendance %s"), cls);
    return tui_screen_new(&grid_ops, g, title);
}
