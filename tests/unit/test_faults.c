/* Faults: a process killed (SIGKILL) at random moments of an import and of
 * a month's close, a full disk, a file this user may not write, a database
 * this user may not open.  Each time: the file passes the check, holds the
 * whole operation or none of it, and the user reads a message that says
 * what happened.  The random moments come from a seed printed first
 * (HUYDONG_FAULT_SEED repeats a run). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "core/authz.h"
#include "core/backup.h"
#include "core/check.h"
#include "core/demo.h"
#include "core/import.h"
#include "core/monthly.h"
#include "core/registry.h"
#include "core/schema.h"
#include "testdb.h"

static unsigned seed;

static unsigned next_random(void)
{
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) & 0xffffff;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void assert_sound(testdb *t)
{
    hd_check_report r;
    hd_err err;
    assert_int_equal(check_run(t->db, &r, &err), 0);
    for (size_t i = 0; i < r.problems.n; i++)
        fprintf(stderr, "check: %s\n", r.problems.items[i]);
    assert_int_equal(r.problems.n, 0);
    check_report_free(&r);
}

/* Every automatic backup in dir is a whole database (a kill during a backup
 * leaves at most a temporary file, never a damaged backup). */
static void assert_backups_whole(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 3, ".db") != 0)
            continue;
        char *p = xasprintf("%s/%s", dir, e->d_name);
        hd_backup_info in;
        hd_err err;
        if (backup_check(p, "24999", &in, &err) != 0)
            fail_msg("%s", err.msg);
        free(p);
    }
    closedir(d);
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* ---- killed during a month's close --------------------------------------- */

static testdb *demo_commune(void)
{
    testdb *t = testdb_new();
    demo_opts o;
    demo_opts_small(&o);
    hd_err err;
    if (demo_generate(t->db, &o, &err) != 0)
        fail_msg("%s", err.msg);
    return t;
}

/* Closes November again and again (each time a new version, with a
 * reason), with a backup before each, until killed. */
static _Noreturn void close_forever(const char *path, const char *backups)
{
    hd_err err;
    hd_db *db = db_open(path, "closer", 0, &err);
    if (!db)
        _exit(1);
    authz_as_system(db);
    backup_policy_set(backups, 3);
    hd_config cfg;
    config_defaults(&cfg);
    for (;;)
        if (monthly_close(db, &cfg, 2026, 11, "đóng lại", &err) < 0)
            _exit(2);
}

static void test_killed_month_close_all_or_none(void **state)
{
    (void)state;
    testdb *t = demo_commune();
    char *backups = xasprintf("%s/bk", t->dir);
    long villages = testdb_long(t, "SELECT count(*) FROM village WHERE archived = 0");
    /* the first close, timed as the child will do it (open, backup, close):
     * the kills are spread over a few of them (valgrind is much slower) */
    long start = now_ms();
    hd_err err;
    hd_db *db = db_open(t->path, "closer", 0, &err);
    assert_non_null(db);
    authz_as_system(db);
    backup_policy_set(backups, 3);
    hd_config cfg;
    config_defaults(&cfg);
    assert_int_equal(monthly_close(db, &cfg, 2026, 11, "", &err), 1);
    config_free(&cfg);
    backup_policy_set(NULL, 0);
    db_close(db);
    long span = now_ms() - start + 2;
    long closes = 1;
    for (int round = 0; round < 12; round++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0)
            close_forever(t->path, backups);
        sleep_ms(1 + (long)(next_random() % (unsigned long)(3 * span)));
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        assert_true(WIFSIGNALED(status)); /* it was still closing, not failing */
        assert_sound(t);
        /* one version in force; every version whole: its figures, a rating
         * per village, its audit row; numbered without a gap */
        long n = testdb_long(t, "SELECT count(*) FROM month_snapshot");
        assert_true(n >= closes);
        closes = n;
        assert_int_equal(testdb_long(t, "SELECT count(*) FROM month_snapshot"
                                        " WHERE status = 'closed'"), 1);
        assert_int_equal(testdb_long(t, "SELECT max(number) FROM month_snapshot"), n);
        assert_int_equal(testdb_long(t, "SELECT count(DISTINCT c) FROM (SELECT count(*) AS c"
                                        " FROM month_figure GROUP BY snapshot_id)"), 1);
        assert_int_equal(testdb_long(t, "SELECT count(*) FROM month_snapshot s WHERE NOT EXISTS"
                                        " (SELECT 1 FROM month_figure f"
                                        "  WHERE f.snapshot_id = s.id)"), 0);
        char *sql = xasprintf("SELECT count(*) FROM month_snapshot s WHERE (SELECT count(*)"
                              " FROM month_rating r WHERE r.snapshot_id = s.id) <> %ld",
                              villages);
        assert_int_equal(testdb_long(t, sql), 0);
        free(sql);
        assert_int_equal(testdb_long(t, "SELECT count(*) FROM audit WHERE tbl = 'month_snapshot'"
                                        " AND action = 'insert'"), n);
        assert_backups_whole(backups);
    }
    fprintf(stderr, "test_faults: %ld closes in all (%ld ms each)\n", closes, span);
    assert_true(closes > 1); /* the kills did not all land before a close's end */
    free(backups);
    testdb_free(t);
}

/* ---- killed during an import ---------------------------------------------- */

static const char *children_csv(testdb *t, int n, const char *village)
{
    strbuf sb = {0};
    sb_add(&sb, "Họ và tên,Giới tính,Ngày sinh,Chủ hộ,Thôn\n");
    for (int i = 0; i < n; i++)
        sb_addf(&sb, "Siu H'Lan %d,Nữ,%d,Siu Y Nhi,%s\n", i, 2010 + i % 8, village);
    const char *path = testdb_file(t, "children.csv", sb_str(&sb));
    sb_free(&sb);
    return path;
}

/* How long the import takes here, on a database of its own: the kills are
 * spread over that time, so that they land inside the import. */
static long import_ms(int n)
{
    testdb *t = testdb_new();
    testdb_household(t, testdb_village(t, "Thôn 1"), "Siu Y Nhi");
    const char *csv = children_csv(t, n, "Thôn 1");
    hd_import_stats st;
    hd_msgs e = {0}, w = {0};
    hd_err err;
    long start = now_ms();
    assert_int_equal(import_csv(t->db, TABLE_CHILDREN, csv, 0, 9, &st, &e, &w, &err), 0);
    long ms = now_ms() - start;
    msgs_free(&e);
    msgs_free(&w);
    testdb_free(t);
    return ms > 2 ? ms : 2;
}

static void test_killed_import_random_moments(void **state)
{
    (void)state;
    enum { N = 8000 };
    long span = import_ms(N) + 20; /* and the time to start the child */
    int landed = 0;
    /* a fresh database each round: an import that finished would make the
     * next one change nothing */
    for (int round = 0; round < 8; round++) {
        testdb *t = testdb_new();
        testdb_household(t, testdb_village(t, "Thôn 1"), "Siu Y Nhi");
        const char *csv = children_csv(t, N, "Thôn 1");
        char *backups = xasprintf("%s/bk", t->dir);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            hd_err err;
            hd_db *db = db_open(t->path, "importer", 0, &err);
            if (!db)
                _exit(1);
            authz_as_system(db);
            backup_policy_set(backups, 2);
            hd_import_stats st;
            hd_msgs e = {0}, w = {0};
            _exit(import_csv(db, TABLE_CHILDREN, csv, 0, 9, &st, &e, &w, &err) == 0 ? 0 : 1);
        }
        sleep_ms(1 + (long)(next_random() % (unsigned long)span));
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status))
            assert_int_equal(WEXITSTATUS(status), 0); /* finished first, and well */
        landed += WIFSIGNALED(status);
        assert_sound(t);
        long n = testdb_long(t, "SELECT count(*) FROM child");
        assert_true(n == 0 || n == N);
        /* with their history and audit rows, or none of them */
        assert_int_equal(testdb_long(t, "SELECT count(*) FROM child_status"), n);
        assert_int_equal(testdb_long(t, "SELECT count(*) FROM audit WHERE tbl = 'child'"), n);
        assert_backups_whole(backups);
        free(backups);
        testdb_free(t);
    }
    fprintf(stderr, "test_faults: %d of 8 imports killed before their end (%ld ms each)\n",
            landed, span - 20);
    assert_true(landed > 0); /* the kills did not all come after the end */
}

/* ---- a full disk -------------------------------------------------------------- */

static void test_disk_full(void **state)
{
    (void)state;
    testdb *t = demo_commune();
    testdb_household(t, testdb_village(t, "Thôn Mới"), "Siu Y Nhi");
    hd_err err;
    long children = testdb_long(t, "SELECT count(*) FROM child");
    long audit = testdb_long(t, "SELECT count(*) FROM audit");
    /* the file may not grow by more than a few pages */
    long pages = testdb_long(t, "PRAGMA page_count");
    char *limit = xasprintf("PRAGMA max_page_count = %ld", pages + 2);
    assert_int_equal(db_exec(t->db, limit, &err), 0);
    free(limit);
    const char *csv = children_csv(t, 3000, "Thôn Mới");
    hd_import_stats st;
    hd_msgs e = {0}, w = {0};
    assert_int_equal(import_csv(t->db, TABLE_CHILDREN, csv, 0, 9, &st, &e, &w, &err), -1);
    assert_true(e.n > 0);
    int said = 0;
    for (size_t i = 0; i < e.n; i++)
        said |= strstr(e.items[i], "the disk is full; nothing was saved") != NULL;
    for (size_t i = 0; !said && i < e.n && i < 5; i++)
        fprintf(stderr, "import: %s\n", e.items[i]);
    assert_true(said);
    msgs_free(&e);
    msgs_free(&w);
    hd_config cfg;
    config_defaults(&cfg);
    long close_rc = monthly_close(t->db, &cfg, 2026, 11, "", &err);
    config_free(&cfg);
    /* a close small enough to fit is whole; one that does not fit says so */
    if (close_rc < 0)
        assert_non_null(strstr(err.msg, "the disk is full"));
    else
        assert_int_equal(testdb_long(t, "SELECT count(*) FROM month_snapshot"), 1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM child"), children);
    assert_int_equal(db_exec(t->db, "PRAGMA max_page_count = 1073741823", &err), 0);
    assert_sound(t);
    assert_true(testdb_long(t, "SELECT count(*) FROM audit") >= audit);
    /* room again: the same import goes through */
    hd_msgs e2 = {0}, w2 = {0};
    assert_int_equal(import_csv(t->db, TABLE_CHILDREN, csv, 0, 9, &st, &e2, &w2, &err), 0);
    msgs_free(&e2);
    msgs_free(&w2);
    testdb_free(t);
}

/* ---- a file this user may not write, a database they may not open ---------- */

/* In a child: become a user who does not own the files (nobody, when the
 * tests run as root; otherwise the mode bits are enough), then run f;
 * its exit status is the test's verdict (0 = as expected). */
static int as_other_user(int (*f)(const char *path), const char *path)
{
    pid_t pid = fork();
    if (pid == 0) {
        if (geteuid() == 0) {
            const struct passwd *pw = getpwnam("nobody");
            if (!pw || setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
                _exit(90);
        }
        _exit(f(path));
    }
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 99;
}

static int village_refused(hd_db *db, const char *why)
{
    hd_village v = {.name = xstrdup("Không lưu được")};
    hd_err err;
    int rc = village_insert(db, &v, &err);
    village_free(&v);
    if (rc == 0 || !strstr(err.msg, why)) {
        fprintf(stderr, "expected '%s', got: %s\n", why, rc ? err.msg : "saved");
        return 1;
    }
    return 0;
}

/* The file and its folder are readable, not writable: the interface opens
 * it read-only; reading works; a save says the database is read-only. */
static int reads_but_cannot_write(const char *path)
{
    hd_err err;
    hd_db *db = db_open(path, "ro", 0, &err);
    if (db || !strstr(err.msg, "read-only")) {
        fprintf(stderr, "a writer's open: %s\n", db ? "opened" : err.msg);
        return 1;
    }
    db = db_open(path, "ro", DB_OPEN_FALLBACK, &err);
    if (!db) {
        fprintf(stderr, "fallback: %s\n", err.msg);
        return 2;
    }
    authz_as_system(db);
    int rc = db_read_only(db) ? 0 : 3;
    sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM child");
    if (rc == 0 && (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 300))
        rc = 4;
    db_finish(db, st);
    if (rc == 0 && db_schema_version(db) != schema_latest())
        rc = 5;
    if (rc == 0)
        rc = village_refused(db, "read-only") ? 6 : 0;
    db_close(db);
    return rc;
}

/* The folder is closed to this user: a message about permission, no crash. */
static int cannot_open(const char *path)
{
    hd_err err;
    hd_db *db = db_open(path, "x", DB_OPEN_FALLBACK, &err);
    if (db) {
        db_close(db);
        return 1;
    }
    if (!strstr(err.msg, "no permission")) {
        fprintf(stderr, "got: %s\n", err.msg);
        return 2;
    }
    db = db_open(path, "x", DB_OPEN_READONLY, &err);
    return db ? 3 : strstr(err.msg, "no permission") ? 0 : 4;
}

static void test_read_only_and_permission(void **state)
{
    (void)state;
    testdb *t = demo_commune();
    /* closed cleanly: no -wal, no -shm beside it, the hardest case */
    db_close(t->db);
    t->db = NULL;
    assert_int_equal(chmod(t->dir, 0755), 0);
    assert_int_equal(chmod(t->path, 0444), 0);
    assert_int_equal(as_other_user(reads_but_cannot_write, t->path), 0);
    assert_int_equal(chmod(t->dir, 0700), 0);
    if (geteuid() == 0) /* the owner can always enter their own folder */
        assert_int_equal(as_other_user(cannot_open, t->path), 0);
    assert_int_equal(chmod(t->path, 0644), 0);
    hd_err err;
    t->db = db_open(t->path, "tester", 0, &err);
    assert_non_null(t->db);
    assert_int_equal(db_read_only(t->db), 0);
    assert_sound(t);
    testdb_free(t);
}

/* Backups are shared like the database: with the umask of a shared
 * installation (007) the folder is 0770 and each file 0660, so that every
 * user of the group can make, rotate and restore them. */
static void test_backup_modes_follow_umask(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    mode_t old = umask(007);
    hd_err err;
    char *p = backup_auto(t->db, "bk", 3, "test", &err);
    umask(old);
    assert_non_null(p);
    struct stat sb;
    assert_int_equal(stat(p, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0660);
    char *dir = xasprintf("%s/bk", t->dir);
    assert_int_equal(stat(dir, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0770);
    free(dir);
    free(p);
    testdb_free(t);
}

int main(void)
{
    const char *s = getenv("HUYDONG_FAULT_SEED");
    seed = s ? (unsigned)strtoul(s, NULL, 10) : (unsigned)time(NULL) ^ (unsigned)getpid();
    fprintf(stderr, "test_faults: HUYDONG_FAULT_SEED=%u\n", seed);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_killed_month_close_all_or_none),
        cmocka_unit_test(test_killed_import_random_moments),
        cmocka_unit_test(test_disk_full),
        cmocka_unit_test(test_read_only_and_permission),
        cmocka_unit_test(test_backup_modes_follow_umask),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
