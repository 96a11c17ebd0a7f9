/* search.h — accent-insensitive search over children, households, members
 * and villages: "duc" finds "Đức", "nguyen thi" finds "Nguyễn Thị Hoa".
 * Every word of the query must start a word of the name (in any order). */
#ifndef HD_SEARCH_H
#define HD_SEARCH_H

#include <stdint.h>

#include "core/db.h"

enum {
    SEARCH_CHILDREN = 1,
    SEARCH_HOUSEHOLDS = 2,
    SEARCH_MEMBERS = 4,
    SEARCH_VILLAGES = 8,
    SEARCH_ALL = 15,
};

typedef struct hd_hit {
    int kind;            /* one SEARCH_* bit */
    int64_t id;
    const char *uid;
    const char *name;
    const char *village; /* "" when none */
    const char *detail;  /* birth year, head of household, organisation… */
} hd_hit;

/* Called for each hit, in Vietnamese order within each kind; return non-zero
 * to stop.  The strings are valid during the call only. */
typedef int (*search_cb)(const hd_hit *hit, void *ctx);

/* Runs the query over the kinds asked for, at most `limit` hits per kind
 * (0 = no limit); archived records are left out.  Returns the number of hits
 * or -1 with err set. */
int search_run(hd_db *db, const char *query, int kinds, int limit, search_cb cb, void *ctx,
               hd_err *err);

/* The words of a query as the index holds them (folded), at most 8; the
 * count.  "Nguyễn  THỊ" -> "nguyen", "thi".  Free with search_words_free. */
size_t search_words(const char *query, char ***words);
void search_words_free(char **words, size_t n);

/* The SQL of the set of ids of one kind (ref_kind: 0 child, 1 household,
 * 2 member, 3 village) whose name has, for each of the nwords words, a word
 * starting with it.  The words' ranges are the parameters ?first, ?first+1
 * (first word), ?first+2, ?first+3 (second)...: bind them with
 * search_bind_words.  Lists embed it in their own queries. */
char *search_ids_sql(int ref_kind, size_t nwords, int first);
void search_bind_words(sqlite3_stmt *st, int first, char *const *words, size_t nwords);

#endif
