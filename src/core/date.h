/* date.h — calendar dates as the offices write them (dd/mm/yyyy) and as we
 * store them (ISO yyyy-mm-dd, which sorts as text). */
#ifndef HD_DATE_H
#define HD_DATE_H

#include "core/util.h"

typedef struct hd_date {
    int year;  /* 1900..2100 */
    int month; /* 1..12 */
    int day;   /* 1..31 */
} hd_date;

int date_days_in_month(int year, int month);
int date_valid(hd_date d);

/* Parses "dd/mm/yyyy" (also d/m/yyyy, with '/', '-' or '.'), or ISO
 * "yyyy-mm-dd".  Refuses impossible dates (31/02, 29/02/2023) with a message
 * in err such as "31/02/2024: February 2024 has 29 days".  0 or -1. */
int date_parse(const char *s, hd_date *out, hd_err *err);

/* Parses a date of birth that may be only a year ("2012"), or a full date.
 * On success *year is set and, when a full date was given, *out too and
 * *has_day = 1. */
int date_parse_birth(const char *s, int *year, hd_date *out, int *has_day, hd_err *err);

/* Parses a month "2026-11", "11/2026" or "11-2026". */
int date_parse_month(const char *s, int *year, int *month, hd_err *err);

/* Writes into buf (at least 11 bytes). */
void date_iso(hd_date d, char *buf);   /* 2026-11-24 */
void date_vn(hd_date d, char *buf);    /* 24/11/2026 */

/* Compare: <0, 0, >0. */
int date_cmp(hd_date a, hd_date b);
/* Days since 1970-01-01 (for differences). */
long date_to_days(hd_date d);
hd_date date_from_days(long days);
hd_date date_today(void); /* local time; honours $HUYDONG_TODAY=yyyy-mm-dd for tests */

/* School year containing d, named by the year it starts in, given the month
 * the school year starts (September = 9): 15/11/2026 -> 2026, 15/03/2027 -> 2026. */
int date_school_year(hd_date d, int start_month);

#endif
