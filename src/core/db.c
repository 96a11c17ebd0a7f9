/* db.c — connection set-up, migrations, write transactions, stable keys. */
#include "core/db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/schema.h"

/* Compiled statements kept for reuse: compiling an INSERT with its audit
 * and search triggers costs far more than running it. */
#define STMT_CACHE 96

struct hd_db {
    sqlite3 *sql;
    char *path;
    char *actor;
    struct {
        char *sql;
        sqlite3_stmt *st;
    } cache[STMT_CACHE];
    size_t ncache;
    int bulk; /* insert triggers stand aside (db_bulk_begin) */
    int read_only; /* db_read_only() */
    hd_auth auth;
};

/* hd_actor(): the user the audit triggers record. */
static void sql_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    const hd_db *db = sqlite3_user_data(ctx);
    sqlite3_result_text(ctx, db->actor, -1, SQLITE_STATIC);
}

/* hd_bulk(): 1 while a bulk load runs on this connection. */
static void sql_bulk(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    const hd_db *db = sqlite3_user_data(ctx);
    sqlite3_result_int(ctx, db->bulk);
}

int db_fail(hd_db *db, hd_err *err, const char *doing)
{
    int code = sqlite3_extended_errcode(db->sql);
    const char *why;
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        why = _("the database is busy (another user is saving); nothing was saved, try again");
        break;
    case SQLITE_FULL:
        why = _("the disk is full; nothing was saved");
        break;
    case SQLITE_READONLY:
        why = _("the database is read-only (check the file's permissions); nothing was saved");
        break;
    case SQLITE_CANTOPEN:
        why = _("the database file cannot be opened (missing folder or no permission)");
        break;
    case SQLITE_IOERR:
        why = _("a disk error occurred; nothing was saved");
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        why = _("the file is not a valid huydong database (run 'huydong check')");
        break;
    default:
        why = sqlite3_errmsg(db->sql);
        break;
    }
    return hd_fail(err, "%s: %s", doing, why);
}

static int configure(hd_db *db, int readonly, hd_err *err)
{
    sqlite3_busy_timeout(db->sql, 5000);
    sqlite3_extended_result_codes(db->sql, 1);
    if (sqlite3_create_function(db->sql, "hd_actor", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                db, sql_actor, NULL, NULL) != SQLITE_OK ||
        sqlite3_create_function(db->sql, "hd_bulk", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, db,
                                sql_bulk, NULL, NULL) != SQLITE_OK)
        return db_fail(db, err, _("opening the database"));
    /* temp_store: statement journals (one per INSERT with triggers) stay in
     * memory instead of costing dozens of write calls per row. */
    const char *pragmas = readonly ? "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"
                                   : "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"
                                     "PRAGMA journal_mode = WAL;"
                                     "PRAGMA synchronous = NORMAL;";
    /* WAL keeps readers and one writer apart; NORMAL is durable in WAL mode
     * except for the last transaction on power loss, never corrupting. */
    if (sqlite3_exec(db->sql, pragmas, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, err, _("opening the database"));
    return 0;
}

int db_schema_version(hd_db *db)
{
    sqlite3_stmt *st = db_prepare(db, "PRAGMA user_version");
    int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    db_finish(db, st);
    return v;
}

/* Applies every migration above the file's user_version, each in its own
 * immediate transaction, so a crash leaves a whole version or none. */
static int migrate(hd_db *db, hd_err *err)
{
    int have = db_schema_version(db);
    if (have < 0)
        return db_fail(db, err, _("reading the database"));
    if (have > schema_latest())
        return hd_fail(err, _("%s: made by a newer huydong (schema %d, this one knows %d)"),
                       db->path, have, schema_latest());
    for (int v = have + 1; v <= schema_latest(); v++) {
        int tok = db_write_begin(db, err);
        if (tok < 0)
            return -1;
        /* Re-read inside the lock: another process may have migrated. */
        if (db_schema_version(db) >= v) {
            db_write_end(db, tok, 1, err);
            continue;
        }
        char *sql = schema_migration_sql(v);
        char *pragma = xasprintf("PRAGMA user_version = %d", v);
        int ok = sqlite3_exec(db->sql, sql, NULL, NULL, NULL) == SQLITE_OK &&
                 sqlite3_exec(db->sql, pragma, NULL, NULL, NULL) == SQLITE_OK;
        if (!ok)
            db_fail(db, err, _("updating the database schema"));
        free(sql);
        free(pragma);
        if (db_write_end(db, tok, ok, err) < 0 || !ok)
            return -1;
    }
    return 0;
}

/* "file:PATH?immutable=1": PATH with the characters a URI gives meaning to
 * escaped. */
static char *immutable_uri(const char *path)
{
    strbuf sb = {0};
    sb_add(&sb, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ')
            sb_addf(&sb, "%%%02X", *p);
        else
            sb_addc(&sb, (char)*p);
    }
    sb_add(&sb, "?immutable=1");
    return sb_detach(&sb);
}

/* One attempt; *code gets SQLite's code of a failure (0 for ours). */
static hd_db *open_as(const char *path, const char *actor, int flags, int immutable, int *code,
                      hd_err *err)
{
    hd_db *db = xcalloc(1, sizeof *db);
    db->path = xstrdup(path);
    db->actor = xstrdup(actor && *actor ? actor : "?");
    db->read_only = immutable ? 2 : (flags & DB_OPEN_READONLY) ? 1 : 0;
    int oflags = (flags & DB_OPEN_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (flags & DB_OPEN_CREATE)
        oflags |= SQLITE_OPEN_CREATE;
    char *uri = immutable ? immutable_uri(path) : NULL;
    int rc = sqlite3_open_v2(uri ? uri : path, &db->sql,
                             oflags | SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0), NULL);
    free(uri);
    *code = rc;
    if (rc != SQLITE_OK) {
        if (!(flags & DB_OPEN_CREATE) && (rc & 0xff) == SQLITE_CANTOPEN &&
            access(path, F_OK) != 0 && errno == ENOENT)
            hd_fail(err, _("%s: no such database (create one with 'huydong init' or "
                           "'huydong demo')"), path);
        else if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_PERM)
            hd_fail(err, _("%s: no permission to open the database (is this user in the "
                           "group that shares it? see docs/deployment.md)"), path);
        else
            hd_fail(err, _("%s: cannot open: %s"), path, sqlite3_errstr(rc));
        db_close(db);
        return NULL;
    }
    hd_err inner;
    /* a read-only connection reads the schema now: in WAL mode that needs
     * the shared-memory index, which a user who may not write the folder
     * cannot make */
    int bad = configure(db, flags & DB_OPEN_READONLY, &inner) < 0 ||
              (!(flags & DB_OPEN_READONLY) && migrate(db, &inner) < 0) ||
              ((flags & DB_OPEN_READONLY) &&
               sqlite3_exec(db->sql, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) !=
                   SQLITE_OK &&
               db_fail(db, &inner, _("reading the database")) < 0);
    if (bad) {
        *code = sqlite3_extended_errcode(db->sql);
        hd_fail(err, "%s: %s", path, inner.msg);
        db_close(db);
        return NULL;
    }
    *code = 0;
    return db;
}

/* A failure a read-only connection may get round: the file, its folder or
 * its WAL files are not writable by this user. */
static int no_write_access(int code)
{
    return (code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_CANTOPEN ||
           (code & 0xff) == SQLITE_PERM;
}

hd_db *db_open(const char *path, const char *actor, int flags, hd_err *err)
{
    int code;
    hd_db *db = open_as(path, actor, flags, 0, &code, err);
    if (db || (flags & DB_OPEN_CREATE) || !no_write_access(code) ||
        !(flags & (DB_OPEN_READONLY | DB_OPEN_FALLBACK)))
        return db;
    if (access(path, R_OK) != 0)
        return NULL; /* not even readable: the message stands */
    int ro = (flags & ~DB_OPEN_FALLBACK) | DB_OPEN_READONLY;
    hd_err e2;
    if (!(flags & DB_OPEN_READONLY) && (db = open_as(path, actor, ro, 0, &code, &e2)))
        return db;
    /* the last resort: the file as it is on disk, without locking: what
     * others save meanwhile is not seen (and a save being checkpointed
     * could be read half-way: an error, or a stale list, never a change to
     * the file, which this connection cannot write) */
    return open_as(path, actor, ro, 1, &code, err);
}

int db_read_only(const hd_db *db)
{
    return db->read_only;
}

void db_close(hd_db *db)
{
    if (!db)
        return;
    for (size_t i = 0; i < db->ncache; i++) {
        sqlite3_finalize(db->cache[i].st);
        free(db->cache[i].sql);
    }
    sqlite3_close_v2(db->sql);
    free(db->path);
    free(db->actor);
    free(db);
}

sqlite3 *db_sql(hd_db *db) { return db->sql; }
const char *db_actor(const hd_db *db) { return db->actor; }
const char *db_path(const hd_db *db) { return db->path; }
hd_auth *db_auth(hd_db *db) { return &db->auth; }

void db_set_actor(hd_db *db, const char *actor)
{
    free(db->actor);
    db->actor = xstrdup(actor && *actor ? actor : "?");
}

int db_write_begin(hd_db *db, hd_err *err)
{
    if (!sqlite3_get_autocommit(db->sql))
        return 0; /* joined the caller's transaction */
    if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, err, _("starting to save"));
    return 1;
}

int db_write_end(hd_db *db, int token, int ok, hd_err *err)
{
    if (token != 1)
        return ok ? 0 : -1;
    if (ok) {
        if (sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
            return 0;
        db_fail(db, err, _("saving"));
    }
    sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

int db_bulk_begin(hd_db *db, hd_err *err)
{
    if (sqlite3_get_autocommit(db->sql))
        return hd_fail(err, "internal: bulk mode outside a write transaction");
    char *mark = schema_bulk_mark_sql();
    int rc = db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS bulk_mark"
                         " (tbl TEXT PRIMARY KEY, max_id INTEGER NOT NULL)", err);
    if (rc == 0)
        rc = db_exec(db, mark, err);
    free(mark);
    if (rc == 0)
        db->bulk = 1;
    return rc;
}

int db_bulk_active(const hd_db *db)
{
    return db->bulk;
}

int db_bulk_end(hd_db *db, hd_err *err)
{
    if (!db->bulk)
        return 0;
    /* Still in bulk mode while catching up: the rows it adds are audited by
     * the catch-up itself, not a second time by the triggers. */
    char *sql = schema_bulk_catchup_sql();
    int rc = db_exec(db, sql, err);
    free(sql);
    db->bulk = 0;
    return rc;
}

int db_exec(hd_db *db, const char *sql, hd_err *err)
{
    if (sqlite3_exec(db->sql, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, err, _("querying the database"));
    return 0;
}

static sqlite3_stmt *compile(hd_db *db, const char *sql, unsigned flags)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(db->sql, sql, -1, flags, &st, NULL) != SQLITE_OK) {
        /* SQL is ours: a failure here is a bug (or a file not ours). */
        hd_fatal("internal error: %s\n  in: %s", sqlite3_errmsg(db->sql), sql);
    }
    return st;
}

sqlite3_stmt *db_prepare(hd_db *db, const char *sql)
{
    for (size_t i = 0; i < db->ncache; i++) {
        if (strcmp(db->cache[i].sql, sql) != 0)
            continue;
        /* In use by an outer loop: give this caller its own. */
        if (sqlite3_stmt_busy(db->cache[i].st))
            return compile(db, sql, 0);
        return db->cache[i].st;
    }
    if (db->ncache == STMT_CACHE)
        return compile(db, sql, 0);
    sqlite3_stmt *st = compile(db, sql, SQLITE_PREPARE_PERSISTENT);
    db->cache[db->ncache].sql = xstrdup(sql);
    db->cache[db->ncache].st = st;
    db->ncache++;
    return st;
}

void db_finish(hd_db *db, sqlite3_stmt *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < db->ncache; i++) {
        if (db->cache[i].st == st) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return;
        }
    }
    sqlite3_finalize(st);
}

int db_new_uid(hd_db *db, char kind, char out[32], hd_err *err)
{
    char code[16];
    if (db_commune_code(db, code) < 0)
        return hd_fail(err, _("the database has no commune (run 'huydong init')"));
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO uid_serial(kind, last) VALUES (?1, 1)"
        " ON CONFLICT(kind) DO UPDATE SET last = last + 1 RETURNING last");
    char k[2] = {kind, '\0'};
    sqlite3_bind_text(st, 1, k, 1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    long long n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    db_finish(db, st);
    if (rc != SQLITE_ROW)
        return db_fail(db, err, _("numbering a new record"));
    snprintf(out, 32, "%s-%c%lld", code, kind, n);
    return 0;
}

int db_commune_code(hd_db *db, char out[16])
{
    sqlite3_stmt *st = db_prepare(db, "SELECT code FROM commune WHERE id = 1");
    int rc = -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(out, 16, "%s", (const char *)sqlite3_column_text(st, 0));
        rc = 0;
    }
    db_finish(db, st);
    return rc;
}

int db_init_commune(hd_db *db, const char *code, const char *name, const char *district,
                    const char *province, hd_err *err)
{
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO commune(id, uid, code, name, district, province)"
        " VALUES (1, ?1 || '-X1', ?1, ?2, ?3, ?4)"
        " ON CONFLICT(id) DO UPDATE SET code = ?1, name = ?2, district = ?3, province = ?4,"
        "   version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE code IS NOT ?1 OR name IS NOT ?2 OR district IS NOT ?3 OR province IS NOT ?4");
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, district, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, province, -1, SQLITE_STATIC);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    if (!ok)
        db_fail(db, err, _("saving the commune"));
    db_finish(db, st);
    return db_write_end(db, tok, ok, err);
}

void db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

void db_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
    if (id > 0)
        sqlite3_bind_int64(st, i, id);
    else
        sqlite3_bind_null(st, i);
}

char *db_col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return xstrdup(t ? (const char *)t : "");
}
