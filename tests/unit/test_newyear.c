/* Unit tests for the start of the school year: who is "not yet back" by the
 * hand-made histories below, and the confirmation that brings a child back.
 * Today is 24/11/2026 (HUYDONG_TODAY, as `make check-unit` sets it); the
 * school year starts in September, so 2026-2027 began on 01/09/2026. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/casework.h"
#include "core/newyear.h"
#include "core/registry.h"
#include "testdb.h"

#define SEPT 9

typedef struct commune {
    testdb *t;
    int64_t v1, v2, h1, h2;
    int64_t primary, lower;   /* schools: TH (primary), THCS (lower secondary) */
} commune;

static int64_t school(testdb *t, const char *name, const char *levels)
{
    hd_school s = {.name = xstrdup(name), .levels = xstrdup(levels)};
    hd_err err;
    assert_int_equal(school_insert(t->db, &s, &err), 0);
    int64_t id = s.id;
    school_free(&s);
    return id;
}

static commune *commune_new(void)
{
    commune *k = xcalloc(1, sizeof *k);
    k->t = testdb_new();
    k->primary = school(k->t, "TH Ia Dom", "primary");
    k->lower = school(k->t, "THCS Ia Dom", "lower_secondary");
    k->v1 = testdb_village(k->t, "Thôn 2");
    k->v2 = testdb_village(k->t, "Làng Ia Bang");
    k->h1 = testdb_household(k->t, k->v1, "Nguyễn Văn Ba");
    k->h2 = testdb_household(k->t, k->v2, "Rơ Châm Khoa");
    return k;
}

static void commune_free(commune *k)
{
    testdb_free(k->t);
    free(k);
}

/* A child in grade `grade` whose history starts with `status` on `since`. */
static int64_t pupil(commune *k, int64_t hh, const char *name, int grade, int status,
                     const char *since)
{
    hd_child c = {.household_id = hh, .full_name = xstrdup(name), .sex = SEX_MALE,
                  .birth_year = 2026 - 6 - grade, .level = -1, .grade = grade,
                  .class_name = xasprintf("%dA", grade),
                  .school_id = grade <= 5 ? k->primary : grade <= 9 ? k->lower : 0};
    hd_err err;
    int rc = child_insert(k->t->db, &c, status, since, "", "test", &err);
    if (rc)
        fprintf(stderr, "%s\n", err.msg);
    assert_int_equal(rc, 0);
    int64_t id = c.id;
    child_free(&c);
    return id;
}

static void entry(commune *k, int64_t child, int status, const char *date)
{
    hd_err err;
    int rc = child_set_status(k->t->db, child, status, date, "test", "test", &err);
    if (rc)
        fprintf(stderr, "%s\n", err.msg);
    assert_int_equal(rc, 0);
}

static hd_date day(int y, int m, int d)
{
    return (hd_date){y, m, d};
}

static const hd_newyear_row *find(const hd_newyear_row *r, int n, int64_t child)
{
    for (int i = 0; i < n; i++)
        if (r[i].child_id == child)
            return &r[i];
    return NULL;
}

static long entries(commune *k, int64_t child)
{
    char *sql = xasprintf("SELECT count(*) FROM child_status WHERE child_id = %lld",
                          (long long)child);
    long n = testdb_long(k->t, sql);
    free(sql);
    return n;
}

/* ---- the school year watched ------------------------------------------------ */

static void test_period(void **state)
{
    (void)state;
    hd_newyear_period p;
    newyear_period(day(2026, 11, 24), SEPT, &p);
    assert_int_equal(p.year, 2026);
    assert_string_equal(p.start, "2026-09-01");
    assert_string_equal(p.last_day, "2026-08-31");
    assert_int_equal(p.days, 84);
    newyear_period(day(2027, 3, 10), SEPT, &p);
    assert_int_equal(p.year, 2026);
    /* the August action month already watches the coming year */
    newyear_period(day(2026, 8, 15), SEPT, &p);
    assert_int_equal(p.year, 2026);
    assert_int_equal(p.days, -17);
    newyear_period(day(2026, 7, 31), SEPT, &p);
    assert_int_equal(p.year, 2025);
    newyear_period(day(2026, 12, 20), 1, &p);
    assert_int_equal(p.year, 2027);
}

/* ---- the watch list --------------------------------------------------------- */

static void test_watch(void **state)
{
    (void)state;
    commune *k = commune_new();
    int64_t back = pupil(k, k->h1, "Nguyễn Văn An", 7, STATUS_ENROLLED, "2025-09-05");
    entry(k, back, STATUS_ENROLLED, "2026-09-05");
    int64_t away = pupil(k, k->h1, "Nguyễn Văn Bình", 7, STATUS_ENROLLED, "2025-09-05");
    int64_t g5 = pupil(k, k->h1, "Nguyễn Thị Đào", 5, STATUS_ENROLLED, "2025-09-05");
    int64_t g9 = pupil(k, k->h2, "Rơ Châm Y Blin", 9, STATUS_ENROLLED, "2025-09-05");
    entry(k, g9, STATUS_AT_RISK, "2026-05-10");
    int64_t g12 = pupil(k, k->h2, "Rơ Châm H'Bia", 12, STATUS_ENROLLED, "2025-09-05");
    int64_t dropped = pupil(k, k->h2, "Rơ Châm H'Nga", 7, STATUS_ENROLLED, "2025-09-05");
    entry(k, dropped, STATUS_DROPPED_OUT, "2026-03-10");
    int64_t later = pupil(k, k->h2, "Rơ Châm Y Kông", 3, STATUS_ENROLLED, "2025-09-05");
    entry(k, later, STATUS_AT_RISK, "2026-10-01");      /* seen at school this year */
    int64_t fresh = pupil(k, k->h1, "Nguyễn Văn Cường", 1, STATUS_ENROLLED, "2026-09-05");
    int64_t ret = pupil(k, k->h1, "Nguyễn Văn Dũng", 4, STATUS_DROPPED_OUT, "2026-02-01");
    entry(k, ret, STATUS_RETURNED, "2026-10-01");

    hd_newyear_row *r = NULL;
    hd_err err;
    int n = newyear_watch(k->t->db, SEPT, date_today(), NULL, &r, &err);
    assert_int_equal(n, 3);
    /* by village (Làng Ia Bang before Thôn 2), then by given name */
    assert_int_equal(r[0].child_id, g9);
    assert_int_equal(r[1].child_id, away);
    assert_int_equal(r[2].child_id, g5);
    assert_null(find(r, n, back));
    assert_null(find(r, n, g12));
    assert_null(find(r, n, dropped));
    assert_null(find(r, n, later));
    assert_null(find(r, n, fresh));
    assert_null(find(r, n, ret));

    assert_int_equal(r[1].grade, 7);
    assert_int_equal(r[1].next_grade, 8);
    assert_int_equal(r[1].next_level, LEVEL_LOWER_SECONDARY);
    assert_false(r[1].transition);
    assert_string_equal(r[1].class_name, "7A");
    assert_string_equal(r[1].village, "Thôn 2");
    assert_string_equal(r[1].school, "THCS Ia Dom");
    assert_int_equal(r[1].days, 84);
    assert_int_equal(r[2].next_grade, 6);
    assert_int_equal(r[2].next_level, LEVEL_LOWER_SECONDARY);
    assert_true(r[2].transition);
    assert_int_equal(r[0].next_level, LEVEL_UPPER_SECONDARY);
    assert_true(r[0].transition);
    assert_true(r[0].at_risk);
    assert_int_equal(r[0].status, STATUS_AT_RISK);
    assert_false(r[1].at_risk);
    newyear_rows_free(r, n);

    int tr = -1;
    assert_int_equal(newyear_count(k->t->db, SEPT, date_today(), NULL, &tr, &err), 3);
    assert_int_equal(tr, 2);
    commune_free(k);
}

static void test_filters_and_lead(void **state)
{
    (void)state;
    commune *k = commune_new();
    int64_t a = pupil(k, k->h1, "Nguyễn Văn An", 7, STATUS_ENROLLED, "2025-09-05");
    int64_t b = pupil(k, k->h1, "Nguyễn Thị Đào", 5, STATUS_ENROLLED, "2025-09-05");
    int64_t c = pupil(k, k->h2, "Rơ Châm Y Blin", 9, STATUS_ENROLLED, "2025-09-05");
    hd_member m = {.full_name = xstrdup("Rơ Mah Hlin"), .org = ORG_COMMUNE,
                   .committee_role = CROLE_CHAIR};
    hd_err err;
    assert_int_equal(member_insert(k->t->db, &m, &err), 0);
    hd_assignment as = {.member_id = m.id, .household_id = k->h1, .role = AROLE_LEAD,
                        .season = -1, .reason = xstrdup("")};
    assert_int_equal(assignment_add(k->t->db, &as, &err), 0);
    assignment_free(&as);
    member_free(&m);

    hd_newyear_filter f = {.village_id = k->v1};
    hd_newyear_row *r = NULL;
    int n = newyear_watch(k->t->db, SEPT, date_today(), &f, &r, &err);
    assert_int_equal(n, 2);
    assert_int_equal(r[0].child_id, a);
    assert_int_equal(r[1].child_id, b);
    assert_string_equal(r[0].lead, "Rơ Mah Hlin");
    newyear_rows_free(r, n);

    f = (hd_newyear_filter){.transitions_only = 1};
    n = newyear_watch(k->t->db, SEPT, date_today(), &f, &r, &err);
    assert_int_equal(n, 2);
    assert_int_equal(r[0].child_id, c);
    assert_string_equal(r[0].lead, "");
    assert_int_equal(r[1].child_id, b);
    newyear_rows_free(r, n);
    assert_int_equal(newyear_count(k->t->db, SEPT, date_today(), &f, NULL, &err), 2);

    /* in the August action month, everyone in school is expected */
    assert_int_equal(newyear_count(k->t->db, SEPT, day(2026, 8, 15), NULL, NULL, &err), 3);
    commune_free(k);
}

/* ---- confirmation ----------------------------------------------------------- */

static hd_newyear_row watched(commune *k, int64_t child)
{
    hd_newyear_row *r = NULL, copy;
    hd_err err;
    int n = newyear_watch(k->t->db, SEPT, date_today(), NULL, &r, &err);
    const hd_newyear_row *x = find(r, n, child);
    assert_non_null(x);
    copy = *x;
    copy.child = copy.household = copy.village = copy.class_name = copy.school = copy.lead =
        NULL;
    newyear_rows_free(r, n);
    return copy;
}

static void test_confirm(void **state)
{
    (void)state;
    commune *k = commune_new();
    int64_t a = pupil(k, k->h1, "Nguyễn Văn An", 7, STATUS_AT_RISK, "2025-09-05");
    hd_newyear_row w = watched(k, a);
    hd_newyear_confirm in = {.child_id = a, .version = w.version, .date = "2026-09-07",
                             .class_name = "8B"};
    hd_err err;
    int rc = newyear_confirm(k->t->db, SEPT, &in, &err);
    if (rc)
        fprintf(stderr, "%s\n", err.msg);
    assert_int_equal(rc, 0);
    hd_child c;
    assert_int_equal(child_get(k->t->db, a, &c, &err), 0);
    assert_int_equal(c.grade, 8);
    assert_int_equal(c.level, LEVEL_LOWER_SECONDARY);
    assert_string_equal(c.class_name, "8B");
    assert_int_equal(c.school_id, k->lower);
    assert_int_equal(c.status, STATUS_ENROLLED);
    assert_string_equal(c.status_date, "2026-09-07");
    child_free(&c);
    hd_status_entry *e = NULL;
    int n = child_history(k->t->db, a, &e, &err);
    assert_int_equal(n, 2);
    assert_string_equal(e[1].reason, "Into the school year 2026-2027");
    assert_string_equal(e[1].source, "newyear");
    status_entries_free(e, n);
    assert_int_equal(newyear_count(k->t->db, SEPT, date_today(), NULL, NULL, &err), 0);

    /* the same confirmation again, from a screen opened before: a conflict */
    assert_int_equal(newyear_confirm(k->t->db, SEPT, &in, &err), HD_CONFLICT);
    assert_int_equal(entries(k, a), 2);
    commune_free(k);
}

static void test_confirm_conflict(void **state)
{
    (void)state;
    commune *k = commune_new();
    int64_t a = pupil(k, k->h1, "Nguyễn Văn An", 7, STATUS_ENROLLED, "2025-09-05");
    hd_newyear_row w = watched(k, a);
    /* someone else edits the child meanwhile */
    hd_child c;
    hd_err err;
    assert_int_equal(child_get(k->t->db, a, &c, &err), 0);
    free(c.notes);
    c.notes = xstrdup("chuyển lớp");
    assert_int_equal(child_update(k->t->db, &c, &err), 0);
    child_free(&c);
    hd_newyear_confirm in = {.child_id = a, .version = w.version, .date = "2026-09-07"};
    assert_int_equal(newyear_confirm(k->t->db, SEPT, &in, &err), HD_CONFLICT);
    assert_non_null(strstr(err.msg, "someone else changed"));
    assert_int_equal(entries(k, a), 1);
    assert_int_equal(newyear_count(k->t->db, SEPT, date_today(), NULL, NULL, &err), 1);
    /* read again, it goes through */
    in.version = watched(k, a).version;
    assert_int_equal(newyear_confirm(k->t->db, SEPT, &in, &err), 0);
    assert_int_equal(entries(k, a), 2);
    commune_free(k);
}

/* Refusals say why and save nothing. */
static void refused(commune *k, int64_t child, hd_newyear_confirm *in, const char *why)
{
    hd_child c;
    hd_err err;
    assert_int_equal(child_get(k->t->db, child, &c, &err), 0);
    in->child_id = child;
    in->version = c.version;
    child_free(&c);
    long before = entries(k, child);
    assert_int_equal(newyear_confirm(k->t->db, SEPT, in, &err), -1);
    if (!strstr(err.msg, why))
        fprintf(stderr, "got: %s\n", err.msg);
    assert_non_null(strstr(err.msg, why));
    assert_int_equal(entries(k, child), before);
}

static void test_confirm_refusals(void **state)
{
    (void)state;
    commune *k = commune_new();
    int64_t g5 = pupil(k, k->h1, "Nguyễn Thị Đào", 5, STATUS_ENROLLED, "2025-09-05");
    int64_t g12 = pupil(k, k->h1, "Nguyễn Văn Lớn", 12, STATUS_ENROLLED, "2025-09-05");
    int64_t out = pupil(k, k->h2, "Rơ Châm H'Nga", 7, STATUS_DROPPED_OUT, "2026-03-10");
    int64_t back = pupil(k, k->h2, "Rơ Châm Y Kông", 3, STATUS_ENROLLED, "2026-09-05");
    hd_newyear_confirm in = {.date = "2026-09-07"};
    refused(k, g5, &in, "does not teach Lower secondary");
    refused(k, g12, &in, "finished grade 12");
    refused(k, out, &in, "was not in school at the end of the last school year");
    refused(k, back, &in, "already has a status in 2026-2027");
    in = (hd_newyear_confirm){.date = "2026-08-31", .school_id = k->lower};
    refused(k, g5, &in, "before the school year 2026-2027 starts (01/09/2026)");
    in = (hd_newyear_confirm){.date = "2026-11-25", .school_id = k->lower};
    refused(k, g5, &in, "in the future");
    in = (hd_newyear_confirm){.grade = 13, .school_id = k->lower};
    refused(k, g5, &in, "13 is not between 1 and 12");

    /* 5→6 in the lower-secondary school, dated today */
    hd_err err;
    in = (hd_newyear_confirm){.child_id = g5, .version = watched(k, g5).version,
                              .school_id = k->lower};
    assert_int_equal(newyear_confirm(k->t->db, SEPT, &in, &err), 0);
    hd_child c;
    assert_int_equal(child_get(k->t->db, g5, &c, &err), 0);
    assert_int_equal(c.grade, 6);
    assert_int_equal(c.school_id, k->lower);
    assert_string_equal(c.class_name, "");
    assert_string_equal(c.status_date, "2026-11-24");
    child_free(&c);
    commune_free(k);
}

static void test_lookup(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    assert_int_equal(newyear_lookup(k->t->db, "village", "thon 2", "village", &err), k->v1);
    assert_int_equal(newyear_lookup(k->t->db, "school", "THCS IA DOM", "school", &err),
                     k->lower);
    assert_int_equal(newyear_lookup(k->t->db, "village", "Thôn 9", "village", &err), -1);
    assert_non_null(strstr(err.msg, "Thôn 9"));
    testdb_village(k->t, "Thôn 2");
    assert_int_equal(newyear_lookup(k->t->db, "village", "Thôn 2", "village", &err), -1);
    assert_non_null(strstr(err.msg, "more than one"));
    commune_free(k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_period),
        cmocka_unit_test(test_watch),
        cmocka_unit_test(test_filters_and_lead),
        cmocka_unit_test(test_confirm),
        cmocka_unit_test(test_confirm_conflict),
        cmocka_unit_test(test_confirm_refusals),
        cmocka_unit_test(test_lookup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
