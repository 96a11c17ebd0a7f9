/* app.h — the terminal interface: a stack of screens over the core, one
 * main loop, one exit path.  Every screen has the same shape (its ops: draw,
 * key, reload, free) and offers a list of actions, from which the key bar and
 * the help screen are drawn. */
#ifndef HD_TUI_APP_H
#define HD_TUI_APP_H

#include <stdint.h>

#include "core/config.h"
#include "core/db.h"
#include "core/lists.h"
#include "core/util.h"
#include "tui/actions.h"
#include "tui/draw.h"

typedef struct tui tui;
typedef struct tui_screen tui_screen;

typedef struct tui_screen_ops {
    const char *name;
    const tui_action *actions; /* offered, in key-bar order, ACT_NONE-ended */
    int typing;                /* plain characters are text, not commands */
    /* Draws the body: rows top .. top+height-1 of stdscr, full width. */
    void (*draw)(tui_screen *s, tui *t, int top, int height);
    void (*key)(tui_screen *s, tui *t, tui_action a, tui_key k);
    /* The database changed (another user saved): read again. */
    void (*reload)(tui_screen *s, tui *t);
    void (*free)(tui_screen *s);
} tui_screen_ops;

struct tui_screen {
    const tui_screen_ops *ops;
    void *st;           /* the screen's own state, freed by ops->free */
    char title[160];
    /* Optional: slower reading that can wait until the screen is painted
     * (called after a paint while nothing is typed); returns 1 when it
     * changed what the screen shows. */
    int (*idle)(tui_screen *s, tui *t);
};

typedef struct tui_opts {
    int mono;
    int ascii;
} tui_opts;

struct tui {
    hd_db *db;
    const hd_config *cfg;
    const char *lang;        /* "vi" or "en": labels from the core */
    char commune[128];       /* shown in the title bar */
    tui_screen *stack[16];
    int depth;
    char message[256];
    tui_role message_role;
    int running;
    int dirty;               /* something to draw */
    int cursor_y, cursor_x;  /* where a screen wants the cursor; -1: hidden */
    long long data_version;
};

/* Runs the interface until the user quits or a signal arrives; the terminal
 * is restored on every path.  Returns an exit code. */
int tui_run(hd_db *db, const hd_config *cfg, const char *lang, const tui_opts *o);

tui_screen *tui_screen_new(const tui_screen_ops *ops, void *st, const char *title);
void tui_push(tui *t, tui_screen *s);   /* NULL: nothing (a refused form) */
void tui_pop(tui *t);
tui_screen *tui_top(tui *t);

/* The line above the key bar; cleared by the next key. */
void tui_message(tui *t, tui_role r, const char *fmt, ...) HD_PRINTF(3, 4);
/* 1 when the user's role allows perm (hd_perm, authz.h; for case work, to
 * this household); else 0 with the reason in the status line.  Forms ask
 * before they open, so that nobody fills one in for nothing; the core
 * checks again when saving. */
int tui_allowed(tui *t, int perm, int64_t household_id);

/* A percentage as the interface's language writes it: "0,35 %" in
 * Vietnamese, "0.35 %" in English; decimals are trimmed of trailing zeros
 * down to `min_dec`. */
void tui_percent(const tui *t, double v, int max_dec, int min_dec, char *buf, size_t n);

/* Moves (year, month) by delta months, never past the running month:
 * 0, or -1 (and no move) where it would pass it. */
int tui_step_month(int *year, int *month, int delta);
/* The month keys of a screen showing a month (ACT_NEXT_MONTH,
 * ACT_PREV_MONTH): 1 when (year, month) moved, for the screen to read
 * again; else 0, and the status line says why. */
int tui_month_key(tui *t, tui_action a, int *year, int *month);

/* The lines a screen's body has: all but the title bar, the status line
 * and the key bar. */
int tui_body_height(void);

/* Screens the others open. */
tui_screen *screen_home_new(tui *t);
tui_screen *screen_help_new(tui *t, const tui_screen *of);
/* A list; village_id / household_id narrow it (0 = all). */
tui_screen *screen_list_new(tui *t, hd_list_kind kind, int64_t village_id,
                            int64_t household_id);

/* Asks a yes/no question; on yes, calls yes(t, ctx).  ctx is owned by the
 * screen (freed with free()) unless yes takes it: yes must free it. */
typedef void (*tui_confirm_fn)(tui *t, void *ctx);
tui_screen *screen_confirm_new(tui *t, const char *question, tui_confirm_fn yes, void *ctx);

/* Case work seen from the committee (list): what is due (member_id 0:
 * everyone), the at-risk households no one is assigned to, or each member's
 * load for the chair to balance. */
enum { DUE_LIST, DUE_UNASSIGNED, DUE_LOAD };
tui_screen *screen_due_new(tui *t, int64_t member_id, int list);
/* Children with no household, each linked to one by its code. */
tui_screen *screen_unlinked_new(tui *t);
/* A member: the households and children they answer for, and their agenda. */
tui_screen *screen_member_new(tui *t, int64_t member_id);

/* Case work from a household (screen_casework.c): assign a member to it,
 * sponsor one of its children, record a home visit, or a commitment (about
 * child_id when the user picks it; 0: the household).  NULL, with the
 * reason in the status line, when the user's role does not allow it. */
tui_screen *screen_assign_form(tui *t, int64_t household_id);
tui_screen *screen_sponsor_form(tui *t, int64_t child_id);
tui_screen *screen_visit_form(tui *t, int64_t household_id);
tui_screen *screen_commit_form(tui *t, int64_t household_id, int64_t child_id);

/* A record's changes from the audit log (uid: its stable key; name for the
 * title), newest first. */
tui_screen *screen_history_new(tui *t, const char *uid, const char *name);
/* Attendance: the classes of a month, then a class's grid
 * (screen_attendance.c); the early-warning proposals (screen_warn.c). */
tui_screen *screen_attendance_new(tui *t);
/* tui_month_key for a screen of attendance: steps to the month before or
 * after that school is taught in (screen_attendance.c). */
int tui_taught_month_key(tui *t, tui_action a, int *year, int *month);
tui_screen *screen_warn_new(tui *t);
/* Attendance rates of a month by a grouping (screen_rates.c). */
tui_screen *screen_rates_new(tui *t, int year, int month);
/* The cultured-family review list (screen_family.c). */
tui_screen *screen_family_new(tui *t);
/* Dropouts and children at risk by cause (screen_causes.c). */
tui_screen *screen_causes_new(tui *t);
/* Sponsors' results (screen_sponsors.c). */
tui_screen *screen_sponsors_new(tui *t);
/* The support register (screen_support.c). */
tui_screen *screen_support_new(tui *t);
tui_screen *screen_support_form(tui *t, int64_t child_id);
/* Children of officials at risk or out of school, and the form recording a
 * household's positions (screen_officials.c). */
tui_screen *screen_officials_new(tui *t);
tui_screen *screen_position_form(tui *t, int64_t household_id);
/* After grade 9 (screen_leavers.c). */
tui_screen *screen_leavers_new(tui *t);

/* A child: the record and its status history. */
tui_screen *screen_child_new(tui *t, int64_t child_id);

/* The committee's documents (screen_print.c): pick one and a month, see
 * it page by page as it will print, print it or save it as PDF or CSV. */
tui_screen *screen_print_new(tui *t);
/* The month (screen_month.c): each branch's figures, trend and rating;
 * close the month, or reopen it with a reason. */
tui_screen *screen_month_new(tui *t);
/* A village's (village_id 0: the commune's) figures for the month; Enter
 * on a count of children lists them (screen_counted.c). */
tui_screen *screen_figures_new(tui *t, int year, int month, int64_t village_id,
                               const char *place);

/* Forms (screen_record.c); an id of 0 adds a new record.  NULL, with the
 * reason shown, for a user who may not change the records. */
tui_screen *screen_child_form(tui *t, int64_t child_id, int64_t household_id);
tui_screen *screen_household_form(tui *t, int64_t household_id, int64_t village_id);
tui_screen *screen_status_form(tui *t, int64_t child_id, const char *name);
tui_screen *screen_village_form(tui *t, int64_t village_id);
tui_screen *screen_member_form(tui *t, int64_t member_id, int64_t village_id);
tui_screen *screen_school_form(tui *t, int64_t school_id);

#endif
