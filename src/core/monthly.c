/* monthly.c — a month's figures from the dated histories (monthly.h;
 * definitions in docs/definitions.md). */
#include "core/monthly.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/backup.h"
#include "core/date.h"
#include "core/i18n.h"

static const char *const figure_names[MF_COUNT] = {
    "school_age", "enrolled_age", "mobilization_rate", "enrolled", "enrolled_at_start",
    "dropouts_month", "dropouts_year", "dropout_rate", "returned_month", "returned_year",
    "at_risk", "at_risk_assigned", "at_risk_visited", "at_risk_households",
    "households_assigned", "visits", "commitments", "commitments_active", "commitments_kept",
    "commitments_broken", "pupil_days", "days_present", "attendance_rate",
};

static const char *const figure_labels[MF_COUNT] = {
    N_("Children of school age"), N_("  of whom in school at that level"),
    N_("Mobilization rate"), N_("Enrolled (in school)"), N_("Enrolled at the year's start"),
    N_("Dropped out this month"), N_("Dropped out this school year"), N_("Dropout rate"),
    N_("Returned this month"), N_("Returned this school year"), N_("At risk"),
    N_("  of whom with someone assigned"), N_("  of whom visited recently"),
    N_("Households with a child at risk"), N_("  of which with someone assigned"),
    N_("Visits this month"), N_("Commitments signed this school year"),
    N_("  active"), N_("  kept"), N_("  broken"),
    N_("Pupil-days of school this month"), N_("  of which present"), N_("Attendance rate"),
};
_Static_assert(sizeof figure_labels / sizeof *figure_labels == MF_COUNT, "a label a figure");

const char *monthly_figure_label(int f)
{
    return f >= 0 && f < MF_COUNT ? _(figure_labels[f]) : "";
}

const char *monthly_figure_name(int f)
{
    return f >= 0 && f < MF_COUNT ? figure_names[f] : "";
}

const char *monthly_column_key(int c)
{
    if (c == MCOL_ALL)
        return "*";
    if (c == MCOL_MINORITY)
        return "minority";
    return model_code(VOCAB_LEVEL, c);
}

void monthly_free(hd_month *m)
{
    free(m->v);
    memset(m, 0, sizeof *m);
}

static hd_month_village *add_village(hd_month *m, int64_t id, const char *name)
{
    m->v = xreallocarray(m->v, (size_t)m->nv + 1, sizeof *m->v);
    hd_month_village *v = memset(&m->v[m->nv++], 0, sizeof *m->v);
    v->id = id;
    snprintf(v->name, sizeof v->name, "%s", name ? name : "");
    return v;
}

/* The village's index in m->v, or -1: children with no household count
 * for the commune only. */
static int village_index(const hd_month *m, int64_t id)
{
    for (int i = 1; id && i < m->nv; i++)
        if (m->v[i].id == id)
            return i;
    return -1;
}

static hd_month_village *village_of(hd_month *m, int64_t id)
{
    int i = village_index(m, id);
    return i < 0 ? NULL : &m->v[i];
}

/* What monthly_counted asks: the children adding to one cell. */
struct month_probe {
    int64_t village_id;     /* 0: the commune */
    int col, figure;
    int64_t child;          /* the child of the row being counted */
    int64_t *ids;
    int n;
};

/* Adds n to figure f of column c, for the village and for the commune. */
static void add(hd_month *m, hd_month_village *v, int c, int f, double n)
{
    m->v[0].col[c].v[f] += n;
    if (v)
        v->col[c].v[f] += n;
    struct month_probe *p = m->probe;
    if (p && n > 0 && f == p->figure && c == p->col && p->child &&
        (p->village_id == 0 || (v && v->id == p->village_id))) {
        p->ids = xreallocarray(p->ids, (size_t)p->n + 1, sizeof *p->ids);
        p->ids[p->n++] = p->child;
    }
}

static int villages(hd_db *db, hd_month *m, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT name FROM commune WHERE id = 1");
    add_village(m, 0, sqlite3_step(st) == SQLITE_ROW
                          ? (const char *)sqlite3_column_text(st, 0) : "");
    db_finish(db, st);
    st = db_prepare(db, "SELECT id, name FROM village WHERE archived = 0 ORDER BY sort_key, id");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        add_village(m, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1));
    db_finish(db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("computing the figures"));
}

/* The dates: ?1 the day, ?2 the school year's start, ?3 the month's start,
 * ?4 the start-of-year base date, ?5 the start of the visit interval. */
static int set_dates(const hd_config *cfg, int year, int month, hd_month *m, char since[11],
                     hd_err *err)
{
    hd_date today = date_today(), first = {year, month, 1};
    hd_date last = {year, month, date_days_in_month(year, month)};
    if (!date_valid(first))
        return hd_fail(err, _("month: %d-%02d is not a month"), year, month);
    if (date_cmp(first, today) > 0)
        return hd_fail(err, _("month: %02d/%d has not started yet"), month, year);
    if (date_cmp(last, today) > 0)
        last = today;
    int sm = cfg->school_year_start_month;
    m->year = year;
    m->month = month;
    m->school_year = date_school_year(first, sm);
    hd_date ys = {m->school_year, sm, 1};
    hd_date base = {m->school_year, sm, date_days_in_month(m->school_year, sm)};
    if (date_cmp(base, last) > 0)
        base = last;   /* never a figure from after the day */
    date_iso(first, m->month_start);
    date_iso(last, m->as_of);
    date_iso(ys, m->year_start);
    date_iso(base, m->base_date);
    date_iso(date_from_days(date_to_days(last) - cfg->visit_interval_days + 1), since);
    return 0;
}

static void bind_dates(sqlite3_stmt *st, const hd_month *m, const char *since)
{
    sqlite3_bind_text(st, 1, m->as_of, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, m->year_start, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, m->month_start, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, m->base_date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, since, -1, SQLITE_TRANSIENT);
}

#define STATUS_ON(d)                                                                 \
    "(SELECT s.status FROM child_status s WHERE s.child_id = c.id AND s.date <= " d \
    " ORDER BY s.date DESC, s.id DESC LIMIT 1)"
#define OPEN_ON "a.archived = 0 AND a.start_date <= ?1 AND (a.end_date IS NULL OR a.end_date > ?1)"

/* One row per child, by household, with what the figures need from its
 * history (each a range of the child_status_child index). */
static const char child_sql[] =
    "SELECT coalesce(h.village_id, 0), coalesce(c.household_id, 0), c.level, c.birth_year,"
    " c.ethnic_minority,"
    /* no status is dated after today: for the running month, the current one */
    " CASE WHEN ?1 >= ?6 THEN c.status ELSE " STATUS_ON("?1") " END, " STATUS_ON("?4") ","
    /* the year's entries in one range of the index: bits 1 dropped out in
     * the year, 2 in the month, 4 returned in the year, 8 in the month */
    " (SELECT coalesce(max(s.status = 'dropped_out') + 2 * max(s.status = 'dropped_out'"
    "   AND s.date >= ?3) + 4 * max(s.status = 'returned') + 8 * max(s.status = 'returned'"
    "   AND s.date >= ?3), 0) FROM child_status s WHERE s.child_id = c.id"
    "   AND s.date BETWEEN ?2 AND ?1), c.id"
    " FROM child c LEFT JOIN household h ON h.id = c.household_id"
    " WHERE c.archived = 0 ORDER BY 2";

/* The case work of a child at risk (?6) and its household (?7): asked for
 * those few children only, not for every row of child_sql. */
static const char casework_sql[] =
    "SELECT EXISTS (SELECT 1 FROM assignment a WHERE a.child_id = ?6 AND " OPEN_ON "),"
    " EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = ?7 AND " OPEN_ON "),"
    " EXISTS (SELECT 1 FROM visit v WHERE v.household_id = ?7 AND v.archived = 0"
    "   AND v.date BETWEEN ?5 AND ?1) AND ?2 = ?2 AND ?3 = ?3 AND ?4 = ?4";

static int in_school(const unsigned char *s)
{
    return s && (strcmp((const char *)s, "enrolled") == 0 ||
                 strcmp((const char *)s, "at_risk") == 0 ||
                 strcmp((const char *)s, "returned") == 0);
}

/* The level whose age band (in the year the school year starts) fits. */
static int age_level(int school_year, int birth_year)
{
    int age = school_year - birth_year;
    return age >= 6 && age <= 10    ? LEVEL_PRIMARY
           : age >= 11 && age <= 14 ? LEVEL_LOWER_SECONDARY
           : age >= 15 && age <= 17 ? LEVEL_UPPER_SECONDARY
                                    : -1;
}

/* Adds n to figure f in the child's columns: its level, all, minority. */
static void add_cols(hd_month *m, hd_month_village *v, int lv, int minority, int f, double n)
{
    if (lv >= 0)
        add(m, v, lv, f, n);
    add(m, v, MCOL_ALL, f, n);
    if (minority)
        add(m, v, MCOL_MINORITY, f, n);
}

/* A household's at-risk children seen so far (the rows come by household). */
typedef struct hh_acc {
    int64_t id;
    hd_month_village *v;
    int at_risk, assigned;
} hh_acc;

static void hh_flush(hd_month *m, hh_acc *h)
{
    if (m->probe)
        m->probe->child = 0;   /* household figures are not a child's */
    if (h->id && h->at_risk) {
        add(m, h->v, MCOL_ALL, MF_AT_RISK_HOUSEHOLDS, 1);
        add(m, h->v, MCOL_ALL, MF_HOUSEHOLDS_ASSIGNED, h->assigned);
    }
    h->at_risk = 0;
}

/* Whether the child (id) is assigned, and its household (hid) assigned
 * and visited: out[0..2]. */
static void casework_of(sqlite3_stmt *cw, int64_t id, int64_t hid, int out[3])
{
    sqlite3_bind_int64(cw, 6, id);
    sqlite3_bind_int64(cw, 7, hid);
    int row = sqlite3_step(cw) == SQLITE_ROW;
    for (int i = 0; i < 3; i++)
        out[i] = row && sqlite3_column_int(cw, i);
    sqlite3_reset(cw);
}

static void child_row(hd_month *m, sqlite3_stmt *st, sqlite3_stmt *cw, hh_acc *h)
{
    hd_month_village *v = village_of(m, sqlite3_column_int64(st, 0));
    int64_t hid = sqlite3_column_int64(st, 1);
    const char *code = (const char *)sqlite3_column_text(st, 2);
    int lv = code ? model_from_code(VOCAB_LEVEL, code) : -1;
    int band = age_level(m->school_year, sqlite3_column_int(st, 3));
    int em = sqlite3_column_int(st, 4);
    const unsigned char *now = sqlite3_column_text(st, 5);
    if (hid != h->id) {
        hh_flush(m, h);
        *h = (hh_acc){hid, v, 0, 0};
    }
    if (m->probe)
        m->probe->child = sqlite3_column_int64(st, 8);
    if (band >= 0) {
        add_cols(m, v, band, em, MF_SCHOOL_AGE, 1);
        add_cols(m, v, band, em, MF_ENROLLED_AGE, in_school(now) && lv == band);
    }
    if (lv < 0)
        return;   /* no level: not a pupil (as on the home screen) */
    int risk = now && strcmp((const char *)now, "at_risk") == 0;
    add_cols(m, v, lv, em, MF_ENROLLED, in_school(now));
    add_cols(m, v, lv, em, MF_ENROLLED_AT_START, in_school(sqlite3_column_text(st, 6)));
    int entries = sqlite3_column_int(st, 7);
    add_cols(m, v, lv, em, MF_DROPOUTS_YEAR, (entries & 1) != 0);
    add_cols(m, v, lv, em, MF_DROPOUTS_MONTH, (entries & 2) != 0);
    add_cols(m, v, lv, em, MF_RETURNED_YEAR, (entries & 4) != 0);
    add_cols(m, v, lv, em, MF_RETURNED_MONTH, (entries & 8) != 0);
    add_cols(m, v, lv, em, MF_AT_RISK, risk);
    if (!risk)
        return;
    int cw_of[3];
    casework_of(cw, sqlite3_column_int64(st, 8), hid, cw_of);
    add_cols(m, v, lv, em, MF_AT_RISK_ASSIGNED, cw_of[0] || cw_of[1]);
    add_cols(m, v, lv, em, MF_AT_RISK_VISITED, cw_of[2]);
    h->at_risk = 1;
    h->assigned = cw_of[1];
}

static int children(hd_db *db, hd_month *m, const char *since, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, child_sql), *cw = db_prepare(db, casework_sql);
    bind_dates(st, m, since);
    bind_dates(cw, m, since);
    char today[11];
    date_iso(date_today(), today);
    sqlite3_bind_text(st, 6, today, -1, SQLITE_TRANSIENT);
    hh_acc h = {0};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        child_row(m, st, cw, &h);
    hh_flush(m, &h);
    db_finish(db, cw);
    db_finish(db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("computing the figures"));
}

/* Runs sql (the dates bound) whose rows are (village id, figure index, n)
 * and adds them to the all-levels column. */
static int per_village(hd_db *db, hd_month *m, const char *sql, const char *since, hd_err *err)
{
    if (m->probe)
        m->probe->child = 0;
    sqlite3_stmt *st = db_prepare(db, sql);
    bind_dates(st, m, since);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int f = sqlite3_column_int(st, 1);
        if (f >= 0 && f < MF_COUNT)
            add(m, village_of(m, sqlite3_column_int64(st, 0)), MCOL_ALL, f,
                (double)sqlite3_column_int64(st, 2));
    }
    db_finish(db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("computing the figures"));
}

static const char visit_sql[] =
    "SELECT h.village_id, 15, count(*) FROM visit v JOIN household h ON h.id = v.household_id"
    " WHERE v.archived = 0 AND v.date BETWEEN ?3 AND ?1 AND ?2 = ?2 AND ?4 = ?4 AND ?5 = ?5"
    " GROUP BY 1";

/* Each commitment signed in the school year by its status on the day (the
 * latest event on or before it); withdrawn ones are left out. */
static const char commit_sql[] =
    "SELECT village_id, f, count(*) FROM (SELECT h.village_id,"
    "  (SELECT e.status FROM commitment_event e WHERE e.commitment_id = k.id AND e.date <= ?1"
    "   ORDER BY e.date DESC, e.id DESC LIMIT 1) AS st"
    "  FROM commitment k JOIN household h ON h.id = k.household_id"
    "  WHERE k.archived = 0 AND k.signed_date BETWEEN ?2 AND ?1 AND ?3 = ?3 AND ?4 = ?4"
    "  AND ?5 = ?5), (SELECT 16 AS f UNION ALL SELECT 17 UNION ALL SELECT 18 UNION ALL"
    "  SELECT 19) WHERE coalesce(st, 'active') <> 'withdrawn'"
    "  AND (f = 16 OR (f = 17 AND coalesce(st, 'active') = 'active')"
    "       OR (f = 18 AND st = 'kept') OR (f = 19 AND st = 'broken'))"
    " GROUP BY 1, 2";

_Static_assert(MF_VISITS == 15 && MF_COMMITMENTS == 16 && MF_COMMITMENTS_ACTIVE == 17 &&
                   MF_COMMITMENTS_KEPT == 18 && MF_COMMITMENTS_BROKEN == 19,
               "figure numbers in visit_sql and commit_sql");

/* The month's attendance by village, level and ethnic minority (?3 is the
 * month's first day: its first seven characters are the month). */
static const char attendance_sql[] =
    "SELECT coalesce(h.village_id, 0), c.level, c.ethnic_minority, sum(a.school_days),"
    " sum(a.school_days - a.absent_excused - a.absent_unexcused)"
    " FROM attendance a JOIN child c ON c.id = a.child_id"
    " LEFT JOIN household h ON h.id = c.household_id"
    " WHERE a.month = substr(?3, 1, 7) AND a.archived = 0 AND c.archived = 0"
    " AND ?1 = ?1 AND ?2 = ?2 AND ?4 = ?4 AND ?5 = ?5"
    " GROUP BY 1, 2, 3";

static int attendance(hd_db *db, hd_month *m, const char *since, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, attendance_sql);
    bind_dates(st, m, since);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        hd_month_village *v = village_of(m, sqlite3_column_int64(st, 0));
        const char *code = (const char *)sqlite3_column_text(st, 1);
        int lv = code ? model_from_code(VOCAB_LEVEL, code) : -1;
        int em = sqlite3_column_int(st, 2);
        add_cols(m, v, lv, em, MF_PUPIL_DAYS, (double)sqlite3_column_int64(st, 3));
        add_cols(m, v, lv, em, MF_DAYS_PRESENT, (double)sqlite3_column_int64(st, 4));
    }
    db_finish(db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("computing the figures"));
}

static double ratio(double a, double b)
{
    return b > 0 ? 100.0 * a / b : NAN;
}

static void rates(hd_month *m)
{
    for (int i = 0; i < m->nv; i++)
        for (int c = 0; c < MCOL_COUNT; c++) {
            double *v = m->v[i].col[c].v;
            v[MF_MOBILIZATION_RATE] = ratio(v[MF_ENROLLED_AGE], v[MF_SCHOOL_AGE]);
            v[MF_DROPOUT_RATE] = ratio(v[MF_DROPOUTS_YEAR], v[MF_ENROLLED_AT_START]);
            v[MF_ATTENDANCE_RATE] = ratio(v[MF_DAYS_PRESENT], v[MF_PUPIL_DAYS]);
        }
}

static int compute(hd_db *db, hd_month *m, const char *since, hd_err *err)
{
    if (villages(db, m, err) < 0 || children(db, m, since, err) < 0 ||
        per_village(db, m, visit_sql, since, err) < 0 ||
        per_village(db, m, commit_sql, since, err) < 0 || attendance(db, m, since, err) < 0)
        return -1;
    rates(m);
    return 0;
}

int monthly_figures(hd_db *db, const hd_config *cfg, int year, int month, hd_month *out,
                    hd_err *err)
{
    memset(out, 0, sizeof *out);
    char since[11];
    if (set_dates(cfg, year, month, out, since, err) < 0)
        return -1;
    /* One read transaction (or the caller's): every figure from one state. */
    int own = sqlite3_get_autocommit(db_sql(db));
    if (own && db_exec(db, "BEGIN", err) < 0)
        return -1;
    int rc = compute(db, out, since, err);
    if (own)
        sqlite3_exec(db_sql(db), "COMMIT", NULL, NULL, NULL);
    if (rc < 0)
        monthly_free(out);
    return rc;
}

/* ---- the trend over the school year ---------------------------------------- */

/* Each pupil's first dropout of the school year up to the day, with its
 * village: the same children as MF_DROPOUTS_YEAR counts. */
static const char trend_sql[] =
    "SELECT coalesce(h.village_id, 0), min(s.date) FROM child_status s"
    " JOIN child c ON c.id = s.child_id LEFT JOIN household h ON h.id = c.household_id"
    " WHERE s.status = 'dropped_out' AND s.date BETWEEN ?1 AND ?2 AND c.archived = 0"
    " AND c.level IS NOT NULL AND c.level <> '' GROUP BY c.id";

int monthly_dropout_trend(hd_db *db, const hd_config *cfg, const hd_month *m, double *rates,
                          int *nmonths, hd_err *err)
{
    /* from the config, not m->year_start: a snapshot does not keep it */
    int sm = cfg->school_year_start_month;
    hd_date ys = {date_school_year((hd_date){m->year, m->month, 1}, sm), sm, 1};
    char ys_iso[11];
    date_iso(ys, ys_iso);
    int n = (m->year * 12 + m->month) - (ys.year * 12 + ys.month) + 1;
    if (n < 1 || n > MONTHLY_TREND_MAX)
        return hd_fail(err, "%s", _("computing the figures"));
    double *count = xcalloc((size_t)m->nv * MONTHLY_TREND_MAX, sizeof *count);
    sqlite3_stmt *st = db_prepare(db, trend_sql);
    sqlite3_bind_text(st, 1, ys_iso, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, m->as_of, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        hd_date d;
        if (date_parse((const char *)sqlite3_column_text(st, 1), &d, NULL) != 0)
            continue;
        int k = (d.year * 12 + d.month) - (ys.year * 12 + ys.month);
        int v = village_index(m, sqlite3_column_int64(st, 0));
        count[k]++;
        if (v > 0)
            count[v * MONTHLY_TREND_MAX + k]++;
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        free(count);
        return db_fail(db, err, _("computing the figures"));
    }
    for (int i = 0; i < m->nv; i++) {
        double run = 0, base = m->v[i].col[MCOL_ALL].v[MF_ENROLLED_AT_START];
        for (int k = 0; k < n; k++) {
            run += count[i * MONTHLY_TREND_MAX + k];
            rates[i * MONTHLY_TREND_MAX + k] = ratio(run, base);
        }
    }
    free(count);
    *nmonths = n;
    return 0;
}

/* ---- measures and ratings ------------------------------------------------ */

static int level_suffix(const char *measure, const char *base)
{
    size_t n = strlen(base);
    if (strncmp(measure, base, n) != 0)
        return -2;
    if (!measure[n])
        return MCOL_ALL;
    return measure[n] == '.' ? model_from_code(VOCAB_LEVEL, measure + n + 1) : -2;
}

/* 0 with *out, or 1 when the rate has no denominator. */
static int rate_of(double a, double b, double *out)
{
    *out = ratio(a, b);
    return isnan(*out) ? 1 : 0;
}

int monthly_measure(const hd_month_village *v, const char *measure, double *value)
{
    const double *all = v->col[MCOL_ALL].v;
    int c;
    if ((c = level_suffix(measure, "dropout_rate")) >= 0)
        return rate_of(v->col[c].v[MF_DROPOUTS_YEAR], v->col[c].v[MF_ENROLLED_AT_START], value);
    if ((c = level_suffix(measure, "mobilization_rate")) >= 0)
        return rate_of(v->col[c].v[MF_ENROLLED_AGE], v->col[c].v[MF_SCHOOL_AGE], value);
    if (strcmp(measure, "at_risk_assigned_rate") == 0)
        return rate_of(all[MF_AT_RISK_ASSIGNED], all[MF_AT_RISK], value);
    if (strcmp(measure, "at_risk_visited_rate") == 0)
        return rate_of(all[MF_AT_RISK_VISITED], all[MF_AT_RISK], value);
    if (strcmp(measure, "commitments_kept_rate") == 0)
        return rate_of(all[MF_COMMITMENTS_KEPT], all[MF_COMMITMENTS], value);
    if ((c = level_suffix(measure, "attendance_rate")) >= 0)
        return rate_of(v->col[c].v[MF_DAYS_PRESENT], v->col[c].v[MF_PUPIL_DAYS], value);
    if (strcmp(measure, "dropouts") == 0) {
        *value = all[MF_DROPOUTS_YEAR];
        return 0;
    }
    return -1;
}

static int fires(const hd_rule *r, const hd_month_village *v)
{
    double x;
    if (monthly_measure(v, r->measure, &x) != 0)
        return 0;
    /* rounded past the last digit that matters, so that 7 of 2,000
     * (0.35000000000000003 in binary) is not "above 0.35" */
    double a = round(x * 1e6) / 1e6, b = round(r->value * 1e6) / 1e6;
    return strcmp(r->op, "<") == 0    ? a < b
           : strcmp(r->op, "<=") == 0 ? a <= b
           : strcmp(r->op, ">") == 0  ? a > b
                                      : a >= b;
}

static void rate_one(const hd_config *cfg, const hd_month_village *v, hd_month_rating *r)
{
    memset(r, 0, sizeof *r);
    r->village_id = v->id;
    snprintf(r->village, sizeof r->village, "%s", v->name);
    int worst = (int)cfg->n_ratings - 1;
    for (size_t i = 0; i < cfg->n_rules; i++)
        if (fires(&cfg->rules[i], v) && cfg->rules[i].max_rating > r->rating)
            r->rating = cfg->rules[i].max_rating > worst ? worst : cfg->rules[i].max_rating;
    /* the deciding rules: those that cap at the rating given */
    for (size_t i = 0; r->rating > 0 && i < cfg->n_rules; i++) {
        const hd_rule *u = &cfg->rules[i];
        int cap = u->max_rating > worst ? worst : u->max_rating;
        if (cap == r->rating && fires(u, v)) {
            size_t n = strlen(r->rules);
            snprintf(r->rules + n, sizeof r->rules - n, "%s%s", n ? ", " : "", u->name);
        }
    }
    snprintf(r->rating_name, sizeof r->rating_name, "%s", cfg->ratings[r->rating]);
}

int monthly_rate_branches(const hd_config *cfg, const hd_month *m, hd_month_rating **out)
{
    int n = m->nv > 1 ? m->nv - 1 : 0;
    *out = xcalloc((size_t)n + 1, sizeof **out);
    for (int i = 0; i < n; i++)
        rate_one(cfg, &m->v[i + 1], &(*out)[i]);
    return n;
}

/* ---- closed months ---------------------------------------------------------- */

static int step_done(hd_db *db, sqlite3_stmt *st, hd_err *err)
{
    int rc = sqlite3_step(st);
    db_finish(db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("closing the month"));
}

static int store_figures(hd_db *db, int64_t sid, const hd_month *m, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO month_figure VALUES (?1, ?2, ?3, ?4, ?5)");
    int rc = SQLITE_DONE;
    for (int i = 0; rc == SQLITE_DONE && i < m->nv; i++)
        for (int c = 0; rc == SQLITE_DONE && c < MCOL_COUNT; c++)
            for (int f = 0; rc == SQLITE_DONE && f < MF_COUNT; f++) {
                double x = m->v[i].col[c].v[f];
                sqlite3_bind_int64(st, 1, sid);
                sqlite3_bind_int64(st, 2, m->v[i].id);
                sqlite3_bind_text(st, 3, monthly_column_key(c), -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 4, figure_names[f], -1, SQLITE_STATIC);
                if (isnan(x))
                    sqlite3_bind_null(st, 5);
                else
                    sqlite3_bind_double(st, 5, x);
                rc = sqlite3_step(st);
                sqlite3_reset(st);
            }
    db_finish(db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("closing the month"));
}

static int store_ratings(hd_db *db, int64_t sid, const hd_month_rating *r, int n, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO month_rating(snapshot_id, village_id, seq,"
                                      " village_name, rating, rating_name, rules)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    int rc = SQLITE_DONE;
    for (int i = 0; rc == SQLITE_DONE && i < n; i++) {
        sqlite3_bind_int64(st, 1, sid);
        sqlite3_bind_int64(st, 2, r[i].village_id);
        sqlite3_bind_int(st, 3, i + 1);
        sqlite3_bind_text(st, 4, r[i].village, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 5, r[i].rating);
        sqlite3_bind_text(st, 6, r[i].rating_name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, r[i].rules, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
    }
    db_finish(db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("closing the month"));
}

/* The version in force: its number (0 when the month is open). */
static int current_version(hd_db *db, int year, int month)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(max(number), 0) FROM month_snapshot"
                                      " WHERE year = ?1 AND month = ?2 AND status = 'closed'");
    sqlite3_bind_int(st, 1, year);
    sqlite3_bind_int(st, 2, month);
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    db_finish(db, st);
    return n;
}

/* Supersedes the version in force and adds the next one; its id or -1. */
static int64_t new_version(hd_db *db, const hd_month *m, int prev, const char *reason,
                           hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, "UPDATE month_snapshot SET status = 'superseded'"
                                      " WHERE year = ?1 AND month = ?2 AND status = 'closed'");
    sqlite3_bind_int(st, 1, m->year);
    sqlite3_bind_int(st, 2, m->month);
    char uid[32];
    if (step_done(db, st, err) < 0 || db_new_uid(db, 'B', uid, err) < 0)
        return -1;
    st = db_prepare(db, "INSERT INTO month_snapshot(uid, year, month, number, as_of, closed_by,"
                        " reason) VALUES (?1, ?2, ?3, (SELECT coalesce(max(number), 0) + 1"
                        " FROM month_snapshot WHERE year = ?2 AND month = ?3), ?4, hd_actor(), ?5)");
    sqlite3_bind_text(st, 1, uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, m->year);
    sqlite3_bind_int(st, 3, m->month);
    sqlite3_bind_text(st, 4, m->as_of, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, prev ? reason : "", -1, SQLITE_TRANSIENT);
    if (step_done(db, st, err) < 0)
        return -1;
    return sqlite3_last_insert_rowid(db_sql(db));
}

/* A month closed already is closed again only with a reason; the version in
 * force, or -1 with the message. */
static int check_reason(hd_db *db, int year, int month, const char *reason, hd_err *err)
{
    int prev = current_version(db, year, month);
    if (prev && (!reason || !*reason))
        return hd_fail(err, _("%02d/%d is already closed (version %d): give a reason to "
                              "correct it, and both versions are kept"), month, year, prev);
    return prev;
}

static int close_in(hd_db *db, const hd_config *cfg, int year, int month, const char *reason,
                    hd_err *err)
{
    int prev = check_reason(db, year, month, reason, err);
    if (prev < 0)
        return -1;
    hd_month m;
    if (monthly_figures(db, cfg, year, month, &m, err) < 0)
        return -1;
    hd_month_rating *r = NULL;
    int nr = monthly_rate_branches(cfg, &m, &r);
    int64_t sid = new_version(db, &m, prev, reason, err);
    int rc = sid < 0 || store_figures(db, sid, &m, err) < 0 ||
                     store_ratings(db, sid, r, nr, err) < 0 ? -1 : prev + 1;
    free(r);
    monthly_free(&m);
    return rc;
}

int monthly_close(hd_db *db, const hd_config *cfg, int year, int month, const char *reason,
                  hd_err *err)
{
    if (authz_check(db, PERM_MONTH, 0, err) < 0)
        return -1;
    /* A copy before the close, like before an import (backup_policy_set);
     * none for a close refused anyway (checked again inside the write) */
    if (check_reason(db, year, month, reason, err) < 0)
        return -1;
    char why[32];
    snprintf(why, sizeof why, "close-%04d-%02d", year, month);
    if (backup_before(db, why, err) < 0)
        return -1;
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    int rc = close_in(db, cfg, year, month, reason, err);
    if (db_write_end(db, tok, rc > 0, rc > 0 ? err : NULL) < 0)
        return -1;
    return rc;
}

static int col_of_key(const char *key)
{
    for (int c = 0; c < MCOL_COUNT; c++)
        if (strcmp(monthly_column_key(c), key) == 0)
            return c;
    return -1;
}

static int fig_of_name(const char *name)
{
    for (int f = 0; f < MF_COUNT; f++)
        if (strcmp(figure_names[f], name) == 0)
            return f;
    return -1;
}

/* The villages (from the ratings, in their order then) and the commune. */
static void read_villages(hd_db *db, hd_month_snapshot *s)
{
    hd_month *m = &s->figures;
    sqlite3_stmt *st = db_prepare(db, "SELECT name FROM commune WHERE id = 1");
    add_village(m, 0, sqlite3_step(st) == SQLITE_ROW
                          ? (const char *)sqlite3_column_text(st, 0) : "");
    db_finish(db, st);
    st = db_prepare(db, "SELECT village_id, village_name, rating, rating_name, rules"
                        " FROM month_rating WHERE snapshot_id = ?1 ORDER BY seq");
    sqlite3_bind_int64(st, 1, s->id);
    while (sqlite3_step(st) == SQLITE_ROW) {
        hd_month_village *v = add_village(m, sqlite3_column_int64(st, 0),
                                          (const char *)sqlite3_column_text(st, 1));
        s->ratings = xreallocarray(s->ratings, (size_t)s->n_ratings + 1, sizeof *s->ratings);
        hd_month_rating *r = memset(&s->ratings[s->n_ratings++], 0, sizeof *s->ratings);
        r->village_id = v->id;
        snprintf(r->village, sizeof r->village, "%s", v->name);
        r->rating = sqlite3_column_int(st, 2);
        snprintf(r->rating_name, sizeof r->rating_name, "%s", sqlite3_column_text(st, 3));
        snprintf(r->rules, sizeof r->rules, "%s", sqlite3_column_text(st, 4));
    }
    db_finish(db, st);
}

static void read_figures(hd_db *db, hd_month_snapshot *s)
{
    hd_month *m = &s->figures;
    for (int i = 0; i < m->nv; i++)
        for (int c = 0; c < MCOL_COUNT; c++)
            for (int f = 0; f < MF_COUNT; f++)
                m->v[i].col[c].v[f] = NAN;   /* a figure not stored is not known */
    sqlite3_stmt *st = db_prepare(db, "SELECT village_id, level, figure, value FROM month_figure"
                                      " WHERE snapshot_id = ?1");
    sqlite3_bind_int64(st, 1, s->id);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int64_t vid = sqlite3_column_int64(st, 0);
        hd_month_village *v = vid ? village_of(m, vid) : &m->v[0];
        int c = col_of_key((const char *)sqlite3_column_text(st, 1));
        int f = fig_of_name((const char *)sqlite3_column_text(st, 2));
        if (v && c >= 0 && f >= 0 && sqlite3_column_type(st, 3) != SQLITE_NULL)
            v->col[c].v[f] = sqlite3_column_double(st, 3);
    }
    db_finish(db, st);
}

static int read_head(hd_db *db, int year, int month, int number, hd_month_snapshot *s)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT id, uid, number, as_of, closed_at, closed_by, reason, status = 'superseded'"
        " FROM month_snapshot WHERE year = ?1 AND month = ?2"
        " AND (?3 = 0 AND status = 'closed' OR number = ?3)");
    sqlite3_bind_int(st, 1, year);
    sqlite3_bind_int(st, 2, month);
    sqlite3_bind_int(st, 3, number);
    int found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        s->id = sqlite3_column_int64(st, 0);
        snprintf(s->uid, sizeof s->uid, "%s", sqlite3_column_text(st, 1));
        s->number = sqlite3_column_int(st, 2);
        snprintf(s->figures.as_of, sizeof s->figures.as_of, "%s", sqlite3_column_text(st, 3));
        snprintf(s->closed_at, sizeof s->closed_at, "%s", sqlite3_column_text(st, 4));
        snprintf(s->closed_by, sizeof s->closed_by, "%s", sqlite3_column_text(st, 5));
        s->reason = db_col_text(st, 6);
        s->superseded = sqlite3_column_int(st, 7);
        s->figures.year = year;
        s->figures.month = month;
    }
    db_finish(db, st);
    return found;
}

int monthly_snapshot_get(hd_db *db, int year, int month, int number, hd_month_snapshot *out,
                         hd_err *err)
{
    memset(out, 0, sizeof *out);
    if (db_exec(db, "BEGIN", err) < 0)
        return -1;
    int found = read_head(db, year, month, number, out);
    if (found) {
        read_villages(db, out);
        read_figures(db, out);
    }
    sqlite3_exec(db_sql(db), "COMMIT", NULL, NULL, NULL);
    return found ? 0 : 1;
}

void monthly_snapshot_free(hd_month_snapshot *s)
{
    free(s->reason);
    free(s->ratings);
    monthly_free(&s->figures);
    memset(s, 0, sizeof *s);
}

/* ---- a month as the committee sees it ------------------------------------------- */

int monthly_view_load(hd_db *db, const hd_config *cfg, int year, int month, hd_month_view *md,
                      hd_err *err)
{
    memset(md, 0, sizeof *md);
    int rc = monthly_snapshot_get(db, year, month, 0, &md->snap, err);
    if (rc < 0)
        return -1;
    if (rc == 0) {
        md->closed = md->snap.number;
        md->m = &md->snap.figures;
        md->ratings = md->snap.ratings;
        md->nratings = md->snap.n_ratings;
        return 0;
    }
    if (monthly_figures(db, cfg, year, month, &md->live, err) < 0)
        return -1;
    md->live_n = monthly_rate_branches(cfg, &md->live, &md->live_ratings);
    md->m = &md->live;
    md->ratings = md->live_ratings;
    md->nratings = md->live_n;
    return 0;
}

void monthly_view_free(hd_month_view *md)
{
    if (md->closed)
        monthly_snapshot_free(&md->snap);
    else {
        monthly_free(&md->live);
        free(md->live_ratings);
    }
    memset(md, 0, sizeof *md);
}

/* ---- the children behind a figure ------------------------------------------------- */

int monthly_figure_by_name(const char *name)
{
    for (int f = 0; name && f < MF_COUNT; f++)
        if (strcmp(figure_names[f], name) == 0)
            return f;
    return -1;
}

static int counted_cmp(const void *a, const void *b)
{
    const hd_counted_child *x = a, *y = b;
    int c = strcmp(x->sort, y->sort);
    return c ? c : (x->id > y->id) - (x->id < y->id);
}

int monthly_counted(hd_db *db, const hd_config *cfg, int year, int month, int64_t village_id,
                    int col, int figure, hd_counted_child **out, hd_err *err)
{
    *out = NULL;
    if (figure < 0 || figure > MF_AT_RISK_VISITED || figure == MF_MOBILIZATION_RATE ||
        figure == MF_DROPOUT_RATE)
        return hd_fail(err, _("figure: '%s' does not count children"),
                       figure >= 0 && figure < MF_COUNT ? figure_names[figure] : "?");
    if (col < 0 || col >= MCOL_COUNT)
        return hd_fail(err, "%s", _("computing the figures"));
    struct month_probe probe = {.village_id = village_id, .col = col, .figure = figure};
    hd_month m;
    memset(&m, 0, sizeof m);
    char since[11];
    if (set_dates(cfg, year, month, &m, since, err) < 0)
        return -1;
    m.probe = &probe;
    int own = sqlite3_get_autocommit(db_sql(db));
    if (own && db_exec(db, "BEGIN", err) < 0)
        return -1;
    int rc = villages(db, &m, err) < 0 || children(db, &m, since, err) < 0 ? -1 : 0;
    hd_counted_child *c = NULL;
    if (rc == 0 && probe.n > 0) {
        c = xcalloc((size_t)probe.n, sizeof *c);
        sqlite3_stmt *st = db_prepare(db,
            "SELECT c.uid, c.full_name, coalesce(v.name, ''), c.class_name,"
            " coalesce(v.sort_key, '~') || char(1) || c.sort_key FROM child c"
            " LEFT JOIN household h ON h.id = c.household_id"
            " LEFT JOIN village v ON v.id = h.village_id WHERE c.id = ?1");
        for (int i = 0; i < probe.n; i++) {
            sqlite3_bind_int64(st, 1, probe.ids[i]);
            c[i].id = probe.ids[i];
            if (sqlite3_step(st) == SQLITE_ROW) {
                snprintf(c[i].uid, sizeof c[i].uid, "%s", sqlite3_column_text(st, 0));
                c[i].name = db_col_text(st, 1);
                c[i].village = db_col_text(st, 2);
                c[i].class_name = db_col_text(st, 3);
                c[i].sort = db_col_text(st, 4);
            } else {
                c[i].name = xstrdup("");
                c[i].village = xstrdup("");
                c[i].class_name = xstrdup("");
                c[i].sort = xstrdup("");
            }
            sqlite3_reset(st);
        }
        db_finish(db, st);
        qsort(c, (size_t)probe.n, sizeof *c, counted_cmp);
    }
    if (own)
        sqlite3_exec(db_sql(db), "COMMIT", NULL, NULL, NULL);
    free(probe.ids);
    m.probe = NULL;
    monthly_free(&m);
    if (rc < 0) {
        free(c);
        return -1;
    }
    *out = c;
    return probe.n;
}

void monthly_counted_free(hd_counted_child *c, int n)
{
    for (int i = 0; i < n; i++) {
        free(c[i].name);
        free(c[i].village);
        free(c[i].class_name);
        free(c[i].sort);
    }
    free(c);
}
