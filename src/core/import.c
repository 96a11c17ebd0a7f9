/* import.c — CSV into the registry, validated row by row, all or nothing. */
#include "core/import.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/backup.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/registry.h"
#include "core/import_int.h"
#include "core/text.h"
#include "core/xlsx.h"




/* ---- messages ------------------------------------------------------------ */

char *imp_where(const importer *im, hd_col c)
{
    if (!im->sheet)
        return xasprintf("%s:%zu", im->path, im->line);
    if (c == COL_COUNT || !im->header[c])
        return xasprintf("%s:%s!%zu:%zu", im->path, im->sheet, im->line, im->line);
    char cell[16];
    return xasprintf("%s:%s!%s", im->path, im->sheet, xlsx_cell_name(im->src_col[c], im->line,
                                                                      cell));
}

void imp_bad(importer *im, hd_col c, const char *fmt, ...)
{
    im->row_bad = 1;
    if (im->stats)
        im->stats->errors++;
    if (im->errors->n >= IMPORT_KEPT_MESSAGES)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *why = xvasprintf(fmt, ap);
    va_end(ap);
    char *where = imp_where(im, c);
    if (c == COL_COUNT || !im->header[c])
        msgs_add(im->errors, "%s: %s", where, why);
    else
        msgs_add(im->errors, "%s: %s: %s", where, im->header[c], why);
    free(where);
    free(why);
}

void imp_warn(importer *im, const char *fmt, ...)
{
    if (im->stats)
        im->stats->warnings++;
    if (im->warnings->n >= IMPORT_KEPT_MESSAGES)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *why = xvasprintf(fmt, ap);
    va_end(ap);
    char *where = imp_where(im, COL_COUNT);
    msgs_add(im->warnings, "%s: %s", where, why);
    free(where);
    free(why);
}

/* ---- the file as a whole -------------------------------------------------- */

/* Refuses a file in a legacy Vietnamese encoding before reading any row. */
static int check_encoding(FILE *fp, const char *path, hd_err *err)
{
    char buf[65536];
    size_t n = fread(buf, 1, sizeof buf, fp);
    rewind(fp);
    /* A multi-byte character may be cut at the end of the sample. */
    size_t cut = n;
    for (size_t k = 0; k < 3 && cut > 0 && ((unsigned char)buf[cut - 1] & 0xC0) == 0x80; k++)
        cut--;
    if (cut > 0 && (unsigned char)buf[cut - 1] >= 0xC0)
        cut--;
    if (n == sizeof buf ? text_valid_utf8(buf, cut) : text_valid_utf8(buf, n))
        return 0;
    const char *enc = text_legacy_encoding(buf, n);
    if (enc)
        return hd_fail(err,
                       _("%s: the file is in the legacy %s encoding, not UTF-8; nothing was "
                         "imported.\n  Convert it first: in LibreOffice, open it with character "
                         "set %s and save as CSV with \"Unicode (UTF-8)\", or run:\n"
                         "  iconv -f %s -t UTF-8 '%s' > converted.csv"),
                       path, enc, enc, strcmp(enc, "Windows-1258") == 0 ? "CP1258" : enc, path);
    return hd_fail(err, _("%s: the file is not UTF-8 text; nothing was imported (save it as "
                          "CSV with the \"Unicode (UTF-8)\" character set)"), path);
}

const hd_column *imp_match_header(const hd_profile *p, hd_table t, const char *header)
{
    return profile_match(p, t, header);
}

/* "STT": the rows' numbers, which every list has and nothing needs. */
static int is_row_number(const char *header)
{
    char *f = text_fold(header);
    int yes = !strcmp(f, "stt") || !strcmp(f, "tt") || !strcmp(f, "so thu tu") || !strcmp(f, "no");
    free(f);
    return yes;
}

int imp_map_header(importer *im, const char *const *fields, size_t n)
{
    if (n > MAX_COLUMNS) {
        /* a sheet's trailing empty cells do not count */
        size_t used = 0;
        for (size_t i = 0; i < n; i++)
            if (!str_empty(fields[i]))
                used = i + 1;
        if (used > MAX_COLUMNS) {
            imp_bad(im, COL_COUNT, _("more than %d columns"), MAX_COLUMNS);
            return -1;
        }
        n = used;
    }
    im->ncols = n;
    for (size_t i = 0; i < n; i++) {
        im->col_of_field[i] = -1;
        if (str_empty(fields[i]))
            continue;
        const hd_column *c = imp_match_header(im->profile, im->table, fields[i]);
        if (!c && is_row_number(fields[i]))
            continue;
        /* one row a person: the children's columns in a households import */
        if (!c && im->profile && im->profile->persons && columns_match(TABLE_CHILDREN, fields[i]))
            continue;
        if (!c) {
            imp_warn(im, _("column '%s' is not one huydong knows; it is ignored"), fields[i]);
            continue;
        }
        if (im->header[c->id]) {
            imp_bad(im, COL_COUNT, _("columns '%s' and '%s' both mean '%s'"), im->header[c->id],
                fields[i], c->header);
            continue;
        }
        im->header[c->id] = text_nfc(fields[i]);
        if (!im->header[c->id])
            im->header[c->id] = xstrdup(c->header);
        im->col_of_field[i] = (int)c->id;
        im->src_col[c->id] = i;
    }
    /* one row a person: the household's code is built from the form's */
    if (im->profile && im->profile->persons && im->header[COL_P_FORM]) {
        hd_col code = im->table == TABLE_HOUSEHOLDS ? COL_UID : COL_C_HOUSEHOLD_UID;
        if (im->table == TABLE_HOUSEHOLDS || im->table == TABLE_CHILDREN) {
            free(im->header[code]);
            im->header[code] = xstrdup(im->header[COL_P_FORM]);
            im->src_col[code] = im->src_col[COL_P_FORM];
        }
    }
    return im->row_bad ? -1 : 0;
}

static int need_columns(importer *im, const hd_col *cols, size_t n)
{
    size_t ncol;
    const hd_column *all = columns_of(im->table, &ncol);
    for (size_t i = 0; i < n; i++) {
        if (im->header[cols[i]])
            continue;
        for (size_t k = 0; k < ncol; k++)
            if (all[k].id == cols[i])
                imp_bad(im, COL_COUNT, _("the file has no column '%s' (or '%s')"), all[k].header,
                    all[k].header_en);
    }
    return im->row_bad ? -1 : 0;
}

/* ---- one row's values ------------------------------------------------------ */

static void clear_values(importer *im)
{
    for (int c = 0; c < COL_COUNT; c++) {
        free(im->val[c]);
        im->val[c] = NULL;
    }
}

/* A date column holding a bare number: Excel's serial day number, unless
 * it is a year. */
static int is_date_col(int c)
{
    return c == COL_C_BIRTH || c == COL_C_STATUS_DATE;
}

/* A number cell whose text must be mended for its column, or NULL: an
 * identification number or a phone number typed as a number lost its
 * leading zeros; a bare day number in a date column (not a year) is
 * Excel's serial date. */
static char *number_cell(int c, double num, int date1904)
{
    long days;
    if (c == COL_C_PID && num >= 1 && num < 1e12)
        return xasprintf("%012.0f", num);
    if ((c == COL_H_PHONE || c == COL_M_PHONE) && num >= 1e8 && num < 1e10)
        return xasprintf("0%.0f", num);
    if (is_date_col(c) && num > 2100 && xlsx_serial_days(num, date1904, &days) == 0) {
        char buf[16];
        date_vn(date_from_days(days), buf);
        return xstrdup(buf);
    }
    return NULL;
}

static void load_values(importer *im, const imp_row *row)
{
    clear_values(im);
    for (size_t i = 0; i < row->n && i < im->ncols; i++) {
        int c = im->col_of_field[i];
        if (c < 0)
            continue;
        if (row->kind && row->kind[i] == XC_ERROR) {
            imp_bad(im, (hd_col)c, "%s", row->fields[i]);
            continue;
        }
        char *num = row->kind && row->kind[i] == XC_NUMBER
                        ? number_cell(c, row->num[i], row->date1904) : NULL;
        if (num) {
            im->val[c] = num;
            continue;
        }
        char *v = text_nfc(row->fields[i]);
        if (!v) {
            imp_bad(im, (hd_col)c, _("not valid UTF-8 text"));
            continue;
        }
        const char *enc = text_legacy_mojibake(v);
        if (enc)
            imp_bad(im, (hd_col)c,
                _("'%s' looks like %s text typed with a legacy font; retype it in Unicode"), v,
                enc);
        im->val[c] = str_trim(v);
    }
}

/* The value of column c in this row, or NULL when the file lacks the column. */
const char *imp_val(const importer *im, hd_col c)
{
    return im->header[c] ? (im->val[c] ? im->val[c] : "") : NULL;
}

/* Replaces *field by the column's value when the file has the column. */
void imp_take_text(importer *im, hd_col c, char **field)
{
    const char *v = imp_val(im, c);
    if (!v)
        return;
    free(*field);
    *field = xstrdup(v);
}

void imp_take_phone(importer *im, hd_col c, char **field)
{
    hd_err e;
    const char *v = imp_val(im, c);
    if (v && registry_check_phone(v, &e) < 0)
        imp_bad(im, c, "%s", e.msg);
    else
        imp_take_text(im, c, field);
}

void imp_take_vocab(importer *im, hd_col c, hd_vocab voc, int *field, int allow_empty)
{
    const char *v = imp_val(im, c);
    if (!v || (!*v && allow_empty))
        return;
    int idx = *v ? model_lookup(voc, v) : -1;
    if (idx >= 0) {
        *field = idx;
        return;
    }
    size_t n;
    const hd_term *t = model_terms(voc, &n);
    strbuf sb = {0};
    for (size_t i = 0; i < n; i++)
        sb_addf(&sb, "%s%s", i ? ", " : "", t[i].vi);
    if (*v)
        imp_bad(im, c, _("'%s' is not one of: %s"), v, sb_str(&sb));
    else
        imp_bad(im, c, _("required (one of: %s)"), sb_str(&sb));
    sb_free(&sb);
}

void imp_take_bool(importer *im, hd_col c, int *field)
{
    const char *v = imp_val(im, c);
    if (!v)
        return;
    char *f = text_fold(v);
    if (!*f || !strcmp(f, "0") || !strcmp(f, "khong") || !strcmp(f, "no") || !strcmp(f, "k"))
        *field = 0;
    else if (!strcmp(f, "x") || !strcmp(f, "1") || !strcmp(f, "co") || !strcmp(f, "yes") ||
             !strcmp(f, "c") || !strcmp(f, "dtts"))
        *field = 1;
    else
        imp_bad(im, c, _("'%s' should be x (yes) or empty (no)"), v);
    free(f);
}

void imp_take_int(importer *im, hd_col c, int *field, int lo, int hi)
{
    const char *v = imp_val(im, c);
    if (!v)
        return;
    if (!*v) {
        *field = 0;
        return;
    }
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || n < lo || n > hi)
        imp_bad(im, c, _("'%s' is not a number from %d to %d"), v, lo, hi);
    else
        *field = (int)n;
}

void imp_take_risks(importer *im, hd_col c, unsigned *field)
{
    const char *v = imp_val(im, c);
    if (!v)
        return;
    unsigned set = 0;
    char *copy = xstrdup(v);
    for (char *w = strtok(copy, ";,/+"); w; w = strtok(NULL, ";,/+")) {
        if (str_empty(w))
            continue;
        int r = model_lookup(VOCAB_RISK, str_trim(w));
        if (r < 0)
            imp_bad(im, c, _("'%s' is not a known risk factor"), w);
        else
            set |= 1u << r;
    }
    free(copy);
    *field = set;
}

/* ---- references to other records ----------------------------------------- */

int64_t imp_lookup_id(importer *im, const char *sql, const char *a, int64_t b)
{
    sqlite3_stmt *st = db_prepare(im->db, sql);
    sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, b);
    int64_t id = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        if (sqlite3_step(st) == SQLITE_ROW)
            id = -1; /* ambiguous */
    }
    db_finish(im->db, st);
    return id;
}

int64_t imp_lookup_by_fold(importer *im, const char *table, const char *name)
{
    char *fold = text_fold(name);
    char *sql = xasprintf("SELECT id FROM %s WHERE fold = ?1 AND archived = 0 AND ?2 = 0",
                          table);
    int64_t id = imp_lookup_id(im, sql, fold, 0);
    free(sql);
    free(fold);
    return id;
}

/* The id remembered for "table:name", 0 when none. */
static int64_t ref_cached(const importer *im, const char *key)
{
    for (size_t i = 0; i < im->ref_names.n; i++)
        if (strcmp(im->ref_names.items[i], key) == 0)
            return im->ref_ids[i];
    return 0;
}

static int64_t ref_remember(importer *im, const char *key, int64_t id)
{
    if (id > 0 && im->ref_names.n < 4096) {
        msgs_add(&im->ref_names, "%s", key);
        im->ref_ids = xreallocarray(im->ref_ids, im->ref_names.cap, sizeof *im->ref_ids);
        im->ref_ids[im->ref_names.n - 1] = id;
    }
    return id;
}

typedef int64_t (*ref_lookup_fn)(importer *im, hd_col c, const char *v);

/* The record a cell names, found once per file for each name. */
static int64_t cached_ref(importer *im, hd_col c, const char *table, ref_lookup_fn lookup)
{
    const char *v = imp_val(im, c);
    if (!v || !*v)
        return 0;
    char *key = xasprintf("%s:%s", table, v);
    int64_t id = ref_cached(im, key);
    if (!id)
        id = ref_remember(im, key, lookup(im, c, v));
    free(key);
    return id;
}

static int64_t village_lookup(importer *im, hd_col c, const char *v)
{
    int64_t id = record_id_by_uid(im->db, "village", v);
    if (!id)
        id = imp_lookup_by_fold(im, "village", v);
    if (id < 0)
        imp_bad(im, c, _("more than one village is called '%s'; use its code"), v);
    else if (!id)
        imp_bad(im, c, _("no village '%s' (import the villages first)"), v);
    return id > 0 ? id : 0;
}

static int64_t school_lookup(importer *im, hd_col c, const char *v)
{
    int64_t id = record_id_by_uid(im->db, "school", v);
    if (!id)
        id = imp_lookup_by_fold(im, "school", v);
    if (id < 0)
        imp_bad(im, c, _("more than one school is called '%s'"), v);
    if (id)
        return id > 0 ? id : 0;
    /* Schools are few and named in every children's file: add them. */
    hd_school s = {.name = xstrdup(v)};
    hd_err e;
    if (school_insert(im->db, &s, &e) < 0)
        imp_bad(im, c, "%s", e.msg);
    else
        imp_warn(im, _("new school '%s' added"), v);
    id = s.id;
    school_free(&s);
    return id;
}

int64_t imp_village_ref(importer *im, hd_col c)
{
    return cached_ref(im, c, "village", village_lookup);
}

int64_t imp_school_ref(importer *im, hd_col c)
{
    return cached_ref(im, c, "school", school_lookup);
}

/* ---- records seen twice in one file -------------------------------------- */

static size_t seen_slot(const importer *im, int64_t id)
{
    return (size_t)((uint64_t)id * 0x9E3779B97F4A7C15ull >> 20) & (im->seen_cap - 1);
}

static void seen_grow(importer *im);

/* Returns the earlier line that touched id, or 0 (and remembers this one). */
size_t imp_seen_before(importer *im, int64_t id, size_t line)
{
    if (2 * (im->seen_n + 1) > im->seen_cap)
        seen_grow(im);
    size_t i = seen_slot(im, id);
    while (im->seen_id[i] && im->seen_id[i] != id)
        i = (i + 1) & (im->seen_cap - 1);
    if (im->seen_id[i])
        return im->seen_line[i];
    im->seen_id[i] = id;
    im->seen_line[i] = line;
    im->seen_n++;
    return 0;
}

static void seen_grow(importer *im)
{
    size_t old_cap = im->seen_cap;
    int64_t *old_id = im->seen_id;
    size_t *old_line = im->seen_line;
    im->seen_cap = old_cap ? old_cap * 2 : 1024;
    im->seen_id = xcalloc(im->seen_cap, sizeof *im->seen_id);
    im->seen_line = xcalloc(im->seen_cap, sizeof *im->seen_line);
    im->seen_n = 0;
    for (size_t i = 0; i < old_cap; i++)
        if (old_id[i])
            imp_seen_before(im, old_id[i], old_line[i]);
    free(old_id);
    free(old_line);
}

/* ---- the driver ------------------------------------------------------------ */

int imp_required_columns(importer *im)
{
    static const hd_col villages[] = {COL_V_NAME};
    static const hd_col households[] = {COL_H_HEAD, COL_H_VILLAGE};
    static const hd_col children[] = {COL_C_NAME, COL_C_BIRTH};
    static const hd_col members[] = {COL_M_NAME};
    static const hd_col schools[] = {COL_S_NAME};
    static const hd_col attendance[] = {COL_A_MONTH, COL_A_SCHOOL_DAYS};
    switch (im->table) {
    case TABLE_VILLAGES: return need_columns(im, villages, HD_ARRAY_LEN(villages));
    case TABLE_HOUSEHOLDS: return need_columns(im, households, HD_ARRAY_LEN(households));
    case TABLE_CHILDREN: return need_columns(im, children, HD_ARRAY_LEN(children));
    case TABLE_MEMBERS: return need_columns(im, members, HD_ARRAY_LEN(members));
    case TABLE_SCHOOLS: return need_columns(im, schools, HD_ARRAY_LEN(schools));
    case TABLE_ATTENDANCE:
        if (!im->header[COL_UID] && (!im->header[COL_C_NAME] || !im->header[COL_C_BIRTH]))
            imp_bad(im, COL_COUNT, "%s", _("the file names no pupil: give the column 'Mã' "
                                           "(code), or 'Họ và tên' and 'Ngày sinh'"));
        return need_columns(im, attendance, HD_ARRAY_LEN(attendance));
    default: return -1;
    }
}

static void import_row(importer *im)
{
    switch (im->table) {
    case TABLE_VILLAGES: imp_village_row(im); break;
    case TABLE_HOUSEHOLDS: imp_household_row(im); break;
    case TABLE_CHILDREN: imp_child_row(im); break;
    case TABLE_MEMBERS: imp_member_row(im); break;
    case TABLE_SCHOOLS: imp_school_row(im); break;
    case TABLE_ATTENDANCE: imp_attendance_row(im); break;
    default: break;
    }
}

void imp_take_row(importer *im, const imp_row *row)
{
    load_values(im, row);
    int bad_cell = im->row_bad;
    if (im->profile && !bad_cell && imp_profile_row(im))
        return;
    im->stats->rows++;
    /* a code the profile refused: the row's other cells are still checked */
    if (!bad_cell)
        import_row(im);
}

/* Reads every record; returns -1 only when the file itself is broken. */
static int read_rows(importer *im, csv_reader *rd, hd_err *err)
{
    csv_row row;
    int rc, header_done = 0;
    while ((rc = csv_read(rd, &row, err)) == 1) {
        im->line = row.line;
        im->row_bad = 0;
        if (!header_done) {
            header_done = 1;
            if (!im->profile)
                im->profile = profile_for_headers((const char *const *)row.fields, row.n);
            if (imp_map_header(im, (const char *const *)row.fields, row.n) < 0 || imp_required_columns(im) < 0)
                return 0;
            continue;
        }
        imp_row r = {.fields = row.fields, .n = row.n, .line = row.line};
        imp_take_row(im, &r);
    }
    if (rc < 0)
        msgs_add(im->errors, "%s", err->msg);
    else if (!header_done)
        msgs_add(im->errors, _("%s: the file is empty (no header row)"), im->path);
    return 0;
}

static void importer_free(importer *im)
{
    clear_values(im);
    for (int c = 0; c < COL_COUNT; c++)
        free(im->header[c]);
    free(im->seen_id);
    free(im->seen_line);
    msgs_free(&im->ref_names);
    free(im->ref_ids);
}

int import_is_workbook(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return 0;
    unsigned char head[4] = {0};
    size_t n = fread(head, 1, 4, fp);
    fclose(fp);
    return n == 4 && ((memcmp(head, "PK\x03\x04", 4) == 0) ||
                      (head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0));
}

int import_file(hd_db *db, hd_table table, const char *path, const hd_import_opts *opts,
                hd_import_stats *stats, hd_msgs *errors, hd_msgs *warnings, hd_err *err)
{
    memset(stats, 0, sizeof *stats);
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    int workbook = import_is_workbook(path);
    FILE *fp = NULL;
    xlsx_book *book = NULL;
    if (workbook) {
        book = xlsx_open(path, err);
        if (!book)
            return -1;
    } else {
        fp = fopen(path, "rb");
        if (!fp)
            return hd_fail(err, _("%s: cannot open: %s"), path, strerror(errno));
        if (check_encoding(fp, path, err) < 0) {
            fclose(fp);
            return -1;
        }
    }
    importer im = {.db = db, .table = table, .path = path,
                   .start_month = opts->school_year_start_month,
                   .school_months = opts->school_months ? opts->school_months : 9,
                   .errors = errors,
                   .warnings = warnings, .stats = stats};
    if (!book && opts->profile && !(im.profile = profile_find(opts->profile))) {
        fclose(fp);
        return hd_fail(err, _("%s: no profile '%s'"), path, opts->profile);
    }
    int tok = -1;
    /* A copy before the file changes anything; none for a dry run. */
    if ((opts->dry_run || backup_before(db, "import", err) == 0))
        tok = db_write_begin(db, err);
    if (tok < 0) {
        if (fp)
            fclose(fp);
        xlsx_close(book);
        return -1;
    }
    /* Bulk mode: the audit and search rows of new records are written
     * set-wise at the end, inside the same transaction. */
    int bulk = db_bulk_begin(db, err) == 0;
    if (book) {
        imp_read_xlsx_book(&im, book, opts->sheet, opts->profile);
        xlsx_close(book);
    } else {
        csv_reader *rd = csv_reader_new(fp, path);
        read_rows(&im, rd, err);
        csv_reader_free(rd);
        fclose(fp);
    }
    importer_free(&im);
    if (!bulk || db_bulk_end(db, err) < 0)
        msgs_add(errors, "%s: %s", path, err->msg);
    int ok = errors->n == 0;
    int rc = db_write_end(db, tok, ok && !opts->dry_run, err);
    if (!ok)
        return -1;
    return opts->dry_run ? 0 : rc;
}

int import_csv(hd_db *db, hd_table table, const char *path, int dry_run,
               int school_year_start_month, hd_import_stats *stats, hd_msgs *errors,
               hd_msgs *warnings, hd_err *err)
{
    return import_csv_months(db, table, path, dry_run, school_year_start_month, 9, stats,
                             errors, warnings, err);
}

int import_csv_months(hd_db *db, hd_table table, const char *path, int dry_run,
                      int school_year_start_month, int school_months, hd_import_stats *stats,
                      hd_msgs *errors, hd_msgs *warnings, hd_err *err)
{
    hd_import_opts o = {.dry_run = dry_run, .school_year_start_month = school_year_start_month,
                        .school_months = school_months};
    return import_file(db, table, path, &o, stats, errors, warnings, err);
}
