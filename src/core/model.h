/* model.h — the words of the domain: levels, statuses, risk factors,
 * organisations, roles.  Each has a stable code (stored in the database and
 * written in CSV), a Vietnamese and an English label, and the synonyms that
 * spreadsheets use (matched on the folded text, so "Tiểu học", "tieu hoc",
 * "TH" and "primary" are one level). */
#ifndef HD_MODEL_H
#define HD_MODEL_H

#include <stddef.h>

typedef enum hd_level {
    LEVEL_PRIMARY,          /* Tiểu học, grades 1-5 */
    LEVEL_LOWER_SECONDARY,  /* THCS, grades 6-9 */
    LEVEL_UPPER_SECONDARY,  /* THPT, grades 10-12 */
    LEVEL_CONTINUING,       /* GDTX */
    LEVEL_COUNT
} hd_level;

typedef enum hd_status {
    STATUS_ENROLLED,
    STATUS_AT_RISK,
    STATUS_DROPPED_OUT,
    STATUS_RETURNED,
    STATUS_TRANSFERRED,
    STATUS_MOVED_AWAY,
    STATUS_FINISHED,
    STATUS_COUNT
} hd_status;

typedef enum hd_risk {
    RISK_POVERTY,
    RISK_PARENTS_AWAY,
    RISK_SEASONAL_WORK,
    RISK_WORKING_FOR_HIRE,
    RISK_LIVING_IN_FIELDS,
    RISK_LEARNING_DIFFICULTY,
    RISK_POOR_ATTENDANCE,
    RISK_FAR_FROM_SCHOOL,
    RISK_OTHER,
    /* after OTHER: the bits are stored, so a new factor only ever comes last */
    RISK_NO_INTEREST,   /* chán học, không muốn đi học */
    RISK_COUNT
} hd_risk;

typedef enum hd_org {
    ORG_COMMUNE, ORG_SCHOOL, ORG_FRONT, ORG_YOUTH, ORG_WOMEN, ORG_FARMERS,
    ORG_VETERANS, ORG_STUDY_PROMOTION, ORG_OTHER, ORG_COUNT
} hd_org;

typedef enum hd_committee_role {
    CROLE_CHAIR, CROLE_VICE_CHAIR, CROLE_SECRETARY, CROLE_MEMBER, CROLE_COUNT
} hd_committee_role;

typedef enum hd_village_kind {
    VKIND_THON, VKIND_LANG, VKIND_BUON, VKIND_TO_DAN_PHO, VKIND_PLEI, VKIND_BAN,
    VKIND_COUNT
} hd_village_kind;

typedef enum hd_poverty {
    POVERTY_NONE, POVERTY_POOR, POVERTY_NEAR_POOR, POVERTY_COUNT
} hd_poverty;

typedef enum hd_sex { SEX_MALE, SEX_FEMALE, SEX_COUNT } hd_sex;

/* Case work (casework.h).  Who an assignment gives to a member: a
 * household (one lead, others supporting), a child (sponsor, đỡ đầu) or a
 * village for a season (teachers in the rainy season, the harvest...). */
typedef enum hd_assign_role {
    AROLE_LEAD, AROLE_SUPPORT, AROLE_SPONSOR, AROLE_SEASON, AROLE_COUNT
} hd_assign_role;

typedef enum hd_season {
    SEASON_RAINY, SEASON_HARVEST, SEASON_SUMMER, SEASON_AUGUST, SEASON_COUNT
} hd_season;

/* What a home visit came to. */
typedef enum hd_outcome {
    OUTCOME_RETURNED,  /* the child is back in school: writes the status history */
    OUTCOME_PROMISED,
    OUTCOME_REFUSED,
    OUTCOME_NOT_HOME,
    OUTCOME_AWAY,      /* the family moved or works away */
    OUTCOME_COUNT
} hd_outcome;

/* Support given at a visit (a bit set: 1u << SUPPORT_...). */
typedef enum hd_support {
    SUPPORT_SCHOLARSHIP, SUPPORT_GIFT, SUPPORT_BOOKS_CLOTHES, SUPPORT_FEE_EXEMPTION,
    SUPPORT_BOARDING, SUPPORT_COUNT
} hd_support;

typedef enum hd_commit_status {
    CSTATUS_ACTIVE, CSTATUS_KEPT, CSTATUS_BROKEN, CSTATUS_WITHDRAWN, CSTATUS_COUNT
} hd_commit_status;

/* One word of the domain. */
typedef struct hd_term {
    const char *code;     /* stable, ASCII: stored and exported */
    const char *vi;       /* Vietnamese label */
    const char *en;       /* English label */
    const char *synonyms; /* '|'-separated folded forms accepted on import */
} hd_term;

typedef enum hd_vocab {
    VOCAB_LEVEL, VOCAB_STATUS, VOCAB_RISK, VOCAB_ORG, VOCAB_CROLE,
    VOCAB_VILLAGE_KIND, VOCAB_POVERTY, VOCAB_SEX,
    VOCAB_ASSIGN_ROLE, VOCAB_SEASON, VOCAB_OUTCOME, VOCAB_SUPPORT, VOCAB_COMMIT_STATUS,
    VOCAB_COUNT
} hd_vocab;

/* The terms of a vocabulary, and how many. */
const hd_term *model_terms(hd_vocab v, size_t *n);
const hd_term *model_term(hd_vocab v, int idx);  /* NULL when out of range */
const char *model_code(hd_vocab v, int idx);     /* "" when out of range */
/* Index of the term whose code, label (either language) or synonym matches
 * the text (folded before comparing); -1 when none. */
int model_lookup(hd_vocab v, const char *text);
/* Index for a stored code; -1 when unknown. */
int model_from_code(hd_vocab v, const char *code);
/* Label in the interface language ("vi" or "en"). */
const char *model_label(hd_vocab v, int idx, const char *lang);

/* Level of a grade 1..12 (LEVEL_COUNT when out of range). */
hd_level model_level_of_grade(int grade);

#endif
