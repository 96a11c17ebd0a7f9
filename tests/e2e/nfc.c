/* nfc.c — copies standard input to standard output in NFC: tmux keeps
 * combining marks apart in what capture-pane prints, so the end-to-end
 * tests compare text only after this. */
#include <stdio.h>
#include <stdlib.h>

#include "core/text.h"

int main(void)
{
    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
        char *n = text_nfc(line);
        fputs(n ? n : line, stdout);
        free(n);
    }
    return 0;
}
