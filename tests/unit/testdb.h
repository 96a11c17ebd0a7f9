/* testdb.h — a fresh database in a temporary directory for a unit test. */
#ifndef HD_TESTDB_H
#define HD_TESTDB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/authz.h"
#include "core/db.h"
#include "core/registry.h"

typedef struct testdb {
    char dir[64];
    char path[128];
    hd_db *db;
} testdb;

static inline void testdb_rm(const char *dir)
{
    char *cmd = xasprintf("rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    free(cmd);
}

/* Opens a new database with the commune row; aborts the test on failure. */
static inline testdb *testdb_new(void)
{
    testdb *t = xcalloc(1, sizeof *t);
    snprintf(t->dir, sizeof t->dir, "/tmp/huydong-test-XXXXXX");
    if (!mkdtemp(t->dir))
        abort();
    snprintf(t->path, sizeof t->path, "%s/test.db", t->dir);
    hd_err err;
    t->db = db_open(t->path, "tester", DB_OPEN_CREATE, &err);
    if (t->db) /* the tests act for the installation; test_authz.c for users */
        authz_as_system(t->db);
    if (!t->db || db_init_commune(t->db, "24999", "Xã Thử", "Huyện Đức Cơ", "Gia Lai", &err)) {
        fprintf(stderr, "testdb: %s\n", err.msg);
        abort();
    }
    return t;
}

static inline void testdb_free(testdb *t)
{
    db_close(t->db);
    testdb_rm(t->dir);
    free(t);
}

/* The first column of the first row of sql, as a long. */
static inline long testdb_long(testdb *t, const char *sql)
{
    sqlite3_stmt *st = db_prepare(t->db, sql);
    long v = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -999;
    db_finish(t->db, st);
    return v;
}

/* Writes text to DIR/name and returns the path (static buffer). */
static inline const char *testdb_file(testdb *t, const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", t->dir, name);
    FILE *fp = fopen(path, "wb");
    if (!fp)
        abort();
    fputs(text, fp);
    fclose(fp);
    return path;
}

/* A village, a household: the records most tests start from.  Include
 * <cmocka.h> before this header (the helpers assert). */
static inline int64_t testdb_village(testdb *t, const char *name)
{
    hd_village v = {.name = xstrdup(name), .kind = VKIND_THON};
    hd_err err;
    assert_int_equal(village_insert(t->db, &v, &err), 0);
    int64_t id = v.id;
    village_free(&v);
    return id;
}

static inline int64_t testdb_household(testdb *t, int64_t village_id, const char *head)
{
    hd_household h = {.village_id = village_id, .head_name = xstrdup(head)};
    hd_err err;
    assert_int_equal(household_insert(t->db, &h, &err), 0);
    int64_t id = h.id;
    household_free(&h);
    return id;
}

#endif
