/* Unit tests for the page renderer: wrapping by display width (never inside
 * a UTF-8 character), the heading and signature block, the table header on
 * every page, page numbers, 80 and 132 columns, CSV, and a PDF read back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/print.h"
#include "core/text.h"

static const char *const TITLES[] = {"Họ và tên", "Năm sinh", "Nguy cơ"};

static void make_doc(hd_doc *d, int rows)
{
    hd_config cfg;
    config_defaults(&cfg);
    free(cfg.commune_name);
    free(cfg.committee_chair);
    cfg.commune_name = xstrdup("Xã Ia Dom");
    cfg.committee_chair = xstrdup("Rơ Châm Khoa");
    doc_init(d, &cfg, (hd_date){2026, 2, 5}, "DANH SÁCH HỌC SINH", "Tháng 02/2026", 3, TITLES);
    for (int i = 0; i < rows; i++) {
        char year[8];
        snprintf(year, sizeof year, "%d", 2010 + i % 8);
        const char *cells[] = {"Nguyễn Thị Ánh Đào", year,
                               "Bố mẹ đi làm ăn xa, ở với ông bà; nhà xa trường"};
        doc_add_row(d, cells);
    }
    config_free(&cfg);
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_wrap_width(void **state)
{
    (void)state;
    char **l = NULL;
    int n = doc_wrap("Nguyễn Thị Ánh Đào", 10, &l);
    assert_int_equal(n, 2);
    assert_string_equal(l[0], "Nguyễn Thị");
    assert_string_equal(l[1], "Ánh Đào");
    doc_lines_free(l, n);
    /* A word longer than the column is cut between characters. */
    n = doc_wrap("Nghiêngnghiêng", 5, &l);
    assert_int_equal(n, 3);
    for (int i = 0; i < n; i++) {
        assert_true(text_valid_utf8(l[i], strlen(l[i])));
        assert_true(text_width(l[i]) <= 5);
    }
    assert_string_equal(l[0], "Nghiê");
    doc_lines_free(l, n);
    n = doc_wrap("", 5, &l);
    assert_int_equal(n, 1);
    assert_string_equal(l[0], "");
    doc_lines_free(l, n);
}

/* "Ánh" decomposed (A + U+0301) is one column a letter once normalised. */
static void test_decomposed_input(void **state)
{
    (void)state;
    hd_doc d;
    make_doc(&d, 0);
    const char *cells[] = {"A\xCC\x81nh", "2015", "x"};
    doc_add_row(&d, cells);
    assert_string_equal(d.cells[0], "Ánh");
    char **l = NULL;
    int n = doc_wrap("Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3", 6, &l);
    assert_int_equal(n, 2);
    assert_int_equal(text_width(l[0]), 6);
    doc_lines_free(l, n);
    doc_free(&d);
}

static void test_heading_and_signature(void **state)
{
    (void)state;
    hd_doc d;
    make_doc(&d, 2);
    char *t = doc_text(&d, 80, 60);
    assert_non_null(strstr(t, "UBND XÃ IA DOM"));
    assert_non_null(strstr(t, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert_non_null(strstr(t, "Độc lập - Tự do - Hạnh phúc"));
    assert_non_null(strstr(t, "Ia Dom, ngày 05 tháng 02 năm 2026"));
    assert_non_null(strstr(t, "TM. BAN CHỈ ĐẠO"));
    assert_non_null(strstr(t, "TRƯỞNG BAN"));
    assert_non_null(strstr(t, "Rơ Châm Khoa"));
    assert_non_null(strstr(t, "Trang 1/1"));
    assert_null(strchr(t, '\f'));
    free(t);
    doc_free(&d);
}

/* Every line within the width; 60 lines a page; the header on each page. */
static void check_pages(const char *t, int width, int lpp, int pages)
{
    assert_int_equal(count(t, "\f"), pages - 1);
    assert_int_equal(count(t, "| STT |"), pages);
    char foot[32];
    snprintf(foot, sizeof foot, "Trang %d/%d", pages, pages);
    assert_non_null(strstr(t, foot));
    int lines = 0;
    for (const char *p = t; *p;) {
        const char *e = strchr(p, '\n');
        char *line = xstrndup(p, (size_t)(e - p));
        assert_true(text_width(line[0] == '\f' ? line + 1 : line) <= width);
        free(line);
        lines++;
        p = e + 1;
    }
    assert_int_equal(lines, pages * lpp);
}

static void test_pages_80(void **state)
{
    (void)state;
    hd_doc d;
    make_doc(&d, 40);
    char *t = doc_text(&d, 80, 30);
    int pages = count(t, "\f") + 1;
    assert_true(pages >= 3);
    check_pages(t, 80, 30, pages);
    assert_non_null(strstr(t, "|  40 |"));
    free(t);
    doc_free(&d);
}

static void test_pages_132(void **state)
{
    (void)state;
    hd_doc d;
    make_doc(&d, 40);
    char *t80 = doc_text(&d, 80, 60), *t132 = doc_text(&d, 132, 60);
    /* wider columns: rows take fewer lines, so fewer pages */
    assert_true(count(t132, "\f") < count(t80, "\f"));
    check_pages(t132, 132, 60, count(t132, "\f") + 1);
    free(t80);
    free(t132);
    doc_free(&d);
}

static void test_csv(void **state)
{
    (void)state;
    hd_doc d;
    make_doc(&d, 2);
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    doc_csv(&d, fp);
    fclose(fp);
    assert_memory_equal(buf, "\xEF\xBB\xBFSTT,Họ và tên,Năm sinh,Nguy cơ\r\n", 37);
    assert_non_null(strstr(buf, "\r\n2,Nguyễn Thị Ánh Đào,2011,"));
    free(buf);
    doc_free(&d);
}

static void test_sparkline(void **state)
{
    (void)state;
    const double v[] = {0, 1, 2, NAN};
    char *s = doc_sparkline(v, 4, 2, 0);
    assert_string_equal(s, "▁▅█ ");
    free(s);
    s = doc_sparkline(v, 4, 2, 1);
    assert_string_equal(s, "_=# ");
    free(s);
    s = doc_sparkline(v, 3, 0, 1);   /* all zero: the lowest bar */
    assert_string_equal(s, "___");
    free(s);
}

/* Runs cmd and returns its standard output (caller frees). */
static char *run(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    strbuf sb = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        sb_addn(&sb, buf, n);
    pclose(p);
    return sb_detach(&sb);
}

/* The PDF keeps its letters as text: pdftotext finds the Vietnamese names,
 * the figures and the page numbers intact, one sheet per page of text. */
static void check_pdf(int width, const char *paper, const char *size)
{
    hd_doc d;
    make_doc(&d, 40);
    char path[] = "/tmp/hd-print-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    hd_err err;
    assert_int_equal(doc_save_pdf(&d, width, 30, paper, path, &err), 0);
    char *cmd = xasprintf("pdfinfo '%s'", path);
    char *info = run(cmd);
    free(cmd);
    char *t = doc_text(&d, width, 30);
    int pages = count(t, "\f") + 1;
    const char *pg = strstr(info, "Pages:");
    assert_non_null(pg);
    assert_int_equal(atoi(pg + 6), pages);
    assert_non_null(strstr(info, size));
    cmd = xasprintf("pdftotext -layout '%s' -", path);
    char *text = run(cmd);
    free(cmd);
    assert_int_equal(count(text, "Nguyễn Thị Ánh Đào"), 40);
    assert_non_null(strstr(text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert_non_null(strstr(text, "Rơ Châm Khoa"));
    assert_int_equal(count(text, "2017"), 5);
    char last[32];
    snprintf(last, sizeof last, "Trang %d/%d", pages, pages);
    assert_non_null(strstr(text, last));
    free(text);
    free(info);
    free(t);
    unlink(path);
    doc_free(&d);
}

static void test_pdf(void **state)
{
    (void)state;
    if (!doc_have_program("pango-view") || !doc_have_program("gs") ||
        !doc_have_program("pdftotext")) {
        printf("skipped: pango-view, gs or pdftotext missing (make deps)\n");
        return;
    }
    check_pdf(80, "A4", "595 x 842");
    check_pdf(132, "A4", "842 x 595");
    check_pdf(80, "A3", "842 x 1191");
}

/* No PDF program: a message naming the packages, and no file. */
static void test_pdf_missing_program(void **state)
{
    (void)state;
    hd_doc d;
    make_doc(&d, 1);
    const char *old = getenv("PATH");
    char *saved = xstrdup(old ? old : "");
    setenv("PATH", "/nonexistent", 1);
    hd_err err;
    assert_int_equal(doc_save_pdf(&d, 80, 30, "A4", "/tmp/hd-never.pdf", &err), -1);
    setenv("PATH", saved, 1);
    free(saved);
    assert_non_null(strstr(err.msg, "pango1.0-tools"));
    assert_int_equal(access("/tmp/hd-never.pdf", F_OK), -1);
    doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrap_width),
        cmocka_unit_test(test_decomposed_input),
        cmocka_unit_test(test_heading_and_signature),
        cmocka_unit_test(test_pages_80),
        cmocka_unit_test(test_pages_132),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_sparkline),
        cmocka_unit_test(test_pdf),
        cmocka_unit_test(test_pdf_missing_program),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
