/* main.c — entry point: parses the command line and dispatches. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("huydong %s\n", HUYDONG_VERSION);
        return 0;
    }
    fprintf(stderr, "huydong: not yet\n");
    return 1;
}
