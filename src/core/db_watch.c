/* db_watch.c — noticing that another user has saved. */
#include "core/db.h"

long long db_data_version(hd_db *db)
{
    sqlite3_stmt *st = db_prepare(db, "PRAGMA data_version");
    long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    db_finish(db, st);
    return v;
}
