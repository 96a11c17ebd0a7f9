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
    {"import", cmd_import, "import TABLE FILE.csv [--dry-run]",
     /* TRANSLATORS: villages, households... are typed as they are; keep them. */
     N_("import villages|households|children|members|schools|attendance")},
    {"export", cmd_export, "export TABLE [FILE.csv]",
     N_("write a table as CSV (standard output by default)")},
    {"search", cmd_search, "search TEXT [--limit N]",
     N_("find children, households, members, villages")},
    {"check", cmd_check, "check", N_("check the database's integrity")},
    {"backup", cmd_backup, "backup [FILE]",
     N_("copy the database (into the backup folder by default) while others work")},
    {"restore", cmd_restore, "restore FILE [--yes]",
     N_("check a backup; with --yes replace the database with it")},
    {"audit", cmd_audit, "audit [--since D] [--until D] [--user U] [--record R]",
     N_("list changes, newest first (--table T, --limit N)")},
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
    {"print", cmd_print, "print at-risk|dropouts|family-review|causes|sponsors|support|officials|leavers [OPTION]...",
     N_("print a list (--month M, --width 80|132, --to text|csv|pdf FILE, --to printer)")},
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
    const char *config, *db, *lang;
    int help, version, bad, mono, ascii;
} options;

static void parse_options(int argc, char **argv, options *o)
{
    enum { OPT_LANG = 256, OPT_MONO, OPT_ASCII };
    static const struct option longopts[] = {
        {"config", required_argument, NULL, 'c'}, {"db", required_argument, NULL, 'd'},
        {"lang", required_argument, NULL, OPT_LANG}, {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},      {"mono", no_argument, NULL, OPT_MONO},
        {"ascii", no_argument, NULL, OPT_ASCII},  {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "+c:d:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': o->config = optarg; break;
        case 'd': o->db = optarg; break;
        case OPT_LANG: o->lang = optarg; break;
        case OPT_MONO: o->mono = 1; break;
        case OPT_ASCII: o->ascii = 1; break;
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
    cli_ctx cx = {.argc = argc - optind, .argv = argv + optind, .actor = login_name()};
    int quiet = o.help || o.version || o.bad;
    int cfg_rc = load_config(&cx, o.config, !quiet);
    const char *lang = o.lang ? o.lang : cfg_rc == 0 ? cx.cfg.language : "vi";
    set_language(lang, !o.version);
    int rc = EXIT_USER;
    if (o.bad || o.help) {
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
