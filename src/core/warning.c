/* warning.c — the early-warning rules, proposals, decisions and the
 * look-back (warning.h; method in docs/early-warning.md). */
#include "core/warning.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/registry.h"
#include "core/text.h"

/* ---- the rules ------------------------------------------------------------- */

unsigned warn_evaluate(const hd_config *cfg, const hd_warn_input *in, double *score)
{
    unsigned f = 0;
    /* chronic absence: absent * 100 >= threshold * school days, in integers
     * scaled by 1000 so that 10 % of 20 days is exactly 2 days */
    if (in->school_days > 0 &&
        (long long)in->absent * 100000 >=
            (long long)(cfg->warn_limit[WRULE_CHRONIC_ABSENCE] * 1000 + 0.5) * in->school_days)
        f |= 1u << WRULE_CHRONIC_ABSENCE;
    if (in->consecutive >= 0 && in->consecutive >= cfg->warn_limit[WRULE_CONSECUTIVE_ABSENCE])
        f |= 1u << WRULE_CONSECUTIVE_ABSENCE;
    if (in->repeating)
        f |= 1u << WRULE_REPEATED_GRADE;
    if (in->earlier_dropout[0])
        f |= 1u << WRULE_EARLIER_DROPOUT;
    if (in->sibling[0])
        f |= 1u << WRULE_SIBLING_DROPOUT;
    if (in->poverty == POVERTY_POOR || in->poverty == POVERTY_NEAR_POOR ||
        (in->risk & (1u << RISK_POVERTY)))
        f |= 1u << WRULE_POVERTY;
    if (in->risk & (1u << RISK_PARENTS_AWAY))
        f |= 1u << WRULE_PARENTS_AWAY;
    if (in->risk & (1u << RISK_SEASONAL_WORK))
        f |= 1u << WRULE_SEASONAL_WORK;
    if (in->risk & (1u << RISK_LIVING_IN_FIELDS))
        f |= 1u << WRULE_LIVING_IN_FIELDS;
    double s = 0;
    for (int r = 0; r < WRULE_COUNT; r++)
        if (f & (1u << r))
            s += cfg->warn_weight[r];
    /* a rule of weight 0 is switched off: it neither counts nor is named */
    for (int r = 0; r < WRULE_COUNT; r++)
        if (cfg->warn_weight[r] <= 0)
            f &= ~(1u << r);
    *score = s;
    return f;
}

/* A name or date in the facts: ';' and '=' are the separators. */
static void add_fact(strbuf *sb, int rule, const char *value)
{
    sb_addf(sb, "%s%s=", sb->len ? ";" : "", config_warn_rule_name(rule));
    for (const char *p = value; *p; p++)
        sb_addc(sb, *p == ';' || *p == '=' ? ',' : *p);
}

char *warn_facts(unsigned fired, const hd_warn_input *in)
{
    strbuf sb = {0};
    char buf[64];
    for (int r = 0; r < WRULE_COUNT; r++) {
        if (!(fired & (1u << r)))
            continue;
        switch (r) {
        case WRULE_CHRONIC_ABSENCE:
            snprintf(buf, sizeof buf, "%d/%d", in->absent, in->school_days);
            add_fact(&sb, r, buf);
            break;
        case WRULE_CONSECUTIVE_ABSENCE:
            snprintf(buf, sizeof buf, "%d", in->consecutive);
            add_fact(&sb, r, buf);
            break;
        case WRULE_EARLIER_DROPOUT: add_fact(&sb, r, in->earlier_dropout); break;
        case WRULE_SIBLING_DROPOUT: add_fact(&sb, r, in->sibling); break;
        case WRULE_POVERTY:
            add_fact(&sb, r, in->poverty == POVERTY_POOR        ? "poor"
                             : in->poverty == POVERTY_NEAR_POOR ? "near_poor"
                                                                : "recorded");
            break;
        default: add_fact(&sb, r, ""); break;
        }
    }
    return sb_detach(&sb);
}

/* The value stored for rule r in facts, into out ("" when none). */
static void fact_of(const char *facts, int r, char *out, size_t n)
{
    const char *name = config_warn_rule_name(r);
    size_t len = strlen(name);
    out[0] = '\0';
    for (const char *p = facts; p && *p;) {
        const char *end = strchr(p, ';');
        size_t item = end ? (size_t)(end - p) : strlen(p);
        if (item > len && strncmp(p, name, len) == 0 && p[len] == '=') {
            size_t v = item - len - 1;
            snprintf(out, n, "%.*s", (int)(v < n ? v : n - 1), p + len + 1);
            return;
        }
        p = end ? end + 1 : NULL;
    }
}

char *warn_describe(unsigned fired, const char *facts, const char *month)
{
    strbuf sb = {0};
    char v[160], when[16];
    int y = 0, m = 0;
    if (sscanf(month, "%4d-%2d", &y, &m) == 2)
        snprintf(when, sizeof when, "%02d/%d", m, y);
    else
        snprintf(when, sizeof when, "%s", month);
    for (int r = 0; r < WRULE_COUNT; r++) {
        if (!(fired & (1u << r)))
            continue;
        fact_of(facts, r, v, sizeof v);
        if (sb.len)
            sb_add(&sb, "; ");
        switch (r) {
        case WRULE_CHRONIC_ABSENCE: {
            int a = 0, d = 0;
            if (sscanf(v, "%d/%d", &a, &d) == 2)
                sb_addf(&sb, _("absent %d/%d days in %s"), a, d, when);
            else
                sb_add(&sb, _("chronic absence"));
            break;
        }
        case WRULE_CONSECUTIVE_ABSENCE:
            sb_addf(&sb, _("absent %s days in a row"), v);
            break;
        case WRULE_REPEATED_GRADE: sb_add(&sb, _("repeating the grade")); break;
        case WRULE_EARLIER_DROPOUT: {
            hd_date d;
            char vn[11];
            if (date_parse(v, &d, NULL) == 0) {
                date_vn(d, vn);
                sb_addf(&sb, _("dropped out before (%s)"), vn);
            } else {
                sb_add(&sb, _("dropped out before"));
            }
            break;
        }
        case WRULE_SIBLING_DROPOUT: sb_addf(&sb, _("sibling %s dropped out"), v); break;
        case WRULE_POVERTY:
            sb_add(&sb, strcmp(v, "poor") == 0        ? _("poor household")
                        : strcmp(v, "near_poor") == 0 ? _("near-poor household")
                                                      : _("poverty recorded"));
            break;
        case WRULE_PARENTS_AWAY: sb_add(&sb, _("parents working away")); break;
        case WRULE_SEASONAL_WORK: sb_add(&sb, _("seasonal work")); break;
        default: sb_add(&sb, _("living in the fields")); break;
        }
    }
    return sb_detach(&sb);
}

/* ---- the inputs, read set-wise ---------------------------------------------- */

/* Every pupil-month from ?1 to ?4 (yyyy-mm), by child then month; ?2 is
 * the school year's first month, ?3 its first day, ?5 its last day. */
static const char input_sql[] =
    "SELECT a.child_id, a.month, a.school_days, a.absent_excused + a.absent_unexcused,"
    " coalesce(a.consecutive, -1),"
    " (SELECT max(r.repeating) FROM attendance r WHERE r.child_id = a.child_id"
    "   AND r.month BETWEEN ?2 AND a.month AND r.archived = 0),"
    " c.risk, coalesce(h.poverty, 'none'),"
    " (SELECT max(x.date) FROM child_status x WHERE x.child_id = c.id"
    "   AND x.status = 'dropped_out' AND x.date < ?3),"
    /* the household's children first (a few, by the child_household
     * index), then each one's history: never every dropout of the district */
    " (SELECT s.full_name FROM child s WHERE s.household_id = c.household_id"
    "   AND s.id <> c.id AND s.archived = 0 AND EXISTS (SELECT 1 FROM child_status x"
    "   WHERE x.child_id = s.id AND +x.status = 'dropped_out' AND x.date <= a.month || '-31')"
    "   ORDER BY s.sort_key, s.id LIMIT 1),"
    " c.status,"
    " (SELECT min(x.date) FROM child_status x WHERE x.child_id = c.id"
    "   AND x.status = 'dropped_out' AND x.date BETWEEN ?3 AND ?5)"
    " FROM attendance a JOIN child c ON c.id = a.child_id"
    " LEFT JOIN household h ON h.id = c.household_id"
    " WHERE a.month BETWEEN ?1 AND ?4 AND a.archived = 0 AND c.archived = 0"
    " ORDER BY a.child_id, a.month";

typedef struct span {
    char from[8], to[8], ys_month[8], ys_day[11], ye_day[11];
} span;

static void make_span(const hd_config *cfg, int sy, int fy, int fm, int ty, int tm, span *s)
{
    int sm = cfg->school_year_start_month;
    snprintf(s->from, sizeof s->from, "%04u-%02u", (unsigned)fy % 10000u, (unsigned)fm % 100u);
    snprintf(s->to, sizeof s->to, "%04u-%02u", (unsigned)ty % 10000u, (unsigned)tm % 100u);
    snprintf(s->ys_month, sizeof s->ys_month, "%04u-%02u", (unsigned)sy % 10000u,
             (unsigned)sm % 100u);
    hd_date first = {sy, sm, 1};
    hd_date next = {sy + 1, sm, 1};
    date_iso(first, s->ys_day);
    date_iso(date_from_days(date_to_days(next) - 1), s->ye_day);
}

static sqlite3_stmt *inputs(hd_db *db, const span *s)
{
    sqlite3_stmt *st = db_prepare(db, input_sql);
    sqlite3_bind_text(st, 1, s->from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, s->ys_month, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, s->ys_day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, s->to, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, s->ye_day, -1, SQLITE_TRANSIENT);
    return st;
}

static void read_input(sqlite3_stmt *st, hd_warn_input *in)
{
    memset(in, 0, sizeof *in);
    in->school_days = sqlite3_column_int(st, 2);
    in->absent = sqlite3_column_int(st, 3);
    in->consecutive = sqlite3_column_int(st, 4);
    in->repeating = sqlite3_column_int(st, 5);
    in->risk = (unsigned)sqlite3_column_int(st, 6);
    in->poverty = model_from_code(VOCAB_POVERTY, (const char *)sqlite3_column_text(st, 7));
    const char *e = (const char *)sqlite3_column_text(st, 8);
    snprintf(in->earlier_dropout, sizeof in->earlier_dropout, "%s", e ? e : "");
    const char *sib = (const char *)sqlite3_column_text(st, 9);
    snprintf(in->sibling, sizeof in->sibling, "%s", sib ? sib : "");
}

/* ---- running a month -------------------------------------------------------- */

static int propose(hd_db *db, int64_t child_id, const char *month, double score,
                   unsigned fired, const hd_warn_input *in, hd_err *err)
{
    char uid[32];
    if (db_new_uid(db, 'W', uid, err) < 0)
        return -1;
    strbuf rules = {0};
    for (int r = 0; r < WRULE_COUNT; r++)
        if (fired & (1u << r))
            sb_addf(&rules, "%s%s", rules.len ? " " : "", config_warn_rule_name(r));
    char *facts = warn_facts(fired, in);
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO warning(uid, child_id, month, score, rules,"
                                      " facts) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    sqlite3_bind_text(st, 1, uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, child_id);
    sqlite3_bind_text(st, 3, month, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(st, 4, score);
    sqlite3_bind_text(st, 5, sb_str(&rules), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, facts, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    db_finish(db, st);
    sb_free(&rules);
    free(facts);
    return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("saving the proposal"));
}

static int has_proposal(hd_db *db, int64_t child_id, const char *month)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM warning WHERE child_id = ?1 AND month = ?2");
    sqlite3_bind_int64(st, 1, child_id);
    sqlite3_bind_text(st, 2, month, -1, SQLITE_TRANSIENT);
    int found = sqlite3_step(st) == SQLITE_ROW;
    db_finish(db, st);
    return found;
}

/* The candidates first (reading), then the proposals (writing): a
 * statement reading attendance stays apart from the inserts. */
typedef struct cand {
    int64_t child_id;
    double score;
    unsigned fired;
    hd_warn_input in;
} cand;

static int run_in(hd_db *db, const hd_config *cfg, const span *s, hd_warn_run *out,
                  hd_err *err)
{
    sqlite3_stmt *st = inputs(db, s);
    cand *c = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        out->pupils++;
        hd_warn_input in;
        read_input(st, &in);
        double score;
        unsigned fired = warn_evaluate(cfg, &in, &score);
        if (!fired || score < cfg->warn_threshold)
            continue;
        out->fired++;
        const char *status = (const char *)sqlite3_column_text(st, 10);
        if (!status || (strcmp(status, "enrolled") != 0 && strcmp(status, "returned") != 0)) {
            out->not_in_school++;
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            c = xreallocarray(c, cap, sizeof *c);
        }
        c[n++] = (cand){sqlite3_column_int64(st, 0), score, fired, in};
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        free(c);
        return db_fail(db, err, _("running the early-warning rules"));
    }
    int bad = 0;
    for (size_t i = 0; i < n && !bad; i++) {
        if (has_proposal(db, c[i].child_id, s->to))
            out->already++;
        else if (propose(db, c[i].child_id, s->to, c[i].score, c[i].fired, &c[i].in, err) < 0)
            bad = 1;
        else
            out->proposed++;
    }
    free(c);
    return bad ? -1 : 0;
}

int warn_run(hd_db *db, const hd_config *cfg, int year, int month, hd_warn_run *out,
             hd_err *err)
{
    memset(out, 0, sizeof *out);
    /* the committee's records: the secretary's and the chair's (authz.h) */
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    hd_date d = {year, month, 1};
    if (!date_valid(d))
        return hd_fail(err, _("month: %d-%02d is not a month"), year, month);
    span s;
    make_span(cfg, date_school_year(d, cfg->school_year_start_month), year, month, year, month,
              &s);
    int tok = db_write_begin(db, err);
    if (tok < 0)
        return -1;
    int rc = run_in(db, cfg, &s, out, err);
    if (db_write_end(db, tok, rc == 0, rc == 0 ? err : NULL) < 0)
        return -1;
    return rc < 0 ? -1 : out->proposed;
}

/* ---- reading proposals ------------------------------------------------------ */

static const char *const status_codes[WSTATUS_COUNT] = {"proposed", "confirmed", "dismissed"};
static const char *const status_labels[WSTATUS_COUNT] = {
    N_("proposed"), N_("confirmed"), N_("dismissed"),
};

const char *warn_status_code(int s)
{
    return s >= 0 && s < WSTATUS_COUNT ? status_codes[s] : "";
}

const char *warn_status_label(int s)
{
    return s >= 0 && s < WSTATUS_COUNT ? _(status_labels[s]) : "";
}

static int status_of(const char *code)
{
    for (int s = 0; s < WSTATUS_COUNT; s++)
        if (code && strcmp(status_codes[s], code) == 0)
            return s;
    return -1;
}

static unsigned rules_of(const char *names)
{
    unsigned f = 0;
    char *copy = xstrdup(names ? names : "");
    for (char *w = strtok(copy, " "); w; w = strtok(NULL, " "))
        for (int r = 0; r < WRULE_COUNT; r++)
            if (strcmp(w, config_warn_rule_name(r)) == 0)
                f |= 1u << r;
    free(copy);
    return f;
}

#define WARN_COLS                                                                           \
    "SELECT w.id, w.uid, w.child_id, c.uid, c.full_name, c.birth_year,"                      \
    " coalesce(c.household_id, 0), coalesce(v.name, ''),"                                    \
    " CASE WHEN c.class_name = '' THEN '' ELSE coalesce(s.name || ' · ', '') || c.class_name END," \
    " w.month, w.score, w.rules, w.facts, w.status, coalesce(w.decided_date, ''),"           \
    " w.decided_by, w.reason, w.version"                                                     \
    " FROM warning w JOIN child c ON c.id = w.child_id"                                      \
    " LEFT JOIN household h ON h.id = c.household_id"                                        \
    " LEFT JOIN village v ON v.id = h.village_id LEFT JOIN school s ON s.id = c.school_id"

static void read_warning(sqlite3_stmt *st, hd_warning *w)
{
    memset(w, 0, sizeof *w);
    w->id = sqlite3_column_int64(st, 0);
    snprintf(w->uid, sizeof w->uid, "%s", sqlite3_column_text(st, 1));
    w->child_id = sqlite3_column_int64(st, 2);
    snprintf(w->child_uid, sizeof w->child_uid, "%s", sqlite3_column_text(st, 3));
    w->child = db_col_text(st, 4);
    w->birth_year = sqlite3_column_int(st, 5);
    w->household_id = sqlite3_column_int64(st, 6);
    w->village = db_col_text(st, 7);
    w->class_name = db_col_text(st, 8);
    snprintf(w->month, sizeof w->month, "%s", sqlite3_column_text(st, 9));
    w->score = sqlite3_column_double(st, 10);
    w->rules = rules_of((const char *)sqlite3_column_text(st, 11));
    w->facts = db_col_text(st, 12);
    w->status = status_of((const char *)sqlite3_column_text(st, 13));
    snprintf(w->decided_date, sizeof w->decided_date, "%s", sqlite3_column_text(st, 14));
    w->decided_by = db_col_text(st, 15);
    w->reason = db_col_text(st, 16);
    w->version = sqlite3_column_int64(st, 17);
}

void warning_clear(hd_warning *w)
{
    free(w->child);
    free(w->village);
    free(w->class_name);
    free(w->facts);
    free(w->decided_by);
    free(w->reason);
}

void warnings_free(hd_warning *w, int n)
{
    for (int i = 0; w && i < n; i++)
        warning_clear(&w[i]);
    free(w);
}

int warn_list(hd_db *db, const hd_warn_filter *f, hd_warning **out, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, WARN_COLS
        " WHERE (?1 IS NULL OR w.status = ?1) AND (?2 IS NULL OR w.month = ?2)"
        " AND w.archived = 0 ORDER BY w.month DESC, w.score DESC, c.sort_key, w.id LIMIT ?3");
    db_bind_text(st, 1, f->status >= 0 ? warn_status_code(f->status) : NULL);
    db_bind_text(st, 2, f->month[0] ? f->month : NULL);
    sqlite3_bind_int(st, 3, f->limit > 0 ? f->limit : 500);
    hd_warning *w = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        w = xreallocarray(w, (size_t)n + 1, sizeof *w);
        read_warning(st, &w[n++]);
    }
    db_finish(db, st);
    if (rc != SQLITE_DONE) {
        warnings_free(w, n);
        return db_fail(db, err, _("reading the proposals"));
    }
    *out = w;
    return n;
}

int warn_get(hd_db *db, int64_t id, const char *uid, hd_warning *out, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(db, WARN_COLS " WHERE w.id = ?1 OR (?1 = 0 AND w.uid = ?2)");
    sqlite3_bind_int64(st, 1, id);
    db_bind_text(st, 2, uid);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_warning(st, out);
    db_finish(db, st);
    if (rc == SQLITE_ROW)
        return 0;
    return rc == SQLITE_DONE ? 1 : db_fail(db, err, _("reading the proposals"));
}

/* ---- deciding --------------------------------------------------------------- */

static int decide_in(hd_db *db, const hd_warning *w, int64_t version, int confirm,
                     const char *reason, hd_err *err)
{
    if (w->status != WSTATUS_PROPOSED) {
        char d[11] = "";
        hd_date x;
        if (date_parse(w->decided_date, &x, NULL) == 0)
            date_vn(x, d);
        return hd_fail(err, _("the proposal %s was already %s on %s by %s"), w->uid,
                       warn_status_label(w->status), d, w->decided_by);
    }
    if (w->version != version) {
        hd_fail(err, "%s", _("another user changed this proposal meanwhile; read it again"));
        return HD_CONFLICT;
    }
    char today[11];
    date_iso(date_today(), today);
    if (confirm) {
        hd_child c;
        if (child_get(db, w->child_id, &c, err) < 0)
            return -1;
        int status = c.status;
        child_free(&c);
        if (status != STATUS_AT_RISK) {
            if (status != STATUS_ENROLLED && status != STATUS_RETURNED)
                return hd_fail(err, _("%s is no longer in school: dismiss the proposal "
                                      "instead"), w->child);
            int y = 0, m = 0;
            sscanf(w->month, "%4d-%2d", &y, &m);
            char *why = xasprintf(_("early warning %02d/%d: %s"), m, y, reason);
            char *source = xasprintf("warning:%s", w->uid);
            int rc = child_set_status(db, w->child_id, STATUS_AT_RISK, today, why, source, err);
            free(why);
            free(source);
            if (rc < 0)
                return -1;
        }
    }
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE warning SET status = ?1, decided_date = ?2, decided_by = hd_actor(),"
        " reason = ?3, version = version + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE id = ?4 AND version = ?5 AND status = 'proposed'");
    sqlite3_bind_text(st, 1, warn_status_code(confirm ? WSTATUS_CONFIRMED : WSTATUS_DISMISSED),
                      -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, reason, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, w->id);
    sqlite3_bind_int64(st, 5, version);
    int rc = sqlite3_step(st);
    db_finish(db, st);
    if (rc != SQLITE_DONE)
        return db_fail(db, err, _("saving the decision"));
    return 0;
}

int warn_decide(hd_db *db, int64_t id, int64_t version, int confirm, const char *reason,
                hd_err *err)
{
    /* the committee's records: the secretary's and the chair's (authz.h) */
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    char *r = text_nfc(reason ? reason : "");
    if (!r)
        return hd_fail(err, "%s", _("reason: not valid UTF-8 text"));
    str_trim(r);
    if (!*r) {
        free(r);
        return hd_fail(err, "%s", _("reason: required (why the proposal is confirmed or "
                                    "dismissed)"));
    }
    int tok = db_write_begin(db, err);
    if (tok < 0) {
        free(r);
        return -1;
    }
    hd_warning w;
    int rc = warn_get(db, id, NULL, &w, err);
    if (rc > 0)
        rc = hd_fail(err, "%s", _("no such proposal"));
    else if (rc == 0) {
        rc = decide_in(db, &w, version, confirm, r, err);
        warning_clear(&w);
    }
    free(r);
    if (db_write_end(db, tok, rc == 0, rc == 0 ? err : NULL) < 0 && rc == 0)
        return -1;
    return rc;
}

/* ---- looking back ----------------------------------------------------------- */

/* One child's months seen so far: the first month each rule fired. */
typedef struct track {
    int64_t child;
    char first[WRULE_COUNT + 1][8];   /* "" never */
    char dropout[11];                 /* first dropout in the year, "" none */
} track;

static void track_flush(const track *t, hd_warn_record *out)
{
    if (!t->child)
        return;
    for (int r = 0; r <= WRULE_COUNT; r++) {
        if (t->dropout[0]) {
            /* foreseen: fired in a month before the one the child left in */
            if (t->first[r][0] && strncmp(t->first[r], t->dropout, 7) < 0)
                out[r].foreseen++;
        } else {
            out[r].stayed++;
            out[r].false_alarms += t->first[r][0] != 0;
        }
    }
}

int warn_review(hd_db *db, const hd_config *cfg, int year, hd_warn_record out[WRULE_COUNT + 1],
                hd_err *err)
{
    memset(out, 0, sizeof *out * (WRULE_COUNT + 1));
    if (year < 1900 || year > 2099)
        return hd_fail(err, _("school year: %d is not a year"), year);
    int sm = cfg->school_year_start_month;
    int ly = sm + cfg->school_year_months - 1 > 12 ? year + 1 : year;
    int lm = (sm + cfg->school_year_months - 2) % 12 + 1;
    span s;
    make_span(cfg, year, year, sm, ly, lm, &s);
    int own = sqlite3_get_autocommit(db_sql(db));
    if (own && db_exec(db, "BEGIN", err) < 0)
        return -1;
    sqlite3_stmt *st = inputs(db, &s);
    track t = {0};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t child = sqlite3_column_int64(st, 0);
        if (child != t.child) {
            track_flush(&t, out);
            memset(&t, 0, sizeof t);
            t.child = child;
            const char *d = (const char *)sqlite3_column_text(st, 11);
            snprintf(t.dropout, sizeof t.dropout, "%s", d ? d : "");
        }
        const char *month = (const char *)sqlite3_column_text(st, 1);
        hd_warn_input in;
        read_input(st, &in);
        double score;
        unsigned fired = warn_evaluate(cfg, &in, &score);
        if (fired && score >= cfg->warn_threshold)
            fired |= 1u << WRULE_COUNT;
        for (int r = 0; r <= WRULE_COUNT; r++)
            if ((fired & (1u << r)) && !t.first[r][0])
                snprintf(t.first[r], sizeof t.first[r], "%s", month);
    }
    track_flush(&t, out);
    db_finish(db, st);
    /* every pupil who dropped out in the year, with attendance or not */
    long dropouts = -1;
    if (rc == SQLITE_DONE) {
        st = db_prepare(db, "SELECT count(DISTINCT x.child_id) FROM child_status x"
                            " JOIN child c ON c.id = x.child_id WHERE x.status = 'dropped_out'"
                            " AND x.date BETWEEN ?1 AND ?2 AND c.archived = 0");
        sqlite3_bind_text(st, 1, s.ys_day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, s.ye_day, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(st) == SQLITE_ROW ? SQLITE_DONE : SQLITE_ERROR;
        if (rc == SQLITE_DONE)
            dropouts = (long)sqlite3_column_int64(st, 0);
        db_finish(db, st);
    }
    if (own)
        sqlite3_exec(db_sql(db), "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_DONE)
        return db_fail(db, err, _("looking back at the rules"));
    for (int r = 0; r <= WRULE_COUNT; r++)
        out[r].dropouts = dropouts;
    return 0;
}

int warn_pending(hd_db *db)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM warning WHERE status = 'proposed'"
                                      " AND archived = 0");
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    db_finish(db, st);
    return n;
}
