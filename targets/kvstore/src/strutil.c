/*
 * strutil.c - hand-written string helpers, integer parsing and formatting,
 * key validation, escaping and the command-line tokenizer.
 */
#include <stdlib.h>
#include <string.h>

#include "kvstore.h"

size_t kv_str_len(const char *s)
{
    const char *p = s;

    while (*p != '\0')
        p++;
    return (size_t)(p - s);
}

/* Copy at most n bytes of src (up to its NUL) into dst, NUL-terminated;
 * returns the number of bytes copied. */
size_t kv_str_ncopy(char *dst, size_t dst_size, const char *src, size_t n)
{
    size_t i = 0;

    if (dst_size == 0)
        return 0;
    while (i < n && i + 1 < dst_size && src[i] != '\0') {
        dst[i] = src[i];
        i++;
    }
    dst[i] = '\0';
    return i;
}

static int is_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
           c == '\f';
}

char *kv_trim(char *s)
{
    char *end;

    while (is_blank((unsigned char)*s))
        s++;
    end = s + kv_str_len(s);
    while (end > s && is_blank((unsigned char)end[-1]))
        end--;
    *end = '\0';
    return s;
}

char *kv_str_dup(const char *s, size_t len)
{
    char *copy = malloc(len + 1);

    if (copy == NULL)
        return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

/* Strict decimal parse of s[0..len): optional sign and at least one digit.
 * Overflow is detected on the unsigned magnitude. */
kv_status kv_parse_int64(const char *s, size_t len, int64_t *out)
{
    const char *p = s;
    const char *end = s + len;
    uint64_t limit = (uint64_t)INT64_MAX;
    uint64_t acc = 0;
    int negative = 0;

    if (p < end && (*p == '-' || *p == '+')) {
        negative = (*p == '-');
        p++;
    }
    if (negative)
        limit = (uint64_t)INT64_MAX + 1u;
    if (p == end)
        return KV_ERR_NOT_INTEGER;
    for (; p < end; p++) {
        unsigned digit;

        if (*p < '0' || *p > '9')
            return KV_ERR_NOT_INTEGER;
        digit = (unsigned)(*p - '0');
        if (acc > (limit - digit) / 10u)
            return KV_ERR_OVERFLOW;
        acc = acc * 10u + digit;
    }
    if (negative)
        *out = acc == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)acc;
    else
        *out = (int64_t)acc;
    return KV_OK;
}

kv_status kv_parse_uint32(const char *s, size_t len, uint32_t *out)
{
    int64_t wide;
    kv_status st;

    if (len > 0 && s[0] == '-')
        return KV_ERR_NOT_INTEGER;
    st = kv_parse_int64(s, len, &wide);
    if (st != KV_OK)
        return st;
    if (wide > (int64_t)UINT32_MAX)
        return KV_ERR_OVERFLOW;
    *out = (uint32_t)wide;
    return KV_OK;
}

/* Format v in decimal; returns the length written (without the NUL). */
size_t kv_format_int64(int64_t v, char *buf, size_t buf_size)
{
    char tmp[KV_INT_BUF];
    char *p = tmp + sizeof tmp;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

    *--p = '\0';
    do {
        *--p = (char)('0' + (int)(mag % 10u));
        mag /= 10u;
    } while (mag != 0);
    if (v < 0)
        *--p = '-';
    return kv_str_ncopy(buf, buf_size, p, (size_t)(tmp + sizeof tmp - p));
}

void kv_format_hex32(uint32_t v, char out[9])
{
    static const char digits[] = "0123456789abcdef";
    int i;

    for (i = 7; i >= 0; i--) {
        out[i] = digits[v & 0xFu];
        v >>= 4;
    }
    out[8] = '\0';
}

kv_status kv_add_int64(int64_t a, int64_t b, int64_t *out)
{
    if (b > 0 && a > INT64_MAX - b)
        return KV_ERR_OVERFLOW;
    if (b < 0 && a < INT64_MIN - b)
        return KV_ERR_OVERFLOW;
    *out = a + b;
    return KV_OK;
}

/* Keys are 1..KV_MAX_KEY-1 printable, non-blank characters without quotes. */
kv_status kv_check_key(const char *key, size_t len)
{
    size_t i;

    if (len == 0)
        return KV_ERR_BAD_KEY;
    if (len >= KV_MAX_KEY)
        return KV_ERR_KEY_TOO_LONG;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)key[i];

        if (c <= ' ' || c > '~' || c == '"' || c == '\\')
            return KV_ERR_BAD_KEY;
    }
    return KV_OK;
}

/* Escape src[0..len) for writing between double quotes: a backslash goes
 * before each '"' and '\\'. */
kv_status kv_escape(const char *src, size_t len, char *dst, size_t dst_size,
                    size_t *out_len)
{
    const char *end = src + len;
    char *w = dst;

    for (; src < end; src++) {
        int special = *src == '"' || *src == '\\';

        if ((size_t)(w - dst) + (size_t)special + 1u >= dst_size)
            return KV_ERR_VALUE_TOO_LONG;
        if (special)
            *w++ = '\\';
        *w++ = *src;
    }
    *w = '\0';
    *out_len = (size_t)(w - dst);
    return KV_OK;
}

/* Decode the quoted token opening at *pp in place at w; *wend gets its end.
 * Only \" and \\ are escapes; the closing quote must end the token. */
static kv_status read_quoted(char **pp, char *w, char **wend)
{
    char *p = *pp + 1;

    for (; *p != '"'; p++) {
        if (*p == '\0')
            return KV_ERR_FORMAT;
        if (*p == '\\' && p[1] != '"' && p[1] != '\\')
            return KV_ERR_FORMAT;
        if (*p == '\\')
            p++;
        *w++ = *p;
    }
    p++;
    if (*p != '\0' && !is_blank((unsigned char)*p))
        return KV_ERR_FORMAT;
    *pp = p;
    *wend = w;
    return KV_OK;
}

/* Split line in place into at most max_args blank-separated tokens, stored
 * in argv[] followed by a NULL; a token starting with '"' is quoted and may
 * contain escapes. */
kv_status kv_tokenize(char *line, char **argv, int max_args, int *argc)
{
    char *p = line;
    int n = 0;

    for (;;) {
        char *start;
        char *end;

        while (is_blank((unsigned char)*p))
            p++;
        if (*p == '\0')
            break;
        if (n == max_args)
            return KV_ERR_USAGE;
        start = p;
        if (*p == '"') {
            kv_status st = read_quoted(&p, start, &end);

            if (st != KV_OK)
                return st;
        } else {
            while (*p != '\0' && !is_blank((unsigned char)*p))
                p++;
            end = p;
        }
        argv[n++] = start;
        if (*p != '\0')
            p++;
        *end = '\0';
    }
    argv[n] = NULL;
    *argc = n;
    return KV_OK;
}
