/* draw.h — the terminal: start and stop, colours by role (with the
 * monochrome table beside them), and text drawn safely: UTF-8 measured in
 * cells, cut at character boundaries, control characters shown as '?', and
 * without diacritics in ASCII mode.  Only the tui/ files include curses. */
#ifndef HD_TUI_DRAW_H
#define HD_TUI_DRAW_H

#define NCURSES_WIDECHAR 1
#include <curses.h>

/* What a piece of text is, not what colour it has. */
typedef enum tui_role {
    ROLE_NORMAL,
    ROLE_TITLE,      /* top line */
    ROLE_HEADER,     /* column titles */
    ROLE_SELECTED,   /* the current line */
    ROLE_KEY,        /* a key in the key bar */
    ROLE_KEYLABEL,   /* its label */
    ROLE_FLAG,       /* at risk, over target */
    ROLE_GOOD,       /* within target */
    ROLE_ERROR,      /* a message that stopped something */
    ROLE_DIM,        /* secondary text */
    ROLE_FIELD,      /* an input field */
    ROLE_COUNT
} tui_role;

typedef struct tui_term_opts {
    int mono;   /* --mono, NO_COLOR, ui.mono, or a terminal without colours */
    int ascii;  /* --ascii or ui.ascii: no diacritics on screen */
} tui_term_opts;

/* Starts curses; 0, or -1 when the terminal cannot be used (message on
 * stderr).  Installs the signal handlers that only set flags. */
int term_start(const tui_term_opts *o);
/* Restores the terminal; safe to call twice. */
void term_stop(void);

/* Set by SIGINT, SIGTERM, SIGHUP: the loop ends and the terminal is put
 * back.  Nothing unsaved is written. */
int term_should_quit(void);

attr_t term_attr(tui_role r);
int term_ascii(void);

/* Draws s at (y, x) in at most `width` cells with role r, padding with
 * spaces to `width` when pad.  Returns the cells used. */
int term_put(WINDOW *w, int y, int x, int width, const char *s, tui_role r, int pad);
/* Same, right-aligned in width. */
void term_put_right(WINDOW *w, int y, int x, int width, const char *s, tui_role r);
/* Cells the text takes as it will be shown. */
int term_width(const char *s);

#endif
