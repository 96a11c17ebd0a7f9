/* cli.h — the command-line front end: one function per subcommand, sharing
 * the options parsed by main(). */
#ifndef HD_CLI_H
#define HD_CLI_H

#include "core/config.h"
#include "core/db.h"

/* Exit codes. */
enum { EXIT_OK = 0, EXIT_USER = 1, EXIT_INTERNAL = 2 };

typedef struct cli_ctx {
    hd_config cfg;
    const char *db_path;   /* --db, else cfg.db_path */
    const char *actor;     /* the Unix login running the program */
    const char *as_user;   /* --user NAME: a forced command of the shared account */
    const char *lang;      /* "vi" or "en", as settled by main() */
    int mono, ascii;       /* --mono, --ascii */
    int argc;              /* the subcommand's arguments (argv[0] = its name) */
    char **argv;
} cli_ctx;

/* Opens the database as the user running the program (the Unix login, or
 * --user from the shared account's forced command: see cli_identify);
 * prints the error and returns NULL on failure, also for a login that is
 * not a user of the database. */
hd_db *cli_open(const cli_ctx *cx, int flags);
/* Opens the database acting for the installation, not a user (creating it:
 * init, demo).  Refused under --user. */
hd_db *cli_open_system(const cli_ctx *cx, int flags);
/* EXIT_USER with the message under --user (a command for the
 * administrator), else 0.  Before anything is changed. */
int cli_not_under_user(const cli_ctx *cx);
/* Settles who acts on db: 0, or -1 with the reason. */
int cli_identify(const cli_ctx *cx, hd_db *db, hd_err *err);
/* Prints "huydong: MSG" when a core check refuses p; returns 0 when allowed,
 * else EXIT_USER. */
int cli_allowed(hd_db *db, int perm);
/* Prints "huydong: MSG" to stderr; returns EXIT_USER. */
int cli_error(const char *fmt, ...) HD_PRINTF(1, 2);

int cmd_tui(cli_ctx *cx);
int cmd_init(cli_ctx *cx);
int cmd_demo(cli_ctx *cx);
int cmd_import(cli_ctx *cx);
int cmd_export(cli_ctx *cx);
int cmd_unlinked(cli_ctx *cx);
int cmd_link(cli_ctx *cx);
int cmd_search(cli_ctx *cx);
int cmd_check(cli_ctx *cx);
int cmd_config(cli_ctx *cx);
/* Case work (cmd_case.c). */
int cmd_assign(cli_ctx *cx);
int cmd_unassigned(cli_ctx *cx);
int cmd_load(cli_ctx *cx);
int cmd_suggest(cli_ctx *cx);
int cmd_visit(cli_ctx *cx);
int cmd_commit(cli_ctx *cx);
int cmd_due(cli_ctx *cx);
int cmd_report(cli_ctx *cx);
/* The start of the school year (cmd_newyear.c). */
int cmd_newyear(cli_ctx *cx);
/* A month's figures, branch ratings and closing (cmd_month.c). */
int cmd_month(cli_ctx *cx);
/* Backups and the audit log (cmd_admin.c). */
int cmd_backup(cli_ctx *cx);
int cmd_restore(cli_ctx *cx);
int cmd_audit(cli_ctx *cx);
/* Users and roles (cmd_user.c). */
int cmd_user(cli_ctx *cx);
/* Attendance rates and the early warning (cmd_attendance.c, cmd_warn.c). */
int cmd_attendance(cli_ctx *cx);
int cmd_warn(cli_ctx *cx);
/* The support register (cmd_support.c). */
int cmd_support(cli_ctx *cx);
/* Positions held in a household (cmd_position.c). */
int cmd_position(cli_ctx *cx);
/* After grade 9 (cmd_leaver.c). */
int cmd_leaver(cli_ctx *cx);
/* Printed documents (cmd_print.c). */
int cmd_print(cli_ctx *cx);

#endif
