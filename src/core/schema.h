/* schema.h — the database schema as a list of migrations keyed on
 * PRAGMA user_version, and the audit triggers generated from the list of
 * audited tables.  Used by db.c only. */
#ifndef HD_SCHEMA_H
#define HD_SCHEMA_H

#include "core/util.h"

/* Number of migrations; the schema version after all of them. */
int schema_latest(void);
/* SQL of migration n (1-based), including its audit triggers; caller frees. */
char *schema_migration_sql(int n);

/* Bulk mode: SQL that records each table's highest id in temp.bulk_mark,
 * and SQL that then writes the audit and search rows the insert triggers
 * skipped.  Caller frees. */
char *schema_bulk_mark_sql(void);
char *schema_bulk_catchup_sql(void);

#endif
