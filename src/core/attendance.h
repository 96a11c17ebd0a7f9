/* attendance.h — pupils' attendance (chuyên cần) month by month: school
 * days, days absent with and without leave, the longest run of days absent
 * when the school gives it, and whether the pupil repeats the grade (lưu
 * ban).  Entered a class at a time (the grid of the interface) or imported
 * from the school's monthly sheet (import.h, table "attendance"); the rates
 * (days present ÷ school days) by child, class, school, village, level,
 * ethnic minority and for the commune, for a month or the school year to
 * date.  Definitions: docs/definitions.md ("Attendance").
 *
 * Conventions as registry.h: a month is given as year and month (1..12);
 * a save is all or nothing, in one BEGIN IMMEDIATE transaction; rows read
 * carry their version and a save that finds a row changed since returns
 * HD_CONFLICT. */
#ifndef HD_ATTENDANCE_H
#define HD_ATTENDANCE_H

#include <stdint.h>

#include "core/config.h"
#include "core/db.h"

/* The fields of a month's row, for messages and the grid's columns. */
typedef enum hd_att_field {
    AF_SCHOOL_DAYS, AF_EXCUSED, AF_UNEXCUSED, AF_CONSECUTIVE, AF_REPEATING, AF_COUNT
} hd_att_field;

/* "school days", …: the field's name in messages (translated). */
const char *attendance_field_label(hd_att_field f);

/* One pupil's month. */
typedef struct hd_att {
    int64_t child_id;
    char child_uid[32];
    char *name;           /* owned; filled by attendance_class_get */
    int birth_year;
    int school_days;      /* 1..31; 0 = not entered */
    int excused;          /* days absent with leave (có phép) */
    int unexcused;        /* days absent without leave (không phép) */
    int consecutive;      /* longest run of days absent; -1 = not given */
    int repeating;        /* 1: repeats the grade this school year */
    int64_t version;      /* of the stored row; 0 = none stored yet */
} hd_att;

void attendance_rows_free(hd_att *rows, int n);

/* 0 when year-month is a teaching month of a school year (the config's
 * school_year.start_month and .months) that has started; else -1 with
 * "month: 07/2026 is not in the school year (09 to 05)". */
int attendance_check_month(const hd_config *cfg, int year, int month, hd_err *err);
/* The same with the start month and the number of teaching months. */
int attendance_month_ok(int start_month, int months, int year, int month, hd_err *err);

/* Checks one row's values for a month of `days_in_month` days; 0, or -1
 * with err ("days absent: 7 are more than the 6 school days") and *field
 * set to the field at fault. */
int attendance_check(const hd_att *a, int days_in_month, hd_att_field *field, hd_err *err);

/* A class of a school with pupils in school today. */
typedef struct hd_att_class {
    int64_t school_id;
    char *school;         /* owned */
    char *class_name;     /* owned */
    int pupils;
    int recorded;         /* of them, with the month entered */
} hd_att_class;

/* Every class with pupils in school, by school then class; *out owned by
 * the caller (attendance_classes_free).  Returns the count or -1. */
int attendance_classes(hd_db *db, int year, int month, hd_att_class **out, hd_err *err);
void attendance_classes_free(hd_att_class *c, int n);

/* The pupils of one class in school today, in Vietnamese name order, each
 * with the month's stored values (or zeros, version 0).  Returns the count
 * or -1; *out is the caller's (attendance_rows_free). */
int attendance_class_get(hd_db *db, int64_t school_id, const char *class_name, int year,
                         int month, hd_att **out, hd_err *err);

/* Saves the rows of one month, all or none.  Every row is checked first;
 * each problem goes to errors as "NAME: field: why" (NAME the pupil's name,
 * or its uid when no name was read) and nothing is saved.  A row whose
 * values did not change is left alone.  source: "manual", "import"…
 * Returns the number of rows written, -1 (errors or err), or HD_CONFLICT
 * when another user saved one of the rows since it was read. */
int attendance_save(hd_db *db, const hd_config *cfg, int year, int month, const hd_att *rows,
                    int n, const char *source, hd_msgs *errors, hd_err *err);

/* One row inside the caller's write transaction (the importer's): inserts
 * or updates the child's month without a version check.  Returns 1 when
 * added, 2 when changed, 0 when unchanged, -1 on error. */
int attendance_put(hd_db *db, int year, int month, const hd_att *a, const char *source,
                   hd_err *err);

/* Rates. */
typedef enum hd_att_group {
    ATT_BY_COMMUNE, ATT_BY_VILLAGE, ATT_BY_SCHOOL, ATT_BY_CLASS, ATT_BY_LEVEL,
    ATT_BY_MINORITY, ATT_BY_CHILD, ATT_BY_COUNT
} hd_att_group;

/* "commune", "village", …: the group's name on the command line; -1. */
const char *attendance_group_name(hd_att_group g);
int attendance_group_from_name(const char *name);

typedef struct hd_att_rate {
    char *label;          /* owned: the village, "school · class", level label…;
                           * "" for the commune; children "Name (year) UID" */
    long pupils;          /* pupils with a row in the period */
    long school_days;     /* pupil-days of school */
    long excused, unexcused;
    double rate;          /* percent present: (days − absent) ÷ days */
} hd_att_rate;

/* The rates over the months from..to (inclusive; year*12+month-1 style
 * pairs given as two year-months), grouped by g; the level and village
 * are the child's current ones.  lang picks the labels of levels.
 * At most `limit` rows (0: no limit); *out owned by the caller.  Returns
 * the count or -1. */
int attendance_rates(hd_db *db, int from_year, int from_month, int to_year, int to_month,
                     hd_att_group g, const char *lang, int limit, hd_att_rate **out,
                     hd_err *err);
void attendance_rates_free(hd_att_rate *r, int n);

/* The commune's attendance rate over the months (as attendance_rates'
 * ATT_BY_COMMUNE line): 1 with *rate, 0 when no attendance is recorded. */
int attendance_commune_rate(hd_db *db, int from_year, int from_month, int to_year,
                            int to_month, double *rate);

/* The latest month with attendance recorded: 1 with year and month, 0
 * when none is. */
int attendance_latest_month(hd_db *db, int *year, int *month);

/* The first month of the school year year-month belongs to. */
void attendance_year_start(const hd_config *cfg, int year, int month, int *sy, int *sm);

#endif
