/* positions.h — who in a household is a cadre (cán bộ), party member
 * (đảng viên), civil servant (công chức), public employee (viên chức) or
 * association member (hội viên): the plans ask that no child of theirs
 * drop out ("không có con em cán bộ, đảng viên, công chức, viên chức, hội
 * viên … bỏ học", 001_ seed).  Kept beside the household (one row per
 * household that has any), and the list of those households' children at
 * risk or out of school.  Definition: docs/definitions.md ("Children of
 * officials"). */
#ifndef HD_POSITIONS_H
#define HD_POSITIONS_H

#include <stdint.h>

#include "core/config.h"
#include "core/db.h"

typedef enum hd_position {
    POS_OFFICIAL, POS_PARTY_MEMBER, POS_CIVIL_SERVANT, POS_PUBLIC_EMPLOYEE,
    POS_ASSOCIATION_MEMBER, POS_COUNT
} hd_position;

const char *position_code(int p);                   /* "official", … */
const char *position_label(int p, const char *lang); /* "Cán bộ", … */
/* The bit set named by text ("đảng viên; công chức", codes or labels,
 * without accents too); -1 with err naming the word not understood. */
int position_parse(const char *text, unsigned *out, hd_err *err);
/* "Đảng viên, Công chức" in a language; caller frees. */
char *position_text(unsigned set, const char *lang);

typedef struct hd_household_position {
    int64_t household_id;
    unsigned positions;     /* bit set of hd_position; 0: none */
    char *holder;           /* who holds them: "Bố: đảng viên, công chức xã" */
    int64_t version;        /* 0: nothing recorded yet */
} hd_household_position;

/* The household's record (positions 0, version 0 when none). 0 or -1. */
int position_get(hd_db *db, int64_t household_id, hd_household_position *out, hd_err *err);
/* Records (or clears, with positions 0) what a household holds, checking the
 * version read (HD_CONFLICT).  A household archived, or positions without
 * the holder named, are refused.  0 or -1. */
int position_set(hd_db *db, hd_household_position *p, hd_err *err);
void position_free(hd_household_position *p);

typedef struct hd_official_row {
    int64_t child_id;
    char child_uid[32];
    char *child;            /* owned */
    int birth_year;
    char *class_name;       /* owned */
    int64_t household_id;
    char *head, *village, *holder;  /* owned */
    unsigned positions;
    int status;             /* hd_status on the day: at risk or dropped out */
    char status_date[11];   /* the entry's date */
} hd_official_row;

/* The children (not archived) of households holding a position whose
 * status on year-month's last day (or today) is at risk or dropped out, by
 * village, household and child.  At most limit (0: all).  Returns the count
 * or -1; *out is the caller's. */
int officials_list(hd_db *db, int year, int month, int limit, hd_official_row **out,
                   hd_err *err);
void official_rows_free(hd_official_row *r, int n);

#endif
