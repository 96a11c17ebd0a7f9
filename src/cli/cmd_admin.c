/* cmd_admin.c — backup, restore, audit: keeping the data safe and traceable. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/table.h"
#include "core/audit_log.h"
#include "core/authz.h"
#include "core/backup.h"
#include "core/i18n.h"

static void print_info(const char *path, const hd_backup_info *in)
{
    printf(_("%s: commune %s (%s), %ld children, schema version %d\n"), path, in->code,
           in->name, in->children, in->schema);
}

int cmd_backup(cli_ctx *cx)
{
    if (cx->argc > 2 || args_unknown(cx->argc, cx->argv))
        return cli_error("%s", _("usage: huydong backup [FILE]"));
    /* Read-only: a backup must work even when the database cannot be written. */
    hd_db *db = cli_open(cx, DB_OPEN_READONLY);
    if (!db)
        return EXIT_USER;
    if (cli_allowed(db, PERM_PRINT) != 0) {
        db_close(db);
        return EXIT_USER;
    }
    hd_err err;
    char *path = NULL;
    if (cx->argc == 2) {
        if (backup_to(db, cx->argv[1], &err) == 0)
            path = xstrdup(cx->argv[1]);
    } else {
        path = backup_auto(db, cx->cfg.backup_dir, cx->cfg.backup_keep, "manual", &err);
    }
    char code[16] = "";
    db_commune_code(db, code);
    db_close(db);
    if (!path)
        return cli_error("%s", err.msg);
    /* Read back what was written: a backup nobody checked is a hope. */
    hd_backup_info info;
    int rc = backup_check(path, code, &info, &err);
    if (rc == 0) {
        printf(_("backup written: %s\n"), path);
        print_info(path, &info);
    }
    free(path);
    return rc == 0 ? EXIT_OK : cli_error("%s", err.msg);
}

int cmd_restore(cli_ctx *cx)
{
    int yes = args_flag(&cx->argc, cx->argv, "--yes");
    if (cx->argc != 2 || args_unknown(cx->argc, cx->argv))
        return cli_error("%s", _("usage: huydong restore FILE [--yes]"));
    const char *file = cx->argv[1];
    hd_db *db = cli_open(cx, DB_OPEN_READONLY);
    if (!db)
        return EXIT_USER;
    if (cli_allowed(db, PERM_USERS) != 0) {
        db_close(db);
        return EXIT_USER;
    }
    char code[16] = "";
    db_commune_code(db, code);
    char *actor = xstrdup(db_actor(db));
    db_close(db);
    hd_backup_info info;
    hd_err err;
    if (backup_check(file, code, &info, &err) < 0) {
        free(actor);
        return cli_error(_("%s; nothing was restored"), err.msg);
    }
    print_info(file, &info);
    if (!yes) {
        free(actor);
        printf(_("the file is good: 'huydong restore %s --yes' replaces %s with it "
                 "(after a backup of %s)\n"), file, cx->db_path, cx->db_path);
        return EXIT_OK;
    }
    char *saved = NULL;
    int rc = restore_from(cx->db_path, file, actor, cx->cfg.backup_dir, cx->cfg.backup_keep,
                          &saved, &err);
    free(actor);
    if (rc < 0) {
        free(saved);
        return cli_error("%s", err.msg);
    }
    printf(_("%s restored from %s; the database before it is saved as %s\n"), cx->db_path,
           file, saved);
    free(saved);
    return EXIT_OK;
}

static const char *action_label(const char *a)
{
    if (strcmp(a, "insert") == 0)
        return _("added");
    if (strcmp(a, "delete") == 0)
        return _("deleted");
    return _("changed");
}

static int audit_row(const hd_audit_entry *e, void *ctx)
{
    char *change = *e->field ? xasprintf("%s: %s → %s", e->field, e->old_value, e->new_value)
                             : xstrdup("");
    cli_table_add(ctx, e->at, e->actor, e->tbl, e->row_uid, action_label(e->action), change);
    free(change);
    return 0;
}

int cmd_audit(cli_ctx *cx)
{
    hd_audit_filter f = {
        .since = args_value(&cx->argc, cx->argv, "--since"),
        .until = args_value(&cx->argc, cx->argv, "--until"),
        .actor = args_value(&cx->argc, cx->argv, "--user"),
        .row_uid = args_value(&cx->argc, cx->argv, "--record"),
        .table = args_value(&cx->argc, cx->argv, "--table"),
    };
    const char *lim = args_value(&cx->argc, cx->argv, "--limit");
    if (cx->argc != 1 || args_unknown(cx->argc, cx->argv))
        return cli_error("%s", _("usage: huydong audit [--since DATE] [--until DATE] "
                                 "[--user NAME] [--record CODE] [--table T] [--limit N]"));
    f.limit = lim ? atoi(lim) : 100;
    if (f.limit <= 0)
        return cli_error("%s", _("audit: --limit must be a positive number"));
    hd_db *db = cli_open(cx, DB_OPEN_READONLY);
    if (!db)
        return EXIT_USER;
    cli_table t = {.ncols = 6};
    cli_table_add(&t, _("when"), _("user"), _("table"), _("record"), _("action"), _("change"));
    hd_err err;
    int n = audit_list(db, &f, audit_row, &t, &err);
    db_close(db);
    if (n > 0) {
        cli_table_print(&t, "");
    } else { /* only the heading: not shown */
        for (int i = 0; i < t.nrows * t.ncols; i++)
            free(t.cells[i]);
        free(t.cells);
    }
    if (n < 0)
        return cli_error("%s", err.msg);
    if (n == 0)
        puts(_("no changes recorded for this selection"));
    return EXIT_OK;
}
