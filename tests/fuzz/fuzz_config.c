/* fuzz_config.c — the configuration reader (core/config.c) on any bytes:
 * either the file is accepted, or every problem is reported as
 * "PATH:LINE: message" and the defaults stand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file(data, size);
    hd_config c;
    config_defaults(&c);
    hd_msgs errs = {0};
    int rc = config_load(&c, path, &errs);
    if (rc != 0 && rc != -1)
        abort();
    if (rc == -1 && errs.n == 0)
        abort(); /* refused without a word */
    for (size_t i = 0; i < errs.n; i++)
        if (strncmp(errs.items[i], path, strlen(path)) != 0)
            abort(); /* every message names the file */
    msgs_free(&errs);
    config_free(&c);
    return 0;
}
