/* assign.c — assigning members to households, children and villages;
 * reassignment ends the old row so the history stays whole. */
#include "core/casework_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/i18n.h"

void assignment_free(hd_assignment *a)
{
    free(a->reason);
    free(a->end_reason);
    memset(a, 0, sizeof *a);
}

/* ---- validation -------------------------------------------------------- */

static const char *target_table(const hd_assignment *a)
{
    return a->household_id ? "household" : a->child_id ? "child" : "village";
}

static const char *target_label(const char *table)
{
    if (strcmp(table, "household") == 0)
        return _("household");
    return strcmp(table, "child") == 0 ? _("child") : _("village");
}

static int check_target(const hd_assignment *a, hd_err *err)
{
    if ((a->household_id > 0) + (a->child_id > 0) + (a->village_id > 0) != 1)
        return hd_fail(err, _("assignment: to a household, a child or a village (exactly one)"));
    if (a->household_id && a->role != AROLE_LEAD && a->role != AROLE_SUPPORT)
        return hd_fail(err, _("role: a member leads or supports a household"));
    if (a->child_id && a->role != AROLE_SPONSOR)
        return hd_fail(err, _("role: a member sponsors a child"));
    if (a->village_id && a->role != AROLE_SEASON)
        return hd_fail(err, _("role: a member is assigned to a village for a season"));
    if (a->village_id && !model_term(VOCAB_SEASON, a->season))
        return hd_fail(err, _("season: required (rainy, harvest, summer, august)"));
    return 0;
}

/* The member and the target exist and are not archived. */
static int check_records(hd_db *db, const hd_assignment *a, hd_err *err)
{
    int m = cw_record_state(db, "member", a->member_id);
    if (m == 0)
        return hd_fail(err, _("member: no such member"));
    if (m == 2) {
        char *name = cw_record_name(db, "member", a->member_id);
        hd_fail(err, _("member: %s is archived and cannot be assigned"), name);
        free(name);
        return -1;
    }
    const char *t = target_table(a);
    int64_t id = a->household_id ? a->household_id : a->child_id ? a->child_id : a->village_id;
    int s = cw_record_state(db, t, id);
    if (s == 0)
        return hd_fail(err, _("%s: no such record"), target_label(t));
    if (s == 2) {
        char *name = cw_record_name(db, t, id);
        hd_fail(err, _("%s: %s is archived"), target_label(t), name);
        free(name);
        return -1;
    }
    return 0;
}

static int check_dates(hd_assignment *a, hd_err *err)
{
    int season = a->role == AROLE_SEASON;
    if (!a->start_date[0])
        date_iso(date_today(), a->start_date);
    if (cw_check_date(a->start_date, _("from"), CW_REQUIRED, !season, err) < 0)
        return -1;
    if (a->end_date[0] && !season)
        return hd_fail(err, _("until: only a season assignment ends on a date set in advance"));
    if (cw_check_date(a->end_date, _("until"), CW_OPTIONAL, 0, err) < 0)
        return -1;
    if (a->end_date[0] && strcmp(a->end_date, a->start_date) < 0) {
        char e[11], s[11];
        return hd_fail(err, _("until: %s is before the start (%s)"), cw_vn(a->end_date, e),
                       cw_vn(a->start_date, s));
    }
    return 0;
}

static int check_assignment(hd_db *db, hd_assignment *a, hd_err *err)
{
    if (record_norm_text(&a->reason, _("reason"), err) < 0 || record_norm_text(&a->end_reason, _("reason"), err) < 0)
        return -1;
    if (check_target(a, err) < 0 || check_dates(a, err) < 0)
        return -1;
    if (a->role != AROLE_SEASON)
        a->season = -1;
    return check_records(db, a, err);
}

/* ---- open rows a new assignment meets ---------------------------------- */

typedef struct open_row {
    int64_t id, member_id;
    int role;
    char start[11];
} open_row;

/* The open rows of the new assignment's household or child. */
static int load_open(hd_db *db, const hd_assignment *a, open_row **out)
{
    sqlite3_stmt *st = db_prepare(db, a->household_id
        ? "SELECT id, member_id, role, start_date FROM assignment"
          " WHERE household_id = ?1 AND end_date IS NULL AND archived = 0"
        : "SELECT id, member_id, role, start_date FROM assignment"
          " WHERE child_id = ?1 AND end_date IS NULL AND archived = 0");
    sqlite3_bind_int64(st, 1, a->household_id ? a->household_id : a->child_id);
    open_row *rows = NULL;
    int n = 0, cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        rows = cw_grow(rows, n, &cap, sizeof *rows);
        rows[n].id = sqlite3_column_int64(st, 0);
        rows[n].member_id = sqlite3_column_int64(st, 1);
        rows[n].role = model_from_code(VOCAB_ASSIGN_ROLE, (const char *)sqlite3_column_text(st, 2));
        cw_col_buf(st, 3, rows[n].start, sizeof rows[n].start);
        n++;
    }
    db_finish(db, st);
    *out = rows;
    return n;
}

/* Refusal for a member already holding an open row on the target. */
static int already(hd_db *db, const hd_assignment *a, const open_row *r, hd_err *err)
{
    char *name = cw_record_name(db, "member", a->member_id);
    if (r->role == AROLE_LEAD)
        hd_fail(err, _("member: %s is already the lead of this household"), name);
    else if (r->role == AROLE_SUPPORT)
        hd_fail(err, _("member: %s already supports this household"), name);
    else
        hd_fail(err, _("member: %s already sponsors this child"), name);
    free(name);
    return -1;
}

/* Whether row r ends when a is added: the lead (sponsor) it replaces, or
 * the member's own support row when the member becomes the lead.  Refuses
 * what cannot be. */
static int ends_row(hd_db *db, const hd_assignment *a, const open_row *r, hd_err *err)
{
    int mine = r->member_id == a->member_id;
    if (mine && !(a->role == AROLE_LEAD && r->role == AROLE_SUPPORT))
        return already(db, a, r, err);
    int replaced = !mine && r->role == a->role && a->role != AROLE_SUPPORT;
    if (!mine && !replaced)
        return 0;
    if (replaced && str_empty(a->reason)) {
        char *name = cw_record_name(db, "member", r->member_id);
        hd_fail(err, a->role == AROLE_LEAD ? _("reason: required to replace the lead (%s)")
                                           : _("reason: required to replace the sponsor (%s)"),
                name);
        free(name);
        return -1;
    }
    if (strcmp(a->start_date, r->start) < 0) {
        char s[11], o[11];
        return hd_fail(err, _("from: %s is before the assignment it replaces began (%s)"),
                       cw_vn(a->start_date, s), cw_vn(r->start, o));
    }
    return 1;
}

static int end_row(hd_db *db, int64_t id, const char *date, const char *reason, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE assignment SET end_date = ?2, end_reason = ?3, version = version + 1,"
        " updated_at = " CW_NOW_SQL " WHERE id = ?1 AND end_date IS NULL");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 3, reason);
    return cw_step(db, st, 1, _("ending the assignment"), err);
}

/* Ends the rows a replaces (inside the write). */
static int close_replaced(hd_db *db, const hd_assignment *a, hd_err *err)
{
    open_row *rows;
    int n = load_open(db, a, &rows), rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        int e = ends_row(db, a, &rows[i], err);
        if (e < 0)
            rc = -1;
        else if (e > 0)
            rc = end_row(db, rows[i].id, a->start_date, a->reason, err);
    }
    free(rows);
    return rc;
}

/* A village: the member not already there for that season at those dates. */
static int check_season_overlap(hd_db *db, const hd_assignment *a, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT count(*) FROM assignment WHERE village_id = ?1 AND member_id = ?2"
        " AND season = ?3 AND archived = 0 AND (end_date IS NULL OR end_date >= ?4)"
        " AND (?5 IS NULL OR start_date <= ?5)");
    sqlite3_bind_int64(st, 1, a->village_id);
    sqlite3_bind_int64(st, 2, a->member_id);
    sqlite3_bind_text(st, 3, model_code(VOCAB_SEASON, a->season), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, a->start_date, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 5, a->end_date[0] ? a->end_date : NULL);
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    db_finish(db, st);
    if (n == 0)
        return 0;
    char *name = cw_record_name(db, "member", a->member_id);
    hd_fail(err, _("member: %s is already assigned to this village for that season"), name);
    free(name);
    return -1;
}

/* ---- writes ------------------------------------------------------------- */

static int insert_row(hd_db *db, hd_assignment *a, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO assignment(uid, member_id, household_id, child_id, village_id, role,"
        " season, start_date, end_date, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    sqlite3_bind_text(st, 1, a->uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, a->member_id);
    db_bind_id(st, 3, a->household_id);
    db_bind_id(st, 4, a->child_id);
    db_bind_id(st, 5, a->village_id);
    sqlite3_bind_text(st, 6, model_code(VOCAB_ASSIGN_ROLE, a->role), -1, SQLITE_STATIC);
    db_bind_text(st, 7, a->season >= 0 ? model_code(VOCAB_SEASON, a->season) : NULL);
    sqlite3_bind_text(st, 8, a->start_date, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 9, a->end_date[0] ? a->end_date : NULL);
    db_bind_text(st, 10, a->reason);
    int rc = cw_step(db, st, 0, _("saving the assignment"), err);
    if (rc == 0) {
        a->id = sqlite3_last_insert_rowid(db_sql(db));
        a->version = 1;
    }
    return rc;
}

int assignment_add(hd_db *db, hd_assignment *a, hd_err *err)
{
    if (authz_check(db, PERM_RECORDS, 0, err) < 0 || check_assignment(db, a, err) < 0)
        return -1;
    int tok = cw_begin_insert(db, 'A', a->uid, err);
    if (tok < 0)
        return -1;
    /* Read and checked inside the lock: another user may have just
     * assigned a lead to the same household. */
    int rc = a->village_id ? check_season_overlap(db, a, err) : close_replaced(db, a, err);
    if (rc == 0)
        rc = insert_row(db, a, err);
    if (rc == 0 && !a->village_id)
        rc = cw_reports_answer_assignment(db, a->id, a->household_id, a->child_id,
                                          a->start_date, err);
    if (rc != 0)
        a->uid[0] = '\0';
    return cw_finish(db, tok, rc, err);
}

int assignment_get(hd_db *db, int64_t id, hd_assignment *a, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT uid, member_id, household_id, child_id, village_id, role, season, start_date,"
        " end_date, reason, end_reason, archived, version FROM assignment WHERE id = ?1");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        memset(a, 0, sizeof *a);
        a->id = id;
        cw_col_buf(st, 0, a->uid, sizeof a->uid);
        a->member_id = sqlite3_column_int64(st, 1);
        a->household_id = sqlite3_column_int64(st, 2);
        a->child_id = sqlite3_column_int64(st, 3);
        a->village_id = sqlite3_column_int64(st, 4);
        a->role = model_from_code(VOCAB_ASSIGN_ROLE, (const char *)sqlite3_column_text(st, 5));
        a->season = sqlite3_column_type(st, 6) == SQLITE_NULL
                        ? -1 : model_from_code(VOCAB_SEASON, (const char *)sqlite3_column_text(st, 6));
        cw_col_buf(st, 7, a->start_date, sizeof a->start_date);
        cw_col_buf(st, 8, a->end_date, sizeof a->end_date);
        a->reason = db_col_text(st, 9);
        a->end_reason = db_col_text(st, 10);
        a->archived = sqlite3_column_int(st, 11);
        a->version = sqlite3_column_int64(st, 12);
    }
    db_finish(db, st);
    if (rc == SQLITE_ROW)
        return 0;
    return rc == SQLITE_DONE ? hd_fail(err, _("no assignment with id %lld"), (long long)id)
                             : db_fail(db, err, _("reading the assignment"));
}

/* Whether a can end on date (ISO, checked). */
static int check_end(const hd_assignment *a, const char *date, hd_err *err)
{
    char b1[11], b2[11];
    if (a->end_date[0] && (a->role != AROLE_SEASON || strcmp(a->end_date, date) <= 0))
        return hd_fail(err, _("assignment: already ended on %s"), cw_vn(a->end_date, b1));
    if (strcmp(date, a->start_date) < 0)
        return hd_fail(err, _("date: %s is before the assignment began (%s)"), cw_vn(date, b1),
                       cw_vn(a->start_date, b2));
    return 0;
}

int assignment_end(hd_db *db, int64_t id, int64_t version, const char *date,
                   const char *reason, hd_err *err)
{
    char iso[11];
    snprintf(iso, sizeof iso, "%s", date ? date : "");
    if (!iso[0])
        date_iso(date_today(), iso);
    if (cw_check_date(iso, _("date"), CW_REQUIRED, 1, err) < 0)
        return -1;
    if (str_empty(reason))
        return hd_fail(err, _("reason: required"));
    hd_assignment a;
    if (assignment_get(db, id, &a, err) < 0)
        return -1;
    int rc = check_end(&a, iso, err);
    assignment_free(&a);
    if (rc < 0 || authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE assignment SET end_date = ?3, end_reason = ?4, version = version + 1,"
        " updated_at = " CW_NOW_SQL " WHERE id = ?1 AND version = ?2");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, version);
    sqlite3_bind_text(st, 3, iso, -1, SQLITE_TRANSIENT);
    char *r = xstrdup(reason);
    db_bind_text(st, 4, str_trim(r));
    free(r);
    rc = cw_step(db, st, 1, _("ending the assignment"), err);
    return cw_finish(db, tok, rc, err);
}

/* ---- history ------------------------------------------------------------- */

static const char *history_column(const char *table)
{
    static const char *const t[][2] = {{"household", "household_id"}, {"child", "child_id"},
                                       {"village", "village_id"}, {"member", "member_id"}};
    for (size_t i = 0; i < HD_ARRAY_LEN(t); i++)
        if (strcmp(table, t[i][0]) == 0)
            return t[i][1];
    return NULL;
}

static void read_history_row(sqlite3_stmt *st, hd_assign_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    cw_col_buf(st, 1, r->uid, sizeof r->uid);
    cw_col_buf(st, 2, r->member_uid, sizeof r->member_uid);
    r->member = db_col_text(st, 3);
    cw_col_buf(st, 4, r->target_uid, sizeof r->target_uid);
    r->target = db_col_text(st, 5);
    r->role = model_from_code(VOCAB_ASSIGN_ROLE, (const char *)sqlite3_column_text(st, 6));
    r->season = sqlite3_column_type(st, 7) == SQLITE_NULL
                    ? -1 : model_from_code(VOCAB_SEASON, (const char *)sqlite3_column_text(st, 7));
    cw_col_buf(st, 8, r->start_date, sizeof r->start_date);
    cw_col_buf(st, 9, r->end_date, sizeof r->end_date);
    r->reason = db_col_text(st, 10);
    r->end_reason = db_col_text(st, 11);
}

int assignment_history(hd_db *db, const char *table, int64_t id, hd_assign_row **out,
                       hd_err *err)
{
    const char *col = history_column(table);
    if (!col)
        return hd_fail(err, _("%s: not a table of records"), table);
    char *sql = xasprintf(
        "SELECT a.id, a.uid, m.uid, m.full_name, coalesce(h.uid, c.uid, v.uid),"
        " coalesce(h.head_name, c.full_name, v.name), a.role, a.season, a.start_date,"
        " a.end_date, a.reason, a.end_reason FROM assignment a"
        " JOIN member m ON m.id = a.member_id LEFT JOIN household h ON h.id = a.household_id"
        " LEFT JOIN child c ON c.id = a.child_id LEFT JOIN village v ON v.id = a.village_id"
        " WHERE a.%s = ?1 AND a.archived = 0"
        " ORDER BY a.end_date IS NOT NULL, a.start_date DESC, a.id DESC", col);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    sqlite3_bind_int64(st, 1, id);
    hd_assign_row *rows = NULL;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rows = cw_grow(rows, n, &cap, sizeof *rows);
        read_history_row(st, &rows[n++]);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        assign_rows_free(rows, n);
        return db_fail(db, err, _("reading the assignments"));
    }
    *out = rows;
    return n;
}

void assign_rows_free(hd_assign_row *r, int n)
{
    for (int i = 0; i < n; i++) {
        free(r[i].member);
        free(r[i].target);
        free(r[i].reason);
        free(r[i].end_reason);
    }
    free(r);
}
