/* cmd_user.c — users and their roles: list, add, role, disable, and the
 * shared account of forced SSH commands.  The chair's work (authz.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/table.h"
#include "core/authz.h"
#include "core/i18n.h"

static int usage(void)
{
    return cli_error("%s", _("usage: huydong user list | add LOGIN --role ROLE [--member CODE] "
                             "[--name NAME] | role LOGIN ROLE | disable LOGIN | "
                             "shared [ACCOUNT|--none]"));
}

/* Opens as the user running the program.  A login that is not a user may
 * still manage users when it could rewrite the file anyway: root, or the
 * owner of the database file; never under --user, never the shared
 * account.  That is how the first chair of a database made before roles
 * (or whose chairs all left) is named. */
static hd_db *open_for_users(const cli_ctx *cx)
{
    hd_err err;
    hd_db *db = db_open(cx->db_path, cx->actor, 0, &err);
    if (!db) {
        cli_error("%s", err.msg);
        return NULL;
    }
    if (cli_identify(cx, db, &err) == 0)
        return db;
    char shared[64] = "";
    authz_shared_account(db, shared);
    struct stat sb;
    uid_t me = getuid();
    if (!cx->as_user && strcmp(shared, cx->actor) != 0 && stat(cx->db_path, &sb) == 0 &&
        (me == 0 || me == sb.st_uid)) {
        authz_as_system(db);
        fprintf(stderr, _("huydong: '%s' is not a user of %s, but may manage its users as %s\n"),
                cx->actor, cx->db_path,
                me == 0 ? _("the administrator (root)") : _("the owner of the file"));
        return db;
    }
    db_close(db);
    cli_error("%s", err.msg);
    return NULL;
}

static int parse_role(const char *code, int allow_disabled)
{
    int r = code ? authz_role_from_code(code) : -1;
    if (r < 0 || (r == USER_NONE && !allow_disabled)) {
        cli_error(_("'%s' is not a role: one of chair, secretary, member, viewer"),
                  code ? code : "");
        return -1;
    }
    return r;
}

static int user_list_cmd(hd_db *db)
{
    hd_user *u = NULL;
    hd_err err;
    int n = user_list(db, &u, &err);
    if (n < 0)
        return cli_error("%s", err.msg);
    if (n == 0) {
        puts(_("no users yet"));
        return EXIT_OK;
    }
    cli_table t = {.ncols = 4};
    cli_table_add(&t, _("login"), _("role"), _("member"), _("name"));
    for (int i = 0; i < n; i++)
        cli_table_add(&t, u[i].login,
                      u[i].archived ? _("left the committee") : authz_role_label(u[i].role),
                      u[i].uid, u[i].full_name);
    cli_table_print(&t, "");
    users_free(u, n);
    return EXIT_OK;
}

static int user_shared_cmd(hd_db *db, cli_ctx *cx, int none)
{
    hd_err err;
    char shared[64];
    if (cx->argc == 2 && !none) {
        authz_shared_account(db, shared);
        if (*shared)
            printf(_("shared account: %s (its SSH keys run 'huydong --user NAME')\n"), shared);
        else
            puts(_("no shared account: each user logs in with their own Unix account"));
        return EXIT_OK;
    }
    if (cx->argc != (none ? 2 : 3))
        return usage();
    if (authz_set_shared_account(db, none ? "" : cx->argv[2], &err) < 0)
        return cli_error("%s", err.msg);
    if (none)
        puts(_("no shared account any more: --user is refused"));
    else
        printf(_("shared account: %s; --user is honoured only in its SSH sessions\n"),
               cx->argv[2]);
    return EXIT_OK;
}

int cmd_user(cli_ctx *cx)
{
    const char *role_opt = args_value(&cx->argc, cx->argv, "--role");
    const char *member = args_value(&cx->argc, cx->argv, "--member");
    const char *name = args_value(&cx->argc, cx->argv, "--name");
    int none = args_flag(&cx->argc, cx->argv, "--none");
    if (cx->argc < 2 || args_unknown(cx->argc, cx->argv))
        return usage();
    const char *sub = cx->argv[1];
    int known = strcmp(sub, "list") == 0 || strcmp(sub, "add") == 0 ||
                strcmp(sub, "role") == 0 || strcmp(sub, "disable") == 0 ||
                strcmp(sub, "shared") == 0;
    if (!known)
        return usage();
    int role = -1;
    if (strcmp(sub, "add") == 0) {
        if (cx->argc != 3 || !role_opt)
            return usage();
        if ((role = parse_role(role_opt, 0)) < 0)
            return EXIT_USER;
    } else if (strcmp(sub, "role") == 0) {
        if (cx->argc != 4)
            return usage();
        if ((role = parse_role(cx->argv[3], 0)) < 0)
            return EXIT_USER;
    } else if (strcmp(sub, "disable") == 0 || strcmp(sub, "list") == 0) {
        if (cx->argc != (sub[0] == 'd' ? 3 : 2))
            return usage();
    }
    hd_db *db = strcmp(sub, "list") == 0 ? cli_open(cx, DB_OPEN_READONLY) : open_for_users(cx);
    if (!db)
        return EXIT_USER;
    hd_err err;
    int rc = EXIT_OK;
    if (strcmp(sub, "list") == 0) {
        rc = user_list_cmd(db);
    } else if (strcmp(sub, "shared") == 0) {
        rc = user_shared_cmd(db, cx, none);
    } else if (strcmp(sub, "add") == 0) {
        if (user_add(db, cx->argv[2], role, member, name, &err) < 0)
            rc = cli_error("%s", err.msg);
        else
            printf(_("%s is a user, with the role %s\n"), cx->argv[2], authz_role_label(role));
    } else {
        if (sub[0] == 'd')
            role = USER_NONE;
        if (user_set_role(db, cx->argv[2], role, &err) < 0)
            rc = cli_error("%s", err.msg);
        else if (role == USER_NONE)
            printf(_("%s is disabled: it can no longer open the database\n"), cx->argv[2]);
        else
            printf(_("%s now has the role %s\n"), cx->argv[2], authz_role_label(role));
    }
    db_close(db);
    return rc;
}
