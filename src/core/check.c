/* check.c — integrity and invariants of the database. */
#include "core/check.h"

#include <stdio.h>
#include <string.h>

static long count(hd_db *db, const char *sql)
{
    sqlite3_stmt *st = db_prepare(db, sql);
    long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
    db_finish(db, st);
    return n;
}

/* Each row of the query is one message (column 0). */
static void collect(hd_db *db, const char *sql, hd_msgs *out, const char *prefix)
{
    sqlite3_stmt *st = db_prepare(db, sql);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        if (t && strcmp(t, "ok") != 0)
            msgs_add(out, "%s%s", prefix, t);
    }
    db_finish(db, st);
}

static void commune(hd_db *db, hd_check_report *r)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT name, district, province FROM commune");
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(r->commune, sizeof r->commune, "%s", sqlite3_column_text(st, 0));
        snprintf(r->district, sizeof r->district, "%s", sqlite3_column_text(st, 1));
        snprintf(r->province, sizeof r->province, "%s", sqlite3_column_text(st, 2));
    } else {
        msgs_add(&r->problems, "the database has no commune (run 'huydong init')");
    }
    db_finish(db, st);
}

int check_run(hd_db *db, hd_check_report *r, hd_err *err)
{
    memset(r, 0, sizeof *r);
    if (db_exec(db, "BEGIN", err) < 0)
        return -1;
    r->schema_version = db_schema_version(db);
    commune(db, r);
    r->villages = count(db, "SELECT count(*) FROM village");
    r->households = count(db, "SELECT count(*) FROM household");
    r->children = count(db, "SELECT count(*) FROM child");
    r->members = count(db, "SELECT count(*) FROM member");
    r->schools = count(db, "SELECT count(*) FROM school");
    r->status_events = count(db, "SELECT count(*) FROM child_status");
    r->audit_rows = count(db, "SELECT count(*) FROM audit");
    collect(db, "PRAGMA integrity_check", &r->problems, "integrity: ");
    collect(db,
            "SELECT format('foreign key: %s row %d refers to a missing %s', \"table\", rowid,"
            " parent) FROM pragma_foreign_key_check",
            &r->problems, "");
    /* The status cached on each child must be its latest history entry. */
    collect(db,
            "SELECT format('child %s: status %s does not match its history', c.uid, c.status)"
            " FROM child c WHERE c.status IS NOT (SELECT s.status FROM child_status s"
            " WHERE s.child_id = c.id ORDER BY s.date DESC, s.id DESC LIMIT 1)",
            &r->problems, "");
    collect(db,
            "SELECT format('possible duplicates: %s (%s, born %d)', group_concat(uid, ', '),"
            " min(full_name), birth_year) FROM child WHERE archived = 0"
            " GROUP BY fold, birth_year, household_id HAVING count(*) > 1",
            &r->notes, "");
    sqlite3_exec(db_sql(db), "COMMIT", NULL, NULL, NULL);
    return 0;
}

void check_report_free(hd_check_report *r)
{
    msgs_free(&r->problems);
    msgs_free(&r->notes);
}
