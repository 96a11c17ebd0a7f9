/* xlsx.c — a streaming reader of .xlsx workbooks: libzip for the container,
 * expat for each XML part, one sheet row at a time (xlsx.h). */
#include "core/xlsx.h"

#include <errno.h>
#include <expat.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"

#define CHUNK 65536
/* Shared strings are held in memory: beyond this a workbook is refused. */
#define MAX_SHARED_BYTES (96L * 1024 * 1024)
#define MAX_SHARED_COUNT (4L * 1024 * 1024)
/* Excel holds at most 32,767 characters in a cell (4 bytes each at most). */
#define MAX_CELL_BYTES (32767L * 4)

typedef struct part {
    zip_file_t *zf;
    zip_uint64_t comp;
    long long inflated;
    const char *name;
    int eof;
} part;

struct xlsx_book {
    char *path;
    zip_t *zip;
    int date1904;
    /* sheets in workbook order */
    size_t nsheets;
    char **sheet_name, **sheet_rid, **sheet_part;
    /* relationships of the workbook */
    hd_msgs rel_id, rel_target;
    /* shared strings: offsets into one pool */
    strbuf pool;
    size_t *ss_off;
    size_t ss_n, ss_cap;
    /* styles: 1 when cell format i shows a date */
    unsigned char *xf_date;
    size_t nxf, xf_cap;
    int *fmt_id;                  /* custom number formats that show dates */
    size_t nfmt, fmt_cap;
    int in_cellxfs;
    /* parse state shared by the handlers */
    XML_Parser p;
    int failed;
    hd_err *err;
    int in_si, in_t, in_rph, in_v, in_is;
    strbuf text;
    /* the sheet being read */
    part sheet;
    xlsx_range *merges;
    size_t nmerge, merge_cap;
    size_t value_rows, counted_row, pass_row;
    int row_ready, finished;
    size_t row_num, col;
    char ctype[16];
    int cstyle, has_f, has_v;
    strbuf rowbuf;                /* this row's texts, NUL-separated */
    size_t *off;                  /* offset of each cell's text in rowbuf */
    unsigned char *kind;
    double *num;
    char **ptr;
    size_t ncell, cell_cap;
};

/* ---- small helpers -------------------------------------------------------- */

/* Element and attribute names without their namespace prefix ("x:row"). */
static const char *lname(const char *n)
{
    const char *c = strrchr(n, ':');
    return c ? c + 1 : n;
}

static const char *attr(const char **a, const char *name)
{
    for (; a && a[0]; a += 2)
        if (strcmp(lname(a[0]), name) == 0)
            return a[1];
    return NULL;
}

static void fail(xlsx_book *b, const char *fmt, ...) HD_PRINTF(2, 3);
static void fail(xlsx_book *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    b->failed = 1;
    va_list ap;
    va_start(ap, fmt);
    char *m = xvasprintf(fmt, ap);
    va_end(ap);
    hd_fail(b->err, "%s", m);
    free(m);
    XML_StopParser(b->p, XML_FALSE);
}

char *xlsx_cell_name(size_t col, size_t row, char *buf)
{
    char letters[8];
    int n = 0;
    size_t c = col + 1;
    while (c > 0 && n < 7) {
        letters[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    int k = 0;
    while (n > 0)
        buf[k++] = letters[--n];
    snprintf(buf + k, 16 - (size_t)k, "%zu", row);
    return buf;
}

/* "BC12" -> column 54 (0-based) and row 12; -1 when malformed. */
static int parse_ref(const char *s, size_t *col, size_t *row)
{
    size_t c = 0, r = 0;
    const char *p = s;
    while (*p == '$')
        p++;
    int letters = 0;
    while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
        c = c * 26 + (size_t)((*p | 0x20) - 'a' + 1);
        if (++letters > 3)
            return -1;
        p++;
    }
    while (*p == '$')
        p++;
    int digits = 0;
    while (*p >= '0' && *p <= '9') {
        r = r * 10 + (size_t)(*p - '0');
        if (++digits > 7)
            return -1;
        p++;
    }
    if (*p && *p != ':')
        return -1;
    if (col) {
        if (!letters)
            return -1;
        *col = c - 1;
    }
    if (row) {
        if (!digits)
            return -1;
        *row = r;
    }
    return 0;
}

int xlsx_serial_days(double serial, int date1904, long *days)
{
    if (!isfinite(serial) || serial < 1 || serial > 2958465)
        return -1;
    long s = (long)floor(serial);
    if (date1904)
        *days = s - 24107;
    else if (s == 60)
        return -1; /* 29/02/1900, which Excel counts and the calendar has not */
    else if (s < 60)
        *days = s - 25568;
    else
        *days = s - 25569;
    return 0;
}

/* ---- parts ---------------------------------------------------------------- */

static int part_open(xlsx_book *b, part *pt, const char *name, int optional, hd_err *err)
{
    memset(pt, 0, sizeof *pt);
    pt->name = name;
    zip_int64_t idx = zip_name_locate(b->zip, name, ZIP_FL_NOCASE);
    if (idx < 0)
        return optional ? 1 : hd_fail(err, _("%s: not an Excel workbook (no %s inside)"),
                                      b->path, name);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(b->zip, (zip_uint64_t)idx, 0, &st) < 0)
        return hd_fail(err, _("%s: the workbook is damaged (%s)"), b->path,
                       zip_strerror(b->zip));
    if (st.encryption_method != ZIP_EM_NONE)
        return hd_fail(err, _("%s: the workbook is protected by a password; save it again "
                              "without one"), b->path);
    pt->comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if ((st.valid & ZIP_STAT_SIZE) &&
        (st.size > (zip_uint64_t)XLSX_MAX_PART ||
         (st.size > 1024 * 1024 && st.size / (pt->comp ? pt->comp : 1) > XLSX_MAX_RATIO)))
        return hd_fail(err, _("%s: %s would inflate to %llu bytes from %llu: refused as a "
                              "zip bomb"), b->path, name, (unsigned long long)st.size,
                       (unsigned long long)pt->comp);
    pt->zf = zip_fopen_index(b->zip, (zip_uint64_t)idx, 0);
    if (!pt->zf)
        return hd_fail(err, _("%s: the workbook is damaged (%s: %s)"), b->path, name,
                       zip_strerror(b->zip));
    return 0;
}

static void part_close(part *pt)
{
    if (pt->zf)
        zip_fclose(pt->zf);
    pt->zf = NULL;
}

/* Reads up to n inflated bytes; checks the sizes as they really come, since
 * a zip's declared sizes may lie. */
static long part_read(xlsx_book *b, part *pt, void *buf, size_t n, hd_err *err)
{
    zip_int64_t got = zip_fread(pt->zf, buf, n);
    if (got < 0)
        return hd_fail(err, _("%s: the workbook is damaged (%s: %s)"), b->path, pt->name,
                       zip_file_strerror(pt->zf));
    pt->inflated += got;
    if (pt->inflated > XLSX_MAX_PART ||
        (pt->inflated > 1024 * 1024 &&
         (zip_uint64_t)pt->inflated / (pt->comp ? pt->comp : 1) > XLSX_MAX_RATIO))
        return hd_fail(err, _("%s: %s inflates to more than %lld bytes from %llu: refused "
                              "as a zip bomb"), b->path, pt->name, pt->inflated,
                       (unsigned long long)pt->comp);
    if (got == 0)
        pt->eof = 1;
    return (long)got;
}

static void XMLCALL no_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int internal)
{
    xlsx_book *b = ud;
    fail(b, _("%s: a document type declaration in a workbook part; refused"), b->path);
}

static XML_Parser new_parser(xlsx_book *b, XML_StartElementHandler start,
                             XML_EndElementHandler end, XML_CharacterDataHandler chars)
{
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (!p)
        hd_fatal("out of memory");
    XML_SetUserData(p, b);
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, chars);
    XML_SetStartDoctypeDeclHandler(p, no_doctype);
    b->p = p;
    b->failed = 0;
    return p;
}

static int xml_error(xlsx_book *b, part *pt, hd_err *err)
{
    if (b->failed)
        return -1;
    return hd_fail(err, _("%s: the workbook is damaged (%s, line %lu: %s)"), b->path, pt->name,
                   (unsigned long)XML_GetCurrentLineNumber(b->p),
                   XML_ErrorString(XML_GetErrorCode(b->p)));
}

/* Parses a whole part with the given handlers.  optional: 1 when absent. */
static int parse_part(xlsx_book *b, const char *name, int optional,
                      XML_StartElementHandler start, XML_EndElementHandler end,
                      XML_CharacterDataHandler chars, hd_err *err)
{
    part pt;
    int rc = part_open(b, &pt, name, optional, err);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    XML_Parser p = new_parser(b, start, end, chars);
    b->err = err;
    rc = 0;
    for (;;) {
        void *buf = XML_GetBuffer(p, CHUNK);
        if (!buf)
            hd_fatal("out of memory");
        long n = part_read(b, &pt, buf, CHUNK, err);
        if (n < 0) {
            rc = -1;
            break;
        }
        if (XML_ParseBuffer(p, (int)n, n == 0) != XML_STATUS_OK) {
            rc = xml_error(b, &pt, err);
            break;
        }
        if (n == 0)
            break;
    }
    XML_ParserFree(p);
    b->p = NULL;
    part_close(&pt);
    return rc;
}

/* ---- workbook and relationships ------------------------------------------ */

static void XMLCALL wb_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    xlsx_book *b = ud;
    const char *n = lname(name);
    if (strcmp(n, "workbookPr") == 0) {
        const char *d = attr(a, "date1904");
        b->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    } else if (strcmp(n, "sheet") == 0) {
        const char *sn = attr(a, "name"), *id = attr(a, "id");
        if (!sn || !id)
            return;
        if (b->nsheets >= 4096) {
            fail(b, _("%s: too many sheets"), b->path);
            return;
        }
        b->sheet_name = xreallocarray(b->sheet_name, b->nsheets + 1, sizeof(char *));
        b->sheet_rid = xreallocarray(b->sheet_rid, b->nsheets + 1, sizeof(char *));
        b->sheet_part = xreallocarray(b->sheet_part, b->nsheets + 1, sizeof(char *));
        char *nfc = text_nfc(sn);
        b->sheet_name[b->nsheets] = nfc ? nfc : xstrdup(sn);
        b->sheet_rid[b->nsheets] = xstrdup(id);
        b->sheet_part[b->nsheets] = NULL;
        b->nsheets++;
    }
}

static void XMLCALL rel_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    xlsx_book *b = ud;
    if (strcmp(lname(name), "Relationship") != 0)
        return;
    const char *id = attr(a, "Id"), *target = attr(a, "Target");
    if (!id || !target || b->rel_id.n >= 65536)
        return;
    msgs_add(&b->rel_id, "%s", id);
    if (target[0] == '/')
        msgs_add(&b->rel_target, "%s", target + 1);
    else
        msgs_add(&b->rel_target, "xl/%s", target);
}

static void XMLCALL no_end(void *ud, const XML_Char *name)
{
}

/* ---- shared strings -------------------------------------------------------- */

static void XMLCALL ss_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    xlsx_book *b = ud;
    const char *n = lname(name);
    if (strcmp(n, "si") == 0) {
        b->in_si = 1;
        sb_clear(&b->text);
    } else if (strcmp(n, "t") == 0) {
        b->in_t = 1;
    } else if (strcmp(n, "rPh") == 0) {
        b->in_rph = 1; /* phonetic reading: not part of the text */
    }
}

static void XMLCALL ss_end(void *ud, const XML_Char *name)
{
    xlsx_book *b = ud;
    const char *n = lname(name);
    if (strcmp(n, "t") == 0) {
        b->in_t = 0;
    } else if (strcmp(n, "rPh") == 0) {
        b->in_rph = 0;
    } else if (strcmp(n, "si") == 0 && b->in_si) {
        b->in_si = 0;
        if (b->pool.len + b->text.len > (size_t)MAX_SHARED_BYTES ||
            b->ss_n >= (size_t)MAX_SHARED_COUNT) {
            fail(b, _("%s: the shared strings exceed %ld MB; refused"), b->path,
                 MAX_SHARED_BYTES / (1024 * 1024));
            return;
        }
        if (b->ss_n == b->ss_cap) {
            b->ss_cap = b->ss_cap ? 2 * b->ss_cap : 1024;
            b->ss_off = xreallocarray(b->ss_off, b->ss_cap, sizeof *b->ss_off);
        }
        b->ss_off[b->ss_n++] = b->pool.len;
        sb_addn(&b->pool, sb_str(&b->text), b->text.len);
        sb_addc(&b->pool, '\0');
    }
}

static void cell_too_long(xlsx_book *b)
{
    fail(b, _("%s: a cell holds more than the 32,767 characters Excel allows; refused"),
         b->path);
}

static void XMLCALL ss_chars(void *ud, const XML_Char *s, int len)
{
    xlsx_book *b = ud;
    if (b->in_si && b->in_t && !b->in_rph) {
        if (b->text.len + (size_t)len > (size_t)MAX_CELL_BYTES)
            cell_too_long(b);
        else
            sb_addn(&b->text, s, (size_t)len);
    }
}

/* ---- styles ------------------------------------------------------------------ */

/* A number format code that shows a date: d or y, or m that is not minutes
 * (no h or s), outside quoted text, escapes and [brackets]. */
static int format_is_date(const char *code)
{
    int d = 0, m = 0, y = 0, h = 0, s = 0;
    for (const char *p = code; *p; p++) {
        if (*p == '"') {
            while (p[1] && p[1] != '"')
                p++;
            if (p[1])
                p++;
        } else if (*p == '\\' || *p == '_' || *p == '*') {
            if (p[1])
                p++;
        } else if (*p == '[') {
            while (p[1] && p[1] != ']')
                p++;
            if (p[1])
                p++;
        } else if (*p == ';') {
            break; /* the first section decides */
        } else {
            switch (*p | 0x20) {
            case 'd': d = 1; break;
            case 'm': m = 1; break;
            case 'y': y = 1; break;
            case 'h': h = 1; break;
            case 's': s = 1; break;
            default: break;
            }
        }
    }
    return d || y || (m && !h && !s);
}

static int builtin_is_date(int id)
{
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
           (id >= 50 && id <= 58);
}

static void XMLCALL st_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    xlsx_book *b = ud;
    const char *n = lname(name);
    if (strcmp(n, "numFmt") == 0) {
        const char *id = attr(a, "numFmtId"), *code = attr(a, "formatCode");
        if (id && code && format_is_date(code) && b->nfmt < 4096) {
            if (b->nfmt == b->fmt_cap) {
                b->fmt_cap = b->fmt_cap ? 2 * b->fmt_cap : 16;
                b->fmt_id = xreallocarray(b->fmt_id, b->fmt_cap, sizeof *b->fmt_id);
            }
            b->fmt_id[b->nfmt++] = atoi(id);
        }
    } else if (strcmp(n, "cellXfs") == 0) {
        b->in_cellxfs = 1;
    } else if (strcmp(n, "xf") == 0 && b->in_cellxfs) {
        if (b->nxf >= 65536)
            return;
        const char *id = attr(a, "numFmtId");
        int f = id ? atoi(id) : 0, date = builtin_is_date(f);
        for (size_t i = 0; i < b->nfmt && !date; i++)
            date = b->fmt_id[i] == f;
        if (b->nxf == b->xf_cap) {
            b->xf_cap = b->xf_cap ? 2 * b->xf_cap : 64;
            b->xf_date = xreallocarray(b->xf_date, b->xf_cap, 1);
        }
        b->xf_date[b->nxf++] = (unsigned char)date;
    }
}

static void XMLCALL st_end(void *ud, const XML_Char *name)
{
    xlsx_book *b = ud;
    if (strcmp(lname(name), "cellXfs") == 0)
        b->in_cellxfs = 0;
}

/* ---- opening --------------------------------------------------------------- */

/* An OLE compound file: an encrypted .xlsx (its "EncryptedPackage" stream) or
 * a workbook from Excel 97–2003. */
static int check_magic(const char *path, hd_err *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return hd_fail(err, _("%s: cannot open: %s"), path, strerror(errno));
    unsigned char head[8] = {0};
    size_t n = fread(head, 1, sizeof head, fp);
    static const unsigned char ole[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (n == 8 && memcmp(head, ole, 8) == 0) {
        /* "EncryptedPackage" in UTF-16 in the directory */
        static const char enc[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
        char buf[65536 + sizeof enc];
        size_t keep = 0, got;
        int encrypted = 0;
        long total = 0;
        while (!encrypted && total < 64L * 1024 * 1024 &&
               (got = fread(buf + keep, 1, 65536, fp)) > 0) {
            size_t len = keep + got;
            for (size_t i = 0; i + sizeof enc - 1 <= len && !encrypted; i++)
                encrypted = memcmp(buf + i, enc, sizeof enc - 1) == 0;
            keep = len < sizeof enc ? len : sizeof enc;
            memmove(buf, buf + len - keep, keep);
            total += (long)got;
        }
        fclose(fp);
        if (encrypted)
            return hd_fail(err, _("%s: the workbook is protected by a password; open it in "
                                  "Excel or LibreOffice and save it again without one"), path);
        return hd_fail(err, _("%s: an Excel 97-2003 workbook (.xls); save it as .xlsx first"),
                       path);
    }
    fclose(fp);
    if (n < 4 || memcmp(head, "PK\x03\x04", 4) != 0)
        return hd_fail(err, _("%s: not an Excel workbook (.xlsx)"), path);
    return 0;
}

static int resolve_sheets(xlsx_book *b, hd_err *err)
{
    for (size_t i = 0; i < b->nsheets; i++)
        for (size_t k = 0; k < b->rel_id.n && !b->sheet_part[i]; k++)
            if (strcmp(b->rel_id.items[k], b->sheet_rid[i]) == 0)
                b->sheet_part[i] = xstrdup(b->rel_target.items[k]);
    for (size_t i = 0; i < b->nsheets; i++)
        if (!b->sheet_part[i])
            return hd_fail(err, _("%s: the workbook is damaged (sheet '%s' has no part)"),
                           b->path, b->sheet_name[i]);
    if (!b->nsheets)
        return hd_fail(err, _("%s: the workbook has no sheet"), b->path);
    return 0;
}

xlsx_book *xlsx_open(const char *path, hd_err *err)
{
    if (check_magic(path, err) < 0)
        return NULL;
    int zerr = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        hd_fail(err, _("%s: the workbook is damaged (%s)"), path, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return NULL;
    }
    xlsx_book *b = xcalloc(1, sizeof *b);
    b->path = xstrdup(path);
    b->zip = z;
    if (parse_part(b, "xl/workbook.xml", 0, wb_start, no_end, NULL, err) < 0 ||
        parse_part(b, "xl/_rels/workbook.xml.rels", 0, rel_start, no_end, NULL, err) < 0 ||
        resolve_sheets(b, err) < 0 ||
        parse_part(b, "xl/sharedStrings.xml", 1, ss_start, ss_end, ss_chars, err) < 0 ||
        parse_part(b, "xl/styles.xml", 1, st_start, st_end, NULL, err) < 0) {
        xlsx_close(b);
        return NULL;
    }
    sb_free(&b->text);
    return b;
}

void xlsx_close(xlsx_book *b)
{
    if (!b)
        return;
    if (b->p)
        XML_ParserFree(b->p);
    part_close(&b->sheet);
    for (size_t i = 0; i < b->nsheets; i++) {
        free(b->sheet_name[i]);
        free(b->sheet_rid[i]);
        free(b->sheet_part[i]);
    }
    free(b->sheet_name);
    free(b->sheet_rid);
    free(b->sheet_part);
    msgs_free(&b->rel_id);
    msgs_free(&b->rel_target);
    sb_free(&b->pool);
    free(b->ss_off);
    free(b->xf_date);
    free(b->fmt_id);
    sb_free(&b->text);
    free(b->merges);
    sb_free(&b->rowbuf);
    free(b->off);
    free(b->kind);
    free(b->num);
    free(b->ptr);
    if (b->zip)
        zip_discard(b->zip);
    free(b->path);
    free(b);
}

size_t xlsx_sheet_count(const xlsx_book *b)
{
    return b->nsheets;
}

const char *xlsx_sheet_name(const xlsx_book *b, size_t i)
{
    return i < b->nsheets ? b->sheet_name[i] : NULL;
}

int xlsx_find_sheet(const xlsx_book *b, const char *s, hd_err *err)
{
    if (!s)
        return 0;
    char *want = text_fold(s);
    int found = -1;
    for (size_t i = 0; i < b->nsheets && found < 0; i++) {
        char *f = text_fold(b->sheet_name[i]);
        if (strcmp(f, want) == 0)
            found = (int)i;
        free(f);
    }
    free(want);
    if (found >= 0)
        return found;
    char *end;
    long k = strtol(s, &end, 10);
    if (*s && !*end && k >= 1 && (size_t)k <= b->nsheets)
        return (int)k - 1;
    strbuf names = {0};
    for (size_t i = 0; i < b->nsheets; i++)
        sb_addf(&names, "%s%zu '%s'", i ? ", " : "", i + 1, b->sheet_name[i]);
    hd_fail(err, _("%s: no sheet '%s'; the sheets are: %s"), b->path, s, sb_str(&names));
    sb_free(&names);
    return -1;
}

/* ---- the sheet: merged ranges first ------------------------------------------ */

static void XMLCALL merge_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    xlsx_book *b = ud;
    const char *n = lname(name);
    if (strcmp(n, "row") == 0) {
        b->pass_row++;
        return;
    }
    if (strcmp(n, "v") == 0 || strcmp(n, "is") == 0) {
        if (b->counted_row != b->pass_row) {
            b->counted_row = b->pass_row;
            b->value_rows++;
        }
        return;
    }
    if (strcmp(n, "mergeCell") != 0)
        return;
    const char *ref = attr(a, "ref");
    const char *colon = ref ? strchr(ref, ':') : NULL;
    xlsx_range r;
    if (!colon || parse_ref(ref, &r.c1, &r.r1) < 0 || parse_ref(colon + 1, &r.c2, &r.r2) < 0 ||
        r.r2 < r.r1 || r.c2 < r.c1)
        return;
    if (b->nmerge >= 100000)
        return; /* only the header's matter; a sheet of merged rows is not one */
    if (b->nmerge == b->merge_cap) {
        b->merge_cap = b->merge_cap ? 2 * b->merge_cap : 32;
        b->merges = xreallocarray(b->merges, b->merge_cap, sizeof *b->merges);
    }
    b->merges[b->nmerge++] = r;
}

/* The quick pass: a scan of the tags alone (no XML parse: the full parse
 * follows), for the merged ranges and the rows that hold values.  A tag
 * cut by the end of a chunk is carried over to the next. */
static void scan_tag(xlsx_book *b, const char *tag, size_t len)
{
    /* tag: from after '<' to before '>' */
    if (len == 0 || tag[0] == '/' || tag[0] == '?' || tag[0] == '!')
        return;
    size_t n = 0;
    while (n < len && tag[n] != ' ' && tag[n] != '/' && tag[n] != '\t' && tag[n] != '\r' &&
           tag[n] != '\n')
        n++;
    const char *name = tag;
    for (size_t k = 0; k < n; k++)
        if (tag[k] == ':')
            name = tag + k + 1;
    size_t nl = (size_t)(tag + n - name);
    if (nl == 3 && memcmp(name, "row", 3) == 0) {
        b->pass_row++;
    } else if ((nl == 1 && name[0] == 'v') || (nl == 2 && memcmp(name, "is", 2) == 0)) {
        if (b->counted_row != b->pass_row) {
            b->counted_row = b->pass_row;
            b->value_rows++;
        }
    } else if (nl == 9 && memcmp(name, "mergeCell", 9) == 0) {
        char buf[64];
        const char *ref = NULL;
        for (size_t k = n; k + 5 <= len && !ref; k++)
            if (memcmp(tag + k, "ref=", 4) == 0 && (tag[k + 4] == '"' || tag[k + 4] == '\''))
                ref = tag + k + 5;
        if (!ref)
            return;
        size_t rl = 0;
        while (ref + rl < tag + len && ref[rl] != '"' && ref[rl] != '\'' && rl < sizeof buf - 1)
            rl++;
        memcpy(buf, ref, rl);
        buf[rl] = '\0';
        const char *a[] = {"ref", buf, NULL};
        merge_start(b, "mergeCell", a);
    }
}

static int scan_sheet_tags(xlsx_book *b, const char *name, hd_err *err)
{
    part pt;
    if (part_open(b, &pt, name, 0, err) != 0)
        return -1;
    char *buf = xmalloc(CHUNK + 4096);
    size_t keep = 0;
    int rc = 0;
    for (;;) {
        long n = part_read(b, &pt, buf + keep, CHUNK, err);
        if (n < 0) {
            rc = -1;
            break;
        }
        size_t len = keep + (size_t)n;
        size_t i = 0, start = len;
        while (i < len) {
            char *lt = memchr(buf + i, '<', len - i);
            if (!lt)
                break;
            char *gt = memchr(lt, '>', (size_t)(buf + len - lt));
            if (!gt) {
                start = (size_t)(lt - buf);
                break;
            }
            scan_tag(b, lt + 1, (size_t)(gt - lt - 1));
            i = (size_t)(gt - buf) + 1;
        }
        if (n == 0)
            break;
        /* an unfinished tag longer than 4 KiB is no tag we look for */
        keep = start < len && len - start <= 4096 ? len - start : 0;
        memmove(buf, buf + len - keep, keep);
    }
    free(buf);
    part_close(&pt);
    return rc;
}

/* ---- the sheet: rows ----------------------------------------------------------- */

static void cell_store(xlsx_book *b, xlsx_kind kind, const char *text, size_t len, double num)
{
    size_t col = b->col;
    if (col >= XLSX_MAX_COLS) {
        fail(b, _("%s: a cell beyond column XFD"), b->path);
        return;
    }
    if (col + 1 > b->cell_cap) {
        size_t cap = b->cell_cap ? b->cell_cap : 16;
        while (cap < col + 1)
            cap *= 2;
        b->off = xreallocarray(b->off, cap, sizeof *b->off);
        b->kind = xreallocarray(b->kind, cap, 1);
        b->num = xreallocarray(b->num, cap, sizeof *b->num);
        b->ptr = xreallocarray(b->ptr, cap, sizeof *b->ptr);
        b->cell_cap = cap;
    }
    /* cells skipped in between are empty: offset 0 is the row's "" */
    for (size_t i = b->ncell; i < col; i++) {
        b->off[i] = 0;
        b->kind[i] = XC_EMPTY;
        b->num[i] = 0;
    }
    if (col < b->ncell && b->kind[col] != XC_EMPTY)
        return; /* the same cell twice: the first stands */
    b->off[col] = b->rowbuf.len;
    sb_addn(&b->rowbuf, text, len);
    sb_addc(&b->rowbuf, '\0');
    b->kind[col] = (unsigned char)kind;
    b->num[col] = num;
    if (col + 1 > b->ncell)
        b->ncell = col + 1;
}

static void number_text(double v, char *buf, size_t n)
{
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(buf, n, "%.0f", v);
    else
        snprintf(buf, n, "%.15g", v);
}

static void cell_end(xlsx_book *b)
{
    const char *v = sb_str(&b->text);
    size_t len = b->text.len;
    const char *t = b->ctype;
    char buf[64];
    if (b->has_f && (!b->has_v || !len)) {
        const char *why = _("a formula with no saved value (open the workbook in Excel or "
                            "LibreOffice and save it again, or type the value)");
        cell_store(b, XC_ERROR, why, strlen(why), 0);
    } else if (strcmp(t, "s") == 0) {
        char *end;
        errno = 0;
        unsigned long k = strtoul(v, &end, 10);
        if (!len || *end || errno || k >= b->ss_n) {
            fail(b, _("%s: the workbook is damaged (a shared string out of range)"), b->path);
            return;
        }
        const char *s = b->pool.buf + b->ss_off[k];
        cell_store(b, *s ? XC_TEXT : XC_EMPTY, s, strlen(s), 0);
    } else if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0) {
        cell_store(b, len ? XC_TEXT : XC_EMPTY, v, len, 0);
    } else if (strcmp(t, "b") == 0) {
        cell_store(b, XC_BOOL, strcmp(v, "1") == 0 ? "1" : "0", 1, strcmp(v, "1") == 0);
    } else if (strcmp(t, "e") == 0) {
        char *why = xasprintf(_("the error value %s"), v);
        cell_store(b, XC_ERROR, why, strlen(why), 0);
        free(why);
    } else if (strcmp(t, "d") == 0) {
        /* an ISO 8601 date written as text */
        hd_date d;
        char head[11];
        snprintf(head, sizeof head, "%s", v);
        if (len >= 10 && date_parse(head, &d, NULL) == 0) {
            date_vn(d, buf);
            cell_store(b, XC_DATE, buf, strlen(buf), (double)date_to_days(d) + 25569);
        } else {
            cell_store(b, len ? XC_TEXT : XC_EMPTY, v, len, 0);
        }
    } else if (!len) {
        cell_store(b, XC_EMPTY, "", 0, 0);
    } else {
        char *end;
        double x = strtod(v, &end);
        if (*end) {
            cell_store(b, XC_TEXT, v, len, 0);
            return;
        }
        int date = b->cstyle >= 0 && (size_t)b->cstyle < b->nxf && b->xf_date[b->cstyle];
        long days;
        if (date && xlsx_serial_days(x, b->date1904, &days) == 0) {
            date_vn(date_from_days(days), buf);
            cell_store(b, XC_DATE, buf, strlen(buf), x);
        } else if (date) {
            char *why = x == 60 ? xasprintf("%s", _("Excel's day 60 is 29/02/1900, a day that "
                                                    "never was; retype the date"))
                                : xasprintf(_("%s is not a date Excel can show"), v);
            cell_store(b, XC_ERROR, why, strlen(why), x);
            free(why);
        } else {
            number_text(x, buf, sizeof buf);
            cell_store(b, XC_NUMBER, buf, strlen(buf), x);
        }
    }
}

static void XMLCALL sh_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    xlsx_book *b = ud;
    const char *n = lname(name);
    if (strcmp(n, "c") == 0) {
        const char *r = attr(a, "r"), *t = attr(a, "t"), *s = attr(a, "s");
        size_t col = b->ncell;
        if (r && parse_ref(r, &col, NULL) < 0) {
            fail(b, _("%s: the workbook is damaged (cell reference '%s')"), b->path, r);
            return;
        }
        b->col = col;
        snprintf(b->ctype, sizeof b->ctype, "%s", t ? t : "n");
        b->cstyle = s ? atoi(s) : -1;
        b->has_f = b->has_v = 0;
        b->in_v = b->in_is = b->in_t = b->in_rph = 0;
        sb_clear(&b->text);
    } else if (strcmp(n, "v") == 0) {
        b->in_v = 1;
    } else if (strcmp(n, "f") == 0) {
        b->has_f = 1;
    } else if (strcmp(n, "is") == 0) {
        b->in_is = 1;
    } else if (strcmp(n, "t") == 0) {
        b->in_t = 1;
    } else if (strcmp(n, "rPh") == 0) {
        b->in_rph = 1;
    } else if (strcmp(n, "row") == 0) {
        const char *r = attr(a, "r");
        size_t num = b->row_num + 1;
        if (r) {
            char *end;
            unsigned long k = strtoul(r, &end, 10);
            if (*end || k == 0 || k > 1048576) {
                fail(b, _("%s: the workbook is damaged (row number '%s')"), b->path, r);
                return;
            }
            num = k;
        }
        b->row_num = num;
        b->ncell = 0;
        sb_clear(&b->rowbuf);
        sb_addc(&b->rowbuf, '\0'); /* offset 0: the empty text */
    }
}

static void XMLCALL sh_end(void *ud, const XML_Char *name)
{
    xlsx_book *b = ud;
    const char *n = lname(name);
    if (strcmp(n, "v") == 0) {
        b->in_v = 0;
        b->has_v = 1;
    } else if (strcmp(n, "t") == 0) {
        b->in_t = 0;
        if (b->in_is)
            b->has_v = 1;
    } else if (strcmp(n, "rPh") == 0) {
        b->in_rph = 0;
    } else if (strcmp(n, "is") == 0) {
        b->in_is = 0;
        b->has_v = 1;
    } else if (strcmp(n, "c") == 0) {
        cell_end(b);
    } else if (strcmp(n, "row") == 0) {
        b->row_ready = 1;
        XML_StopParser(b->p, XML_TRUE);
    } else if (strcmp(n, "sheetData") == 0) {
        b->finished = 1;
    }
}

static void XMLCALL sh_chars(void *ud, const XML_Char *s, int len)
{
    xlsx_book *b = ud;
    if (b->in_v || (b->in_is && b->in_t && !b->in_rph)) {
        if (b->text.len + (size_t)len > (size_t)MAX_CELL_BYTES)
            cell_too_long(b);
        else
            sb_addn(&b->text, s, (size_t)len);
    }
}

int xlsx_sheet_open(xlsx_book *b, size_t i, hd_err *err)
{
    if (i >= b->nsheets)
        return hd_fail(err, _("%s: no sheet %zu"), b->path, i + 1);
    if (b->p) {
        XML_ParserFree(b->p);
        b->p = NULL;
    }
    part_close(&b->sheet);
    b->nmerge = 0;
    b->value_rows = b->counted_row = b->pass_row = 0;
    if (scan_sheet_tags(b, b->sheet_part[i], err) < 0)
        return -1;
    if (part_open(b, &b->sheet, b->sheet_part[i], 0, err) != 0)
        return -1;
    new_parser(b, sh_start, sh_end, sh_chars);
    b->row_ready = b->finished = 0;
    b->row_num = 0;
    return 0;
}

int xlsx_date1904(const xlsx_book *b)
{
    return b->date1904;
}

size_t xlsx_value_rows(const xlsx_book *b)
{
    return b->value_rows;
}

const xlsx_range *xlsx_merges(const xlsx_book *b, size_t *n)
{
    *n = b->nmerge;
    return b->merges;
}

static void row_out(xlsx_book *b, xlsx_row *row)
{
    for (size_t i = 0; i < b->ncell; i++)
        b->ptr[i] = b->rowbuf.buf + b->off[i];
    row->row = b->row_num;
    row->n = b->ncell;
    row->text = b->ptr;
    row->kind = b->kind;
    row->num = b->num;
}

int xlsx_next_row(xlsx_book *b, xlsx_row *row, hd_err *err)
{
    if (!b->p)
        return 0;
    b->err = err;
    for (;;) {
        XML_ParsingStatus ps;
        XML_GetParsingStatus(b->p, &ps);
        enum XML_Status st;
        if (ps.parsing == XML_FINISHED)
            return 0;
        if (ps.parsing == XML_SUSPENDED) {
            st = XML_ResumeParser(b->p);
        } else {
            void *buf = XML_GetBuffer(b->p, CHUNK);
            if (!buf)
                hd_fatal("out of memory");
            long n = part_read(b, &b->sheet, buf, CHUNK, err);
            if (n < 0)
                return -1;
            st = XML_ParseBuffer(b->p, (int)n, n == 0);
        }
        if (st == XML_STATUS_ERROR)
            return xml_error(b, &b->sheet, err);
        if (b->row_ready) {
            b->row_ready = 0;
            row_out(b, row);
            return 1;
        }
    }
}
