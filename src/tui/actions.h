/* actions.h — what a key does.  Every command is an action with its default
 * keys and its labels; the bottom key bar and the help screen are drawn from
 * this one table, so they can never disagree with the keys. */
#ifndef HD_TUI_ACTIONS_H
#define HD_TUI_ACTIONS_H

#include <wchar.h>

typedef enum tui_action {
    ACT_NONE,
    ACT_HELP,
    ACT_QUIT,
    ACT_BACK,
    ACT_OPEN,
    ACT_UP,
    ACT_DOWN,
    ACT_PAGE_UP,
    ACT_PAGE_DOWN,
    ACT_TOP,
    ACT_BOTTOM,
    ACT_NEXT_LIST,
    ACT_PREV_LIST,
    ACT_ADD,
    ACT_EDIT,
    ACT_FILTER,
    ACT_SORT,
    ACT_STATUS,
    ACT_ARCHIVE,
    ACT_SAVE,
    ACT_CANCEL,
    ACT_NEXT_FIELD,
    ACT_PREV_FIELD,
    ACT_GO_HOME,
    ACT_GO_CHILDREN,
    ACT_GO_HOUSEHOLDS,
    ACT_GO_MEMBERS,
    ACT_GO_VILLAGES,
    ACT_GO_SCHOOLS,
    ACT_GO_DUE,
    ACT_GO_UNASSIGNED,
    ACT_GO_MINE,
    ACT_GO_LOAD,
    ACT_GO_UNLINKED,
    ACT_ASSIGN,
    ACT_VISIT,
    ACT_COMMIT,
    ACT_SPONSOR,
    /* documents and the month (screen_print.c, screen_month.c) */
    ACT_GO_PRINT,
    ACT_GO_MONTH,
    ACT_PREV_MONTH,
    ACT_NEXT_MONTH,
    ACT_PRINT,
    ACT_SAVE_PDF,
    ACT_SAVE_CSV,
    ACT_WIDTH,
    ACT_SCROLL_LEFT,
    ACT_SCROLL_RIGHT,
    ACT_CLOSE_MONTH,
    ACT_REOPEN_MONTH,
    ACT_HISTORY,
    ACT_GO_ATTENDANCE,
    ACT_GO_WARNINGS,
    ACT_CELL_LEFT,
    ACT_CELL_RIGHT,
    ACT_FILL,
    ACT_CONFIRM,
    ACT_DISMISS,
    ACT_GO_FAMILY,
    ACT_GO_CAUSES,
    ACT_GO_SPONSORS,
    ACT_GO_SUPPORT,
    ACT_GO_OFFICIALS,
    ACT_POSITION,
    ACT_RATES,
    ACT_GO_LEAVERS,
    ACT_SUPPORT_ADD,
    ACT_COUNT
} tui_action;

/* Key codes as get_wch gives them: a function key (KEY_*) or a character.
 * TUI_KEY_FN marks function keys so they never collide with characters. */
#define TUI_KEY_FN 0x40000000
typedef int tui_key;

typedef struct tui_action_def {
    tui_action action;
    tui_key keys[3];       /* 0-terminated */
    const char *label;     /* short, for the key bar (N_) */
    const char *help;      /* one sentence, for the help screen (N_) */
    int typing_safe;       /* usable while the screen takes typed text */
} tui_action_def;

const tui_action_def *actions_def(tui_action a);

/* The action a key means on a screen offering `offered` (ACT_NONE-ended);
 * typing: the screen takes typed text, so plain characters are not
 * commands.  ACT_NONE when the key is no command there. */
tui_action actions_lookup(const tui_action *offered, int typing, tui_key key);

/* The key as the user reads it: "F1", "Enter", "Esc", "^N", "?".  Static. */
const char *actions_key_name(tui_key key);

/* From get_wch's result to one tui_key. */
tui_key actions_key(int get_wch_rc, wint_t ch);

#endif
