/* print_lists.c — the named lists as documents (print_lists.h). */
#include "core/print_lists.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/causes.h"
#include "core/family.h"
#include "core/leavers.h"
#include "core/model.h"
#include "core/positions.h"
#include "core/sponsors.h"
#include "core/support.h"

/* The issuing commune is the database's own (as print_docs.c does). */
static void start(hd_db *db, hd_doc *d, const hd_config *cfg, const char *title,
                  const char *sub, int ncols, const char *const *titles)
{
    hd_config named = *cfg;
    sqlite3_stmt *st = db_prepare(db, "SELECT name FROM commune WHERE id = 1");
    char *name = sqlite3_step(st) == SQLITE_ROW ? db_col_text(st, 0) : NULL;
    db_finish(db, st);
    if (name && *name)
        named.commune_name = name;
    doc_init(d, &named, date_today(), title, sub, ncols, titles);
    free(name);
}

/* The printed reason: the papers are Vietnamese whatever the interface. */
static char *reason_vi(const hd_family_row *r)
{
    if (r->status < 0)
        return xstrdup("Không đi học: chưa từng đi học");
    if (r->not_in_school)
        return xstrdup("Không đi học: bỏ học");
    char pct[32];
    snprintf(pct, sizeof pct, "%.1f", r->days ? 100.0 * (double)r->absent / (double)r->days : 0);
    for (char *p = pct; *p; p++)
        if (*p == '.')
            *p = ',';
    return xasprintf("Vắng %ld/%ld ngày học (%s %%)", r->absent, r->days, pct);
}

int doc_family_review(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d,
                      hd_err *err)
{
    static const char *const titles[] = {"Thôn", "Chủ hộ", "Trẻ trong độ tuổi", "Năm sinh",
                                         "Lý do"};
    hd_family_row *r;
    int n = family_review(db, cfg, year, month, 0, &r, err);
    if (n < 0) {
        memset(d, 0, sizeof *d);
        return -1;
    }
    hd_date first = {year, month, 1};
    int sy = date_school_year(first, cfg->school_year_start_month);
    char *sub = xasprintf("Phục vụ bình xét gia đình văn hóa · năm học %d-%d, tính đến "
                          "tháng %02d/%d", sy, sy + 1, month, year);
    start(db, d, cfg, "DANH SÁCH HỘ GIA ĐÌNH CÓ TRẺ TRONG ĐỘ TUỔI KHÔNG ĐI HỌC HOẶC NGHỈ "
                      "HỌC NHIỀU", sub, 5, titles);
    free(sub);
    for (int i = 0; i < n; i++) {
        char by[16];
        snprintf(by, sizeof by, "%d", r[i].birth_year);
        char *why = reason_vi(&r[i]);
        const char *cells[5] = {r[i].village, r[i].head, r[i].child, by, why};
        doc_add_row(d, cells);
        free(why);
    }
    family_rows_free(r, n);
    return 0;
}

/* ---- causes ---------------------------------------------------------------------- */

int doc_causes(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err)
{
    static const char *const titles[] = {"Thôn", "Cấp học", "Nguyên nhân", "Bỏ học",
                                         "Nguy cơ bỏ học"};
    hd_cause_row *r;
    int n = causes_report(db, cfg, year, month, &r, err);
    if (n < 0) {
        memset(d, 0, sizeof *d);
        return -1;
    }
    hd_date first = {year, month, 1};
    int sy = date_school_year(first, cfg->school_year_start_month);
    char *sub = xasprintf("Năm học %d-%d, tính đến tháng %02d/%d (bỏ học từ đầu năm học; "
                          "nguy cơ tại thời điểm báo cáo)", sy, sy + 1, month, year);
    start(db, d, cfg, "TỔNG HỢP NGUYÊN NHÂN HỌC SINH BỎ HỌC, CÓ NGUY CƠ BỎ HỌC", sub, 5,
          titles);
    free(sub);
    for (int i = 0; i < n; i++) {
        char a[24], b[24];
        snprintf(a, sizeof a, "%ld", r[i].dropouts);
        snprintf(b, sizeof b, "%ld", r[i].at_risk);
        const char *village = r[i].village_id < 0 ? "Toàn xã"
                              : *r[i].village    ? r[i].village
                                                 : "(chưa có thôn)";
        const char *level = r[i].level == LEVEL_COUNT ? "Các cấp"
                                                      : model_label(VOCAB_LEVEL, r[i].level, "vi");
        const char *cells[5] = {village, level, cause_label(r[i].cause, "vi"), a, b};
        doc_add_row(d, cells);
    }
    cause_rows_free(r, n);
    return 0;
}

/* ---- sponsors' results -------------------------------------------------------------- */

/* "95,5 % (09/2026)", or "-" without attendance. */
static char *att_vi(const char *month, double rate)
{
    if (!*month)
        return xstrdup("-");
    char pct[32];
    snprintf(pct, sizeof pct, "%.1f", rate);
    for (char *p = pct; *p; p++)
        if (*p == '.')
            *p = ',';
    return xasprintf("%s %% (%.2s/%.4s)", pct, month + 5, month);
}

static const char *status_vi(int s)
{
    return s >= 0 ? model_label(VOCAB_STATUS, s, "vi") : "-";
}

int doc_sponsors(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err)
{
    static const char *const titles[] = {"Người đỡ đầu", "Học sinh", "Năm sinh", "Thôn",
                                         "Tình trạng đầu kỳ → nay", "Chuyên cần đầu kỳ → nay"};
    hd_sponsor_row *r;
    int n = sponsor_results(db, cfg, year, month, 0, &r, err);
    if (n < 0) {
        memset(d, 0, sizeof *d);
        return -1;
    }
    hd_date first = {year, month, 1};
    int sy = date_school_year(first, cfg->school_year_start_month);
    char *sub = xasprintf("Năm học %d-%d, tính đến tháng %02d/%d", sy, sy + 1, month, year);
    start(db, d, cfg, "KẾT QUẢ ĐỠ ĐẦU HỌC SINH CÓ NGUY CƠ BỎ HỌC", sub, 6, titles);
    free(sub);
    for (int i = 0; i < n; i++) {
        char by[16];
        snprintf(by, sizeof by, "%d", r[i].birth_year);
        char *st = xasprintf("%s → %s", status_vi(r[i].status_start), status_vi(r[i].status_end));
        char *a = att_vi(r[i].att_start_month, r[i].att_start);
        char *b = att_vi(r[i].att_end_month, r[i].att_end);
        char *att = xasprintf("%s → %s", a, b);
        const char *cells[6] = {r[i].member, r[i].child, by, r[i].village, st, att};
        doc_add_row(d, cells);
        free(st);
        free(a);
        free(b);
        free(att);
    }
    sponsor_rows_free(r, n);
    return 0;
}

/* ---- the support register ---------------------------------------------------------- */

/* 1.500.000 */
static char *dong(long long v)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v);
    strbuf sb = {0};
    size_t n = strlen(digits);
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            sb_addc(&sb, '.');
        sb_addc(&sb, digits[i]);
    }
    return sb_detach(&sb);
}

int doc_support(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err)
{
    static const char *const titles[] = {"Ngày", "Học sinh", "Thôn", "Hình thức",
                                         "Nội dung", "Đơn vị, nhà hảo tâm", "Giá trị (đồng)"};
    hd_date first = {year, month, 1}, last = {year, month, date_days_in_month(year, month)};
    if (date_cmp(last, date_today()) > 0)
        last = date_today();
    int sy = date_school_year(first, cfg->school_year_start_month);
    char from[11], to[11];
    date_iso((hd_date){sy, cfg->school_year_start_month, 1}, from);
    date_iso(last, to);
    hd_support_entry *e;
    int n = date_cmp(first, last) > 0 ? hd_fail(err, "month: %02d/%d has not started yet",
                                                month, year)
                                      : support_list(db, from, to, 0, &e, err);
    if (n < 0) {
        memset(d, 0, sizeof *d);
        return -1;
    }
    char *sub = xasprintf("Năm học %d-%d, từ đầu năm học đến tháng %02d/%d", sy, sy + 1,
                          month, year);
    start(db, d, cfg, "SỔ THEO DÕI HỖ TRỢ HỌC SINH", sub, 7, titles);
    free(sub);
    long long total = 0;
    for (int i = 0; i < n; i++) {
        hd_date x;
        char vn[11] = "";
        if (date_parse(e[i].date, &x, NULL) == 0)
            date_vn(x, vn);
        char *who = xasprintf("%s (%d)", e[i].child, e[i].birth_year);
        char *v = dong(e[i].value);
        const char *cells[7] = {vn, who, e[i].village, model_label(VOCAB_SUPPORT, e[i].kind, "vi"),
                                e[i].what, e[i].source, v};
        doc_add_row(d, cells);
        total += e[i].value;
        free(who);
        free(v);
    }
    char *v = dong(total), *count = xasprintf("%d lượt hỗ trợ", n);
    const char *cells[7] = {"", "Tổng cộng", "", "", count, "", v};
    doc_add_row(d, cells);
    free(v);
    free(count);
    support_entries_free(e, n);
    return 0;
}

/* ---- children of officials ------------------------------------------------------------ */

int doc_officials(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err)
{
    static const char *const titles[] = {"Họ và tên", "Năm sinh", "Lớp", "Thôn, hộ",
                                         "Chức vụ trong gia đình", "Tình trạng"};
    hd_official_row *r;
    int n = officials_list(db, year, month, 0, &r, err);
    if (n < 0) {
        memset(d, 0, sizeof *d);
        return -1;
    }
    char *sub = xasprintf("Tính đến tháng %02d/%d", month, year);
    start(db, d, cfg, "DANH SÁCH CON EM CÁN BỘ, ĐẢNG VIÊN, CÔNG CHỨC, VIÊN CHỨC, HỘI VIÊN "
                      "BỎ HỌC, CÓ NGUY CƠ BỎ HỌC", sub, 6, titles);
    free(sub);
    for (int i = 0; i < n; i++) {
        char by[16], vn[11] = "";
        snprintf(by, sizeof by, "%d", r[i].birth_year);
        hd_date x;
        if (date_parse(r[i].status_date, &x, NULL) == 0)
            date_vn(x, vn);
        char *where = xasprintf("%s (hộ %s)", r[i].village, r[i].head);
        char *pos = position_text(r[i].positions, "vi");
        char *who = xasprintf("%s: %s", pos, r[i].holder);
        char *st = xasprintf("%s từ %s", model_label(VOCAB_STATUS, r[i].status, "vi"), vn);
        const char *cells[6] = {r[i].child, by, r[i].class_name, where, who, st};
        doc_add_row(d, cells);
        free(where);
        free(pos);
        free(who);
        free(st);
    }
    official_rows_free(r, n);
    return 0;
}

/* ---- after grade 9 ------------------------------------------------------------------- */

int doc_leavers(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err)
{
    static const char *const titles[] = {"Họ và tên", "Năm sinh", "Thôn", "Hướng sau lớp 9",
                                         "Trúng tuyển lớp 10", "Ghi chú"};
    /* the school year before the month's: its grade 9 has just left */
    int sy = date_school_year((hd_date){year, month, 1}, cfg->school_year_start_month) - 1;
    hd_leaver *l;
    int n = leavers_list(db, sy, 0, &l, err);
    if (n < 0) {
        memset(d, 0, sizeof *d);
        return -1;
    }
    /* the counts go in the subtitle, so the table keeps its columns narrow */
    int count[PATH_COUNT] = {0}, missing = 0;
    for (int i = 0; i < n; i++) {
        if (l[i].path >= 0)
            count[l[i].path]++;
        missing += l[i].not_turned_up;
    }
    strbuf sb = {0};
    sb_addf(&sb, "Học sinh hoàn thành lớp 9 năm học %d-%d: %d em (", sy, sy + 1, n);
    for (int p = 0; p < PATH_COUNT; p++)
        sb_addf(&sb, "%s%s: %d", p ? ", " : "", path_label(p, "vi"), count[p]);
    sb_addf(&sb, "); %d em trúng tuyển lớp 10 chưa nhập học", missing);
    start(db, d, cfg, "DANH SÁCH HỌC SINH SAU LỚP 9 VÀ HƯỚNG HỌC TIẾP", sb_str(&sb), 6, titles);
    sb_free(&sb);
    for (int i = 0; i < n; i++) {
        char by[16];
        snprintf(by, sizeof by, "%d", l[i].birth_year);
        const char *adm = !l[i].admitted ? "" : l[i].not_turned_up ? "Có, chưa nhập học" : "Có";
        const char *cells[6] = {l[i].child, by, l[i].village, path_label(l[i].path, "vi"), adm,
                                l[i].note};
        doc_add_row(d, cells);
    }
    leavers_free(l, n);
    return 0;
}
