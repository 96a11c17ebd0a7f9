/* form.h — a form of fields edited in place: text with a cursor, choices
 * stepped with ←/→ or Space, toggles.  Each field is checked when it is
 * left and all of them on save; a problem is shown at its field, and
 * nothing is saved until every field is right.  The form knows nothing of
 * what it edits: its owner reads the values and saves through the core. */
#ifndef HD_TUI_FORM_H
#define HD_TUI_FORM_H

#include <wchar.h>

#include "tui/app.h"

typedef enum tui_field_kind {
    FIELD_TEXT,
    FIELD_DATE,          /* dd/mm/yyyy */
    FIELD_BIRTH,         /* dd/mm/yyyy or a year */
    FIELD_NUMBER,
    FIELD_PHONE,
    FIELD_CHOICE,        /* one of choices[] */
    FIELD_FLAGS,         /* any of choices[], toggled with Space */
} tui_field_kind;

enum { FIELD_TEXT_MAX = 120, FIELD_CHOICES_MAX = 64 };

typedef struct tui_field {
    const char *label;         /* translated already */
    tui_field_kind kind;
    int required;
    int min, max;              /* FIELD_NUMBER */
    const char *choices[FIELD_CHOICES_MAX]; /* labels, owned by the caller */
    int nchoices;
    /* state */
    wchar_t text[FIELD_TEXT_MAX + 1];
    size_t len, cur;
    int choice;                /* FIELD_CHOICE: index, -1 none */
    unsigned flags;            /* FIELD_FLAGS: bit set */
    int flag_cur;              /* FIELD_FLAGS: the choice under the cursor */
    char error[1024];
} tui_field;

typedef struct tui_form {
    tui_field *fields;         /* owned */
    int n;
    int focus;
    char title[160];
} tui_form;

tui_form *form_new(const char *title);
void form_free(tui_form *f);
tui_field *form_add(tui_form *f, const char *label, tui_field_kind kind, int required);

/* Values: text as UTF-8 NFC (caller frees), or "" when empty. */
char *field_text(const tui_field *fl);
void field_set_text(tui_field *fl, const char *utf8);

/* Checks one field (its error set or cleared); 0 when right. */
int field_check(tui_field *fl);
/* Checks them all; focus moves to the first wrong one.  0 when all right. */
int form_check(tui_form *f);
/* Puts an error on the field whose label starts a core message
 * ("birth year: …"), or on the focused field; returns -1. */
int form_error(tui_form *f, const char *msg);

void form_draw(tui_form *f, tui *t, int top, int height);

/* A form screen's keys: FORM_SAVE when the user asks to save (F2, or Enter
 * on the last field), FORM_LEFT after Esc (the screen is popped), else
 * FORM_KEPT (the form used the key, or ignored it). */
enum { FORM_KEPT, FORM_SAVE, FORM_LEFT };
int form_screen_key(tui_form *f, tui *t, tui_action a, tui_key k);

/* Saving a form screen: write() runs only when every field is right; a
 * conflict or an error keeps the form open (the error shown at its field
 * by place(), or form_error when place is NULL); success pops the screen
 * and says so. */
typedef int (*form_write_fn)(void *ctx, tui *t, hd_err *err);
typedef void (*form_place_fn)(void *ctx, const char *msg);
void form_screen_save(tui_form *f, tui *t, form_write_fn write, form_place_fn place,
                      void *ctx);
/* Handles a key; 1 when the form used it. */
int form_key(tui_form *f, tui_action a, tui_key k);

#endif
