/* fuzz_import.c — the CSV import (core/import.c, import_rows.c) on any
 * bytes, as a dry run into one database kept for the whole process: the
 * first byte picks the table, the rest is the file.  A dry run writes in a
 * transaction and rolls it back, so each input meets the same database and
 * every check, lookup and write path runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/authz.h"
#include "core/import.h"
#include "core/registry.h"
#include "fuzz/fuzz.h"

static hd_db *db;
static char dir[64];

static void close_db(void)
{
    db_close(db);
    char *cmd = xasprintf("rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    free(cmd);
}

/* A commune with a village, a household, a school and a member, so that
 * rows can name them. */
static void open_db(void)
{
    snprintf(dir, sizeof dir, "/tmp/huydong-fuzzdb-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    char *path = xasprintf("%s/fuzz.db", dir);
    hd_err err;
    db = db_open(path, "fuzz", DB_OPEN_CREATE, &err);
    free(path);
    if (!db)
        abort();
    authz_as_system(db);
    hd_village v = {.name = xstrdup("Thôn 1")};
    hd_school s = {.name = xstrdup("THCS Ia Dom"), .levels = xstrdup("lower_secondary")};
    if (db_init_commune(db, "24999", "Xã Thử", "Huyện Đức Cơ", "Gia Lai", &err) < 0 ||
        village_insert(db, &v, &err) < 0 || school_insert(db, &s, &err) < 0)
        abort();
    hd_household h = {.village_id = v.id, .head_name = xstrdup("Siu Y Nhi")};
    hd_member m = {.full_name = xstrdup("Rơ Mah Hlin"), .village_id = v.id};
    if (household_insert(db, &h, &err) < 0 || member_insert(db, &m, &err) < 0)
        abort();
    village_free(&v);
    school_free(&s);
    household_free(&h);
    member_free(&m);
    atexit(close_db);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!db)
        open_db();
    if (size < 1)
        return 0;
    hd_table table = (hd_table)(data[0] % TABLE_COUNT);
    const char *path = fuzz_file(data + 1, size - 1);
    hd_import_stats st;
    hd_msgs errors = {0}, warnings = {0};
    hd_err err = {{0}};
    int rc = import_csv(db, table, path, 1, 9, &st, &errors, &warnings, &err);
    if (rc != 0 && rc != -1)
        abort();
    if (rc == 0 && errors.n)
        abort(); /* accepted with errors */
    if (rc == -1 && !errors.n && !err.msg[0])
        abort(); /* refused without a word */
    msgs_free(&errors);
    msgs_free(&warnings);
    /* nothing stays: a dry run rolls back */
    if (!sqlite3_get_autocommit(db_sql(db)))
        abort();
    return 0;
}
