/* form.c — editing fields in place, checking them, showing each problem at
 * its field. */
#include "tui/form.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/registry.h"
#include "core/text.h"

tui_form *form_new(const char *title)
{
    tui_form *f = xcalloc(1, sizeof *f);
    snprintf(f->title, sizeof f->title, "%s", title);
    return f;
}

void form_free(tui_form *f)
{
    if (!f)
        return;
    free(f->fields);
    free(f);
}

tui_field *form_add(tui_form *f, const char *label, tui_field_kind kind, int required)
{
    f->fields = xreallocarray(f->fields, (size_t)f->n + 1, sizeof *f->fields);
    tui_field *fl = &f->fields[f->n++];
    memset(fl, 0, sizeof *fl);
    fl->label = label;
    fl->kind = kind;
    fl->required = required;
    fl->choice = -1;
    return fl;
}

char *field_text(const tui_field *fl)
{
    strbuf sb = {0};
    mbstate_t ms;
    memset(&ms, 0, sizeof ms);
    for (size_t i = 0; i < fl->len; i++) {
        char mb[MB_LEN_MAX];
        size_t n = wcrtomb(mb, fl->text[i], &ms);
        if (n != (size_t)-1)
            sb_addn(&sb, mb, n);
    }
    /* typed decomposed (or with a dead-key method) is stored composed */
    char *nfc = text_nfc(sb_str(&sb));
    sb_free(&sb);
    if (!nfc)
        nfc = xstrdup("");
    return str_trim(nfc);
}

void field_set_text(tui_field *fl, const char *utf8)
{
    mbstate_t ms;
    memset(&ms, 0, sizeof ms);
    const char *p = utf8 ? utf8 : "";
    fl->len = 0;
    size_t left = strlen(p);
    while (left && fl->len < FIELD_TEXT_MAX) {
        wchar_t wc;
        size_t n = mbrtowc(&wc, p, left, &ms);
        if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
            break;
        fl->text[fl->len++] = wc;
        p += n;
        left -= n;
    }
    fl->cur = fl->len;
}

/* ---- checking ------------------------------------------------------------ */

static int check_text(tui_field *fl, const char *v)
{
    hd_err e;
    int year, has_day;
    hd_date d;
    switch (fl->kind) {
    case FIELD_DATE:
        if (date_parse(v, &d, &e) < 0)
            snprintf(fl->error, sizeof fl->error, "%s", e.msg);
        else if (date_cmp(d, date_today()) > 0)
            snprintf(fl->error, sizeof fl->error, _("%s is in the future"), v);
        break;
    case FIELD_BIRTH:
        if (date_parse_birth(v, &year, &d, &has_day, &e) < 0)
            snprintf(fl->error, sizeof fl->error, "%s", e.msg);
        break;
    case FIELD_NUMBER: {
        char *end;
        long n = strtol(v, &end, 10);
        if (*end || n < fl->min || n > fl->max)
            snprintf(fl->error, sizeof fl->error, _("'%s' is not a number from %d to %d"), v,
                     fl->min, fl->max);
        break;
    }
    case FIELD_PHONE:
        if (registry_check_phone(v, &e) < 0)
            snprintf(fl->error, sizeof fl->error, "%s", e.msg);
        break;
    default: break;
    }
    return fl->error[0] ? -1 : 0;
}

int field_check(tui_field *fl)
{
    fl->error[0] = '\0';
    if (fl->kind == FIELD_CHOICE) {
        if (fl->required && fl->choice < 0)
            snprintf(fl->error, sizeof fl->error, "%s", _("choose one (←/→)"));
        return fl->error[0] ? -1 : 0;
    }
    if (fl->kind == FIELD_FLAGS)
        return 0;
    char *v = field_text(fl);
    if (!*v) {
        if (fl->required)
            snprintf(fl->error, sizeof fl->error, "%s", _("required"));
    } else {
        check_text(fl, v);
    }
    free(v);
    return fl->error[0] ? -1 : 0;
}

int form_check(tui_form *f)
{
    int first_bad = -1;
    for (int i = 0; i < f->n; i++)
        if (field_check(&f->fields[i]) < 0 && first_bad < 0)
            first_bad = i;
    if (first_bad >= 0)
        f->focus = first_bad;
    return first_bad >= 0 ? -1 : 0;
}

int form_error(tui_form *f, const char *msg)
{
    int at = f->focus;
    const char *why = msg;
    for (int i = 0; i < f->n; i++) {
        size_t n = strlen(f->fields[i].label);
        if (strncasecmp(msg, f->fields[i].label, n) == 0 && msg[n] == ':') {
            at = i;
            why = msg + n + 1;
            while (*why == ' ')
                why++;
            break;
        }
    }
    f->focus = at;
    snprintf(f->fields[at].error, sizeof f->fields[at].error, "%s", why);
    return -1;
}

/* ---- drawing ------------------------------------------------------------- */

enum { LABEL_W = 24, VALUE_X = 26 };

/* The flags set, as "a, b, c". */
static void flags_text(const tui_field *fl, char *buf, size_t n)
{
    buf[0] = '\0';
    for (int i = 0; i < fl->nchoices; i++) {
        if (!(fl->flags & (1u << i)))
            continue;
        size_t len = strlen(buf);
        snprintf(buf + len, n - len, "%s%s", len ? ", " : "", fl->choices[i]);
    }
}

static void draw_value(tui *t, const tui_field *fl, int y, int focused)
{
    int width = COLS - VALUE_X - 2;
    char buf[512];
    if (fl->kind == FIELD_CHOICE) {
        snprintf(buf, sizeof buf, "< %s >", fl->choice >= 0 ? fl->choices[fl->choice] : "—");
        term_put(stdscr, y, VALUE_X, width, buf, focused ? ROLE_SELECTED : ROLE_FIELD, 0);
        return;
    }
    if (fl->kind == FIELD_FLAGS) {
        if (focused && fl->nchoices) {
            snprintf(buf, sizeof buf, "< [%c] %s >  (Space)",
                     (fl->flags & (1u << fl->flag_cur)) ? 'x' : ' ', fl->choices[fl->flag_cur]);
            term_put(stdscr, y, VALUE_X, width, buf, ROLE_SELECTED, 0);
        } else {
            flags_text(fl, buf, sizeof buf);
            term_put(stdscr, y, VALUE_X, width, buf, ROLE_FIELD, 1);
        }
        return;
    }
    char *v = field_text(fl);
    /* the text up to the cursor decides where the cursor goes */
    tui_field upto = *fl;
    upto.len = fl->cur;
    char *head = field_text(&upto);
    term_put(stdscr, y, VALUE_X, width, v, ROLE_FIELD, 1);
    if (focused) {
        int cx = VALUE_X + term_width(head);
        t->cursor_y = y;
        t->cursor_x = cx < VALUE_X + width ? cx : VALUE_X + width - 1;
    }
    free(head);
    free(v);
}

void form_draw(tui_form *f, tui *t, int top, int height)
{
    term_put(stdscr, top, 1, COLS - 2, f->title, ROLE_HEADER, 0);
    int y = top + 2;
    /* keep the focused field in view on a short terminal */
    int first = f->focus > height - 5 ? f->focus - (height - 5) : 0;
    for (int i = first; i < f->n && y < top + height - 1; i++) {
        const tui_field *fl = &f->fields[i];
        char label[160];
        snprintf(label, sizeof label, "%s%s", fl->label, fl->required ? " *" : "");
        term_put_right(stdscr, y, 1, LABEL_W, label,
                       fl->error[0] ? ROLE_FLAG : i == f->focus ? ROLE_HEADER : ROLE_NORMAL);
        draw_value(t, fl, y, i == f->focus);
        y++;
        if (fl->error[0] && y < top + height - 1) {
            term_put(stdscr, y, VALUE_X, COLS - VALUE_X - 1, fl->error, ROLE_ERROR, 0);
            y++;
        }
    }
    term_put(stdscr, top + height - 1, 1, COLS - 2, _("* required.  F2 saves, Esc leaves without saving."),
             ROLE_DIM, 0);
}

/* ---- keys ---------------------------------------------------------------- */

static int edit_text(tui_field *fl, tui_key k)
{
    if (k == (TUI_KEY_FN | KEY_LEFT)) {
        if (fl->cur > 0)
            fl->cur--;
    } else if (k == (TUI_KEY_FN | KEY_RIGHT)) {
        if (fl->cur < fl->len)
            fl->cur++;
    } else if (k == (TUI_KEY_FN | KEY_HOME)) {
        fl->cur = 0;
    } else if (k == (TUI_KEY_FN | KEY_END)) {
        fl->cur = fl->len;
    } else if (k == (TUI_KEY_FN | KEY_BACKSPACE) || k == 0x7f || k == 8) {
        if (fl->cur == 0)
            return 1;
        memmove(fl->text + fl->cur - 1, fl->text + fl->cur,
                (fl->len - fl->cur) * sizeof *fl->text);
        fl->cur--;
        fl->len--;
    } else if (k == (TUI_KEY_FN | KEY_DC)) {
        if (fl->cur == fl->len)
            return 1;
        memmove(fl->text + fl->cur, fl->text + fl->cur + 1,
                (fl->len - fl->cur - 1) * sizeof *fl->text);
        fl->len--;
    } else if (!(k & TUI_KEY_FN) && k >= 0x20 && k != 0x7f) {
        if (fl->len == FIELD_TEXT_MAX)
            return 1;
        memmove(fl->text + fl->cur + 1, fl->text + fl->cur,
                (fl->len - fl->cur) * sizeof *fl->text);
        fl->text[fl->cur++] = (wchar_t)k;
        fl->len++;
    } else {
        return 0;
    }
    fl->error[0] = '\0';
    return 1;
}

static int edit_choice(tui_field *fl, tui_key k)
{
    int n = fl->nchoices;
    if (!n)
        return 0;
    int *at = fl->kind == FIELD_CHOICE ? &fl->choice : &fl->flag_cur;
    if (k == (TUI_KEY_FN | KEY_RIGHT))
        *at = (*at + 1) % n;
    else if (k == (TUI_KEY_FN | KEY_LEFT))
        *at = *at <= 0 ? n - 1 : *at - 1;
    else if (k == ' ' && fl->kind == FIELD_FLAGS)
        fl->flags ^= 1u << fl->flag_cur;
    else if (k == ' ')
        fl->choice = (fl->choice + 1) % n;
    else if (!(k & TUI_KEY_FN) && k > ' ') {
        /* a letter jumps to the next choice starting with it, accents aside */
        for (int step = 1; step <= n; step++) {
            int i = ((*at < 0 ? -1 : *at) + step + n) % n;
            char *fold = text_fold(fl->choices[i]);
            int hit = fold[0] == tolower(k);
            free(fold);
            if (hit) {
                *at = i;
                break;
            }
        }
    } else {
        return 0;
    }
    fl->error[0] = '\0';
    return 1;
}

int form_key(tui_form *f, tui_action a, tui_key k)
{
    if (!f->n)
        return 0;
    tui_field *fl = &f->fields[f->focus];
    if (a == ACT_NEXT_FIELD || a == ACT_PREV_FIELD) {
        field_check(fl);
        int step = a == ACT_NEXT_FIELD ? 1 : -1;
        f->focus = (f->focus + step + f->n) % f->n;
        return 1;
    }
    if (fl->kind == FIELD_CHOICE || fl->kind == FIELD_FLAGS)
        return edit_choice(fl, k);
    return edit_text(fl, k);
}

/* ---- form screens ---------------------------------------------------------- */

int form_screen_key(tui_form *f, tui *t, tui_action a, tui_key k)
{
    if (a == ACT_CANCEL) {
        tui_pop(t);
        tui_message(t, ROLE_NORMAL, "%s", _("Left without saving."));
        return FORM_LEFT;
    }
    if (a == ACT_SAVE || (a == ACT_NEXT_FIELD && k == '\r' && f->focus == f->n - 1))
        return FORM_SAVE; /* Enter on the last field saves too */
    form_key(f, a, k);
    return FORM_KEPT;
}

void form_screen_save(tui_form *f, tui *t, form_write_fn write, form_place_fn place, void *ctx)
{
    if (form_check(f) < 0) {
        tui_message(t, ROLE_ERROR, "%s", _("Some fields are not right: nothing was saved."));
        return;
    }
    hd_err err;
    int rc = write(ctx, t, &err);
    if (rc == HD_CONFLICT) {
        tui_message(t, ROLE_ERROR, "%s",
                    _("Someone else saved this record after you opened it: nothing was "
                      "saved. Esc, then open it again to see their change."));
        return;
    }
    if (rc < 0) {
        if (place)
            place(ctx, err.msg);
        else
            form_error(f, err.msg);
        tui_message(t, ROLE_ERROR, "%s", err.msg);
        return;
    }
    tui_pop(t); /* the screen below reads again */
    tui_message(t, ROLE_GOOD, "%s", _("Saved."));
}
