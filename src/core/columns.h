/* columns.h — the columns of each registry table in CSV files: the header we
 * write, and the headers we accept (Vietnamese or English, matched folded).
 * Import and export share this table, so an exported file reads back. */
#ifndef HD_COLUMNS_H
#define HD_COLUMNS_H

#include <stddef.h>

typedef enum hd_table {
    TABLE_VILLAGES, TABLE_HOUSEHOLDS, TABLE_CHILDREN, TABLE_MEMBERS, TABLE_SCHOOLS,
    TABLE_ATTENDANCE, /* a school's monthly sheet (attendance.h) */
    TABLE_COUNT
} hd_table;

/* Column ids, unique across tables. */
typedef enum hd_col {
    COL_UID,
    /* villages */
    COL_V_NAME, COL_V_KIND, COL_V_BRANCH, COL_V_SECRETARY,
    /* households */
    COL_H_HEAD, COL_H_VILLAGE, COL_H_ADDRESS, COL_H_PHONE, COL_H_POVERTY,
    COL_H_ETHNICITY, COL_H_MINORITY, COL_H_NOTES,
    /* children */
    COL_C_NAME, COL_C_SEX, COL_C_BIRTH, COL_C_HOUSEHOLD_UID, COL_C_HEAD, COL_C_VILLAGE,
    COL_C_ETHNICITY, COL_C_MINORITY, COL_C_SCHOOL, COL_C_LEVEL, COL_C_GRADE, COL_C_CLASS,
    COL_C_STATUS, COL_C_STATUS_DATE, COL_C_RISK, COL_C_RISK_OTHER, COL_C_NOTES,
    COL_C_PUPIL_CODE, COL_C_PID,
    /* members */
    COL_M_NAME, COL_M_ORG, COL_M_ROLE, COL_M_VILLAGE, COL_M_SCHOOL, COL_M_PHONE, COL_M_LOGIN,
    /* schools */
    COL_S_NAME, COL_S_LEVELS, COL_S_ADDRESS,
    /* attendance (the pupil by COL_UID, or COL_C_NAME + COL_C_BIRTH) */
    COL_A_MONTH, COL_A_SCHOOL_DAYS, COL_A_EXCUSED, COL_A_UNEXCUSED, COL_A_CONSECUTIVE,
    COL_A_REPEATING,
    COL_ARCHIVED,
    /* only in the sheets of an import profile (profile.h) */
    COL_P_PROVINCE, COL_P_DISTRICT, COL_P_COMMUNE, COL_P_VILLAGE_CODE, COL_P_FORM,
    COL_P_RELATION, COL_P_POOR,
    COL_COUNT
} hd_col;

typedef struct hd_column {
    hd_col id;
    const char *header;    /* written on export (Vietnamese) */
    const char *header_en; /* also accepted */
    const char *synonyms;  /* more accepted headers, folded, '|'-separated */
} hd_column;

/* The columns of a table in export order. */
const hd_column *columns_of(hd_table t, size_t *n);
/* The column of table t whose header matches (folded); NULL when none. */
const hd_column *columns_match(hd_table t, const char *header);
/* Table from its command-line name ("children", "households", …); -1. */
int columns_table(const char *name);
const char *columns_table_name(hd_table t);

#endif
