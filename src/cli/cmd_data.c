/* cmd_data.c — init, demo, import, export. */
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "core/authz.h"
#include "core/backup.h"
#include "core/demo.h"
#include "core/export.h"
#include "core/i18n.h"
#include "core/ident.h"
#include "core/import.h"
#include "core/profile.h"
#include "cli/table.h"

int cmd_init(cli_ctx *cx)
{
    if (cx->argc > 1)
        return cli_error("%s", _("init takes no arguments"));
    if (access(cx->db_path, F_OK) == 0)
        return cli_error(_("%s already exists; nothing was done"), cx->db_path);
    hd_db *db = cli_open_system(cx, DB_OPEN_CREATE);
    if (!db)
        return EXIT_USER;
    hd_err err;
    const hd_config *c = &cx->cfg;
    /* The login that creates the database is its first user, the chair
     * (named as in the configuration), so that someone can add the others. */
    int rc = db_init_commune(db, c->commune_code, c->commune_name, c->district, c->province,
                             &err);
    if (rc == 0)
        rc = user_add_founder(db, cx->actor, c->committee_chair, &err);
    db_close(db);
    if (rc < 0)
        return cli_error("%s", err.msg);
    printf(_("%s: database created for %s (%s)\n"), cx->db_path, c->commune_name, c->commune_code);
    printf(_("its first user is you, '%s', with the role chair: add the others with "
             "'huydong user add LOGIN --role ROLE'\n"), cx->actor);
    return EXIT_OK;
}

int cmd_demo(cli_ctx *cx)
{
    int district = args_flag(&cx->argc, cx->argv, "--district");
    int force = args_flag(&cx->argc, cx->argv, "--force");
    if (cx->argc > 1)
        return cli_error(_("demo: unexpected argument '%s'"), cx->argv[1]);
    if (cli_not_under_user(cx))
        return EXIT_USER;
    if (access(cx->db_path, F_OK) == 0) {
        if (!force)
            return cli_error(_("%s already exists (use --force to replace it)"), cx->db_path);
        /* Replacing a database is the chair's decision, or its owner's (or
         * root's), who could delete the file anyway: a file made by an
         * older huydong, or with no chair of theirs, is theirs to replace. */
        struct stat sb;
        int owner = stat(cx->db_path, &sb) == 0 && (getuid() == 0 || sb.st_uid == getuid());
        if (!owner) {
            hd_db *old = cli_open(cx, 0);
            int refused = !old || cli_allowed(old, PERM_USERS) != 0;
            db_close(old);
            if (refused)
                return EXIT_USER;
        }
        char *wal = xasprintf("%s-wal", cx->db_path), *shm = xasprintf("%s-shm", cx->db_path);
        unlink(cx->db_path);
        unlink(wal);
        unlink(shm);
        free(wal);
        free(shm);
    }
    hd_db *db = cli_open_system(cx, DB_OPEN_CREATE);
    if (!db)
        return EXIT_USER;
    demo_opts o;
    if (district)
        demo_opts_district(&o);
    else
        demo_opts_small(&o);
    o.chair_login = cx->actor; /* the one trying it out can do everything */
    hd_err err;
    /* A fictional commune in the seed documents' district (Đức Cơ, Gia Lai). */
    int rc = db_init_commune(db, "24999", "Xã Ia Demo", "Huyện Đức Cơ", "Tỉnh Gia Lai", &err);
    if (rc == 0)
        rc = demo_generate(db, &o, &err);
    db_close(db);
    if (rc < 0)
        return cli_error("%s", err.msg);
    printf(_("%s: demo commune created (%d villages, %d households, %d children, %d members)\n"),
           cx->db_path, o.villages, o.households, o.children, o.members);
    return EXIT_OK;
}

static int table_arg(const char *cmd, const char *name)
{
    int t = name ? columns_table(name) : -1;
    if (t < 0)
        /* TRANSLATORS: the table names are typed as they are; keep them. */
        cli_error(_("%s: which table? one of villages, households, children, members, schools, "
                    "attendance"),
                  cmd);
    return t;
}

/* The first max messages of m; total counts those not kept too. */
static void print_msgs(const hd_msgs *m, size_t total, size_t max)
{
    size_t shown = m->n < max ? m->n : max;
    for (size_t i = 0; i < shown; i++)
        fprintf(stderr, "%s\n", m->items[i]);
    if (total < m->n)
        total = m->n;
    if (total > shown)
        fprintf(stderr, _("… and %zu more\n"), total - shown);
}

/* One sentence per case, so translators see whole sentences. */
static void print_summary(const char *path, const hd_import_stats *st, int dry)
{
    unsigned long n = (unsigned long)st->rows;
    printf(dry ? ngettext("dry run (nothing saved): %s: %ld row: %ld added, %ld updated, "
                          "%ld unchanged\n",
                          "dry run (nothing saved): %s: %ld rows: %ld added, %ld updated, "
                          "%ld unchanged\n", n)
               : ngettext("%s: %ld row: %ld added, %ld updated, %ld unchanged\n",
                          "%s: %ld rows: %ld added, %ld updated, %ld unchanged\n", n),
           path, st->rows, st->added, st->updated, st->unchanged);
}

static int show_mapping(cli_ctx *cx, const hd_import_opts *o)
{
    if (cx->argc < 2 || cx->argc > 3)
        return cli_error("%s", _("usage: huydong import --show-mapping [TABLE] FILE "
                                 "[--sheet S] [--profile P]"));
    int t = -1;
    if (cx->argc == 3 && (t = table_arg("import", cx->argv[1])) < 0)
        return EXIT_USER;
    hd_msgs out = {0};
    hd_err err = {{0}};
    int table;
    int rc = import_show_mapping(t, cx->argv[cx->argc - 1], o, &out, &table, &err);
    for (size_t i = 0; i < out.n; i++)
        printf("%s\n", out.items[i]);
    msgs_free(&out);
    if (rc < 0)
        return cli_error("%s", err.msg);
    return EXIT_OK;
}

int cmd_import(cli_ctx *cx)
{
    int dry = args_flag(&cx->argc, cx->argv, "--dry-run");
    int show = args_flag(&cx->argc, cx->argv, "--show-mapping");
    hd_import_opts o = {.dry_run = dry,
                        .school_year_start_month = cx->cfg.school_year_start_month,
                        .school_months = cx->cfg.school_year_months,
                        .sheet = args_value(&cx->argc, cx->argv, "--sheet"),
                        .profile = args_value(&cx->argc, cx->argv, "--profile")};
    if (args_unknown(cx->argc, cx->argv))
        return cli_error(_("import: unknown option '%s'"), args_unknown(cx->argc, cx->argv));
    profile_set_user(cx->cfg.import_profiles, cx->cfg.n_import_profiles);
    if (show)
        return show_mapping(cx, &o);
    if (cx->argc != 3)
        return cli_error("%s", _("usage: huydong import TABLE FILE.csv|FILE.xlsx [--sheet S] "
                                 "[--profile P] [--dry-run]"));
    int t = table_arg("import", cx->argv[1]);
    if (t < 0)
        return EXIT_USER;
    hd_db *db = cli_open(cx, 0);
    if (!db)
        return EXIT_USER;
    hd_import_stats st;
    hd_msgs errors = {0}, warnings = {0};
    hd_err err = {{0}};
    backup_policy_set(cx->cfg.backup_dir, cx->cfg.backup_keep);
    int rc = import_file(db, (hd_table)t, cx->argv[2], &o, &st, &errors, &warnings, &err);
    db_close(db);
    print_msgs(&warnings, (size_t)st.warnings, 50);
    if (rc < 0) {
        size_t total = errors.n > (size_t)st.errors ? errors.n : (size_t)st.errors;
        print_msgs(&errors, total, 200);
        if (errors.n)
            cli_error(ngettext("%s: %zu error; nothing was imported",
                               "%s: %zu errors; nothing was imported", total),
                      cx->argv[2], total);
        else
            cli_error("%s", err.msg);
    } else {
        print_summary(cx->argv[2], &st, dry);
    }
    msgs_free(&errors);
    msgs_free(&warnings);
    return rc < 0 ? EXIT_USER : EXIT_OK;
}

int cmd_export(cli_ctx *cx)
{
    if (cx->argc < 2 || cx->argc > 3)
        return cli_error("%s", _("usage: huydong export TABLE [FILE.csv|FILE.xlsx]"));
    int t = table_arg("export", cx->argv[1]);
    if (t < 0)
        return EXIT_USER;
    hd_db *db = cli_open(cx, DB_OPEN_READONLY);
    if (!db)
        return EXIT_USER;
    hd_err err;
    const char *file = cx->argc == 3 ? cx->argv[2] : NULL;
    size_t len = file ? strlen(file) : 0;
    int xlsx = len > 5 && strcasecmp(file + len - 5, ".xlsx") == 0;
    long rows = !file ? export_csv(db, (hd_table)t, stdout, &err)
                : xlsx ? export_xlsx_file(db, (hd_table)t, file, &err)
                       : export_csv_file(db, (hd_table)t, file, &err);
    db_close(db);
    if (rows < 0)
        return cli_error("%s", err.msg);
    if (cx->argc == 3)
        printf(ngettext("%s: %ld row\n", "%s: %ld rows\n", (unsigned long)rows), cx->argv[2], rows);
    return EXIT_OK;
}

int cmd_unlinked(cli_ctx *cx)
{
    if (args_unknown(cx->argc, cx->argv))
        return cli_error(_("unlinked: unknown option '%s'"), args_unknown(cx->argc, cx->argv));
    if (cx->argc != 1)
        return cli_error("%s", _("usage: huydong unlinked"));
    hd_db *db = cli_open(cx, 0);
    if (!db)
        return EXIT_USER;
    hd_unlinked *u = NULL;
    hd_err err;
    int n = unlinked_list(db, &u, &err);
    db_close(db);
    if (n < 0)
        return cli_error("%s", err.msg);
    cli_table t = {.ncols = 6};
    cli_table_add(&t, _("Code"), _("Name"), _("Born"), _("School"), _("Class"),
                  _("Pupil code"));
    for (int i = 0; i < n; i++) {
        char born[16];
        if (u[i].birth_date[0])
            cli_date_vn(u[i].birth_date, born);
        else
            snprintf(born, sizeof born, "%d", u[i].birth_year);
        cli_table_add(&t, u[i].uid, u[i].name, born, u[i].school, u[i].class_name,
                      u[i].pupil_code);
    }
    cli_table_print(&t, "");
    printf(ngettext("%d child has no household: link it with 'huydong link CHILD HOUSEHOLD'\n",
                    "%d children have no household: link each with 'huydong link CHILD "
                    "HOUSEHOLD'\n", (unsigned long)n), n);
    unlinked_free(u, n);
    return EXIT_OK;
}

int cmd_link(cli_ctx *cx)
{
    if (args_unknown(cx->argc, cx->argv))
        return cli_error(_("link: unknown option '%s'"), args_unknown(cx->argc, cx->argv));
    if (cx->argc != 3)
        return cli_error("%s", _("usage: huydong link CHILD HOUSEHOLD"));
    hd_db *db = cli_open(cx, 0);
    if (!db)
        return EXIT_USER;
    hd_err err;
    int rc = unlinked_link(db, cx->argv[1], cx->argv[2], &err);
    db_close(db);
    if (rc < 0)
        return cli_error("%s", err.msg);
    printf(_("%s is now of household %s\n"), cx->argv[1], cx->argv[2]);
    return EXIT_OK;
}
