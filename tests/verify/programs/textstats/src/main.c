/* textstats: for each input line, its byte sum, its signed length and its upper case. */
#include <stdio.h>
#include <string.h>
#include "util.h"

int main(void)
{
    char line[256];
    while (fgets(line, sizeof line, stdin) != NULL) {
        size_t len = strcspn(line, "\n");
        line[len] = '\0';
        char upper[17];
        memset(upper, 'X', 16);
        upper[16] = '\0';
        size_t copied = copy_upper(upper, line, 12);
        printf("%ld %ld %zu %s\n", sum_bytes((const unsigned char *)line, len),
               negate_if((long)len, line[0] == '-'), copied, upper);
    }
    return 0;
}
