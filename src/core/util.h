/* util.h — the one allocation rule, growable strings, and error reporting.
 *
 * Allocation: x* functions never return NULL; on exhaustion they end the
 * program through hd_fatal (there is nothing sensible a terminal program can
 * do without memory, and SQLite transactions roll back on the next open).  Every pointer a function
 * returns is owned by the caller unless its header says otherwise.
 *
 * Errors: a core function that can fail for a reason the user should read takes
 * an `hd_err *` and returns -1 (or NULL) with the message filled in; it never
 * prints and never exits.  Lists of problems (a config file, a CSV) go in an
 * hd_msgs, one line each, so the caller can show them all at once. */
#ifndef HD_UTIL_H
#define HD_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#define HD_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define HD_PRINTF(f, a)
#endif

#define HD_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* An error no user can mend (memory exhausted, our own SQL refused): the
 * front end's hook runs first (the terminal interface restores the
 * terminal), then the message, then exit status 2.  Committed data is safe:
 * an open transaction is rolled back by SQLite on the next open. */
void hd_on_fatal(void (*hook)(void));
_Noreturn void hd_fatal(const char *fmt, ...) HD_PRINTF(1, 2);

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *p, size_t nmemb, size_t size); /* overflow-checked */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) HD_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap) HD_PRINTF(1, 0);

/* A growable NUL-terminated byte string.  Zero-initialise ({0}) to start. */
typedef struct strbuf {
    char *buf;   /* NULL until the first append; owned */
    size_t len;
    size_t cap;
} strbuf;

void sb_add(strbuf *sb, const char *s);
void sb_addn(strbuf *sb, const char *s, size_t n);
void sb_addc(strbuf *sb, char c);
void sb_addf(strbuf *sb, const char *fmt, ...) HD_PRINTF(2, 3);
void sb_clear(strbuf *sb);                 /* length 0, keeps the buffer */
const char *sb_str(const strbuf *sb);      /* never NULL ("" when empty) */
char *sb_detach(strbuf *sb);               /* caller owns; sb is reset */
void sb_free(strbuf *sb);

/* One error message for the caller to show. */
typedef struct hd_err {
    char msg[1024];
} hd_err;

/* Sets the message (when e is not NULL) and returns -1, so callers can write
 * `return hd_fail(err, "...")`. */
int hd_fail(hd_err *e, const char *fmt, ...) HD_PRINTF(2, 3);

/* A list of messages, e.g. every bad line of a file. */
typedef struct hd_msgs {
    char **items; /* owned, each owned */
    size_t n;
    size_t cap;
} hd_msgs;

void msgs_add(hd_msgs *m, const char *fmt, ...) HD_PRINTF(2, 3);
void msgs_free(hd_msgs *m);

/* Trims ASCII whitespace at both ends, in place; returns s. */
char *str_trim(char *s);
int str_empty(const char *s); /* NULL, "" or only whitespace */
/* 1 when word is one of the '|'-separated entries of list ("a|bc|d"). */
int str_in_list(const char *list, const char *word);

#endif
