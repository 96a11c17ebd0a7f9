/* screen_help.c — every key of the screen it was opened from, drawn from
 * the same action table as the key bar. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/app.h"

typedef struct help_state {
    const tui_screen_ops *of;
    int scroll;
} help_state;

static const tui_action help_actions[] = {ACT_BACK, ACT_UP, ACT_DOWN, ACT_QUIT, ACT_NONE};

/* All keys of an action, joined: "F2, Ins, ^A". */
static void keys_text(const tui_action_def *d, char *buf, size_t n)
{
    buf[0] = '\0';
    for (int i = 0; i < 3 && d->keys[i]; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, n - len, "%s%s", i ? ", " : "", actions_key_name(d->keys[i]));
    }
}

static void help_draw(tui_screen *s, tui *t, int top, int height)
{
    (void)t;
    help_state *h = s->st;
    term_put(stdscr, top, 1, COLS - 2, _("Keys of this screen (Esc: back)"), ROLE_HEADER, 0);
    int y = top + 2, row = 0;
    for (const tui_action *a = h->of->actions; *a != ACT_NONE && y < top + height; a++) {
        const tui_action_def *d = actions_def(*a);
        if (h->of->typing && !d->typing_safe)
            continue;
        if (row++ < h->scroll)
            continue;
        char keys[64];
        keys_text(d, keys, sizeof keys);
        term_put(stdscr, y, 2, 18, keys, ROLE_KEY, 0);
        term_put(stdscr, y, 21, COLS - 22, _(d->help), ROLE_NORMAL, 0);
        y++;
    }
    if (h->of->typing && y < top + height)
        term_put(stdscr, y + 1, 2, COLS - 4,
                 _("Letters you type go to the search line; Backspace erases, Esc clears it."),
                 ROLE_DIM, 0);
}

static void help_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    (void)k;
    help_state *h = s->st;
    if (a == ACT_BACK)
        tui_pop(t);
    else if (a == ACT_DOWN)
        h->scroll++;
    else if (a == ACT_UP && h->scroll > 0)
        h->scroll--;
}

static void help_free(tui_screen *s)
{
    free(s->st);
}

static const tui_screen_ops help_ops = {
    "help", help_actions, 0, help_draw, help_key, NULL, help_free,
};

tui_screen *screen_help_new(tui *t, const tui_screen *of)
{
    (void)t;
    help_state *h = xcalloc(1, sizeof *h);
    h->of = of->ops;
    return tui_screen_new(&help_ops, h, _("Help"));
}
