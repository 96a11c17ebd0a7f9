/* text.h — Vietnamese text: normalisation, folding, ordering, display.
 *
 * Everything stored is UTF-8 in NFC.  Every function taking a `const char *`
 * expects UTF-8; functions returning `char *` return a new string the caller
 * frees.  None of them touch curses or SQLite. */
#ifndef HD_TEXT_H
#define HD_TEXT_H

#include <stddef.h>

/* 1 when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
int text_valid_utf8(const char *s, size_t n);

/* NFC copy of s (decomposed input from Excel or macOS becomes precomposed),
 * with the look-alike "Ð" (U+00D0) replaced by "Đ" (U+0110) and "ð" (U+00F0)
 * by "đ".  NULL when s is not valid UTF-8. */
char *text_nfc(const char *s);

/* The search key: lower case, no tone or vowel marks, đ/Đ/Ð -> d, hyphens and
 * runs of white space -> one space, apostrophes (' ’ ʼ) removed, any other
 * ASCII punctuation or control character -> a space, trimmed: the key holds
 * only letters, digits and single spaces.
 * "Nguyễn Thị Ánh Đào" -> "nguyen thi anh dao"; "Ksor H'Bia" -> "ksor hbia".
 * Works on NFC or decomposed input.  Never NULL (invalid bytes are dropped). */
char *text_fold(const char *s);

/* The words the search index holds for a name: the folded key, then the
 * parts of each word that an apostrophe joined ("Ksor H'Bia" ->
 * "ksor hbia h bia"), so typing "bia" finds H'Bia as "hbia" does. */
char *text_search_key(const char *s);

/* A key whose byte order (memcmp / SQLite BINARY) is Vietnamese order:
 * a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, tones as a
 * secondary difference (none, huyền, hỏi, ngã, sắc, nặng), case third;
 * runs of digits compare as numbers ("Thôn 2" < "Thôn 10").  Printable ASCII
 * plus \x01 separators, so it can be stored as TEXT. */
char *text_sort_key(const char *s);

/* Like text_sort_key for a person's name listed the Vietnamese way: by the
 * given name (last word), then the middle names, then the family name. */
char *text_name_sort_key(const char *s);

/* The text without diacritics for consoles whose font lacks Vietnamese glyphs:
 * "Đức Cơ" -> "Duc Co"; case kept; other characters kept as they are. */
char *text_ascii(const char *s);

/* Columns the text takes on a terminal (wcwidth per character; combining
 * marks take none; unprintable characters count 1 as they are shown as '?').
 * Does not depend on the locale. */
int text_width(const char *s);
/* The same for the first n bytes of s. */
int text_width_n(const char *s, size_t n);

/* Byte length of the longest prefix of s that fits in `cols` columns, cut at
 * a character boundary (never inside a UTF-8 sequence or before a combining
 * mark that belongs to the kept character). */
size_t text_fit(const char *s, int cols);

/* Recognises text in a legacy Vietnamese encoding.  buf is raw bytes (e.g. the
 * first 64 KiB of a file).  Returns "Windows-1258", "TCVN3" or "VNI" when the
 * bytes look like one of them, NULL otherwise (including for plain ASCII and
 * for well-formed UTF-8 Vietnamese). */
const char *text_legacy_encoding(const char *buf, size_t n);

/* Recognises legacy-font text that was decoded into Unicode as if it were
 * Windows-1252, as Excel shows TCVN3/VNI text: "NguyÔn V¨n" (TCVN3),
 * "Nguyeãn Vaên" (VNI).  s is UTF-8.  Returns "TCVN3" or "VNI", or NULL. */
const char *text_legacy_mojibake(const char *s);

#endif
