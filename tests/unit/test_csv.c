/* Unit tests for csv: separator detection, quoting, line numbers, errors,
 * writer round trip, a large file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

/* A temporary file holding n bytes of s, rewound. */
static FILE *file_of(const char *s, size_t n)
{
    FILE *fp = tmpfile();
    assert_non_null(fp);
    assert_int_equal(fwrite(s, 1, n, fp), n);
    rewind(fp);
    return fp;
}

typedef struct fixture {
    FILE *fp;
    csv_reader *r;
    csv_row row;
    hd_err err;
} fixture;

static void open_text(fixture *f, const char *s)
{
    f->fp = file_of(s, strlen(s));
    f->r = csv_reader_new(f->fp, "t.csv");
}

static void close_text(fixture *f)
{
    csv_reader_free(f->r);
    fclose(f->fp);
}

/* Reads the next record and checks its line and fields (NULL-terminated). */
static void expect_row(fixture *f, size_t line, const char *const *want)
{
    assert_int_equal(csv_read(f->r, &f->row, &f->err), 1);
    assert_int_equal(f->row.line, line);
    size_t n = 0;
    while (want[n])
        n++;
    assert_int_equal(f->row.n, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(f->row.fields[i], want[i]);
}

static void expect_end(fixture *f)
{
    assert_int_equal(csv_read(f->r, &f->row, &f->err), 0);
}

static void expect_error(const char *text, const char *msg)
{
    fixture f;
    open_text(&f, text);
    int rc;
    while ((rc = csv_read(f.r, &f.row, &f.err)) == 1)
        ;
    assert_int_equal(rc, -1);
    assert_string_equal(f.err.msg, msg);
    /* Errors are sticky. */
    memset(&f.err, 0, sizeof f.err);
    assert_int_equal(csv_read(f.r, &f.row, &f.err), -1);
    assert_string_equal(f.err.msg, msg);
    close_text(&f);
}

#define ROW(...) ((const char *const[]){__VA_ARGS__, NULL})

static void test_simple_and_bom(void **state)
{
    (void)state;
    fixture f;
    open_text(&f, "\xEF\xBB\xBFho_ten,nam_sinh\nNguyễn Thị Ánh Đào,2012\n");
    expect_row(&f, 1, ROW("ho_ten", "nam_sinh"));
    assert_int_equal(csv_reader_separator(f.r), ',');
    expect_row(&f, 2, ROW("Nguyễn Thị Ánh Đào", "2012"));
    expect_end(&f);
    expect_end(&f);
    close_text(&f);
}

static void test_separator_detection(void **state)
{
    (void)state;
    fixture f;
    /* Commas inside quotes do not count. */
    open_text(&f, "\"a,b,c\";x;y\r\n1,5;2;3\r\n");
    expect_row(&f, 1, ROW("a,b,c", "x", "y"));
    assert_int_equal(csv_reader_separator(f.r), ';');
    expect_row(&f, 2, ROW("1,5", "2", "3"));
    expect_end(&f);
    close_text(&f);

    open_text(&f, "Họ tên\tThôn\tLớp\nRơ Châm Khoa\tPlei Ring\t7A, chiều\n");
    expect_row(&f, 1, ROW("Họ tên", "Thôn", "Lớp"));
    assert_int_equal(csv_reader_separator(f.r), '\t');
    expect_row(&f, 2, ROW("Rơ Châm Khoa", "Plei Ring", "7A, chiều"));
    expect_end(&f);
    close_text(&f);

    /* No separator at all: one column, ','. */
    open_text(&f, "\n\nKsor H'Bia\n");
    expect_row(&f, 3, ROW("Ksor H'Bia"));
    assert_int_equal(csv_reader_separator(f.r), ',');
    expect_end(&f);
    close_text(&f);
}

static void test_quotes_and_newlines(void **state)
{
    (void)state;
    fixture f;
    open_text(&f, "a,\"b,1\",\"say \"\"hi\"\"\"\r\n"
                  "\"two\nlines\",\"crlf\r\ninside\",x\r\n"
                  "\r\n\n"
                  "\"\",,\"\"\n"
                  "next\rlone,cr\r"
                  "ab\"c,d\"\"e\n"
                  "last,no newline");
    expect_row(&f, 1, ROW("a", "b,1", "say \"hi\""));
    expect_row(&f, 2, ROW("two\nlines", "crlf\r\ninside", "x"));
    expect_row(&f, 7, ROW("", "", ""));
    expect_row(&f, 8, ROW("next"));
    expect_row(&f, 9, ROW("lone", "cr"));
    expect_row(&f, 10, ROW("ab\"c", "d\"\"e"));
    expect_row(&f, 11, ROW("last", "no newline"));
    expect_end(&f);
    close_text(&f);
}

static void test_line_numbers_after_multiline(void **state)
{
    (void)state;
    fixture f;
    open_text(&f, "id,note\n1,\"a\nb\nc\"\n2,\"x\r\ny\"\n\n3,z\n");
    expect_row(&f, 1, ROW("id", "note"));
    expect_row(&f, 2, ROW("1", "a\nb\nc"));
    expect_row(&f, 5, ROW("2", "x\r\ny"));
    expect_row(&f, 8, ROW("3", "z"));
    expect_end(&f);
    close_text(&f);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("a,b\nc,\"open\nmore\n", "t.csv:2: unterminated quoted field (opened on this line)");
    expect_error("a,b\n\"x\ny\",\"open\n", "t.csv:3: unterminated quoted field (opened on this line)");
    expect_error("a,b\n\"ab\"c,d\n", "t.csv:2: unexpected character after closing quote");
    expect_error("\"x\ny\"z\n", "t.csv:2: unexpected character after closing quote");
    expect_error("\"", "t.csv:1: unterminated quoted field (opened on this line)");
}

static void test_empty_file(void **state)
{
    (void)state;
    fixture f;
    open_text(&f, "");
    expect_end(&f);
    close_text(&f);
    open_text(&f, "\xEF\xBB\xBF\r\n\r\n");
    expect_end(&f);
    close_text(&f);
}

static void check_long_field(int quoted)
{
    size_t n = ((size_t)1 << 20) + 10;
    char *s = malloc(n + 16);
    assert_non_null(s);
    size_t len = 0;
    len += (size_t)sprintf(s, "a,b\nx,%s", quoted ? "\"" : "");
    memset(s + len, 'y', n);
    len += n;
    if (quoted)
        s[len++] = '"';
    s[len++] = '\n';
    fixture f;
    f.fp = file_of(s, len);
    f.r = csv_reader_new(f.fp, "big.csv");
    free(s);
    expect_row(&f, 1, ROW("a", "b"));
    assert_int_equal(csv_read(f.r, &f.row, &f.err), -1);
    assert_string_equal(f.err.msg, "big.csv:2: field longer than 1 MiB");
    close_text(&f);
}

static void test_long_field(void **state)
{
    (void)state;
    check_long_field(0);
    check_long_field(1);
}

static void test_too_many_fields(void **state)
{
    (void)state;
    size_t n = 10001;
    char *s = malloc(2 * n + 8);
    assert_non_null(s);
    memcpy(s, "h\n", 2);
    for (size_t i = 0; i < n; i++)
        memcpy(s + 2 + 2 * i, "x,", 2);
    s[2 + 2 * n - 1] = '\n';
    fixture f;
    f.fp = file_of(s, 2 + 2 * n);
    f.r = csv_reader_new(f.fp, "wide.csv");
    free(s);
    expect_row(&f, 1, ROW("h"));
    assert_int_equal(csv_read(f.r, &f.row, &f.err), -1);
    assert_string_equal(f.err.msg, "wide.csv:2: more than 10000 fields in one record");
    close_text(&f);

    /* Exactly 10000 is fine. */
    s = malloc(2 * 10000);
    assert_non_null(s);
    for (size_t i = 0; i < 10000; i++)
        memcpy(s + 2 * i, "x,", 2);
    s[2 * 10000 - 1] = '\n';
    f.fp = file_of(s, 2 * 10000);
    f.r = csv_reader_new(f.fp, "wide.csv");
    free(s);
    assert_int_equal(csv_read(f.r, &f.row, &f.err), 1);
    assert_int_equal(f.row.n, 10000);
    close_text(&f);
}

static void test_writer(void **state)
{
    (void)state;
    const char *fields[] = {"plain", "a,b", "say \"hi\"", " lead", "trail ", "x;y",
                            "t\tab", "two\nlines", "cr\rx", "", NULL, "Đào"};
    size_t n = HD_ARRAY_LEN(fields);
    FILE *fp = tmpfile();
    assert_non_null(fp);
    csv_write_bom(fp);
    csv_write_row(fp, fields, n);
    const char *one_empty[] = {""};
    csv_write_row(fp, one_empty, 1);
    const char *semi[] = {"a;b;c"};
    csv_write_row(fp, semi, 1);

    char text[512];
    rewind(fp);
    size_t len = fread(text, 1, sizeof text - 1, fp);
    text[len] = '\0';
    assert_string_equal(text, "\xEF\xBB\xBF"
                              "plain,\"a,b\",\"say \"\"hi\"\"\",\" lead\",\"trail \",\"x;y\","
                              "\"t\tab\",\"two\nlines\",\"cr\rx\",,,Đào\r\n"
                              "\"\"\r\n"
                              "\"a;b;c\"\r\n");

    rewind(fp);
    csv_reader *r = csv_reader_new(fp, "rt.csv");
    csv_row row;
    hd_err err;
    assert_int_equal(csv_read(r, &row, &err), 1);
    assert_int_equal(csv_reader_separator(r), ',');
    assert_int_equal(row.n, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(row.fields[i], fields[i] ? fields[i] : "");
    assert_int_equal(csv_read(r, &row, &err), 1);
    assert_int_equal(row.n, 1);
    assert_string_equal(row.fields[0], "");
    assert_int_equal(csv_read(r, &row, &err), 1);
    assert_string_equal(row.fields[0], "a;b;c");
    assert_int_equal(csv_read(r, &row, &err), 0);
    csv_reader_free(r);
    fclose(fp);
}

static void test_semicolon_first_row_round_trip(void **state)
{
    (void)state;
    /* A lone "a;b" field first must not make the reader pick ';'. */
    const char *first[] = {"a;b"};
    const char *second[] = {"1", "2;3"};
    FILE *fp = tmpfile();
    assert_non_null(fp);
    csv_write_row(fp, first, 1);
    csv_write_row(fp, second, 2);
    rewind(fp);
    fixture f = {.fp = fp, .r = csv_reader_new(fp, "s.csv")};
    expect_row(&f, 1, ROW("a;b"));
    expect_row(&f, 2, ROW("1", "2;3"));
    expect_end(&f);
    close_text(&f);
}

static void test_large_file(void **state)
{
    (void)state;
    enum { ROWS = 100000 };
    FILE *fp = tmpfile();
    assert_non_null(fp);
    fputs("\xEF\xBB\xBFstt;ho_ten;ngay_sinh;thon;ghi_chu\r\n", fp);
    for (int i = 1; i <= ROWS; i++)
        fprintf(fp, "%d;Nguyễn Thị Ánh Đào %d;%02d/%02d/20%02d;Thôn %d;"
                    "\"ghi chú; dòng %d\"\"x\"\" rất dài để tệp nặng khoảng mười megabyte\"\r\n",
                    i, i, i % 28 + 1, i % 12 + 1, i % 20, i % 17, i);
    long size = ftell(fp);
    assert_true(size > 9000000);
    rewind(fp);

    csv_reader *r = csv_reader_new(fp, "big.csv");
    csv_row row;
    hd_err err;
    assert_int_equal(csv_read(r, &row, &err), 1);
    assert_int_equal(csv_reader_separator(r), ';');
    assert_string_equal(row.fields[0], "stt");
    int count = 0;
    char want[128];
    while (csv_read(r, &row, &err) == 1) {
        count++;
        assert_int_equal(row.n, 5);
        if (count % 9973 == 0 || count == ROWS) {
            assert_int_equal(atoi(row.fields[0]), count);
            assert_int_equal(row.line, (size_t)count + 1);
            snprintf(want, sizeof want, "Nguyễn Thị Ánh Đào %d", count);
            assert_string_equal(row.fields[1], want);
            snprintf(want, sizeof want,
                     "ghi chú; dòng %d\"x\" rất dài để tệp nặng khoảng mười megabyte", count);
            assert_string_equal(row.fields[4], want);
        }
    }
    assert_int_equal(count, ROWS);
    csv_reader_free(r);
    fclose(fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple_and_bom),
        cmocka_unit_test(test_separator_detection),
        cmocka_unit_test(test_quotes_and_newlines),
        cmocka_unit_test(test_line_numbers_after_multiline),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_long_field),
        cmocka_unit_test(test_too_many_fields),
        cmocka_unit_test(test_writer),
        cmocka_unit_test(test_semicolon_first_row_round_trip),
        cmocka_unit_test(test_large_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
