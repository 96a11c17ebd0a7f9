/* support.c — the support register (support.h). */
#include "core/support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/text.h"

void support_entry_free(hd_support_entry *e)
{
    if (!e)
        return;
    free(e->source);
    free(e->what);
    free(e->child);
    free(e->village);
}

void support_entries_free(hd_support_entry *e, int n)
{
    for (int i = 0; e && i < n; i++)
        support_entry_free(&e[i]);
    free(e);
}

/* A copy of s in NFC, trimmed; NULL when not UTF-8. */
static char *clean(const char *s)
{
    char *t = text_nfc(s ? s : "");
    return t ? str_trim(t) : NULL;
}

static int check(hd_db *db, const hd_support_entry *e, char iso[11], hd_err *err)
{
    if (!model_term(VOCAB_SUPPORT, e->kind))
        return hd_fail(err, "%s", _("kind: unknown kind of support"));
    if (str_empty(e->source))
        return hd_fail(err, "%s", _("source: required (the organisation or donor)"));
    if (e->value < 0)
        return hd_fail(err, _("value: %lld is negative"), e->value);
    hd_date d;
    if (date_parse(e->date, &d, err) < 0)
        return -1;
    if (date_cmp(d, date_today()) > 0)
        return hd_fail(err, _("date: %s is in the future"), e->date);
    date_iso(d, iso);
    sqlite3_stmt *st = db_prepare(db, "SELECT archived, full_name FROM child WHERE id = ?1");
    sqlite3_bind_int64(st, 1, e->child_id);
    int rc = sqlite3_step(st);
    int archived = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    char *name = rc == SQLITE_ROW ? db_col_text(st, 1) : NULL;
    db_finish(db, st);
    if (archived < 0)
        rc = hd_fail(err, "%s", _("child: no such child"));
    else if (archived)
        rc = hd_fail(err, _("child: %s's record is archived: no support can be recorded"),
                     name);
    else
        rc = 0;
    free(name);
    return rc;
}

int support_add(hd_db *db, hd_support_entry *e, hd_err *err)
{
    /* the committee's records: the secretary's and the chair's (authz.h) */
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    char *source = clean(e->source), *what = clean(e->what);
    if (!source || !what) {
        free(source);
        free(what);
        return hd_fail(err, "%s", _("not valid UTF-8 text"));
    }
    hd_support_entry c = *e;
    c.source = source;
    c.what = what;
    char iso[11];
    int tok = -1, rc = check(db, &c, iso, err);
    if (rc == 0 && (tok = db_write_begin(db, err)) < 0)
        rc = -1;
    if (rc == 0 && !e->uid[0])
        rc = db_new_uid(db, 'G', e->uid, err);
    if (rc == 0) {
        sqlite3_stmt *st = db_prepare(db,
            "INSERT INTO support(uid, child_id, kind, source, what, value, date)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        sqlite3_bind_text(st, 1, e->uid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, e->child_id);
        sqlite3_bind_text(st, 3, model_code(VOCAB_SUPPORT, e->kind), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, source, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, what, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 6, e->value);
        sqlite3_bind_text(st, 7, iso, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, err, _("saving the support"));
        db_finish(db, st);
        if (rc == 0) {
            e->id = sqlite3_last_insert_rowid(db_sql(db));
            e->version = 1;
            snprintf(e->date, sizeof e->date, "%s", iso);
        }
    }
    free(source);
    free(what);
    if (tok >= 0 && db_write_end(db, tok, rc == 0, rc == 0 ? err : NULL) < 0 && rc == 0)
        rc = -1;
    return rc;
}

int support_list(hd_db *db, const char *from, const char *to, int limit,
                 hd_support_entry **out, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT g.id, g.uid, g.child_id, g.kind, g.source, g.what, g.value, g.date, g.version,"
        " c.full_name, c.birth_year, coalesce(v.name, '')"
        " FROM support g JOIN child c ON c.id = g.child_id"
        " LEFT JOIN household h ON h.id = c.household_id"
        " LEFT JOIN village v ON v.id = h.village_id"
        " WHERE g.archived = 0 AND g.date BETWEEN ?1 AND ?2 ORDER BY g.date, g.id LIMIT ?3");
    sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
    hd_support_entry *e = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        e = xreallocarray(e, (size_t)n + 1, sizeof *e);
        hd_support_entry *x = memset(&e[n++], 0, sizeof *e);
        x->id = sqlite3_column_int64(st, 0);
        snprintf(x->uid, sizeof x->uid, "%s", sqlite3_column_text(st, 1));
        x->child_id = sqlite3_column_int64(st, 2);
        x->kind = model_from_code(VOCAB_SUPPORT, (const char *)sqlite3_column_text(st, 3));
        x->source = db_col_text(st, 4);
        x->what = db_col_text(st, 5);
        x->value = sqlite3_column_int64(st, 6);
        snprintf(x->date, sizeof x->date, "%s", sqlite3_column_text(st, 7));
        x->version = sqlite3_column_int64(st, 8);
        x->child = db_col_text(st, 9);
        x->birth_year = sqlite3_column_int(st, 10);
        x->village = db_col_text(st, 11);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        support_entries_free(e, n);
        return db_fail(db, err, _("reading the support register"));
    }
    *out = e;
    return n;
}

void support_totals_free(hd_support_total *t, int n)
{
    for (int i = 0; t && i < n; i++)
        free(t[i].label);
    free(t);
}

static const char *const group_names[SUPPORT_BY_COUNT] = {"month", "village", "source", "kind"};

int support_group_from_name(const char *name)
{
    for (int g = 0; g < SUPPORT_BY_COUNT; g++)
        if (strcmp(group_names[g], name) == 0)
            return g;
    return -1;
}

/* group key (sorted on) and label */
static const char *const group_sql[SUPPORT_BY_COUNT][2] = {
    {"substr(g.date, 1, 7)", "substr(g.date, 6, 2) || '/' || substr(g.date, 1, 4)"},
    {"coalesce(min(v.sort_key), x'ff')", "coalesce(v.name, '')"},
    {"min(g.source)", "g.source"},
    {"min(g.kind)", "g.kind"},
};
static const char *const group_by[SUPPORT_BY_COUNT] = {
    "substr(g.date, 1, 7)", "h.village_id", "g.source", "g.kind",
};

int support_totals(hd_db *db, const char *from, const char *to, hd_support_group g,
                   const char *lang, hd_support_total **out, hd_err *err)
{
    if (g >= SUPPORT_BY_COUNT)
        return hd_fail(err, "%s", _("unknown grouping"));
    char *sql = xasprintf(
        "SELECT %s, count(*), count(DISTINCT g.child_id), sum(g.value) FROM support g"
        " JOIN child c ON c.id = g.child_id LEFT JOIN household h ON h.id = c.household_id"
        " LEFT JOIN village v ON v.id = h.village_id"
        " WHERE g.archived = 0 AND g.date BETWEEN ?1 AND ?2 GROUP BY %s ORDER BY %s",
        group_sql[g][1], group_by[g], group_sql[g][0]);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
    hd_support_total *t = NULL;
    int n = 0, rc;
    hd_support_total all = {0};
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        t = xreallocarray(t, (size_t)n + 2, sizeof *t);
        hd_support_total *x = &t[n++];
        const char *raw = (const char *)sqlite3_column_text(st, 0);
        int k = g == SUPPORT_BY_KIND ? model_from_code(VOCAB_SUPPORT, raw) : -1;
        x->label = xstrdup(k >= 0 ? model_label(VOCAB_SUPPORT, k, lang)
                           : raw && *raw ? raw : _("(no village)"));
        x->entries = (long)sqlite3_column_int64(st, 1);
        x->children = (long)sqlite3_column_int64(st, 2);
        x->value = sqlite3_column_int64(st, 3);
        all.entries += x->entries;
        all.value += x->value;
    }
    db_finish(db, st);
    if (rc == SQLITE_DONE) {
        st = db_prepare(db, "SELECT count(DISTINCT child_id) FROM support"
                            " WHERE archived = 0 AND date BETWEEN ?1 AND ?2");
        sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(st) == SQLITE_ROW ? SQLITE_DONE : SQLITE_ERROR;
        all.children = rc == SQLITE_DONE ? (long)sqlite3_column_int64(st, 0) : 0;
        db_finish(db, st);
    }
    if (rc != SQLITE_DONE) {
        support_totals_free(t, n);
        return db_fail(db, err, _("adding up the support"));
    }
    t = xreallocarray(t, (size_t)n + 1, sizeof *t);
    all.label = xstrdup("");
    t[n++] = all;
    *out = t;
    return n;
}
