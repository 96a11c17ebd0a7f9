/* visit.c — home visits: who went, to which household, about which
 * children, what came of it, and when to go back. */
#include "core/casework_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/i18n.h"
#include "core/registry.h"

void visit_free(hd_visit *v)
{
    free(v->members);
    free(v->children);
    free(v->purpose);
    free(v->notes);
    memset(v, 0, sizeof *v);
}

/* ---- validation -------------------------------------------------------- */

static int check_fields(hd_visit *v, hd_err *err)
{
    if (record_norm_text(&v->purpose, _("purpose"), err) < 0 || record_norm_text(&v->notes, _("notes"), err) < 0)
        return -1;
    if (cw_check_date(v->date, _("date"), CW_REQUIRED, 1, err) < 0 ||
        cw_check_date(v->next_followup, _("next follow-up"), CW_OPTIONAL, 0, err) < 0)
        return -1;
    if (v->next_followup[0] && strcmp(v->next_followup, v->date) < 0) {
        char f[11], d[11];
        return hd_fail(err, _("next follow-up: %s is before the visit (%s)"),
                       cw_vn(v->next_followup, f), cw_vn(v->date, d));
    }
    if (!model_term(VOCAB_OUTCOME, v->outcome))
        return hd_fail(err, _("outcome: required (returned, promised, refused, not_home, away)"));
    if (v->support >= 1u << SUPPORT_COUNT)
        return hd_fail(err, _("support: unknown kind of support"));
    if (v->nmembers <= 0)
        return hd_fail(err, _("members: who went? at least one member is required"));
    if (v->outcome == OUTCOME_RETURNED && v->nchildren <= 0)
        return hd_fail(err, _("children: name the children who returned to school"));
    return 0;
}

static int check_household(hd_db *db, const hd_visit *v, hd_err *err)
{
    int s = cw_record_state(db, "household", v->household_id);
    if (s == 0)
        return hd_fail(err, _("household: no such record"));
    if (s == 2) {
        char *name = cw_record_name(db, "household", v->household_id);
        hd_fail(err, _("household: %s is archived"), name);
        free(name);
        return -1;
    }
    for (int i = 0; i < v->nmembers; i++)
        if (!cw_record_state(db, "member", v->members[i]))
            return hd_fail(err, _("members: no such member"));
    return 0;
}

/* A child of the visit: of the household; when it returned, out of school
 * before and not changed since the visit. */
static int check_child(hd_db *db, const hd_visit *v, int64_t child_id, hd_err *err)
{
    hd_child c;
    hd_err e;
    if (child_get(db, child_id, &c, &e) < 0)
        return hd_fail(err, _("children: no such child"));
    int rc = 0;
    char d[11];
    if (c.household_id != v->household_id)
        rc = hd_fail(err, _("children: %s is not of this household"), c.full_name);
    else if (v->outcome == OUTCOME_RETURNED &&
             (c.status == STATUS_ENROLLED || c.status == STATUS_RETURNED))
        rc = hd_fail(err, _("children: %s is already in school"), c.full_name);
    else if (v->outcome == OUTCOME_RETURNED && strcmp(c.status_date, v->date) > 0)
        rc = hd_fail(err, _("children: %s's status changed on %s, after this visit"),
                     c.full_name, cw_vn(c.status_date, d));
    child_free(&c);
    return rc;
}

static int check_visit(hd_db *db, hd_visit *v, hd_err *err)
{
    if (check_fields(v, err) < 0 || check_household(db, v, err) < 0)
        return -1;
    for (int i = 0; i < v->nchildren; i++)
        if (check_child(db, v, v->children[i], err) < 0)
            return -1;
    return 0;
}

/* ---- writes ------------------------------------------------------------- */

static int insert_visit(hd_db *db, hd_visit *v, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO visit(uid, household_id, date, purpose, outcome, notes, support,"
        " next_followup) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    sqlite3_bind_text(st, 1, v->uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, v->household_id);
    sqlite3_bind_text(st, 3, v->date, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 4, v->purpose);
    sqlite3_bind_text(st, 5, model_code(VOCAB_OUTCOME, v->outcome), -1, SQLITE_STATIC);
    db_bind_text(st, 6, v->notes);
    sqlite3_bind_int(st, 7, (int)v->support);
    db_bind_text(st, 8, v->next_followup[0] ? v->next_followup : NULL);
    int rc = cw_step(db, st, 0, _("saving the visit"), err);
    if (rc == 0) {
        v->id = sqlite3_last_insert_rowid(db_sql(db));
        v->version = 1;
    }
    return rc;
}

/* The visit's members or children (a list named twice counts once). */
static int insert_links(hd_db *db, const hd_visit *v, int children, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, children
        ? "INSERT OR IGNORE INTO visit_child(visit_id, child_id) VALUES (?1, ?2)"
        : "INSERT OR IGNORE INTO visit_member(visit_id, member_id) VALUES (?1, ?2)");
    const int64_t *ids = children ? v->children : v->members;
    int n = children ? v->nchildren : v->nmembers, rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        sqlite3_bind_int64(st, 1, v->id);
        sqlite3_bind_int64(st, 2, ids[i]);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = db_fail(db, err, _("saving the visit"));
        sqlite3_reset(st);
    }
    db_finish(db, st);
    return rc;
}

/* The one way a visit changes a status: the children it brought back. */
static int write_returns(hd_db *db, const hd_visit *v, hd_err *err)
{
    if (v->outcome != OUTCOME_RETURNED)
        return 0;
    const char *reason = !str_empty(v->notes)     ? v->notes
                         : !str_empty(v->purpose) ? v->purpose
                                                  : _("returned after a home visit");
    char *source = xasprintf("visit:%s", v->uid);
    int rc = 0;
    for (int i = 0; i < v->nchildren && rc == 0; i++)
        rc = child_set_status(db, v->children[i], STATUS_RETURNED, v->date, reason, source, err);
    free(source);
    return rc;
}

int visit_add(hd_db *db, hd_visit *v, hd_err *err)
{
    if (check_visit(db, v, err) < 0 || authz_check(db, PERM_CASEWORK, v->household_id, err) < 0)
        return -1;
    int tok = cw_begin_insert(db, 'T', v->uid, err);
    if (tok < 0)
        return -1;
    /* the child brought back, the reports answered: part of the visit */
    authz_grant_begin(db);
    int rc = insert_visit(db, v, err);
    if (rc == 0)
        rc = insert_links(db, v, 0, err);
    if (rc == 0)
        rc = insert_links(db, v, 1, err);
    if (rc == 0)
        rc = write_returns(db, v, err);
    if (rc == 0)
        rc = cw_reports_answer_visit(db, v->id, v->household_id, v->date, err);
    authz_grant_end(db);
    if (rc != 0)
        v->uid[0] = '\0';
    return cw_finish(db, tok, rc, err);
}

/* ---- reading -------------------------------------------------------------- */

static int64_t *read_ids(hd_db *db, const char *sql, int64_t id, int *n)
{
    sqlite3_stmt *st = db_prepare(db, sql);
    sqlite3_bind_int64(st, 1, id);
    int64_t *ids = NULL;
    int cap = 0;
    *n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        ids = cw_grow(ids, *n, &cap, sizeof *ids);
        ids[(*n)++] = sqlite3_column_int64(st, 0);
    }
    db_finish(db, st);
    return ids;
}

int visit_get(hd_db *db, int64_t id, hd_visit *v, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT uid, household_id, date, purpose, outcome, notes, support, next_followup,"
        " archived, version FROM visit WHERE id = ?1");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        memset(v, 0, sizeof *v);
        v->id = id;
        cw_col_buf(st, 0, v->uid, sizeof v->uid);
        v->household_id = sqlite3_column_int64(st, 1);
        cw_col_buf(st, 2, v->date, sizeof v->date);
        v->purpose = db_col_text(st, 3);
        v->outcome = model_from_code(VOCAB_OUTCOME, (const char *)sqlite3_column_text(st, 4));
        v->notes = db_col_text(st, 5);
        v->support = (unsigned)sqlite3_column_int(st, 6);
        cw_col_buf(st, 7, v->next_followup, sizeof v->next_followup);
        v->archived = sqlite3_column_int(st, 8);
        v->version = sqlite3_column_int64(st, 9);
    }
    db_finish(db, st);
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE ? hd_fail(err, _("no visit with id %lld"), (long long)id)
                                 : db_fail(db, err, _("reading the visit"));
    v->members = read_ids(db, "SELECT member_id FROM visit_member WHERE visit_id = ?1", id,
                          &v->nmembers);
    v->children = read_ids(db, "SELECT child_id FROM visit_child WHERE visit_id = ?1", id,
                           &v->nchildren);
    return 0;
}

static const char *list_filter(const char *table)
{
    if (strcmp(table, "household") == 0)
        return "v.household_id = ?1";
    if (strcmp(table, "child") == 0)
        return "v.id IN (SELECT visit_id FROM visit_child WHERE child_id = ?1)";
    if (strcmp(table, "member") == 0)
        return "v.id IN (SELECT visit_id FROM visit_member WHERE member_id = ?1)";
    return NULL;
}

static void read_visit_row(sqlite3_stmt *st, hd_visit_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    cw_col_buf(st, 1, r->uid, sizeof r->uid);
    cw_col_buf(st, 2, r->date, sizeof r->date);
    cw_col_buf(st, 3, r->household_uid, sizeof r->household_uid);
    r->household = db_col_text(st, 4);
    r->members = db_col_text(st, 5);
    r->children = db_col_text(st, 6);
    r->purpose = db_col_text(st, 7);
    r->outcome = model_from_code(VOCAB_OUTCOME, (const char *)sqlite3_column_text(st, 8));
    r->notes = db_col_text(st, 9);
    r->support = (unsigned)sqlite3_column_int(st, 10);
    cw_col_buf(st, 11, r->next_followup, sizeof r->next_followup);
}

int visit_list(hd_db *db, const char *table, int64_t id, hd_visit_row **out, hd_err *err)
{
    const char *filter = list_filter(table);
    if (!filter)
        return hd_fail(err, _("%s: not a table of records"), table);
    char *sql = xasprintf(
        "SELECT v.id, v.uid, v.date, h.uid, h.head_name,"
        " (SELECT group_concat(n, ', ') FROM (SELECT m.full_name AS n FROM visit_member x"
        "   JOIN member m ON m.id = x.member_id WHERE x.visit_id = v.id ORDER BY m.sort_key)),"
        " (SELECT group_concat(n, ', ') FROM (SELECT c.full_name AS n FROM visit_child x"
        "   JOIN child c ON c.id = x.child_id WHERE x.visit_id = v.id ORDER BY c.sort_key)),"
        " v.purpose, v.outcome, v.notes, v.support, v.next_followup"
        " FROM visit v JOIN household h ON h.id = v.household_id"
        " WHERE %s AND v.archived = 0 ORDER BY v.date DESC, v.id DESC", filter);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    sqlite3_bind_int64(st, 1, id);
    hd_visit_row *rows = NULL;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rows = cw_grow(rows, n, &cap, sizeof *rows);
        read_visit_row(st, &rows[n++]);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        visit_rows_free(rows, n);
        return db_fail(db, err, _("reading the visits"));
    }
    *out = rows;
    return n;
}

void visit_rows_free(hd_visit_row *r, int n)
{
    for (int i = 0; i < n; i++) {
        free(r[i].household);
        free(r[i].members);
        free(r[i].children);
        free(r[i].purpose);
        free(r[i].notes);
    }
    free(r);
}
