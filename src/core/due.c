/* due.c — what is due and overdue: follow-ups, children at risk not
 * visited lately, commitment reviews, unanswered reports (casework.h). */
#include "core/casework_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

/* Parameters of every statement built on cw_due_items_sql. */
enum { P_TODAY = 1, P_UNTIL, P_VISIT_DAYS, P_REPORT_DAYS, P_MEMBER, P_KINDS, P_LIMIT, P_OFFSET };

/* The households of member ?5's agenda. */
#define MINE_CTE                                                                          \
    "mine(household_id) AS ("                                                             \
    " SELECT household_id FROM assignment WHERE member_id = ?5 AND end_date IS NULL"      \
    "  AND household_id IS NOT NULL AND archived = 0"                                     \
    " UNION SELECT c.household_id FROM assignment a JOIN child c ON c.id = a.child_id"    \
    "  WHERE a.member_id = ?5 AND a.end_date IS NULL AND a.archived = 0"                  \
    "  AND c.household_id IS NOT NULL"                                                    \
    " UNION SELECT v.household_id FROM visit_member vm JOIN visit v ON v.id = vm.visit_id"\
    "  JOIN visit_latest l ON l.household_id = v.household_id AND l.date = v.date"        \
    "  WHERE vm.member_id = ?5 AND v.archived = 0), "

/* A child at risk is due N days after the household's last visit, or at
 * once when not visited since the status began. */
#define CHILD_DUE                                                                          \
    "CASE WHEN l.date >= coalesce(c.status_date, '')"                                      \
    " THEN date(l.date, '+' || ?3 || ' days') ELSE coalesce(c.status_date, ?1) END"

#define LIVE_HOUSEHOLD(col)                                                                \
    " AND NOT EXISTS (SELECT 1 FROM household x WHERE x.id = " col " AND x.archived = 1)"

/* Where an arm reads from: the whole table, or (a member's agenda) only the
 * rows of the member's few households, which are read first. */
static void add_from(strbuf *sb, int member_scope, const char *table, const char *alias)
{
    if (member_scope)
        sb_addf(sb, " FROM mine CROSS JOIN %s %s ON %s.household_id = mine.household_id", table,
                alias, alias);
    else
        sb_addf(sb, " FROM %s %s", table, alias);
}

/* The items up to the date ?2, one arm per kind, each read through its own
 * index (the follow-ups in date order, so that a first page stops early).
 * Kinds left out by ?6 cost nothing: a constant condition. */
static char *compound_sql(int member_scope)
{
    strbuf sb = {0};
    sb_add(&sb, "SELECT 0 AS kind, l.next_followup AS due, l.household_id AS household_id,"
                " NULL AS child_id, l.visit_id AS ref_id, l.date AS since");
    add_from(&sb, member_scope, "visit_latest", "l");
    /* (visit_latest holds no follow-up for an archived household) */
    sb_add(&sb, " WHERE (?6 & 1) AND l.next_followup <= ?2");
    sb_add(&sb, " UNION ALL SELECT 1, " CHILD_DUE ", c.household_id, c.id, NULL, l.date");
    add_from(&sb, member_scope, "child", "c");
    sb_add(&sb, " LEFT JOIN visit_latest l ON l.household_id = c.household_id WHERE (?6 & 2)");
    sb_add(&sb, member_scope ? " AND " CW_AT_RISK_BY_HOUSEHOLD_SQL("c") : " AND " CW_AT_RISK_SQL("c"));
    sb_add(&sb, " AND " CHILD_DUE " <= ?2");
    sb_add(&sb, " UNION ALL SELECT 2, k.review_date, k.household_id, k.child_id, k.id,"
                " k.signed_date");
    add_from(&sb, member_scope, "commitment", "k");
    sb_add(&sb, " WHERE (?6 & 4) AND k.status = 'active' AND k.review_date <= ?2"
                " AND k.archived = 0" LIVE_HOUSEHOLD("k.household_id"));
    sb_add(&sb, " UNION ALL SELECT 3, date(r.date, '+' || ?4 || ' days'), r.household_id,"
                " r.child_id, r.id, r.date");
    add_from(&sb, member_scope, "report", "r");
    sb_add(&sb, " WHERE (?6 & 8) AND r.handled_date IS NULL"
                " AND r.date <= date(?2, '-' || ?4 || ' days') AND r.archived = 0"
                LIVE_HOUSEHOLD("r.household_id"));
    return sb_detach(&sb);
}

char *cw_due_items_sql(int member_scope)
{
    char *arms = compound_sql(member_scope);
    char *sql = xasprintf("%sitems(kind, due, household_id, child_id, ref_id, since) AS (%s)",
                          member_scope ? MINE_CTE : "", arms);
    free(arms);
    return sql;
}

/* The page first (in date order, then kind, then the order records were
 * made), the names after: the lookups run for the rows shown. */
static char *list_sql(int member_scope)
{
    char *arms = compound_sql(member_scope);
    char *sql = xasprintf(
        "WITH %spage AS (%s ORDER BY 2, 1, 3, 4, 5 LIMIT ?7 OFFSET ?8)"
        " SELECT p.kind, p.due, p.household_id, h.uid, h.head_name, v.name, p.child_id,"
        "  c.uid, c.full_name, CASE p.kind WHEN 0 THEN (SELECT uid FROM visit WHERE id = p.ref_id)"
        "  WHEN 2 THEN (SELECT uid FROM commitment WHERE id = p.ref_id)"
        "  WHEN 3 THEN (SELECT uid FROM report WHERE id = p.ref_id) END, p.since,"
        "  coalesce((SELECT m.full_name FROM assignment a JOIN member m ON m.id = a.member_id"
        "    WHERE a.child_id = p.child_id AND a.end_date IS NULL AND a.archived = 0),"
        "   (SELECT m.full_name FROM assignment a JOIN member m ON m.id = a.member_id"
        "    WHERE a.household_id = p.household_id AND a.end_date IS NULL AND a.archived = 0"
        "    ORDER BY a.role <> 'lead', a.start_date, a.id LIMIT 1),"
        "   (SELECT m.full_name FROM child k JOIN assignment a ON a.child_id = k.id"
        "    JOIN member m ON m.id = a.member_id WHERE k.household_id = p.household_id"
        "    AND a.end_date IS NULL AND a.archived = 0 ORDER BY a.start_date, a.id LIMIT 1), ''),"
        "  CASE p.kind WHEN 0 THEN (SELECT purpose FROM visit WHERE id = p.ref_id)"
        "  WHEN 2 THEN (SELECT family_commits FROM commitment WHERE id = p.ref_id)"
        "  WHEN 3 THEN (SELECT CASE WHEN reporter <> '' THEN reporter || ': ' || text"
        "   ELSE text END FROM report WHERE id = p.ref_id) END"
        " FROM page p LEFT JOIN household h ON h.id = p.household_id"
        " LEFT JOIN village v ON v.id = h.village_id LEFT JOIN child c ON c.id = p.child_id"
        " ORDER BY p.due, p.kind, p.household_id, p.child_id, p.ref_id",
        member_scope ? MINE_CTE : "", arms);
    free(arms);
    return sql;
}

void cw_due_bind(sqlite3_stmt *st, const hd_cw_opts *o, int overdue_only, unsigned kinds)
{
    char today[11], until[11];
    date_iso(o->today, today);
    /* Days are whole: "before today" is "up to yesterday". */
    cw_add_days(o->today, overdue_only ? -1 : o->soon_days, until);
    sqlite3_bind_text(st, P_TODAY, today, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, P_UNTIL, until, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, P_VISIT_DAYS, o->visit_interval_days);
    sqlite3_bind_int(st, P_REPORT_DAYS, o->report_response_days);
    sqlite3_bind_int(st, P_KINDS, kinds ? (int)kinds : (1 << DUE_KIND_COUNT) - 1);
}

static void read_item(sqlite3_stmt *st, const char *today, hd_due_item *d)
{
    memset(d, 0, sizeof *d);
    d->kind = sqlite3_column_int(st, 0);
    cw_col_buf(st, 1, d->due_date, sizeof d->due_date);
    d->overdue = strcmp(d->due_date, today) < 0;
    d->household_id = sqlite3_column_int64(st, 2);
    cw_col_buf(st, 3, d->household_uid, sizeof d->household_uid);
    d->household = db_col_text(st, 4);
    d->village = db_col_text(st, 5);
    d->child_id = sqlite3_column_int64(st, 6);
    cw_col_buf(st, 7, d->child_uid, sizeof d->child_uid);
    d->child = db_col_text(st, 8);
    cw_col_buf(st, 9, d->ref_uid, sizeof d->ref_uid);
    cw_col_buf(st, 10, d->since, sizeof d->since);
    d->responsible = db_col_text(st, 11);
    d->detail = db_col_text(st, 12);
}

int due_list(hd_db *db, const hd_cw_opts *o, const hd_due_filter *f, hd_due_item **out,
             hd_err *err)
{
    char *sql = list_sql(f->member_id > 0);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    cw_due_bind(st, o, f->overdue_only, f->kinds);
    sqlite3_bind_int64(st, P_MEMBER, f->member_id);
    sqlite3_bind_int(st, P_LIMIT, f->limit > 0 ? f->limit : -1);
    sqlite3_bind_int(st, P_OFFSET, f->offset > 0 ? f->offset : 0);
    char today[11];
    date_iso(o->today, today);
    hd_due_item *items = NULL;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        items = cw_grow(items, n, &cap, sizeof *items);
        read_item(st, today, &items[n++]);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        due_items_free(items, n);
        return db_fail(db, err, _("reading what is due"));
    }
    *out = items;
    return n;
}

void due_items_free(hd_due_item *d, int n)
{
    for (int i = 0; i < n; i++) {
        free(d[i].household);
        free(d[i].village);
        free(d[i].child);
        free(d[i].responsible);
        free(d[i].detail);
    }
    free(d);
}

int due_count(hd_db *db, const hd_cw_opts *o, const hd_due_filter *f, int *total, int *overdue,
              hd_err *err)
{
    char *arms = compound_sql(f->member_id > 0);
    char *sql = xasprintf("WITH %sitems AS (%s) SELECT count(*), coalesce(sum(due < ?1), 0)"
                          " FROM items", f->member_id > 0 ? MINE_CTE : "", arms);
    free(arms);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    cw_due_bind(st, o, f->overdue_only, f->kinds);
    sqlite3_bind_int64(st, P_MEMBER, f->member_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *total = sqlite3_column_int(st, 0);
        *overdue = sqlite3_column_int(st, 1);
    }
    db_finish(db, st);
    return rc == SQLITE_ROW ? 0 : db_fail(db, err, _("reading what is due"));
}

const char *due_kind_label(int kind)
{
    switch (kind) {
    case DUE_FOLLOWUP: return _("follow-up");
    case DUE_VISIT: return _("visit");
    case DUE_REVIEW: return _("review");
    case DUE_REPORT: return _("report");
    default: return "";
    }
}

char *due_plan(hd_db *db, int64_t member_id, hd_err *err)
{
    char *sql = list_sql(member_id > 0);
    char *explain = xasprintf("EXPLAIN QUERY PLAN %s", sql);
    free(sql);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db_sql(db), explain, -1, &st, NULL) != SQLITE_OK) {
        free(explain);
        db_fail(db, err, _("reading what is due"));
        return NULL;
    }
    free(explain);
    sqlite3_bind_int64(st, P_MEMBER, member_id);
    strbuf sb = {0};
    while (sqlite3_step(st) == SQLITE_ROW)
        sb_addf(&sb, "%s\n", (const char *)sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    return sb.buf ? sb_detach(&sb) : xstrdup("");
}
