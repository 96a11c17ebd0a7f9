/* report.c — reports received on the commune's number about children not at
 * school, and which visit or assignment answered each. */
#include "core/casework_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/i18n.h"

void report_free(hd_report *r)
{
    free(r->reporter);
    free(r->text);
    memset(r, 0, sizeof *r);
}

/* The child's household, 0 when it has none. */
static int64_t household_of(hd_db *db, int64_t child_id)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT household_id FROM child WHERE id = ?1");
    sqlite3_bind_int64(st, 1, child_id);
    int64_t h = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    db_finish(db, st);
    return h;
}

static int check_report(hd_db *db, hd_report *r, hd_err *err)
{
    if (record_norm_text(&r->reporter, _("reporter"), err) < 0 || record_norm_text(&r->text, _("text"), err) < 0)
        return -1;
    if (cw_check_date(r->date, _("date"), CW_REQUIRED, 1, err) < 0)
        return -1;
    if (str_empty(r->text))
        return hd_fail(err, _("text: required (what was said)"));
    if (!r->household_id && !r->child_id)
        return hd_fail(err, _("report: about which child or household? one is required"));
    if (r->child_id && !cw_record_state(db, "child", r->child_id))
        return hd_fail(err, _("child: no such record"));
    int64_t h = r->child_id ? household_of(db, r->child_id) : 0;
    if (r->household_id && h && h != r->household_id)
        return hd_fail(err, _("child: not of this household"));
    if (!r->household_id)
        r->household_id = h;
    if (r->household_id && !cw_record_state(db, "household", r->household_id))
        return hd_fail(err, _("household: no such record"));
    return 0;
}

/* A report that arrives after the action that answers it (entered late)
 * is answered at once by the first such visit or assignment. */
static int answer_now(hd_db *db, hd_report *r, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT k, id, d, uid FROM ("
        " SELECT 0 AS k, v.id, v.date AS d, v.uid FROM visit v WHERE v.household_id = ?2"
        "  AND v.date >= ?3 AND v.archived = 0"
        " UNION ALL SELECT 0, v.id, v.date, v.uid FROM visit_child vc"
        "  JOIN visit v ON v.id = vc.visit_id"
        "  WHERE vc.child_id = ?4 AND v.date >= ?3 AND v.archived = 0"
        " UNION ALL SELECT 1, a.id, a.start_date, a.uid FROM assignment a"
        "  WHERE (a.household_id = ?2 OR a.child_id = ?4) AND a.start_date >= ?3"
        "  AND a.archived = 0) ORDER BY d, k, id LIMIT 1");
    db_bind_id(st, 2, r->household_id);
    sqlite3_bind_text(st, 3, r->date, -1, SQLITE_TRANSIENT);
    db_bind_id(st, 4, r->child_id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        db_finish(db, st);
        return 0;
    }
    int kind = sqlite3_column_int(st, 0);
    int64_t id = sqlite3_column_int64(st, 1);
    cw_col_buf(st, 2, r->handled_date, sizeof r->handled_date);
    cw_col_buf(st, 3, r->handled_by, sizeof r->handled_by);
    db_finish(db, st);
    sqlite3_stmt *up = db_prepare(db, kind == 0
        ? "UPDATE report SET handled_date = ?2, visit_id = ?3, version = version + 1 WHERE id = ?1"
        : "UPDATE report SET handled_date = ?2, assignment_id = ?3, version = version + 1"
          " WHERE id = ?1");
    sqlite3_bind_int64(up, 1, r->id);
    sqlite3_bind_text(up, 2, r->handled_date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(up, 3, id);
    r->version++;
    return cw_step(db, up, 0, _("saving the report"), err);
}

int report_add(hd_db *db, hd_report *r, hd_err *err)
{
    if (authz_check(db, PERM_RECORDS, 0, err) < 0 || check_report(db, r, err) < 0)
        return -1;
    int tok = cw_begin_insert(db, 'R', r->uid, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO report(uid, date, reporter, household_id, child_id, text)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    sqlite3_bind_text(st, 1, r->uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, r->date, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 3, r->reporter);
    db_bind_id(st, 4, r->household_id);
    db_bind_id(st, 5, r->child_id);
    db_bind_text(st, 6, r->text);
    int rc = cw_step(db, st, 0, _("saving the report"), err);
    if (rc == 0) {
        r->id = sqlite3_last_insert_rowid(db_sql(db));
        r->version = 1;
        rc = answer_now(db, r, err);
    }
    if (rc != 0)
        r->uid[0] = '\0';
    return cw_finish(db, tok, rc, err);
}

int report_get(hd_db *db, int64_t id, hd_report *r, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT r.uid, r.date, r.reporter, r.household_id, r.child_id, r.text, r.handled_date,"
        " coalesce(v.uid, a.uid), r.archived, r.version FROM report r"
        " LEFT JOIN visit v ON v.id = r.visit_id"
        " LEFT JOIN assignment a ON a.id = r.assignment_id WHERE r.id = ?1");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        memset(r, 0, sizeof *r);
        r->id = id;
        cw_col_buf(st, 0, r->uid, sizeof r->uid);
        cw_col_buf(st, 1, r->date, sizeof r->date);
        r->reporter = db_col_text(st, 2);
        r->household_id = sqlite3_column_int64(st, 3);
        r->child_id = sqlite3_column_int64(st, 4);
        r->text = db_col_text(st, 5);
        cw_col_buf(st, 6, r->handled_date, sizeof r->handled_date);
        cw_col_buf(st, 7, r->handled_by, sizeof r->handled_by);
        r->archived = sqlite3_column_int(st, 8);
        r->version = sqlite3_column_int64(st, 9);
    }
    db_finish(db, st);
    if (rc == SQLITE_ROW)
        return 0;
    return rc == SQLITE_DONE ? hd_fail(err, _("no report with id %lld"), (long long)id)
                             : db_fail(db, err, _("reading the report"));
}

/* ---- answering ------------------------------------------------------------ */

int cw_reports_answer_visit(hd_db *db, int64_t visit_id, int64_t household_id,
                            const char *date, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE report SET handled_date = ?3, visit_id = ?1, version = version + 1,"
        " updated_at = " CW_NOW_SQL
        " WHERE handled_date IS NULL AND archived = 0 AND date <= ?3 AND (household_id = ?2"
        "  OR child_id IN (SELECT child_id FROM visit_child WHERE visit_id = ?1))");
    sqlite3_bind_int64(st, 1, visit_id);
    sqlite3_bind_int64(st, 2, household_id);
    sqlite3_bind_text(st, 3, date, -1, SQLITE_TRANSIENT);
    return cw_step(db, st, 0, _("saving the report"), err);
}

int cw_reports_answer_assignment(hd_db *db, int64_t assignment_id, int64_t household_id,
                                 int64_t child_id, const char *date, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE report SET handled_date = ?4, assignment_id = ?1, version = version + 1,"
        " updated_at = " CW_NOW_SQL
        " WHERE handled_date IS NULL AND archived = 0 AND date <= ?4"
        " AND (household_id = ?2 OR child_id = ?3)");
    sqlite3_bind_int64(st, 1, assignment_id);
    db_bind_id(st, 2, household_id);
    db_bind_id(st, 3, child_id);
    sqlite3_bind_text(st, 4, date, -1, SQLITE_TRANSIENT);
    return cw_step(db, st, 0, _("saving the report"), err);
}
