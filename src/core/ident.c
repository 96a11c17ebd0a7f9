/* ident.c — a child's ministry identifiers (ident.h). */
#include "core/ident.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

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
    int ok = n >= 4 && n <= 20;
    for (const char *p = value; ok && *p; p++)
        ok = isalnum((unsigned char)*p);
    if (ok)
        return 0;
    if (strcmp(kind, IDENT_PID) == 0)
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
