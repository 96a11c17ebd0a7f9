/* backup.h — copies of the database while others keep working, automatic
 * copies before risky operations, and restoring one.
 *
 * Copies use SQLite's online backup API: in WAL mode the copy reads one
 * consistent snapshot without blocking writers.  A copy is written to a
 * temporary file in the target folder, synced, then renamed into place, so a
 * backup file is never half-written.  A restore checks the file first, takes
 * a backup of the current database, then copies the file into the live
 * database inside one write transaction: other users' open connections see
 * either the old or the new database, never a mix. */
#ifndef HD_BACKUP_H
#define HD_BACKUP_H

#include "core/db.h"

/* Copies the database into path (replaced when it exists).  0 or -1. */
int backup_to(hd_db *db, const char *path, hd_err *err);

/* Writes DIR/huydong-YYYYMMDD-HHMMSS-WHY.db (DIR created when missing; a
 * relative dir is relative to the database's folder), then deletes the
 * oldest automatic backups beyond keep (0 keeps all).  Returns the new
 * file's path (caller frees) or NULL with err set. */
char *backup_auto(hd_db *db, const char *dir, int keep, const char *why, hd_err *err);

/* The automatic backup the importer takes (import.c does not see the
 * configuration): set once by the front end; until then backup_before
 * does nothing, so library users and unit tests take no backups. */
void backup_policy_set(const char *dir, int keep);
/* backup_auto with the policy set above; 0 when none is set. */
int backup_before(hd_db *db, const char *why, hd_err *err);

/* What backup_check found in a good file. */
typedef struct hd_backup_info {
    char code[16];    /* the commune's administrative code */
    char name[128];   /* and name */
    int schema;       /* schema version */
    long children;    /* number of children, to show what it holds */
} hd_backup_info;

/* Opens path read-only and checks that it is a huydong database this
 * program can use: a SQLite file, integrity and foreign keys ok, a known
 * schema version, the commune row present and, when expected_code is not
 * NULL or "", that commune.  0 (info filled) or -1 with the reason. */
int backup_check(const char *path, const char *expected_code, hd_backup_info *info,
                 hd_err *err);

/* Replaces the database at db_path with backup_path, after checking it (the
 * commune must be the database's own) and taking an automatic backup
 * ("before-restore") into dir/keep; *saved (when not NULL) gets that
 * backup's path.  Nothing is changed on failure. */
int restore_from(const char *db_path, const char *backup_path, const char *actor,
                 const char *dir, int keep, char **saved, hd_err *err);

#endif
