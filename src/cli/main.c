/* main.c — entry point: global options, the configuration, the language,
 * dispatch. */
#include <getopt.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/authz.h"
#include "core/i18n.h"
#include "core/util.h"

/* The syntax stays as typed; only the description is translated. */
static const struct {
    const char *name;
    int (*run)(cli_ctx *);
    const char *syntax;
    const char *help;
} commands[] = {
    {"init", cmd_init, "init", N_("create the database for the commune in the config")},
    {"demo", cmd_demo, "demo [--district] [--force]",
     N_("create a demo commune (or a district-sized one)")},
    {"import", cmd_import,
     "import TABLE FILE.csv|FILE.xlsx [--sheet S] [--profile P] [--dry-run]",
     /* TRANSLATORS: villages, households... are typed as they are; keep them. */
     N_("import villages|households|children|members|schools|attendance")},
    {"import", cmd_import, "import --show-mapping [TABLE] FILE [--sheet S] [--profile P]",
     N_("show how each column of the file would be read; nothing is written")},
    {"export", cmd_export, "export TABLE [FILE.csv|FILE.xlsx]",
     N_("write a table as CSV or Excel (standard output by default: CSV)")},
    {"unlinked", cmd_unlinked, "unlinked",
     N_("children a school's sheet brought in with no household, to link")},
    {"link", cmd_link, "link CHILD HOUSEHOLD",
     N_("put a child (its code) in a household (its code)")},
    {"search", cmd_search, "search TEXT [--limit N]",
     N_("find children, households, members, villages")},
    {"check", cmd_check, "check", N_("check the database's integrity")},
    {"backup", cmd_backup, "backup [FILE]",
     N_("copy the database (into the backup folder by default) while others work")},
    {"restore", cmd_restore, "restore FILE [--yes]",
     N_("check a backup; with --yes replace the database with it")},
    {"audit", cmd_audit, "audit [--since D] [--until D] [--user U] [--record R]",
     N_("list changes, newest first (--table T, --limit N)")},
    {"user", cmd_user, "user list|add|role|disable|shared ...",
     N_("users and their roles (add LOGIN --role R [--member CODE]); the chair's")},
    {"config", cmd_config, "config [--doc]",
     N_("check the configuration (or print its reference)")},
    {"assign", cmd_assign, "assign HOUSEHOLD|CHILD|VILLAGE MEMBER [OPTION]...",
     N_("assign a member (--support, --season S, --from, --reason); reassign")},
    {"assign", cmd_assign, "assign --end ASSIGNMENT --reason TEXT",
     N_("end an assignment (--history CODE lists them)")},
    {"unassigned", cmd_unassigned, "unassigned",
     N_("households and children at risk with no one assigned")},
    {"load", cmd_load, "load", N_("each member's households, children and visits due")},
    {"suggest", cmd_suggest, "suggest HOUSEHOLD|CHILD",
     N_("members to assign: same village or school, least loaded")},
    {"visit", cmd_visit, "visit add|list ...",
     N_("record a home visit (--household --members --date --outcome ...)")},
    {"commit", cmd_commit, "commit add|status|show ...",
     N_("record a family's commitment, or change its status")},
    {"due", cmd_due, "due [--member CODE] [--overdue]",
     N_("follow-ups, visits, reviews and reports due")},
    {"report", cmd_report, "report add|overdue ...",
     N_("record a report of a child out of school; list those unanswered")},
    {"newyear", cmd_newyear, "newyear [--village V] [--transitions]",
     N_("children in school last year not yet back this year")},
    {"newyear", cmd_newyear, "newyear confirm CHILD [OPTION]...",
     N_("record a school's confirmation (--grade, --class, --school, --date)")},
    {"month", cmd_month, "month figures|ratings MONTH [--village V]",
     N_("a month's figures per level, or the party branches' ratings")},
    {"month", cmd_month, "month children MONTH FIGURE [--village V] [--level L]",
     N_("the children a figure counts (school_age, dropouts_year, at_risk...)")},
    {"month", cmd_month, "month close|show MONTH [--reason T|--version N]",
     N_("freeze a month's figures and ratings; show a closed month")},
    {"attendance", cmd_attendance, "attendance MONTH [--year] [--by GROUP]",
     N_("attendance rates for a month or the school year to date")},
    {"warn", cmd_warn, "warn run|list|confirm|dismiss|review ...",
     N_("early warning: proposals to flag children at risk, and the rules' record")},
    {"position", cmd_position, "position set|show HOUSEHOLD [--holds LIST --holder TEXT]",
     N_("who in a household is a cadre, party member, civil servant, public employee or "
        "association member")},
    {"leaver", cmd_leaver, "leaver set|list ...",
     N_("after grade 9: each pupil's path (grade 10, vocational, continuing education...)")},
    {"support", cmd_support, "support add|list|totals ...",
     N_("the support register: scholarships, gifts, books and clothes, fee exemption, "
        "boarding")},
    {"print", cmd_print, "print DOC [OPTION]...",
     N_("print a document: committee, visits, at-risk, dropouts, evaluation, report, officials, "
        "sponsors, family-review, leavers, support, causes (--month M, --width 80|132, "
        "--to text|csv|xlsx|pdf FILE, --to printer)")},
};

static void usage(FILE *fp)
{
    fputs(_("Usage: huydong [OPTION]... [COMMAND [ARG]...]\n"), fp);
    fputs(_("Keeps a commune's children in school: registry, case work, monthly evaluation.\n"
            "With no command, opens the terminal interface.\n"),
          fp);
    /* TRANSLATORS: keep the options as they are and the descriptions aligned. */
    fputs(_("\nOptions:\n"
            "  -c, --config FILE   read this configuration file\n"
            "  -d, --db FILE       use this database (instead of the config's)\n"
            "      --user NAME     act as this user: only in the shared account's SSH forced\n"
            "                      command (see 'huydong user shared')\n"
            "      --lang LANG     language of the interface: vi (Vietnamese) or en (English)\n"
            "  -h, --help          show this help\n"
            "  -V, --version       show the version\n"),
          fp);
    fputs(_("      --mono          no colours (also when NO_COLOR is set)\n"
            "      --ascii         show text without diacritics (console fonts without Vietnamese)\n"),
          fp);
    fputs(_("\nCommands:\n"), fp);
    for (size_t i = 0; i < HD_ARRAY_LEN(commands); i++) {
        int w = (int)strlen(commands[i].syntax);
        fprintf(fp, "  %-*s%s\n", w < 26 ? 26 : w + 2, commands[i].syntax,
                _(commands[i].help));
    }
    fputs(_("\nExit status: 0 ok, 1 user error (with a message), 2 internal error.\n"), fp);
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

/* Who acts.  The Unix login, looked up among the members with a login.
 * --user NAME is the forced command of a shared account (every user logs
 * in over SSH as one Unix account, each with their own key bound to
 * `command="huydong --user NAME"` in its authorized_keys): it is honoured
 * only when the login running the program is the shared account that the
 * chair named in the database, and in an SSH session.  The program cannot
 * prove that the shared account has no free shell: that is the
 * administrator's part (docs/deployment.md), as is keeping the database
 * file writable only by the group. */
int cli_identify(const cli_ctx *cx, hd_db *db, hd_err *err)
{
    char shared[64];
    if (authz_shared_account(db, shared) < 0)
        return db_fail(db, err, _("reading the users"));
    if (!cx->as_user) {
        if (*shared && strcmp(shared, cx->actor) == 0)
            return hd_fail(err, _("'%s' is the shared account: it acts only for a named user, "
                                  "through the forced command 'huydong --user NAME' of each "
                                  "SSH key"), shared);
        return authz_login(db, cx->actor, err);
    }
    if (!*shared || strcmp(shared, cx->actor) != 0)
        return hd_fail(err, _("--user is accepted only from the shared account named with "
                              "'huydong user shared' (you are '%s'); nothing was done"),
                       cx->actor);
    const char *ssh = getenv("SSH_CONNECTION");
    if (!ssh || !*ssh)
        return hd_fail(err, _("--user is accepted only in an SSH session of the shared account "
                              "'%s' (a forced command); nothing was done"), shared);
    return authz_login(db, cx->as_user, err);
}

hd_db *cli_open(const cli_ctx *cx, int flags)
{
    hd_err err;
    hd_db *db = db_open(cx->db_path, cx->actor, flags, &err);
    if (!db) {
        cli_error("%s", err.msg);
        return NULL;
    }
    if (cli_identify(cx, db, &err) < 0) {
        db_close(db);
        cli_error("%s", err.msg);
        return NULL;
    }
    return db;
}

int cli_not_under_user(const cli_ctx *cx)
{
    if (!cx->as_user)
        return 0;
    return cli_error("%s", _("--user: this command is for the administrator, not for a user of "
                             "the shared account; nothing was done"));
}

hd_db *cli_open_system(const cli_ctx *cx, int flags)
{
    if (cli_not_under_user(cx))
        return NULL;
    hd_err err;
    hd_db *db = db_open(cx->db_path, cx->actor, flags, &err);
    if (!db)
        cli_error("%s", err.msg);
    else
        authz_as_system(db);
    return db;
}

int cli_allowed(hd_db *db, int perm)
{
    hd_err err;
    if (authz_check(db, (hd_perm)perm, 0, &err) == 0)
        return 0;
    return cli_error("%s", err.msg);
}

static const char *login_name(void)
{
    const struct passwd *pw = getpwuid(getuid());
    return pw && pw->pw_name ? pw->pw_name : "unknown";
}

/* Reads the configuration; with report = 0 its errors are not shown (for
 * --help, which only wants the language). */
static int load_config(cli_ctx *cx, const char *cli_path, int report)
{
    config_defaults(&cx->cfg);
    const char *path = config_locate(cli_path);
    if (!path)
        return 0;
    hd_msgs errs = {0};
    if (config_load(&cx->cfg, path, &errs) == 0)
        return 0;
    for (size_t i = 0; report && i < errs.n; i++)
        fprintf(stderr, "%s\n", errs.items[i]);
    if (report)
        cli_error(ngettext("the configuration has %zu error; nothing was done",
                           "the configuration has %zu errors; nothing was done", errs.n),
                  errs.n);
    msgs_free(&errs);
    return -1;
}

static int run_command(cli_ctx *cx)
{
    const char *name = cx->argc > 0 ? cx->argv[0] : NULL;
    if (!name)
        return cmd_tui(cx);
    for (size_t i = 0; i < HD_ARRAY_LEN(commands); i++)
        if (strcmp(commands[i].name, name) == 0)
            return commands[i].run(cx);
    cli_error(_("unknown command '%s' (see 'huydong --help')"), name);
    return EXIT_USER;
}

typedef struct options {
    const char *config, *db, *lang, *user;
    int help, version, bad, mono, ascii, users;
} options;

static void parse_options(int argc, char **argv, options *o)
{
    enum { OPT_LANG = 256, OPT_MONO, OPT_ASCII, OPT_USER };
    static const struct option longopts[] = {
        {"config", required_argument, NULL, 'c'}, {"db", required_argument, NULL, 'd'},
        {"lang", required_argument, NULL, OPT_LANG}, {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},      {"mono", no_argument, NULL, OPT_MONO},
        {"ascii", no_argument, NULL, OPT_ASCII},  {"user", required_argument, NULL, OPT_USER},
        {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "+c:d:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': o->config = optarg; break;
        case 'd': o->db = optarg; break;
        case OPT_LANG: o->lang = optarg; break;
        case OPT_MONO: o->mono = 1; break;
        case OPT_ASCII: o->ascii = 1; break;
        case OPT_USER: o->user = optarg; o->users++; break;
        case 'h': o->help = 1; break;
        case 'V': o->version = 1; break;
        default: o->bad = 1; break;
        }
    }
}

/* Switches the messages to lang; says so when Vietnamese cannot be shown
 * (in English, untranslated: it is said exactly when translation fails). */
static void set_language(const char *lang, int report)
{
    int rc = i18n_init(lang);
    if (!report || rc == I18N_OK)
        return;
    if (rc == I18N_NO_CATALOG)
        cli_error("no translation '%s' in %s (was 'make install' run?); messages are in "
                  "English", lang, i18n_localedir());
    else
        cli_error("no locale other than C is installed, so messages cannot be translated "
                  "(install the 'locales' package); they are in English");
}

/* The language is settled in two steps: the configuration names it, but its
 * own errors come before it is read, so they are in --lang's or Vietnamese. */
int main(int argc, char **argv)
{
    options o = {0};
    parse_options(argc, argv, &o);
    int lang_ok = !o.lang || strcmp(o.lang, "vi") == 0 || strcmp(o.lang, "en") == 0;
    set_language(lang_ok && o.lang ? o.lang : "vi", 0);
    if (!lang_ok)
        return cli_error(_("--lang: '%s' is not one of vi, en"), o.lang);
    cli_ctx cx = {.argc = argc - optind, .argv = argv + optind, .actor = login_name(),
                  .as_user = o.user};
    int quiet = o.help || o.version || o.bad;
    int cfg_rc = load_config(&cx, o.config, !quiet);
    const char *lang = o.lang ? o.lang : cfg_rc == 0 ? cx.cfg.language : "vi";
    set_language(lang, !o.version);
    int rc = EXIT_USER;
    if (o.users > 1) { /* a forced command's --user cannot be overridden by a second one */
        cli_error("%s", _("--user may be given only once; nothing was done"));
    } else if (o.bad || o.help) {
        usage(o.bad ? stderr : stdout);
        rc = o.bad ? EXIT_USER : EXIT_OK;
    } else if (o.version) {
        printf("huydong %s\n", HUYDONG_VERSION);
        rc = EXIT_OK;
    } else if (cfg_rc == 0) {
        cx.db_path = o.db ? o.db : cx.cfg.db_path;
        cx.lang = lang;
        cx.mono = o.mono;
        cx.ascii = o.ascii;
        rc = run_command(&cx);
    }
    config_free(&cx.cfg);
    return rc;
}
