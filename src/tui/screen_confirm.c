/* screen_confirm.c — a question that needs a yes before something that
 * cannot be undone from the keyboard (archiving). */
#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "tui/app.h"

typedef struct confirm_state {
    char question[300];
    tui_confirm_fn yes;
    void *ctx;
} confirm_state;

static const tui_action confirm_actions[] = {ACT_CANCEL, ACT_HELP, ACT_NONE};

static void confirm_draw(tui_screen *s, tui *t, int top, int height)
{
    (void)t;
    confirm_state *c = s->st;
    int y = top + height / 3;
    term_put(stdscr, y, 2, COLS - 4, c->question, ROLE_HEADER, 0);
    term_put(stdscr, y + 2, 2, COLS - 4, _("Press y to go ahead, n or Esc to leave it."),
             ROLE_NORMAL, 0);
}

static void confirm_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    confirm_state *c = s->st;
    if (k == 'y' || k == 'Y' || k == 'c' || k == 'C') {
        tui_confirm_fn yes = c->yes;
        void *ctx = c->ctx;
        c->ctx = NULL;
        tui_pop(t); /* frees this screen; the callback may push another */
        yes(t, ctx);
    } else if (a == ACT_CANCEL || k == 'n' || k == 'N' || k == 'k' || k == 'K') {
        tui_pop(t);
    }
}

static void confirm_free(tui_screen *s)
{
    confirm_state *c = s->st;
    free(c->ctx);
    free(c);
}

static const tui_screen_ops confirm_ops = {
    "confirm", confirm_actions, 0, confirm_draw, confirm_key, NULL, confirm_free,
};

tui_screen *screen_confirm_new(tui *t, const char *question, tui_confirm_fn yes, void *ctx)
{
    (void)t;
    confirm_state *c = xcalloc(1, sizeof *c);
    snprintf(c->question, sizeof c->question, "%s", question);
    c->yes = yes;
    c->ctx = ctx;
    return tui_screen_new(&confirm_ops, c, _("Confirm"));
}
