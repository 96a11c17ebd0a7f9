/* print_xlsx.c — documents and tables as Excel workbooks (libxlsxwriter). */
#include "core/print_xlsx.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"

/* As in print.c's letterhead. */
#define NATIONAL_1 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define NATIONAL_2 "Độc lập - Tự do - Hạnh phúc"
#define MAX_COLS 64
#define MAX_WIDTH 60

struct xlsx_out {
    char *path, *tmp;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *bold, *centre_bold, *italic, *title, *head, *cell, *date, *pct, *num, *wrap;
    int row, ncols, constant;
    int width[MAX_COLS];
};

const char *const xout_figure_definitions[] = {
    "Trẻ trong độ tuổi",
    "Trẻ có tuổi trong năm bắt đầu năm học (năm đó trừ năm sinh) từ 6 đến 10 (tiểu học), "
    "11 đến 14 (THCS), 15 đến 17 (THPT).",
    "Tỷ lệ huy động",
    "Số trẻ đang học đúng cấp học của độ tuổi chia cho số trẻ trong độ tuổi đó, nhân 100 %.",
    "Bỏ học trong năm học",
    "Trẻ có tình trạng bỏ học ghi từ đầu năm học đến ngày tính (mỗi trẻ tính một lần).",
    "Tỷ lệ bỏ học",
    "Số bỏ học trong năm học chia cho số đang học vào cuối tháng đầu năm học, nhân 100 %.",
    "Nguy cơ bỏ học",
    "Trẻ có tình trạng hiện tại là nguy cơ bỏ học, với các yếu tố nguy cơ đã ghi.",
    "Tỷ lệ chuyên cần",
    "Số ngày có mặt chia cho số ngày học, nhân 100 %.",
    "Năm học",
    "Bắt đầu từ ngày 1 của tháng khai giảng (tháng 9 theo mặc định), gọi theo năm bắt đầu.",
    NULL,
};

static lxw_format *fmt(lxw_workbook *wb, int bold, int italic, int border, int align,
                       const char *num)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, "Times New Roman");
    format_set_font_size(f, 12);
    if (bold)
        format_set_bold(f);
    if (italic)
        format_set_italic(f);
    if (border)
        format_set_border(f, LXW_BORDER_THIN);
    if (align)
        format_set_align(f, (uint8_t)align);
    if (num)
        format_set_num_format(f, num);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

xlsx_out *xout_open(const char *path, const char *sheet, int constant_memory, hd_err *err)
{
    xlsx_out *x = xcalloc(1, sizeof *x);
    x->path = xstrdup(path);
    x->tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
    x->constant = constant_memory;
    lxw_workbook_options o = {.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE};
    x->wb = workbook_new_opt(x->tmp, &o);
    if (!x->wb) {
        hd_fail(err, _("%s: cannot write: %s"), path, strerror(errno));
        free(x->path);
        free(x->tmp);
        free(x);
        return NULL;
    }
    x->ws = workbook_add_worksheet(x->wb, sheet);
    x->bold = fmt(x->wb, 1, 0, 0, 0, NULL);
    x->centre_bold = fmt(x->wb, 1, 0, 0, LXW_ALIGN_CENTER, NULL);
    x->italic = fmt(x->wb, 0, 1, 0, LXW_ALIGN_CENTER, NULL);
    x->title = fmt(x->wb, 1, 0, 0, LXW_ALIGN_CENTER, NULL);
    format_set_font_size(x->title, 14);
    x->head = fmt(x->wb, 1, 0, 1, LXW_ALIGN_CENTER, NULL);
    format_set_text_wrap(x->head);
    x->cell = fmt(x->wb, 0, 0, 1, 0, NULL);
    x->wrap = fmt(x->wb, 0, 0, 0, 0, NULL);
    format_set_text_wrap(x->wrap);
    x->date = fmt(x->wb, 0, 0, 1, 0, "dd/mm/yyyy");
    x->pct = fmt(x->wb, 0, 0, 1, 0, "0.00%");
    x->num = fmt(x->wb, 0, 0, 1, 0, "0");
    return x;
}

static void note_width(xlsx_out *x, int col, const char *s)
{
    if (col >= MAX_COLS)
        return;
    int w = text_width(s);
    if (w > x->width[col])
        x->width[col] = w;
}

static char *date_line(const hd_doc *d)
{
    return xasprintf("%s, ngày %02d tháng %s%d năm %d", d->place, d->date.day,
                     d->date.month < 3 ? "0" : "", d->date.month, d->date.year);
}

void xout_heading(xlsx_out *x, const hd_doc *d, int ncols)
{
    lxw_worksheet *ws = x->ws;
    int last = ncols - 1 > 3 ? ncols - 1 : 3;
    int half = (last + 1) / 2 - 1;
    worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)half, d->body[0], x->centre_bold);
    worksheet_merge_range(ws, 1, 0, 1, (lxw_col_t)half, d->body[1], x->centre_bold);
    worksheet_merge_range(ws, 0, (lxw_col_t)half + 1, 0, (lxw_col_t)last, NATIONAL_1,
                          x->centre_bold);
    worksheet_merge_range(ws, 1, (lxw_col_t)half + 1, 1, (lxw_col_t)last, NATIONAL_2,
                          x->centre_bold);
    char *dl = date_line(d);
    worksheet_merge_range(ws, 3, (lxw_col_t)half + 1, 3, (lxw_col_t)last, dl, x->italic);
    free(dl);
    worksheet_merge_range(ws, 5, 0, 5, (lxw_col_t)last, d->title ? d->title : "", x->title);
    x->row = 7;
    if (d->subtitle && *d->subtitle) {
        worksheet_merge_range(ws, 6, 0, 6, (lxw_col_t)last, d->subtitle, x->italic);
        x->row = 8;
    }
}

void xout_titles(xlsx_out *x, int ncols, const char *const *titles)
{
    x->ncols = ncols < MAX_COLS ? ncols : MAX_COLS;
    for (int c = 0; c < x->ncols; c++) {
        worksheet_write_string(x->ws, (lxw_row_t)x->row, (lxw_col_t)c, titles[c], x->head);
        /* a title wraps at its words: its longest word is what it needs */
        note_width(x, c, titles[c]);
        if (x->width[c] > 16)
            x->width[c] = 16;
    }
    worksheet_freeze_panes(x->ws, (lxw_row_t)x->row + 1, 0);
    x->row++;
}

/* "0,45 %", "12.5%" -> 0.125; -1 when it is not a rate. */
static int parse_number(const char *s, int percent, double *out)
{
    char buf[64];
    size_t k = 0;
    for (const char *p = s; *p && k + 1 < sizeof buf; p++) {
        if (*p == ' ' || (percent && *p == '%'))
            continue;
        buf[k++] = *p == ',' ? '.' : *p;
    }
    buf[k] = '\0';
    if (!k)
        return -1;
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (*end || errno || !isfinite(v))
        return -1;
    *out = percent ? v / 100 : v;
    return 0;
}

void xout_row(xlsx_out *x, const char *const *cells, const unsigned char *kinds)
{
    lxw_row_t r = (lxw_row_t)x->row++;
    for (int c = 0; c < x->ncols; c++) {
        const char *s = cells[c] ? cells[c] : "";
        int kind = kinds ? kinds[c] : DOC_TEXT;
        double v;
        hd_date d;
        lxw_col_t col = (lxw_col_t)c;
        if (!*s) {
            worksheet_write_blank(x->ws, r, col, x->cell);
            continue;
        }
        note_width(x, c, s);
        if (kind == DOC_DATE && strlen(s) >= 8 && date_parse(s, &d, NULL) == 0) {
            lxw_datetime dt = {d.year, d.month, d.day, 0, 0, 0};
            worksheet_write_datetime(x->ws, r, col, &dt, x->date);
        } else if ((kind == DOC_NUMBER || kind == DOC_DATE) && parse_number(s, 0, &v) == 0) {
            worksheet_write_number(x->ws, r, col, v, x->num);
        } else if (kind == DOC_PERCENT && parse_number(s, 1, &v) == 0) {
            worksheet_write_number(x->ws, r, col, v, x->pct);
        } else {
            worksheet_write_string(x->ws, r, col, s, x->cell);
        }
    }
}

/* "TM. BAN CHỈ ĐẠO / TRƯỞNG BAN", room to sign and stamp, the chair's name,
 * under the table's right half, as on the printed page. */
static void signature(xlsx_out *x, const hd_doc *d, int ncols)
{
    int last = ncols - 1 > 3 ? ncols - 1 : 3;
    int half = (last + 1) / 2 - 1;
    static const char *const lines[] = {"TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"};
    int r = x->row + 1;
    for (int i = 0; i < 2; i++, r++)
        worksheet_merge_range(x->ws, (lxw_row_t)r, (lxw_col_t)half + 1, (lxw_row_t)r,
                              (lxw_col_t)last, lines[i], x->centre_bold);
    if (d->chair && *d->chair)
        worksheet_merge_range(x->ws, (lxw_row_t)r + 3, (lxw_col_t)half + 1, (lxw_row_t)r + 3,
                              (lxw_col_t)last, d->chair, x->centre_bold);
}

static void write_definitions(xlsx_out *x, const char *const *defs)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Định nghĩa");
    worksheet_write_string(ws, 0, 0, "Chỉ số", x->head);
    worksheet_write_string(ws, 0, 1, "Định nghĩa", x->head);
    worksheet_set_column(ws, 0, 0, 26, x->wrap);
    worksheet_set_column(ws, 1, 1, 90, x->wrap);
    for (int i = 0; defs[2 * i]; i++) {
        worksheet_write_string(ws, (lxw_row_t)i + 1, 0, defs[2 * i], x->bold);
        worksheet_write_string(ws, (lxw_row_t)i + 1, 1, defs[2 * i + 1], x->wrap);
    }
}

int xout_close(xlsx_out *x, const char *const *defs, hd_err *err)
{
    for (int c = 0; c < x->ncols; c++) {
        /* Times New Roman 12 at Vietnamese text: a little over a character */
        double w = x->width[c] * 1.15 + 2;
        worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, w > MAX_WIDTH ? MAX_WIDTH : w,
                             NULL);
    }
    if (defs)
        write_definitions(x, defs);
    lxw_error e = workbook_close(x->wb);
    int rc = 0;
    if (e != LXW_NO_ERROR)
        rc = hd_fail(err, _("%s: cannot write: %s"), x->path, lxw_strerror(e));
    else if (rename(x->tmp, x->path) != 0)
        rc = hd_fail(err, _("%s: cannot write: %s"), x->path, strerror(errno));
    if (rc < 0)
        unlink(x->tmp);
    free(x->path);
    free(x->tmp);
    free(x);
    return rc;
}

int doc_save_xlsx(const hd_doc *d, const char *path, hd_err *err)
{
    xlsx_out *x = xout_open(path, "Danh sách", 0, err);
    if (!x)
        return -1;
    int n = d->ncols + 1;
    xout_heading(x, d, n);
    const char *titles[DOC_MAX_COLS + 1];
    const char *cells[DOC_MAX_COLS + 1];
    unsigned char kinds[DOC_MAX_COLS + 1];
    titles[0] = "STT";
    kinds[0] = DOC_NUMBER;
    for (int c = 0; c < d->ncols; c++) {
        titles[c + 1] = d->titles[c];
        kinds[c + 1] = d->kinds[c];
    }
    xout_titles(x, n, titles);
    for (int r = 0; r < d->nrows; r++) {
        char stt[16];
        snprintf(stt, sizeof stt, "%d", r + 1);
        cells[0] = stt;
        for (int c = 0; c < d->ncols; c++)
            cells[c + 1] = d->cells[r * d->ncols + c];
        xout_row(x, cells, kinds);
    }
    signature(x, d, n);
    return xout_close(x, xout_figure_definitions, err);
}
