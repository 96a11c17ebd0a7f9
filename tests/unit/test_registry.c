/* Unit tests for the database layer and the registry: keys, versions,
 * status history, audit, search. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/authz.h"
#include "core/registry.h"
#include "core/schema.h"
#include "core/search.h"
#include "testdb.h"

static int64_t add_child(testdb *t, int64_t hh, const char *name, int year)
{
    hd_child c = {.household_id = hh, .full_name = xstrdup(name), .sex = SEX_FEMALE,
                  .birth_year = year, .level = -1};
    hd_err err;
    int rc = child_insert(t->db, &c, STATUS_ENROLLED, "2026-09-05", "", "test", &err);
    if (rc)
        fprintf(stderr, "%s\n", err.msg);
    assert_int_equal(rc, 0);
    int64_t id = c.id;
    child_free(&c);
    return id;
}

static void test_uids_are_stable_keys(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    int64_t v1 = testdb_village(t, "Thôn 1");
    testdb_village(t, "Làng Ia Bang");
    hd_village v;
    hd_err err;
    assert_int_equal(village_get(t->db, v1, &v, &err), 0);
    assert_string_equal(v.uid, "24999-V1");
    village_free(&v);
    assert_int_equal(record_id_by_uid(t->db, "village", "24999-V2"), v1 + 1);
    assert_int_equal(record_id_by_uid(t->db, "village", "24999-V9"), 0);
    testdb_free(t);
}

static void test_nfc_and_keys(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    int64_t v = testdb_village(t, "Thôn 1");
    /* "Đức" decomposed: D with stroke is precomposed only, u + horn + acute */
    int64_t h = testdb_household(t, v, "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n \xc3\x90u\xcc\x9b\xcc\x81" "c");
    hd_household hh;
    hd_err err;
    assert_int_equal(household_get(t->db, h, &hh, &err), 0);
    assert_string_equal(hh.head_name, "Nguyễn Văn Đức");
    household_free(&hh);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM household WHERE fold = 'nguyen van duc'"), 1);
    testdb_free(t);
}

static void test_version_conflict(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    int64_t v = testdb_village(t, "Thôn 2");
    hd_village a, b;
    hd_err err;
    assert_int_equal(village_get(t->db, v, &a, &err), 0);
    assert_int_equal(village_get(t->db, v, &b, &err), 0);
    free(a.branch_secretary);
    a.branch_secretary = xstrdup("Rơ Châm Khoa");
    assert_int_equal(village_update(t->db, &a, &err), 0);
    free(b.branch_secretary);
    b.branch_secretary = xstrdup("Ksor H'Bia");
    assert_int_equal(village_update(t->db, &b, &err), HD_CONFLICT);
    assert_non_null(strstr(err.msg, "someone else changed"));
    village_free(&a);
    village_free(&b);
    assert_int_equal(village_get(t->db, v, &a, &err), 0);
    assert_string_equal(a.branch_secretary, "Rơ Châm Khoa");
    assert_int_equal(a.version, 2);
    village_free(&a);
    testdb_free(t);
}

static void test_audit_records_each_field(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    int64_t v = testdb_village(t, "Thôn 3");
    hd_village a;
    hd_err err;
    assert_int_equal(village_get(t->db, v, &a, &err), 0);
    free(a.branch_name);
    a.branch_name = xstrdup("Chi bộ thôn 3");
    assert_int_equal(village_update(t->db, &a, &err), 0);
    village_free(&a);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM audit WHERE tbl = 'village'"
                                    " AND action = 'update' AND field = 'branch_name'"
                                    " AND old = '' AND new = 'Chi bộ thôn 3'"
                                    " AND actor = 'tester'"), 1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM audit WHERE action = 'update'"), 1);
    /* the log cannot be rewritten */
    assert_int_not_equal(db_exec(t->db, "DELETE FROM audit", &err), 0);
    assert_int_not_equal(db_exec(t->db, "UPDATE audit SET actor = 'x'", &err), 0);
    testdb_free(t);
}

static void test_status_history(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    int64_t hh = testdb_household(t, testdb_village(t, "Thôn 4"), "Siu Y Nhi");
    int64_t c = add_child(t, hh, "Siu H'Nga", 2014);
    hd_err err;
    /* a change needs a reason */
    assert_int_equal(child_set_status(t->db, c, STATUS_DROPPED_OUT, "01/10/2026", "", "manual", &err), -1);
    assert_non_null(strstr(err.msg, "reason"));
    assert_int_equal(child_set_status(t->db, c, STATUS_DROPPED_OUT, "01/10/2026",
                                      "Theo bố mẹ lên rẫy", "manual", &err), 0);
    /* an older entry does not become the current status */
    assert_int_equal(child_set_status(t->db, c, STATUS_AT_RISK, "20/09/2026", "Nghỉ nhiều",
                                      "manual", &err), 0);
    hd_child ch;
    assert_int_equal(child_get(t->db, c, &ch, &err), 0);
    assert_int_equal(ch.status, STATUS_DROPPED_OUT);
    assert_string_equal(ch.status_date, "2026-10-01");
    child_free(&ch);
    /* no 31/02, no future */
    assert_int_equal(child_set_status(t->db, c, STATUS_RETURNED, "31/02/2026", "x", "manual", &err), -1);
    assert_non_null(strstr(err.msg, "February"));
    assert_int_equal(child_set_status(t->db, c, STATUS_RETURNED, "01/01/2099", "x", "manual", &err), -1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM child_status"), 3);
    assert_int_not_equal(db_exec(t->db, "DELETE FROM child_status", &err), 0);
    testdb_free(t);
}

static void test_archive_and_check_version(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    int64_t v = testdb_village(t, "Thôn 5");
    hd_err err;
    assert_int_equal(record_archive(t->db, "village", v, 7, 1, &err), HD_CONFLICT);
    assert_int_equal(record_archive(t->db, "village", v, 1, 1, &err), 0);
    assert_int_equal(testdb_long(t, "SELECT archived FROM village"), 1);
    assert_int_equal(record_archive(t->db, "audit", 1, 1, 1, &err), -1);
    testdb_free(t);
}

static int collect_hit(const hd_hit *h, void *ctx)
{
    strbuf *sb = ctx;
    sb_addf(sb, "%s;", h->name);
    return 0;
}

static void test_search_folds(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    int64_t hh = testdb_household(t, testdb_village(t, "Làng Mới"), "Nguyễn Văn Đức");
    add_child(t, hh, "Nguyễn Thị Ánh Đào", 2015);
    add_child(t, hh, "Nguyễn Thị Hoa", 2016);
    add_child(t, hh, "Ksor H'Bia", 2013);
    hd_err err;
    strbuf sb = {0};
    assert_int_equal(search_run(t->db, "duc", SEARCH_ALL, 0, collect_hit, &sb, &err), 1);
    assert_string_equal(sb_str(&sb), "Nguyễn Văn Đức;");
    sb_clear(&sb);
    /* Vietnamese order: by given name: Đào before Hoa */
    assert_int_equal(search_run(t->db, "nguyen thi", SEARCH_CHILDREN, 0, collect_hit, &sb, &err), 2);
    assert_string_equal(sb_str(&sb), "Nguyễn Thị Ánh Đào;Nguyễn Thị Hoa;");
    sb_clear(&sb);
    assert_int_equal(search_run(t->db, "h'bia", SEARCH_ALL, 0, collect_hit, &sb, &err), 1);
    sb_clear(&sb);
    /* the given name after H' or Y' is a word of its own too */
    assert_int_equal(search_run(t->db, "bia", SEARCH_ALL, 0, collect_hit, &sb, &err), 1);
    sb_clear(&sb);
    assert_int_equal(search_run(t->db, "hbia", SEARCH_ALL, 0, collect_hit, &sb, &err), 1);
    sb_clear(&sb);
    assert_int_equal(search_run(t->db, "ÐÀO", SEARCH_ALL, 0, collect_hit, &sb, &err), 1);
    sb_clear(&sb);
    assert_int_equal(search_run(t->db, "\"*) OR", SEARCH_ALL, 0, collect_hit, &sb, &err), 0);
    assert_int_equal(search_run(t->db, "", SEARCH_ALL, 0, collect_hit, &sb, &err), 0);
    sb_free(&sb);
    testdb_free(t);
}

static void test_reopen_keeps_schema(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    testdb_village(t, "Thôn 6");
    db_close(t->db);
    hd_err err;
    t->db = db_open(t->path, "tester", 0, &err);
    if (t->db)
        authz_as_system(t->db);
    assert_non_null(t->db);
    assert_int_equal(db_schema_version(t->db), schema_latest());
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM village"), 1);
    assert_int_equal(testdb_long(t, "PRAGMA foreign_keys"), 1);
    hd_db *missing = db_open("/nonexistent/dir/x.db", "t", 0, &err);
    assert_null(missing);
    assert_non_null(strstr(err.msg, "no such database"));
    testdb_free(t);
}

/* In bulk mode an insert with a reason writes its own first entry, once
 * (found by the demo generator: it used to write a pending one too). */
static void test_bulk_first_entry_once(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    hd_err err;
    int tok = db_write_begin(t->db, &err);
    assert_int_equal(tok, 1);
    assert_int_equal(db_bulk_begin(t->db, &err), 0);
    int64_t hh = testdb_household(t, testdb_village(t, "Thôn 1"), "Ksor Blơi");
    hd_child c = {.household_id = hh, .full_name = xstrdup("Ksor H'Bia"), .sex = SEX_FEMALE,
                  .birth_year = 2015, .level = -1};
    assert_int_equal(child_insert(t->db, &c, STATUS_ENROLLED, "2026-09-05", "Đầu năm học",
                                  "manual", &err), 0);
    /* an imported child's entry is deferred, and written before a later one */
    hd_child d = {.household_id = hh, .full_name = xstrdup("Ksor Y Thuân"), .sex = SEX_MALE,
                  .birth_year = 2014, .level = -1};
    assert_int_equal(child_insert(t->db, &d, STATUS_ENROLLED, "2026-09-05", "", "import", &err), 0);
    assert_int_equal(child_set_status(t->db, d.id, STATUS_AT_RISK, "2026-10-01", "Nghỉ nhiều",
                                      "manual", &err), 0);
    assert_int_equal(db_bulk_end(t->db, &err), 0);
    assert_int_equal(db_write_end(t->db, tok, 1, &err), 0);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM child_status WHERE child_id = 1"), 1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM child_status WHERE child_id = 2"), 2);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM child_status WHERE child_id = 2"
                                    " AND uid LIKE '%.1' AND status = 'enrolled'"), 1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM audit WHERE tbl = 'child_status'"), 3);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM search_word WHERE word = 'hbia'"), 1);
    child_free(&c);
    child_free(&d);
    testdb_free(t);
}

/* A renamed record leaves no old words in the index, and the others stay. */
static void test_search_follows_renames(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    int64_t v = testdb_village(t, "Thôn Mới");
    testdb_village(t, "Thôn Cũ");
    hd_village a;
    hd_err err;
    assert_int_equal(village_get(t->db, v, &a, &err), 0);
    free(a.name);
    a.name = xstrdup("Làng Ia Bang");
    assert_int_equal(village_update(t->db, &a, &err), 0);
    village_free(&a);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM search_word WHERE word = 'moi'"), 0);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM search_word WHERE word = 'thon'"), 1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM search_word WHERE word = 'bang'"), 1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM search_word"), 5);
    testdb_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uids_are_stable_keys),
        cmocka_unit_test(test_nfc_and_keys),
        cmocka_unit_test(test_version_conflict),
        cmocka_unit_test(test_audit_records_each_field),
        cmocka_unit_test(test_status_history),
        cmocka_unit_test(test_archive_and_check_version),
        cmocka_unit_test(test_search_folds),
        cmocka_unit_test(test_reopen_keeps_schema),
        cmocka_unit_test(test_bulk_first_entry_once),
        cmocka_unit_test(test_search_follows_renames),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
