/* search.c — word-prefix search through the search_word index that the
 * triggers of schema.c keep in step with every name. */
#include "core/search.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/text.h"

#define MAX_WORDS 8

size_t search_words(const char *query, char ***words)
{
    char *fold = text_fold(query);
    size_t n = 0;
    *words = xcalloc(MAX_WORDS, sizeof **words);
    for (char *w = strtok(fold, " "); w && n < MAX_WORDS; w = strtok(NULL, " "))
        (*words)[n++] = xstrdup(w);
    free(fold);
    return n;
}

void search_words_free(char **words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(words[i]);
    free(words);
}

/* One query per kind: id, uid, name, village, detail of the records whose id
 * is in the first %s (the ids of the longest query word) and whose search
 * key has the other words (the second %s); ?1 = limit. */
static const struct {
    int kind;
    int ref_kind;      /* ref & 3 in search_word */
    const char *alias; /* of the searched table in sql */
    const char *sql;
} kind_sql[] = {
    {SEARCH_CHILDREN, 0, "c",
     "SELECT c.id, c.uid, c.full_name, coalesce(v.name, ''),"
     "  c.birth_year || coalesce(' · ' || nullif(c.class_name, ''), '')"
     "  || coalesce(' · ' || h.head_name, '')"
     " FROM child c LEFT JOIN household h ON h.id = c.household_id"
     " LEFT JOIN village v ON v.id = h.village_id"
     " WHERE c.id IN (%s) AND c.archived = 0%s ORDER BY c.sort_key, c.id LIMIT ?1"},
    {SEARCH_HOUSEHOLDS, 1, "h",
     "SELECT h.id, h.uid, h.head_name, v.name, h.address"
     " FROM household h JOIN village v ON v.id = h.village_id"
     " WHERE h.id IN (%s) AND h.archived = 0%s ORDER BY h.sort_key, h.id LIMIT ?1"},
    {SEARCH_MEMBERS, 2, "m",
     "SELECT m.id, m.uid, m.full_name, coalesce(v.name, ''), m.org"
     " FROM member m LEFT JOIN village v ON v.id = m.village_id"
     " WHERE m.id IN (%s) AND m.archived = 0%s ORDER BY m.sort_key, m.id LIMIT ?1"},
    {SEARCH_VILLAGES, 3, "v",
     "SELECT v.id, v.uid, v.name, v.name, v.branch_name FROM village v"
     " WHERE v.id IN (%s) AND v.archived = 0%s ORDER BY v.sort_key, v.id LIMIT ?1"},
};

char *search_ids_sql(int ref_kind, size_t nwords, int first)
{
    strbuf sb = {0};
    for (size_t i = 0; i < nwords; i++)
        sb_addf(&sb, "%sSELECT ref >> 2 FROM search_word WHERE word >= ?%d AND word < ?%d"
                     " AND (ref & 3) = %d",
                i ? " INTERSECT " : "", first + 2 * (int)i, first + 1 + 2 * (int)i, ref_kind);
    return sb_detach(&sb);
}

void search_bind_words(sqlite3_stmt *st, int first, char *const *words, size_t nwords)
{
    for (size_t i = 0; i < nwords; i++) {
        /* [word, word + U+10FFFF): every key that starts with the word */
        char *hi = xasprintf("%s\xF4\x8F\xBF\xBF", words[i]);
        sqlite3_bind_text(st, first + 2 * (int)i, words[i], -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, first + 1 + 2 * (int)i, hi, -1, free);
    }
}

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

/* Runs one kind; the number of hits, -1 on error; *stop when cb asked. */
/* The longest word has the fewest matches: its ids come from the index and
 * the other words are checked on each of those records. */
static size_t longest(char **words, size_t n)
{
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (strlen(words[i]) > strlen(words[best]))
            best = i;
    return best;
}

static char *kind_query(size_t k, size_t n)
{
    char *ids = search_ids_sql(kind_sql[k].ref_kind, 1, 2);
    strbuf others = {0};
    for (size_t i = 1; i < n; i++)
        sb_addf(&others, " AND instr(' ' || %s.search_key, ?%zu) > 0", kind_sql[k].alias,
                3 + i);
    /* kind_sql holds two %s (ours, not user text) */
    const char *h1 = strstr(kind_sql[k].sql, "%s");
    const char *h2 = strstr(h1 + 2, "%s");
    char *sql = xasprintf("%.*s%s%.*s%s%s", (int)(h1 - kind_sql[k].sql), kind_sql[k].sql, ids,
                          (int)(h2 - h1 - 2), h1 + 2, sb_str(&others), h2 + 2);
    free(ids);
    sb_free(&others);
    return sql;
}

/* Runs one kind; the number of hits, -1 on error; *stop when cb asked. */
static int search_kind(hd_db *db, size_t k, char **words, size_t n, int limit, search_cb cb,
                       void *ctx, int *stop, hd_err *err)
{
    char *sql = kind_query(k, n);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    sqlite3_bind_int(st, 1, limit > 0 ? limit : -1);
    size_t lead = longest(words, n);
    search_bind_words(st, 2, &words[lead], 1);
    for (size_t i = 0, p = 4; i < n; i++)
        if (i != lead)
            sqlite3_bind_text(st, (int)p++, xasprintf(" %s", words[i]), -1, free);
    int hits = 0, rc;
    while (!*stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *detail = col(st, 4);
        if (kind_sql[k].kind == SEARCH_MEMBERS)
            detail = model_label(VOCAB_ORG, model_from_code(VOCAB_ORG, detail), "vi");
        hd_hit hit = {kind_sql[k].kind, sqlite3_column_int64(st, 0), col(st, 1), col(st, 2),
                      col(st, 3), detail};
        hits++;
        *stop = cb(&hit, ctx);
    }
    if (!*stop && rc != SQLITE_DONE)
        hits = db_fail(db, err, _("searching"));
    db_finish(db, st);
    return hits;
}

int search_run(hd_db *db, const char *query, int kinds, int limit, search_cb cb, void *ctx,
               hd_err *err)
{
    char **words;
    size_t n = search_words(query, &words);
    int total = 0, stop = 0;
    for (size_t k = 0; n && k < HD_ARRAY_LEN(kind_sql) && !stop; k++) {
        if (!(kinds & kind_sql[k].kind))
            continue;
        int hits = search_kind(db, k, words, n, limit, cb, ctx, &stop, err);
        if (hits < 0) {
            total = -1;
            break;
        }
        total += hits;
    }
    search_words_free(words, n);
    return total;
}
