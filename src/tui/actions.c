/* actions.c — the table of actions, their keys and labels. */
#define NCURSES_WIDECHAR 1
#include "tui/actions.h"

#include <curses.h>
#include <stdio.h>

#include "core/i18n.h"

#define FN(k) (TUI_KEY_FN | (k))
#define CTRL(c) ((c) & 0x1f)

/* Keys chosen to work on the Linux console, xterm, screen/tmux and vt100
 * (which has F1-F4 only): every command that needs a function key has a
 * control-key twin. */
static const tui_action_def defs[ACT_COUNT] = {
    [ACT_NONE] = {ACT_NONE, {0}, "", "", 0},
    [ACT_HELP] = {ACT_HELP, {FN(KEY_F(1)), '?', 0}, N_("Help"),
                  N_("Show every key of this screen"), 1},
    [ACT_QUIT] = {ACT_QUIT, {FN(KEY_F(10)), CTRL('x'), 'q'}, N_("Quit"),
                  N_("Leave huydong (nothing unsaved is kept)"), 1},
    [ACT_BACK] = {ACT_BACK, {27, FN(KEY_LEFT), 0}, N_("Back"),
                  N_("Go back to the previous screen"), 1},
    [ACT_OPEN] = {ACT_OPEN, {'\n', '\r', FN(KEY_ENTER)}, N_("Open"),
                  N_("Open the selected line"), 1},
    [ACT_UP] = {ACT_UP, {FN(KEY_UP), CTRL('p'), 0}, N_("Up"), N_("Move up one line"), 1},
    [ACT_DOWN] = {ACT_DOWN, {FN(KEY_DOWN), CTRL('n'), 0}, N_("Down"),
                  N_("Move down one line"), 1},
    [ACT_PAGE_UP] = {ACT_PAGE_UP, {FN(KEY_PPAGE), 0}, N_("PgUp"), N_("Previous page"), 1},
    [ACT_PAGE_DOWN] = {ACT_PAGE_DOWN, {FN(KEY_NPAGE), 0}, N_("PgDn"), N_("Next page"), 1},
    [ACT_TOP] = {ACT_TOP, {FN(KEY_HOME), 0}, N_("Top"), N_("Go to the first line"), 1},
    [ACT_BOTTOM] = {ACT_BOTTOM, {FN(KEY_END), 0}, N_("End"), N_("Go to the last line"), 1},
    [ACT_NEXT_LIST] = {ACT_NEXT_LIST, {'\t', 0}, N_("Next list"),
                       N_("Show the next list (children, households, members…)"), 1},
    [ACT_PREV_LIST] = {ACT_PREV_LIST, {FN(KEY_BTAB), 0}, N_("Prev list"),
                       N_("Show the previous list"), 1},
    [ACT_ADD] = {ACT_ADD, {FN(KEY_F(2)), FN(KEY_IC), CTRL('a')}, N_("Add"),
                 N_("Add a new record"), 1},
    [ACT_EDIT] = {ACT_EDIT, {FN(KEY_F(4)), CTRL('e'), 0}, N_("Edit"),
                  N_("Edit the selected record"), 1},
    [ACT_FILTER] = {ACT_FILTER, {FN(KEY_F(3)), CTRL('f'), 0}, N_("Filter"),
                    N_("Choose which records to show"), 1},
    [ACT_SORT] = {ACT_SORT, {FN(KEY_F(6)), CTRL('t'), 0}, N_("Sort"),
                  N_("Change the order of the list"), 1},
    [ACT_STATUS] = {ACT_STATUS, {FN(KEY_F(7)), CTRL('k'), 0}, N_("Status"),
                    N_("Record a change of the child's status, with its reason"), 1},
    [ACT_ARCHIVE] = {ACT_ARCHIVE, {FN(KEY_F(8)), FN(KEY_DC), 0}, N_("Archive"),
                     N_("Archive the selected record (asks first)"), 1},
    [ACT_SAVE] = {ACT_SAVE, {FN(KEY_F(2)), CTRL('w'), 0}, N_("Save"),
                  N_("Check the form and save it"), 1},
    [ACT_CANCEL] = {ACT_CANCEL, {27, 0}, N_("Cancel"),
                    N_("Leave the form without saving anything"), 1},
    [ACT_NEXT_FIELD] = {ACT_NEXT_FIELD, {'\t', FN(KEY_DOWN), '\r'}, N_("Next"),
                        N_("Go to the next field"), 1},
    [ACT_PREV_FIELD] = {ACT_PREV_FIELD, {FN(KEY_BTAB), FN(KEY_UP), 0}, N_("Prev"),
                        N_("Go to the previous field"), 1},
    [ACT_GO_HOME] = {ACT_GO_HOME, {'0', 0}, N_("Home"), N_("The commune's figures"), 0},
    [ACT_GO_CHILDREN] = {ACT_GO_CHILDREN, {'1', 'c', 0}, N_("Children"),
                         N_("The list of children"), 0},
    [ACT_GO_HOUSEHOLDS] = {ACT_GO_HOUSEHOLDS, {'2', 'h', 0}, N_("Households"),
                           N_("The list of households"), 0},
    [ACT_GO_MEMBERS] = {ACT_GO_MEMBERS, {'3', 'm', 0}, N_("Members"),
                        N_("The committee's members"), 0},
    [ACT_GO_VILLAGES] = {ACT_GO_VILLAGES, {'4', 'v', 0}, N_("Villages"),
                         N_("Villages and their party branches"), 0},
    [ACT_GO_SCHOOLS] = {ACT_GO_SCHOOLS, {'5', 's', 0}, N_("Schools"), N_("The schools"), 0},
    [ACT_GO_DUE] = {ACT_GO_DUE, {'6', 'd', 0}, N_("Due"),
                    N_("Follow-ups, visits, reviews and reports due or overdue"), 0},
    [ACT_GO_MINE] = {ACT_GO_MINE, {'8', 'a', 0}, N_("Mine"),
                     N_("My households and my agenda (the member with your login)"), 0},
    [ACT_GO_LOAD] = {ACT_GO_LOAD, {'9', 'l', 0}, N_("Load"),
                     N_("Each member's households, children and visits due, to balance them"), 0},
    [ACT_GO_UNASSIGNED] = {ACT_GO_UNASSIGNED, {'7', 'u', 0}, N_("No one"),
                           N_("At-risk households and children with no one assigned"), 0},
    [ACT_GO_UNLINKED] = {ACT_GO_UNLINKED, {'n', 0}, N_("No household"),
                         N_("Children a school's sheet brought in with no household, to link"),
                         0},
    /* case work from a household (or a child) of a list */
    [ACT_ASSIGN] = {ACT_ASSIGN, {FN(KEY_F(5)), CTRL('g'), 0}, N_("Assign"),
                    N_("Assign a member to the household (lead or supporting)"), 1},
    [ACT_VISIT] = {ACT_VISIT, {FN(KEY_F(9)), CTRL('v'), 0}, N_("Visit"),
                   N_("Record a home visit to the household, its outcome and the next "
                      "follow-up"), 1},
    [ACT_COMMIT] = {ACT_COMMIT, {CTRL('o'), 0}, N_("Commitment"),
                    N_("Record a commitment signed by the family and the school"), 1},
    /* ^D: "đỡ đầu" */
    [ACT_SPONSOR] = {ACT_SPONSOR, {FN(KEY_F(11)), CTRL('d'), 0}, N_("Sponsor"),
                     N_("Assign a sponsor to the selected child"), 1},
    /* the committee's papers and the month's close */
    [ACT_GO_PRINT] = {ACT_GO_PRINT, {'p', 0}, N_("Print"),
                      N_("The committee's documents: preview, print, PDF, CSV"), 0},
    [ACT_GO_MONTH] = {ACT_GO_MONTH, {'e', 0}, N_("Month"),
                      N_("The month's branch evaluation; close the month"), 0},
    [ACT_PREV_MONTH] = {ACT_PREV_MONTH, {'<', ',', '-'}, N_("Prev month"),
                        N_("The month before"), 0},
    [ACT_NEXT_MONTH] = {ACT_NEXT_MONTH, {'>', '.', '+'}, N_("Next month"),
                        N_("The month after (up to this one)"), 0},
    [ACT_PRINT] = {ACT_PRINT, {'p', 0}, N_("Print"),
                   N_("Send the document to the printer (print.command)"), 0},
    [ACT_SAVE_PDF] = {ACT_SAVE_PDF, {'f', 0}, N_("PDF"),
                      N_("Save the document as PDF in the current folder"), 0},
    [ACT_SAVE_CSV] = {ACT_SAVE_CSV, {'v', 0}, N_("CSV"),
                      N_("Save the document's rows as CSV in the current folder"), 0},
    [ACT_WIDTH] = {ACT_WIDTH, {'w', 0}, N_("80/132"),
                   N_("Switch the page between 80 and 132 columns"), 0},
    [ACT_SCROLL_LEFT] = {ACT_SCROLL_LEFT, {FN(KEY_LEFT), 0}, N_("Left"),
                         N_("Show the left part of a wide page"), 1},
    [ACT_SCROLL_RIGHT] = {ACT_SCROLL_RIGHT, {FN(KEY_RIGHT), 0}, N_("Right"),
                          N_("Show the right part of a wide page"), 1},
    [ACT_CLOSE_MONTH] = {ACT_CLOSE_MONTH, {'k', 0}, N_("Close"),
                         N_("Close the month: freeze its figures and ratings (asks first)"), 0},
    [ACT_REOPEN_MONTH] = {ACT_REOPEN_MONTH, {'r', 0}, N_("Reopen"),
                          N_("Correct a closed month: a new version, with the reason; the old "
                             "one is kept"), 0},
    [ACT_HISTORY] = {ACT_HISTORY, {FN(KEY_F(12)), CTRL('r'), 0}, N_("History"),
                     N_("Every change of the record: when, who, the old and the new value"), 1},
    /* attendance and early warning (screen_attendance.c, screen_warn.c) */
    [ACT_GO_ATTENDANCE] = {ACT_GO_ATTENDANCE, {'g', 0}, N_("Attendance"),
                           N_("Enter a class's attendance for a month, as a grid"), 0},
    [ACT_GO_WARNINGS] = {ACT_GO_WARNINGS, {'w', 0}, N_("Warnings"),
                         N_("The early-warning proposals waiting for the committee"), 0},
    [ACT_CELL_LEFT] = {ACT_CELL_LEFT, {FN(KEY_LEFT), 0}, N_("Left"),
                       N_("Go to the cell on the left"), 1},
    [ACT_CELL_RIGHT] = {ACT_CELL_RIGHT, {FN(KEY_RIGHT), 0}, N_("Right"),
                        N_("Go to the cell on the right"), 1},
    [ACT_FILL] = {ACT_FILL, {FN(KEY_F(6)), CTRL('l'), 0}, N_("Fill down"),
                  N_("Copy this cell to every pupil below it"), 1},
    [ACT_CONFIRM] = {ACT_CONFIRM, {FN(KEY_F(5)), CTRL('y'), 0}, N_("Confirm"),
                     N_("Confirm the proposal: the child is marked at risk (asks a reason)"), 1},
    [ACT_DISMISS] = {ACT_DISMISS, {FN(KEY_F(8)), CTRL('r'), 0}, N_("Dismiss"),
                     N_("Dismiss the proposal: the child keeps their status (asks a reason)"),
                     1},
    [ACT_GO_FAMILY] = {ACT_GO_FAMILY, {'f', 0}, N_("Families"),
                       N_("Households with a child of school age not in school or absent a "
                          "lot (cultured-family review)"), 0},
    [ACT_GO_CAUSES] = {ACT_GO_CAUSES, {'b', 0}, N_("Causes"),
                       N_("Dropouts and children at risk by cause, village and level"), 0},
    [ACT_GO_SPONSORS] = {ACT_GO_SPONSORS, {'r', 0}, N_("Sponsors"),
                         N_("Sponsors' results: each sponsored pupil's status and attendance "
                            "at the start and now"), 0},
    [ACT_GO_SUPPORT] = {ACT_GO_SUPPORT, {'t', 0}, N_("Support"),
                        N_("The support register: scholarships, gifts, books and clothes, fee "
                           "exemption, boarding, with their givers and values"), 0},
    [ACT_GO_OFFICIALS] = {ACT_GO_OFFICIALS, {'o', 0}, N_("Officials"),
                          N_("Children of cadres, party members, civil servants and association "
                             "members who are at risk or out of school"), 0},
    [ACT_POSITION] = {ACT_POSITION, {CTRL('b'), 0}, N_("Positions"),
                      N_("Record who in the household is a cadre, party member, civil servant, "
                         "public employee or association member"), 1},
    [ACT_RATES] = {ACT_RATES, {'%', FN(KEY_F(6)), 0}, N_("Rates"),
                   N_("Attendance rates of the month by village, school, class, level or "
                      "ethnic minority"), 0},
    [ACT_GO_LEAVERS] = {ACT_GO_LEAVERS, {'y', 0}, N_("After grade 9"),
                        N_("The pupils who left grade 9 and their paths; those admitted to "
                           "grade 10 who have not turned up"), 0},
    /* ^U: "ủng hộ" */
    [ACT_SUPPORT_ADD] = {ACT_SUPPORT_ADD, {CTRL('u'), 0}, N_("Support"),
                         N_("Record support given to the selected child (scholarship, gift, "
                            "books and clothes, fee exemption, boarding)"), 1},
};

const tui_action_def *actions_def(tui_action a)
{
    return &defs[a < ACT_COUNT ? a : ACT_NONE];
}

/* A plain character (not a function key, not a control character). */
static int is_typed_char(tui_key key)
{
    return !(key & TUI_KEY_FN) && key >= 0x20 && key != 0x7f;
}

tui_action actions_lookup(const tui_action *offered, int typing, tui_key key)
{
    for (const tui_action *a = offered; *a != ACT_NONE; a++) {
        const tui_action_def *d = &defs[*a];
        if (typing && is_typed_char(key))
            continue;
        for (int i = 0; i < 3 && d->keys[i]; i++)
            if (d->keys[i] == key)
                return *a;
    }
    return ACT_NONE;
}

const char *actions_key_name(tui_key key)
{
    static char buf[16];
    if (key & TUI_KEY_FN) {
        int k = key & ~TUI_KEY_FN;
        if (k >= KEY_F(1) && k <= KEY_F(12)) {
            snprintf(buf, sizeof buf, "F%d", k - KEY_F0);
            return buf;
        }
        switch (k) {
        case KEY_UP: return "↑";
        case KEY_DOWN: return "↓";
        case KEY_LEFT: return "←";
        case KEY_RIGHT: return "→";
        case KEY_PPAGE: return "PgUp";
        case KEY_NPAGE: return "PgDn";
        case KEY_HOME: return "Home";
        case KEY_END: return "End";
        case KEY_IC: return "Ins";
        case KEY_DC: return "Del";
        case KEY_BTAB: return "S-Tab";
        case KEY_ENTER: return "Enter";
        default: return "?";
        }
    }
    if (key == '\n' || key == '\r')
        return "Enter";
    if (key == 27)
        return "Esc";
    if (key == '\t')
        return "Tab";
    if (key < 0x20) {
        snprintf(buf, sizeof buf, "^%c", key + '@');
        return buf;
    }
    snprintf(buf, sizeof buf, "%lc", (wint_t)key);
    return buf;
}

tui_key actions_key(int rc, wint_t ch)
{
    if (rc == KEY_CODE_YES)
        return TUI_KEY_FN | (int)ch;
    return (int)ch;
}
