/* text.c — Vietnamese text: normalisation, folding, ordering, display, and
 * recognition of the legacy 8-bit encodings (Windows-1258, TCVN3, VNI).
 *
 * Most work is done on arrays of code points (ucs4_t) in NFD, where a
 * Vietnamese letter is an ASCII base (or đ) followed by at most one vowel mark
 * (circumflex, breve, horn) and one tone mark. */
#include "core/text.h"

#include "core/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

/* ---------------------------------------------------------------- basics */

/* libunistring allocates with malloc; keep the never-NULL rule of util.h. */
static void *vn_checked(void *p)
{
    if (!p)
        hd_fatal("out of memory");
    return p;
}

/* Code points of s[0..len); invalid bytes are dropped. */
static ucs4_t *vn_decode(const char *s, size_t len, size_t *n)
{
    ucs4_t *u = xreallocarray(NULL, len + 1, sizeof *u);
    const uint8_t *p = (const uint8_t *)s;
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        ucs4_t c;
        int r = u8_mbtoucr(&c, p + i, len - i);
        i += r < 0 ? 1 : (size_t)r;
        if (r >= 0)
            u[k++] = c;
    }
    *n = k;
    return u;
}

/* 1 when u[0..n) holds only precomposed Latin (below U+0300, or Latin
 * Extended Additional U+1E00..U+1EFF, where Vietnamese lives) and no
 * combining mark: such text is already NFC, and its NFD is the concatenation
 * of each character's decomposition, with no reordering. */
static int vn_simple(const ucs4_t *u, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (u[i] >= 0x300 && (u[i] < 0x1E00 || u[i] > 0x1EFF))
            return 0;
    return 1;
}

/* Full canonical decomposition of one character into out; its length. */
static size_t vn_decompose(ucs4_t c, ucs4_t *out)
{
    ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
    int len = c < 0xC0 ? -1 : uc_canonical_decomposition(c, d);
    if (len <= 0) {
        out[0] = c;
        return 1;
    }
    size_t k = vn_decompose(d[0], out);
    for (int i = 1; i < len; i++)
        out[k++] = d[i];
    return k;
}

/* Normalises u[0..*n) to nf; consumes u.  Simple text (the usual case) takes
 * a fast path: the general algorithm costs more than everything else an
 * import does per row. */
static ucs4_t *vn_normalize(uninorm_t nf, ucs4_t *u, size_t *n)
{
    if (*n == 0)
        return u;
    if (vn_simple(u, *n)) {
        if (nf == UNINORM_NFC)
            return u;
        if (nf == UNINORM_NFD) {
            ucs4_t *r = xreallocarray(NULL, *n * 4 + 1, sizeof *r);
            size_t k = 0;
            for (size_t i = 0; i < *n; i++)
                k += vn_decompose(u[i], r + k);
            free(u);
            *n = k;
            return r;
        }
    }
    size_t m = 0;
    ucs4_t *r = vn_checked(u32_normalize(nf, u, *n, NULL, &m));
    free(u);
    *n = m;
    return r;
}

/* s decoded and normalised, with the look-alike Ð/ð already made Đ/đ. */
static ucs4_t *vn_u32(const char *s, uninorm_t nf, size_t *n)
{
    ucs4_t *u = vn_decode(s, strlen(s), n);
    for (size_t i = 0; i < *n; i++)
        u[i] = u[i] == 0xD0 ? 0x110 : u[i] == 0xF0 ? 0x111 : u[i];
    return vn_normalize(nf, u, n);
}

static void vn_addc(strbuf *sb, ucs4_t c)
{
    uint8_t b[6];
    int k = u8_uctomb(b, c, (int)sizeof b);
    if (k > 0)
        sb_addn(sb, (const char *)b, (size_t)k);
}

/* UTF-8 of u[0..n) recomposed to NFC; consumes u. */
static char *vn_finish(ucs4_t *u, size_t n)
{
    u = vn_normalize(UNINORM_NFC, u, &n);
    strbuf sb = {0};
    for (size_t i = 0; i < n; i++)
        vn_addc(&sb, u[i]);
    free(u);
    return sb_detach(&sb);
}

/* Combining diacritical marks (the blocks used by Latin scripts). */
static int vn_is_mark(ucs4_t c)
{
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

static int vn_is_space(ucs4_t c)
{
    return c == ' ' || (c >= 9 && c <= 13) || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

static int vn_is_hyphen(ucs4_t c)
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

static int vn_is_apostrophe(ucs4_t c)
{
    return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x02BC;
}

static int vn_is_ascii_alpha(ucs4_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ------------------------------------------------------------- letters */

/* The alphabet in order, with the foreign letters f j w z in their Latin places. */
static const ucs4_t VN_ALPHA[] = {
    'a', 0x103, 0xE2, 'b', 'c', 'd', 0x111, 'e', 0xEA, 'f', 'g',
    'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 0xF4, 0x1A1, 'p',
    'q', 'r', 's', 't', 'u', 0x1B0, 'v', 'w', 'x', 'y', 'z',
};

/* Index in VN_ALPHA of lower-case base + vowel mark (0 for none), or -1. */
static int vn_alpha_index(ucs4_t base, ucs4_t vmark)
{
    ucs4_t c = vmark ? uc_composition(base, vmark) : base;
    for (size_t i = 0; c && i < HD_ARRAY_LEN(VN_ALPHA); i++)
        if (VN_ALPHA[i] == c)
            return (int)i;
    return -1;
}

/* Tone of a combining mark in dictionary order (huyền, hỏi, ngã, sắc,
 * nặng = 1..5), 0 when it is not a tone. */
static int vn_tone(ucs4_t m)
{
    static const ucs4_t tones[] = {0x300, 0x309, 0x303, 0x301, 0x323};
    for (int i = 0; i < 5; i++)
        if (tones[i] == m)
            return i + 1;
    return 0;
}

/* One letter of NFD text. */
typedef struct vn_letter {
    int idx;    /* in VN_ALPHA (base with its vowel mark) */
    int tone;   /* vn_tone() of its tone mark */
    int upper;
    size_t len; /* code points used; 0 when u[0] is no letter base */
} vn_letter;

/* Reads a base letter (ASCII or đ) and the marks Vietnamese allows on it: one
 * tone and one fitting vowel mark.  Other marks are left for the caller. */
static vn_letter vn_read_letter(const ucs4_t *u, size_t n)
{
    vn_letter l = {-1, 0, 0, 0};
    ucs4_t base = uc_tolower(u[0]), vmark = 0;
    if (!vn_is_ascii_alpha(base) && base != 0x111)
        return l;
    l.upper = base != u[0];
    size_t i = 1;
    for (; i < n; i++) {
        int t = vn_tone(u[i]);
        if (t && !l.tone)
            l.tone = t;
        else if (!t && !vmark && vn_alpha_index(base, u[i]) >= 0)
            vmark = u[i];
        else
            break;
    }
    l.idx = vn_alpha_index(base, vmark);
    l.len = i;
    return l;
}

/* ------------------------------------------------------- nfc, fold, ascii */

int text_valid_utf8(const char *s, size_t n)
{
    return u8_check((const uint8_t *)s, n) == NULL;
}

char *text_nfc(const char *s)
{
    if (!text_valid_utf8(s, strlen(s)))
        return NULL;
    size_t n;
    ucs4_t *u = vn_u32(s, UNINORM_NFC, &n);
    return vn_finish(u, n);
}

char *text_fold(const char *s)
{
    size_t n, k = 0;
    ucs4_t *u = vn_u32(s, UNINORM_NFD, &n);
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        ucs4_t c = u[i];
        if (vn_is_mark(c) || vn_is_apostrophe(c))
            continue;
        /* Other ASCII punctuation and control characters separate words too:
         * the key holds only letters, digits and single spaces, so the
         * search index can split it safely. */
        if (vn_is_space(c) || vn_is_hyphen(c) || c < 0x20 || c == 0x7F ||
            (c < 0x80 && !vn_is_ascii_alpha(c) && !(c >= '0' && c <= '9'))) {
            space = k > 0; /* collapsed, and dropped at the start */
            continue;
        }
        if (space)
            u[k++] = ' ';
        space = 0;
        u[k++] = (c == 0x110 || c == 0x111) ? 'd' : uc_tolower(c);
    }
    return vn_finish(u, k); /* trailing space never written */
}

/* 1 when word (n bytes) is one of the space-separated words of list. */
static int has_word(const char *list, const char *word, size_t n)
{
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && memcmp(p, word, n) == 0)
            return 1;
        if (!end)
            break;
        p = end + 1;
    }
    return 0;
}

char *text_search_key(const char *s)
{
    char *fold = text_fold(s);
    /* the same text with every apostrophe (' ‘ ’ ʼ) a space */
    strbuf split = {0};
    for (const char *p = s; *p; p++) {
        if (*p == '\'')
            sb_addc(&split, ' ');
        else if (!strncmp(p, "\xE2\x80\x98", 3) || !strncmp(p, "\xE2\x80\x99", 3))
            sb_addc(&split, ' '), p += 2;
        else if (!strncmp(p, "\xCA\xBC", 2))
            sb_addc(&split, ' '), p += 1;
        else
            sb_addc(&split, *p);
    }
    char *parts = text_fold(sb_str(&split));
    sb_free(&split);
    strbuf key = {0};
    sb_add(&key, fold);
    for (char *w = parts; *w;) {
        char *end = strchr(w, ' ');
        size_t n = end ? (size_t)(end - w) : strlen(w);
        if (!has_word(fold, w, n)) {
            sb_addc(&key, ' ');
            sb_addn(&key, w, n);
        }
        w = end ? end + 1 : w + n;
    }
    free(fold);
    free(parts);
    return sb_detach(&key);
}

char *text_ascii(const char *s)
{
    size_t n, k = 0;
    ucs4_t *u = vn_u32(s, UNINORM_NFD, &n);
    for (size_t i = 0; i < n; i++) {
        ucs4_t c = u[i];
        if (c >= 0x300 && c <= 0x36F)
            continue;
        u[k++] = c == 0x110 ? 'D' : c == 0x111 ? 'd' : c;
    }
    return vn_finish(u, k); /* other scripts recomposed as they were */
}

/* ------------------------------------------------------------ sort keys */

/* The four levels of a sort key being built, and the state between elements.
 * Primary: ' ' between words, '!'+n then the digits for a number of n digits,
 * 'A'.. for letters in VN_ALPHA order, '~' and 6 hex digits for anything else.
 * Secondary: a tone digit per letter.  Tertiary: 'A'/'B' (lower/upper) per
 * letter or other character, the count of leading zeros per number.
 * Quaternary: position and code point of each ignored character, so strings
 * differing only in punctuation still get distinct keys. */
typedef struct sk_keys {
    strbuf p, s, t, q;
    size_t pos; /* primary elements so far */
    int sep;    /* a word separator is pending */
} sk_keys;

static void sk_begin(sk_keys *k)
{
    if (k->sep)
        sb_addc(&k->p, ' ');
    k->sep = 0;
    k->pos++;
}

static void sk_quat(sk_keys *k, ucs4_t c)
{
    sb_addf(&k->q, "%03zX%06X", k->pos < 0xFFF ? k->pos : (size_t)0xFFF, (unsigned)c);
}

/* Punctuation, symbols and controls: left out of the first three levels. */
static int sk_ignored(ucs4_t c)
{
    if (c < 0x80)
        return !vn_is_ascii_alpha(c) && !(c >= '0' && c <= '9');
    return c <= 0xBF || (c >= 0x2016 && c <= 0x206F) ||
           vn_is_apostrophe(c) || c == 0xFEFF;
}

static size_t sk_number(sk_keys *k, const ucs4_t *u, size_t n)
{
    size_t len = 0, zeros = 0;
    while (len < n && u[len] >= '0' && u[len] <= '9')
        len++;
    while (zeros < len && u[zeros] == '0')
        zeros++;
    size_t digits = len - zeros; /* numbers over 30 digits only roughly ordered */
    sk_begin(k);
    sb_addc(&k->p, (char)('!' + (digits < 30 ? digits : 30)));
    for (size_t i = zeros; i < len; i++)
        sb_addc(&k->p, (char)u[i]);
    sb_addc(&k->t, (char)('0' + (zeros < 9 ? zeros : 9)));
    return len;
}

/* Adds the element at u to the keys; returns the code points it used. */
static size_t sk_element(sk_keys *k, const ucs4_t *u, size_t n)
{
    ucs4_t c = u[0];
    if (vn_is_space(c) || vn_is_hyphen(c)) {
        k->sep = k->p.len > 0; /* runs collapse; leading and trailing dropped */
        if (vn_is_hyphen(c))
            sk_quat(k, c);
        return 1;
    }
    if (c >= '0' && c <= '9')
        return sk_number(k, u, n);
    vn_letter l = vn_read_letter(u, n);
    if (l.len) {
        sk_begin(k);
        sb_addc(&k->p, (char)('A' + l.idx));
        sb_addc(&k->s, (char)('0' + l.tone));
        sb_addc(&k->t, l.upper ? 'B' : 'A');
        return l.len;
    }
    if (sk_ignored(c)) {
        sk_quat(k, c);
        return 1;
    }
    sk_begin(k);
    sb_addf(&k->p, "~%06X", (unsigned)uc_tolower(c));
    sb_addc(&k->t, uc_tolower(c) != c ? 'B' : 'A');
    return 1;
}

char *text_sort_key(const char *s)
{
    size_t n;
    ucs4_t *u = vn_u32(s, UNINORM_NFD, &n);
    sk_keys k = {0};
    for (size_t i = 0; i < n;)
        i += sk_element(&k, u + i, n - i);
    free(u);
    strbuf *rest[] = {&k.s, &k.t, &k.q};
    for (size_t i = 0; i < HD_ARRAY_LEN(rest); i++) {
        sb_addc(&k.p, '\x01');
        sb_add(&k.p, sb_str(rest[i]));
        sb_free(rest[i]);
    }
    return sb_detach(&k.p);
}

/* Appends the word at u (up to white space) to sb, after a space unless sb
 * is empty. */
static void nk_word(strbuf *sb, const ucs4_t *u, size_t n)
{
    if (sb->len)
        sb_addc(sb, ' ');
    for (size_t i = 0; i < n && !vn_is_space(u[i]); i++)
        vn_addc(sb, u[i]);
}

char *text_name_sort_key(const char *s)
{
    size_t n, nw = 0;
    ucs4_t *u = vn_u32(s, UNINORM_NFC, &n);
    size_t *at = xreallocarray(NULL, n + 1, sizeof *at); /* word starts */
    for (size_t i = 0; i < n; i++)
        if (!vn_is_space(u[i]) && (i == 0 || vn_is_space(u[i - 1])))
            at[nw++] = i;
    /* The given name, whole (tones included), then the middle names and the
     * family name: "Nguyễn Văn An" -> key("An") \x01 key("Văn Nguyễn"), so
     * every "Anh" comes before every "Ánh", as in a class list. */
    strbuf given = {0}, rest = {0};
    if (nw)
        nk_word(&given, u + at[nw - 1], n - at[nw - 1]);
    for (size_t w = 1; w + 1 < nw; w++)
        nk_word(&rest, u + at[w], n - at[w]);
    if (nw > 1)
        nk_word(&rest, u + at[0], n - at[0]);
    char *kg = text_sort_key(sb_str(&given)), *kr = text_sort_key(sb_str(&rest));
    char *key = xasprintf("%s\x01%s", kg, kr);
    free(kg);
    free(kr);
    sb_free(&given);
    sb_free(&rest);
    free(at);
    free(u);
    return key;
}

/* ---------------------------------------------------------------- width */

/* Columns of one character; controls count 1 as they are shown as '?'.
 * Vietnamese text is Latin (up to U+02FF), the combining tone marks and
 * Latin Extended Additional: those are answered without the tables, which
 * a page of 10,000 rows would otherwise consult a million times. */
static int tw_width(ucs4_t c)
{
    if (c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF))
        return 1;
    if (c <= 0x36F)
        return 0;
    int w = uc_width(c, "UTF-8");
    return w < 0 ? 1 : w;
}

/* Width of the character at p with the zero-width ones that follow it;
 * *len gets their byte length.  An invalid byte shows as '?'. */
static int tw_cluster(const uint8_t *p, size_t n, size_t *len)
{
    if (p[0] < 0x80 && (n == 1 || p[1] < 0x80)) {
        *len = 1;   /* ASCII followed by ASCII: no mark can follow */
        return 1;
    }
    ucs4_t c;
    int r = u8_mbtoucr(&c, p, n);
    int w = r < 0 ? 1 : tw_width(c);
    size_t i = r < 0 ? 1 : (size_t)r;
    while (i < n && p[i] >= 0x80) {
        r = u8_mbtoucr(&c, p + i, n - i);
        if (r < 0 || tw_width(c) != 0)
            break;
        i += (size_t)r;
    }
    *len = i;
    return w;
}

int text_width(const char *s)
{
    return text_width_n(s, strlen(s));
}

int text_width_n(const char *s, size_t n)
{
    size_t len;
    int w = 0;
    for (size_t i = 0; i < n; i += len)
        w += tw_cluster((const uint8_t *)s + i, n - i, &len);
    return w;
}

size_t text_fit(const char *s, int cols)
{
    const uint8_t *p = (const uint8_t *)s;
    size_t n = strlen(s), i = 0;
    int used = 0;
    while (i < n) {
        size_t len;
        int w = tw_cluster(p + i, n - i, &len);
        if (used + w > cols)
            break;
        used += w;
        i += len;
    }
    return i;
}

/* ------------------------------------------------------ legacy encodings */

enum { LG_CP1258, LG_TCVN3, LG_VNI, LG_COUNT };
static const char *const LG_NAMES[LG_COUNT] = {"Windows-1258", "TCVN3", "VNI"};

/* Windows-1252 0x80-0x9F (Windows-1258 has the same, less Š š Ž ž). */
static const uint16_t LG_CP1252_C1[32] = {
    0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
};

/* TCVN3 (TCVN 5712 VN3) 0xA1-0xFE; the capitals with tones that only the
 * VN1 variant has are included, they do no harm. */
static const uint16_t LG_TCVN3_TAB[94] = {
    0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, 0x0103,
    0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, 0x0300,
    0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, 0x00E1,
    0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, 0x1EAE,
    0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, 0x1EA9,
    0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, 0x00E9,
    0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, 0x1EC9,
    0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, 0x1ED4,
    0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1,
    0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, 0x1ED6,
    0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9,
    0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5,
};

/* VNI-Windows 0xE0-0xFF (0xC0-0xDF are the same for capitals): a letter of
 * its own (ì í ỉ ĩ ị ỵ đ ơ ư) or the marks for the vowel written before it,
 * e.g. "Vie\xE4t" = Việt.  Zero: not used, read as Windows-1252. */
static const uint16_t LG_VNI_TAB[32][2] = {
    {0x302, 0x300}, {0x302, 0x301}, {0x302, 0}, {0x302, 0x303}, {0x302, 0x323},
    {0x302, 0x309}, {0x1EC9, 0}, {0, 0}, {0x306, 0x300}, {0x306, 0x301},
    {0x306, 0}, {0x306, 0x323}, {0xEC, 0}, {0xED, 0}, {0x1EF5, 0}, {0x323, 0},
    {0, 0}, {0x111, 0}, {0x1ECB, 0}, {0x129, 0}, {0x1A1, 0}, {0x303, 0},
    {0x1B0, 0}, {0, 0}, {0x300, 0}, {0x301, 0}, {0x306, 0x309}, {0x309, 0},
    {0x306, 0x303}, {0, 0}, {0, 0}, {0, 0},
};

static ucs4_t lg_cp1252(unsigned b)
{
    return b >= 0x80 && b < 0xA0 ? LG_CP1252_C1[b - 0x80] : b;
}

/* Windows-1258 is Windows-1252 but for these bytes (Ă Ơ Ư Đ, the tone marks, ₫). */
static ucs4_t lg_cp1258(unsigned b)
{
    static const uint16_t diff[][2] = {
        {0xC3, 0x102}, {0xCC, 0x300}, {0xD0, 0x110}, {0xD2, 0x309}, {0xD5, 0x1A0},
        {0xDD, 0x1AF}, {0xDE, 0x303}, {0xE3, 0x103}, {0xEC, 0x301}, {0xF0, 0x111},
        {0xF2, 0x323}, {0xF5, 0x1A1}, {0xFD, 0x1B0}, {0xFE, 0x20AB}};
    for (size_t i = 0; i < HD_ARRAY_LEN(diff); i++)
        if (diff[i][0] == b)
            return diff[i][1];
    return lg_cp1252(b);
}

/* Decodes one VNI byte into out (one or two code points); returns how many. */
static size_t lg_vni(unsigned b, ucs4_t *out)
{
    const uint16_t *e = LG_VNI_TAB[b & 0x1F];
    out[0] = lg_cp1252(b);
    if (b < 0xC0 || !e[0])
        return 1;
    if (!vn_is_mark(e[0])) {
        out[0] = b < 0xE0 ? uc_toupper(e[0]) : e[0];
        return 1;
    }
    out[0] = e[0];
    out[1] = e[1];
    return e[1] ? 2 : 1;
}

static ucs4_t *lg_decode(const uint8_t *b, size_t n, int enc, size_t *m)
{
    ucs4_t *u = xreallocarray(NULL, 2 * n + 1, sizeof *u);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (b[i] < 0x80)
            u[k++] = b[i];
        else if (enc == LG_VNI)
            k += lg_vni(b[i], u + k);
        else if (enc == LG_TCVN3)
            u[k++] = b[i] >= 0xA1 && b[i] <= 0xFE ? LG_TCVN3_TAB[b[i] - 0xA1] : lg_cp1252(b[i]);
        else
            u[k++] = lg_cp1258(b[i]);
    }
    *m = k;
    return u;
}

/* Every nucleus (vowel cluster, tones removed) a Vietnamese syllable can have. */
static const char LG_NUCLEI[] =
    " a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi"
    " ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê iêu yêu oai oao oay oeo uây"
    " uôi uya uyê uyu ươi ươu ";

static int lg_is_vowel(int idx)
{
    return "vvv....vv...v.....vvv.....vv...v."[idx] == 'v'; /* along VN_ALPHA */
}

/* The u of "qu" and the i of "gi" before a vowel belong to the initial. */
static int lg_initial_glide(const vn_letter *l, size_t nl, size_t i)
{
    if (i != 1)
        return 0;
    ucs4_t a = VN_ALPHA[l[0].idx], b = VN_ALPHA[l[1].idx];
    return (a == 'q' && b == 'u') ||
           (a == 'g' && b == 'i' && nl > 2 && lg_is_vowel(l[2].idx));
}

static int lg_nucleus_ok(const vn_letter *l, size_t n)
{
    if (n > 3)
        return 0;
    strbuf sb = {0};
    sb_addc(&sb, ' ');
    for (size_t i = 0; i < n; i++)
        vn_addc(&sb, VN_ALPHA[l[i].idx]);
    sb_addc(&sb, ' ');
    int ok = strstr(LG_NUCLEI, sb.buf) != NULL;
    sb_free(&sb);
    return ok;
}

/* 1 for a well-formed syllable: consonants, one known vowel nucleus,
 * consonants; at most one tone, on a vowel; no capital after a small letter.
 * 0 when there is no vowel (abbreviations like "BCĐ"), -1 otherwise. */
static int lg_syllable(const vn_letter *l, size_t nl)
{
    size_t v0 = nl, v1 = nl; /* the nucleus is l[v0..v1) */
    int tones = 0;
    for (size_t i = 0; i < nl; i++) {
        int vowel = lg_is_vowel(l[i].idx) && !lg_initial_glide(l, nl, i);
        if ((i && l[i].upper && !l[i - 1].upper) || (l[i].tone && !vowel))
            return -1;
        tones += l[i].tone != 0;
        if (vowel && v0 == nl)
            v0 = i;
        else if (vowel && v1 != nl)
            return -1; /* a second vowel group */
        else if (!vowel && v0 != nl && v1 == nl)
            v1 = i;
    }
    if (v0 == nl)
        return 0;
    return tones <= 1 && lg_nucleus_ok(l + v0, v1 - v0) ? 1 : -1;
}

/* Score of one word that has a non-ASCII character: +1 for a plausible
 * Vietnamese syllable, -2 for letters mixed with symbols or a malformed
 * syllable, 0 for symbols alone. */
static int lg_word(const ucs4_t *u, size_t n)
{
    vn_letter l[12];
    size_t nl = 0, i = 0;
    int junk = 0;
    while (i < n) {
        vn_letter x = vn_read_letter(u + i, n - i);
        if (!x.len) {
            junk = 1;
            i++;
        } else if (nl < HD_ARRAY_LEN(l)) {
            l[nl++] = x;
            i += x.len;
        } else {
            return -2;
        }
    }
    if (junk)
        return nl ? -2 : 0;
    int r = lg_syllable(l, nl);
    return r > 0 ? 1 : r < 0 ? -2 : 0;
}

static int lg_is_sep(ucs4_t c)
{
    if (c < 0x80)
        return !vn_is_ascii_alpha(c);
    return vn_is_space(c) || (c >= 0x2000 && c <= 0x206F);
}

/* How Vietnamese u[0..n) looks: the sum of lg_word over the words that have
 * a non-ASCII character (ASCII words say nothing).  Consumes u. */
static int lg_score(ucs4_t *u, size_t n)
{
    u = vn_normalize(UNINORM_NFD, u, &n);
    int score = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        int ascii = 1;
        while (j < n && !lg_is_sep(u[j]))
            ascii &= u[j++] < 0x80;
        if (j == i)
            j++;
        else if (!ascii)
            score += lg_word(u + i, j - i);
        i = j;
    }
    free(u);
    return score;
}

/* The encoding (LG_*) whose decoding scores best, if that score is positive,
 * above `floor` and not shared by another; -1 otherwise. */
static int lg_best(const uint8_t *b, size_t n, int first, int floor)
{
    int best = -1, top = floor, tie = 0;
    for (int e = first; e < LG_COUNT; e++) {
        size_t m;
        ucs4_t *u = lg_decode(b, n, e, &m);
        int sc = lg_score(u, m);
        if (sc > top) {
            best = e;
            top = sc;
            tie = 0;
        } else if (sc == top && best >= 0) {
            tie = 1;
        }
    }
    return tie || top <= 0 ? -1 : best;
}

/* Valid UTF-8, allowing the last character to be cut (a buffer prefix). */
static int lg_utf8_prefix(const uint8_t *b, size_t n)
{
    const uint8_t *bad = u8_check(b, n);
    ucs4_t c;
    return !bad || u8_mbtoucr(&c, bad, n - (size_t)(bad - b)) == -2; /* -2: cut */
}

/* Heuristic: no legacy text is valid UTF-8, so such input (and ASCII) is not
 * legacy.  Otherwise the bytes are decoded with each table and every word with
 * a non-ASCII letter is judged as a Vietnamese syllable (lg_word); the right
 * table gives well-formed syllables, the wrong ones give symbols inside words,
 * vowel clusters Vietnamese lacks, capitals inside words, tones on consonants.
 * Latin-1 text in other languages fails in all three. */
const char *text_legacy_encoding(const char *buf, size_t n)
{
    const uint8_t *b = (const uint8_t *)buf;
    if (lg_utf8_prefix(b, n))
        return NULL;
    int e = lg_best(b, n, LG_CP1258, 0);
    return e < 0 ? NULL : LG_NAMES[e];
}

/* The Windows-1252 byte that shows as c, or -1. */
static int lg_cp1252_byte(ucs4_t c)
{
    if (c <= 0xFF)
        return (int)c; /* Latin-1, and C1 controls for unassigned bytes */
    for (int i = 0; i < 32; i++)
        if (LG_CP1252_C1[i] == c)
            return 0x80 + i;
    return -1;
}

/* Heuristic: map the text back to the Windows-1252 bytes it was shown from
 * (impossible when it has a character outside Windows-1252, e.g. any
 * Vietnamese letter like ễ ă ơ: then it is real Unicode), then judge the
 * TCVN3 and VNI readings of those bytes as text_legacy_encoding does, and the
 * text as it stands.  A legacy reading must score strictly better than the
 * text itself: "Thôn" reads as Vietnamese both ways and is left alone. */
const char *text_legacy_mojibake(const char *s)
{
    size_t n;
    ucs4_t *u = vn_decode(s, strlen(s), &n);
    uint8_t *b = xmalloc(n + 1);
    int high = 0;
    for (size_t i = 0; i < n; i++) {
        int c = lg_cp1252_byte(u[i]);
        if (c < 0) {
            high = 0;
            break;
        }
        b[i] = (uint8_t)c;
        high |= c >= 0x80;
    }
    int e = -1;
    if (high) {
        int self = lg_score(u, n);
        e = lg_best(b, n, LG_TCVN3, self > 0 ? self : 0);
    } else {
        free(u);
    }
    free(b);
    return e < 0 ? NULL : LG_NAMES[e];
}
