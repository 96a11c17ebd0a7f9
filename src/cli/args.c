/* args.c — flags and valued options of subcommands. */
#include "cli/args.h"

#include <string.h>

static void drop(int *argc, char **argv, int i, int n)
{
    memmove(&argv[i], &argv[i + n], (size_t)(*argc - i - n + 1) * sizeof *argv);
    *argc -= n;
}

int args_flag(int *argc, char **argv, const char *flag)
{
    for (int i = 1; i < *argc; i++)
        if (strcmp(argv[i], flag) == 0) {
            drop(argc, argv, i, 1);
            return 1;
        }
    return 0;
}

const char *args_value(int *argc, char **argv, const char *name)
{
    size_t n = strlen(name);
    for (int i = 1; i < *argc; i++) {
        if (strncmp(argv[i], name, n) != 0)
            continue;
        if (argv[i][n] == '=') {
            const char *v = argv[i] + n + 1;
            drop(argc, argv, i, 1);
            return v;
        }
        if (argv[i][n] == '\0' && i + 1 < *argc) {
            const char *v = argv[i + 1];
            drop(argc, argv, i, 2);
            return v;
        }
    }
    return NULL;
}

const char *args_unknown(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strncmp(argv[i], "--", 2) == 0)
            return argv[i];
    return NULL;
}
