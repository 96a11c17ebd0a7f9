/* profile.c — the import profiles shipped with huydong (profile.h). */
#include "core/profile.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/text.h"
#include "core/util.h"

/* Columns that only profiles know (not in any export). */
static const hd_column profile_only[] = {
    {COL_P_PROVINCE, "Mã tỉnh", "province code", ""},
    {COL_P_DISTRICT, "Mã huyện", "district code", ""},
    {COL_P_COMMUNE, "Mã xã", "commune code", ""},
    {COL_P_VILLAGE_CODE, "Mã thôn", "village code", ""},
    {COL_P_FORM, "Số phiếu", "form number", ""},
    {COL_P_RELATION, "QH với chủ hộ", "relation to the head", ""},
    {COL_P_POOR, "Hộ nghèo", "poor household, a risk factor", ""},
};

/* The education database's status codes ("Trạng thái HS"). */
static const hd_profile_code c1_codes[] = {
    {"01", STATUS_ENROLLED, "Đang học"},
    {"02", STATUS_ENROLLED, "Chuyển đến trong hè"},
    {"06", STATUS_ENROLLED, "Chuyển đến học kỳ I"},
    {"10", STATUS_ENROLLED, "Chuyển đến học kỳ II"},
    {"03", STATUS_RETURNED, "Thôi học, xin học lại"},
    {"07", STATUS_RETURNED, "Thôi học, xin học lại"},
    {"04", STATUS_TRANSFERRED, "Chuyển đi trong hè"},
    {"08", STATUS_TRANSFERRED, "Chuyển đi học kỳ I"},
    {"11", STATUS_TRANSFERRED, "Chuyển đi học kỳ II"},
    {"05", STATUS_DROPPED_OUT, "Bỏ học học kỳ I"},
    {"09", STATUS_DROPPED_OUT, "Bỏ học học kỳ II"},
    {"12", STATUS_DROPPED_OUT, "Bỏ học trong hè"},
    {NULL, 0, NULL},
};

static const hd_profile profiles[] = {
    {"mau-nhap-lieu", "Phổ cập giáo dục: MauNhapLieu", "maunhaplieu|mau nhap lieu",
     "qh voi chu ho|so phieu",
     {{COL_P_PROVINCE, "ma tinh|tinh"},
      {COL_P_DISTRICT, "ma huyen|huyen"},
      {COL_P_COMMUNE, "ma xa|xa"},
      {COL_P_VILLAGE_CODE, "ma thon|ma thon xom|ma thon to"},
      {COL_P_FORM, "so phieu|phieu so|so phieu dieu tra"},
      {COL_P_RELATION, "qh voi chu ho|quan he voi chu ho|quan he"},
      {COL_H_HEAD, "ho va ten|ho ten"},
      {COL_H_POVERTY, "con ho ngheo|ho ngheo"},
      {COL_P_POOR, "con ho ngheo|ho ngheo"}},
     NULL, 1, NULL},
    {"c1-hocsinh", "CSDL ngành: C1-HocSinh", "c1 hocsinh|c1 hoc sinh",
     "ma hoc sinh|trang thai hs",
     {{COL_C_CLASS, "ma lop"},
      {COL_C_STATUS, "trang thai hs|trang thai hoc sinh"},
      {COL_C_STATUS_DATE, "ngay nhap trang thai|ngay trang thai hs"}},
     c1_codes, 0, NULL},
    {"danh-sach-lop", "Danh sách lớp", "danh sach lop", "stt|lop|ho ngheo",
     {{COL_P_POOR, "ho ngheo|con ho ngheo"}},
     NULL, 0, NULL},
};

/* The config file's profiles, first: they may replace a shipped one. */
static hd_profile *user;
static size_t nuser;

void profile_set_user(const hd_import_profile *p, size_t n)
{
    free(user);
    user = xcalloc(n ? n : 1, sizeof *user);
    nuser = n;
    for (size_t i = 0; i < n; i++) {
        user[i].name = p[i].name;
        user[i].title = p[i].name;
        user[i].sheets = p[i].sheet;
        user[i].signature = p[i].headers;
        user[i].user = &p[i];
    }
}

static size_t nall(void)
{
    return nuser + HD_ARRAY_LEN(profiles);
}

/* The i-th profile, the config's first; a shipped one replaced by a config
 * profile of the same name is skipped (returns NULL for it). */
static const hd_profile *nth(size_t i)
{
    if (i < nuser)
        return &user[i];
    const hd_profile *p = &profiles[i - nuser];
    for (size_t k = 0; k < nuser; k++)
        if (strcmp(user[k].name, p->name) == 0)
            return NULL;
    return p;
}

const hd_profile *profile_at(size_t i)
{
    for (size_t k = 0; k < nall(); k++) {
        const hd_profile *p = nth(k);
        if (p && i-- == 0)
            return p;
    }
    return NULL;
}

const hd_profile *profile_find(const char *name)
{
    for (size_t i = 0; i < nall(); i++) {
        const hd_profile *p = nth(i);
        if (p && strcmp(p->name, name) == 0)
            return p;
    }
    return NULL;
}

const hd_profile *profile_for_sheet(const char *sheet)
{
    char *f = text_fold(sheet);
    const hd_profile *found = NULL;
    for (size_t i = 0; i < nall() && !found; i++) {
        const hd_profile *p = nth(i);
        if (p && *p->sheets && str_in_list(p->sheets, f))
            found = p;
    }
    free(f);
    return found;
}

/* The column key names in table t: the table's own, else a profile-only one. */
static const hd_column *key_column(hd_table t, const char *key)
{
    const hd_column *c = columns_match(t, key);
    if (c)
        return c;
    char *f = text_fold(key);
    for (char *q = f; *q; q++)
        if (*q == '_')
            *q = ' ';
    for (size_t i = 0; i < HD_ARRAY_LEN(profile_only) && !c; i++) {
        char *a = text_fold(profile_only[i].header), *b = text_fold(profile_only[i].header_en);
        if (!strcmp(a, f) || !strcmp(b, f))
            c = &profile_only[i];
        free(a);
        free(b);
    }
    free(f);
    return c;
}

int profile_known_column(const char *key)
{
    for (int t = 0; t < TABLE_COUNT; t++)
        if (key_column((hd_table)t, key))
            return 1;
    return 0;
}

const hd_profile *profile_for_headers(const char *const *texts, size_t n)
{
    char **folded = xcalloc(n ? n : 1, sizeof *folded);
    for (size_t i = 0; i < n; i++)
        folded[i] = text_fold(texts[i] ? texts[i] : "");
    const hd_profile *found = NULL;
    for (size_t k = 0; k < nall() && !found; k++) {
        const hd_profile *p = nth(k);
        if (!p || !*p->signature)
            continue;
        char *sig = xstrdup(p->signature);
        int all = 1;
        for (char *w = strtok(sig, "|"); w && all; w = strtok(NULL, "|")) {
            int here = 0;
            for (size_t i = 0; i < n && !here; i++)
                here = strcmp(folded[i], w) == 0;
            all = here;
        }
        free(sig);
        if (all)
            found = p;
    }
    for (size_t i = 0; i < n; i++)
        free(folded[i]);
    free(folded);
    return found;
}

/* The column record of id c for table t: the table's own, else a profile's. */
static const hd_column *column_of(hd_table t, hd_col c)
{
    size_t n;
    const hd_column *cols = columns_of(t, &n);
    for (size_t i = 0; i < n; i++)
        if (cols[i].id == c)
            return &cols[i];
    for (size_t i = 0; i < HD_ARRAY_LEN(profile_only); i++)
        if (profile_only[i].id == c)
            return &profile_only[i];
    return NULL;
}

/* Profile columns that belong to table t: its own, or the profile-only ones. */
static int fits(hd_table t, hd_col c)
{
    if (c >= COL_P_PROVINCE)
        return 1;
    size_t n;
    const hd_column *cols = columns_of(t, &n);
    for (size_t i = 0; i < n; i++)
        if (cols[i].id == c)
            return 1;
    return 0;
}

const hd_column *profile_match(const hd_profile *p, hd_table t, const char *header)
{
    if (p && p->user) {
        char *f = text_fold(header);
        const hd_column *found = NULL;
        for (size_t i = 0; i < p->user->n && !found; i++)
            if (str_in_list(p->user->synonyms[i], f))
                found = key_column(t, p->user->keys[i]);
        free(f);
        if (found)
            return found;
    } else if (p) {
        char *f = text_fold(header);
        const hd_column *found = NULL;
        for (size_t i = 0; i < HD_ARRAY_LEN(p->cols) && p->cols[i].synonyms && !found; i++)
            if (fits(t, p->cols[i].col) && str_in_list(p->cols[i].synonyms, f))
                found = column_of(t, p->cols[i].col);
        free(f);
        if (found)
            return found;
    }
    return columns_match(t, header);
}

const hd_profile_code *profile_code(const hd_profile *p, const char *code)
{
    if (!p || !p->codes)
        return NULL;
    /* "1" and "01" are the same code (a number cell loses the zero) */
    char buf[8];
    if (strlen(code) == 1 && code[0] >= '0' && code[0] <= '9') {
        buf[0] = '0';
        buf[1] = code[0];
        buf[2] = '\0';
        code = buf;
    }
    for (const hd_profile_code *c = p->codes; c->code; c++)
        if (strcmp(c->code, code) == 0)
            return c;
    return NULL;
}
