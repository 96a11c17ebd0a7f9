/* lists.h — the registry's lists as the screens show them: villages,
 * households, children, members and schools, each sorted in Vietnamese
 * order, filtered, searched as you type (accent-insensitive, every word of
 * the query starts a word of the name) and read a page at a time.
 *
 * Paging is by keyset, never OFFSET: a page starts after (or, going back,
 * before) a row the screen already holds, so a list of 100,000 children
 * scrolls without loading them all and stays put when rows are added. */
#ifndef HD_LISTS_H
#define HD_LISTS_H

#include <stdint.h>

#include "core/db.h"

typedef enum {
    LIST_VILLAGES, LIST_HOUSEHOLDS, LIST_CHILDREN, LIST_MEMBERS, LIST_SCHOOLS, LIST_COUNT
} hd_list_kind;

/* Values of hd_list_filter.poor_only. */
enum { LIST_POOR = 1, LIST_POOR_OR_NEAR = 2 };

/* What to show.  A filter that does not apply to a kind is ignored:
 *  villages:   text, village_id (that one);
 *  households: text, village_id, household_id, minority_only, poor_only, and
 *              level, status, at_risk_only meaning "has a child who is so";
 *  children:   all (minority: the child's; poor: the household's);
 *  members:    text, village_id;
 *  schools:    text, level (schools teaching it). */
typedef struct hd_list_filter {
    const char *text;     /* search as you type; NULL or "" = none */
    int64_t village_id;   /* 0 = any */
    int64_t household_id; /* children of one household; 0 = any */
    int64_t member_id;    /* reserved (households of a member); 0 */
    int level;            /* hd_level, -1 = any */
    int status;           /* hd_status, -1 = any */
    int at_risk_only;     /* current status "at risk" (as the figures count) */
    int minority_only;    /* ethnic minority (DTTS) */
    int poor_only;        /* 0, LIST_POOR (hộ nghèo) or LIST_POOR_OR_NEAR (+ cận nghèo) */
    int include_archived;
} hd_list_filter;

/* Every field "any". */
void list_filter_init(hd_list_filter *f);

/* NAME: Vietnamese order of the name (people by given name), then id.
 * VILLAGE: the village's order, then NAME (rows with no village last).
 * BIRTH (children): year of birth, then NAME.
 * STATUS (children): by status code (at risk, dropped out, enrolled,
 * finished, moved away, returned, transferred), then NAME.
 * A sort a kind does not support falls back to NAME. */
typedef enum { SORT_NAME, SORT_VILLAGE, SORT_BIRTH, SORT_STATUS } hd_list_sort;

int list_sort_supported(hd_list_kind k, hd_list_sort s);

#define LIST_MAX_COLS 6

/* One row ready to show.  cols[0..ncols) hold display text (labels in the
 * language asked for); the rest are NULL.  Columns by kind:
 *  villages:   name, kind, party branch, secretary, households, children;
 *  households: head, village, address, poverty, ethnicity, children;
 *  children:   name, birth year, class, village, status, risk factors;
 *  members:    name, organisation, committee role, village, phone;
 *  schools:    name, levels, address.
 * flag: a child at risk, a household with a child at risk.
 * sort_key, sort_num: where the row sits in its order (the keyset cursor);
 * pass the row back as `after` to read the next or previous page. */
typedef struct hd_list_row {
    int64_t id;
    char uid[32];
    char *cols[LIST_MAX_COLS]; /* owned */
    int archived;
    int flag;
    char *sort_key;            /* owned */
    int64_t sort_num;
} hd_list_row;

/* Column titles in lang ("vi", or "en"); *ncols gets their number.  Static. */
const char *const *list_headers(hd_list_kind k, const char *lang, int *ncols);
/* Suggested column widths (terminal cells), ncols of them; the columns and
 * one space between each fit in 80.  Static. */
const int *list_widths(hd_list_kind k);

/* Reads up to limit rows into out: those right after `after` in the order
 * (forward), or right before it (!forward); after = NULL starts from the
 * top (forward) or the bottom (!forward: the last page).  after must be a row
 * of the same kind and sort.  Rows are always in display order.  Labels in
 * lang ("vi" or "en").  Returns the number of rows (fewer than limit at
 * either end), or -1 with err set.  Free each row with list_row_free. */
int list_page(hd_db *db, hd_list_kind k, const hd_list_filter *f, hd_list_sort s,
              const hd_list_row *after, int forward, int limit, const char *lang,
              hd_list_row *out, hd_err *err);
void list_row_free(hd_list_row *r);

/* How many rows the filter lets through (for "1.234 trẻ"); -1 on error. */
long list_count(hd_db *db, hd_list_kind k, const hd_list_filter *f, hd_err *err);
/* The same, counting no further than cap (cap when there are more): the
 * first letter of a search matches a quarter of a district, and a screen
 * only needs "1000+". */
long list_count_upto(hd_db *db, hd_list_kind k, const hd_list_filter *f, long cap,
                     hd_err *err);

/* The query plan of the page query (EXPLAIN QUERY PLAN, one step a line),
 * for tests and benchmarks.  NULL on error. */
char *list_plan(hd_db *db, hd_list_kind k, const hd_list_filter *f, hd_list_sort s,
                int forward, hd_err *err);

#endif
