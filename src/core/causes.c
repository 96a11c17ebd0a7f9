/* causes.c — dropouts and children at risk by cause (causes.h). */
#include "core/causes.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"

void cause_rows_free(hd_cause_row *r, int n)
{
    for (int i = 0; r && i < n; i++)
        free(r[i].village);
    free(r);
}

const char *cause_label(int cause, const char *lang)
{
    if (cause == CAUSE_NONE)
        return strcmp(lang, "vi") == 0 ? "Chưa ghi nguyên nhân" : "Not recorded";
    return model_label(VOCAB_RISK, cause, lang);
}

/* One row per pupil with a level: village, level, risk factors, whether
 * at risk on the day (?1) and whether dropped out in the school year
 * (?2 .. ?1). */
static const char causes_sql[] =
    "SELECT * FROM (SELECT coalesce(h.village_id, 0) AS vid, c.level, c.risk,"
    "  (SELECT s.status FROM child_status s WHERE s.child_id = c.id AND s.date <= ?1"
    "   ORDER BY s.date DESC, s.id DESC LIMIT 1) = 'at_risk' AS risky,"
    "  EXISTS (SELECT 1 FROM child_status s WHERE s.child_id = c.id"
    "   AND s.status = 'dropped_out' AND s.date BETWEEN ?2 AND ?1) AS dropped"
    "  FROM child c LEFT JOIN household h ON h.id = c.household_id"
    "  WHERE c.archived = 0 AND c.level IS NOT NULL) WHERE risky OR dropped";

enum { NCAUSE = CAUSE_NONE + 1 };

typedef struct cell {
    long drop, risk;
} cell;

int causes_report(hd_db *db, const hd_config *cfg, int year, int month, hd_cause_row **out,
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
    int sy = date_school_year(first, cfg->school_year_start_month);
    char day[11], start[11];
    date_iso(last, day);
    date_iso((hd_date){sy, cfg->school_year_start_month, 1}, start);
    /* the villages in order; index 0 is "no village" */
    int nv = 1;
    int64_t *vid = xcalloc(1, sizeof *vid);
    char **vname = xcalloc(1, sizeof *vname);
    vname[0] = xstrdup("");
    sqlite3_stmt *st = db_prepare(db, "SELECT id, name FROM village ORDER BY sort_key, id");
    while (sqlite3_step(st) == SQLITE_ROW) {
        vid = xreallocarray(vid, (size_t)nv + 1, sizeof *vid);
        vname = xreallocarray(vname, (size_t)nv + 1, sizeof *vname);
        vid[nv] = sqlite3_column_int64(st, 0);
        vname[nv++] = db_col_text(st, 1);
    }
    db_finish(db, st);
    /* cells[village][level][cause] */
    size_t per_v = (size_t)LEVEL_COUNT * NCAUSE;
    cell *cells = xcalloc((size_t)nv * per_v, sizeof *cells);
    st = db_prepare(db, causes_sql);
    sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, start, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t v = sqlite3_column_int64(st, 0);
        int vi = 0;
        for (int i = 1; v && i < nv; i++)
            if (vid[i] == v) {
                vi = i;
                break;
            }
        int lv = model_from_code(VOCAB_LEVEL, (const char *)sqlite3_column_text(st, 1));
        if (lv < 0)
            continue;
        unsigned risk = (unsigned)sqlite3_column_int64(st, 2);
        int risky = sqlite3_column_int(st, 3), dropped = sqlite3_column_int(st, 4);
        for (int k = 0; k < NCAUSE; k++) {
            if (k == CAUSE_NONE ? risk != 0 : !(risk & (1u << k)))
                continue;
            cell *c = &cells[(size_t)vi * per_v + (size_t)lv * NCAUSE + (size_t)k];
            c->drop += dropped;
            c->risk += risky;
        }
    }
    db_finish(db, st);
    hd_cause_row *r = NULL;
    int n = 0;
    long total_drop[NCAUSE] = {0}, total_risk[NCAUSE] = {0};
    if (rc == SQLITE_DONE) {
        /* villages in order, the children without a village last */
        for (int step = 1; step <= nv; step++) {
            int vi = step % nv;
            for (int lv = 0; lv < LEVEL_COUNT; lv++)
                for (int k = 0; k < NCAUSE; k++) {
                    const cell *c = &cells[(size_t)vi * per_v + (size_t)lv * NCAUSE + (size_t)k];
                    total_drop[k] += c->drop;
                    total_risk[k] += c->risk;
                    if (!c->drop && !c->risk)
                        continue;
                    r = xreallocarray(r, (size_t)n + 1, sizeof *r);
                    r[n++] = (hd_cause_row){vid[vi], xstrdup(vname[vi]), lv, k, c->drop,
                                            c->risk};
                }
        }
        for (int k = 0; k < NCAUSE; k++) {
            if (!total_drop[k] && !total_risk[k])
                continue;
            r = xreallocarray(r, (size_t)n + 1, sizeof *r);
            r[n++] = (hd_cause_row){-1, xstrdup(""), LEVEL_COUNT, k, total_drop[k],
                                    total_risk[k]};
        }
    }
    free(cells);
    free(vid);
    for (int i = 0; i < nv; i++)
        free(vname[i]);
    free(vname);
    if (rc != SQLITE_DONE) {
        cause_rows_free(r, n);
        return db_fail(db, err, _("counting the causes"));
    }
    *out = r;
    return n;
}
