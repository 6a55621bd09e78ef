/* Function definitions, static helpers, recursion, function pointers and tables. */
#include <stddef.h>

typedef int (*binop)(int, int);

static int add(int a, int b) { return (int)((unsigned)a + (unsigned)b); }
static int sub(int a, int b) { return (int)((unsigned)a - (unsigned)b); }
static int max(int a, int b) { return a > b ? a : b; }

static const struct {
    char op;
    binop fn;
} ops[] = { { '+', add }, { '-', sub }, { 'm', max } };

int fn_apply(char op, int a, int b)
{
    size_t i;
    for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (ops[i].op == op)
            return ops[i].fn(a, b);
    return 0;
}

int fn_fold(const int *v, size_t n, int use_max)
{
    binop f = use_max ? max : add;
    int acc = 0;
    size_t i;
    for (i = 0; i < n; i++)
        acc = f(acc, v[i]);
    return acc;
}

unsigned fn_fib(unsigned n)
{
    if (n > 40)
        return 0;
    return n < 2 ? n : fn_fib(n - 1) + fn_fib(n - 2);
}

int fn_has_callback(int which)
{
    binop f = NULL;
    if (which > 0)
        f = sub;
    return f != NULL ? (*f)(10, 3) : -1;
}

static void count(int *c) { (*c)++; }

int fn_void_calls(int n)
{
    int c = 0;
    int i;
    for (i = 0; i < (n & 15); i++)
        count(&c);
    return c;
}

int fn_pure(int a, int b) { return max(a & 0xFFFF, b & 0xFFFF) * 2; }

/* Old-style (K&R) definitions, as zlib writes them: one after its prototype, one without
   (its calls pass arguments whose promoted types are the parameter types). */
static unsigned long kr_adler(unsigned long adler, const unsigned char *buf, size_t len);

static unsigned long kr_adler(adler, buf, len)
    unsigned long adler;
    const unsigned char *buf;
    size_t len;
{
    unsigned long a = adler & 0xffff, b = (adler >> 16) & 0xffff;
    size_t i;
    for (i = 0; i < len; i++) {
        a = (a + buf[i]) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

static int kr_scale(x, k, p)
    int x;
    long k;
    register const char *p;
{
    return (int)(x * k) + (p != NULL && *p ? p[0] : 0);
}

unsigned long fn_kr_adler(const unsigned char *buf, size_t len)
{
    return kr_adler(1UL, buf, len);
}

int fn_kr_scale(int x, const char *s)
{
    short h = (short)x;
    return kr_scale(x, 3L, s) + kr_scale(h, (long)x, "k");
}

/* An old-style definition returning a pointer: tree-sitter-c parses it only once the
   return type's `*` is blanked out, and the pointer is restored in its type. */
static const char *kr_pick(words, n, which)
    const char *words;
    size_t n;
    int which;
{
    return which >= 0 && (size_t)which < n ? words + which : NULL;
}

int fn_kr_pick(const char *s, size_t n, int which)
{
    const char *p = kr_pick(s, n, which);
    return p != NULL ? *p : -1;
}
