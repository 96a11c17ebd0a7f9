/* schema.c — tables, indexes and triggers, one migration per schema version.
 *
 * Conventions: every record has an integer `id` (local to this database) and
 * a `uid` (stable across databases: commune code + kind + serial; see
 * db_new_uid), so that a district can merge its communes' files.  Editable
 * rows carry `version` (optimistic locking) and are archived, never deleted,
 * when history refers to them.  Names carry `fold` (search key) and
 * `sort_key` (Vietnamese order) computed in C on every write.
 *
 * A released migration is never edited: databases in the communes already
 * ran it.  Every change to the schema is a new migration at the end. */
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

/* Case work (casework.h): assignments, commitments, home visits, reports.
 * Dates are ISO text like the status history's. */
#define ISO_DATE(c) "(" c " GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"

static const char *const migration2[] = {
    /* Who looks after what: a household (lead or support), a child (sponsor)
     * or a village for a season.  Rows are never deleted: a reassignment
     * ends the old row (end_date, end_reason) and adds a new one, so the
     * history says who, from when, until when and why.  An open row has no
     * end_date. */
    "CREATE TABLE assignment (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  member_id INTEGER NOT NULL REFERENCES member(id),\n"
    "  household_id INTEGER REFERENCES household(id),\n"
    "  child_id INTEGER REFERENCES child(id),\n"
    "  village_id INTEGER REFERENCES village(id),\n"
    "  role TEXT NOT NULL CHECK (role IN ('lead','support','sponsor','season')),\n"
    "  season TEXT CHECK (season IS NULL OR season IN ('rainy','harvest','summer','august')),\n"
    "  start_date TEXT NOT NULL CHECK " ISO_DATE("start_date") ",\n"
    "  end_date TEXT CHECK (end_date IS NULL OR (" ISO_DATE("end_date")
    " AND end_date >= start_date)),\n"
    "  reason TEXT NOT NULL DEFAULT '',\n"
    "  end_reason TEXT NOT NULL DEFAULT '',\n" STAMPS ",\n"
    "  CHECK ((household_id IS NOT NULL) + (child_id IS NOT NULL)"
    " + (village_id IS NOT NULL) = 1),\n"
    "  CHECK ((household_id IS NOT NULL) = (role IN ('lead','support'))),\n"
    "  CHECK ((child_id IS NOT NULL) = (role = 'sponsor')),\n"
    "  CHECK ((village_id IS NOT NULL) = (role = 'season')),\n"
    "  CHECK ((season IS NOT NULL) = (role = 'season'))\n"
    ");\n",
    /* end_date NULL sorts first: "open rows of X" and "history of X" both
     * read one of these. */
    "CREATE INDEX assignment_household ON assignment(household_id, end_date)"
    " WHERE household_id IS NOT NULL;\n",
    "CREATE INDEX assignment_child ON assignment(child_id, end_date)"
    " WHERE child_id IS NOT NULL;\n",
    "CREATE INDEX assignment_village ON assignment(village_id, start_date)"
    " WHERE village_id IS NOT NULL;\n",
    "CREATE INDEX assignment_member ON assignment(member_id, end_date);\n",
    "CREATE UNIQUE INDEX assignment_one_lead ON assignment(household_id)"
    " WHERE role = 'lead' AND end_date IS NULL;\n",
    "CREATE UNIQUE INDEX assignment_one_sponsor ON assignment(child_id)"
    " WHERE role = 'sponsor' AND end_date IS NULL;\n",

    /* The due list's children at risk, read from the index alone: without
     * it each of 8,000 at-risk rows of a district costs a page of child. */
    "CREATE INDEX child_casework ON child(status, archived, household_id, status_date);\n",

    "CREATE TABLE visit (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  household_id INTEGER NOT NULL REFERENCES household(id),\n"
    "  date TEXT NOT NULL CHECK " ISO_DATE("date") ",\n"
    "  purpose TEXT NOT NULL DEFAULT '',\n"
    "  outcome TEXT NOT NULL CHECK (outcome IN\n"
    "    ('returned','promised','refused','not_home','away')),\n"
    "  notes TEXT NOT NULL DEFAULT '',\n"
    /* bit set of hd_support, in the order of that vocabulary */
    "  support INTEGER NOT NULL DEFAULT 0 CHECK (support BETWEEN 0 AND 31),\n"
    "  next_followup TEXT CHECK (next_followup IS NULL OR (" ISO_DATE("next_followup")
    " AND next_followup >= date)),\n" STAMPS ");\n",
    "CREATE INDEX visit_household ON visit(household_id, date, id);\n",
    "CREATE INDEX visit_date ON visit(date);\n",
    /* Who went and which children it was about.  Written with the visit in
     * one transaction and never changed (the triggers below), so the
     * visit's own audit row covers them, as an insert's does its columns. */
    "CREATE TABLE visit_member (\n"
    "  visit_id INTEGER NOT NULL REFERENCES visit(id),\n"
    "  member_id INTEGER NOT NULL REFERENCES member(id),\n"
    "  PRIMARY KEY (visit_id, member_id)\n"
    ") WITHOUT ROWID;\n",
    "CREATE INDEX visit_member_member ON visit_member(member_id, visit_id);\n",
    "CREATE TABLE visit_child (\n"
    "  visit_id INTEGER NOT NULL REFERENCES visit(id),\n"
    "  child_id INTEGER NOT NULL REFERENCES child(id),\n"
    "  PRIMARY KEY (visit_id, child_id)\n"
    ") WITHOUT ROWID;\n",
    "CREATE INDEX visit_child_child ON visit_child(child_id, visit_id);\n",
    /* Each household's latest visit date and the follow-up it leaves: of
     * the visits that day, the one asking to come back soonest (two members
     * visiting the same day both keep theirs: one without a follow-up does
     * not cancel the other's), else the first recorded.  Kept by the
     * triggers below, so the due list reads follow-ups by date instead of
     * finding the latest of 300,000 visits each time.  Derived: not audited. */
    "CREATE TABLE visit_latest (\n"
    "  household_id INTEGER PRIMARY KEY REFERENCES household(id),\n"
    "  visit_id INTEGER NOT NULL UNIQUE REFERENCES visit(id),\n"
    "  date TEXT NOT NULL,\n"
    "  next_followup TEXT\n"
    ");\n",
    "CREATE INDEX visit_latest_followup ON visit_latest(next_followup)"
    " WHERE next_followup IS NOT NULL;\n",
    /* An archived household's follow-up is not due: it is kept empty here
     * while the household is archived, so the due list need not look. */
    "CREATE TRIGGER visit_latest_household AFTER UPDATE OF archived ON household\n"
    "  WHEN old.archived IS NOT new.archived BEGIN\n"
    "  UPDATE visit_latest SET next_followup = CASE WHEN new.archived THEN NULL\n"
    "    ELSE (SELECT v.next_followup FROM visit v WHERE v.id = visit_latest.visit_id) END\n"
    "   WHERE household_id = new.id;\n"
    "END;\n",
    "CREATE TRIGGER visit_latest_insert AFTER INSERT ON visit WHEN new.archived = 0 BEGIN\n"
    "  INSERT INTO visit_latest(household_id, visit_id, date, next_followup)\n"
    "  VALUES (new.household_id, new.id, new.date, new.next_followup)\n"
    "  ON CONFLICT(household_id) DO UPDATE SET visit_id = excluded.visit_id,\n"
    "    date = excluded.date, next_followup = excluded.next_followup\n"
    "  WHERE excluded.date > visit_latest.date\n"
    "     OR (excluded.date = visit_latest.date AND excluded.next_followup IS NOT NULL\n"
    "         AND (visit_latest.next_followup IS NULL\n"
    "              OR excluded.next_followup < visit_latest.next_followup));\n"
    "END;\n",
    /* A corrected or archived visit: the households concerned are worked out
     * again from their visits (rare; an index range each). */
    "CREATE TRIGGER visit_latest_update AFTER UPDATE OF household_id, date, next_followup,\n"
    "  archived ON visit BEGIN\n"
    "  DELETE FROM visit_latest WHERE household_id IN (old.household_id, new.household_id);\n"
    "  INSERT INTO visit_latest(household_id, visit_id, date, next_followup)\n"
    "  SELECT v.household_id, v.id, v.date, CASE WHEN h.archived THEN NULL\n"
    "    ELSE v.next_followup END FROM visit v JOIN household h ON h.id = v.household_id\n"
    "   WHERE v.household_id IN (old.household_id, new.household_id) AND v.archived = 0\n"
    "     AND NOT EXISTS (SELECT 1 FROM visit w WHERE w.household_id = v.household_id\n"
    "         AND w.archived = 0 AND (w.date > v.date OR (w.date = v.date AND (\n"
    "           (w.next_followup IS NOT NULL AND (v.next_followup IS NULL\n"
    "                                             OR w.next_followup < v.next_followup))\n"
    "           OR (w.next_followup IS v.next_followup AND w.id < v.id)))));\n"
    "END;\n",

    /* A written commitment between the family and the school/committee.
     * status/status_date mirror the latest commitment_event (as child's
     * status mirrors child_status). */
    "CREATE TABLE commitment (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  household_id INTEGER NOT NULL REFERENCES household(id),\n"
    "  child_id INTEGER REFERENCES child(id),\n"
    "  visit_id INTEGER REFERENCES visit(id),\n"
    "  signed_date TEXT NOT NULL CHECK " ISO_DATE("signed_date") ",\n"
    "  family_signer TEXT NOT NULL CHECK (family_signer <> ''),\n"
    "  school_signer TEXT NOT NULL CHECK (school_signer <> ''),\n"
    "  family_commits TEXT NOT NULL CHECK (family_commits <> ''),\n"
    "  school_commits TEXT NOT NULL DEFAULT '',\n"
    "  review_date TEXT CHECK (review_date IS NULL OR (" ISO_DATE("review_date")
    " AND review_date >= signed_date)),\n"
    "  status TEXT NOT NULL DEFAULT 'active'\n"
    "    CHECK (status IN ('active','kept','broken','withdrawn')),\n"
    "  status_date TEXT NOT NULL,\n" STAMPS ");\n",
    "CREATE INDEX commitment_household ON commitment(household_id, signed_date);\n",
    "CREATE INDEX commitment_review ON commitment(review_date)"
    " WHERE status = 'active' AND review_date IS NOT NULL;\n",
    "CREATE TABLE commitment_event (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  commitment_id INTEGER NOT NULL REFERENCES commitment(id),\n"
    "  status TEXT NOT NULL CHECK (status IN ('active','kept','broken','withdrawn')),\n"
    "  date TEXT NOT NULL CHECK " ISO_DATE("date") ",\n"
    "  note TEXT NOT NULL DEFAULT '',\n"
    "  created_by TEXT NOT NULL DEFAULT '',\n"
    "  created_at TEXT NOT NULL DEFAULT (" NOW ")\n"
    ");\n",
    "CREATE INDEX commitment_event_commitment ON commitment_event(commitment_id, id);\n",

    /* A report to the commune's number about a child not at school.  It is
     * answered by the first visit to the household (or about the child) or
     * assignment made on or after its date: casework.c fills handled_* when
     * either is saved. */
    "CREATE TABLE report (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  date TEXT NOT NULL CHECK " ISO_DATE("date") ",\n"
    "  reporter TEXT NOT NULL DEFAULT '',\n"
    "  household_id INTEGER REFERENCES household(id),\n"
    "  child_id INTEGER REFERENCES child(id),\n"
    "  text TEXT NOT NULL CHECK (text <> ''),\n"
    "  handled_date TEXT CHECK (handled_date IS NULL OR handled_date >= date),\n"
    "  visit_id INTEGER REFERENCES visit(id),\n"
    "  assignment_id INTEGER REFERENCES assignment(id),\n" STAMPS ",\n"
    "  CHECK (household_id IS NOT NULL OR child_id IS NOT NULL)\n"
    ");\n",
    "CREATE INDEX report_household ON report(household_id, date);\n",
    "CREATE INDEX report_child ON report(child_id, date);\n",
    "CREATE INDEX report_open ON report(date) WHERE handled_date IS NULL;\n",
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

/* Migration 2's audited tables.  Their inserts are not in the bulk
 * catch-up (schema_bulk_catchup_sql): case work is never bulk-loaded. */
static const audited_table audited2[] = {
    {"assignment", "member_id household_id child_id village_id role season start_date "
                   "end_date reason end_reason archived"},
    {"visit", "household_id date purpose outcome notes support next_followup archived"},
    {"commitment", "household_id child_id visit_id signed_date family_signer school_signer "
                   "family_commits school_commits review_date archived"},
    {"commitment_event", "commitment_id status date note"},
    {"report", "date reporter household_id child_id text handled_date visit_id "
               "assignment_id archived"},
};

/* Rows that are history: never changed nor deleted once written. */
static const char *const append_only2[] = {"commitment_event", "visit_member", "visit_child"};

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
    sb_add(&sb, "INSERT INTO temp.bulk_mark VALUES ('attendance', (SELECT coalesce(max(id), 0)"
                " FROM attendance));\n");
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
    /* attendance is bulk-loaded too (imports, the demo); warnings never */
    sb_add(&sb, "INSERT INTO audit(actor, tbl, row_uid, action)"
                " SELECT hd_actor(), 'attendance', uid, 'insert' FROM attendance"
                " WHERE id > (SELECT max_id FROM temp.bulk_mark WHERE tbl = 'attendance')"
                " ORDER BY id;\n");
    for (size_t i = 0; i < HD_ARRAY_LEN(indexed1); i++)
        sb_addf(&sb, "INSERT OR IGNORE INTO search_word(word, ref)"
                     " SELECT j.value, t.id * 4 + %d FROM %s t, " WORDS("t") " j"
                     " WHERE t.id > (SELECT max_id FROM temp.bulk_mark WHERE tbl = '%s')"
                     " AND j.value <> '';\n",
                indexed1[i].kind, indexed1[i].name, indexed1[i].name);
    return sb_detach(&sb);
}

static void add_append_only_triggers(strbuf *sb, const char *table)
{
    sb_addf(sb,
            "CREATE TRIGGER %s_append_only BEFORE UPDATE ON %s BEGIN\n"
            "  SELECT RAISE(ABORT, '%s is append-only');\nEND;\n"
            "CREATE TRIGGER %s_no_delete BEFORE DELETE ON %s BEGIN\n"
            "  SELECT RAISE(ABORT, '%s is append-only');\nEND;\n",
            table, table, table, table, table, table);
}

static void add_migration2(strbuf *sb)
{
    for (size_t i = 0; i < HD_ARRAY_LEN(migration2); i++)
        sb_add(sb, migration2[i]);
    for (size_t i = 0; i < HD_ARRAY_LEN(audited2); i++) {
        add_audit_triggers(sb, &audited2[i]);
        if (strcmp(audited2[i].name, "commitment_event") != 0)
            add_stamp_trigger(sb, audited2[i].name);
    }
    for (size_t i = 0; i < HD_ARRAY_LEN(append_only2); i++)
        add_append_only_triggers(sb, append_only2[i]);
}

/* Closed months (monthly.h): a month's figures and branch ratings frozen as
 * a snapshot, so that later corrections to the histories do not silently
 * change what the committee signed.  Closing again (with a reason) adds a
 * version and marks the previous one superseded: both are kept.  The figure
 * and rating rows are written with their snapshot in one transaction and
 * never changed, so the snapshot's audit row covers them. */
static const char *const migration3[] = {
    "CREATE TABLE month_snapshot (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),\n"
    "  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),\n"
    "  number INTEGER NOT NULL CHECK (number >= 1),\n"
    "  as_of TEXT NOT NULL CHECK " ISO_DATE("as_of") ",\n"
    "  closed_at TEXT NOT NULL DEFAULT (" NOW "),\n"
    "  closed_by TEXT NOT NULL,\n"
    "  reason TEXT NOT NULL DEFAULT '',\n"
    "  status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('closed','superseded')),\n"
    STAMPS ",\n"
    "  UNIQUE (year, month, number),\n"
    "  CHECK (number = 1 OR reason <> '')\n"
    ");\n",
    /* at most one version of a month is the one in force */
    "CREATE UNIQUE INDEX month_snapshot_closed ON month_snapshot(year, month)"
    " WHERE status = 'closed';\n",
    /* village_id 0 is the commune; level '*' all levels, 'minority' the
     * ethnic-minority children; value NULL for a rate with no denominator */
    "CREATE TABLE month_figure (\n"
    "  snapshot_id INTEGER NOT NULL REFERENCES month_snapshot(id),\n"
    "  village_id INTEGER NOT NULL,\n"
    "  level TEXT NOT NULL,\n"
    "  figure TEXT NOT NULL,\n"
    "  value REAL,\n"
    "  PRIMARY KEY (snapshot_id, village_id, level, figure)\n"
    ") WITHOUT ROWID;\n",
    /* the village's name and place in the list as they were when closed */
    "CREATE TABLE month_rating (\n"
    "  snapshot_id INTEGER NOT NULL REFERENCES month_snapshot(id),\n"
    "  village_id INTEGER NOT NULL,\n"
    "  seq INTEGER NOT NULL,\n"
    "  village_name TEXT NOT NULL,\n"
    "  rating INTEGER NOT NULL,\n"
    "  rating_name TEXT NOT NULL,\n"
    "  rules TEXT NOT NULL DEFAULT '',\n"
    "  PRIMARY KEY (snapshot_id, village_id)\n"
    ") WITHOUT ROWID;\n",
};

static const audited_table audited3[] = {
    {"month_snapshot", "year month number as_of closed_by reason status archived"},
};

static const char *const append_only3[] = {"month_figure", "month_rating"};

static void add_migration3(strbuf *sb)
{
    for (size_t i = 0; i < HD_ARRAY_LEN(migration3); i++)
        sb_add(sb, migration3[i]);
    for (size_t i = 0; i < HD_ARRAY_LEN(audited3); i++) {
        add_audit_triggers(sb, &audited3[i]);
        add_stamp_trigger(sb, audited3[i].name);
    }
    for (size_t i = 0; i < HD_ARRAY_LEN(append_only3); i++)
        add_append_only_triggers(sb, append_only3[i]);
}

/* Migration 4: the ministry's identifiers of a child, the education database's
 * pupil code ("Mã học sinh") and the personal identification number ("Số
 * định danh cá nhân"), by which a school's sheet is matched again.  A child
 * has at most one of each; a value belongs to one child.  Audited by its own
 * triggers, also in bulk mode (imports write them). */
static const char *const migration4[] = {
    "CREATE TABLE child_ident (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  child_id INTEGER NOT NULL REFERENCES child(id),\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('pupil_code','pid')),\n"
    "  value TEXT NOT NULL CHECK (value <> ''),\n"
    STAMPS ",\n"
    "  UNIQUE (kind, value),\n"
    "  UNIQUE (child_id, kind)\n"
    ");\n",
    "CREATE TRIGGER child_ident_audit_insert AFTER INSERT ON child_ident BEGIN\n"
    "  INSERT INTO audit(actor, tbl, row_uid, action, field, new)\n"
    "  VALUES (hd_actor(), 'child_ident', new.uid, 'insert', new.kind, new.value);\nEND;\n",
    "CREATE TRIGGER child_ident_audit_update AFTER UPDATE OF value, archived ON child_ident\n"
    "  BEGIN\n"
    "  INSERT INTO audit(actor, tbl, row_uid, action, field, old, new)\n"
    "  SELECT hd_actor(), 'child_ident', new.uid, 'update', f, o, n FROM (\n"
    "    SELECT 'value' AS f, old.value AS o, new.value AS n\n"
    "    UNION ALL SELECT 'archived', old.archived, new.archived\n"
    "  ) WHERE o IS NOT n;\nEND;\n",
    "CREATE TRIGGER child_ident_audit_delete AFTER DELETE ON child_ident BEGIN\n"
    "  INSERT INTO audit(actor, tbl, row_uid, action)\n"
    "  VALUES (hd_actor(), 'child_ident', old.uid, 'delete');\nEND;\n",
};

static void add_migration4(strbuf *sb)
{
    for (size_t i = 0; i < HD_ARRAY_LEN(migration4); i++)
        sb_add(sb, migration4[i]);
    add_stamp_trigger(sb, "child_ident");
}

/* Migration 5, users and roles (authz.h): a member with a login is a user of the
 * program, with a role saying what they may change; the commune row names
 * the shared Unix account whose SSH keys carry forced commands
 * (`huydong --user NAME`).  The two tables' audit triggers are generated
 * again with the new columns in their lists (migration 1's stay as they
 * were written; these replace them).  The committee's chair starts as the
 * program's chair, its vice-chairs and secretary as secretaries, audited as
 * the person whose program ran the migration. */
static const char *const migration5[] = {
    "ALTER TABLE member ADD COLUMN user_role TEXT NOT NULL DEFAULT 'member'\n"
    "  CHECK (user_role IN ('chair','secretary','member','viewer','disabled'));\n",
    "ALTER TABLE commune ADD COLUMN shared_account TEXT NOT NULL DEFAULT '';\n",
};

static const audited_table audited5[] = {
    {"commune", "code name district province shared_account archived"},
    {"member", "full_name org committee_role village_id school_id phone login user_role "
               "archived"},
};

/* Migration 6, attendance and early warning (attendance.h, warning.h).
 *
 * attendance: one row a pupil a month, as the school's monthly sheet gives
 * it.  Its uid is the child's plus the month ("24999-C17@2026-10"), stable
 * across communes as the child's is, and written set-wise by imports.
 * The CHECKs repeat what the core refuses with a message, so that no
 * path (an old client, a hand-made SQL) can store an impossible month.
 *
 * warning: a proposal of the early-warning rules to flag a child for a
 * month, with the rules that fired and their figures; the committee
 * confirms (the child's history gets an "at risk" entry) or dismisses it,
 * always with a reason.  One proposal a child a month. */
static const char *const migration6[] = {
    "CREATE TABLE attendance (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  child_id INTEGER NOT NULL REFERENCES child(id),\n"
    "  month TEXT NOT NULL CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),\n"
    "  school_days INTEGER NOT NULL CHECK (school_days BETWEEN 1 AND 31),\n"
    "  absent_excused INTEGER NOT NULL DEFAULT 0 CHECK (absent_excused >= 0),\n"
    "  absent_unexcused INTEGER NOT NULL DEFAULT 0 CHECK (absent_unexcused >= 0),\n"
    /* the longest run of school days absent in the month; NULL: not given */
    "  consecutive INTEGER CHECK (consecutive IS NULL OR consecutive >= 0),\n"
    /* the school marks the pupil as repeating the grade (lưu ban) this year */
    "  repeating INTEGER NOT NULL DEFAULT 0 CHECK (repeating IN (0,1)),\n"
    "  source TEXT NOT NULL DEFAULT 'manual',\n" STAMPS ",\n"
    "  CHECK (absent_excused + absent_unexcused <= school_days),\n"
    "  CHECK (consecutive IS NULL OR consecutive <= absent_excused + absent_unexcused),\n"
    "  UNIQUE (child_id, month)\n"
    ");\n",
    /* a month's rates read this index alone, then each child by rowid */
    "CREATE INDEX attendance_month ON attendance(month, child_id, school_days,"
    " absent_excused, absent_unexcused, archived);\n",

    "CREATE TABLE warning (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  child_id INTEGER NOT NULL REFERENCES child(id),\n"
    "  month TEXT NOT NULL CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),\n"
    "  score REAL NOT NULL,\n"
    /* the rules that fired, space-separated, and their figures as
     * rule=value;... (warning.c formats them in the reader's language) */
    "  rules TEXT NOT NULL CHECK (rules <> ''),\n"
    "  facts TEXT NOT NULL DEFAULT '',\n"
    "  status TEXT NOT NULL DEFAULT 'proposed'\n"
    "    CHECK (status IN ('proposed','confirmed','dismissed')),\n"
    "  decided_date TEXT CHECK (decided_date IS NULL OR " ISO_DATE("decided_date") "),\n"
    "  decided_by TEXT NOT NULL DEFAULT '',\n"
    "  reason TEXT NOT NULL DEFAULT '',\n" STAMPS ",\n"
    "  CHECK ((status = 'proposed') = (decided_date IS NULL)),\n"
    "  CHECK (status = 'proposed' OR reason <> ''),\n"
    "  UNIQUE (child_id, month)\n"
    ");\n",
    "CREATE INDEX warning_status ON warning(status, month);\n",
    /* The support register (support.h): each gift or aid to a child, from
     * whom, what, its value in đồng and its date. */
    "CREATE TABLE support (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  child_id INTEGER NOT NULL REFERENCES child(id),\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('scholarship','gift','books_clothes',\n"
    "    'fee_exemption','boarding')),\n"
    "  source TEXT NOT NULL CHECK (source <> ''),\n"
    "  what TEXT NOT NULL DEFAULT '',\n"
    "  value INTEGER NOT NULL DEFAULT 0 CHECK (value >= 0),\n"
    "  date TEXT NOT NULL CHECK " ISO_DATE("date") ",\n" STAMPS ");\n",
    "CREATE INDEX support_date ON support(date);\n",
    "CREATE INDEX support_child ON support(child_id, date);\n",
    /* Positions held in a household (positions.h): a bit set and who holds
     * them, beside the household row (released migrations stay as they are). */
    "CREATE TABLE household_position (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  household_id INTEGER NOT NULL UNIQUE REFERENCES household(id),\n"
    "  positions INTEGER NOT NULL DEFAULT 0 CHECK (positions BETWEEN 0 AND 31),\n"
    "  holder TEXT NOT NULL DEFAULT '',\n" STAMPS ",\n"
    "  CHECK (positions = 0 OR holder <> '')\n"
    ");\n",
    /* After grade 9 (leavers.h): each pupil leaving lower secondary, by
     * the school year they finished it in, with their path. */
    "CREATE TABLE leaver (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL UNIQUE,\n"
    "  child_id INTEGER NOT NULL REFERENCES child(id),\n"
    "  school_year INTEGER NOT NULL CHECK (school_year BETWEEN 1900 AND 2100),\n"
    "  path TEXT NOT NULL CHECK (path IN ('grade10','vocational','continuing','undecided',\n"
    "    'none')),\n"
    "  admitted INTEGER NOT NULL DEFAULT 0 CHECK (admitted IN (0,1)),\n"
    "  note TEXT NOT NULL DEFAULT '',\n" STAMPS ",\n"
    "  UNIQUE (child_id, school_year)\n"
    ");\n",
    "CREATE INDEX leaver_year ON leaver(school_year);\n",
};

static const audited_table audited6[] = {
    {"attendance", "child_id month school_days absent_excused absent_unexcused consecutive "
                   "repeating source archived"},
    {"warning", "child_id month score rules facts status decided_date decided_by reason "
                "archived"},
    {"support", "child_id kind source what value date archived"},
    {"household_position", "household_id positions holder archived"},
    {"leaver", "child_id school_year path admitted note archived"},
};

static void add_migration5(strbuf *sb)
{
    for (size_t i = 0; i < HD_ARRAY_LEN(migration5); i++)
        sb_add(sb, migration5[i]);
    for (size_t i = 0; i < HD_ARRAY_LEN(audited5); i++) {
        const char *t = audited5[i].name;
        sb_addf(sb, "DROP TRIGGER IF EXISTS %s_audit_insert;\n"
                    "DROP TRIGGER IF EXISTS %s_audit_update;\n"
                    "DROP TRIGGER IF EXISTS %s_audit_delete;\n", t, t, t);
        add_audit_triggers(sb, &audited5[i]);
    }
    sb_add(sb, "UPDATE member SET user_role = CASE committee_role WHEN 'chair' THEN 'chair'"
               " ELSE 'secretary' END WHERE committee_role IN ('chair','vice_chair','secretary');\n");
}

static void add_migration6(strbuf *sb)
{
    for (size_t i = 0; i < HD_ARRAY_LEN(migration6); i++)
        sb_add(sb, migration6[i]);
    for (size_t i = 0; i < HD_ARRAY_LEN(audited6); i++) {
        add_audit_triggers(sb, &audited6[i]);
        add_stamp_trigger(sb, audited6[i].name);
    }
}

int schema_latest(void)
{
    return 6;
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
    } else if (n == 2) {
        add_migration2(&sb);
    } else if (n == 3) {
        add_migration3(&sb);
    } else if (n == 4) {
        add_migration4(&sb);
    } else if (n == 5) {
        add_migration5(&sb);
    } else if (n == 6) {
        add_migration6(&sb);
    }
    return sb_detach(&sb);
}
