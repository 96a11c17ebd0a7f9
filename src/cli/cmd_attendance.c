/* cmd_attendance.c — `huydong attendance MONTH`: attendance rates for a
 * month or the school year to date, by group (core/attendance.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/table.h"
#include "core/attendance.h"
#include "core/date.h"
#include "core/i18n.h"

static int usage(void)
{
    return cli_error("%s", _("usage: huydong attendance MONTH [--year] [--by GROUP] "
                             "[--limit N]\n"
                             "  GROUP: commune, village, school, class, level, minority, "
                             "child"));
}

static char *pct(const cli_ctx *cx, double x)
{
    char *s = xasprintf("%.1f %%", x);
    if (strcmp(cx->lang, "vi") == 0)
        for (char *p = s; *p; p++)
            if (*p == '.')
                *p = ',';
    return s;
}

static void print_rates(const cli_ctx *cx, const hd_att_rate *r, int n, hd_att_group g)
{
    cli_table t = {.ncols = 6};
    cli_table_add(&t, g == ATT_BY_COMMUNE ? "" : _("Group"), _("Pupils"), _("School days"),
                  _("With leave"), _("Without leave"), _("Attendance"));
    for (int i = 0; i < n; i++) {
        char *c[5];
        c[0] = xasprintf("%ld", r[i].pupils);
        c[1] = xasprintf("%ld", r[i].school_days);
        c[2] = xasprintf("%ld", r[i].excused);
        c[3] = xasprintf("%ld", r[i].unexcused);
        c[4] = pct(cx, r[i].rate);
        cli_table_add(&t, g == ATT_BY_COMMUNE ? _("Commune") : r[i].label, c[0], c[1], c[2],
                      c[3], c[4]);
        for (int k = 0; k < 5; k++)
            free(c[k]);
    }
    cli_table_print(&t, "  ");
}

int cmd_attendance(cli_ctx *cx)
{
    int ytd = args_flag(&cx->argc, cx->argv, "--year");
    const char *by = args_value(&cx->argc, cx->argv, "--by");
    const char *lim = args_value(&cx->argc, cx->argv, "--limit");
    const char *u = args_unknown(cx->argc, cx->argv);
    if (u)
        return cli_error(_("%s: unknown option '%s'"), "attendance", u);
    if (cx->argc != 2)
        return usage();
    int g = by ? attendance_group_from_name(by) : ATT_BY_COMMUNE;
    if (g < 0)
        return usage();
    char *end = NULL;
    long limit = lim ? strtol(lim, &end, 10) : (g == ATT_BY_CHILD ? 1000 : 0);
    if (lim && (end == lim || *end || limit < 1))
        return cli_error(_("--limit: '%s' is not a number of rows"), lim);
    int y, mo;
    hd_err err;
    if (date_parse_month(cx->argv[1], &y, &mo, &err) < 0 ||
        attendance_check_month(&cx->cfg, y, mo, &err) < 0)
        return cli_error("%s", err.msg);
    int fy = y, fm = mo;
    if (ytd)
        attendance_year_start(&cx->cfg, y, mo, &fy, &fm);
    hd_db *db = cli_open(cx, 0);
    if (!db)
        return EXIT_USER;
    hd_att_rate *r = NULL;
    int n = attendance_rates(db, fy, fm, y, mo, (hd_att_group)g, cx->lang, (int)limit, &r,
                             &err);
    db_close(db);
    if (n < 0)
        return cli_error("%s", err.msg);
    if (ytd)
        printf(_("Attendance from %02d/%d to %02d/%d\n"), fm, fy, mo, y);
    else
        printf(_("Attendance in %02d/%d\n"), mo, y);
    if (!n)
        printf("  %s\n", _("No attendance is recorded for this period."));
    else
        print_rates(cx, r, n, (hd_att_group)g);
    attendance_rates_free(r, n);
    return EXIT_OK;
}
