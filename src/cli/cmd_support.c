/* cmd_support.c — `huydong support`: record support given to a child,
 * list the register, add it up by month, village, source or kind
 * (core/support.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/table.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/registry.h"
#include "core/support.h"

static int usage(void)
{
    return cli_error("%s", _("usage: huydong support add CHILD --kind KIND --source TEXT "
                             "[--what TEXT] [--value ĐỒNG] [--date DATE]\n"
                             "       huydong support list [--month MONTH]\n"
                             "       huydong support totals [--month MONTH] "
                             "[--by month|village|source|kind]"));
}

/* The school year of MONTH (default: this month) up to its last day (or
 * today), as two ISO dates. */
static int period(const cli_ctx *cx, const char *month, char from[11], char to[11])
{
    hd_date t = date_today();
    int y = t.year, m = t.month;
    hd_err err;
    if (month && date_parse_month(month, &y, &m, &err) < 0)
        return cli_error("%s", err.msg);
    hd_date first = {y, m, 1}, last = {y, m, date_days_in_month(y, m)};
    if (date_cmp(last, t) > 0)
        last = t;
    if (date_cmp(first, last) > 0)
        return cli_error(_("month: %02d/%d has not started yet"), m, y);
    int sy = date_school_year(first, cx->cfg.school_year_start_month);
    date_iso((hd_date){sy, cx->cfg.school_year_start_month, 1}, from);
    date_iso(last, to);
    return 0;
}

static char *money(long long v)
{
    /* 1.500.000: Vietnamese thousands */
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v);
    strbuf sb = {0};
    size_t n = strlen(digits);
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            sb_addc(&sb, '.');
        sb_addc(&sb, digits[i]);
    }
    return sb_detach(&sb);
}

static int add_cmd(const cli_ctx *cx, hd_db *db, const char *child, const char *kind,
                   const char *source, const char *what, const char *value, const char *date)
{
    hd_support_entry e = {0};
    e.child_id = record_id_by_uid(db, "child", child);
    if (!e.child_id)
        return cli_error(_("child: no child with the code '%s'"), child);
    e.kind = kind ? model_lookup(VOCAB_SUPPORT, kind) : -1;
    if (e.kind < 0) {
        size_t n;
        const hd_term *t = model_terms(VOCAB_SUPPORT, &n);
        strbuf sb = {0};
        for (size_t i = 0; i < n; i++)
            sb_addf(&sb, "%s%s", i ? ", " : "", t[i].code);
        cli_error(_("kind: '%s' is not one of %s"), kind ? kind : "", sb_str(&sb));
        sb_free(&sb);
        return EXIT_USER;
    }
    char *end = NULL;
    e.value = value ? strtoll(value, &end, 10) : 0;
    if (value && (end == value || *end))
        return cli_error(_("value: '%s' is not a number of đồng"), value);
    hd_date t = date_today();
    if (date)
        snprintf(e.date, sizeof e.date, "%s", date);
    else
        date_vn(t, e.date);
    e.source = xstrdup(source ? source : "");
    e.what = xstrdup(what ? what : "");
    hd_err err;
    int rc = support_add(db, &e, &err);
    support_entry_free(&e);
    if (rc < 0)
        return cli_error("%s", err.msg);
    char *v = money(e.value);
    char d[11];
    printf(_("%s: %s, %s đồng, from %s, on %s\n"), e.uid,
           model_label(VOCAB_SUPPORT, e.kind, cx->lang), v, source, cli_date_vn(e.date, d));
    free(v);
    return EXIT_OK;
}

static int list_cmd(const cli_ctx *cx, hd_db *db, const char *month)
{
    char from[11], to[11];
    if (period(cx, month, from, to))
        return EXIT_USER;
    hd_support_entry *e;
    hd_err err;
    int n = support_list(db, from, to, 0, &e, &err);
    if (n < 0)
        return cli_error("%s", err.msg);
    cli_table t = {.ncols = 7};
    cli_table_add(&t, _("Date"), _("Code"), _("Child"), _("Village"), _("Kind"), _("Source"),
                  _("Value"));
    for (int i = 0; i < n; i++) {
        char d[11], *v = money(e[i].value);
        char *who = xasprintf("%s (%d)", e[i].child, e[i].birth_year);
        cli_table_add(&t, cli_date_vn(e[i].date, d), e[i].uid, who, e[i].village,
                      model_label(VOCAB_SUPPORT, e[i].kind, cx->lang), e[i].source, v);
        free(v);
        free(who);
    }
    if (n)
        cli_table_print(&t, "  ");
    else
        printf("%s\n", _("No support is recorded in this period."));
    support_entries_free(e, n);
    return EXIT_OK;
}

static int totals_cmd(const cli_ctx *cx, hd_db *db, const char *month, const char *by)
{
    int g = by ? support_group_from_name(by) : SUPPORT_BY_MONTH;
    if (g < 0)
        return usage();
    char from[11], to[11];
    if (period(cx, month, from, to))
        return EXIT_USER;
    hd_support_total *t;
    hd_err err;
    int n = support_totals(db, from, to, (hd_support_group)g, cx->lang, &t, &err);
    if (n < 0)
        return cli_error("%s", err.msg);
    char a[11], b[11];
    printf(_("Support from %s to %s\n"), cli_date_vn(from, a), cli_date_vn(to, b));
    cli_table tb = {.ncols = 4};
    cli_table_add(&tb, "", _("Entries"), _("Children"), _("Value (đồng)"));
    for (int i = 0; i < n; i++) {
        char x[24], y[24], *v = money(t[i].value);
        snprintf(x, sizeof x, "%ld", t[i].entries);
        snprintf(y, sizeof y, "%ld", t[i].children);
        cli_table_add(&tb, *t[i].label || i < n - 1 ? t[i].label : _("Total"), x, y, v);
        free(v);
    }
    cli_table_print(&tb, "  ");
    support_totals_free(t, n);
    return EXIT_OK;
}

int cmd_support(cli_ctx *cx)
{
    const char *kind = args_value(&cx->argc, cx->argv, "--kind");
    const char *source = args_value(&cx->argc, cx->argv, "--source");
    const char *what = args_value(&cx->argc, cx->argv, "--what");
    const char *value = args_value(&cx->argc, cx->argv, "--value");
    const char *date = args_value(&cx->argc, cx->argv, "--date");
    const char *month = args_value(&cx->argc, cx->argv, "--month");
    const char *by = args_value(&cx->argc, cx->argv, "--by");
    const char *u = args_unknown(cx->argc, cx->argv);
    if (u)
        return cli_error(_("%s: unknown option '%s'"), "support", u);
    if (cx->argc < 2)
        return usage();
    const char *sub = cx->argv[1];
    int add = !strcmp(sub, "add"), list = !strcmp(sub, "list"), tot = !strcmp(sub, "totals");
    if (!(add || list || tot) || cx->argc != (add ? 3 : 2) ||
        ((kind || source || what || value || date) && !add) || (month && add) ||
        (by && !tot))
        return usage();
    hd_db *db = cli_open(cx, 0);
    if (!db)
        return EXIT_USER;
    int rc = add    ? add_cmd(cx, db, cx->argv[2], kind, source, what, value, date)
             : list ? list_cmd(cx, db, month)
                    : totals_cmd(cx, db, month, by);
    db_close(db);
    return rc;
}
