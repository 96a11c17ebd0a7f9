/* import_attendance.c — one row of a school's monthly attendance sheet
 * (import.h, table "attendance"): the pupil, the month, its days. */
#include <stdlib.h>
#include <string.h>

#include "core/attendance.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/import_int.h"
#include "core/text.h"

static const hd_col field_col[AF_COUNT] = {
    COL_A_SCHOOL_DAYS, COL_A_EXCUSED, COL_A_UNEXCUSED, COL_A_CONSECUTIVE, COL_A_REPEATING,
};

/* The child by name and year of birth (and class, when given); 0 when
 * none or reported. */
static int64_t child_by_name(importer *im)
{
    const char *name = imp_val(im, COL_C_NAME), *birth = imp_val(im, COL_C_BIRTH);
    const char *cls = imp_val(im, COL_C_CLASS);
    if (!name || !*name) {
        imp_bad(im, COL_C_NAME, "%s", _("required (or the pupil's code in 'Mã')"));
        return 0;
    }
    int year, has_day;
    hd_date d;
    hd_err e;
    if (!birth || date_parse_birth(birth, &year, &d, &has_day, &e) < 0) {
        imp_bad(im, COL_C_BIRTH, "%s", birth ? e.msg : _("required"));
        return 0;
    }
    char *fold = text_fold(name);
    sqlite3_stmt *st = db_prepare(im->db,
        "SELECT id, archived FROM child WHERE fold = ?1 AND birth_year = ?2"
        " AND (?3 IS NULL OR ?3 = '' OR class_name = ?3) ORDER BY archived, id");
    sqlite3_bind_text(st, 1, fold, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, year);
    db_bind_text(st, 3, cls);
    int64_t id = 0;
    int live = 0, archived = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (sqlite3_column_int(st, 1)) {
            archived++;
        } else {
            live++;
            id = sqlite3_column_int64(st, 0);
        }
    }
    db_finish(im->db, st);
    free(fold);
    if (live > 1) {
        imp_bad(im, COL_C_NAME, _("more than one child '%s' born in %d; use the code ('Mã')"),
                name, year);
        return 0;
    }
    if (!live)
        imp_bad(im, COL_C_NAME, archived ? _("'%s' (born %d): the child's record is archived")
                                         : _("no child '%s' born in %d"), name, year);
    return live ? id : 0;
}

static int64_t child_of_row(importer *im)
{
    const char *uid = imp_uid_value(im);
    if (im->row_bad)
        return 0;
    if (!uid)
        return child_by_name(im);
    sqlite3_stmt *st = db_prepare(im->db, "SELECT id, archived FROM child WHERE uid = ?1");
    sqlite3_bind_text(st, 1, uid, -1, SQLITE_TRANSIENT);
    int64_t id = 0;
    int archived = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        archived = sqlite3_column_int(st, 1);
    }
    db_finish(im->db, st);
    if (!id)
        imp_bad(im, COL_UID, _("no child with the code '%s'"), uid);
    else if (archived)
        imp_bad(im, COL_UID, _("'%s': the child's record is archived"), uid);
    return archived ? 0 : id;
}

static int take_month(importer *im, int *year, int *month)
{
    const char *v = imp_val(im, COL_A_MONTH);
    hd_err e;
    if (!v || !*v) {
        imp_bad(im, COL_A_MONTH, "%s", _("required (mm/yyyy)"));
        return -1;
    }
    if (date_parse_month(v, year, month, &e) < 0 ||
        attendance_month_ok(im->start_month, im->school_months, *year, *month, &e) < 0) {
        /* the core's "month: …" prefix is the column's name here */
        const char *key = _("month: ");
        size_t n = strlen(key);
        imp_bad(im, COL_A_MONTH, "%s", strncmp(e.msg, key, n) == 0 ? e.msg + n : e.msg);
        return -1;
    }
    return 0;
}

void imp_attendance_row(importer *im)
{
    int64_t child = child_of_row(im);
    int year = 0, month = 0;
    take_month(im, &year, &month);
    hd_att a = {.child_id = child, .consecutive = -1};
    imp_take_int(im, COL_A_SCHOOL_DAYS, &a.school_days, 1, 31);
    imp_take_int(im, COL_A_EXCUSED, &a.excused, 0, 31);
    imp_take_int(im, COL_A_UNEXCUSED, &a.unexcused, 0, 31);
    const char *run = imp_val(im, COL_A_CONSECUTIVE);
    if (run && *run)
        imp_take_int(im, COL_A_CONSECUTIVE, &a.consecutive, 0, 31);
    imp_take_bool(im, COL_A_REPEATING, &a.repeating);
    if (im->row_bad)
        return;
    if (!a.school_days) {
        imp_bad(im, COL_A_SCHOOL_DAYS, "%s", _("required"));
        return;
    }
    hd_att_field f;
    hd_err e;
    if (attendance_check(&a, date_days_in_month(year, month), &f, &e) < 0) {
        /* the message starts with the field's label: the column says it */
        const char *colon = strchr(e.msg, ':');
        imp_bad(im, field_col[f], "%s", colon ? colon + 2 : e.msg);
        return;
    }
    /* one row per pupil and month: the same twice would be a contradiction */
    size_t first = imp_seen_before(im, (child << 24) | (int64_t)(year * 12 + month - 1),
                                   im->line);
    if (first) {
        imp_bad(im, COL_COUNT, _("the same pupil and month as line %zu"), first);
        return;
    }
    int rc = attendance_put(im->db, year, month, &a, "import", &e);
    if (rc < 0)
        imp_bad(im, COL_COUNT, "%s", e.msg);
    else if (rc == 1)
        im->stats->added++;
    else if (rc == 2)
        im->stats->updated++;
    else
        im->stats->unchanged++;
}
