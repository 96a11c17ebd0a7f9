/* print_month.c — the month's papers (print.h): the party branches'
 * evaluation table, with each village's dropout trend over the school year,
 * and the commune's monthly report to the district.  A closed month prints
 * its snapshot (what the committee approved); an open one the figures
 * computed now, and says so. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/monthly.h"
#include "core/print.h"
#include "core/print_int.h"

static char *status_line(const hd_month_view *md)
{
    hd_date d;
    char vn[11] = "";
    if (date_parse(md->m->as_of, &d, NULL) == 0)
        date_vn(d, vn);
    if (md->closed)
        return xasprintf("Tháng %02d/%d, số liệu đã chốt (lần %d), tính đến ngày %s",
                         md->m->month, md->m->year, md->closed, vn);
    return xasprintf("Tháng %02d/%d, số liệu tính đến ngày %s (chưa chốt tháng)", md->m->month,
                     md->m->year, vn);
}

/* "91,25" (a comma, as Vietnamese writes decimals); "—" without a denominator. */
static char *pct(double v)
{
    if (isnan(v))
        return xstrdup("—");
    char *s = xasprintf("%.2f", v);
    char *dot = strchr(s, '.');
    if (dot)
        *dot = ',';
    return s;
}

static char *count(double v)
{
    return xasprintf("%.0f", v);
}

static char *part(double a, double b)
{
    return b > 0 ? xasprintf("%.0f/%.0f", a, b) : xstrdup("—");
}

/* ---- the branch evaluation -------------------------------------------------------- */

static const hd_month_rating *rating_of(const hd_month_view *md, int64_t village_id)
{
    for (int i = 0; i < md->nratings; i++)
        if (md->ratings[i].village_id == village_id)
            return &md->ratings[i];
    return NULL;
}

/* The sentences of the rules that decided a rating (names ", "-separated),
 * from the config; a name the config no longer has (a closed month's) is
 * shown as it is. */
static char *rules_text(const hd_config *cfg, const char *names)
{
    if (!*names)
        return xstrdup("Đạt các chỉ tiêu");
    strbuf sb = {0};
    char *copy = xstrdup(names), *save = NULL;
    for (char *n = strtok_r(copy, ", ", &save); n; n = strtok_r(NULL, ", ", &save)) {
        const char *why = n;
        for (size_t i = 0; i < cfg->n_rules; i++)
            if (strcmp(cfg->rules[i].name, n) == 0)
                why = cfg->rules[i].why;
        sb_addf(&sb, "%s%s", sb.len ? "; " : "", why);
    }
    free(copy);
    return sb_detach(&sb);
}

int doc_evaluation(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err)
{
    hd_month_view md;
    if (monthly_view_load(db, cfg, year, month, &md, err) < 0)
        return -1;
    const hd_month *m = md.m;
    double *trend = xcalloc((size_t)m->nv * MONTHLY_TREND_MAX, sizeof *trend);
    int nt = 0;
    if (monthly_dropout_trend(db, cfg, m, trend, &nt, err) < 0) {
        free(trend);
        monthly_view_free(&md);
        return -1;
    }
    char *trend_title = xasprintf("Bỏ học (%%) T%d→T%d", cfg->school_year_start_month,
                                  m->month);
    const char *titles[] = {"Thôn (chi bộ)", "Huy động (%)", "Bỏ học (%)",
                            "Hộ nguy cơ được phân công", "Trẻ nguy cơ được thăm",
                            "Cam kết thực hiện đúng", trend_title, "Xếp loại", "Căn cứ"};
    doc_start(db, d, cfg, "BẢNG ĐÁNH GIÁ CHI BỘ VỀ CÔNG TÁC HUY ĐỘNG, DUY TRÌ SĨ SỐ HỌC SINH",
              year, month, 9, titles);
    free(trend_title);
    free(d->subtitle);
    d->subtitle = status_line(&md);
    d->kinds[1] = d->kinds[2] = DOC_PERCENT;
    /* one scale for every village, so the bars compare */
    double top = 0;
    for (int i = 0; i < m->nv * MONTHLY_TREND_MAX; i++)
        if (!isnan(trend[i]) && trend[i] > top)
            top = trend[i];
    for (int i = 0; i <= m->nv; i++) {
        /* the villages, then the commune as the last line */
        int k = i < m->nv - 1 ? i + 1 : i == m->nv - 1 ? 0 : -1;
        if (k < 0)
            break;
        const hd_month_village *v = &m->v[k];
        const double *f = v->col[MCOL_ALL].v;
        const hd_month_rating *r = k ? rating_of(&md, v->id) : NULL;
        char *spark = doc_sparkline(&trend[k * MONTHLY_TREND_MAX], nt, top, 0);
        char *last = pct(trend[k * MONTHLY_TREND_MAX + nt - 1]);
        char *c[9];
        c[0] = k ? xstrdup(v->name) : xstrdup("Toàn xã");
        c[1] = pct(f[MF_MOBILIZATION_RATE]);
        c[2] = pct(f[MF_DROPOUT_RATE]);
        c[3] = part(f[MF_HOUSEHOLDS_ASSIGNED], f[MF_AT_RISK_HOUSEHOLDS]);
        c[4] = part(f[MF_AT_RISK_VISITED], f[MF_AT_RISK]);
        c[5] = part(f[MF_COMMITMENTS_KEPT], f[MF_COMMITMENTS]);
        c[6] = spark[strspn(spark, " ")] ? xasprintf("%s %s", spark, last) : xstrdup(last);
        c[7] = xstrdup(r ? r->rating_name : "");
        c[8] = r ? rules_text(cfg, r->rules) : xstrdup("");
        doc_add_row(d, (const char *const *)c);
        for (int j = 0; j < 9; j++)
            free(c[j]);
        free(spark);
        free(last);
    }
    free(trend);
    monthly_view_free(&md);
    return 0;
}

/* ---- the monthly report to the district ---------------------------------------------- */

typedef struct report_line {
    const char *label;
    int figure;
    int rate;       /* a percentage */
} report_line;

static const report_line report_lines[] = {
    {"Trẻ trong độ tuổi", MF_SCHOOL_AGE, 0},
    {"Trẻ trong độ tuổi đang đi học đúng cấp", MF_ENROLLED_AGE, 0},
    {"Tỉ lệ huy động (%)", MF_MOBILIZATION_RATE, 1},
    {"Học sinh đang đi học", MF_ENROLLED, 0},
    {"Học sinh đầu năm học", MF_ENROLLED_AT_START, 0},
    {"Bỏ học trong tháng", MF_DROPOUTS_MONTH, 0},
    {"Bỏ học từ đầu năm học", MF_DROPOUTS_YEAR, 0},
    {"Tỉ lệ bỏ học (%)", MF_DROPOUT_RATE, 1},
    {"Trở lại lớp trong tháng", MF_RETURNED_MONTH, 0},
    {"Trở lại lớp từ đầu năm học", MF_RETURNED_YEAR, 0},
    {"Có nguy cơ bỏ học", MF_AT_RISK, 0},
    {"- trong đó có người phụ trách", MF_AT_RISK_ASSIGNED, 0},
    {"- trong đó được thăm trong kỳ", MF_AT_RISK_VISITED, 0},
    {"Hộ có trẻ nguy cơ bỏ học", MF_AT_RISK_HOUSEHOLDS, 0},
    {"- trong đó có người phụ trách", MF_HOUSEHOLDS_ASSIGNED, 0},
    {"Lượt thăm hộ gia đình trong tháng", MF_VISITS, 0},
    {"Cam kết đã ký từ đầu năm học", MF_COMMITMENTS, 0},
    {"- đang thực hiện", MF_COMMITMENTS_ACTIVE, 0},
    {"- thực hiện đúng", MF_COMMITMENTS_KEPT, 0},
    {"- không thực hiện", MF_COMMITMENTS_BROKEN, 0},
};

/* Household, visit and commitment figures are kept for all levels only. */
static int per_level(int figure)
{
    return figure < MF_AT_RISK_HOUSEHOLDS;
}

int doc_report(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err)
{
    hd_month_view md;
    if (monthly_view_load(db, cfg, year, month, &md, err) < 0)
        return -1;
    static const char *const titles[] = {"Chỉ tiêu", "Tiểu học", "THCS", "THPT", "GDTX",
                                         "Toàn xã", "Dân tộc thiểu số"};
    doc_start(db, d, cfg, "BÁO CÁO KẾT QUẢ CÔNG TÁC HUY ĐỘNG, DUY TRÌ SĨ SỐ HỌC SINH", year,
              month, 7, titles);
    free(d->subtitle);
    d->subtitle = status_line(&md);
    for (int c = 1; c < 7; c++)
        d->kinds[c] = DOC_NUMBER;
    const hd_month_village *commune = &md.m->v[0];
    static const int cols[] = {LEVEL_PRIMARY, LEVEL_LOWER_SECONDARY, LEVEL_UPPER_SECONDARY,
                               LEVEL_CONTINUING, MCOL_ALL, MCOL_MINORITY};
    for (size_t i = 0; i < HD_ARRAY_LEN(report_lines); i++) {
        const report_line *l = &report_lines[i];
        char *c[7];
        c[0] = xstrdup(l->label);
        for (int j = 0; j < 6; j++) {
            double v = commune->col[cols[j]].v[l->figure];
            c[j + 1] = !per_level(l->figure) && cols[j] != MCOL_ALL ? xstrdup("")
                       : l->rate ? pct(v) : count(v);
        }
        doc_add_row(d, (const char *const *)c);
        for (int j = 0; j < 7; j++)
            free(c[j]);
    }
    monthly_view_free(&md);
    return 0;
}
