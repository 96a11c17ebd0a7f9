/* Unit tests for text: normalisation, folding, sort keys, widths, and the
 * recognition of legacy Vietnamese encodings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

#define HD_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* "Nguyễn Văn Đức, Trần Thị Hoa, Thôn Làng Mới" in each legacy encoding
 * (Windows-1258 and TCVN3 made with iconv CP1258 / TCVN5712-1). */
static const char SHORT_CP1258[] =
    "Nguy\xEA\xDEn V\xE3n \xD0\xFD\xEC" "c, Tr\xE2\xCCn Thi\xF2 Hoa, Th\xF4n L\xE0ng M\xF5\xECi";
static const char SHORT_TCVN3[] =
    "Nguy\xD4n V\xA8n \xA7\xF8" "c, Tr\xC7n Th\xDE Hoa, Th\xABn L\xB5ng M\xED" "i";
static const char SHORT_VNI[] =
    "Nguye\xE3n Va\xEAn \xD1\xF6\xF9" "c, Tra\xE0n Th\xF2 Hoa, Tho\xE2n La\xF8ng M\xF4\xF9i";

/* "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Danh sách
 * học sinh có nguy cơ bỏ học, thôn Ia Bang, xã Đắk Pơ, huyện Chư Prông". */
static const char LONG_CP1258[] =
    "C\xF4\xF2ng ho\xCC" "a xa\xDE h\xF4\xF2i chu\xD2 nghi\xDE" "a Vi\xEA\xF2t Nam. "
    "\xD0\xF4\xF2" "c l\xE2\xF2p - T\xFD\xF2 do - Ha\xF2nh ph\xFA" "c. Danh s\xE1" "ch ho\xF2"
    "c sinh c\xF3 nguy c\xF5 bo\xD2 ho\xF2" "c, th\xF4n Ia Bang, xa\xDE \xD0\xE3\xECk P\xF5, "
    "huy\xEA\xF2n Ch\xFD Pr\xF4ng";
static const char LONG_TCVN3[] =
    "C\xE9ng h\xDF" "a x\xB7 h\xE9i ch\xF1 ngh\xDC" "a Vi\xD6t Nam. \xA7\xE9" "c l\xCBp - "
    "T\xF9 do - H\xB9nh ph\xF3" "c. Danh s\xB8" "ch h\xE4" "c sinh c\xE3 nguy c\xAC b\xE1 "
    "h\xE4" "c, th\xABn Ia Bang, x\xB7 \xA7\xBEk P\xAC, huy\xD6n Ch\xAD Pr\xABng";
static const char LONG_VNI[] =
    "Co\xE4ng ho\xF8" "a xa\xF5 ho\xE4i chu\xFB ngh\xF3" "a Vie\xE4t Nam. \xD1o\xE4" "c "
    "la\xE4p - T\xF6\xEF do - Ha\xEFnh phu\xF9" "c. Danh sa\xF9" "ch ho\xEF" "c sinh co\xF9 "
    "nguy c\xF4 bo\xFB ho\xEF" "c, tho\xE2n Ia Bang, xa\xF5 \xD1" "a\xE9k P\xF4, huye\xE4n "
    "Ch\xF6 Pro\xE2ng";

/* ------------------------------------------------------------ helpers */

static void check_fold(const char *in, const char *want)
{
    char *got = text_fold(in);
    assert_string_equal(got, want);
    free(got);
}

static void check_ascii(const char *in, const char *want)
{
    char *got = text_ascii(in);
    assert_string_equal(got, want);
    free(got);
}

static void check_nfc(const char *in, const char *want)
{
    char *got = text_nfc(in);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* Compares the keys of a and b made by fn; prints them when the order is wrong. */
static int key_cmp(char *(*fn)(const char *), const char *a, const char *b)
{
    char *ka = fn(a), *kb = fn(b);
    int c = strcmp(ka, kb);
    free(ka);
    free(kb);
    return c < 0 ? -1 : c > 0;
}

/* Each string must sort strictly before the next. */
static void check_order(char *(*fn)(const char *), const char *const *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (key_cmp(fn, s[i], s[i + 1]) >= 0)
            print_error("expected \"%s\" < \"%s\"\n", s[i], s[i + 1]);
        assert_int_equal(key_cmp(fn, s[i], s[i + 1]), -1);
        assert_int_equal(key_cmp(fn, s[i + 1], s[i]), 1);
    }
}

/* The part of key k before its n-th \x01 (n >= 1), as a new string. */
static char *key_levels(const char *k, int n)
{
    const char *p = k;
    for (int i = 0; i < n; i++) {
        p = strchr(p, '\x01');
        assert_non_null(p);
        p++;
    }
    return strndup(k, (size_t)(p - k));
}

/* ----------------------------------------------------------- utf8, nfc */

static void test_valid_utf8(void **state)
{
    (void)state;
    assert_true(text_valid_utf8("", 0));
    assert_true(text_valid_utf8("abc", 3));
    assert_true(text_valid_utf8("Nguyễn Văn Đức", strlen("Nguyễn Văn Đức")));
    assert_false(text_valid_utf8("a\xFF" "b", 3));
    assert_false(text_valid_utf8("\xC0\xAF", 2));          /* overlong '/' */
    assert_false(text_valid_utf8("\xE0\x80\xAF", 3));      /* overlong */
    assert_false(text_valid_utf8("\xED\xA0\x80", 3));      /* surrogate D800 */
    assert_false(text_valid_utf8("\xF4\x90\x80\x80", 4));  /* above 10FFFF */
    assert_false(text_valid_utf8("\xE1\xBB", 2));          /* cut short */
    assert_false(text_valid_utf8("\x80", 1));
    /* n counts, not the NUL: a prefix cut inside "ễ" is invalid */
    assert_false(text_valid_utf8("ễ", 2));
    assert_true(text_valid_utf8("ễ", 3));
}

static void test_nfc(void **state)
{
    (void)state;
    check_nfc("", "");
    check_nfc("Nguyễn Văn An", "Nguyễn Văn An");
    /* decomposed, as Excel on macOS writes it */
    check_nfc("Nguye\xCC\x82\xCC\x83n", "Nguyễn");
    check_nfc("\xC4\x90u\xCC\x9B\xCC\x81" "c", "Đức");
    /* tone before the vowel mark, canonical order fixes it */
    check_nfc("a\xCC\xA3\xCC\x86", "ặ");
    /* the look-alike eth from old keyboards */
    check_nfc("\xC3\x90" "ào \xC3\xB0" "ức", "Đào đức");
    check_nfc("ÐỨC", "ĐỨC");
    assert_null(text_nfc("Nguy\xEA\xDEn"));
    assert_null(text_nfc("\xED\xA0\x80"));
}

/* ----------------------------------------------------------------- fold */

static void test_fold_examples(void **state)
{
    (void)state;
    check_fold("Nguyễn Thị Ánh Đào", "nguyen thi anh dao");
    check_fold("Ksor H'Bia", "ksor hbia");
    check_fold("Ksor H\xE2\x80\x99" "Bia", "ksor hbia");  /* ’ */
    check_fold("Ksor H\xCA\xBC" "Bia", "ksor hbia");      /* ʼ */
    check_fold("Ksor H\xE2\x80\x98" "Bia", "ksor hbia");  /* ‘ */
    check_fold("ÐỨC", "duc");
    check_fold("\xC3\xB0\xC3\xA0o", "dao");               /* ðào */
    check_fold("\xC4\x90u\xCC\x9B\xCC\x81" "c", "duc");   /* decomposed Đức */
    check_fold("Rơ Châm  Khoa", "ro cham khoa");
    check_fold("Y-Moan", "y moan");
    check_fold("Y - Moan", "y moan");
    check_fold("  \tTrần\n Thị\r\n An  ", "tran thi an");
    check_fold("Lê\xC2\xA0Văn", "le van");                /* no-break space */
    check_fold("Lê\xE2\x80\x93Văn", "le van");            /* en dash */
}

static void test_fold_edges(void **state)
{
    (void)state;
    check_fold("", "");
    check_fold("   ", "");
    check_fold("-", "");
    check_fold("'", "");
    check_fold("ƯỚC MƠ ĐẸP", "uoc mo dep");
    check_fold("Thôn 10", "thon 10");
    check_fold("Ab\xFF" "c\xC3", "abc");                  /* invalid bytes dropped */
    check_fold("\xE1\xBB", "");                            /* only a cut sequence */
    check_fold("Crème Brûlée", "creme brulee");
    check_fold("Ωμέγα", "ωμεγα");
    check_fold("Đắk Lắk", "dak lak");
    /* every Vietnamese vowel with every tone folds to its base */
    check_fold("àảãáạ ằẳẵắặ ầẩẫấậ èẻẽéẹ ềểễếệ ìỉĩíị", "aaaaa aaaaa aaaaa eeeee eeeee iiiii");
    check_fold("òỏõóọ ồổỗốộ ờởỡớợ ùủũúụ ừửữứự ỳỷỹýỵ", "ooooo ooooo ooooo uuuuu uuuuu yyyyy");
    check_fold("ÀẢÃÁẠ ẰẲẴẮẶ ẦẨẪẤẬ ỲỶỸÝỴ Đ", "aaaaa aaaaa aaaaa yyyyy d");
}

/* ---------------------------------------------------------------- ascii */

static void test_ascii(void **state)
{
    (void)state;
    check_ascii("Đức Cơ", "Duc Co");
    check_ascii("NGUYỄN", "NGUYEN");
    check_ascii("Ð", "D");
    check_ascii("ð", "d");
    check_ascii("Trần Thị Ánh, thôn 3 - xã Ia Bang", "Tran Thi Anh, thon 3 - xa Ia Bang");
    check_ascii("Ksor H'Bia", "Ksor H'Bia");
    check_ascii("Nguye\xCC\x82\xCC\x83n", "Nguyen");
    check_ascii("", "");
    /* other characters kept, other scripts recomposed as they came */
    check_ascii("50 m² → 東京 한국", "50 m² → 東京 한국");
    check_ascii("Ab\xFF" "c", "Abc");
}

/* ------------------------------------------------------------ sort keys */

static void test_sort_key_letters(void **state)
{
    (void)state;
    static const char *const tones[] = {"a", "à", "ả", "ã", "á", "ạ", "ă", "â", "b"};
    check_order(text_sort_key, tones, HD_LEN(tones));
    static const char *const d[] = {"d", "đ", "e"};
    check_order(text_sort_key, d, HD_LEN(d));
    static const char *const o[] = {"o", "ô", "ơ", "p"};
    check_order(text_sort_key, o, HD_LEN(o));
    static const char *const u[] = {"u", "ư", "v"};
    check_order(text_sort_key, u, HD_LEN(u));
    static const char *const e[] = {"e", "è", "ẹ", "ê", "ề", "ệ", "f", "g"};
    check_order(text_sort_key, e, HD_LEN(e));
    static const char *const names[] = {"Dũng", "Đào", "Em"};
    check_order(text_sort_key, names, HD_LEN(names));
    static const char *const words[] = {"An", "An Bình", "Anh"};
    check_order(text_sort_key, words, HD_LEN(words));
    /* the alphabet with the foreign letters in their Latin places */
    static const char *const abc[] = {
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
        "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"};
    check_order(text_sort_key, abc, HD_LEN(abc));
    /* the letter decides before the tone: "bà" < "bác" < "bạc" < "ban" */
    static const char *const syl[] = {"ba", "bà", "bác", "bạc", "ban", "băn"};
    check_order(text_sort_key, syl, HD_LEN(syl));
}

static void test_sort_key_numbers(void **state)
{
    (void)state;
    static const char *const thon[] = {"Thôn 1", "Thôn 2", "Thôn 9", "Thôn 10", "Thôn 10a",
                                       "Thôn 11", "Thôn 100", "Thôn A"};
    check_order(text_sort_key, thon, HD_LEN(thon));
    static const char *const n[] = {"0", "1", "2", "10", "99", "100", "a"};
    check_order(text_sort_key, n, HD_LEN(n));
    /* leading zeros: same number, told apart only after the primary level */
    char *a = text_sort_key("Tổ 02"), *b = text_sort_key("Tổ 2");
    assert_string_not_equal(a, b);
    char *pa = key_levels(a, 1), *pb = key_levels(b, 1);
    assert_string_equal(pa, pb);
    free(pa);
    free(pb);
    free(a);
    free(b);
    assert_int_equal(key_cmp(text_sort_key, "Tổ 02", "Tổ 3"), -1);
}

static void test_sort_key_levels(void **state)
{
    (void)state;
    /* case differs only at the third level; lower case first */
    char *lo = text_sort_key("an"), *up = text_sort_key("An");
    char *lo2 = key_levels(lo, 2), *up2 = key_levels(up, 2);
    assert_string_equal(lo2, up2);
    assert_true(strcmp(lo, up) < 0);
    free(lo2);
    free(up2);
    free(lo);
    free(up);
    /* tone differs at the second level only */
    char *a = text_sort_key("Hà"), *b = text_sort_key("Hạ");
    char *a1 = key_levels(a, 1), *b1 = key_levels(b, 1);
    assert_string_equal(a1, b1);
    assert_true(strcmp(a, b) < 0);
    free(a1);
    free(b1);
    free(a);
    free(b);
    /* a difference in case never beats one in letters or tones */
    assert_int_equal(key_cmp(text_sort_key, "AN", "àn"), -1);
    assert_int_equal(key_cmp(text_sort_key, "Àn", "an b"), -1);
}

static void test_sort_key_forms(void **state)
{
    (void)state;
    /* NFC, NFD and the look-alike eth give one key */
    char *k1 = text_sort_key("Đức"), *k2 = text_sort_key("\xC4\x90u\xCC\x9B\xCC\x81" "c");
    char *k3 = text_sort_key("Ðức");
    assert_string_equal(k1, k2);
    assert_string_equal(k1, k3);
    free(k1);
    free(k2);
    free(k3);
    /* white space runs and ends do not matter */
    k1 = text_sort_key("Trần Thị An");
    k2 = text_sort_key("  Trần \t Thị  An ");
    assert_string_equal(k1, k2);
    free(k1);
    free(k2);
    /* apostrophes and hyphens: near, but distinct */
    char *p1, *p2;
    k1 = text_sort_key("H'Bia");
    k2 = text_sort_key("HBia");
    p1 = key_levels(k1, 3);
    p2 = key_levels(k2, 3);
    assert_string_equal(p1, p2);
    assert_string_not_equal(k1, k2);
    free(p1);
    free(p2);
    free(k1);
    free(k2);
    assert_int_not_equal(key_cmp(text_sort_key, "Y-Moan", "Y Moan"), 0);
    assert_int_equal(key_cmp(text_sort_key, "Y-Moan", "Y Moana"), -1);
}

static void test_sort_key_printable(void **state)
{
    (void)state;
    static const char *const in[] = {
        "", "Nguyễn Văn Đức", "Ksor H'Bia", "Thôn 10, xã Ia Bang", "東京 Ωμέγα",
        "ab\xFF\xC3" "cd", "\t\r\n\x7F", "\xCC\x81" "a", "123456789012345678901234567890123456",
        "¿«»»—…‘’“”©®°±", "ﬁ 𝔸 😀"};
    for (size_t i = 0; i < HD_LEN(in); i++) {
        char *k = text_sort_key(in[i]);
        int seps = 0;
        for (const unsigned char *p = (const unsigned char *)k; *p; p++) {
            if (*p == 1)
                seps++;
            else
                assert_true(*p >= 0x20 && *p <= 0x7E);
        }
        assert_int_equal(seps, 3);
        free(k);
    }
    /* other scripts come after the Latin letters, in code point order */
    static const char *const other[] = {"z", "Ωmega", "東京"};
    check_order(text_sort_key, other, HD_LEN(other));
    assert_int_equal(key_cmp(text_sort_key, "Ωmega", "ωmega"), 1);
}

/* qsort by sort key gives the order a Vietnamese reader expects */
static int cmp_by_key(const void *a, const void *b)
{
    return key_cmp(text_sort_key, *(const char *const *)a, *(const char *const *)b);
}

static void test_sort_key_list(void **state)
{
    (void)state;
    const char *list[] = {"Ông", "ơi", "Đông", "Dương", "Ân", "Ăn", "an", "Thôn 10", "Thôn 2",
                          "Út", "Ưng", "Em", "Ê", "ốc"};
    static const char *const want[] = {"an", "Ăn", "Ân", "Dương", "Đông", "Em", "Ê", "ốc",
                                       "Ông", "ơi", "Thôn 2", "Thôn 10", "Út", "Ưng"};
    qsort(list, HD_LEN(list), sizeof list[0], cmp_by_key);
    for (size_t i = 0; i < HD_LEN(list); i++)
        assert_string_equal(list[i], want[i]);
}

static void test_name_sort_key(void **state)
{
    (void)state;
    static const char *const kinh[] = {"Trần Thị An", "Nguyễn Văn An", "Lê Văn Anh",
                                       "Phạm Bình", "Hoàng Thị Đào", "Đỗ Em"};
    check_order(text_name_sort_key, kinh, HD_LEN(kinh));
    /* the same given and middle names: the family name decides */
    static const char *const family[] = {"Lê Văn An", "Nguyễn Văn An", "Trần Văn An"};
    check_order(text_name_sort_key, family, HD_LEN(family));
    /* Jrai / Bahnar names: the given name is the last word too */
    static const char *const jrai[] = {"Ksor H'Bia", "Rơ Châm Khoa", "Siu Y Nhi"};
    check_order(text_name_sort_key, jrai, HD_LEN(jrai));
    /* apostrophe ignored: "H'Bia" files with "Hbia", before "Hoa" */
    static const char *const apos[] = {"Ksor H'Bia", "Nguyễn Thị Hoa"};
    check_order(text_name_sort_key, apos, HD_LEN(apos));
    assert_int_equal(key_cmp(text_name_sort_key, "Ksor H'Bia", "Ksor HBia"), 1);
    assert_int_equal(key_cmp(text_name_sort_key, "Ksor H'Bia", "Ksor Hbic"), -1);
    /* one word names and extra white space */
    static const char *const one[] = {"An", "Nguyễn An", "Nguyễn Văn An", "Anh"};
    check_order(text_name_sort_key, one, HD_LEN(one));
    assert_int_equal(key_cmp(text_name_sort_key, "  Trần   Thị An ", "Trần Thị An"), 0);
    assert_int_equal(key_cmp(text_name_sort_key, "", ""), 0);
    /* the given name decides whole, tones included, before the other names:
     * every "Anh" comes before every "Ánh", as in a class list */
    static const char *const tones[] = {"Nguyễn Trung Anh", "Lê Xuân Ảnh", "Phạm Nhật Ánh"};
    check_order(text_name_sort_key, tones, HD_LEN(tones));
    static const char *const given_first[] = {"Trần Văn Anh", "Lê Thị Ánh", "Nguyễn Bình"};
    check_order(text_name_sort_key, given_first, HD_LEN(given_first));
}

/* ------------------------------------------------------------ width, fit */

static void test_width(void **state)
{
    (void)state;
    assert_int_equal(text_width(""), 0);
    assert_int_equal(text_width("abc"), 3);
    assert_int_equal(text_width("Nguyễn"), 6);
    assert_int_equal(text_width("Nguye\xCC\x82\xCC\x83n"), 6);   /* combining: 0 */
    assert_int_equal(text_width("東京"), 4);
    assert_int_equal(text_width("a\tb"), 3);                     /* control: 1 */
    assert_int_equal(text_width("a\xFF" "b"), 3);                /* invalid byte: 1 */
    assert_int_equal(text_width("😀"), 2);
}

static void test_fit(void **state)
{
    (void)state;
    const char *s = "Nguyễn Văn";
    assert_int_equal(text_fit(s, 0), 0);
    assert_int_equal(text_fit(s, 3), 3);
    assert_int_equal(text_fit(s, 5), 4 + strlen("ễ"));
    assert_int_equal(text_fit(s, 100), strlen(s));
    assert_int_equal(text_fit(s, 10), strlen(s));
    assert_int_equal(text_fit(s, 9), strlen("Nguyễn Vă"));
    /* decomposed: the marks stay with their letter */
    const char *d = "Nguye\xCC\x82\xCC\x83n";
    assert_int_equal(text_fit(d, 4), 4);
    assert_int_equal(text_fit(d, 5), 9);
    assert_int_equal(text_fit(d, 6), strlen(d));
    /* a wide character that does not fit is left out whole */
    assert_int_equal(text_fit("東京", 3), 3);
    assert_int_equal(text_fit("東京", 1), 0);
    assert_int_equal(text_fit("a東", 2), 1);
    assert_int_equal(text_fit("", 5), 0);
    assert_int_equal(text_fit("ab\xFF" "cd", 3), 3);
}

/* ------------------------------------------------------ legacy encodings */

static void test_legacy_encoding_found(void **state)
{
    (void)state;
    assert_string_equal(text_legacy_encoding(SHORT_CP1258, strlen(SHORT_CP1258)), "Windows-1258");
    assert_string_equal(text_legacy_encoding(SHORT_TCVN3, strlen(SHORT_TCVN3)), "TCVN3");
    assert_string_equal(text_legacy_encoding(SHORT_VNI, strlen(SHORT_VNI)), "VNI");
    assert_string_equal(text_legacy_encoding(LONG_CP1258, strlen(LONG_CP1258)), "Windows-1258");
    assert_string_equal(text_legacy_encoding(LONG_TCVN3, strlen(LONG_TCVN3)), "TCVN3");
    assert_string_equal(text_legacy_encoding(LONG_VNI, strlen(LONG_VNI)), "VNI");
    /* as a CSV file: a header line in ASCII, then the names */
    const char *csv = "ho_ten;thon\r\nTr\xC7n Th\xDE Hoa;Th\xABn 2\r\n"
                      "Nguy\xD4n V\xA8n \xA7\xF8" "c;Th\xABn 10\r\n";
    assert_string_equal(text_legacy_encoding(csv, strlen(csv)), "TCVN3");
    /* one word is enough */
    assert_string_equal(text_legacy_encoding("Vie\xE4t Nam", 9), "VNI");
    assert_string_equal(text_legacy_encoding("Vi\xEA\xF2t Nam", 9), "Windows-1258");
    assert_string_equal(text_legacy_encoding("Vi\xD6t Nam", 8), "TCVN3");
}

static void test_legacy_encoding_none(void **state)
{
    (void)state;
    assert_null(text_legacy_encoding("", 0));
    assert_null(text_legacy_encoding("Nguyen Van Duc, Thon 2", 22));
    const char *u8 = "Nguyễn Văn Đức, Trần Thị Hoa, Thôn Làng Mới";
    assert_null(text_legacy_encoding(u8, strlen(u8)));
    /* a 64 KiB prefix may cut the last character */
    assert_null(text_legacy_encoding(u8, strlen("Nguyễn Văn Đức, Trần Thị Hoa, Thôn Làng M") + 1));
    const char *fr = "Le café crème à côté de l'hôtel. Où est la fenêtre? Très bien, déjà vu.";
    assert_null(text_legacy_encoding(fr, strlen(fr)));
    /* the same French and German texts in Latin-1 */
    const char *fr1 = "Le caf\xE9 cr\xE8me \xE0 c\xF4t\xE9 de l'h\xF4tel. O\xF9 est la "
                      "fen\xEAtre? Tr\xE8s bien, d\xE9j\xE0 vu. No\xEBl, gar\xE7on, "
                      "\xE9l\xE8ve, \xE9t\xE9, fa\xE7" "ade, na\xEFve.";
    assert_null(text_legacy_encoding(fr1, strlen(fr1)));
    const char *de1 = "M\xFCller, Stra\xDF" "e 5, Gr\xF6\xDF" "e, sch\xF6n, \xDC" "ber, "
                      "K\xE4se, Fu\xDF" "ball, M\xE4" "dchen";
    assert_null(text_legacy_encoding(de1, strlen(de1)));
    /* garbage */
    const char junk[] = "\xFF\xFE\x00\x01\x80\x81\x90\x9F";
    assert_null(text_legacy_encoding(junk, sizeof junk - 1));
}

static void test_legacy_mojibake(void **state)
{
    (void)state;
    assert_string_equal(text_legacy_mojibake("NguyÔn V¨n"), "TCVN3");
    assert_string_equal(text_legacy_mojibake("NguyÔn V¨n §øc, TrÇn ThÞ Hoa, Th«n Lµng Míi"),
                        "TCVN3");
    assert_string_equal(text_legacy_mojibake("Céng hßa x· héi chñ nghÜa ViÖt Nam. §éc lËp - "
                                             "Tù do - H¹nh phóc. huyÖn Ch\xC2\xAD Pr«ng"),
                        "TCVN3");
    assert_string_equal(text_legacy_mojibake("Nguyeãn Vaên"), "VNI");
    assert_string_equal(text_legacy_mojibake("Nguyeãn Vaên Ñöùc, Traàn Thò Hoa, Thoân Laøng Môùi"),
                        "VNI");
    assert_string_equal(text_legacy_mojibake("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc "
                                             "laäp - Töï do - Haïnh phuùc"),
                        "VNI");
}

static void test_legacy_mojibake_none(void **state)
{
    (void)state;
    static const char *const real[] = {
        "", "Nguyen Van Anh", "Ksor H'Bia", "Nguyễn Văn Ánh", "Thôn Ia Bang", "Ánh", "Hà",
        "Hòa", "Thuý", "Lê Thị Mỹ Dung", "Café crème", "Müller", "Thôn Plei Kần",
        "Nguyễn Văn Đức, Trần Thị Hoa, Thôn Làng Mới", "Rơ Châm Khoa", "Đà Nẵng",
        "50 m² · 3 €", "ab\xFF" "c"};
    for (size_t i = 0; i < HD_LEN(real); i++) {
        const char *r = text_legacy_mojibake(real[i]);
        if (r)
            print_error("\"%s\" taken for %s\n", real[i], r);
        assert_null(r);
    }
}

static void test_search_key(void **state)
{
    (void)state;
    char *k = text_search_key("Ksor H'Bia");
    assert_string_equal(k, "ksor hbia h bia");
    free(k);
    k = text_search_key("Nguyễn Thị Ánh Đào");
    assert_string_equal(k, "nguyen thi anh dao");
    free(k);
    k = text_search_key("Rơ Châm Y’Wơn");
    assert_string_equal(k, "ro cham ywon y won");
    free(k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_search_key),
        cmocka_unit_test(test_valid_utf8),
        cmocka_unit_test(test_nfc),
        cmocka_unit_test(test_fold_examples),
        cmocka_unit_test(test_fold_edges),
        cmocka_unit_test(test_ascii),
        cmocka_unit_test(test_sort_key_letters),
        cmocka_unit_test(test_sort_key_numbers),
        cmocka_unit_test(test_sort_key_levels),
        cmocka_unit_test(test_sort_key_forms),
        cmocka_unit_test(test_sort_key_printable),
        cmocka_unit_test(test_sort_key_list),
        cmocka_unit_test(test_name_sort_key),
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_fit),
        cmocka_unit_test(test_legacy_encoding_found),
        cmocka_unit_test(test_legacy_encoding_none),
        cmocka_unit_test(test_legacy_mojibake),
        cmocka_unit_test(test_legacy_mojibake_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
