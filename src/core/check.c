/* check.c — integrity and invariants of the database. */
#include "core/check.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

static long count(hd_db *db, const char *sql)
{
    sqlite3_stmt *st = db_prepare(db, sql);
    long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
    db_finish(db, st);
    return n;
}

/* Each row of the query is one message (column 0), made by SQL's format()
 * with the translated pattern fmt as ?1. */
static void collect(hd_db *db, const char *sql, const char *fmt, hd_msgs *out)
{
    sqlite3_stmt *st = db_prepare(db, sql);
    sqlite3_bind_text(st, 1, fmt, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        if (t)
            msgs_add(out, "%s", t);
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
        msgs_add(&r->problems, "%s", _("the database has no commune (run 'huydong init')"));
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
    collect(db,
            "SELECT format(?1, integrity_check) FROM pragma_integrity_check"
            " WHERE integrity_check <> 'ok'",
            _("integrity: %s"), &r->problems);
    collect(db, "SELECT format(?1, \"table\", rowid, parent) FROM pragma_foreign_key_check",
            _("foreign key: %s row %d refers to a missing %s"), &r->problems);
    /* The status cached on each child must be its latest history entry. */
    collect(db,
            "SELECT format(?1, c.uid, c.status)"
            " FROM child c WHERE c.status IS NOT (SELECT s.status FROM child_status s"
            " WHERE s.child_id = c.id ORDER BY s.date DESC, s.id DESC LIMIT 1)",
            _("child %s: status %s does not match its history"), &r->problems);
    collect(db,
            "SELECT format(?1, group_concat(uid, ', '), min(full_name), birth_year)"
            " FROM child WHERE archived = 0"
            " GROUP BY fold, birth_year, household_id HAVING count(*) > 1",
            _("possible duplicates: %s (%s, born %d)"), &r->notes);
    sqlite3_exec(db_sql(db), "COMMIT", NULL, NULL, NULL);
    return 0;
}

void check_report_free(hd_check_report *r)
{
    msgs_free(&r->problems);
    msgs_free(&r->notes);
}
