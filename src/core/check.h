/* check.h — the database's health: SQLite's integrity and foreign-key
 * checks, our own invariants, counts, and possible duplicate children. */
#ifndef HD_CHECK_H
#define HD_CHECK_H

#include "core/db.h"

typedef struct hd_check_report {
    char commune[128], district[128], province[128];
    long villages, households, children, members, schools, status_events, audit_rows;
    int schema_version;
    hd_msgs problems; /* integrity failures: the database needs repair */
    hd_msgs notes;    /* things for the committee to look at (duplicates) */
} hd_check_report;

int check_run(hd_db *db, hd_check_report *r, hd_err *err);
void check_report_free(hd_check_report *r);

#endif
