/* import_rows.c — one CSV row into one record, per kind of record: find
 * the record it means (its code, else its natural key), read the cells over
 * it, and save it when something changed. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/ident.h"
#include "core/import_int.h"
#include "core/registry.h"
#include "core/text.h"

/* ---- outcome of a row ------------------------------------------------------ */

/* A stable key from the file: kept as it is, so records moved between
 * databases keep their identity. */
const char *imp_uid_value(importer *im)
{
    const char *v = imp_val(im, COL_UID);
    if (!v || !*v)
        return NULL;
    size_t n = strlen(v);
    int ok = n < 32;
    for (const char *p = v; ok && *p; p++)
        ok = isalnum((unsigned char)*p) || *p == '-' || *p == '_';
    if (!ok) {
        imp_bad(im, COL_UID, _("'%s' is not a record code"), v);
        return NULL;
    }
    return v;
}

void imp_save_result(importer *im, int rc, const hd_err *e, int64_t id, int existed,
                        int changed)
{
    if (rc < 0) {
        imp_bad(im, COL_COUNT, "%s", e->msg);
        return;
    }
    size_t first = imp_seen_before(im, id, im->line);
    if (first)
        imp_warn(im, _("the same record as line %zu"), first);
    if (!existed)
        im->stats->added++;
    else if (changed)
        im->stats->updated++;
    else
        im->stats->unchanged++;
}

int64_t imp_find_by_uid(importer *im, const char *table, const char *uid)
{
    return uid ? record_id_by_uid(im->db, table, uid) : 0;
}

/* ---- villages -------------------------------------------------------------- */

static char *village_print(const hd_village *v)
{
    return xasprintf("%s|%d|%s|%s|%d", v->name, v->kind, v->branch_name,
                     v->branch_secretary, v->archived);
}

void imp_village_row(importer *im)
{
    const char *uid = imp_uid_value(im);
    const char *name = imp_val(im, COL_V_NAME);
    int64_t id = imp_find_by_uid(im, "village", uid);
    if (!id && !uid && name && *name)
        id = imp_lookup_by_fold(im, "village", name);
    hd_village v = {.kind = VKIND_THON};
    hd_err e;
    if (id < 0) {
        imp_bad(im, COL_V_NAME, _("more than one village is called '%s'; use its code"), name);
        return;
    }
    if (id > 0 && village_get(im->db, id, &v, &e) < 0)
        imp_bad(im, COL_COUNT, "%s", e.msg);
    if (!id && uid)
        snprintf(v.uid, sizeof v.uid, "%s", uid);
    char *before = village_print(&v);
    imp_take_text(im, COL_V_NAME, &v.name);
    imp_take_vocab(im, COL_V_KIND, VOCAB_VILLAGE_KIND, &v.kind, 1);
    imp_take_text(im, COL_V_BRANCH, &v.branch_name);
    imp_take_text(im, COL_V_SECRETARY, &v.branch_secretary);
    imp_take_bool(im, COL_ARCHIVED, &v.archived);
    if (str_empty(v.name))
        imp_bad(im, COL_V_NAME, _("required"));
    char *after = village_print(&v);
    int changed = strcmp(before, after) != 0;
    if (!im->row_bad) {
        int rc = !id ? village_insert(im->db, &v, &e)
                     : changed ? village_update(im->db, &v, &e) : 0;
        imp_save_result(im, rc, &e, v.id, id != 0, changed);
    }
    free(before);
    free(after);
    village_free(&v);
}

/* ---- schools --------------------------------------------------------------- */

static char *school_print(const hd_school *s)
{
    return xasprintf("%s|%s|%s|%d", s->name, s->levels, s->address, s->archived);
}

void imp_school_row(importer *im)
{
    const char *uid = imp_uid_value(im);
    const char *name = imp_val(im, COL_S_NAME);
    int64_t id = imp_find_by_uid(im, "school", uid);
    if (!id && !uid && name && *name)
        id = imp_lookup_by_fold(im, "school", name);
    hd_school s = {0};
    hd_err e;
    if (id < 0) {
        imp_bad(im, COL_S_NAME, _("more than one school is called '%s'; use its code"), name);
        return;
    }
    if (id > 0 && school_get(im->db, id, &s, &e) < 0)
        imp_bad(im, COL_COUNT, "%s", e.msg);
    if (!id && uid)
        snprintf(s.uid, sizeof s.uid, "%s", uid);
    char *before = school_print(&s);
    imp_take_text(im, COL_S_NAME, &s.name);
    imp_take_text(im, COL_S_LEVELS, &s.levels);
    imp_take_text(im, COL_S_ADDRESS, &s.address);
    imp_take_bool(im, COL_ARCHIVED, &s.archived);
    if (str_empty(s.name))
        imp_bad(im, COL_S_NAME, _("required"));
    char *after = school_print(&s);
    int changed = strcmp(before, after) != 0;
    if (!im->row_bad) {
        int rc = !id ? school_insert(im->db, &s, &e)
                     : changed ? school_update(im->db, &s, &e) : 0;
        imp_save_result(im, rc, &e, s.id, id != 0, changed);
    }
    free(before);
    free(after);
    school_free(&s);
}

/* ---- households ------------------------------------------------------------ */

static char *household_print(const hd_household *h)
{
    return xasprintf("%lld|%s|%s|%s|%d|%s|%d|%s|%d", (long long)h->village_id, h->head_name,
                     h->address, h->phone, h->poverty, h->ethnicity, h->ethnic_minority,
                     h->notes, h->archived);
}

static int64_t household_natural(importer *im, const char *head, int64_t village_id)
{
    char *fold = text_fold(head);
    int64_t id = imp_lookup_id(im, "SELECT id FROM household WHERE fold = ?1 AND village_id = ?2"
                               " AND archived = 0", fold, village_id);
    free(fold);
    return id;
}

void imp_household_row(importer *im)
{
    const char *uid = imp_uid_value(im);
    const char *head = imp_val(im, COL_H_HEAD);
    int64_t village_id = imp_village_ref(im, COL_H_VILLAGE);
    int64_t id = imp_find_by_uid(im, "household", uid);
    if (!id && !uid && head && *head && village_id)
        id = household_natural(im, head, village_id);
    hd_household h = {0};
    hd_err e;
    if (id < 0) {
        imp_bad(im, COL_H_HEAD, _("two households of this village have the head '%s'; use "
                              "the household code"), head);
        return;
    }
    if (id > 0 && household_get(im->db, id, &h, &e) < 0)
        imp_bad(im, COL_COUNT, "%s", e.msg);
    if (!id && uid)
        snprintf(h.uid, sizeof h.uid, "%s", uid);
    char *before = household_print(&h);
    if (village_id)
        h.village_id = village_id;
    else if (imp_val(im, COL_H_VILLAGE) && !im->row_bad)
        imp_bad(im, COL_H_VILLAGE, _("required"));
    imp_take_text(im, COL_H_HEAD, &h.head_name);
    imp_take_text(im, COL_H_ADDRESS, &h.address);
    imp_take_phone(im, COL_H_PHONE, &h.phone);
    imp_take_vocab(im, COL_H_POVERTY, VOCAB_POVERTY, &h.poverty, 1);
    imp_take_text(im, COL_H_ETHNICITY, &h.ethnicity);
    imp_take_bool(im, COL_H_MINORITY, &h.ethnic_minority);
    imp_take_text(im, COL_H_NOTES, &h.notes);
    imp_take_bool(im, COL_ARCHIVED, &h.archived);
    if (str_empty(h.head_name))
        imp_bad(im, COL_H_HEAD, _("required"));
    char *after = household_print(&h);
    int changed = strcmp(before, after) != 0;
    if (!im->row_bad) {
        int rc = !id ? household_insert(im->db, &h, &e)
                     : changed ? household_update(im->db, &h, &e) : 0;
        imp_save_result(im, rc, &e, h.id, id != 0, changed);
    }
    free(before);
    free(after);
    household_free(&h);
}

/* ---- children -------------------------------------------------------------- */

static char *child_print(const hd_child *c)
{
    return xasprintf("%lld|%s|%d|%d|%s|%s|%d|%lld|%d|%d|%s|%u|%s|%s|%d",
                     (long long)c->household_id, c->full_name, c->sex, c->birth_year,
                     c->birth_date, c->ethnicity, c->ethnic_minority, (long long)c->school_id,
                     c->level, c->grade, c->class_name, c->risk, c->risk_other, c->notes,
                     c->archived);
}

/* The household named by the row: its code, or its head and village. */
static int64_t child_household(importer *im)
{
    const char *code = imp_val(im, COL_C_HOUSEHOLD_UID);
    if (code && *code) {
        int64_t id = record_id_by_uid(im->db, "household", code);
        if (!id)
            imp_bad(im, COL_C_HOUSEHOLD_UID, _("no household with code '%s'"), code);
        return id;
    }
    const char *head = imp_val(im, COL_C_HEAD);
    if (!head || !*head)
        return 0;
    int64_t village = imp_village_ref(im, COL_C_VILLAGE);
    if (!village) {
        if (!imp_val(im, COL_C_VILLAGE) || !*imp_val(im, COL_C_VILLAGE))
            imp_bad(im, COL_C_VILLAGE, _("required to find the household of '%s'"), head);
        return 0;
    }
    int64_t id = household_natural(im, head, village);
    if (id < 0)
        imp_bad(im, COL_C_HEAD, _("two households of this village have the head '%s'; use "
                              "the household code"), head);
    else if (!id)
        imp_bad(im, COL_C_HEAD, _("no household with head '%s' in this village (import "
                              "the households first)"), head);
    return id > 0 ? id : 0;
}

static int64_t child_natural(importer *im, const char *name, int year, int64_t household)
{
    sqlite3_stmt *st = db_prepare(im->db,
        "SELECT id, full_name = ?1 FROM child WHERE fold = ?2 AND birth_year = ?3"
        " AND household_id IS ?4 AND archived = 0 ORDER BY id");
    char *fold = text_fold(name);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, fold, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, year);
    db_bind_id(st, 4, household);
    int64_t exact = 0, similar = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (sqlite3_column_int(st, 1) && !exact)
            exact = sqlite3_column_int64(st, 0);
        else if (!similar)
            similar = sqlite3_column_int64(st, 0);
    }
    db_finish(im->db, st);
    free(fold);
    if (!exact && similar) {
        hd_child other;
        if (child_get(im->db, similar, &other, NULL) == 0) {
            imp_warn(im,
                 _("possible duplicate of %s '%s' (born %d, same household); imported as a "
                   "new child"),
                 other.uid, other.full_name, year);
            child_free(&other);
        }
    }
    return exact;
}

/* A sheet that knows no households (a school's): the one child of that
 * name born that day (or year, when the sheet gives only the year), in any
 * household; 0 when none or several (then warned). */
static int64_t child_without_household(importer *im, const char *name, int year,
                                       const char *birth)
{
    sqlite3_stmt *st = db_prepare(im->db,
        "SELECT id FROM child WHERE fold = ?1 AND birth_year = ?2"
        " AND (?3 = '' OR birth_date IS NULL OR birth_date = ?3) AND archived = 0"
        " ORDER BY id LIMIT 2");
    char *fold = text_fold(name);
    sqlite3_bind_text(st, 1, fold, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, year);
    sqlite3_bind_text(st, 3, birth, -1, SQLITE_STATIC);
    int64_t id = 0;
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        n++;
    }
    db_finish(im->db, st);
    free(fold);
    if (n > 1) {
        imp_warn(im, _("more than one child is called '%s', born %d; imported as a new child "
                       "(give the pupil code to match)"), name, year);
        return 0;
    }
    return id;
}

/* The birth year and (when the file gives the day) ISO date; year 0 when the
 * file has no birth column. */
static void child_birth(importer *im, int *year, char iso[11])
{
    const char *v = imp_val(im, COL_C_BIRTH);
    *year = 0;
    iso[0] = '\0';
    if (!v)
        return;
    int has_day = 0;
    hd_date d;
    hd_err e;
    if (!*v)
        imp_bad(im, COL_C_BIRTH, _("required (dd/mm/yyyy or the year)"));
    else if (date_parse_birth(v, year, &d, &has_day, &e) < 0)
        imp_bad(im, COL_C_BIRTH, "%s", e.msg);
    else if (has_day)
        date_iso(d, iso);
}

static void child_fields(importer *im, hd_child *c)
{
    imp_take_text(im, COL_C_NAME, &c->full_name);
    imp_take_vocab(im, COL_C_SEX, VOCAB_SEX, &c->sex, c->id != 0);
    imp_take_text(im, COL_C_ETHNICITY, &c->ethnicity);
    imp_take_bool(im, COL_C_MINORITY, &c->ethnic_minority);
    if (imp_val(im, COL_C_SCHOOL))
        c->school_id = imp_school_ref(im, COL_C_SCHOOL);
    if (imp_val(im, COL_C_LEVEL) && !*imp_val(im, COL_C_LEVEL))
        c->level = -1;
    else
        imp_take_vocab(im, COL_C_LEVEL, VOCAB_LEVEL, &c->level, 0);
    imp_take_int(im, COL_C_GRADE, &c->grade, 1, 12);
    imp_take_text(im, COL_C_CLASS, &c->class_name);
    imp_take_risks(im, COL_C_RISK, &c->risk);
    /* a profile's poor-household mark adds the risk factor, never clears */
    const char *poor = imp_val(im, COL_P_POOR);
    if (poor && *poor) {
        int yes = 0;
        imp_take_bool(im, COL_P_POOR, &yes);
        if (yes)
            c->risk |= 1u << RISK_POVERTY;
    }
    imp_take_text(im, COL_C_RISK_OTHER, &c->risk_other);
    imp_take_text(im, COL_C_NOTES, &c->notes);
    imp_take_bool(im, COL_ARCHIVED, &c->archived);
    if (str_empty(c->full_name))
        imp_bad(im, COL_C_NAME, _("required"));
}

/* The status the row asks for, and since when; -1 when the row names none. */
static int child_status_wanted(importer *im, char since[11])
{
    int status = -1;
    imp_take_vocab(im, COL_C_STATUS, VOCAB_STATUS, &status, 1);
    const char *v = imp_val(im, COL_C_STATUS_DATE);
    hd_date d = date_today();
    hd_err e;
    if (v && *v && date_parse(v, &d, &e) < 0)
        imp_bad(im, COL_C_STATUS_DATE, "%s", e.msg);
    else if (date_cmp(d, date_today()) > 0)
        imp_bad(im, COL_C_STATUS_DATE, _("%s is in the future"), v);
    else if (!v || !*v) {
        /* Enrolled with no date: since the start of this school year, so the
         * year's figures count the child from its beginning. */
        if (status < 0 || status == STATUS_ENROLLED)
            d = (hd_date){date_school_year(d, im->start_month), im->start_month, 1};
    }
    date_iso(d, since);
    return status;
}

/* The row's pupil code and personal identification number (NULL when
 * absent or empty; a malformed one is reported). */
static void child_idents(importer *im, const char *ids[2])
{
    static const hd_col cols[2] = {COL_C_PUPIL_CODE, COL_C_PID};
    static const char *const kinds[2] = {IDENT_PUPIL_CODE, IDENT_PID};
    for (int i = 0; i < 2; i++) {
        const char *v = imp_val(im, cols[i]);
        hd_err e;
        ids[i] = NULL;
        if (!v || !*v)
            continue;
        if (ident_check(kinds[i], v, &e) < 0)
            imp_bad(im, cols[i], "%s", e.msg);
        else
            ids[i] = v;
    }
}

/* The child an identifier names: the pupil code first. */
static int64_t child_by_idents(importer *im, const char *const ids[2])
{
    int64_t id = ids[0] ? ident_find(im->db, IDENT_PUPIL_CODE, ids[0]) : 0;
    if (!id && ids[1])
        id = ident_find(im->db, IDENT_PID, ids[1]);
    return id;
}

/* Gives the saved child the row's identifiers; 1 when one was written. */
static int save_idents(importer *im, int64_t child, const char *const ids[2], hd_err *e)
{
    static const char *const kinds[2] = {IDENT_PUPIL_CODE, IDENT_PID};
    static const hd_col cols[2] = {COL_C_PUPIL_CODE, COL_C_PID};
    int any = 0;
    for (int i = 0; i < 2; i++) {
        int changed = 0;
        if (ids[i] && ident_set(im->db, child, kinds[i], ids[i], &changed, e) < 0) {
            imp_bad(im, cols[i], "%s", e->msg);
            return -1;
        }
        any |= changed;
    }
    return any;
}

static void save_child(importer *im, hd_child *c, int existed, int changed, int status,
                       const char *since, const char *const ids[2])
{
    hd_err e;
    int rc = 0;
    if (!existed) {
        rc = child_insert(im->db, c, status < 0 ? STATUS_ENROLLED : status, since,
                          im->status_reason ? im->status_reason : "", "import", &e);
    } else {
        if (changed)
            rc = child_update(im->db, c, &e);
        if (rc == 0 && status >= 0 && status != c->status) {
            char *why = im->status_reason
                            ? xasprintf("%s (tệp %s)", im->status_reason, im->path)
                            : xasprintf("Cập nhật từ tệp %s", im->path);
            rc = child_set_status(im->db, c->id, status, since, why, "import", &e);
            free(why);
            changed = 1;
        }
    }
    if (rc == 0) {
        int wrote = save_idents(im, c->id, ids, &e);
        if (wrote < 0)
            return;
        changed |= wrote;
    }
    imp_save_result(im, rc, &e, c->id, existed, changed);
}

void imp_child_row(importer *im)
{
    const char *uid = imp_uid_value(im);
    hd_child c = {.level = -1, .sex = -1};
    hd_err e;
    int64_t household = child_household(im);
    int year;
    char birth[11];
    child_birth(im, &year, birth);
    int64_t id = imp_find_by_uid(im, "child", uid);
    const char *ids[2];
    child_idents(im, ids);
    if (!id && !uid)
        id = child_by_idents(im, ids);
    const char *name = imp_val(im, COL_C_NAME);
    int knows_households = imp_val(im, COL_C_HOUSEHOLD_UID) || imp_val(im, COL_C_HEAD);
    if (!id && !uid && name && *name && year && !im->row_bad)
        id = knows_households ? child_natural(im, name, year, household)
                              : child_without_household(im, name, year, birth);
    if (id > 0 && child_get(im->db, id, &c, &e) < 0)
        imp_bad(im, COL_COUNT, "%s", e.msg);
    if (!id && uid)
        snprintf(c.uid, sizeof c.uid, "%s", uid);
    /* a new child is compared with nothing */
    char *before = id ? child_print(&c) : NULL;
    if (year) {
        c.birth_year = year;
        memcpy(c.birth_date, birth, sizeof birth);
    }
    if (imp_val(im, COL_C_HOUSEHOLD_UID) || imp_val(im, COL_C_HEAD))
        c.household_id = household;
    child_fields(im, &c);
    char since[11];
    int status = child_status_wanted(im, since);
    char *after = id ? child_print(&c) : NULL;
    if (!im->row_bad)
        save_child(im, &c, id != 0, id && strcmp(before, after) != 0, status, since, ids);
    free(before);
    free(after);
    child_free(&c);
}

/* ---- members --------------------------------------------------------------- */

static char *member_print(const hd_member *m)
{
    return xasprintf("%s|%d|%d|%lld|%lld|%s|%s|%d", m->full_name, m->org, m->committee_role,
                     (long long)m->village_id, (long long)m->school_id, m->phone, m->login,
                     m->archived);
}

void imp_member_row(importer *im)
{
    const char *uid = imp_uid_value(im);
    const char *name = imp_val(im, COL_M_NAME);
    int64_t id = imp_find_by_uid(im, "member", uid);
    if (!id && !uid && name && *name)
        id = imp_lookup_by_fold(im, "member", name);
    hd_member m = {.org = ORG_COMMUNE, .committee_role = CROLE_MEMBER};
    hd_err e;
    if (id < 0) {
        imp_bad(im, COL_M_NAME, _("two members are called '%s'; use the member code"), name);
        return;
    }
    if (id > 0 && member_get(im->db, id, &m, &e) < 0)
        imp_bad(im, COL_COUNT, "%s", e.msg);
    if (!id && uid)
        snprintf(m.uid, sizeof m.uid, "%s", uid);
    char *before = member_print(&m);
    imp_take_text(im, COL_M_NAME, &m.full_name);
    imp_take_vocab(im, COL_M_ORG, VOCAB_ORG, &m.org, 1);
    imp_take_vocab(im, COL_M_ROLE, VOCAB_CROLE, &m.committee_role, 1);
    if (imp_val(im, COL_M_VILLAGE))
        m.village_id = imp_village_ref(im, COL_M_VILLAGE);
    if (imp_val(im, COL_M_SCHOOL))
        m.school_id = imp_school_ref(im, COL_M_SCHOOL);
    imp_take_phone(im, COL_M_PHONE, &m.phone);
    imp_take_text(im, COL_M_LOGIN, &m.login);
    imp_take_bool(im, COL_ARCHIVED, &m.archived);
    if (str_empty(m.full_name))
        imp_bad(im, COL_M_NAME, _("required"));
    char *after = member_print(&m);
    int changed = strcmp(before, after) != 0;
    if (!im->row_bad) {
        int rc = !id ? member_insert(im->db, &m, &e)
                     : changed ? member_update(im->db, &m, &e) : 0;
        imp_save_result(im, rc, &e, m.id, id != 0, changed);
    }
    free(before);
    free(after);
    member_free(&m);
}

