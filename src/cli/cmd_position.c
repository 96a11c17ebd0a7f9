/* cmd_position.c — `huydong position`: what positions a household holds
 * (cadre, party member, civil servant, public employee, association
 * member) and who holds them (core/positions.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/positions.h"
#include "core/registry.h"

static int usage(void)
{
    return cli_error("%s", _("usage: huydong position set HOUSEHOLD --holds LIST --holder TEXT\n"
                             "       huydong position show HOUSEHOLD"));
}

int cmd_position(cli_ctx *cx)
{
    const char *holds = args_value(&cx->argc, cx->argv, "--holds");
    const char *holder = args_value(&cx->argc, cx->argv, "--holder");
    const char *u = args_unknown(cx->argc, cx->argv);
    if (u)
        return cli_error(_("%s: unknown option '%s'"), "position", u);
    if (cx->argc != 3)
        return usage();
    int set = !strcmp(cx->argv[1], "set"), show = !strcmp(cx->argv[1], "show");
    if (!(set || show) || (show && (holds || holder)) || (set && !holds))
        return usage();
    hd_db *db = cli_open(cx, 0);
    if (!db)
        return EXIT_USER;
    hd_err err;
    hd_household_position p;
    int64_t id = record_id_by_uid(db, "household", cx->argv[2]);
    int rc = EXIT_OK;
    if (!id) {
        rc = cli_error(_("household: no household with the code '%s'"), cx->argv[2]);
    } else if (position_get(db, id, &p, &err) < 0) {
        rc = cli_error("%s", err.msg);
    } else {
        unsigned bits = p.positions;
        if (set && position_parse(holds, &bits, &err) < 0) {
            rc = cli_error("%s", err.msg);
        } else if (set) {
            p.positions = bits;
            free(p.holder);
            p.holder = xstrdup(holder ? holder : "");
            if (position_set(db, &p, &err) != 0)
                rc = cli_error("%s", err.msg);
        }
        if (rc == EXIT_OK) {
            char *t = position_text(p.positions, cx->lang);
            printf("%s: %s%s%s\n", cx->argv[2], *t ? t : _("(no position)"),
                   *p.holder ? " — " : "", p.holder);
            free(t);
        }
        position_free(&p);
    }
    db_close(db);
    return rc;
}
