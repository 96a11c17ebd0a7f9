/* Unit tests for users and roles (authz.c): who may write what, in the core
 * itself, so that every front end obeys; each refusal says why and saves
 * nothing.  Today is 24/11/2026 (HUYDONG_TODAY, as `make check-unit` sets). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/authz.h"
#include "core/schema.h"
#include "core/casework.h"
#include "core/monthly.h"
#include "core/registry.h"
#include "testdb.h"

typedef struct fixture {
    testdb *t;
    hd_db *as;               /* a second connection, acting as a user */
    int64_t v, h_mine, h_other, c_mine, m_chair, m_sec, m_mem, m_view;
} fixture;

static int64_t add_child(testdb *t, int64_t hh, const char *name)
{
    hd_child c = {.household_id = hh, .full_name = xstrdup(name), .sex = SEX_FEMALE,
                  .birth_year = 2013, .level = LEVEL_LOWER_SECONDARY};
    hd_err err;
    assert_int_equal(child_insert(t->db, &c, STATUS_DROPPED_OUT, "2026-11-02", "", "test", &err),
                     0);
    int64_t id = c.id;
    child_free(&c);
    return id;
}

static int64_t add_user(testdb *t, const char *login, int role)
{
    hd_err err;
    if (user_add(t->db, login, role, NULL, NULL, &err) != 0)
        fail_msg("%s", err.msg);
    return member_id_by_login(t->db, login);
}

/* The installation makes the commune, the users and one assignment; the
 * member (lan) leads h_mine. */
static fixture *fixture_new(void)
{
    fixture *f = xcalloc(1, sizeof *f);
    f->t = testdb_new();
    f->v = testdb_village(f->t, "Thôn 1");
    f->h_mine = testdb_household(f->t, f->v, "Nguyễn Văn Ba");
    int64_t v2 = testdb_village(f->t, "Làng Ia Bang");
    f->h_other = testdb_household(f->t, v2, "Rơ Châm Khoa");
    f->c_mine = add_child(f->t, f->h_mine, "Nguyễn Thị Ánh Đào");
    add_child(f->t, f->h_other, "Rơ Châm H'Nga");
    f->m_chair = add_user(f->t, "chu", USER_CHAIR);
    f->m_sec = add_user(f->t, "thu", USER_SECRETARY);
    f->m_mem = add_user(f->t, "lan", USER_MEMBER);
    f->m_view = add_user(f->t, "xem", USER_VIEWER);
    hd_assignment a = {.member_id = f->m_mem, .household_id = f->h_mine, .role = AROLE_LEAD,
                       .season = -1, .reason = xstrdup("")};
    hd_err err;
    assert_int_equal(assignment_add(f->t->db, &a, &err), 0);
    assignment_free(&a);
    return f;
}

/* Opens the second connection as login. */
static hd_db *as_user(fixture *f, const char *login)
{
    hd_err err;
    db_close(f->as);
    f->as = db_open(f->t->path, "unix-login", 0, &err);
    assert_non_null(f->as);
    if (authz_login(f->as, login, &err) != 0)
        fail_msg("%s", err.msg);
    return f->as;
}

static void fixture_free(fixture *f)
{
    db_close(f->as);
    testdb_free(f->t);
    free(f);
}

static int add_village(hd_db *db, hd_err *err)
{
    hd_village v = {.name = xstrdup("Thôn Mới"), .kind = VKIND_THON};
    int rc = village_insert(db, &v, err);
    village_free(&v);
    return rc;
}

static int add_visit(hd_db *db, int64_t hh, int64_t member, int outcome, int64_t child,
                     hd_err *err)
{
    int64_t members[1] = {member}, children[1] = {child};
    hd_visit v = {.household_id = hh, .members = members, .nmembers = 1,
                  .children = children, .nchildren = child ? 1 : 0, .outcome = outcome};
    snprintf(v.date, sizeof v.date, "2026-11-20");
    int rc = visit_add(db, &v, err);
    free(v.purpose); /* normalised by visit_add; the arrays are ours */
    free(v.notes);
    return rc;
}

static long count(fixture *f, const char *sql)
{
    return testdb_long(f->t, sql);
}

static void test_new_connection_writes_nothing(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    hd_err err;
    f->as = db_open(f->t->path, "someone", 0, &err);
    assert_non_null(f->as);
    assert_int_equal(authz_role(f->as), USER_NONE);
    assert_int_equal(add_village(f->as, &err), -1);
    assert_non_null(strstr(err.msg, "not a user"));
    assert_int_equal(count(f, "SELECT count(*) FROM village"), 2);
    fixture_free(f);
}

static void test_login_unknown_disabled_archived(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    hd_err err;
    hd_db *db = db_open(f->t->path, "x", 0, &err);
    assert_int_equal(authz_login(db, "nobody", &err), -1);
    assert_non_null(strstr(err.msg, "'nobody' is not a user"));
    assert_int_equal(user_set_role(f->t->db, "xem", USER_NONE, &err), 0);
    assert_int_equal(authz_login(db, "xem", &err), -1);
    assert_non_null(strstr(err.msg, "disabled"));
    assert_int_equal(authz_role(db), USER_NONE);
    /* a member who left the committee (archived) cannot log in either */
    hd_member m;
    assert_int_equal(member_get(f->t->db, f->m_sec, &m, &err), 0);
    assert_int_equal(record_archive(f->t->db, "member", m.id, m.version, 1, &err), 0);
    member_free(&m);
    assert_int_equal(authz_login(db, "thu", &err), -1);
    /* the audit log names the user, not the Unix login */
    assert_int_equal(authz_login(db, "chu", &err), 0);
    assert_string_equal(db_actor(db), "chu");
    assert_int_equal(add_village(db, &err), 0);
    assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE tbl = 'village' AND actor = 'chu'"),
                     1);
    db_close(db);
    fixture_free(f);
}

static void test_viewer_reads_only(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    hd_db *db = as_user(f, "xem");
    hd_err err;
    long audit = count(f, "SELECT count(*) FROM audit");
    assert_int_equal(add_village(db, &err), -1);
    assert_non_null(strstr(err.msg, "your role: viewer"));
    assert_int_equal(add_visit(db, f->h_mine, f->m_view, OUTCOME_PROMISED, 0, &err), -1);
    hd_household h;
    assert_int_equal(household_get(db, f->h_mine, &h, &err), 0); /* reading works */
    free(h.phone);
    h.phone = xstrdup("0905111222");
    assert_int_equal(household_update(db, &h, &err), -1);
    household_free(&h);
    assert_int_equal(child_set_status(db, f->c_mine, STATUS_RETURNED, "2026-11-20", "đi học lại",
                                      "manual", &err), -1);
    assert_int_equal(count(f, "SELECT count(*) FROM audit"), audit);
    assert_int_equal(count(f, "SELECT count(*) FROM visit"), 0);
    fixture_free(f);
}

static void test_member_own_households_only(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    hd_db *db = as_user(f, "lan");
    hd_err err;
    assert_int_equal(add_visit(db, f->h_other, f->m_mem, OUTCOME_PROMISED, 0, &err), -1);
    assert_non_null(strstr(err.msg, "assigned to them"));
    /* a visit that brings the child back also writes the child's status:
     * part of the visit, allowed with it */
    assert_int_equal(add_visit(db, f->h_mine, f->m_mem, OUTCOME_RETURNED, f->c_mine, &err), 0);
    assert_int_equal(count(f, "SELECT count(*) FROM child_status WHERE status = 'returned'"), 1);
    /* but not the status on its own, nor the registry, nor assignments */
    assert_int_equal(child_set_status(db, f->c_mine, STATUS_AT_RISK, "2026-11-22", "lại nghỉ",
                                      "manual", &err), -1);
    assert_int_equal(add_village(db, &err), -1);
    hd_assignment a = {.member_id = f->m_mem, .household_id = f->h_other, .role = AROLE_LEAD,
                       .season = -1, .reason = xstrdup("")};
    assert_int_equal(assignment_add(db, &a, &err), -1);
    assignment_free(&a);
    /* commitments: the same rule */
    hd_commitment k = {.household_id = f->h_other, .family_signer = xstrdup("Rơ Châm Khoa"),
                       .school_signer = xstrdup("Lan"), .family_commits = xstrdup("đi học"),
                       .school_commits = xstrdup("")};
    snprintf(k.signed_date, sizeof k.signed_date, "2026-11-20");
    assert_int_equal(commitment_add(db, &k, &err), -1);
    k.household_id = f->h_mine;
    assert_int_equal(commitment_add(db, &k, &err), 0);
    commitment_free(&k);
    /* the assignment ended: the household is no longer theirs */
    int64_t aid = testdb_long(f->t, "SELECT id FROM assignment");
    hd_assignment got;
    assert_int_equal(assignment_get(f->t->db, aid, &got, &err), 0);
    assert_int_equal(assignment_end(f->t->db, aid, got.version, NULL, "chuyển", &err), 0);
    assignment_free(&got);
    assert_int_equal(add_visit(db, f->h_mine, f->m_mem, OUTCOME_PROMISED, 0, &err), -1);
    fixture_free(f);
}

static void test_secretary_records_not_users_nor_month(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    hd_db *db = as_user(f, "thu");
    hd_err err;
    assert_int_equal(add_village(db, &err), 0);
    assert_int_equal(add_visit(db, f->h_other, f->m_sec, OUTCOME_PROMISED, 0, &err), 0);
    assert_int_equal(user_set_role(db, "lan", USER_CHAIR, &err), -1);
    assert_int_equal(user_add(db, "moi", USER_VIEWER, NULL, NULL, &err), -1);
    assert_int_equal(authz_set_shared_account(db, "huydong", &err), -1);
    /* a login given through the member's form is a new user: the chair's */
    hd_member m;
    assert_int_equal(member_get(db, f->m_view, &m, &err), 0);
    free(m.login);
    m.login = xstrdup("xem2");
    assert_int_equal(member_update(db, &m, &err), -1);
    assert_non_null(strstr(err.msg, "for the chair"));
    /* the rest of the member's form is the secretary's */
    free(m.login);
    m.login = xstrdup("xem");
    free(m.phone);
    m.phone = xstrdup("0905111222");
    assert_int_equal(member_update(db, &m, &err), 0);
    /* archiving a user is the chair's too */
    assert_int_equal(record_archive(db, "member", m.id, m.version, 1, &err), -1);
    member_free(&m);
    hd_config cfg;
    config_defaults(&cfg);
    assert_int_equal(monthly_close(db, &cfg, 2026, 11, "", &err), -1);
    assert_non_null(strstr(err.msg, "closing a month is for the chair"));
    config_free(&cfg);
    assert_int_equal(count(f, "SELECT count(*) FROM month_snapshot"), 0);
    fixture_free(f);
}

static void test_chair_and_the_last_chair(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    hd_db *db = as_user(f, "chu");
    hd_err err;
    long roles = count(f, "SELECT count(*) FROM audit WHERE field = 'user_role'");
    assert_int_equal(user_set_role(db, "lan", USER_VIEWER, &err), 0);
    assert_int_equal(user_set_role(db, "chu", USER_MEMBER, &err), -1);
    assert_non_null(strstr(err.msg, "no chair"));
    assert_int_equal(user_set_role(db, "chu", USER_NONE, &err), -1);
    hd_member m;
    assert_int_equal(member_get(db, f->m_chair, &m, &err), 0);
    assert_int_equal(record_archive(db, "member", m.id, m.version, 1, &err), -1);
    free(m.login);
    m.login = xstrdup("");
    assert_int_equal(member_update(db, &m, &err), -1);
    member_free(&m);
    /* another chair first, then the first may step down */
    assert_int_equal(user_set_role(db, "thu", USER_CHAIR, &err), 0);
    assert_int_equal(user_set_role(db, "chu", USER_MEMBER, &err), 0);
    assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE field = 'user_role'"), roles + 3);
    assert_int_equal(user_set_role(db, "nobody", USER_MEMBER, &err), -1);
    fixture_free(f);
}

/* A role changed by the chair holds at the user's next write, also on a
 * connection (an open screen) that logged in before. */
static void test_role_change_takes_effect_at_once(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    hd_db *db = as_user(f, "thu");
    hd_err err;
    assert_int_equal(add_village(db, &err), 0);
    assert_int_equal(user_set_role(f->t->db, "thu", USER_VIEWER, &err), 0);
    assert_int_equal(add_village(db, &err), -1);
    assert_non_null(strstr(err.msg, "your role: viewer"));
    assert_int_equal(user_set_role(f->t->db, "thu", USER_NONE, &err), 0);
    assert_int_equal(add_village(db, &err), -1);
    assert_non_null(strstr(err.msg, "not a user"));
    fixture_free(f);
}

static void test_users_list_and_founder(void **state)
{
    (void)state;
    fixture *f = fixture_new();
    hd_err err;
    assert_int_equal(user_add_founder(f->t->db, "root", "Rơ Châm Khoa", &err), -1);
    assert_non_null(strstr(err.msg, "already has users"));
    assert_int_equal(user_add(f->t->db, "bad name", USER_VIEWER, NULL, NULL, &err), -1);
    assert_int_equal(user_add(f->t->db, "lan", USER_VIEWER, NULL, NULL, &err), -1);
    hd_user *u;
    int n = user_list(f->t->db, &u, &err);
    assert_int_equal(n, 4);
    assert_string_equal(u[0].login, "chu");
    assert_int_equal(u[0].role, USER_CHAIR);
    assert_string_equal(u[3].login, "xem");
    assert_int_equal(u[3].role, USER_VIEWER);
    users_free(u, n);
    testdb *t = testdb_new();
    assert_int_equal(user_add_founder(t->db, "root", "", &err), 0);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM member WHERE uid = '24999-M0'"
                                    " AND login = 'root' AND user_role = 'chair'"), 1);
    testdb_free(t);
    fixture_free(f);
}

/* Migration 5 on a database made by schema 4: the committee's chair with a
 * login becomes the program's chair, its secretary a secretary. */
static void test_migration_gives_roles(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    hd_err err;
    sqlite3 *s = db_sql(t->db);
    assert_int_equal(sqlite3_exec(s,
        "INSERT INTO member(uid, full_name, fold, sort_key, committee_role, login)"
        " VALUES ('24999-M1', 'A', 'a', 'a', 'chair', 'a'),"
        " ('24999-M2', 'B', 'b', 'b', 'secretary', 'b'), ('24999-M3', 'C', 'c', 'c', 'member', 'c');"
        "UPDATE member SET user_role = 'member';"
        "DROP TRIGGER member_audit_update; DROP TRIGGER commune_audit_update;"
        "PRAGMA user_version = 4;", NULL, NULL, NULL), SQLITE_OK);
    /* back to schema 4: without the columns and triggers migration 5 adds */
    assert_int_equal(sqlite3_exec(s, "ALTER TABLE member DROP COLUMN user_role;"
                                     "ALTER TABLE commune DROP COLUMN shared_account;"
                                     /* and what the migrations after it add */
                                     "DROP TABLE attendance; DROP TABLE warning;"
                                     "DROP TABLE support; DROP TABLE household_position;"
                                     "DROP TABLE leaver;",
                                  NULL, NULL, NULL), SQLITE_OK);
    db_close(t->db);
    t->db = db_open(t->path, "upgrader", 0, &err);
    assert_non_null(t->db);
    assert_int_equal(db_schema_version(t->db), schema_latest());
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM member WHERE user_role = 'chair'"), 1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM member WHERE uid = '24999-M2'"
                                    " AND user_role = 'secretary'"), 1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM audit WHERE field = 'user_role'"
                                    " AND actor = 'upgrader'"), 2);
    assert_int_equal(authz_login(t->db, "a", &err), 0);
    assert_int_equal(authz_role(t->db), USER_CHAIR);
    testdb_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_connection_writes_nothing),
        cmocka_unit_test(test_login_unknown_disabled_archived),
        cmocka_unit_test(test_viewer_reads_only),
        cmocka_unit_test(test_member_own_households_only),
        cmocka_unit_test(test_secretary_records_not_users_nor_month),
        cmocka_unit_test(test_chair_and_the_last_chair),
        cmocka_unit_test(test_role_change_takes_effect_at_once),
        cmocka_unit_test(test_users_list_and_founder),
        cmocka_unit_test(test_migration_gives_roles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
