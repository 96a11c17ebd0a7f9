/* casework_int.h — plumbing shared by the case-work modules (assign.c,
 * visit.c, commitment.c, report.c, caseload.c, due.c); not for screens. */
#ifndef HD_CASEWORK_INT_H
#define HD_CASEWORK_INT_H

#include "core/casework.h"
#include "core/registry.h"

#define CW_NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* Who counts as needing case work (docs/definitions.md: "at risk").  The
 * second form, with unary +, keeps the planner off the status index when the
 * children are reached through their households (a member's few). */
#define CW_AT_RISK_STATUS "'at_risk'"
#define CW_AT_RISK_SQL(c) c ".status = " CW_AT_RISK_STATUS " AND " c ".archived = 0"
#define CW_AT_RISK_BY_HOUSEHOLD_SQL(c) "+" c ".status = " CW_AT_RISK_STATUS " AND +" c ".archived = 0"

/* Begins (or joins) a write and gives the record a new uid of kind.
 * Returns the token of db_write_begin, or -1. */
int cw_begin_insert(hd_db *db, char kind, char uid[32], hd_err *err);
/* Ends the write begun with tok: commits when rc == 0; returns rc (or -1
 * when the commit fails). */
int cw_finish(hd_db *db, int tok, int rc, hd_err *err);
/* Steps an INSERT or UPDATE and gives it back; for an update (is_update)
 * no row changed means the version did not match: HD_CONFLICT. */
int cw_step(hd_db *db, sqlite3_stmt *st, int is_update, const char *doing, hd_err *err);

enum { CW_OPTIONAL = 0, CW_REQUIRED = 1 };
/* Checks an ISO date field (normalising it in place); "" passes unless
 * required.  past_only refuses a date after today. */
int cw_check_date(char iso[11], const char *field, int required, int past_only, hd_err *err);
/* dd/mm/yyyy of an ISO date, for messages (buf of 11). */
const char *cw_vn(const char *iso, char buf[11]);
/* ISO date of d + days. */
void cw_add_days(hd_date d, int days, char iso[11]);

/* Whether a registry record exists: 1 live, 2 archived, 0 none. */
int cw_record_state(hd_db *db, const char *table, int64_t id);
/* The name column of a registry record ("" when none); caller frees. */
char *cw_record_name(hd_db *db, const char *table, int64_t id);

/* Column helpers: text into a fixed buffer ("" for NULL). */
void cw_col_buf(sqlite3_stmt *st, int i, char *buf, size_t size);

/* Growing an array of n elements (capacity *cap) to hold one more. */
void *cw_grow(void *p, int n, int *cap, size_t size);

/* The common table expressions "items(kind, due, household_id, child_id,
 * ref_id, since)" of what is due up to ?2 (due.c), for member ?5 only
 * when member_scope; bind them with cw_due_bind.  Caller frees. */
char *cw_due_items_sql(int member_scope);
void cw_due_bind(sqlite3_stmt *st, const hd_cw_opts *o, int overdue_only, unsigned kinds);

/* Marks the open reports answered by a visit (report.c). */
int cw_reports_answer_visit(hd_db *db, int64_t visit_id, int64_t household_id,
                            const char *date, hd_err *err);
/* ... and by an assignment to a household or a child. */
int cw_reports_answer_assignment(hd_db *db, int64_t assignment_id, int64_t household_id,
                                 int64_t child_id, const char *date, hd_err *err);

#endif
