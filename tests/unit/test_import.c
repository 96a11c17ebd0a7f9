/* Unit tests for CSV import and export: all or nothing, every bad row
 * reported with its line, re-import changes nothing, round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/export.h"
#include "core/import.h"
#include "core/model.h"
#include "testdb.h"

static const char villages_csv[] =
    "\xEF\xBB\xBFTên thôn,Loại,Chi bộ,Bí thư chi bộ\r\n"
    "Thôn 1,Thôn,Chi bộ thôn 1,Nguyễn Văn Hùng\r\n"
    "Làng Ia Bang,làng,\"Chi bộ làng Ia Bang\",Rơ Châm Khoa\r\n"
    "Plei Kép,plei,Chi bộ Plei Kép,Ksor H'Bia\r\n";

static const char households_csv[] =
    "Chủ hộ;Thôn;Địa chỉ;Điện thoại;Hộ nghèo;Dân tộc;DTTS\n"
    "Nguyễn Văn Ba;Thôn 1;\"Số 5, đường Lê Lợi\";0905 123 456;không;Kinh;\n"
    "Rơ Châm Khoa;lang ia bang;;;Hộ nghèo;Jrai;x\n"
    "Ksor Nhiên;Plei Kép;\"Rẫy phía tây\nsuối Ia Krêl\";;cận nghèo;Jrai;x\n";

static const char children_csv[] =
    "Họ và tên,Giới tính,Ngày sinh,Chủ hộ,Thôn,Trường,Cấp học,Khối,Lớp,Yếu tố nguy cơ\n"
    "Nguyễn Thị Ánh Đào,Nữ,05/03/2015,Nguyễn Văn Ba,Thôn 1,TH Ia Dom,Tiểu học,5,5A,\n"
    "Rơ Châm H'Nga,nu,2013,Rơ Châm Khoa,Làng Ia Bang,THCS Ia Dom,THCS,7,7B,\"hộ nghèo; bố mẹ đi làm ăn xa\"\n"
    "Ksor Y Thuân,Nam,12/12/2012,Ksor Nhiên,Plei Kép,THCS Ia Dom,THCS,8,8A,ở chòi rẫy\n";

static int run_import(testdb *t, hd_table table, const char *name, const char *text, int dry,
                      hd_import_stats *st, hd_msgs *errors, hd_msgs *warnings)
{
    hd_err err = {{0}};
    const char *path = testdb_file(t, name, text);
    int rc = import_csv(t->db, table, path, dry, 9, st, errors, warnings, &err);
    if (rc < 0 && errors->n == 0)
        msgs_add(errors, "%s", err.msg);
    return rc;
}

static void load_commune(testdb *t)
{
    hd_import_stats st;
    hd_msgs e = {0}, w = {0};
    assert_int_equal(run_import(t, TABLE_VILLAGES, "v.csv", villages_csv, 0, &st, &e, &w), 0);
    assert_int_equal(run_import(t, TABLE_HOUSEHOLDS, "h.csv", households_csv, 0, &st, &e, &w), 0);
    int rc = run_import(t, TABLE_CHILDREN, "c.csv", children_csv, 0, &st, &e, &w);
    for (size_t i = 0; i < e.n; i++)
        fprintf(stderr, "%s\n", e.items[i]);
    assert_int_equal(rc, 0);
    assert_int_equal(st.added, 3);
    msgs_free(&e);
    msgs_free(&w);
}

static void test_import_commune(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    load_commune(t);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM village"), 3);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM household WHERE poverty = 'poor'"), 1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM household"
                                    " WHERE address = 'Rẫy phía tây' || char(10) || 'suối Ia Krêl'"), 1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM school"), 2);
    assert_int_equal(testdb_long(t, "SELECT risk FROM child WHERE fold = 'ro cham hnga'"), 3);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM child WHERE birth_date = '2015-03-05'"
                                    " AND level = 'primary' AND grade = 5"), 1);
    /* bulk mode wrote the audit and search rows of every new record */
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM audit WHERE action = 'insert'"
                                    " AND tbl = 'child' AND actor = 'tester'"), 3);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM audit WHERE action = 'insert'"),
                     1 + 3 + 3 + 3 + 2 + 3); /* commune, villages, households, children, schools, statuses */
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM search_word WHERE word = 'hnga'"
                                    " AND ref = (SELECT id * 4 FROM child WHERE fold = 'ro cham hnga')"), 1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM search_word WHERE word = 'bang'"
                                    " AND ref % 4 = 3"), 1);
    /* enrolled with no date: since the start of the school year */
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM child_status WHERE date = '2026-09-01'"), 3);
    testdb_free(t);
}

/* "chán học" is a factor of its own (the districts' list of causes names
 * it), stored after the older ones so that their bits keep their meaning. */
static void test_no_interest_factor(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    load_commune(t);
    static const char more[] =
        "Họ và tên,Giới tính,Ngày sinh,Chủ hộ,Thôn,Trường,Cấp học,Khối,Lớp,Yếu tố nguy cơ\n"
        "Ksor Y Blin,Nam,2011,Ksor Nhiên,Plei Kép,THCS Ia Dom,THCS,9,9A,\"chán học; hộ nghèo\"\n";
    hd_import_stats st;
    hd_msgs e = {0}, w = {0};
    assert_int_equal(run_import(t, TABLE_CHILDREN, "m.csv", more, 0, &st, &e, &w), 0);
    assert_int_equal(testdb_long(t, "SELECT risk FROM child WHERE full_name = 'Ksor Y Blin'"),
                     (1L << RISK_NO_INTEREST) | (1L << RISK_POVERTY));
    assert_int_equal(RISK_OTHER, 8);   /* a stored bit: never moved */
    assert_string_equal(model_label(VOCAB_RISK, RISK_NO_INTEREST, "vi"),
                        "Chán học, không muốn đi học");
    msgs_free(&e);
    msgs_free(&w);
    testdb_free(t);
}

static void test_reimport_changes_nothing(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    load_commune(t);
    long audit = testdb_long(t, "SELECT count(*) FROM audit");
    hd_import_stats st;
    hd_msgs e = {0}, w = {0};
    assert_int_equal(run_import(t, TABLE_VILLAGES, "v.csv", villages_csv, 0, &st, &e, &w), 0);
    assert_int_equal(st.unchanged, 3);
    assert_int_equal(run_import(t, TABLE_HOUSEHOLDS, "h.csv", households_csv, 0, &st, &e, &w), 0);
    assert_int_equal(st.unchanged, 3);
    assert_int_equal(run_import(t, TABLE_CHILDREN, "c.csv", children_csv, 0, &st, &e, &w), 0);
    assert_int_equal(st.unchanged, 3);
    assert_int_equal(st.added + st.updated, 0);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM audit"), audit);
    msgs_free(&e);
    msgs_free(&w);
    testdb_free(t);
}

static void test_bad_rows_all_reported_nothing_changed(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    load_commune(t);
    long before = testdb_long(t, "SELECT count(*) FROM child");
    static const char bad[] =
        "Họ và tên,Giới tính,Ngày sinh,Chủ hộ,Thôn,Khối\n"
        "Lê Văn Tám,Nam,31/02/2015,Nguyễn Văn Ba,Thôn 1,4\n"        /* line 2: date */
        "Trần Thị Mai,Nữ,01/06/2014,Nguyễn Văn Ba,Thôn 1,3\n"       /* line 3: fine */
        ",Nam,2012,Nguyễn Văn Ba,Thôn 1,\n"                          /* line 4: name */
        "Hồ Văn Nam,X,2012,Không Có Ai,Thôn 1,13\n";                 /* line 5: 3 errors */
    hd_import_stats st;
    hd_msgs e = {0}, w = {0};
    assert_int_equal(run_import(t, TABLE_CHILDREN, "bad.csv", bad, 0, &st, &e, &w), -1);
    assert_true(e.n >= 5);
    int saw_date = 0, saw_name = 0, saw_sex = 0, saw_head = 0, saw_grade = 0;
    for (size_t i = 0; i < e.n; i++) {
        const char *m = e.items[i];
        saw_date |= strstr(m, "bad.csv:2: Ngày sinh:") && strstr(m, "February");
        saw_name |= strstr(m, "bad.csv:4: Họ và tên: required") != NULL;
        saw_sex |= strstr(m, "bad.csv:5: Giới tính:") != NULL;
        saw_head |= strstr(m, "bad.csv:5: Chủ hộ: no household") != NULL;
        saw_grade |= strstr(m, "bad.csv:5: Khối:") != NULL;
    }
    assert_true(saw_date && saw_name && saw_sex && saw_head && saw_grade);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM child"), before);
    msgs_free(&e);
    msgs_free(&w);
    testdb_free(t);
}

static void test_dry_run_and_duplicates(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    load_commune(t);
    static const char more[] =
        "Họ và tên,Giới tính,Ngày sinh,Chủ hộ,Thôn\n"
        "Nguyen Thi Anh Dao,Nữ,2015,Nguyễn Văn Ba,Thôn 1\n"
        "Lò Văn Khánh,Nam,2014,Nguyễn Văn Ba,Thôn 1\n";
    hd_import_stats st;
    hd_msgs e = {0}, w = {0};
    assert_int_equal(run_import(t, TABLE_CHILDREN, "m.csv", more, 1, &st, &e, &w), 0);
    assert_int_equal(st.added, 2);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM child"), 3);
    int dup = 0;
    for (size_t i = 0; i < w.n; i++)
        dup |= strstr(w.items[i], "m.csv:2: possible duplicate of 24999-C1") != NULL;
    assert_true(dup);
    msgs_free(&e);
    msgs_free(&w);
    testdb_free(t);
}

static void test_legacy_encoding_refused(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    /* "Họ và tên\nNguyễn Văn An" in Windows-1258 */
    static const char cp1258[] = "H\xf2\xa0 v\xe0 t\xean\nNguy\xea\xde\x6e V\xe3n An\n";
    hd_import_stats st;
    hd_msgs e = {0}, w = {0};
    int rc = run_import(t, TABLE_CHILDREN, "old.csv", cp1258, 0, &st, &e, &w);
    assert_int_equal(rc, -1);
    assert_int_equal(e.n, 1);
    assert_non_null(strstr(e.items[0], "old.csv: the file is in the legacy Windows-1258 encoding"));
    assert_non_null(strstr(e.items[0], "iconv -f CP1258 -t UTF-8"));
    msgs_free(&e);
    msgs_free(&w);
    testdb_free(t);
}

static void test_export_reimports_unchanged(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    load_commune(t);
    static const hd_table order[] = {TABLE_VILLAGES, TABLE_HOUSEHOLDS, TABLE_CHILDREN};
    for (size_t i = 0; i < HD_ARRAY_LEN(order); i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/export-%zu.csv", t->dir, i);
        hd_err err;
        assert_int_equal(export_csv_file(t->db, order[i], path, &err), 3);
        hd_import_stats st;
        hd_msgs e = {0}, w = {0};
        int rc = import_csv(t->db, order[i], path, 0, 9, &st, &e, &w, &err);
        for (size_t k = 0; k < e.n; k++)
            fprintf(stderr, "%s\n", e.items[k]);
        assert_int_equal(rc, 0);
        assert_int_equal(st.unchanged, 3);
        msgs_free(&e);
        msgs_free(&w);
    }
    testdb_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_import_commune),
        cmocka_unit_test(test_no_interest_factor),
        cmocka_unit_test(test_reimport_changes_nothing),
        cmocka_unit_test(test_bad_rows_all_reported_nothing_changed),
        cmocka_unit_test(test_dry_run_and_duplicates),
        cmocka_unit_test(test_legacy_encoding_refused),
        cmocka_unit_test(test_export_reimports_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
