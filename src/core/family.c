/* family.c — the cultured-family review list (family.h). */
#include "core/family.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"

void family_rows_free(hd_family_row *r, int n)
{
    for (int i = 0; r && i < n; i++) {
        free(r[i].village);
        free(r[i].head);
        free(r[i].child);
    }
    free(r);
}

/* Every child of school age in a household, with its status on the day
 * (?1) and its attendance from the school year's first month (?2) to the
 * month (?3); ?4 the school year, ?5 the threshold in percent.  The rows
 * that qualify are kept by the outer WHERE. */
static const char review_sql[] =
    "SELECT * FROM (SELECT h.id, h.uid, coalesce(v.name, ''), h.head_name, c.id, c.uid,"
    "  c.full_name, c.birth_year, c.level IS NULL AS nolevel,"
    "  (SELECT s.status FROM child_status s WHERE s.child_id = c.id AND s.date <= ?1"
    "   ORDER BY s.date DESC, s.id DESC LIMIT 1) AS st,"
    "  (SELECT coalesce(sum(a.absent_excused + a.absent_unexcused), 0) FROM attendance a"
    "   WHERE a.child_id = c.id AND a.month BETWEEN ?2 AND ?3 AND a.archived = 0) AS ab,"
    "  (SELECT coalesce(sum(a.school_days), 0) FROM attendance a"
    "   WHERE a.child_id = c.id AND a.month BETWEEN ?2 AND ?3 AND a.archived = 0) AS sd,"
    "  v.sort_key AS vk, h.sort_key AS hk, c.sort_key AS ck"
    "  FROM child c JOIN household h ON h.id = c.household_id"
    "  LEFT JOIN village v ON v.id = h.village_id"
    "  WHERE c.archived = 0 AND h.archived = 0 AND ?4 - c.birth_year BETWEEN 6 AND 17)"
    " WHERE st IS NOT NULL AND st NOT IN ('transferred', 'moved_away', 'finished')"
    " AND (st = 'dropped_out' OR nolevel OR (sd > 0 AND ab * 100000 >= ?5 * sd))"
    " ORDER BY vk IS NULL, vk, hk, 1, ck, 5 LIMIT ?6";

int family_review(hd_db *db, const hd_config *cfg, int year, int month, int limit,
                  hd_family_row **out, hd_err *err)
{
    hd_date first = {year, month, 1};
    if (!date_valid(first))
        return hd_fail(err, _("month: %d-%02d is not a month"), year, month);
    hd_date last = {year, month, date_days_in_month(year, month)};
    if (date_cmp(last, date_today()) > 0)
        last = date_today();
    if (date_cmp(first, last) > 0)
        return hd_fail(err, _("month: %02d/%d has not started yet"), month, year);
    int sy = date_school_year(first, cfg->school_year_start_month);
    char day[11], from[8], to[8];
    date_iso(last, day);
    snprintf(from, sizeof from, "%04u-%02u", (unsigned)sy % 10000u,
             (unsigned)cfg->school_year_start_month % 100u);
    snprintf(to, sizeof to, "%04u-%02u", (unsigned)year % 10000u, (unsigned)month % 100u);
    sqlite3_stmt *st = db_prepare(db, review_sql);
    sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, to, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, sy);
    /* the threshold scaled as in the early-warning rule (whole numbers) */
    sqlite3_bind_int64(st, 5, (sqlite3_int64)(cfg->warn_limit[WRULE_CHRONIC_ABSENCE] * 1000 + 0.5));
    sqlite3_bind_int(st, 6, limit > 0 ? limit : -1);
    hd_family_row *r = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        r = xreallocarray(r, (size_t)n + 1, sizeof *r);
        hd_family_row *x = memset(&r[n++], 0, sizeof *r);
        x->household_id = sqlite3_column_int64(st, 0);
        snprintf(x->household_uid, sizeof x->household_uid, "%s", sqlite3_column_text(st, 1));
        x->village = db_col_text(st, 2);
        x->head = db_col_text(st, 3);
        x->child_id = sqlite3_column_int64(st, 4);
        snprintf(x->child_uid, sizeof x->child_uid, "%s", sqlite3_column_text(st, 5));
        x->child = db_col_text(st, 6);
        x->birth_year = sqlite3_column_int(st, 7);
        int nolevel = sqlite3_column_int(st, 8);
        const char *status = (const char *)sqlite3_column_text(st, 9);
        x->status = nolevel ? -1 : model_from_code(VOCAB_STATUS, status);
        x->not_in_school = nolevel || x->status == STATUS_DROPPED_OUT;
        x->absent = (long)sqlite3_column_int64(st, 10);
        x->days = (long)sqlite3_column_int64(st, 11);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        family_rows_free(r, n);
        return db_fail(db, err, _("reading the cultured-family review list"));
    }
    *out = r;
    return n;
}

char *family_reason(const hd_family_row *r)
{
    if (r->status < 0)
        return xstrdup(_("not in school (never enrolled)"));
    if (r->not_in_school)
        return xstrdup(_("not in school (dropped out)"));
    return xasprintf(_("absent %ld of %ld school days this year"), r->absent, r->days);
}
