/* demo.h — a made-up commune for trying huydong out, and a district-sized
 * one for benchmarks.
 *
 * The records are plausible for the seed districts (Gia Lai, Kon Tum, Điện
 * Biên): Kinh and ethnic-minority villages with their party branches,
 * poor and near-poor households, pupils of every level with the risk factors
 * the directives name, and dated status histories (enrolment each school
 * year, at risk, dropped out, returned, transferred...).  Generation is
 * deterministic for a given seed and date_today(); every date lies between
 * the start of a school year and today. */
#ifndef HD_DEMO_H
#define HD_DEMO_H

#include "core/db.h"

typedef struct demo_opts {
    int villages;
    int households;     /* each with at least one child (when children allow) */
    int children;
    int members;        /* committee members: officials, teachers, organisations */
    int schools;        /* at least 3: primary, lower and upper secondary */
    unsigned seed;
    int history_months; /* histories start with the school year this far back */
    const char *chair_login; /* the chair's login (the user running the demo), NULL:
                                a made-up one; the demo's users get roles (authz.h) */
    int attendance_months; /* the last N teaching months (to today's) get
                            * attendance for every pupil in school; 0: none */
} demo_opts;

/* The demo commune: 8 villages, 4 schools, 120 households, 300 children,
 * 25 members, histories over two school years. */
void demo_opts_small(demo_opts *o);

/* Bench scale: 200 villages, 60 schools, 40,000 households, 100,000
 * children, 2,000 members, about 300,000 status entries, and attendance for
 * the last 10 teaching months (about 1,000,000 rows). */
void demo_opts_district(demo_opts *o);

/* Adds the records to db, which must already have its commune row
 * (db_init_commune), all in one write transaction (or the caller's).
 * 0, or -1 with err set and nothing written. */
int demo_generate(hd_db *db, const demo_opts *o, hd_err *err);

#endif
