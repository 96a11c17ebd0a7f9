/* Unit tests for date: parsing, messages, leap years, day arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/date.h"

static void expect_date(const char *s, int y, int m, int d)
{
    hd_date out = {0, 0, 0};
    hd_err err = {{0}};
    if (date_parse(s, &out, &err) != 0)
        fail_msg("%s: %s", s, err.msg);
    assert_int_equal(out.year, y);
    assert_int_equal(out.month, m);
    assert_int_equal(out.day, d);
}

static void expect_bad(const char *s, const char *msg)
{
    hd_date out = {1, 2, 3};
    hd_err err = {{0}};
    assert_int_equal(date_parse(s, &out, &err), -1);
    assert_string_equal(err.msg, msg);
    assert_int_equal(out.year, 1); /* untouched on failure */
}

static void test_parse_valid(void **state)
{
    (void)state;
    expect_date("24/11/2026", 2026, 11, 24);
    expect_date("4/1/2026", 2026, 1, 4);
    expect_date("04-01-2026", 2026, 1, 4);
    expect_date("04.01.2026", 2026, 1, 4);
    expect_date("2026-11-24", 2026, 11, 24);
    expect_date("  29/02/2024 \t", 2024, 2, 29);
    expect_date("29/02/2000", 2000, 2, 29);
    expect_date("01/01/1900", 1900, 1, 1);
    expect_date("31/12/2100", 2100, 12, 31);
}

static void test_parse_invalid(void **state)
{
    (void)state;
    expect_bad("31/02/2024", "31/02/2024: February 2024 has 29 days");
    expect_bad("29/02/2023", "29/02/2023: February 2023 has 28 days");
    expect_bad("29/02/2100", "29/02/2100: February 2100 has 28 days");
    expect_bad("31/04/2024", "31/04/2024: April 2024 has 30 days");
    expect_bad("12/13/2024", "12/13/2024: no month 13");
    expect_bad("12/0/2024", "12/0/2024: no month 0");
    expect_bad("0/1/2024", "0/1/2024: no day 0");
    expect_bad("abc", "abc: not a date (expected dd/mm/yyyy)");
    expect_bad("", "empty date (expected dd/mm/yyyy)");
    expect_bad("   ", "empty date (expected dd/mm/yyyy)");
    expect_bad(" 1/2/24 ", "1/2/24: the year must have four digits");
    expect_bad("1/2/202", "1/2/202: the year must have four digits");
    expect_bad("1/1/1899", "1/1/1899: year 1899 is outside 1900..2100");
    expect_bad("2101-01-01", "2101-01-01: year 2101 is outside 1900..2100");
    expect_bad("1/2-2024", "1/2-2024: not a date (expected dd/mm/yyyy)");
    expect_bad("1//2024", "1//2024: not a date (expected dd/mm/yyyy)");
    expect_bad("1/2/2024/5", "1/2/2024/5: not a date (expected dd/mm/yyyy)");
    expect_bad("1/2/20245", "1/2/20245: not a date (expected dd/mm/yyyy)");
    expect_bad("1/2", "1/2: not a date (expected dd/mm/yyyy)");
    expect_bad("1/2/2024x", "1/2/2024x: not a date (expected dd/mm/yyyy)");
    expect_bad("2024-1-123", "2024-1-123: not a date (expected dd/mm/yyyy)");
    hd_date out;
    assert_int_equal(date_parse(NULL, &out, NULL), -1);
}

static void test_leap_years(void **state)
{
    (void)state;
    assert_int_equal(date_days_in_month(2024, 2), 29);
    assert_int_equal(date_days_in_month(2023, 2), 28);
    assert_int_equal(date_days_in_month(2100, 2), 28);
    assert_int_equal(date_days_in_month(1900, 2), 28);
    assert_int_equal(date_days_in_month(2000, 2), 29);
    assert_int_equal(date_days_in_month(2024, 13), 0);
    assert_true(date_valid((hd_date){2024, 2, 29}));
    assert_false(date_valid((hd_date){2023, 2, 29}));
    assert_false(date_valid((hd_date){1899, 12, 31}));
    assert_false(date_valid((hd_date){2024, 0, 1}));
}

static void test_birth(void **state)
{
    (void)state;
    int year = 0, has_day = -1;
    hd_date d = {0, 0, 0};
    hd_err err;
    assert_int_equal(date_parse_birth(" 2012 ", &year, &d, &has_day, &err), 0);
    assert_int_equal(year, 2012);
    assert_int_equal(has_day, 0);
    assert_int_equal(date_parse_birth("05/09/2013", &year, &d, &has_day, &err), 0);
    assert_int_equal(year, 2013);
    assert_int_equal(has_day, 1);
    assert_int_equal(d.month, 9);
    assert_int_equal(d.day, 5);
    assert_int_equal(date_parse_birth("1850", &year, &d, &has_day, &err), -1);
    assert_string_equal(err.msg, "1850: year 1850 is outside 1900..2100");
    assert_int_equal(date_parse_birth("12", &year, &d, &has_day, &err), -1);
    assert_string_equal(err.msg, "12: the year must have four digits");
    assert_int_equal(date_parse_birth("x", &year, &d, &has_day, &err), -1);
    assert_string_equal(err.msg, "x: not a date (expected yyyy or dd/mm/yyyy)");
    assert_int_equal(date_parse_birth("30/02/2012", &year, &d, &has_day, &err), -1);
    assert_string_equal(err.msg, "30/02/2012: February 2012 has 29 days");
}

static void expect_month(const char *s, int y, int m)
{
    int year = 0, month = 0;
    hd_err err = {{0}};
    if (date_parse_month(s, &year, &month, &err) != 0)
        fail_msg("%s: %s", s, err.msg);
    assert_int_equal(year, y);
    assert_int_equal(month, m);
}

static void expect_bad_month(const char *s, const char *msg)
{
    int year, month;
    hd_err err = {{0}};
    assert_int_equal(date_parse_month(s, &year, &month, &err), -1);
    assert_string_equal(err.msg, msg);
}

static void test_month(void **state)
{
    (void)state;
    expect_month("2026-11", 2026, 11);
    expect_month("11/2026", 2026, 11);
    expect_month("11-2026", 2026, 11);
    expect_month("1/2027", 2027, 1);
    expect_month(" 01.2027 ", 2027, 1);
    expect_bad_month("13/2026", "13/2026: no month 13");
    expect_bad_month("2026-00", "2026-00: no month 0");
    expect_bad_month("11/26", "11/26: the year must have four digits");
    expect_bad_month("11/1800", "11/1800: year 1800 is outside 1900..2100");
    expect_bad_month("nov 2026", "nov 2026: not a month (expected mm/yyyy)");
    expect_bad_month("1/2/2026", "1/2/2026: not a month (expected mm/yyyy)");
    expect_bad_month("2026/2027", "2026/2027: not a month (expected mm/yyyy)");
    expect_bad_month("", "empty month (expected mm/yyyy)");
}

static void test_format_and_cmp(void **state)
{
    (void)state;
    char buf[11];
    hd_date d = {2026, 1, 4};
    date_iso(d, buf);
    assert_string_equal(buf, "2026-01-04");
    date_vn(d, buf);
    assert_string_equal(buf, "04/01/2026");
    assert_true(date_cmp(d, (hd_date){2026, 1, 5}) < 0);
    assert_true(date_cmp(d, (hd_date){2025, 12, 31}) > 0);
    assert_true(date_cmp(d, (hd_date){2026, 2, 1}) < 0);
    assert_int_equal(date_cmp(d, d), 0);
}

static void test_days(void **state)
{
    (void)state;
    assert_int_equal(date_to_days((hd_date){1970, 1, 1}), 0);
    assert_int_equal(date_to_days((hd_date){2000, 3, 1}), 11017);
    assert_int_equal(date_to_days((hd_date){1900, 1, 1}), -25567);
    assert_int_equal(date_to_days((hd_date){2100, 12, 31}), 47846);

    /* Every day of the range: round trip, and each day is the previous + 1. */
    long first = date_to_days((hd_date){1900, 1, 1});
    long last = date_to_days((hd_date){2100, 12, 31});
    hd_date prev = {1899, 12, 31};
    long count = 0;
    for (long n = first; n <= last; n++, count++) {
        hd_date d = date_from_days(n);
        assert_true(date_valid(d));
        assert_int_equal(date_to_days(d), n);
        assert_true(date_cmp(prev, d) < 0);
        int next_day = prev.day == date_days_in_month(prev.year, prev.month) ? 1 : prev.day + 1;
        assert_int_equal(d.day, next_day);
        prev = d;
    }
    assert_int_equal(count, 201L * 365 + 49); /* 1900 and 2100 are not leap */
    assert_int_equal(prev.year, 2100);
}

static void test_today_and_school_year(void **state)
{
    (void)state;
    setenv("HUYDONG_TODAY", "2026-11-24", 1);
    hd_date t = date_today();
    assert_int_equal(t.year, 2026);
    assert_int_equal(t.month, 11);
    assert_int_equal(t.day, 24);
    unsetenv("HUYDONG_TODAY");
    assert_true(date_valid(date_today()));

    assert_int_equal(date_school_year((hd_date){2026, 11, 15}, 9), 2026);
    assert_int_equal(date_school_year((hd_date){2027, 3, 15}, 9), 2026);
    assert_int_equal(date_school_year((hd_date){2027, 8, 31}, 9), 2026);
    assert_int_equal(date_school_year((hd_date){2027, 9, 1}, 9), 2027);
    assert_int_equal(date_school_year((hd_date){2027, 5, 1}, 1), 2027);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_valid),
        cmocka_unit_test(test_parse_invalid),
        cmocka_unit_test(test_leap_years),
        cmocka_unit_test(test_birth),
        cmocka_unit_test(test_month),
        cmocka_unit_test(test_format_and_cmp),
        cmocka_unit_test(test_days),
        cmocka_unit_test(test_today_and_school_year),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
