/* cmd_leaver.c — `huydong leaver`: the path of each pupil leaving grade 9
 * (core/leavers.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/table.h"
#include "core/i18n.h"
#include "core/leavers.h"
#include "core/registry.h"

static int usage(void)
{
    return cli_error("%s", _("usage: huydong leaver set CHILD --year YEAR --path PATH "
                             "[--admitted] [--note TEXT]\n"
                             "       huydong leaver list YEAR\n"
                             "  PATH: grade10, vocational, continuing, undecided, none"));
}

static int year_of(const char *s, int *y)
{
    char *end;
    long v = s ? strtol(s, &end, 10) : 0;
    if (!s || end == s || *end)
        return cli_error(_("school year: '%s' is not a year (e.g. 2025 for 2025-2026)"),
                         s ? s : "");
    *y = (int)v;
    return 0;
}

static int set_cmd(const cli_ctx *cx, hd_db *db, const char *child, const char *year,
                   const char *path, int admitted, const char *note)
{
    hd_leaver l = {0};
    if (year_of(year, &l.school_year))
        return EXIT_USER;
    l.child_id = record_id_by_uid(db, "child", child);
    if (!l.child_id)
        return cli_error(_("child: no child with the code '%s'"), child);
    l.path = path_lookup(path);
    if (l.path < 0)
        return cli_error(_("path: '%s' is not one of grade10, vocational, continuing, "
                           "undecided, none"), path ? path : "");
    l.admitted = admitted;
    /* an update names the version there is now */
    hd_leaver *all;
    hd_err err;
    int n = leavers_list(db, l.school_year, 0, &all, &err);
    for (int i = 0; i < n; i++)
        if (all[i].child_id == l.child_id)
            l.version = all[i].version;
    leavers_free(all, n > 0 ? n : 0);
    l.note = xstrdup(note ? note : "");
    int rc = leaver_set(db, &l, &err);
    free(l.note);
    if (rc != 0)
        return cli_error("%s", err.msg);
    printf(_("%s: %d-%d: %s%s\n"), child, l.school_year, l.school_year + 1,
           path_label(l.path, cx->lang), admitted ? _(" (admitted to grade 10)") : "");
    return EXIT_OK;
}

static int list_cmd(const cli_ctx *cx, hd_db *db, const char *year)
{
    int y;
    if (year_of(year, &y))
        return EXIT_USER;
    hd_leaver *l;
    hd_err err;
    int n = leavers_list(db, y, 0, &l, &err);
    if (n < 0)
        return cli_error("%s", err.msg);
    printf(_("Pupils leaving grade 9 in %d-%d: %d\n"), y, y + 1, n);
    cli_table t = {.ncols = 5};
    cli_table_add(&t, _("Child"), _("Village"), _("Path"), _("Admitted to grade 10"), _("Note"));
    for (int i = 0; i < n; i++) {
        char *who = xasprintf("%s (%d) %s", l[i].child, l[i].birth_year, l[i].child_uid);
        cli_table_add(&t, who, l[i].village, path_label(l[i].path, cx->lang),
                      !l[i].admitted ? "" : l[i].not_turned_up ? _("yes, not turned up")
                                                              : _("yes"),
                      l[i].note);
        free(who);
    }
    if (n)
        cli_table_print(&t, "  ");
    leavers_free(l, n);
    return EXIT_OK;
}

int cmd_leaver(cli_ctx *cx)
{
    const char *year = args_value(&cx->argc, cx->argv, "--year");
    const char *path = args_value(&cx->argc, cx->argv, "--path");
    const char *note = args_value(&cx->argc, cx->argv, "--note");
    int admitted = args_flag(&cx->argc, cx->argv, "--admitted");
    const char *u = args_unknown(cx->argc, cx->argv);
    if (u)
        return cli_error(_("%s: unknown option '%s'"), "leaver", u);
    if (cx->argc != 3)
        return usage();
    int set = !strcmp(cx->argv[1], "set"), list = !strcmp(cx->argv[1], "list");
    if (!(set || list) || (list && (year || path || note || admitted)) ||
        (set && (!year || !path)))
        return usage();
    hd_db *db = cli_open(cx, 0);
    if (!db)
        return EXIT_USER;
    int rc = set ? set_cmd(cx, db, cx->argv[2], year, path, admitted, note)
                 : list_cmd(cx, db, cx->argv[2]);
    db_close(db);
    return rc;
}
