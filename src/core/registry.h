/* registry.h — the commune's records: schools, villages, households,
 * children (with their dated status history) and committee members.
 *
 * Each record struct owns its strings (free with the matching *_free).  An
 * insert fills id and uid; an update names the version it read and returns
 * HD_CONFLICT when the row changed since (the caller offers reload or keep).
 * Every write joins the caller's transaction or runs in its own
 * BEGIN IMMEDIATE (see db_write_begin).  Text is normalised to NFC and the
 * fold and sort keys are computed here, so no caller can forget them. */
#ifndef HD_REGISTRY_H
#define HD_REGISTRY_H

#include <stdint.h>

#include "core/db.h"
#include "core/model.h"

typedef struct hd_school {
    int64_t id;
    char uid[32];
    char *name;
    char *levels;   /* e.g. "primary,lower_secondary"; "" when unknown */
    char *address;
    int archived;
    int64_t version;
} hd_school;

typedef struct hd_village {
    int64_t id;
    char uid[32];
    char *name;
    int kind;               /* hd_village_kind */
    char *branch_name;      /* chi bộ */
    char *branch_secretary; /* bí thư chi bộ */
    int archived;
    int64_t version;
} hd_village;

typedef struct hd_household {
    int64_t id;
    char uid[32];
    int64_t village_id;
    char *head_name;
    char *address;
    char *phone;
    int poverty;            /* hd_poverty */
    char *ethnicity;        /* e.g. "Jrai", "Kinh" */
    int ethnic_minority;
    char *notes;
    int archived;
    int64_t version;
} hd_household;

typedef struct hd_child {
    int64_t id;
    char uid[32];
    int64_t household_id;   /* 0 = not yet linked to a household */
    char *full_name;
    int sex;                /* hd_sex */
    int birth_year;
    char birth_date[11];    /* ISO, "" when only the year is known */
    char *ethnicity;
    int ethnic_minority;
    int64_t school_id;      /* 0 = none */
    int level;              /* hd_level, -1 = none (not in school age yet) */
    int grade;              /* 1..12, 0 = none */
    char *class_name;
    int status;             /* hd_status: the latest history entry (read only) */
    char status_date[11];
    unsigned risk;          /* bit set of hd_risk */
    char *risk_other;       /* text for RISK_OTHER */
    char *notes;
    int archived;
    int64_t version;
} hd_child;

typedef struct hd_member {
    int64_t id;
    char uid[32];
    char *full_name;
    int org;                /* hd_org */
    int committee_role;     /* hd_committee_role */
    int64_t village_id;     /* 0 = none */
    int64_t school_id;      /* 0 = none */
    char *phone;
    char *login;            /* Unix login, "" = none */
    int archived;
    int64_t version;
} hd_member;

void school_free(hd_school *s);
void village_free(hd_village *v);
void household_free(hd_household *h);
void child_free(hd_child *c);
void member_free(hd_member *m);

int school_insert(hd_db *db, hd_school *s, hd_err *err);
int school_update(hd_db *db, hd_school *s, hd_err *err);
int school_get(hd_db *db, int64_t id, hd_school *s, hd_err *err);

int village_insert(hd_db *db, hd_village *v, hd_err *err);
int village_update(hd_db *db, hd_village *v, hd_err *err);
int village_get(hd_db *db, int64_t id, hd_village *v, hd_err *err);

int household_insert(hd_db *db, hd_household *h, hd_err *err);
int household_update(hd_db *db, hd_household *h, hd_err *err);
int household_get(hd_db *db, int64_t id, hd_household *h, hd_err *err);

/* A new child starts with one history entry: `status` on `since` (ISO date),
 * with the given reason and source. */
int child_insert(hd_db *db, hd_child *c, int status, const char *since, const char *reason,
                 const char *source, hd_err *err);
int child_update(hd_db *db, hd_child *c, hd_err *err);
int child_get(hd_db *db, int64_t id, hd_child *c, hd_err *err);

/* Adds a dated entry to the child's status history.  A reason is required for
 * every change after the first.  source: "manual", "import", "visit:UID"… */
int child_set_status(hd_db *db, int64_t child_id, int status, const char *date,
                     const char *reason, const char *source, hd_err *err);

/* One entry of a child's status history. */
typedef struct hd_status_entry {
    char uid[40];
    int status;          /* hd_status */
    char date[11];       /* ISO */
    char *reason;        /* owned */
    char *source;        /* "manual", "import", "visit:UID"… owned */
    char *created_by;    /* owned */
} hd_status_entry;

/* The child's history, oldest first; *out is owned by the caller (free
 * with status_entries_free).  Returns the count or -1. */
int child_history(hd_db *db, int64_t child_id, hd_status_entry **out, hd_err *err);
void status_entries_free(hd_status_entry *e, int n);

int member_insert(hd_db *db, hd_member *m, hd_err *err);
int member_update(hd_db *db, hd_member *m, hd_err *err);
int member_get(hd_db *db, int64_t id, hd_member *m, hd_err *err);

/* Archives (or restores) a record of one of the tables above, by id, checking
 * the version read.  table: "school", "village", "household", "child",
 * "member". */
int record_archive(hd_db *db, const char *table, int64_t id, int64_t version, int archived,
                   hd_err *err);

/* A Vietnamese phone number (9 to 12 digits, optional + . - spaces); ""
 * passes.  0 or -1 with the reason. */
int registry_check_phone(const char *s, hd_err *err);

/* The member whose Unix login this is (not archived), 0 when none. */
int64_t member_id_by_login(hd_db *db, const char *login);

/* id of the record with this stable key, 0 when none. */
int64_t record_id_by_uid(hd_db *db, const char *table, const char *uid);

/* Replaces *field by its NFC form, trimmed (NULL becomes ""); bad UTF-8 is
 * refused naming `what`.  For every text a record stores. */
int record_norm_text(char **field, const char *what, hd_err *err);

#endif
