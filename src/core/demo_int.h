/* demo_int.h — what the demo's generators share: one seeded PRNG
 * (splitmix64), so a seed gives the same records whatever the C library. */
#ifndef HD_DEMO_INT_H
#define HD_DEMO_INT_H

#include <stdint.h>

#include "core/db.h"
#include "core/util.h"

/* ---- random numbers: splitmix64 (never rand(): the output must not depend
 * on the C library) ---------------------------------------------------------- */

typedef struct demo_rng {
    uint64_t s;
} demo_rng;

static inline uint64_t demo_next(demo_rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static inline int demo_below(demo_rng *r, int n)
{
    return n <= 1 ? 0 : (int)(demo_next(r) % (uint64_t)n);
}

/* Uniform in [0, 1). */
static inline double demo_unit(demo_rng *r)
{
    return (double)(demo_next(r) >> 11) * 0x1.0p-53;
}

static inline int demo_chance(demo_rng *r, double p)
{
    return demo_unit(r) < p;
}

/* A day number in [a, b] (a <= b). */
static inline long demo_day_in(demo_rng *r, long a, long b)
{
    return a + demo_below(r, (int)(b - a + 1));
}

/* The demo's case work (demo_casework.c): leads and supporting members for
 * most at-risk and dropped-out households, sponsors for some children,
 * visits, commitments and their reviews, dated up to today.  Runs inside
 * the caller's write transaction. */
int demo_casework(hd_db *db, uint64_t seed, hd_err *err);

#endif
