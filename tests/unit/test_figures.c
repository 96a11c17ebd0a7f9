/* Unit tests for the home-screen figures: hand-computed values from a small
 * history, and the cache of "enrolled at the start of the year". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/figures.h"
#include "core/registry.h"
#include "testdb.h"

static int64_t child(testdb *t, int64_t hh, const char *name, int year, int grade,
                     const char *since)
{
    hd_child c = {.household_id = hh, .full_name = xstrdup(name), .sex = SEX_MALE,
                  .birth_year = year, .grade = grade, .level = -1};
    hd_err err;
    assert_int_equal(child_insert(t->db, &c, STATUS_ENROLLED, since, "", "test", &err), 0);
    int64_t id = c.id;
    child_free(&c);
    return id;
}

static int64_t setup(testdb *t)
{
    hd_village v = {.name = xstrdup("Thôn 1")};
    hd_err err;
    assert_int_equal(village_insert(t->db, &v, &err), 0);
    hd_household h = {.village_id = v.id, .head_name = xstrdup("Siu Y Nhi")};
    assert_int_equal(household_insert(t->db, &h, &err), 0);
    int64_t hh = h.id;
    village_free(&v);
    household_free(&h);
    return hh;
}

static void test_dashboard_hand_computed(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    int64_t hh = setup(t);
    hd_err err;
    /* 4 primary pupils and 2 lower-secondary, all enrolled in September 2026 */
    int64_t p1 = child(t, hh, "Siu H'Nga", 2017, 3, "2026-09-05");
    child(t, hh, "Siu Y Thuân", 2016, 4, "2026-09-05");
    child(t, hh, "Siu H'Bia", 2018, 2, "2026-09-05");
    int64_t p4 = child(t, hh, "Siu Y Khoa", 2019, 1, "2026-09-05");
    int64_t s1 = child(t, hh, "Siu Y Ban", 2013, 7, "2026-09-05");
    child(t, hh, "Siu H'Loan", 2012, 8, "2026-09-05");
    /* a late enrolment in November does not count at the start */
    child(t, hh, "Siu Y Bông", 2020, 1, "2026-11-02");
    /* one primary pupil drops out and comes back; one secondary drops out */
    assert_int_equal(child_set_status(t->db, p1, STATUS_DROPPED_OUT, "2026-10-10", "Lên rẫy", "t", &err), 0);
    assert_int_equal(child_set_status(t->db, p1, STATUS_RETURNED, "2026-11-01", "Vận động", "t", &err), 0);
    assert_int_equal(child_set_status(t->db, s1, STATUS_DROPPED_OUT, "2026-10-20", "Đi làm thuê", "t", &err), 0);
    assert_int_equal(child_set_status(t->db, p4, STATUS_AT_RISK, "2026-11-10", "Nghỉ nhiều", "t", &err), 0);

    hd_dashboard d;
    assert_int_equal(figures_dashboard(t->db, 9, &d, &err), 0);
    assert_int_equal(d.school_year, 2026);
    assert_int_equal(d.level[LEVEL_PRIMARY].enrolled_at_start, 4);
    assert_int_equal(d.level[LEVEL_LOWER_SECONDARY].enrolled_at_start, 2);
    assert_int_equal(d.total.enrolled_at_start, 6);
    assert_int_equal(d.level[LEVEL_PRIMARY].dropped_out, 1);
    assert_int_equal(d.level[LEVEL_LOWER_SECONDARY].dropped_out, 1);
    assert_true(d.level[LEVEL_PRIMARY].dropout_rate > 24.99 && d.level[LEVEL_PRIMARY].dropout_rate < 25.01);
    assert_true(d.total.dropout_rate > 33.33 && d.total.dropout_rate < 33.34);
    assert_int_equal(d.level[LEVEL_PRIMARY].enrolled, 5);   /* 4 + late one, p1 returned */
    assert_int_equal(d.level[LEVEL_LOWER_SECONDARY].enrolled, 1);
    assert_int_equal(d.total.at_risk, 1);
    assert_int_equal(d.households_at_risk, 1);
    hd_village_figures *vf;
    assert_int_equal(figures_villages(t->db, 9, &vf, &err), 1);
    assert_string_equal(vf[0].name, "Thôn 1");
    assert_int_equal(vf[0].children, 7);
    assert_int_equal(vf[0].enrolled_at_start, 6);
    assert_int_equal(vf[0].dropped_out, 2);
    assert_int_equal(vf[0].at_risk, 1);
    assert_true(vf[0].dropout_rate > 33.33 && vf[0].dropout_rate < 33.34);
    free(vf);
    /* ages in 2026: 6-10 primary (2016..2020: 5 children), 11-14 (2012, 2013) */
    assert_int_equal(d.level[LEVEL_PRIMARY].school_age, 5);
    assert_int_equal(d.level[LEVEL_LOWER_SECONDARY].school_age, 2);
    testdb_free(t);
}

static void test_start_figure_cache_follows_history(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    int64_t hh = setup(t);
    hd_err err;
    child(t, hh, "Lò Văn Khánh", 2015, 5, "2026-09-05");
    hd_dashboard d;
    assert_int_equal(figures_dashboard(t->db, 9, &d, &err), 0);
    assert_int_equal(d.total.enrolled_at_start, 1);
    assert_int_equal(testdb_long(t, "SELECT n FROM enrolled_asof WHERE level = '*'"), 1);
    /* a pupil recorded later as enrolled since September changes the base */
    child(t, hh, "Quàng Thị Hoa", 2016, 4, "2026-09-06");
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM enrolled_asof"), 0);
    assert_int_equal(figures_dashboard(t->db, 9, &d, &err), 0);
    assert_int_equal(d.total.enrolled_at_start, 2);
    /* an entry after the first month keeps the cache */
    assert_int_equal(testdb_long(t, "SELECT n FROM enrolled_asof WHERE level = '*'"), 2);
    child(t, hh, "Giàng Thị Dợ", 2016, 4, "2026-11-02");
    assert_int_equal(testdb_long(t, "SELECT n FROM enrolled_asof WHERE level = '*'"), 2);
    testdb_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dashboard_hand_computed),
        cmocka_unit_test(test_start_figure_cache_follows_history),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
