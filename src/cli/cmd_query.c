/* cmd_query.c — search, check, config: commands that read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "core/check.h"
#include "core/i18n.h"
#include "core/search.h"
#include "core/text.h"
#include "core/util.h"

static const char *kind_label(int kind)
{
    switch (kind) {
    case SEARCH_CHILDREN: return _("child");
    case SEARCH_HOUSEHOLDS: return _("household");
    case SEARCH_MEMBERS: return _("member");
    default: return _("village");
    }
}

/* The widest kind label, in columns: labels are padded by display width
 * because translations have multi-byte letters. */
static int kind_width(void)
{
    int w = 0;
    for (int k = SEARCH_CHILDREN; k <= SEARCH_VILLAGES; k <<= 1)
        if (text_width(kind_label(k)) > w)
            w = text_width(kind_label(k));
    return w;
}

static int print_hit(const hd_hit *h, void *ctx)
{
    (void)ctx;
    const char *kind = kind_label(h->kind);
    printf("%s%*s  %-14s  %s", kind, kind_width() - text_width(kind), "", h->uid, h->name);
    if (*h->detail)
        printf("  (%s)", h->detail);
    if (*h->village && h->kind != SEARCH_VILLAGES)
        printf("  — %s", h->village);
    putchar('\n');
    return 0;
}

int cmd_search(cli_ctx *cx)
{
    const char *lim = args_value(&cx->argc, cx->argv, "--limit");
    if (args_unknown(cx->argc, cx->argv))
        return cli_error(_("search: unknown option '%s'"), args_unknown(cx->argc, cx->argv));
    if (cx->argc < 2)
        return cli_error("%s", _("usage: huydong search TEXT [--limit N]"));
    int limit = lim ? atoi(lim) : 50;
    if (limit <= 0)
        return cli_error("%s", _("search: --limit must be a positive number"));
    strbuf q = {0};
    for (int i = 1; i < cx->argc; i++)
        sb_addf(&q, "%s%s", i > 1 ? " " : "", cx->argv[i]);
    hd_db *db = cli_open(cx, DB_OPEN_READONLY);
    if (!db) {
        sb_free(&q);
        return EXIT_USER;
    }
    hd_err err;
    int n = search_run(db, sb_str(&q), SEARCH_ALL, limit, print_hit, NULL, &err);
    db_close(db);
    if (n < 0) {
        sb_free(&q);
        return cli_error("%s", err.msg);
    }
    if (n == 0)
        printf(_("nothing found for '%s'\n"), sb_str(&q));
    sb_free(&q);
    return EXIT_OK;
}

int cmd_check(cli_ctx *cx)
{
    if (cx->argc > 1)
        return cli_error("%s", _("check takes no arguments"));
    hd_db *db = cli_open(cx, DB_OPEN_READONLY);
    if (!db)
        return EXIT_USER;
    hd_check_report r;
    hd_err err;
    int rc = check_run(db, &r, &err);
    db_close(db);
    if (rc < 0)
        return cli_error("%s", err.msg);
    printf("%s: %s, %s, %s\n", cx->db_path, r.commune, r.district, r.province);
    fputs("  ", stdout);
    printf(_("villages %ld, households %ld, children %ld, members %ld, schools %ld\n"),
           r.villages, r.households, r.children, r.members, r.schools);
    fputs("  ", stdout);
    printf(_("status entries %ld, audit entries %ld, schema version %d\n"), r.status_events,
           r.audit_rows, r.schema_version);
    for (size_t i = 0; i < r.problems.n; i++) {
        fputs("  ", stdout);
        printf(_("problem: %s\n"), r.problems.items[i]);
    }
    for (size_t i = 0; i < r.notes.n; i++) {
        fputs("  ", stdout);
        printf(_("note: %s\n"), r.notes.items[i]);
    }
    int bad = r.problems.n > 0;
    puts(bad ? _("check: PROBLEMS FOUND") : _("check: ok"));
    check_report_free(&r);
    return bad ? EXIT_USER : EXIT_OK;
}

int cmd_config(cli_ctx *cx)
{
    if (args_flag(&cx->argc, cx->argv, "--doc")) {
        config_write_doc(stdout);
        return EXIT_OK;
    }
    if (cx->argc > 1)
        return cli_error("%s", _("usage: huydong config [--doc]"));
    /* main() has already read and checked the file: reaching here means it is valid. */
    printf(_("configuration: %s\n"), cx->cfg.path ? cx->cfg.path : _("(built-in defaults)"));
    printf(_("database: %s\n"), cx->db_path);
    printf(_("commune: %s %s (%s)\n"), cx->cfg.commune_code, cx->cfg.commune_name,
           cx->cfg.district);
    puts(_("configuration: ok"));
    return EXIT_OK;
}
