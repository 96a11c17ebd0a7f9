/* print.c — the page renderer of print.h: layout of the administrative
 * heading, the table and the signature block into pages of text, and the
 * ways out (file, CSV, PDF, printer). */
#include "core/print.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unicase.h>
#include <unistd.h>

#include "core/csv.h"
#include "core/i18n.h"
#include "core/text.h"

#define NATIONAL_1 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define NATIONAL_2 "Độc lập - Tự do - Hạnh phúc"
#define COMMITTEE "BAN CHỈ ĐẠO HUY ĐỘNG HỌC SINH RA LỚP"
/* The right half of the heading: wide enough for the national header. */
#define RIGHT_COLS 40

static char *nfc_or_copy(const char *s)
{
    char *n = text_nfc(s ? s : "");
    return n ? n : xstrdup(s ? s : "");
}

static char *upper(const char *s)
{
    size_t n = 0;
    uint8_t *u = u8_toupper((const uint8_t *)s, strlen(s), NULL, NULL, NULL, &n);
    if (!u)
        return xstrdup(s);
    char *r = xstrndup((const char *)u, n);
    free(u);
    return r;
}

/* "Xã Ia Dom" is written "Ia Dom, ngày …": offices drop the unit's kind. */
static const char *place_of(const char *commune)
{
    static const char *const kinds[] = {"Xã ", "Phường ", "Thị trấn ", NULL};
    for (int i = 0; kinds[i]; i++)
        if (strncmp(commune, kinds[i], strlen(kinds[i])) == 0)
            return commune + strlen(kinds[i]);
    return commune;
}

void doc_init(hd_doc *d, const hd_config *cfg, hd_date date, const char *title,
              const char *subtitle, int ncols, const char *const *titles)
{
    memset(d, 0, sizeof *d);
    const char *commune = cfg && cfg->commune_name ? cfg->commune_name : "";
    char *uc = upper(commune);
    d->body[0] = xasprintf("UBND %s", uc);
    free(uc);
    d->body[1] = xstrdup(COMMITTEE);
    d->place = nfc_or_copy(place_of(commune));
    d->date = date;
    d->title = nfc_or_copy(title);
    d->subtitle = nfc_or_copy(subtitle);
    d->chair = nfc_or_copy(cfg && cfg->committee_chair ? cfg->committee_chair : "");
    d->ncols = ncols < DOC_MAX_COLS ? ncols : DOC_MAX_COLS;
    for (int i = 0; i < d->ncols; i++)
        d->titles[i] = nfc_or_copy(titles[i]);
}

void doc_add_row(hd_doc *d, const char *const *cells)
{
    if (d->nrows == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->cells = xreallocarray(d->cells, (size_t)d->cap * (size_t)d->ncols + 1,
                                 sizeof *d->cells);
    }
    for (int i = 0; i < d->ncols; i++)
        d->cells[d->nrows * d->ncols + i] = nfc_or_copy(cells[i]);
    d->nrows++;
}

void doc_free(hd_doc *d)
{
    free(d->body[0]);
    free(d->body[1]);
    free(d->place);
    free(d->title);
    free(d->subtitle);
    free(d->chair);
    for (int i = 0; i < d->ncols; i++)
        free(d->titles[i]);
    for (int i = 0; i < d->nrows * d->ncols; i++)
        free(d->cells[i]);
    free(d->cells);
    memset(d, 0, sizeof *d);
}

int doc_width_ok(int width)
{
    return width == 80 || width == 132;
}

/* ---- wrapping ------------------------------------------------------------- */

static void push_line(char ***out, int *n, const char *s, size_t len)
{
    *out = xreallocarray(*out, (size_t)*n + 1, sizeof **out);
    (*out)[(*n)++] = xstrndup(s, len);
}

/* Bytes of the word at the start of s (up to a space or a newline). */
static size_t word_len(const char *s)
{
    size_t n = 0;
    while (s[n] && s[n] != ' ' && s[n] != '\n')
        n++;
    return n;
}

int doc_wrap(const char *s, int width, char ***out)
{
    *out = NULL;
    int n = 0;
    if (width < 1)
        width = 1;
    /* most cells fit as they are */
    if (s && !strchr(s, '\n') && s[0] != ' ' && text_width(s) <= width) {
        size_t len = strlen(s);
        if (len == 0 || s[len - 1] != ' ') {
            push_line(out, &n, s, len);
            return n;
        }
    }
    strbuf line = {0};
    int used = 0;
    while (s && *s) {
        if (*s == ' ' || *s == '\n') {
            if (*s == '\n') {
                push_line(out, &n, sb_str(&line), line.len);
                sb_clear(&line);
                used = 0;
            }
            s++;
            continue;
        }
        size_t wl = word_len(s);
        int ww = text_width_n(s, wl);
        if (used > 0 && used + 1 + ww > width) {
            push_line(out, &n, sb_str(&line), line.len);
            sb_clear(&line);
            used = 0;
        }
        if (used == 0 && ww > width) {
            /* A word longer than the column: cut at a character boundary. */
            size_t cut = text_fit(s, width);
            if (cut == 0)
                cut = wl; /* a character wider than the column: keep it whole */
            push_line(out, &n, s, cut);
            s += cut;
            continue;
        }
        if (used > 0) {
            sb_addc(&line, ' ');
            used++;
        }
        sb_addn(&line, s, wl);
        used += ww;
        s += wl;
    }
    if (line.len > 0 || n == 0)
        push_line(out, &n, sb_str(&line), line.len);
    sb_free(&line);
    return n;
}

void doc_lines_free(char **lines, int n)
{
    for (int i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

/* ---- column widths ---------------------------------------------------------- */

/* Widest word of s: a column narrower than that cuts words. */
static int longest_word(const char *s)
{
    int best = 0;
    while (*s) {
        size_t wl = word_len(s);
        int ww = text_width_n(s, wl);
        best = ww > best ? ww : best;
        s += wl;
        while (*s == ' ' || *s == '\n')
            s++;
    }
    return best;
}

static const char *cell_at(const hd_doc *d, int row, int col)
{
    return d->cells[row * d->ncols + col];
}

/* Natural (the widest cell on one line) and least (no word cut, at most 14)
 * widths of column c.  A title wraps to fit its column: only its longest
 * word counts. */
static void col_needs(const hd_doc *d, int c, int *natural, int *least)
{
    /* a title may wrap, but not into a tower of short lines */
    int tw = text_width(d->titles[c]), tlw = longest_word(d->titles[c]);
    *least = tw < 9 ? tw : tlw > 9 ? tlw : 9;
    *natural = *least;
    for (int r = 0; r < d->nrows; r++) {
        int w = text_width(cell_at(d, r, c)), lw = longest_word(cell_at(d, r, c));
        *natural = w > *natural ? w : *natural;
        *least = lw > *least ? lw : *least;
    }
    *least = *least > 14 ? 14 : *least < 2 ? 2 : *least;
    *natural = *natural < *least ? *least : *natural;
}

/* The table takes "| a | b |": three columns of rule per cell and one more. */
void doc_widths(const hd_doc *d, int width, int *widths)
{
    char stt[16];
    snprintf(stt, sizeof stt, "%d", d->nrows);
    widths[0] = (int)strlen(stt) > 3 ? (int)strlen(stt) : 3;
    int avail = width - 3 * (d->ncols + 1) - 1 - widths[0], natural[DOC_MAX_COLS], sum = 0;
    for (int c = 0; c < d->ncols; c++) {
        col_needs(d, c, &natural[c], &widths[c + 1]);
        sum += widths[c + 1];
    }
    /* Too narrow even for whole words: take from the widest columns. */
    while (sum > avail) {
        int w = 1;
        for (int c = 2; c <= d->ncols; c++)
            w = widths[c] > widths[w] ? c : w;
        if (widths[w] <= 2)
            break;
        widths[w]--;
        sum--;
    }
    /* Room left goes one cell at a time to the narrowest column that still
     * wraps: short columns (names, years) come out whole and the long ones
     * (notes, risk factors) share what remains equally. */
    while (sum < avail) {
        int best = -1;
        for (int c = 0; c < d->ncols; c++)
            if (widths[c + 1] < natural[c] && (best < 0 || widths[c + 1] < widths[best + 1]))
                best = c;
        if (best < 0)
            break;
        widths[best + 1]++;
        sum++;
    }
    /* Room still left: titles on one line, where they fit. */
    while (sum < avail) {
        int best = -1;
        for (int c = 0; c < d->ncols; c++)
            if (widths[c + 1] < text_width(d->titles[c]) &&
                (best < 0 || widths[c + 1] < widths[best + 1]))
                best = c;
        if (best < 0)
            break;
        widths[best + 1]++;
        sum++;
    }
}

/* ---- lines of text ------------------------------------------------------------ */

enum { ALIGN_LEFT, ALIGN_CENTRE, ALIGN_RIGHT };

static void spaces(strbuf *sb, int n)
{
    static const char blank[] = "                                ";
    for (; n > 0; n -= (int)sizeof blank - 1)
        sb_addn(sb, blank, n < (int)sizeof blank - 1 ? (size_t)n : sizeof blank - 1);
}

/* s in exactly w columns (s must fit). */
static void pad(strbuf *sb, const char *s, int w, int align)
{
    int gap = w - text_width(s);
    gap = gap < 0 ? 0 : gap;
    int before = align == ALIGN_LEFT ? 0 : align == ALIGN_RIGHT ? gap : gap / 2;
    spaces(sb, before);
    sb_add(sb, s);
    spaces(sb, gap - before);
}

static char *centred(const char *s, int w)
{
    strbuf sb = {0};
    pad(&sb, s, w, ALIGN_CENTRE);
    /* no trailing blanks: a text file's lines end with their last letter */
    while (sb.len > 0 && sb.buf[sb.len - 1] == ' ')
        sb.buf[--sb.len] = '\0';
    return sb_detach(&sb);
}

/* A page is lines_per_page lines: the content, a blank line, the page
 * number.  Pages are only filled here; numbers are known at the end. */
typedef struct pager {
    char **lines;
    int n, cap;
    int *starts; /* index of each page's first line */
    int npages;
    int body;    /* content lines a page holds */
    int table_open;
} pager;

static void pg_new(pager *p)
{
    p->starts = xreallocarray(p->starts, (size_t)p->npages + 1, sizeof *p->starts);
    p->starts[p->npages++] = p->n;
    p->table_open = 0;
}

static int pg_room(const pager *p)
{
    return p->body - (p->n - p->starts[p->npages - 1]);
}

/* Takes s (owned). */
static void pg_add(pager *p, char *s)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 256;
        p->lines = xreallocarray(p->lines, (size_t)p->cap, sizeof *p->lines);
    }
    p->lines[p->n++] = s;
}

static void pg_free(pager *p)
{
    doc_lines_free(p->lines, p->n);
    free(p->starts);
}

/* "ngày 05 tháng 02 năm 2026": the day below 10 and the months January and
 * February take a leading zero (Decree 30/2020 on administrative documents). */
static char *date_line(const hd_doc *d)
{
    return xasprintf("%s, ngày %02d tháng %s%d năm %d", d->place, d->date.day,
                     d->date.month < 3 ? "0" : "", d->date.month, d->date.year);
}

/* The issuing body on the left, the national header on the right, each
 * centred in its half, as the two columns of an official letterhead. */
static void heading(pager *p, const hd_doc *d, int width)
{
    int lw = width - RIGHT_COLS;
    char **left = NULL;
    int nl = 0;
    for (int i = 0; i < 2; i++) {
        char **w = NULL;
        int nw = doc_wrap(d->body[i], lw - 2, &w);
        for (int j = 0; j < nw; j++)
            push_line(&left, &nl, w[j], strlen(w[j]));
        doc_lines_free(w, nw);
    }
    push_line(&left, &nl, "--------", 8);
    const char *right[] = {NATIONAL_1, NATIONAL_2, "---------------------------"};
    for (int i = 0; i < (nl > 3 ? nl : 3); i++) {
        strbuf sb = {0};
        pad(&sb, i < nl ? left[i] : "", lw, ALIGN_CENTRE);
        pad(&sb, i < 3 ? right[i] : "", RIGHT_COLS, ALIGN_CENTRE);
        char *line = centred(sb_str(&sb), 0); /* trims the trailing blanks */
        sb_free(&sb);
        pg_add(p, line);
    }
    doc_lines_free(left, nl);
    pg_add(p, xstrdup(""));
    char *date = date_line(d);
    strbuf sb = {0};
    int dw = text_width(date);
    spaces(&sb, dw <= RIGHT_COLS ? lw + (RIGHT_COLS - dw) / 2 : width - dw);
    sb_add(&sb, date);
    free(date);
    pg_add(p, sb_detach(&sb));
    pg_add(p, xstrdup(""));
}

static void title_block(pager *p, const hd_doc *d, int width)
{
    const char *parts[] = {d->title, d->subtitle};
    for (int i = 0; i < 2; i++) {
        char **w = NULL;
        int nw = *parts[i] ? doc_wrap(parts[i], width, &w) : 0;
        for (int j = 0; j < nw; j++)
            pg_add(p, centred(w[j], width));
        doc_lines_free(w, nw);
    }
    pg_add(p, xstrdup(""));
}

/* ---- the table ------------------------------------------------------------------ */

static char *rule(const int *widths, int ncols)
{
    strbuf sb = {0};
    for (int c = 0; c < ncols; c++) {
        sb_addc(&sb, '+');
        for (int i = 0; i < widths[c] + 2; i++)
            sb_addc(&sb, '-');
    }
    /* (built once per table: every row is followed by it) */
    sb_addc(&sb, '+');
    return sb_detach(&sb);
}

/* The lines of one row of the table (cells wrapped to their widths), the
 * first cell (STT) to the right, the others to the left; titles centred. */
/* A count, a rate or a share ("12", "0,35", "3/5", "—"): right-aligned,
 * so the digits line up. */
static int is_figure(const char *s)
{
    if (!s || !*s)
        return 0;
    if (strcmp(s, "—") == 0)
        return 1;
    for (; *s; s++)
        if (!strchr("0123456789,./%", *s))
            return 0;
    return 1;
}

/* A row's cells wrapped to their columns, once: for its height and its lines. */
typedef struct wrapped_row {
    char **w[DOC_MAX_COLS + 1];
    int nw[DOC_MAX_COLS + 1];
    int height;
} wrapped_row;

static void wrap_row(wrapped_row *r, const char *const *cells, const int *widths, int ncols)
{
    r->height = 1;
    for (int c = 0; c < ncols; c++) {
        r->nw[c] = doc_wrap(cells[c] ? cells[c] : "", widths[c], &r->w[c]);
        r->height = r->nw[c] > r->height ? r->nw[c] : r->height;
    }
}

static void wrapped_free(wrapped_row *r, int ncols)
{
    for (int c = 0; c < ncols; c++)
        doc_lines_free(r->w[c], r->nw[c]);
}

static void table_row(pager *p, const char *const *cells, const wrapped_row *r,
                      const int *widths, int ncols, int is_title)
{
    for (int i = 0; i < r->height; i++) {
        strbuf sb = {0};
        for (int c = 0; c < ncols; c++) {
            int align = is_title                          ? ALIGN_CENTRE
                        : c == 0 || is_figure(cells[c]) ? ALIGN_RIGHT
                                                        : ALIGN_LEFT;
            sb_add(&sb, "| ");
            pad(&sb, i < r->nw[c] ? r->w[c][i] : "", widths[c], align);
            sb_addc(&sb, ' ');
        }
        sb_addc(&sb, '|');
        pg_add(p, sb_detach(&sb));
    }
}

static int row_height(const char *const *cells, const int *widths, int ncols)
{
    wrapped_row r;
    wrap_row(&r, cells, widths, ncols);
    wrapped_free(&r, ncols);
    return r.height;
}

static void table_head(pager *p, const hd_doc *d, const int *widths)
{
    const char *titles[DOC_MAX_COLS + 1] = {"STT"};
    for (int c = 0; c < d->ncols; c++)
        titles[c + 1] = d->titles[c];
    pg_add(p, rule(widths, d->ncols + 1));
    wrapped_row w;
    wrap_row(&w, titles, widths, d->ncols + 1);
    table_row(p, titles, &w, widths, d->ncols + 1, 1);
    wrapped_free(&w, d->ncols + 1);
    pg_add(p, rule(widths, d->ncols + 1));
    p->table_open = 1;
}

/* Each row is followed by a rule, so a page ends with a closed table; a
 * row does not break across pages unless it is taller than a page. */
static void table(pager *p, const hd_doc *d, const int *widths)
{
    const char *titles[DOC_MAX_COLS + 1] = {"STT"};
    for (int c = 0; c < d->ncols; c++)
        titles[c + 1] = d->titles[c];
    int head = row_height(titles, widths, d->ncols + 1) + 2;
    if (pg_room(p) < head + 2)
        pg_new(p);
    char *line = rule(widths, d->ncols + 1);
    table_head(p, d, widths);
    for (int r = 0; r < d->nrows; r++) {
        const char *cells[DOC_MAX_COLS + 1];
        char stt[16];
        snprintf(stt, sizeof stt, "%d", r + 1);
        cells[0] = stt;
        for (int c = 0; c < d->ncols; c++)
            cells[c + 1] = cell_at(d, r, c);
        wrapped_row w;
        wrap_row(&w, cells, widths, d->ncols + 1);
        if (w.height + 1 > pg_room(p) && pg_room(p) < p->body - head) {
            pg_new(p);
            table_head(p, d, widths);
        }
        table_row(p, cells, &w, widths, d->ncols + 1, 0);
        wrapped_free(&w, d->ncols + 1);
        pg_add(p, xstrdup(line));
    }
    free(line);
}

/* "TM. BAN CHỈ ĐẠO / TRƯỞNG BAN", room to sign and stamp, the chair's name,
 * in the right half; kept whole on one page. */
static void signature(pager *p, const hd_doc *d, int width)
{
    const char *lines[] = {"", "TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "", "", "", d->chair};
    int n = (int)HD_ARRAY_LEN(lines);
    if (pg_room(p) < n)
        pg_new(p);
    for (int i = 0; i < n; i++) {
        strbuf sb = {0};
        spaces(&sb, width - RIGHT_COLS);
        pad(&sb, lines[i], RIGHT_COLS, ALIGN_CENTRE);
        char *line = centred(sb_str(&sb), 0);
        sb_free(&sb);
        pg_add(p, line);
    }
}

char *doc_text(const hd_doc *d, int width, int lines_per_page)
{
    pager p = {.body = (lines_per_page > 20 ? lines_per_page : 20) - 2};
    int widths[DOC_MAX_COLS + 1];
    doc_widths(d, width, widths);
    pg_new(&p);
    heading(&p, d, width);
    title_block(&p, d, width);
    table(&p, d, widths);
    signature(&p, d, width);
    strbuf out = {0};
    for (int pg = 0; pg < p.npages; pg++) {
        int end = pg + 1 < p.npages ? p.starts[pg + 1] : p.n;
        if (pg > 0)
            sb_addc(&out, '\f');
        for (int i = p.starts[pg]; i < end; i++) {
            sb_add(&out, p.lines[i]);
            sb_addc(&out, '\n');
        }
        for (int i = end - p.starts[pg]; i < p.body + 1; i++)
            sb_addc(&out, '\n');
        char *foot = xasprintf("Trang %d/%d", pg + 1, p.npages);
        char *line = centred(foot, width);
        sb_addf(&out, "%s\n", line);
        free(line);
        free(foot);
    }
    pg_free(&p);
    return sb_detach(&out);
}

char *doc_sparkline(const double *v, int n, double max, int ascii)
{
    static const char *const blocks[8] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    static const char plain[] = "_.:-=+*#";
    strbuf sb = {0};
    for (int i = 0; i < n; i++) {
        if (isnan(v[i])) {
            sb_addc(&sb, ' ');
            continue;
        }
        int k = max > 0 ? (int)(v[i] / max * 7 + 0.5) : 0;
        k = k < 0 ? 0 : k > 7 ? 7 : k;
        if (ascii)
            sb_addc(&sb, plain[k]);
        else
            sb_add(&sb, blocks[k]);
    }
    return sb_detach(&sb);
}

/* ---- ways out --------------------------------------------------------------------- */

void doc_csv(const hd_doc *d, FILE *fp)
{
    const char *row[DOC_MAX_COLS + 1] = {"STT"};
    csv_write_bom(fp);
    for (int c = 0; c < d->ncols; c++)
        row[c + 1] = d->titles[c];
    csv_write_row(fp, row, (size_t)d->ncols + 1);
    for (int r = 0; r < d->nrows; r++) {
        char stt[16];
        snprintf(stt, sizeof stt, "%d", r + 1);
        row[0] = stt;
        for (int c = 0; c < d->ncols; c++)
            row[c + 1] = cell_at(d, r, c);
        csv_write_row(fp, row, (size_t)d->ncols + 1);
    }
}

/* Writes through PATH.tmp.PID renamed into place.  write_fn returns 0 or -1
 * with err set. */
typedef int (*doc_writer)(const hd_doc *d, int width, int lpp, const char *paper,
                          const char *tmp, hd_err *err);

static int save_via_tmp(const hd_doc *d, int width, int lpp, const char *paper,
                        const char *path, doc_writer fn, hd_err *err)
{
    char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
    int rc = fn(d, width, lpp, paper, tmp, err);
    if (rc == 0 && rename(tmp, path) != 0)
        rc = hd_fail(err, _("%s: cannot write: %s"), path, strerror(errno));
    if (rc != 0)
        unlink(tmp);
    free(tmp);
    return rc;
}

static int write_text(const hd_doc *d, int width, int lpp, const char *paper, const char *tmp,
                      hd_err *err)
{
    FILE *fp = fopen(tmp, "wb");
    if (!fp)
        return hd_fail(err, _("%s: cannot write: %s"), tmp, strerror(errno));
    if (width == 0) {
        doc_csv(d, fp);
    } else {
        char *text = doc_text(d, width, lpp);
        fputs(text, fp);
        free(text);
    }
    int bad = ferror(fp);
    if (fclose(fp) != 0 || bad)
        return hd_fail(err, _("%s: cannot write: %s"), tmp, strerror(errno));
    return 0;
}

int doc_save_text(const hd_doc *d, int width, int lines_per_page, const char *path,
                  hd_err *err)
{
    return save_via_tmp(d, width, lines_per_page, NULL, path, write_text, err);
}

int doc_save_csv(const hd_doc *d, const char *path, hd_err *err)
{
    return save_via_tmp(d, 0, 0, NULL, path, write_text, err); /* width 0: CSV */
}

int doc_have_program(const char *program)
{
    const char *path = getenv("PATH");
    char *copy = xstrdup(path && *path ? path : "/usr/bin:/bin"), *save = NULL;
    int found = 0;
    for (char *dir = strtok_r(copy, ":", &save); dir && !found;
         dir = strtok_r(NULL, ":", &save)) {
        char *f = xasprintf("%s/%s", dir, program);
        found = access(f, X_OK) == 0;
        free(f);
    }
    free(copy);
    return found;
}

/* Runs command with text on its standard input; the exit status as an
 * error naming what was run. */
static int pipe_text(const char *command, const char *text, const char *what, hd_err *err)
{
    FILE *fp = popen(command, "w");
    if (!fp)
        return hd_fail(err, _("%s: cannot run: %s"), what, strerror(errno));
    /* A command that exits without reading must not kill us with SIGPIPE:
     * its exit status says what went wrong. */
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    fputs(text, fp);
    int st = pclose(fp);
    signal(SIGPIPE, old);
    if (st == -1)
        return hd_fail(err, _("%s: cannot run: %s"), what, strerror(errno));
    if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
        return 0;
    if (WIFEXITED(st))
        return hd_fail(err, _("%s failed (exit status %d)"), what, WEXITSTATUS(st));
    return hd_fail(err, _("%s was stopped by signal %d"), what, WTERMSIG(st));
}

/* s quoted for the shell, inside single quotes. */
static void shell_quote(strbuf *sb, const char *s)
{
    sb_addc(sb, '\'');
    for (; *s; s++) {
        if (*s == '\'')
            sb_add(sb, "'\\''");
        else
            sb_addc(sb, *s);
    }
    sb_addc(sb, '\'');
}

/* Writes each page of text (split at form feeds) to DIR/pNNNN.txt; returns
 * the number of pages or -1. */
static int write_pages(const char *text, const char *dir, hd_err *err)
{
    int n = 0;
    for (const char *p = text; *p || n == 0; n++) {
        const char *ff = strchr(p, '\f');
        size_t len = ff ? (size_t)(ff - p) : strlen(p);
        char *f = xasprintf("%s/p%04d.txt", dir, n);
        FILE *fp = fopen(f, "wb");
        int ok = fp && fwrite(p, 1, len, fp) == len;
        if (fp && fclose(fp) != 0)
            ok = 0;
        free(f);
        if (!ok)
            return hd_fail(err, _("%s: cannot write: %s"), dir, strerror(errno));
        p += len + (ff ? 1 : 0);
        if (!ff) {
            n++;
            break;
        }
    }
    return n;
}

static void remove_pages(const char *dir, int n)
{
    for (int i = 0; i < n; i++)
        for (int k = 0; k < 2; k++) {
            char *f = xasprintf("%s/p%04d.%s", dir, i, k ? "pdf" : "txt");
            unlink(f);
            free(f);
        }
    rmdir(dir);
}

/* Each page is drawn by pango-view (cairo keeps the letters as text, so the
 * PDF can be searched and copied: paps 0.6 draws outlines), then
 * ghostscript joins the pages and fits each on the sheet, landscape for
 * 132 columns.  Every page of text has the same lines and width, so every
 * sheet gets the same scale. */
static int write_pdf(const hd_doc *d, int width, int lpp, const char *paper, const char *out,
                     hd_err *err)
{
    if (!doc_have_program("pango-view") || !doc_have_program("gs"))
        return hd_fail(err, "%s", _("PDF needs the programs pango-view and gs (Debian packages "
                                    "pango1.0-tools and ghostscript)"));
    const char *tmpdir = getenv("TMPDIR");
    char *dir = xasprintf("%s/huydong-pdf-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    if (!mkdtemp(dir)) {
        int rc = hd_fail(err, _("%s: cannot write: %s"), dir, strerror(errno));
        free(dir);
        return rc;
    }
    char *text = doc_text(d, width, lpp);
    int pages = write_pages(text, dir, err);
    free(text);
    int rc = pages < 0 ? -1 : 0;
    if (rc == 0) {
        /* points: A4 595 x 842, A3 842 x 1191 */
        int a3 = paper && strcmp(paper, "A3") == 0;
        int w = a3 ? 842 : 595, h = a3 ? 1191 : 842;
        if (width > 80) {
            int t = w;
            w = h;
            h = t;
        }
        /* DejaVu Sans Mono at 10 points is 6.02 points a column */
        strbuf cmd = {0};
        sb_add(&cmd, "cd ");
        shell_quote(&cmd, dir);
        sb_addf(&cmd, " && for f in p*.txt; do pango-view -q --dpi=72"
                      " --font='DejaVu Sans Mono 10' --margin=30 --width=%d"
                      " -o \"${f%%.txt}.pdf\" \"$f\" || exit 1; done"
                      " && gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pdfwrite"
                      " -dDEVICEWIDTHPOINTS=%d -dDEVICEHEIGHTPOINTS=%d -dFIXEDMEDIA"
                      " -dPDFFitPage -sOutputFile=",
                width * 602 / 100 + 2, w, h);
        /* the command runs in the page folder: the output path must not
         * be relative to ours */
        char *cwd = out[0] == '/' ? NULL : getcwd(NULL, 0);
        char *abs = cwd ? xasprintf("%s/%s", cwd, out) : xstrdup(out);
        shell_quote(&cmd, abs);
        free(abs);
        free(cwd);
        sb_add(&cmd, " p*.pdf");
        rc = pipe_text(sb_str(&cmd), "", "pango-view | gs", err);
        sb_free(&cmd);
    }
    remove_pages(dir, pages < 0 ? 0 : pages);
    free(dir);
    return rc;
}

int doc_save_pdf(const hd_doc *d, int width, int lines_per_page, const char *paper,
                 const char *path, hd_err *err)
{
    return save_via_tmp(d, width, lines_per_page, paper, path, write_pdf, err);
}

int doc_print(const hd_doc *d, int width, int lines_per_page, const char *paper, int pdf,
              const char *command, hd_err *err)
{
    if (str_empty(command))
        return hd_fail(err, "%s", _("no print command is configured (print.command)"));
    if (!pdf) {
        char *text = doc_text(d, width, lines_per_page);
        int rc = pipe_text(command, text, command, err);
        free(text);
        return rc;
    }
    /* the PDF of doc_save_pdf, on the command's standard input */
    const char *tmpdir = getenv("TMPDIR");
    char *tmp = xasprintf("%s/huydong-print-%ld.pdf", tmpdir && *tmpdir ? tmpdir : "/tmp",
                          (long)getpid());
    int rc = write_pdf(d, width, lines_per_page, paper, tmp, err);
    if (rc == 0) {
        strbuf cmd = {0};
        sb_addf(&cmd, "(%s) < ", command);
        shell_quote(&cmd, tmp);
        rc = pipe_text(sb_str(&cmd), "", command, err);
        sb_free(&cmd);
    }
    unlink(tmp);
    free(tmp);
    return rc;
}
