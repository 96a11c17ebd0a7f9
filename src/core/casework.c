/* casework.c — what the case-work modules share: options, dates, keys, the
 * support set, and the write plumbing (as registry.c's). */
#include "core/casework_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

void cw_opts_init(hd_cw_opts *o, const hd_config *cfg)
{
    hd_config defaults;
    if (!cfg) {
        config_defaults(&defaults);
        cfg = &defaults;
    }
    o->today = date_today();
    o->visit_interval_days = cfg->visit_interval_days;
    o->report_response_days = cfg->report_response_days;
    o->soon_days = CW_DUE_SOON_DAYS;
    if (cfg == &defaults)
        config_free(&defaults);
}

int cw_date(const char *text, char iso[11], const char *field, hd_err *err)
{
    iso[0] = '\0';
    if (str_empty(text))
        return 0;
    hd_date d;
    hd_err e;
    if (date_parse(text, &d, &e) < 0)
        return hd_fail(err, "%s: %s", field, e.msg);
    date_iso(d, iso);
    return 0;
}

int cw_lookup(hd_vocab v, const char *text, const char *field, int *out, hd_err *err)
{
    int idx = str_empty(text) ? -1 : model_lookup(v, text);
    if (idx >= 0) {
        *out = idx;
        return 0;
    }
    size_t n;
    const hd_term *t = model_terms(v, &n);
    strbuf codes = {0};
    for (size_t i = 0; i < n; i++)
        sb_addf(&codes, "%s%s", i ? ", " : "", t[i].code);
    if (str_empty(text))
        hd_fail(err, _("%s: required (%s)"), field, sb_str(&codes));
    else
        hd_fail(err, _("%s: '%s' is not one of %s"), field, text, sb_str(&codes));
    sb_free(&codes);
    return -1;
}

int64_t cw_id_by_uid(hd_db *db, const char *table, const char *uid)
{
    static const char *const tables[] = {"assignment", "visit", "commitment", "report"};
    for (size_t i = 0; i < HD_ARRAY_LEN(tables); i++) {
        if (strcmp(table, tables[i]) != 0)
            continue;
        char *sql = xasprintf("SELECT id FROM %s WHERE uid = ?1", table);
        sqlite3_stmt *st = db_prepare(db, sql);
        free(sql);
        sqlite3_bind_text(st, 1, uid, -1, SQLITE_TRANSIENT);
        int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        db_finish(db, st);
        return id;
    }
    return 0;
}

int cw_support_parse(const char *text, unsigned *set, hd_err *err)
{
    *set = 0;
    char *copy = xstrdup(text ? text : "");
    int rc = 0;
    char *save = NULL;
    for (char *w = strtok_r(copy, ",;", &save); w && rc == 0; w = strtok_r(NULL, ",;", &save)) {
        if (str_empty(w))
            continue;
        int s = model_lookup(VOCAB_SUPPORT, str_trim(w));
        if (s < 0)
            rc = hd_fail(err, _("support: '%s' is not one of scholarship, gift, books_clothes, "
                                "fee_exemption, boarding"), w);
        else
            *set |= 1u << s;
    }
    free(copy);
    return rc;
}

char *cw_support_text(unsigned set, const char *lang)
{
    strbuf sb = {0};
    for (int i = 0; i < SUPPORT_COUNT; i++)
        if (set & (1u << i))
            sb_addf(&sb, "%s%s", sb.len ? ", " : "", model_label(VOCAB_SUPPORT, i, lang));
    return sb.buf ? sb_detach(&sb) : xstrdup("");
}

/* ---- write plumbing ------------------------------------------------------ */

int cw_begin_insert(hd_db *db, char kind, char uid[32], hd_err *err)
{
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    if (!uid[0] && db_new_uid(db, kind, uid, err) < 0) {
        db_write_end(db, tok, 0, err);
        return -1;
    }
    return tok;
}

int cw_finish(hd_db *db, int tok, int rc, hd_err *err)
{
    hd_err e2;
    if (db_write_end(db, tok, rc == 0, &e2) < 0 && rc == 0) {
        *err = e2;
        return -1;
    }
    return rc;
}

int cw_step(hd_db *db, sqlite3_stmt *st, int is_update, const char *doing, hd_err *err)
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

/* ---- dates ------------------------------------------------------------- */

int cw_check_date(char iso[11], const char *field, int required, int past_only, hd_err *err)
{
    if (!iso[0])
        return required ? hd_fail(err, _("%s: required"), field) : 0;
    hd_date d;
    hd_err e;
    if (date_parse(iso, &d, &e) < 0)
        return hd_fail(err, "%s: %s", field, e.msg);
    date_iso(d, iso);
    if (past_only && date_cmp(d, date_today()) > 0) {
        char vn[11];
        date_vn(d, vn);
        return hd_fail(err, _("%s: %s is in the future"), field, vn);
    }
    return 0;
}

const char *cw_vn(const char *iso, char buf[11])
{
    hd_date d;
    if (!iso || date_parse(iso, &d, NULL) < 0) {
        snprintf(buf, 11, "%s", iso ? iso : "");
        return buf;
    }
    date_vn(d, buf);
    return buf;
}

void cw_add_days(hd_date d, int days, char iso[11])
{
    date_iso(date_from_days(date_to_days(d) + days), iso);
}

/* ---- registry records -------------------------------------------------- */

static const char *name_column(const char *table)
{
    if (strcmp(table, "household") == 0)
        return "head_name";
    if (strcmp(table, "child") == 0 || strcmp(table, "member") == 0)
        return "full_name";
    if (strcmp(table, "village") == 0 || strcmp(table, "school") == 0)
        return "name";
    return NULL;
}

int cw_record_state(hd_db *db, const char *table, int64_t id)
{
    if (!name_column(table) || id <= 0)
        return 0;
    char *sql = xasprintf("SELECT archived FROM %s WHERE id = ?1", table);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    sqlite3_bind_int64(st, 1, id);
    int state = sqlite3_step(st) == SQLITE_ROW ? 1 + (sqlite3_column_int(st, 0) != 0) : 0;
    db_finish(db, st);
    return state;
}

char *cw_record_name(hd_db *db, const char *table, int64_t id)
{
    const char *col = name_column(table);
    if (!col)
        return xstrdup("");
    char *sql = xasprintf("SELECT %s FROM %s WHERE id = ?1", col, table);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    sqlite3_bind_int64(st, 1, id);
    char *name = sqlite3_step(st) == SQLITE_ROW ? db_col_text(st, 0) : xstrdup("");
    db_finish(db, st);
    return name;
}

void cw_col_buf(sqlite3_stmt *st, int i, char *buf, size_t size)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    snprintf(buf, size, "%s", t ? (const char *)t : "");
}

void *cw_grow(void *p, int n, int *cap, size_t size)
{
    if (n < *cap)
        return p;
    *cap = *cap ? *cap * 2 : 16;
    return xreallocarray(p, (size_t)*cap, size);
}
