/* The C library: strlen, memcpy, memset, strcmp, strchr, snprintf into a buffer. */
#include <stdio.h>
#include <string.h>

size_t str_length(const char *s) { return s ? strlen(s) : 0; }

int str_compare(const char *a, const char *b)
{
    int c;
    if (a == NULL || b == NULL)
        return 0;
    c = strcmp(a, b);
    return (c > 0) - (c < 0);
}

int str_format(int v, char *buf, size_t n)
{
    return snprintf(buf, n, "v=%d hex=%x str=%s", v, (unsigned)v, v < 0 ? "neg" : "pos");
}

size_t str_copy(char *dst, size_t n, const char *src)
{
    size_t len;
    if (dst == NULL || src == NULL || n == 0)
        return 0;
    len = strlen(src);
    if (len >= n)
        len = n - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
    return len;
}

int str_count_char(const char *s, int c)
{
    int count = 0;
    if (s == NULL)
        return 0;
    while ((s = strchr(s, c)) != NULL && *s != '\0') {
        count++;
        s++;
    }
    return count;
}

size_t str_clear(unsigned char *buf, size_t n)
{
    memset(buf, 0x2a, n);
    return n;
}

int str_double(double d, char *buf, size_t n) { return snprintf(buf, n, "%.3f", d); }

size_t str_func_name(void) { return strlen(__func__); }
