/* Unit tests for attendance (checks, the class grid's save, the import,
 * the rates, the month's figure) and the early warning (each rule, the
 * run, confirm and dismiss, the look-back, the config).  Today is
 * 24/11/2026 (HUYDONG_TODAY); the school year starts in September and
 * teaches nine months (September to May).  Every expected value is worked
 * out by hand in the comment beside it. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/attendance.h"
#include "core/casework.h"
#include "core/causes.h"
#include "core/family.h"
#include "core/import.h"
#include "core/leavers.h"
#include "core/monthly.h"
#include "core/positions.h"
#include "core/registry.h"
#include "core/sponsors.h"
#include "core/support.h"
#include "core/warning.h"
#include "testdb.h"

typedef struct fixture {
    testdb *t;
    hd_config cfg;
    int64_t school, va, vb, ha, hb, hc;
    int64_t c[5];   /* 0,1 in 6A village A (1 minority); 2 in 6A village B; 3 in 7A; 4 sibling */
} fixture;

static int64_t child(fixture *f, int64_t hh, const char *name, int by, int level,
                     const char *cls, int em)
{
    hd_child c = {.household_id = hh, .full_name = xstrdup(name), .sex = SEX_MALE,
                  .birth_year = by, .level = level, .ethnic_minority = em,
                  .school_id = f->school, .grade = level == LEVEL_PRIMARY ? 5 : 6,
                  .class_name = xstrdup(cls)};
    hd_err err;
    int rc = child_insert(f->t->db, &c, STATUS_ENROLLED, "2026-09-05", "", "test", &err);
    if (rc)
        fprintf(stderr, "%s\n", err.msg);
    assert_int_equal(rc, 0);
    int64_t id = c.id;
    child_free(&c);
    return id;
}

static int setup(void **state)
{
    fixture *f = xcalloc(1, sizeof *f);
    f->t = testdb_new();
    config_defaults(&f->cfg);
    hd_school s = {.name = xstrdup("Trường THCS Ia Dêr")};
    hd_err err;
    assert_int_equal(school_insert(f->t->db, &s, &err), 0);
    f->school = s.id;
    school_free(&s);
    f->va = testdb_village(f->t, "Làng Ốp");
    f->vb = testdb_village(f->t, "Plei Bông");
    f->ha = testdb_household(f->t, f->va, "Rơ Châm Khoa");
    f->hb = testdb_household(f->t, f->vb, "Ksor H'Bia");
    f->hc = testdb_household(f->t, f->va, "Siu Y Nhi");
    f->c[0] = child(f, f->ha, "Rơ Châm Ánh", 2014, LEVEL_LOWER_SECONDARY, "6A", 0);
    f->c[1] = child(f, f->hc, "Siu H'Bơr", 2014, LEVEL_LOWER_SECONDARY, "6A", 1);
    f->c[2] = child(f, f->hb, "Ksor Thị Dợ", 2014, LEVEL_LOWER_SECONDARY, "6A", 1);
    f->c[3] = child(f, f->hb, "Ksor Văn Hờ", 2013, LEVEL_LOWER_SECONDARY, "7A", 1);
    f->c[4] = child(f, f->ha, "Rơ Châm Đào", 2012, LEVEL_LOWER_SECONDARY, "8A", 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    config_free(&f->cfg);
    testdb_free(f->t);
    free(f);
    return 0;
}

static hd_att row(int64_t child_id, int days, int ex, int unex, int run)
{
    return (hd_att){.child_id = child_id, .school_days = days, .excused = ex,
                    .unexcused = unex, .consecutive = run};
}

static int save(fixture *f, int y, int m, hd_att *rows, int n, hd_msgs *errors)
{
    hd_err err;
    int rc = attendance_save(f->t->db, &f->cfg, y, m, rows, n, "test", errors, &err);
    if (rc < 0 && !errors->n)
        fprintf(stderr, "%s\n", err.msg);
    return rc;
}

/* ---- checks ------------------------------------------------------------------ */

static void test_check_values(void **state)
{
    (void)state;
    hd_err err;
    hd_att_field fl = AF_COUNT;
    hd_att a = row(1, 22, 2, 4, 3);
    assert_int_equal(attendance_check(&a, 31, &fl, &err), 0);
    /* 7 days absent (3 + 4) in a month of 6 school days */
    a = row(1, 6, 3, 4, -1);
    assert_int_equal(attendance_check(&a, 30, &fl, &err), -1);
    assert_int_equal(fl, AF_UNEXCUSED);
    assert_string_equal(err.msg, "absent without leave: 7 days absent are more than the 6 "
                                 "school days");
    a = row(1, 0, 0, 0, -1);
    assert_int_equal(attendance_check(&a, 30, &fl, &err), -1);
    assert_int_equal(fl, AF_SCHOOL_DAYS);
    a = row(1, 31, 0, 0, -1);   /* 31 school days in a 30-day month */
    assert_int_equal(attendance_check(&a, 30, &fl, &err), -1);
    a = row(1, 20, -1, 0, -1);
    assert_int_equal(attendance_check(&a, 30, &fl, &err), -1);
    assert_int_equal(fl, AF_EXCUSED);
    a = row(1, 20, 2, 1, 4);    /* a run of 4 out of 3 days absent */
    assert_int_equal(attendance_check(&a, 30, &fl, &err), -1);
    assert_int_equal(fl, AF_CONSECUTIVE);
}

static void test_check_month(void **state)
{
    fixture *f = *state;
    hd_err err;
    assert_int_equal(attendance_check_month(&f->cfg, 2026, 10, &err), 0);
    assert_int_equal(attendance_check_month(&f->cfg, 2026, 5, &err), 0);
    /* July is not taught (September + 9 months ends in May) */
    assert_int_equal(attendance_check_month(&f->cfg, 2026, 7, &err), -1);
    assert_string_equal(err.msg, "month: 07/2026 is not in the school year (months 09 to 05)");
    /* December 2026 has not started on 24/11/2026 */
    assert_int_equal(attendance_check_month(&f->cfg, 2026, 12, &err), -1);
}

/* ---- the grid's save ---------------------------------------------------------- */

static void test_save_all_or_nothing(void **state)
{
    fixture *f = *state;
    hd_msgs errors = {0};
    hd_att rows[2] = {row(f->c[0], 22, 1, 1, -1), row(f->c[1], 5, 3, 4, -1)};
    assert_int_equal(save(f, 2026, 10, rows, 2, &errors), -1);
    assert_int_equal(errors.n, 1);
    assert_true(strstr(errors.items[0], "7 days absent are more than the 5") != NULL);
    msgs_free(&errors);
    assert_int_equal(testdb_long(f->t, "SELECT count(*) FROM attendance"), 0);
    rows[1] = row(f->c[1], 22, 0, 0, -1);
    assert_int_equal(save(f, 2026, 10, rows, 2, &errors), 2);
    assert_int_equal(testdb_long(f->t, "SELECT count(*) FROM attendance"), 2);
    /* its stable key: the child's and the month */
    char *want = xasprintf("SELECT count(*) FROM attendance a JOIN child c ON c.id = a.child_id"
                           " WHERE a.uid = c.uid || '@2026-10'");
    assert_int_equal(testdb_long(f->t, want), 2);
    free(want);
    /* audited */
    assert_int_equal(testdb_long(f->t, "SELECT count(*) FROM audit WHERE tbl = 'attendance'"), 2);
    /* saved again from the versions read: one changed row, one left alone */
    hd_att *g;
    hd_err err;
    int n = attendance_class_get(f->t->db, f->school, "6A", 2026, 10, &g, &err);
    assert_int_equal(n, 3);
    int unsaved = 0;
    for (int i = 0; i < n; i++)
        unsaved += g[i].version == 0;
    assert_int_equal(unsaved, 1);   /* Dợ */
    for (int i = 0; i < n; i++)
        if (g[i].child_id == f->c[0])
            g[i].unexcused = 3;
    for (int i = 0; i < n; i++)
        if (g[i].child_id == f->c[2])
            g[i] = (hd_att){.child_id = f->c[2], .name = g[i].name, .school_days = 22,
                            .consecutive = -1};
    assert_int_equal(save(f, 2026, 10, g, n, &errors), 2);
    /* a second save from the same (now stale) versions conflicts */
    assert_int_equal(save(f, 2026, 10, g, n, &errors), HD_CONFLICT);
    attendance_rows_free(g, n);
    assert_int_equal(testdb_long(f->t, "SELECT absent_unexcused FROM attendance WHERE month ="
                                       " '2026-10' AND consecutive IS NULL ORDER BY child_id"),
                     3);
}

static void test_save_refuses_bad_month_and_archived(void **state)
{
    fixture *f = *state;
    hd_msgs errors = {0};
    hd_att rows[1] = {row(f->c[0], 22, 0, 0, -1)};
    hd_err err;
    assert_int_equal(attendance_save(f->t->db, &f->cfg, 2026, 7, rows, 1, "t", &errors, &err),
                     -1);
    assert_string_equal(err.msg, "month: 07/2026 is not in the school year (months 09 to 05)");
    hd_child c;
    assert_int_equal(child_get(f->t->db, f->c[0], &c, &err), 0);
    assert_int_equal(record_archive(f->t->db, "child", c.id, c.version, 1, &err), 0);
    child_free(&c);
    assert_int_equal(save(f, 2026, 10, rows, 1, &errors), -1);
    assert_int_equal(errors.n, 1);
    assert_true(strstr(errors.items[0], "archived") != NULL);
    msgs_free(&errors);
    assert_int_equal(testdb_long(f->t, "SELECT count(*) FROM attendance"), 0);
}

/* ---- import ----------------------------------------------------------------- */

static int import(fixture *f, const char *text, hd_msgs *errors, hd_import_stats *st)
{
    const char *p = testdb_file(f->t, "att.csv", text);
    hd_msgs warnings = {0};
    hd_err err;
    int rc = import_csv_months(f->t->db, TABLE_ATTENDANCE, p, 0, 9, 9, st, errors, &warnings,
                               &err);
    msgs_free(&warnings);
    return rc;
}

static void test_import(void **state)
{
    fixture *f = *state;
    hd_msgs errors = {0};
    hd_import_stats st;
    char uid[32];
    hd_child c;
    hd_err err;
    assert_int_equal(child_get(f->t->db, f->c[3], &c, &err), 0);
    snprintf(uid, sizeof uid, "%s", c.uid);
    child_free(&c);
    /* one bad row refuses the file: each problem FILE:LINE: column: why */
    char *text = xasprintf("Mã,Họ và tên,Ngày sinh,Tháng,Số ngày học,Vắng có phép,"
                           "Vắng không phép,Vắng liên tiếp,Lưu ban\n"
                           "%s,,,10/2026,22,1,0,,\n"
                           ",Ksor Thị Dợ,2014,10/2026,22,0,6,6,x\n"
                           ",Ksor Thị Dợ,2014,06/2026,22,0,0,,\n"
                           ",Không Có,2014,10/2026,22,0,0,,\n"
                           ",Siu H'Bơr,2014,10/2026,20,15,6,,\n", uid);
    assert_int_equal(import(f, text, &errors, &st), -1);
    free(text);
    assert_int_equal(errors.n, 3);
    assert_true(strstr(errors.items[0], "att.csv:4: Tháng: 06/2026 is not in the school year"));
    assert_true(strstr(errors.items[1], "att.csv:5: Họ và tên: no child 'Không Có' born in 2014"));
    assert_true(strstr(errors.items[2], "att.csv:6: Vắng không phép: 21 days absent are more "
                                        "than the 20 school days"));
    msgs_free(&errors);
    assert_int_equal(testdb_long(f->t, "SELECT count(*) FROM attendance"), 0);
    text = xasprintf("Mã,Họ và tên,Ngày sinh,Tháng,Số ngày học,Vắng có phép,"
                     "Vắng không phép,Vắng liên tiếp,Lưu ban\n"
                     "%s,,,10/2026,22,1,0,,\n"
                     ",Ksor Thị Dợ,2014,10/2026,22,0,6,6,x\n", uid);
    assert_int_equal(import(f, text, &errors, &st), 0);
    assert_int_equal(st.added, 2);
    /* the same file again changes nothing */
    assert_int_equal(import(f, text, &errors, &st), 0);
    assert_int_equal(st.unchanged, 2);
    free(text);
    assert_int_equal(testdb_long(f->t, "SELECT repeating * 100 + consecutive FROM attendance"
                                       " WHERE absent_unexcused = 6"), 106);
    /* audited in bulk */
    assert_int_equal(testdb_long(f->t, "SELECT count(*) FROM audit WHERE tbl = 'attendance'"), 2);
    /* the same pupil and month twice in one file */
    text = xasprintf("Mã,Tháng,Số ngày học\n%s,09/2026,20\n%s,09/2026,21\n", uid, uid);
    assert_int_equal(import(f, text, &errors, &st), -1);
    assert_int_equal(errors.n, 1);
    assert_true(strstr(errors.items[0], "att.csv:3: the same pupil and month as line 2"));
    free(text);
    msgs_free(&errors);
}

/* ---- rates -------------------------------------------------------------------- */

/* October: Ánh 22 days, 2+1 absent; H'Bơr 22, 0; Dợ 20, 4+0; Hờ (7A) 20, 0+5.
 * November: Ánh 18 days, 0 absent. */
static void enter_two_months(fixture *f)
{
    hd_msgs errors = {0};
    hd_att oct[4] = {row(f->c[0], 22, 2, 1, -1), row(f->c[1], 22, 0, 0, -1),
                     row(f->c[2], 20, 4, 0, -1), row(f->c[3], 20, 0, 5, 5)};
    assert_int_equal(save(f, 2026, 10, oct, 4, &errors), 4);
    hd_att nov[1] = {row(f->c[0], 18, 0, 0, -1)};
    assert_int_equal(save(f, 2026, 11, nov, 1, &errors), 1);
}

static const hd_att_rate *find(const hd_att_rate *r, int n, const char *label)
{
    for (int i = 0; i < n; i++)
        if (strcmp(r[i].label, label) == 0)
            return &r[i];
    fail_msg("no row '%s'", label);
    return NULL;
}

static void test_rates(void **state)
{
    fixture *f = *state;
    enter_two_months(f);
    hd_att_rate *r;
    hd_err err;
    /* commune, October: 84 days, 12 absent: 72/84 = 85.714 % */
    int n = attendance_rates(f->t->db, 2026, 10, 2026, 10, ATT_BY_COMMUNE, "vi", 0, &r, &err);
    assert_int_equal(n, 1);
    assert_int_equal(r[0].pupils, 4);
    assert_int_equal(r[0].school_days, 84);
    assert_float_equal(r[0].rate, 100.0 * 72 / 84, 1e-9);
    /* the home screen's shortcut gives the same rate, also over months */
    double rate = 0;
    assert_int_equal(attendance_commune_rate(f->t->db, 2026, 10, 2026, 10, &rate), 1);
    assert_float_equal(rate, r[0].rate, 1e-9);
    attendance_rates_free(r, n);
    n = attendance_rates(f->t->db, 2026, 9, 2026, 11, ATT_BY_COMMUNE, "vi", 0, &r, &err);
    assert_int_equal(attendance_commune_rate(f->t->db, 2026, 9, 2026, 11, &rate), 1);
    assert_float_equal(rate, r[0].rate, 1e-9);
    attendance_rates_free(r, n);
    assert_int_equal(attendance_commune_rate(f->t->db, 2025, 9, 2025, 11, &rate), 0);
    /* village: Làng Ốp (Ánh, H'Bơr) 44 days, 3 absent: 41/44 = 93.18 %;
     * Plei Bông (Dợ, Hờ) 40 days, 9 absent: 31/40 = 77.5 % */
    n = attendance_rates(f->t->db, 2026, 10, 2026, 10, ATT_BY_VILLAGE, "vi", 0, &r, &err);
    assert_int_equal(n, 2);
    assert_float_equal(find(r, n, "Làng Ốp")->rate, 100.0 * 41 / 44, 1e-9);
    assert_float_equal(find(r, n, "Plei Bông")->rate, 77.5, 1e-9);
    attendance_rates_free(r, n);
    /* class 6A: 64 days, 7 absent: 57/64 = 89.0625 %; 7A: 15/20 = 75 % */
    n = attendance_rates(f->t->db, 2026, 10, 2026, 10, ATT_BY_CLASS, "vi", 0, &r, &err);
    assert_int_equal(n, 2);
    assert_float_equal(find(r, n, "Trường THCS Ia Dêr · 6A")->rate, 89.0625, 1e-9);
    assert_float_equal(find(r, n, "Trường THCS Ia Dêr · 7A")->rate, 75.0, 1e-9);
    attendance_rates_free(r, n);
    /* ethnic minority: H'Bơr, Dợ, Hờ: 62 days, 9 absent: 53/62 */
    n = attendance_rates(f->t->db, 2026, 10, 2026, 10, ATT_BY_MINORITY, "en", 0, &r, &err);
    assert_int_equal(n, 2);
    assert_float_equal(find(r, n, "Ethnic minority")->rate, 100.0 * 53 / 62, 1e-9);
    assert_float_equal(find(r, n, "Not ethnic minority")->rate, 100.0 * 19 / 22, 1e-9);
    attendance_rates_free(r, n);
    /* school year to date (September..November), by child: Ánh 40 days, 3
     * absent: 37/40 = 92.5 % */
    n = attendance_rates(f->t->db, 2026, 9, 2026, 11, ATT_BY_CHILD, "vi", 0, &r, &err);
    assert_int_equal(n, 4);
    int seen = 0;
    for (int i = 0; i < n; i++)
        if (strncmp(r[i].label, "Rơ Châm Ánh (2014)", 18) == 0) {
            assert_int_equal(r[i].school_days, 40);
            assert_float_equal(r[i].rate, 92.5, 1e-9);
            seen = 1;
        }
    assert_true(seen);
    attendance_rates_free(r, n);
    /* school: the one school, the same as the commune in October */
    n = attendance_rates(f->t->db, 2026, 10, 2026, 10, ATT_BY_SCHOOL, "vi", 0, &r, &err);
    assert_int_equal(n, 1);
    assert_string_equal(r[0].label, "Trường THCS Ia Dêr");
    assert_int_equal(r[0].excused * 100 + r[0].unexcused, 606);   /* 2+4, 1+5 */
    assert_float_equal(r[0].rate, 100.0 * 72 / 84, 1e-9);
    attendance_rates_free(r, n);
    /* level: all lower secondary, the same as the commune in October */
    n = attendance_rates(f->t->db, 2026, 10, 2026, 10, ATT_BY_LEVEL, "vi", 0, &r, &err);
    assert_int_equal(n, 1);
    assert_string_equal(r[0].label, "THCS");
    assert_float_equal(r[0].rate, 100.0 * 72 / 84, 1e-9);
    attendance_rates_free(r, n);
}

static void test_month_figure_and_rating(void **state)
{
    fixture *f = *state;
    enter_two_months(f);
    hd_month m;
    hd_err err;
    assert_int_equal(monthly_figures(f->t->db, &f->cfg, 2026, 10, &m, &err), 0);
    double x;
    /* the commune: 72/84 */
    assert_int_equal(monthly_measure(&m.v[0], "attendance_rate", &x), 0);
    assert_float_equal(x, 100.0 * 72 / 84, 1e-9);
    assert_float_equal(m.v[0].col[MCOL_MINORITY].v[MF_ATTENDANCE_RATE], 100.0 * 53 / 62, 1e-9);
    /* Plei Bông: 31/40 */
    for (int i = 1; i < m.nv; i++)
        if (m.v[i].id == f->vb) {
            assert_int_equal(monthly_measure(&m.v[i], "attendance_rate", &x), 0);
            assert_float_equal(x, 77.5, 1e-9);
        }
    /* a rule on attendance caps Plei Bông (77.5 < 80) and not Làng Ốp */
    free(f->cfg.rules[0].measure);
    f->cfg.rules[0].measure = xstrdup("attendance_rate");
    free(f->cfg.rules[0].op);
    f->cfg.rules[0].op = xstrdup("<");
    f->cfg.rules[0].value = 80;
    hd_month_rating *r;
    int n = monthly_rate_branches(&f->cfg, &m, &r);
    for (int i = 0; i < n; i++)
        if (r[i].village_id == f->vb)
            assert_string_equal(r[i].rules, f->cfg.rules[0].name);
        else
            assert_true(strstr(r[i].rules, f->cfg.rules[0].name) == NULL);
    free(r);
    monthly_free(&m);
    /* a month with no attendance has no rate: the rule does not fire */
    assert_int_equal(monthly_figures(f->t->db, &f->cfg, 2026, 9, &m, &err), 0);
    assert_int_equal(monthly_measure(&m.v[0], "attendance_rate", &x), 1);
    monthly_free(&m);
}

/* ---- the rules, one by one ------------------------------------------------------ */

static void test_rules(void **state)
{
    fixture *f = *state;
    hd_config *c = &f->cfg;
    double s;
    hd_warn_input in = {.school_days = 20, .absent = 1, .consecutive = -1,
                        .poverty = POVERTY_NONE};
    assert_int_equal(warn_evaluate(c, &in, &s), 0);
    assert_float_equal(s, 0, 0);
    /* 2 of 20 days is exactly 10 %: chronic absence, weight 3 */
    in.absent = 2;
    assert_int_equal(warn_evaluate(c, &in, &s), 1u << WRULE_CHRONIC_ABSENCE);
    assert_float_equal(s, 3.0, 1e-12);
    /* 2 of 21 days is 9.52 %: no */
    in.school_days = 21;
    assert_int_equal(warn_evaluate(c, &in, &s), 0);
    /* a run of 5 days: fires at the threshold 5, not at 4 */
    in.consecutive = 5;
    assert_int_equal(warn_evaluate(c, &in, &s), 1u << WRULE_CONSECUTIVE_ABSENCE);
    in.consecutive = 4;
    assert_int_equal(warn_evaluate(c, &in, &s), 0);
    in = (hd_warn_input){.school_days = 20, .consecutive = -1, .repeating = 1};
    assert_int_equal(warn_evaluate(c, &in, &s), 1u << WRULE_REPEATED_GRADE);
    assert_float_equal(s, 1.5, 1e-12);
    in = (hd_warn_input){.school_days = 20, .consecutive = -1};
    snprintf(in.earlier_dropout, sizeof in.earlier_dropout, "2025-03-02");
    assert_int_equal(warn_evaluate(c, &in, &s), 1u << WRULE_EARLIER_DROPOUT);
    assert_float_equal(s, 2.0, 1e-12);
    in = (hd_warn_input){.school_days = 20, .consecutive = -1};
    snprintf(in.sibling, sizeof in.sibling, "Rơ Châm Đào");
    assert_int_equal(warn_evaluate(c, &in, &s), 1u << WRULE_SIBLING_DROPOUT);
    assert_float_equal(s, 1.5, 1e-12);
    /* household factors: near-poor, parents away, seasonal work, fields */
    in = (hd_warn_input){.school_days = 20, .consecutive = -1, .poverty = POVERTY_NEAR_POOR,
                         .risk = (1u << RISK_PARENTS_AWAY) | (1u << RISK_SEASONAL_WORK) |
                                 (1u << RISK_LIVING_IN_FIELDS)};
    assert_int_equal(warn_evaluate(c, &in, &s),
                     (1u << WRULE_POVERTY) | (1u << WRULE_PARENTS_AWAY) |
                         (1u << WRULE_SEASONAL_WORK) | (1u << WRULE_LIVING_IN_FIELDS));
    assert_float_equal(s, 4.0, 1e-12);
    /* poverty recorded on the child counts as the household's */
    in = (hd_warn_input){.school_days = 20, .consecutive = -1, .risk = 1u << RISK_POVERTY};
    assert_int_equal(warn_evaluate(c, &in, &s), 1u << WRULE_POVERTY);
    /* a weight of 0 switches a rule off */
    c->warn_weight[WRULE_POVERTY] = 0;
    assert_int_equal(warn_evaluate(c, &in, &s), 0);
    assert_float_equal(s, 0, 0);
    /* the figures, stored and told */
    in = (hd_warn_input){.school_days = 22, .absent = 6, .consecutive = 6};
    char *facts = warn_facts((1u << WRULE_CHRONIC_ABSENCE) | (1u << WRULE_CONSECUTIVE_ABSENCE),
                             &in);
    assert_string_equal(facts, "chronic_absence=6/22;consecutive_absence=6");
    char *told = warn_describe((1u << WRULE_CHRONIC_ABSENCE) | (1u << WRULE_CONSECUTIVE_ABSENCE),
                               facts, "2026-10");
    assert_string_equal(told, "absent 6/22 days in 10/2026; absent 6 days in a row");
    free(told);
    free(facts);
}

/* ---- run, confirm, dismiss ------------------------------------------------------ */

static void test_run_confirm_dismiss(void **state)
{
    fixture *f = *state;
    hd_err err;
    /* Đào (household a) dropped out on 15/10: her sister Ánh gets the
     * sibling rule (1.5) on top of her October absence 3/22 = 13.6 % (3):
     * 4.5.  Hờ: 5/20 = 25 % (3) and a run of 5 (3): 6.  H'Bơr, Dợ: nothing
     * reaches 3 (Dợ 4/20 = 20 %: 3 -> proposed too). */
    assert_int_equal(child_set_status(f->t->db, f->c[4], STATUS_DROPPED_OUT, "2026-10-15",
                                      "đi làm thuê", "test", &err), 0);
    enter_two_months(f);
    hd_warn_run r;
    assert_int_equal(warn_run(f->t->db, &f->cfg, 2026, 10, &r, &err), 3);
    assert_int_equal(r.pupils, 4);
    assert_int_equal(r.fired, 3);
    /* again: nothing new */
    assert_int_equal(warn_run(f->t->db, &f->cfg, 2026, 10, &r, &err), 0);
    assert_int_equal(r.already, 3);
    hd_warning *w;
    hd_warn_filter flt = {.status = WSTATUS_PROPOSED};
    int n = warn_list(f->t->db, &flt, &w, &err);
    assert_int_equal(n, 3);
    /* by score: Hờ 6, Ánh 4.5, Dợ 3 */
    assert_int_equal(w[0].child_id, f->c[3]);
    assert_float_equal(w[0].score, 6.0, 1e-12);
    assert_int_equal(w[1].child_id, f->c[0]);
    assert_float_equal(w[1].score, 4.5, 1e-12);
    char *told = warn_describe(w[1].rules, w[1].facts, w[1].month);
    assert_string_equal(told, "absent 3/22 days in 10/2026; sibling Rơ Châm Đào dropped out");
    free(told);
    /* nothing changed a status yet */
    assert_int_equal(testdb_long(f->t, "SELECT count(*) FROM child WHERE status = 'at_risk'"), 0);
    /* a reason is required */
    assert_int_equal(warn_decide(f->t->db, w[0].id, w[0].version, 1, "  ", &err), -1);
    /* a stale version conflicts */
    int rc = warn_decide(f->t->db, w[0].id, w[0].version + 1, 1, "vắng nhiều", &err);
    if (rc != HD_CONFLICT)
        fprintf(stderr, "%s\n", err.msg);
    assert_int_equal(rc, HD_CONFLICT);
    assert_int_equal(warn_decide(f->t->db, w[0].id, w[0].version, 1, "vắng nhiều", &err), 0);
    assert_int_equal(warn_decide(f->t->db, w[2].id, w[2].version, 0, "ốm, có giấy", &err), 0);
    /* decided once only */
    assert_int_equal(warn_decide(f->t->db, w[2].id, w[2].version + 1, 1, "x", &err), -1);
    /* Hờ is at risk, from the proposal, and his household has no one */
    char *sql = xasprintf("SELECT count(*) FROM child_status WHERE child_id = %lld AND status ="
                          " 'at_risk' AND source = 'warning:%s'", (long long)f->c[3], w[0].uid);
    assert_int_equal(testdb_long(f->t, sql), 1);
    free(sql);
    hd_unassigned *u;
    int nu = unassigned_households(f->t->db, &u, &err);
    int found = 0;
    for (int i = 0; i < nu; i++)
        found |= u[i].household_id == f->hb;
    assert_true(found);
    unassigned_free(u, nu);
    /* Dợ keeps her status */
    sql = xasprintf("SELECT status = 'enrolled' FROM child WHERE id = %lld", (long long)f->c[2]);
    assert_int_equal(testdb_long(f->t, sql), 1);
    free(sql);
    warnings_free(w, n);
    /* both decisions are in the audit log */
    assert_int_equal(testdb_long(f->t, "SELECT count(*) FROM audit WHERE tbl = 'warning'"
                                       " AND field = 'status'"), 2);
    /* Hờ, at risk now, is not proposed again in November */
    hd_msgs errors = {0};
    hd_att nov[1] = {row(f->c[3], 18, 0, 9, -1)};
    assert_int_equal(save(f, 2026, 11, nov, 1, &errors), 1);
    assert_int_equal(warn_run(f->t->db, &f->cfg, 2026, 11, &r, &err), 0);
    assert_int_equal(r.not_in_school, 1);
}

/* ---- looking back ------------------------------------------------------------------ */

static void test_review(void **state)
{
    fixture *f = *state;
    hd_err err;
    /* School year 2025-2026.  Ánh: chronic absence in October 2025 (5/20),
     * dropped out 10/12/2025: foreseen by chronic absence (October is
     * before December).  Dợ: chronic absence in November 2025 (4/20), dropped
     * out 20/11/2025: the same month, not foreseen.  H'Bơr: chronic in
     * October, stayed: a false alarm.  Hờ: never absent, stayed. */
    hd_att rows[4];
    int64_t ids[4] = {f->c[0], f->c[2], f->c[1], f->c[3]};
    int abs_oct[4] = {5, 0, 2, 0}, abs_nov[4] = {0, 4, 0, 0};
    char sql[300];
    for (int k = 0; k < 4; k++) {
        rows[k] = row(ids[k], 20, 0, abs_oct[k], -1);
        /* written directly: a past school year, before these children's
         * first status entries, is not what the grid is for */
        snprintf(sql, sizeof sql, "INSERT INTO attendance(uid, child_id, month, school_days,"
                 " absent_unexcused) VALUES ('t%d-10', %lld, '2025-10', 20, %d),"
                 " ('t%d-11', %lld, '2025-11', 20, %d)", k, (long long)ids[k], abs_oct[k], k,
                 (long long)ids[k], abs_nov[k]);
        assert_int_equal(db_exec(f->t->db, sql, &err), 0);
    }
    (void)rows;
    snprintf(sql, sizeof sql, "INSERT INTO child_status(uid, child_id, status, date)"
             " VALUES ('x1', %lld, 'dropped_out', '2025-12-10'),"
             " ('x2', %lld, 'dropped_out', '2025-11-20')", (long long)f->c[0], (long long)f->c[2]);
    assert_int_equal(db_exec(f->t->db, sql, &err), 0);
    hd_warn_record r[WRULE_COUNT + 1];
    assert_int_equal(warn_review(f->t->db, &f->cfg, 2025, r, &err), 0);
    assert_int_equal(r[WRULE_CHRONIC_ABSENCE].dropouts, 2);
    assert_int_equal(r[WRULE_CHRONIC_ABSENCE].foreseen, 1);
    assert_int_equal(r[WRULE_CHRONIC_ABSENCE].stayed, 2);
    assert_int_equal(r[WRULE_CHRONIC_ABSENCE].false_alarms, 1);
    /* the proposal (score 3 >= 3) is the same here */
    assert_int_equal(r[WRULE_COUNT].foreseen, 1);
    assert_int_equal(r[WRULE_COUNT].false_alarms, 1);
    assert_int_equal(r[WRULE_REPEATED_GRADE].foreseen, 0);
    assert_int_equal(r[WRULE_REPEATED_GRADE].false_alarms, 0);
}

/* ---- the cultured-family review list ---------------------------------------------- */

static void test_family_review(void **state)
{
    fixture *f = *state;
    hd_err err;
    /* Đào dropped out; a child of 8 never enrolled (no level); a child of 5
     * with no level is not of school age yet; a transferred child is out */
    assert_int_equal(child_set_status(f->t->db, f->c[4], STATUS_DROPPED_OUT, "2026-10-15",
                                      "đi làm thuê", "test", &err), 0);
    hd_child k = {.household_id = f->hc, .full_name = xstrdup("Siu Văn Kim"), .sex = SEX_MALE,
                  .birth_year = 2018, .level = -1};
    assert_int_equal(child_insert(f->t->db, &k, STATUS_ENROLLED, "2026-09-05", "", "t", &err), 0);
    int64_t never = k.id;
    child_free(&k);
    k = (hd_child){.household_id = f->hc, .full_name = xstrdup("Siu Văn Út"), .sex = SEX_MALE,
                   .birth_year = 2021, .level = -1};
    assert_int_equal(child_insert(f->t->db, &k, STATUS_ENROLLED, "2026-09-05", "", "t", &err), 0);
    child_free(&k);
    enter_two_months(f);
    /* As of November, September to November: Ánh 3 of 40 days (7.5 %: no),
     * H'Bơr 0/22, Dợ 4/20 (20 %), Hờ 5/20 (25 %). */
    hd_family_row *r;
    int n = family_review(f->t->db, &f->cfg, 2026, 11, 0, &r, &err);
    assert_int_equal(n, 4);
    int64_t want[4] = {f->c[4], never, f->c[2], f->c[3]};
    for (int i = 0; i < n; i++)
        assert_int_equal(r[i].child_id, want[i]);
    assert_true(r[0].not_in_school);
    assert_int_equal(r[0].status, STATUS_DROPPED_OUT);
    assert_int_equal(r[1].status, -1);
    assert_false(r[2].not_in_school);
    assert_int_equal(r[2].absent, 4);
    assert_int_equal(r[2].days, 20);
    assert_string_equal(r[2].village, "Plei Bông");
    family_rows_free(r, n);
    /* As of October, Ánh's 3 of 22 (13.6 %) counts; Đào had not left in
     * September */
    n = family_review(f->t->db, &f->cfg, 2026, 10, 0, &r, &err);
    assert_int_equal(n, 5);
    family_rows_free(r, n);
    n = family_review(f->t->db, &f->cfg, 2026, 9, 0, &r, &err);
    assert_int_equal(n, 1);   /* only the child never enrolled */
    assert_int_equal(r[0].child_id, never);
    family_rows_free(r, n);
}

/* ---- causes --------------------------------------------------------------------------- */

static void set_risk(fixture *f, int64_t id, unsigned risk)
{
    hd_child c;
    hd_err err;
    assert_int_equal(child_get(f->t->db, id, &c, &err), 0);
    c.risk = risk;
    assert_int_equal(child_update(f->t->db, &c, &err), 0);
    child_free(&c);
}

static const hd_cause_row *cause_at(const hd_cause_row *r, int n, int64_t v, int cause)
{
    for (int i = 0; i < n; i++)
        if (r[i].village_id == v && r[i].cause == cause)
            return &r[i];
    return NULL;
}

static void test_causes(void **state)
{
    fixture *f = *state;
    hd_err err;
    /* Làng Ốp: Đào dropped out on 15/10 (poverty, working for hire); Ánh at
     * risk (poverty).  Plei Bông: Hờ at risk (no cause recorded); Dợ
     * dropped out in April, the school year before: not counted. */
    set_risk(f, f->c[4], (1u << RISK_POVERTY) | (1u << RISK_WORKING_FOR_HIRE));
    set_risk(f, f->c[0], 1u << RISK_POVERTY);
    assert_int_equal(child_set_status(f->t->db, f->c[4], STATUS_DROPPED_OUT, "2026-10-15",
                                      "x", "t", &err), 0);
    assert_int_equal(child_set_status(f->t->db, f->c[0], STATUS_AT_RISK, "2026-11-02", "x",
                                      "t", &err), 0);
    assert_int_equal(child_set_status(f->t->db, f->c[3], STATUS_AT_RISK, "2026-11-03", "x",
                                      "t", &err), 0);
    assert_int_equal(db_exec(f->t->db, "INSERT INTO child_status(uid, child_id, status, date)"
                                       " SELECT 'old', id, 'dropped_out', '2026-04-10' FROM child"
                                       " WHERE full_name = 'Ksor Thị Dợ'", &err), 0);
    hd_cause_row *r;
    int n = causes_report(f->t->db, &f->cfg, 2026, 11, &r, &err);
    /* Làng Ốp THCS: poverty 1 dropout + 1 at risk, working for hire 1
     * dropout; Plei Bông THCS: not recorded, 1 at risk; then the commune:
     * poverty 1/1, hire 1/0, not recorded 0/1 */
    assert_int_equal(n, 6);
    const hd_cause_row *x = cause_at(r, n, f->va, RISK_POVERTY);
    assert_non_null(x);
    assert_int_equal(x->level, LEVEL_LOWER_SECONDARY);
    assert_int_equal(x->dropouts, 1);
    assert_int_equal(x->at_risk, 1);
    x = cause_at(r, n, f->va, RISK_WORKING_FOR_HIRE);
    assert_int_equal(x->dropouts * 10 + x->at_risk, 10);
    x = cause_at(r, n, f->vb, CAUSE_NONE);
    assert_int_equal(x->dropouts * 10 + x->at_risk, 1);
    x = cause_at(r, n, -1, RISK_POVERTY);
    assert_int_equal(x->level, LEVEL_COUNT);
    assert_int_equal(x->dropouts * 10 + x->at_risk, 11);
    /* villages first, in order, the commune last */
    assert_int_equal(r[0].village_id, f->va);
    assert_int_equal(r[n - 1].village_id, -1);
    cause_rows_free(r, n);
    /* in September nobody was out or at risk yet */
    n = causes_report(f->t->db, &f->cfg, 2026, 9, &r, &err);
    assert_int_equal(n, 0);
    cause_rows_free(r, n);
}

/* ---- sponsors' results ------------------------------------------------------------- */

static int64_t sponsor(fixture *f, int64_t member, int64_t child, const char *from)
{
    hd_assignment a = {.member_id = member, .child_id = child, .role = AROLE_SPONSOR,
                       .season = -1, .reason = xstrdup("")};
    snprintf(a.start_date, sizeof a.start_date, "%s", from);
    hd_err err;
    int rc = assignment_add(f->t->db, &a, &err);
    if (rc)
        fprintf(stderr, "%s\n", err.msg);
    assert_int_equal(rc, 0);
    int64_t id = a.id;
    assignment_free(&a);
    return id;
}

static void test_sponsors(void **state)
{
    fixture *f = *state;
    hd_err err;
    hd_member m = {.full_name = xstrdup("Nguyễn Thị Lan"), .org = ORG_SCHOOL,
                   .committee_role = CROLE_MEMBER};
    assert_int_equal(member_insert(f->t->db, &m, &err), 0);
    enter_two_months(f);
    /* Ánh from 01/09: October 19/22 present (86.36 %), November 18/18
     * (100 %).  Hờ from 10/10 until 05/11: October 15/20 (75 %) both at the
     * start and at the end (no November row); at risk from 03/11, inside
     * the sponsorship.  Ánh's history starts on 05/09, after her
     * sponsorship: her status at the start is that first entry. */
    sponsor(f, m.id, f->c[0], "2026-09-01");
    int64_t a = sponsor(f, m.id, f->c[3], "2026-10-10");
    hd_assignment as;
    assert_int_equal(assignment_get(f->t->db, a, &as, &err), 0);
    assert_int_equal(assignment_end(f->t->db, a, as.version, "2026-11-05", "chuyển", &err), 0);
    assignment_free(&as);
    assert_int_equal(child_set_status(f->t->db, f->c[3], STATUS_AT_RISK, "2026-11-03", "x",
                                      "t", &err), 0);
    hd_sponsor_row *r;
    int n = sponsor_results(f->t->db, &f->cfg, 2026, 11, 0, &r, &err);
    assert_int_equal(n, 2);
    /* by child name within the member: Ánh, then Hờ */
    assert_int_equal(r[0].child_id, f->c[0]);
    assert_string_equal(r[0].from, "2026-09-01");
    assert_string_equal(r[0].until, "2026-11-24");
    assert_string_equal(r[0].att_start_month, "2026-10");
    assert_float_equal(r[0].att_start, 100.0 * 19 / 22, 1e-9);
    assert_string_equal(r[0].att_end_month, "2026-11");
    assert_float_equal(r[0].att_end, 100.0, 1e-9);
    assert_int_equal(r[0].status_start, STATUS_ENROLLED);
    assert_int_equal(r[1].child_id, f->c[3]);
    assert_string_equal(r[1].until, "2026-11-05");
    assert_float_equal(r[1].att_start, 75.0, 1e-9);
    assert_float_equal(r[1].att_end, 75.0, 1e-9);
    assert_int_equal(r[1].status_start, STATUS_ENROLLED);
    assert_int_equal(r[1].status_end, STATUS_AT_RISK);
    sponsor_rows_free(r, n);
    /* in September Hờ was not sponsored yet */
    n = sponsor_results(f->t->db, &f->cfg, 2026, 9, 0, &r, &err);
    assert_int_equal(n, 1);
    assert_string_equal(r[0].att_start_month, "");
    sponsor_rows_free(r, n);
    member_free(&m);
}

/* ---- the support register ------------------------------------------------------------ */

static int give(fixture *f, int64_t child, int kind, const char *source, long long value,
                const char *date, hd_err *err)
{
    hd_support_entry e = {.child_id = child, .kind = kind, .source = xstrdup(source),
                          .what = xstrdup(""), .value = value};
    snprintf(e.date, sizeof e.date, "%s", date);
    int rc = support_add(f->t->db, &e, err);
    support_entry_free(&e);
    return rc;
}

static void test_support(void **state)
{
    fixture *f = *state;
    hd_err err;
    /* Làng Ốp: Ánh 1,000,000 (scholarship, 15/09) and 300,000 (boarding,
     * 02/11); Plei Bông: Dợ 450,000 (books and clothes, 20/10). */
    assert_int_equal(give(f, f->c[0], SUPPORT_SCHOLARSHIP, "Hội Khuyến học", 1000000,
                          "15/09/2026", &err), 0);
    assert_int_equal(give(f, f->c[2], SUPPORT_BOOKS_CLOTHES, "Hội Phụ nữ", 450000,
                          "2026-10-20", &err), 0);
    assert_int_equal(give(f, f->c[0], SUPPORT_BOARDING, "Nhân dân thôn", 300000, "02/11/2026",
                          &err), 0);
    /* refused, nothing saved: an archived child, a negative value, a date
     * in the future, no source */
    hd_child c;
    assert_int_equal(child_get(f->t->db, f->c[1], &c, &err), 0);
    assert_int_equal(record_archive(f->t->db, "child", c.id, c.version, 1, &err), 0);
    child_free(&c);
    assert_int_equal(give(f, f->c[1], SUPPORT_GIFT, "X", 1, "01/11/2026", &err), -1);
    assert_string_equal(err.msg, "child: Siu H'Bơr's record is archived: no support can be "
                                 "recorded");
    assert_int_equal(give(f, f->c[0], SUPPORT_GIFT, "X", -1, "01/11/2026", &err), -1);
    assert_string_equal(err.msg, "value: -1 is negative");
    assert_int_equal(give(f, f->c[0], SUPPORT_GIFT, "X", 1, "25/11/2026", &err), -1);
    assert_int_equal(give(f, f->c[0], SUPPORT_GIFT, " ", 1, "01/11/2026", &err), -1);
    assert_int_equal(testdb_long(f->t, "SELECT count(*) FROM support"), 3);
    assert_int_equal(testdb_long(f->t, "SELECT count(*) FROM audit WHERE tbl = 'support'"), 3);
    /* totals by village: Làng Ốp 2 entries, 1 child, 1,300,000; Plei Bông
     * 1, 1, 450,000; all 3 entries, 2 children, 1,750,000 */
    hd_support_total *t;
    int n = support_totals(f->t->db, "2026-09-01", "2026-11-24", SUPPORT_BY_VILLAGE, "vi", &t,
                           &err);
    assert_int_equal(n, 3);
    assert_string_equal(t[0].label, "Làng Ốp");
    assert_int_equal(t[0].entries * 10 + t[0].children, 21);
    assert_int_equal(t[0].value, 1300000);
    assert_int_equal(t[1].value, 450000);
    assert_string_equal(t[2].label, "");
    assert_int_equal(t[2].entries * 10 + t[2].children, 32);
    assert_int_equal(t[2].value, 1750000);
    support_totals_free(t, n);
    /* by month: 09 1,000,000; 10 450,000; 11 300,000 */
    n = support_totals(f->t->db, "2026-09-01", "2026-11-24", SUPPORT_BY_MONTH, "vi", &t, &err);
    assert_int_equal(n, 4);
    assert_string_equal(t[1].label, "10/2026");
    assert_int_equal(t[1].value, 450000);
    support_totals_free(t, n);
    /* by source, October only */
    n = support_totals(f->t->db, "2026-10-01", "2026-10-31", SUPPORT_BY_SOURCE, "vi", &t, &err);
    assert_int_equal(n, 2);
    assert_string_equal(t[0].label, "Hội Phụ nữ");
    support_totals_free(t, n);
}

/* ---- children of officials ------------------------------------------------------------ */

static void test_officials(void **state)
{
    fixture *f = *state;
    hd_err err;
    unsigned set;
    assert_int_equal(position_parse("đảng viên; cong chuc", &set, &err), 0);
    assert_int_equal(set, (1u << POS_PARTY_MEMBER) | (1u << POS_CIVIL_SERVANT));
    assert_int_equal(position_parse("đảng viên, thợ mộc", &set, &err), -1);
    char *t = position_text(set, "vi");
    assert_string_equal(t, "Đảng viên, Công chức");
    free(t);
    /* household a (Ánh, Đào) holds a party member; household b (Dợ, Hờ)
     * an association member; c none.  Đào dropped out 15/10, Hờ at risk
     * 03/11, H'Bơr (household c) at risk 01/11: not listed. */
    hd_household_position p;
    assert_int_equal(position_get(f->t->db, f->ha, &p, &err), 0);
    assert_int_equal(p.version, 0);
    p.positions = 1u << POS_PARTY_MEMBER;
    /* the holder is required */
    assert_int_equal(position_set(f->t->db, &p, &err), -1);
    free(p.holder);
    p.holder = xstrdup("Bố: đảng viên, trưởng thôn");
    assert_int_equal(position_set(f->t->db, &p, &err), 0);
    /* a stale version conflicts */
    p.version = 0;
    assert_int_equal(position_set(f->t->db, &p, &err), HD_CONFLICT);
    position_free(&p);
    assert_int_equal(position_get(f->t->db, f->hb, &p, &err), 0);
    p.positions = 1u << POS_ASSOCIATION_MEMBER;
    free(p.holder);
    p.holder = xstrdup("Mẹ: hội viên Hội Phụ nữ");
    assert_int_equal(position_set(f->t->db, &p, &err), 0);
    position_free(&p);
    assert_int_equal(testdb_long(f->t, "SELECT count(*) FROM audit WHERE tbl ="
                                       " 'household_position'"), 2);
    assert_int_equal(child_set_status(f->t->db, f->c[4], STATUS_DROPPED_OUT, "2026-10-15",
                                      "x", "t", &err), 0);
    assert_int_equal(child_set_status(f->t->db, f->c[3], STATUS_AT_RISK, "2026-11-03", "x",
                                      "t", &err), 0);
    assert_int_equal(child_set_status(f->t->db, f->c[1], STATUS_AT_RISK, "2026-11-01", "x",
                                      "t", &err), 0);
    hd_official_row *r;
    int n = officials_list(f->t->db, 2026, 11, 0, &r, &err);
    assert_int_equal(n, 2);
    assert_int_equal(r[0].child_id, f->c[4]);   /* Làng Ốp first */
    assert_int_equal(r[0].status, STATUS_DROPPED_OUT);
    assert_string_equal(r[0].status_date, "2026-10-15");
    assert_int_equal(r[1].child_id, f->c[3]);
    assert_int_equal(r[1].positions, 1u << POS_ASSOCIATION_MEMBER);
    official_rows_free(r, n);
    /* as of October: Hờ was not at risk yet */
    n = officials_list(f->t->db, 2026, 10, 0, &r, &err);
    assert_int_equal(n, 1);
    official_rows_free(r, n);
    /* an archived household's positions cannot be changed */
    hd_household h;
    assert_int_equal(household_get(f->t->db, f->hc, &h, &err), 0);
    assert_int_equal(record_archive(f->t->db, "household", h.id, h.version, 1, &err), 0);
    household_free(&h);
    assert_int_equal(position_get(f->t->db, f->hc, &p, &err), 0);
    p.positions = 1u << POS_OFFICIAL;
    free(p.holder);
    p.holder = xstrdup("Bố");
    assert_int_equal(position_set(f->t->db, &p, &err), -1);
    position_free(&p);
}

/* ---- after grade 9 -------------------------------------------------------------------- */

static void test_leavers(void **state)
{
    fixture *f = *state;
    hd_err err;
    assert_int_equal(path_lookup("vào lớp 10"), PATH_GRADE10);
    assert_int_equal(path_lookup("hoc nghe"), PATH_VOCATIONAL);
    assert_int_equal(path_lookup("GDTX"), PATH_CONTINUING);
    assert_int_equal(path_lookup("đi chăn bò"), -1);
    /* 2025-2026's grade 9: Ánh admitted to grade 10 but still in lower
     * secondary (not turned up); Dợ admitted, now in upper secondary (turned
     * up); Hờ vocational; H'Bơr undecided */
    hd_child c;
    assert_int_equal(child_get(f->t->db, f->c[2], &c, &err), 0);
    c.level = LEVEL_UPPER_SECONDARY;
    c.grade = 10;
    assert_int_equal(child_update(f->t->db, &c, &err), 0);
    child_free(&c);
    struct { int64_t id; int path, admitted; } in[4] = {
        {f->c[0], PATH_GRADE10, 1}, {f->c[2], PATH_GRADE10, 1}, {f->c[3], PATH_VOCATIONAL, 0},
        {f->c[1], PATH_UNDECIDED, 0},
    };
    for (int i = 0; i < 4; i++) {
        hd_leaver l = {.child_id = in[i].id, .school_year = 2025, .path = in[i].path,
                       .admitted = in[i].admitted, .note = NULL};
        assert_int_equal(leaver_set(f->t->db, &l, &err), 0);
        assert_int_equal(l.version, 1);
    }
    /* again from version 0: a conflict; a year not started; an unknown path */
    hd_leaver l = {.child_id = f->c[3], .school_year = 2025, .path = PATH_NONE, .note = NULL};
    assert_int_equal(leaver_set(f->t->db, &l, &err), HD_CONFLICT);
    l.version = 1;
    assert_int_equal(leaver_set(f->t->db, &l, &err), 0);
    l = (hd_leaver){.child_id = f->c[3], .school_year = 2027, .path = PATH_NONE, .note = NULL};
    assert_int_equal(leaver_set(f->t->db, &l, &err), -1);
    l.school_year = 2025;
    l.path = PATH_COUNT;
    assert_int_equal(leaver_set(f->t->db, &l, &err), -1);
    hd_leaver *r;
    int n = leavers_list(f->t->db, 2025, 0, &r, &err);
    assert_int_equal(n, 4);
    int missing = 0;
    for (int i = 0; i < n; i++) {
        missing += r[i].not_turned_up;
        if (r[i].child_id == f->c[0])
            assert_true(r[i].not_turned_up);
        if (r[i].child_id == f->c[2])
            assert_false(r[i].not_turned_up);
        if (r[i].child_id == f->c[3])
            assert_int_equal(r[i].path, PATH_NONE);
    }
    assert_int_equal(missing, 1);
    leavers_free(r, n);
    assert_int_equal(testdb_long(f->t, "SELECT count(*) FROM audit WHERE tbl = 'leaver'"), 5);
}

/* ---- the config --------------------------------------------------------------------- */

static void test_config_rules(void **state)
{
    fixture *f = *state;
    const char *p = testdb_file(f->t, "w.cfg",
                                "warning = {\n"
                                "  threshold = 4.0;\n"
                                "  rules = {\n"
                                "    chronic_absence = { threshold = 15.0; weight = 4.0; };\n"
                                "  };\n"
                                "};\n");
    hd_config c;
    config_defaults(&c);
    hd_msgs errs = {0};
    assert_int_equal(config_load(&c, p, &errs), 0);
    assert_float_equal(c.warn_limit[WRULE_CHRONIC_ABSENCE], 15.0, 0);
    assert_float_equal(c.warn_weight[WRULE_CHRONIC_ABSENCE], 4.0, 0);
    assert_float_equal(c.warn_weight[WRULE_POVERTY], 1.0, 0);
    assert_float_equal(c.warn_threshold, 4.0, 0);
    p = testdb_file(f->t, "bad.cfg",
                    "warning = {\n"
                    "  rules = {\n"
                    "    chronic_absense = { weight = 2.0; };\n"
                    "    poverty = { weight = -1.0; };\n"
                    "  };\n"
                    "};\n");
    assert_int_equal(config_load(&c, p, &errs), -1);
    assert_int_equal(errs.n, 2);
    char *want = xasprintf("%s:3: unknown setting 'warning.rules.chronic_absense' (did you "
                           "mean 'warning.rules.chronic_absence'?)", p);
    assert_string_equal(errs.items[0], want);
    free(want);
    want = xasprintf("%s:4: warning.rules.poverty.weight: -1 is out of range 0..100", p);
    assert_string_equal(errs.items[1], want);
    free(want);
    msgs_free(&errs);
    config_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_check_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_month, setup, teardown),
        cmocka_unit_test_setup_teardown(test_save_all_or_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_save_refuses_bad_month_and_archived, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_month_figure_and_rating, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(test_run_confirm_dismiss, setup, teardown),
        cmocka_unit_test_setup_teardown(test_review, setup, teardown),
        cmocka_unit_test_setup_teardown(test_config_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(test_family_review, setup, teardown),
        cmocka_unit_test_setup_teardown(test_causes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sponsors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_support, setup, teardown),
        cmocka_unit_test_setup_teardown(test_officials, setup, teardown),
        cmocka_unit_test_setup_teardown(test_leavers, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
