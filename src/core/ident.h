/* ident.h — the ministry's identifiers of a child: the education database's
 * pupil code ("Mã học sinh") and the personal identification number ("Số
 * định danh cá nhân").  A child has at most one of each, a value names one
 * child (table child_ident, audited).  The writes run inside the caller's
 * write transaction (db_write_begin). */
#ifndef HD_IDENT_H
#define HD_IDENT_H

#include <stdint.h>

#include "core/db.h"

#define IDENT_PUPIL_CODE "pupil_code"
#define IDENT_PID "pid"

/* The child with this identifier, 0 when none. */
int64_t ident_find(hd_db *db, const char *kind, const char *value);
/* The child's identifier of this kind; NULL when none.  Caller frees. */
char *ident_get(hd_db *db, int64_t child_id, const char *kind);
/* Gives the child this identifier (replacing its old one).  Refused when
 * another child holds it.  *changed = 1 when something was written.  0/-1. */
int ident_set(hd_db *db, int64_t child_id, const char *kind, const char *value, int *changed,
              hd_err *err);
/* Checks a value: a pupil code is 4 to 20 letters and digits, a personal
 * identification number 12 digits.  0 or -1 with err. */
int ident_check(const char *kind, const char *value, hd_err *err);



/* ---- children not linked to a household ------------------------------------ */

/* A child a school's sheet brought in with no household (the schools do not
 * know them): left for the committee to link. */
typedef struct hd_unlinked {
    char uid[32];
    char *name;
    int birth_year;
    char birth_date[11];   /* ISO or "" */
    char *school, *class_name;
    char *pupil_code;      /* "" when none */
} hd_unlinked;

/* Active children with no household, by school, class and name.  Count or
 * -1 with err; free with unlinked_free. */
int unlinked_list(hd_db *db, hd_unlinked **out, hd_err *err);
void unlinked_free(hd_unlinked *u, int n);
/* Links the child (its code) to the household (its code), in its own write
 * transaction; a child already in another household is moved.  0 or -1. */
int unlinked_link(hd_db *db, const char *child_uid, const char *household_uid, hd_err *err);
#endif
