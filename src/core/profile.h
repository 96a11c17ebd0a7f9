/* profile.h — import profiles: the sheets communes receive from the
 * ministry's and the survey's software, each with its own headers, codes and
 * layout.  A profile adds header synonyms to those of columns.c (which every
 * sheet keeps), and may translate status codes and build household codes.
 *
 * Shipped: "mau-nhap-lieu" (the universal-education survey's entry sheet
 * MauNhapLieu: one row a person, "QH với chủ hộ" = "chủ hộ" marks the head,
 * household form numbers built from the province, district, commune and
 * village codes), "c1-hocsinh" (the education database's pupil sheet
 * C1-HocSinh, whose status codes map onto the status history) and
 * "danh-sach-lop" (a plain class list).  A profile is chosen by
 * --profile, else by the sheet's name, else by headers only it has. */
#ifndef HD_PROFILE_H
#define HD_PROFILE_H

#include <stddef.h>

#include "core/columns.h"
#include "core/config.h"

typedef struct hd_profile_col {
    hd_col col;
    const char *synonyms;  /* folded, '|'-separated */
} hd_profile_col;

/* A status code of the sheet and the status it means (hd_status), with the
 * reason recorded in the history. */
typedef struct hd_profile_code {
    const char *code;
    int status;
    const char *reason;
} hd_profile_code;

typedef struct hd_profile {
    const char *name;      /* for --profile */
    const char *title;     /* what the sheet is, for --show-mapping */
    const char *sheets;    /* folded sheet names that choose it, '|'-separated */
    const char *signature; /* folded headers that, all present, choose it */
    hd_profile_col cols[12];
    const hd_profile_code *codes; /* NULL-ended on code; NULL when none */
    int persons;           /* one row a person (heads and children) */
    const hd_import_profile *user; /* from the config file: its columns */
} hd_profile;

/* The config file's profiles (import.profiles), used from now on beside the
 * shipped ones; one of the same name replaces a shipped profile.  p stays
 * owned by the caller (the config) and must outlive the imports. */
void profile_set_user(const hd_import_profile *p, size_t n);
/* 1 when key names a column an import reads ("full_name", "Ngày sinh",
 * "pupil code", "Số phiếu"), in any table. */
int profile_known_column(const char *key);

const hd_profile *profile_find(const char *name);
const hd_profile *profile_at(size_t i);  /* NULL past the last */
/* The profile a sheet's name chooses, NULL when none. */
const hd_profile *profile_for_sheet(const char *sheet);
/* The profile whose signature headers are all among texts; NULL. */
const hd_profile *profile_for_headers(const char *const *texts, size_t n);
/* The column a header means in profile p for table t (the profile's own
 * names first, then columns.c's); NULL when none.  p may be NULL. */
const hd_column *profile_match(const hd_profile *p, hd_table t, const char *header);
/* The status a code means, NULL when the profile has no such code. */
const hd_profile_code *profile_code(const hd_profile *p, const char *code);

#endif
