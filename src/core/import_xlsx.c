/* import_xlsx.c — a workbook's sheet into the importer: the header row found
 * under the title block (merged header cells read), then each data row, with
 * blank and total rows skipped. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/i18n.h"
#include "core/import_int.h"
#include "core/model.h"
#include "core/text.h"
#include "core/xlsx.h"

/* The header is looked for in the sheet's first rows. */
#define HEADER_SCAN 30
/* Merged ranges that can touch those rows, kept for the header. */
#define HEADER_MERGES 4096
/* A header may span this many rows (a group title over sub-titles). */
#define HEADER_DEPTH 3

/* A row kept while the header is looked for. */
typedef struct kept_row {
    size_t row, n;
    char **text;
    unsigned char *kind;
    double *num;
} kept_row;

typedef struct header_scan {
    kept_row rows[HEADER_SCAN];
    size_t nrows;
    xlsx_range *merges;       /* those starting in the kept rows; owned */
    size_t nmerge;
} header_scan;

static void keep_row(header_scan *hs, const xlsx_row *r)
{
    kept_row *k = &hs->rows[hs->nrows++];
    /* trailing empty cells are not kept */
    size_t n = r->n;
    while (n > 0 && r->kind[n - 1] == XC_EMPTY)
        n--;
    k->row = r->row;
    k->n = n;
    k->text = xcalloc(n ? n : 1, sizeof *k->text);
    k->kind = xcalloc(n ? n : 1, 1);
    k->num = xcalloc(n ? n : 1, sizeof *k->num);
    for (size_t i = 0; i < n; i++) {
        k->text[i] = xstrdup(r->text[i]);
        k->kind[i] = r->kind[i];
        k->num[i] = r->num[i];
    }
}

static void scan_free(header_scan *hs)
{
    for (size_t i = 0; i < hs->nrows; i++) {
        for (size_t c = 0; c < hs->rows[i].n; c++)
            free(hs->rows[i].text[c]);
        free(hs->rows[i].text);
        free(hs->rows[i].kind);
        free(hs->rows[i].num);
    }
    hs->nrows = 0;
    free(hs->merges);
    hs->merges = NULL;
    hs->nmerge = 0;
}

/* Keeps the merged ranges that start in the kept rows: a sheet of many
 * merged data cells does not slow the header's search. */
static void keep_merges(header_scan *hs, const xlsx_range *m, size_t n)
{
    size_t last = hs->nrows ? hs->rows[hs->nrows - 1].row : 0;
    hs->merges = xcalloc(HEADER_MERGES, sizeof *hs->merges);
    hs->nmerge = 0;
    for (size_t i = 0; i < n && hs->nmerge < HEADER_MERGES; i++)
        if (m[i].r1 <= last)
            hs->merges[hs->nmerge++] = m[i];
}

static const char *kept_text(const header_scan *hs, size_t row, size_t col)
{
    for (size_t i = 0; i < hs->nrows; i++)
        if (hs->rows[i].row == row)
            return col < hs->rows[i].n ? hs->rows[i].text[col] : "";
    return "";
}

/* A cell of the header block top..: a merged range's text belongs to its
 * first column (a group title does not name each column under it), and to
 * each row it covers when it starts inside the block. */
static const char *head_cell(const header_scan *hs, size_t top, size_t row, size_t col)
{
    for (size_t i = 0; i < hs->nmerge; i++) {
        const xlsx_range *m = &hs->merges[i];
        if (row < m->r1 || row > m->r2 || col < m->c1 || col > m->c2)
            continue;
        if (col != m->c1 || m->r1 < top)
            return "";
        return kept_text(hs, m->r1, m->c1);
    }
    return kept_text(hs, row, col);
}

/* 1 when row top+1 holds sub-titles only: text under a group title merged
 * across columns of row top, and nothing elsewhere (the titles beside the
 * group are left unmerged, as a typist often leaves them). */
static int in_group(const header_scan *hs, size_t top, size_t c)
{
    for (size_t i = 0; i < hs->nmerge; i++) {
        const xlsx_range *m = &hs->merges[i];
        if (m->r1 == top && m->r2 == top && m->c2 > m->c1 && c >= m->c1 && c <= m->c2)
            return 1;
    }
    return 0;
}

/* (A title merged across the whole table is a title, not a group: the row
 * must also have titles of its own beside the group.) */
static int subtitle_row(const header_scan *hs, size_t top, size_t width)
{
    int under = 0, beside = 0;
    for (size_t c = 0; c < width; c++) {
        int grouped = in_group(hs, top, c);
        if (!grouped && !str_empty(kept_text(hs, top, c)))
            beside++;
        if (str_empty(kept_text(hs, top + 1, c)))
            continue;
        if (!grouped)
            return 0;
        under++;
    }
    return under > 0 && beside > 0;
}

/* The last row of a header starting at top: the lowest merged cell that
 * starts on it, or the row of sub-titles under a group title (at most
 * HEADER_DEPTH rows). */
static size_t header_bottom(const header_scan *hs, size_t top, size_t width)
{
    size_t bottom = top;
    for (size_t i = 0; i < hs->nmerge; i++) {
        const xlsx_range *m = &hs->merges[i];
        if (m->r1 == top && m->r2 > bottom)
            bottom = m->r2 < top + HEADER_DEPTH - 1 ? m->r2 : top + HEADER_DEPTH - 1;
    }
    if (bottom == top && HEADER_DEPTH > 1 && subtitle_row(hs, top, width))
        bottom = top + 1;
    return bottom;
}

static size_t scan_width(const header_scan *hs)
{
    size_t w = 0;
    for (size_t i = 0; i < hs->nrows; i++)
        if (hs->rows[i].n > w)
            w = hs->rows[i].n;
    return w < MAX_COLUMNS ? w : MAX_COLUMNS;
}

/* The header texts of a block top..bottom, one per column (owned by hs):
 * for each column the lowest text that names a known field, else the
 * lowest text at all.  Returns how many columns name a field. */
static int header_texts(const header_scan *hs, const hd_profile *p, hd_table t, size_t top,
                        size_t bottom, const char **out, size_t width)
{
    int score = 0;
    for (size_t c = 0; c < width; c++) {
        out[c] = "";
        for (size_t r = bottom + 1; r-- > top;) {
            const char *s = head_cell(hs, top, r, c);
            if (str_empty(s))
                continue;
            if (imp_match_header(p, t, s)) {
                out[c] = s;
                score++;
                break;
            }
            if (!*out[c])
                out[c] = s;
        }
    }
    return score;
}

/* The best header row among the kept rows: the one naming most fields. */
static int find_header(const header_scan *hs, const hd_profile *p, hd_table t, size_t *top,
                       size_t *bottom)
{
    size_t width = scan_width(hs);
    const char **texts = xcalloc(width ? width : 1, sizeof *texts);
    int best = 0;
    for (size_t i = 0; i < hs->nrows; i++) {
        size_t b = header_bottom(hs, hs->rows[i].row, width);
        int score = header_texts(hs, p, t, hs->rows[i].row, b, texts, width);
        if (score > best) {
            best = score;
            *top = hs->rows[i].row;
            *bottom = b;
        }
    }
    free(texts);
    return best;
}

/* A row with nothing in it. */
static int row_blank(char *const *text, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!str_empty(text[i]))
            return 0;
    return 1;
}

/* A total row: its first text says so ("Tổng cộng", "Cộng", "Tổng số"). */
static int row_total(char *const *text, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (str_empty(text[i]))
            continue;
        char *f = text_fold(text[i]);
        int total = !strcmp(f, "tong cong") || !strcmp(f, "cong") || !strcmp(f, "tong") ||
                    !strcmp(f, "tong so") || !strncmp(f, "tong cong ", 10) ||
                    !strcmp(f, "total");
        free(f);
        return total;
    }
    return 0;
}

static int data_row(importer *im, char *const *text, const unsigned char *kind,
                    const double *num, size_t n, size_t row, int date1904)
{
    if (row_blank(text, n) || row_total(text, n))
        return 0;
    im->line = row;
    im->row_bad = 0;
    if (im->stats->rows >= IMPORT_MAX_ROWS) {
        imp_bad(im, COL_COUNT, _("the sheet has more than %d rows of data; split it"),
                IMPORT_MAX_ROWS);
        return -1;
    }
    imp_row r = {.fields = text, .n = n, .line = row, .kind = kind, .num = num,
                 .date1904 = date1904};
    imp_take_row(im, &r);
    return 0;
}

/* Opens the sheet and keeps its first rows; 0 or -1 (reported). */
static int scan_sheet(importer *im, xlsx_book *book, const char *sheet, header_scan *hs,
                      int *more)
{
    hd_err err;
    int idx = xlsx_find_sheet(book, sheet, &err);
    if (idx < 0 || xlsx_sheet_open(book, (size_t)idx, &err) < 0) {
        msgs_add(im->errors, "%s", err.msg);
        return -1;
    }
    im->sheet = xlsx_sheet_name(book, (size_t)idx);
    if (xlsx_value_rows(book) > IMPORT_MAX_ROWS + HEADER_SCAN) {
        msgs_add(im->errors, _("%s:%s: %zu rows hold values, more than the %d an import takes; "
                               "split the sheet"), im->path, im->sheet, xlsx_value_rows(book),
                 IMPORT_MAX_ROWS);
        return -1;
    }
    xlsx_row r;
    int rc = 0;
    while (hs->nrows < HEADER_SCAN && (rc = xlsx_next_row(book, &r, &err)) == 1)
        if (!row_blank(r.text, r.n))
            keep_row(hs, &r);
    if (rc < 0) {
        msgs_add(im->errors, "%s", err.msg);
        return -1;
    }
    size_t nm;
    const xlsx_range *m = xlsx_merges(book, &nm);
    keep_merges(hs, m, nm);
    *more = rc == 1;
    return 0;
}

/* The sheet's profile: named, else by the sheet's name, else by headers
 * only it has among the first rows.  -1 for an unknown name (reported). */
static int choose_profile(importer *im, const header_scan *hs, const char *name)
{
    if (name) {
        im->profile = profile_find(name);
        if (!im->profile) {
            strbuf all = {0};
            for (size_t i = 0; profile_at(i); i++)
                sb_addf(&all, "%s%s", i ? ", " : "", profile_at(i)->name);
            msgs_add(im->errors, _("%s: no profile '%s'; the profiles are: %s"), im->path, name,
                     sb_str(&all));
            sb_free(&all);
            return -1;
        }
        return 0;
    }
    im->profile = im->sheet ? profile_for_sheet(im->sheet) : NULL;
    if (im->profile)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < hs->nrows; i++)
        n += hs->rows[i].n;
    const char **texts = xcalloc(n ? n : 1, sizeof *texts);
    n = 0;
    for (size_t i = 0; i < hs->nrows; i++)
        for (size_t c = 0; c < hs->rows[i].n; c++)
            texts[n++] = hs->rows[i].text[c];
    im->profile = profile_for_headers(texts, n);
    free(texts);
    return 0;
}

void imp_read_xlsx_book(importer *im, xlsx_book *book, const char *sheet,
                        const char *profile)
{
    header_scan hs = {0};
    int more = 0;
    if (scan_sheet(im, book, sheet, &hs, &more) < 0 || choose_profile(im, &hs, profile) < 0) {
        scan_free(&hs);
        return;
    }
    size_t top = 0, bottom = 0, width = scan_width(&hs);
    if (!find_header(&hs, im->profile, im->table, &top, &bottom)) {
        msgs_add(im->errors, _("%s:%s: no header row with the columns of %s in its first %d "
                               "rows"), im->path, im->sheet, columns_table_name(im->table),
                 HEADER_SCAN);
        scan_free(&hs);
        return;
    }
    const char **texts = xcalloc(width ? width : 1, sizeof *texts);
    header_texts(&hs, im->profile, im->table, top, bottom, texts, width);
    im->line = top;
    im->row_bad = 0;
    int ok = imp_map_header(im, texts, width) == 0 &&
             imp_required_columns(im) == 0;
    free(texts);
    for (size_t i = 0; ok && i < hs.nrows; i++)
        if (hs.rows[i].row > bottom &&
            data_row(im, hs.rows[i].text, hs.rows[i].kind, hs.rows[i].num, hs.rows[i].n,
                     hs.rows[i].row, xlsx_date1904(book)) < 0)
            ok = 0;
    scan_free(&hs);
    if (!ok || !more)
        return;
    xlsx_row r;
    hd_err err;
    int rc;
    while ((rc = xlsx_next_row(book, &r, &err)) == 1)
        if (data_row(im, r.text, r.kind, r.num, r.n, r.row, xlsx_date1904(book)) < 0)
            return;
    if (rc < 0)
        msgs_add(im->errors, "%s", err.msg);
}

/* ---- --show-mapping ------------------------------------------------------- */

static void mapping_lines(const hd_profile *p, hd_table t, const char *const *texts, size_t n,
                          int workbook, hd_msgs *out)
{
    for (size_t i = 0; i < n; i++) {
        if (str_empty(texts[i]))
            continue;
        char cell[32];
        if (workbook) {
            /* the column's letters: the header may span rows */
            xlsx_cell_name(i, 1, cell);
            cell[strlen(cell) - 1] = '\0';
        } else {
            snprintf(cell, sizeof cell, "%zu", i + 1);
        }
        const hd_column *c = imp_match_header(p, t, texts[i]);
        int pad = 28 - text_width(texts[i]);
        if (c)
            msgs_add(out, "  %-4s %s%*s -> %s (%s)", cell, texts[i], pad > 0 ? pad : 0, "",
                     c->header, c->header_en);
        else
            msgs_add(out, _("  %-4s %s%*s -> (ignored: not a column huydong knows)"), cell,
                     texts[i], pad > 0 ? pad : 0, "");
    }
}

static int best_table(const header_scan *hs, const hd_profile *p, int table, int *score)
{
    int best = table, top_score = -1;
    for (int t = table < 0 ? 0 : table; t < (table < 0 ? TABLE_COUNT : table + 1); t++) {
        size_t top, bottom;
        int s = find_header(hs, p, (hd_table)t, &top, &bottom);
        if (s > top_score) {
            top_score = s;
            best = t;
        }
    }
    *score = top_score;
    return best;
}

static void profile_line(const hd_profile *p, hd_msgs *out)
{
    if (p)
        msgs_add(out, _("  profile: %s (%s)"), p->name, p->title);
    if (p && p->codes) {
        strbuf sb = {0};
        for (const hd_profile_code *c = p->codes; c->code; c++)
            sb_addf(&sb, "%s%s %s", sb.len ? ", " : "", c->code,
                    model_label(VOCAB_STATUS, c->status, "vi"));
        msgs_add(out, _("  status codes: %s"), sb_str(&sb));
        sb_free(&sb);
    }
}

static int show_workbook(const hd_import_opts *o, int table, const char *path, hd_msgs *out,
                         int *table_out, hd_err *err)
{
    xlsx_book *book = xlsx_open(path, err);
    if (!book)
        return -1;
    hd_msgs errors = {0};
    importer im = {.path = path, .errors = &errors};
    header_scan hs = {0};
    int more;
    int rc = scan_sheet(&im, book, o->sheet, &hs, &more);
    if (rc == 0)
        rc = choose_profile(&im, &hs, o->profile);
    if (rc < 0) {
        hd_fail(err, "%s", errors.items[0]);
        msgs_free(&errors);
        scan_free(&hs);
        xlsx_close(book);
        return -1;
    }
    int score;
    int t = best_table(&hs, im.profile, table, &score);
    size_t top = 0, bottom = 0, width = scan_width(&hs);
    if (score <= 0) {
        rc = hd_fail(err, _("%s:%s: no header row with the columns of %s in its first %d rows"),
                     path, im.sheet, table < 0 ? "huydong" : columns_table_name((hd_table)t),
                     HEADER_SCAN);
    } else {
        find_header(&hs, im.profile, (hd_table)t, &top, &bottom);
        const char **texts = xcalloc(width ? width : 1, sizeof *texts);
        header_texts(&hs, im.profile, (hd_table)t, top, bottom, texts, width);
        if (top == bottom)
            msgs_add(out, _("%s: sheet '%s', read as %s: header in row %zu, data from row %zu"),
                     path, im.sheet, columns_table_name((hd_table)t), top, bottom + 1);
        else
            msgs_add(out, _("%s: sheet '%s', read as %s: header in rows %zu-%zu, data from row "
                            "%zu"), path, im.sheet, columns_table_name((hd_table)t), top, bottom,
                     bottom + 1);
        profile_line(im.profile, out);
        mapping_lines(im.profile, (hd_table)t, texts, width, 1, out);
        free(texts);
        *table_out = t;
    }
    scan_free(&hs);
    msgs_free(&errors);
    xlsx_close(book);
    return rc;
}

int import_show_mapping(int table, const char *path, const hd_import_opts *o, hd_msgs *out,
                        int *table_out, hd_err *err)
{
    if (import_is_workbook(path))
        return show_workbook(o, table, path, out, table_out, err);
    /* a CSV file: its first line is the header */
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return hd_fail(err, _("%s: cannot open: %s"), path, strerror(errno));
    csv_reader *rd = csv_reader_new(fp, path);
    csv_row row;
    int rc = csv_read(rd, &row, err);
    if (rc == 0)
        rc = hd_fail(err, _("%s: the file is empty (no header row)"), path);
    if (rc == 1) {
        const char *const *fields = (const char *const *)row.fields;
        const hd_profile *p = o->profile ? profile_find(o->profile)
                                         : profile_for_headers(fields, row.n);
        int best = table, top_score = -1;
        for (int t = table < 0 ? 0 : table; t < (table < 0 ? TABLE_COUNT : table + 1); t++) {
            int s = 0;
            for (size_t i = 0; i < row.n; i++)
                s += !str_empty(fields[i]) && imp_match_header(p, (hd_table)t, fields[i]);
            if (s > top_score) {
                top_score = s;
                best = t;
            }
        }
        msgs_add(out, _("%s: read as %s: header in line %zu"), path,
                 columns_table_name((hd_table)best), row.line);
        profile_line(p, out);
        mapping_lines(p, (hd_table)best, fields, row.n, 0, out);
        *table_out = best;
        rc = 0;
    }
    csv_reader_free(rd);
    fclose(fp);
    return rc;
}
