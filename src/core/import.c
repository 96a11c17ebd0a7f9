/* import.c — CSV into the registry, validated row by row, all or nothing. */
#include "core/import.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/registry.h"
#include "core/text.h"

#define MAX_COLUMNS 256

typedef struct importer {
    hd_db *db;
    hd_table table;
    const char *path;
    int start_month;
    int col_of_field[MAX_COLUMNS]; /* CSV column index -> hd_col, -1 = ignored */
    size_t ncols;
    char *header[COL_COUNT];       /* header as written, for messages; owned */
    char *val[COL_COUNT];          /* this row's values, NFC and trimmed; owned */
    size_t line;
    int row_bad;
    hd_msgs *errors;
    hd_msgs *warnings;
    hd_import_stats *stats;
    /* village and school names already resolved: a children's file names the
     * same few hundred again and again */
    hd_msgs ref_names;
    int64_t *ref_ids;
    /* record id -> first line that touched it, to spot a record twice in a file */
    int64_t *seen_id;
    size_t *seen_line;
    size_t seen_cap, seen_n;
} importer;

/* ---- messages ------------------------------------------------------------ */

static void HD_PRINTF(3, 4) bad(importer *im, hd_col c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *why = xvasprintf(fmt, ap);
    va_end(ap);
    if (c == COL_COUNT || !im->header[c])
        msgs_add(im->errors, "%s:%zu: %s", im->path, im->line, why);
    else
        msgs_add(im->errors, "%s:%zu: %s: %s", im->path, im->line, im->header[c], why);
    free(why);
    im->row_bad = 1;
}

static void HD_PRINTF(2, 3) warn(importer *im, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *why = xvasprintf(fmt, ap);
    va_end(ap);
    msgs_add(im->warnings, "%s:%zu: %s", im->path, im->line, why);
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

static int map_header(importer *im, const csv_row *row)
{
    if (row->n > MAX_COLUMNS) {
        bad(im, COL_COUNT, _("more than %d columns"), MAX_COLUMNS);
        return -1;
    }
    im->ncols = row->n;
    for (size_t i = 0; i < row->n; i++) {
        im->col_of_field[i] = -1;
        if (str_empty(row->fields[i]))
            continue;
        const hd_column *c = columns_match(im->table, row->fields[i]);
        if (!c) {
            warn(im, _("column '%s' is not one huydong knows; it is ignored"), row->fields[i]);
            continue;
        }
        if (im->header[c->id]) {
            bad(im, COL_COUNT, _("columns '%s' and '%s' both mean '%s'"), im->header[c->id],
                row->fields[i], c->header);
            continue;
        }
        im->header[c->id] = text_nfc(row->fields[i]);
        if (!im->header[c->id])
            im->header[c->id] = xstrdup(c->header);
        im->col_of_field[i] = (int)c->id;
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
                bad(im, COL_COUNT, _("the file has no column '%s' (or '%s')"), all[k].header,
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

static void load_values(importer *im, const csv_row *row)
{
    clear_values(im);
    for (size_t i = 0; i < row->n && i < im->ncols; i++) {
        int c = im->col_of_field[i];
        if (c < 0)
            continue;
        char *v = text_nfc(row->fields[i]);
        if (!v) {
            bad(im, (hd_col)c, _("not valid UTF-8 text"));
            continue;
        }
        const char *enc = text_legacy_mojibake(v);
        if (enc)
            bad(im, (hd_col)c,
                _("'%s' looks like %s text typed with a legacy font; retype it in Unicode"), v,
                enc);
        im->val[c] = str_trim(v);
    }
}

/* The value of column c in this row, or NULL when the file lacks the column. */
static const char *val(const importer *im, hd_col c)
{
    return im->header[c] ? (im->val[c] ? im->val[c] : "") : NULL;
}

/* Replaces *field by the column's value when the file has the column. */
static void take_text(importer *im, hd_col c, char **field)
{
    const char *v = val(im, c);
    if (!v)
        return;
    free(*field);
    *field = xstrdup(v);
}

static void take_phone(importer *im, hd_col c, char **field)
{
    hd_err e;
    const char *v = val(im, c);
    if (v && registry_check_phone(v, &e) < 0)
        bad(im, c, "%s", e.msg);
    else
        take_text(im, c, field);
}

static void take_vocab(importer *im, hd_col c, hd_vocab voc, int *field, int allow_empty)
{
    const char *v = val(im, c);
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
        bad(im, c, _("'%s' is not one of: %s"), v, sb_str(&sb));
    else
        bad(im, c, _("required (one of: %s)"), sb_str(&sb));
    sb_free(&sb);
}

static void take_bool(importer *im, hd_col c, int *field)
{
    const char *v = val(im, c);
    if (!v)
        return;
    char *f = text_fold(v);
    if (!*f || !strcmp(f, "0") || !strcmp(f, "khong") || !strcmp(f, "no") || !strcmp(f, "k"))
        *field = 0;
    else if (!strcmp(f, "x") || !strcmp(f, "1") || !strcmp(f, "co") || !strcmp(f, "yes") ||
             !strcmp(f, "c") || !strcmp(f, "dtts"))
        *field = 1;
    else
        bad(im, c, _("'%s' should be x (yes) or empty (no)"), v);
    free(f);
}

static void take_int(importer *im, hd_col c, int *field, int lo, int hi)
{
    const char *v = val(im, c);
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
        bad(im, c, _("'%s' is not a number from %d to %d"), v, lo, hi);
    else
        *field = (int)n;
}

static void take_risks(importer *im, hd_col c, unsigned *field)
{
    const char *v = val(im, c);
    if (!v)
        return;
    unsigned set = 0;
    char *copy = xstrdup(v);
    for (char *w = strtok(copy, ";,/+"); w; w = strtok(NULL, ";,/+")) {
        if (str_empty(w))
            continue;
        int r = model_lookup(VOCAB_RISK, str_trim(w));
        if (r < 0)
            bad(im, c, _("'%s' is not a known risk factor"), w);
        else
            set |= 1u << r;
    }
    free(copy);
    *field = set;
}

/* ---- references to other records ----------------------------------------- */

static int64_t lookup_id(importer *im, const char *sql, const char *a, int64_t b)
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

static int64_t lookup_by_fold(importer *im, const char *table, const char *name)
{
    char *fold = text_fold(name);
    char *sql = xasprintf("SELECT id FROM %s WHERE fold = ?1 AND archived = 0 AND ?2 = 0",
                          table);
    int64_t id = lookup_id(im, sql, fold, 0);
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

static int64_t village_lookup(importer *im, hd_col c, const char *v);

static int64_t village_ref(importer *im, hd_col c)
{
    const char *v = val(im, c);
    if (!v || !*v)
        return 0;
    char *key = xasprintf("village:%s", v);
    int64_t id = ref_cached(im, key);
    if (!id)
        id = ref_remember(im, key, village_lookup(im, c, v));
    free(key);
    return id;
}

static int64_t village_lookup(importer *im, hd_col c, const char *v)
{
    int64_t id = record_id_by_uid(im->db, "village", v);
    if (!id)
        id = lookup_by_fold(im, "village", v);
    if (id < 0)
        bad(im, c, _("more than one village is called '%s'; use its code"), v);
    else if (!id)
        bad(im, c, _("no village '%s' (import the villages first)"), v);
    return id > 0 ? id : 0;
}

static int64_t school_lookup(importer *im, hd_col c, const char *v);

static int64_t school_ref(importer *im, hd_col c)
{
    const char *v = val(im, c);
    if (!v || !*v)
        return 0;
    char *key = xasprintf("school:%s", v);
    int64_t id = ref_cached(im, key);
    if (!id)
        id = ref_remember(im, key, school_lookup(im, c, v));
    free(key);
    return id;
}

static int64_t school_lookup(importer *im, hd_col c, const char *v)
{
    int64_t id = record_id_by_uid(im->db, "school", v);
    if (!id)
        id = lookup_by_fold(im, "school", v);
    if (id < 0)
        bad(im, c, _("more than one school is called '%s'"), v);
    if (id)
        return id > 0 ? id : 0;
    /* Schools are few and named in every children's file: add them. */
    hd_school s = {.name = xstrdup(v)};
    hd_err e;
    if (school_insert(im->db, &s, &e) < 0)
        bad(im, c, "%s", e.msg);
    else
        warn(im, _("new school '%s' added"), v);
    id = s.id;
    school_free(&s);
    return id;
}

/* ---- records seen twice in one file -------------------------------------- */

static size_t seen_slot(const importer *im, int64_t id)
{
    return (size_t)((uint64_t)id * 0x9E3779B97F4A7C15ull >> 20) & (im->seen_cap - 1);
}

static void seen_grow(importer *im);

/* Returns the earlier line that touched id, or 0 (and remembers this one). */
static size_t seen_before(importer *im, int64_t id, size_t line)
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
            seen_before(im, old_id[i], old_line[i]);
    free(old_id);
    free(old_line);
}

/* ---- outcome of a row ------------------------------------------------------ */

/* A stable key from the file: kept as it is, so records moved between
 * databases keep their identity. */
static const char *uid_value(importer *im)
{
    const char *v = val(im, COL_UID);
    if (!v || !*v)
        return NULL;
    size_t n = strlen(v);
    int ok = n < 32;
    for (const char *p = v; ok && *p; p++)
        ok = isalnum((unsigned char)*p) || *p == '-' || *p == '_';
    if (!ok) {
        bad(im, COL_UID, _("'%s' is not a record code"), v);
        return NULL;
    }
    return v;
}

static void save_result(importer *im, int rc, const hd_err *e, int64_t id, int existed,
                        int changed)
{
    if (rc < 0) {
        bad(im, COL_COUNT, "%s", e->msg);
        return;
    }
    size_t first = seen_before(im, id, im->line);
    if (first)
        warn(im, _("the same record as line %zu"), first);
    if (!existed)
        im->stats->added++;
    else if (changed)
        im->stats->updated++;
    else
        im->stats->unchanged++;
}

static int64_t find_by_uid(importer *im, const char *table, const char *uid)
{
    return uid ? record_id_by_uid(im->db, table, uid) : 0;
}

/* ---- villages -------------------------------------------------------------- */

static char *village_print(const hd_village *v)
{
    return xasprintf("%s|%d|%s|%s|%d", v->name, v->kind, v->branch_name,
                     v->branch_secretary, v->archived);
}

static void import_village(importer *im)
{
    const char *uid = uid_value(im);
    const char *name = val(im, COL_V_NAME);
    int64_t id = find_by_uid(im, "village", uid);
    if (!id && !uid && name && *name)
        id = lookup_by_fold(im, "village", name);
    hd_village v = {.kind = VKIND_THON};
    hd_err e;
    if (id < 0) {
        bad(im, COL_V_NAME, _("more than one village is called '%s'; use its code"), name);
        return;
    }
    if (id > 0 && village_get(im->db, id, &v, &e) < 0)
        bad(im, COL_COUNT, "%s", e.msg);
    if (!id && uid)
        snprintf(v.uid, sizeof v.uid, "%s", uid);
    char *before = village_print(&v);
    take_text(im, COL_V_NAME, &v.name);
    take_vocab(im, COL_V_KIND, VOCAB_VILLAGE_KIND, &v.kind, 1);
    take_text(im, COL_V_BRANCH, &v.branch_name);
    take_text(im, COL_V_SECRETARY, &v.branch_secretary);
    take_bool(im, COL_ARCHIVED, &v.archived);
    if (str_empty(v.name))
        bad(im, COL_V_NAME, _("required"));
    char *after = village_print(&v);
    int changed = strcmp(before, after) != 0;
    if (!im->row_bad) {
        int rc = !id ? village_insert(im->db, &v, &e)
                     : changed ? village_update(im->db, &v, &e) : 0;
        save_result(im, rc, &e, v.id, id != 0, changed);
    }
    free(before);
    free(after);
    village_free(&v);
}

/* ---- schools --------------------------------------------------------------- */

static char *school_print(const hd_school *s)
{
    return xasprintf("%s|%s|%s|%d", s->name, s->levels, s->address, s->archived);
}

static void import_school(importer *im)
{
    const char *uid = uid_value(im);
    const char *name = val(im, COL_S_NAME);
    int64_t id = find_by_uid(im, "school", uid);
    if (!id && !uid && name && *name)
        id = lookup_by_fold(im, "school", name);
    hd_school s = {0};
    hd_err e;
    if (id < 0) {
        bad(im, COL_S_NAME, _("more than one school is called '%s'; use its code"), name);
        return;
    }
    if (id > 0 && school_get(im->db, id, &s, &e) < 0)
        bad(im, COL_COUNT, "%s", e.msg);
    if (!id && uid)
        snprintf(s.uid, sizeof s.uid, "%s", uid);
    char *before = school_print(&s);
    take_text(im, COL_S_NAME, &s.name);
    take_text(im, COL_S_LEVELS, &s.levels);
    take_text(im, COL_S_ADDRESS, &s.address);
    take_bool(im, COL_ARCHIVED, &s.archived);
    if (str_empty(s.name))
        bad(im, COL_S_NAME, _("required"));
    char *after = school_print(&s);
    int changed = strcmp(before, after) != 0;
    if (!im->row_bad) {
        int rc = !id ? school_insert(im->db, &s, &e)
                     : changed ? school_update(im->db, &s, &e) : 0;
        save_result(im, rc, &e, s.id, id != 0, changed);
    }
    free(before);
    free(after);
    school_free(&s);
}

/* ---- households ------------------------------------------------------------ */

static char *household_print(const hd_household *h)
{
    return xasprintf("%lld|%s|%s|%s|%d|%s|%d|%s|%d", (long long)h->village_id, h->head_name,
                     h->address, h->phone, h->poverty, h->ethnicity, h->ethnic_minority,
                     h->notes, h->archived);
}

static int64_t household_natural(importer *im, const char *head, int64_t village_id)
{
    char *fold = text_fold(head);
    int64_t id = lookup_id(im, "SELECT id FROM household WHERE fold = ?1 AND village_id = ?2"
                               " AND archived = 0", fold, village_id);
    free(fold);
    return id;
}

static void import_household(importer *im)
{
    const char *uid = uid_value(im);
    const char *head = val(im, COL_H_HEAD);
    int64_t village_id = village_ref(im, COL_H_VILLAGE);
    int64_t id = find_by_uid(im, "household", uid);
    if (!id && !uid && head && *head && village_id)
        id = household_natural(im, head, village_id);
    hd_household h = {0};
    hd_err e;
    if (id < 0) {
        bad(im, COL_H_HEAD, _("two households of this village have the head '%s'; use "
                              "the household code"), head);
        return;
    }
    if (id > 0 && household_get(im->db, id, &h, &e) < 0)
        bad(im, COL_COUNT, "%s", e.msg);
    if (!id && uid)
        snprintf(h.uid, sizeof h.uid, "%s", uid);
    char *before = household_print(&h);
    if (village_id)
        h.village_id = village_id;
    else if (val(im, COL_H_VILLAGE) && !im->row_bad)
        bad(im, COL_H_VILLAGE, _("required"));
    take_text(im, COL_H_HEAD, &h.head_name);
    take_text(im, COL_H_ADDRESS, &h.address);
    take_phone(im, COL_H_PHONE, &h.phone);
    take_vocab(im, COL_H_POVERTY, VOCAB_POVERTY, &h.poverty, 1);
    take_text(im, COL_H_ETHNICITY, &h.ethnicity);
    take_bool(im, COL_H_MINORITY, &h.ethnic_minority);
    take_text(im, COL_H_NOTES, &h.notes);
    take_bool(im, COL_ARCHIVED, &h.archived);
    if (str_empty(h.head_name))
        bad(im, COL_H_HEAD, _("required"));
    char *after = household_print(&h);
    int changed = strcmp(before, after) != 0;
    if (!im->row_bad) {
        int rc = !id ? household_insert(im->db, &h, &e)
                     : changed ? household_update(im->db, &h, &e) : 0;
        save_result(im, rc, &e, h.id, id != 0, changed);
    }
    free(before);
    free(after);
    household_free(&h);
}

/* ---- children -------------------------------------------------------------- */

static char *child_print(const hd_child *c)
{
    return xasprintf("%lld|%s|%d|%d|%s|%s|%d|%lld|%d|%d|%s|%u|%s|%s|%d",
                     (long long)c->household_id, c->full_name, c->sex, c->birth_year,
                     c->birth_date, c->ethnicity, c->ethnic_minority, (long long)c->school_id,
                     c->level, c->grade, c->class_name, c->risk, c->risk_other, c->notes,
                     c->archived);
}

/* The household named by the row: its code, or its head and village. */
static int64_t child_household(importer *im)
{
    const char *code = val(im, COL_C_HOUSEHOLD_UID);
    if (code && *code) {
        int64_t id = record_id_by_uid(im->db, "household", code);
        if (!id)
            bad(im, COL_C_HOUSEHOLD_UID, _("no household with code '%s'"), code);
        return id;
    }
    const char *head = val(im, COL_C_HEAD);
    if (!head || !*head)
        return 0;
    int64_t village = village_ref(im, COL_C_VILLAGE);
    if (!village) {
        if (!val(im, COL_C_VILLAGE) || !*val(im, COL_C_VILLAGE))
            bad(im, COL_C_VILLAGE, _("required to find the household of '%s'"), head);
        return 0;
    }
    int64_t id = household_natural(im, head, village);
    if (id < 0)
        bad(im, COL_C_HEAD, _("two households of this village have the head '%s'; use "
                              "the household code"), head);
    else if (!id)
        bad(im, COL_C_HEAD, _("no household with head '%s' in this village (import "
                              "the households first)"), head);
    return id > 0 ? id : 0;
}

static int64_t child_natural(importer *im, const char *name, int year, int64_t household)
{
    sqlite3_stmt *st = db_prepare(im->db,
        "SELECT id, full_name = ?1 FROM child WHERE fold = ?2 AND birth_year = ?3"
        " AND household_id IS ?4 AND archived = 0 ORDER BY id");
    char *fold = text_fold(name);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, fold, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, year);
    db_bind_id(st, 4, household);
    int64_t exact = 0, similar = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (sqlite3_column_int(st, 1) && !exact)
            exact = sqlite3_column_int64(st, 0);
        else if (!similar)
            similar = sqlite3_column_int64(st, 0);
    }
    db_finish(im->db, st);
    free(fold);
    if (!exact && similar) {
        hd_child other;
        if (child_get(im->db, similar, &other, NULL) == 0) {
            warn(im,
                 _("possible duplicate of %s '%s' (born %d, same household); imported as a "
                   "new child"),
                 other.uid, other.full_name, year);
            child_free(&other);
        }
    }
    return exact;
}

/* The birth year and (when the file gives the day) ISO date; year 0 when the
 * file has no birth column. */
static void child_birth(importer *im, int *year, char iso[11])
{
    const char *v = val(im, COL_C_BIRTH);
    *year = 0;
    iso[0] = '\0';
    if (!v)
        return;
    int has_day = 0;
    hd_date d;
    hd_err e;
    if (!*v)
        bad(im, COL_C_BIRTH, _("required (dd/mm/yyyy or the year)"));
    else if (date_parse_birth(v, year, &d, &has_day, &e) < 0)
        bad(im, COL_C_BIRTH, "%s", e.msg);
    else if (has_day)
        date_iso(d, iso);
}

static void child_fields(importer *im, hd_child *c)
{
    take_text(im, COL_C_NAME, &c->full_name);
    take_vocab(im, COL_C_SEX, VOCAB_SEX, &c->sex, c->id != 0);
    take_text(im, COL_C_ETHNICITY, &c->ethnicity);
    take_bool(im, COL_C_MINORITY, &c->ethnic_minority);
    if (val(im, COL_C_SCHOOL))
        c->school_id = school_ref(im, COL_C_SCHOOL);
    if (val(im, COL_C_LEVEL) && !*val(im, COL_C_LEVEL))
        c->level = -1;
    else
        take_vocab(im, COL_C_LEVEL, VOCAB_LEVEL, &c->level, 0);
    take_int(im, COL_C_GRADE, &c->grade, 1, 12);
    take_text(im, COL_C_CLASS, &c->class_name);
    take_risks(im, COL_C_RISK, &c->risk);
    take_text(im, COL_C_RISK_OTHER, &c->risk_other);
    take_text(im, COL_C_NOTES, &c->notes);
    take_bool(im, COL_ARCHIVED, &c->archived);
    if (str_empty(c->full_name))
        bad(im, COL_C_NAME, _("required"));
}

/* The status the row asks for, and since when; -1 when the row names none. */
static int child_status_wanted(importer *im, char since[11])
{
    int status = -1;
    take_vocab(im, COL_C_STATUS, VOCAB_STATUS, &status, 1);
    const char *v = val(im, COL_C_STATUS_DATE);
    hd_date d = date_today();
    hd_err e;
    if (v && *v && date_parse(v, &d, &e) < 0)
        bad(im, COL_C_STATUS_DATE, "%s", e.msg);
    else if (date_cmp(d, date_today()) > 0)
        bad(im, COL_C_STATUS_DATE, _("%s is in the future"), v);
    else if (!v || !*v) {
        /* Enrolled with no date: since the start of this school year, so the
         * year's figures count the child from its beginning. */
        if (status < 0 || status == STATUS_ENROLLED)
            d = (hd_date){date_school_year(d, im->start_month), im->start_month, 1};
    }
    date_iso(d, since);
    return status;
}

static void save_child(importer *im, hd_child *c, int existed, int changed, int status,
                       const char *since)
{
    hd_err e;
    int rc = 0;
    if (!existed) {
        rc = child_insert(im->db, c, status < 0 ? STATUS_ENROLLED : status, since, "",
                          "import", &e);
    } else {
        if (changed)
            rc = child_update(im->db, c, &e);
        if (rc == 0 && status >= 0 && status != c->status) {
            char *why = xasprintf("Cập nhật từ tệp %s", im->path);
            rc = child_set_status(im->db, c->id, status, since, why, "import", &e);
            free(why);
            changed = 1;
        }
    }
    save_result(im, rc, &e, c->id, existed, changed);
}

static void import_child(importer *im)
{
    const char *uid = uid_value(im);
    hd_child c = {.level = -1, .sex = -1};
    hd_err e;
    int64_t household = child_household(im);
    int year;
    char birth[11];
    child_birth(im, &year, birth);
    int64_t id = find_by_uid(im, "child", uid);
    const char *name = val(im, COL_C_NAME);
    if (!id && !uid && name && *name && year && !im->row_bad)
        id = child_natural(im, name, year, household);
    if (id > 0 && child_get(im->db, id, &c, &e) < 0)
        bad(im, COL_COUNT, "%s", e.msg);
    if (!id && uid)
        snprintf(c.uid, sizeof c.uid, "%s", uid);
    /* a new child is compared with nothing */
    char *before = id ? child_print(&c) : NULL;
    if (year) {
        c.birth_year = year;
        memcpy(c.birth_date, birth, sizeof birth);
    }
    if (val(im, COL_C_HOUSEHOLD_UID) || val(im, COL_C_HEAD))
        c.household_id = household;
    child_fields(im, &c);
    char since[11];
    int status = child_status_wanted(im, since);
    char *after = id ? child_print(&c) : NULL;
    if (!im->row_bad)
        save_child(im, &c, id != 0, id && strcmp(before, after) != 0, status, since);
    free(before);
    free(after);
    child_free(&c);
}

/* ---- members --------------------------------------------------------------- */

static char *member_print(const hd_member *m)
{
    return xasprintf("%s|%d|%d|%lld|%lld|%s|%s|%d", m->full_name, m->org, m->committee_role,
                     (long long)m->village_id, (long long)m->school_id, m->phone, m->login,
                     m->archived);
}

static void import_member(importer *im)
{
    const char *uid = uid_value(im);
    const char *name = val(im, COL_M_NAME);
    int64_t id = find_by_uid(im, "member", uid);
    if (!id && !uid && name && *name)
        id = lookup_by_fold(im, "member", name);
    hd_member m = {.org = ORG_COMMUNE, .committee_role = CROLE_MEMBER};
    hd_err e;
    if (id < 0) {
        bad(im, COL_M_NAME, _("two members are called '%s'; use the member code"), name);
        return;
    }
    if (id > 0 && member_get(im->db, id, &m, &e) < 0)
        bad(im, COL_COUNT, "%s", e.msg);
    if (!id && uid)
        snprintf(m.uid, sizeof m.uid, "%s", uid);
    char *before = member_print(&m);
    take_text(im, COL_M_NAME, &m.full_name);
    take_vocab(im, COL_M_ORG, VOCAB_ORG, &m.org, 1);
    take_vocab(im, COL_M_ROLE, VOCAB_CROLE, &m.committee_role, 1);
    if (val(im, COL_M_VILLAGE))
        m.village_id = village_ref(im, COL_M_VILLAGE);
    if (val(im, COL_M_SCHOOL))
        m.school_id = school_ref(im, COL_M_SCHOOL);
    take_phone(im, COL_M_PHONE, &m.phone);
    take_text(im, COL_M_LOGIN, &m.login);
    take_bool(im, COL_ARCHIVED, &m.archived);
    if (str_empty(m.full_name))
        bad(im, COL_M_NAME, _("required"));
    char *after = member_print(&m);
    int changed = strcmp(before, after) != 0;
    if (!im->row_bad) {
        int rc = !id ? member_insert(im->db, &m, &e)
                     : changed ? member_update(im->db, &m, &e) : 0;
        save_result(im, rc, &e, m.id, id != 0, changed);
    }
    free(before);
    free(after);
    member_free(&m);
}

/* ---- the driver ------------------------------------------------------------ */

static int required_columns(importer *im)
{
    static const hd_col villages[] = {COL_V_NAME};
    static const hd_col households[] = {COL_H_HEAD, COL_H_VILLAGE};
    static const hd_col children[] = {COL_C_NAME, COL_C_BIRTH};
    static const hd_col members[] = {COL_M_NAME};
    static const hd_col schools[] = {COL_S_NAME};
    switch (im->table) {
    case TABLE_VILLAGES: return need_columns(im, villages, HD_ARRAY_LEN(villages));
    case TABLE_HOUSEHOLDS: return need_columns(im, households, HD_ARRAY_LEN(households));
    case TABLE_CHILDREN: return need_columns(im, children, HD_ARRAY_LEN(children));
    case TABLE_MEMBERS: return need_columns(im, members, HD_ARRAY_LEN(members));
    case TABLE_SCHOOLS: return need_columns(im, schools, HD_ARRAY_LEN(schools));
    default: return -1;
    }
}

static void import_row(importer *im)
{
    switch (im->table) {
    case TABLE_VILLAGES: import_village(im); break;
    case TABLE_HOUSEHOLDS: import_household(im); break;
    case TABLE_CHILDREN: import_child(im); break;
    case TABLE_MEMBERS: import_member(im); break;
    case TABLE_SCHOOLS: import_school(im); break;
    default: break;
    }
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
            if (map_header(im, &row) < 0 || required_columns(im) < 0)
                return 0;
            continue;
        }
        im->stats->rows++;
        load_values(im, &row);
        if (!im->row_bad)
            import_row(im);
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

int import_csv(hd_db *db, hd_table table, const char *path, int dry_run,
               int school_year_start_month, hd_import_stats *stats, hd_msgs *errors,
               hd_msgs *warnings, hd_err *err)
{
    memset(stats, 0, sizeof *stats);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return hd_fail(err, _("%s: cannot open: %s"), path, strerror(errno));
    if (check_encoding(fp, path, err) < 0) {
        fclose(fp);
        return -1;
    }
    importer im = {.db = db, .table = table, .path = path,
                   .start_month = school_year_start_month, .errors = errors,
                   .warnings = warnings, .stats = stats};
    int tok = db_write_begin(db, err);
    if (tok < 0) {
        fclose(fp);
        return -1;
    }
    /* Bulk mode: the audit and search rows of new records are written
     * set-wise at the end, inside the same transaction. */
    int bulk = db_bulk_begin(db, err) == 0;
    csv_reader *rd = csv_reader_new(fp, path);
    read_rows(&im, rd, err);
    csv_reader_free(rd);
    fclose(fp);
    importer_free(&im);
    if (!bulk || db_bulk_end(db, err) < 0)
        msgs_add(errors, "%s: %s", path, err->msg);
    int ok = errors->n == 0;
    int rc = db_write_end(db, tok, ok && !dry_run, err);
    if (!ok)
        return -1;
    return dry_run ? 0 : rc;
}
