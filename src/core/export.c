/* export.c — registry tables to CSV, in the columns of columns.c. */
#include "core/export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/print_xlsx.h"

/* One SELECT per table whose result columns are, in order, the values of
 * columns_of(table) — as text ready to write, except the coded columns that
 * code_to_label() turns into Vietnamese labels. */
static const char *const export_sql[TABLE_COUNT] = {
    [TABLE_VILLAGES] =
        "SELECT uid, name, kind, branch_name, branch_secretary, archived"
        " FROM village ORDER BY sort_key, id",
    [TABLE_HOUSEHOLDS] =
        "SELECT h.uid, h.head_name, v.name, h.address, h.phone, h.poverty, h.ethnicity,"
        " h.ethnic_minority, h.notes, h.archived"
        " FROM household h JOIN village v ON v.id = h.village_id"
        " ORDER BY v.sort_key, h.sort_key, h.id",
    [TABLE_CHILDREN] =
        "SELECT c.uid, c.full_name, c.sex, coalesce(c.birth_date, c.birth_year),"
        " coalesce(h.uid, ''), coalesce(h.head_name, ''), coalesce(v.name, ''), c.ethnicity,"
        " c.ethnic_minority, coalesce(s.name, ''), coalesce(c.level, ''),"
        " coalesce(c.grade, ''), c.class_name, c.status, coalesce(c.status_date, ''),"
        " c.risk, c.risk_other, c.notes, c.archived,"
        " coalesce((SELECT value FROM child_ident WHERE child_id = c.id"
        " AND kind = 'pupil_code'), ''),"
        " coalesce((SELECT value FROM child_ident WHERE child_id = c.id AND kind = 'pid'), '')"
        " FROM child c LEFT JOIN household h ON h.id = c.household_id"
        " LEFT JOIN village v ON v.id = h.village_id"
        " LEFT JOIN school s ON s.id = c.school_id"
        " ORDER BY v.sort_key, c.sort_key, c.id",
    [TABLE_MEMBERS] =
        "SELECT m.uid, m.full_name, m.org, m.committee_role, coalesce(v.name, ''),"
        " coalesce(s.name, ''), m.phone, coalesce(m.login, ''), m.archived"
        " FROM member m LEFT JOIN village v ON v.id = m.village_id"
        " LEFT JOIN school s ON s.id = m.school_id ORDER BY m.sort_key, m.id",
    [TABLE_SCHOOLS] =
        "SELECT uid, name, levels, address, archived FROM school ORDER BY sort_key, id",
    [TABLE_ATTENDANCE] =
        "SELECT c.uid, c.full_name, coalesce(c.birth_date, c.birth_year), coalesce(s.name, ''),"
        " c.class_name, a.month, a.school_days, a.absent_excused, a.absent_unexcused,"
        " a.consecutive, a.repeating"
        " FROM attendance a JOIN child c ON c.id = a.child_id"
        " LEFT JOIN school s ON s.id = c.school_id WHERE a.archived = 0"
        " ORDER BY a.month, s.sort_key, c.class_name, c.sort_key, c.id",
};

static char *risk_labels(unsigned risk)
{
    strbuf sb = {0};
    for (int r = 0; r < RISK_COUNT; r++)
        if (risk & (1u << r))
            sb_addf(&sb, "%s%s", sb.len ? "; " : "", model_label(VOCAB_RISK, r, "vi"));
    return sb_detach(&sb);
}

static char *iso_to_vn(const char *iso)
{
    hd_date d;
    if (strlen(iso) == 10 && date_parse(iso, &d, NULL) == 0) {
        char buf[11];
        date_vn(d, buf);
        return xstrdup(buf);
    }
    return xstrdup(iso); /* a bare year stays as it is */
}

/* The text to write for column c with the raw value v. */
static char *cell(hd_col c, sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    v = v ? v : "";
    int idx;
    switch (c) {
    case COL_V_KIND: idx = model_from_code(VOCAB_VILLAGE_KIND, v); break;
    case COL_H_POVERTY: idx = model_from_code(VOCAB_POVERTY, v); break;
    case COL_C_SEX: idx = model_from_code(VOCAB_SEX, v); break;
    case COL_C_STATUS: idx = model_from_code(VOCAB_STATUS, v); break;
    case COL_M_ORG: idx = model_from_code(VOCAB_ORG, v); break;
    case COL_M_ROLE: idx = model_from_code(VOCAB_CROLE, v); break;
    case COL_C_LEVEL:
        return xstrdup(*v ? model_label(VOCAB_LEVEL, model_from_code(VOCAB_LEVEL, v), "vi") : "");
    case COL_H_MINORITY:
    case COL_C_MINORITY:
    case COL_ARCHIVED: return xstrdup(sqlite3_column_int(st, i) ? "x" : "");
    case COL_C_RISK: return risk_labels((unsigned)sqlite3_column_int(st, i));
    case COL_C_BIRTH:
    case COL_C_STATUS_DATE: return iso_to_vn(v);
    case COL_A_REPEATING: return xstrdup(sqlite3_column_int(st, i) ? "x" : "");
    case COL_A_MONTH: /* 2026-10 -> 10/2026, as the sheets write it */
        return strlen(v) == 7 ? xasprintf("%.2s/%.4s", v + 5, v) : xstrdup(v);
    default: return xstrdup(v);
    }
    switch (c) {
    case COL_V_KIND: return xstrdup(model_label(VOCAB_VILLAGE_KIND, idx, "vi"));
    case COL_H_POVERTY: return xstrdup(model_label(VOCAB_POVERTY, idx, "vi"));
    case COL_C_SEX: return xstrdup(model_label(VOCAB_SEX, idx, "vi"));
    case COL_C_STATUS: return xstrdup(model_label(VOCAB_STATUS, idx, "vi"));
    case COL_M_ORG: return xstrdup(model_label(VOCAB_ORG, idx, "vi"));
    default: return xstrdup(model_label(VOCAB_CROLE, idx, "vi"));
    }
}

/* Each row of the table, as the text its columns export, to row_fn: in one
 * read transaction, so the file is a consistent snapshot even while others
 * save.  The row count, or -1 with err. */
typedef void (*export_row_fn)(void *ctx, const char *const *cells, size_t n);

static long export_rows(hd_db *db, hd_table table, export_row_fn row_fn, void *ctx,
                        hd_err *err)
{
    size_t n;
    const hd_column *cols = columns_of(table, &n);
    char **cells = xcalloc(n, sizeof *cells);
    sqlite3_exec(db_sql(db), "BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *st = db_prepare(db, export_sql[table]);
    long rows = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (size_t i = 0; i < n; i++)
            cells[i] = cell(cols[i].id, st, (int)i);
        row_fn(ctx, (const char *const *)cells, n);
        for (size_t i = 0; i < n; i++)
            free(cells[i]);
        rows++;
    }
    if (rc != SQLITE_DONE)
        rows = db_fail(db, err, _("exporting"));
    db_finish(db, st);
    sqlite3_exec(db_sql(db), "COMMIT", NULL, NULL, NULL);
    free(cells);
    return rows;
}

/* The header texts of the table's columns (caller frees the array). */
static const char **export_headers(hd_table table, size_t *n)
{
    const hd_column *cols = columns_of(table, n);
    const char **fields = xcalloc(*n, sizeof *fields);
    for (size_t i = 0; i < *n; i++)
        fields[i] = cols[i].header;
    return fields;
}

static void export_csv_row(void *ctx, const char *const *cells, size_t n)
{
    csv_write_row(ctx, cells, n);
}

long export_csv(hd_db *db, hd_table table, FILE *fp, hd_err *err)
{
    size_t n;
    const char **fields = export_headers(table, &n);
    csv_write_bom(fp);
    csv_write_row(fp, fields, n);
    free(fields);
    return export_rows(db, table, export_csv_row, fp, err);
}

static unsigned char kind_of(hd_col c)
{
    switch (c) {
    case COL_C_BIRTH:
    case COL_C_STATUS_DATE: return DOC_DATE;
    case COL_C_GRADE: return DOC_NUMBER;
    default: return DOC_TEXT;
    }
}

typedef struct xlsx_rows {
    xlsx_out *x;
    const unsigned char *kinds;
} xlsx_rows;

static void export_xlsx_row(void *ctx, const char *const *cells, size_t n)
{
    (void)n;
    xlsx_rows *r = ctx;
    xout_row(r->x, cells, r->kinds);
}

long export_xlsx_file(hd_db *db, hd_table table, const char *path, hd_err *err)
{
    size_t n;
    const hd_column *cols = columns_of(table, &n);
    const char **fields = export_headers(table, &n);
    unsigned char *kinds = xcalloc(n, 1);
    for (size_t i = 0; i < n; i++)
        kinds[i] = kind_of(cols[i].id);
    xlsx_out *x = xout_open(path, columns_table_name(table), 1, err);
    if (!x) {
        free(fields);
        free(kinds);
        return -1;
    }
    xout_titles(x, (int)n, fields);
    free(fields);
    xlsx_rows r = {x, kinds};
    long rows = export_rows(db, table, export_xlsx_row, &r, err);
    free(kinds);
    hd_err e2;
    if (xout_close(x, NULL, &e2) < 0 && rows >= 0)
        rows = hd_fail(err, "%s", e2.msg);
    return rows;
}

long export_csv_file(hd_db *db, hd_table table, const char *path, hd_err *err)
{
    char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
    FILE *fp = fopen(tmp, "wb");
    if (!fp) {
        hd_fail(err, _("%s: cannot write: %s"), path, strerror(errno));
        free(tmp);
        return -1;
    }
    long rows = export_csv(db, table, fp, err);
    int werr = ferror(fp) | (fflush(fp) != 0) | (fsync(fileno(fp)) != 0);
    werr |= fclose(fp) != 0;
    if (rows >= 0 && werr)
        rows = hd_fail(err, _("%s: cannot write: %s"), path, strerror(errno));
    if (rows >= 0 && rename(tmp, path) != 0)
        rows = hd_fail(err, _("%s: cannot write: %s"), path, strerror(errno));
    if (rows < 0)
        unlink(tmp);
    free(tmp);
    return rows;
}
