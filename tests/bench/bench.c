/* bench.c — times the core's hot paths in one process on a district-sized
 * database: opening it with the dashboard figures, searches, the village
 * figures and the children list as search-as-you-type reads it.  Prints the
 * minimum and median of several runs, in milliseconds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/authz.h"
#include "core/attendance.h"
#include "core/config.h"
#include "core/db.h"
#include "core/figures.h"
#include "core/lists.h"
#include "core/monthly.h"
#include "core/print.h"
#include "core/search.h"
#include "core/warning.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report(const char *what, double *t, int n, long result)
{
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    printf("%-40s %8.1f %8.1f   (%ld)\n", what, t[0], t[n / 2], result);
}

static int count_hit(const hd_hit *h, void *ctx)
{
    (void)h;
    ++*(long *)ctx;
    return 0;
}

/* Attendance rates of one month (or the school year to it) by a grouping. */
static void bench_rates(hd_db *db, const char *what, int fy, int fm, int y, int m,
                        hd_att_group g)
{
    enum { RUNS = 5 };
    double t[RUNS];
    long rows = 0;
    for (int i = 0; i < RUNS; i++) {
        double t0 = now_ms();
        hd_att_rate *r;
        hd_err err;
        int n = attendance_rates(db, fy, fm, y, m, g, "vi", 0, &r, &err);
        t[i] = now_ms() - t0;
        if (n < 0) {
            fprintf(stderr, "bench: %s\n", err.msg);
            exit(2);
        }
        rows = n;
        attendance_rates_free(r, n);
    }
    report(what, t, RUNS, rows);
}

/* The month's figures with attendance, and the early-warning rules over a
 * month: each run in a transaction rolled back, so every run proposes the
 * same children to an unchanged database. */
static void bench_warning(const char *path)
{
    enum { RUNS = 5 };
    hd_err err;
    hd_db *db = db_open(path, "bench", 0, &err);
    if (db)
        authz_as_system(db); /* the benchmark writes as the installation */
    hd_config cfg;
    config_defaults(&cfg);
    double t[RUNS];
    long proposed = 0;
    for (int i = 0; db && i < RUNS; i++) {
        if (db_exec(db, "BEGIN IMMEDIATE", &err) < 0)
            break;
        hd_warn_run r;
        double t0 = now_ms();
        int n = warn_run(db, &cfg, 2026, 10, &r, &err);
        t[i] = now_ms() - t0;
        db_exec(db, "ROLLBACK", &err);
        if (n < 0)
            break;
        proposed = n;
    }
    if (!db || proposed <= 0) {
        fprintf(stderr, "bench: warn run: %s\n", err.msg);
        exit(2);
    }
    report("early-warning rules over 10/2026", t, RUNS, proposed);
    for (int i = 0; i < RUNS; i++) {
        hd_month m;
        double t0 = now_ms();
        if (monthly_figures(db, &cfg, 2026, 10, &m, &err) < 0) {
            fprintf(stderr, "bench: %s\n", err.msg);
            exit(2);
        }
        t[i] = now_ms() - t0;
        proposed = (long)m.v[0].col[MCOL_ALL].v[MF_PUPIL_DAYS];
        monthly_free(&m);
    }
    report("month figures 10/2026 (with attendance)", t, RUNS, proposed);
    config_free(&cfg);
    db_close(db);
}

/* Opens read-write, as the terminal interface does: the first open computes
 * and keeps the start-of-year figure, the next ones read it. */
static void bench_open(const char *path)
{
    enum { RUNS = 7 };
    double t[RUNS], first = 0;
    long total = 0;
    for (int i = 0; i < RUNS; i++) {
        double t0 = now_ms();
        hd_err err;
        hd_db *db = db_open(path, "bench", 0, &err);
        if (db)
            authz_as_system(db);
        hd_dashboard d;
        if (!db || figures_dashboard(db, 9, &d, &err) < 0) {
            fprintf(stderr, "bench: %s\n", err.msg);
            exit(2);
        }
        total = d.total.enrolled;
        db_close(db);
        t[i] = now_ms() - t0;
        if (i == 0)
            first = t[0];
    }
    report("open + dashboard figures", t, RUNS, total);
    printf("%-40s %8.1f\n", "  the first open (computes the base)", first);
}

static void bench_search(hd_db *db, const char *q, int limit)
{
    enum { RUNS = 21 };
    double t[RUNS];
    long hits = 0;
    for (int i = 0; i < RUNS; i++) {
        hits = 0;
        hd_err err;
        double t0 = now_ms();
        if (search_run(db, q, SEARCH_ALL, limit, count_hit, &hits, &err) < 0) {
            fprintf(stderr, "bench: %s\n", err.msg);
            exit(2);
        }
        t[i] = now_ms() - t0;
    }
    char what[64];
    snprintf(what, sizeof what, "search \"%s\" (first %d per kind)", q, limit);
    report(what, t, RUNS, hits);
}

/* The home screen's second table: the figures of every village. */
static void bench_villages(hd_db *db)
{
    enum { RUNS = 7 };
    double t[RUNS];
    int n = 0;
    for (int i = 0; i < RUNS; i++) {
        hd_err err;
        hd_village_figures *v = NULL;
        double t0 = now_ms();
        n = figures_villages(db, 9, &v, &err);
        t[i] = now_ms() - t0;
        free(v);
        if (n < 0) {
            fprintf(stderr, "bench: %s\n", err.msg);
            exit(2);
        }
    }
    report("village figures (home screen)", t, RUNS, n);
}

/* One key of search-as-you-type in the children list: the first 20 rows of
 * the list, then the count shown beside the search line. */
static void bench_list(hd_db *db, const char *text)
{
    enum { RUNS = 21 };
    double tp[RUNS], tc[RUNS];
    long count = 0;
    int got = 0;
    for (int i = 0; i < RUNS; i++) {
        hd_list_filter f;
        list_filter_init(&f);
        f.text = text;
        hd_list_row rows[20];
        hd_err err;
        double t0 = now_ms();
        got = list_page(db, LIST_CHILDREN, &f, SORT_NAME, NULL, 1, 20, "vi", rows, &err);
        double t1 = now_ms();
        count = list_count(db, LIST_CHILDREN, &f, &err);
        tc[i] = now_ms() - t1;
        tp[i] = t1 - t0;
        for (int r = 0; r < got; r++)
            list_row_free(&rows[r]);
        if (got < 0 || count < 0) {
            fprintf(stderr, "bench: %s\n", err.msg);
            exit(2);
        }
    }
    char what[64];
    snprintf(what, sizeof what, "children list \"%s\": 20 rows", text);
    report(what, tp, RUNS, got);
    snprintf(what, sizeof what, "children list \"%s\": count", text);
    report(what, tc, RUNS, count);
}

/* A document built from the database and laid out as 132-column text. */
static void bench_doc(hd_db *db, const hd_config *cfg, const char *name)
{
    enum { RUNS = 5 };
    double t[RUNS];
    long rows = 0;
    const hd_doc_kind *k = doc_kind_find(name);
    for (int i = 0; i < RUNS; i++) {
        double t0 = now_ms();
        hd_doc d = {0};
        hd_err err;
        if (k->build(db, cfg, 2026, 11, &d, &err) < 0) {
            fprintf(stderr, "bench: %s\n", err.msg);
            exit(2);
        }
        char *text = doc_text(&d, 132, cfg->lines_per_page);
        rows = d.nrows;
        free(text);
        doc_free(&d);
        t[i] = now_ms() - t0;
    }
    char what[64];
    snprintf(what, sizeof what, "print %s, 132-column text", name);
    report(what, t, RUNS, rows);
}

/* The month's figures, and closing it (on a scratch copy: each close adds
 * a version). */
static void bench_month(const char *scratch, const hd_config *cfg)
{
    enum { RUNS = 5 };
    double t[RUNS];
    hd_err err;
    hd_db *db = db_open(scratch, "bench", 0, &err);
    if (!db) {
        fprintf(stderr, "bench: %s\n", err.msg);
        exit(2);
    }
    authz_as_system(db);
    long villages = 0;
    for (int i = 0; i < RUNS; i++) {
        double t0 = now_ms();
        hd_month m;
        if (monthly_figures(db, cfg, 2026, 11, &m, &err) < 0) {
            fprintf(stderr, "bench: %s\n", err.msg);
            exit(2);
        }
        villages = m.nv - 1;
        monthly_free(&m);
        t[i] = now_ms() - t0;
    }
    report("month figures, every village", t, RUNS, villages);
    long version = 0;
    for (int i = 0; i < RUNS; i++) {
        double t0 = now_ms();
        version = monthly_close(db, cfg, 2026, 11, i ? "bench" : NULL, &err);
        if (version < 0) {
            fprintf(stderr, "bench: %s\n", err.msg);
            exit(2);
        }
        t[i] = now_ms() - t0;
    }
    report("month close (figures, ratings, commit)", t, RUNS, version);
    db_close(db);
}

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: bench DATABASE [SCRATCH-COPY]\n");
        return 1;
    }
    setenv("HUYDONG_TODAY", "2026-11-24", 0);
    printf("%-40s %8s %8s   %s\n", "operation", "min ms", "median", "(result)");
    bench_open(argv[1]);
    hd_err err;
    hd_db *db = db_open(argv[1], "bench", DB_OPEN_READONLY, &err);
    if (!db) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 2;
    }
    static const char *const queries[] = {"nguyen thi", "duc", "ksor h", "a", "hbia"};
    for (size_t i = 0; i < sizeof queries / sizeof *queries; i++)
        bench_search(db, queries[i], 50);
    bench_villages(db);
    bench_rates(db, "attendance 10/2026, commune", 2026, 10, 2026, 10, ATT_BY_COMMUNE);
    bench_rates(db, "attendance 10/2026, by village", 2026, 10, 2026, 10, ATT_BY_VILLAGE);
    bench_rates(db, "attendance 10/2026, by class", 2026, 10, 2026, 10, ATT_BY_CLASS);
    bench_rates(db, "attendance 10/2026, by level", 2026, 10, 2026, 10, ATT_BY_LEVEL);
    bench_rates(db, "attendance 10/2026, minority", 2026, 10, 2026, 10, ATT_BY_MINORITY);
    bench_rates(db, "attendance 09-11/2026, by village", 2026, 9, 2026, 11, ATT_BY_VILLAGE);
    static const char *const typed[] = {"n", "ng", "nguyen thi"};
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++)
        bench_list(db, typed[i]);
    hd_config cfg;
    config_defaults(&cfg);
    bench_doc(db, &cfg, "committee");
    bench_doc(db, &cfg, "visits");
    bench_doc(db, &cfg, "evaluation");
    db_close(db);
    bench_warning(argv[1]);
    if (argc == 3)
        bench_month(argv[2], &cfg);
    config_free(&cfg);
    return 0;
}
