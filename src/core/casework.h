/* casework.h — case work: who looks after which at-risk household or child,
 * home visits and their follow-ups, the commitments families sign, the
 * reports the commune receives, and what is due.
 *
 * Same conventions as registry.h: record structs own their strings (free
 * with the matching *_free); an insert fills id and uid; a change names the
 * version it read and returns HD_CONFLICT when the row changed since; every
 * write joins the caller's transaction or runs in its own BEGIN IMMEDIATE,
 * and a refusal says why ("field: why") and saves nothing.  Dates in the
 * structs are ISO (yyyy-mm-dd), "" when absent; cw_date turns what a user
 * typed (dd/mm/yyyy) into one.  Lists come back as arrays the caller frees;
 * screens need no SQL.  The figures' definitions: docs/definitions.md. */
#ifndef HD_CASEWORK_H
#define HD_CASEWORK_H

#include <stdint.h>

#include "core/config.h"
#include "core/date.h"
#include "core/db.h"
#include "core/model.h"

/* Something falls due "soon" when its date is at most this many days away. */
#define CW_DUE_SOON_DAYS 7

/* The day the lists are computed for, and the configured intervals. */
typedef struct hd_cw_opts {
    hd_date today;
    int visit_interval_days;  /* casework.visit_interval_days */
    int report_response_days; /* casework.report_response_days */
    int soon_days;            /* CW_DUE_SOON_DAYS */
} hd_cw_opts;

/* today = date_today(); the intervals from cfg (the defaults when NULL). */
void cw_opts_init(hd_cw_opts *o, const hd_config *cfg);

/* Parses a date as typed (dd/mm/yyyy or ISO) into iso; "field: why" on
 * error.  NULL or "" gives "" (the caller decides whether it is required). */
int cw_date(const char *text, char iso[11], const char *field, hd_err *err);

/* The term of vocabulary v that text names (code or label, either language,
 * accents optional) into *out; "field: 'text' is not one of CODES" else. */
int cw_lookup(hd_vocab v, const char *text, const char *field, int *out, hd_err *err);

/* id of the case-work record with this stable key ("assignment", "visit",
 * "commitment", "report"); 0 when none. */
int64_t cw_id_by_uid(hd_db *db, const char *table, const char *uid);

/* A support set from text: codes or labels separated by commas
 * ("gift, 3 đủ").  "" is the empty set. */
int cw_support_parse(const char *text, unsigned *set, hd_err *err);
/* Labels of a support set, ", "-separated, in lang; "" for none.  Caller frees. */
char *cw_support_text(unsigned set, const char *lang);

/* ---- assignments (assign.c) ------------------------------------------------
 * A household has at most one open lead and any number of supporting
 * members; a child at most one open sponsor; a village any number of
 * members per season.  Adding a lead (or sponsor) where another is open is
 * a reassignment: the old row ends on the new one's start date with the new
 * one's reason, which is then required.  A supporting member who becomes the
 * lead has the support row ended the same way.  Archived members, households
 * and children cannot be assigned. */

typedef struct hd_assignment {
    int64_t id;
    char uid[32];
    int64_t member_id;
    int64_t household_id;   /* exactly one of household, child, village */
    int64_t child_id;
    int64_t village_id;
    int role;               /* hd_assign_role: LEAD/SUPPORT for a household,
                             * SPONSOR for a child, SEASON for a village */
    int season;             /* hd_season for a village; -1 otherwise */
    char start_date[11];    /* "" = today; not in the future except for seasons */
    char end_date[11];      /* "" = open; for a season, may be set in advance */
    char *reason;
    char *end_reason;
    int archived;
    int64_t version;
} hd_assignment;

void assignment_free(hd_assignment *a);
int assignment_add(hd_db *db, hd_assignment *a, hd_err *err);
int assignment_get(hd_db *db, int64_t id, hd_assignment *a, hd_err *err);
/* Ends an open assignment on date (ISO, "" = today) for reason (required). */
int assignment_end(hd_db *db, int64_t id, int64_t version, const char *date,
                   const char *reason, hd_err *err);

/* One assignment as the history lists show it. */
typedef struct hd_assign_row {
    int64_t id;
    char uid[32];
    char member_uid[32];
    char *member;           /* member's name */
    char target_uid[32];
    char *target;           /* head of household, child or village */
    int role, season;       /* season -1 unless SEASON */
    char start_date[11], end_date[11];
    char *reason, *end_reason;
} hd_assign_row;

/* Every assignment (open and ended) of one record, table "household",
 * "child", "village" or "member": open ones first, then by start date,
 * newest first.  Returns the count or -1. */
int assignment_history(hd_db *db, const char *table, int64_t id, hd_assign_row **out,
                       hd_err *err);
void assign_rows_free(hd_assign_row *r, int n);

/* ---- the chair's views (caseload.c) ----------------------------------------- */

/* Each member's load.  households: open lead or support rows (leads: of
 * which lead); children: open sponsorships; villages: season assignments
 * running today; due/overdue: items of the member's agenda (due_list). */
typedef struct hd_member_load {
    int64_t member_id;
    char uid[32];
    char *name;
    char *village;          /* "" when none */
    int households, leads, children, villages;
    int due, overdue;       /* due: within soon_days, overdue included */
} hd_member_load;

/* Members not archived, in Vietnamese name order.  Count or -1. */
int member_load_list(hd_db *db, const hd_cw_opts *o, hd_member_load **out, hd_err *err);
void member_loads_free(hd_member_load *l, int n);

/* At risk with no one assigned.  Households: those with a child at risk and
 * no open lead or support (at_risk = how many such children).  Children: at
 * risk, no open sponsor, and their household (if any) has no one either. */
typedef struct hd_unassigned {
    int64_t household_id;   /* 0 for a child with no household */
    char household_uid[32];
    char *household;
    char *village;
    int64_t child_id;       /* 0 in the household list */
    char child_uid[32];
    char *child;
    int at_risk;
} hd_unassigned;

int unassigned_households(hd_db *db, hd_unassigned **out, hd_err *err);
int unassigned_children(hd_db *db, hd_unassigned **out, hd_err *err);
void unassigned_free(hd_unassigned *u, int n);

/* Members to propose for a household (child_id 0) or a child: those of the
 * same village (a child: also of the child's own school) first, then the
 * least loaded (open household and child assignments), then by name.
 * Archived members and those already assigned are left out. */
typedef struct hd_suggestion {
    int64_t member_id;
    char uid[32];
    char *name;
    char *village, *school;
    int same_village, same_school;
    int load;
} hd_suggestion;

int assignment_suggest(hd_db *db, int64_t household_id, int64_t child_id, int limit,
                       hd_suggestion **out, hd_err *err);
void suggestions_free(hd_suggestion *s, int n);

/* ---- home visits (visit.c) -------------------------------------------------
 * A visit is saved whole or not at all, with its members, its children and,
 * when the outcome is RETURNED, one status-history entry "returned" per
 * child concerned (dated the visit, source "visit:UID").  No other outcome
 * changes a status.  Visits are only added (two members recording visits to
 * one household at once both keep theirs), never edited. */

typedef struct hd_visit {
    int64_t id;
    char uid[32];
    int64_t household_id;
    char date[11];          /* required; not in the future */
    int64_t *members;       /* owned; who went: at least one */
    int nmembers;
    int64_t *children;      /* owned; children concerned, of the household */
    int nchildren;
    char *purpose;
    int outcome;            /* hd_outcome */
    char *notes;
    unsigned support;       /* bit set of 1u << hd_support */
    char next_followup[11]; /* "" none; not before the visit */
    int archived;
    int64_t version;
} hd_visit;

void visit_free(hd_visit *v);
int visit_add(hd_db *db, hd_visit *v, hd_err *err);
int visit_get(hd_db *db, int64_t id, hd_visit *v, hd_err *err);

/* One visit as lists show it, with names. */
typedef struct hd_visit_row {
    int64_t id;
    char uid[32];
    char date[11];
    char household_uid[32];
    char *household;
    char *members;          /* names, ", "-separated */
    char *children;         /* names, ", "-separated; "" when none named */
    char *purpose;
    int outcome;
    char *notes;
    unsigned support;
    char next_followup[11];
} hd_visit_row;

/* The visits of a "household", a "child" (naming it) or a "member" (who
 * went), newest first.  Count or -1. */
int visit_list(hd_db *db, const char *table, int64_t id, hd_visit_row **out, hd_err *err);
void visit_rows_free(hd_visit_row *r, int n);

/* ---- commitments (commitment.c) -------------------------------------------- */

typedef struct hd_commitment {
    int64_t id;
    char uid[32];
    int64_t household_id;
    int64_t child_id;       /* 0 = the household's children in general */
    int64_t visit_id;       /* 0, or the visit at which it was signed */
    char signed_date[11];   /* required; not in the future */
    char *family_signer;    /* who signed for the family (required) */
    char *school_signer;    /* for the school / committee (required) */
    char *family_commits;   /* what the family commits to (required) */
    char *school_commits;   /* what the school commits to */
    char review_date[11];   /* "" none; not before signing */
    int status;             /* hd_commit_status; read-only (commitment_set_status) */
    char status_date[11];
    int archived;
    int64_t version;
} hd_commitment;

void commitment_free(hd_commitment *k);
/* Starts ACTIVE, with a first history entry on the signing date. */
int commitment_add(hd_db *db, hd_commitment *k, hd_err *err);
int commitment_get(hd_db *db, int64_t id, hd_commitment *k, hd_err *err);
/* A change of status (to another one) on date (ISO, "" = today; not before
 * the last change, not in the future) with a note (required).  k names the
 * id and version read; on success its status, date and version follow. */
int commitment_set_status(hd_db *db, hd_commitment *k, int status, const char *date,
                          const char *note, hd_err *err);

typedef struct hd_commit_event {
    char uid[40];
    int status;
    char date[11];
    char *note;
    char *created_by;
} hd_commit_event;

/* Oldest first; count or -1. */
int commitment_history(hd_db *db, int64_t id, hd_commit_event **out, hd_err *err);
void commit_events_free(hd_commit_event *e, int n);

/* ---- reports received (report.c) -------------------------------------------
 * A report is answered by the first visit to its household (or naming its
 * child) or assignment to its household or child dated on or after it;
 * saving either marks the open reports it answers. */

typedef struct hd_report {
    int64_t id;
    char uid[32];
    char date[11];          /* required; not in the future */
    char *reporter;         /* who called; may be "" (anonymous) */
    int64_t household_id;   /* at least one of household and child; the */
    int64_t child_id;       /* child's household is filled in */
    char *text;             /* what was said (required) */
    char handled_date[11];  /* read-only: "" while unanswered */
    char handled_by[32];    /* read-only: uid of the visit or assignment */
    int archived;
    int64_t version;
} hd_report;

void report_free(hd_report *r);
int report_add(hd_db *db, hd_report *r, hd_err *err);
int report_get(hd_db *db, int64_t id, hd_report *r, hd_err *err);

/* ---- due and overdue (due.c) -----------------------------------------------
 * What needs doing, dated:
 *  FOLLOWUP  the next follow-up of a household's latest visit;
 *  VISIT     a child at risk not visited (the household) for
 *            visit_interval_days: due that many days after the last visit,
 *            or at once if not visited since becoming at risk;
 *  REVIEW    an active commitment's review date;
 *  REPORT    an unanswered report, report_response_days after it came.
 * An item is due when its date is at most soon_days away, overdue when it
 * is past.  A household's follow-up is that of its latest visit (of
 * several that day, the soonest).  A member's agenda holds the items of the
 * households the member leads or supports, where a sponsored child lives,
 * or went to on the household's latest visit day. */

typedef enum hd_due_kind { DUE_FOLLOWUP, DUE_VISIT, DUE_REVIEW, DUE_REPORT, DUE_KIND_COUNT } hd_due_kind;

typedef struct hd_due_item {
    int kind;               /* hd_due_kind */
    char due_date[11];
    int overdue;
    int64_t household_id;   /* 0 for a report about a child with no household */
    char household_uid[32];
    char *household;
    char *village;
    int64_t child_id;       /* 0 when about the household */
    char child_uid[32];
    char *child;
    char ref_uid[32];       /* the visit, commitment or report; "" for VISIT */
    char since[11];         /* last visit (FOLLOWUP, VISIT; "" never), signed
                             * (REVIEW), received (REPORT) */
    char *responsible;      /* the child's sponsor, else the household's lead
                             * (or a supporting member, or the sponsor of one
                             * of its children); "" when no one */
    char *detail;           /* FOLLOWUP: the visit's purpose; REVIEW: what the
                             * family committed to; REPORT: who called and
                             * what was said */
} hd_due_item;

typedef struct hd_due_filter {
    int64_t member_id;      /* 0 = the whole committee */
    int overdue_only;
    unsigned kinds;         /* bit set of 1u << hd_due_kind; 0 = all */
    int limit;              /* at most this many; <= 0 = all */
    int offset;             /* after skipping this many (a screen's next page) */
} hd_due_filter;

/* The items the filter lets through, by date (then kind, village,
 * household).  Count or -1. */
int due_list(hd_db *db, const hd_cw_opts *o, const hd_due_filter *f, hd_due_item **out,
             hd_err *err);
void due_items_free(hd_due_item *d, int n);
/* How many items the filter lets through (limit and offset aside), and of
 * them how many are overdue, without reading them: for a screen's title. */
int due_count(hd_db *db, const hd_cw_opts *o, const hd_due_filter *f, int *total, int *overdue,
              hd_err *err);
/* "follow-up", "visit", "review", "report" in the interface language. */
const char *due_kind_label(int kind);
/* The query plan of due_list (EXPLAIN QUERY PLAN), for tests and benchmarks. */
char *due_plan(hd_db *db, int64_t member_id, hd_err *err);

#endif
