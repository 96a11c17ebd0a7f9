/* draw.c — terminal set-up, roles, and safe text output. */
#include "tui/draw.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/text.h"
#include "core/util.h"

static volatile sig_atomic_t quit_flag;
static int started, mono, ascii;
static attr_t attrs[ROLE_COUNT];

static void on_signal(int sig)
{
    (void)sig;
    quit_flag = 1;
}

int term_should_quit(void)
{
    return quit_flag != 0;
}

/* Colour pairs and, beside them, what a monochrome terminal shows. */
static const struct {
    short fg, bg;
    attr_t color_extra;
    attr_t mono;
} role_table[ROLE_COUNT] = {
    [ROLE_NORMAL] = {-1, -1, 0, A_NORMAL},
    [ROLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
    [ROLE_HEADER] = {COLOR_CYAN, -1, A_BOLD, A_UNDERLINE},
    [ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
    [ROLE_KEY] = {COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE},
    [ROLE_KEYLABEL] = {-1, -1, 0, A_NORMAL},
    [ROLE_FLAG] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [ROLE_GOOD] = {COLOR_GREEN, -1, 0, A_NORMAL},
    [ROLE_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [ROLE_DIM] = {COLOR_BLUE, -1, A_BOLD, A_DIM},
    [ROLE_FIELD] = {COLOR_WHITE, COLOR_BLACK, A_UNDERLINE, A_UNDERLINE},
};

static void setup_roles(void)
{
    int colour = !mono && has_colors() && start_color() == OK;
    if (colour)
        use_default_colors();
    for (int r = 0; r < ROLE_COUNT; r++) {
        if (!colour) {
            attrs[r] = role_table[r].mono;
            continue;
        }
        init_pair((short)(r + 1), role_table[r].fg, role_table[r].bg);
        attrs[r] = COLOR_PAIR(r + 1) | role_table[r].color_extra;
    }
}

int term_start(const tui_term_opts *o)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fputs("huydong: the terminal interface needs a terminal "
              "(use the commands of 'huydong --help' in scripts)\n", stderr);
        return -1;
    }
    mono = o->mono || getenv("NO_COLOR") != NULL;
    ascii = o->ascii;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    if (!newterm(NULL, stdout, stdin)) {
        fputs("huydong: this terminal type is unknown (check $TERM)\n", stderr);
        return -1;
    }
    started = 1;
    hd_on_fatal(term_stop); /* the terminal comes back even on an internal error */
    /* ncurses writes after every cursor move until endwin() has run once;
     * one round now lets a screen go out in a few writes (fewer packets
     * over SSH). */
    endwin();
    refresh();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    /* Wake twice a second to notice signals and other users' changes. */
    timeout(500);
    setup_roles();
    return 0;
}

void term_stop(void)
{
    if (!started)
        return;
    started = 0;
    endwin();
}

attr_t term_attr(tui_role r)
{
    return attrs[r < ROLE_COUNT ? r : ROLE_NORMAL];
}

int term_ascii(void)
{
    return ascii;
}

/* The text as it will be shown: sanitised, and without marks in ASCII mode. */
static char *shown(const char *s)
{
    char *t = ascii ? text_ascii(s ? s : "") : xstrdup(s ? s : "");
    for (unsigned char *p = (unsigned char *)t; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            *p = '?';
    return t;
}

int term_width(const char *s)
{
    char *t = shown(s);
    int w = text_width(t);
    free(t);
    return w;
}

int term_put(WINDOW *w, int y, int x, int width, const char *s, tui_role r, int pad)
{
    if (width <= 0)
        return 0;
    char *t = shown(s);
    size_t n = text_fit(t, width);
    t[n] = '\0';
    int used = text_width(t);
    wattrset(w, term_attr(r));
    mvwaddstr(w, y, x, t);
    if (pad)
        for (int i = used; i < width; i++)
            waddch(w, ' ');
    wattrset(w, A_NORMAL);
    free(t);
    return pad ? width : used;
}

void term_put_right(WINDOW *w, int y, int x, int width, const char *s, tui_role r)
{
    int tw = term_width(s);
    if (tw > width)
        tw = width;
    for (int i = 0; i < width - tw; i++)
        mvwaddch(w, y, x + i, ' ');
    term_put(w, y, x + width - tw, tw, s, r, 0);
}
