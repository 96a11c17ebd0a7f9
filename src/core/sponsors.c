/* sponsors.c — sponsors' results (sponsors.h). */
#include "core/sponsors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"

void sponsor_rows_free(hd_sponsor_row *r, int n)
{
    for (int i = 0; r && i < n; i++) {
        free(r[i].member);
        free(r[i].child);
        free(r[i].village);
    }
    free(r);
}

#define STATUS_AT(d)                                                                   \
    "(SELECT s.status FROM child_status s WHERE s.child_id = k.child_id AND s.date <= " d \
    " ORDER BY s.date DESC, s.id DESC LIMIT 1)"
/* the first (dir ASC) or last (DESC) month with attendance in the span */
#define ATT(dir, what)                                                                   \
    "(SELECT " what " FROM attendance t WHERE t.child_id = k.child_id AND t.archived = 0"  \
    " AND t.month BETWEEN substr(k.f, 1, 7) AND substr(k.u, 1, 7)"                        \
    " ORDER BY t.month " dir " LIMIT 1)"
#define RATE "100.0 * (t.school_days - t.absent_excused - t.absent_unexcused) / t.school_days"

/* ?1 the school year's first day, ?2 the period's last day */
static const char sponsor_sql[] =
    "SELECT k.member_id, m.full_name, m.org, k.child_id, c.uid, c.full_name, c.birth_year,"
    " coalesce(v.name, ''), k.f, k.u,"
    /* at the start: the status that day, else the first one recorded in
     * the span (a child registered after the sponsorship began) */
    " coalesce(" STATUS_AT("k.f") ", (SELECT s.status FROM child_status s"
    "   WHERE s.child_id = k.child_id AND s.date <= k.u ORDER BY s.date, s.id LIMIT 1)),"
    " " STATUS_AT("k.u") ","
    " " ATT("ASC", "t.month") ", " ATT("ASC", RATE) ", " ATT("DESC", "t.month") ","
    " " ATT("DESC", RATE)
    " FROM (SELECT a.member_id, a.child_id, max(a.start_date, ?1) AS f,"
    "   min(coalesce(a.end_date, ?2), ?2) AS u FROM assignment a"
    "   WHERE a.role = 'sponsor' AND a.archived = 0 AND a.start_date <= ?2"
    "   AND (a.end_date IS NULL OR a.end_date >= ?1)) k"
    " JOIN member m ON m.id = k.member_id JOIN child c ON c.id = k.child_id"
    " LEFT JOIN household h ON h.id = c.household_id"
    " LEFT JOIN village v ON v.id = h.village_id"
    " WHERE c.archived = 0"
    " ORDER BY m.sort_key, m.id, c.sort_key, c.id, k.f LIMIT ?3";

static int status_code(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? model_from_code(VOCAB_STATUS, s) : -1;
}

static void text_at(sqlite3_stmt *st, int i, char *out, size_t n)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    snprintf(out, n, "%s", s ? s : "");
}

int sponsor_results(hd_db *db, const hd_config *cfg, int year, int month, int limit,
                    hd_sponsor_row **out, hd_err *err)
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
    char start[11], day[11];
    date_iso((hd_date){sy, cfg->school_year_start_month, 1}, start);
    date_iso(last, day);
    sqlite3_stmt *st = db_prepare(db, sponsor_sql);
    sqlite3_bind_text(st, 1, start, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
    hd_sponsor_row *r = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        r = xreallocarray(r, (size_t)n + 1, sizeof *r);
        hd_sponsor_row *x = memset(&r[n++], 0, sizeof *r);
        x->member_id = sqlite3_column_int64(st, 0);
        x->member = db_col_text(st, 1);
        x->org = model_from_code(VOCAB_ORG, (const char *)sqlite3_column_text(st, 2));
        x->child_id = sqlite3_column_int64(st, 3);
        text_at(st, 4, x->child_uid, sizeof x->child_uid);
        x->child = db_col_text(st, 5);
        x->birth_year = sqlite3_column_int(st, 6);
        x->village = db_col_text(st, 7);
        text_at(st, 8, x->from, sizeof x->from);
        text_at(st, 9, x->until, sizeof x->until);
        x->status_start = status_code(st, 10);
        x->status_end = status_code(st, 11);
        text_at(st, 12, x->att_start_month, sizeof x->att_start_month);
        x->att_start = sqlite3_column_double(st, 13);
        text_at(st, 14, x->att_end_month, sizeof x->att_end_month);
        x->att_end = sqlite3_column_double(st, 15);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        sponsor_rows_free(r, n);
        return db_fail(db, err, _("reading the sponsors' results"));
    }
    *out = r;
    return n;
}
