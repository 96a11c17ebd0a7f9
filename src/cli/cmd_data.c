/* cmd_data.c — init, demo, import, export. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "core/backup.h"
#include "core/demo.h"
#include "core/export.h"
#include "core/i18n.h"
#include "core/import.h"

int cmd_init(cli_ctx *cx)
{
    if (cx->argc > 1)
        return cli_error("%s", _("init takes no arguments"));
    if (access(cx->db_path, F_OK) == 0)
        return cli_error(_("%s already exists; nothing was done"), cx->db_path);
    hd_db *db = cli_open(cx, DB_OPEN_CREATE);
    if (!db)
        return EXIT_USER;
    hd_err err;
    const hd_config *c = &cx->cfg;
    int rc = db_init_commune(db, c->commune_code, c->commune_name, c->district, c->province,
                             &err);
    db_close(db);
    if (rc < 0)
        return cli_error("%s", err.msg);
    printf(_("%s: database created for %s (%s)\n"), cx->db_path, c->commune_name, c->commune_code);
    return EXIT_OK;
}

int cmd_demo(cli_ctx *cx)
{
    int district = args_flag(&cx->argc, cx->argv, "--district");
    int force = args_flag(&cx->argc, cx->argv, "--force");
    if (cx->argc > 1)
        return cli_error(_("demo: unexpected argument '%s'"), cx->argv[1]);
    if (access(cx->db_path, F_OK) == 0) {
        if (!force)
            return cli_error(_("%s already exists (use --force to replace it)"), cx->db_path);
        char *wal = xasprintf("%s-wal", cx->db_path), *shm = xasprintf("%s-shm", cx->db_path);
        unlink(cx->db_path);
        unlink(wal);
        unlink(shm);
        free(wal);
        free(shm);
    }
    hd_db *db = cli_open(cx, DB_OPEN_CREATE);
    if (!db)
        return EXIT_USER;
    demo_opts o;
    if (district)
        demo_opts_district(&o);
    else
        demo_opts_small(&o);
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

static void print_msgs(const hd_msgs *m, size_t max)
{
    for (size_t i = 0; i < m->n && i < max; i++)
        fprintf(stderr, "%s\n", m->items[i]);
    if (m->n > max)
        fprintf(stderr, _("… and %zu more\n"), m->n - max);
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

int cmd_import(cli_ctx *cx)
{
    int dry = args_flag(&cx->argc, cx->argv, "--dry-run");
    if (args_unknown(cx->argc, cx->argv))
        return cli_error(_("import: unknown option '%s'"), args_unknown(cx->argc, cx->argv));
    if (cx->argc != 3)
        return cli_error("%s", _("usage: huydong import TABLE FILE.csv [--dry-run]"));
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
    int rc = import_csv_months(db, (hd_table)t, cx->argv[2], dry,
                               cx->cfg.school_year_start_month, cx->cfg.school_year_months,
                               &st, &errors, &warnings, &err);
    db_close(db);
    print_msgs(&warnings, 50);
    if (rc < 0) {
        print_msgs(&errors, 200);
        if (errors.n)
            cli_error(ngettext("%s: %zu error; nothing was imported",
                               "%s: %zu errors; nothing was imported", errors.n),
                      cx->argv[2], errors.n);
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
        return cli_error("%s", _("usage: huydong export TABLE [FILE.csv]"));
    int t = table_arg("export", cx->argv[1]);
    if (t < 0)
        return EXIT_USER;
    hd_db *db = cli_open(cx, DB_OPEN_READONLY);
    if (!db)
        return EXIT_USER;
    hd_err err;
    long rows = cx->argc == 3 ? export_csv_file(db, (hd_table)t, cx->argv[2], &err)
                              : export_csv(db, (hd_table)t, stdout, &err);
    db_close(db);
    if (rows < 0)
        return cli_error("%s", err.msg);
    if (cx->argc == 3)
        printf(ngettext("%s: %ld row\n", "%s: %ld rows\n", (unsigned long)rows), cx->argv[2], rows);
    return EXIT_OK;
}
