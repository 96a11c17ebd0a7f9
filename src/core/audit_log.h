/* audit_log.h — reading the append-only audit table (who changed what, when).
 *
 * The triggers in schema.c write it; this only lists it, newest first. */
#ifndef HD_AUDIT_LOG_H
#define HD_AUDIT_LOG_H

#include <stdint.h>

#include "core/db.h"

/* Every field may be NULL (no condition).  Dates are local "yyyy-mm-dd"
 * (or dd/mm/yyyy), both ends included.  limit <= 0: no limit. */
typedef struct hd_audit_filter {
    const char *since, *until;
    const char *actor;   /* the login that made the change */
    const char *row_uid; /* one record's stable key */
    const char *table;   /* e.g. "child" */
    int limit;
} hd_audit_filter;

/* One change; strings valid during the callback only ("" for NULL). */
typedef struct hd_audit_entry {
    int64_t id;
    const char *at; /* local time, "yyyy-mm-dd hh:mm:ss" */
    const char *actor, *tbl, *row_uid, *action, *field, *old_value, *new_value;
} hd_audit_entry;

/* cb returns non-zero to stop.  Returns the number of entries given to cb,
 * or -1 with err set (a bad date, a database error). */
int audit_list(hd_db *db, const hd_audit_filter *f,
               int (*cb)(const hd_audit_entry *e, void *ctx), void *ctx, hd_err *err);

/* One change, owned (audit_rows_free). */
typedef struct hd_audit_row {
    int64_t id;
    char *at;        /* local time, "yyyy-mm-dd hh:mm:ss" */
    char *actor, *tbl, *row_uid, *action, *field, *old_value, *new_value; /* "" for NULL */
} hd_audit_row;

/* A record's history for its screen: the changes of the record uid and of
 * the rows named after it (a child's status entries "UID.n"), newest first,
 * at most limit of them older than before_id (0: from the newest), so a
 * screen reads it a page at a time.  Count (< limit: no more) or -1. */
int audit_history(hd_db *db, const char *uid, int64_t before_id, int limit,
                  hd_audit_row **out, hd_err *err);
void audit_rows_free(hd_audit_row *r, int n);

/* A column's name for people, translated ("head_name" → "Head of
 * household"); the column's own name when it has none. */
const char *audit_field_label(const char *field);

#endif
