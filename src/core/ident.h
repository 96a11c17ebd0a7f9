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
/* Checks a value: digits and letters, 4 to 20 of them.  0 or -1 with err. */
int ident_check(const char *kind, const char *value, hd_err *err);

#endif
