/* cmd_newyear.c — `huydong newyear`: the children not yet back at the start
 * of the school year, and a school's confirmation of one of them.  The
 * definitions and checks are the core's (core/newyear.h); this file parses
 * options and prints aligned text. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/table.h"
#include "core/casework.h"
#include "core/i18n.h"
#include "core/newyear.h"
#include "core/registry.h"
#include "core/text.h"

enum { NCOLS = 10 };


/* "grade 5, 5A"; the level when the grade is not known. */
static char *grade_text(int grade, int level, const char *class_name, const char *lang)
{
    if (!grade)
        return xstrdup(level >= 0 ? model_label(VOCAB_LEVEL, level, lang) : "?");
    return *class_name ? xasprintf(_("grade %d, %s"), grade, class_name)
                       : xasprintf(_("grade %d"), grade);
}

/* "N children not yet back for 2026-2027 (the school year started ...)". */
static void print_title(int n, const hd_newyear_period *p)
{
    char d[11], *when;
    if (p->days >= 0)
        when = xasprintf(ngettext("the school year started on %s, %d day ago",
                                  "the school year started on %s, %d days ago",
                                  (unsigned long)p->days),
                         cli_date_vn(p->start, d), p->days);
    else
        when = xasprintf(ngettext("the school year starts on %s, in %d day",
                                  "the school year starts on %s, in %d days",
                                  (unsigned long)-p->days),
                         cli_date_vn(p->start, d), -p->days);
    printf(ngettext("%d child not yet back for %d-%d (%s)\n",
                    "%d children not yet back for %d-%d (%s)\n", (unsigned long)n),
           n, p->year, p->year + 1, when);
    free(when);
}

static void add_row(cli_table *t, const hd_newyear_row *r, const char *lang)
{
    char born[8];
    snprintf(born, sizeof born, "%d", r->birth_year);
    char *was = grade_text(r->grade, r->level, r->class_name, lang);
    char *next = grade_text(r->next_grade, r->next_level, "", lang);
    char *expected = r->transition ? xasprintf(_("%s, new school"), next) : xstrdup(next);
    const char *risk = r->at_risk ? _("at risk") : r->risk ? _("risk factors") : "";
    cli_table_add(t, r->child_uid, r->child, born, r->household, r->village, was, r->school,
             expected, risk, r->lead);
    free(was);
    free(next);
    free(expected);
}

static int watch_cmd(cli_ctx *cx, hd_db *db, const char *village, int transitions)
{
    hd_err err;
    hd_newyear_filter f = {.transitions_only = transitions};
    if (village && (f.village_id = newyear_lookup(db, "village", village, _("village"), &err)) < 0)
        return cli_error("%s", err.msg);
    hd_date today = date_today();
    hd_newyear_period p;
    newyear_period(today, cx->cfg.school_year_start_month, &p);
    hd_newyear_row *r = NULL;
    int n = newyear_watch(db, cx->cfg.school_year_start_month, today, &f, &r, &err);
    if (n < 0)
        return cli_error("%s", err.msg);
    print_title(n, &p);
    cli_table t = {.ncols = NCOLS};
    if (n > 0)
        cli_table_add(&t, _("Code"), _("Pupil"), _("Born"), _("Household"), _("Village"),
                 _("Last year"), _("School"), _("Expected"), _("Risk"), _("Lead"));
    for (int i = 0; i < n; i++)
        add_row(&t, &r[i], cx->lang);
    cli_table_print(&t, "");
    newyear_rows_free(r, n);
    return EXIT_OK;
}

/* ---- confirm ------------------------------------------------------------------ */

typedef struct confirm_opts {
    const char *grade, *class_name, *school, *date;
} confirm_opts;

/* The confirmation from the options; 1 when a message was printed. */
static int confirm_fill(hd_db *db, const char *uid, const confirm_opts *o, hd_newyear_confirm *in,
                        hd_err *err)
{
    hd_child c;
    if (!(in->child_id = record_id_by_uid(db, "child", uid))) {
        cli_error(_("%s: no %s with code '%s'"), _("child"), _("child"), uid);
        return 1;
    }
    if (child_get(db, in->child_id, &c, err) < 0)
        return -1;
    in->version = c.version;
    child_free(&c);
    char *end = NULL;
    in->grade = o->grade ? (int)strtol(o->grade, &end, 10) : 0;
    if (o->grade && (end == o->grade || *end || in->grade == 0))
        return hd_fail(err, _("grade: '%s' is not a grade (1 to 12)"), o->grade);
    in->class_name = o->class_name;
    if (o->school && (in->school_id = newyear_lookup(db, "school", o->school, _("school"), err)) < 0)
        return -1;
    return cw_date(o->date, in->date, _("date"), err);
}

static void confirm_saved(hd_db *db, int64_t id, int start_month, const char *lang)
{
    hd_child c;
    hd_err e;
    if (child_get(db, id, &c, &e) < 0)
        return;
    hd_newyear_period p;
    newyear_period(date_today(), start_month, &p);
    char d[11], *where = grade_text(c.grade, c.level, c.class_name, lang);
    char *school = xstrdup("");
    hd_school s;
    if (c.school_id && school_get(db, c.school_id, &s, &e) == 0) {
        free(school);
        school = xasprintf(", %s", s.name);
        school_free(&s);
    }
    printf(_("%s: %s is back for %d-%d in %s%s, from %s\n"), c.uid, c.full_name, p.year,
           p.year + 1, where, school, cli_date_vn(c.status_date, d));
    free(where);
    free(school);
    child_free(&c);
}

static int confirm_cmd(cli_ctx *cx, hd_db *db, const confirm_opts *o)
{
    hd_newyear_confirm in = {0};
    hd_err err;
    int rc = confirm_fill(db, cx->argv[2], o, &in, &err);
    if (rc == 0)
        rc = newyear_confirm(db, cx->cfg.school_year_start_month, &in, &err);
    if (rc == 0)
        confirm_saved(db, in.child_id, cx->cfg.school_year_start_month, cx->lang);
    if (rc < 0)
        return cli_error("%s", err.msg);
    return rc ? EXIT_USER : EXIT_OK;
}

int cmd_newyear(cli_ctx *cx)
{
    confirm_opts o = {0};
    const char *village = args_value(&cx->argc, cx->argv, "--village");
    int transitions = args_flag(&cx->argc, cx->argv, "--transitions");
    o.grade = args_value(&cx->argc, cx->argv, "--grade");
    o.class_name = args_value(&cx->argc, cx->argv, "--class");
    o.school = args_value(&cx->argc, cx->argv, "--school");
    o.date = args_value(&cx->argc, cx->argv, "--date");
    const char *u = args_unknown(cx->argc, cx->argv);
    if (u)
        return cli_error(_("%s: unknown option '%s'"), "newyear", u);
    int confirm = cx->argc > 1 && strcmp(cx->argv[1], "confirm") == 0;
    if (confirm ? cx->argc != 3 || village || transitions
                : cx->argc != 1 || o.grade || o.class_name || o.school || o.date)
        return cli_error("%s", _("usage: huydong newyear [--village NAME|CODE] [--transitions]\n"
                                 "       huydong newyear confirm CHILD [--grade N] "
                                 "[--class NAME] [--school NAME|CODE] [--date DATE]"));
    /* Opened read-write: the first case-work command migrates an older file. */
    hd_db *db = cli_open(cx, 0);
    if (!db)
        return EXIT_USER;
    int rc = confirm ? confirm_cmd(cx, db, &o) : watch_cmd(cx, db, village, transitions);
    db_close(db);
    return rc;
}
