/* caseload.c — the chair's views for balancing the work: each member's
 * load, who at risk has no one, and whom to propose. */
#include "core/casework_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

/* ---- load ------------------------------------------------------------------ */

/* Every member's agenda households (as MINE_CTE in due.c, for all members
 * at once), and the due items counted over them. */
#define SCOPE_CTE                                                                          \
    ", scope(member_id, household_id) AS ("                                                \
    " SELECT member_id, household_id FROM assignment WHERE end_date IS NULL"               \
    "  AND household_id IS NOT NULL AND archived = 0"                                      \
    " UNION SELECT a.member_id, c.household_id FROM assignment a"                          \
    "  JOIN child c ON c.id = a.child_id WHERE a.end_date IS NULL AND a.archived = 0"      \
    "  AND c.household_id IS NOT NULL"                                                     \
    " UNION SELECT vm.member_id, l.household_id FROM visit_latest l"                       \
    "  JOIN visit v ON v.household_id = l.household_id AND v.date = l.date"                \
    "  AND v.archived = 0 JOIN visit_member vm ON vm.visit_id = v.id),"                    \
    " dues(member_id, n, late) AS (SELECT s.member_id, count(*), sum(i.due < ?1)"          \
    "  FROM scope s JOIN items i ON i.household_id = s.household_id"                       \
    "  WHERE i.due <= ?2 GROUP BY s.member_id)"

#define OPEN_COUNT(cond)                                                                   \
    " (SELECT count(*) FROM assignment a WHERE a.member_id = m.id AND a.archived = 0"      \
    "  AND " cond ")"

static char *load_sql(void)
{
    char *items = cw_due_items_sql(0);
    char *sql = xasprintf(
        "WITH %s" SCOPE_CTE
        " SELECT m.id, m.uid, m.full_name, coalesce(v.name, ''),"
        OPEN_COUNT("a.end_date IS NULL AND a.household_id IS NOT NULL") ","
        OPEN_COUNT("a.end_date IS NULL AND a.role = 'lead'") ","
        OPEN_COUNT("a.end_date IS NULL AND a.child_id IS NOT NULL") ","
        OPEN_COUNT("a.village_id IS NOT NULL AND a.start_date <= ?1"
                   " AND (a.end_date IS NULL OR a.end_date >= ?1)") ","
        " coalesce(d.n, 0), coalesce(d.late, 0)"
        " FROM member m LEFT JOIN village v ON v.id = m.village_id"
        " LEFT JOIN dues d ON d.member_id = m.id"
        " WHERE m.archived = 0 ORDER BY m.sort_key, m.id",
        items);
    free(items);
    return sql;
}

int member_load_list(hd_db *db, const hd_cw_opts *o, hd_member_load **out, hd_err *err)
{
    char *sql = load_sql();
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    cw_due_bind(st, o, 0, 0);
    hd_member_load *l = NULL;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        l = cw_grow(l, n, &cap, sizeof *l);
        hd_member_load *x = &l[n++];
        memset(x, 0, sizeof *x);
        x->member_id = sqlite3_column_int64(st, 0);
        cw_col_buf(st, 1, x->uid, sizeof x->uid);
        x->name = db_col_text(st, 2);
        x->village = db_col_text(st, 3);
        x->households = sqlite3_column_int(st, 4);
        x->leads = sqlite3_column_int(st, 5);
        x->children = sqlite3_column_int(st, 6);
        x->villages = sqlite3_column_int(st, 7);
        x->due = sqlite3_column_int(st, 8);
        x->overdue = sqlite3_column_int(st, 9);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        member_loads_free(l, n);
        return db_fail(db, err, _("reading the members' load"));
    }
    *out = l;
    return n;
}

void member_loads_free(hd_member_load *l, int n)
{
    for (int i = 0; i < n; i++) {
        free(l[i].name);
        free(l[i].village);
    }
    free(l);
}

/* ---- at risk with no one ----------------------------------------------- */

#define NO_ONE_FOR_HOUSEHOLD(h)                                                         \
    "NOT EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = " h                  \
    " AND a.end_date IS NULL AND a.archived = 0)"

static int read_unassigned(hd_db *db, const char *sql, hd_unassigned **out, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, sql);
    hd_unassigned *u = NULL;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        u = cw_grow(u, n, &cap, sizeof *u);
        hd_unassigned *x = &u[n++];
        memset(x, 0, sizeof *x);
        x->household_id = sqlite3_column_int64(st, 0);
        cw_col_buf(st, 1, x->household_uid, sizeof x->household_uid);
        x->household = db_col_text(st, 2);
        x->village = db_col_text(st, 3);
        x->child_id = sqlite3_column_int64(st, 4);
        cw_col_buf(st, 5, x->child_uid, sizeof x->child_uid);
        x->child = db_col_text(st, 6);
        x->at_risk = sqlite3_column_int(st, 7);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        unassigned_free(u, n);
        return db_fail(db, err, _("reading who has no one assigned"));
    }
    *out = u;
    return n;
}

int unassigned_households(hd_db *db, hd_unassigned **out, hd_err *err)
{
    return read_unassigned(db,
        "SELECT h.id, h.uid, h.head_name, v.name, 0, '', '', count(*) FROM child c"
        " JOIN household h ON h.id = c.household_id JOIN village v ON v.id = h.village_id"
        " WHERE " CW_AT_RISK_SQL("c") " AND h.archived = 0 AND " NO_ONE_FOR_HOUSEHOLD("h.id")
        " GROUP BY h.id ORDER BY v.sort_key, h.sort_key, h.id",
        out, err);
}

int unassigned_children(hd_db *db, hd_unassigned **out, hd_err *err)
{
    return read_unassigned(db,
        "SELECT coalesce(h.id, 0), coalesce(h.uid, ''), coalesce(h.head_name, ''),"
        " coalesce(v.name, ''), c.id, c.uid, c.full_name, 1 FROM child c"
        " LEFT JOIN household h ON h.id = c.household_id"
        " LEFT JOIN village v ON v.id = h.village_id"
        " WHERE " CW_AT_RISK_SQL("c")
        " AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.child_id = c.id"
        "  AND a.end_date IS NULL AND a.archived = 0)"
        " AND (c.household_id IS NULL OR " NO_ONE_FOR_HOUSEHOLD("c.household_id") ")"
        " ORDER BY v.sort_key IS NULL, v.sort_key, h.sort_key, c.sort_key, c.id",
        out, err);
}

void unassigned_free(hd_unassigned *u, int n)
{
    for (int i = 0; i < n; i++) {
        free(u[i].household);
        free(u[i].village);
        free(u[i].child);
    }
    free(u);
}

/* ---- suggestions ------------------------------------------------------------ */

/* ?1 household, ?2 child, ?3 the village, ?4 the child's school, ?5 limit. */
#define SUGGEST_SQL                                                                        \
    "SELECT m.id, m.uid, m.full_name, coalesce(v.name, ''), coalesce(s.name, ''),"         \
    " m.village_id IS ?3 AND ?3 IS NOT NULL AS sv,"                                         \
    " m.school_id IS ?4 AND ?4 IS NOT NULL AS ss,"                                          \
    " (SELECT count(*) FROM assignment a WHERE a.member_id = m.id AND a.end_date IS NULL"   \
    "   AND a.village_id IS NULL AND a.archived = 0) AS load"                               \
    " FROM member m LEFT JOIN village v ON v.id = m.village_id"                            \
    " LEFT JOIN school s ON s.id = m.school_id WHERE m.archived = 0"                       \
    " AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.member_id = m.id"                 \
    "  AND a.end_date IS NULL AND a.archived = 0"                                           \
    "  AND (a.household_id = ?1 OR a.child_id = ?2))"                                       \
    " ORDER BY sv + ss DESC, load, m.sort_key, m.id LIMIT ?5"

/* The village (of the household, or of the child's household) and the
 * child's school; -1 when the target does not exist. */
static int target_place(hd_db *db, int64_t household_id, int64_t child_id, int64_t *village,
                        int64_t *school)
{
    sqlite3_stmt *st = db_prepare(db, child_id
        ? "SELECT h.village_id, c.school_id, c.household_id FROM child c"
          " LEFT JOIN household h ON h.id = c.household_id WHERE c.id = ?1"
        : "SELECT village_id, NULL, id FROM household WHERE id = ?1");
    sqlite3_bind_int64(st, 1, child_id ? child_id : household_id);
    int found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        *village = sqlite3_column_int64(st, 0);
        *school = sqlite3_column_int64(st, 1);
    }
    db_finish(db, st);
    return found ? 0 : -1;
}

static void read_suggestion(sqlite3_stmt *st, hd_suggestion *x)
{
    memset(x, 0, sizeof *x);
    x->member_id = sqlite3_column_int64(st, 0);
    cw_col_buf(st, 1, x->uid, sizeof x->uid);
    x->name = db_col_text(st, 2);
    x->village = db_col_text(st, 3);
    x->school = db_col_text(st, 4);
    x->same_village = sqlite3_column_int(st, 5);
    x->same_school = sqlite3_column_int(st, 6);
    x->load = sqlite3_column_int(st, 7);
}

int assignment_suggest(hd_db *db, int64_t household_id, int64_t child_id, int limit,
                       hd_suggestion **out, hd_err *err)
{
    int64_t village = 0, school = 0;
    if (target_place(db, household_id, child_id, &village, &school) < 0)
        return hd_fail(err, child_id ? _("child: no such record") : _("household: no such record"));
    sqlite3_stmt *st = db_prepare(db, SUGGEST_SQL);
    db_bind_id(st, 1, child_id ? 0 : household_id);
    db_bind_id(st, 2, child_id);
    db_bind_id(st, 3, village);
    db_bind_id(st, 4, school);
    sqlite3_bind_int(st, 5, limit > 0 ? limit : -1);
    hd_suggestion *s = NULL;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        s = cw_grow(s, n, &cap, sizeof *s);
        read_suggestion(st, &s[n++]);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        suggestions_free(s, n);
        return db_fail(db, err, _("reading the members"));
    }
    *out = s;
    return n;
}

void suggestions_free(hd_suggestion *s, int n)
{
    for (int i = 0; i < n; i++) {
        free(s[i].name);
        free(s[i].village);
        free(s[i].school);
    }
    free(s);
}
