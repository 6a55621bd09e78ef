/* Pointer arithmetic, dereference, address-of, pointer differences. */
#include <stddef.h>

int ptr_sum(const int *v, size_t n)
{
    const int *end = v + n;
    unsigned acc = 0;
    while (v < end)
        acc += (unsigned)*v++;
    return (int)acc;
}

void ptr_swap(int *a, int *b)
{
    int t = *a;
    *a = *b;
    *b = t;
}

long ptr_distance(const char *s)
{
    const char *p = s;
    if (s == NULL)
        return -1;
    while (*p)
        p++;
    return p - s;
}

void ptr_reverse(int *v, size_t n)
{
    int *lo = v, *hi = v + n;
    if (n == 0)
        return;
    for (hi--; lo < hi; lo++, hi--) {
        int t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

int ptr_out(int a, int *out)
{
    int *p = &a;
    *p *= 2;
    if (out != NULL)
        *out = a;
    return a > 0;
}

static void set_via(int **pp, int *target) { *pp = target; }

int ptr_double_indirection(int v)
{
    int x = v;
    int *p = NULL;
    set_via(&p, &x);
    *p = *p + 1;
    return x - v;
}

int ptr_last(const int *v, size_t n) { return n ? v[n - 1] : 0; }

/* An out-parameter that may be NULL: lifted to Option<&mut i32> behind the shim. */
int ptr_div_out(int a, int b, int *quot)
{
    if (b == 0 || (b == -1 && a < -2147483647))
        return 0;
    if (quot != NULL)
        *quot = a / b;
    return 1;
}

/* Out-parameters passed on to functions that lift them the same way: the calls are to
   their safe inner functions, so the caller is safe as well. */
static void set_flag(int *flag, int v)
{
    *flag = v & 7;
}

static int read_flag(const int *flag)
{
    return flag != NULL ? *flag * 10 : -1;
}

void ptr_lifted_chain(int *out, int v)
{
    if (out == NULL)
        return;
    set_flag(out, v);
    *out += read_flag(out);
}

int ptr_lifted_read(const int *in)
{
    return read_flag(in) + read_flag((in));
}

/* A slice passed on with its own (never modified) length: the callee's shim would
   build the same slice, so the safe inner functions call each other directly. */
static int sum_of(const int *v, size_t n)
{
    int s = 0;
    size_t i;
    for (i = 0; i < n; i++)
        s += v[i] & 0xFFFF;
    return s;
}

static void scale_all(int *v, size_t n, int k)
{
    size_t i;
    for (i = 0; i < n; i++)
        v[i] = (v[i] & 0xFFFF) * (k & 7);
}

int ptr_lifted_slices(int *v, size_t n, int k)
{
    size_t i;
    for (i = 0; i < n; i++)
        v[i] &= 0xFFFFF;
    scale_all(v, n, k);
    return sum_of(v, n);
}
