/* cmd_month.c — `huydong month`: a month's figures, the branch ratings, and
 * closing a month.  The definitions and the snapshots are the core's
 * (core/monthly.h); this file parses options and prints aligned text. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/table.h"
#include "core/backup.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/monthly.h"
#include "core/newyear.h"


/* Case-work figures belong to households: shown for all levels only. */
static int household_figure(int f)
{
    return f >= MF_AT_RISK_HOUSEHOLDS && f <= MF_COMMITMENTS_BROKEN;
}

static char *cell_text(int f, double x)
{
    if (isnan(x))
        return xstrdup("-");
    if (f == MF_MOBILIZATION_RATE || f == MF_DROPOUT_RATE || f == MF_ATTENDANCE_RATE)
        return xasprintf("%.2f %%", x);
    return xasprintf("%.0f", x);
}

static void print_cells(const hd_month_village *v)
{
    cli_table t = {.ncols = MCOL_COUNT + 1};
    /* TRANSLATORS: short column heads (TH, THCS, THPT, GDTX, Tổng, DTTS) */
    cli_table_add(&t, "", _("Primary"), _("Lower sec."), _("Upper sec."), _("Continuing"),
                  _("All"), _("Minority"));
    for (int f = 0; f < MF_COUNT; f++) {
        char *c[MCOL_COUNT];
        for (int i = 0; i < MCOL_COUNT; i++)
            c[i] = household_figure(f) && i != MCOL_ALL ? xstrdup("")
                                                         : cell_text(f, v->col[i].v[f]);
        cli_table_add(&t, monthly_figure_label(f), c[0], c[1], c[2], c[3], c[4], c[5]);
        for (int i = 0; i < MCOL_COUNT; i++)
            free(c[i]);
    }
    cli_table_print(&t, "  ");
}

static void print_ratings(const hd_month_rating *r, int n)
{
    cli_table t = {.ncols = 3};
    cli_table_add(&t, _("Village"), _("Rating"), _("Decided by"));
    for (int i = 0; i < n; i++)
        cli_table_add(&t, r[i].village, r[i].rating_name,
                      *r[i].rules ? r[i].rules : _("(no rule fired)"));
    cli_table_print(&t, "  ");
}

/* Rules the program cannot judge yet are said, not silently passed. */
static void print_unjudged(const hd_config *cfg, const hd_month *m)
{
    double x;
    for (size_t i = 0; m->nv > 0 && i < cfg->n_rules; i++)
        if (monthly_measure(&m->v[0], cfg->rules[i].measure, &x) < 0)
            printf(_("  rule %s does not fire: %s is not recorded yet\n"), cfg->rules[i].name,
                   cfg->rules[i].measure);
}

static const hd_month_village *pick(hd_db *db, const hd_month *m, const char *village)
{
    if (!village)
        return &m->v[0];
    hd_err err;
    int64_t id = newyear_lookup(db, "village", village, _("village"), &err);
    if (id < 0) {
        cli_error("%s", err.msg);
        return NULL;
    }
    for (int i = 1; i < m->nv; i++)
        if (m->v[i].id == id)
            return &m->v[i];
    cli_error(_("village: '%s' is archived"), village);
    return NULL;
}

static int figures_cmd(cli_ctx *cx, hd_db *db, int y, int mo, const char *village)
{
    hd_month m;
    hd_err err;
    if (monthly_figures(db, &cx->cfg, y, mo, &m, &err) < 0)
        return cli_error("%s", err.msg);
    const hd_month_village *v = pick(db, &m, village);
    if (v) {
        char d[11];
        printf(_("Figures for %02d/%d, %s, as of %s (school year %d-%d)\n"), mo, y, v->name,
               cli_date_vn(m.as_of, d), m.school_year, m.school_year + 1);
        print_cells(v);
    }
    monthly_free(&m);
    return v ? EXIT_OK : EXIT_USER;
}

static int ratings_cmd(cli_ctx *cx, hd_db *db, int y, int mo)
{
    hd_month m;
    hd_err err;
    if (monthly_figures(db, &cx->cfg, y, mo, &m, &err) < 0)
        return cli_error("%s", err.msg);
    hd_month_rating *r;
    int n = monthly_rate_branches(&cx->cfg, &m, &r);
    char d[11];
    printf(_("Branch ratings for %02d/%d, as of %s\n"), mo, y, cli_date_vn(m.as_of, d));
    print_ratings(r, n);
    print_unjudged(&cx->cfg, &m);
    free(r);
    monthly_free(&m);
    return EXIT_OK;
}

static int close_cmd(cli_ctx *cx, hd_db *db, int y, int mo, const char *reason)
{
    hd_err err;
    backup_policy_set(cx->cfg.backup_dir, cx->cfg.backup_keep);
    int n = monthly_close(db, &cx->cfg, y, mo, reason, &err);
    if (n < 0)
        return cli_error("%s", err.msg);
    hd_month_snapshot s;
    if (monthly_snapshot_get(db, y, mo, n, &s, &err) != 0)
        return cli_error("%s", _("the closed month could not be read back"));
    char d[11];
    printf(_("%02d/%d closed as of %s: version %d (%s)\n"), mo, y,
           cli_date_vn(s.figures.as_of, d), n, s.uid);
    monthly_snapshot_free(&s);
    return EXIT_OK;
}

static int show_cmd(cli_ctx *cx, hd_db *db, int y, int mo, const char *version)
{
    char *end = NULL;
    int number = version ? (int)strtol(version, &end, 10) : 0;
    if (version && (end == version || *end || number < 1))
        return cli_error(_("version: '%s' is not a version number"), version);
    hd_month_snapshot s;
    hd_err err;
    int rc = monthly_snapshot_get(db, y, mo, number, &s, &err);
    if (rc < 0)
        return cli_error("%s", err.msg);
    if (rc > 0)
        return number ? cli_error(_("%02d/%d has no version %d"), mo, y, number)
                      : cli_error(_("%02d/%d is not closed (huydong month close %d-%02d)"), mo,
                                  y, y, mo);
    char d[11];
    printf(_("%02d/%d, version %d%s: as of %s, closed at %s by %s\n"), mo, y, s.number,
           s.superseded ? _(" (superseded)") : "", cli_date_vn(s.figures.as_of, d), s.closed_at,
           s.closed_by);
    if (*s.reason)
        printf(_("Reopened because: %s\n"), s.reason);
    printf("%s\n", s.figures.v[0].name);
    print_cells(&s.figures.v[0]);
    print_ratings(s.ratings, s.n_ratings);
    monthly_snapshot_free(&s);
    return EXIT_OK;
}

/* "primary", ..., "all", "minority": a column of the figures. */
static int column_by_name(const char *level)
{
    if (!level || strcmp(level, "all") == 0)
        return MCOL_ALL;
    if (strcmp(level, "minority") == 0)
        return MCOL_MINORITY;
    return model_from_code(VOCAB_LEVEL, level);
}

/* The children one figure counts: the same computation as the figure. */
static int children_cmd(cli_ctx *cx, hd_db *db, int y, int mo, const char *figure,
                        const char *village, const char *level)
{
    int f = monthly_figure_by_name(figure), col = column_by_name(level);
    if (f < 0)
        return cli_error(_("figure: '%s' is not a figure (see docs/definitions.md: "
                           "school_age, enrolled, dropouts_year, at_risk, ...)"), figure);
    if (col < 0)
        return cli_error(_("level: '%s' is not one of primary, lower_secondary, "
                           "upper_secondary, continuing, all, minority"), level);
    hd_err err;
    int64_t vid = 0;
    if (village && (vid = newyear_lookup(db, "village", village, _("village"), &err)) < 0)
        return cli_error("%s", err.msg);
    hd_counted_child *c;
    int n = monthly_counted(db, &cx->cfg, y, mo, vid, col, f, &c, &err);
    if (n < 0)
        return cli_error("%s", err.msg);
    if (n) {
        cli_table t = {.ncols = 4};
        cli_table_add(&t, _("Code"), _("Full name"), _("Village"), _("Class"));
        for (int i = 0; i < n; i++)
            cli_table_add(&t, c[i].uid, c[i].name, c[i].village, c[i].class_name);
        cli_table_print(&t, "");
    }
    printf(ngettext("%d child\n", "%d children\n", n), n);
    monthly_counted_free(c, n);
    return EXIT_OK;
}

static int usage(void)
{
    return cli_error("%s", _("usage: huydong month figures|ratings MONTH [--village NAME|CODE]\n"
                             "       huydong month children MONTH FIGURE [--village V] "
                             "[--level L]\n"
                             "       huydong month close MONTH [--reason TEXT]\n"
                             "       huydong month show MONTH [--version N]"));
}

int cmd_month(cli_ctx *cx)
{
    const char *village = args_value(&cx->argc, cx->argv, "--village");
    const char *reason = args_value(&cx->argc, cx->argv, "--reason");
    const char *version = args_value(&cx->argc, cx->argv, "--version");
    const char *level = args_value(&cx->argc, cx->argv, "--level");
    const char *u = args_unknown(cx->argc, cx->argv);
    if (u)
        return cli_error(_("%s: unknown option '%s'"), "month", u);
    const char *sub = cx->argc > 1 ? cx->argv[1] : "";
    int kids = strcmp(sub, "children") == 0;
    if (cx->argc != (kids ? 4 : 3))
        return usage();
    int fig = strcmp(sub, "figures") == 0, rat = strcmp(sub, "ratings") == 0;
    int clo = strcmp(sub, "close") == 0, sho = strcmp(sub, "show") == 0;
    if (!(fig || rat || clo || sho || kids) || (village && !fig && !kids) ||
        (reason && !clo) || (version && !sho) || (level && !kids))
        return usage();
    int y, mo;
    hd_err err;
    if (date_parse_month(cx->argv[2], &y, &mo, &err) < 0)
        return cli_error("%s", err.msg);
    /* Opened read-write: the first monthly command migrates an older file. */
    hd_db *db = cli_open(cx, 0);
    if (!db)
        return EXIT_USER;
    int rc = kids  ? children_cmd(cx, db, y, mo, cx->argv[3], village, level)
             : fig ? figures_cmd(cx, db, y, mo, village)
             : rat ? ratings_cmd(cx, db, y, mo)
             : clo ? close_cmd(cx, db, y, mo, reason)
                   : show_cmd(cx, db, y, mo, version);
    db_close(db);
    return rc;
}
