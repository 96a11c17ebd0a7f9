/* print_docs.c — the committee's documents (print.h): each is one query
 * whose rows become the table of a document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/print.h"
#include "core/print_int.h"
#include "core/print_lists.h"

/* The open sponsor of a child, else the open lead of its household. */
#define RESPONSIBLE_SQL                                                                   \
    "coalesce((SELECT m.full_name FROM assignment a JOIN member m ON m.id = a.member_id"   \
    " WHERE a.child_id = c.id AND a.role = 'sponsor' AND a.end_date IS NULL"              \
    " AND a.archived = 0 ORDER BY a.start_date DESC LIMIT 1),"                            \
    " (SELECT m.full_name FROM assignment a JOIN member m ON m.id = a.member_id"           \
    " WHERE a.household_id = c.household_id AND a.role = 'lead' AND a.end_date IS NULL"   \
    " AND a.archived = 0 ORDER BY a.start_date DESC LIMIT 1), '')"

char *doc_risk_text(unsigned risk, const char *other)
{
    strbuf sb = {0};
    for (int r = 0; r < RISK_COUNT; r++)
        if (risk & (1u << r)) {
            const char *label = r == RISK_OTHER && other && *other
                                    ? other : model_label(VOCAB_RISK, r, "vi");
            sb_addf(&sb, "%s%s", sb.len ? "; " : "", label);
        }
    return sb_detach(&sb);
}

char *doc_col(sqlite3_stmt *st, int i)
{
    return db_col_text(st, i);
}

void doc_date_vn(const char *iso, char out[11])
{
    hd_date d;
    if (iso && *iso && date_parse(iso, &d, NULL) == 0)
        date_vn(d, out);
    else
        snprintf(out, 11, "%s", iso ? iso : "");
}

void doc_month_end(int year, int month, char out[11])
{
    hd_date end = {year, month, date_days_in_month(year, month)}, today = date_today();
    date_iso(date_cmp(end, today) > 0 ? today : end, out);
}

/* The issuing commune is the database's own; the configuration's name is
 * only for a database that has none. */
void doc_start(hd_db *db, hd_doc *d, const hd_config *cfg, const char *title, int year,
               int month, int ncols, const char *const *titles)
{
    char *sub = xasprintf("Tháng %02d/%d", month, year);
    hd_config named = *cfg;
    sqlite3_stmt *st = db_prepare(db, "SELECT name FROM commune WHERE id = 1");
    char *name = sqlite3_step(st) == SQLITE_ROW ? db_col_text(st, 0) : NULL;
    db_finish(db, st);
    if (name && *name)
        named.commune_name = name;
    doc_init(d, &named, date_today(), title, sub, ncols, titles);
    free(name);
    free(sub);
}

int doc_fill(hd_db *db, sqlite3_stmt *st, hd_doc *d, doc_row_fn fn, void *arg, hd_err *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn(st, d, arg);
    if (rc != SQLITE_DONE) {
        db_fail(db, err, "reading the document's rows");
        db_finish(db, st);
        return -1;
    }
    db_finish(db, st);
    return 0;
}

static void free_cells(char **cells, int n)
{
    for (int i = 0; i < n; i++)
        free(cells[i]);
}

/* ---- at risk ---------------------------------------------------------------------- */

static void at_risk_row(sqlite3_stmt *st, hd_doc *d, void *arg)
{
    char *c[6];
    c[0] = doc_col(st, 0);
    c[1] = doc_col(st, 1);
    char *village = doc_col(st, 2), *head = doc_col(st, 3);
    c[2] = *head ? xasprintf("%s (hộ %s)", village, head) : xstrdup(village);
    free(village);
    free(head);
    c[3] = doc_col(st, 4);
    c[4] = doc_risk_text((unsigned)sqlite3_column_int64(st, 5), (const char *)sqlite3_column_text(st, 6));
    c[5] = doc_col(st, 7);
    doc_add_row(d, (const char *const *)c);
    free_cells(c, 6);
}

int doc_at_risk(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err)
{
    static const char *const titles[] = {"Họ và tên", "Năm sinh", "Thôn, hộ", "Lớp",
                                         "Nguy cơ", "Người phụ trách"};
    doc_start(db, d, cfg, "DANH SÁCH HỌC SINH CÓ NGUY CƠ BỎ HỌC", year, month, 6, titles);
    d->kinds[1] = DOC_NUMBER;
    sqlite3_stmt *st = db_prepare(db,
        "SELECT c.full_name, c.birth_year, coalesce(v.name, ''), coalesce(h.head_name, ''),"
        " c.class_name, c.risk, c.risk_other, " RESPONSIBLE_SQL
        " FROM child c LEFT JOIN household h ON h.id = c.household_id"
        " LEFT JOIN village v ON v.id = h.village_id"
        " WHERE c.status = 'at_risk' AND c.archived = 0"
        " ORDER BY v.sort_key IS NULL, v.sort_key, c.sort_key, c.id");
    return doc_fill(db, st, d, at_risk_row, NULL, err);
}

/* ---- dropouts ------------------------------------------------------------------------ */

static void dropout_row(sqlite3_stmt *st, hd_doc *d, void *arg)
{
    char *c[7];
    c[0] = doc_col(st, 0);
    c[1] = doc_col(st, 1);
    char *village = doc_col(st, 2), *addr = doc_col(st, 3);
    c[2] = *addr ? xasprintf("%s, %s", addr, village) : xstrdup(village);
    free(village);
    free(addr);
    c[3] = doc_col(st, 4);
    int pov = model_from_code(VOCAB_POVERTY, (const char *)sqlite3_column_text(st, 5));
    char *notes = doc_col(st, 6);
    strbuf sb = {0};
    if (pov > POVERTY_NONE)
        sb_add(&sb, model_label(VOCAB_POVERTY, pov, "vi"));
    if (*notes)
        sb_addf(&sb, "%s%s", sb.len ? "; " : "", notes);
    free(notes);
    c[4] = sb_detach(&sb);
    c[5] = doc_col(st, 7);
    char vn[11];
    doc_date_vn((const char *)sqlite3_column_text(st, 8), vn);
    c[6] = xstrdup(vn);
    doc_add_row(d, (const char *const *)c);
    free_cells(c, 7);
}

int doc_dropouts(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err)
{
    static const char *const titles[] = {"Họ và tên", "Năm sinh", "Địa chỉ", "Lớp",
                                         "Hoàn cảnh gia đình", "Nguyên nhân", "Ngày bỏ học"};
    doc_start(db, d, cfg, "DANH SÁCH HỌC SINH BỎ HỌC", year, month, 7, titles);
    d->kinds[1] = DOC_NUMBER;
    d->kinds[6] = DOC_DATE;
    char end[11];
    doc_month_end(year, month, end);
    /* The status on the last day of the month, from the history, so a
     * child who came back later still counts in the month they were out. */
    sqlite3_stmt *st = db_prepare(db,
        "SELECT c.full_name, c.birth_year, coalesce(v.name, ''), coalesce(h.address, ''),"
        " c.class_name, coalesce(h.poverty, 'none'), coalesce(h.notes, ''), s.reason, s.date"
        " FROM child c JOIN child_status s ON s.id = (SELECT s2.id FROM child_status s2"
        "   WHERE s2.child_id = c.id AND s2.date <= ?1 ORDER BY s2.date DESC, s2.id DESC"
        "   LIMIT 1)"
        " LEFT JOIN household h ON h.id = c.household_id"
        " LEFT JOIN village v ON v.id = h.village_id"
        " WHERE s.status = 'dropped_out' AND c.archived = 0"
        " ORDER BY v.sort_key IS NULL, v.sort_key, c.sort_key, c.id");
    sqlite3_bind_text(st, 1, end, -1, SQLITE_TRANSIENT);
    return doc_fill(db, st, d, dropout_row, NULL, err);
}

/* ---- the list ------------------------------------------------------------------------ */

const hd_doc_kind doc_kinds[] = {
    {"committee", N_("Committee list: members and their households"), doc_committee, 132},
    {"visits", N_("Visit schedule"), doc_visits, 132},
    {"at-risk", N_("Children at risk of dropping out"), doc_at_risk, 80},
    {"dropouts", N_("Children who dropped out"), doc_dropouts, 132},
    {"evaluation", N_("Party branch evaluation"), doc_evaluation, 132},
    {"report", N_("Monthly report to the district"), doc_report, 80},
    /* the named lists of the district plans (print_lists.c) */
    {"officials", N_("Children of officials and party members at risk or out of school"),
     doc_officials, 132},
    {"sponsors", N_("Sponsors' results"), doc_sponsors, 132},
    {"family-review", N_("Cultured-family review: children not in school or often absent"),
     doc_family_review, 132},
    {"leavers", N_("After grade 9: each pupil's path"), doc_leavers, 132},
    {"support", N_("Support register"), doc_support, 132},
    {"causes", N_("Dropouts and children at risk by cause"), doc_causes, 80},
    {NULL, NULL, NULL, 0},
};

const hd_doc_kind *doc_kind_find(const char *name)
{
    for (const hd_doc_kind *k = doc_kinds; name && k->name; k++)
        if (strcmp(k->name, name) == 0)
            return k;
    return NULL;
}
