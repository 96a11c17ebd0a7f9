/* leavers.h — after grade 9 (sau lớp 9): each pupil leaving lower
 * secondary in a school year, with the path recorded for them — grade 10,
 * vocational training, continuing education, not decided yet, or no path
 * (they stop studying) — and whether they were admitted to grade 10; the
 * list tells who was admitted to grade 10 but has not turned up (not in
 * school at upper secondary or continuing education today).  Definition:
 * docs/definitions.md ("After grade 9"). */
#ifndef HD_LEAVERS_H
#define HD_LEAVERS_H

#include <stdint.h>

#include "core/db.h"

typedef enum hd_path {
    PATH_GRADE10, PATH_VOCATIONAL, PATH_CONTINUING, PATH_UNDECIDED, PATH_NONE, PATH_COUNT
} hd_path;

const char *path_code(int p);                     /* "grade10", … */
const char *path_label(int p, const char *lang);  /* "Vào lớp 10", … */
int path_lookup(const char *text);                /* code or label (no accents too); -1 */

typedef struct hd_leaver {
    int64_t child_id;
    int school_year;        /* the year grade 9 ended in, named by its start */
    int path;               /* hd_path */
    int admitted;           /* admitted to grade 10 */
    char *note;             /* may be "" */
    int64_t version;        /* 0: new */
    /* read back with the list (owned) */
    char child_uid[32];
    char *child, *village;
    int birth_year;
    int not_turned_up;      /* admitted, but not in school at upper secondary or GDTX */
} hd_leaver;

void leaver_free(hd_leaver *l);
void leavers_free(hd_leaver *l, int n);

/* Records a pupil's path for a school year: a new row (version 0) or an
 * update of the version read (HD_CONFLICT when it changed).  Refused with
 * "field: why": an unknown or archived child, a school year that has not
 * started, an unknown path.  A pupil admitted
 * to grade 10 may still have chosen another path.  0 or -1. */
int leaver_set(hd_db *db, hd_leaver *l, hd_err *err);

/* The leavers of school year `year`, by village and child; at most limit
 * (0: all). Returns the count or -1; *out the caller's. */
int leavers_list(hd_db *db, int year, int limit, hd_leaver **out, hd_err *err);

#endif
