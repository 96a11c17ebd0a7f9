/* figures.c — headline figures from the status histories. */
#include "core/figures.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

#define IN_SCHOOL "('enrolled','at_risk','returned')"

/* Adds n to the figure at `offset` of the level named code, and of the total. */
static void add_to(hd_dashboard *d, const char *code, size_t offset, long n)
{
    int lv = code ? model_from_code(VOCAB_LEVEL, code) : -1;
    if (lv >= 0)
        *(long *)((char *)&d->level[lv] + offset) += n;
    *(long *)((char *)&d->total + offset) += n;
}

/* Runs sql (?1, ?2 bound to a, b) whose rows are (level code, count). */
static int per_level(hd_db *db, const char *sql, const char *a, const char *b,
                     hd_dashboard *d, size_t offset, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, sql);
    sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        add_to(d, (const char *)sqlite3_column_text(st, 0), offset,
               (long)sqlite3_column_int64(st, 1));
    db_finish(db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, "computing the figures");
}

/* Children in school on as_of, per level, into `enrolled_at_start`. */
static const char enrolled_sql[] =
    "SELECT c.level, count(*) FROM (SELECT child_id, status, max(date) FROM child_status"
    "  WHERE date <= ?1 GROUP BY child_id) s JOIN child c ON c.id = s.child_id"
    " WHERE s.status IN " IN_SCHOOL " AND c.archived = 0 AND c.level IS NOT NULL"
    " AND ?2 = ?2 GROUP BY c.level";

/* Stores the figures just computed, when this connection may write: a later
 * open finds them in enrolled_asof until the history before as_of changes. */
static void enrolled_store(hd_db *db, const char *as_of, const hd_dashboard *d)
{
    if (sqlite3_db_readonly(db_sql(db), "main") || db_write_begin(db, NULL) != 1)
        return;
    sqlite3_stmt *st = db_prepare(db, "INSERT OR REPLACE INTO enrolled_asof VALUES (?1, ?2, ?3)");
    int ok = 1;
    for (int lv = -1; lv < LEVEL_COUNT && ok; lv++) {
        sqlite3_bind_text(st, 1, as_of, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, lv < 0 ? "*" : model_code(VOCAB_LEVEL, lv), -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, lv < 0 ? d->total.enrolled_at_start
                                         : d->level[lv].enrolled_at_start);
        ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_reset(st);
    }
    db_finish(db, st);
    db_write_end(db, 1, ok, NULL);
}

/* *hit: whether the figures came from enrolled_asof. */
static int enrolled_at(hd_db *db, const char *as_of, hd_dashboard *d, int *hit, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT level, n FROM enrolled_asof WHERE as_of = ?1");
    sqlite3_bind_text(st, 1, as_of, -1, SQLITE_TRANSIENT);
    *hit = 0;
    hd_dashboard cached = {0};
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *lv = (const char *)sqlite3_column_text(st, 0);
        long n = (long)sqlite3_column_int64(st, 1);
        if (strcmp(lv, "*") == 0)
            *hit = 1;
        else
            add_to(&cached, lv, offsetof(hd_level_figures, enrolled_at_start), n);
    }
    db_finish(db, st);
    if (*hit) {
        for (int i = 0; i < LEVEL_COUNT; i++)
            d->level[i].enrolled_at_start = cached.level[i].enrolled_at_start;
        d->total.enrolled_at_start = cached.total.enrolled_at_start;
        return 0;
    }
    return per_level(db, enrolled_sql, as_of, "", d,
                     offsetof(hd_level_figures, enrolled_at_start), err);
}

/* Age bands of each level in the year the school year starts. */
static const char age_sql[] =
    "SELECT CASE WHEN ?1 - birth_year BETWEEN 6 AND 10 THEN 'primary'"
    "            WHEN ?1 - birth_year BETWEEN 11 AND 14 THEN 'lower_secondary'"
    "            WHEN ?1 - birth_year BETWEEN 15 AND 17 THEN 'upper_secondary' END AS lv,"
    " count(*) FROM child WHERE archived = 0 AND birth_year BETWEEN ?1 - 17 AND ?1 - 6"
    " AND ?2 = ?2 GROUP BY lv";

static const char drop_sql[] =
    /* CROSS JOIN: start from the few dropout entries of the period, never
     * from the 100,000 children */
    "SELECT c.level, count(DISTINCT c.id) FROM child_status s CROSS JOIN child c"
    " ON c.id = s.child_id WHERE s.status = 'dropped_out' AND s.date BETWEEN ?1 AND ?2"
    " AND c.archived = 0 AND c.level IS NOT NULL GROUP BY c.level";

static const char now_sql[] =
    "SELECT level, count(*) FROM child WHERE status IN " IN_SCHOOL
    " AND archived = 0 AND level IS NOT NULL AND ?1 = ?1 AND ?2 = ?2 GROUP BY level";

static const char risk_sql[] =
    "SELECT level, count(*) FROM child WHERE status = 'at_risk'"
    " AND archived = 0 AND level IS NOT NULL AND ?1 = ?1 AND ?2 = ?2 GROUP BY level";

static void rates(hd_dashboard *d)
{
    for (int i = 0; i < LEVEL_COUNT; i++) {
        hd_level_figures *f = &d->level[i];
        f->dropout_rate = f->enrolled_at_start ? 100.0 * f->dropped_out / f->enrolled_at_start : 0;
    }
    d->total.dropout_rate = d->total.enrolled_at_start
                                ? 100.0 * d->total.dropped_out / d->total.enrolled_at_start : 0;
}

static int compute(hd_db *db, const char *month_end, const char *year, hd_dashboard *d,
                   int *hit, hd_err *err)
{
    if (enrolled_at(db, month_end, d, hit, err) < 0 ||
        per_level(db, age_sql, year, "", d, offsetof(hd_level_figures, school_age), err) < 0 ||
        per_level(db, drop_sql, d->year_start, d->today, d,
                  offsetof(hd_level_figures, dropped_out), err) < 0 ||
        per_level(db, now_sql, "", "", d, offsetof(hd_level_figures, enrolled), err) < 0 ||
        per_level(db, risk_sql, "", "", d, offsetof(hd_level_figures, at_risk), err) < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db, "SELECT count(DISTINCT household_id) FROM child"
                                      " WHERE status = 'at_risk' AND archived = 0");
    if (sqlite3_step(st) == SQLITE_ROW)
        d->households_at_risk = (long)sqlite3_column_int64(st, 0);
    db_finish(db, st);
    st = db_prepare(db, "SELECT name FROM commune WHERE id = 1");
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(d->commune, sizeof d->commune, "%s", sqlite3_column_text(st, 0));
    db_finish(db, st);
    return 0;
}

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
    /* One read transaction: every figure from the same state. */
    if (db_exec(db, "BEGIN", err) < 0)
        return -1;
    int hit = 0;
    int rc = compute(db, month_end, year, d, &hit, err);
    sqlite3_exec(db_sql(db), "COMMIT", NULL, NULL, NULL);
    /* A first month not yet over is still moving: nothing to keep. */
    if (rc == 0 && !hit && strcmp(month_end, d->today) < 0)
        enrolled_store(db, month_end, d);
    rates(d);
    return rc;
}
