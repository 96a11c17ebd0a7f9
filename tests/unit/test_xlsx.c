/* Unit tests for the xlsx reader and the import of workbooks: Excel's day
 * numbers (and its phantom 29/02/1900), cell names, a workbook written by
 * openpyxl read cell by cell (shared and inline strings, dates by their
 * number format, merged ranges), an import refused whole with every bad
 * cell named, and the ministry identifiers matching a later sheet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/date.h"
#include "core/ident.h"
#include "core/import.h"
#include "core/print.h"
#include "core/xlsx.h"
#include "testdb.h"

#include <zip.h>

static void test_serial_days(void **state)
{
    (void)state;
    long d;
    char buf[11];
    static const struct { double serial; const char *iso; } cases[] = {
        {1, "1900-01-01"}, {59, "1900-02-28"}, {61, "1900-03-01"},
        {25569, "1970-01-01"}, {42019, "2015-01-15"}, {42019.75, "2015-01-15"},
        {46350, "2026-11-24"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(xlsx_serial_days(cases[i].serial, 0, &d), 0);
        date_iso(date_from_days(d), buf);
        assert_string_equal(buf, cases[i].iso);
    }
    assert_int_equal(xlsx_serial_days(60, 0, &d), -1);  /* 29/02/1900 never was */
    assert_int_equal(xlsx_serial_days(0, 0, &d), -1);
    assert_int_equal(xlsx_serial_days(-5, 0, &d), -1);
    assert_int_equal(xlsx_serial_days(1e9, 0, &d), -1);
    /* the 1904 system: day 0 is 01/01/1904 */
    assert_int_equal(xlsx_serial_days(40557, 1, &d), 0);
    date_iso(date_from_days(d), buf);
    assert_string_equal(buf, "2015-01-15");
}

static void test_cell_names(void **state)
{
    (void)state;
    char buf[16];
    assert_string_equal(xlsx_cell_name(0, 1, buf), "A1");
    assert_string_equal(xlsx_cell_name(25, 7, buf), "Z7");
    assert_string_equal(xlsx_cell_name(26, 10, buf), "AA10");
    assert_string_equal(xlsx_cell_name(701, 3, buf), "ZZ3");
    assert_string_equal(xlsx_cell_name(16383, 1048576, buf), "XFD1048576");
}

/* The workbooks of tests/xlsx/make_books.py, made once into dir. */
static const char *books(void)
{
    static char dir[64];
    if (dir[0])
        return dir;
    snprintf(dir, sizeof dir, "/tmp/huydong-books-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    const char *py = getenv("PYTHON") ? getenv("PYTHON") : "/usr/bin/python3";
    char *cmd = xasprintf("%s tests/xlsx/make_books.py %s", py, dir);
    int rc = system(cmd);
    free(cmd);
    assert_int_equal(rc, 0);
    return dir;
}

static char *book(const char *name)
{
    return xasprintf("%s/%s", books(), name);
}

static void test_read_cells(void **state)
{
    (void)state;
    char *path = book("households.xlsx");
    hd_err err;
    xlsx_book *b = xlsx_open(path, &err);
    assert_non_null(b);
    assert_int_equal(xlsx_sheet_count(b), 1);
    assert_string_equal(xlsx_sheet_name(b, 0), "Hộ");
    assert_int_equal(xlsx_find_sheet(b, "ho", &err), 0);   /* folded */
    assert_int_equal(xlsx_find_sheet(b, "1", &err), 0);
    assert_int_equal(xlsx_find_sheet(b, "2", &err), -1);
    assert_non_null(strstr(err.msg, "'Hộ'"));
    assert_int_equal(xlsx_sheet_open(b, 0, &err), 0);
    size_t nm;
    const xlsx_range *m = xlsx_merges(b, &nm);
    assert_int_equal(nm, 6); /* the title, four columns down, the group */
    int found_group = 0;
    for (size_t i = 0; i < nm; i++)
        found_group |= m[i].r1 == 5 && m[i].r2 == 5 && m[i].c1 == 3 && m[i].c2 == 4;
    assert_true(found_group);
    xlsx_row r;
    size_t rows = 0;
    int saw_number = 0, saw_head = 0;
    while (xlsx_next_row(b, &r, &err) == 1) {
        rows++;
        if (r.row == 6) {
            assert_string_equal(r.text[3], "Hộ nghèo");
            assert_int_equal(r.kind[3], XC_TEXT);
            assert_int_equal(r.kind[0], XC_EMPTY); /* under a merged cell */
            saw_head = 1;
        }
        if (r.row == 9) {
            assert_int_equal(r.kind[5], XC_NUMBER);
            assert_string_equal(r.text[5], "905777888"); /* no ".0" */
            saw_number = 1;
        }
    }
    assert_true(saw_head && saw_number);
    assert_int_equal(rows, 9);
    xlsx_close(b);
    free(path);

    path = book("children.xlsx");
    b = xlsx_open(path, &err);
    assert_non_null(b);
    assert_int_equal(xlsx_sheet_open(b, 0, &err), 0);
    int saw_date = 0;
    while (xlsx_next_row(b, &r, &err) == 1)
        if (r.row == 6) {
            assert_int_equal(r.kind[2], XC_DATE);
            assert_string_equal(r.text[2], "05/03/2015");
            saw_date = 1;
        }
    assert_true(saw_date);
    xlsx_close(b);
    free(path);
}

static void test_date1904(void **state)
{
    (void)state;
    char *path = book("epoch1904.xlsx");
    hd_err err;
    xlsx_book *b = xlsx_open(path, &err);
    assert_non_null(b);
    assert_int_equal(xlsx_sheet_open(b, 0, &err), 0);
    xlsx_row r;
    assert_int_equal(xlsx_next_row(b, &r, &err), 1);
    assert_int_equal(xlsx_next_row(b, &r, &err), 1);
    assert_int_equal(r.kind[1], XC_DATE);
    assert_string_equal(r.text[1], "15/01/2015");
    assert_int_equal(xlsx_next_row(b, &r, &err), 0);
    xlsx_close(b);
    free(path);
}

/* A document written by doc_save_xlsx, read back: the heading above the
 * titles, the kinds of the cells (a rate as a number, not a date), the
 * definitions sheet. */
static void test_doc_roundtrip(void **state)
{
    (void)state;
    hd_config cfg;
    config_defaults(&cfg);
    free(cfg.commune_name);
    cfg.commune_name = xstrdup("Xã Ia Dom");
    hd_doc d;
    static const char *const titles[] = {"Thôn", "Tỷ lệ bỏ học", "Ngày", "Số trẻ"};
    doc_init(&d, &cfg, (hd_date){2026, 11, 24}, "TỶ LỆ BỎ HỌC", "Tháng 11/2026", 4, titles);
    d.kinds[1] = DOC_PERCENT;
    d.kinds[2] = DOC_DATE;
    d.kinds[3] = DOC_NUMBER;
    static const char *const row1[] = {"Plei Kép", "0,45 %", "19/11/2026", "1.234"};
    static const char *const row2[] = {"Thôn 1", "", "2013", "x"};
    doc_add_row(&d, row1);
    doc_add_row(&d, row2);
    char dir[] = "/tmp/huydong-doc-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = xasprintf("%s/doc.xlsx", dir);
    hd_err err;
    assert_int_equal(doc_save_xlsx(&d, path, &err), 0);
    doc_free(&d);
    config_free(&cfg);
    xlsx_book *b = xlsx_open(path, &err);
    assert_non_null(b);
    assert_int_equal(xlsx_sheet_count(b), 2);
    assert_string_equal(xlsx_sheet_name(b, 1), "Định nghĩa");
    assert_int_equal(xlsx_sheet_open(b, 0, &err), 0);
    xlsx_row r;
    int seen = 0;
    while (xlsx_next_row(b, &r, &err) == 1) {
        if (r.row == 1) {
            assert_string_equal(r.text[0], "UBND XÃ IA DOM");
        } else if (r.n > 1 && strcmp(r.text[1], "Plei Kép") == 0) {
            assert_int_equal(r.kind[0], XC_NUMBER);       /* STT */
            assert_int_equal(r.kind[2], XC_NUMBER);       /* 0.45 % */
            assert_true(r.num[2] > 0.00449 && r.num[2] < 0.00451);
            assert_int_equal(r.kind[3], XC_DATE);
            assert_string_equal(r.text[3], "19/11/2026");
            assert_int_equal(r.kind[4], XC_NUMBER);
            seen++;
        } else if (r.n > 1 && strcmp(r.text[1], "Thôn 1") == 0) {
            assert_int_equal(r.kind[2], XC_EMPTY);
            assert_int_equal(r.kind[3], XC_NUMBER);       /* a bare year */
            assert_int_equal(r.kind[4], XC_TEXT);         /* not a number: kept as text */
            seen++;
        }
    }
    assert_int_equal(seen, 2);
    xlsx_close(b);
    free(path);
    testdb_rm(dir);
}

static void test_refused(void **state)
{
    (void)state;
    static const struct { const char *name, *says; } cases[] = {
        {"protected.xlsx", "password"}, {"old.xls", ".xls"}, {"corrupt.xlsx", "damaged"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *path = book(cases[i].name);
        hd_err err = {{0}};
        assert_null(xlsx_open(path, &err));
        assert_non_null(strstr(err.msg, cases[i].says));
        free(path);
    }
    /* a bomb opens (its sheet is not read until asked) and is refused then,
     * also when its zip headers lie about the size */
    static const char *const bombs[] = {"bomb.xlsx", "liar.xlsx"};
    for (size_t i = 0; i < 2; i++) {
        char *path = book(bombs[i]);
        hd_err err;
        xlsx_book *b = xlsx_open(path, &err);
        assert_non_null(b);
        assert_int_equal(xlsx_sheet_open(b, 0, &err), -1);
        assert_non_null(strstr(err.msg, "zip bomb"));
        xlsx_close(b);
        free(path);
    }
}

/* Reads every row of every sheet; the reader must end with a row count or
 * an error message, never crash (run under ASan by `make test`). */
static void read_all(const char *path)
{
    hd_err err = {{0}};
    xlsx_book *b = xlsx_open(path, &err);
    if (!b) {
        assert_true(err.msg[0] != '\0');
        return;
    }
    for (size_t s = 0; s < xlsx_sheet_count(b); s++) {
        if (xlsx_sheet_open(b, s, &err) < 0) {
            assert_true(err.msg[0] != '\0');
            continue;
        }
        xlsx_row r;
        int rc;
        while ((rc = xlsx_next_row(b, &r, &err)) == 1)
            for (size_t i = 0; i < r.n; i++)
                assert_non_null(r.text[i]);
        if (rc < 0)
            assert_true(err.msg[0] != '\0');
    }
    xlsx_close(b);
}

/* Mutated workbooks: the XML parts of a good one with bytes changed,
 * written back into a zip (libzip), then the zip's own bytes changed. */
static void test_mutations(void **state)
{
    (void)state;
    char *good = book("households.xlsx");
    int zerr;
    zip_t *in = zip_open(good, ZIP_RDONLY, &zerr);
    assert_non_null(in);
    zip_int64_t n = zip_get_num_entries(in, 0);
    char **names = xcalloc((size_t)n, sizeof *names);
    char **data = xcalloc((size_t)n, sizeof *data);
    size_t *len = xcalloc((size_t)n, sizeof *len);
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;
        assert_int_equal(zip_stat_index(in, (zip_uint64_t)i, 0, &st), 0);
        names[i] = xstrdup(st.name);
        len[i] = (size_t)st.size;
        data[i] = xmalloc(len[i] + 1);
        zip_file_t *f = zip_fopen_index(in, (zip_uint64_t)i, 0);
        assert_int_equal(zip_fread(f, data[i], len[i]), (zip_int64_t)len[i]);
        zip_fclose(f);
    }
    zip_discard(in);
    char dir[] = "/tmp/huydong-mut-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *out = xasprintf("%s/m.xlsx", dir);
    static const char junk[] = "<>&\"'\0\xff\xc3/=:r0123456789";
    unsigned seed = 9;
    for (int round = 0; round < 300; round++) {
        zip_t *z = zip_open(out, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
        assert_non_null(z);
        for (zip_int64_t i = 0; i < n; i++) {
            char *copy = xmalloc(len[i] + 1);
            memcpy(copy, data[i], len[i]);
            int xml = strstr(names[i], "sheet") || strstr(names[i], "styles") ||
                      strstr(names[i], "workbook");
            for (int k = 0; xml && len[i] && k < 1 + round % 4; k++) {
                seed = seed * 1103515245u + 12345u;
                size_t at = (seed >> 8) % len[i];
                copy[at] = junk[(seed >> 20) % (sizeof junk - 1)];
            }
            zip_source_t *src = zip_source_buffer(z, copy, len[i], 1);
            assert_true(zip_file_add(z, names[i], src, ZIP_FL_OVERWRITE) >= 0);
        }
        assert_int_equal(zip_close(z), 0);
        read_all(out);
    }
    /* the zip's own bytes */
    FILE *fp = fopen(out, "rb");
    assert_non_null(fp);
    char buf[65536];
    size_t zlen = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    for (int round = 0; round < 300; round++) {
        char copy[sizeof buf];
        memcpy(copy, buf, zlen);
        for (int k = 0; k < 1 + round % 3; k++) {
            seed = seed * 1103515245u + 12345u;
            copy[(seed >> 8) % zlen] = (char)(seed >> 24);
        }
        fp = fopen(out, "wb");
        assert_non_null(fp);
        assert_int_equal(fwrite(copy, 1, zlen, fp), zlen);
        fclose(fp);
        read_all(out);
    }
    for (zip_int64_t i = 0; i < n; i++) {
        free(names[i]);
        free(data[i]);
    }
    free(names);
    free(data);
    free(len);
    free(out);
    free(good);
    testdb_rm(dir);
}

static int import_book(testdb *t, hd_table table, const char *name, int dry,
                       hd_import_stats *st, hd_msgs *e)
{
    char *path = book(name);
    hd_msgs w = {0};
    hd_err err = {{0}};
    hd_import_opts o = {.dry_run = dry, .school_year_start_month = 9};
    int rc = import_file(t->db, table, path, &o, st, e, &w, &err);
    if (rc < 0 && !e->n)
        msgs_add(e, "%s", err.msg);
    msgs_free(&w);
    free(path);
    return rc;
}

static int count(testdb *t, const char *sql)
{
    sqlite3_stmt *st = db_prepare(t->db, sql);
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    db_finish(t->db, st);
    return n;
}

static void test_import_all_or_nothing(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    hd_import_stats st;
    hd_msgs e = {0};
    assert_int_equal(import_book(t, TABLE_VILLAGES, "villages.xlsx", 0, &st, &e), 0);
    assert_int_equal(import_book(t, TABLE_HOUSEHOLDS, "households.xlsx", 0, &st, &e), 0);
    assert_int_equal(st.added, 3);
    /* a legacy-font name and a formula with no value: both cells named */
    assert_int_equal(import_book(t, TABLE_CHILDREN, "legacy.xlsx", 0, &st, &e), -1);
    assert_int_equal(e.n, 2);
    assert_non_null(strstr(e.items[0], "legacy.xlsx:Tre!A2: Họ và tên:"));
    assert_non_null(strstr(e.items[0], "TCVN3"));
    assert_non_null(strstr(e.items[1], "legacy.xlsx:Tre!B3: Ngày sinh:"));
    assert_int_equal(count(t, "SELECT count(*) FROM child"), 0);
    msgs_free(&e);
    /* serial dates; a dry run writes nothing */
    assert_int_equal(import_book(t, TABLE_CHILDREN, "serial.xlsx", 1, &st, &e), 0);
    assert_int_equal(st.added, 2);
    assert_int_equal(count(t, "SELECT count(*) FROM child"), 0);
    assert_int_equal(import_book(t, TABLE_CHILDREN, "serial.xlsx", 0, &st, &e), 0);
    assert_int_equal(count(t, "SELECT count(*) FROM child WHERE birth_date = '2015-01-15'"), 1);
    assert_int_equal(count(t, "SELECT count(*) FROM child WHERE birth_date = '2012-04-01'"), 1);
    testdb_free(t);
}

static void test_pupil_codes(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    hd_import_stats st;
    hd_msgs e = {0};
    assert_int_equal(import_book(t, TABLE_CHILDREN, "c1.xlsx", 0, &st, &e), 0);
    assert_int_equal(st.added, 3);
    assert_int_equal(count(t, "SELECT count(*) FROM child WHERE household_id IS NULL"), 3);
    /* the later sheet: Tú's name retyped and his status changed, matched by code */
    assert_int_equal(import_book(t, TABLE_CHILDREN, "c1-later.xlsx", 0, &st, &e), 0);
    assert_int_equal(st.added, 0);
    assert_int_equal(st.updated, 1);
    assert_int_equal(count(t, "SELECT count(*) FROM child"), 3);
    int64_t tu = ident_find(t->db, IDENT_PUPIL_CODE, "2000123402");
    assert_true(tu > 0);
    assert_int_equal(ident_find(t->db, IDENT_PID, "011215000123"), tu);
    hd_child c;
    assert_int_equal(child_get(t->db, tu, &c, NULL), 0);
    assert_string_equal(c.full_name, "Lò Văn Tu");
    assert_int_equal(c.status, STATUS_TRANSFERRED);
    child_free(&c);
    /* code 05: dropped out in term 1, with the code's meaning as the reason */
    assert_int_equal(count(t, "SELECT count(*) FROM child_status WHERE status = 'dropped_out'"
                              " AND reason = 'Bỏ học học kỳ I' AND date = '2026-10-15'"), 1);
    /* a number cell lost the identification number's leading zero */
    assert_int_equal(count(t, "SELECT count(*) FROM child_ident WHERE value = '064216000777'"),
                     1);
    hd_unlinked *u;
    hd_err err;
    int n = unlinked_list(t->db, &u, &err);
    assert_int_equal(n, 3);
    unlinked_free(u, n);
    assert_true(count(t, "SELECT count(*) FROM audit WHERE tbl = 'child_ident'") >= 5);
    testdb_free(t);
}

/* A file of the wrong kind: every row wrong, only the first messages kept,
 * all of them counted. */
static void test_messages_capped(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    strbuf csv = {0};
    sb_add(&csv, "Họ và tên,Ngày sinh,Giới tính\n");
    for (int i = 0; i < 1500; i++)
        sb_addf(&csv, "Trẻ %d,2015,không rõ\n", i);
    const char *path = testdb_file(t, "wrong.csv", sb_str(&csv));
    sb_free(&csv);
    hd_import_stats st;
    hd_msgs e = {0}, w = {0};
    hd_err err;
    hd_import_opts o = {.school_year_start_month = 9};
    assert_int_equal(import_file(t->db, TABLE_CHILDREN, path, &o, &st, &e, &w, &err), -1);
    assert_int_equal(e.n, IMPORT_KEPT_MESSAGES);
    assert_int_equal(st.errors, 1500);
    assert_non_null(strstr(e.items[0], "wrong.csv:2: Giới tính:"));
    assert_int_equal(count(t, "SELECT count(*) FROM child"), 0);
    msgs_free(&e);
    msgs_free(&w);
    testdb_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_serial_days),
        cmocka_unit_test(test_cell_names),
        cmocka_unit_test(test_read_cells),
        cmocka_unit_test(test_date1904),
        cmocka_unit_test(test_doc_roundtrip),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_mutations),
        cmocka_unit_test(test_import_all_or_nothing),
        cmocka_unit_test(test_pupil_codes),
        cmocka_unit_test(test_messages_capped),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    if (books()[0])
        testdb_rm(books());
    return rc;
}
