/* newyear.h — the start of a school year: the children who were in school at
 * the end of the last one and whom no school has confirmed yet for this one
 * ("not yet back"), the summer-dropout watch list that the August action
 * month works through; and the confirmation, one child at a time.
 *
 * Same conventions as registry.h and casework.h: lists come back as arrays
 * the caller frees, dates are ISO (yyyy-mm-dd), a change names the version it
 * read and returns HD_CONFLICT when the row changed since, and a refusal says
 * why and saves nothing.  The definition: docs/definitions.md ("Not yet
 * back"). */
#ifndef HD_NEWYEAR_H
#define HD_NEWYEAR_H

#include <stdint.h>

#include "core/date.h"
#include "core/db.h"
#include "core/model.h"

/* The school year watched on a day: the one running, or in the month before
 * the start month (the August action month) the one about to start. */
typedef struct hd_newyear_period {
    int year;          /* named by the year it starts in: 2026 is 2026-2027 */
    char start[11];    /* its first day */
    char last_day[11]; /* the day before: the end of the previous year */
    char today[11];
    int days;          /* days since the start; negative before it */
} hd_newyear_period;

void newyear_period(hd_date today, int start_month, hd_newyear_period *p);

typedef struct hd_newyear_filter {
    int64_t village_id;   /* 0 = every village (and children with no household) */
    int transitions_only; /* only those expected in a new school (5→6, 9→10) */
} hd_newyear_filter;

/* One child not yet back. */
typedef struct hd_newyear_row {
    int64_t child_id;
    char child_uid[32];
    char *child;
    int birth_year;
    int64_t version;        /* the child's, for newyear_confirm */
    int64_t household_id;   /* 0 = no household */
    char household_uid[32];
    char *household;        /* head of household; "" when none */
    char *village;          /* "" when none */
    int level, grade;       /* last year's: -1 / 0 when unknown */
    char *class_name;       /* last year's */
    char *school;           /* last year's; "" when none */
    int status;             /* at the end of last year: enrolled, at risk, returned */
    int next_grade;         /* grade + 1; 0 when the grade is unknown */
    int next_level;         /* its level (continuing education stays so); -1 unknown */
    int transition;         /* 5→6 or 9→10: a change of school is expected */
    int at_risk;            /* status at risk */
    unsigned risk;          /* risk factors, bit set of hd_risk */
    char *lead;             /* the member leading the household's case; "" none */
    int days;               /* days since the school year started */
} hd_newyear_row;

/* The children not yet back on `today`, by village (those with no household
 * last) then in Vietnamese name order.  Count or -1. */
int newyear_watch(hd_db *db, int start_month, hd_date today, const hd_newyear_filter *f,
                  hd_newyear_row **out, hd_err *err);
void newyear_rows_free(hd_newyear_row *r, int n);
/* How many newyear_watch would list, and of them how many are transitions
 * (transitions may be NULL), without reading them: for a screen's title. */
int newyear_count(hd_db *db, int start_month, hd_date today, const hd_newyear_filter *f,
                  int *transitions, hd_err *err);

/* A school's confirmation that a child is back.  In one transaction: the
 * child's grade, level, class and school are updated, and the history gets
 * 'enrolled' dated `date` with the reason "Vào năm học 2026-2027" (in the
 * interface language), source "newyear".  Refused unless the child is on the
 * watch list, the date lies in the school year watched (not in the future),
 * and the school (when its levels are known) teaches the new level. */
typedef struct hd_newyear_confirm {
    int64_t child_id;
    int64_t version;        /* as read; HD_CONFLICT when the child changed since */
    char date[11];          /* ISO; "" = today */
    int grade;              /* 0 = last year's + 1 */
    const char *class_name; /* NULL or "" = not known yet */
    int64_t school_id;      /* 0 = the same school as last year */
} hd_newyear_confirm;

int newyear_confirm(hd_db *db, int start_month, const hd_newyear_confirm *c, hd_err *err);

/* id of the village or school ("village", "school") named by its code or
 * its name (accents optional); -1 with "what: why" when none or several. */
int64_t newyear_lookup(hd_db *db, const char *table, const char *text, const char *what,
                       hd_err *err);

#endif
