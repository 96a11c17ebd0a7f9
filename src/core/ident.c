/* ident.c — a child's ministry identifiers (ident.h). */
#include "core/ident.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/registry.h"

int64_t ident_find(hd_db *db, const char *kind, const char *value)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT child_id FROM child_ident WHERE kind = ?1"
                                      " AND value = ?2 AND archived = 0");
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    db_finish(db, st);
    return id;
}

char *ident_get(hd_db *db, int64_t child_id, const char *kind)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT value FROM child_ident WHERE child_id = ?1"
                                      " AND kind = ?2 AND archived = 0");
    sqlite3_bind_int64(st, 1, child_id);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    char *v = sqlite3_step(st) == SQLITE_ROW
                  ? xstrdup((const char *)sqlite3_column_text(st, 0)) : NULL;
    db_finish(db, st);
    return v;
}

int ident_check(const char *kind, const char *value, hd_err *err)
{
    size_t n = strlen(value);
    int pid = strcmp(kind, IDENT_PID) == 0;
    int ok = pid ? n == 12 : n >= 4 && n <= 20;
    for (const char *p = value; ok && *p; p++)
        ok = pid ? isdigit((unsigned char)*p) : isalnum((unsigned char)*p);
    if (ok)
        return 0;
    if (pid)
        return hd_fail(err, _("'%s' is not a personal identification number (12 digits)"),
                       value);
    return hd_fail(err, _("'%s' is not a pupil code (4 to 20 letters and digits)"), value);
}

int ident_set(hd_db *db, int64_t child_id, const char *kind, const char *value, int *changed,
              hd_err *err)
{
    *changed = 0;
    int64_t holder = ident_find(db, kind, value);
    if (holder == child_id)
        return 0;
    if (holder)
        return hd_fail(err, _("%s is already the code of another child"), value);
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO child_ident(uid, child_id, kind, value)"
        " SELECT uid || (CASE ?2 WHEN 'pid' THEN '-DD' ELSE '-MHS' END), id, ?2, ?3"
        " FROM child WHERE id = ?1"
        " ON CONFLICT (child_id, kind) DO UPDATE SET value = excluded.value, archived = 0,"
        " version = version + 1");
    sqlite3_bind_int64(st, 1, child_id);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, value, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    db_finish(db, st);
    if (rc != SQLITE_DONE)
        return db_fail(db, err, _("saving the child"));
    *changed = 1;
    return 0;
}

int unlinked_list(hd_db *db, hd_unlinked **out, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT c.uid, c.full_name, c.birth_year, coalesce(c.birth_date, ''),"
        " coalesce(s.name, ''), c.class_name,"
        " coalesce((SELECT value FROM child_ident WHERE child_id = c.id"
        "  AND kind = 'pupil_code' AND archived = 0), '')"
        " FROM child c LEFT JOIN school s ON s.id = c.school_id"
        " WHERE c.household_id IS NULL AND c.archived = 0"
        " ORDER BY s.sort_key, c.class_name, c.sort_key, c.id");
    hd_unlinked *u = NULL;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? 2 * cap : 32;
            u = xreallocarray(u, (size_t)cap, sizeof *u);
        }
        hd_unlinked *x = &u[n++];
        memset(x, 0, sizeof *x);
        snprintf(x->uid, sizeof x->uid, "%s", (const char *)sqlite3_column_text(st, 0));
        x->name = db_col_text(st, 1);
        x->birth_year = sqlite3_column_int(st, 2);
        snprintf(x->birth_date, sizeof x->birth_date, "%s",
                 (const char *)sqlite3_column_text(st, 3));
        x->school = db_col_text(st, 4);
        x->class_name = db_col_text(st, 5);
        x->pupil_code = db_col_text(st, 6);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        unlinked_free(u, n);
        return db_fail(db, err, _("reading the children"));
    }
    *out = u;
    return n;
}

void unlinked_free(hd_unlinked *u, int n)
{
    for (int i = 0; i < n; i++) {
        free(u[i].name);
        free(u[i].school);
        free(u[i].class_name);
        free(u[i].pupil_code);
    }
    free(u);
}

int unlinked_link(hd_db *db, const char *child_uid, const char *household_uid, hd_err *err)
{
    int64_t child = record_id_by_uid(db, "child", child_uid);
    if (!child)
        return hd_fail(err, _("no child with code '%s'"), child_uid);
    int64_t household = record_id_by_uid(db, "household", household_uid);
    if (!household)
        return hd_fail(err, _("no household with code '%s'"), household_uid);
    hd_child c;
    if (child_get(db, child, &c, err) < 0)
        return -1;
    int rc = 0;
    if (c.household_id != household) {
        c.household_id = household;
        rc = child_update(db, &c, err);
    }
    child_free(&c);
    return rc;
}
