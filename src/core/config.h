/* config.h — the configuration file (libconfig).
 *
 * One schema table (name, type, range, default, help) drives the reader, the
 * defaults and the generated documentation (docs/config.md).  A file with
 * errors is reported whole: every problem as "FILE:LINE: what is wrong", and
 * the program does not start on it.
 *
 * Lookup order: --config FILE, $HUYDONG_CONFIG, ./config/huydong.cfg,
 * /etc/huydong/huydong.cfg; with none found the built-in defaults apply. */
#ifndef HD_CONFIG_H
#define HD_CONFIG_H

#include <stdio.h>

#include "core/model.h"
#include "core/util.h"

/* A branch-evaluation rule: when `measure op value` holds for a village, its
 * party branch can be rated no better than `max_rating` (an index into
 * hd_config.ratings, 0 = best), and the evaluation names this rule. */
typedef struct hd_rule {
    char *name;      /* identifier, e.g. "dropout_above_target" */
    char *measure;   /* one of config_measures() */
    char *op;        /* "<", "<=", ">", ">=" */
    double value;    /* a percentage for rates */
    int max_rating;  /* 0-based index into ratings */
    char *why;       /* sentence shown with the rating */
    int line;        /* line in the config file, 0 for built-in defaults */
} hd_rule;

/* An import profile from the file (import.profiles, profile.h): more header
 * names for the columns of the sheets a commune receives. */
typedef struct hd_import_profile {
    char *name;      /* a-z, 0-9 and '-' */
    char *sheet;     /* folded sheet name that chooses it; "" none */
    char *headers;   /* folded headers that, all present, choose it, '|'-separated; "" none */
    size_t n;
    char **keys;     /* column names as import knows them: "full_name", "Ngày sinh" */
    char **synonyms; /* for each key: folded header texts, '|'-separated */
    int line;        /* in the config file */
} hd_import_profile;
/* The early-warning rules (warning.h): each has a weight, some a
 * threshold; their names are the keys of warning.rules in the file. */
typedef enum hd_warn_rule {
    WRULE_CHRONIC_ABSENCE,     /* missing >= threshold % of the month's school days */
    WRULE_CONSECUTIVE_ABSENCE, /* a run of >= threshold school days absent */
    WRULE_REPEATED_GRADE,      /* repeating the grade (lưu ban) this school year */
    WRULE_EARLIER_DROPOUT,     /* dropped out in an earlier school year */
    WRULE_SIBLING_DROPOUT,     /* a brother or sister in the household dropped out */
    WRULE_POVERTY,             /* poor or near-poor household, or poverty recorded */
    WRULE_PARENTS_AWAY,
    WRULE_SEASONAL_WORK,
    WRULE_LIVING_IN_FIELDS,
    WRULE_COUNT
} hd_warn_rule;

typedef struct hd_config {
    char *path;                      /* file read; NULL for built-in defaults */

    char *db_path;                   /* relative paths are relative to the cwd */
    char *commune_code;              /* official administrative code, 5 digits */
    char *commune_name;
    char *district;
    char *province;
    char *committee_chair;           /* name in the signature block */
    int school_year_start_month;     /* 1..12, default 9 */
    int school_year_months;          /* months of teaching from the start, default 9 */
    char *language;                  /* "vi" or "en" */
    int ascii;                       /* show text without diacritics */
    int mono;                        /* monochrome */

    double target_mobilization[LEVEL_COUNT]; /* percent, e.g. 91.0 */
    double target_dropout_overall;            /* percent, e.g. 0.35 */
    double target_dropout[LEVEL_COUNT];       /* percent */

    double risk_weight[RISK_COUNT];  /* weight of each risk factor */
    double risk_threshold;           /* score from which a child counts at risk */
    int visit_interval_days;         /* at-risk child with no visit for N days is flagged */
    int report_response_days;        /* a report must lead to action within N days */

    double warn_threshold;           /* score from which a child is proposed */
    double warn_weight[WRULE_COUNT];
    double warn_limit[WRULE_COUNT];  /* the rule's threshold; 0 for rules without one */

    char **ratings;                  /* best first; owned */
    size_t n_ratings;
    hd_rule *rules;                  /* owned */
    size_t n_rules;

    char *print_command;             /* shell command; the document arrives on stdin */
    char *print_input;               /* "pdf" or "text": what print_command reads */
    char *paper;                     /* "A4" or "A3" */
    int lines_per_page;
    char *backup_dir;
    int backup_keep;

    hd_import_profile *import_profiles; /* owned */
    size_t n_import_profiles;
} hd_config;

/* Fills c with the built-in defaults (the ones docs/config.md lists). */
void config_defaults(hd_config *c);

/* Which file to read: cli_path when given, else $HUYDONG_CONFIG, else
 * ./config/huydong.cfg, else /etc/huydong/huydong.cfg when they exist.
 * Returns a static string or cli_path, or NULL when none exists. */
const char *config_locate(const char *cli_path);

/* Reads path over the defaults.  On any error returns -1 with every problem in
 * errs as "PATH:LINE: message" (syntax errors, unknown settings, wrong types,
 * out-of-range values, bad rules) and leaves c holding the defaults. */
int config_load(hd_config *c, const char *path, hd_msgs *errs);

void config_free(hd_config *c);

/* The measures a rating rule may name (NULL-terminated). */
const char *const *config_measures(void);

/* "chronic_absence", …: the name of an early-warning rule in the file. */
const char *config_warn_rule_name(int r);

/* Writes the settings table as Markdown (for docs/config.md). */
void config_write_doc(FILE *fp);

#endif
