/* cmd_print.c — `huydong print DOC`: a committee document as text on the
 * standard output, or to a text, CSV or PDF file, or to the printer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "core/authz.h"
#include "core/i18n.h"
#include "core/print.h"

static const char *usage_text(void)
{
    return _("usage: huydong print DOC [--month YYYY-MM] [--width 80|132] "
             "[--to text FILE|csv FILE|xlsx FILE|pdf FILE|printer]\n"
             "  DOC: committee, visits, at-risk, dropouts, evaluation, report, officials, "
             "sponsors, family-review, leavers, support, causes");
}

/* Where the document goes: "text", "csv", "pdf" take the next argument. */
static int output(const hd_doc *d, const cli_ctx *cx, const char *to, const char *file,
                  int width, hd_err *err)
{
    int lpp = cx->cfg.lines_per_page;
    if (!to) {
        char *text = doc_text(d, width, lpp);
        fputs(text, stdout);
        free(text);
        return 0;
    }
    if (strcmp(to, "text") == 0)
        return doc_save_text(d, width, lpp, file, err);
    if (strcmp(to, "csv") == 0)
        return doc_save_csv(d, file, err);
    if (strcmp(to, "xlsx") == 0)
        return doc_save_xlsx(d, file, err);
    if (strcmp(to, "pdf") == 0)
        return doc_save_pdf(d, width, lpp, cx->cfg.paper, file, err);
    return doc_print(d, width, lpp, cx->cfg.paper, strcmp(cx->cfg.print_input, "pdf") == 0,
                     cx->cfg.print_command, err);
}

static int check_to(const char *to, const char *file)
{
    if (!to)
        return 0;
    if (strcmp(to, "printer") == 0)
        return file ? cli_error("%s", usage_text()) : 0;
    if (strcmp(to, "text") && strcmp(to, "csv") && strcmp(to, "xlsx") && strcmp(to, "pdf"))
        return cli_error(_("print: --to must be text, csv, xlsx, pdf or printer, not '%s'"), to);
    if (!file)
        return cli_error(_("print: --to %s needs a file name"), to);
    return 0;
}

static int parse_month(const char *month, int *y, int *m)
{
    hd_err err;
    if (!month) {
        hd_date t = date_today();
        *y = t.year;
        *m = t.month;
        return 0;
    }
    if (date_parse_month(month, y, m, &err) != 0)
        return cli_error("print: %s", err.msg);
    return 0;
}

int cmd_print(cli_ctx *cx)
{
    const char *month = args_value(&cx->argc, cx->argv, "--month");
    const char *to = args_value(&cx->argc, cx->argv, "--to");
    const char *w = args_value(&cx->argc, cx->argv, "--width");
    const char *u = args_unknown(cx->argc, cx->argv);
    if (u)
        return cli_error(_("%s: unknown option '%s'"), "print", u);
    const char *file = cx->argc == 3 ? cx->argv[2] : NULL;
    const hd_doc_kind *kind = cx->argc >= 2 ? doc_kind_find(cx->argv[1]) : NULL;
    if (!kind || cx->argc > 3 || (file && !to))
        return cli_error("%s", usage_text());
    int width = w ? atoi(w) : kind->width, y, m;
    if (!doc_width_ok(width))
        return cli_error("%s", _("print: --width must be 80 or 132"));
    if (check_to(to, file) || parse_month(month, &y, &m))
        return EXIT_USER;
    hd_db *db = cli_open(cx, DB_OPEN_READONLY);
    if (!db)
        return EXIT_USER;
    if (cli_allowed(db, PERM_PRINT) != 0) {
        db_close(db);
        return EXIT_USER;
    }
    hd_doc d = {0}; /* freeable whatever the build did */
    hd_err err;
    int rc = kind->build(db, &cx->cfg, y, m, &d, &err);
    if (rc == 0)
        rc = output(&d, cx, to, file, width, &err);
    doc_free(&d);
    db_close(db);
    if (rc != 0)
        return cli_error("%s", err.msg);
    return EXIT_OK;
}
