/* config.c — the configuration file.  One schema table drives the defaults,
 * the reader and docs/config.md, so the three cannot drift apart.  The file is
 * read into a temporary hd_config and swapped in only when it has no error. */
#include "core/config.h"

#include <errno.h>
#include <libconfig.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/profile.h"
#include "core/text.h"

#ifndef HUYDONG_SYSCONFDIR /* the Makefile sets it */
#define HUYDONG_SYSCONFDIR "/etc"
#endif

enum kind { K_INT, K_FLOAT, K_STRING, K_BOOL };

enum {
    F_NONEMPTY = 1, /* an empty string is an error */
    F_DIGITS5 = 2,  /* exactly five ASCII digits */
    F_RAW = 4       /* a path or command: kept byte for byte, not NFC */
};

typedef struct setting {
    const char *name;            /* dotted libconfig path */
    enum kind kind;
    double min, max;             /* numbers */
    const char *const *allowed;  /* strings: NULL-terminated, or NULL */
    double dnum;                 /* default of a number or bool */
    const char *dstr;            /* default of a string */
    const char *help;
    size_t off;                  /* where it goes in hd_config */
    int flags;
} setting;

static const char *const languages[] = {"vi", "en", NULL};
static const char *const papers[] = {"A4", "A3", NULL};
static const char *const print_inputs[] = {"pdf", "text", NULL};

#define OFF(f) offsetof(hd_config, f)
#define OFFI(f, i) (offsetof(hd_config, f) + (size_t)(i) * sizeof(double))
#define S_STR(n, f, d, fl, al, h) {n, K_STRING, 0, 0, al, 0, d, h, OFF(f), fl}
#define S_INT(n, f, lo, hi, d, h) {n, K_INT, lo, hi, NULL, d, NULL, h, OFF(f), 0}
#define S_BOOL(n, f, d, h) {n, K_BOOL, 0, 1, NULL, d, NULL, h, OFF(f), 0}
#define S_NUM(n, off, lo, hi, d, h) {n, K_FLOAT, lo, hi, NULL, d, NULL, h, off, 0}
#define S_MOB(lvl, i, d, h) \
    S_NUM("targets.mobilization." lvl, OFFI(target_mobilization, i), 0, 100, d, h)
#define S_DROP(lvl, i, d, h) \
    S_NUM("targets.dropout." lvl, OFFI(target_dropout, i), 0, 100, d, h)
#define S_RISK(code, i, d, h) \
    S_NUM("risk.weights." code, OFFI(risk_weight, i), 0, 100, d, h)

#define OFFW(f, i) (offsetof(hd_config, f) + (size_t)(i) * sizeof(double))
#define S_WEIGHT(code, i, d, h) \
    S_NUM("warning.rules." code ".weight", OFFW(warn_weight, i), 0, 100, d, h)
#define S_WLIM(code, i, lo, hi, d, h) \
    S_NUM("warning.rules." code ".threshold", OFFW(warn_limit, i), lo, hi, d, h)

static const char *const warn_rule_names[WRULE_COUNT] = {
    "chronic_absence", "consecutive_absence", "repeated_grade", "earlier_dropout",
    "sibling_dropout", "poverty", "parents_away", "seasonal_work", "living_in_fields",
};

const char *config_warn_rule_name(int r)
{
    return r >= 0 && r < WRULE_COUNT ? warn_rule_names[r] : "";
}

/* Level and risk codes are those of model.h (a unit test checks it). */
static const setting schema[] = {
    S_STR("database.path", db_path, "huydong.db", F_NONEMPTY | F_RAW, NULL,
          "SQLite database file; a relative path is relative to the current directory."),
    S_STR("commune.code", commune_code, "00000", F_DIGITS5, NULL,
          "Official administrative code of the commune (mã đơn vị hành chính), exactly 5 digits."),
    S_STR("commune.name", commune_name, "", 0, NULL,
          "Name of the commune as printed on documents, e.g. \"Xã Ia Dêr\"."),
    S_STR("commune.district", district, "", 0, NULL,
          "District (huyện) printed in the heading of documents."),
    S_STR("commune.province", province, "", 0, NULL,
          "Province (tỉnh) printed in the heading of documents."),
    S_STR("commune.chair", committee_chair, "", 0, NULL,
          "Name of the committee chair (trưởng ban) printed in the signature block."),
    S_INT("school_year.start_month", school_year_start_month, 1, 12, 9,
          "Month in which the school year (năm học) starts."),
    S_INT("school_year.months", school_year_months, 1, 12, 9,
          "Months of teaching from the start month (9: September to May); attendance is "
          "recorded for these months only."),
    S_STR("ui.language", language, "vi", F_NONEMPTY, languages,
          "Language of the interface: vi (Vietnamese) or en (English)."),
    S_BOOL("ui.ascii", ascii, 0,
           "Show text without diacritics, for consoles whose font lacks Vietnamese letters."),
    S_BOOL("ui.mono", mono, 0, "Use no colours, for monochrome terminals."),
    S_MOB("primary", LEVEL_PRIMARY, 98.0,
          "Target mobilization rate (huy động) at primary level, percent; 0 means no target."),
    S_MOB("lower_secondary", LEVEL_LOWER_SECONDARY, 91.0,
          "Target mobilization rate at lower secondary level (THCS), percent; 0 means no target."),
    S_MOB("upper_secondary", LEVEL_UPPER_SECONDARY, 60.0,
          "Target mobilization rate at upper secondary level (THPT), percent; 0 means no target."),
    S_MOB("continuing", LEVEL_CONTINUING, 0.0,
          "Target mobilization rate in continuing education (GDTX), percent; 0 means no target."),
    S_NUM("targets.dropout.overall", OFF(target_dropout_overall), 0, 100, 0.35,
          "Highest acceptable dropout rate (tỷ lệ bỏ học) over all levels, percent."),
    S_DROP("primary", LEVEL_PRIMARY, 0.025,
           "Highest acceptable dropout rate at primary level, percent."),
    S_DROP("lower_secondary", LEVEL_LOWER_SECONDARY, 0.55,
           "Highest acceptable dropout rate at lower secondary level, percent."),
    S_DROP("upper_secondary", LEVEL_UPPER_SECONDARY, 1.5,
           "Highest acceptable dropout rate at upper secondary level, percent."),
    S_DROP("continuing", LEVEL_CONTINUING, 3.0,
           "Highest acceptable dropout rate in continuing education, percent."),
    S_RISK("poverty", RISK_POVERTY, 2.0,
           "Risk-score weight of a poor or struggling household (hộ nghèo, khó khăn)."),
    S_RISK("parents_away", RISK_PARENTS_AWAY, 2.0,
           "Risk-score weight of parents working far away (bố mẹ đi làm ăn xa)."),
    S_RISK("seasonal_work", RISK_SEASONAL_WORK, 1.5,
           "Risk-score weight of seasonal harvest work (theo mùa vụ)."),
    S_RISK("working_for_hire", RISK_WORKING_FOR_HIRE, 2.0,
           "Risk-score weight of a child working for hire (đi làm thuê)."),
    S_RISK("living_in_fields", RISK_LIVING_IN_FIELDS, 2.0,
           "Risk-score weight of a family living out in the fields (ở chòi rẫy)."),
    S_RISK("learning_difficulty", RISK_LEARNING_DIFFICULTY, 1.5,
           "Risk-score weight of learning difficulties (học lực yếu)."),
    S_RISK("poor_attendance", RISK_POOR_ATTENDANCE, 3.0,
           "Risk-score weight of poor attendance (chuyên cần kém)."),
    S_RISK("far_from_school", RISK_FAR_FROM_SCHOOL, 1.0,
           "Risk-score weight of living far from school."),
    S_RISK("other", RISK_OTHER, 1.0, "Risk-score weight of any other recorded reason."),
    S_RISK("no_interest", RISK_NO_INTEREST, 1.5,
           "Risk-score weight of a child with no interest in school (chán học)."),
    S_NUM("risk.threshold", OFF(risk_threshold), 0, 1000, 3.0,
          "Risk score (sum of the weights of a child's factors) from which the child counts as at risk."),
    S_NUM("warning.threshold", OFF(warn_threshold), 0, 1000, 3.0,
          "Early warning: a child whose rules' weights add up to this score in a month is "
          "proposed to the committee (cảnh báo sớm)."),
    S_WLIM("chronic_absence", WRULE_CHRONIC_ABSENCE, 1, 100, 10.0,
           "Chronic absence fires when a pupil misses at least this percentage of the "
           "month's school days (with or without leave)."),
    S_WEIGHT("chronic_absence", WRULE_CHRONIC_ABSENCE, 3.0, "Weight of chronic absence."),
    S_WLIM("consecutive_absence", WRULE_CONSECUTIVE_ABSENCE, 1, 31, 5.0,
           "A run of consecutive absence fires when the school reports at least this many "
           "school days absent in a row in the month."),
    S_WEIGHT("consecutive_absence", WRULE_CONSECUTIVE_ABSENCE, 3.0,
             "Weight of a run of consecutive days absent."),
    S_WEIGHT("repeated_grade", WRULE_REPEATED_GRADE, 1.5,
             "Weight of repeating the grade this school year (lưu ban)."),
    S_WEIGHT("earlier_dropout", WRULE_EARLIER_DROPOUT, 2.0,
             "Weight of a dropout in an earlier school year."),
    S_WEIGHT("sibling_dropout", WRULE_SIBLING_DROPOUT, 1.5,
             "Weight of a brother or sister in the household who dropped out."),
    S_WEIGHT("poverty", WRULE_POVERTY, 1.0,
             "Weight of a poor or near-poor household (or poverty recorded as a risk)."),
    S_WEIGHT("parents_away", WRULE_PARENTS_AWAY, 1.0,
             "Weight of parents working far away (recorded risk factor)."),
    S_WEIGHT("seasonal_work", WRULE_SEASONAL_WORK, 1.0,
             "Weight of seasonal harvest work (recorded risk factor)."),
    S_WEIGHT("living_in_fields", WRULE_LIVING_IN_FIELDS, 1.0,
             "Weight of a family living out in the fields (recorded risk factor)."),
    S_INT("casework.visit_interval_days", visit_interval_days, 1, 365, 30,
          "An at-risk child with no home visit for this many days is flagged as overdue."),
    S_INT("casework.report_response_days", report_response_days, 1, 365, 7,
          "A report about a child must lead to action within this many days."),
    S_STR("print.command", print_command, "lp", F_NONEMPTY | F_RAW, NULL,
          "Shell command that prints a document, given on its standard input as print.input "
          "says."),
    S_STR("print.input", print_input, "pdf", F_NONEMPTY, print_inputs,
          "What print.command reads: pdf (the document's PDF, pages as on screen; CUPS's lp "
          "takes it) or text (UTF-8 text with form feeds, for a command of your own such as "
          "paps)."),
    S_STR("print.paper", paper, "A4", F_NONEMPTY, papers,
          "Paper size documents are laid out for: A4 or A3."),
    S_INT("print.lines_per_page", lines_per_page, 20, 200, 60, "Lines printed on one page."),
    S_STR("backup.dir", backup_dir, "backups", F_NONEMPTY | F_RAW, NULL,
          "Directory for database backups; a relative path is relative to the database's folder."),
    S_INT("backup.keep", backup_keep, 0, 1000, 10,
          "Number of backups kept (the automatic ones taken before every import and month "
          "close, and those of 'huydong backup'); older ones are deleted (0 keeps them all)."),
};

/* Settings with their own readers, outside the table. */
static const char *const special[] = {"evaluation.ratings", "evaluation.rules",
                                      "import.profiles", NULL};

static const char *const default_ratings[] = {
    "Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành",
};

/* hd_rule's strings are owned; the built-in ones are literals. */
typedef struct rule_def {
    const char *name, *measure, *op;
    double value;
    int max_rating;
    const char *why;
} rule_def;

static const rule_def default_rules[] = {
    {"dropout_above_target", "dropout_rate", ">", 0.35, 1,
     "Tỷ lệ bỏ học của thôn vượt chỉ tiêu 0,35 %: chi bộ không được xếp loại "
     "Hoàn thành xuất sắc (không đạt trong sạch vững mạnh)"},
    {"primary_dropout_above_target", "dropout_rate.primary", ">", 0.025, 1,
     "Tỷ lệ bỏ học cấp Tiểu học vượt chỉ tiêu 0,025 %: chi bộ không được xếp loại "
     "Hoàn thành xuất sắc"},
    {"lower_secondary_dropout_above_target", "dropout_rate.lower_secondary", ">", 0.55, 1,
     "Tỷ lệ bỏ học cấp THCS vượt chỉ tiêu 0,55 %: chi bộ không được xếp loại "
     "Hoàn thành xuất sắc"},
    {"lower_secondary_mobilization_below_target", "mobilization_rate.lower_secondary",
     "<", 91.0, 1,
     "Tỷ lệ huy động trẻ đúng độ tuổi vào THCS dưới 91 %: chi bộ không được xếp loại "
     "Hoàn thành xuất sắc"},
    {"at_risk_without_sponsor", "at_risk_assigned_rate", "<", 100.0, 1,
     "Còn học sinh có nguy cơ bỏ học chưa được phân công cán bộ, giáo viên đỡ đầu: "
     "chi bộ không được xếp loại Hoàn thành xuất sắc"},
    {"dropout_high", "dropout_rate", ">", 1.0, 2,
     "Tỷ lệ bỏ học của thôn trên 1 %: chi bộ xếp loại không cao hơn Hoàn thành"},
};

static const char *const measures[] = {
    "dropout_rate", "dropout_rate.primary", "dropout_rate.lower_secondary",
    "dropout_rate.upper_secondary", "dropout_rate.continuing",
    "mobilization_rate", "mobilization_rate.primary", "mobilization_rate.lower_secondary",
    "mobilization_rate.upper_secondary", "mobilization_rate.continuing",
    "at_risk_assigned_rate", "at_risk_visited_rate", "commitments_kept_rate",
    "attendance_rate", "dropouts", NULL,
};

static const char *const measure_help[] = {
    "Pupils who dropped out in the school year so far ÷ pupils enrolled at its start, all levels.",
    "The dropout rate at primary level (Tiểu học).",
    "The dropout rate at lower secondary level (THCS).",
    "The dropout rate at upper secondary level (THPT).",
    "The dropout rate in continuing education (GDTX).",
    "Children of school age enrolled at the right level ÷ children of that age, all levels.",
    "The mobilization rate at primary level.",
    "The mobilization rate at lower secondary level.",
    "The mobilization rate at upper secondary level.",
    "The mobilization rate in continuing education.",
    "At-risk pupils with a sponsor assigned (đỡ đầu) ÷ all at-risk pupils.",
    "At-risk pupils visited within casework.visit_interval_days ÷ all at-risk pupils.",
    "Commitments (cam kết) the family keeps ÷ all signed commitments.",
    "Days present ÷ school days in the month (chuyên cần).",
    "Number of pupils who dropped out in the school year so far (a count, not a percentage).",
};

_Static_assert(HD_ARRAY_LEN(measures) == HD_ARRAY_LEN(measure_help) + 1, "measure help");

static const char *const rule_ops[] = {"<", "<=", ">", ">=", NULL};
static const char *const rule_fields[] = {
    "name", "measure", "op", "value", "max_rating", "why", NULL,
};

const char *const *config_measures(void)
{
    return measures;
}

static int in_list(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return (int)i;
    return -1;
}

static int is_count_measure(const char *m)
{
    return strcmp(m, "dropouts") == 0;
}

/* ---- defaults and freeing ---------------------------------------------- */

static void *field_of(hd_config *c, const setting *d)
{
    return (char *)c + d->off;
}

static void rule_copy(hd_rule *to, const rule_def *from)
{
    memset(to, 0, sizeof *to);
    to->value = from->value;
    to->max_rating = from->max_rating;
    to->name = xstrdup(from->name);
    to->measure = xstrdup(from->measure);
    to->op = xstrdup(from->op);
    to->why = xstrdup(from->why);
}

static void rules_free(hd_rule *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(r[i].name);
        free(r[i].measure);
        free(r[i].op);
        free(r[i].why);
    }
    free(r);
}

static void ratings_free(char **r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(r[i]);
    free(r);
}

void config_defaults(hd_config *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < HD_ARRAY_LEN(schema); i++) {
        const setting *d = &schema[i];
        void *f = field_of(c, d);
        if (d->kind == K_STRING)
            *(char **)f = xstrdup(d->dstr);
        else if (d->kind == K_FLOAT)
            *(double *)f = d->dnum;
        else
            *(int *)f = (int)d->dnum;
    }
    c->n_ratings = HD_ARRAY_LEN(default_ratings);
    c->ratings = xcalloc(c->n_ratings, sizeof *c->ratings);
    for (size_t i = 0; i < c->n_ratings; i++)
        c->ratings[i] = xstrdup(default_ratings[i]);
    c->n_rules = HD_ARRAY_LEN(default_rules);
    c->rules = xcalloc(c->n_rules, sizeof *c->rules);
    for (size_t i = 0; i < c->n_rules; i++)
        rule_copy(&c->rules[i], &default_rules[i]);
}

static void profiles_free(hd_import_profile *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(p[i].name);
        free(p[i].sheet);
        free(p[i].headers);
        for (size_t k = 0; k < p[i].n; k++) {
            free(p[i].keys[k]);
            free(p[i].synonyms[k]);
        }
        free(p[i].keys);
        free(p[i].synonyms);
    }
    free(p);
}

void config_free(hd_config *c)
{
    if (!c)
        return;
    profiles_free(c->import_profiles, c->n_import_profiles);
    for (size_t i = 0; i < HD_ARRAY_LEN(schema); i++)
        if (schema[i].kind == K_STRING)
            free(*(char **)field_of(c, &schema[i]));
    free(c->path);
    ratings_free(c->ratings, c->n_ratings);
    rules_free(c->rules, c->n_rules);
    memset(c, 0, sizeof *c);
}

/* ---- locating the file ----------------------------------------------- */

const char *config_locate(const char *cli_path)
{
    static const char *const fixed[] = {
        "config/huydong.cfg", HUYDONG_SYSCONFDIR "/huydong/huydong.cfg",
    };
    if (cli_path)
        return cli_path;
    const char *env = getenv("HUYDONG_CONFIG");
    if (env && *env)
        return env;
    for (size_t i = 0; i < HD_ARRAY_LEN(fixed); i++)
        if (access(fixed[i], F_OK) == 0)
            return fixed[i];
    return NULL;
}

/* ---- reporting --------------------------------------------------------- */

typedef struct ctx {
    const char *path;
    hd_msgs *errs;
    int nerr;
    hd_config *c;                     /* the temporary being filled */
    const config_setting_t *ratings;  /* evaluation.ratings, when given */
    int ratings_bad;
    const config_setting_t *rules;    /* evaluation.rules, read last */
} ctx;

static void add_err(ctx *x, const char *file, int line, const char *fmt, va_list ap)
    HD_PRINTF(4, 0);

static void add_err(ctx *x, const char *file, int line, const char *fmt, va_list ap)
{
    char *m = xvasprintf(fmt, ap);
    x->nerr++;
    if (x->errs && line > 0)
        msgs_add(x->errs, "%s:%d: %s", file, line, m);
    else if (x->errs)
        msgs_add(x->errs, "%s: %s", file, m);
    free(m);
}

static void err_at(ctx *x, const config_setting_t *s, const char *fmt, ...) HD_PRINTF(3, 4);

/* "FILE:LINE: message" for setting s (FILE is an @include'd file if it came
 * from one). */
static void err_at(ctx *x, const config_setting_t *s, const char *fmt, ...)
{
    const char *file = config_setting_source_file(s);
    va_list ap;
    va_start(ap, fmt);
    add_err(x, file ? file : x->path, config_setting_source_line(s), fmt, ap);
    va_end(ap);
}

static void err_file(ctx *x, const char *file, int line, const char *fmt, ...)
    HD_PRINTF(4, 5);

static void err_file(ctx *x, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_err(x, file ? file : x->path, line, fmt, ap);
    va_end(ap);
}

/* ---- suggestions ------------------------------------------------------- */

static size_t edit_distance(const char *a, size_t la, const char *b, size_t lb)
{
    size_t row[128];
    if (la >= HD_ARRAY_LEN(row) || lb >= HD_ARRAY_LEN(row))
        return SIZE_MAX;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (up + 1 < best)
                best = up + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb];
}

static size_t count_dots(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == '.';
    return k;
}

/* Considers every prefix of cand at the depth of name. */
static void suggest_from(const char *name, const char *cand, const char **best,
                         size_t *best_len, size_t *best_d)
{
    size_t depth = count_dots(name, strlen(name));
    size_t n = strlen(cand);
    for (size_t end = 1; end <= n; end++) {
        if (end < n && cand[end] != '.')
            continue;
        if (count_dots(cand, end) != depth)
            continue;
        size_t d = edit_distance(name, strlen(name), cand, end);
        if (d < *best_d) {
            *best = cand;
            *best_len = end;
            *best_d = d;
        }
    }
}

/* Typos only: a couple of edits, a few more in a long last word. */
static int near_enough(const char *name, size_t d)
{
    const char *dot = strrchr(name, '.');
    size_t last = strlen(dot ? dot + 1 : name);
    return d > 0 && (d <= 2 || d * 3 <= last);
}

/* The name in cands (NULL-terminated; and the schema when with_schema) nearest
 * to name, or NULL when none is near; the result has length *len. */
static const char *suggest(const char *name, const char *const *cands, int with_schema,
                           size_t *len)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; with_schema && i < HD_ARRAY_LEN(schema); i++)
        suggest_from(name, schema[i].name, &best, len, &best_d);
    for (size_t i = 0; cands[i]; i++)
        suggest_from(name, cands[i], &best, len, &best_d);
    return best && near_enough(name, best_d) ? best : NULL;
}

/* " (did you mean 'x'?)" or "", for a message. */
static char *did_you_mean(const char *name, const char *const *cands, int with_schema)
{
    size_t len = 0;
    const char *near = suggest(name, cands, with_schema, &len);
    /* TRANSLATORS: added after a message, hence the leading space. */
    return near ? xasprintf(_(" (did you mean '%.*s'?)"), (int)len, near) : xstrdup("");
}

/* ---- plain settings ---------------------------------------------------- */

static const setting *find_setting(const char *name)
{
    for (size_t i = 0; i < HD_ARRAY_LEN(schema); i++)
        if (strcmp(schema[i].name, name) == 0)
            return &schema[i];
    return NULL;
}

static int has_prefix_dot(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(s, prefix, n) == 0 && s[n] == '.';
}

/* 1 when name is a group of the schema, e.g. "targets" or "targets.dropout". */
static int is_group_name(const char *name)
{
    for (size_t i = 0; i < HD_ARRAY_LEN(schema); i++)
        if (has_prefix_dot(schema[i].name, name))
            return 1;
    for (size_t i = 0; special[i]; i++)
        if (has_prefix_dot(special[i], name))
            return 1;
    return 0;
}

static int five_digits(const char *s)
{
    for (int i = 0; i < 5; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return s[5] == '\0';
}

static char *join_list(const char *const *list)
{
    strbuf sb = {0};
    for (size_t i = 0; list[i]; i++)
        sb_addf(&sb, "%s%s", i ? ", " : "", list[i]);
    return sb_detach(&sb);
}

/* A checked copy of a string setting (NFC unless raw), or NULL after an error. */
static char *take_string(ctx *x, const config_setting_t *s, const char *name, int flags)
{
    if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        err_at(x, s, _("%s: expected a string"), name);
        return NULL;
    }
    const char *v = config_setting_get_string(s);
    if (!text_valid_utf8(v, strlen(v))) {
        err_at(x, s, _("%s: not valid UTF-8 (save the file as UTF-8)"), name);
        return NULL;
    }
    if ((flags & F_NONEMPTY) && str_empty(v)) {
        err_at(x, s, _("%s: must not be empty"), name);
        return NULL;
    }
    char *nfc = (flags & F_RAW) ? NULL : text_nfc(v);
    return nfc ? nfc : xstrdup(v);
}

static void read_string(ctx *x, const setting *d, const config_setting_t *s)
{
    char *v = take_string(x, s, d->name, d->flags);
    if (!v)
        return;
    if ((d->flags & F_DIGITS5) && !five_digits(v)) {
        err_at(x, s, _("%s: '%s' must be exactly 5 digits"), d->name, v);
    } else if (d->allowed && in_list(d->allowed, v) < 0) {
        char *all = join_list(d->allowed);
        err_at(x, s, _("%s: '%s' is not one of %s"), d->name, v, all);
        free(all);
    } else {
        char **f = field_of(x->c, d);
        free(*f);
        *f = v;
        return;
    }
    free(v);
}

/* The number in s; ints are accepted where floats are expected. */
static int get_number(const config_setting_t *s, int int_only, double *v)
{
    switch (config_setting_type(s)) {
    case CONFIG_TYPE_INT:
        *v = config_setting_get_int(s);
        return 0;
    case CONFIG_TYPE_INT64:
        *v = (double)config_setting_get_int64(s);
        return 0;
    case CONFIG_TYPE_FLOAT:
        *v = config_setting_get_float(s);
        return int_only ? -1 : 0;
    default:
        return -1;
    }
}

static void read_number(ctx *x, const setting *d, const config_setting_t *s)
{
    double v;
    if (get_number(s, d->kind == K_INT, &v) < 0) {
        err_at(x, s,
               d->kind == K_INT ? _("%s: expected an integer") : _("%s: expected a number"),
               d->name);
        return;
    }
    if (!(v >= d->min && v <= d->max)) {
        err_at(x, s, _("%s: %g is out of range %g..%g"), d->name, v, d->min, d->max);
        return;
    }
    if (d->kind == K_INT)
        *(int *)field_of(x->c, d) = (int)v;
    else
        *(double *)field_of(x->c, d) = v;
}

static void read_setting(ctx *x, const setting *d, const config_setting_t *s)
{
    if (d->kind == K_STRING) {
        read_string(x, d, s);
    } else if (d->kind == K_BOOL) {
        if (config_setting_type(s) == CONFIG_TYPE_BOOL)
            *(int *)field_of(x->c, d) = config_setting_get_bool(s);
        else
            err_at(x, s, _("%s: expected true or false"), d->name);
    } else {
        read_number(x, d, s);
    }
}

/* ---- evaluation.ratings ------------------------------------------------ */

static int ratings_collect(ctx *x, const config_setting_t *s, char **out, int n)
{
    int bad = 0;
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
        char label[48];
        snprintf(label, sizeof label, "evaluation.ratings[%d]", i);
        out[i] = take_string(x, e, label, F_NONEMPTY);
        if (!out[i]) {
            bad = 1;
            continue;
        }
        for (int j = 0; j < i; j++)
            if (out[j] && strcmp(out[j], out[i]) == 0) {
                err_at(x, e, _("%s: '%s' is given twice"), label, out[i]);
                bad = 1;
            }
    }
    return bad ? -1 : 0;
}

static void read_ratings(ctx *x, const config_setting_t *s)
{
    x->ratings = s;
    x->ratings_bad = 1;
    if (!config_setting_is_array(s) && !config_setting_is_list(s)) {
        err_at(x, s, "%s",
               _("evaluation.ratings: expected a list of strings [\"...\", \"...\"]"));
        return;
    }
    int n = config_setting_length(s);
    if (n < 2) {
        err_at(x, s, "%s", _("evaluation.ratings: give at least two ratings, best first"));
        return;
    }
    char **r = xcalloc((size_t)n, sizeof *r);
    if (ratings_collect(x, s, r, n) < 0) {
        ratings_free(r, (size_t)n);
        return;
    }
    ratings_free(x->c->ratings, x->c->n_ratings);
    x->c->ratings = r;
    x->c->n_ratings = (size_t)n;
    x->ratings_bad = 0;
}

/* ---- evaluation.rules -------------------------------------------------- */

/* A required string field of a rule, checked; NULL after an error. */
static char *rule_string(ctx *x, const config_setting_t *g, const char *label,
                         const char *field, int flags)
{
    const config_setting_t *s = config_setting_get_member(g, field);
    if (!s) {
        err_at(x, g, _("evaluation.rules: %s: missing '%s'"), label, field);
        return NULL;
    }
    char *name = xasprintf("evaluation.rules: %s: %s", label, field);
    char *v = take_string(x, s, name, flags);
    free(name);
    return v;
}

static int valid_rule_name(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

static void rule_check_fields(ctx *x, const config_setting_t *g, const char *label)
{
    for (int i = 0; i < config_setting_length(g); i++) {
        const config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
        const char *name = config_setting_name(m);
        if (in_list(rule_fields, name) < 0) {
            char *hint = did_you_mean(name, rule_fields, 0);
            err_at(x, m, _("evaluation.rules: %s: unknown field '%s'%s"), label, name, hint);
            free(hint);
        }
    }
}

/* Checks name, measure and op; returns the number of errors found. */
static int rule_words(ctx *x, const config_setting_t *g, const char *label, hd_rule *r)
{
    int before = x->nerr;
    r->name = rule_string(x, g, label, "name", F_NONEMPTY);
    if (r->name && !valid_rule_name(r->name))
        err_at(x, config_setting_get_member(g, "name"),
               _("evaluation.rules: %s: name '%s' may hold only a-z, 0-9 and _"),
               label, r->name);
    r->measure = rule_string(x, g, label, "measure", F_NONEMPTY);
    if (r->measure && in_list(measures, r->measure) < 0) {
        char *hint = did_you_mean(r->measure, measures, 0);
        err_at(x, config_setting_get_member(g, "measure"),
               _("evaluation.rules: %s: unknown measure '%s'%s"), label, r->measure, hint);
        free(hint);
        free(r->measure);
        r->measure = NULL;
    }
    r->op = rule_string(x, g, label, "op", F_NONEMPTY);
    if (r->op && in_list(rule_ops, r->op) < 0)
        err_at(x, config_setting_get_member(g, "op"),
               _("evaluation.rules: %s: op '%s' is not one of <, <=, >, >="), label, r->op);
    r->why = rule_string(x, g, label, "why", F_NONEMPTY);
    return x->nerr - before;
}

static void rule_value(ctx *x, const config_setting_t *g, const char *label, hd_rule *r)
{
    const config_setting_t *s = config_setting_get_member(g, "value");
    if (!s) {
        err_at(x, g, _("evaluation.rules: %s: missing 'value'"), label);
    } else if (get_number(s, 0, &r->value) < 0) {
        err_at(x, s, _("evaluation.rules: %s: value: expected a number"), label);
    } else if (!r->measure) {
        /* range unknown without a valid measure; its error is reported */
    } else if (is_count_measure(r->measure) && !(r->value >= 0)) {
        err_at(x, s, _("evaluation.rules: %s: value %g must be at least 0"), label, r->value);
    } else if (!is_count_measure(r->measure) && !(r->value >= 0 && r->value <= 100)) {
        err_at(x, s, _("evaluation.rules: %s: value %g is out of range 0..100 (a percentage)"),
               label, r->value);
    }
}

static void rule_max_rating(ctx *x, const config_setting_t *g, const char *label, hd_rule *r)
{
    const config_setting_t *s = config_setting_get_member(g, "max_rating");
    double v = 0;
    if (!s) {
        err_at(x, g, _("evaluation.rules: %s: missing 'max_rating'"), label);
    } else if (get_number(s, 1, &v) < 0) {
        err_at(x, s, _("evaluation.rules: %s: max_rating: expected an integer"), label);
    } else if (!x->ratings_bad && !(v >= 0 && v < (double)x->c->n_ratings)) {
        err_at(x, s,
               _("evaluation.rules: %s: max_rating %g is out of range 0..%zu "
                 "(an index into evaluation.ratings, 0 = best)"),
               label, v, x->c->n_ratings - 1);
    } else {
        r->max_rating = (int)v;
    }
}

/* Reads rule number i into r; returns -1 when it has an error. */
static int read_rule(ctx *x, const config_setting_t *g, int i, hd_rule *r)
{
    char label[160];
    if (!config_setting_is_group(g)) {
        err_at(x, g, _("evaluation.rules[%d]: expected a rule { name = ...; measure = ...; }"),
               i);
        return -1;
    }
    int before = x->nerr;
    const char *nm = NULL;
    if (config_setting_lookup_string(g, "name", &nm) && valid_rule_name(nm) && strlen(nm) < 100)
        snprintf(label, sizeof label, _("rule '%s'"), nm);
    else
        snprintf(label, sizeof label, _("rule [%d]"), i);
    rule_check_fields(x, g, label);
    rule_words(x, g, label, r);
    rule_value(x, g, label, r);
    rule_max_rating(x, g, label, r);
    r->line = config_setting_source_line(g);
    return x->nerr > before ? -1 : 0;
}

static void read_rules(ctx *x, const config_setting_t *s)
{
    if (!config_setting_is_list(s)) {
        err_at(x, s, "%s",
               _("evaluation.rules: expected a list of rules ( { ... }, { ... } )"));
        return;
    }
    size_t n = (size_t)config_setting_length(s);
    hd_rule *r = xcalloc(n ? n : 1, sizeof *r);
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const config_setting_t *g = config_setting_get_elem(s, (unsigned)i);
        if (read_rule(x, g, (int)i, &r[i]) < 0) {
            bad = 1;
            continue;
        }
        for (size_t j = 0; j < i; j++)
            if (r[j].name && strcmp(r[j].name, r[i].name) == 0) {
                err_at(x, g, _("evaluation.rules: rule '%s' is given twice"), r[i].name);
                bad = 1;
            }
    }
    if (bad) {
        rules_free(r, n);
        return;
    }
    rules_free(x->c->rules, x->c->n_rules);
    x->c->rules = r;
    x->c->n_rules = n;
}

/* New ratings without new rules: the default rules must still fit them. */
static void check_default_rules(ctx *x)
{
    if (!x->ratings || x->ratings_bad)
        return;
    for (size_t i = 0; i < x->c->n_rules; i++)
        if ((size_t)x->c->rules[i].max_rating >= x->c->n_ratings) {
            err_at(x, x->ratings,
                   _("evaluation.ratings: the built-in rule '%s' needs at least %d ratings; "
                     "give evaluation.rules too"),
                   x->c->rules[i].name, x->c->rules[i].max_rating + 1);
            return;
        }
}

/* ---- import.profiles ----------------------------------------------------- */

/* A string or a list of strings, folded and joined with '|'; NULL (reported)
 * when it is neither or holds an empty text. */
static char *folded_list(ctx *x, const config_setting_t *s, const char *label)
{
    strbuf sb = {0};
    int n = config_setting_type(s) == CONFIG_TYPE_STRING ? 1 : -1;
    if (config_setting_is_array(s) || config_setting_is_list(s))
        n = config_setting_length(s);
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = n == 1 && config_setting_type(s) == CONFIG_TYPE_STRING
                                        ? s : config_setting_get_elem(s, (unsigned)i);
        const char *v = e ? config_setting_get_string(e) : NULL;
        char *f = v ? text_fold(v) : NULL;
        if (!f || !*f) {
            err_at(x, s, _("import.profiles: %s: expected header texts (\"…\" or [\"…\", "
                           "\"…\"])"), label);
            free(f);
            sb_free(&sb);
            return NULL;
        }
        sb_addf(&sb, "%s%s", sb.len ? "|" : "", f);
        free(f);
    }
    if (n < 1) {
        err_at(x, s, _("import.profiles: %s: expected header texts (\"…\" or [\"…\", "
                       "\"…\"])"), label);
        return NULL;
    }
    return sb_detach(&sb);
}

static int valid_profile_name(const char *s)
{
    if (!*s || strlen(s) > 40)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

static void read_profile_columns(ctx *x, const config_setting_t *cols, const char *label,
                                 hd_import_profile *p)
{
    if (!config_setting_is_group(cols)) {
        err_at(x, cols, _("import.profiles: %s: columns: expected a group "
                          "{ full_name = [\"…\"]; … }"), label);
        return;
    }
    size_t n = (size_t)config_setting_length(cols);
    p->keys = xcalloc(n ? n : 1, sizeof *p->keys);
    p->synonyms = xcalloc(n ? n : 1, sizeof *p->synonyms);
    for (size_t i = 0; i < n; i++) {
        const config_setting_t *c = config_setting_get_elem(cols, (unsigned)i);
        const char *key = config_setting_name(c);
        if (!profile_known_column(key)) {
            err_at(x, c, _("import.profiles: %s: '%s' is not a column huydong imports (see "
                           "docs/admin-guide.md)"), label, key);
            continue;
        }
        char *where = xasprintf("%s: %s", label, key);
        char *syn = folded_list(x, c, where);
        free(where);
        if (!syn)
            continue;
        p->keys[p->n] = xstrdup(key);
        p->synonyms[p->n] = syn;
        p->n++;
    }
}

static int read_profile(ctx *x, const config_setting_t *g, int i, hd_import_profile *p)
{
    int before = x->nerr;
    char label[80];
    const char *nm = NULL;
    if (!config_setting_is_group(g)) {
        err_at(x, g, _("import.profiles[%d]: expected a profile { name = ...; columns = "
                       "{ ... }; }"), i);
        return -1;
    }
    if (!config_setting_lookup_string(g, "name", &nm) || !valid_profile_name(nm)) {
        err_at(x, g, _("import.profiles[%d]: 'name' must be given, with a-z, 0-9 and - only"),
               i);
        snprintf(label, sizeof label, "[%d]", i);
    } else {
        snprintf(label, sizeof label, "'%s'", nm);
        p->name = xstrdup(nm);
    }
    for (int k = 0; k < config_setting_length(g); k++) {
        const config_setting_t *f = config_setting_get_elem(g, (unsigned)k);
        const char *fname = config_setting_name(f);
        if (strcmp(fname, "name") == 0)
            continue;
        if (strcmp(fname, "sheet") == 0) {
            const char *v = config_setting_get_string(f);
            if (!v)
                err_at(x, f, _("import.profiles: %s: sheet: expected a string"), label);
            else
                p->sheet = text_fold(v);
        } else if (strcmp(fname, "headers") == 0) {
            p->headers = folded_list(x, f, "headers");
        } else if (strcmp(fname, "columns") == 0) {
            read_profile_columns(x, f, label, p);
        } else {
            err_at(x, f, _("import.profiles: %s: unknown field '%s' (name, sheet, headers, "
                           "columns)"), label, fname);
        }
    }
    if (!p->sheet)
        p->sheet = xstrdup("");
    if (!p->headers)
        p->headers = xstrdup("");
    if (!p->name)
        p->name = xstrdup("");
    p->line = config_setting_source_line(g);
    return x->nerr > before ? -1 : 0;
}

static void read_profiles(ctx *x, const config_setting_t *s)
{
    if (!config_setting_is_list(s)) {
        err_at(x, s, "%s", _("import.profiles: expected a list of profiles ( { ... }, { ... } )"));
        return;
    }
    size_t n = (size_t)config_setting_length(s);
    hd_import_profile *p = xcalloc(n ? n : 1, sizeof *p);
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const config_setting_t *g = config_setting_get_elem(s, (unsigned)i);
        if (read_profile(x, g, (int)i, &p[i]) < 0) {
            bad = 1;
            continue;
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(p[j].name, p[i].name) == 0) {
                err_at(x, g, _("import.profiles: profile '%s' is given twice"), p[i].name);
                bad = 1;
            }
    }
    if (bad) {
        profiles_free(p, n);
        return;
    }
    profiles_free(x->c->import_profiles, x->c->n_import_profiles);
    x->c->import_profiles = p;
    x->c->n_import_profiles = n;
}

/* ---- the walk ---------------------------------------------------------- */

static void walk_group(ctx *x, const config_setting_t *g, const char *prefix);

static void err_unknown(ctx *x, const config_setting_t *s, const char *name)
{
    char *hint = did_you_mean(name, special, 1);
    err_at(x, s, _("unknown setting '%s'%s"), name, hint);
    free(hint);
}

static void visit(ctx *x, const config_setting_t *s, const char *name)
{
    const setting *d = find_setting(name);
    if (d)
        read_setting(x, d, s);
    else if (strcmp(name, "evaluation.ratings") == 0)
        read_ratings(x, s);
    else if (strcmp(name, "evaluation.rules") == 0)
        x->rules = s; /* after the walk, when the ratings are known */
    else if (strcmp(name, "import.profiles") == 0)
        read_profiles(x, s);
    else if (!is_group_name(name))
        err_unknown(x, s, name);
    else if (config_setting_is_group(s))
        walk_group(x, s, name);
    else
        err_at(x, s, _("%s: expected a group %s = { ... };"), name, name);
}

static void walk_group(ctx *x, const config_setting_t *g, const char *prefix)
{
    for (int i = 0; i < config_setting_length(g); i++) {
        const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
        char *name = prefix ? xasprintf("%s.%s", prefix, config_setting_name(s))
                            : xstrdup(config_setting_name(s));
        visit(x, s, name);
        free(name);
    }
}

/* ---- loading ----------------------------------------------------------- */

/* The whole file, NUL-terminated; NULL with errno set on failure. */
static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    strbuf sb = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        sb_addn(&sb, buf, n);
    int failed = ferror(fp);
    int e = errno;
    fclose(fp);
    if (failed) {
        sb_free(&sb);
        errno = e ? e : EIO;
        return NULL;
    }
    return sb.buf ? sb_detach(&sb) : xstrdup("");
}

/* Parses the file into cf; @include is relative to the file's directory. */
static int parse(ctx *x, config_t *cf)
{
    char *text = slurp(x->path);
    if (!text) {
        err_file(x, NULL, 0, _("cannot read the configuration file: %s"), strerror(errno));
        return -1;
    }
    const char *p = text;
    if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3; /* a byte-order mark left by Windows editors */
    const char *slash = strrchr(x->path, '/');
    char *dir = slash ? xstrndup(x->path, (size_t)(slash - x->path + 1)) : xstrdup(".");
    config_set_include_dir(cf, dir);
    free(dir);
    int ok = config_read_string(cf, p);
    free(text);
    if (!ok)
        err_file(x, config_error_file(cf), config_error_line(cf), "%s", config_error_text(cf));
    return ok ? 0 : -1;
}

int config_load(hd_config *c, const char *path, hd_msgs *errs)
{
    hd_config t;
    config_defaults(&t);
    ctx x = {.path = path, .errs = errs, .c = &t};
    config_t cf;
    config_init(&cf);
    if (parse(&x, &cf) == 0) {
        walk_group(&x, config_root_setting(&cf), NULL);
        if (x.rules)
            read_rules(&x, x.rules);
        else
            check_default_rules(&x);
    }
    config_destroy(&cf);
    config_free(c);
    if (x.nerr) {
        config_free(&t);
        config_defaults(c);
        return -1;
    }
    t.path = xstrdup(path);
    *c = t;
    return 0;
}

/* ---- docs/config.md ---------------------------------------------------- */

/* Writes s as a Markdown table cell ('|' would end the cell). */
static void md_cell(FILE *fp, const char *s)
{
    fputs(" ", fp);
    for (; *s; s++) {
        if (*s == '|')
            fputc('\\', fp);
        fputc(*s, fp);
    }
    fputs(" |", fp);
}

static const char *kind_name(enum kind k)
{
    static const char *const names[] = {"integer", "number", "string", "boolean"};
    return names[k];
}

static void doc_setting(FILE *fp, const setting *d)
{
    char range[96], def[160];
    range[0] = '\0';
    if (d->kind == K_INT || d->kind == K_FLOAT) {
        snprintf(range, sizeof range, "%g..%g", d->min, d->max);
    } else if (d->allowed) {
        char *all = join_list(d->allowed);
        snprintf(range, sizeof range, "%s", all);
        free(all);
    } else if (d->flags & F_DIGITS5) {
        snprintf(range, sizeof range, "5 digits");
    } else if (d->flags & F_NONEMPTY) {
        snprintf(range, sizeof range, "not empty");
    }
    if (d->kind == K_STRING)
        snprintf(def, sizeof def, "`\"%s\"`", d->dstr);
    else if (d->kind == K_BOOL)
        snprintf(def, sizeof def, "`%s`", d->dnum != 0 ? "true" : "false");
    else /* a float shows its point: 98.0, as it is written in the file */
        snprintf(def, sizeof def, "`%g%s`", d->dnum,
                 d->kind == K_FLOAT && d->dnum == (double)(long)d->dnum ? ".0" : "");
    fprintf(fp, "| `%s` |", d->name);
    md_cell(fp, kind_name(d->kind));
    md_cell(fp, range);
    md_cell(fp, def);
    md_cell(fp, d->help);
    fputc('\n', fp);
}

static void doc_intro(FILE *fp)
{
    fputs("# Configuration (huydong.cfg)\n\n"
          "<!-- Generated from src/core/config.c by config_write_doc; do not edit. -->\n\n"
          "huydong reads one file in [libconfig](https://hyperrealm.github.io/libconfig/) "
          "syntax: the first of `--config FILE`, `$HUYDONG_CONFIG`, `./config/huydong.cfg` "
          "and `/etc/huydong/huydong.cfg`; without one the defaults below apply.  "
          "A dotted name such as `commune.code` is written as groups:\n\n"
          "```\ncommune = {\n  code = \"23456\";\n  name = \"Xã Ia Dêr\";\n};\n```\n\n"
          "Settings left out keep their defaults.  Text is UTF-8 in double quotes; "
          "numbers may be written with or without a decimal point (`91` or `91.0`), "
          "always with a point, never a comma.  Rates and targets are percentages "
          "(`0.35` means 0.35 %).  A file with any error is reported whole, each "
          "problem as `FILE:LINE: message`, and huydong does not start on it.\n\n"
          "## Settings\n\n"
          "| Setting | Type | Range/values | Default | Meaning |\n"
          "|---|---|---|---|---|\n", fp);
    for (size_t i = 0; i < HD_ARRAY_LEN(schema); i++)
        doc_setting(fp, &schema[i]);
}

static void doc_ratings(FILE *fp)
{
    fputs("\n## Branch evaluation (xếp loại chi bộ)\n\n"
          "Each month every village party branch (chi bộ) is rated on its village's "
          "figures.  A branch gets the best rating that no rule forbids; the "
          "evaluation names every rule that applied.\n\n"
          "### evaluation.ratings\n\n"
          "The rating scale, best first (at least two, each different).  Rules refer "
          "to a rating by its index: 0 is the first (best).  Default:\n\n", fp);
    for (size_t i = 0; i < HD_ARRAY_LEN(default_ratings); i++)
        fprintf(fp, "%zu. `\"%s\"`\n", i, default_ratings[i]);
    fputs("\nThe top rating (*Hoàn thành xuất sắc*) stands for *trong sạch vững "
          "mạnh*, which a branch whose village has a high dropout rate cannot be "
          "given (000_ seed, IV.4); the default rules below enforce it.\n", fp);
}

static void doc_rule_fields(FILE *fp)
{
    fputs("\n### evaluation.rules\n\n"
          "A list of groups; when `measure op value` holds for a village, its branch "
          "is rated no better than `max_rating`.  Giving `rules` replaces all the "
          "default rules (`rules = ();` means none).\n\n"
          "| Field | Meaning |\n|---|---|\n"
          "| `name` | Identifier of the rule: a-z, 0-9 and `_`, unique. |\n"
          "| `measure` | What is compared; one of the measures below. |\n"
          "| `op` | `<`, `<=`, `>` or `>=`. |\n"
          "| `value` | A percentage 0..100 for rates, a number of pupils (0 or more) "
          "for counts. |\n"
          "| `max_rating` | Best rating the branch can get, an index into "
          "`evaluation.ratings` (0 = best). |\n"
          "| `why` | The sentence printed with the rating. |\n\n"
          "Measures (rates in percent, for the village and the school year so far):\n\n"
          "| Measure | Meaning |\n|---|---|\n", fp);
    for (size_t i = 0; measures[i]; i++) {
        fprintf(fp, "| `%s` |", measures[i]);
        md_cell(fp, measure_help[i]);
        fputc('\n', fp);
    }
}

static void doc_rules(FILE *fp)
{
    fputs("\nDefault rules:\n\n"
          "| Name | Condition | Best rating | Why |\n|---|---|---|---|\n", fp);
    for (size_t i = 0; i < HD_ARRAY_LEN(default_rules); i++) {
        const rule_def *r = &default_rules[i];
        char cond[128];
        snprintf(cond, sizeof cond, "`%s %s %g`", r->measure, r->op, r->value);
        fprintf(fp, "| `%s` |", r->name);
        md_cell(fp, cond);
        fprintf(fp, " %d (%s) |", r->max_rating, default_ratings[r->max_rating]);
        md_cell(fp, r->why);
        fputc('\n', fp);
    }
    const rule_def *r = &default_rules[0];
    fprintf(fp, "\nWritten in the file:\n\n```\nevaluation = {\n  rules = (\n"
            "    { name = \"%s\"; measure = \"%s\"; op = \"%s\"; value = %g;\n"
            "      max_rating = %d; why = \"%s\"; }\n  );\n};\n```\n",
            r->name, r->measure, r->op, r->value, r->max_rating, r->why);
}

static void doc_profiles(FILE *fp)
{
    fputs("\n### import.profiles\n\n"
          "A list of groups: more header texts for the columns of the sheets the "
          "commune receives, added to those huydong always understands and to the "
          "shipped profiles (`c1-hocsinh`, `mau-nhap-lieu`, `danh-sach-lop`; see "
          "docs/admin-guide.md).  Headers are compared without accents, case or "
          "punctuation.  None by default.\n\n"
          "| Field | Meaning |\n|---|---|\n"
          "| `name` | Identifier for `huydong import --profile NAME`: a-z, 0-9 and `-`, "
          "unique; a shipped profile's name replaces it. |\n"
          "| `sheet` | A sheet of this name chooses the profile (optional). |\n"
          "| `headers` | Header texts that, all present, choose the profile (optional). |\n"
          "| `columns` | A group: each column, by its English or Vietnamese name "
          "(`full_name`, `birth_date`, `village`, `class`, `pupil_code`, …), with the "
          "header texts (a string or a list) that mean it. |\n\n"
          "Written in the file:\n\n```\nimport = {\n  profiles = (\n"
          "    { name = \"truong-ia-dom\"; sheet = \"DS hoc sinh\";\n"
          "      columns = { full_name = [\"Tên học sinh\", \"Tên HS\"];\n"
          "                  birth_date = \"NS\"; }; }\n  );\n};\n```\n", fp);
}

void config_write_doc(FILE *fp)
{
    doc_intro(fp);
    doc_ratings(fp);
    doc_rule_fields(fp);
    doc_rules(fp);
    doc_profiles(fp);
}
