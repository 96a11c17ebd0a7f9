/* search.c — folded-key search through the FTS5 index kept by triggers. */
#include "core/search.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/text.h"

char *search_match_expr(const char *query)
{
    char *fold = text_fold(query);
    strbuf sb = {0};
    for (char *w = strtok(fold, " "); w; w = strtok(NULL, " ")) {
        /* The folded key holds only letters, digits and spaces; anything else
         * the user typed is dropped rather than passed to FTS5's syntax. */
        strbuf word = {0};
        for (char *p = w; *p; p++)
            if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80)
                sb_addc(&word, *p);
        if (word.len)
            sb_addf(&sb, "%s\"%s\"*", sb.len ? " AND " : "", word.buf);
        sb_free(&word);
    }
    free(fold);
    if (!sb.len) {
        sb_free(&sb);
        return NULL;
    }
    return sb_detach(&sb);
}

/* One query per kind: id, uid, name, village, detail; ?1 = match, ?2 = limit. */
static const struct {
    int kind;
    int fts_kind; /* rowid % 4 in search_index */
    const char *sql;
} kind_sql[] = {
    {SEARCH_CHILDREN, 0,
     "SELECT c.id, c.uid, c.full_name, coalesce(v.name, ''),"
     "  c.birth_year || coalesce(' · ' || nullif(c.class_name, ''), '')"
     "  || coalesce(' · ' || h.head_name, '')"
     " FROM child c LEFT JOIN household h ON h.id = c.household_id"
     " LEFT JOIN village v ON v.id = h.village_id"
     " WHERE c.id IN (SELECT rowid >> 2 FROM search_index"
     "                WHERE search_index MATCH ?1 AND rowid & 3 = 0)"
     "   AND c.archived = 0 ORDER BY c.sort_key, c.id LIMIT ?2"},
    {SEARCH_HOUSEHOLDS, 1,
     "SELECT h.id, h.uid, h.head_name, v.name, h.address"
     " FROM household h JOIN village v ON v.id = h.village_id"
     " WHERE h.id IN (SELECT rowid >> 2 FROM search_index"
     "                WHERE search_index MATCH ?1 AND rowid & 3 = 1)"
     "   AND h.archived = 0 ORDER BY h.sort_key, h.id LIMIT ?2"},
    {SEARCH_MEMBERS, 2,
     "SELECT m.id, m.uid, m.full_name, coalesce(v.name, ''), m.org"
     " FROM member m LEFT JOIN village v ON v.id = m.village_id"
     " WHERE m.id IN (SELECT rowid >> 2 FROM search_index"
     "                WHERE search_index MATCH ?1 AND rowid & 3 = 2)"
     "   AND m.archived = 0 ORDER BY m.sort_key, m.id LIMIT ?2"},
    {SEARCH_VILLAGES, 3,
     "SELECT v.id, v.uid, v.name, v.name, v.branch_name FROM village v"
     " WHERE v.id IN (SELECT rowid >> 2 FROM search_index"
     "                WHERE search_index MATCH ?1 AND rowid & 3 = 3)"
     "   AND v.archived = 0 ORDER BY v.sort_key, v.id LIMIT ?2"},
};

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

int search_run(hd_db *db, const char *query, int kinds, int limit, search_cb cb, void *ctx,
               hd_err *err)
{
    char *expr = search_match_expr(query);
    if (!expr)
        return 0;
    int total = 0, stop = 0;
    for (size_t k = 0; k < HD_ARRAY_LEN(kind_sql) && !stop; k++) {
        if (!(kinds & kind_sql[k].kind))
            continue;
        sqlite3_stmt *st = db_prepare(db, kind_sql[k].sql);
        sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
        int rc;
        while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *detail = col(st, 4);
            if (kind_sql[k].kind == SEARCH_MEMBERS)
                detail = model_label(VOCAB_ORG, model_from_code(VOCAB_ORG, detail), "vi");
            hd_hit hit = {kind_sql[k].kind, sqlite3_column_int64(st, 0), col(st, 1),
                          col(st, 2), col(st, 3), detail};
            total++;
            stop = cb(&hit, ctx);
        }
        if (!stop && rc != SQLITE_DONE) {
            sqlite3_finalize(st);
            free(expr);
            return db_fail(db, err, "searching");
        }
        sqlite3_finalize(st);
    }
    free(expr);
    return total;
}
