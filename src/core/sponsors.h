/* sponsors.h — sponsors' results (kết quả đỡ đầu): for each member who
 * sponsors pupils in the school year, each pupil with their status and
 * attendance when the sponsorship started (or the school year did) and
 * now (or when it ended).  Definition: docs/definitions.md ("Sponsors'
 * results"). */
#ifndef HD_SPONSORS_H
#define HD_SPONSORS_H

#include <stdint.h>

#include "core/config.h"
#include "core/db.h"

typedef struct hd_sponsor_row {
    int64_t member_id;
    char *member;           /* owned */
    int org;                /* hd_org */
    int64_t child_id;
    char child_uid[32];
    char *child;            /* owned */
    int birth_year;
    char *village;          /* owned; "" none */
    char from[11], until[11]; /* the sponsorship within the period (ISO) */
    int status_start, status_end;   /* hd_status; -1 unknown (the start: that
                                     * day's, else the first in the span) */
    char att_start_month[8], att_end_month[8];  /* "" when no attendance */
    double att_start, att_end;      /* percent present in those months */
} hd_sponsor_row;

/* Every sponsorship (assignment role sponsor, not archived) open at some
 * time between the school year's first day and year-month's last day (or
 * today), by member then child.  The start is the later of the
 * sponsorship's start and the school year's; the end the earlier of its
 * end and the month's last day.  Attendance at the start is the first
 * month with attendance in that span, at the end the last.  At most
 * `limit` rows (0: all).  Returns the count or -1; *out is the caller's. */
int sponsor_results(hd_db *db, const hd_config *cfg, int year, int month, int limit,
                    hd_sponsor_row **out, hd_err *err);
void sponsor_rows_free(hd_sponsor_row *r, int n);

#endif
