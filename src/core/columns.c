/* columns.c — CSV headers of each table. */
#include "core/columns.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/util.h"

static const hd_column village_cols[] = {
    {COL_UID, "Mã", "uid", "ma|ma thon|id"},
    {COL_V_NAME, "Tên thôn", "name", "thon|ten|ten thon lang|thon lang|village"},
    {COL_V_KIND, "Loại", "kind", "loai thon|loai"},
    {COL_V_BRANCH, "Chi bộ", "party branch", "ten chi bo|branch|chi bo"},
    {COL_V_SECRETARY, "Bí thư chi bộ", "branch secretary", "bi thu|secretary"},
    {COL_ARCHIVED, "Lưu trữ", "archived", "luu tru"},
};

static const hd_column household_cols[] = {
    {COL_UID, "Mã hộ", "uid", "ma|ma ho|so phieu|household code"},
    {COL_H_HEAD, "Chủ hộ", "head of household", "ho ten chu ho|ten chu ho|head|chu ho"},
    {COL_H_VILLAGE, "Thôn", "village", "thon lang|thon to|ten thon"},
    {COL_H_ADDRESS, "Địa chỉ", "address", "dia chi|noi o"},
    {COL_H_PHONE, "Điện thoại", "phone", "so dien thoai|sdt|dt|dien thoai"},
    {COL_H_POVERTY, "Hộ nghèo", "poverty", "ho ngheo can ngheo|ngheo|poor|hoan canh"},
    {COL_H_ETHNICITY, "Dân tộc", "ethnicity", "dan toc"},
    {COL_H_MINORITY, "DTTS", "ethnic minority", "dan toc thieu so|dtts|ethnic_minority"},
    {COL_H_NOTES, "Ghi chú", "notes", "ghi chu|note"},
    {COL_ARCHIVED, "Lưu trữ", "archived", "luu tru"},
};

static const hd_column child_cols[] = {
    {COL_UID, "Mã", "uid", "ma|ma tre|ma hoc sinh noi bo|id"},
    {COL_C_NAME, "Họ và tên", "full name", "ho ten|ho ten hs|ho va ten hoc sinh|ten|name|full_name"},
    {COL_C_SEX, "Giới tính", "sex", "gioi tinh|gender|nam nu"},
    {COL_C_BIRTH, "Ngày sinh", "birth date", "ngay thang nam sinh|nam sinh|birth|birth_date|dob"},
    {COL_C_HOUSEHOLD_UID, "Mã hộ", "household uid", "ma ho gia dinh|household|household_uid"},
    {COL_C_HEAD, "Chủ hộ", "head of household", "ho ten chu ho|ten chu ho|cha me|phu huynh"},
    {COL_C_VILLAGE, "Thôn", "village", "thon lang|thon to|ten thon"},
    {COL_C_ETHNICITY, "Dân tộc", "ethnicity", "dan toc"},
    {COL_C_MINORITY, "DTTS", "ethnic minority", "dan toc thieu so|dtts|ethnic_minority"},
    {COL_C_SCHOOL, "Trường", "school", "truong hoc|ten truong|truong"},
    {COL_C_LEVEL, "Cấp học", "level", "cap|bac hoc|cap hoc"},
    {COL_C_GRADE, "Khối", "grade", "khoi lop"},
    {COL_C_CLASS, "Lớp", "class", "ten lop|lop hoc"},
    {COL_C_STATUS, "Tình trạng", "status", "trang thai|tinh trang hoc"},
    {COL_C_STATUS_DATE, "Ngày tình trạng", "status date", "ngay trang thai|tu ngay"},
    {COL_C_RISK, "Yếu tố nguy cơ", "risk factors", "nguy co|ly do nguy co|risk|risk_factors"},
    {COL_C_RISK_OTHER, "Nguy cơ khác", "other risk", "yeu to khac|risk_other"},
    {COL_C_NOTES, "Ghi chú", "notes", "ghi chu|note|hoan canh gia dinh"},
    {COL_ARCHIVED, "Lưu trữ", "archived", "luu tru"},
    /* the ministry's identifiers (matched before the name) */
    {COL_C_PUPIL_CODE, "Mã học sinh", "pupil code", "ma hs|ma so hoc sinh|pupil_code"},
    {COL_C_PID, "Số định danh cá nhân", "personal id",
     "so dinh danh|ma dinh danh|ma dinh danh ca nhan|so cccd|cccd|personal_id"},
};

static const hd_column member_cols[] = {
    {COL_UID, "Mã", "uid", "ma|ma thanh vien|id"},
    {COL_M_NAME, "Họ và tên", "full name", "ho ten|ten|name|full_name"},
    {COL_M_ORG, "Đơn vị", "organisation", "don vi|co quan|to chuc|doan the|organization|org"},
    {COL_M_ROLE, "Chức vụ trong BCĐ", "committee role", "chuc vu|nhiem vu|vai tro|role"},
    {COL_M_VILLAGE, "Thôn", "village", "thon lang|dia ban|thon phu trach"},
    {COL_M_SCHOOL, "Trường", "school", "truong hoc|ten truong"},
    {COL_M_PHONE, "Điện thoại", "phone", "so dien thoai|sdt|dt"},
    {COL_M_LOGIN, "Tên đăng nhập", "login", "dang nhap|tai khoan|user|username"},
    {COL_ARCHIVED, "Lưu trữ", "archived", "luu tru"},
};

static const hd_column school_cols[] = {
    {COL_UID, "Mã", "uid", "ma|ma truong|id"},
    {COL_S_NAME, "Tên trường", "name", "truong|ten|school"},
    {COL_S_LEVELS, "Cấp học", "levels", "cap|cap hoc"},
    {COL_S_ADDRESS, "Địa chỉ", "address", "dia chi"},
    {COL_ARCHIVED, "Lưu trữ", "archived", "luu tru"},
};

/* A school's monthly attendance sheet: the pupil by its code, or by name
 * and date of birth (the class narrows a shared name). */
static const hd_column attendance_cols[] = {
    {COL_UID, "Mã", "uid", "ma|ma tre|ma hoc sinh noi bo|id|child uid"},
    {COL_C_NAME, "Họ và tên", "full name", "ho ten|ho ten hs|ho va ten hoc sinh|ten|name"},
    {COL_C_BIRTH, "Ngày sinh", "birth date", "ngay thang nam sinh|nam sinh|birth|dob"},
    {COL_C_SCHOOL, "Trường", "school", "truong hoc|ten truong|truong"},
    {COL_C_CLASS, "Lớp", "class", "ten lop|lop hoc"},
    {COL_A_MONTH, "Tháng", "month", "thang nam|ky"},
    {COL_A_SCHOOL_DAYS, "Số ngày học", "school days",
     "ngay hoc|so ngay hoc trong thang|tong so ngay|so buoi hoc|school_days"},
    {COL_A_EXCUSED, "Vắng có phép", "absent with leave",
     "nghi co phep|vang cp|co phep|absent excused|excused"},
    {COL_A_UNEXCUSED, "Vắng không phép", "absent without leave",
     "nghi khong phep|vang kp|khong phep|absent unexcused|unexcused"},
    {COL_A_CONSECUTIVE, "Vắng liên tiếp", "days absent in a row",
     "nghi lien tiep|so ngay vang lien tiep|vang lien tuc|consecutive"},
    {COL_A_REPEATING, "Lưu ban", "repeating", "luu ban|hoc lai|o lai lop|repeating grade"},
};

static const struct {
    const char *name;
    const hd_column *cols;
    size_t n;
} tables[TABLE_COUNT] = {
    [TABLE_VILLAGES] = {"villages", village_cols, HD_ARRAY_LEN(village_cols)},
    [TABLE_HOUSEHOLDS] = {"households", household_cols, HD_ARRAY_LEN(household_cols)},
    [TABLE_CHILDREN] = {"children", child_cols, HD_ARRAY_LEN(child_cols)},
    [TABLE_MEMBERS] = {"members", member_cols, HD_ARRAY_LEN(member_cols)},
    [TABLE_SCHOOLS] = {"schools", school_cols, HD_ARRAY_LEN(school_cols)},
    [TABLE_ATTENDANCE] = {"attendance", attendance_cols, HD_ARRAY_LEN(attendance_cols)},
};

const hd_column *columns_of(hd_table t, size_t *n)
{
    *n = tables[t].n;
    return tables[t].cols;
}

/* 1 when the folded header equals the folded label. */
static int folded_eq(const char *folded, const char *label)
{
    char *f = text_fold(label);
    int eq = strcmp(f, folded) == 0;
    free(f);
    return eq;
}

const hd_column *columns_match(hd_table t, const char *header)
{
    char *f = text_fold(header);
    /* "_" in English headers ("full_name") reads as a space. */
    for (char *p = f; *p; p++)
        if (*p == '_')
            *p = ' ';
    const hd_column *found = NULL;
    for (size_t i = 0; i < tables[t].n && !found; i++) {
        const hd_column *c = &tables[t].cols[i];
        if (folded_eq(f, c->header) || folded_eq(f, c->header_en) ||
            str_in_list(c->synonyms, f))
            found = c;
    }
    free(f);
    return found;
}

int columns_table(const char *name)
{
    for (int t = 0; t < TABLE_COUNT; t++)
        if (strcmp(tables[t].name, name) == 0)
            return t;
    return -1;
}

const char *columns_table_name(hd_table t)
{
    return tables[t].name;
}
