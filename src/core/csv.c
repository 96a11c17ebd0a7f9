/* csv.c — streaming RFC 4180 reader and writer.
 *
 * The reader pulls the file through a fixed buffer and copies runs of plain
 * bytes at once, so a 10 MB file costs a few memcpy calls per field rather
 * than a function call per byte.  A record's fields are stored back to back,
 * NUL-terminated, in one strbuf; row->fields points into it.
 *
 * Errors are sticky: after -1 every further csv_read returns -1 with the same
 * message, because after a broken quote we cannot know where records start. */
#include "core/csv.h"

#include "core/i18n.h"

#include <stdlib.h>
#include <string.h>

#define CSV_BUF_SIZE   65536
#define CSV_MAX_FIELD  ((size_t)1 << 20) /* 1 MiB: more means a broken file */
#define CSV_MAX_FIELDS 10000

enum { FIELD_MORE = 1, FIELD_LAST = 0, FIELD_ERROR = -1 };

struct csv_reader {
    FILE *fp;
    char *name;
    unsigned char buf[CSV_BUF_SIZE];
    size_t pos, len;   /* unread bytes are buf[pos..len) */
    int eof;
    int started;       /* BOM skipped and separator detected */
    char sep;
    size_t line;       /* physical line of buf[pos] */
    strbuf data;       /* the current record's fields, each NUL-terminated */
    size_t *offs;      /* start of each field in data */
    char **fields;     /* row->fields, rebuilt per record */
    size_t nfields, cap;
    int failed;
    hd_err saved;
};

csv_reader *csv_reader_new(FILE *fp, const char *name)
{
    csv_reader *r = xcalloc(1, sizeof *r);
    r->fp = fp;
    r->name = xstrdup(name ? name : "csv");
    r->sep = ',';
    r->line = 1;
    return r;
}

void csv_reader_free(csv_reader *r)
{
    if (!r)
        return;
    free(r->name);
    sb_free(&r->data);
    free(r->offs);
    free(r->fields);
    free(r);
}

char csv_reader_separator(const csv_reader *r)
{
    return r->sep;
}

/* 1 when at least one unread byte is buffered, 0 at end of file. */
static int fill(csv_reader *r)
{
    if (r->pos < r->len)
        return 1;
    if (r->eof)
        return 0;
    r->pos = 0;
    r->len = fread(r->buf, 1, sizeof r->buf, r->fp);
    if (r->len == 0)
        r->eof = 1;
    return r->len > 0;
}

static int peek(csv_reader *r)
{
    return fill(r) ? r->buf[r->pos] : EOF;
}

/* Consumes one line end (LF, CRLF or a lone CR) whose first byte c has already
 * been taken; appends it to the field when `keep`. */
static void take_newline(csv_reader *r, int c, int keep)
{
    if (keep)
        sb_addc(&r->data, (char)c);
    if (c == '\r' && peek(r) == '\n') {
        r->pos++;
        if (keep)
            sb_addc(&r->data, '\n');
    }
    r->line++;
}

/* Counts candidate separators outside quotes in the first record, as far as
 * it lies in the first buffer (64 KiB is plenty to judge by). */
static char detect_separator(const csv_reader *r)
{
    static const char cand[] = {',', ';', '\t'};
    size_t count[3] = {0, 0, 0};
    size_t i = r->pos;
    while (i < r->len && (r->buf[i] == '\r' || r->buf[i] == '\n'))
        i++;
    int quoted = 0, field_start = 1;
    for (; i < r->len; i++) {
        unsigned char c = r->buf[i];
        if (quoted) {
            if (c == '"' && i + 1 < r->len && r->buf[i + 1] == '"')
                i++;
            else if (c == '"')
                quoted = 0;
            continue;
        }
        if (c == '\r' || c == '\n')
            break;
        const char *p = memchr(cand, c, sizeof cand);
        if (p)
            count[p - cand]++;
        else if (c == '"' && field_start)
            quoted = 1;
        field_start = p != NULL;
    }
    size_t best = 0;
    for (size_t k = 1; k < 3; k++)
        if (count[k] > count[best])
            best = k;
    return cand[best];
}

static void start(csv_reader *r)
{
    r->started = 1;
    fill(r);
    if (r->len - r->pos >= 3 && memcmp(r->buf + r->pos, "\xEF\xBB\xBF", 3) == 0)
        r->pos += 3;
    r->sep = detect_separator(r);
}

static void skip_blank_lines(csv_reader *r)
{
    int c;
    while ((c = peek(r)) == '\r' || c == '\n') {
        r->pos++;
        take_newline(r, c, 0);
    }
}

/* Appends the buffered bytes up to the first a, b or c (or the buffer's end);
 * returns how many were appended. */
static size_t take_run(csv_reader *r, char a, char b, char c)
{
    size_t i = r->pos;
    while (i < r->len && r->buf[i] != (unsigned char)a &&
           r->buf[i] != (unsigned char)b && r->buf[i] != (unsigned char)c)
        i++;
    size_t n = i - r->pos;
    sb_addn(&r->data, (const char *)r->buf + r->pos, n);
    r->pos = i;
    return n;
}

static int too_long(csv_reader *r, size_t start, size_t line, hd_err *err)
{
    if (r->data.len - start <= CSV_MAX_FIELD)
        return 0;
    hd_fail(err, _("%s:%zu: field longer than 1 MiB"), r->name, line);
    return 1;
}

/* Reads the body of a quoted field; the opening quote is already taken. */
static int read_quoted(csv_reader *r, size_t start, hd_err *err)
{
    size_t open_line = r->line;
    for (;;) {
        if (!fill(r))
            return hd_fail(err, _("%s:%zu: unterminated quoted field (opened on this line)"),
                           r->name, open_line);
        take_run(r, '"', '\r', '\n');
        if (too_long(r, start, open_line, err))
            return -1;
        if (r->pos == r->len)
            continue;
        int c = r->buf[r->pos++];
        if (c != '"') {
            take_newline(r, c, 1);
        } else if (peek(r) == '"') {
            r->pos++;
            sb_addc(&r->data, '"');
        } else {
            break;
        }
    }
    int c = peek(r);
    if (c != EOF && c != r->sep && c != '\r' && c != '\n')
        return hd_fail(err, _("%s:%zu: unexpected character after closing quote"),
                       r->name, r->line);
    return 0;
}

/* An unquoted field runs to the separator or line end; a stray quote inside
 * it is kept as a character, as LibreOffice does. */
static int read_plain(csv_reader *r, size_t start, hd_err *err)
{
    size_t line = r->line;
    while (fill(r) && take_run(r, r->sep, '\r', '\n') > 0)
        if (too_long(r, start, line, err))
            return -1;
    return 0;
}

/* Reads one field and its terminator. */
static int read_field(csv_reader *r, hd_err *err)
{
    size_t start = r->data.len;
    int rc;
    if (peek(r) == '"') {
        r->pos++;
        rc = read_quoted(r, start, err);
    } else {
        rc = read_plain(r, start, err);
    }
    if (rc < 0)
        return FIELD_ERROR;
    sb_addc(&r->data, '\0');
    int c = peek(r);
    if (c == EOF)
        return FIELD_LAST;
    r->pos++;
    if (c == r->sep)
        return FIELD_MORE;
    take_newline(r, c, 0);
    return FIELD_LAST;
}

static void push_offset(csv_reader *r, size_t off)
{
    if (r->nfields == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->offs = xreallocarray(r->offs, r->cap, sizeof *r->offs);
        r->fields = xreallocarray(r->fields, r->cap, sizeof *r->fields);
    }
    r->offs[r->nfields++] = off;
}

static int read_record(csv_reader *r, size_t line, hd_err *err)
{
    sb_clear(&r->data);
    r->nfields = 0;
    for (;;) {
        if (r->nfields == CSV_MAX_FIELDS)
            return hd_fail(err, _("%s:%zu: more than %d fields in one record"),
                           r->name, line, CSV_MAX_FIELDS);
        push_offset(r, r->data.len);
        int rc = read_field(r, err);
        if (rc == FIELD_ERROR)
            return -1;
        if (rc == FIELD_LAST)
            return 0;
    }
}

int csv_read(csv_reader *r, csv_row *row, hd_err *err)
{
    if (r->failed) {
        if (err)
            *err = r->saved;
        return -1;
    }
    if (!r->started)
        start(r);
    skip_blank_lines(r);
    if (peek(r) == EOF)
        return 0;
    size_t line = r->line;
    if (read_record(r, line, &r->saved) < 0) {
        r->failed = 1;
        if (err)
            *err = r->saved;
        return -1;
    }
    for (size_t i = 0; i < r->nfields; i++)
        r->fields[i] = r->data.buf + r->offs[i];
    row->fields = r->fields;
    row->n = r->nfields;
    row->line = line;
    return 1;
}

/* Besides ',' we quote ';' and TAB: the reader guesses the separator from the
 * first record, and a lone unquoted "a;b" there would make it guess ';'. */
static int needs_quotes(const char *s)
{
    size_t n = strlen(s);
    if (n == 0)
        return 0;
    if (s[0] == ' ' || s[n - 1] == ' ')
        return 1;
    return strpbrk(s, ",;\t\"\r\n") != NULL;
}

static void write_field(FILE *fp, const char *s)
{
    if (!needs_quotes(s)) {
        fputs(s, fp);
        return;
    }
    putc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', fp);
        putc(*s, fp);
    }
    putc('"', fp);
}

void csv_write_row(FILE *fp, const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            putc(',', fp);
        const char *s = fields[i] ? fields[i] : "";
        /* A record of one empty field would be an empty line, which readers
         * skip; "" keeps it. */
        if (n == 1 && !*s)
            fputs("\"\"", fp);
        else
            write_field(fp, s);
    }
    fputs("\r\n", fp);
}

void csv_write_bom(FILE *fp)
{
    fputs("\xEF\xBB\xBF", fp);
}
