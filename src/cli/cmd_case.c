/* cmd_case.c — case work from the command line: assign, unassigned, load,
 * suggest, visit, commit, due, report.  The checks and messages are the
 * core's (casework.h); this file parses options and prints aligned text. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/table.h"
#include "core/casework.h"
#include "core/i18n.h"
#include "core/registry.h"
#include "core/text.h"


/* ---- arguments ------------------------------------------------------------ */

/* The registry record with this code, among the tables listed ("household",
 * "child"...; NULL-terminated); the table's name, or NULL with a message. */
static const char *find_record(hd_db *db, const char *uid, int64_t *id, const char *what,
                               const char *const *tables)
{
    for (int i = 0; uid && tables[i]; i++)
        if ((*id = record_id_by_uid(db, tables[i], uid)) > 0)
            return tables[i];
    cli_error(_("%s: no %s with code '%s'"), what, what, uid ? uid : "");
    return NULL;
}

static int64_t find_one(hd_db *db, const char *table, const char *uid, const char *what)
{
    const char *const tables[] = {table, NULL};
    int64_t id = 0;
    return find_record(db, uid, &id, what, tables) ? id : 0;
}

/* "UID,UID" into ids of table; 0 or -1 with a message. */
static int id_list(hd_db *db, const char *table, const char *list, const char *what,
                   int64_t **ids, int *n)
{
    *ids = NULL;
    *n = 0;
    char *copy = xstrdup(list ? list : ""), *save = NULL;
    int rc = 0;
    for (char *w = strtok_r(copy, ", ", &save); w && rc == 0; w = strtok_r(NULL, ", ", &save)) {
        int64_t id = find_one(db, table, w, what);
        if (!id) {
            rc = -1;
            break;
        }
        *ids = xreallocarray(*ids, (size_t)*n + 1, sizeof **ids);
        (*ids)[(*n)++] = id;
    }
    free(copy);
    return rc;
}

static int no_more(cli_ctx *cx, const char *cmd, int expected, const char *usage)
{
    const char *u = args_unknown(cx->argc, cx->argv);
    if (u)
        return cli_error(_("%s: unknown option '%s'"), cmd, u);
    if (cx->argc != expected)
        return cli_error("%s", usage);
    return 0;
}

/* Opened read-write: the first case-work command migrates an older file. */
static hd_db *open_db(cli_ctx *cx)
{
    return cli_open(cx, 0);
}

/* rc: 0 done, -1 failed with err, 1 failed with the message printed. */
static int done(hd_db *db, int rc, const hd_err *err)
{
    db_close(db);
    if (rc < 0)
        return cli_error("%s", err->msg);
    return rc ? EXIT_USER : EXIT_OK;
}

/* The name of a registry record, for messages; caller frees. */
static char *name_of(hd_db *db, const char *table, int64_t id)
{
    hd_err e;
    char *name = NULL;
    if (strcmp(table, "member") == 0) {
        hd_member m;
        if (member_get(db, id, &m, &e) == 0) {
            name = xstrdup(m.full_name);
            member_free(&m);
        }
    } else if (strcmp(table, "household") == 0) {
        hd_household h;
        if (household_get(db, id, &h, &e) == 0) {
            name = xstrdup(h.head_name);
            household_free(&h);
        }
    } else if (strcmp(table, "child") == 0) {
        hd_child c;
        if (child_get(db, id, &c, &e) == 0) {
            name = xstrdup(c.full_name);
            child_free(&c);
        }
    }
    return name ? name : xstrdup("");
}

/* ---- assign ---------------------------------------------------------------- */

typedef struct assign_opts {
    const char *reason, *from, *until, *date, *season, *end, *history;
    int support, sponsor;
} assign_opts;

static void assign_parse(cli_ctx *cx, assign_opts *o)
{
    memset(o, 0, sizeof *o);
    o->reason = args_value(&cx->argc, cx->argv, "--reason");
    o->from = args_value(&cx->argc, cx->argv, "--from");
    o->until = args_value(&cx->argc, cx->argv, "--until");
    o->date = args_value(&cx->argc, cx->argv, "--date");
    o->season = args_value(&cx->argc, cx->argv, "--season");
    o->end = args_value(&cx->argc, cx->argv, "--end");
    o->history = args_value(&cx->argc, cx->argv, "--history");
    o->support = args_flag(&cx->argc, cx->argv, "--support");
    o->sponsor = args_flag(&cx->argc, cx->argv, "--sponsor");
}

/* The role from the target's kind and the flags; -1 with a message. */
static int assign_role(const char *table, const assign_opts *o, hd_assignment *a, hd_err *err)
{
    a->season = -1;
    if (strcmp(table, "village") == 0) {
        a->role = AROLE_SEASON;
        return cw_lookup(VOCAB_SEASON, o->season, _("season"), &a->season, err);
    }
    if (o->season)
        return hd_fail(err, _("season: only a village is assigned for a season"));
    if (strcmp(table, "child") == 0) {
        if (o->support)
            return hd_fail(err, _("role: a child has a sponsor (--sponsor), not support"));
        a->role = AROLE_SPONSOR;
        return 0;
    }
    if (o->sponsor)
        return hd_fail(err, _("role: a member sponsors a child, not a household"));
    a->role = o->support ? AROLE_SUPPORT : AROLE_LEAD;
    return 0;
}

static int assign_fill(hd_db *db, cli_ctx *cx, const assign_opts *o, hd_assignment *a,
                       hd_err *err)
{
    static const char *const targets[] = {"household", "child", "village", NULL};
    int64_t id = 0;
    const char *t = find_record(db, cx->argv[1], &id, _("household, child or village"), targets);
    if (!t)
        return 1;
    a->household_id = strcmp(t, "household") == 0 ? id : 0;
    a->child_id = strcmp(t, "child") == 0 ? id : 0;
    a->village_id = strcmp(t, "village") == 0 ? id : 0;
    if (!(a->member_id = find_one(db, "member", cx->argv[2], _("member"))))
        return 1;
    a->reason = xstrdup(o->reason ? o->reason : "");
    if (assign_role(t, o, a, err) < 0 || cw_date(o->from, a->start_date, _("from"), err) < 0 ||
        cw_date(o->until, a->end_date, _("until"), err) < 0)
        return -1;
    return 0;
}

static int assign_new(cli_ctx *cx, const assign_opts *o)
{
    if (no_more(cx, "assign", 3,
                _("usage: huydong assign HOUSEHOLD|CHILD|VILLAGE MEMBER [--support] [--sponsor] "
                  "[--season SEASON] [--from DATE] [--until DATE] [--reason TEXT]")))
        return EXIT_USER;
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    hd_assignment a = {0};
    hd_err err;
    int rc = assign_fill(db, cx, o, &a, &err);
    if (rc == 0)
        rc = assignment_add(db, &a, &err);
    if (rc == 0) {
        char d[11];
        char *who = name_of(db, "member", a.member_id);
        printf(_("%s: %s, %s, from %s\n"), a.uid, who,
               model_label(VOCAB_ASSIGN_ROLE, a.role, cx->lang), cli_date_vn(a.start_date, d));
        free(who);
    }
    assignment_free(&a);
    return done(db, rc, &err);
}

static int assign_end_cmd(cli_ctx *cx, const assign_opts *o)
{
    if (no_more(cx, "assign", 1, _("usage: huydong assign --end ASSIGNMENT --reason TEXT "
                                   "[--date DATE]")))
        return EXIT_USER;
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    hd_err err;
    char iso[11];
    int64_t id = cw_id_by_uid(db, "assignment", o->end);
    hd_assignment a = {0};
    int rc = 1;
    if (!id)
        cli_error(_("assignment: no assignment with code '%s'"), o->end);
    else if ((rc = cw_date(o->date, iso, _("date"), &err)) == 0 &&
             (rc = assignment_get(db, id, &a, &err)) == 0)
        rc = assignment_end(db, id, a.version, iso, o->reason, &err);
    assignment_free(&a);
    if (rc == 0 && assignment_get(db, id, &a, &err) == 0) {
        char d[11];
        printf(_("%s: ended on %s\n"), a.uid, cli_date_vn(a.end_date, d));
        assignment_free(&a);
    }
    return done(db, rc, &err);
}

static void history_row(cli_table *t, const hd_assign_row *r, int by_member, const char *lang)
{
    char from[11], until[11];
    const char *role = r->season >= 0 ? model_label(VOCAB_SEASON, r->season, lang)
                                      : model_label(VOCAB_ASSIGN_ROLE, r->role, lang);
    char *ended = *r->end_reason ? xasprintf(_("ended: %s"), r->end_reason) : xstrdup("");
    cli_table_add(t, r->uid, role, by_member ? r->target_uid : r->member_uid,
              by_member ? r->target : r->member, cli_date_vn(r->start_date, from),
              *r->end_date ? cli_date_vn(r->end_date, until) : "…", r->reason, ended);
    free(ended);
}

static int assign_history_cmd(cli_ctx *cx, const assign_opts *o)
{
    if (no_more(cx, "assign", 1, _("usage: huydong assign --history HOUSEHOLD|CHILD|VILLAGE|MEMBER")))
        return EXIT_USER;
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    static const char *const tables[] = {"household", "child", "village", "member", NULL};
    int64_t id = 0;
    const char *t = find_record(db, o->history, &id, _("household, child, village or member"),
                                tables);
    hd_err err;
    hd_assign_row *rows = NULL;
    int n = t ? assignment_history(db, t, id, &rows, &err) : 0;
    if (n == 0 && t)
        puts(_("no assignments"));
    cli_table tb = {.ncols = 8};
    for (int i = 0; i < n; i++)
        history_row(&tb, &rows[i], strcmp(t, "member") == 0, cx->lang);
    cli_table_print(&tb, "");
    if (n > 0)
        assign_rows_free(rows, n);
    return done(db, !t ? 1 : n < 0 ? -1 : 0, &err);
}

int cmd_assign(cli_ctx *cx)
{
    assign_opts o;
    assign_parse(cx, &o);
    if (o.history)
        return assign_history_cmd(cx, &o);
    if (o.end)
        return assign_end_cmd(cx, &o);
    return assign_new(cx, &o);
}

/* ---- the chair's views ------------------------------------------------------ */

static int print_unassigned(hd_db *db, int children, hd_err *err)
{
    hd_unassigned *u = NULL;
    int n = children ? unassigned_children(db, &u, err) : unassigned_households(db, &u, err);
    if (n < 0)
        return -1;
    puts(children ? _("Children at risk with no one assigned:")
                  : _("Households with a child at risk and no one assigned:"));
    cli_table t = {.ncols = 5};
    for (int i = 0; i < n; i++) {
        char k[32];
        snprintf(k, sizeof k, ngettext("%d child at risk", "%d children at risk",
                                       (unsigned long)u[i].at_risk), u[i].at_risk);
        if (children)
            cli_table_add(&t, u[i].child_uid, u[i].child, u[i].household, u[i].village, "");
        else
            cli_table_add(&t, u[i].household_uid, u[i].household, u[i].village, k, "");
    }
    if (n == 0)
        printf("  %s\n", _("(none)"));
    cli_table_print(&t, "  ");
    unassigned_free(u, n);
    return 0;
}

int cmd_unassigned(cli_ctx *cx)
{
    if (no_more(cx, "unassigned", 1, _("usage: huydong unassigned")))
        return EXIT_USER;
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    hd_err err;
    int rc = print_unassigned(db, 0, &err);
    if (rc == 0)
        rc = print_unassigned(db, 1, &err);
    return done(db, rc, &err);
}

int cmd_load(cli_ctx *cx)
{
    if (no_more(cx, "load", 1, _("usage: huydong load")))
        return EXIT_USER;
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    hd_cw_opts o;
    cw_opts_init(&o, &cx->cfg);
    hd_member_load *l = NULL;
    hd_err err;
    int n = member_load_list(db, &o, &l, &err);
    cli_table t = {.ncols = 9};
    cli_table_add(&t, _("Code"), _("Member"), _("Village"), _("Households"), _("Leads"),
              _("Children"), _("Villages"), _("Due"), _("Overdue"));
    for (int i = 0; i < n; i++) {
        char c[6][16];
        int v[6] = {l[i].households, l[i].leads, l[i].children, l[i].villages, l[i].due,
                    l[i].overdue};
        for (int k = 0; k < 6; k++)
            snprintf(c[k], sizeof c[k], "%d", v[k]);
        cli_table_add(&t, l[i].uid, l[i].name, l[i].village, c[0], c[1], c[2], c[3], c[4], c[5]);
    }
    if (n >= 0)
        cli_table_print(&t, "");
    member_loads_free(l, n > 0 ? n : 0);
    return done(db, n < 0 ? -1 : 0, &err);
}

static void print_suggestions(const hd_suggestion *s, int n)
{
    cli_table t = {.ncols = 6};
    for (int i = 0; i < n; i++) {
        char load[48];
        snprintf(load, sizeof load, ngettext("%d assigned", "%d assigned", (unsigned long)s[i].load),
                 s[i].load);
        const char *why = s[i].same_village && s[i].same_school ? _("same village and school")
                          : s[i].same_village                   ? _("same village")
                          : s[i].same_school                    ? _("same school")
                                                                : "";
        cli_table_add(&t, s[i].uid, s[i].name, s[i].village, s[i].school, load, why);
    }
    if (n == 0)
        puts(_("no member to suggest"));
    cli_table_print(&t, "");
}

int cmd_suggest(cli_ctx *cx)
{
    const char *lim = args_value(&cx->argc, cx->argv, "--limit");
    if (no_more(cx, "suggest", 2, _("usage: huydong suggest HOUSEHOLD|CHILD [--limit N]")))
        return EXIT_USER;
    int limit = lim ? atoi(lim) : 5;
    if (limit <= 0)
        return cli_error("%s", _("suggest: --limit must be a positive number"));
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    static const char *const tables[] = {"household", "child", NULL};
    int64_t id = 0;
    const char *t = find_record(db, cx->argv[1], &id, _("household or child"), tables);
    hd_err err;
    hd_suggestion *s = NULL;
    int n = !t ? 0
               : assignment_suggest(db, strcmp(t, "household") == 0 ? id : 0,
                                    strcmp(t, "child") == 0 ? id : 0, limit, &s, &err);
    if (t && n >= 0)
        print_suggestions(s, n);
    suggestions_free(s, n > 0 ? n : 0);
    return done(db, !t ? 1 : n < 0 ? -1 : 0, &err);
}

/* ---- visit ----------------------------------------------------------------- */

typedef struct visit_opts {
    const char *household, *members, *date, *outcome, *children, *purpose, *notes, *support,
        *next;
} visit_opts;

static void visit_parse(cli_ctx *cx, visit_opts *o)
{
    o->household = args_value(&cx->argc, cx->argv, "--household");
    o->members = args_value(&cx->argc, cx->argv, "--members");
    o->date = args_value(&cx->argc, cx->argv, "--date");
    o->outcome = args_value(&cx->argc, cx->argv, "--outcome");
    o->children = args_value(&cx->argc, cx->argv, "--children");
    o->purpose = args_value(&cx->argc, cx->argv, "--purpose");
    o->notes = args_value(&cx->argc, cx->argv, "--notes");
    o->support = args_value(&cx->argc, cx->argv, "--support");
    o->next = args_value(&cx->argc, cx->argv, "--next");
}

/* 0, -1 with err, 1 with the message printed. */
static int visit_fill(hd_db *db, const visit_opts *o, hd_visit *v, hd_err *err)
{
    if (!o->household)
        return hd_fail(err, _("household: required (--household CODE)"));
    if (!(v->household_id = find_one(db, "household", o->household, _("household"))))
        return 1;
    if (id_list(db, "member", o->members, _("member"), &v->members, &v->nmembers) < 0 ||
        id_list(db, "child", o->children, _("child"), &v->children, &v->nchildren) < 0)
        return 1;
    v->purpose = xstrdup(o->purpose ? o->purpose : "");
    v->notes = xstrdup(o->notes ? o->notes : "");
    if (cw_date(o->date, v->date, _("date"), err) < 0 ||
        cw_date(o->next, v->next_followup, _("next follow-up"), err) < 0 ||
        cw_lookup(VOCAB_OUTCOME, o->outcome, _("outcome"), &v->outcome, err) < 0 ||
        cw_support_parse(o->support, &v->support, err) < 0)
        return -1;
    return 0;
}

static void visit_saved(hd_db *db, const hd_visit *v, const char *lang)
{
    char d[11];
    char *hh = name_of(db, "household", v->household_id);
    printf(_("%s: visit to %s on %s saved (%s)\n"), v->uid, hh, cli_date_vn(v->date, d),
           model_label(VOCAB_OUTCOME, v->outcome, lang));
    free(hh);
    for (int i = 0; v->outcome == OUTCOME_RETURNED && i < v->nchildren; i++) {
        char *c = name_of(db, "child", v->children[i]);
        printf(_("  %s: back in school from %s (status history, source visit:%s)\n"), c,
               cli_date_vn(v->date, d), v->uid);
        free(c);
    }
    if (v->next_followup[0])
        printf(_("  next follow-up: %s\n"), cli_date_vn(v->next_followup, d));
}

static int visit_add_cmd(cli_ctx *cx)
{
    visit_opts o = {0};
    visit_parse(cx, &o);
    if (no_more(cx, "visit add", 2,
                _("usage: huydong visit add --household CODE --members CODE[,CODE] --date DATE "
                  "--outcome OUTCOME [--children CODE,...] [--purpose TEXT] [--notes TEXT] "
                  "[--support KIND,...] [--next DATE]")))
        return EXIT_USER;
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    hd_visit v = {0};
    hd_err err;
    int rc = visit_fill(db, &o, &v, &err);
    if (rc == 0)
        rc = visit_add(db, &v, &err);
    if (rc == 0)
        visit_saved(db, &v, cx->lang);
    visit_free(&v);
    return done(db, rc, &err);
}

static void print_visit(const hd_visit_row *r, const char *lang)
{
    char d[11];
    printf("%s  %s  %s (%s)  %s\n", r->uid, cli_date_vn(r->date, d), r->household, r->household_uid,
           model_label(VOCAB_OUTCOME, r->outcome, lang));
    printf("    %s %s\n", _("went:"), r->members);
    if (*r->children)
        printf("    %s %s\n", _("children:"), r->children);
    if (*r->purpose)
        printf("    %s %s\n", _("purpose:"), r->purpose);
    if (*r->notes)
        printf("    %s %s\n", _("notes:"), r->notes);
    if (r->support) {
        char *s = cw_support_text(r->support, lang);
        printf("    %s %s\n", _("support:"), s);
        free(s);
    }
    if (*r->next_followup)
        printf("    %s %s\n", _("next follow-up:"), cli_date_vn(r->next_followup, d));
}

static int visit_list_cmd(cli_ctx *cx)
{
    if (no_more(cx, "visit list", 3, _("usage: huydong visit list HOUSEHOLD|CHILD|MEMBER")))
        return EXIT_USER;
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    static const char *const tables[] = {"household", "child", "member", NULL};
    int64_t id = 0;
    const char *t = find_record(db, cx->argv[2], &id, _("household, child or member"), tables);
    hd_err err;
    hd_visit_row *rows = NULL;
    int n = t ? visit_list(db, t, id, &rows, &err) : 0;
    for (int i = 0; i < n; i++)
        print_visit(&rows[i], cx->lang);
    if (t && n == 0)
        puts(_("no visits"));
    if (n > 0)
        visit_rows_free(rows, n);
    return done(db, !t ? 1 : n < 0 ? -1 : 0, &err);
}

int cmd_visit(cli_ctx *cx)
{
    const char *sub = cx->argc > 1 ? cx->argv[1] : "";
    if (strcmp(sub, "add") == 0)
        return visit_add_cmd(cx);
    if (strcmp(sub, "list") == 0)
        return visit_list_cmd(cx);
    return cli_error("%s", _("usage: huydong visit add|list ..."));
}

/* ---- commit ------------------------------------------------------------------ */

typedef struct commit_opts {
    const char *household, *child, *visit, *date, *family_signer, *school_signer, *family,
        *school, *review;
} commit_opts;

static void commit_parse(cli_ctx *cx, commit_opts *o)
{
    o->household = args_value(&cx->argc, cx->argv, "--household");
    o->child = args_value(&cx->argc, cx->argv, "--child");
    o->visit = args_value(&cx->argc, cx->argv, "--visit");
    o->date = args_value(&cx->argc, cx->argv, "--date");
    o->family_signer = args_value(&cx->argc, cx->argv, "--family-signer");
    o->school_signer = args_value(&cx->argc, cx->argv, "--school-signer");
    o->family = args_value(&cx->argc, cx->argv, "--family");
    o->school = args_value(&cx->argc, cx->argv, "--school");
    o->review = args_value(&cx->argc, cx->argv, "--review");
}

static int commit_fill(hd_db *db, const commit_opts *o, hd_commitment *k, hd_err *err)
{
    if (!o->household)
        return hd_fail(err, _("household: required (--household CODE)"));
    if (!(k->household_id = find_one(db, "household", o->household, _("household"))))
        return 1;
    if (o->child && !(k->child_id = find_one(db, "child", o->child, _("child"))))
        return 1;
    if (o->visit && !(k->visit_id = cw_id_by_uid(db, "visit", o->visit))) {
        cli_error(_("visit: no visit with code '%s'"), o->visit);
        return 1;
    }
    k->family_signer = xstrdup(o->family_signer ? o->family_signer : "");
    k->school_signer = xstrdup(o->school_signer ? o->school_signer : "");
    k->family_commits = xstrdup(o->family ? o->family : "");
    k->school_commits = xstrdup(o->school ? o->school : "");
    if (cw_date(o->date, k->signed_date, _("date"), err) < 0 ||
        cw_date(o->review, k->review_date, _("review"), err) < 0)
        return -1;
    return 0;
}

static int commit_add_cmd(cli_ctx *cx)
{
    commit_opts o = {0};
    commit_parse(cx, &o);
    if (no_more(cx, "commit add", 2,
                _("usage: huydong commit add --household CODE [--child CODE] [--visit CODE] "
                  "--date DATE --family-signer NAME --school-signer NAME --family TEXT "
                  "[--school TEXT] [--review DATE]")))
        return EXIT_USER;
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    hd_commitment k = {0};
    hd_err err;
    int rc = commit_fill(db, &o, &k, &err);
    if (rc == 0)
        rc = commitment_add(db, &k, &err);
    if (rc == 0) {
        char d[11], r[11];
        if (k.review_date[0])
            printf(_("%s: commitment of %s saved, to review on %s\n"), k.uid,
                   cli_date_vn(k.signed_date, d), cli_date_vn(k.review_date, r));
        else
            printf(_("%s: commitment of %s saved\n"), k.uid, cli_date_vn(k.signed_date, d));
    }
    commitment_free(&k);
    return done(db, rc, &err);
}

/* The commitment named on the command line, read; 1 when there is none. */
static int commit_load(hd_db *db, const char *uid, hd_commitment *k, hd_err *err)
{
    int64_t id = cw_id_by_uid(db, "commitment", uid);
    if (!id) {
        cli_error(_("commitment: no commitment with code '%s'"), uid);
        return 1;
    }
    return commitment_get(db, id, k, err);
}

static int commit_status_cmd(cli_ctx *cx)
{
    const char *note = args_value(&cx->argc, cx->argv, "--note");
    const char *date = args_value(&cx->argc, cx->argv, "--date");
    if (no_more(cx, "commit status", 4,
                _("usage: huydong commit status COMMITMENT kept|broken|withdrawn|active "
                  "--note TEXT [--date DATE]")))
        return EXIT_USER;
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    hd_commitment k = {0};
    hd_err err;
    char iso[11];
    int status = -1;
    int rc = commit_load(db, cx->argv[2], &k, &err);
    if (rc == 0)
        rc = cw_lookup(VOCAB_COMMIT_STATUS, cx->argv[3], _("status"), &status, &err);
    if (rc == 0)
        rc = cw_date(date, iso, _("date"), &err);
    if (rc == 0)
        rc = commitment_set_status(db, &k, status, iso, note, &err);
    if (rc == 0) {
        char d[11];
        printf(_("%s: %s from %s\n"), k.uid, model_label(VOCAB_COMMIT_STATUS, k.status, cx->lang),
               cli_date_vn(k.status_date, d));
    }
    commitment_free(&k);
    return done(db, rc, &err);
}

static void print_commitment(hd_db *db, const hd_commitment *k, const char *lang)
{
    char d[11];
    char *hh = name_of(db, "household", k->household_id);
    printf(_("%s: commitment of %s, household %s\n"), k->uid, cli_date_vn(k->signed_date, d), hh);
    free(hh);
    if (k->child_id) {
        char *c = name_of(db, "child", k->child_id);
        printf("  %s %s\n", _("child:"), c);
        free(c);
    }
    printf("  %s %s\n", _("signed for the family:"), k->family_signer);
    printf("  %s %s\n", _("signed for the school:"), k->school_signer);
    printf("  %s %s\n", _("the family commits to:"), k->family_commits);
    if (*k->school_commits)
        printf("  %s %s\n", _("the school commits to:"), k->school_commits);
    if (k->review_date[0])
        printf("  %s %s\n", _("review:"), cli_date_vn(k->review_date, d));
    printf("  %s %s\n", _("status:"), model_label(VOCAB_COMMIT_STATUS, k->status, lang));
}

static int commit_show_cmd(cli_ctx *cx)
{
    if (no_more(cx, "commit show", 3, _("usage: huydong commit show COMMITMENT")))
        return EXIT_USER;
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    hd_commitment k = {0};
    hd_err err;
    int rc = commit_load(db, cx->argv[2], &k, &err);
    hd_commit_event *e = NULL;
    int n = rc == 0 ? commitment_history(db, k.id, &e, &err) : 0;
    if (n < 0)
        rc = -1;
    if (rc == 0) {
        print_commitment(db, &k, cx->lang);
        cli_table t = {.ncols = 3};
        for (int i = 0; i < n; i++) {
            char d[11];
            cli_table_add(&t, cli_date_vn(e[i].date, d),
                      model_label(VOCAB_COMMIT_STATUS, e[i].status, cx->lang), e[i].note);
        }
        cli_table_print(&t, "    ");
    }
    commit_events_free(e, n > 0 ? n : 0);
    commitment_free(&k);
    return done(db, rc, &err);
}

int cmd_commit(cli_ctx *cx)
{
    const char *sub = cx->argc > 1 ? cx->argv[1] : "";
    if (strcmp(sub, "add") == 0)
        return commit_add_cmd(cx);
    if (strcmp(sub, "status") == 0)
        return commit_status_cmd(cx);
    if (strcmp(sub, "show") == 0)
        return commit_show_cmd(cx);
    return cli_error("%s", _("usage: huydong commit add|status|show ..."));
}

/* ---- due -------------------------------------------------------------------- */

static void print_due(const hd_due_item *d, int n, int with_detail)
{
    cli_table t = {.ncols = with_detail ? 8 : 7};
    for (int i = 0; i < n; i++) {
        char date[11], since[11];
        const char *state = d[i].overdue ? _("overdue") : _("due");
        char *hh = *d[i].household ? xasprintf("%s %s", d[i].household_uid, d[i].household)
                                   : xstrdup("");
        char *who = *d[i].responsible ? xasprintf("→ %s", d[i].responsible) : xstrdup("");
        char *ref = *d[i].ref_uid ? xstrdup(d[i].ref_uid)
                    : *d[i].since ? xasprintf(_("visited %s"), cli_date_vn(d[i].since, since))
                                  : xstrdup(_("never visited"));
        cli_table_add(&t, cli_date_vn(d[i].due_date, date), state, due_kind_label(d[i].kind), hh,
                  d[i].child, who, ref, d[i].detail);
        free(hh);
        free(who);
        free(ref);
    }
    cli_table_print(&t, "");
}

static int due_summary(const hd_due_item *d, int n)
{
    int late = 0;
    for (int i = 0; i < n; i++)
        late += d[i].overdue;
    if (n == 0)
        puts(_("nothing is due"));
    else
        printf(_("%d due, of which %d overdue\n"), n, late);
    return 0;
}

int cmd_due(cli_ctx *cx)
{
    const char *member = args_value(&cx->argc, cx->argv, "--member");
    const char *lim = args_value(&cx->argc, cx->argv, "--limit");
    hd_due_filter f = {.overdue_only = args_flag(&cx->argc, cx->argv, "--overdue")};
    if (no_more(cx, "due", 1, _("usage: huydong due [--member CODE] [--overdue] [--limit N]")))
        return EXIT_USER;
    f.limit = lim ? atoi(lim) : 0;
    if (lim && f.limit <= 0)
        return cli_error("%s", _("due: --limit must be a positive number"));
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    if (member && !(f.member_id = find_one(db, "member", member, _("member"))))
        return done(db, 1, NULL);
    hd_cw_opts o;
    cw_opts_init(&o, &cx->cfg);
    hd_due_item *d = NULL;
    hd_err err;
    int n = due_list(db, &o, &f, &d, &err);
    if (n >= 0) {
        print_due(d, n, 0);
        due_summary(d, n);
        due_items_free(d, n);
    }
    return done(db, n < 0 ? -1 : 0, &err);
}

/* ---- report ---------------------------------------------------------------- */

static int report_add_cmd(cli_ctx *cx)
{
    const char *date = args_value(&cx->argc, cx->argv, "--date");
    const char *reporter = args_value(&cx->argc, cx->argv, "--reporter");
    const char *household = args_value(&cx->argc, cx->argv, "--household");
    const char *child = args_value(&cx->argc, cx->argv, "--child");
    const char *text = args_value(&cx->argc, cx->argv, "--text");
    if (no_more(cx, "report add", 2,
                _("usage: huydong report add --date DATE (--household CODE | --child CODE) "
                  "--text TEXT [--reporter NAME]")))
        return EXIT_USER;
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    hd_report r = {.reporter = xstrdup(reporter ? reporter : ""),
                   .text = xstrdup(text ? text : "")};
    hd_err err;
    int rc = 0;
    if ((household && !(r.household_id = find_one(db, "household", household, _("household")))) ||
        (child && !(r.child_id = find_one(db, "child", child, _("child")))))
        rc = 1;
    if (rc == 0)
        rc = cw_date(date, r.date, _("date"), &err);
    if (rc == 0)
        rc = report_add(db, &r, &err);
    if (rc == 0) {
        char d[11], by[11], iso[11];
        hd_date rd = {0};
        date_parse(r.date, &rd, NULL);
        date_iso(date_from_days(date_to_days(rd) + cx->cfg.report_response_days), iso);
        if (r.handled_date[0])
            printf(_("%s: report of %s saved, answered by %s on %s\n"), r.uid, cli_date_vn(r.date, d),
                   r.handled_by, cli_date_vn(r.handled_date, by));
        else
            printf(_("%s: report of %s saved, to answer by %s\n"), r.uid, cli_date_vn(r.date, d),
                   cli_date_vn(iso, by));
    }
    report_free(&r);
    return done(db, rc, &err);
}

static int report_overdue_cmd(cli_ctx *cx)
{
    if (no_more(cx, "report overdue", 2, _("usage: huydong report overdue")))
        return EXIT_USER;
    hd_db *db = open_db(cx);
    if (!db)
        return EXIT_USER;
    hd_cw_opts o;
    cw_opts_init(&o, &cx->cfg);
    hd_due_filter f = {.overdue_only = 1, .kinds = 1u << DUE_REPORT};
    hd_due_item *d = NULL;
    hd_err err;
    int n = due_list(db, &o, &f, &d, &err);
    if (n >= 0) {
        print_due(d, n, 1);
        if (n == 0)
            puts(_("no report is overdue"));
        due_items_free(d, n);
    }
    return done(db, n < 0 ? -1 : 0, &err);
}

int cmd_report(cli_ctx *cx)
{
    const char *sub = cx->argc > 1 ? cx->argv[1] : "";
    if (strcmp(sub, "add") == 0)
        return report_add_cmd(cx);
    if (strcmp(sub, "overdue") == 0)
        return report_overdue_cmd(cx);
    return cli_error("%s", _("usage: huydong report add|overdue ..."));
}
