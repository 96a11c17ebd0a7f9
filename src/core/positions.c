/* positions.c — positions held in households, and their children at risk
 * or out of school (positions.h). */
#include "core/positions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/text.h"

static const struct {
    const char *code, *vi, *en, *synonyms;
} terms[POS_COUNT] = {
    {"official", "Cán bộ", "Official", "can bo|cb|official"},
    {"party_member", "Đảng viên", "Party member", "dang vien|dv|party member|party_member"},
    {"civil_servant", "Công chức", "Civil servant", "cong chuc|cc|civil servant|civil_servant"},
    {"public_employee", "Viên chức", "Public employee",
     "vien chuc|vc|giao vien|public employee|public_employee"},
    {"association_member", "Hội viên", "Association member",
     "hoi vien|doan vien|hv|association member|association_member"},
};

const char *position_code(int p)
{
    return p >= 0 && p < POS_COUNT ? terms[p].code : "";
}

const char *position_label(int p, const char *lang)
{
    if (p < 0 || p >= POS_COUNT)
        return "";
    return strcmp(lang, "vi") == 0 ? terms[p].vi : terms[p].en;
}

static int lookup(const char *word)
{
    char *f = text_fold(word);
    for (char *c = f; *c; c++)
        if (*c == '_')
            *c = ' ';
    int found = -1;
    for (int p = 0; p < POS_COUNT && found < 0; p++) {
        char *a = text_fold(terms[p].vi), *b = text_fold(terms[p].en);
        if (!strcmp(f, a) || !strcmp(f, b) || str_in_list(terms[p].synonyms, f))
            found = p;
        free(a);
        free(b);
    }
    free(f);
    return found;
}

int position_parse(const char *text, unsigned *out, hd_err *err)
{
    unsigned set = 0;
    char *copy = xstrdup(text ? text : "");
    int rc = 0;
    for (char *w = strtok(copy, ";,/+"); w && rc == 0; w = strtok(NULL, ";,/+")) {
        if (str_empty(w))
            continue;
        int p = lookup(str_trim(w));
        if (p < 0)
            rc = hd_fail(err, _("positions: '%s' is not one of cadre, party member, civil "
                                "servant, public employee, association member"), w);
        else
            set |= 1u << p;
    }
    free(copy);
    if (rc == 0)
        *out = set;
    return rc;
}

char *position_text(unsigned set, const char *lang)
{
    strbuf sb = {0};
    for (int p = 0; p < POS_COUNT; p++)
        if (set & (1u << p))
            sb_addf(&sb, "%s%s", sb.len ? ", " : "", position_label(p, lang));
    return sb_detach(&sb);
}

void position_free(hd_household_position *p)
{
    if (p)
        free(p->holder);
}

int position_get(hd_db *db, int64_t household_id, hd_household_position *out, hd_err *err)
{
    memset(out, 0, sizeof *out);
    out->household_id = household_id;
    sqlite3_stmt *st = db_prepare(db, "SELECT positions, holder, version FROM household_position"
                                      " WHERE household_id = ?1");
    sqlite3_bind_int64(st, 1, household_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->positions = (unsigned)sqlite3_column_int(st, 0);
        out->holder = db_col_text(st, 1);
        out->version = sqlite3_column_int64(st, 2);
    } else {
        out->holder = xstrdup("");
    }
    db_finish(db, st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, err, _("reading the household"));
}

static int set_in(hd_db *db, hd_household_position *p, const char *holder, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT uid, archived FROM household WHERE id = ?1");
    sqlite3_bind_int64(st, 1, p->household_id);
    int rc = sqlite3_step(st);
    char *uid = rc == SQLITE_ROW ? db_col_text(st, 0) : NULL;
    int archived = rc == SQLITE_ROW ? sqlite3_column_int(st, 1) : 0;
    db_finish(db, st);
    if (!uid)
        return hd_fail(err, "%s", _("household: no such household"));
    if (archived) {
        free(uid);
        return hd_fail(err, "%s", _("household: the household is archived"));
    }
    hd_household_position now;
    if (position_get(db, p->household_id, &now, err) < 0) {
        free(uid);
        return -1;
    }
    int64_t have = now.version;
    position_free(&now);
    if (have != p->version) {
        free(uid);
        hd_fail(err, "%s", _("another user changed this household meanwhile; read it again"));
        return HD_CONFLICT;
    }
    if (!have)
        st = db_prepare(db, "INSERT INTO household_position(uid, household_id, positions, holder)"
                            " VALUES (?1 || '.P', ?2, ?3, ?4)");
    else
        st = db_prepare(db, "UPDATE household_position SET positions = ?3, holder = ?4,"
                            " version = version + 1,"
                            " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                            " WHERE household_id = ?2 AND ?1 = ?1");
    sqlite3_bind_text(st, 1, uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, p->household_id);
    sqlite3_bind_int(st, 3, (int)p->positions);
    sqlite3_bind_text(st, 4, holder, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st);
    db_finish(db, st);
    free(uid);
    if (rc != SQLITE_DONE)
        return db_fail(db, err, _("saving the household"));
    p->version = have + 1;
    return 0;
}

int position_set(hd_db *db, hd_household_position *p, hd_err *err)
{
    /* the committee's records: the secretary's and the chair's (authz.h) */
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    if (p->positions >= 1u << POS_COUNT)
        return hd_fail(err, "%s", _("positions: unknown position"));
    char *holder = text_nfc(p->holder ? p->holder : "");
    if (!holder)
        return hd_fail(err, "%s", _("holder: not valid UTF-8 text"));
    str_trim(holder);
    if (p->positions && !*holder) {
        free(holder);
        return hd_fail(err, "%s", _("holder: required (who holds the position: \"Bố: đảng "
                                    "viên\")"));
    }
    int tok = db_write_begin(db, err);
    if (tok < 0) {
        free(holder);
        return -1;
    }
    int rc = set_in(db, p, holder, err);
    free(holder);
    if (db_write_end(db, tok, rc == 0, rc == 0 ? err : NULL) < 0 && rc == 0)
        return -1;
    return rc;
}

void official_rows_free(hd_official_row *r, int n)
{
    for (int i = 0; r && i < n; i++) {
        free(r[i].child);
        free(r[i].class_name);
        free(r[i].head);
        free(r[i].village);
        free(r[i].holder);
    }
    free(r);
}

/* ?1 the day */
static const char officials_sql[] =
    "SELECT * FROM (SELECT c.id, c.uid, c.full_name, c.birth_year, c.class_name, h.id,"
    "  h.head_name, coalesce(v.name, ''), p.holder, p.positions,"
    "  (SELECT s.status FROM child_status s WHERE s.child_id = c.id AND s.date <= ?1"
    "   ORDER BY s.date DESC, s.id DESC LIMIT 1) AS st,"
    "  (SELECT s.date FROM child_status s WHERE s.child_id = c.id AND s.date <= ?1"
    "   ORDER BY s.date DESC, s.id DESC LIMIT 1),"
    "  v.sort_key AS vk, h.sort_key AS hk, c.sort_key AS ck"
    "  FROM household_position p JOIN household h ON h.id = p.household_id"
    "  JOIN child c ON c.household_id = h.id LEFT JOIN village v ON v.id = h.village_id"
    "  WHERE p.positions <> 0 AND p.archived = 0 AND c.archived = 0)"
    " WHERE st IN ('at_risk', 'dropped_out') ORDER BY vk IS NULL, vk, hk, 6, ck, 1 LIMIT ?2";

int officials_list(hd_db *db, int year, int month, int limit, hd_official_row **out,
                   hd_err *err)
{
    hd_date first = {year, month, 1};
    if (!date_valid(first))
        return hd_fail(err, _("month: %d-%02d is not a month"), year, month);
    hd_date last = {year, month, date_days_in_month(year, month)};
    if (date_cmp(last, date_today()) > 0)
        last = date_today();
    if (date_cmp(first, last) > 0)
        return hd_fail(err, _("month: %02d/%d has not started yet"), month, year);
    char day[11];
    date_iso(last, day);
    sqlite3_stmt *st = db_prepare(db, officials_sql);
    sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    hd_official_row *r = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        r = xreallocarray(r, (size_t)n + 1, sizeof *r);
        hd_official_row *x = memset(&r[n++], 0, sizeof *r);
        x->child_id = sqlite3_column_int64(st, 0);
        snprintf(x->child_uid, sizeof x->child_uid, "%s", sqlite3_column_text(st, 1));
        x->child = db_col_text(st, 2);
        x->birth_year = sqlite3_column_int(st, 3);
        x->class_name = db_col_text(st, 4);
        x->household_id = sqlite3_column_int64(st, 5);
        x->head = db_col_text(st, 6);
        x->village = db_col_text(st, 7);
        x->holder = db_col_text(st, 8);
        x->positions = (unsigned)sqlite3_column_int(st, 9);
        x->status = model_from_code(VOCAB_STATUS, (const char *)sqlite3_column_text(st, 10));
        snprintf(x->status_date, sizeof x->status_date, "%s", sqlite3_column_text(st, 11));
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        official_rows_free(r, n);
        return db_fail(db, err, _("reading the children of officials"));
    }
    *out = r;
    return n;
}
