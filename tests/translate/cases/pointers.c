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
