/* figures.c — headline figures from the status histories. */
#include "core/figures.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

/* Adds the count in column 1 to the figure of the level in column 0. */
static int per_level(hd_db *db, const char *sql, const char *a, const char *b,
                     hd_dashboard *d, size_t offset, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, sql);
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int lv = model_from_code(VOCAB_LEVEL, (const char *)sqlite3_column_text(st, 0));
        long n = (long)sqlite3_column_int64(st, 1);
        if (lv >= 0)
            *(long *)((char *)&d->level[lv] + offset) += n;
        *(long *)((char *)&d->total + offset) += n;
    }
    db_finish(db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, "computing the figures");
}

static const char in_school[] = "('enrolled','at_risk','returned')";

int figures_dashboard(hd_db *db, int start_month, hd_dashboard *d, hd_err *err)
{
    memset(d, 0, sizeof *d);
    hd_date today = date_today();
    d->school_year = date_school_year(today, start_month);
    hd_date start = {d->school_year, start_month, 1};
    hd_date first_month_end = {d->school_year, start_month,
                               date_days_in_month(d->school_year, start_month)};
    char month_end[11], year[8];
    date_iso(start, d->year_start);
    date_iso(today, d->today);
    date_iso(first_month_end, month_end);
    snprintf(year, sizeof year, "%d", d->school_year);
    if (db_exec(db, "BEGIN", err) < 0)
        return -1;
    char *now_sql = xasprintf(
        "SELECT level, sum(status IN %s), sum(status = 'at_risk') FROM child"
        " WHERE archived = 0 AND level IS NOT NULL GROUP BY level",
        in_school);
    char *start_sql = xasprintf(
        "SELECT c.level, count(*) FROM child c WHERE c.archived = 0 AND c.level IS NOT NULL"
        " AND (SELECT s.status FROM child_status s WHERE s.child_id = c.id AND s.date <= ?1"
        "      ORDER BY s.date DESC, s.id DESC LIMIT 1) IN %s AND ?2 = ?2 GROUP BY c.level",
        in_school);
    /* Age bands of each level in the year the school year starts. */
    static const char age_sql[] =
        "SELECT CASE WHEN ?1 - birth_year BETWEEN 6 AND 10 THEN 'primary'"
        "            WHEN ?1 - birth_year BETWEEN 11 AND 14 THEN 'lower_secondary'"
        "            WHEN ?1 - birth_year BETWEEN 15 AND 17 THEN 'upper_secondary' END AS lv,"
        " count(*) FROM child WHERE archived = 0 AND ?2 = ?2 AND lv IS NOT NULL GROUP BY lv";
    static const char drop_sql[] =
        "SELECT c.level, count(DISTINCT c.id) FROM child_status s JOIN child c"
        " ON c.id = s.child_id WHERE s.status = 'dropped_out' AND s.date BETWEEN ?1 AND ?2"
        " AND c.archived = 0 AND c.level IS NOT NULL GROUP BY c.level";
    int rc = per_level(db, start_sql, month_end, "", d, offsetof(hd_level_figures,
                       enrolled_at_start), err);
    if (rc == 0)
        rc = per_level(db, age_sql, year, "", d, offsetof(hd_level_figures, school_age), err);
    if (rc == 0)
        rc = per_level(db, drop_sql, d->year_start, d->today, d,
                       offsetof(hd_level_figures, dropped_out), err);
    if (rc == 0) {
        sqlite3_stmt *st = db_prepare(db, now_sql);
        while (sqlite3_step(st) == SQLITE_ROW) {
            int lv = model_from_code(VOCAB_LEVEL, (const char *)sqlite3_column_text(st, 0));
            long n = (long)sqlite3_column_int64(st, 1), r = (long)sqlite3_column_int64(st, 2);
            if (lv >= 0) {
                d->level[lv].enrolled += n;
                d->level[lv].at_risk += r;
            }
            d->total.enrolled += n;
            d->total.at_risk += r;
        }
        db_finish(db, st);
        st = db_prepare(db, "SELECT count(DISTINCT household_id) FROM child"
                            " WHERE status = 'at_risk' AND archived = 0");
        if (sqlite3_step(st) == SQLITE_ROW)
            d->households_at_risk = (long)sqlite3_column_int64(st, 0);
        db_finish(db, st);
    }
    free(now_sql);
    free(start_sql);
    sqlite3_exec(db_sql(db), "COMMIT", NULL, NULL, NULL);
    for (int i = 0; i < LEVEL_COUNT; i++) {
        hd_level_figures *f = &d->level[i];
        f->dropout_rate = f->enrolled_at_start ? 100.0 * f->dropped_out / f->enrolled_at_start : 0;
    }
    d->total.dropout_rate = d->total.enrolled_at_start
                                ? 100.0 * d->total.dropped_out / d->total.enrolled_at_start : 0;
    return rc;
}
