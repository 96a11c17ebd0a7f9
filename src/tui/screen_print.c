/* screen_print.c — the committee's documents: a menu of them for a month,
 * and a preview of the one chosen exactly as it will print (the same text
 * the printer gets), paged, with keys to print it or save it as PDF or CSV.
 * A wide page (132 columns) scrolls sideways on an 80-column terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/authz.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/print.h"
#include "core/text.h"
#include "tui/app.h"

/* ---- the menu ------------------------------------------------------------------- */

typedef struct menu_state {
    int year, month;
    int sel;
    int n;
} menu_state;

static const tui_action menu_actions[] = {
    ACT_OPEN, ACT_PREV_MONTH, ACT_NEXT_MONTH, ACT_BACK, ACT_UP, ACT_DOWN, ACT_HELP, ACT_QUIT,
    ACT_NONE,
};

static tui_screen *preview_new(tui *t, const hd_doc_kind *kind, int year, int month);

static void menu_draw(tui_screen *s, tui *t, int top, int height)
{
    menu_state *m = s->st;
    char line[160];
    snprintf(line, sizeof line, _("Month: %02d/%d   (< > change it)"), m->month, m->year);
    term_put(stdscr, top + 1, 2, COLS - 4, line, ROLE_HEADER, 0);
    for (int i = 0; i < m->n && top + 3 + i < top + height; i++) {
        const hd_doc_kind *k = &doc_kinds[i];
        snprintf(line, sizeof line, "%d. %s", i + 1, _(k->label));
        term_put(stdscr, top + 3 + i, 2, COLS - 4, line, i == m->sel ? ROLE_SELECTED : ROLE_NORMAL,
                 1);
    }
    term_put(stdscr, top + 4 + m->n, 2, COLS - 4,
             _("Enter shows the document as it will print; from there: p print, f PDF, v CSV."),
             ROLE_DIM, 0);
}

static void menu_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    menu_state *m = s->st;
    if (k >= '1' && k < '1' + m->n) {
        m->sel = (int)(k - '1');
        a = ACT_OPEN;
    }
    switch (a) {
    case ACT_UP: m->sel = m->sel > 0 ? m->sel - 1 : 0; break;
    case ACT_DOWN: m->sel = m->sel + 1 < m->n ? m->sel + 1 : m->sel; break;
    case ACT_PREV_MONTH: tui_step_month(&m->year, &m->month, -1); break;
    case ACT_NEXT_MONTH: tui_step_month(&m->year, &m->month, 1); break;
    case ACT_BACK: tui_pop(t); break;
    case ACT_OPEN: {
        tui_screen *p = preview_new(t, &doc_kinds[m->sel], m->year, m->month);
        if (p)
            tui_push(t, p);
        break;
    }
    default: break;
    }
}

static void menu_free(tui_screen *s)
{
    free(s->st);
}

static const tui_screen_ops menu_ops = {
    "print", menu_actions, 0, menu_draw, menu_key, NULL, menu_free,
};

tui_screen *screen_print_new(tui *t)
{
    (void)t;
    menu_state *m = xcalloc(1, sizeof *m);
    hd_date today = date_today();
    m->year = today.year;
    m->month = today.month;
    while (doc_kinds[m->n].name)
        m->n++;
    return tui_screen_new(&menu_ops, m, _("Documents"));
}

/* ---- the preview ------------------------------------------------------------------ */

typedef struct preview_state {
    const hd_doc_kind *kind;
    int year, month, width;
    hd_doc doc;
    char **lines;   /* the text as printed, a form feed starting each new page */
    int n;
    int first, left;
} preview_state;

static void preview_lines_free(preview_state *p)
{
    for (int i = 0; i < p->n; i++)
        free(p->lines[i]);
    free(p->lines);
    p->lines = NULL;
    p->n = 0;
}

static void preview_push(preview_state *p, char *line)
{
    p->lines = xreallocarray(p->lines, (size_t)p->n + 1, sizeof *p->lines);
    p->lines[p->n++] = line;
}

/* The text as printed, a line each; a page break is a line "\f" of its own. */
static void preview_render(preview_state *p, const tui *t)
{
    preview_lines_free(p);
    char *text = doc_text(&p->doc, p->width, t->cfg->lines_per_page);
    for (const char *s = text; *s;) {
        if (*s == '\f') {
            preview_push(p, xstrdup("\f"));
            s++;
            continue;
        }
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        preview_push(p, xstrndup(s, len));
        s += len + (nl ? 1 : 0);
    }
    free(text);
}

/* Builds the document from the database; 0, or -1 with the message shown. */
static int preview_build(preview_state *p, tui *t)
{
    hd_err err;
    hd_doc d = {0};
    if (p->kind->build(t->db, t->cfg, p->year, p->month, &d, &err) < 0) {
        doc_free(&d);
        tui_message(t, ROLE_ERROR, "%s", err.msg);
        return -1;
    }
    doc_free(&p->doc);
    p->doc = d;
    preview_render(p, t);
    return 0;
}

/* ← scrolls a wide page here: its action comes before Back's, which the
 * first match wins (Esc still goes back). */
static const tui_action preview_actions[] = {
    ACT_PRINT, ACT_SAVE_PDF, ACT_SAVE_CSV, ACT_WIDTH, ACT_SCROLL_LEFT, ACT_SCROLL_RIGHT, ACT_BACK,
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM, ACT_HELP, ACT_QUIT,
    ACT_NONE,
};

static void preview_draw(tui_screen *s, tui *t, int top, int height)
{
    (void)t;
    preview_state *p = s->st;
    for (int y = 0; y < height; y++) {
        int i = p->first + y;
        if (i >= p->n)
            break;
        const char *line = p->lines[i];
        if (*line == '\f') {
            /* a page break: a rule across the screen */
            move(top + y, 0);
            hline(term_ascii() ? '-' : ACS_HLINE, COLS);
            continue;
        }
        size_t skip = text_fit(line, p->left);
        term_put(stdscr, top + y, 0, COLS, line + skip, ROLE_NORMAL, 0);
    }
}

/* "danh-sach-committee-2026-11.pdf" in the current folder. */
static char *out_name(const preview_state *p, const char *ext)
{
    return xasprintf("%s-%d-%02d.%s", p->kind->name, p->year, p->month, ext);
}

static void save(preview_state *p, tui *t, int pdf)
{
    char *name = out_name(p, pdf ? "pdf" : "csv");
    hd_err err;
    int rc = pdf ? doc_save_pdf(&p->doc, p->width, t->cfg->lines_per_page, t->cfg->paper, name,
                                &err)
                 : doc_save_csv(&p->doc, name, &err);
    char *cwd = getcwd(NULL, 0);
    if (rc == 0)
        tui_message(t, ROLE_GOOD, _("Saved: %s/%s"), cwd ? cwd : ".", name);
    else
        tui_message(t, ROLE_ERROR, "%s", err.msg);
    free(cwd);
    free(name);
}

/* The printer command's own output would scribble on the screen: it goes
 * nowhere, and its exit status says whether it worked. */
static void print_it(preview_state *p, tui *t)
{
    char *quiet = xasprintf("(%s) >/dev/null 2>&1", t->cfg->print_command);
    hd_err err;
    int rc = doc_print(&p->doc, p->width, t->cfg->lines_per_page, t->cfg->paper,
                       strcmp(t->cfg->print_input, "pdf") == 0, quiet, &err);
    free(quiet);
    if (rc == 0)
        tui_message(t, ROLE_GOOD, _("Sent to the printer (%s)."), t->cfg->print_command);
    else
        tui_message(t, ROLE_ERROR, "%s", err.msg);
}

static void preview_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    preview_state *p = s->st;
    int page = LINES - 4 > 1 ? LINES - 4 : 1, last = p->n > page ? p->n - page : 0;
    switch (a) {
    case ACT_UP: p->first--; break;
    case ACT_DOWN: p->first++; break;
    case ACT_PAGE_UP: p->first -= page; break;
    case ACT_PAGE_DOWN: p->first += page; break;
    case ACT_TOP: p->first = 0; break;
    case ACT_BOTTOM: p->first = last; break;
    case ACT_SCROLL_LEFT: p->left = p->left > 10 ? p->left - 10 : 0; break;
    case ACT_SCROLL_RIGHT:
        if (p->left + COLS < p->width)
            p->left += 10;
        break;
    case ACT_WIDTH:
        p->width = p->width == 80 ? 132 : 80;
        p->left = 0;
        preview_render(p, t);
        break;
    /* reading is anyone's; printing and files are the secretary's */
    case ACT_PRINT:
        if (tui_allowed(t, PERM_PRINT, 0))
            print_it(p, t);
        break;
    case ACT_SAVE_PDF:
        if (tui_allowed(t, PERM_PRINT, 0))
            save(p, t, 1);
        break;
    case ACT_SAVE_CSV:
        if (tui_allowed(t, PERM_PRINT, 0))
            save(p, t, 0);
        break;
    case ACT_BACK: tui_pop(t); return;
    default: break;
    }
    if (p->first > last)
        p->first = last;
    if (p->first < 0)
        p->first = 0;
}

/* Another user saved: the document is read again. */
static void preview_reload(tui_screen *s, tui *t)
{
    preview_build(s->st, t);
}

static void preview_free(tui_screen *s)
{
    preview_state *p = s->st;
    preview_lines_free(p);
    doc_free(&p->doc);
    free(p);
}

static const tui_screen_ops preview_ops = {
    "preview", preview_actions, 0, preview_draw, preview_key, preview_reload, preview_free,
};

static tui_screen *preview_new(tui *t, const hd_doc_kind *kind, int year, int month)
{
    preview_state *p = xcalloc(1, sizeof *p);
    p->kind = kind;
    p->year = year;
    p->month = month;
    p->width = kind->width;
    if (preview_build(p, t) < 0) {
        preview_free(&(tui_screen){.st = p});
        return NULL;
    }
    char title[160];
    snprintf(title, sizeof title, "%s — %02d/%d", _(kind->label), month, year);
    return tui_screen_new(&preview_ops, p, title);
}
