/* cmd_tui.c — `huydong` with no command: the terminal interface. */
#include "cli/cli.h"
#include "tui/app.h"

int cmd_tui(cli_ctx *cx)
{
    hd_db *db = cli_open(cx, DB_OPEN_FALLBACK); /* reading works without write access */
    if (!db)
        return EXIT_USER;
    tui_opts o = {.mono = cx->mono, .ascii = cx->ascii};
    int rc = tui_run(db, &cx->cfg, cx->lang ? cx->lang : "vi", &o);
    db_close(db);
    return rc;
}
