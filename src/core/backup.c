/* backup.c — online backups, automatic rotation, checking and restoring. */
#include "core/backup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/schema.h"

/* Why an SQLite call failed, in the words db_fail uses (same messages, so
 * the same translations). */
static const char *sql_why(int rc, sqlite3 *s)
{
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return _("the database is busy (another user is saving); nothing was saved, try again");
    case SQLITE_FULL:
        return _("the disk is full; nothing was saved");
    case SQLITE_READONLY:
        return _("the database is read-only (check the file's permissions); nothing was saved");
    case SQLITE_CANTOPEN:
        return _("the database file cannot be opened (missing folder or no permission)");
    case SQLITE_IOERR:
        return _("a disk error occurred; nothing was saved");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return _("the file is not a valid huydong database (run 'huydong check')");
    default:
        return s ? sqlite3_errmsg(s) : sqlite3_errstr(rc);
    }
}

/* Copies src into dst.  One step of every page: with the source in WAL mode
 * that reads one snapshot and never blocks writers, whereas copying in
 * chunks restarts whenever another user commits between two chunks, so a
 * busy commune's backup might never finish.  Busy only while a writer
 * checkpoints or (restore) holds the destination: wait a little and retry. */
static int copy_db(sqlite3 *dst, sqlite3 *src)
{
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b)
        return sqlite3_extended_errcode(dst);
    int rc;
    for (int tries = 0;; tries++) {
        rc = sqlite3_backup_step(b, -1);
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries >= 100)
            break;
        sqlite3_sleep(50);
    }
    int frc = sqlite3_backup_finish(b);
    return rc == SQLITE_DONE ? frc : rc;
}

/* fsync of a file or a folder, so that a renamed backup survives a crash. */
static int sync_path(const char *path, int dir)
{
    int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

/* Writes the copy into tmp: the backup's own journal mode is DELETE, so the
 * file stands alone (no -wal beside it) wherever it is copied. */
static int write_copy(hd_db *db, const char *tmp, const char *path, hd_err *err)
{
    sqlite3 *dst = NULL;
    int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK)
        rc = copy_db(dst, db_sql(db));
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        hd_fail(err, _("%s: the backup was not made: %s"), path, sql_why(rc, dst));
    if (sqlite3_close(dst) != SQLITE_OK && rc == SQLITE_OK)
        rc = hd_fail(err, _("%s: the backup was not made: %s"), path, sqlite3_errmsg(dst));
    return rc == SQLITE_OK ? 0 : -1;
}

int backup_to(hd_db *db, const char *path, hd_err *err)
{
    char *tmp = xasprintf("%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        hd_fail(err, _("%s: the backup was not made: %s"), path, strerror(errno));
        free(tmp);
        return -1;
    }
    /* mkstemp makes it 0600: the group that shares the database must be
     * able to read, restore and rotate it, as the umask allows (007) */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask); /* best effort: the copy is good either way */
    close(fd);
    int rc = write_copy(db, tmp, path, err);
    if (rc == 0 && (sync_path(tmp, 0) < 0 || rename(tmp, path) < 0))
        rc = hd_fail(err, _("%s: the backup was not made: %s"), path, strerror(errno));
    if (rc < 0) {
        unlink(tmp);
    } else {
        char *dir = folder_of(path);
        sync_path(dir, 1); /* best effort: some file systems refuse it */
        free(dir);
    }
    free(tmp);
    return rc;
}

/* mkdir -p */
static int make_dirs(const char *dir, hd_err *err)
{
    char *p = xstrdup(dir);
    int rc = 0;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char c = *s;
        *s = '\0';
        if (mkdir(p, 0770) < 0 && errno != EEXIST) /* the umask may narrow it */
            rc = hd_fail(err, _("%s: cannot create the backup folder: %s"), p, strerror(errno));
        *s = c;
        if (rc < 0 || c == '\0')
            break;
    }
    free(p);
    return rc;
}

typedef struct backup_file {
    char *path;
    struct timespec mtime;
} backup_file;

static int older_first(const void *a, const void *b)
{
    const backup_file *x = a, *y = b;
    if (x->mtime.tv_sec != y->mtime.tv_sec)
        return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
    if (x->mtime.tv_nsec != y->mtime.tv_nsec)
        return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
    return strcmp(x->path, y->path);
}

static int is_auto_name(const char *n)
{
    size_t len = strlen(n);
    return strncmp(n, "huydong-", 8) == 0 && len > 11 && strcmp(n + len - 3, ".db") == 0;
}

/* Deletes the oldest automatic backups in dir beyond keep (by time, then
 * name: several can be made in the same second). */
static void rotate(const char *dir, int keep)
{
    DIR *d = keep > 0 ? opendir(dir) : NULL;
    if (!d)
        return;
    backup_file *f = NULL;
    size_t n = 0;
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        struct stat sb;
        char *p = xasprintf("%s/%s", dir, e->d_name);
        if (!is_auto_name(e->d_name) || stat(p, &sb) < 0 || !S_ISREG(sb.st_mode)) {
            free(p);
            continue;
        }
        f = xreallocarray(f, n + 1, sizeof *f);
        f[n++] = (backup_file){p, sb.st_mtim};
    }
    closedir(d);
    qsort(f, n, sizeof *f, older_first);
    for (size_t i = 0; i < n; i++) {
        if (i + (size_t)keep < n)
            unlink(f[i].path);
        free(f[i].path);
    }
    free(f);
}

/* A relative dir is relative to the database's folder: the backups stay
 * beside the data whatever folder a user starts the program from. */
static char *resolve_dir(const char *db_file, const char *dir)
{
    if (dir[0] == '/')
        return xstrdup(dir);
    char *base = folder_of(db_file);
    char *p = xasprintf("%s/%s", base, dir);
    free(base);
    return p;
}

char *backup_auto(hd_db *db, const char *dir, int keep, const char *why, hd_err *err)
{
    char *folder = resolve_dir(db_path(db), dir);
    if (make_dirs(folder, err) < 0) {
        free(folder);
        return NULL;
    }
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime_r(&now, &tm));
    char *path = xasprintf("%s/huydong-%s-%s.db", folder, stamp, why);
    for (int i = 2; access(path, F_OK) == 0; i++) {
        free(path);
        path = xasprintf("%s/huydong-%s-%s-%d.db", folder, stamp, why, i);
    }
    if (backup_to(db, path, err) < 0) {
        free(path);
        path = NULL;
    } else {
        rotate(folder, keep);
    }
    free(folder);
    return path;
}

static char policy_dir[4096];
static int policy_keep;

void backup_policy_set(const char *dir, int keep)
{
    snprintf(policy_dir, sizeof policy_dir, "%s", dir ? dir : "");
    policy_keep = keep;
}

int backup_before(hd_db *db, const char *why, hd_err *err)
{
    if (!policy_dir[0])
        return 0;
    hd_err inner;
    char *p = backup_auto(db, policy_dir, policy_keep, why, &inner);
    if (!p)
        return hd_fail(err, _("the automatic backup failed, so nothing was changed: %s"),
                       inner.msg);
    free(p);
    return 0;
}

/* The first column of sql's first row as text into out; the SQLite code of
 * the step (SQLITE_ROW when there was a row). */
static int first_text(sqlite3 *s, const char *sql, char *out, size_t n)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s, sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && out) {
        const unsigned char *t = sqlite3_column_text(st, 0);
        snprintf(out, n, "%s", t ? (const char *)t : "");
    }
    sqlite3_finalize(st);
    return rc;
}

/* The checks, in the order a user can act on: is it ours, is it whole, is
 * it this commune's.  Integrity before anything else is read. */
static int check_open(sqlite3 *s, const char *path, const char *code, hd_backup_info *info,
                      hd_err *err)
{
    char v[256];
    int rc = first_text(s, "PRAGMA user_version", v, sizeof v);
    if (rc != SQLITE_ROW)
        return hd_fail(err, "%s: %s", path, sql_why(rc, s));
    info->schema = atoi(v);
    if (info->schema <= 0)
        return hd_fail(err, _("%s: not a huydong database"), path);
    if (info->schema > schema_latest())
        return hd_fail(err, _("%s: made by a newer huydong (schema %d, this one knows %d)"),
                       path, info->schema, schema_latest());
    rc = first_text(s, "PRAGMA integrity_check", v, sizeof v);
    for (char *c = v; *c; c++) /* one line for the message */
        if (*c == '\n')
            *c = ' ';
    if (rc != SQLITE_ROW || strcmp(v, "ok") != 0)
        return hd_fail(err, _("%s: the file is damaged: %s"), path,
                       rc == SQLITE_ROW ? v : sql_why(rc, s));
    rc = first_text(s, "SELECT count(*) FROM pragma_foreign_key_check", v, sizeof v);
    if (rc != SQLITE_ROW || strcmp(v, "0") != 0)
        return hd_fail(err, _("%s: the file is damaged: %s"), path,
                       rc == SQLITE_ROW ? _("records refer to missing records") : sql_why(rc, s));
    if (first_text(s, "SELECT code FROM commune WHERE id = 1", info->code,
                   sizeof info->code) != SQLITE_ROW ||
        first_text(s, "SELECT name FROM commune WHERE id = 1", info->name,
                   sizeof info->name) != SQLITE_ROW)
        return hd_fail(err, _("%s: the database has no commune"), path);
    if (code && *code && strcmp(code, info->code) != 0)
        return hd_fail(err, _("%s: belongs to commune %s (%s), not to this commune %s"), path,
                       info->code, info->name, code);
    rc = first_text(s, "SELECT count(*) FROM child", v, sizeof v);
    info->children = rc == SQLITE_ROW ? atol(v) : 0;
    return 0;
}

int backup_check(const char *path, const char *expected_code, hd_backup_info *info,
                 hd_err *err)
{
    memset(info, 0, sizeof *info);
    /* The header first: SQLite opens anything lazily, and a clear "not a
     * database" beats the error of the first query. */
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return hd_fail(err, _("%s: cannot open: %s"), path, strerror(errno));
    char head[16] = {0};
    size_t got = fread(head, 1, sizeof head, fp);
    fclose(fp);
    if (got != sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
        return hd_fail(err, _("%s: not a huydong database"), path);
    sqlite3 *s = NULL;
    int rc = sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY, NULL);
    if (rc != SQLITE_OK) {
        hd_fail(err, "%s: %s", path, sql_why(rc, s));
    } else {
        sqlite3_extended_result_codes(s, 1);
        rc = check_open(s, path, expected_code, info, err) == 0 ? SQLITE_OK : SQLITE_ERROR;
    }
    sqlite3_close(s);
    return rc == SQLITE_OK ? 0 : -1;
}

/* The copy into the live database: the backup API writes every page inside
 * one write transaction of db's connection, so it commits whole or not at
 * all, and other connections see the change like any other commit. */
static int copy_into(hd_db *db, const char *backup_path, hd_err *err)
{
    sqlite3 *src = NULL;
    int rc = sqlite3_open_v2(backup_path, &src, SQLITE_OPEN_READONLY, NULL);
    if (rc == SQLITE_OK)
        rc = copy_db(db_sql(db), src);
    if (rc != SQLITE_OK)
        hd_fail(err, _("%s: the database was not restored: %s"), db_path(db),
                sql_why(rc, db_sql(db)));
    sqlite3_close(src);
    return rc == SQLITE_OK ? 0 : -1;
}

int restore_from(const char *db_file, const char *backup_path, const char *actor,
                 const char *dir, int keep, char **saved, hd_err *err)
{
    if (saved)
        *saved = NULL;
    hd_db *db = db_open(db_file, actor, 0, err);
    if (!db)
        return -1;
    char code[16] = "";
    db_commune_code(db, code);
    hd_backup_info info;
    char *before = NULL;
    int rc = backup_check(backup_path, code, &info, err);
    if (rc == 0) {
        before = backup_auto(db, dir, keep, "before-restore", err);
        rc = before ? copy_into(db, backup_path, err) : -1;
    }
    db_close(db);
    db = NULL;
    /* Reopening migrates a backup made by an older version. */
    if (rc == 0 && (db = db_open(db_file, actor, 0, err)) == NULL)
        rc = -1;
    db_close(db);
    if (saved)
        *saved = before;
    else
        free(before);
    return rc;
}
