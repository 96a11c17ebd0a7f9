/* lists.c — keyset-paged lists over the registry.
 *
 * A page is two queries in one: an inner query finds the ids of the page (in
 * the sort order, after the cursor, LIMIT n) touching as little as it can;
 * the outer one fetches the display columns of those few rows only.
 *
 * The inner query takes one of two shapes, chosen per call:
 *  - "scan": walk the sort index from the cursor, testing each row (fast
 *    when many rows pass: a page is found after a few hundred entries);
 *  - "drive": when one filter yields a small candidate set (a household, a
 *    village, a rare status, a rare search word), start from that set and
 *    sort it.  The sets are measured (counts capped at DRIVE_CAP) rather
 *    than guessed: the database has no statistics (no ANALYZE); see
 *    lq_choose for the cost model.
 * Search text: the rarest word's ids come from search_word (search.h); every
 * word is then checked on the row's folded name, which is what the index
 * holds word by word, so the matches are exactly search_run's.
 * Filters are written so that an unused one costs nothing ("?n = 0 OR ...")
 * and the SQL text depends only on the kind, sort, direction, shape and
 * number of search words: few distinct statements for db_prepare's cache. */
#include "core/lists.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/search.h"

/* Parameters of every list query, by number. */
enum {
    P_HOUSEHOLD = 1, P_VILLAGE, P_LEVEL, P_STATUS, P_AT_RISK, P_MINORITY, P_POOR,
    P_ARCHIVED, P_LIMIT, P_CUR_NUM, P_CUR_KEY, P_CUR_ID, P_CUR_TEXT, P_DRIVE_STATUS,
    P_DRIVE_WORD = 15, /* and 16: the rarest word's range */
    P_INSTR = 40,      /* 40..47: " word", to test a row's folded name */
};

/* Candidate sets are counted up to this size; a larger one never drives. */
#define DRIVE_CAP 20000

typedef enum { DRIVE_NONE, DRIVE_HOUSEHOLD, DRIVE_VILLAGE, DRIVE_STATUS, DRIVE_WORD,
               DRIVE_N } lq_drive;

typedef void (*row_format)(sqlite3_stmt *st, hd_list_row *r, const char *lang);

typedef struct kind_spec {
    const char *table;
    const char *sort_index;      /* the (sort_key) index; NULL for small tables */
    int ref_kind;                /* kind in search_word; -1: not indexed */
    unsigned sorts;              /* bit per hd_list_sort besides NAME */
    const char *joins;           /* after "table t"; v = the village when any */
    const char *filters;         /* param-neutral WHERE terms on t */
    const char *cols;            /* display columns, from column 5 on */
    const char *drive[DRIVE_N];  /* candidate ids per driver; NULL = none */
    const char *size[DRIVE_N];   /* cheaper SQL of as many rows or more; NULL = drive */
    row_format format;
    int ncols;
    const char *vi[LIST_MAX_COLS];
    const char *en[LIST_MAX_COLS];
    int widths[LIST_MAX_COLS];
} kind_spec;

static void fmt_village(sqlite3_stmt *st, hd_list_row *r, const char *lang);
static void fmt_household(sqlite3_stmt *st, hd_list_row *r, const char *lang);
static void fmt_child(sqlite3_stmt *st, hd_list_row *r, const char *lang);
static void fmt_member(sqlite3_stmt *st, hd_list_row *r, const char *lang);
static void fmt_school(sqlite3_stmt *st, hd_list_row *r, const char *lang);

#define BIT(s) (1u << (s))
#define OF_CHILDREN(cond) "(SELECT 1 FROM child x WHERE x.household_id = t.id" \
                          " AND x.archived = 0 AND " cond ")"
#define ARCHIVED "(?8 OR t.archived = 0)"

static const kind_spec kinds[LIST_COUNT] = {
    [LIST_VILLAGES] = {
        "village", NULL, 3, 0, "",
        "(?2 = 0 OR t.id = ?2) AND " ARCHIVED,
        "t.name, t.kind, t.branch_name, t.branch_secretary,"
        " (SELECT count(*) FROM household y WHERE y.village_id = t.id AND y.archived = 0),"
        " (SELECT count(*) FROM household y JOIN child x ON x.household_id = y.id"
        "  WHERE y.village_id = t.id AND x.archived = 0)",
        {[DRIVE_VILLAGE] = "SELECT ?2"},
        {0},
        fmt_village, 6,
        {"Tên thôn", "Loại", "Chi bộ", "Bí thư", "Số hộ", "Số trẻ"},
        {"Village", "Kind", "Party branch", "Secretary", "Households", "Children"},
        {16, 10, 16, 18, 6, 6}},
    [LIST_HOUSEHOLDS] = {
        "household", "household_sort", 1, BIT(SORT_VILLAGE),
        "LEFT JOIN village v ON v.id = t.village_id",
        "(?1 = 0 OR t.id = ?1) AND (?2 = 0 OR t.village_id = ?2)"
        " AND ((?3 IS NULL AND ?4 IS NULL AND ?5 = 0) OR EXISTS " OF_CHILDREN(
            "(?3 IS NULL OR x.level = ?3) AND (?4 IS NULL OR x.status = ?4)"
            " AND (?5 = 0 OR x.status = 'at_risk')") ")"
        " AND (?6 = 0 OR t.ethnic_minority = 1)"
        " AND (?7 = 0 OR t.poverty = 'poor' OR (?7 = 2 AND t.poverty = 'near_poor'))"
        " AND " ARCHIVED,
        "t.head_name, coalesce(v.name, ''), t.address, t.poverty, t.ethnicity,"
        " (SELECT count(*) FROM child x WHERE x.household_id = t.id AND x.archived = 0),"
        " EXISTS " OF_CHILDREN("x.status = 'at_risk'"),
        {[DRIVE_HOUSEHOLD] = "SELECT ?1",
         [DRIVE_VILLAGE] = "SELECT id FROM household WHERE village_id = ?2",
         [DRIVE_STATUS] = "SELECT household_id FROM child WHERE status = ?14"},
        /* the children themselves: read from the index alone */
        {[DRIVE_STATUS] = "SELECT id FROM child WHERE status = ?14"},
        fmt_household, 6,
        {"Chủ hộ", "Thôn", "Địa chỉ", "Hộ nghèo", "Dân tộc", "Số trẻ"},
        {"Head", "Village", "Address", "Poverty", "Ethnicity", "Children"},
        {22, 14, 12, 12, 8, 6}},
    [LIST_CHILDREN] = {
        "child", "child_sort", 0, BIT(SORT_VILLAGE) | BIT(SORT_BIRTH) | BIT(SORT_STATUS),
        "LEFT JOIN household h ON h.id = t.household_id"
        " LEFT JOIN village v ON v.id = h.village_id",
        /* only t here, so that an unfiltered count needs no join */
        "(?1 = 0 OR t.household_id = ?1)"
        " AND (?2 = 0 OR t.household_id IN (SELECT id FROM household WHERE village_id = ?2))"
        " AND (?3 IS NULL OR t.level = ?3) AND (?4 IS NULL OR t.status = ?4)"
        " AND (?5 = 0 OR t.status = 'at_risk') AND (?6 = 0 OR t.ethnic_minority = 1)"
        " AND (?7 = 0 OR EXISTS (SELECT 1 FROM household y WHERE y.id = t.household_id"
        "  AND (y.poverty = 'poor' OR (?7 = 2 AND y.poverty = 'near_poor'))))"
        " AND " ARCHIVED,
        "t.full_name, t.birth_year, t.class_name, t.grade, coalesce(v.name, ''), t.status,"
        " t.risk",
        {[DRIVE_HOUSEHOLD] = "SELECT id FROM child WHERE household_id = ?1",
         [DRIVE_VILLAGE] = "SELECT x.id FROM household y JOIN child x"
                           " ON x.household_id = y.id WHERE y.village_id = ?2",
         [DRIVE_STATUS] = "SELECT id FROM child WHERE status = ?14"},
        {0},
        fmt_child, 6,
        {"Họ và tên", "Năm sinh", "Lớp", "Thôn", "Tình trạng", "Nguy cơ"},
        {"Name", "Born", "Class", "Village", "Status", "Risks"},
        {22, 8, 5, 14, 14, 11}},
    [LIST_MEMBERS] = {
        "member", "member_sort", 2, BIT(SORT_VILLAGE),
        "LEFT JOIN village v ON v.id = t.village_id",
        "(?2 = 0 OR t.village_id = ?2) AND " ARCHIVED,
        "t.full_name, t.org, t.committee_role, coalesce(v.name, ''), t.phone",
        {0},
        {0},
        fmt_member, 5,
        {"Họ và tên", "Đơn vị", "Chức vụ", "Thôn", "Điện thoại"},
        {"Name", "Organisation", "Role", "Village", "Phone"},
        {22, 17, 11, 14, 11}},
    [LIST_SCHOOLS] = {
        "school", NULL, -1, 0, "",
        "(?3 IS NULL OR instr(',' || t.levels || ',', ',' || ?3 || ',') > 0) AND " ARCHIVED,
        "t.name, t.levels, t.address",
        {0},
        {0},
        fmt_school, 3,
        {"Tên trường", "Cấp học", "Địa chỉ"},
        {"School", "Levels", "Address"},
        {32, 22, 22}},
};

/* Each order as a tuple of keys, the cursor's tuple in the same terms, and
 * the row's sort_num.  VILLAGE: the cursor holds the village id and finds
 * its key again (?13: the key when there is no such village). */
static const struct sort_spec {
    int nkeys;
    const char *keys[4];
    const char *cursor;
    const char *num;
} sort_specs[] = {
    [SORT_NAME] = {2, {"t.sort_key", "t.id"}, "?11, ?12", "0"},
    [SORT_VILLAGE] = {4, {"coalesce(v.sort_key, char(127))", "coalesce(v.id, 0)",
                          "t.sort_key", "t.id"},
                      "coalesce((SELECT sort_key FROM village WHERE id = ?10), ?13), ?10, ?11, ?12",
                      "coalesce(v.id, 0)"},
    [SORT_BIRTH] = {3, {"t.birth_year", "t.sort_key", "t.id"}, "?10, ?11, ?12", "t.birth_year"},
    [SORT_STATUS] = {3, {"t.status", "t.sort_key", "t.id"}, "?13, ?11, ?12", "0"},
};

/* Sentinels of the cursor at either end: sort keys are printable ASCII and
 * \x01, so "" is below every key and "\x7f\x7f" above (and above char(127),
 * the key of "no village"). */
#define KEY_TOP ""
#define KEY_BOTTOM "\x7f\x7f"
#define KEY_NO_VILLAGE "\x7f"

/* One list query being prepared. */
typedef struct lq {
    const kind_spec *ks;
    hd_list_sort s;
    hd_list_filter f;
    char **words;
    size_t nwords;
    lq_drive drive;
    size_t dword;   /* the rarest word: its ids drive or are probed */
    int empty;      /* a search word matches nothing */
} lq;

void list_filter_init(hd_list_filter *f)
{
    memset(f, 0, sizeof *f);
    f->level = -1;
    f->status = -1;
}

int list_sort_supported(hd_list_kind k, hd_list_sort s)
{
    if ((unsigned)k >= LIST_COUNT || (unsigned)s > SORT_STATUS)
        return 0;
    return s == SORT_NAME || (kinds[k].sorts & BIT(s)) != 0;
}

const char *const *list_headers(hd_list_kind k, const char *lang, int *ncols)
{
    if ((unsigned)k >= LIST_COUNT)
        k = LIST_CHILDREN;
    if (ncols)
        *ncols = kinds[k].ncols;
    return (lang && strcmp(lang, "en") == 0) ? kinds[k].en : kinds[k].vi;
}

const int *list_widths(hd_list_kind k)
{
    return kinds[(unsigned)k < LIST_COUNT ? k : LIST_CHILDREN].widths;
}

void list_row_free(hd_list_row *r)
{
    if (!r)
        return;
    for (int i = 0; i < LIST_MAX_COLS; i++)
        free(r->cols[i]);
    free(r->sort_key);
    memset(r, 0, sizeof *r);
}

/* ---- formatting ------------------------------------------------------ */

static const char *col_str(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

static char *col_label(sqlite3_stmt *st, int i, hd_vocab v, const char *lang)
{
    return xstrdup(model_label(v, model_from_code(v, col_str(st, i)), lang));
}

static char *col_num(sqlite3_stmt *st, int i)
{
    return xasprintf("%lld", (long long)sqlite3_column_int64(st, i));
}

static void fmt_village(sqlite3_stmt *st, hd_list_row *r, const char *lang)
{
    r->cols[0] = xstrdup(col_str(st, 5));
    r->cols[1] = col_label(st, 6, VOCAB_VILLAGE_KIND, lang);
    r->cols[2] = xstrdup(col_str(st, 7));
    r->cols[3] = xstrdup(col_str(st, 8));
    r->cols[4] = col_num(st, 9);
    r->cols[5] = col_num(st, 10);
}

static void fmt_household(sqlite3_stmt *st, hd_list_row *r, const char *lang)
{
    r->cols[0] = xstrdup(col_str(st, 5));
    r->cols[1] = xstrdup(col_str(st, 6));
    r->cols[2] = xstrdup(col_str(st, 7));
    /* blank rather than "Không": the column should catch the eye when set */
    int pov = model_from_code(VOCAB_POVERTY, col_str(st, 8));
    r->cols[3] = xstrdup(pov > POVERTY_NONE ? model_label(VOCAB_POVERTY, pov, lang) : "");
    r->cols[4] = xstrdup(col_str(st, 9));
    r->cols[5] = col_num(st, 10);
    r->flag = sqlite3_column_int(st, 11);
}

/* The labels of the risk factors in the bit set, comma-separated. */
static char *risk_labels(unsigned risk, const char *lang)
{
    strbuf sb = {0};
    for (int i = 0; i < RISK_COUNT; i++)
        if (risk & (1u << i))
            sb_addf(&sb, "%s%s", sb.len ? ", " : "", model_label(VOCAB_RISK, i, lang));
    return sb.buf ? sb_detach(&sb) : xstrdup("");
}

static void fmt_child(sqlite3_stmt *st, hd_list_row *r, const char *lang)
{
    r->cols[0] = xstrdup(col_str(st, 5));
    r->cols[1] = col_num(st, 6);
    const char *cls = col_str(st, 7);
    int grade = sqlite3_column_int(st, 8);
    r->cols[2] = *cls || grade <= 0 ? xstrdup(cls) : xasprintf("%d", grade);
    r->cols[3] = xstrdup(col_str(st, 9));
    int status = model_from_code(VOCAB_STATUS, col_str(st, 10));
    r->cols[4] = xstrdup(model_label(VOCAB_STATUS, status, lang));
    r->cols[5] = risk_labels((unsigned)sqlite3_column_int64(st, 11), lang);
    r->flag = status == STATUS_AT_RISK;
}

static void fmt_member(sqlite3_stmt *st, hd_list_row *r, const char *lang)
{
    r->cols[0] = xstrdup(col_str(st, 5));
    r->cols[1] = col_label(st, 6, VOCAB_ORG, lang);
    r->cols[2] = col_label(st, 7, VOCAB_CROLE, lang);
    r->cols[3] = xstrdup(col_str(st, 8));
    r->cols[4] = xstrdup(col_str(st, 9));
}

static void fmt_school(sqlite3_stmt *st, hd_list_row *r, const char *lang)
{
    r->cols[0] = xstrdup(col_str(st, 5));
    strbuf sb = {0};
    char *levels = xstrdup(col_str(st, 6));
    for (char *c = strtok(levels, ","); c; c = strtok(NULL, ","))
        sb_addf(&sb, "%s%s", sb.len ? ", " : "",
                model_label(VOCAB_LEVEL, model_from_code(VOCAB_LEVEL, c), lang));
    free(levels);
    r->cols[1] = sb.buf ? sb_detach(&sb) : xstrdup("");
    r->cols[2] = xstrdup(col_str(st, 7));
}

/* ---- building the queries -------------------------------------------- */

static void bind_code(sqlite3_stmt *st, int i, hd_vocab v, int idx)
{
    const char *code = idx >= 0 ? model_code(v, idx) : "";
    if (*code)
        sqlite3_bind_text(st, i, code, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* The status a DRIVE_STATUS set is made of, -1 when none. */
static int lq_drive_status(const lq *q)
{
    if (q->f.status >= 0 && q->f.status < STATUS_COUNT)
        return q->f.status;
    return q->f.at_risk_only ? STATUS_AT_RISK : -1;
}

/* The cursor: after's place, or a sentinel beyond the end we start from. */
static void lq_bind_cursor(sqlite3_stmt *st, const lq *q, const hd_list_row *after,
                           int forward)
{
    if (!after) {
        const char *key = forward ? KEY_TOP : KEY_BOTTOM;
        sqlite3_bind_int64(st, P_CUR_NUM, forward ? -1 : INT64_MAX);
        sqlite3_bind_text(st, P_CUR_KEY, key, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, P_CUR_ID, forward ? -1 : INT64_MAX);
        sqlite3_bind_text(st, P_CUR_TEXT, key, -1, SQLITE_STATIC);
        return;
    }
    sqlite3_bind_int64(st, P_CUR_NUM, after->sort_num);
    sqlite3_bind_text(st, P_CUR_KEY, after->sort_key ? after->sort_key : "", -1,
                      SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, P_CUR_ID, after->id);
    const char *text = q->s == SORT_STATUS ? model_code(VOCAB_STATUS, (int)after->sort_num)
                                           : KEY_NO_VILLAGE;
    sqlite3_bind_text(st, P_CUR_TEXT, text, -1, SQLITE_STATIC);
}

/* Binds every parameter; those a statement does not use fail harmlessly. */
static void lq_bind(sqlite3_stmt *st, const lq *q, const hd_list_row *after, int forward,
                    int limit)
{
    const hd_list_filter *f = &q->f;
    sqlite3_bind_int64(st, P_HOUSEHOLD, f->household_id);
    sqlite3_bind_int64(st, P_VILLAGE, f->village_id);
    bind_code(st, P_LEVEL, VOCAB_LEVEL, f->level);
    bind_code(st, P_STATUS, VOCAB_STATUS, f->status);
    sqlite3_bind_int(st, P_AT_RISK, f->at_risk_only != 0);
    sqlite3_bind_int(st, P_MINORITY, f->minority_only != 0);
    sqlite3_bind_int(st, P_POOR, f->poor_only == LIST_POOR_OR_NEAR ? 2 : f->poor_only != 0);
    sqlite3_bind_int(st, P_ARCHIVED, f->include_archived != 0);
    sqlite3_bind_int(st, P_LIMIT, limit);
    bind_code(st, P_DRIVE_STATUS, VOCAB_STATUS, lq_drive_status(q));
    lq_bind_cursor(st, q, after, forward);
    if (q->nwords)
        search_bind_words(st, P_DRIVE_WORD, &q->words[q->dword], 1);
    for (size_t i = 0; i < q->nwords; i++)
        sqlite3_bind_text(st, P_INSTR + (int)i, xasprintf(" %s", q->words[i]), -1, free);
}

/* The SQL of the driving set (owned), NULL when the query scans. */
static char *lq_drive_sql(const lq *q)
{
    if (q->drive == DRIVE_NONE)
        return NULL;
    if (q->drive == DRIVE_WORD)
        return search_ids_sql(q->ks->ref_kind, 1, P_DRIVE_WORD);
    return xstrdup(q->ks->drive[q->drive]);
}

/* page: for the inner page query (else a count).  The filters use t only;
 * the joins come in only for the village order (SQLite drops an unused
 * LEFT JOIN to village but not then the one to household behind it). */
static void lq_from_where(const lq *q, strbuf *sb, int page)
{
    const char *hint = "";
    char *ixhint = NULL;
    if (q->drive != DRIVE_NONE)
        hint = " NOT INDEXED";
    else if (page && q->s == SORT_NAME && q->ks->sort_index)
        hint = ixhint = xasprintf(" INDEXED BY %s", q->ks->sort_index);
    sb_addf(sb, " FROM %s t%s %s WHERE %s", q->ks->table, hint,
            page && q->s == SORT_VILLAGE ? q->ks->joins : "", q->ks->filters);
    free(ixhint);
    char *drive = lq_drive_sql(q);
    if (drive)
        sb_addf(sb, " AND t.id IN (%s)", drive);
    free(drive);
    int indexed = q->ks->ref_kind >= 0;
    if (q->nwords && indexed && q->drive == DRIVE_NONE) {
        /* scanning: the smallest word's set, probed by id as the index is
         * walked (an INTERSECT of every word's set costs more to build than
         * testing the few rows that pass this one) */
        char *ids = search_ids_sql(q->ks->ref_kind, 1, P_DRIVE_WORD);
        sb_addf(sb, " AND t.id IN (%s)", ids);
        free(ids);
    }
    /* every word (the SQL then does not depend on which one drives) */
    for (size_t i = 0; i < q->nwords; i++)
        sb_addf(sb, " AND instr(' ' || t.search_key, ?%d) > 0", P_INSTR + (int)i);
}

static void add_keys(strbuf *sb, const struct sort_spec *ss, const char *prefix, int desc)
{
    for (int i = 0; i < ss->nkeys; i++) {
        if (prefix)
            sb_addf(sb, "%s%sk%d", i ? ", " : "", prefix, i);
        else
            sb_addf(sb, "%s%s", i ? ", " : "", ss->keys[i]);
        if (desc)
            sb_add(sb, " DESC");
    }
}

static char *lq_page_sql(const lq *q, int forward)
{
    const struct sort_spec *ss = &sort_specs[q->s];
    strbuf in = {0};
    sb_add(&in, "SELECT t.id AS id");
    for (int i = 0; i < ss->nkeys; i++)
        sb_addf(&in, ", %s AS k%d", ss->keys[i], i);
    lq_from_where(q, &in, 1);
    sb_add(&in, " AND (");
    add_keys(&in, ss, NULL, 0);
    sb_addf(&in, ") %c (%s) ORDER BY ", forward ? '>' : '<', ss->cursor);
    add_keys(&in, ss, NULL, !forward);
    sb_addf(&in, " LIMIT ?%d", P_LIMIT);
    /* the outer query puts the page in display order */
    strbuf sb = {0};
    sb_addf(&sb, "SELECT t.id, t.uid, t.archived, t.sort_key, %s, %s FROM (%s) p"
                 " CROSS JOIN %s t ON t.id = p.id %s ORDER BY ",
            ss->num, q->ks->cols, sb_str(&in), q->ks->table, q->ks->joins);
    add_keys(&sb, ss, "p.", 0);
    sb_free(&in);
    return sb_detach(&sb);
}

/* ---- choosing the shape ---------------------------------------------- */

/* How many candidates ids holds, counting no further than DRIVE_CAP. */
static long lq_bound(hd_db *db, const lq *q, const char *ids, hd_err *err)
{
    char *sql = xasprintf("SELECT count(*) FROM (%s LIMIT %d)", ids, DRIVE_CAP);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    lq_bind(st, q, NULL, 1, 0);
    long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
    db_finish(db, st);
    return n < 0 ? db_fail(db, err, "reading the list") : n;
}

static int lq_active(const lq *q, lq_drive d)
{
    switch (d) {
    case DRIVE_HOUSEHOLD: return q->f.household_id != 0;
    case DRIVE_VILLAGE: return q->f.village_id != 0;
    case DRIVE_STATUS: return lq_drive_status(q) >= 0;
    default: return 0;
    }
}

/* Filters no candidate count accounts for. */
static int lq_uncounted(const lq *q)
{
    const hd_list_filter *f = &q->f;
    int level = f->level >= 0 && f->level < LEVEL_COUNT;
    int risk = f->at_risk_only && f->status >= 0 && f->status != STATUS_AT_RISK;
    if (q->ks == &kinds[LIST_CHILDREN] || q->ks == &kinds[LIST_HOUSEHOLDS])
        return level + risk + (f->minority_only != 0) + (f->poor_only != 0);
    return q->ks == &kinds[LIST_SCHOOLS] ? level : 0;
}

/* Candidate sets: notes the smallest in q->drive, the smallest word's in
 * q->dword, and multiplies *share by the part of the table each lets
 * through (words as if independent). */
static int lq_candidates(hd_db *db, lq *q, double total, double *share, long *best,
                         hd_err *err)
{
    for (lq_drive d = DRIVE_HOUSEHOLD; d < DRIVE_WORD; d++) {
        if (!q->ks->drive[d] || !lq_active(q, d))
            continue;
        long n = lq_bound(db, q, q->ks->size[d] ? q->ks->size[d] : q->ks->drive[d], err);
        if (n < 0)
            return -1;
        *share *= n / total;
        if (n < *best)
            *best = n, q->drive = d;
    }
    char *ids = search_ids_sql(q->ks->ref_kind, 1, P_DRIVE_WORD);
    long wbest = DRIVE_CAP + 1;
    for (size_t i = 0; q->ks->ref_kind >= 0 && i < q->nwords; i++) {
        size_t keep = q->dword;
        q->dword = i;
        long n = lq_bound(db, q, ids, err);
        if (n < 0) {
            free(ids);
            return -1;
        }
        q->empty |= n == 0;
        *share *= n / total;
        if (n < wbest)
            wbest = n;
        else
            q->dword = keep;
    }
    free(ids);
    if (q->nwords && wbest < *best)
        *best = wbest, q->drive = DRIVE_WORD;
    return 0;
}

/* Scan or drive, by a rough cost model: a scan reads about rows / share
 * entries to find `rows` (share: the part of the table that passes,
 * estimated from the candidate counts and 1/4 for each filter with no
 * count), a drive reads its whole candidate set. */
static int lq_choose(hd_db *db, lq *q, double rows, hd_err *err)
{
    q->drive = DRIVE_NONE;
    char *sql = xasprintf("SELECT max(id) FROM %s", q->ks->table);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    double total = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_double(st, 0) : 0;
    db_finish(db, st);
    if (total < 1)
        return 0;
    double share = 1;
    long best = DRIVE_CAP;
    if (lq_candidates(db, q, total, &share, &best, err) < 0)
        return -1;
    for (int i = lq_uncounted(q); i > 0; i--)
        share /= 4;
    if (q->drive != DRIVE_NONE && best > rows / (share > 1e-9 ? share : 1e-9))
        q->drive = DRIVE_NONE;
    return 0;
}

/* rows: how many rows the query will read (a page, or all for a count). */
static int lq_open(hd_db *db, lq *q, hd_list_kind k, const hd_list_filter *f,
                   hd_list_sort s, double rows, hd_err *err)
{
    memset(q, 0, sizeof *q);
    if ((unsigned)k >= LIST_COUNT)
        return hd_fail(err, "no such list");
    q->ks = &kinds[k];
    q->s = list_sort_supported(k, s) ? s : SORT_NAME;
    if (f)
        q->f = *f;
    else
        list_filter_init(&q->f);
    if (!str_empty(q->f.text))
        q->nwords = search_words(q->f.text, &q->words);
    if (lq_choose(db, q, rows, err) < 0) {
        search_words_free(q->words, q->nwords);
        return -1;
    }
    return 0;
}

static void lq_close(lq *q)
{
    if (q->words)
        search_words_free(q->words, q->nwords);
}

/* ---- the API ----------------------------------------------------------- */

static int lq_read(hd_db *db, const lq *q, sqlite3_stmt *st, int limit, const char *lang,
                   hd_list_row *out, hd_err *err)
{
    int n = 0, rc = SQLITE_DONE;
    while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        hd_list_row *r = &out[n++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        snprintf(r->uid, sizeof r->uid, "%s", col_str(st, 1));
        r->archived = sqlite3_column_int(st, 2);
        r->sort_key = xstrdup(col_str(st, 3));
        r->sort_num = sqlite3_column_int64(st, 4);
        q->ks->format(st, r, lang);
        /* STATUS (children only): the cursor keeps the status, column 10 */
        if (q->s == SORT_STATUS)
            r->sort_num = model_from_code(VOCAB_STATUS, col_str(st, 10));
    }
    if (n < limit && rc != SQLITE_DONE) {
        for (int i = 0; i < n; i++)
            list_row_free(&out[i]);
        return db_fail(db, err, "reading the list");
    }
    return n;
}

int list_page(hd_db *db, hd_list_kind k, const hd_list_filter *f, hd_list_sort s,
              const hd_list_row *after, int forward, int limit, const char *lang,
              hd_list_row *out, hd_err *err)
{
    lq q;
    if (lq_open(db, &q, k, f, s, limit, err) < 0)
        return -1;
    int n = 0;
    if (limit > 0 && !q.empty) {
        char *sql = lq_page_sql(&q, forward);
        sqlite3_stmt *st = db_prepare(db, sql);
        free(sql);
        lq_bind(st, &q, after, forward, limit);
        n = lq_read(db, &q, st, limit, lang, out, err);
        db_finish(db, st);
    }
    lq_close(&q);
    return n;
}

long list_count_upto(hd_db *db, hd_list_kind k, const hd_list_filter *f, long cap,
                     hd_err *err)
{
    lq q;
    if (lq_open(db, &q, k, f, SORT_NAME, 1e12, err) < 0)
        return -1;
    long n = 0;
    if (!q.empty) {
        strbuf sb = {0};
        sb_add(&sb, cap > 0 ? "SELECT count(*) FROM (SELECT 1" : "SELECT count(*)");
        lq_from_where(&q, &sb, 0);
        if (cap > 0)
            sb_addf(&sb, " LIMIT %ld)", cap);
        sqlite3_stmt *st = db_prepare(db, sb_str(&sb));
        sb_free(&sb);
        lq_bind(st, &q, NULL, 1, 0);
        n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0)
                                           : db_fail(db, err, "counting the list");
        db_finish(db, st);
    }
    lq_close(&q);
    return n;
}

long list_count(hd_db *db, hd_list_kind k, const hd_list_filter *f, hd_err *err)
{
    return list_count_upto(db, k, f, 0, err);
}

char *list_plan(hd_db *db, hd_list_kind k, const hd_list_filter *f, hd_list_sort s,
                int forward, hd_err *err)
{
    lq q;
    if (lq_open(db, &q, k, f, s, 25, err) < 0)
        return NULL;
    char *page = lq_page_sql(&q, forward);
    char *sql = xasprintf("EXPLAIN QUERY PLAN %s", page);
    free(page);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    lq_bind(st, &q, NULL, forward, 1);
    strbuf sb = {0};
    while (sqlite3_step(st) == SQLITE_ROW)
        sb_addf(&sb, "%s\n", col_str(st, 3));
    db_finish(db, st);
    lq_close(&q);
    return sb.buf ? sb_detach(&sb) : xstrdup("");
}
