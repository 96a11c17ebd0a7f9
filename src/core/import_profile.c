/* import_profile.c — what an import profile (profile.h) changes in a row
 * before it is read: the sheet's status codes into statuses, a poor
 * household's mark, and for a sheet of one row a person (MauNhapLieu) which
 * rows a table takes and the household code built from the form's codes. */
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/import_int.h"
#include "core/text.h"

/* "x", "có", "1": a mark in a yes/no column. */
static int is_mark(const char *v)
{
    if (!v || !*v)
        return 0;
    char *f = text_fold(v);
    int yes = !strcmp(f, "x") || !strcmp(f, "co") || !strcmp(f, "1") || !strcmp(f, "c");
    free(f);
    return yes;
}

static void set_val(importer *im, hd_col c, const char *v)
{
    free(im->val[c]);
    im->val[c] = xstrdup(v);
}

/* One row a person (MauNhapLieu): the household's code from the province,
 * district, commune and village codes and the form number; a household
 * import takes the heads' rows, a children's import the others' of school
 * age.  Returns 1 to skip the row. */
static int person_row(importer *im)
{
    const char *rel = imp_val(im, COL_P_RELATION);
    char *f = text_fold(rel ? rel : "");
    int head = !strcmp(f, "chu ho") || !strcmp(f, "ch");
    free(f);
    if (im->table == TABLE_HOUSEHOLDS && rel && !head)
        return 1;
    if (im->table == TABLE_CHILDREN && head)
        return 1;
    if (im->table == TABLE_CHILDREN) {
        const char *b = imp_val(im, COL_C_BIRTH);
        int year = 0, has_day;
        hd_date d;
        if (b && *b && date_parse_birth(b, &year, &d, &has_day, NULL) == 0 &&
            date_today().year - year > 18)
            return 1; /* a grown-up of the household */
    }
    const char *form = imp_val(im, COL_P_FORM);
    if (!form)
        return 0;
    if (!*form) {
        imp_bad(im, COL_P_FORM, _("required (the household's form number)"));
        return 0;
    }
    static const hd_col parts[] = {COL_P_PROVINCE, COL_P_DISTRICT, COL_P_COMMUNE,
                                   COL_P_VILLAGE_CODE, COL_P_FORM};
    strbuf code = {0};
    for (size_t i = 0; i < HD_ARRAY_LEN(parts); i++) {
        const char *v = imp_val(im, parts[i]);
        if (v && *v)
            sb_addf(&code, "%s%s", code.len ? "-" : "", v);
    }
    set_val(im, im->table == TABLE_HOUSEHOLDS ? COL_UID : COL_C_HOUSEHOLD_UID, sb_str(&code));
    sb_free(&code);
    return 0;
}

int imp_profile_row(importer *im)
{
    const hd_profile *p = im->profile;
    im->status_reason = NULL;
    if (p->persons && person_row(im))
        return 1;
    const char *st = imp_val(im, COL_C_STATUS);
    if (p->codes && st && *st) {
        const hd_profile_code *code = profile_code(p, st);
        if (!code && model_lookup(VOCAB_STATUS, st) >= 0) {
            /* a status written out ("Đang học") rather than coded */
        } else if (!code) {
            imp_bad(im, COL_C_STATUS,
                    _("'%s' is not one of the sheet's status codes (01 to 12)"), st);
            set_val(im, COL_C_STATUS, ""); /* reported once */
        } else {
            im->status_reason = code->reason;
            set_val(im, COL_C_STATUS, model_label(VOCAB_STATUS, code->status, "vi"));
        }
    }
    /* a poor household's mark: "x" is the status "Hộ nghèo" */
    const char *pov = imp_val(im, COL_H_POVERTY);
    if (im->table == TABLE_HOUSEHOLDS && is_mark(pov))
        set_val(im, COL_H_POVERTY, model_label(VOCAB_POVERTY, 1, "vi"));
    return 0;
}
