/* leavers.c — after grade 9 (leavers.h). */
#include "core/leavers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"

static const struct {
    const char *code, *vi, *en, *synonyms;
} paths[PATH_COUNT] = {
    {"grade10", "Vào lớp 10", "Grade 10", "lop 10|vao lop 10|thpt|grade 10|grade10"},
    {"vocational", "Học nghề", "Vocational training",
     "hoc nghe|trung cap|nghe|vocational|vocational training"},
    {"continuing", "Học GDTX", "Continuing education",
     "gdtx|giao duc thuong xuyen|bo tuc|continuing|continuing education"},
    {"undecided", "Chưa có hướng", "Not decided yet",
     "chua co huong|chua quyet dinh|undecided|not decided yet|none yet"},
    {"none", "Không học tiếp", "No path",
     "khong hoc tiep|nghi hoc|di lam|none|no path"},
};

const char *path_code(int p)
{
    return p >= 0 && p < PATH_COUNT ? paths[p].code : "";
}

const char *path_label(int p, const char *lang)
{
    if (p < 0 || p >= PATH_COUNT)
        return "";
    return strcmp(lang, "vi") == 0 ? paths[p].vi : paths[p].en;
}

int path_lookup(const char *text)
{
    char *f = text_fold(text ? text : "");
    int found = -1;
    for (int p = 0; p < PATH_COUNT && found < 0; p++) {
        char *a = text_fold(paths[p].vi), *b = text_fold(paths[p].en);
        if (!strcmp(f, a) || !strcmp(f, b) || !strcmp(f, paths[p].code) ||
            str_in_list(paths[p].synonyms, f))
            found = p;
        free(a);
        free(b);
    }
    free(f);
    return found;
}

void leaver_free(hd_leaver *l)
{
    if (!l)
        return;
    free(l->note);
    free(l->child);
    free(l->village);
}

void leavers_free(hd_leaver *l, int n)
{
    for (int i = 0; l && i < n; i++)
        leaver_free(&l[i]);
    free(l);
}

static int set_in(hd_db *db, hd_leaver *l, const char *note, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT uid, archived, full_name FROM child WHERE id = ?1");
    sqlite3_bind_int64(st, 1, l->child_id);
    int rc = sqlite3_step(st);
    char *uid = rc == SQLITE_ROW ? db_col_text(st, 0) : NULL;
    int archived = rc == SQLITE_ROW ? sqlite3_column_int(st, 1) : 0;
    char *name = rc == SQLITE_ROW ? db_col_text(st, 2) : NULL;
    db_finish(db, st);
    if (!uid)
        return hd_fail(err, "%s", _("child: no such child"));
    if (archived) {
        rc = hd_fail(err, _("child: %s's record is archived"), name);
        free(uid);
        free(name);
        return rc;
    }
    free(name);
    st = db_prepare(db, "SELECT version FROM leaver WHERE child_id = ?1 AND school_year = ?2");
    sqlite3_bind_int64(st, 1, l->child_id);
    sqlite3_bind_int(st, 2, l->school_year);
    int64_t have = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    db_finish(db, st);
    if (have != l->version) {
        free(uid);
        hd_fail(err, "%s", _("another user changed this pupil's path meanwhile; read it again"));
        return HD_CONFLICT;
    }
    if (!have)
        st = db_prepare(db, "INSERT INTO leaver(uid, child_id, school_year, path, admitted, note)"
                            " VALUES (?1 || '.L' || ?3, ?2, ?3, ?4, ?5, ?6)");
    else
        st = db_prepare(db, "UPDATE leaver SET path = ?4, admitted = ?5, note = ?6,"
                            " version = version + 1,"
                            " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                            " WHERE child_id = ?2 AND school_year = ?3 AND ?1 = ?1");
    sqlite3_bind_text(st, 1, uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, l->child_id);
    sqlite3_bind_int(st, 3, l->school_year);
    sqlite3_bind_text(st, 4, path_code(l->path), -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 5, l->admitted ? 1 : 0);
    sqlite3_bind_text(st, 6, note, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st);
    db_finish(db, st);
    free(uid);
    if (rc != SQLITE_DONE)
        return db_fail(db, err, _("saving the pupil's path"));
    l->version = have + 1;
    return 0;
}

int leaver_set(hd_db *db, hd_leaver *l, hd_err *err)
{
    /* the committee's records: the secretary's and the chair's (authz.h) */
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    if (l->path < 0 || l->path >= PATH_COUNT)
        return hd_fail(err, "%s", _("path: unknown path"));
    hd_date today = date_today();
    if (l->school_year < 1990 || l->school_year > today.year)
        return hd_fail(err, _("school year: %d is not a school year that has started"),
                       l->school_year);
    char *note = text_nfc(l->note ? l->note : "");
    if (!note)
        return hd_fail(err, "%s", _("note: not valid UTF-8 text"));
    str_trim(note);
    int tok = db_write_begin(db, err);
    if (tok < 0) {
        free(note);
        return -1;
    }
    int rc = set_in(db, l, note, err);
    free(note);
    if (db_write_end(db, tok, rc == 0, rc == 0 ? err : NULL) < 0 && rc == 0)
        return -1;
    return rc;
}

int leavers_list(hd_db *db, int year, int limit, hd_leaver **out, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT l.child_id, l.school_year, l.path, l.admitted, l.note, l.version, c.uid,"
        " c.full_name, coalesce(v.name, ''), c.birth_year,"
        " l.admitted AND NOT (coalesce(c.level, '') IN ('upper_secondary', 'continuing')"
        "   AND c.status IN ('enrolled', 'at_risk', 'returned'))"
        " FROM leaver l JOIN child c ON c.id = l.child_id"
        " LEFT JOIN household h ON h.id = c.household_id"
        " LEFT JOIN village v ON v.id = h.village_id"
        " WHERE l.school_year = ?1 AND l.archived = 0 AND c.archived = 0"
        " ORDER BY v.sort_key IS NULL, v.sort_key, c.sort_key, c.id LIMIT ?2");
    sqlite3_bind_int(st, 1, year);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    hd_leaver *r = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        r = xreallocarray(r, (size_t)n + 1, sizeof *r);
        hd_leaver *x = memset(&r[n++], 0, sizeof *r);
        x->child_id = sqlite3_column_int64(st, 0);
        x->school_year = sqlite3_column_int(st, 1);
        x->path = path_lookup((const char *)sqlite3_column_text(st, 2));
        x->admitted = sqlite3_column_int(st, 3);
        x->note = db_col_text(st, 4);
        x->version = sqlite3_column_int64(st, 5);
        snprintf(x->child_uid, sizeof x->child_uid, "%s", sqlite3_column_text(st, 6));
        x->child = db_col_text(st, 7);
        x->village = db_col_text(st, 8);
        x->birth_year = sqlite3_column_int(st, 9);
        x->not_turned_up = sqlite3_column_int(st, 10);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        leavers_free(r, n);
        return db_fail(db, err, _("reading the pupils leaving grade 9"));
    }
    *out = r;
    return n;
}
