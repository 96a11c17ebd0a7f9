/* family.h — the cultured-family review list (bình xét gia đình văn hóa):
 * the households with a child of school age who is not in school, or who
 * missed many school days in the school year so far, village by village.
 * Villages use it when they review which families keep the "cultured
 * family" title; the definition is in docs/definitions.md ("Cultured-family
 * review"). */
#ifndef HD_FAMILY_H
#define HD_FAMILY_H

#include <stdint.h>

#include "core/config.h"
#include "core/db.h"

typedef struct hd_family_row {
    int64_t household_id;
    char household_uid[32];
    char *village;          /* owned */
    char *head;             /* owned */
    int64_t child_id;
    char child_uid[32];
    char *child;            /* owned */
    int birth_year;
    int not_in_school;      /* 1: dropped out or never enrolled; 0: absent a lot */
    int status;             /* hd_status on the day; -1: no level (never enrolled) */
    long absent, days;      /* the school year's attendance up to the month */
} hd_family_row;

/* The list for year-month as of its last day (today for the running month),
 * by village, household and child.  A child of school age (6 to 17 in the
 * year the school year starts) counts when, on that day, the history says
 * "dropped out" or the child has no level, or when its days absent (with or
 * without leave) in the school year's months up to this one reach
 * warning.rules.chronic_absence.threshold % of its school days.  At most
 * `limit` rows (0: all).  Returns the count or -1; *out is the caller's
 * (family_rows_free). */
int family_review(hd_db *db, const hd_config *cfg, int year, int month, int limit,
                  hd_family_row **out, hd_err *err);
void family_rows_free(hd_family_row *r, int n);

/* Why the child is listed, in the interface's language. Caller frees. */
char *family_reason(const hd_family_row *r);

#endif
