/* schema.c — tables, indexes and triggers, one migration per schema version.
 *
 * Conventions: every record has an integer `id` (local to this database) and
 * a `uid` (stable across databases: commune code + kind + serial; see
 * db_new_uid), so that a district can merge its communes' files.  Editable
 * rows carry `version` (optimistic locking) and are archived, never deleted,
 * when history refers to them.  Names carry `fold` (search key) and
 * `sort_key` (Vietnamese order) computed in C on every write. */
#include "core/schema.h"

#include "core/db.h"

#include <stdlib.h>
#include <string.h>

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
#define STAMPS                                                            \
    "  archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),\n" \
    "  version    INTEGER NOT NULL DEFAULT 1,\n"                          \
    "  created_at TEXT NOT NULL DEFAULT (" NOW "),\n"                     \
    "  updated_at TEXT NOT NULL DEFAULT (" NOW ")\n"

static const char *const migration1[] = {
    "CREATE TABLE commune (\n"
    "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  code TEXT NOT NULL,\n"
    "  name TEXT NOT NULL,\n"
    "  district TEXT NOT NULL DEFAULT '',\n"
    "  province TEXT NOT NULL DEFAULT '',\n" STAMPS ");\n",

    "CREATE TABLE uid_serial (\n"
    "  kind TEXT PRIMARY KEY,\n"
    "  last INTEGER NOT NULL\n"
    ") WITHOUT ROWID;\n",

    "CREATE TABLE school (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  name TEXT NOT NULL CHECK (name <> ''),\n"
    "  fold TEXT NOT NULL,\n"
    "  search_key TEXT NOT NULL DEFAULT '',\n"
    "  sort_key TEXT NOT NULL,\n"
    "  levels TEXT NOT NULL DEFAULT '',\n"
    "  address TEXT NOT NULL DEFAULT '',\n" STAMPS ");\n",

    "CREATE TABLE village (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  name TEXT NOT NULL CHECK (name <> ''),\n"
    "  fold TEXT NOT NULL,\n"
    "  search_key TEXT NOT NULL DEFAULT '',\n"
    "  sort_key TEXT NOT NULL,\n"
    "  kind TEXT NOT NULL DEFAULT 'thon'\n"
    "    CHECK (kind IN ('thon','lang','buon','to_dan_pho','plei','ban')),\n"
    "  branch_name TEXT NOT NULL DEFAULT '',\n"
    "  branch_secretary TEXT NOT NULL DEFAULT '',\n" STAMPS ");\n",

    "CREATE TABLE household (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  village_id INTEGER NOT NULL REFERENCES village(id),\n"
    "  head_name TEXT NOT NULL CHECK (head_name <> ''),\n"
    "  fold TEXT NOT NULL,\n"
    "  search_key TEXT NOT NULL DEFAULT '',\n"
    "  sort_key TEXT NOT NULL,\n"
    "  address TEXT NOT NULL DEFAULT '',\n"
    "  phone TEXT NOT NULL DEFAULT '',\n"
    "  poverty TEXT NOT NULL DEFAULT 'none' CHECK (poverty IN ('none','poor','near_poor')),\n"
    "  ethnicity TEXT NOT NULL DEFAULT '',\n"
    "  ethnic_minority INTEGER NOT NULL DEFAULT 0 CHECK (ethnic_minority IN (0,1)),\n"
    "  notes TEXT NOT NULL DEFAULT '',\n" STAMPS ");\n",
    "CREATE INDEX household_village ON household(village_id, sort_key);\n",
    "CREATE INDEX household_sort ON household(sort_key);\n",
    "CREATE INDEX household_fold ON household(fold);\n",

    "CREATE TABLE child (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  household_id INTEGER REFERENCES household(id),\n"
    "  full_name TEXT NOT NULL CHECK (full_name <> ''),\n"
    "  fold TEXT NOT NULL,\n"
    "  search_key TEXT NOT NULL DEFAULT '',\n"
    "  sort_key TEXT NOT NULL,\n"
    "  sex TEXT NOT NULL CHECK (sex IN ('M','F')),\n"
    "  birth_year INTEGER NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),\n"
    "  birth_date TEXT CHECK (birth_date IS NULL OR birth_date GLOB\n"
    "    '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),\n"
    "  ethnicity TEXT NOT NULL DEFAULT '',\n"
    "  ethnic_minority INTEGER NOT NULL DEFAULT 0 CHECK (ethnic_minority IN (0,1)),\n"
    "  school_id INTEGER REFERENCES school(id),\n"
    "  level TEXT CHECK (level IS NULL OR level IN\n"
    "    ('primary','lower_secondary','upper_secondary','continuing')),\n"
    "  grade INTEGER CHECK (grade IS NULL OR grade BETWEEN 1 AND 12),\n"
    "  class_name TEXT NOT NULL DEFAULT '',\n"
    /* status/status_date mirror the latest child_status row (trigger below);
     * they exist so lists and counts need no subquery. */
    "  status TEXT NOT NULL DEFAULT 'enrolled',\n"
    "  status_date TEXT,\n"
    "  risk INTEGER NOT NULL DEFAULT 0,\n"
    "  risk_other TEXT NOT NULL DEFAULT '',\n"
    "  notes TEXT NOT NULL DEFAULT '',\n" STAMPS ");\n",
    /* covering for the per-village counts of the home screen */
    "CREATE INDEX child_household ON child(household_id, archived, status);\n",
    "CREATE INDEX child_sort ON child(sort_key);\n",
    /* covering indexes for the home screen's counts */
    "CREATE INDEX child_status_idx ON child(status, archived, level);\n",
    /* birth_year first: "archived = 0" alone must not lead the planner here
     * (it would walk every child instead of the few a search found) */
    "CREATE INDEX child_age ON child(birth_year, archived);\n",
    "CREATE INDEX child_match ON child(fold, birth_year);\n",

    /* The dated history of each child's status: any month's figures can be
     * recomputed from it.  Corrections add rows; nothing is rewritten. */
    "CREATE TABLE child_status (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  child_id INTEGER NOT NULL REFERENCES child(id),\n"
    "  status TEXT NOT NULL CHECK (status IN ('enrolled','at_risk','dropped_out',\n"
    "    'returned','transferred','moved_away','finished')),\n"
    "  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),\n"
    "  reason TEXT NOT NULL DEFAULT '',\n"
    "  source TEXT NOT NULL DEFAULT 'manual',\n"
    "  created_by TEXT NOT NULL DEFAULT '',\n"
    "  created_at TEXT NOT NULL DEFAULT (" NOW ")\n"
    ");\n",
    /* status included: "status on date D" reads the index alone */
    "CREATE INDEX child_status_child ON child_status(child_id, date, id, status);\n",
    /* status first: "dropouts in this period" reads only dropouts */
    "CREATE INDEX child_status_date ON child_status(status, date);\n",
    /* Only an entry that is now the latest changes the cached status; the
     * version moves so that an open form sees the change. */
    "CREATE TRIGGER child_status_current AFTER INSERT ON child_status\n"
    "  WHEN NOT EXISTS (SELECT 1 FROM child_status s WHERE s.child_id = new.child_id\n"
    "                   AND (s.date > new.date OR (s.date = new.date AND s.id > new.id)))\n"
    "   AND EXISTS (SELECT 1 FROM child c WHERE c.id = new.child_id\n"
    "               AND (c.status IS NOT new.status OR c.status_date IS NOT new.date))\n"
    "BEGIN\n"
    "  UPDATE child SET status = new.status, status_date = new.date,\n"
    "    version = version + 1, updated_at = " NOW "\n"
    "   WHERE id = new.child_id;\n"
    "END;\n",
    /* Children in school on a date (the start-of-year base of the dropout
     * rate) cost a look at every child's history; kept here once computed,
     * and forgotten when a history entry at or before that date arrives or a
     * child's level changes.  level '*' marks a complete computation. */
    "CREATE TABLE enrolled_asof (\n"
    "  as_of TEXT NOT NULL,\n"
    "  level TEXT NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"
    "  PRIMARY KEY (as_of, level)\n"
    ") WITHOUT ROWID;\n",
    "CREATE TRIGGER enrolled_asof_history AFTER INSERT ON child_status\n"
    "  WHEN new.date <= (SELECT max(as_of) FROM enrolled_asof) BEGIN\n"
    "  DELETE FROM enrolled_asof WHERE as_of >= new.date;\n"
    "END;\n",
    "CREATE TRIGGER enrolled_asof_child AFTER UPDATE OF level, archived ON child\n"
    "  WHEN old.level IS NOT new.level OR old.archived IS NOT new.archived BEGIN\n"
    "  DELETE FROM enrolled_asof;\n"
    "END;\n",
    "CREATE TRIGGER child_status_append_only BEFORE UPDATE ON child_status BEGIN\n"
    "  SELECT RAISE(ABORT, 'the status history is append-only');\n"
    "END;\n",
    "CREATE TRIGGER child_status_no_delete BEFORE DELETE ON child_status BEGIN\n"
    "  SELECT RAISE(ABORT, 'the status history is append-only');\n"
    "END;\n",

    "CREATE TABLE member (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  full_name TEXT NOT NULL CHECK (full_name <> ''),\n"
    "  fold TEXT NOT NULL,\n"
    "  search_key TEXT NOT NULL DEFAULT '',\n"
    "  sort_key TEXT NOT NULL,\n"
    "  org TEXT NOT NULL DEFAULT 'commune' CHECK (org IN ('commune','school','front',\n"
    "    'youth','women','farmers','veterans','study_promotion','other')),\n"
    "  committee_role TEXT NOT NULL DEFAULT 'member'\n"
    "    CHECK (committee_role IN ('chair','vice_chair','secretary','member')),\n"
    "  village_id INTEGER REFERENCES village(id),\n"
    "  school_id INTEGER REFERENCES school(id),\n"
    "  phone TEXT NOT NULL DEFAULT '',\n"
    "  login TEXT UNIQUE,\n" STAMPS ");\n",
    "CREATE INDEX member_sort ON member(sort_key);\n",

    /* Append-only log of every change, written by triggers. */
    "CREATE TABLE audit (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  at TEXT NOT NULL DEFAULT (" NOW "),\n"
    "  actor TEXT NOT NULL,\n"
    "  tbl TEXT NOT NULL,\n"
    "  row_uid TEXT NOT NULL,\n"
    "  action TEXT NOT NULL CHECK (action IN ('insert','update','delete')),\n"
    "  field TEXT,\n"
    "  old TEXT,\n"
    "  new TEXT\n"
    ");\n",
    "CREATE INDEX audit_row ON audit(row_uid, id);\n",
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN\n"
    "  SELECT RAISE(ABORT, 'the audit log cannot be changed');\n"
    "END;\n",
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN\n"
    "  SELECT RAISE(ABORT, 'the audit log cannot be changed');\n"
    "END;\n",

    /* Accent-insensitive search: every word of every folded name, with the
     * record it belongs to (ref = id * 4 + kind).  A prefix query is a range
     * scan of the primary key.  (FTS5 would not fold đ, and flushes its index
     * at every statement, which made imports ten times slower.) */
    "CREATE TABLE search_word (\n"
    "  word TEXT NOT NULL,\n"
    "  ref INTEGER NOT NULL,\n"
    "  PRIMARY KEY (word, ref)\n"
    ") WITHOUT ROWID;\n",
};

/* Tables whose rows are audited field by field, with the columns compared.
 * Derived columns (fold, sort_key, version, timestamps) are left out. */
typedef struct audited_table {
    const char *name;
    const char *columns;   /* space-separated */
} audited_table;

static const audited_table audited1[] = {
    {"commune", "code name district province archived"},
    {"school", "name levels address archived"},
    {"village", "name kind branch_name branch_secretary archived"},
    {"household", "village_id head_name address phone poverty ethnicity "
                  "ethnic_minority notes archived"},
    {"child", "household_id full_name sex birth_year birth_date ethnicity "
              "ethnic_minority school_id level grade class_name risk risk_other "
              "notes archived"},
    {"child_status", "child_id status date reason source"},
    {"member", "full_name org committee_role village_id school_id phone login archived"},
};

/* The FTS index follows the name columns. */
typedef struct indexed_table {
    const char *name;
    int kind;
} indexed_table;

static const indexed_table indexed1[] = {
    {"child", 0}, {"household", 1}, {"member", 2}, {"village", 3},
};

static void add_audit_triggers(strbuf *sb, const audited_table *t)
{
    /* insert: one row naming the new record.  Its first values need no
     * copy: they are the record's values now, or the `old` of the first
     * update of each field. */
    sb_addf(sb, "CREATE TRIGGER %s_audit_insert AFTER INSERT ON %s WHEN hd_bulk() = 0\n"
                "BEGIN\n"
                "  INSERT INTO audit(actor, tbl, row_uid, action)\n"
                "  VALUES (hd_actor(), '%s', new.uid, 'insert');\nEND;\n",
            t->name, t->name, t->name);

    /* update: one row per changed column.  OF <columns>: an UPDATE that
     * sets only derived columns (the cached status, the version) does not
     * even start this trigger. */
    char *of = xstrdup(t->columns);
    for (char *p = of; *p; p++)
        if (*p == ' ')
            *p = ',';
    sb_addf(sb, "CREATE TRIGGER %s_audit_update AFTER UPDATE OF %s ON %s BEGIN\n"
                "  INSERT INTO audit(actor, tbl, row_uid, action, field, old, new)\n"
                "  SELECT hd_actor(), '%s', new.uid, 'update', f, o, n FROM (\n",
            t->name, of, t->name, t->name);
    free(of);
    char *cols = xstrdup(t->columns);
    int first = 1;
    for (char *c = strtok(cols, " "); c; c = strtok(NULL, " ")) {
        sb_addf(sb, "    %sSELECT '%s' AS f, old.%s AS o, new.%s AS n\n",
                first ? "" : "UNION ALL ", c, c, c);
        first = 0;
    }
    sb_add(sb, "  ) WHERE o IS NOT n;\nEND;\n");
    free(cols);

    sb_addf(sb, "CREATE TRIGGER %s_audit_delete AFTER DELETE ON %s BEGIN\n"
                "  INSERT INTO audit(actor, tbl, row_uid, action)\n"
                "  VALUES (hd_actor(), '%s', old.uid, 'delete');\nEND;\n",
            t->name, t->name, t->name);
}

/* The search key holds only letters, digits and single spaces
 * (text_search_key), so turning it into a JSON array of words is safe. */
#define WORDS(x) "json_each('[\"' || replace(" x ".search_key, ' ', '\",\"') || '\"]')"

static void add_search_triggers(strbuf *sb, const indexed_table *t)
{
    sb_addf(sb,
            "CREATE TRIGGER %s_search_insert AFTER INSERT ON %s WHEN hd_bulk() = 0\n"
            "BEGIN\n"
            "  INSERT OR IGNORE INTO search_word(word, ref)\n"
            "  SELECT value, new.id * 4 + %d FROM " WORDS("new") " WHERE value <> '';\n"
            "END;\n"
            /* deleted by (word, ref): the primary key, no second index */
            "CREATE TRIGGER %s_search_update AFTER UPDATE OF search_key ON %s\n"
            "  WHEN old.search_key IS NOT new.search_key BEGIN\n"
            "  DELETE FROM search_word WHERE ref = old.id * 4 + %d\n"
            "    AND word IN (SELECT value FROM " WORDS("old") ");\n"
            "  INSERT OR IGNORE INTO search_word(word, ref)\n"
            "  SELECT value, new.id * 4 + %d FROM " WORDS("new") " WHERE value <> '';\n"
            "END;\n"
            "CREATE TRIGGER %s_search_delete AFTER DELETE ON %s BEGIN\n"
            "  DELETE FROM search_word WHERE ref = old.id * 4 + %d\n"
            "    AND word IN (SELECT value FROM " WORDS("old") ");\n"
            "END;\n",
            t->name, t->name, t->kind, t->name, t->name, t->kind, t->kind, t->name, t->name,
            t->kind);
}

/* Keeps updated_at and version honest even for an UPDATE that forgets them. */
static void add_stamp_trigger(strbuf *sb, const char *table)
{
    sb_addf(sb,
            "CREATE TRIGGER %s_stamp AFTER UPDATE ON %s\n"
            "  WHEN new.version = old.version BEGIN\n"
            "  UPDATE %s SET version = old.version + 1, updated_at = %s\n"
            "   WHERE id = new.id;\n"
            "END;\n",
            table, table, table, NOW);
}

/* Bulk mode (see db_bulk_begin): the insert triggers above stand aside and
 * these statements write the same rows, set-wise, for every record added
 * since temp.bulk_mark was filled. */
char *schema_bulk_mark_sql(void)
{
    strbuf sb = {0};
    sb_add(&sb, "DELETE FROM temp.bulk_mark;\n");
    for (size_t i = 0; i < HD_ARRAY_LEN(audited1); i++)
        sb_addf(&sb, "INSERT INTO temp.bulk_mark VALUES ('%s', (SELECT coalesce(max(id), 0)"
                     " FROM %s));\n", audited1[i].name, audited1[i].name);
    return sb_detach(&sb);
}

char *schema_bulk_catchup_sql(void)
{
    strbuf sb = {0};
    /* first the pending first history entries, so that they are audited */
    sb_add(&sb, BULK_FIRST_ENTRY_SQL
                " AND id > (SELECT max_id FROM temp.bulk_mark WHERE tbl = 'child')"
                " ORDER BY id;\n");
    for (size_t i = 0; i < HD_ARRAY_LEN(audited1); i++)
        sb_addf(&sb, "INSERT INTO audit(actor, tbl, row_uid, action)"
                     " SELECT hd_actor(), '%s', uid, 'insert' FROM %s"
                     " WHERE id > (SELECT max_id FROM temp.bulk_mark WHERE tbl = '%s')"
                     " ORDER BY id;\n",
                audited1[i].name, audited1[i].name, audited1[i].name);
    for (size_t i = 0; i < HD_ARRAY_LEN(indexed1); i++)
        sb_addf(&sb, "INSERT OR IGNORE INTO search_word(word, ref)"
                     " SELECT j.value, t.id * 4 + %d FROM %s t, " WORDS("t") " j"
                     " WHERE t.id > (SELECT max_id FROM temp.bulk_mark WHERE tbl = '%s')"
                     " AND j.value <> '';\n",
                indexed1[i].kind, indexed1[i].name, indexed1[i].name);
    return sb_detach(&sb);
}

int schema_latest(void)
{
    return 1;
}

char *schema_migration_sql(int n)
{
    strbuf sb = {0};
    if (n == 1) {
        for (size_t i = 0; i < HD_ARRAY_LEN(migration1); i++)
            sb_add(&sb, migration1[i]);
        for (size_t i = 0; i < HD_ARRAY_LEN(audited1); i++) {
            add_audit_triggers(&sb, &audited1[i]);
            if (strcmp(audited1[i].name, "child_status") != 0)
                add_stamp_trigger(&sb, audited1[i].name);
        }
        for (size_t i = 0; i < HD_ARRAY_LEN(indexed1); i++)
            add_search_triggers(&sb, &indexed1[i]);
    }
    return sb_detach(&sb);
}
