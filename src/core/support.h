/* support.h — the support register (sổ theo dõi hỗ trợ): what each child
 * received, from which organisation or donor — scholarships, gifts such as
 * "Tiếp bước đến trường", books and clothes ("3 đủ"), fee exemption,
 * semi-boarding ("bán trú dân nuôi") — its value and date; and the totals
 * per month, village and source.  Home visits record only which kinds of
 * support were given (a bit set, casework.h); this register records each
 * gift with its giver and value.  Definition: docs/definitions.md
 * ("Support register"). */
#ifndef HD_SUPPORT_H
#define HD_SUPPORT_H

#include <stdint.h>

#include "core/config.h"
#include "core/db.h"

typedef struct hd_support_entry {
    int64_t id;
    char uid[32];
    int64_t child_id;
    int kind;               /* hd_support */
    char *source;           /* organisation or donor; required */
    char *what;             /* "2 bộ quần áo, 10 quyển vở"; may be "" */
    long long value;        /* đồng; 0 when not counted in money */
    char date[11];          /* ISO; not in the future */
    int archived;
    int64_t version;
    /* read back with a list (owned) */
    char *child;
    int birth_year;
    char *village;
} hd_support_entry;

void support_entry_free(hd_support_entry *e);

/* Adds an entry (e->uid and e->id filled) in one transaction.  Refused with
 * "field: why": an unknown or archived child, an empty source, a negative
 * value, a date in the future or not a date. */
int support_add(hd_db *db, hd_support_entry *e, hd_err *err);

/* The entries dated from..to (ISO, inclusive), by date; at most limit
 * (0: all).  Returns the count or -1; *out the caller's (support_entries_free). */
int support_list(hd_db *db, const char *from, const char *to, int limit,
                 hd_support_entry **out, hd_err *err);
void support_entries_free(hd_support_entry *e, int n);

typedef enum hd_support_group {
    SUPPORT_BY_MONTH, SUPPORT_BY_VILLAGE, SUPPORT_BY_SOURCE, SUPPORT_BY_KIND,
    SUPPORT_BY_COUNT
} hd_support_group;

typedef struct hd_support_total {
    char *label;            /* owned: "10/2026", the village, the source, the kind */
    long entries, children;
    long long value;
} hd_support_total;

/* Totals of the entries dated from..to, grouped; the last row is the
 * grand total (label ""). Returns the count or -1. */
int support_totals(hd_db *db, const char *from, const char *to, hd_support_group g,
                   const char *lang, hd_support_total **out, hd_err *err);
void support_totals_free(hd_support_total *t, int n);
int support_group_from_name(const char *name);   /* "month", …; -1 */

#endif
