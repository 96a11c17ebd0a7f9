/* Unit tests for a month's figures, the branch ratings and closed months.
 * Today is 24/11/2026 (HUYDONG_TODAY, as `make check-unit` sets it); the
 * school year starts in September, so November is in 2026-2027. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/casework.h"
#include "core/monthly.h"
#include "core/registry.h"
#include "testdb.h"

typedef struct commune {
    testdb *t;
    hd_config cfg;
    int64_t va, vb, vc, ha, hb;
    int64_t c[7];
} commune;

static int64_t child(testdb *t, int64_t hh, const char *name, int by, int level, int em,
                     const char *since)
{
    hd_child c = {.household_id = hh, .full_name = xstrdup(name), .sex = SEX_FEMALE,
                  .birth_year = by, .level = level, .ethnic_minority = em};
    hd_err err;
    int rc = child_insert(t->db, &c, STATUS_ENROLLED, since, "", "test", &err);
    if (rc)
        fprintf(stderr, "%s\n", err.msg);
    assert_int_equal(rc, 0);
    int64_t id = c.id;
    child_free(&c);
    return id;
}

static void entry(testdb *t, int64_t id, int status, const char *date)
{
    hd_err err;
    int rc = child_set_status(t->db, id, status, date, "test", "test", &err);
    if (rc)
        fprintf(stderr, "%s\n", err.msg);
    assert_int_equal(rc, 0);
}

/* Case work on household a: a lead from 05/11, a visit on 06/11, a
 * commitment signed that day and kept on 20/11. */
static void casework(commune *k)
{
    hd_member m = {.full_name = xstrdup("Nguyễn Văn Tư"), .org = ORG_COMMUNE,
                   .committee_role = CROLE_MEMBER};
    hd_err err;
    assert_int_equal(member_insert(k->t->db, &m, &err), 0);
    hd_assignment a = {.member_id = m.id, .household_id = k->ha, .role = AROLE_LEAD,
                       .season = -1, .reason = xstrdup("")};
    snprintf(a.start_date, sizeof a.start_date, "2026-11-05");
    assert_int_equal(assignment_add(k->t->db, &a, &err), 0);
    assignment_free(&a);
    int64_t members[1] = {m.id};
    hd_visit v = {.household_id = k->ha, .members = members, .nmembers = 1,
                  .outcome = OUTCOME_PROMISED};
    snprintf(v.date, sizeof v.date, "2026-11-06");
    assert_int_equal(visit_add(k->t->db, &v, &err), 0);
    free(v.purpose);
    free(v.notes);
    hd_commitment c = {.household_id = k->ha, .family_signer = xstrdup("Bà Hoa"),
                       .school_signer = xstrdup("Cô Lan"), .family_commits = xstrdup("Cho đi học")};
    snprintf(c.signed_date, sizeof c.signed_date, "2026-11-06");
    assert_int_equal(commitment_add(k->t->db, &c, &err), 0);
    assert_int_equal(commitment_set_status(k->t->db, &c, CSTATUS_KEPT, "2026-11-20", "ok", &err),
                     0);
    commitment_free(&c);
    member_free(&m);
}

/* The histories whose figures are worked out by hand in the tests. */
static commune *commune_new(void)
{
    commune *k = xcalloc(1, sizeof *k);
    k->t = testdb_new();
    config_defaults(&k->cfg);
    k->va = testdb_village(k->t, "Thôn 1");
    k->vb = testdb_village(k->t, "Làng Ia Bang");
    k->vc = testdb_village(k->t, "Thôn 3");
    k->ha = testdb_household(k->t, k->va, "Nguyễn Văn Ba");
    k->hb = testdb_household(k->t, k->vb, "Rơ Châm Khoa");
    testdb *t = k->t;
    k->c[1] = child(t, k->ha, "Ánh", 2018, LEVEL_PRIMARY, 0, "2026-09-05");
    k->c[2] = child(t, k->ha, "Bình", 2013, LEVEL_LOWER_SECONDARY, 1, "2026-09-05");
    k->c[3] = child(t, k->ha, "Cúc", 2012, LEVEL_LOWER_SECONDARY, 1, "2026-09-05");
    k->c[4] = child(t, k->hb, "Dũng", 2019, LEVEL_PRIMARY, 1, "2026-09-05");
    k->c[5] = child(t, k->hb, "Em", 2015, -1, 0, "2026-09-05");
    k->c[6] = child(t, k->hb, "Giang", 2010, LEVEL_UPPER_SECONDARY, 0, "2026-10-10");
    entry(t, k->c[2], STATUS_DROPPED_OUT, "2026-10-15");
    entry(t, k->c[2], STATUS_RETURNED, "2026-11-10");
    entry(t, k->c[3], STATUS_AT_RISK, "2026-11-03");
    entry(t, k->c[4], STATUS_DROPPED_OUT, "2026-11-12");
    casework(k);
    return k;
}

static void commune_free(commune *k)
{
    config_free(&k->cfg);
    testdb_free(k->t);
    free(k);
}

static const hd_month_village *find(const hd_month *m, int64_t id)
{
    for (int i = 0; i < m->nv; i++)
        if (m->v[i].id == id)
            return &m->v[i];
    fail_msg("village %lld not in the figures", (long long)id);
    return NULL;
}

#define FIG(vil, c, f) ((vil)->col[c].v[f])

static void test_november(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_month m;
    hd_err err;
    assert_int_equal(monthly_figures(k->t->db, &k->cfg, 2026, 11, &m, &err), 0);
    assert_string_equal(m.as_of, "2026-11-24");   /* the running month: today */
    assert_string_equal(m.base_date, "2026-09-30");
    const hd_month_village *all = &m.v[0], *a = find(&m, k->va), *b = find(&m, k->vb);
    assert_int_equal(m.v[0].id, 0);
    assert_int_equal(FIG(all, MCOL_ALL, MF_SCHOOL_AGE), 6);
    assert_int_equal(FIG(all, MCOL_ALL, MF_ENROLLED_AGE), 4);
    assert_int_equal(FIG(all, LEVEL_PRIMARY, MF_SCHOOL_AGE), 2);
    assert_true(fabs(FIG(all, LEVEL_PRIMARY, MF_MOBILIZATION_RATE) - 50.0) < 1e-9);
    assert_true(fabs(FIG(all, LEVEL_LOWER_SECONDARY, MF_MOBILIZATION_RATE) - 200.0 / 3) < 1e-9);
    assert_true(isnan(FIG(all, LEVEL_CONTINUING, MF_MOBILIZATION_RATE)));
    assert_int_equal(FIG(all, MCOL_ALL, MF_ENROLLED), 4);
    assert_int_equal(FIG(all, MCOL_ALL, MF_ENROLLED_AT_START), 4);
    assert_int_equal(FIG(all, MCOL_ALL, MF_DROPOUTS_YEAR), 2);
    assert_int_equal(FIG(all, MCOL_ALL, MF_DROPOUTS_MONTH), 1);
    assert_true(fabs(FIG(all, MCOL_ALL, MF_DROPOUT_RATE) - 50.0) < 1e-9);
    assert_int_equal(FIG(all, MCOL_ALL, MF_RETURNED_YEAR), 1);
    assert_int_equal(FIG(all, MCOL_ALL, MF_RETURNED_MONTH), 1);
    assert_int_equal(FIG(all, MCOL_ALL, MF_AT_RISK), 1);
    assert_int_equal(FIG(all, MCOL_ALL, MF_AT_RISK_ASSIGNED), 1);
    assert_int_equal(FIG(all, MCOL_ALL, MF_AT_RISK_VISITED), 1);
    assert_int_equal(FIG(a, MCOL_ALL, MF_AT_RISK_HOUSEHOLDS), 1);
    assert_int_equal(FIG(a, MCOL_ALL, MF_HOUSEHOLDS_ASSIGNED), 1);
    assert_int_equal(FIG(a, MCOL_ALL, MF_VISITS), 1);
    assert_int_equal(FIG(a, MCOL_ALL, MF_COMMITMENTS), 1);
    assert_int_equal(FIG(a, MCOL_ALL, MF_COMMITMENTS_KEPT), 1);
    assert_int_equal(FIG(a, MCOL_ALL, MF_COMMITMENTS_ACTIVE), 0);
    assert_true(fabs(FIG(a, MCOL_ALL, MF_DROPOUT_RATE) - 100.0 / 3) < 1e-9);
    assert_true(fabs(FIG(b, MCOL_ALL, MF_DROPOUT_RATE) - 100.0) < 1e-9);
    /* ethnic-minority children: Bình, Cúc, Dũng */
    assert_int_equal(FIG(all, MCOL_MINORITY, MF_SCHOOL_AGE), 3);
    assert_int_equal(FIG(all, MCOL_MINORITY, MF_ENROLLED_AT_START), 3);
    assert_int_equal(FIG(all, MCOL_MINORITY, MF_DROPOUTS_YEAR), 2);
    monthly_free(&m);
    commune_free(k);
}

/* The dropout rate month by month: one of four pupils out in October (who
 * came back: a dropout still counts for the year), two in November; the
 * last point is the month's own figure, for the commune and each village. */
static void test_trend(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_month m;
    hd_err err;
    assert_int_equal(monthly_figures(k->t->db, &k->cfg, 2026, 11, &m, &err), 0);
    double *rates = calloc((size_t)m.nv * MONTHLY_TREND_MAX, sizeof *rates);
    int n = 0;
    assert_int_equal(monthly_dropout_trend(k->t->db, &k->cfg, &m, rates, &n, &err), 0);
    assert_int_equal(n, 3);   /* September, October, November */
    assert_true(fabs(rates[0] - 0.0) < 1e-9);
    assert_true(fabs(rates[1] - 25.0) < 1e-9);
    assert_true(fabs(rates[2] - 50.0) < 1e-9);
    for (int i = 0; i < m.nv; i++) {
        double last = rates[i * MONTHLY_TREND_MAX + n - 1];
        double fig = m.v[i].col[MCOL_ALL].v[MF_DROPOUT_RATE];
        assert_true(isnan(fig) ? isnan(last) : fabs(last - fig) < 1e-9);
    }
    free(rates);
    monthly_free(&m);
    /* September alone: one point */
    assert_int_equal(monthly_figures(k->t->db, &k->cfg, 2026, 9, &m, &err), 0);
    rates = calloc((size_t)m.nv * MONTHLY_TREND_MAX, sizeof *rates);
    assert_int_equal(monthly_dropout_trend(k->t->db, &k->cfg, &m, rates, &n, &err), 0);
    assert_int_equal(n, 1);
    free(rates);
    monthly_free(&m);
    commune_free(k);
}

/* The children behind a figure are exactly those it counts, cell by cell. */
static void test_counted(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_month m;
    hd_err err;
    assert_int_equal(monthly_figures(k->t->db, &k->cfg, 2026, 11, &m, &err), 0);
    for (int i = 0; i < m.nv; i++)
        for (int c = 0; c < MCOL_COUNT; c++)
            for (int f = 0; f <= MF_AT_RISK_VISITED; f++) {
                if (f == MF_MOBILIZATION_RATE || f == MF_DROPOUT_RATE)
                    continue;
                hd_counted_child *kids;
                int n = monthly_counted(k->t->db, &k->cfg, 2026, 11, m.v[i].id, c, f, &kids,
                                        &err);
                assert_int_equal(n, (int)m.v[i].col[c].v[f]);
                for (int j = 1; j < n; j++)
                    assert_true(strcmp(kids[j - 1].sort, kids[j].sort) <= 0);
                monthly_counted_free(kids, n);
            }
    /* the two dropouts of the year, by name */
    hd_counted_child *kids;
    int n = monthly_counted(k->t->db, &k->cfg, 2026, 11, 0, MCOL_ALL, MF_DROPOUTS_YEAR, &kids,
                            &err);
    assert_int_equal(n, 2);
    assert_int_equal(kids[0].id == k->c[2] || kids[1].id == k->c[2], 1);
    assert_int_equal(kids[0].id == k->c[4] || kids[1].id == k->c[4], 1);
    monthly_counted_free(kids, n);
    /* a rate and a household figure count no children */
    assert_int_equal(monthly_counted(k->t->db, &k->cfg, 2026, 11, 0, MCOL_ALL, MF_DROPOUT_RATE,
                                     &kids, &err), -1);
    assert_int_equal(monthly_counted(k->t->db, &k->cfg, 2026, 11, 0, MCOL_ALL, MF_VISITS, &kids,
                                     &err), -1);
    assert_int_equal(monthly_figure_by_name("dropouts_year"), MF_DROPOUTS_YEAR);
    assert_int_equal(monthly_figure_by_name("nothing"), -1);
    monthly_free(&m);
    commune_free(k);
}

/* October recomputed later: Bình had dropped out, not yet back. */
static void test_past_month(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_month m;
    hd_err err;
    assert_int_equal(monthly_figures(k->t->db, &k->cfg, 2026, 10, &m, &err), 0);
    assert_string_equal(m.as_of, "2026-10-31");
    assert_int_equal(FIG(&m.v[0], MCOL_ALL, MF_ENROLLED), 4);
    assert_int_equal(FIG(&m.v[0], MCOL_ALL, MF_DROPOUTS_MONTH), 1);
    assert_int_equal(FIG(&m.v[0], MCOL_ALL, MF_AT_RISK), 0);
    assert_int_equal(FIG(&m.v[0], MCOL_ALL, MF_VISITS), 0);
    monthly_free(&m);
    assert_int_equal(monthly_figures(k->t->db, &k->cfg, 2026, 12, &m, &err), -1);
    assert_non_null(strstr(err.msg, "has not started"));
    commune_free(k);
}

static void test_ratings(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_month m;
    hd_err err;
    assert_int_equal(monthly_figures(k->t->db, &k->cfg, 2026, 11, &m, &err), 0);
    hd_month_rating *r;
    int n = monthly_rate_branches(&k->cfg, &m, &r);
    assert_int_equal(n, 3);
    for (int i = 0; i < n; i++) {
        if (r[i].village_id == k->vc) {
            assert_int_equal(r[i].rating, 0);   /* no pupils: no rule fires */
            assert_string_equal(r[i].rules, "");
        } else {
            assert_int_equal(r[i].rating, 2);   /* above 1 %: dropout_high */
            assert_string_equal(r[i].rules, "dropout_high");
            assert_string_equal(r[i].rating_name, k->cfg.ratings[2]);
        }
    }
    free(r);
    double x;
    /* no attendance recorded: no denominator, like a village with no pupils */
    assert_int_equal(monthly_measure(&m.v[1], "attendance_rate", &x), 1);
    assert_int_equal(monthly_measure(&m.v[1], "no_such_measure", &x), -1);
    assert_int_equal(monthly_measure(find(&m, k->vc), "dropout_rate", &x), 1);
    monthly_free(&m);
    commune_free(k);
}

static void test_close(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_db *db = k->t->db;
    hd_err err;
    hd_month_snapshot s;
    assert_int_equal(monthly_snapshot_get(db, 2026, 11, 0, &s, &err), 1);
    assert_int_equal(monthly_close(db, &k->cfg, 2026, 11, NULL, &err), 1);
    /* a correction dated in the month, after closing */
    entry(k->t, k->c[1], STATUS_DROPPED_OUT, "2026-11-15");
    assert_int_equal(monthly_snapshot_get(db, 2026, 11, 0, &s, &err), 0);
    assert_int_equal(s.number, 1);
    assert_string_equal(s.closed_by, "tester");
    assert_int_equal(FIG(&s.figures.v[0], MCOL_ALL, MF_DROPOUTS_MONTH), 1);
    assert_true(isnan(FIG(&s.figures.v[0], LEVEL_CONTINUING, MF_DROPOUT_RATE)));
    assert_int_equal(s.n_ratings, 3);
    assert_string_equal(s.ratings[0].rules, "dropout_high");
    monthly_snapshot_free(&s);
    /* closing again needs a reason; then both versions stay */
    assert_int_equal(monthly_close(db, &k->cfg, 2026, 11, "", &err), -1);
    assert_non_null(strstr(err.msg, "already closed"));
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM month_snapshot"), 1);
    assert_int_equal(monthly_close(db, &k->cfg, 2026, 11, "Ánh bỏ học ngày 15/11", &err), 2);
    assert_int_equal(monthly_snapshot_get(db, 2026, 11, 0, &s, &err), 0);
    assert_int_equal(s.number, 2);
    assert_string_equal(s.reason, "Ánh bỏ học ngày 15/11");
    assert_int_equal(FIG(&s.figures.v[0], MCOL_ALL, MF_DROPOUTS_MONTH), 2);
    monthly_snapshot_free(&s);
    assert_int_equal(monthly_snapshot_get(db, 2026, 11, 1, &s, &err), 0);
    assert_int_equal(s.superseded, 1);
    assert_int_equal(FIG(&s.figures.v[0], MCOL_ALL, MF_DROPOUTS_MONTH), 1);
    monthly_snapshot_free(&s);
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM audit WHERE tbl = 'month_snapshot'"
                                       " AND action = 'insert'"), 2);
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM audit WHERE tbl = 'month_snapshot'"
                                       " AND field = 'status'"), 1);
    /* the frozen rows cannot be changed */
    assert_int_not_equal(sqlite3_exec(db_sql(db), "UPDATE month_figure SET value = 0",
                                      NULL, NULL, NULL), SQLITE_OK);
    commune_free(k);
}

/* The published figure (seeds 003): 8,798 pupils in 2021-2022, 40 dropped
 * out — 10 primary, 2 lower secondary, 13 upper secondary, 15 continuing
 * education, all ethnic minority — 0.45 %.  The split of the 8,798 by level
 * is not published; this one is ours. */
static const struct { int level, pupils, dropouts, born; } published[] = {
    {LEVEL_PRIMARY, 4000, 10, 2014}, {LEVEL_LOWER_SECONDARY, 3000, 2, 2009},
    {LEVEL_UPPER_SECONDARY, 1200, 13, 2005}, {LEVEL_CONTINUING, 598, 15, 2003},
};

static void load_published(testdb *t, int64_t hh)
{
    hd_err err;
    int tok = db_write_begin(t->db, &err);
    assert_int_equal(tok, 1);
    assert_int_equal(db_bulk_begin(t->db, &err), 0);
    for (size_t l = 0; l < 4; l++)
        for (int i = 0; i < published[l].pupils; i++)
            child(t, hh, "Ksor H'Bia", published[l].born, published[l].level, 1, "2021-09-06");
    assert_int_equal(db_bulk_end(t->db, &err), 0);
    assert_int_equal(db_write_end(t->db, tok, 1, &err), 0);
    for (size_t l = 0; l < 4; l++) {
        char *sql = xasprintf("SELECT id FROM child WHERE level = '%s' ORDER BY id LIMIT %d",
                              model_code(VOCAB_LEVEL, published[l].level), published[l].dropouts);
        sqlite3_stmt *st = db_prepare(t->db, sql);
        int64_t ids[16];
        int n = 0;
        while (sqlite3_step(st) == SQLITE_ROW)
            ids[n++] = sqlite3_column_int64(st, 0);
        db_finish(t->db, st);
        free(sql);
        for (int i = 0; i < n; i++)
            entry(t, ids[i], STATUS_DROPPED_OUT, "2022-03-10");
    }
}

static void test_published(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    hd_config cfg;
    config_defaults(&cfg);
    int64_t hh = testdb_household(t, testdb_village(t, "Plei Ia Krêl"), "Siu Ben");
    load_published(t, hh);
    hd_month m;
    hd_err err;
    assert_int_equal(monthly_figures(t->db, &cfg, 2022, 5, &m, &err), 0);
    const hd_month_village *d = &m.v[0];
    assert_int_equal(FIG(d, MCOL_ALL, MF_ENROLLED_AT_START), 8798);
    assert_int_equal(FIG(d, MCOL_ALL, MF_DROPOUTS_YEAR), 40);
    assert_int_equal(FIG(d, MCOL_ALL, MF_DROPOUTS_MONTH), 0);
    char buf[16];
    snprintf(buf, sizeof buf, "%.2f", FIG(d, MCOL_ALL, MF_DROPOUT_RATE));
    assert_string_equal(buf, "0.45");
    snprintf(buf, sizeof buf, "%.2f", FIG(d, MCOL_MINORITY, MF_DROPOUT_RATE));
    assert_string_equal(buf, "0.45");
    static const char *const per_level[] = {"0.25", "0.07", "1.08", "2.51"};
    for (int l = 0; l < 4; l++) {
        snprintf(buf, sizeof buf, "%.2f", FIG(d, l, MF_DROPOUT_RATE));
        assert_string_equal(buf, per_level[l]);
    }
    /* the village holds them all: over 0.35 % but not over 1 % overall;
     * the primary and lower secondary targets are passed too */
    hd_month_rating *r;
    assert_int_equal(monthly_rate_branches(&cfg, &m, &r), 1);
    assert_int_equal(r[0].rating, 1);
    assert_string_equal(r[0].rules, "dropout_above_target, primary_dropout_above_target");
    free(r);
    monthly_free(&m);
    config_free(&cfg);
    testdb_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_november),
        cmocka_unit_test(test_past_month),
        cmocka_unit_test(test_ratings),
        cmocka_unit_test(test_close),
        cmocka_unit_test(test_published),
        cmocka_unit_test(test_trend),
        cmocka_unit_test(test_counted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
