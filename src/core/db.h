/* db.h — the SQLite database: opening, migrations, write transactions.
 *
 * Safety rules every write follows (many users share one file over SSH):
 *  - every write runs inside BEGIN IMMEDIATE (plain BEGIN can fail to upgrade
 *    its lock and lose the write under concurrency);
 *  - every editable row carries a `version`; an UPDATE names the version it
 *    read and fails with HD_CONFLICT when another user saved in between;
 *  - triggers write every change to the append-only `audit` table with the
 *    acting user (hd_actor(), registered on each connection);
 *  - no transaction stays open while a screen waits for a key.
 *
 * Only core modules include this header; screens never see SQL. */
#ifndef HD_DB_H
#define HD_DB_H

#include <sqlite3.h>
#include <stdint.h>

#include "core/util.h"

/* Return code of an update whose row changed since it was read. */
#define HD_CONFLICT (-2)

typedef struct hd_db hd_db;

enum {
    DB_OPEN_CREATE = 1,   /* create the file when missing */
    DB_OPEN_READONLY = 2,
    DB_OPEN_FALLBACK = 4, /* when the file cannot be written, open it read-only */
};

/* Opens (and migrates to the current schema) the database at path.  actor is
 * the user recorded in the audit log.  NULL with err set on failure.
 * Read-only (DB_OPEN_READONLY, or DB_OPEN_FALLBACK when this user may not
 * write the file, its folder or its WAL files): reading works; when not
 * even SQLite's shared index can be made, the file is read as it is on disk
 * (db_read_only() == 2).  Every write then fails with the read-only
 * message. */
hd_db *db_open(const char *path, const char *actor, int flags, hd_err *err);
/* 0 writable, 1 read-only, 2 read-only without locking (a snapshot). */
int db_read_only(const hd_db *db);
void db_close(hd_db *db);

sqlite3 *db_sql(hd_db *db);          /* the connection; owned by db */
const char *db_actor(const hd_db *db);
/* Changes the user the audit log records (authz_login, once the user is
 * settled). */
void db_set_actor(hd_db *db, const char *actor);
const char *db_path(const hd_db *db);
int db_schema_version(hd_db *db);

/* Who is acting, for authz.c (the only module that reads or sets it).  A
 * new connection acts for no one: every write is refused until the front
 * end settles the user (authz_login) or a tool acts for the installation
 * (authz_as_system). */
typedef struct hd_auth {
    int64_t member_id;  /* the acting member, 0 for none or the installation */
    int role;           /* hd_role (authz.h); 0 = none */
    int granted;        /* > 0 while a checked write calls other writers */
} hd_auth;
hd_auth *db_auth(hd_db *db);   /* owned by db */

/* Write transactions.  db_write_begin starts BEGIN IMMEDIATE unless one is
 * already open (then the caller's transaction is joined); pass the returned
 * token to db_write_end, which commits (ok) or rolls back (!ok) only what it
 * began.  Returns -1 on failure to begin (busy, read-only) with err set. */
int db_write_begin(hd_db *db, hd_err *err);
int db_write_end(hd_db *db, int token, int ok, hd_err *err);

/* Bulk loading inside a write transaction: between these two calls the
 * per-row insert triggers (audit, search index) stand aside, and
 * db_bulk_end writes the same rows for every record added, set-wise, in the
 * same transaction.  Updates stay audited row by row throughout. */
int db_bulk_begin(hd_db *db, hd_err *err);
int db_bulk_end(hd_db *db, hd_err *err);
int db_bulk_active(const hd_db *db);

/* In bulk mode a new child's first history entry is written from the status
 * cached on its row (source "import").  Followed by a condition on child. */
#define BULK_FIRST_ENTRY_SQL                                                          \
    "INSERT INTO child_status(uid, child_id, status, date, reason, source, created_by)" \
    " SELECT uid || '.1', id, status, status_date, '', 'import', hd_actor() FROM child"  \
    " WHERE NOT EXISTS (SELECT 1 FROM child_status s WHERE s.child_id = child.id)"

/* PRAGMA data_version: changes when another connection commits, so an open
 * screen knows to read again (see db_watch.c). */
long long db_data_version(hd_db *db);

/* Runs SQL with no result rows. */
int db_exec(hd_db *db, const char *sql, hd_err *err);

/* A compiled statement for sql, from the connection's cache when it has one.
 * Give it back with db_finish (never sqlite3_finalize).  SQL that does not
 * compile is a bug, not a user error: it aborts with the SQL. */
sqlite3_stmt *db_prepare(hd_db *db, const char *sql);
/* Resets a statement from db_prepare for its next use (or frees it). */
void db_finish(hd_db *db, sqlite3_stmt *st);

/* Fills err with a message for the user from the connection's last error,
 * naming what was being done ("saving the household").  Returns -1. */
int db_fail(hd_db *db, hd_err *err, const char *doing);

/* A new stable key "CODE-Kn" for a record of kind K (one letter), unique
 * across communes: the commune's administrative code plus a local serial.
 * Must be called inside a write transaction.  out has room for 32 bytes. */
int db_new_uid(hd_db *db, char kind, char out[32], hd_err *err);

/* The commune's row (created by db_init_commune). */
int db_init_commune(hd_db *db, const char *code, const char *name,
                    const char *district, const char *province, hd_err *err);
int db_commune_code(hd_db *db, char out[16]);

/* Binding helpers: bind NULL for NULL / "" (text) or 0 ids. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
void db_bind_id(sqlite3_stmt *st, int i, int64_t id);
/* Column as a new string ("" for NULL). */
char *db_col_text(sqlite3_stmt *st, int i);

#endif
