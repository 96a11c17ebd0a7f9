/* monthly.h — a month's figures per village and for the commune, the party
 * branches' ratings by the config's rules, and closed months (snapshots).
 * Every figure is computed from the dated histories as of the month's last
 * day (today for the running month), so any past month can be recomputed;
 * docs/definitions.md defines each one. */
#ifndef HD_MONTHLY_H
#define HD_MONTHLY_H

#include <stdint.h>

#include "core/config.h"
#include "core/db.h"
#include "core/model.h"

/* The figures of one cell; counts and rates share one array so that a
 * snapshot stores and reads them by name (monthly_figure_name). */
enum {
    MF_SCHOOL_AGE,          /* children whose age fits the level */
    MF_ENROLLED_AGE,        /* of those, in school at that level */
    MF_MOBILIZATION_RATE,   /* percent: the two above */
    MF_ENROLLED,            /* in school on the day, any age */
    MF_ENROLLED_AT_START,   /* in school at the end of the year's first month */
    MF_DROPOUTS_MONTH,
    MF_DROPOUTS_YEAR,
    MF_DROPOUT_RATE,        /* percent: dropouts in the year / enrolled at start */
    MF_RETURNED_MONTH,
    MF_RETURNED_YEAR,
    MF_AT_RISK,             /* status at risk on the day */
    MF_AT_RISK_ASSIGNED,    /* of those, with someone assigned */
    MF_AT_RISK_VISITED,     /* of those, visited within the visit interval */
    MF_AT_RISK_HOUSEHOLDS,
    MF_HOUSEHOLDS_ASSIGNED, /* of those households, with someone assigned */
    MF_VISITS,              /* visits dated in the month */
    MF_COMMITMENTS,         /* signed in the school year up to the day */
    MF_COMMITMENTS_ACTIVE,
    MF_COMMITMENTS_KEPT,
    MF_COMMITMENTS_BROKEN,
    MF_PUPIL_DAYS,          /* school days of the pupils with attendance in the month */
    MF_DAYS_PRESENT,        /* of those, days present */
    MF_ATTENDANCE_RATE,     /* percent: the two above (chuyên cần) */
    MF_COUNT
};

/* The columns: each level, all levels, ethnic-minority children. */
enum { MCOL_ALL = LEVEL_COUNT, MCOL_MINORITY, MCOL_COUNT };

typedef struct hd_month_cell {
    double v[MF_COUNT];     /* rates are NAN when their denominator is 0 */
} hd_month_cell;

typedef struct hd_month_village {
    int64_t id;             /* 0: the commune (every child, with or without a village) */
    char name[128];
    hd_month_cell col[MCOL_COUNT];
} hd_month_village;

struct month_probe;

typedef struct hd_month {
    int year, month;        /* the calendar month */
    int school_year;        /* the school year it belongs to */
    char month_start[11], as_of[11], year_start[11], base_date[11];
    int nv;                 /* v[0] is the commune, then villages in order */
    hd_month_village *v;
    struct month_probe *probe; /* internal to monthly.c: NULL */
} hd_month;

/* The figure's label in the interface language ("  of whom ..." lines are
 * indented under the figure they split). */
const char *monthly_figure_label(int f);
/* "school_age", ...: the name a snapshot stores figure f under. */
const char *monthly_figure_name(int f);
/* "primary", ..., "*", "minority": the level key of column c. */
const char *monthly_column_key(int c);

/* Computes the figures of year-month as of its last day, or today when it
 * is running; a month that has not started is refused.  Free with
 * monthly_free. */
int monthly_figures(hd_db *db, const hd_config *cfg, int year, int month, hd_month *out,
                    hd_err *err);
void monthly_free(hd_month *m);

/* The dropout rate (all levels, percent) of the commune and each village
 * at the end of each month of the school year up to m's month, the last
 * being m's own MF_DROPOUT_RATE: rates[i * MONTHLY_TREND_MAX + k] for m->v[i]
 * and the k-th month from the year's start (the caller's array of m->nv *
 * MONTHLY_TREND_MAX); *nmonths months.  NAN where no pupil was in school at
 * the start.  0 or -1. */
#define MONTHLY_TREND_MAX 12
int monthly_dropout_trend(hd_db *db, const hd_config *cfg, const hd_month *m, double *rates,
                          int *nmonths, hd_err *err);

/* A measure of config_measures() for one village: 0 with *value, 1 when it
 * has no value (no denominator: e.g. no attendance recorded in the month),
 * -1 for a measure the program does not know. */
int monthly_measure(const hd_month_village *v, const char *measure, double *value);

typedef struct hd_month_rating {
    int64_t village_id;
    char village[128];
    int rating;             /* index into cfg->ratings, 0 = best */
    char rating_name[128];  /* its label */
    char rules[512];        /* the rules that decided it, ", "-separated; "" = none fired */
} hd_month_rating;

/* One rating per village (not the commune): the best rating no firing rule
 * caps.  Rules on measures that cannot be computed do not fire.  *out is the
 * caller's to free(); returns the count. */
int monthly_rate_branches(const hd_config *cfg, const hd_month *m, hd_month_rating **out);

/* A closed month. */
typedef struct hd_month_snapshot {
    int64_t id;
    char uid[32];
    int number;             /* version: 1, then 2 after a reopening, ... */
    char closed_at[32], closed_by[64];
    char *reason;           /* why it was reopened; "" for version 1 */
    int superseded;
    hd_month figures;
    hd_month_rating *ratings;   /* as they were when closed */
    int n_ratings;
} hd_month_snapshot;

/* Computes and stores a new version of year-month in one BEGIN IMMEDIATE
 * transaction.  A month already closed needs a reason, and its version in
 * force becomes superseded (kept).  Returns the new version number. */
int monthly_close(hd_db *db, const hd_config *cfg, int year, int month, const char *reason,
                  hd_err *err);
/* Version `number` of a closed month (0: the one in force).  Returns 1 when
 * the month was never closed (or has no such version), 0 when read. */
int monthly_snapshot_get(hd_db *db, int year, int month, int number, hd_month_snapshot *out,
                         hd_err *err);
void monthly_snapshot_free(hd_month_snapshot *s);

/* The children a figure counts: monthly_counted runs the very computation
 * of monthly_figures and keeps the children that add to one cell, so the
 * list and the count cannot disagree.  Child figures only (up to
 * MF_AT_RISK_VISITED; households, visits and commitments are not
 * children). */
typedef struct hd_counted_child {
    int64_t id;
    char uid[32];
    char *name;
    char *village;          /* "" when the child has no household */
    char *class_name;
    char *sort;             /* village then name, for the order */
} hd_counted_child;

/* The children figure f counts in column col (a level, MCOL_ALL or
 * MCOL_MINORITY) for village_id (0: the commune) in year-month, computed
 * now, by village and name.  Count, or -1 (a figure that is not about
 * children is refused). */
int monthly_counted(hd_db *db, const hd_config *cfg, int year, int month, int64_t village_id,
                    int col, int figure, hd_counted_child **out, hd_err *err);
void monthly_counted_free(hd_counted_child *c, int n);
/* The figure called name ("dropouts_year", ...), or -1. */
int monthly_figure_by_name(const char *name);

/* A month as the committee sees it: the closed version in force (figures
 * and ratings as approved), else the figures and ratings computed now.
 * m and ratings point into the view. */
typedef struct hd_month_view {
    int closed;                     /* the version in force; 0 when open */
    const hd_month *m;
    const hd_month_rating *ratings;
    int nratings;
    hd_month_snapshot snap;         /* the rest is the view's own */
    hd_month live;
    hd_month_rating *live_ratings;
    int live_n;
} hd_month_view;

int monthly_view_load(hd_db *db, const hd_config *cfg, int year, int month, hd_month_view *v,
                      hd_err *err);
void monthly_view_free(hd_month_view *v);

#endif
