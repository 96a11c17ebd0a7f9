/* figures.c — headline figures from the status histories. */
#include "core/figures.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"

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
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("computing the figures"));
}

/* The start-of-year base: children in school on as_of, per level and per
 * village.  Computing it looks at every child's history, so it is kept in
 * enrolled_asof (keys: a level code, '*' for the total, 'v<id>' for a
 * village) until a history entry at or before as_of arrives. */
typedef struct base {
    long level[LEVEL_COUNT];
    long total;
    int64_t *village;    /* village ids (0: children with no household) */
    long *n;             /* their counts */
    size_t nv;
} base;

static void base_free(base *b)
{
    free(b->village);
    free(b->n);
    memset(b, 0, sizeof *b);
}

static void base_add_village(base *b, int64_t vid, long n)
{
    for (size_t i = 0; i < b->nv; i++)
        if (b->village[i] == vid) {
            b->n[i] += n;
            return;
        }
    b->village = xreallocarray(b->village, b->nv + 1, sizeof *b->village);
    b->n = xreallocarray(b->n, b->nv + 1, sizeof *b->n);
    b->village[b->nv] = vid;
    b->n[b->nv++] = n;
}

/* 1 when the cache held the base for as_of. */
static int base_read(hd_db *db, const char *as_of, base *b)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT level, n FROM enrolled_asof WHERE as_of = ?1");
    sqlite3_bind_text(st, 1, as_of, -1, SQLITE_TRANSIENT);
    int hit = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, 0);
        long n = (long)sqlite3_column_int64(st, 1);
        int lv = model_from_code(VOCAB_LEVEL, key);
        if (strcmp(key, "*") == 0) {
            hit = 1;
            b->total = n;
        } else if (key[0] == 'v') {
            base_add_village(b, strtoll(key + 1, NULL, 10), n);
        } else if (lv >= 0) {
            b->level[lv] = n;
        }
    }
    db_finish(db, st);
    return hit;
}

static int base_compute(hd_db *db, const char *as_of, base *b, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT coalesce(h.village_id, 0), c.level, count(*) FROM (SELECT child_id, status,"
        "  max(date) FROM child_status WHERE date <= ?1 GROUP BY child_id) s"
        " JOIN child c ON c.id = s.child_id LEFT JOIN household h ON h.id = c.household_id"
        " WHERE s.status IN " IN_SCHOOL " AND c.archived = 0 AND c.level IS NOT NULL"
        " GROUP BY 1, 2");
    sqlite3_bind_text(st, 1, as_of, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long n = (long)sqlite3_column_int64(st, 2);
        int lv = model_from_code(VOCAB_LEVEL, (const char *)sqlite3_column_text(st, 1));
        base_add_village(b, sqlite3_column_int64(st, 0), n);
        if (lv >= 0)
            b->level[lv] += n;
        b->total += n;
    }
    db_finish(db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("computing the figures"));
}

/* Keeps a computed base, when this connection may write. */
static void base_store(hd_db *db, const char *as_of, const base *b)
{
    if (sqlite3_db_readonly(db_sql(db), "main") || db_write_begin(db, NULL) != 1)
        return;
    sqlite3_stmt *st = db_prepare(db, "INSERT OR REPLACE INTO enrolled_asof VALUES (?1, ?2, ?3)");
    int ok = 1;
    char key[32];
    for (size_t i = 0; ok && i < LEVEL_COUNT + 1 + b->nv; i++) {
        long n;
        if (i < LEVEL_COUNT) {
            snprintf(key, sizeof key, "%s", model_code(VOCAB_LEVEL, (int)i));
            n = b->level[i];
        } else if (i == LEVEL_COUNT) {
            snprintf(key, sizeof key, "*");
            n = b->total;
        } else {
            snprintf(key, sizeof key, "v%lld", (long long)b->village[i - LEVEL_COUNT - 1]);
            n = b->n[i - LEVEL_COUNT - 1];
        }
        sqlite3_bind_text(st, 1, as_of, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, n);
        ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_reset(st);
    }
    db_finish(db, st);
    db_write_end(db, 1, ok, NULL);
}

/* The base for as_of, from the cache or computed (and then kept when the
 * date is past: a month still running moves). */
static int base_get(hd_db *db, const char *as_of, const char *today, base *b, hd_err *err)
{
    if (base_read(db, as_of, b))
        return 0;
    base_free(b);
    if (base_compute(db, as_of, b, err) < 0)
        return -1;
    if (strcmp(as_of, today) < 0)
        base_store(db, as_of, b);
    return 0;
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

static int compute(hd_db *db, const char *year, hd_dashboard *d, hd_err *err)
{
    if (per_level(db, age_sql, year, "", d, offsetof(hd_level_figures, school_age), err) < 0 ||
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

/* The school year's dates: its start, the end of its first month. */
static void year_dates(int start_month, hd_dashboard *d, char month_end[11])
{
    hd_date today = date_today();
    d->school_year = date_school_year(today, start_month);
    hd_date start = {d->school_year, start_month, 1};
    hd_date first_month_end = {d->school_year, start_month,
                               date_days_in_month(d->school_year, start_month)};
    date_iso(start, d->year_start);
    date_iso(today, d->today);
    date_iso(first_month_end, month_end);
}

int figures_dashboard(hd_db *db, int start_month, hd_dashboard *d, hd_err *err)
{
    memset(d, 0, sizeof *d);
    char month_end[11], year[8];
    year_dates(start_month, d, month_end);
    snprintf(year, sizeof year, "%d", d->school_year);
    base b = {0};
    /* the base first: it may write its cache, outside the read below */
    if (base_get(db, month_end, d->today, &b, err) < 0)
        return -1;
    for (int i = 0; i < LEVEL_COUNT; i++)
        d->level[i].enrolled_at_start = b.level[i];
    d->total.enrolled_at_start = b.total;
    base_free(&b);
    /* One read transaction: every other figure from the same state. */
    if (db_exec(db, "BEGIN", err) < 0)
        return -1;
    int rc = compute(db, year, d, err);
    sqlite3_exec(db_sql(db), "COMMIT", NULL, NULL, NULL);
    rates(d);
    return rc;
}

static hd_village_figures *village_of(hd_village_figures *v, int n, int64_t id)
{
    for (int i = 0; i < n; i++)
        if (v[i].id == id)
            return &v[i];
    return NULL;
}

/* The villages with their current counts, in order. */
static int village_rows(hd_db *db, hd_village_figures **out, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT v.id, v.name, count(c.id), coalesce(sum(c.status IN " IN_SCHOOL "), 0),"
        " coalesce(sum(c.status = 'at_risk'), 0) FROM village v"
        " LEFT JOIN household h ON h.village_id = v.id"
        " LEFT JOIN child c ON c.household_id = h.id AND c.archived = 0"
        " WHERE v.archived = 0 GROUP BY v.id ORDER BY v.sort_key, v.id");
    int n = 0, rc;
    hd_village_figures *v = NULL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        v = xreallocarray(v, (size_t)n + 1, sizeof *v);
        hd_village_figures *f = memset(&v[n++], 0, sizeof *v);
        f->id = sqlite3_column_int64(st, 0);
        snprintf(f->name, sizeof f->name, "%s", sqlite3_column_text(st, 1));
        f->children = (long)sqlite3_column_int64(st, 2);
        f->enrolled = (long)sqlite3_column_int64(st, 3);
        f->at_risk = (long)sqlite3_column_int64(st, 4);
    }
    db_finish(db, st);
    *out = v;
    if (rc != SQLITE_DONE) {
        free(v);
        *out = NULL;
        return db_fail(db, err, _("computing the figures"));
    }
    return n;
}

static int village_dropouts(hd_db *db, const hd_dashboard *d, hd_village_figures *v, int n,
                            hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT h.village_id, count(DISTINCT c.id) FROM child_status s CROSS JOIN child c"
        " ON c.id = s.child_id JOIN household h ON h.id = c.household_id"
        " WHERE s.status = 'dropped_out' AND s.date BETWEEN ?1 AND ?2 AND c.archived = 0"
        " GROUP BY h.village_id");
    sqlite3_bind_text(st, 1, d->year_start, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, d->today, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        hd_village_figures *f = village_of(v, n, sqlite3_column_int64(st, 0));
        if (f)
            f->dropped_out = (long)sqlite3_column_int64(st, 1);
    }
    db_finish(db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("computing the figures"));
}

int figures_villages(hd_db *db, int start_month, hd_village_figures **out, hd_err *err)
{
    hd_dashboard d;
    memset(&d, 0, sizeof d);
    char month_end[11];
    year_dates(start_month, &d, month_end);
    base b = {0};
    if (base_get(db, month_end, d.today, &b, err) < 0)
        return -1;
    if (db_exec(db, "BEGIN", err) < 0) {
        base_free(&b);
        return -1;
    }
    int n = village_rows(db, out, err);
    if (n >= 0 && village_dropouts(db, &d, *out, n, err) < 0) {
        free(*out);
        *out = NULL;
        n = -1;
    }
    sqlite3_exec(db_sql(db), "COMMIT", NULL, NULL, NULL);
    for (size_t i = 0; n > 0 && i < b.nv; i++) {
        hd_village_figures *f = village_of(*out, n, b.village[i]);
        if (f)
            f->enrolled_at_start = b.n[i];
    }
    for (int i = 0; i < n; i++)
        (*out)[i].dropout_rate = (*out)[i].enrolled_at_start
                                     ? 100.0 * (*out)[i].dropped_out / (*out)[i].enrolled_at_start
                                     : 0;
    base_free(&b);
    return n;
}
