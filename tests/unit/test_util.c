/* Unit tests for util: strings, errors, message lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/util.h"

static void test_strbuf_grows(void **state)
{
    (void)state;
    strbuf sb = {0};
    assert_string_equal(sb_str(&sb), "");
    for (int i = 0; i < 1000; i++)
        sb_addf(&sb, "%d,", i % 10);
    assert_int_equal(sb.len, 2000);
    assert_memory_equal(sb.buf, "0,1,2,", 6);
    sb_clear(&sb);
    assert_string_equal(sb_str(&sb), "");
    sb_add(&sb, "Đức");
    char *p = sb_detach(&sb);
    assert_string_equal(p, "Đức");
    assert_null(sb.buf);
    free(p);
}

static void test_fail_and_msgs(void **state)
{
    (void)state;
    hd_err e;
    assert_int_equal(hd_fail(&e, "%s:%d: bad", "f.csv", 3), -1);
    assert_string_equal(e.msg, "f.csv:3: bad");
    assert_int_equal(hd_fail(NULL, "ignored"), -1);
    hd_msgs m = {0};
    for (int i = 0; i < 20; i++)
        msgs_add(&m, "line %d", i);
    assert_int_equal(m.n, 20);
    assert_string_equal(m.items[19], "line 19");
    msgs_free(&m);
    assert_int_equal(m.n, 0);
}

static void test_trim(void **state)
{
    (void)state;
    char s[] = "  \t Nguyễn Văn A \r\n";
    assert_string_equal(str_trim(s), "Nguyễn Văn A");
    assert_true(str_empty(" \t"));
    assert_true(str_empty(NULL));
    assert_false(str_empty(" x "));
}

static void test_in_list(void **state)
{
    (void)state;
    assert_true(str_in_list("th|tieu hoc|cap 1", "tieu hoc"));
    assert_true(str_in_list("th|tieu hoc|cap 1", "cap 1"));
    assert_false(str_in_list("th|tieu hoc|cap 1", "tieu"));
    assert_false(str_in_list("th|tieu hoc", ""));
    assert_false(str_in_list("", "th"));
}

static char hook_file[64];

/* Leaves a mark the parent can see: the hook ran in the child. */
static void mark_hook(void)
{
    FILE *fp = fopen(hook_file, "w");
    if (fp)
        fclose(fp);
}

/* An internal error runs the front end's hook, then exits with status 2. */
static void test_fatal_exits_2(void **state)
{
    (void)state;
    snprintf(hook_file, sizeof hook_file, "/tmp/huydong-hook-%ld", (long)getpid());
    unlink(hook_file);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        hd_on_fatal(mark_hook);
        if (!freopen("/dev/null", "w", stderr))
            _exit(3);
        hd_fatal("internal error: %s", "test");
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 2);
    assert_int_equal(access(hook_file, F_OK), 0);
    unlink(hook_file);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strbuf_grows),
        cmocka_unit_test(test_fail_and_msgs),
        cmocka_unit_test(test_trim),
        cmocka_unit_test(test_in_list),
        cmocka_unit_test(test_fatal_exits_2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
