/* main.c — entry point: global options, the configuration, dispatch. */
#include <getopt.h>
#include <locale.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/util.h"

static const struct {
    const char *name;
    int (*run)(cli_ctx *);
    const char *usage;
} commands[] = {
    {"init", cmd_init, "init                      create the database for the commune in the config"},
    {"demo", cmd_demo, "demo [--district] [--force]  create a demo commune (or a district-sized one)"},
    {"import", cmd_import, "import TABLE FILE.csv [--dry-run]  import villages|households|children|members|schools"},
    {"export", cmd_export, "export TABLE [FILE.csv]   write a table as CSV (standard output by default)"},
    {"search", cmd_search, "search TEXT [--limit N]   find children, households, members, villages"},
    {"check", cmd_check, "check                     check the database's integrity"},
    {"config", cmd_config, "config [--doc]            check the configuration (or print its reference)"},
};

static void usage(FILE *fp)
{
    fprintf(fp,
            "Usage: huydong [OPTION]... [COMMAND [ARG]...]\n"
            "Keeps a commune's children in school: registry, case work, monthly evaluation.\n"
            "With no command, opens the terminal interface.\n\n"
            "Options:\n"
            "  -c, --config FILE   read this configuration file\n"
            "  -d, --db FILE       use this database (instead of the config's)\n"
            "  -h, --help          show this help\n"
            "  -V, --version       show the version\n\n"
            "Commands:\n");
    for (size_t i = 0; i < HD_ARRAY_LEN(commands); i++)
        fprintf(fp, "  %s\n", commands[i].usage);
    fprintf(fp, "\nExit status: 0 ok, 1 user error (with a message), 2 internal error.\n");
}

int cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("huydong: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return EXIT_USER;
}

hd_db *cli_open(const cli_ctx *cx, int flags)
{
    hd_err err;
    hd_db *db = db_open(cx->db_path, cx->actor, flags, &err);
    if (!db)
        cli_error("%s", err.msg);
    return db;
}

static const char *login_name(void)
{
    const struct passwd *pw = getpwuid(getuid());
    return pw && pw->pw_name ? pw->pw_name : "unknown";
}

static int load_config(cli_ctx *cx, const char *cli_path)
{
    config_defaults(&cx->cfg);
    const char *path = config_locate(cli_path);
    if (!path)
        return 0;
    hd_msgs errs = {0};
    if (config_load(&cx->cfg, path, &errs) == 0)
        return 0;
    for (size_t i = 0; i < errs.n; i++)
        fprintf(stderr, "%s\n", errs.items[i]);
    fprintf(stderr, "huydong: the configuration has %zu error%s; nothing was done\n", errs.n,
            errs.n == 1 ? "" : "s");
    msgs_free(&errs);
    return -1;
}

static int run_command(cli_ctx *cx)
{
    const char *name = cx->argc > 0 ? cx->argv[0] : NULL;
    if (!name) {
        /* The terminal interface arrives with its own issue; until then the
         * bare command shows what the database holds. */
        static char check[] = "check";
        char *argv[] = {check, NULL};
        cx->argc = 1;
        cx->argv = argv;
        return cmd_check(cx);
    }
    for (size_t i = 0; i < HD_ARRAY_LEN(commands); i++)
        if (strcmp(commands[i].name, name) == 0)
            return commands[i].run(cx);
    cli_error("unknown command '%s' (see 'huydong --help')", name);
    return EXIT_USER;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    static const struct option opts[] = {
        {"config", required_argument, NULL, 'c'}, {"db", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},         {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    const char *config_path = NULL, *db_path = NULL;
    int c;
    while ((c = getopt_long(argc, argv, "+c:d:hV", opts, NULL)) != -1) {
        switch (c) {
        case 'c': config_path = optarg; break;
        case 'd': db_path = optarg; break;
        case 'h': usage(stdout); return EXIT_OK;
        case 'V': printf("huydong %s\n", HUYDONG_VERSION); return EXIT_OK;
        default: usage(stderr); return EXIT_USER;
        }
    }
    cli_ctx cx = {.argc = argc - optind, .argv = argv + optind, .actor = login_name()};
    if (load_config(&cx, config_path) < 0) {
        config_free(&cx.cfg);
        return EXIT_USER;
    }
    cx.db_path = db_path ? db_path : cx.cfg.db_path;
    int rc = run_command(&cx);
    config_free(&cx.cfg);
    return rc;
}
