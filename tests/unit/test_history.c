/* Unit tests for a record's history (audit_history): newest first, a page
 * at a time with nothing skipped or repeated, a child's status entries with
 * it and nobody else's (24999-C1 is not 24999-C10). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/audit_log.h"
#include "core/registry.h"
#include "testdb.h"

static void test_pages_newest_first(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    hd_village v = {.name = xstrdup("Thôn 1")};
    hd_err err;
    assert_int_equal(village_insert(t->db, &v, &err), 0);
    for (int i = 0; i < 250; i++) {
        free(v.branch_secretary);
        v.branch_secretary = xasprintf("Bí thư %d", i);
        assert_int_equal(village_update(t->db, &v, &err), 0);
    }
    int total = 0;
    int64_t before = 0, last = INT64_MAX;
    for (int page = 0; page < 10; page++) {
        hd_audit_row *r;
        int n = audit_history(t->db, v.uid, before, 100, &r, &err);
        assert_true(n >= 0);
        for (int i = 0; i < n; i++) {
            assert_true(r[i].id < last); /* strictly older: none repeated */
            last = r[i].id;
            assert_string_equal(r[i].row_uid, v.uid);
        }
        if (n)
            before = r[n - 1].id;
        if (page == 0) {
            assert_string_equal(r[0].field, "branch_secretary");
            assert_string_equal(r[0].old_value, "Bí thư 248");
            assert_string_equal(r[0].new_value, "Bí thư 249");
            assert_string_equal(r[0].actor, "tester");
        }
        if (n && total + n == 251)
            assert_string_equal(r[n - 1].action, "insert");
        total += n;
        audit_rows_free(r, n);
        if (n < 100)
            break;
    }
    assert_int_equal(total, 251);
    village_free(&v);
    testdb_free(t);
}

static int64_t add_child(testdb *t, int64_t hh, const char *name)
{
    hd_child c = {.household_id = hh, .full_name = xstrdup(name), .birth_year = 2014,
                  .level = LEVEL_PRIMARY};
    hd_err err;
    assert_int_equal(child_insert(t->db, &c, STATUS_ENROLLED, "2026-09-05", "", "test", &err), 0);
    int64_t id = c.id;
    child_free(&c);
    return id;
}

static void test_child_with_its_status_entries_only(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    int64_t hh = testdb_household(t, testdb_village(t, "Thôn 1"), "Siu Y Nhi");
    int64_t first = add_child(t, hh, "Siu H'Lan");
    for (int i = 2; i <= 12; i++) {
        char name[32];
        snprintf(name, sizeof name, "Siu H'Lan %d", i);
        add_child(t, hh, name); /* 24999-C2 … 24999-C12 */
    }
    hd_err err;
    assert_int_equal(child_set_status(t->db, first, STATUS_AT_RISK, "2026-11-01", "hay nghỉ",
                                      "manual", &err), 0);
    hd_child c;
    assert_int_equal(child_get(t->db, first, &c, &err), 0);
    assert_string_equal(c.uid, "24999-C1");
    hd_audit_row *r;
    int n = audit_history(t->db, c.uid, 0, 0, &r, &err);
    /* the child added, its two status entries added, its cached status */
    int entries = 0;
    for (int i = 0; i < n; i++) {
        assert_true(strcmp(r[i].row_uid, "24999-C1") == 0 ||
                    strncmp(r[i].row_uid, "24999-C1.", 9) == 0);
        entries += strcmp(r[i].tbl, "child_status") == 0;
    }
    assert_int_equal(entries, 2);
    assert_string_equal(r[n - 1].row_uid, "24999-C1");
    assert_string_equal(r[n - 1].action, "insert");
    audit_rows_free(r, n);
    child_free(&c);
    assert_string_equal(audit_field_label("head_name"), "Head of household");
    assert_string_equal(audit_field_label("no_such_column"), "no_such_column");
    testdb_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pages_newest_first),
        cmocka_unit_test(test_child_with_its_status_entries_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
