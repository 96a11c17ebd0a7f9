/* date.c — Gregorian dates: parsing as offices write them, day arithmetic. */
#include "core/date.h"

#include "core/i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define YEAR_MIN 1900
#define YEAR_MAX 2100

/* For messages ("February 2015 has 28 days"); translated where shown. */
static const char *const month_names[12] = {
    N_("January"), N_("February"), N_("March"),     N_("April"),
    N_("May"),     N_("June"),     N_("July"),      N_("August"),
    N_("September"), N_("October"), N_("November"), N_("December"),
};

/* Up to three numbers joined by one kind of separator: "24/11/2026". */
typedef struct groups {
    int v[3];
    int digits[3];
    int n;
} groups;

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

int date_valid(hd_date d)
{
    return d.year >= YEAR_MIN && d.year <= YEAR_MAX && d.month >= 1 && d.month <= 12 &&
           d.day >= 1 && d.day <= date_days_in_month(d.year, d.month);
}

/* Copies s without surrounding white space; -1 when it does not fit (nothing
 * that long is a date).  out is always a string usable in a message. */
static int trim_copy(const char *s, char *out, size_t cap)
{
    if (!s)
        s = "";
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    int fits = n < cap;
    if (!fits)
        n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
    return fits ? 0 : -1;
}

/* Splits s into numbers of 1-4 digits; -1 on anything else, on mixed
 * separators ("1/2-2024") and on empty groups. */
static int split_groups(const char *s, groups *g)
{
    char sep = 0;
    g->n = 0;
    for (;;) {
        if (g->n == 3 || !isdigit((unsigned char)*s))
            return -1;
        int v = 0, nd = 0;
        for (; isdigit((unsigned char)*s); s++, nd++) {
            if (nd == 4)
                return -1;
            v = v * 10 + (*s - '0');
        }
        g->v[g->n] = v;
        g->digits[g->n++] = nd;
        if (!*s)
            return 0;
        if (!strchr("/-.", *s) || (sep && *s != sep))
            return -1;
        sep = *s++;
    }
}

static int check_year(const char *t, int year, hd_err *err)
{
    if (year < YEAR_MIN || year > YEAR_MAX)
        return hd_fail(err, _("%s: year %d is outside %d..%d"), t, year, YEAR_MIN, YEAR_MAX);
    return 0;
}

static int check_month(const char *t, int month, hd_err *err)
{
    if (month < 1 || month > 12)
        return hd_fail(err, _("%s: no month %d"), t, month);
    return 0;
}

static int check_date(const char *t, hd_date d, hd_err *err)
{
    if (check_year(t, d.year, err) < 0 || check_month(t, d.month, err) < 0)
        return -1;
    int dim = date_days_in_month(d.year, d.month);
    if (d.day < 1)
        return hd_fail(err, _("%s: no day %d"), t, d.day);
    if (d.day > dim)
        /* TRANSLATORS: "31/02/2015: February 2015 has 28 days". */
        return hd_fail(err, _("%s: %s %d has %d days"), t, _(month_names[d.month - 1]),
                       d.year, dim);
    return 0;
}

/* Two functions, not one with "date" or "month" filled in: translators
 * need whole sentences. */
static int not_a_date(hd_err *err, const char *t, const char *expected)
{
    if (!*t)
        return hd_fail(err, _("empty date (expected %s)"), expected);
    return hd_fail(err, _("%s: not a date (expected %s)"), t, expected);
}

static int not_a_month(hd_err *err, const char *t, const char *expected)
{
    if (!*t)
        return hd_fail(err, _("empty month (expected %s)"), expected);
    return hd_fail(err, _("%s: not a month (expected %s)"), t, expected);
}

static int year_digits_error(hd_err *err, const char *t)
{
    return hd_fail(err, _("%s: the year must have four digits"), t);
}

/* Orders the three groups as a date: ISO when the first has four digits,
 * otherwise day, month, year. */
static int groups_to_date(const char *t, const groups *g, hd_date *d, const char *expected,
                          hd_err *err)
{
    if (g->n != 3)
        return not_a_date(err, t, expected);
    if (g->digits[0] == 4) {
        if (g->digits[1] > 2 || g->digits[2] > 2)
            return not_a_date(err, t, expected);
        *d = (hd_date){g->v[0], g->v[1], g->v[2]};
        return 0;
    }
    if (g->digits[0] > 2 || g->digits[1] > 2)
        return not_a_date(err, t, expected);
    if (g->digits[2] != 4)
        return year_digits_error(err, t);
    *d = (hd_date){g->v[2], g->v[1], g->v[0]};
    return 0;
}

static int parse_date(const char *s, hd_date *out, const char *expected, hd_err *err)
{
    char t[64];
    groups g;
    hd_date d;
    if (trim_copy(s, t, sizeof t) < 0 || split_groups(t, &g) < 0)
        return not_a_date(err, t, expected);
    if (groups_to_date(t, &g, &d, expected, err) < 0 || check_date(t, d, err) < 0)
        return -1;
    *out = d;
    return 0;
}

int date_parse(const char *s, hd_date *out, hd_err *err)
{
    return parse_date(s, out, "dd/mm/yyyy", err);
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return 0;
    return 1;
}

int date_parse_birth(const char *s, int *year, hd_date *out, int *has_day, hd_err *err)
{
    char t[64];
    int fits = trim_copy(s, t, sizeof t) == 0;
    if (fits && all_digits(t)) {
        if (strlen(t) != 4)
            return year_digits_error(err, t);
        int y = atoi(t);
        if (check_year(t, y, err) < 0)
            return -1;
        *year = y;
        if (has_day)
            *has_day = 0;
        return 0;
    }
    hd_date d;
    if (parse_date(s, &d, _("yyyy or dd/mm/yyyy"), err) < 0)
        return -1;
    *year = d.year;
    if (out)
        *out = d;
    if (has_day)
        *has_day = 1;
    return 0;
}

int date_parse_month(const char *s, int *year, int *month, hd_err *err)
{
    static const char expected[] = "mm/yyyy";
    char t[64];
    groups g;
    if (trim_copy(s, t, sizeof t) < 0 || split_groups(t, &g) < 0 || g.n != 2)
        return not_a_month(err, t, expected);
    int y, m;
    if (g.digits[0] == 4 && g.digits[1] <= 2) {
        y = g.v[0];
        m = g.v[1];
    } else if (g.digits[0] <= 2 && g.digits[1] == 4) {
        m = g.v[0];
        y = g.v[1];
    } else if (g.digits[0] <= 2 && g.digits[1] <= 2) {
        return year_digits_error(err, t);
    } else {
        return not_a_month(err, t, expected);
    }
    if (check_year(t, y, err) < 0 || check_month(t, m, err) < 0)
        return -1;
    *year = y;
    *month = m;
    return 0;
}

void date_iso(hd_date d, char *buf)
{
    snprintf(buf, 11, "%04d-%02d-%02d", d.year, d.month, d.day);
}

void date_vn(hd_date d, char *buf)
{
    snprintf(buf, 11, "%02d/%02d/%04d", d.day, d.month, d.year);
}

int date_cmp(hd_date a, hd_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    return (a.day > b.day) - (a.day < b.day);
}

/* H. Hinnant's days_from_civil: years start in March so the leap day falls
 * last, and 400-year eras repeat exactly. */
long date_to_days(hd_date d)
{
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The inverse, civil_from_days. */
hd_date date_from_days(long days)
{
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2);
    return (hd_date){(int)year, (int)month, (int)day};
}

hd_date date_today(void)
{
    const char *env = getenv("HUYDONG_TODAY");
    hd_date d;
    if (env && *env && date_parse(env, &d, NULL) == 0)
        return d;
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm))
        return (hd_date){1970, 1, 1};
    return (hd_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

int date_school_year(hd_date d, int start_month)
{
    if (start_month < 1 || start_month > 12)
        start_month = 9;
    return d.month >= start_month ? d.year : d.year - 1;
}
