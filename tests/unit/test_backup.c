/* Backups, restores, the audit log, and the messages for a read-only, full,
 * missing or locked database: a clear reason and nothing half-written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "core/authz.h"
#include "core/audit_log.h"
#include "core/backup.h"
#include "core/import.h"
#include "core/registry.h"
#include "testdb.h"

static void add_villages(hd_db *db, int n)
{
    static int serial;
    hd_err err;
    for (int i = 0; i < n; i++) {
        hd_village v = {.name = xasprintf("Thôn %d", ++serial)};
        assert_int_equal(village_insert(db, &v, &err), 0);
        village_free(&v);
    }
}

static long count_in(const char *path, const char *sql)
{
    hd_err err;
    hd_db *db = db_open(path, "t", DB_OPEN_READONLY, &err);
    assert_non_null(db);
    sqlite3_stmt *st = db_prepare(db, sql);
    long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
    db_finish(db, st);
    db_close(db);
    return n;
}

static int count_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (const struct dirent *e; d && (e = readdir(d)) != NULL;)
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

static void test_backup_and_check(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    add_villages(t->db, 3);
    char *path = xasprintf("%s/copy.db", t->dir);
    hd_err err;
    assert_int_equal(backup_to(t->db, path, &err), 0);
    hd_backup_info in;
    assert_int_equal(backup_check(path, "24999", &in, &err), 0);
    assert_string_equal(in.code, "24999");
    assert_string_equal(in.name, "Xã Thử");
    assert_int_equal(count_in(path, "SELECT count(*) FROM village"), 3);
    assert_int_equal(backup_check(path, "24001", &in, &err), -1);
    assert_non_null(strstr(err.msg, "belongs to commune 24999"));
    free(path);
    testdb_free(t);
}

static void test_rotation_keeps_exactly_keep(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    hd_err err;
    for (int i = 0; i < 5; i++) {
        char *p = backup_auto(t->db, "bk/auto", 3, "test", &err);
        assert_non_null(p);
        assert_int_equal(access(p, F_OK), 0);
        free(p);
    }
    char *dir = xasprintf("%s/bk/auto", t->dir); /* relative to the database */
    assert_int_equal(count_files(dir), 3);
    char *p = backup_auto(t->db, dir, 0, "all", &err); /* 0 keeps all */
    assert_non_null(p);
    assert_int_equal(count_files(dir), 4);
    free(p);
    free(dir);
    testdb_free(t);
}

/* Another process saves 300 times while three backups are taken: each is
 * whole (every village with its audit row) and passes the check. */
static void test_backup_while_another_writes(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        hd_err e;
        hd_db *db = db_open(t->path, "writer", 0, &e);
        if (db)
            authz_as_system(db);
        for (int i = 0; db && i < 300; i++) {
            hd_village v = {.name = xasprintf("Làng %d", i)};
            /* a user told "busy" saves again; under valgrind the busy
             * timeout can pass while a backup is being read */
            int rc = -1;
            for (int tries = 0; tries < 3 && rc < 0; tries++)
                rc = village_insert(db, &v, &e);
            if (rc < 0) {
                fprintf(stderr, "writer, save %d: %s\n", i, e.msg);
                _exit(1);
            }
            village_free(&v);
        }
        db_close(db);
        _exit(db ? 0 : 1);
    }
    hd_err err;
    hd_backup_info in;
    for (int i = 0; i < 3; i++) {
        char *path = xasprintf("%s/live%d.db", t->dir, i);
        assert_int_equal(backup_to(t->db, path, &err), 0);
        assert_int_equal(backup_check(path, "24999", &in, &err), 0);
        assert_int_equal(count_in(path, "SELECT count(*) FROM village"),
                         count_in(path, "SELECT count(*) FROM audit"
                                        " WHERE tbl = 'village' AND action = 'insert'"));
        free(path);
        usleep(20000);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    testdb_free(t);
}

static void test_restore(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    add_villages(t->db, 2);
    char *path = xasprintf("%s/before.db", t->dir);
    hd_err err;
    assert_int_equal(backup_to(t->db, path, &err), 0);
    add_villages(t->db, 5);
    char *saved = NULL;
    assert_int_equal(restore_from(t->path, path, "tester", "bk", 0, &saved, &err), 0);
    /* The open connection sees the restored database. */
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM village"), 2);
    assert_non_null(strstr(saved, "before-restore"));
    assert_int_equal(count_in(saved, "SELECT count(*) FROM village"), 7);
    free(saved);
    free(path);
    testdb_free(t);
}

static void copy_file(const char *from, const char *to)
{
    char *cmd = xasprintf("cp '%s' '%s'", from, to);
    assert_int_equal(system(cmd), 0);
    free(cmd);
}

static void test_restore_refuses_bad_files(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    add_villages(t->db, 4);
    char *good = xasprintf("%s/good.db", t->dir);
    hd_err err;
    assert_int_equal(backup_to(t->db, good, &err), 0);
    add_villages(t->db, 1);
    /* Garbage over the pages after the header. */
    char *bad = xasprintf("%s/bad.db", t->dir);
    copy_file(good, bad);
    FILE *fp = fopen(bad, "r+b");
    assert_non_null(fp);
    fseek(fp, 4096, SEEK_SET);
    for (int i = 0; i < 8192; i++)
        fputc((i * 7919) & 0xff, fp);
    fclose(fp);
    assert_int_equal(restore_from(t->path, bad, "tester", "bk", 0, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "bad.db"));
    /* Not a database at all. */
    const char *text = testdb_file(t, "text.db", "not a database\n");
    assert_int_equal(restore_from(t->path, text, "tester", "bk", 0, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "not a huydong database"));
    /* Another commune's file. */
    testdb *o = testdb_new();
    assert_int_equal(db_init_commune(o->db, "24001", "Xã Khác", "H", "T", &err), 0);
    char *other = xasprintf("%s/other.db", t->dir);
    assert_int_equal(backup_to(o->db, other, &err), 0);
    assert_int_equal(restore_from(t->path, other, "tester", "bk", 0, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "24001"));
    /* Nothing changed, and no backup was taken for a refused restore. */
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM village"), 5);
    char *bk = xasprintf("%s/bk", t->dir);
    assert_int_equal(count_files(bk), 0);
    free(bk);
    free(other);
    free(bad);
    free(good);
    testdb_free(o);
    testdb_free(t);
}

typedef struct seen {
    int n;
    char first[256]; /* the newest entry: "action field old new" */
} seen;

static int collect(const hd_audit_entry *e, void *ctx)
{
    seen *s = ctx;
    if (s->n++ == 0)
        snprintf(s->first, sizeof s->first, "%s %s %s %s %s", e->actor, e->action, e->field,
                 e->old_value, e->new_value);
    return 0;
}

static void test_audit_list(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    add_villages(t->db, 3);
    hd_err err;
    assert_int_equal(db_exec(t->db, "UPDATE village SET name = 'Đổi' WHERE id = 2", &err), 0);
    char uid[32];
    sqlite3_stmt *st = db_prepare(t->db, "SELECT uid FROM village WHERE id = 2");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(uid, sizeof uid, "%s", sqlite3_column_text(st, 0));
    db_finish(t->db, st);
    seen s = {0};
    hd_audit_filter f = {.row_uid = uid};
    assert_int_equal(audit_list(t->db, &f, collect, &s, &err), 2); /* insert, update */
    assert_non_null(strstr(s.first, "tester update name "));
    assert_non_null(strstr(s.first, " Đổi"));
    /* Dates: everything is from today; nothing before 2000 or after 2100. */
    memset(&s, 0, sizeof s);
    hd_audit_filter all = {.since = "2000-01-01", .until = "31/12/2100", .limit = 2};
    assert_int_equal(audit_list(t->db, &all, collect, &s, &err), 2);
    assert_non_null(strstr(s.first, "update"));
    hd_audit_filter old = {.until = "2000-01-01"}, late = {.since = "2100-01-01"};
    assert_int_equal(audit_list(t->db, &old, collect, &s, &err), 0);
    assert_int_equal(audit_list(t->db, &late, collect, &s, &err), 0);
    hd_audit_filter who = {.actor = "nobody"}, bad = {.since = "31/02/2024"};
    assert_int_equal(audit_list(t->db, &who, collect, &s, &err), 0);
    assert_int_equal(audit_list(t->db, &bad, collect, &s, &err), -1);
    testdb_free(t);
}

/* As root the file's mode does not stop writes: the read-only connection
 * still shows the message, and the chmod case runs for other users. */
static void test_read_only(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    add_villages(t->db, 1);
    hd_err err;
    hd_db *ro = db_open(t->path, "t", DB_OPEN_READONLY, &err);
    assert_non_null(ro);
    authz_as_system(ro);
    hd_village v = {.name = xstrdup("Không lưu")};
    assert_int_equal(village_insert(ro, &v, &err), -1);
    assert_non_null(strstr(err.msg, "read-only"));
    village_free(&v);
    db_close(ro);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM village"), 1);
    if (geteuid() != 0) {
        db_close(t->db);
        t->db = NULL;
        assert_int_equal(chmod(t->path, 0444), 0);
        hd_db *db = db_open(t->path, "t", 0, &err);
        if (db)
            authz_as_system(db);
        if (db) { /* or db_open itself refused, with the same reason */
            hd_village w = {.name = xstrdup("Không lưu")};
            assert_int_equal(village_insert(db, &w, &err), -1);
            village_free(&w);
            db_close(db);
        }
        assert_non_null(strstr(err.msg, "read-only"));
        assert_int_equal(count_in(t->path, "SELECT count(*) FROM village"), 1);
        chmod(t->path, 0644);
    }
    testdb_free(t);
}

static void test_missing_file(void **state)
{
    (void)state;
    hd_err err;
    assert_null(db_open("/tmp/huydong-no-such/x.db", "t", 0, &err));
    assert_non_null(strstr(err.msg, "no such database"));
    hd_backup_info in;
    assert_int_equal(backup_check("/tmp/huydong-no-such/x.db", NULL, &in, &err), -1);
    assert_non_null(strstr(err.msg, "cannot open"));
    testdb *t = testdb_new();
    assert_int_equal(backup_to(t->db, "/tmp/huydong-no-such/copy.db", &err), -1);
    assert_non_null(strstr(err.msg, "the backup was not made"));
    testdb_free(t);
}

static void test_disk_full(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    long before = testdb_long(t, "SELECT count(*) FROM audit");
    hd_err err;
    long pages = testdb_long(t, "PRAGMA page_count");
    char *limit = xasprintf("PRAGMA max_page_count = %ld", pages + 2);
    assert_int_equal(db_exec(t->db, limit, &err), 0);
    free(limit);
    int tok = db_write_begin(t->db, &err);
    assert_true(tok > 0);
    int rc = db_exec(t->db,
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                     " WHERE i < 2000) INSERT INTO audit(actor, tbl, row_uid, action)"
                     " SELECT 'x', 't', hex(randomblob(500)), 'insert' FROM n", &err);
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err.msg, "the disk is full; nothing was saved"));
    db_write_end(t->db, tok, 0, &err);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM audit"), before);
    testdb_free(t);
}

static void test_locked(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    hd_err err;
    hd_db *other = db_open(t->path, "other", 0, &err);
    if (other)
        authz_as_system(other);
    assert_non_null(other);
    assert_int_equal(db_exec(other, "BEGIN IMMEDIATE", &err), 0);
    sqlite3_busy_timeout(db_sql(t->db), 50);
    assert_int_equal(db_write_begin(t->db, &err), -1);
    assert_non_null(strstr(err.msg, "busy"));
    db_exec(other, "ROLLBACK", &err);
    db_close(other);
    testdb_free(t);
}

/* A failed automatic backup refuses the import; a dry run takes none. */
static void test_import_needs_its_backup(void **state)
{
    (void)state;
    testdb *t = testdb_new();
    const char *csv = testdb_file(t, "v.csv", "Tên thôn,Loại\nThôn Mới,Thôn\n");
    char *csv_path = xstrdup(csv);
    testdb_file(t, "notadir", "a file where the folder should be");
    backup_policy_set("notadir/bk", 3);
    hd_import_stats st;
    hd_msgs e = {0}, w = {0};
    hd_err err;
    assert_int_equal(import_csv(t->db, TABLE_VILLAGES, csv_path, 0, 9, &st, &e, &w, &err), -1);
    assert_non_null(strstr(err.msg, "automatic backup"));
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM village"), 0);
    backup_policy_set("bk", 3);
    assert_int_equal(import_csv(t->db, TABLE_VILLAGES, csv_path, 1, 9, &st, &e, &w, &err), 0);
    char *bk = xasprintf("%s/bk", t->dir);
    assert_int_equal(count_files(bk), 0);
    assert_int_equal(import_csv(t->db, TABLE_VILLAGES, csv_path, 0, 9, &st, &e, &w, &err), 0);
    assert_int_equal(count_files(bk), 1);
    assert_int_equal(testdb_long(t, "SELECT count(*) FROM village"), 1);
    backup_policy_set(NULL, 0);
    msgs_free(&e);
    msgs_free(&w);
    free(bk);
    free(csv_path);
    testdb_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_backup_and_check),
        cmocka_unit_test(test_rotation_keeps_exactly_keep),
        cmocka_unit_test(test_backup_while_another_writes),
        cmocka_unit_test(test_restore),
        cmocka_unit_test(test_restore_refuses_bad_files),
        cmocka_unit_test(test_audit_list),
        cmocka_unit_test(test_read_only),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_disk_full),
        cmocka_unit_test(test_locked),
        cmocka_unit_test(test_import_needs_its_backup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
