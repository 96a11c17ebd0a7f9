/* figures.h — the commune's headline figures for the home screen, computed
 * from the dated status histories (definitions: docs/definitions.md). */
#ifndef HD_FIGURES_H
#define HD_FIGURES_H

#include "core/db.h"
#include "core/model.h"

typedef struct hd_level_figures {
    long school_age;        /* children whose age this school year fits the level */
    long enrolled_at_start; /* in school at the end of the year's first month */
    long enrolled;          /* in school today (enrolled, at risk or returned) */
    long at_risk;           /* status "at risk" today */
    long dropped_out;       /* children with a dropout dated in this school year */
    double dropout_rate;    /* percent: dropped_out / enrolled_at_start */
} hd_level_figures;

typedef struct hd_dashboard {
    char commune[128];              /* the commune's name, from the database */
    int school_year;                /* the year it started */
    char year_start[11];            /* ISO */
    char today[11];
    hd_level_figures level[LEVEL_COUNT];
    hd_level_figures total;
    long households_at_risk;        /* households with a child at risk today */
} hd_dashboard;

int figures_dashboard(hd_db *db, int start_month, hd_dashboard *out, hd_err *err);

/* One village's line: the same figures for its children, all levels. */
typedef struct hd_village_figures {
    int64_t id;
    char name[128];
    long children;          /* children of its households (not archived) */
    long enrolled_at_start;
    long enrolled;
    long at_risk;
    long dropped_out;       /* this school year */
    double dropout_rate;    /* percent */
} hd_village_figures;

/* Every village in Vietnamese order; *out is the caller's to free().
 * Returns the count or -1. */
int figures_villages(hd_db *db, int start_month, hd_village_figures **out, hd_err *err);

#endif
