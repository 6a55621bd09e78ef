/* Small functions whose Rust translations the verify tests get right or wrong on purpose. */
#include "util.h"

long sum_bytes(const unsigned char *p, size_t n)
{
    long s = 0;
    for (size_t i = 0; i < n; i++)
        s += p[i];
    return s;
}

long negate_if(long v, int flag)
{
    return flag ? -v : v;
}

size_t copy_upper(char *dst, const char *src, size_t cap)
{
    size_t i = 0;
    if (cap == 0)
        return 0;
    for (; src[i] != '\0' && i + 1 < cap; i++) {
        char c = src[i];
        dst[i] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    dst[i] = '\0';
    return i;
}

int never_called(int x)
{
    return x * 3;
}
