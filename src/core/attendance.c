/* attendance.c — monthly attendance rows, their checks, the class grid's
 * reads and saves, and the rates (attendance.h). */
#include "core/attendance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"

static const char *const field_labels[AF_COUNT] = {
    N_("school days"), N_("absent with leave"), N_("absent without leave"),
    N_("days absent in a row"), N_("repeating the grade"),
};

const char *attendance_field_label(hd_att_field f)
{
    return f < AF_COUNT ? _(field_labels[f]) : "";
}

void attendance_rows_free(hd_att *rows, int n)
{
    for (int i = 0; rows && i < n; i++)
        free(rows[i].name);
    free(rows);
}

void attendance_year_start(const hd_config *cfg, int year, int month, int *sy, int *sm)
{
    hd_date d = {year, month, 1};
    *sy = date_school_year(d, cfg->school_year_start_month);
    *sm = cfg->school_year_start_month;
}

int attendance_check_month(const hd_config *cfg, int year, int month, hd_err *err)
{
    return attendance_month_ok(cfg->school_year_start_month, cfg->school_year_months, year,
                               month, err);
}

int attendance_month_ok(int sm, int months, int year, int month, hd_err *err)
{
    hd_date first = {year, month, 1};
    if (!date_valid(first))
        return hd_fail(err, _("month: %d-%02d is not a month"), year, month);
    int k = (month - sm + 12) % 12;   /* months since the start month */
    if (k >= months) {
        int last = (sm + months - 2) % 12 + 1;
        return hd_fail(err, _("month: %02d/%d is not in the school year (months %02d to %02d)"),
                       month, year, sm, last);
    }
    if (date_cmp(first, date_today()) > 0)
        return hd_fail(err, _("month: %02d/%d has not started yet"), month, year);
    return 0;
}

/* Names the field at fault for the caller (the grid puts the cursor there). */
static const char *at(hd_att_field f, hd_att_field *field)
{
    if (field)
        *field = f;
    return attendance_field_label(f);
}

int attendance_check(const hd_att *a, int days_in_month, hd_att_field *field, hd_err *err)
{
    int absent = a->excused + a->unexcused;
    if (a->school_days < 1 || a->school_days > days_in_month)
        return hd_fail(err, _("%s: %d is not from 1 to %d"), at(AF_SCHOOL_DAYS, field),
                       a->school_days, days_in_month);
    if (a->excused < 0)
        return hd_fail(err, _("%s: %d is negative"), at(AF_EXCUSED, field), a->excused);
    if (a->unexcused < 0)
        return hd_fail(err, _("%s: %d is negative"), at(AF_UNEXCUSED, field), a->unexcused);
    if (absent > a->school_days)
        return hd_fail(err, _("%s: %d days absent are more than the %d school days"),
                       at(a->unexcused ? AF_UNEXCUSED : AF_EXCUSED, field), absent,
                       a->school_days);
    if (a->consecutive > absent)
        return hd_fail(err, _("%s: %d days in a row are more than the %d days absent"),
                       at(AF_CONSECUTIVE, field), a->consecutive, absent);
    if (a->repeating != 0 && a->repeating != 1)
        return hd_fail(err, _("%s: %d is not 0 or 1"), at(AF_REPEATING, field), a->repeating);
    return 0;
}

/* ---- the class grid ------------------------------------------------------ */

#define IN_SCHOOL "c.status IN ('enrolled','at_risk','returned')"

static void month_key(int year, int month, char out[8])
{
    snprintf(out, 8, "%04u-%02u", (unsigned)year % 10000u, (unsigned)month % 100u);
}

void attendance_classes_free(hd_att_class *c, int n)
{
    for (int i = 0; c && i < n; i++) {
        free(c[i].school);
        free(c[i].class_name);
    }
    free(c);
}

int attendance_classes(hd_db *db, int year, int month, hd_att_class **out, hd_err *err)
{
    char mk[8];
    month_key(year, month, mk);
    sqlite3_stmt *st = db_prepare(db,
        "SELECT s.id, s.name, c.class_name, count(*), count(a.id)"
        " FROM child c JOIN school s ON s.id = c.school_id"
        " LEFT JOIN attendance a ON a.child_id = c.id AND a.month = ?1 AND a.archived = 0"
        " WHERE c.archived = 0 AND " IN_SCHOOL " AND c.class_name <> ''"
        " GROUP BY s.id, c.class_name ORDER BY s.sort_key, s.id, c.class_name");
    sqlite3_bind_text(st, 1, mk, -1, SQLITE_TRANSIENT);
    hd_att_class *c = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        c = xreallocarray(c, (size_t)n + 1, sizeof *c);
        hd_att_class *x = &c[n++];
        x->school_id = sqlite3_column_int64(st, 0);
        x->school = db_col_text(st, 1);
        x->class_name = db_col_text(st, 2);
        x->pupils = sqlite3_column_int(st, 3);
        x->recorded = sqlite3_column_int(st, 4);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        attendance_classes_free(c, n);
        return db_fail(db, err, _("reading the classes"));
    }
    *out = c;
    return n;
}

int attendance_class_get(hd_db *db, int64_t school_id, const char *class_name, int year,
                         int month, hd_att **out, hd_err *err)
{
    char mk[8];
    month_key(year, month, mk);
    sqlite3_stmt *st = db_prepare(db,
        "SELECT c.id, c.uid, c.full_name, c.birth_year, a.school_days, a.absent_excused,"
        " a.absent_unexcused, a.consecutive, a.repeating, a.version"
        " FROM child c LEFT JOIN attendance a ON a.child_id = c.id AND a.month = ?3"
        " WHERE c.archived = 0 AND " IN_SCHOOL " AND c.school_id = ?1 AND c.class_name = ?2"
        " ORDER BY c.sort_key, c.id");
    sqlite3_bind_int64(st, 1, school_id);
    sqlite3_bind_text(st, 2, class_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, mk, -1, SQLITE_TRANSIENT);
    hd_att *r = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        r = xreallocarray(r, (size_t)n + 1, sizeof *r);
        hd_att *a = memset(&r[n++], 0, sizeof *r);
        a->child_id = sqlite3_column_int64(st, 0);
        snprintf(a->child_uid, sizeof a->child_uid, "%s", sqlite3_column_text(st, 1));
        a->name = db_col_text(st, 2);
        a->birth_year = sqlite3_column_int(st, 3);
        a->school_days = sqlite3_column_int(st, 4);
        a->excused = sqlite3_column_int(st, 5);
        a->unexcused = sqlite3_column_int(st, 6);
        a->consecutive = sqlite3_column_type(st, 7) == SQLITE_NULL ? -1
                                                                   : sqlite3_column_int(st, 7);
        a->repeating = sqlite3_column_int(st, 8);
        a->version = sqlite3_column_int64(st, 9);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        attendance_rows_free(r, n);
        return db_fail(db, err, _("reading the class"));
    }
    *out = r;
    return n;
}

/* ---- saving --------------------------------------------------------------- */

static void bind_values(sqlite3_stmt *st, const hd_att *a)
{
    sqlite3_bind_int(st, 3, a->school_days);
    sqlite3_bind_int(st, 4, a->excused);
    sqlite3_bind_int(st, 5, a->unexcused);
    if (a->consecutive < 0)
        sqlite3_bind_null(st, 6);
    else
        sqlite3_bind_int(st, 6, a->consecutive);
    sqlite3_bind_int(st, 7, a->repeating);
}

#define CHANGED                                                                    \
    "(school_days IS NOT ?3 OR absent_excused IS NOT ?4 OR absent_unexcused IS NOT ?5" \
    " OR consecutive IS NOT ?6 OR repeating IS NOT ?7 OR archived <> 0)"

/* The stored row's version for (child, month); 0 when none. */
static int64_t stored_version(hd_db *db, int64_t child_id, const char *mk)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT version FROM attendance WHERE child_id = ?1"
                                      " AND month = ?2");
    sqlite3_bind_int64(st, 1, child_id);
    sqlite3_bind_text(st, 2, mk, -1, SQLITE_TRANSIENT);
    int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    db_finish(db, st);
    return v;
}

/* 1 added, 2 changed, 0 unchanged, -1 error, HD_CONFLICT.  check_version:
 * the row must still have a->version (0: must not exist). */
static int put_row(hd_db *db, const char *mk, const hd_att *a, const char *source,
                   int check_version, hd_err *err)
{
    int64_t have = stored_version(db, a->child_id, mk);
    if (check_version && have != a->version) {
        hd_fail(err, _("%s: another user saved this month meanwhile; read it again"),
                a->name ? a->name : a->child_uid);
        return HD_CONFLICT;
    }
    sqlite3_stmt *st;
    if (!have) {
        st = db_prepare(db,
            "INSERT INTO attendance(uid, child_id, month, school_days, absent_excused,"
            " absent_unexcused, consecutive, repeating, source)"
            " SELECT c.uid || '@' || ?2, c.id, ?2, ?3, ?4, ?5, ?6, ?7, ?8 FROM child c"
            " WHERE c.id = ?1");
    } else {
        st = db_prepare(db,
            "UPDATE attendance SET school_days = ?3, absent_excused = ?4,"
            " absent_unexcused = ?5, consecutive = ?6, repeating = ?7, source = ?8,"
            " archived = 0, version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
            " WHERE child_id = ?1 AND month = ?2 AND " CHANGED);
    }
    sqlite3_bind_int64(st, 1, a->child_id);
    sqlite3_bind_text(st, 2, mk, -1, SQLITE_TRANSIENT);
    bind_values(st, a);
    sqlite3_bind_text(st, 8, source, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    db_finish(db, st);
    if (rc != SQLITE_DONE)
        return db_fail(db, err, _("saving the attendance"));
    int changes = sqlite3_changes(db_sql(db));
    if (!have && !changes)
        return hd_fail(err, _("no child with id %lld"), (long long)a->child_id);
    return !changes ? 0 : have ? 2 : 1;
}

int attendance_put(hd_db *db, int year, int month, const hd_att *a, const char *source,
                   hd_err *err)
{
    char mk[8];
    month_key(year, month, mk);
    return put_row(db, mk, a, source, 0, err);
}

/* The child's name and whether it may get a row; 0 or -1 with err. */
static int check_child(hd_db *db, const hd_att *a, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT archived FROM child WHERE id = ?1");
    sqlite3_bind_int64(st, 1, a->child_id);
    int rc = sqlite3_step(st);
    int archived = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    db_finish(db, st);
    if (archived < 0)
        return hd_fail(err, _("no such child"));
    if (archived)
        return hd_fail(err, _("the child's record is archived"));
    return 0;
}

int attendance_save(hd_db *db, const hd_config *cfg, int year, int month, const hd_att *rows,
                    int n, const char *source, hd_msgs *errors, hd_err *err)
{
    /* the committee's records: the secretary's and the chair's (authz.h) */
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    if (attendance_check_month(cfg, year, month, err) < 0)
        return -1;
    int dim = date_days_in_month(year, month);
    for (int i = 0; i < n; i++) {
        hd_err e;
        const char *who = rows[i].name ? rows[i].name : rows[i].child_uid;
        if (attendance_check(&rows[i], dim, NULL, &e) < 0 || check_child(db, &rows[i], &e) < 0)
            msgs_add(errors, "%s: %s", who, e.msg);
    }
    if (errors->n)
        return hd_fail(err, ngettext("%zu error; nothing was saved",
                                     "%zu errors; nothing was saved", errors->n), errors->n);
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    char mk[8];
    month_key(year, month, mk);
    int written = 0, rc = 0;
    for (int i = 0; i < n && rc >= 0; i++) {
        rc = put_row(db, mk, &rows[i], source, 1, err);
        written += rc > 0;
    }
    if (db_write_end(db, tok, rc >= 0, rc >= 0 ? err : NULL) < 0 && rc >= 0)
        return -1;
    return rc < 0 ? rc : written;
}

/* ---- rates ---------------------------------------------------------------- */

static const char *const group_names[ATT_BY_COUNT] = {
    "commune", "village", "school", "class", "level", "minority", "child",
};

const char *attendance_group_name(hd_att_group g)
{
    return g < ATT_BY_COUNT ? group_names[g] : "";
}

int attendance_group_from_name(const char *name)
{
    for (int g = 0; g < ATT_BY_COUNT; g++)
        if (strcmp(group_names[g], name) == 0)
            return g;
    return -1;
}

/* Each group: what rows are grouped by, its label, and the order of the
 * groups (an aggregate: one value per group). */
static const struct {
    const char *by, *label, *order;
} group_sql[ATT_BY_COUNT] = {
    {"NULL", "''", "1"},
    {"h.village_id", "coalesce(v.name, '')", "coalesce(min(v.sort_key), x'ff')"},
    {"c.school_id", "coalesce(s.name, '')", "coalesce(min(s.sort_key), x'ff')"},
    {"c.school_id, c.class_name", "coalesce(s.name, '') || ' · ' || c.class_name",
     "coalesce(min(s.sort_key), x'ff'), c.class_name"},
    {"c.level", "coalesce(c.level, '')",
     "min(CASE c.level WHEN 'primary' THEN 1 WHEN 'lower_secondary' THEN 2"
     " WHEN 'upper_secondary' THEN 3 WHEN 'continuing' THEN 4 ELSE 5 END)"},
    {"c.ethnic_minority", "c.ethnic_minority", "-c.ethnic_minority"},
    {"a.child_id", "c.full_name || ' (' || c.birth_year || ') ' || c.uid",
     "min(c.sort_key), a.child_id"},
};

void attendance_rates_free(hd_att_rate *r, int n)
{
    for (int i = 0; r && i < n; i++)
        free(r[i].label);
    free(r);
}

static char *group_label(hd_att_group g, const char *raw, const char *lang)
{
    if (g == ATT_BY_LEVEL) {
        int lv = model_from_code(VOCAB_LEVEL, raw);
        return xstrdup(lv >= 0 ? model_label(VOCAB_LEVEL, lv, lang) : _("(no level)"));
    }
    if (g == ATT_BY_MINORITY)
        return xstrdup(strcmp(raw, "1") == 0 ? _("Ethnic minority") : _("Not ethnic minority"));
    if ((g == ATT_BY_VILLAGE || g == ATT_BY_SCHOOL) && !*raw)
        return xstrdup(g == ATT_BY_VILLAGE ? _("(no village)") : _("(no school)"));
    return xstrdup(raw);
}

int attendance_commune_rate(hd_db *db, int from_year, int from_month, int to_year,
                            int to_month, double *rate)
{
    char from[8], to[8];
    month_key(from_year, from_month, from);
    month_key(to_year, to_month, to);
    /* attendance_rates' commune line without its count of pupils, which
     * costs a sort of every row of the months */
    sqlite3_stmt *st = db_prepare(db,
        "SELECT sum(a.school_days), sum(a.absent_excused + a.absent_unexcused)"
        " FROM attendance a JOIN child c ON c.id = a.child_id"
        " WHERE a.month BETWEEN ?1 AND ?2 AND a.archived = 0 AND c.archived = 0");
    sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
    int found = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        double days = sqlite3_column_double(st, 0), absent = sqlite3_column_double(st, 1);
        found = days > 0;
        *rate = found ? 100.0 * (days - absent) / days : 0;
    }
    db_finish(db, st);
    return found;
}

int attendance_rates(hd_db *db, int from_year, int from_month, int to_year, int to_month,
                     hd_att_group g, const char *lang, int limit, hd_att_rate **out,
                     hd_err *err)
{
    if (g >= ATT_BY_COUNT)
        return hd_fail(err, "%s", _("unknown grouping"));
    char from[8], to[8];
    month_key(from_year, from_month, from);
    month_key(to_year, to_month, to);
    /* a pupil has one row a month: within one month rows are pupils */
    int one = strcmp(from, to) == 0;
    char *sql = xasprintf(
        "SELECT 0, %s, %s, sum(a.school_days), sum(a.absent_excused),"
        " sum(a.absent_unexcused)"
        " FROM attendance a JOIN child c ON c.id = a.child_id"
        " LEFT JOIN household h ON h.id = c.household_id"
        " LEFT JOIN village v ON v.id = h.village_id"
        " LEFT JOIN school s ON s.id = c.school_id"
        " WHERE a.month BETWEEN ?1 AND ?2 AND a.archived = 0 AND c.archived = 0"
        " GROUP BY %s ORDER BY %s LIMIT ?3", group_sql[g].label,
        one ? "count(*)" : "count(DISTINCT a.child_id)", group_sql[g].by, group_sql[g].order);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
    hd_att_rate *r = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        r = xreallocarray(r, (size_t)n + 1, sizeof *r);
        hd_att_rate *x = &r[n++];
        const char *raw = (const char *)sqlite3_column_text(st, 1);
        x->label = group_label(g, raw ? raw : "", lang);
        x->pupils = (long)sqlite3_column_int64(st, 2);
        x->school_days = (long)sqlite3_column_int64(st, 3);
        x->excused = (long)sqlite3_column_int64(st, 4);
        x->unexcused = (long)sqlite3_column_int64(st, 5);
        x->rate = x->school_days > 0
                      ? 100.0 * (double)(x->school_days - x->excused - x->unexcused) /
                            (double)x->school_days
                      : 0;
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        attendance_rates_free(r, n);
        return db_fail(db, err, _("computing the attendance"));
    }
    *out = r;
    return n;
}

int attendance_latest_month(hd_db *db, int *year, int *month)
{
    /* the index on month: its last entry, then back past archived rows */
    sqlite3_stmt *st = db_prepare(db, "SELECT max(month) FROM attendance WHERE archived = 0");
    int found = 0;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        found = sscanf((const char *)sqlite3_column_text(st, 0), "%4d-%2d", year, month) == 2;
    db_finish(db, st);
    return found;
}
