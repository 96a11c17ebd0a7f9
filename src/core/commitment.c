/* commitment.c — written commitments between a family and the school or
 * committee (cam kết), with the dated history of their status. */
#include "core/casework_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/i18n.h"

void commitment_free(hd_commitment *k)
{
    free(k->family_signer);
    free(k->school_signer);
    free(k->family_commits);
    free(k->school_commits);
    memset(k, 0, sizeof *k);
}

static int check_texts(hd_commitment *k, hd_err *err)
{
    if (record_norm_text(&k->family_signer, _("family signer"), err) < 0 ||
        record_norm_text(&k->school_signer, _("school signer"), err) < 0 ||
        record_norm_text(&k->family_commits, _("family commits"), err) < 0 ||
        record_norm_text(&k->school_commits, _("school commits"), err) < 0)
        return -1;
    if (str_empty(k->family_signer))
        return hd_fail(err, _("family signer: required (who signed for the family)"));
    if (str_empty(k->school_signer))
        return hd_fail(err, _("school signer: required (who signed for the school)"));
    if (str_empty(k->family_commits))
        return hd_fail(err, _("family commits: required (what the family commits to)"));
    return 0;
}

static int check_dates(hd_commitment *k, hd_err *err)
{
    if (cw_check_date(k->signed_date, _("date"), CW_REQUIRED, 1, err) < 0 ||
        cw_check_date(k->review_date, _("review"), CW_OPTIONAL, 0, err) < 0)
        return -1;
    if (k->review_date[0] && strcmp(k->review_date, k->signed_date) < 0) {
        char r[11], s[11];
        return hd_fail(err, _("review: %s is before the signing (%s)"),
                       cw_vn(k->review_date, r), cw_vn(k->signed_date, s));
    }
    return 0;
}

/* household_id of a child or a visit (table), -1 when there is none. */
static int64_t household_of(hd_db *db, const char *table, int64_t id)
{
    char *sql = xasprintf("SELECT coalesce(household_id, 0) FROM %s WHERE id = ?1", table);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    sqlite3_bind_int64(st, 1, id);
    int64_t h = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    db_finish(db, st);
    return h;
}

static int check_links(hd_db *db, const hd_commitment *k, hd_err *err)
{
    int s = cw_record_state(db, "household", k->household_id);
    if (s == 0)
        return hd_fail(err, _("household: no such record"));
    if (s == 2) {
        char *name = cw_record_name(db, "household", k->household_id);
        hd_fail(err, _("household: %s is archived"), name);
        free(name);
        return -1;
    }
    int64_t h = k->child_id ? household_of(db, "child", k->child_id) : k->household_id;
    if (h < 0)
        return hd_fail(err, _("child: no such record"));
    if (h != k->household_id)
        return hd_fail(err, _("child: not of this household"));
    h = k->visit_id ? household_of(db, "visit", k->visit_id) : k->household_id;
    if (h < 0)
        return hd_fail(err, _("visit: no such record"));
    if (h != k->household_id)
        return hd_fail(err, _("visit: it was to another household"));
    return 0;
}

/* One entry of the history; its code is the commitment's and its rank. */
static int add_event(hd_db *db, int64_t id, int status, const char *date, const char *note,
                     hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO commitment_event(uid, commitment_id, status, date, note, created_by)"
        " SELECT k.uid || '.' || (SELECT count(*) + 1 FROM commitment_event"
        "   WHERE commitment_id = ?1), ?1, ?2, ?3, ?4, hd_actor()"
        " FROM commitment k WHERE k.id = ?1");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, model_code(VOCAB_COMMIT_STATUS, status), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, date, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 4, note ? note : "");
    return cw_step(db, st, 0, _("saving the commitment"), err);
}

static int insert_commitment(hd_db *db, hd_commitment *k, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO commitment(uid, household_id, child_id, visit_id, signed_date,"
        " family_signer, school_signer, family_commits, school_commits, review_date,"
        " status, status_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'active', ?5)");
    sqlite3_bind_text(st, 1, k->uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, k->household_id);
    db_bind_id(st, 3, k->child_id);
    db_bind_id(st, 4, k->visit_id);
    sqlite3_bind_text(st, 5, k->signed_date, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 6, k->family_signer);
    db_bind_text(st, 7, k->school_signer);
    db_bind_text(st, 8, k->family_commits);
    db_bind_text(st, 9, k->school_commits);
    db_bind_text(st, 10, k->review_date[0] ? k->review_date : NULL);
    int rc = cw_step(db, st, 0, _("saving the commitment"), err);
    if (rc == 0) {
        k->id = sqlite3_last_insert_rowid(db_sql(db));
        k->version = 1;
        k->status = CSTATUS_ACTIVE;
        memcpy(k->status_date, k->signed_date, sizeof k->status_date);
    }
    return rc;
}

int commitment_add(hd_db *db, hd_commitment *k, hd_err *err)
{
    if (check_texts(k, err) < 0 || check_dates(k, err) < 0 || check_links(db, k, err) < 0 ||
        authz_check(db, PERM_CASEWORK, k->household_id, err) < 0)
        return -1;
    int tok = cw_begin_insert(db, 'K', k->uid, err);
    if (tok < 0)
        return -1;
    int rc = insert_commitment(db, k, err);
    if (rc == 0)
        rc = add_event(db, k->id, CSTATUS_ACTIVE, k->signed_date, "", err);
    if (rc != 0)
        k->uid[0] = '\0';
    return cw_finish(db, tok, rc, err);
}

int commitment_get(hd_db *db, int64_t id, hd_commitment *k, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT uid, household_id, child_id, visit_id, signed_date, family_signer,"
        " school_signer, family_commits, school_commits, review_date, status, status_date,"
        " archived, version FROM commitment WHERE id = ?1");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        memset(k, 0, sizeof *k);
        k->id = id;
        cw_col_buf(st, 0, k->uid, sizeof k->uid);
        k->household_id = sqlite3_column_int64(st, 1);
        k->child_id = sqlite3_column_int64(st, 2);
        k->visit_id = sqlite3_column_int64(st, 3);
        cw_col_buf(st, 4, k->signed_date, sizeof k->signed_date);
        k->family_signer = db_col_text(st, 5);
        k->school_signer = db_col_text(st, 6);
        k->family_commits = db_col_text(st, 7);
        k->school_commits = db_col_text(st, 8);
        cw_col_buf(st, 9, k->review_date, sizeof k->review_date);
        k->status = model_from_code(VOCAB_COMMIT_STATUS, (const char *)sqlite3_column_text(st, 10));
        cw_col_buf(st, 11, k->status_date, sizeof k->status_date);
        k->archived = sqlite3_column_int(st, 12);
        k->version = sqlite3_column_int64(st, 13);
    }
    db_finish(db, st);
    if (rc == SQLITE_ROW)
        return 0;
    return rc == SQLITE_DONE ? hd_fail(err, _("no commitment with id %lld"), (long long)id)
                             : db_fail(db, err, _("reading the commitment"));
}

/* The change is one: a known status other than the current, dated from the
 * last change to today, with a note.  Fills iso. */
static int check_change(const hd_commitment *k, int status, const char *date,
                        const char *note, char iso[11], hd_err *err)
{
    if (!model_term(VOCAB_COMMIT_STATUS, status))
        return hd_fail(err, _("status: one of active, kept, broken, withdrawn"));
    if (status == k->status)
        return hd_fail(err, _("status: the commitment is already '%s'"),
                       model_code(VOCAB_COMMIT_STATUS, status));
    if (str_empty(note))
        return hd_fail(err, _("note: required (why the status changes)"));
    snprintf(iso, 11, "%s", date ? date : "");
    if (!iso[0])
        date_iso(date_today(), iso);
    if (cw_check_date(iso, _("date"), CW_REQUIRED, 1, err) < 0)
        return -1;
    if (strcmp(iso, k->status_date) < 0) {
        char d[11], l[11];
        return hd_fail(err, _("date: %s is before the last change (%s)"), cw_vn(iso, d),
                       cw_vn(k->status_date, l));
    }
    return 0;
}

int commitment_set_status(hd_db *db, hd_commitment *k, int status, const char *date,
                          const char *note, hd_err *err)
{
    char iso[11];
    if (check_change(k, status, date, note, iso, err) < 0 ||
        authz_check(db, PERM_CASEWORK, household_of(db, "commitment", k->id), err) < 0)
        return -1;
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE commitment SET status = ?3, status_date = ?4, version = version + 1,"
        " updated_at = " CW_NOW_SQL " WHERE id = ?1 AND version = ?2");
    sqlite3_bind_int64(st, 1, k->id);
    sqlite3_bind_int64(st, 2, k->version);
    sqlite3_bind_text(st, 3, model_code(VOCAB_COMMIT_STATUS, status), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, iso, -1, SQLITE_TRANSIENT);
    int rc = cw_step(db, st, 1, _("saving the commitment"), err);
    char *n = xstrdup(note);
    if (rc == 0)
        rc = add_event(db, k->id, status, iso, str_trim(n), err);
    free(n);
    if (rc == 0) {
        k->status = status;
        memcpy(k->status_date, iso, sizeof k->status_date);
        k->version++;
    }
    return cw_finish(db, tok, rc, err);
}

int commitment_history(hd_db *db, int64_t id, hd_commit_event **out, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT uid, status, date, note, created_by FROM commitment_event"
        " WHERE commitment_id = ?1 ORDER BY id");
    sqlite3_bind_int64(st, 1, id);
    hd_commit_event *e = NULL;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        e = cw_grow(e, n, &cap, sizeof *e);
        hd_commit_event *x = &e[n++];
        cw_col_buf(st, 0, x->uid, sizeof x->uid);
        x->status = model_from_code(VOCAB_COMMIT_STATUS, (const char *)sqlite3_column_text(st, 1));
        cw_col_buf(st, 2, x->date, sizeof x->date);
        x->note = db_col_text(st, 3);
        x->created_by = db_col_text(st, 4);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        commit_events_free(e, n);
        return db_fail(db, err, _("reading the commitment"));
    }
    *out = e;
    return n;
}

void commit_events_free(hd_commit_event *e, int n)
{
    for (int i = 0; i < n; i++) {
        free(e[i].note);
        free(e[i].created_by);
    }
    free(e);
}
