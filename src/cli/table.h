/* table.h — aligned text tables for the commands' output, padded by display
 * width (Vietnamese letters are several bytes, one column). */
#ifndef HD_CLI_TABLE_H
#define HD_CLI_TABLE_H

typedef struct cli_table {
    int ncols;     /* set before the first row, at most 16 */
    int nrows, cap;
    char **cells;  /* nrows * ncols, owned */
} cli_table;

/* Adds a row: exactly ncols strings (NULL prints as ""). */
void cli_table_add(cli_table *t, ...);
/* Prints every row after indent, then frees the table's cells. */
void cli_table_print(cli_table *t, const char *indent);

/* An ISO date as dd/mm/yyyy into buf ("" when empty or not a date). */
const char *cli_date_vn(const char *iso, char buf[11]);

#endif
