/* ttybench.c — times the terminal interface from the outside, as a user's
 * terminal sees it: the program runs on a pseudo-terminal of 80x25 that this
 * harness owns (forkpty), so every byte curses sends is read and timestamped
 * here, and keys are written as the terminal would send them.
 *
 *   ttybench [-n SESSIONS] [-q QUIET_MS] [-f FRAGMENT] [-s SEARCH] [-d PREFIX]
 *            -- HUYDONG ARGS...
 *
 * Each session: launch until the home screen shows FRAGMENT (an ASCII piece
 * of its text, "2026-2027": curses may move the cursor between words, and the
 * rest is UTF-8), key 1 (the children list), SEARCH ("nguyen thi") typed one
 * key at a time, each answer waited for, Esc, Down to the last visible row,
 * Down 20 times more (each scrolls the list by one line), PgDn 20 times, then
 * the peak memory (VmHWM) and F10.  The first session is reported apart: it
 * may find a cold page cache, or one-time work on a fresh database.
 *
 * The answer to a key is the burst of output that follows it: it ends when
 * QUIET_MS pass without a byte.  The time reported is from the write() of the
 * key to the arrival of the burst's last byte (the quiet period is not
 * counted); the bytes are those of the burst.  TERM is taken from the
 * environment, and the keys' bytes from its terminfo entry.  With -d, the
 * first screen and the first step of each kind are saved as PREFIX-*.out. */
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <curses.h> /* for term.h: setupterm, tigetstr */
#include <term.h>
#include <time.h>
#include <unistd.h>

enum {
    PTY_COLS = 80, PTY_ROWS = 25, MAX_RUNS = 50, SCROLL_STEPS = 20,
    START_TIMEOUT_MS = 10000, ANSWER_TIMEOUT_MS = 5000,
};

static int quiet_ms = 50;
static const char *dump_prefix;

/* ---- the session: one program on one pty ---------------------------------- */

static int master = -1;
static pid_t child;
static char *out;          /* everything the program wrote since launch */
static size_t out_len, out_cap;
static double last_byte;   /* when the latest byte arrived */
static int reads;          /* read() calls that returned output, since launch */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die(const char *msg)
{
    fprintf(stderr, "ttybench: %s\n", msg);
    if (child > 0)
        kill(child, SIGTERM);
    exit(2);
}

/* Reads what is there, waiting up to ms; the bytes read, 0 on timeout, -1
 * when the program has closed the terminal. */
static long pump(int ms)
{
    struct pollfd p = {master, POLLIN, 0};
    int r = poll(&p, 1, ms < 0 ? 0 : ms);
    if (r < 0 && errno == EINTR)
        return 0;
    if (r <= 0)
        return r;
    if (out_cap - out_len < 65536) {
        out_cap = out_cap * 2 + 65536;
        out = realloc(out, out_cap);
        if (!out)
            die("out of memory");
    }
    ssize_t n = read(master, out + out_len, out_cap - out_len);
    if (n <= 0)
        return -1; /* EIO: the slave side is closed */
    out_len += (size_t)n;
    last_byte = now_ms();
    reads++;
    return n;
}

/* Waits for a burst: its first byte within timeout_ms, then until quiet_ms
 * pass without output.  Returns the bytes of the burst. */
static size_t burst(int timeout_ms)
{
    size_t from = out_len;
    double deadline = now_ms() + timeout_ms;
    while (out_len == from) {
        if (pump((int)(deadline - now_ms())) < 0)
            die("the program ended");
        if (now_ms() > deadline)
            die("no answer from the program");
    }
    while (pump(quiet_ms) > 0)
        ;
    return out_len - from;
}

static void save(const char *name, size_t from)
{
    if (!dump_prefix)
        return;
    char path[1024];
    snprintf(path, sizeof path, "%s-%s.out", dump_prefix, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(out + from, 1, out_len - from, f);
        fclose(f);
    }
}

/* Sends a key and waits for its answer: *ms from the write to the last byte,
 * *nreads the read() calls it took (how many pieces a terminal, or sshd,
 * receives: curses writes an update in several write() calls). */
static size_t key(const char *seq, double *ms, double *nreads)
{
    while (pump(0) > 0) /* nothing left over from before */
        ;
    double t0 = now_ms();
    int r0 = reads;
    if (write(master, seq, strlen(seq)) != (ssize_t)strlen(seq))
        die("write to the terminal failed");
    size_t n = burst(ANSWER_TIMEOUT_MS);
    if (ms)
        *ms = last_byte - t0;
    if (nreads)
        *nreads = reads - r0;
    return n;
}

/* Starts the program; the time until FRAGMENT is on the screen, in *first
 * until its first byte (curses has started: the database is open), and in
 * *frame until the end of the burst that holds FRAGMENT (the screen complete). */
static double launch(char **argv, const char *fragment, double *first, double *frame,
                     size_t *bytes)
{
    out_len = 0;
    reads = 0;
    struct winsize ws = {PTY_ROWS, PTY_COLS, 0, 0};
    double t0 = now_ms();
    child = forkpty(&master, NULL, NULL, &ws);
    if (child < 0)
        die("forkpty failed");
    if (child == 0) {
        execvp(argv[0], argv);
        _exit(127);
    }
    double seen = 0;
    *first = 0;
    while (!seen) {
        if (pump(START_TIMEOUT_MS) <= 0)
            die("the first screen did not come (wrong database or fragment?)");
        if (!*first)
            *first = last_byte - t0;
        if (memmem(out, out_len, fragment, strlen(fragment)))
            seen = last_byte - t0;
    }
    while (pump(quiet_ms) > 0)
        ;
    *frame = last_byte - t0;
    *bytes = out_len;
    return seen;
}

/* VmHWM of the program, in kB. */
static long peak_kb(void)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)child);
    FILE *f = fopen(path, "r");
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %ld", &kb) == 1)
            break;
    if (f)
        fclose(f);
    return kb;
}

static void quit(const char *f10)
{
    if (write(master, f10, strlen(f10)) < 0)
        die("write to the terminal failed");
    double deadline = now_ms() + 5000;
    long r;
    while ((r = pump(200)) >= 0 && now_ms() < deadline) /* until it closes the pty */
        ;
    if (r >= 0) {
        kill(child, SIGTERM);
        waitpid(child, NULL, 0);
        die("F10 did not end the program");
    }
    waitpid(child, NULL, 0);
    close(master);
    child = 0;
}

/* ---- figures ------------------------------------------------------------ */

typedef struct series {
    double v[MAX_RUNS * SCROLL_STEPS];
    int n;
} series;

static void add(series *s, double v)
{
    if (s->n < (int)(sizeof s->v / sizeof s->v[0]))
        s->v[s->n++] = v;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(series *s)
{
    qsort(s->v, (size_t)s->n, sizeof s->v[0], cmp_double);
    if (!s->n)
        return 0;
    return s->n % 2 ? s->v[s->n / 2] : (s->v[s->n / 2 - 1] + s->v[s->n / 2]) / 2;
}

/* A kind of step: its times, bytes and reads. */
typedef struct steps {
    series ms, bytes, reads;
} steps;

/* Sends a key, keeps the figures of its answer in st (when st is given);
 * with a dump name, saves the answer's bytes.  Returns the bytes, and the
 * time in *ms (when given). */
static size_t step(steps *st, const char *seq, const char *dump, double *ms_out)
{
    size_t from = out_len;
    double ms, r;
    size_t b = key(seq, &ms, &r);
    if (ms_out)
        *ms_out = ms;
    if (st) {
        add(&st->ms, ms);
        add(&st->bytes, (double)b);
        add(&st->reads, r);
    }
    if (dump)
        save(dump, from);
    return b;
}

/* One line: the median time (min-max), the median bytes (min-max), reads. */
static void show(const char *what, steps *st)
{
    double ms = median(&st->ms), b = median(&st->bytes), r = median(&st->reads);
    printf("  %-36s %6.1f (%5.1f-%5.1f) %6.0f (%4.0f-%4.0f) %4.0f %4d\n", what, ms,
           st->ms.v[0], st->ms.v[st->ms.n - 1], b, st->bytes.v[0],
           st->bytes.v[st->bytes.n - 1], r, st->ms.n);
}

static const char *cap(const char *name)
{
    const char *s = tigetstr(name);
    if (!s || s == (char *)-1) {
        fprintf(stderr, "ttybench: the terminal has no %s key\n", name);
        exit(2);
    }
    return s;
}

int main(int argc, char **argv)
{
    int runs = 7, opt;
    const char *fragment = "2026-2027", *search = "nguyen thi";
    while ((opt = getopt(argc, argv, "n:q:f:s:d:")) != -1) {
        switch (opt) {
        case 'n': runs = atoi(optarg); break;
        case 'q': quiet_ms = atoi(optarg); break;
        case 'f': fragment = optarg; break;
        case 's': search = optarg; break;
        case 'd': dump_prefix = optarg; break;
        default: return 2;
        }
    }
    if (optind >= argc || runs < 1 || runs > MAX_RUNS || quiet_ms < 1) {
        fputs("usage: ttybench [-n SESSIONS] [-q QUIET_MS] [-f FRAGMENT] [-s SEARCH] "
              "[-d PREFIX] -- PROGRAM ARGS...\n", stderr);
        return 2;
    }
    const char *term = getenv("TERM");
    int err;
    if (!term || setupterm(term, STDERR_FILENO, &err) != OK)
        die("TERM is not set to a known terminal");
    const char *down = cap("kcud1"), *pgdn = cap("knp"), *f10 = cap("kf10");
    signal(SIGPIPE, SIG_IGN);

    static steps start, type, inside, scroll, page;
    static series first_byte, frame, letter[64];
    long peak = 0;
    double first_start = 0;
    int nsearch = (int)strlen(search) < 64 ? (int)strlen(search) : 64;
    for (int run = 0; run < runs; run++) {
        double t, fb, f, ms;
        size_t b;
        t = launch(argv + optind, fragment, &fb, &f, &b);
        if (run == 0) {
            first_start = t; /* the page cache may be cold: kept apart */
            save("first", 0);
        } else {
            add(&start.ms, t);
            add(&start.bytes, (double)b);
            add(&start.reads, reads);
            add(&first_byte, fb);
            add(&frame, f);
        }
        step(NULL, "1", NULL, NULL); /* the children list, all of them */
        for (int i = 0; i < nsearch; i++) {
            char k[2] = {search[i], 0};
            size_t from = out_len;
            b = step(&type, k, run == 0 && i == 0 ? "type" : NULL, &ms);
            add(&letter[i], ms);
            /* the typed letter shows in the search line: a check that the
             * burst is the answer to this key */
            if (k[0] != ' ' && !memchr(out + from, k[0], b))
                die("a typed letter was not echoed");
        }
        step(NULL, "\033", NULL, NULL); /* Esc clears the search: the whole list again */
        for (int i = 0; i < PTY_ROWS - 6; i++) /* the cursor to the last visible row */
            step(&inside, down, run == 0 && i == 0 ? "down-inside" : NULL, NULL);
        for (int i = 0; i < SCROLL_STEPS; i++)
            step(&scroll, down, run == 0 && i == 0 ? "down-scroll" : NULL, NULL);
        for (int i = 0; i < SCROLL_STEPS; i++)
            step(&page, pgdn, run == 0 && i == 0 ? "pgdn" : NULL, NULL);
        long kb = peak_kb();
        if (kb > peak)
            peak = kb;
        quit(f10);
    }

    printf("TERM=%s, %dx%d, %d sessions; medians (min-max); an answer ends after %d ms "
           "without output (not counted)\n", term, PTY_COLS, PTY_ROWS, runs, quiet_ms);
    printf("  %-36s %6s %13s %6s %11s %4s %4s\n", "", "ms", "", "bytes", "", "reads",
           "n");
    printf("  %-36s %6.1f\n", "first screen, first session", first_start);
    if (runs > 1) {
        show("first screen, later sessions", &start);
        printf("  %-36s %6.1f\n", "  its first byte (curses started)", median(&first_byte));
        printf("  %-36s %6.1f\n", "  its last byte (screen complete)", median(&frame));
    }
    show("search: a key typed", &type);
    printf("  %-36s", "  per key");
    for (int i = 0; i < nsearch; i++)
        printf(" %c:%.0f", search[i] == ' ' ? '_' : search[i], median(&letter[i]));
    printf(" ms\n");
    show("Down inside the window", &inside);
    show("Down at the bottom (scrolls 1 line)", &scroll);
    show("PgDn (a new page of 20 rows)", &page);
    printf("  %-36s %6ld kB\n", "peak memory (VmHWM, largest)", peak);
    return 0;
}
