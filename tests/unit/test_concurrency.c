/* Many users at once, and a process killed mid-write: nothing committed is
 * lost, nothing half-written remains.  Real processes (fork), one database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include "core/authz.h"
#include "core/check.h"
#include "core/import.h"
#include "core/registry.h"
#include "testdb.h"

enum { WRITERS = 6, TRANSACTIONS = 300 };

/* One user: TRANSACTIONS saves, each its own BEGIN IMMEDIATE transaction. */
static int writer(const char *path, int w)
{
    hd_err err;
    char actor[16];
    snprintf(actor, sizeof actor, "user%d", w);
    hd_db *db = db_open(path, actor, 0, &err);
    if (db)
        authz_as_system(db);
    if (!db)
        return 1;
    for (int i = 0; i < TRANSACTIONS; i++) {
        hd_village v = {.name = xasprintf("Thôn %d-%d", w, i)};
        if (village_insert(db, &v, &err) < 0) {
            fprintf(stderr, "writer %d, save %d: %s\n", w, i, err.msg);
            village_free(&v);
            db_close(db);
            return 1;
        }
        village_free(&v);
    }
    db_close(db);
    return 0;
}

static void test_six_writers_lose_nothing(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    pid_t pids[WRITERS];
    for (int w = 0; w < WRITERS; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0)
            _exit(writer(t->path, w));
    }
    for (int w = 0; w < WRITERS; w++) {
        int status;
        assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM village"), WRITERS * TRANSACTIONS);
    assert_int_equal(testdb_long(t, "SELECT count(DISTINCT uid) FROM village"),
                     WRITERS * TRANSACTIONS);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM audit WHERE tbl = 'village'"),
                     WRITERS * TRANSACTIONS);
    assert_int_equal(testdb_long(t, "SELECT count(DISTINCT actor) FROM audit"
                                    " WHERE tbl = 'village'"), WRITERS);
    testdb_free(t);
}

/* A CSV of n children of one household, for the import to chew on. */
static const char *big_csv(testdb *t, int n)
{
    strbuf sb = {0};
    sb_add(&sb, "Họ và tên,Giới tính,Ngày sinh,Chủ hộ,Thôn\n");
    for (int i = 0; i < n; i++)
        sb_addf(&sb, "Siu H'Nga %d,Nữ,%d,Siu Y Nhi,Thôn 1\n", i, 2010 + i % 10);
    const char *path = testdb_file(t, "big.csv", sb_str(&sb));
    sb_free(&sb);
    return path;
}

static void test_killed_import_leaves_all_or_nothing(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    hd_err err;
    hd_village v = {.name = xstrdup("Thôn 1")};
    assert_int_equal(village_insert(t->db, &v, &err), 0);
    hd_household h = {.village_id = v.id, .head_name = xstrdup("Siu Y Nhi")};
    assert_int_equal(household_insert(t->db, &h, &err), 0);
    village_free(&v);
    household_free(&h);
    enum { N = 20000 };
    const char *csv = big_csv(t, N);
    static const int delays_ms[] = {20, 80, 200, 400};
    for (size_t k = 0; k < HD_ARRAY_LEN(delays_ms); k++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            hd_db *db = db_open(t->path, "killed", 0, &err);
            if (db)
                authz_as_system(db);
            hd_import_stats st;
            hd_msgs e = {0}, w = {0};
            _exit(db && import_csv(db, TABLE_CHILDREN, csv, 0, 9, &st, &e, &w, &err) == 0 ? 0
                                                                                         : 1);
        }
        struct timespec ts = {0, delays_ms[k] * 1000000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        /* whatever the moment: the file is sound, and holds all or none */
        hd_check_report r;
        assert_int_equal(check_run(t->db, &r, &err), 0);
        assert_int_equal(r.problems.n, 0);
        check_report_free(&r);
        long n = testdb_long(t, "SELECT count(*) FROM child");
        assert_true(n == 0 || n == N);
        if (n == N)
            break; /* the import finished before the kill: nothing more to test */
    }
    testdb_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_six_writers_lose_nothing),
        cmocka_unit_test(test_killed_import_leaves_all_or_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
