/* print_casework.c — the committee's case-work papers (print.h): the
 * monthly committee list (each member with what they answer for) and the
 * visit schedule. */
#include <stdlib.h>
#include <string.h>

#include "core/casework.h"
#include "core/model.h"
#include "core/print.h"
#include "core/print_int.h"

/* ---- the committee list -------------------------------------------------------- */

/* The children a row is about, as of the month's end: a sponsored child, or
 * the household's children at risk or out of school.  ?1 household, ?2
 * child (one of the two), ?3 the day. */
static const char kids_sql[] =
    "SELECT full_name, class_name, risk, risk_other, st FROM (SELECT c.full_name,"
    "  c.class_name, c.risk, c.risk_other, c.sort_key, c.id,"
    /* no status is dated in the future: on or after today it is the current one */
    "  CASE WHEN ?3 >= ?4 THEN c.status ELSE (SELECT s.status FROM child_status s"
    "   WHERE s.child_id = c.id AND s.date <= ?3 ORDER BY s.date DESC, s.id DESC LIMIT 1)"
    "  END AS st FROM child c WHERE c.archived = 0 AND (c.id = ?2 OR (c.household_id = ?1"
    "  AND ?2 = 0)))"
    " WHERE ?2 <> 0 OR st IN ('at_risk', 'dropped_out') ORDER BY sort_key, id";

/* "Name (7A, bỏ học)" for each child; their risk factors together. */
static void kids_cells(hd_db *db, int64_t household, int64_t child, const char *day,
                       char **names, char **risks)
{
    sqlite3_stmt *st = db_prepare(db, kids_sql);
    sqlite3_bind_int64(st, 1, household);
    sqlite3_bind_int64(st, 2, child);
    sqlite3_bind_text(st, 3, day, -1, SQLITE_TRANSIENT);
    char today[11];
    date_iso(date_today(), today);
    sqlite3_bind_text(st, 4, today, -1, SQLITE_TRANSIENT);
    strbuf n = {0};
    unsigned risk = 0;
    char *other = NULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *status = (const char *)sqlite3_column_text(st, 4);
        int sx = model_from_code(VOCAB_STATUS, status);
        sb_addf(&n, "%s%s (%s, %s)", n.len ? "; " : "", (const char *)sqlite3_column_text(st, 0),
                (const char *)sqlite3_column_text(st, 1), model_label(VOCAB_STATUS, sx, "vi"));
        risk |= (unsigned)sqlite3_column_int64(st, 2);
        const char *o = (const char *)sqlite3_column_text(st, 3);
        if (!other && o && *o)
            other = xstrdup(o);
    }
    db_finish(db, st);
    *names = sb_detach(&n);
    *risks = doc_risk_text(risk, other);
    free(other);
}

/* The household's latest commitment signed by the day, with its status. */
static char *commitment_cell(sqlite3_stmt *st, int col)
{
    const char *status = (const char *)sqlite3_column_text(st, col);
    if (!status)
        return xstrdup("");
    char signed_vn[11];
    doc_date_vn((const char *)sqlite3_column_text(st, col + 1), signed_vn);
    return xasprintf("%s (ký %s)",
                     model_label(VOCAB_COMMIT_STATUS, model_from_code(VOCAB_COMMIT_STATUS, status),
                                 "vi"),
                     signed_vn);
}

/* The next visit: the follow-up the latest visit asked for, else the visit
 * interval after it; a household never visited is due now. */
static char *next_visit_cell(const char *last, const char *followup, int interval)
{
    hd_date d;
    char vn[11];
    if (followup && *followup) {
        doc_date_vn(followup, vn);
        return xstrdup(vn);
    }
    if (!last || date_parse(last, &d, NULL) != 0)
        return xstrdup("Cần thăm ngay");
    date_vn(date_from_days(date_to_days(d) + interval), vn);
    return xstrdup(vn);
}

typedef struct committee_ctx {
    hd_db *db;
    char day[11];
    int interval;
} committee_ctx;

static const char *const role_words[] = {"phụ trách chính", "phối hợp", "đỡ đầu", "theo mùa"};

static void committee_row(sqlite3_stmt *st, hd_doc *d, void *arg)
{
    committee_ctx *cx = arg;
    int role = model_from_code(VOCAB_ASSIGN_ROLE, (const char *)sqlite3_column_text(st, 1));
    char *c[7];
    c[0] = xasprintf("%s (%s)", (const char *)sqlite3_column_text(st, 0),
                     role >= 0 && role < 4 ? role_words[role] : "");
    int64_t household = sqlite3_column_int64(st, 2), child = sqlite3_column_int64(st, 3);
    char *head = doc_col(st, 4), *addr = doc_col(st, 5), *village = doc_col(st, 6);
    strbuf a = {0};
    sb_add(&a, *head ? head : "—");
    if (*addr)
        sb_addf(&a, ", %s", addr);
    if (*village)
        sb_addf(&a, ", %s", village);
    c[1] = sb_detach(&a);
    free(head);
    free(addr);
    free(village);
    kids_cells(cx->db, household, child, cx->day, &c[2], &c[3]);
    c[4] = commitment_cell(st, 7);
    const char *last = (const char *)sqlite3_column_text(st, 9);
    char vn[11] = "";
    if (last)
        doc_date_vn(last, vn);
    c[5] = xstrdup(last ? vn : "Chưa thăm");
    c[6] = next_visit_cell(last, (const char *)sqlite3_column_text(st, 10), cx->interval);
    doc_add_row(d, (const char *const *)c);
    for (int i = 0; i < 7; i++)
        free(c[i]);
}

int doc_committee(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err)
{
    static const char *const titles[] = {"Thành viên", "Hộ gia đình, địa chỉ", "Trẻ (lớp, tình trạng)",
                                         "Nguy cơ", "Cam kết", "Thăm gần nhất", "Thăm lần tới"};
    doc_start(db, d, cfg, "DANH SÁCH PHÂN CÔNG THÀNH VIÊN BAN CHỈ ĐẠO PHỤ TRÁCH HỘ GIA ĐÌNH",
              year, month, 7, titles);
    d->kinds[5] = d->kinds[6] = DOC_DATE;
    hd_cw_opts o;
    cw_opts_init(&o, cfg);
    committee_ctx cx = {.db = db, .interval = o.visit_interval_days};
    doc_month_end(year, month, cx.day);
    /* Assignments open on the day: a household's lead and supporting
     * members, a child's sponsor (at the child's household), by member. */
    sqlite3_stmt *st = db_prepare(db,
        "WITH open AS (SELECT a.member_id, a.role, coalesce(a.household_id,"
        "   (SELECT household_id FROM child WHERE id = a.child_id), 0) AS hh,"
        "   coalesce(a.child_id, 0) AS child FROM assignment a"
        "   WHERE a.archived = 0 AND a.role <> 'season' AND a.start_date <= ?1"
        "   AND (a.end_date IS NULL OR a.end_date > ?1)),"
        " last AS (SELECT o.*, (SELECT max(v.date) FROM visit v WHERE v.household_id = o.hh"
        "   AND v.archived = 0 AND v.date <= ?1) AS last_visit FROM open o)"
        " SELECT m.full_name, l.role, l.hh, l.child, coalesce(h.head_name, ''),"
        "  coalesce(h.address, ''), coalesce(vg.name, ''),"
        "  k.status, k.signed_date, l.last_visit,"
        "  (SELECT min(v.next_followup) FROM visit v WHERE v.household_id = l.hh"
        "   AND v.archived = 0 AND v.date = l.last_visit)"
        " FROM last l JOIN member m ON m.id = l.member_id"
        " LEFT JOIN household h ON h.id = l.hh LEFT JOIN village vg ON vg.id = h.village_id"
        " LEFT JOIN commitment k ON k.id = (SELECT k2.id FROM commitment k2"
        "   WHERE k2.household_id = l.hh AND k2.archived = 0 AND k2.signed_date <= ?1"
        "   ORDER BY k2.signed_date DESC, k2.id DESC LIMIT 1)"
        " ORDER BY m.sort_key, m.id, l.role <> 'lead', l.role <> 'support',"
        "  vg.sort_key, h.sort_key, l.hh, l.child");
    sqlite3_bind_text(st, 1, cx.day, -1, SQLITE_TRANSIENT);
    return doc_fill(db, st, d, committee_row, &cx, err);
}

/* ---- the visit schedule ----------------------------------------------------------- */

int doc_visits(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err)
{
    static const char *const titles[] = {"Ngày cần thăm", "Hộ gia đình", "Thôn", "Trẻ",
                                         "Người phụ trách", "Lần thăm trước", "Việc cần làm"};
    /* To the end of the month after: the committee meets near the month's
     * end and plans the next one. */
    int ny = month == 12 ? year + 1 : year, nm = month == 12 ? 1 : month + 1;
    char until[11], until_vn[11];
    date_iso((hd_date){ny, nm, date_days_in_month(ny, nm)}, until);
    doc_date_vn(until, until_vn);
    doc_start(db, d, cfg, "LỊCH THĂM HỘ GIA ĐÌNH CÓ TRẺ NGUY CƠ BỎ HỌC", year, month, 7, titles);
    free(d->subtitle);
    d->subtitle = xasprintf("Các lần thăm đến hạn đến ngày %s (kể cả quá hạn)", until_vn);
    d->kinds[0] = d->kinds[5] = DOC_DATE;
    hd_cw_opts o;
    cw_opts_init(&o, cfg);
    hd_date end;
    if (date_parse(until, &end, NULL) == 0)
        o.soon_days = (int)(date_to_days(end) - date_to_days(o.today));
    if (o.soon_days < 0)
        o.soon_days = 0;
    hd_due_filter f = {.kinds = (1u << DUE_FOLLOWUP) | (1u << DUE_VISIT)};
    hd_due_item *items = NULL;
    int n = due_list(db, &o, &f, &items, err);
    if (n < 0)
        return -1;
    char today[11];
    date_iso(o.today, today);
    for (int i = 0; i < n; i++) {
        const hd_due_item *it = &items[i];
        char due[11], since[11] = "";
        doc_date_vn(it->due_date, due);
        if (it->since[0])
            doc_date_vn(it->since, since);
        strbuf what = {0};
        if (it->overdue) {
            hd_date dd;
            long late = date_parse(it->due_date, &dd, NULL) == 0
                            ? date_to_days(o.today) - date_to_days(dd) : 0;
            sb_addf(&what, "Quá hạn %ld ngày", late);
        }
        const char *job = it->kind == DUE_FOLLOWUP ? "Thăm lại theo hẹn"
                          : it->since[0]           ? "Thăm định kỳ"
                                                   : "Thăm lần đầu";
        sb_addf(&what, "%s%s", what.len ? ". " : "", job);
        if (it->detail && *it->detail)
            sb_addf(&what, ": %s", it->detail);
        const char *cells[] = {due, it->household, it->village, it->child ? it->child : "",
                               *it->responsible ? it->responsible : "Chưa phân công",
                               it->since[0] ? since : "Chưa thăm", sb_str(&what)};
        doc_add_row(d, cells);
        sb_free(&what);
    }
    due_items_free(items, n);
    return 0;
}
