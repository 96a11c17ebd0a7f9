/* newyear.c — the children not yet back at the start of a school year, and
 * the schools' confirmations (definition: docs/definitions.md). */
#include "core/newyear.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/i18n.h"
#include "core/registry.h"
#include "core/text.h"

/* ---- the school year watched ------------------------------------------------ */

void newyear_period(hd_date today, int start_month, hd_newyear_period *p)
{
    /* Judged from next month's first day, so that the month before the start
     * (the August action month) already watches the coming year: everyone in
     * school then is "not yet back", which is what that month works through. */
    hd_date next = today.month == 12 ? (hd_date){today.year + 1, 1, 1}
                                     : (hd_date){today.year, today.month + 1, 1};
    memset(p, 0, sizeof *p);
    p->year = date_school_year(next, start_month);
    hd_date start = {p->year, start_month, 1};
    date_iso(start, p->start);
    date_iso(date_from_days(date_to_days(start) - 1), p->last_day);
    date_iso(today, p->today);
    p->days = (int)(date_to_days(today) - date_to_days(start));
}

/* ---- the watch list ------------------------------------------------------------ */

/* A transition: the last grade of primary or of lower secondary, where the
 * next grade is taught by another school (continuing education keeps its
 * pupils). */
#define NY_TRANSITION "(c.grade IN (5, 9) AND c.level <> 'continuing')"

/* The children not yet back: the latest history entry is dated on or before
 * the last day of the previous year (?1) and is in school.  The entry then
 * gives both the status at the end of that year and "nothing recorded
 * since"; child.status and status_date mirror it (schema.c), so no history
 * is read.  No level: not of school age (as in the figures).  Grade 12:
 * finished, not expected back.  ?2 a village (0 all), ?3 transitions only. */
#define NY_FROM                                                                          \
    " FROM child c LEFT JOIN household h ON h.id = c.household_id"                       \
    " LEFT JOIN village v ON v.id = h.village_id"                                         \
    " WHERE c.status IN ('enrolled','at_risk','returned') AND c.archived = 0"            \
    " AND c.status_date <= ?1 AND c.level IS NOT NULL AND coalesce(c.grade, 0) < 12"      \
    " AND (?2 = 0 OR h.village_id = ?2) AND (?3 = 0 OR " NY_TRANSITION ")"

static void bind_filter(sqlite3_stmt *st, const hd_newyear_period *p, const hd_newyear_filter *f)
{
    sqlite3_bind_text(st, 1, p->last_day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, f ? f->village_id : 0);
    sqlite3_bind_int(st, 3, f ? f->transitions_only != 0 : 0);
}

int newyear_count(hd_db *db, int start_month, hd_date today, const hd_newyear_filter *f,
                  int *transitions, hd_err *err)
{
    hd_newyear_period p;
    newyear_period(today, start_month, &p);
    sqlite3_stmt *st = db_prepare(db, "SELECT count(*), coalesce(sum(" NY_TRANSITION "), 0)"
                                      NY_FROM);
    bind_filter(st, &p, f);
    int rc = sqlite3_step(st), n = -1;
    if (rc == SQLITE_ROW) {
        n = sqlite3_column_int(st, 0);
        if (transitions)
            *transitions = sqlite3_column_int(st, 1);
    }
    db_finish(db, st);
    return rc == SQLITE_ROW ? n : db_fail(db, err, _("listing the children not yet back"));
}

/* Last year's grade and level give the next ones. */
static void next_grade(hd_newyear_row *r)
{
    r->next_grade = r->grade ? r->grade + 1 : 0;
    r->next_level = r->level == LEVEL_CONTINUING ? LEVEL_CONTINUING
                    : r->next_grade             ? (int)model_level_of_grade(r->next_grade)
                                                : r->level;
    r->transition = r->level != LEVEL_CONTINUING && (r->grade == 5 || r->grade == 9);
}

static void read_row(sqlite3_stmt *st, const hd_newyear_period *p, hd_newyear_row *r)
{
    memset(r, 0, sizeof *r);
    r->child_id = sqlite3_column_int64(st, 0);
    snprintf(r->child_uid, sizeof r->child_uid, "%s", sqlite3_column_text(st, 1));
    r->child = db_col_text(st, 2);
    r->birth_year = sqlite3_column_int(st, 3);
    r->version = sqlite3_column_int64(st, 4);
    r->household_id = sqlite3_column_int64(st, 5);
    if (sqlite3_column_type(st, 6) != SQLITE_NULL)
        snprintf(r->household_uid, sizeof r->household_uid, "%s", sqlite3_column_text(st, 6));
    r->household = db_col_text(st, 7);
    r->village = db_col_text(st, 8);
    r->level = model_from_code(VOCAB_LEVEL, (const char *)sqlite3_column_text(st, 9));
    r->grade = sqlite3_column_int(st, 10);
    r->class_name = db_col_text(st, 11);
    r->school = db_col_text(st, 12);
    r->status = model_from_code(VOCAB_STATUS, (const char *)sqlite3_column_text(st, 13));
    r->risk = (unsigned)sqlite3_column_int(st, 14);
    r->lead = db_col_text(st, 15);
    r->at_risk = r->status == STATUS_AT_RISK;
    r->days = p->days;
    next_grade(r);
}

int newyear_watch(hd_db *db, int start_month, hd_date today, const hd_newyear_filter *f,
                  hd_newyear_row **out, hd_err *err)
{
    hd_newyear_period p;
    newyear_period(today, start_month, &p);
    /* The household's lead: at most one open (assignment_one_lead). */
    sqlite3_stmt *st = db_prepare(db,
        "SELECT c.id, c.uid, c.full_name, c.birth_year, c.version, c.household_id, h.uid,"
        " h.head_name, v.name, c.level, c.grade, c.class_name,"
        " (SELECT name FROM school WHERE id = c.school_id), c.status, c.risk,"
        " (SELECT m.full_name FROM assignment a JOIN member m ON m.id = a.member_id"
        "   WHERE a.household_id = c.household_id AND a.role = 'lead'"
        "   AND a.end_date IS NULL AND a.archived = 0)" NY_FROM
        " ORDER BY v.sort_key IS NULL, v.sort_key, v.id, c.sort_key, c.birth_year, c.id");
    bind_filter(st, &p, f);
    int n = 0, cap = 0, rc;
    hd_newyear_row *r = NULL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            r = xreallocarray(r, (size_t)cap, sizeof *r);
        }
        read_row(st, &p, &r[n++]);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        newyear_rows_free(r, n);
        *out = NULL;
        return db_fail(db, err, _("listing the children not yet back"));
    }
    *out = r;
    return n;
}

void newyear_rows_free(hd_newyear_row *r, int n)
{
    for (int i = 0; r && i < n; i++) {
        free(r[i].child);
        free(r[i].household);
        free(r[i].village);
        free(r[i].class_name);
        free(r[i].school);
        free(r[i].lead);
    }
    free(r);
}

/* ---- confirmation ------------------------------------------------------------ */

/* dd/mm/yyyy of an ISO date, for messages. */
static const char *vn(const char *iso, char buf[11])
{
    hd_date d;
    buf[0] = '\0';
    if (date_parse(iso, &d, NULL) == 0)
        date_vn(d, buf);
    return buf;
}

/* The confirmation's date (ISO into iso): in the school year watched, up to
 * today.  Before the start nothing can be confirmed: an entry dated then
 * would belong to the previous year and leave the child on the list. */
static int confirm_date(const char *text, const hd_newyear_period *p, char iso[11], hd_err *err)
{
    hd_date d;
    if (str_empty(text))
        snprintf(iso, 11, "%s", p->today);
    else if (date_parse(text, &d, err) < 0)
        return -1;
    else
        date_iso(d, iso);
    char a[11], b[11];
    if (strcmp(iso, p->today) > 0)
        return hd_fail(err, _("date: %s is in the future"), vn(iso, a));
    if (strcmp(iso, p->start) < 0)
        return hd_fail(err, _("date: %s is before the school year %d-%d starts (%s)"),
                       vn(iso, a), p->year, p->year + 1, vn(p->start, b));
    return 0;
}

/* Whether the child is on the watch list; why not in err. */
static int confirm_expected(const hd_child *c, const hd_newyear_period *p, hd_err *err)
{
    /* TRANSLATORS: "vi" or "en": the language of the status's name. */
    const char *lang = _("en");
    if (c->archived)
        return hd_fail(err, _("%s is archived"), c->full_name);
    char d[11];
    if (strcmp(c->status_date, p->last_day) > 0)
        return hd_fail(err, _("%s already has a status in %d-%d: %s on %s"), c->full_name,
                       p->year, p->year + 1, model_label(VOCAB_STATUS, c->status, lang),
                       vn(c->status_date, d));
    if (c->status != STATUS_ENROLLED && c->status != STATUS_AT_RISK &&
        c->status != STATUS_RETURNED)
        return hd_fail(err, _("%s was not in school at the end of the last school year (%s)"),
                       c->full_name, model_label(VOCAB_STATUS, c->status, lang));
    if (c->level < 0)
        return hd_fail(err, _("%s has no level: not expected at school"), c->full_name);
    if (c->grade == 12)
        return hd_fail(err, _("%s finished grade 12: not expected back"), c->full_name);
    return 0;
}

/* 1 when the school's levels (free text: codes or labels, comma-separated)
 * include level, or say nothing known. */
static int school_teaches(const char *levels, int level)
{
    unsigned known = 0;
    char *copy = xstrdup(levels ? levels : ""), *save = NULL;
    for (char *w = strtok_r(copy, ",;", &save); w; w = strtok_r(NULL, ",;", &save)) {
        int l = model_lookup(VOCAB_LEVEL, str_trim(w));
        if (l >= 0)
            known |= 1u << l;
    }
    free(copy);
    return !known || (known & (1u << level));
}

/* The school of the new year: given, else last year's; it must be live and
 * teach the new level (which catches a 5→6 confirmed in the primary school). */
static int confirm_school(hd_db *db, hd_child *c, int64_t school_id, hd_err *err)
{
    if (school_id)
        c->school_id = school_id;
    if (!c->school_id || c->level < 0 || c->level >= LEVEL_COUNT)
        return 0;
    hd_school s;
    if (school_get(db, c->school_id, &s, err) < 0)
        return -1;
    int rc = 0;
    /* TRANSLATORS: "vi" or "en": the language of the level's name. */
    const char *lang = _("en");
    if (s.archived)
        rc = hd_fail(err, _("school: %s is archived"), s.name);
    else if (!school_teaches(s.levels, c->level))
        rc = hd_fail(err, _("school: %s does not teach %s; name the new school"), s.name,
                     model_label(VOCAB_LEVEL, c->level, lang));
    school_free(&s);
    return rc;
}

/* The child's fields for the new year. */
static int confirm_fields(hd_db *db, hd_child *c, const hd_newyear_confirm *in, hd_err *err)
{
    int grade = in->grade ? in->grade : c->grade ? c->grade + 1 : 0;
    if (!grade)
        return hd_fail(err, _("grade: required (last year's grade is not known)"));
    if (grade < 1 || grade > 12)
        return hd_fail(err, _("grade: %d is not between 1 and 12"), grade);
    if (c->level != LEVEL_CONTINUING)
        c->level = (int)model_level_of_grade(grade);
    c->grade = grade;
    /* Last year's class ("5A") says nothing of this year's. */
    free(c->class_name);
    c->class_name = xstrdup(in->class_name ? in->class_name : "");
    return confirm_school(db, c, in->school_id, err);
}

static int confirm_write(hd_db *db, const hd_newyear_period *p, const hd_newyear_confirm *in,
                         const char *date, hd_err *err)
{
    hd_child c;
    if (child_get(db, in->child_id, &c, err) < 0)
        return -1;
    int rc = 0;
    if (c.version != in->version) {
        hd_fail(err, _("%s: someone else changed this record since you opened it"),
                _("saving the child"));
        rc = HD_CONFLICT;
    }
    if (rc == 0)
        rc = confirm_expected(&c, p, err);
    if (rc == 0)
        rc = confirm_fields(db, &c, in, err);
    if (rc == 0)
        rc = child_update(db, &c, err);
    if (rc == 0) {
        char *why = xasprintf(_("Into the school year %d-%d"), p->year, p->year + 1);
        rc = child_set_status(db, c.id, STATUS_ENROLLED, date, why, "newyear", err);
        free(why);
    }
    child_free(&c);
    return rc;
}

int newyear_confirm(hd_db *db, int start_month, const hd_newyear_confirm *in, hd_err *err)
{
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    hd_newyear_period p;
    newyear_period(date_today(), start_month, &p);
    char date[11];
    if (confirm_date(in->date, &p, date, err) < 0)
        return -1;
    /* Read, checked and written in one write transaction: two users
     * confirming the same child cannot both pass the checks. */
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    authz_grant_begin(db);
    int rc = confirm_write(db, &p, in, date, err);
    authz_grant_end(db);
    hd_err e2;
    if (db_write_end(db, tok, rc == 0, &e2) < 0 && rc == 0) {
        *err = e2;
        rc = -1;
    }
    return rc;
}

/* ---- names ----------------------------------------------------------------- */

int64_t newyear_lookup(hd_db *db, const char *table, const char *text, const char *what,
                       hd_err *err)
{
    const char *t = text ? text : "";
    int is_school = strcmp(table, "school") == 0;
    int64_t id = record_id_by_uid(db, is_school ? "school" : "village", t);
    if (id > 0)
        return id;
    sqlite3_stmt *st = db_prepare(db, is_school
        ? "SELECT id FROM school WHERE fold = ?1 AND archived = 0 ORDER BY id LIMIT 2"
        : "SELECT id FROM village WHERE fold = ?1 AND archived = 0 ORDER BY id LIMIT 2");
    sqlite3_bind_text(st, 1, text_fold(t), -1, free);
    int n = 0;
    while (n < 2 && sqlite3_step(st) == SQLITE_ROW)
        if (n++ == 0)
            id = sqlite3_column_int64(st, 0);
    db_finish(db, st);
    if (n == 1)
        return id;
    if (n == 0)
        return hd_fail(err, _("%s: no %s with code or name '%s'"), what, what, t);
    return hd_fail(err, _("%s: more than one is called '%s'; use its code"), what, t);
}
