/* Unit tests for config: defaults, the shipped file, error reports, lookup,
 * and that docs/config.md is what config_write_doc writes.
 * UPDATE=1 build/tests/test_config rewrites docs/config.md. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"
#include "core/model.h"
#include "core/util.h"

#define SHIPPED "config/huydong.cfg"
#define DOC "docs/config.md"

/* Writes text to a new temporary file; returns its path (caller frees). */
static char *write_tmp(const char *text)
{
    char *path = xstrdup("/tmp/test_config_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    return path;
}

static void remove_tmp(char *path)
{
    unlink(path);
    free(path);
}

static void assert_same_string(const char *a, const char *b)
{
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(a, b);
}

static void assert_same_rules(const hd_config *a, const hd_config *b)
{
    assert_int_equal(a->n_ratings, b->n_ratings);
    for (size_t i = 0; i < a->n_ratings; i++)
        assert_same_string(a->ratings[i], b->ratings[i]);
    assert_int_equal(a->n_rules, b->n_rules);
    for (size_t i = 0; i < a->n_rules; i++) {
        const hd_rule *x = &a->rules[i], *y = &b->rules[i];
        assert_same_string(x->name, y->name);
        assert_same_string(x->measure, y->measure);
        assert_same_string(x->op, y->op);
        assert_true(x->value == y->value);
        assert_int_equal(x->max_rating, y->max_rating);
        assert_same_string(x->why, y->why);
    }
}

/* Every setting of a and b is equal (path and rule lines aside). */
static void assert_same_config(const hd_config *a, const hd_config *b)
{
    assert_same_string(a->db_path, b->db_path);
    assert_same_string(a->commune_code, b->commune_code);
    assert_same_string(a->commune_name, b->commune_name);
    assert_same_string(a->district, b->district);
    assert_same_string(a->province, b->province);
    assert_same_string(a->committee_chair, b->committee_chair);
    assert_int_equal(a->school_year_start_month, b->school_year_start_month);
    assert_same_string(a->language, b->language);
    assert_int_equal(a->ascii, b->ascii);
    assert_int_equal(a->mono, b->mono);
    for (int i = 0; i < LEVEL_COUNT; i++) {
        assert_true(a->target_mobilization[i] == b->target_mobilization[i]);
        assert_true(a->target_dropout[i] == b->target_dropout[i]);
    }
    assert_true(a->target_dropout_overall == b->target_dropout_overall);
    for (int i = 0; i < RISK_COUNT; i++)
        assert_true(a->risk_weight[i] == b->risk_weight[i]);
    assert_true(a->risk_threshold == b->risk_threshold);
    assert_int_equal(a->visit_interval_days, b->visit_interval_days);
    assert_int_equal(a->report_response_days, b->report_response_days);
    assert_same_string(a->print_command, b->print_command);
    assert_same_string(a->paper, b->paper);
    assert_int_equal(a->lines_per_page, b->lines_per_page);
    assert_same_string(a->backup_dir, b->backup_dir);
    assert_int_equal(a->backup_keep, b->backup_keep);
    assert_same_rules(a, b);
}

static void assert_is_default(const hd_config *c)
{
    hd_config d = {0};
    config_defaults(&d);
    assert_same_config(c, &d);
    assert_null(c->path);
    config_free(&d);
}

/* Loads text from a temporary file; returns config_load's result. */
static int load_text(hd_config *c, const char *text, hd_msgs *errs, char **path)
{
    *path = write_tmp(text);
    return config_load(c, *path, errs);
}

/* Shows the messages when their count is not the expected one. */
static void dump_unless(const hd_msgs *m, size_t want)
{
    if (m->n == want)
        return;
    for (size_t i = 0; i < m->n; i++)
        fprintf(stderr, "  %s\n", m->items[i]);
}

static void assert_msg(const hd_msgs *m, size_t i, const char *path, int line,
                       const char *text)
{
    assert_true(i < m->n);
    char *want = xasprintf("%s:%d: %s", path, line, text);
    assert_string_equal(m->items[i], want);
    free(want);
}

/* ---- tests -------------------------------------------------------------- */

static void test_defaults_sane(void **state)
{
    (void)state;
    hd_config c = {0};
    config_defaults(&c);
    assert_null(c.path);
    assert_string_equal(c.db_path, "huydong.db");
    assert_string_equal(c.commune_code, "00000");
    assert_string_equal(c.language, "vi");
    assert_int_equal(c.school_year_start_month, 9);
    assert_int_equal(c.ascii, 0);
    assert_true(c.target_mobilization[LEVEL_LOWER_SECONDARY] == 91.0);
    assert_true(c.target_mobilization[LEVEL_CONTINUING] == 0.0);
    assert_true(c.target_dropout_overall == 0.35);
    assert_true(c.target_dropout[LEVEL_PRIMARY] == 0.025);
    assert_true(c.target_dropout[LEVEL_LOWER_SECONDARY] == 0.55);
    assert_true(c.risk_weight[RISK_POOR_ATTENDANCE] == 3.0);
    assert_true(c.risk_threshold == 3.0);
    assert_int_equal(c.visit_interval_days, 30);
    assert_int_equal(c.report_response_days, 7);
    assert_string_equal(c.paper, "A4");
    assert_int_equal(c.lines_per_page, 60);
    assert_int_equal(c.backup_keep, 10);
    assert_int_equal(c.n_ratings, 4);
    assert_string_equal(c.ratings[0], "Hoàn thành xuất sắc");
    assert_true(c.n_rules >= 5 && c.n_rules <= 7);
    for (size_t i = 0; i < c.n_rules; i++) {
        int known = 0;
        for (const char *const *m = config_measures(); *m; m++)
            known |= strcmp(*m, c.rules[i].measure) == 0;
        assert_true(known);
        assert_true(c.rules[i].max_rating >= 0 && (size_t)c.rules[i].max_rating < c.n_ratings);
        assert_int_equal(c.rules[i].line, 0);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(c.rules[i].name, c.rules[j].name);
    }
    /* The top rating is blocked by high dropout (000_ seed, IV.4). */
    assert_string_equal(c.rules[0].measure, "dropout_rate");
    assert_int_equal(c.rules[0].max_rating, 1);
    config_free(&c);
    assert_null(c.db_path);
    config_free(&c); /* twice is harmless */
    config_defaults(&c);
    config_free(&c);
}

static void test_shipped_file_matches_defaults(void **state)
{
    (void)state;
    hd_config c = {0}, d = {0};
    hd_msgs errs = {0};
    config_defaults(&d);
    int rc = config_load(&c, SHIPPED, &errs);
    dump_unless(&errs, 0);
    assert_int_equal(rc, 0);
    assert_int_equal(errs.n, 0);
    assert_string_equal(c.path, SHIPPED);
    assert_same_config(&c, &d);
    assert_true(c.rules[0].line > 0);
    config_free(&c);
    config_free(&d);
}

static char *read_all(FILE *fp)
{
    strbuf sb = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        sb_addn(&sb, buf, n);
    return sb.buf ? sb_detach(&sb) : xstrdup("");
}

/* config_write_doc's output (through a temporary file: GCC 12 misreads
 * open_memstream's buffer as a dangling local). */
static char *doc_text(void)
{
    FILE *fp = tmpfile();
    assert_non_null(fp);
    config_write_doc(fp);
    rewind(fp);
    char *text = read_all(fp);
    fclose(fp);
    return text;
}

/* Every schema setting is written out in the shipped file. */
static void test_shipped_file_has_every_setting(void **state)
{
    (void)state;
    char *doc = doc_text();
    config_t cf;
    config_init(&cf);
    assert_true(config_read_file(&cf, SHIPPED));
    int rows = 0;
    char *end = strstr(doc, "## Branch evaluation");
    assert_non_null(end);
    *end = '\0'; /* only the settings table */
    const char *p = strstr(doc, "## Settings");
    assert_non_null(p);
    while ((p = strstr(p, "\n| `"))) {
        p += 4;
        char *name = xstrndup(p, strcspn(p, "`"));
        if (!config_lookup(&cf, name))
            fail_msg("%s is missing from %s", name, SHIPPED);
        free(name);
        rows++;
    }
    assert_true(rows > 30);
    assert_non_null(config_lookup(&cf, "evaluation.ratings"));
    assert_non_null(config_lookup(&cf, "evaluation.rules"));
    config_destroy(&cf);
    free(doc);
}

/* The schema's level and risk codes are model.h's, at the right offsets. */
static void test_codes_follow_model(void **state)
{
    (void)state;
    for (int i = 0; i < LEVEL_COUNT; i++) {
        const char *code = model_code(VOCAB_LEVEL, i);
        char *text = xasprintf("targets = { mobilization = { %s = 12.5; };\n"
                               "  dropout = { %s = 4.5; }; };\n", code, code);
        hd_config c = {0};
        hd_msgs errs = {0};
        char *path;
        assert_int_equal(load_text(&c, text, &errs, &path), 0);
        assert_true(c.target_mobilization[i] == 12.5);
        assert_true(c.target_dropout[i] == 4.5);
        config_free(&c);
        remove_tmp(path);
        free(text);
    }
    for (int i = 0; i < RISK_COUNT; i++) {
        char *text = xasprintf("risk = { weights = { %s = 7.25; }; };\n",
                               model_code(VOCAB_RISK, i));
        hd_config c = {0};
        hd_msgs errs = {0};
        char *path;
        assert_int_equal(load_text(&c, text, &errs, &path), 0);
        assert_true(c.risk_weight[i] == 7.25);
        config_free(&c);
        remove_tmp(path);
        free(text);
    }
}

static void test_values_are_read(void **state)
{
    (void)state;
    static const char text[] =
        "database = { path = \"/var/lib/huydong/ia-der.db\"; };\n"
        "commune = { code = \"23456\"; name = \"Xã Ia Dêr\"; district = \"Huyện Ia Grai\";\n"
        "  province = \"Tỉnh Gia Lai\"; chair = \"Rơ Châm Khoa\"; };\n"
        "ui = { language = \"en\"; ascii = true; mono = true; };\n"
        "targets = { mobilization = { lower_secondary = 95; };\n" /* an int for a float */
        "  dropout = { overall = 0.5; }; };\n"
        "risk = { threshold = 4; };\n"
        "print = { paper = \"A3\"; lines_per_page = 72; };\n"
        "backup = { keep = 20L; };\n" /* a 64-bit int */
        "evaluation = { ratings = [\"Tốt\", \"Khá\", \"Kém\"];\n"
        "  rules = ( { name = \"many_dropouts\"; measure = \"dropouts\"; op = \">=\";\n"
        "              value = 3; max_rating = 2; why = \"Nhiều học sinh bỏ học\"; } ); };\n";
    hd_config c = {0};
    hd_msgs errs = {0};
    char *path;
    assert_int_equal(load_text(&c, text, &errs, &path), 0);
    assert_string_equal(c.path, path);
    assert_string_equal(c.db_path, "/var/lib/huydong/ia-der.db");
    assert_string_equal(c.commune_code, "23456");
    assert_string_equal(c.commune_name, "Xã Ia Dêr");
    assert_string_equal(c.committee_chair, "Rơ Châm Khoa");
    assert_string_equal(c.language, "en");
    assert_int_equal(c.ascii, 1);
    assert_int_equal(c.mono, 1);
    assert_true(c.target_mobilization[LEVEL_LOWER_SECONDARY] == 95.0);
    assert_true(c.target_mobilization[LEVEL_PRIMARY] == 98.0); /* default kept */
    assert_true(c.target_dropout_overall == 0.5);
    assert_true(c.risk_threshold == 4.0);
    assert_string_equal(c.paper, "A3");
    assert_int_equal(c.lines_per_page, 72);
    assert_int_equal(c.backup_keep, 20);
    assert_int_equal(c.n_ratings, 3);
    assert_string_equal(c.ratings[1], "Khá");
    assert_int_equal(c.n_rules, 1);
    assert_string_equal(c.rules[0].op, ">=");
    assert_true(c.rules[0].value == 3.0);
    assert_int_equal(c.rules[0].max_rating, 2);
    assert_int_equal(c.rules[0].line, 11);
    /* Loading again over a loaded config replaces it without a leak. */
    assert_int_equal(config_load(&c, SHIPPED, &errs), 0);
    assert_string_equal(c.language, "vi");
    config_free(&c);
    remove_tmp(path);
}

static void test_broken_file_reports_everything(void **state)
{
    (void)state;
    static const char text[] =
        "# a broken file\n"
        "commune = {\n"
        "  code = \"12ab\";\n"
        "  nmae = \"Xã A\";\n"
        "};\n"
        "school_year = { start_month = \"September\"; };\n"
        "targets = { dropout = { primary = 250; }; };\n"
        "evaluation = {\n"
        "  rules = (\n"
        "    { name = \"r1\"; measure = \"droput_rate\"; op = \">\"; value = 1;\n"
        "      max_rating = 1; why = \"x\"; },\n"
        "    { name = \"r2\"; measure = \"dropouts\"; op = \">\"; value = 3;\n"
        "      max_rating = 9; why = \"y\"; }\n"
        "  );\n"
        "};\n";
    hd_config c = {0};
    config_defaults(&c);
    c.backup_keep = 99; /* must come back as the default */
    hd_msgs errs = {0};
    char *path;
    assert_int_equal(load_text(&c, text, &errs, &path), -1);
    dump_unless(&errs, 6);
    assert_int_equal(errs.n, 6);
    assert_msg(&errs, 0, path, 3, "commune.code: '12ab' must be exactly 5 digits");
    assert_msg(&errs, 1, path, 4,
               "unknown setting 'commune.nmae' (did you mean 'commune.name'?)");
    assert_msg(&errs, 2, path, 6, "school_year.start_month: expected an integer");
    assert_msg(&errs, 3, path, 7, "targets.dropout.primary: 250 is out of range 0..100");
    assert_msg(&errs, 4, path, 10, "evaluation.rules: rule 'r1': unknown measure "
               "'droput_rate' (did you mean 'dropout_rate'?)");
    assert_msg(&errs, 5, path, 13, "evaluation.rules: rule 'r2': max_rating 9 is out of "
               "range 0..3 (an index into evaluation.ratings, 0 = best)");
    assert_is_default(&c);
    msgs_free(&errs);
    config_free(&c);
    remove_tmp(path);
}

static void test_rule_errors(void **state)
{
    (void)state;
    static const char text[] =
        "evaluation = { rules = (\n"
        "  { name = \"Bad Name\"; measure = \"dropout_rate\"; op = \"=\"; value = 101;\n"
        "    max_rating = 1.5; why = \"\"; },\n"
        "  { name = \"a\"; measure = \"dropouts\"; op = \"<\"; value = -1; max_rating = 0;\n"
        "    why = \"w\"; colour = \"red\"; },\n"
        "  { name = \"a\"; measure = \"dropout_rate\"; op = \"<\"; value = 1; max_rating = 0;\n"
        "    why = \"w\"; },\n"
        "  { measure = \"dropout_rate\"; op = \">\"; value = \"1\"; max_rating = 0; why = \"w\"; },\n"
        "  \"not a rule\" ); };\n"; /* libconfig dates a last scalar by the next token */
    hd_config c = {0};
    hd_msgs errs = {0};
    char *path;
    assert_int_equal(load_text(&c, text, &errs, &path), -1);
    dump_unless(&errs, 11);
    size_t k = 0;
    assert_msg(&errs, k++, path, 2,
               "evaluation.rules: rule [0]: name 'Bad Name' may hold only a-z, 0-9 and _");
    assert_msg(&errs, k++, path, 2,
               "evaluation.rules: rule [0]: op '=' is not one of <, <=, >, >=");
    assert_msg(&errs, k++, path, 3, "evaluation.rules: rule [0]: why: must not be empty");
    assert_msg(&errs, k++, path, 2, "evaluation.rules: rule [0]: value 101 is out of "
               "range 0..100 (a percentage)");
    assert_msg(&errs, k++, path, 3, "evaluation.rules: rule [0]: max_rating: expected "
               "an integer");
    assert_msg(&errs, k++, path, 5, "evaluation.rules: rule 'a': unknown field 'colour'");
    assert_msg(&errs, k++, path, 4, "evaluation.rules: rule 'a': value -1 must be at least 0");
    assert_msg(&errs, k++, path, 6, "evaluation.rules: rule 'a' is given twice");
    assert_msg(&errs, k++, path, 8, "evaluation.rules: rule [3]: missing 'name'");
    assert_msg(&errs, k++, path, 8, "evaluation.rules: rule [3]: value: expected a number");
    assert_msg(&errs, k++, path, 9,
               "evaluation.rules[4]: expected a rule { name = ...; measure = ...; }");
    assert_int_equal(errs.n, k);
    assert_is_default(&c);
    msgs_free(&errs);
    config_free(&c);
    remove_tmp(path);
}

static void test_other_errors(void **state)
{
    (void)state;
    static const char text[] =
        "comune = { code = \"12345\"; };\n"
        "ui = 5;\n"
        "ui2 = { language = \"fr\"; };\n"
        "casework = { visit_interval_days = 30.0; report_response_days = 0; };\n"
        "print = { paper = \"Letter\"; command = \"\"; };\n"
        "commune = { name = \"X\xe3 A\"; code = 12345; };\n"
        "evaluation = { ratings = [\"A\", \"A\"]; colour = 1; };\n";
    hd_config c = {0};
    hd_msgs errs = {0};
    char *path;
    assert_int_equal(load_text(&c, text, &errs, &path), -1);
    dump_unless(&errs, 11);
    size_t k = 0;
    assert_msg(&errs, k++, path, 1, "unknown setting 'comune' (did you mean 'commune'?)");
    assert_msg(&errs, k++, path, 2, "ui: expected a group ui = { ... };");
    assert_msg(&errs, k++, path, 3, "unknown setting 'ui2' (did you mean 'ui'?)");
    assert_msg(&errs, k++, path, 4, "casework.visit_interval_days: expected an integer");
    assert_msg(&errs, k++, path, 4, "casework.report_response_days: 0 is out of range 1..365");
    assert_msg(&errs, k++, path, 5, "print.paper: 'Letter' is not one of A4, A3");
    assert_msg(&errs, k++, path, 5, "print.command: must not be empty");
    assert_msg(&errs, k++, path, 6, "commune.name: not valid UTF-8 (save the file as UTF-8)");
    assert_msg(&errs, k++, path, 6, "commune.code: expected a string");
    assert_msg(&errs, k++, path, 7, "evaluation.ratings[1]: 'A' is given twice");
    assert_msg(&errs, k++, path, 7, "unknown setting 'evaluation.colour'");
    assert_int_equal(errs.n, k);
    assert_is_default(&c);
    msgs_free(&errs);
    config_free(&c);
    remove_tmp(path);
}

static void test_syntax_error_line(void **state)
{
    (void)state;
    hd_config c = {0};
    hd_msgs errs = {0};
    char *path;
    assert_int_equal(load_text(&c, "# comment\nui = {\n  language = ;\n};\n", &errs, &path), -1);
    assert_int_equal(errs.n, 1);
    assert_msg(&errs, 0, path, 3, "syntax error");
    assert_is_default(&c);
    msgs_free(&errs);
    config_free(&c);
    remove_tmp(path);
}

static void test_missing_file_and_bom(void **state)
{
    (void)state;
    hd_config c = {0};
    hd_msgs errs = {0};
    assert_int_equal(config_load(&c, "/nonexistent/huydong.cfg", &errs), -1);
    assert_int_equal(errs.n, 1);
    assert_string_equal(errs.items[0], "/nonexistent/huydong.cfg: cannot read the "
                        "configuration file: No such file or directory");
    assert_is_default(&c);
    msgs_free(&errs);
    char *path;
    assert_int_equal(load_text(&c, "\xEF\xBB\xBFui = { language = \"en\"; };\n", &errs,
                               &path), 0);
    assert_string_equal(c.language, "en");
    config_free(&c);
    remove_tmp(path);
}

/* New ratings without new rules must still fit the built-in rules. */
static void test_ratings_without_rules(void **state)
{
    (void)state;
    hd_config c = {0};
    hd_msgs errs = {0};
    char *path;
    assert_int_equal(load_text(&c, "evaluation = {\n ratings = [\"A\", \"B\"]; };\n",
                               &errs, &path), -1);
    assert_int_equal(errs.n, 1);
    assert_msg(&errs, 0, path, 2, "evaluation.ratings: the built-in rule 'dropout_high' "
               "needs at least 3 ratings; give evaluation.rules too");
    msgs_free(&errs);
    config_free(&c);
    remove_tmp(path);
    assert_int_equal(load_text(&c, "evaluation = { ratings = [\"A\", \"B\"];\n"
                               "  rules = (); };\n", &errs, &path), 0);
    assert_int_equal(c.n_rules, 0);
    config_free(&c);
    remove_tmp(path);
}

static void test_locate(void **state)
{
    (void)state;
    unsetenv("HUYDONG_CONFIG");
    assert_string_equal(config_locate("/no/such.cfg"), "/no/such.cfg");
    assert_string_equal(config_locate(NULL), "config/huydong.cfg"); /* from the repo root */
    setenv("HUYDONG_CONFIG", "/tmp/elsewhere.cfg", 1);
    assert_string_equal(config_locate(NULL), "/tmp/elsewhere.cfg");
    assert_string_equal(config_locate("x.cfg"), "x.cfg");
    unsetenv("HUYDONG_CONFIG");
    char *cwd = getcwd(NULL, 0);
    assert_int_equal(chdir("/"), 0);
    const char *p = config_locate(NULL);
    if (access(HUYDONG_SYSCONFDIR "/huydong/huydong.cfg", F_OK) == 0)
        assert_string_equal(p, HUYDONG_SYSCONFDIR "/huydong/huydong.cfg");
    else
        assert_null(p);
    assert_int_equal(chdir(cwd), 0);
    free(cwd);
}

/* docs/config.md is config_write_doc's output (UPDATE=1 rewrites it). */
static void test_doc_up_to_date(void **state)
{
    (void)state;
    char *doc = doc_text();
    assert_non_null(strstr(doc, "| `commune.code` |"));
    assert_non_null(strstr(doc, "`at_risk_visited_rate`"));
    const char *update = getenv("UPDATE");
    if (update && strcmp(update, "1") == 0) {
        FILE *fp = fopen(DOC, "w");
        assert_non_null(fp);
        fputs(doc, fp);
        fclose(fp);
    }
    FILE *fp = fopen(DOC, "r");
    if (!fp)
        fail_msg("%s is missing; run UPDATE=1 build/tests/test_config", DOC);
    char *have = read_all(fp);
    fclose(fp);
    if (strcmp(have, doc) != 0)
        fail_msg("%s is out of date; run UPDATE=1 build/tests/test_config", DOC);
    free(have);
    free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_sane),
        cmocka_unit_test(test_shipped_file_matches_defaults),
        cmocka_unit_test(test_shipped_file_has_every_setting),
        cmocka_unit_test(test_codes_follow_model),
        cmocka_unit_test(test_values_are_read),
        cmocka_unit_test(test_broken_file_reports_everything),
        cmocka_unit_test(test_rule_errors),
        cmocka_unit_test(test_other_errors),
        cmocka_unit_test(test_syntax_error_line),
        cmocka_unit_test(test_missing_file_and_bom),
        cmocka_unit_test(test_ratings_without_rules),
        cmocka_unit_test(test_locate),
        cmocka_unit_test(test_doc_up_to_date),
    };
    return cmocka_run_group_tests(tests, 0, 0);
}
