/* warning.h — early warning (cảnh báo sớm): each month the config's rules
 * (config.h, warning.rules) run over the month's attendance and what is
 * recorded about each pupil and household, and propose to flag the pupils
 * whose rules' weights add up to warning.threshold.  The committee confirms
 * a proposal (the child's history gets an "at risk" entry, so the child
 * shows on the lists of those with no one assigned) or dismisses it, always
 * with a reason: nothing changes a child's status silently.  The look-back
 * (warn_review) tells, for a past school year, how well each rule would
 * have foreseen the dropouts.  Method: docs/early-warning.md. */
#ifndef HD_WARNING_H
#define HD_WARNING_H

#include <stdint.h>

#include "core/config.h"
#include "core/db.h"

/* What the rules look at for one pupil and month. */
typedef struct hd_warn_input {
    int school_days, absent;   /* the month's row */
    int consecutive;           /* -1: not given */
    int repeating;             /* repeats the grade this school year */
    unsigned risk;             /* the child's recorded risk factors (bit set of hd_risk) */
    int poverty;               /* the household's hd_poverty */
    char earlier_dropout[11];  /* ISO date of a dropout before the school year; "" none */
    char sibling[128];         /* a brother or sister who dropped out; "" none */
} hd_warn_input;

/* The rules that fire (bit set of 1u << hd_warn_rule) and their score. */
unsigned warn_evaluate(const hd_config *cfg, const hd_warn_input *in, double *score);

/* The figures of the fired rules as stored with a proposal:
 * "chronic_absence=6/22;consecutive_absence=6;…".  Caller frees. */
char *warn_facts(unsigned fired, const hd_warn_input *in);

/* One line for people: "vắng 6/22 ngày trong tháng 10/2026; hộ nghèo", in
 * the interface's language.  month is "yyyy-mm".  Caller frees. */
char *warn_describe(unsigned fired, const char *facts, const char *month);

typedef struct hd_warn_run {
    int pupils;       /* pupils with the month's attendance */
    int fired;        /* of them, reaching the threshold */
    int proposed;     /* new proposals written */
    int already;      /* reaching it, with a proposal for the month already */
    int not_in_school;/* reaching it, at risk already or out of school: not proposed */
} hd_warn_run;

/* Runs the rules over year-month (a teaching month) and writes a proposal
 * for each pupil in school who reaches the threshold and has none for the
 * month yet, in one transaction.  Running again adds only what is new.
 * Returns the number of new proposals or -1. */
int warn_run(hd_db *db, const hd_config *cfg, int year, int month, hd_warn_run *out,
             hd_err *err);

enum { WSTATUS_PROPOSED, WSTATUS_CONFIRMED, WSTATUS_DISMISSED, WSTATUS_COUNT };
const char *warn_status_code(int s);   /* "proposed", … */
const char *warn_status_label(int s);  /* translated */

typedef struct hd_warning {
    int64_t id;
    char uid[32];
    int64_t child_id;
    char child_uid[32];
    char *child;            /* owned: the name */
    int birth_year;
    int64_t household_id;   /* 0: none */
    char *village;          /* owned; "" none */
    char *class_name;       /* owned: "school · class" or "" */
    char month[8];          /* yyyy-mm */
    double score;
    unsigned rules;         /* bit set of hd_warn_rule */
    char *facts;            /* owned, as warn_facts wrote it */
    int status;             /* WSTATUS_* */
    char decided_date[11];
    char *decided_by;       /* owned */
    char *reason;           /* owned */
    int64_t version;
} hd_warning;

typedef struct hd_warn_filter {
    int status;             /* WSTATUS_*, or -1 for all */
    char month[8];          /* "" = every month */
    int limit;              /* 0 = 500 */
} hd_warn_filter;

/* Proposals, newest month first, then by score.  Returns the count or -1;
 * *out is the caller's (warnings_free). */
int warn_list(hd_db *db, const hd_warn_filter *f, hd_warning **out, hd_err *err);
void warnings_free(hd_warning *w, int n);
/* Frees what one proposal owns (warn_get's). */
void warning_clear(hd_warning *w);
/* Proposals waiting for a decision; -1 on error. */
int warn_pending(hd_db *db);
/* One by id or uid (uid when id is 0).  0, 1 when not found, -1. */
int warn_get(hd_db *db, int64_t id, const char *uid, hd_warning *out, hd_err *err);

/* Confirms (confirm = 1) or dismisses a proposal with a reason, checking
 * the version read (HD_CONFLICT).  Confirming adds "at risk" to the child's
 * history today, unless the child is at risk already; a child no longer in
 * school cannot be confirmed (dismiss instead).  0 or -1. */
int warn_decide(hd_db *db, int64_t id, int64_t version, int confirm, const char *reason,
                hd_err *err);

/* The look-back for one rule (or the proposal itself: rule WRULE_COUNT). */
typedef struct hd_warn_record {
    long dropouts;          /* pupils who dropped out in the school year */
    long foreseen;          /* of them, flagged in a month before the one they left */
    long stayed;            /* pupils with attendance who did not drop out */
    long false_alarms;      /* of them, flagged in some month */
} hd_warn_record;

/* Runs the rules over every month of school year `year` (2025: 2025-2026)
 * with today's config and fills out[0..WRULE_COUNT] (the last: the score
 * reaching the threshold).  0 or -1. */
int warn_review(hd_db *db, const hd_config *cfg, int year, hd_warn_record out[WRULE_COUNT + 1],
                hd_err *err);

#endif
