/* registry.c — inserting, updating and reading the commune's records. */
#include "core/registry.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/authz.h"
#include "core/i18n.h"
#include "core/text.h"

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* ---- text fields -------------------------------------------------------- */

int record_norm_text(char **field, const char *what, hd_err *err)
{
    if (!*field) {
        *field = xstrdup("");
        return 0;
    }
    char *n = text_nfc(*field);
    if (!n)
        return hd_fail(err, _("%s: not valid UTF-8 text"), what);
    str_trim(n);
    free(*field);
    *field = n;
    return 0;
}

static int require(const char *s, const char *what, hd_err *err)
{
    if (str_empty(s))
        return hd_fail(err, _("%s: required"), what);
    return 0;
}

/* A Vietnamese phone number: 9 to 11 digits, with optional +84, spaces,
 * dots or hyphens between groups. */
int registry_check_phone(const char *s, hd_err *err)
{
    if (str_empty(s))
        return 0;
    int digits = 0;
    for (const char *p = s; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (!strchr(" .-+()", *p))
            return hd_fail(err, _("'%s' is not a phone number"), s);
    }
    if (digits < 9 || digits > 12)
        return hd_fail(err, _("'%s' should have 10 digits (e.g. 0912 345 678)"), s);
    return 0;
}

/* Parameter of the search key in the statements of searchable records. */
#define P_SEARCH 30

static void bind_keys(sqlite3_stmt *st, int i_fold, int i_sort, const char *name, int person)
{
    char *fold = text_fold(name);
    char *key = person ? text_name_sort_key(name) : text_sort_key(name);
    sqlite3_bind_text(st, i_fold, fold, -1, free);
    sqlite3_bind_text(st, i_sort, key, -1, free);
    sqlite3_bind_text(st, P_SEARCH, text_search_key(name), -1, free);
}

/* ---- shared write plumbing ---------------------------------------------- */

/* Steps a prepared INSERT or UPDATE inside its own (or the caller's)
 * transaction.  For an UPDATE (is_update), no row changed means the version
 * did not match: HD_CONFLICT. */
static int run_write(hd_db *db, sqlite3_stmt *st, int is_update, const char *doing,
                     hd_err *err)
{
    int rc = sqlite3_step(st);
    db_finish(db, st);
    if (rc != SQLITE_DONE)
        return db_fail(db, err, doing);
    if (is_update && sqlite3_changes(db_sql(db)) == 0) {
        hd_fail(err, _("%s: someone else changed this record since you opened it"), doing);
        return HD_CONFLICT;
    }
    return 0;
}

/* Begins (or joins) a write, assigning a new uid when the record has none. */
static int begin_insert(hd_db *db, char kind, char uid[32], hd_err *err)
{
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    if (!uid[0] && db_new_uid(db, kind, uid, err) < 0) {
        db_write_end(db, tok, 0, err);
        return -1;
    }
    return tok;
}

static int finish(hd_db *db, int tok, int rc, hd_err *err)
{
    hd_err e2;
    if (db_write_end(db, tok, rc == 0, &e2) < 0 && rc == 0) {
        *err = e2;
        return -1;
    }
    return rc;
}

static int64_t last_id(hd_db *db)
{
    return sqlite3_last_insert_rowid(db_sql(db));
}

/* ---- schools ------------------------------------------------------------ */

void school_free(hd_school *s)
{
    free(s->name);
    free(s->levels);
    free(s->address);
    memset(s, 0, sizeof *s);
}

static int school_check(hd_school *s, hd_err *err)
{
    if (record_norm_text(&s->name, _("name"), err) || record_norm_text(&s->levels, _("levels"), err) ||
        record_norm_text(&s->address, _("address"), err))
        return -1;
    return require(s->name, _("name"), err);
}

static void school_bind(sqlite3_stmt *st, const hd_school *s)
{
    sqlite3_bind_text(st, 1, s->uid, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 2, s->name);
    bind_keys(st, 3, 4, s->name, 0);
    db_bind_text(st, 5, s->levels);
    db_bind_text(st, 6, s->address);
    sqlite3_bind_int(st, 7, s->archived);
}

int school_insert(hd_db *db, hd_school *s, hd_err *err)
{
    if (school_check(s, err) < 0)
        return -1;
    int tok = begin_insert(db, 'S', s->uid, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO school(uid, name, fold, sort_key, levels, address, archived, search_key)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?30)");
    school_bind(st, s);
    int rc = run_write(db, st, 0, _("saving the school"), err);
    if (rc == 0) {
        s->id = last_id(db);
        s->version = 1;
    }
    return finish(db, tok, rc, err);
}

int school_update(hd_db *db, hd_school *s, hd_err *err)
{
    if (school_check(s, err) < 0)
        return -1;
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE school SET uid = ?1, name = ?2, fold = ?3, sort_key = ?4, levels = ?5,"
        " search_key = ?30,"
        " address = ?6, archived = ?7, version = version + 1, updated_at = " NOW_SQL
        " WHERE id = ?8 AND version = ?9");
    school_bind(st, s);
    sqlite3_bind_int64(st, 8, s->id);
    sqlite3_bind_int64(st, 9, s->version);
    int rc = run_write(db, st, 1, _("saving the school"), err);
    if (rc == 0)
        s->version++;
    return finish(db, tok, rc, err);
}

int school_get(hd_db *db, int64_t id, hd_school *s, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT uid, name, levels, address, archived, version FROM school WHERE id = ?1");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        memset(s, 0, sizeof *s);
        s->id = id;
        snprintf(s->uid, sizeof s->uid, "%s", (const char *)sqlite3_column_text(st, 0));
        s->name = db_col_text(st, 1);
        s->levels = db_col_text(st, 2);
        s->address = db_col_text(st, 3);
        s->archived = sqlite3_column_int(st, 4);
        s->version = sqlite3_column_int64(st, 5);
    }
    db_finish(db, st);
    if (rc == SQLITE_ROW)
        return 0;
    return rc == SQLITE_DONE ? hd_fail(err, _("no school with id %lld"), (long long)id)
                             : db_fail(db, err, _("reading the school"));
}

/* ---- villages ----------------------------------------------------------- */

void village_free(hd_village *v)
{
    free(v->name);
    free(v->branch_name);
    free(v->branch_secretary);
    memset(v, 0, sizeof *v);
}

static int village_check(hd_village *v, hd_err *err)
{
    if (record_norm_text(&v->name, _("name"), err) || record_norm_text(&v->branch_name, _("branch"), err) ||
        record_norm_text(&v->branch_secretary, _("branch secretary"), err))
        return -1;
    if (!model_term(VOCAB_VILLAGE_KIND, v->kind))
        return hd_fail(err, _("kind: unknown kind of village"));
    return require(v->name, _("name"), err);
}

static void village_bind(sqlite3_stmt *st, const hd_village *v)
{
    sqlite3_bind_text(st, 1, v->uid, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 2, v->name);
    bind_keys(st, 3, 4, v->name, 0);
    sqlite3_bind_text(st, 5, model_code(VOCAB_VILLAGE_KIND, v->kind), -1, SQLITE_STATIC);
    db_bind_text(st, 6, v->branch_name);
    db_bind_text(st, 7, v->branch_secretary);
    sqlite3_bind_int(st, 8, v->archived);
}

int village_insert(hd_db *db, hd_village *v, hd_err *err)
{
    if (village_check(v, err) < 0)
        return -1;
    int tok = begin_insert(db, 'V', v->uid, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO village(uid, name, fold, sort_key, kind, branch_name,"
        " branch_secretary, archived, search_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?30)");
    village_bind(st, v);
    int rc = run_write(db, st, 0, _("saving the village"), err);
    if (rc == 0) {
        v->id = last_id(db);
        v->version = 1;
    }
    return finish(db, tok, rc, err);
}

int village_update(hd_db *db, hd_village *v, hd_err *err)
{
    if (village_check(v, err) < 0)
        return -1;
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE village SET uid = ?1, name = ?2, fold = ?3, sort_key = ?4, kind = ?5,"
        " search_key = ?30,"
        " branch_name = ?6, branch_secretary = ?7, archived = ?8, version = version + 1,"
        " updated_at = " NOW_SQL " WHERE id = ?9 AND version = ?10");
    village_bind(st, v);
    sqlite3_bind_int64(st, 9, v->id);
    sqlite3_bind_int64(st, 10, v->version);
    int rc = run_write(db, st, 1, _("saving the village"), err);
    if (rc == 0)
        v->version++;
    return finish(db, tok, rc, err);
}

int village_get(hd_db *db, int64_t id, hd_village *v, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT uid, name, kind, branch_name, branch_secretary, archived, version"
        " FROM village WHERE id = ?1");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        memset(v, 0, sizeof *v);
        v->id = id;
        snprintf(v->uid, sizeof v->uid, "%s", (const char *)sqlite3_column_text(st, 0));
        v->name = db_col_text(st, 1);
        v->kind = model_from_code(VOCAB_VILLAGE_KIND, (const char *)sqlite3_column_text(st, 2));
        v->branch_name = db_col_text(st, 3);
        v->branch_secretary = db_col_text(st, 4);
        v->archived = sqlite3_column_int(st, 5);
        v->version = sqlite3_column_int64(st, 6);
    }
    db_finish(db, st);
    if (rc == SQLITE_ROW)
        return 0;
    return rc == SQLITE_DONE ? hd_fail(err, _("no village with id %lld"), (long long)id)
                             : db_fail(db, err, _("reading the village"));
}

/* ---- households --------------------------------------------------------- */

void household_free(hd_household *h)
{
    free(h->head_name);
    free(h->address);
    free(h->phone);
    free(h->ethnicity);
    free(h->notes);
    memset(h, 0, sizeof *h);
}

static int household_check(hd_household *h, hd_err *err)
{
    if (record_norm_text(&h->head_name, _("head of household"), err) ||
        record_norm_text(&h->address, _("address"), err) || record_norm_text(&h->phone, _("phone"), err) ||
        record_norm_text(&h->ethnicity, _("ethnicity"), err) || record_norm_text(&h->notes, _("notes"), err))
        return -1;
    if (require(h->head_name, _("head of household"), err) < 0)
        return -1;
    if (registry_check_phone(h->phone, err) < 0)
        return hd_fail(err, _("phone: '%s' is not a phone number"), h->phone);
    if (h->village_id <= 0)
        return hd_fail(err, _("village: required"));
    if (!model_term(VOCAB_POVERTY, h->poverty))
        return hd_fail(err, _("poverty: unknown status"));
    return 0;
}

static void household_bind(sqlite3_stmt *st, const hd_household *h)
{
    sqlite3_bind_text(st, 1, h->uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, h->village_id);
    db_bind_text(st, 3, h->head_name);
    bind_keys(st, 4, 5, h->head_name, 1);
    db_bind_text(st, 6, h->address);
    db_bind_text(st, 7, h->phone);
    sqlite3_bind_text(st, 8, model_code(VOCAB_POVERTY, h->poverty), -1, SQLITE_STATIC);
    db_bind_text(st, 9, h->ethnicity);
    sqlite3_bind_int(st, 10, h->ethnic_minority != 0);
    db_bind_text(st, 11, h->notes);
    sqlite3_bind_int(st, 12, h->archived);
}

int household_insert(hd_db *db, hd_household *h, hd_err *err)
{
    if (household_check(h, err) < 0)
        return -1;
    int tok = begin_insert(db, 'H', h->uid, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO household(uid, village_id, head_name, fold, sort_key, address, phone,"
        " poverty, ethnicity, ethnic_minority, notes, archived, search_key)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?30)");
    household_bind(st, h);
    int rc = run_write(db, st, 0, _("saving the household"), err);
    if (rc == 0) {
        h->id = last_id(db);
        h->version = 1;
    }
    return finish(db, tok, rc, err);
}

int household_update(hd_db *db, hd_household *h, hd_err *err)
{
    if (household_check(h, err) < 0)
        return -1;
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE household SET uid = ?1, village_id = ?2, head_name = ?3, fold = ?4,"
        " search_key = ?30,"
        " sort_key = ?5, address = ?6, phone = ?7, poverty = ?8, ethnicity = ?9,"
        " ethnic_minority = ?10, notes = ?11, archived = ?12, version = version + 1,"
        " updated_at = " NOW_SQL " WHERE id = ?13 AND version = ?14");
    household_bind(st, h);
    sqlite3_bind_int64(st, 13, h->id);
    sqlite3_bind_int64(st, 14, h->version);
    int rc = run_write(db, st, 1, _("saving the household"), err);
    if (rc == 0)
        h->version++;
    return finish(db, tok, rc, err);
}

int household_get(hd_db *db, int64_t id, hd_household *h, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT uid, village_id, head_name, address, phone, poverty, ethnicity,"
        " ethnic_minority, notes, archived, version FROM household WHERE id = ?1");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        memset(h, 0, sizeof *h);
        h->id = id;
        snprintf(h->uid, sizeof h->uid, "%s", (const char *)sqlite3_column_text(st, 0));
        h->village_id = sqlite3_column_int64(st, 1);
        h->head_name = db_col_text(st, 2);
        h->address = db_col_text(st, 3);
        h->phone = db_col_text(st, 4);
        h->poverty = model_from_code(VOCAB_POVERTY, (const char *)sqlite3_column_text(st, 5));
        h->ethnicity = db_col_text(st, 6);
        h->ethnic_minority = sqlite3_column_int(st, 7);
        h->notes = db_col_text(st, 8);
        h->archived = sqlite3_column_int(st, 9);
        h->version = sqlite3_column_int64(st, 10);
    }
    db_finish(db, st);
    if (rc == SQLITE_ROW)
        return 0;
    return rc == SQLITE_DONE ? hd_fail(err, _("no household with id %lld"), (long long)id)
                             : db_fail(db, err, _("reading the household"));
}

/* ---- children ----------------------------------------------------------- */

void child_free(hd_child *c)
{
    free(c->full_name);
    free(c->ethnicity);
    free(c->class_name);
    free(c->risk_other);
    free(c->notes);
    memset(c, 0, sizeof *c);
}

static int child_check(hd_child *c, hd_err *err)
{
    if (record_norm_text(&c->full_name, _("full name"), err) ||
        record_norm_text(&c->ethnicity, _("ethnicity"), err) ||
        record_norm_text(&c->class_name, _("class"), err) ||
        record_norm_text(&c->risk_other, _("other risk"), err) || record_norm_text(&c->notes, _("notes"), err))
        return -1;
    if (require(c->full_name, _("full name"), err) < 0)
        return -1;
    if (!model_term(VOCAB_SEX, c->sex))
        return hd_fail(err, _("sex: required (Nam/Nữ)"));
    if (c->birth_date[0]) {
        hd_date d;
        if (date_parse(c->birth_date, &d, err) < 0)
            return -1;
        c->birth_year = d.year;
    }
    if (c->birth_year < 1990 || c->birth_year > date_today().year)
        return hd_fail(err, _("birth year: %d is not plausible for a pupil"), c->birth_year);
    if (c->grade && (c->grade < 1 || c->grade > 12))
        return hd_fail(err, _("grade: %d is not between 1 and 12"), c->grade);
    if (c->level >= LEVEL_COUNT || c->level < -1)
        return hd_fail(err, _("level: unknown level"));
    if (c->grade && c->level < 0)
        c->level = (int)model_level_of_grade(c->grade);
    if (c->grade && c->level != LEVEL_CONTINUING &&
        (int)model_level_of_grade(c->grade) != c->level)
        return hd_fail(err, _("grade: grade %d is not in %s"), c->grade,
                       /* TRANSLATORS: "vi" or "en": the language of the level's name. */
                       model_label(VOCAB_LEVEL, c->level, _("en")));
    if (c->risk >= (1u << RISK_COUNT))
        return hd_fail(err, _("risk factors: unknown factor"));
    return 0;
}

static void child_bind(sqlite3_stmt *st, const hd_child *c)
{
    sqlite3_bind_text(st, 1, c->uid, -1, SQLITE_TRANSIENT);
    db_bind_id(st, 2, c->household_id);
    db_bind_text(st, 3, c->full_name);
    bind_keys(st, 4, 5, c->full_name, 1);
    sqlite3_bind_text(st, 6, model_code(VOCAB_SEX, c->sex), -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 7, c->birth_year);
    db_bind_text(st, 8, c->birth_date[0] ? c->birth_date : NULL);
    db_bind_text(st, 9, c->ethnicity);
    sqlite3_bind_int(st, 10, c->ethnic_minority != 0);
    db_bind_id(st, 11, c->school_id);
    db_bind_text(st, 12, c->level >= 0 ? model_code(VOCAB_LEVEL, c->level) : NULL);
    if (c->grade)
        sqlite3_bind_int(st, 13, c->grade);
    else
        sqlite3_bind_null(st, 13);
    db_bind_text(st, 14, c->class_name);
    sqlite3_bind_int(st, 15, (int)c->risk);
    db_bind_text(st, 16, c->risk_other);
    db_bind_text(st, 17, c->notes);
    sqlite3_bind_int(st, 18, c->archived);
}

static int status_append(hd_db *db, int64_t child_id, int status, const char *iso,
                         const char *reason, const char *source, int flush_pending,
                         hd_err *err);

/* A status date: valid, not in the future; ISO into iso. */
static int status_date(const char *date, char iso[11], hd_err *err)
{
    hd_date d;
    if (!date)
        return hd_fail(err, _("date: required"));
    if (date_parse(date, &d, err) < 0)
        return -1;
    if (date_cmp(d, date_today()) > 0)
        return hd_fail(err, _("date: %s is in the future"), date);
    date_iso(d, iso);
    return 0;
}

int child_insert(hd_db *db, hd_child *c, int status, const char *since, const char *reason,
                 const char *source, hd_err *err)
{
    char iso[11];
    if (child_check(c, err) < 0 || status_date(since, iso, err) < 0)
        return -1;
    if (!model_term(VOCAB_STATUS, status))
        return hd_fail(err, _("status: unknown status"));
    int tok = begin_insert(db, 'C', c->uid, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO child(uid, household_id, full_name, fold, sort_key, sex, birth_year,"
        " birth_date, ethnicity, ethnic_minority, school_id, level, grade, class_name, risk,"
        " risk_other, notes, archived, status, status_date, search_key)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
        " ?17, ?18, ?19, ?20, ?30)");
    child_bind(st, c);
    /* Written with its first status, so the history's first entry finds the
     * cache already right and changes nothing. */
    sqlite3_bind_text(st, 19, model_code(VOCAB_STATUS, status), -1, SQLITE_STATIC);
    db_bind_text(st, 20, iso);
    int rc = run_write(db, st, 0, _("saving the child"), err);
    if (rc == 0)
        c->id = last_id(db);
    /* An imported child's first entry (no reason) is written set-wise by
     * db_bulk_end in bulk mode; see BULK_FIRST_ENTRY_SQL. */
    int deferred = db_bulk_active(db) && str_empty(reason) && source &&
                   strcmp(source, "import") == 0;
    if (rc == 0 && !deferred)
        rc = status_append(db, c->id, status, iso, reason, source, 0, err);
    if (rc == 0) {
        c->version = 1;
        c->status = status;
        snprintf(c->status_date, sizeof c->status_date, "%s", since);
    }
    return finish(db, tok, rc, err);
}

int child_update(hd_db *db, hd_child *c, hd_err *err)
{
    if (child_check(c, err) < 0)
        return -1;
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE child SET uid = ?1, household_id = ?2, full_name = ?3, fold = ?4,"
        " search_key = ?30,"
        " sort_key = ?5, sex = ?6, birth_year = ?7, birth_date = ?8, ethnicity = ?9,"
        " ethnic_minority = ?10, school_id = ?11, level = ?12, grade = ?13,"
        " class_name = ?14, risk = ?15, risk_other = ?16, notes = ?17, archived = ?18,"
        " version = version + 1, updated_at = " NOW_SQL " WHERE id = ?19 AND version = ?20");
    child_bind(st, c);
    sqlite3_bind_int64(st, 19, c->id);
    sqlite3_bind_int64(st, 20, c->version);
    int rc = run_write(db, st, 1, _("saving the child"), err);
    if (rc == 0)
        c->version++;
    return finish(db, tok, rc, err);
}

int child_get(hd_db *db, int64_t id, hd_child *c, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT uid, household_id, full_name, sex, birth_year, birth_date, ethnicity,"
        " ethnic_minority, school_id, level, grade, class_name, status, status_date, risk,"
        " risk_other, notes, archived, version FROM child WHERE id = ?1");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        memset(c, 0, sizeof *c);
        c->id = id;
        snprintf(c->uid, sizeof c->uid, "%s", (const char *)sqlite3_column_text(st, 0));
        c->household_id = sqlite3_column_int64(st, 1);
        c->full_name = db_col_text(st, 2);
        c->sex = model_from_code(VOCAB_SEX, (const char *)sqlite3_column_text(st, 3));
        c->birth_year = sqlite3_column_int(st, 4);
        if (sqlite3_column_type(st, 5) != SQLITE_NULL)
            snprintf(c->birth_date, sizeof c->birth_date, "%s",
                     (const char *)sqlite3_column_text(st, 5));
        c->ethnicity = db_col_text(st, 6);
        c->ethnic_minority = sqlite3_column_int(st, 7);
        c->school_id = sqlite3_column_int64(st, 8);
        c->level = sqlite3_column_type(st, 9) == SQLITE_NULL
                       ? -1
                       : model_from_code(VOCAB_LEVEL, (const char *)sqlite3_column_text(st, 9));
        c->grade = sqlite3_column_int(st, 10);
        c->class_name = db_col_text(st, 11);
        c->status = model_from_code(VOCAB_STATUS, (const char *)sqlite3_column_text(st, 12));
        if (sqlite3_column_type(st, 13) != SQLITE_NULL)
            snprintf(c->status_date, sizeof c->status_date, "%s",
                     (const char *)sqlite3_column_text(st, 13));
        c->risk = (unsigned)sqlite3_column_int(st, 14);
        c->risk_other = db_col_text(st, 15);
        c->notes = db_col_text(st, 16);
        c->archived = sqlite3_column_int(st, 17);
        c->version = sqlite3_column_int64(st, 18);
    }
    db_finish(db, st);
    if (rc == SQLITE_ROW)
        return 0;
    return rc == SQLITE_DONE ? hd_fail(err, _("no child with id %lld"), (long long)id)
                             : db_fail(db, err, _("reading the child"));
}

/* Appends one entry (date already checked, ISO).  flush_pending: in bulk
 * mode, first write the child's deferred first entry, so this one follows
 * it; child_insert's own first entry must not. */
static int status_append(hd_db *db, int64_t child_id, int status, const char *iso,
                         const char *reason, const char *source, int flush_pending,
                         hd_err *err)
{
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    if (flush_pending && db_bulk_active(db)) {
        sqlite3_stmt *first = db_prepare(db, BULK_FIRST_ENTRY_SQL " AND id = ?1");
        sqlite3_bind_int64(first, 1, child_id);
        int frc = sqlite3_step(first);
        db_finish(db, first);
        if (frc != SQLITE_DONE)
            return finish(db, tok, db_fail(db, err, _("saving the status")), err);
    }
    /* An entry's code is its child's code and its rank in the history
     * ("24577-C12.3"): unique everywhere, as the history is append-only. */
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO child_status(uid, child_id, status, date, reason, source, created_by)"
        " SELECT c.uid || '.' || (SELECT count(*) + 1 FROM child_status WHERE child_id = ?1),"
        "   ?1, ?2, ?3, ?4, ?5, hd_actor() FROM child c WHERE c.id = ?1"
        "  AND (?4 <> '' OR NOT EXISTS (SELECT 1 FROM child_status WHERE child_id = ?1))");
    sqlite3_bind_int64(st, 1, child_id);
    sqlite3_bind_text(st, 2, model_code(VOCAB_STATUS, status), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, iso, -1, SQLITE_STATIC);
    db_bind_text(st, 4, reason ? reason : "");
    db_bind_text(st, 5, source ? source : "manual");
    int rc = run_write(db, st, 0, _("saving the status"), err);
    if (rc == 0 && sqlite3_changes(db_sql(db)) == 0)
        rc = hd_fail(err, _("reason: a change of status needs a reason"));
    return finish(db, tok, rc, err);
}

int child_set_status(hd_db *db, int64_t child_id, int status, const char *date,
                     const char *reason, const char *source, hd_err *err)
{
    char iso[11];
    if (!model_term(VOCAB_STATUS, status))
        return hd_fail(err, _("status: unknown status"));
    if (status_date(date, iso, err) < 0)
        return -1;
    return status_append(db, child_id, status, iso, reason, source, 1, err);
}

int child_history(hd_db *db, int64_t child_id, hd_status_entry **out, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT uid, status, date, reason, source, created_by FROM child_status"
        " WHERE child_id = ?1 ORDER BY date, id");
    sqlite3_bind_int64(st, 1, child_id);
    int n = 0, cap = 0, rc;
    hd_status_entry *e = NULL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            e = xreallocarray(e, (size_t)cap, sizeof *e);
        }
        hd_status_entry *x = &e[n++];
        snprintf(x->uid, sizeof x->uid, "%s", (const char *)sqlite3_column_text(st, 0));
        x->status = model_from_code(VOCAB_STATUS, (const char *)sqlite3_column_text(st, 1));
        snprintf(x->date, sizeof x->date, "%s", (const char *)sqlite3_column_text(st, 2));
        x->reason = db_col_text(st, 3);
        x->source = db_col_text(st, 4);
        x->created_by = db_col_text(st, 5);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        status_entries_free(e, n);
        return db_fail(db, err, _("reading the child"));
    }
    *out = e;
    return n;
}

void status_entries_free(hd_status_entry *e, int n)
{
    for (int i = 0; i < n; i++) {
        free(e[i].reason);
        free(e[i].source);
        free(e[i].created_by);
    }
    free(e);
}

/* ---- members ------------------------------------------------------------ */

void member_free(hd_member *m)
{
    free(m->full_name);
    free(m->phone);
    free(m->login);
    memset(m, 0, sizeof *m);
}

static int member_check(hd_member *m, hd_err *err)
{
    if (record_norm_text(&m->full_name, _("full name"), err) || record_norm_text(&m->phone, _("phone"), err) ||
        record_norm_text(&m->login, _("login"), err))
        return -1;
    if (require(m->full_name, _("full name"), err) < 0)
        return -1;
    if (registry_check_phone(m->phone, err) < 0)
        return hd_fail(err, _("phone: '%s' is not a phone number"), m->phone);
    if (!model_term(VOCAB_ORG, m->org))
        return hd_fail(err, _("organisation: unknown organisation"));
    if (!model_term(VOCAB_CROLE, m->committee_role))
        return hd_fail(err, _("committee role: unknown role"));
    for (const char *p = m->login; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr("._-", *p))
            return hd_fail(err, _("login: '%s' is not a Unix login name"), m->login);
    return 0;
}

static void member_bind(sqlite3_stmt *st, const hd_member *m)
{
    sqlite3_bind_text(st, 1, m->uid, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 2, m->full_name);
    bind_keys(st, 3, 4, m->full_name, 1);
    sqlite3_bind_text(st, 5, model_code(VOCAB_ORG, m->org), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, model_code(VOCAB_CROLE, m->committee_role), -1, SQLITE_STATIC);
    db_bind_id(st, 7, m->village_id);
    db_bind_id(st, 8, m->school_id);
    db_bind_text(st, 9, m->phone);
    db_bind_text(st, 10, m->login[0] ? m->login : NULL);
    sqlite3_bind_int(st, 11, m->archived);
}

int member_insert(hd_db *db, hd_member *m, hd_err *err)
{
    if (member_check(m, err) < 0)
        return -1;
    /* a login makes the member a user of the program: the chair's decision */
    if (!str_empty(m->login) && authz_check(db, PERM_USERS, 0, err) < 0)
        return -1;
    int tok = begin_insert(db, 'M', m->uid, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO member(uid, full_name, fold, sort_key, org, committee_role, village_id,"
        " school_id, phone, login, archived, search_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
        " ?8, ?9, ?10, ?11, ?30)");
    member_bind(st, m);
    int rc = run_write(db, st, 0, _("saving the member"), err);
    if (rc == 0) {
        m->id = last_id(db);
        m->version = 1;
    }
    return finish(db, tok, rc, err);
}

/* The member's login and whether it is archived, as stored; 0 or -1. */
static int member_access(hd_db *db, int64_t id, char **login, int *archived)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT coalesce(login, ''), archived FROM member WHERE id = ?1");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    *login = rc == SQLITE_ROW ? db_col_text(st, 0) : xstrdup("");
    *archived = rc == SQLITE_ROW ? sqlite3_column_int(st, 1) : 0;
    db_finish(db, st);
    return rc == SQLITE_ROW ? 0 : -1;
}

/* Changing a login, or archiving a user, is the chair's; and the last
 * chair who can log in stays. */
static int member_write_check(hd_db *db, int64_t id, const char *login, int archived,
                              hd_err *err)
{
    char *old = NULL;
    int old_archived = 0;
    member_access(db, id, &old, &old_archived);
    int users = strcmp(old, login ? login : "") != 0 ||
                (*old && old_archived != (archived != 0));
    free(old);
    return authz_check(db, users ? PERM_USERS : PERM_RECORDS, 0, err);
}

int member_update(hd_db *db, hd_member *m, hd_err *err)
{
    if (member_check(m, err) < 0)
        return -1;
    if (member_write_check(db, m->id, m->login, m->archived, err) < 0)
        return -1;
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE member SET uid = ?1, full_name = ?2, fold = ?3, sort_key = ?4, org = ?5,"
        " search_key = ?30,"
        " committee_role = ?6, village_id = ?7, school_id = ?8, phone = ?9, login = ?10,"
        " archived = ?11, version = version + 1, updated_at = " NOW_SQL
        " WHERE id = ?12 AND version = ?13");
    member_bind(st, m);
    sqlite3_bind_int64(st, 12, m->id);
    sqlite3_bind_int64(st, 13, m->version);
    int rc = run_write(db, st, 1, _("saving the member"), err);
    if (rc == 0)
        rc = authz_chair_left(db, 0, err);
    if (rc == 0)
        m->version++;
    return finish(db, tok, rc, err);
}

int member_get(hd_db *db, int64_t id, hd_member *m, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT uid, full_name, org, committee_role, village_id, school_id, phone,"
        " coalesce(login, ''), archived, version FROM member WHERE id = ?1");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        memset(m, 0, sizeof *m);
        m->id = id;
        snprintf(m->uid, sizeof m->uid, "%s", (const char *)sqlite3_column_text(st, 0));
        m->full_name = db_col_text(st, 1);
        m->org = model_from_code(VOCAB_ORG, (const char *)sqlite3_column_text(st, 2));
        m->committee_role =
            model_from_code(VOCAB_CROLE, (const char *)sqlite3_column_text(st, 3));
        m->village_id = sqlite3_column_int64(st, 4);
        m->school_id = sqlite3_column_int64(st, 5);
        m->phone = db_col_text(st, 6);
        m->login = db_col_text(st, 7);
        m->archived = sqlite3_column_int(st, 8);
        m->version = sqlite3_column_int64(st, 9);
    }
    db_finish(db, st);
    if (rc == SQLITE_ROW)
        return 0;
    return rc == SQLITE_DONE ? hd_fail(err, _("no member with id %lld"), (long long)id)
                             : db_fail(db, err, _("reading the member"));
}

/* ---- any record ----------------------------------------------------------- */

static int known_table(const char *t)
{
    static const char *const tables[] = {"school", "village", "household", "child", "member"};
    for (size_t i = 0; i < HD_ARRAY_LEN(tables); i++)
        if (strcmp(t, tables[i]) == 0)
            return 1;
    return 0;
}

int record_archive(hd_db *db, const char *table, int64_t id, int64_t version, int archived,
                   hd_err *err)
{
    if (!known_table(table))
        return hd_fail(err, _("%s: not a table of records"), table);
    if (strcmp(table, "member") == 0) {
        char *login = NULL;
        int was = 0;
        member_access(db, id, &login, &was);
        int rc = member_write_check(db, id, login, archived, err);
        free(login);
        if (rc < 0)
            return -1;
    } else if (authz_check(db, PERM_RECORDS, 0, err) < 0) {
        return -1;
    }
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    char *sql = xasprintf("UPDATE %s SET archived = ?1, version = version + 1,"
                          " updated_at = %s WHERE id = ?2 AND version = ?3",
                          table, NOW_SQL);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    sqlite3_bind_int(st, 1, archived != 0);
    sqlite3_bind_int64(st, 2, id);
    sqlite3_bind_int64(st, 3, version);
    int rc = run_write(db, st, 1, _("archiving"), err);
    if (rc == 0 && strcmp(table, "member") == 0)
        rc = authz_chair_left(db, 0, err);
    return finish(db, tok, rc, err);
}

int64_t record_id_by_uid(hd_db *db, const char *table, const char *uid)
{
    if (!known_table(table))
        return 0;
    char *sql = xasprintf("SELECT id FROM %s WHERE uid = ?1", table);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    sqlite3_bind_text(st, 1, uid, -1, SQLITE_TRANSIENT);
    int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    db_finish(db, st);
    return id;
}

int64_t member_id_by_login(hd_db *db, const char *login)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT id FROM member WHERE login = ?1 AND archived = 0");
    sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
    int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    db_finish(db, st);
    return id;
}
