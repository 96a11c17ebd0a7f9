/* cmd_warn.c — `huydong warn`: run the early-warning rules over a month,
 * list the proposals, confirm or dismiss one, and look back at a school
 * year (core/warning.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/table.h"
#include "core/attendance.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/warning.h"

static int usage(void)
{
    return cli_error("%s", _("usage: huydong warn run MONTH\n"
                             "       huydong warn list [--month MONTH] [--all|--confirmed|"
                             "--dismissed]\n"
                             "       huydong warn confirm|dismiss PROPOSAL --reason TEXT\n"
                             "       huydong warn review YEAR"));
}

static int run_cmd(cli_ctx *cx, hd_db *db, const char *arg)
{
    int y, m;
    hd_err err;
    if (date_parse_month(arg, &y, &m, &err) < 0 ||
        attendance_check_month(&cx->cfg, y, m, &err) < 0)
        return cli_error("%s", err.msg);
    hd_warn_run r;
    if (warn_run(db, &cx->cfg, y, m, &r, &err) < 0)
        return cli_error("%s", err.msg);
    printf(_("%02d/%d: %d pupils with attendance, %d reaching the threshold: %d new "
             "proposals, %d proposed before, %d at risk already or out of school\n"),
           m, y, r.pupils, r.fired, r.proposed, r.already, r.not_in_school);
    return EXIT_OK;
}

static void print_one(const cli_ctx *cx, const hd_warning *w)
{
    char *why = warn_describe(w->rules, w->facts, w->month);
    char score[32];
    snprintf(score, sizeof score, "%.1f", w->score);
    if (strcmp(cx->lang, "vi") == 0 && strchr(score, '.'))
        *strchr(score, '.') = ',';
    printf("%s  %s (%d) %s  %s  %s\n", w->uid, w->child, w->birth_year, w->child_uid,
           *w->village ? w->village : "-", *w->class_name ? w->class_name : "-");
    printf(_("    score %s: %s\n"), score, why);
    if (w->status != WSTATUS_PROPOSED) {
        char d[11];
        printf(_("    %s on %s by %s: %s\n"), warn_status_label(w->status),
               cli_date_vn(w->decided_date, d), w->decided_by, w->reason);
    }
    free(why);
}

static int list_cmd(const cli_ctx *cx, hd_db *db, const char *month, int status)
{
    hd_warn_filter f = {.status = status, .limit = 10000};
    hd_err err;
    if (month) {
        int y, m;
        if (date_parse_month(month, &y, &m, &err) < 0)
            return cli_error("%s", err.msg);
        snprintf(f.month, sizeof f.month, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
    }
    hd_warning *w;
    int n = warn_list(db, &f, &w, &err);
    if (n < 0)
        return cli_error("%s", err.msg);
    if (!n)
        printf("%s\n", _("No proposals."));
    for (int i = 0; i < n; i++)
        print_one(cx, &w[i]);
    warnings_free(w, n);
    return EXIT_OK;
}

static int decide_cmd(hd_db *db, const char *uid, int confirm, const char *reason)
{
    hd_warning w;
    hd_err err;
    int rc = warn_get(db, 0, uid, &w, &err);
    if (rc < 0)
        return cli_error("%s", err.msg);
    if (rc > 0)
        return cli_error(_("no proposal '%s' (see huydong warn list)"), uid);
    rc = warn_decide(db, w.id, w.version, confirm, reason, &err);
    if (rc == 0)
        printf(confirm ? _("%s confirmed: %s is now at risk\n")
                       : _("%s dismissed: %s keeps their status\n"), w.uid, w.child);
    warning_clear(&w);
    return rc == 0 ? EXIT_OK : cli_error("%s", err.msg);
}

static char *pct_of(long a, long b)
{
    return b > 0 ? xasprintf("%ld/%ld (%.0f %%)", a, b, 100.0 * (double)a / (double)b)
                 : xasprintf("%ld/%ld", a, b);
}

static int review_cmd(cli_ctx *cx, hd_db *db, const char *arg)
{
    char *end;
    long y = strtol(arg, &end, 10);
    if (end == arg || *end)
        return cli_error(_("school year: '%s' is not a year (e.g. 2025 for 2025-2026)"), arg);
    hd_warn_record r[WRULE_COUNT + 1];
    hd_err err;
    if (warn_review(db, &cx->cfg, (int)y, r, &err) < 0)
        return cli_error("%s", err.msg);
    printf(_("Early-warning rules over the school year %ld-%ld: %ld pupils dropped out\n"), y,
           y + 1, r[0].dropouts);
    cli_table t = {.ncols = 4};
    cli_table_add(&t, _("Rule"), _("Weight"), _("Dropouts foreseen"), _("Flagged who stayed"));
    for (int i = 0; i <= WRULE_COUNT; i++) {
        char *w = i < WRULE_COUNT ? xasprintf("%g", cx->cfg.warn_weight[i])
                                  : xasprintf(">= %g", cx->cfg.warn_threshold);
        char *a = pct_of(r[i].foreseen, r[i].dropouts);
        char *b = pct_of(r[i].false_alarms, r[i].stayed);
        cli_table_add(&t, i < WRULE_COUNT ? config_warn_rule_name(i) : _("proposal (score)"),
                      w, a, b);
        free(w);
        free(a);
        free(b);
    }
    cli_table_print(&t, "  ");
    return EXIT_OK;
}

int cmd_warn(cli_ctx *cx)
{
    const char *month = args_value(&cx->argc, cx->argv, "--month");
    const char *reason = args_value(&cx->argc, cx->argv, "--reason");
    int all = args_flag(&cx->argc, cx->argv, "--all");
    int conf = args_flag(&cx->argc, cx->argv, "--confirmed");
    int dism = args_flag(&cx->argc, cx->argv, "--dismissed");
    const char *u = args_unknown(cx->argc, cx->argv);
    if (u)
        return cli_error(_("%s: unknown option '%s'"), "warn", u);
    if (cx->argc < 2)
        return usage();
    const char *sub = cx->argv[1];
    int run = !strcmp(sub, "run"), list = !strcmp(sub, "list"), rev = !strcmp(sub, "review");
    int yes = !strcmp(sub, "confirm"), no = !strcmp(sub, "dismiss");
    if (!(run || list || rev || yes || no) || (list ? cx->argc != 2 : cx->argc != 3) ||
        (month && !list) || ((all || conf || dism) && !list) || (reason && !(yes || no)) ||
        all + conf + dism > 1)
        return usage();
    if ((yes || no) && !reason)
        return cli_error("%s", _("--reason: required (why the proposal is confirmed or "
                                 "dismissed)"));
    hd_db *db = cli_open(cx, 0);
    if (!db)
        return EXIT_USER;
    int status = all ? -1 : conf ? WSTATUS_CONFIRMED : dism ? WSTATUS_DISMISSED
                                                            : WSTATUS_PROPOSED;
    int rc = run    ? run_cmd(cx, db, cx->argv[2])
             : list ? list_cmd(cx, db, month, status)
             : rev  ? review_cmd(cx, db, cx->argv[2])
                    : decide_cmd(db, cx->argv[2], yes, reason);
    db_close(db);
    return rc;
}
