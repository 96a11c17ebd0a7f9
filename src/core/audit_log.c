/* audit_log.c — listing the audit table.
 *
 * Cheap on a large log: a record's changes come from the audit_row index
 * (row_uid, id); a date range becomes a range of ids, found by bisection,
 * because rows are appended in time order (id grows with `at`). */
#include "core/audit_log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"

/* A local date (plus days) as the UTC timestamp text stored in `at`. */
static int utc_bound(hd_db *db, const char *s, int plus_days, char out[32], hd_err *err)
{
    hd_date d;
    char iso[11];
    if (date_parse(s, &d, err) < 0)
        return -1;
    date_iso(d, iso);
    sqlite3_stmt *st = db_prepare(db,
        "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', ?1, printf('%+d days', ?2), 'utc')");
    sqlite3_bind_text(st, 1, iso, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, plus_days);
    int ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0);
    if (ok)
        snprintf(out, 32, "%s", (const char *)sqlite3_column_text(st, 0));
    db_finish(db, st);
    return ok ? 0 : db_fail(db, err, _("reading the audit log"));
}

/* The smallest id whose `at` is at or after ts (max id + 1 when none). */
static int64_t first_id_from(hd_db *db, const char *ts)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(max(id), 0) + 1 FROM audit");
    int64_t lo = 1, hi = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 1;
    db_finish(db, st);
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        st = db_prepare(db, "SELECT id, at >= ?2 FROM audit WHERE id >= ?1 ORDER BY id LIMIT 1");
        sqlite3_bind_int64(st, 1, mid);
        sqlite3_bind_text(st, 2, ts, -1, SQLITE_TRANSIENT);
        int row = sqlite3_step(st) == SQLITE_ROW;
        int64_t id = row ? sqlite3_column_int64(st, 0) : hi;
        int after = row && sqlite3_column_int(st, 1);
        db_finish(db, st);
        if (!row || after)
            hi = mid;
        else
            lo = id + 1;
    }
    return lo;
}

#define AUDIT_COLS                                                                   \
    "SELECT id, strftime('%Y-%m-%d %H:%M:%S', at, 'localtime'), actor, tbl, row_uid," \
    " action, field, old, new FROM audit"
#define AUDIT_WHERE                                                                  \
    " id BETWEEN ?1 AND ?2 AND (?3 IS NULL OR actor = ?3)"                          \
    " AND (?5 IS NULL OR tbl = ?5) ORDER BY id DESC LIMIT ?6"

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

static int emit(sqlite3_stmt *st, int (*cb)(const hd_audit_entry *, void *), void *ctx)
{
    hd_audit_entry e = {
        .id = sqlite3_column_int64(st, 0), .at = col(st, 1), .actor = col(st, 2),
        .tbl = col(st, 3), .row_uid = col(st, 4), .action = col(st, 5),
        .field = col(st, 6), .old_value = col(st, 7), .new_value = col(st, 8),
    };
    return cb(&e, ctx);
}

int audit_list(hd_db *db, const hd_audit_filter *f,
               int (*cb)(const hd_audit_entry *e, void *ctx), void *ctx, hd_err *err)
{
    char since[32], until[32];
    if ((f->since && utc_bound(db, f->since, 0, since, err) < 0) ||
        (f->until && utc_bound(db, f->until, 1, until, err) < 0))
        return -1;
    if (db_exec(db, "BEGIN", err) < 0) /* one snapshot for the bounds and the rows */
        return -1;
    int64_t lo = f->since ? first_id_from(db, since) : 1;
    int64_t hi = f->until ? first_id_from(db, until) - 1 : INT64_MAX;
    /* With a record, the audit_row index gives its rows in id order. */
    sqlite3_stmt *st = db_prepare(db, f->row_uid
        ? AUDIT_COLS " WHERE row_uid = ?4 AND" AUDIT_WHERE
        : AUDIT_COLS " WHERE ?4 IS NULL AND" AUDIT_WHERE);
    sqlite3_bind_int64(st, 1, lo);
    sqlite3_bind_int64(st, 2, hi);
    db_bind_text(st, 3, f->actor);
    db_bind_text(st, 4, f->row_uid);
    db_bind_text(st, 5, f->table);
    sqlite3_bind_int(st, 6, f->limit > 0 ? f->limit : -1);
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        n++;
        if (emit(st, cb, ctx))
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        n = db_fail(db, err, _("reading the audit log"));
    db_finish(db, st);
    sqlite3_exec(db_sql(db), "COMMIT", NULL, NULL, NULL);
    return n;
}

int audit_history(hd_db *db, const char *uid, int64_t before_id, int limit,
                  hd_audit_row **out, hd_err *err)
{
    *out = NULL;
    /* the record's rows, and those named "UID.n": the range [UID. , UID/)
     * of the audit_row index ('/' follows '.') */
    sqlite3_stmt *st = db_prepare(db,
        AUDIT_COLS " WHERE (row_uid = ?1 OR (row_uid >= ?1 || '.' AND row_uid < ?1 || '/'))"
        " AND (?2 = 0 OR id < ?2) ORDER BY id DESC LIMIT ?3");
    sqlite3_bind_text(st, 1, uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, before_id);
    sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
    hd_audit_row *r = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        r = xreallocarray(r, (size_t)n + 1, sizeof *r);
        r[n] = (hd_audit_row){
            .id = sqlite3_column_int64(st, 0), .at = xstrdup(col(st, 1)),
            .actor = xstrdup(col(st, 2)), .tbl = xstrdup(col(st, 3)),
            .row_uid = xstrdup(col(st, 4)), .action = xstrdup(col(st, 5)),
            .field = xstrdup(col(st, 6)), .old_value = xstrdup(col(st, 7)),
            .new_value = xstrdup(col(st, 8)),
        };
        n++;
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        audit_rows_free(r, n);
        return db_fail(db, err, _("reading the audit log"));
    }
    *out = r;
    return n;
}

void audit_rows_free(hd_audit_row *r, int n)
{
    for (int i = 0; i < n; i++) {
        free(r[i].at);
        free(r[i].actor);
        free(r[i].tbl);
        free(r[i].row_uid);
        free(r[i].action);
        free(r[i].field);
        free(r[i].old_value);
        free(r[i].new_value);
    }
    free(r);
}

const char *audit_field_label(const char *field)
{
    static const struct {
        const char *field, *label;
    } labels[] = {
        {"full_name", N_("Full name")}, {"head_name", N_("Head of household")},
        {"name", N_("Name")}, {"village_id", N_("Village")}, {"household_id", N_("Household")},
        {"school_id", N_("School")}, {"address", N_("Address")}, {"phone", N_("Phone")},
        {"poverty", N_("Poverty")}, {"ethnicity", N_("Ethnicity")},
        {"ethnic_minority", N_("Ethnic minority")}, {"notes", N_("Notes")}, {"sex", N_("Sex")},
        {"birth_year", N_("Year of birth")}, {"birth_date", N_("Date of birth")},
        {"level", N_("Level")}, {"grade", N_("Grade")}, {"class_name", N_("Class")},
        {"risk", N_("Risk factors")}, {"risk_other", N_("Other risk")},
        {"status", N_("Status")}, {"date", N_("Date")}, {"reason", N_("Reason")},
        {"org", N_("Organisation")}, {"committee_role", N_("Role in the committee")},
        {"login", N_("Login name")}, {"user_role", N_("Role in the program")},
        {"kind", N_("Kind")}, {"branch_name", N_("Party branch")},
        {"branch_secretary", N_("Branch secretary")}, {"levels", N_("Levels")},
        {"archived", N_("Archived")}, {"source", N_("Source")},
    };
    for (size_t i = 0; field && i < HD_ARRAY_LEN(labels); i++)
        if (strcmp(labels[i].field, field) == 0)
            return _(labels[i].label);
    return field ? field : "";
}
