/* Unit tests for i18n: Vietnamese from build/locale (built by `make` before
 * the unit tests run) whatever the user's locale, English on request, and
 * English when the catalog is missing.  Runs from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"

static char localedir[PATH_MAX];

/* A clean environment, as a fresh Debian machine or the Linux console. */
static int setup(void **state)
{
    (void)state;
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANG");
    unsetenv("LANGUAGE");
    setenv("HUYDONG_LOCALEDIR", localedir, 1);
    return 0;
}

static const char *date_error(const char *s)
{
    static hd_err err;
    hd_date d;
    assert_int_equal(date_parse(s, &d, &err), -1);
    return err.msg;
}

static void test_vietnamese(void **state)
{
    (void)state;
    assert_int_equal(i18n_init("vi"), I18N_OK);
    assert_string_equal(_("check: ok"), "kiểm tra: không có lỗi");
    assert_string_equal(ngettext("%s: %zu error; nothing was imported",
                                 "%s: %zu errors; nothing was imported", 3),
                        "%s: có %zu lỗi; không nhập gì cả");
    /* A core message, with a translated month in it. */
    assert_string_equal(date_error("31/02/2015"),
                        "31/02/2015: tháng 2 năm 2015 chỉ có 28 ngày");
}

static void test_english(void **state)
{
    (void)state;
    assert_int_equal(i18n_init("en"), I18N_OK);
    assert_string_equal(_("check: ok"), "check: ok");
    assert_string_equal(date_error("31/02/2015"), "31/02/2015: February 2015 has 28 days");
    assert_int_equal(i18n_init(NULL), I18N_OK);
    assert_string_equal(_("check: ok"), "check: ok");
}

/* The configuration is read in one language, then the interface switches. */
static void test_switch_back_and_forth(void **state)
{
    (void)state;
    i18n_init("en");
    assert_string_equal(_("configuration: ok"), "configuration: ok");
    i18n_init("vi");
    assert_string_equal(_("configuration: ok"), "cấu hình: hợp lệ");
    i18n_init("en");
    assert_string_equal(_("configuration: ok"), "configuration: ok");
}

/* gettext ignores LANGUAGE while LC_MESSAGES is plain C: i18n_init must
 * still translate, however the user's locale says C. */
static void test_c_locales(void **state)
{
    (void)state;
    static const char *const env[][2] = {
        {"LC_ALL", "C"}, {"LC_ALL", "POSIX"}, {"LANG", "C.UTF-8"},
        {"LC_MESSAGES", "C"}, {"LANG", "vi_VN.UTF-8"}, /* not installed */
    };
    for (size_t i = 0; i < sizeof env / sizeof *env; i++) {
        setup(NULL);
        setenv("LANG", "C.UTF-8", 1);
        setenv(env[i][0], env[i][1], 1);
        assert_int_equal(i18n_init("vi"), I18N_OK);
        assert_string_equal(_("check: ok"), "kiểm tra: không có lỗi");
    }
}

static void test_missing_catalog(void **state)
{
    (void)state;
    setenv("HUYDONG_LOCALEDIR", "/nonexistent/locale", 1);
    assert_int_equal(i18n_init("vi"), I18N_NO_CATALOG);
    assert_string_equal(i18n_localedir(), "/nonexistent/locale");
    assert_string_equal(_("check: ok"), "check: ok");
}

int main(void)
{
    if (!realpath("build/locale", localedir)) {
        fprintf(stderr, "test_i18n: build/locale is missing (run make first)\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_vietnamese, setup),
        cmocka_unit_test_setup(test_english, setup),
        cmocka_unit_test_setup(test_switch_back_and_forth, setup),
        cmocka_unit_test_setup(test_c_locales, setup),
        cmocka_unit_test_setup(test_missing_catalog, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
