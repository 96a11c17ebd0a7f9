/* Unit tests for the paged lists: keyset paging both ways in every order,
 * each filter against plain SQL, text search against search_run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/demo.h"
#include "core/lists.h"
#include "core/registry.h"
#include "core/search.h"
#include "testdb.h"

#define PAGE 7

typedef struct ids {
    int64_t *v;
    size_t n, cap;
} ids;

static void ids_add(ids *l, int64_t id)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
    }
    l->v[l->n++] = id;
}

static void assert_ids_equal(const ids *a, const ids *b)
{
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i] != b->v[i])
            fail_msg("row %zu: id %lld, expected %lld", i, (long long)a->v[i],
                     (long long)b->v[i]);
}

/* The ids of the first column of sql, in its order. */
static ids sql_ids(testdb *t, const char *sql)
{
    ids l = {0};
    sqlite3_stmt *st = db_prepare(t->db, sql);
    while (sqlite3_step(st) == SQLITE_ROW)
        ids_add(&l, sqlite3_column_int64(st, 0));
    db_finish(t->db, st);
    return l;
}

/* Every row of the list, page by page from the top. */
static ids page_forward(testdb *t, hd_list_kind k, const hd_list_filter *f, hd_list_sort s)
{
    ids l = {0};
    hd_list_row rows[PAGE], last = {0};
    hd_err err;
    for (int n;; ) {
        n = list_page(t->db, k, f, s, l.n ? &last : NULL, 1, PAGE, "vi", rows, &err);
        if (n < 0)
            fail_msg("list_page: %s", err.msg);
        assert_true(n <= PAGE);
        for (int i = 0; i < n; i++)
            ids_add(&l, rows[i].id);
        if (n > 0) {
            list_row_free(&last);
            last = rows[n - 1];
            rows[n - 1] = (hd_list_row){0};
        }
        for (int i = 0; i < n; i++)
            list_row_free(&rows[i]);
        if (n < PAGE)
            break;
    }
    list_row_free(&last);
    return l;
}

/* Every row of the list, page by page from the bottom, put back in order. */
static ids page_backward(testdb *t, hd_list_kind k, const hd_list_filter *f, hd_list_sort s)
{
    ids rev = {0};
    hd_list_row rows[PAGE], first = {0};
    hd_err err;
    int started = 0;
    for (int n;; started = 1) {
        n = list_page(t->db, k, f, s, started ? &first : NULL, 0, PAGE, "vi", rows, &err);
        if (n < 0)
            fail_msg("list_page: %s", err.msg);
        for (int i = n - 1; i >= 0; i--)
            ids_add(&rev, rows[i].id);
        if (n > 0) {
            list_row_free(&first);
            first = rows[0];
            rows[0] = (hd_list_row){0};
        }
        for (int i = 0; i < n; i++)
            list_row_free(&rows[i]);
        if (n < PAGE)
            break;
    }
    list_row_free(&first);
    ids l = {0};
    for (size_t i = rev.n; i-- > 0;)
        ids_add(&l, rev.v[i]);
    free(rev.v);
    return l;
}

/* The list, both ways, and its count equal the rows of sql. */
static void check_list(testdb *t, hd_list_kind k, const hd_list_filter *f, hd_list_sort s,
                       const char *sql)
{
    ids want = sql_ids(t, sql), fwd = page_forward(t, k, f, s), back = page_backward(t, k, f, s);
    assert_ids_equal(&fwd, &want);
    assert_ids_equal(&back, &want);
    hd_err err;
    assert_int_equal(list_count(t->db, k, f, &err), (long)want.n);
    free(want.v);
    free(fwd.v);
    free(back.v);
}

/* ---- the commune ------------------------------------------------------ */

static int64_t add_child(testdb *t, int64_t hh, const char *name, int year)
{
    hd_child c = {.household_id = hh, .full_name = xstrdup(name), .sex = SEX_FEMALE,
                  .birth_year = year, .level = LEVEL_PRIMARY, .grade = 2};
    hd_err err;
    if (child_insert(t->db, &c, STATUS_ENROLLED, "2026-09-05", "", "test", &err) < 0)
        fail_msg("%s", err.msg);
    int64_t id = c.id;
    child_free(&c);
    return id;
}

static void archive(testdb *t, const char *table, int64_t id)
{
    hd_err err;
    char *sql = xasprintf("SELECT version FROM %s WHERE id = %lld", table, (long long)id);
    long version = testdb_long(t, sql);
    free(sql);
    if (record_archive(t->db, table, id, version, 1, &err) < 0)
        fail_msg("%s", err.msg);
}

/* The demo commune, plus a run of namesakes longer than a page (keyset ties),
 * a child with no household, and one archived record of each kind. */
static int setup(void **state)
{
    testdb *t = testdb_new();
    demo_opts o;
    demo_opts_small(&o);
    hd_err err;
    if (demo_generate(t->db, &o, &err) < 0)
        fail_msg("demo: %s", err.msg);
    int64_t hh = testdb_long(t, "SELECT min(id) FROM household");
    for (int i = 0; i < 17; i++)
        add_child(t, hh, "Nguyễn Thị Hoa", 2015 + i % 3);
    add_child(t, 0, "Ðinh Thị Ánh Khuê", 2016);
    add_child(t, 0, "Nguyễn Thị Mơ", 2014);
    archive(t, "child", add_child(t, hh, "Nguyễn Thị Lưu Trữ", 2016));
    archive(t, "household", testdb_long(t, "SELECT max(id) FROM household"));
    archive(t, "member", testdb_long(t, "SELECT max(id) FROM member"));
    archive(t, "village", testdb_long(t, "SELECT max(id) FROM village"));
    archive(t, "school", testdb_long(t, "SELECT max(id) FROM school"));
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    testdb_free(*state);
    return 0;
}

/* ---- tests --------------------------------------------------------------- */

static void test_children_by_name(void **state)
{
    testdb *t = *state;
    hd_list_filter f;
    list_filter_init(&f);
    assert_true(testdb_long(t, "SELECT count(*) FROM child WHERE archived = 0") > 300);
    check_list(t, LIST_CHILDREN, &f, SORT_NAME,
               "SELECT id FROM child WHERE archived = 0 ORDER BY sort_key, id");
    /* NULL filter = every field "any" */
    check_list(t, LIST_CHILDREN, NULL, SORT_NAME,
               "SELECT id FROM child WHERE archived = 0 ORDER BY sort_key, id");
}

/* The page before a page is the page before it, row for row. */
static void test_back_and_forth(void **state)
{
    testdb *t = *state;
    hd_list_row a[PAGE], b[PAGE], c[PAGE], none;
    hd_err err;
    assert_int_equal(list_page(t->db, LIST_CHILDREN, NULL, SORT_NAME, NULL, 1, PAGE, "vi", a,
                               &err), PAGE);
    assert_int_equal(list_page(t->db, LIST_CHILDREN, NULL, SORT_NAME, &a[PAGE - 1], 1, PAGE,
                               "vi", b, &err), PAGE);
    assert_int_equal(list_page(t->db, LIST_CHILDREN, NULL, SORT_NAME, &b[0], 0, PAGE, "vi", c,
                               &err), PAGE);
    for (int i = 0; i < PAGE; i++)
        assert_int_equal(c[i].id, a[i].id);
    /* nothing before the first row */
    assert_int_equal(list_page(t->db, LIST_CHILDREN, NULL, SORT_NAME, &a[0], 0, 1, "vi", &none,
                               &err), 0);
    for (int i = 0; i < PAGE; i++) {
        list_row_free(&a[i]);
        list_row_free(&b[i]);
        list_row_free(&c[i]);
    }
}

static void test_every_kind_and_order(void **state)
{
    testdb *t = *state;
    hd_list_filter f;
    list_filter_init(&f);
    check_list(t, LIST_CHILDREN, &f, SORT_VILLAGE,
               "SELECT c.id FROM child c LEFT JOIN household h ON h.id = c.household_id"
               " LEFT JOIN village v ON v.id = h.village_id WHERE c.archived = 0"
               " ORDER BY v.id IS NULL, v.sort_key, v.id, c.sort_key, c.id");
    check_list(t, LIST_CHILDREN, &f, SORT_BIRTH,
               "SELECT id FROM child WHERE archived = 0 ORDER BY birth_year, sort_key, id");
    check_list(t, LIST_CHILDREN, &f, SORT_STATUS,
               "SELECT id FROM child WHERE archived = 0 ORDER BY status, sort_key, id");
    check_list(t, LIST_HOUSEHOLDS, &f, SORT_NAME,
               "SELECT id FROM household WHERE archived = 0 ORDER BY sort_key, id");
    check_list(t, LIST_HOUSEHOLDS, &f, SORT_VILLAGE,
               "SELECT h.id FROM household h JOIN village v ON v.id = h.village_id"
               " WHERE h.archived = 0 ORDER BY v.sort_key, v.id, h.sort_key, h.id");
    check_list(t, LIST_MEMBERS, &f, SORT_NAME,
               "SELECT id FROM member WHERE archived = 0 ORDER BY sort_key, id");
    check_list(t, LIST_MEMBERS, &f, SORT_VILLAGE,
               "SELECT m.id FROM member m LEFT JOIN village v ON v.id = m.village_id"
               " WHERE m.archived = 0 ORDER BY v.id IS NULL, v.sort_key, v.id, m.sort_key, m.id");
    check_list(t, LIST_VILLAGES, &f, SORT_NAME,
               "SELECT id FROM village WHERE archived = 0 ORDER BY sort_key, id");
    check_list(t, LIST_SCHOOLS, &f, SORT_NAME,
               "SELECT id FROM school WHERE archived = 0 ORDER BY sort_key, id");
    /* an order a kind does not have is by name */
    assert_false(list_sort_supported(LIST_VILLAGES, SORT_BIRTH));
    check_list(t, LIST_VILLAGES, &f, SORT_BIRTH,
               "SELECT id FROM village WHERE archived = 0 ORDER BY sort_key, id");
    check_list(t, LIST_SCHOOLS, &f, SORT_STATUS,
               "SELECT id FROM school WHERE archived = 0 ORDER BY sort_key, id");
}

#define CHILD_WHERE(cond) \
    "SELECT c.id FROM child c LEFT JOIN household h ON h.id = c.household_id" \
    " WHERE c.archived = 0 AND " cond " ORDER BY c.sort_key, c.id"

static void test_child_filters(void **state)
{
    testdb *t = *state;
    int64_t village = testdb_long(t, "SELECT min(id) FROM village");
    int64_t hh = testdb_long(t, "SELECT min(id) FROM household");
    char *sql;
    hd_list_filter f;
    list_filter_init(&f);
    f.village_id = village;
    sql = xasprintf(CHILD_WHERE("h.village_id = %lld"), (long long)village);
    check_list(t, LIST_CHILDREN, &f, SORT_NAME, sql);
    free(sql);
    f.at_risk_only = 1;
    sql = xasprintf(CHILD_WHERE("h.village_id = %lld AND c.status = 'at_risk'"),
                    (long long)village);
    check_list(t, LIST_CHILDREN, &f, SORT_NAME, sql);
    free(sql);
    list_filter_init(&f);
    f.household_id = hh;
    sql = xasprintf(CHILD_WHERE("c.household_id = %lld"), (long long)hh);
    check_list(t, LIST_CHILDREN, &f, SORT_NAME, sql);
    check_list(t, LIST_CHILDREN, &f, SORT_BIRTH,
               "SELECT id FROM child WHERE archived = 0 AND household_id ="
               " (SELECT min(id) FROM household) ORDER BY birth_year, sort_key, id");
    free(sql);
    list_filter_init(&f);
    f.level = LEVEL_LOWER_SECONDARY;
    check_list(t, LIST_CHILDREN, &f, SORT_NAME, CHILD_WHERE("c.level = 'lower_secondary'"));
    list_filter_init(&f);
    f.status = STATUS_DROPPED_OUT;
    check_list(t, LIST_CHILDREN, &f, SORT_NAME, CHILD_WHERE("c.status = 'dropped_out'"));
    list_filter_init(&f);
    f.at_risk_only = 1;
    check_list(t, LIST_CHILDREN, &f, SORT_NAME, CHILD_WHERE("c.status = 'at_risk'"));
    check_list(t, LIST_CHILDREN, &f, SORT_VILLAGE,
               "SELECT c.id FROM child c LEFT JOIN household h ON h.id = c.household_id"
               " LEFT JOIN village v ON v.id = h.village_id WHERE c.archived = 0"
               " AND c.status = 'at_risk' ORDER BY v.id IS NULL, v.sort_key, v.id, c.sort_key,"
               " c.id");
    list_filter_init(&f);
    f.minority_only = 1;
    check_list(t, LIST_CHILDREN, &f, SORT_NAME, CHILD_WHERE("c.ethnic_minority = 1"));
    list_filter_init(&f);
    f.poor_only = LIST_POOR;
    check_list(t, LIST_CHILDREN, &f, SORT_NAME, CHILD_WHERE("h.poverty = 'poor'"));
    f.poor_only = LIST_POOR_OR_NEAR;
    check_list(t, LIST_CHILDREN, &f, SORT_NAME, CHILD_WHERE("h.poverty <> 'none'"));
    f.minority_only = 1;
    f.level = LEVEL_PRIMARY;
    check_list(t, LIST_CHILDREN, &f, SORT_STATUS,
               "SELECT c.id FROM child c JOIN household h ON h.id = c.household_id"
               " WHERE c.archived = 0 AND h.poverty <> 'none' AND c.ethnic_minority = 1"
               " AND c.level = 'primary' ORDER BY c.status, c.sort_key, c.id");
}

#define HOUSEHOLD_WHERE(cond) \
    "SELECT id FROM household h WHERE archived = 0 AND " cond " ORDER BY sort_key, id"
#define HAS_CHILD(cond) \
    "EXISTS (SELECT 1 FROM child c WHERE c.household_id = h.id AND c.archived = 0 AND " \
    cond ")"

static void test_household_and_member_filters(void **state)
{
    testdb *t = *state;
    int64_t village = testdb_long(t, "SELECT min(id) FROM village");
    hd_list_filter f;
    list_filter_init(&f);
    f.village_id = village;
    char *sql = xasprintf(HOUSEHOLD_WHERE("village_id = %lld"), (long long)village);
    check_list(t, LIST_HOUSEHOLDS, &f, SORT_NAME, sql);
    free(sql);
    sql = xasprintf("SELECT id FROM member WHERE archived = 0 AND village_id = %lld"
                    " ORDER BY sort_key, id", (long long)village);
    check_list(t, LIST_MEMBERS, &f, SORT_NAME, sql);
    free(sql);
    list_filter_init(&f);
    f.at_risk_only = 1;
    check_list(t, LIST_HOUSEHOLDS, &f, SORT_NAME, HOUSEHOLD_WHERE(HAS_CHILD("c.status = 'at_risk'")));
    f.level = LEVEL_PRIMARY;
    check_list(t, LIST_HOUSEHOLDS, &f, SORT_NAME,
               HOUSEHOLD_WHERE(HAS_CHILD("c.status = 'at_risk' AND c.level = 'primary'")));
    list_filter_init(&f);
    f.status = STATUS_DROPPED_OUT;
    check_list(t, LIST_HOUSEHOLDS, &f, SORT_VILLAGE,
               "SELECT h.id FROM household h JOIN village v ON v.id = h.village_id"
               " WHERE h.archived = 0 AND " HAS_CHILD("c.status = 'dropped_out'")
               " ORDER BY v.sort_key, v.id, h.sort_key, h.id");
    list_filter_init(&f);
    f.poor_only = LIST_POOR;
    f.minority_only = 1;
    check_list(t, LIST_HOUSEHOLDS, &f, SORT_NAME,
               HOUSEHOLD_WHERE("poverty = 'poor' AND ethnic_minority = 1"));
    list_filter_init(&f);
    f.level = LEVEL_UPPER_SECONDARY;
    check_list(t, LIST_SCHOOLS, &f, SORT_NAME,
               "SELECT id FROM school WHERE archived = 0 AND ',' || levels || ','"
               " LIKE '%,upper_secondary,%' ORDER BY sort_key, id");
}

static int collect_id(const hd_hit *hit, void *ctx)
{
    ids_add(ctx, hit->id);
    return 0;
}

/* The list with text q holds the hits of search_run, in the same order. */
static void check_text(testdb *t, hd_list_kind k, int kind, const char *q)
{
    hd_err err;
    ids want = {0};
    assert_true(search_run(t->db, q, kind, 0, collect_id, &want, &err) >= 0);
    hd_list_filter f;
    list_filter_init(&f);
    f.text = q;
    ids fwd = page_forward(t, k, &f, SORT_NAME), back = page_backward(t, k, &f, SORT_NAME);
    assert_ids_equal(&fwd, &want);
    assert_ids_equal(&back, &want);
    assert_int_equal(list_count(t->db, k, &f, &err), (long)want.n);
    free(want.v);
    free(fwd.v);
    free(back.v);
}

static void test_text(void **state)
{
    testdb *t = *state;
    static const char *const same[] = {
        "nguyen thi", "Nguyễn Thị", "NGUYỄN   thị", "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3",
        "thi nguyen", "ng th",
    };
    for (size_t i = 0; i < HD_ARRAY_LEN(same); i++)
        check_text(t, LIST_CHILDREN, SEARCH_CHILDREN, same[i]);
    assert_true(testdb_long(t, "SELECT count(*) FROM child WHERE fold LIKE 'nguyen thi %'"
                               " AND archived = 0") >= 19);
    /* the look-alike Ð, a rare word, a word of nobody, one letter */
    check_text(t, LIST_CHILDREN, SEARCH_CHILDREN, "ÐINH ánh");
    check_text(t, LIST_CHILDREN, SEARCH_CHILDREN, "khue dinh");
    check_text(t, LIST_CHILDREN, SEARCH_CHILDREN, "mơ");
    check_text(t, LIST_CHILDREN, SEARCH_CHILDREN, "hoa");
    check_text(t, LIST_CHILDREN, SEARCH_CHILDREN, "zzzz");
    check_text(t, LIST_CHILDREN, SEARCH_CHILDREN, "t");
    check_text(t, LIST_HOUSEHOLDS, SEARCH_HOUSEHOLDS, "nguyen");
    check_text(t, LIST_HOUSEHOLDS, SEARCH_HOUSEHOLDS, "van");
    check_text(t, LIST_MEMBERS, SEARCH_MEMBERS, "thi");
    check_text(t, LIST_VILLAGES, SEARCH_VILLAGES, "thon");
    /* schools are not in the word index */
    hd_list_filter f;
    list_filter_init(&f);
    f.text = "TRƯỜNG th";
    check_list(t, LIST_SCHOOLS, &f, SORT_NAME,
               "SELECT id FROM school WHERE archived = 0 AND ' ' || fold LIKE '% truong%'"
               " AND ' ' || fold LIKE '% th%' ORDER BY sort_key, id");
    /* text and a filter together */
    list_filter_init(&f);
    f.text = "thi";
    f.household_id = testdb_long(t, "SELECT min(id) FROM household");
    check_list(t, LIST_CHILDREN, &f, SORT_NAME,
               CHILD_WHERE("c.household_id = (SELECT min(id) FROM household)"
                           " AND ' ' || c.fold LIKE '% thi%'"));
}

/* Words most names share: the list walks the name index and tests each row
 * rather than starting from a word's (large) set of names. */
static void test_text_common_words(void **state)
{
    (void)state;
    static const char *const given[] = {"An", "Bình", "Chi", "Dung", "Đào", "Giang", "Hà"};
    testdb *t = testdb_new();
    hd_village v = {.name = xstrdup("Thôn 1"), .kind = VKIND_THON};
    hd_err err;
    assert_int_equal(village_insert(t->db, &v, &err), 0);
    hd_household h = {.village_id = v.id, .head_name = xstrdup("Nguyễn Văn Hùng")};
    assert_int_equal(household_insert(t->db, &h, &err), 0);
    for (int i = 0; i < 200; i++) {
        char *name = xasprintf("%s %s %s", i % 5 ? "Nguyễn" : "Trần", i % 3 ? "Thị" : "Văn",
                               given[i % HD_ARRAY_LEN(given)]);
        add_child(t, h.id, name, 2012 + i % 4);
        free(name);
    }
    static const char *const queries[] = {"nguyen thi", "ng t", "thi", "tran van", "van an"};
    for (size_t i = 0; i < HD_ARRAY_LEN(queries); i++)
        check_text(t, LIST_CHILDREN, SEARCH_CHILDREN, queries[i]);
    hd_list_filter f;
    list_filter_init(&f);
    f.text = "nguyen thi";
    char *plan = list_plan(t->db, LIST_CHILDREN, &f, SORT_NAME, 1, &err);
    assert_non_null(strstr(plan, "USING INDEX child_sort"));
    free(plan);
    village_free(&v);
    household_free(&h);
    testdb_free(t);
}

static void test_archived(void **state)
{
    testdb *t = *state;
    hd_list_filter f;
    list_filter_init(&f);
    f.include_archived = 1;
    check_list(t, LIST_CHILDREN, &f, SORT_NAME, "SELECT id FROM child ORDER BY sort_key, id");
    check_list(t, LIST_HOUSEHOLDS, &f, SORT_NAME,
               "SELECT id FROM household ORDER BY sort_key, id");
    check_list(t, LIST_MEMBERS, &f, SORT_NAME, "SELECT id FROM member ORDER BY sort_key, id");
    check_list(t, LIST_VILLAGES, &f, SORT_NAME, "SELECT id FROM village ORDER BY sort_key, id");
    check_list(t, LIST_SCHOOLS, &f, SORT_NAME, "SELECT id FROM school ORDER BY sort_key, id");
    f.text = "luu tru";
    hd_list_row r;
    hd_err err;
    assert_int_equal(list_page(t->db, LIST_CHILDREN, &f, SORT_NAME, NULL, 1, 1, "vi", &r, &err),
                     1);
    assert_string_equal(r.cols[0], "Nguyễn Thị Lưu Trữ");
    assert_int_equal(r.archived, 1);
    list_row_free(&r);
    f.include_archived = 0;
    assert_int_equal(list_count(t->db, LIST_CHILDREN, &f, &err), 0);
}

static void test_rows_for_display(void **state)
{
    testdb *t = *state;
    hd_list_filter f;
    list_filter_init(&f);
    f.text = "dinh anh khue";
    hd_list_row r;
    hd_err err;
    assert_int_equal(list_count(t->db, LIST_CHILDREN, &f, &err), 1);
    assert_int_equal(list_page(t->db, LIST_CHILDREN, &f, SORT_NAME, NULL, 1, 1, "en", &r, &err),
                     1);
    assert_string_equal(r.cols[0], "Đinh Thị Ánh Khuê");
    assert_string_equal(r.cols[1], "2016");
    assert_string_equal(r.cols[2], "2"); /* the grade when there is no class name */
    assert_string_equal(r.cols[3], "");  /* no household, no village */
    assert_string_equal(r.cols[4], "Enrolled");
    assert_string_equal(r.cols[5], "");
    assert_non_null(strstr(r.uid, "-C"));
    assert_int_equal(r.flag, 0);
    list_row_free(&r);
    int n;
    const char *const *h = list_headers(LIST_CHILDREN, "vi", &n);
    assert_int_equal(n, 6);
    assert_string_equal(h[0], "Họ và tên");
    assert_string_equal(h[4], "Tình trạng");
    assert_string_equal(list_headers(LIST_CHILDREN, "en", &n)[3], "Village");
    for (int k = 0; k < LIST_COUNT; k++) {
        list_headers(k, "vi", &n);
        const int *w = list_widths(k);
        int sum = n - 1;
        for (int i = 0; i < n; i++)
            sum += w[i];
        assert_true(sum <= 80);
        /* every column of a row is filled, the others are NULL */
        assert_int_equal(list_page(t->db, k, NULL, SORT_NAME, NULL, 1, 1, "vi", &r, &err), 1);
        for (int i = 0; i < LIST_MAX_COLS; i++)
            assert_true((r.cols[i] != NULL) == (i < n));
        list_row_free(&r);
    }
    /* a household with a child at risk is flagged */
    list_filter_init(&f);
    f.at_risk_only = 1;
    assert_int_equal(list_page(t->db, LIST_HOUSEHOLDS, &f, SORT_NAME, NULL, 1, 1, "vi", &r,
                               &err), 1);
    assert_int_equal(r.flag, 1);
    list_row_free(&r);
}

static void test_edges_and_plans(void **state)
{
    testdb *t = *state;
    hd_list_row r;
    hd_err err;
    assert_int_equal(list_page(t->db, LIST_CHILDREN, NULL, SORT_NAME, NULL, 1, 0, "vi", &r,
                               &err), 0);
    assert_int_equal(list_page(t->db, LIST_COUNT, NULL, SORT_NAME, NULL, 1, 1, "vi", &r, &err),
                     -1);
    assert_int_equal(list_count(t->db, (hd_list_kind)99, NULL, &err), -1);
    /* punctuation only: no words, no filter */
    hd_list_filter f;
    list_filter_init(&f);
    f.text = " '- ";
    assert_int_equal(list_count(t->db, LIST_VILLAGES, &f, &err),
                     testdb_long(t, "SELECT count(*) FROM village WHERE archived = 0"));
    /* the whole list walks the name index; one household is read directly */
    char *plan = list_plan(t->db, LIST_CHILDREN, NULL, SORT_NAME, 1, &err);
    assert_non_null(strstr(plan, "USING INDEX child_sort"));
    free(plan);
    plan = list_plan(t->db, LIST_HOUSEHOLDS, NULL, SORT_NAME, 0, &err);
    assert_non_null(strstr(plan, "USING INDEX household_sort"));
    free(plan);
    f.text = NULL;
    f.household_id = testdb_long(t, "SELECT min(id) FROM household");
    plan = list_plan(t->db, LIST_CHILDREN, &f, SORT_NAME, 1, &err);
    assert_null(strstr(plan, "child_sort"));
    assert_non_null(strstr(plan, "child_household"));
    free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_children_by_name),
        cmocka_unit_test(test_back_and_forth),
        cmocka_unit_test(test_every_kind_and_order),
        cmocka_unit_test(test_child_filters),
        cmocka_unit_test(test_household_and_member_filters),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_text_common_words),
        cmocka_unit_test(test_archived),
        cmocka_unit_test(test_rows_for_display),
        cmocka_unit_test(test_edges_and_plans),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
