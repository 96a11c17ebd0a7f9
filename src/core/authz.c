/* authz.c — the acting user, their role, the checks, and managing users. */
#include "core/authz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/registry.h"

static const char *const role_codes[USER_ROLE_COUNT] = {
    [USER_NONE] = "disabled", [USER_VIEWER] = "viewer", [USER_MEMBER] = "member",
    [USER_SECRETARY] = "secretary", [USER_CHAIR] = "chair",
};

const char *authz_role_code(int role)
{
    return role >= 0 && role < USER_ROLE_COUNT ? role_codes[role] : "disabled";
}

int authz_role_from_code(const char *code)
{
    for (int i = 0; code && i < USER_ROLE_COUNT; i++)
        if (strcmp(code, role_codes[i]) == 0)
            return i;
    return -1;
}

const char *authz_role_label(int role)
{
    switch (role) {
    case USER_VIEWER: return _("viewer");
    case USER_MEMBER: return _("member");
    /* TRANSLATORS: the role in the program, the committee's secretary. */
    case USER_SECRETARY: return _("secretary");
    case USER_CHAIR: return _("chair");
    default: return _("disabled");
    }
}

int authz_login(hd_db *db, const char *login, hd_err *err)
{
    hd_auth *a = db_auth(db);
    a->member_id = 0;
    a->role = USER_NONE;
    if (db_schema_version(db) < 4)
        return hd_fail(err, _("%s was made by an older huydong: it must be opened once by "
                              "a user who may write the file, to bring it up to date"),
                       db_path(db));
    sqlite3_stmt *st = db_prepare(db,
        "SELECT id, user_role, archived FROM member WHERE login = ?1");
    sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    int64_t id = 0;
    int role = USER_NONE, archived = 0;
    if (rc == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        role = authz_role_from_code((const char *)sqlite3_column_text(st, 1));
        archived = sqlite3_column_int(st, 2);
    }
    db_finish(db, st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(db, err, _("reading the users"));
    if (rc == SQLITE_DONE)
        return hd_fail(err, _("'%s' is not a user of %s: ask the chair of the committee to "
                              "add it ('huydong user add %s --role member')"),
                       login, db_path(db), login);
    if (role <= USER_NONE || archived)
        return hd_fail(err, _("the user '%s' is disabled (or the member has left the "
                              "committee): ask the chair of the committee"), login);
    a->member_id = id;
    a->role = role;
    db_set_actor(db, login);
    return 0;
}

void authz_as_system(hd_db *db)
{
    hd_auth *a = db_auth(db);
    a->member_id = 0;
    a->role = USER_CHAIR;
}

int authz_role(hd_db *db)
{
    return db_auth(db)->role;
}

int64_t authz_member(hd_db *db)
{
    return db_auth(db)->member_id;
}

void authz_grant_begin(hd_db *db)
{
    db_auth(db)->granted++;
}

void authz_grant_end(hd_db *db)
{
    hd_auth *a = db_auth(db);
    if (a->granted > 0)
        a->granted--;
}

/* The member has an open assignment to the household, to one of its
 * children, or to its village for a season.  A row ending today has been
 * replaced today (a reassignment ends the old row on the new one's start). */
static int assigned(hd_db *db, int64_t member, int64_t household)
{
    char today[11];
    date_iso(date_today(), today);
    sqlite3_stmt *st = db_prepare(db,
        "SELECT 1 FROM assignment a WHERE a.member_id = ?1 AND a.archived = 0"
        " AND (a.end_date IS NULL OR a.end_date > ?3)"
        " AND (a.household_id = ?2"
        "  OR a.child_id IN (SELECT id FROM child WHERE household_id = ?2)"
        "  OR a.village_id = (SELECT village_id FROM household WHERE id = ?2))"
        " LIMIT 1");
    sqlite3_bind_int64(st, 1, member);
    sqlite3_bind_int64(st, 2, household);
    sqlite3_bind_text(st, 3, today, -1, SQLITE_TRANSIENT);
    int yes = sqlite3_step(st) == SQLITE_ROW;
    db_finish(db, st);
    return yes;
}

/* The lowest role that may do p (for PERM_CASEWORK, to any household). */
static int needed(hd_perm p)
{
    return p == PERM_MONTH || p == PERM_USERS ? USER_CHAIR : USER_SECRETARY;
}

/* The user's role as stored now: a role changed (or a user disabled) by the
 * chair takes effect at the next write, also in a screen opened before. */
static void refresh_role(hd_db *db, hd_auth *a)
{
    if (a->member_id <= 0)
        return; /* the installation */
    sqlite3_stmt *st = db_prepare(db, "SELECT user_role, archived FROM member WHERE id = ?1");
    sqlite3_bind_int64(st, 1, a->member_id);
    int role = USER_NONE;
    if (sqlite3_step(st) == SQLITE_ROW && !sqlite3_column_int(st, 1)) {
        role = authz_role_from_code((const char *)sqlite3_column_text(st, 0));
        if (role < 0)
            role = USER_NONE;
    }
    db_finish(db, st);
    a->role = role;
}

int authz_can(hd_db *db, hd_perm p, int64_t household_id)
{
    hd_auth *a = db_auth(db);
    if (a->granted > 0)
        return 1;
    refresh_role(db, a);
    if (a->role >= needed(p))
        return 1;
    return p == PERM_CASEWORK && a->role == USER_MEMBER && household_id > 0 &&
           assigned(db, a->member_id, household_id);
}

int authz_check(hd_db *db, hd_perm p, int64_t household_id, hd_err *err)
{
    if (authz_can(db, p, household_id))
        return 0;
    int role = authz_role(db);
    const char *r = authz_role_label(role);
    if (role == USER_NONE)
        return hd_fail(err, _("not allowed: you are not a user of this database; nothing "
                              "was saved"));
    switch (p) {
    case PERM_CASEWORK:
        if (role == USER_MEMBER)
            return hd_fail(err, _("not allowed: a member records visits and commitments only "
                                  "for the households assigned to them; nothing was saved"));
        return hd_fail(err, _("not allowed: recording visits and commitments is for members, "
                              "secretaries and the chair (your role: %s); nothing was saved"),
                       r);
    case PERM_PRINT:
        return hd_fail(err, _("not allowed: printing and backups are for a secretary or the "
                              "chair (your role: %s)"), r);
    case PERM_MONTH:
        return hd_fail(err, _("not allowed: closing a month is for the chair (your role: "
                              "%s); nothing was saved"), r);
    case PERM_USERS:
        return hd_fail(err, _("not allowed: users, roles, logins and restoring are for the "
                              "chair (your role: %s); nothing was saved"), r);
    case PERM_RECORDS:
    default:
        return hd_fail(err, _("not allowed: changing the records, imports and assignments is "
                              "for a secretary or the chair (your role: %s); nothing was "
                              "saved"), r);
    }
}

/* ---- users ----------------------------------------------------------------- */

int user_login_valid(const char *login)
{
    size_t n = login ? strlen(login) : 0;
    if (n == 0 || n > 32 || login[0] == '-' || login[0] == '.')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = login[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-'))
            return 0;
    }
    return 1;
}

int user_list(hd_db *db, hd_user **out, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT uid, login, full_name, user_role, archived FROM member"
        " WHERE login IS NOT NULL AND login <> '' ORDER BY login");
    hd_user *u = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        u = xreallocarray(u, (size_t)n + 1, sizeof *u);
        snprintf(u[n].uid, sizeof u[n].uid, "%s", (const char *)sqlite3_column_text(st, 0));
        u[n].login = db_col_text(st, 1);
        u[n].full_name = db_col_text(st, 2);
        int role = authz_role_from_code((const char *)sqlite3_column_text(st, 3));
        u[n].role = role < 0 ? USER_NONE : role;
        u[n].archived = sqlite3_column_int(st, 4);
        n++;
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        users_free(u, n);
        return db_fail(db, err, _("reading the users"));
    }
    *out = u;
    return n;
}

void users_free(hd_user *u, int n)
{
    for (int i = 0; i < n; i++) {
        free(u[i].login);
        free(u[i].full_name);
    }
    free(u);
}

static int step_write(hd_db *db, sqlite3_stmt *st, hd_err *err)
{
    int rc = sqlite3_step(st);
    int changed = sqlite3_changes(db_sql(db));
    db_finish(db, st);
    if (rc != SQLITE_DONE)
        return db_fail(db, err, _("saving the user"));
    return changed;
}

int authz_chair_left(hd_db *db, int strict, hd_err *err)
{
    if (db_schema_version(db) < 4)
        return 0;
    sqlite3_stmt *st = db_prepare(db,
        "SELECT count(*) FILTER (WHERE login IS NOT NULL AND login <> '' AND archived = 0),"
        " count(*) FROM member WHERE user_role = 'chair'");
    long n = 0, any = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        n = (long)sqlite3_column_int64(st, 0);
        any = (long)sqlite3_column_int64(st, 1);
    }
    db_finish(db, st);
    if (n == 0 && (strict || any > 0))
        return hd_fail(err, _("this would leave no chair who can log in: give another user "
                              "the role chair first; nothing was saved"));
    return 0;
}

static int set_role_sql(hd_db *db, const char *login, int role, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, "UPDATE member SET user_role = ?2 WHERE login = ?1");
    sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, authz_role_code(role), -1, SQLITE_STATIC);
    return step_write(db, st, err);
}

static int add_to_member(hd_db *db, const char *login, const char *member_uid, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT coalesce(login, ''), archived FROM member WHERE uid = ?1");
    sqlite3_bind_text(st, 1, member_uid, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    char *old = rc == SQLITE_ROW ? db_col_text(st, 0) : NULL;
    int archived = rc == SQLITE_ROW ? sqlite3_column_int(st, 1) : 0;
    db_finish(db, st);
    int ret = 0;
    if (!old)
        ret = hd_fail(err, _("no member with the code %s"), member_uid);
    else if (archived)
        ret = hd_fail(err, _("the member %s has left the committee (archived)"), member_uid);
    else if (*old)
        ret = hd_fail(err, _("the member %s already has the login '%s'"), member_uid, old);
    free(old);
    if (ret < 0)
        return -1;
    st = db_prepare(db, "UPDATE member SET login = ?2 WHERE uid = ?1");
    sqlite3_bind_text(st, 1, member_uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, login, -1, SQLITE_TRANSIENT);
    return step_write(db, st, err) < 0 ? -1 : 0;
}

static int add_new_member(hd_db *db, const char *login, const char *full_name,
                          const char *uid, hd_err *err)
{
    hd_member m = {.full_name = xstrdup(full_name && *full_name ? full_name : login),
                   .org = ORG_COMMUNE, .committee_role = CROLE_MEMBER,
                   .phone = xstrdup(""), .login = xstrdup(login)};
    if (uid)
        snprintf(m.uid, sizeof m.uid, "%s", uid);
    int rc = member_insert(db, &m, err);
    member_free(&m);
    return rc;
}

int user_add(hd_db *db, const char *login, int role, const char *member_uid,
             const char *full_name, hd_err *err)
{
    if (authz_check(db, PERM_USERS, 0, err) < 0)
        return -1;
    if (!user_login_valid(login))
        return hd_fail(err, _("'%s' is not a login name (letters, digits, '.', '_', '-'; "
                              "at most 32)"), login ? login : "");
    if (role <= USER_NONE || role >= USER_ROLE_COUNT)
        return hd_fail(err, "%s", _("a role is one of chair, secretary, member, viewer"));
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    int rc = 0;
    if (member_id_by_login(db, login) > 0) {
        rc = hd_fail(err, _("'%s' is already a user ('huydong user role' changes the role)"),
                     login);
    } else {
        /* the login may still be on an archived member */
        sqlite3_stmt *st = db_prepare(db, "SELECT uid FROM member WHERE login = ?1");
        sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW)
            rc = hd_fail(err, _("'%s' is the login of %s, who has left the committee"), login,
                         (const char *)sqlite3_column_text(st, 0));
        db_finish(db, st);
    }
    authz_grant_begin(db);
    if (rc == 0)
        rc = member_uid && *member_uid ? add_to_member(db, login, member_uid, err)
                                       : add_new_member(db, login, full_name, NULL, err);
    authz_grant_end(db);
    if (rc == 0 && set_role_sql(db, login, role, err) < 0)
        rc = -1;
    return db_write_end(db, tok, rc == 0, err) < 0 ? -1 : rc;
}

int user_add_founder(hd_db *db, const char *login, const char *full_name, hd_err *err)
{
    if (authz_check(db, PERM_USERS, 0, err) < 0)
        return -1;
    if (!user_login_valid(login))
        return hd_fail(err, _("'%s' is not a login name (letters, digits, '.', '_', '-'; "
                              "at most 32)"), login ? login : "");
    char code[16];
    if (db_commune_code(db, code) < 0)
        return hd_fail(err, "%s", _("the database has no commune (run 'huydong init')"));
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM member WHERE login <> ''");
    long users = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
    db_finish(db, st);
    int rc = 0;
    if (users != 0)
        rc = hd_fail(err, "%s", _("the database already has users: the chair adds others "
                                  "with 'huydong user add'"));
    char uid[32];
    snprintf(uid, sizeof uid, "%s-M0", code);
    authz_grant_begin(db);
    if (rc == 0)
        rc = add_new_member(db, login, full_name, uid, err);
    authz_grant_end(db);
    if (rc == 0 && set_role_sql(db, login, USER_CHAIR, err) < 0)
        rc = -1;
    return db_write_end(db, tok, rc == 0, err) < 0 ? -1 : rc;
}

int user_set_role(hd_db *db, const char *login, int role, hd_err *err)
{
    if (authz_check(db, PERM_USERS, 0, err) < 0)
        return -1;
    if (role < USER_NONE || role >= USER_ROLE_COUNT)
        return hd_fail(err, "%s", _("a role is one of chair, secretary, member, viewer"));
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    int n = set_role_sql(db, login, role, err);
    int rc = n < 0 ? -1 : 0;
    if (n == 0)
        rc = hd_fail(err, _("'%s' is not a user (see 'huydong user list')"), login);
    if (rc == 0)
        rc = authz_chair_left(db, 1, err);
    return db_write_end(db, tok, rc == 0, err) < 0 ? -1 : rc;
}

int authz_shared_account(hd_db *db, char out[64])
{
    out[0] = '\0';
    if (db_schema_version(db) < 4)
        return 0;
    sqlite3_stmt *st = db_prepare(db, "SELECT shared_account FROM commune WHERE id = 1");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        snprintf(out, 64, "%s", (const char *)sqlite3_column_text(st, 0));
    db_finish(db, st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int authz_set_shared_account(hd_db *db, const char *account, hd_err *err)
{
    if (authz_check(db, PERM_USERS, 0, err) < 0)
        return -1;
    if (account && *account && !user_login_valid(account))
        return hd_fail(err, _("'%s' is not a login name (letters, digits, '.', '_', '-'; "
                              "at most 32)"), account);
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db, "UPDATE commune SET shared_account = ?1 WHERE id = 1");
    sqlite3_bind_text(st, 1, account ? account : "", -1, SQLITE_TRANSIENT);
    int n = step_write(db, st, err);
    int rc = n < 0 ? -1 : 0;
    if (n == 0)
        rc = hd_fail(err, "%s", _("the database has no commune (run 'huydong init')"));
    return db_write_end(db, tok, rc == 0, err) < 0 ? -1 : rc;
}
