/* Unit tests for the demo commune generator. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/authz.h"
#include "core/date.h"
#include "core/db.h"
#include "core/demo.h"
#include "core/demo_names.h"
#include "core/registry.h"
#include "core/text.h"

#define TODAY "2026-11-24"

typedef struct fixture {
    char dir[64];
    hd_db *db;
} fixture;

static hd_db *open_fresh(const char *dir, const char *file, int with_commune)
{
    char path[128];
    hd_err err = {{0}};
    snprintf(path, sizeof path, "%s/%s", dir, file);
    hd_db *db = db_open(path, "test", DB_OPEN_CREATE, &err);
    if (db)
        authz_as_system(db);
    if (!db)
        fail_msg("%s", err.msg);
    if (with_commune &&
        db_init_commune(db, "30280", "Xã Ia Bang", "Huyện Đak Đoa", "Gia Lai", &err) < 0)
        fail_msg("%s", err.msg);
    return db;
}

/* seed 0: the demo's own */
static hd_db *open_demo(const char *dir, const char *file, unsigned seed)
{
    hd_db *db = open_fresh(dir, file, 1);
    demo_opts o;
    demo_opts_small(&o);
    if (seed)
        o.seed = seed;
    hd_err err = {{0}};
    if (demo_generate(db, &o, &err) < 0)
        fail_msg("demo_generate: %s", err.msg);
    return db;
}

static int group_setup(void **state)
{
    setenv("HUYDONG_TODAY", TODAY, 1);
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/hd-demo-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    f->db = open_demo(f->dir, "a.db", 0);
    *state = f;
    return 0;
}

static int group_teardown(void **state)
{
    fixture *f = *state;
    db_close(f->db);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        return -1;
    free(f);
    return 0;
}

/* One integer from a query. */
static long long q_int(hd_db *db, const char *sql)
{
    sqlite3_stmt *st = db_prepare(db, sql);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    db_finish(db, st);
    return v;
}

/* Every row of a one-column query, joined by newlines. */
static char *q_all(hd_db *db, const char *sql)
{
    strbuf sb = {0};
    sqlite3_stmt *st = db_prepare(db, sql);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(st, 0);
        sb_addf(&sb, "%s\n", t ? (const char *)t : "(null)");
    }
    db_finish(db, st);
    return sb_detach(&sb);
}

static void test_needs_commune(void **state)
{
    fixture *f = *state;
    hd_db *db = open_fresh(f->dir, "empty.db", 0);
    demo_opts o;
    demo_opts_small(&o);
    hd_err err = {{0}};
    assert_int_equal(demo_generate(db, &o, &err), -1);
    assert_non_null(strstr(err.msg, "commune"));
    o.schools = 2;
    assert_int_equal(demo_generate(db, &o, &err), -1);
    assert_non_null(strstr(err.msg, "schools"));
    assert_int_equal(q_int(db, "SELECT count(*) FROM village"), 0);
    db_close(db);
}

static void test_counts(void **state)
{
    hd_db *db = ((fixture *)*state)->db;
    assert_int_equal(q_int(db, "SELECT count(*) FROM village"), 8);
    assert_int_equal(q_int(db, "SELECT count(*) FROM school"), 4);
    assert_int_equal(q_int(db, "SELECT count(*) FROM household"), 120);
    assert_int_equal(q_int(db, "SELECT count(*) FROM child"), 300);
    assert_int_equal(q_int(db, "SELECT count(*) FROM member"), 25);
    assert_int_equal(q_int(db, "SELECT count(*) FROM member WHERE committee_role='chair'"), 1);
    assert_int_equal(q_int(db, "SELECT count(*) FROM member WHERE committee_role='vice_chair'"),
                     1);
    assert_int_equal(q_int(db, "SELECT count(*) FROM member WHERE committee_role='secretary'"),
                     1);
    long long logins = q_int(db, "SELECT count(*) FROM member WHERE login IS NOT NULL");
    assert_true(logins >= 3 && logins < 25);
    assert_int_equal(q_int(db, "SELECT count(DISTINCT org) FROM member"), 9);
    /* every household has children; no child without one */
    assert_int_equal(q_int(db, "SELECT count(*) FROM household h WHERE NOT EXISTS"
                               " (SELECT 1 FROM child WHERE household_id = h.id)"), 0);
    assert_int_equal(q_int(db, "SELECT count(*) FROM child WHERE household_id IS NULL"), 0);
    assert_int_equal(q_int(db, "SELECT count(*) FROM village WHERE branch_name NOT LIKE"
                               " 'Chi bộ %' OR branch_secretary = ''"), 0);
}

static void test_links(void **state)
{
    hd_db *db = ((fixture *)*state)->db;
    assert_int_equal(q_int(db, "SELECT count(*) FROM child c"
                               " LEFT JOIN household h ON h.id = c.household_id"
                               " LEFT JOIN village v ON v.id = h.village_id"
                               " WHERE v.id IS NULL"), 0);
    assert_int_equal(q_int(db, "SELECT count(*) FROM child c LEFT JOIN school s"
                               " ON s.id = c.school_id WHERE s.id IS NULL"), 0);
    /* a school's pupils are of its level */
    assert_int_equal(q_int(db, "SELECT count(*) FROM child c JOIN school s"
                               " ON s.id = c.school_id WHERE s.levels <> c.level"), 0);
    assert_int_equal(q_int(db, "SELECT count(*) FROM member WHERE org = 'school'"
                               " AND (school_id IS NULL OR village_id IS NOT NULL)"), 0);
    assert_int_equal(q_int(db, "SELECT count(*) FROM member WHERE org <> 'school'"
                               " AND (village_id IS NULL OR school_id IS NOT NULL)"), 0);
    /* a child is of its household's people */
    assert_int_equal(q_int(db, "SELECT count(*) FROM child c JOIN household h"
                               " ON h.id = c.household_id WHERE c.ethnicity <> h.ethnicity"
                               " OR c.ethnic_minority <> h.ethnic_minority"), 0);
}

/* The head's name is written the way the household's people write names. */
static void test_names_fit_people(void **state)
{
    hd_db *db = ((fixture *)*state)->db;
    sqlite3_stmt *st = db_prepare(db, "SELECT head_name, ethnicity FROM household");
    int rows = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *eth = (const char *)sqlite3_column_text(st, 1);
        int ok = 0;
        for (int e = 0; e < DEMO_ETH_COUNT; e++) {
            const demo_people *p = &demo_peoples[e];
            if (strcmp(p->ethnicity, eth) != 0)
                continue;
            for (size_t i = 0; i < p->family.n && !ok; i++) {
                size_t n = strlen(p->family.w[i]);
                ok = n ? strncmp(name, p->family.w[i], n) == 0 && name[n] == ' '
                       : strncmp(name, "A ", 2) == 0 || strncmp(name, "Y ", 2) == 0;
            }
        }
        if (!ok)
            fail_msg("%s (%s): not a %s name", name, eth, eth);
        rows++;
    }
    db_finish(db, st);
    assert_int_equal(rows, 120);
}

static void test_histories(void **state)
{
    hd_db *db = ((fixture *)*state)->db;
    /* the latest entry is the child's status */
    assert_int_equal(q_int(db, "SELECT count(*) FROM child c WHERE (c.status, c.status_date)"
                               " IS NOT (SELECT status, date FROM child_status s"
                               " WHERE s.child_id = c.id ORDER BY date DESC, id DESC LIMIT 1)"),
                     0);
    assert_int_equal(q_int(db, "SELECT count(*) FROM child_status WHERE date > '" TODAY "'"), 0);
    assert_int_equal(q_int(db, "SELECT count(*) FROM child WHERE birth_date > '" TODAY "'"), 0);
    /* each history opens with an enrolment at the start of a school year */
    assert_int_equal(q_int(db, "SELECT count(*) FROM child c, child_status s"
                               " WHERE s.id = (SELECT min(id) FROM child_status"
                               "               WHERE child_id = c.id)"
                               " AND (s.status <> 'enrolled' OR substr(s.date, 6, 2) <> '09')"),
                     0);
    /* a reason for every change after the first */
    assert_int_equal(q_int(db, "SELECT count(*) FROM child_status s WHERE reason = ''"
                               " AND id <> (SELECT min(id) FROM child_status"
                               "            WHERE child_id = s.child_id)"), 0);
    assert_int_equal(q_int(db, "SELECT count(*) FROM child_status s WHERE id ="
                               " (SELECT min(id) FROM child_status WHERE child_id = s.child_id)"),
                     300);
    /* dates never go backwards within a history */
    assert_int_equal(q_int(db, "SELECT count(*) FROM child_status a JOIN child_status b"
                               " ON a.child_id = b.child_id AND b.id > a.id"
                               " WHERE b.date < a.date"), 0);
    long long events = q_int(db, "SELECT count(*) FROM child_status");
    assert_true(events > 500 && events < 1200);
}

static void test_ages_and_grades(void **state)
{
    hd_db *db = ((fixture *)*state)->db;
    /* 5..18 years old today */
    assert_int_equal(q_int(db, "SELECT count(*) FROM child WHERE"
                               " CASE WHEN birth_date IS NULL THEN 2026 - birth_year"
                               " ELSE (julianday('" TODAY "') - julianday(birth_date)) / 365.25"
                               " END NOT BETWEEN 5 AND 18.99"), 0);
    /* grade = age by year - 5, less repeated or missed years */
    assert_int_equal(q_int(db, "SELECT count(*) FROM child"
                               " WHERE (2026 - birth_year - 5) - grade NOT BETWEEN 0 AND 3"
                               " AND status <> 'finished'"), 0);
    assert_int_equal(q_int(db, "SELECT count(*) FROM child WHERE level <> CASE"
                               " WHEN level = 'continuing' THEN 'continuing'"
                               " WHEN grade <= 5 THEN 'primary'"
                               " WHEN grade <= 9 THEN 'lower_secondary'"
                               " ELSE 'upper_secondary' END"), 0);
    static const char *const levels[] = {"primary", "lower_secondary", "upper_secondary",
                                         "continuing"};
    static const int at_least[] = {80, 50, 20, 1};
    for (int l = 0; l < 4; l++) {
        char *sql = xasprintf("SELECT count(*) FROM child WHERE level = '%s'", levels[l]);
        long long n = q_int(db, sql);
        free(sql);
        if (n < at_least[l])
            fail_msg("%s: %lld pupils", levels[l], n);
    }
}

static void test_shares(void **state)
{
    hd_db *db = ((fixture *)*state)->db;
    long long kids = 300;
    long long minority = q_int(db, "SELECT count(*) FROM child WHERE ethnic_minority");
    assert_true(minority * 100 >= 55 * kids && minority * 100 <= 78 * kids);
    long long at_risk = q_int(db, "SELECT count(*) FROM child WHERE status = 'at_risk'");
    assert_true(at_risk * 100 >= 5 * kids && at_risk * 100 <= 15 * kids);
    assert_int_equal(q_int(db, "SELECT count(*) FROM child WHERE status = 'at_risk'"
                               " AND risk = 0"), 0);
    long long ever_dropped = q_int(db, "SELECT count(DISTINCT child_id) FROM child_status"
                                       " WHERE status = 'dropped_out'");
    assert_true(ever_dropped >= 2 && ever_dropped * 100 <= 4 * kids);
    assert_true(q_int(db, "SELECT count(*) FROM child WHERE status = 'dropped_out'") >= 1);
    assert_true(q_int(db, "SELECT count(*) FROM child_status WHERE status = 'returned'") >= 1);
    assert_true(q_int(db, "SELECT count(*) FROM child WHERE status IN"
                          " ('transferred', 'moved_away')") >= 1);
    long long poor = q_int(db, "SELECT count(*) FROM household WHERE poverty = 'poor'");
    assert_true(poor >= 12 && poor <= 40);
    /* this school year's dropouts sit in a few villages, not everywhere */
    long long villages = q_int(db, "SELECT count(DISTINCT h.village_id) FROM child_status s"
                                   " JOIN child c ON c.id = s.child_id"
                                   " JOIN household h ON h.id = c.household_id"
                                   " WHERE s.status = 'dropped_out' AND s.date >= '2026-09-01'");
    assert_true(villages >= 1 && villages <= 3);
}

static void check_nfc_column(hd_db *db, const char *sql)
{
    sqlite3_stmt *st = db_prepare(db, sql);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *s = (const char *)sqlite3_column_text(st, 0);
        char *n = text_nfc(s);
        assert_non_null(n);
        if (strcmp(n, s) != 0 || strstr(s, "  ") || s[0] == ' ')
            fail_msg("'%s' is not clean NFC", s);
        free(n);
    }
    db_finish(db, st);
}

static void test_text_clean(void **state)
{
    hd_db *db = ((fixture *)*state)->db;
    check_nfc_column(db, "SELECT full_name FROM child UNION ALL SELECT head_name FROM household"
                         " UNION ALL SELECT full_name FROM member UNION ALL SELECT name"
                         " FROM village UNION ALL SELECT branch_secretary FROM village"
                         " UNION ALL SELECT name FROM school UNION ALL SELECT reason FROM"
                         " child_status");
    assert_true(q_int(db, "SELECT count(*) FROM child WHERE full_name LIKE '%''%'") > 0);
    assert_true(q_int(db, "SELECT count(*) FROM village WHERE name LIKE '%''%'") > 0);
    assert_true(q_int(db, "SELECT count(*) FROM child WHERE full_name LIKE '%-%'"
                          " OR full_name LIKE '%''%-%'") +
                    q_int(db, "SELECT count(*) FROM household WHERE head_name LIKE '%-%'") >
                0);
}

static void check_list(const char *const *v, size_t n, int words)
{
    for (size_t i = 0; i < n; i++) {
        char *s = text_nfc(v[i]);
        assert_non_null(s);
        assert_string_equal(s, v[i]);
        free(s);
        if (words) {
            const char *sp = strchr(v[i], ' ');
            if (!sp || strchr(sp + 1, ' ') || sp == v[i] || !sp[1])
                fail_msg("'%s' is not 'middle given'", v[i]);
        }
    }
}

static void test_name_data(void **state)
{
    (void)state;
    assert_true(demo_boy_names_count > 1000 && demo_girl_names_count > 1000);
    check_list(demo_boy_names, demo_boy_names_count, 1);
    check_list(demo_girl_names, demo_girl_names_count, 1);
    for (int e = 0; e < DEMO_ETH_COUNT; e++) {
        const demo_people *p = &demo_peoples[e];
        check_list(p->family.w, p->family.n, 0);
        check_list(p->male_given.w, p->male_given.n, 0);
        check_list(p->female_given.w, p->female_given.n, 0);
        check_list(p->male_mark.w, p->male_mark.n, 0);
        check_list(p->female_mark.w, p->female_mark.n, 0);
    }
    /* no look-alike Ð left from the source */
    for (size_t i = 0; i < demo_boy_names_count; i++)
        assert_null(strstr(demo_boy_names[i], "\xC3\x90"));
}

static const char *const compared[] = {
    "SELECT full_name || '|' || birth_year || '|' || coalesce(birth_date, '') || '|' ||"
    " class_name || '|' || risk FROM child ORDER BY id",
    "SELECT head_name || '|' || poverty || '|' || phone FROM household ORDER BY id",
    "SELECT full_name || '|' || coalesce(login, '') FROM member ORDER BY id",
    "SELECT child_id || status || date || reason FROM child_status ORDER BY id",
    "SELECT name || branch_secretary FROM village ORDER BY id",
    "SELECT member_id || role || coalesce(household_id, child_id) || start_date"
    " FROM assignment ORDER BY id",
    "SELECT household_id || date || outcome || coalesce(next_followup, '') FROM visit ORDER BY id",
    "SELECT household_id || signed_date || status FROM commitment ORDER BY id",
};

/* The demo's case work: most households with a child at risk or out of
 * school have a lead, some have no one (for the "no one assigned" list);
 * visits and commitments follow their assignment and are audited. */
static void test_casework(void **state)
{
    hd_db *db = ((fixture *)*state)->db;
    const char *troubled = "(SELECT DISTINCT household_id FROM child"
                           " WHERE status IN ('at_risk', 'dropped_out') AND archived = 0)";
    char *sql = xasprintf("SELECT count(*) FROM %s", troubled);
    long long n = q_int(db, sql);
    free(sql);
    sql = xasprintf("SELECT count(*) FROM %s t WHERE EXISTS (SELECT 1 FROM assignment a"
                    " WHERE a.household_id = t.household_id AND a.role = 'lead')", troubled);
    long long led = q_int(db, sql);
    free(sql);
    assert_true(n > 10);
    assert_true(led * 10 >= n * 7 && led < n);
    assert_true(q_int(db, "SELECT count(*) FROM assignment WHERE role = 'sponsor'") > 0);
    assert_true(q_int(db, "SELECT count(*) FROM assignment WHERE role = 'support'") > 0);
    assert_true(q_int(db, "SELECT count(*) FROM visit") > 0);
    assert_true(q_int(db, "SELECT count(*) FROM commitment WHERE status = 'kept'") > 0);
    /* a visit is made by a member assigned to the household, after the assignment */
    assert_int_equal(q_int(db, "SELECT count(*) FROM visit v JOIN visit_member x"
                               " ON x.visit_id = v.id WHERE NOT EXISTS (SELECT 1 FROM"
                               " assignment a WHERE a.household_id = v.household_id AND"
                               " a.member_id = x.member_id AND a.start_date <= v.date)"), 0);
    assert_int_equal(q_int(db, "SELECT count(*) FROM visit WHERE date > '2026-11-24'"), 0);
    assert_int_equal(q_int(db, "SELECT count(*) FROM visit v WHERE NOT EXISTS (SELECT 1"
                               " FROM audit WHERE row_uid = v.uid AND action = 'insert')"), 0);
}

static void test_deterministic(void **state)
{
    fixture *f = *state;
    hd_db *same = open_demo(f->dir, "b.db", 0);
    hd_db *other = open_demo(f->dir, "c.db", 12345);
    for (size_t i = 0; i < HD_ARRAY_LEN(compared); i++) {
        char *a = q_all(f->db, compared[i]), *b = q_all(same, compared[i]);
        char *c = q_all(other, compared[i]);
        assert_string_equal(a, b);
        if (i == 0)
            assert_string_not_equal(a, c);
        free(a);
        free(b);
        free(c);
    }
    db_close(same);
    db_close(other);
}

/* The district demo's attendance, on the small commune: the last 4
 * teaching months to 24/11/2026 are 05/2026, 09, 10 and 11/2026; every
 * pupil in school on the month's 15th has a row; the same seed gives the
 * same rows. */
static hd_db *open_with_attendance(const char *dir, const char *file)
{
    hd_db *db = open_fresh(dir, file, 1);
    demo_opts o;
    demo_opts_small(&o);
    o.attendance_months = 4;
    hd_err err = {{0}};
    if (demo_generate(db, &o, &err) < 0)
        fail_msg("demo_generate: %s", err.msg);
    return db;
}

static void test_attendance(void **state)
{
    fixture *f = *state;
    hd_db *a = open_with_attendance(f->dir, "att1.db");
    hd_db *b = open_with_attendance(f->dir, "att2.db");
    char *months = q_all(a, "SELECT DISTINCT month FROM attendance ORDER BY 1");
    assert_string_equal(months, "2026-05\n2026-09\n2026-10\n2026-11\n");
    free(months);
    /* one row for each pupil in school on the month's 15th */
    static const char in_school[] =
        "SELECT count(*) FROM child c WHERE c.archived = 0 AND c.level IS NOT NULL"
        " AND (SELECT s.status FROM child_status s WHERE s.child_id = c.id"
        " AND s.date <= '2026-10-15' ORDER BY s.date DESC, s.id DESC LIMIT 1)"
        " IN ('enrolled','at_risk','returned')";
    assert_int_equal(q_int(a, "SELECT count(*) FROM attendance WHERE month = '2026-10'"),
                     q_int(a, in_school));
    /* plausible: most pupils miss no day; never more than the school days */
    long long none = q_int(a, "SELECT count(*) FROM attendance WHERE month = '2026-10'"
                              " AND absent_excused + absent_unexcused = 0");
    long long all = q_int(a, "SELECT count(*) FROM attendance WHERE month = '2026-10'");
    assert_true(none * 2 > all);
    assert_int_equal(q_int(a, "SELECT count(*) FROM attendance WHERE school_days NOT BETWEEN"
                              " 20 AND 23 OR absent_excused + absent_unexcused > school_days"),
                     0);
    /* audited, with stable keys */
    assert_int_equal(q_int(a, "SELECT count(*) FROM audit WHERE tbl = 'attendance'"),
                     q_int(a, "SELECT count(*) FROM attendance"));
    static const char rows[] =
        "SELECT uid || ' ' || school_days || ' ' || absent_excused || ' ' || absent_unexcused"
        " || ' ' || coalesce(consecutive, '-') || ' ' || repeating FROM attendance ORDER BY uid";
    char *x = q_all(a, rows), *y = q_all(b, rows);
    assert_string_equal(x, y);
    free(x);
    free(y);
    db_close(a);
    db_close(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_needs_commune),   cmocka_unit_test(test_counts),
        cmocka_unit_test(test_links),           cmocka_unit_test(test_names_fit_people),
        cmocka_unit_test(test_histories),       cmocka_unit_test(test_ages_and_grades),
        cmocka_unit_test(test_shares),          cmocka_unit_test(test_text_clean),
        cmocka_unit_test(test_name_data),       cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_casework),
        cmocka_unit_test(test_attendance),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
