#ifndef TEXTSTATS_UTIL_H
#define TEXTSTATS_UTIL_H
#include <stddef.h>

long sum_bytes(const unsigned char *p, size_t n);
long negate_if(long v, int flag);
size_t copy_upper(char *dst, const char *src, size_t cap);
int never_called(int x);

#endif
