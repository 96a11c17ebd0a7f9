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
 * is in the set named IDS below; ?1 = limit. */
static const struct {
    int kind;
    int ref_kind; /* ref & 3 in search_word */
    const char *sql;
} kind_sql[] = {
    {SEARCH_CHILDREN, 0,
     "SELECT c.id, c.uid, c.full_name, coalesce(v.name, ''),"
     "  c.birth_year || coalesce(' · ' || nullif(c.class_name, ''), '')"
     "  || coalesce(' · ' || h.head_name, '')"
     " FROM child c LEFT JOIN household h ON h.id = c.household_id"
     " LEFT JOIN village v ON v.id = h.village_id"
     " WHERE c.id IN (%s) AND c.archived = 0 ORDER BY c.sort_key, c.id LIMIT ?1"},
    {SEARCH_HOUSEHOLDS, 1,
     "SELECT h.id, h.uid, h.head_name, v.name, h.address"
     " FROM household h JOIN village v ON v.id = h.village_id"
     " WHERE h.id IN (%s) AND h.archived = 0 ORDER BY h.sort_key, h.id LIMIT ?1"},
    {SEARCH_MEMBERS, 2,
     "SELECT m.id, m.uid, m.full_name, coalesce(v.name, ''), m.org"
     " FROM member m LEFT JOIN village v ON v.id = m.village_id"
     " WHERE m.id IN (%s) AND m.archived = 0 ORDER BY m.sort_key, m.id LIMIT ?1"},
    {SEARCH_VILLAGES, 3,
     "SELECT v.id, v.uid, v.name, v.name, v.branch_name FROM village v"
     " WHERE v.id IN (%s) AND v.archived = 0 ORDER BY v.sort_key, v.id LIMIT ?1"},
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
static int search_kind(hd_db *db, size_t k, char **words, size_t n, int limit, search_cb cb,
                       void *ctx, int *stop, hd_err *err)
{
    char *ids = search_ids_sql(kind_sql[k].ref_kind, n, 2);
    /* kind_sql holds one %s (ours, not user text): the set of ids. */
    const char *hole = strstr(kind_sql[k].sql, "%s");
    char *sql = xasprintf("%.*s%s%s", (int)(hole - kind_sql[k].sql), kind_sql[k].sql, ids,
                          hole + 2);
    free(ids);
    sqlite3_stmt *st = db_prepare(db, sql);
    free(sql);
    sqlite3_bind_int(st, 1, limit > 0 ? limit : -1);
    search_bind_words(st, 2, words, n);
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
