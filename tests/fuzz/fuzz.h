/* fuzz.h — what every harness in this folder defines: libFuzzer's entry
 * point, run by `make fuzz` (clang, libFuzzer) and by replay.c (any C
 * compiler) over the seed corpus and every finding, in `make test`. */
#ifndef HD_FUZZ_H
#define HD_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* One input: must neither crash, leak nor leave state behind.  0 always. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as a temporary file (the readers under test take paths); the
 * path is static and the file is rewritten on each call. */
const char *fuzz_file(const uint8_t *data, size_t size);

#endif
