/* GCC built-ins that glibc's <math.h> macros expand to: isnan, isinf, NAN, INFINITY,
 * HUGE_VAL; and <float.h>'s long double constants converted to double. */
#include <float.h>
#include <math.h>

int bi_classify(double d)
{
    if (isnan(d))
        return 2;
    if (isinf(d))
        return isinf(d) * 3;
    return d == 0.0;
}

int bi_classify_f(float f)
{
    return isnan(f) * 10 + isinf(f) + isinf(-f) * 100;
}

double bi_nan_unless(double d, int keep)
{
    double n = keep ? d : (double)NAN;
    return isnan(n) ? -1.0 : n;
}

float bi_inf_f(int neg)
{
    return neg ? -INFINITY : INFINITY;
}

double bi_huge(int x)
{
    return x > 0 ? HUGE_VAL : x < 0 ? -HUGE_VAL : DBL_MAX;
}

/* cJSON's compare_double: DBL_EPSILON is ((double)2.22...e-16L) */
int bi_close(double a, double b)
{
    double max = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return fabs(a - b) <= max * DBL_EPSILON;
}

double bi_eps_f(void)
{
    return FLT_EPSILON + DBL_MIN;
}

/* Exact <math.h> functions that never set errno are Rust methods. */
double bi_rounding(double x, int which)
{
    switch (which & 3) {
    case 0: return floor(x);
    case 1: return ceil(x);
    case 2: return trunc(x);
    default: return fabs(x);
    }
}

float bi_rounding_f(float x, int which)
{
    return which > 0 ? floorf(x) + ceilf(x) : truncf(x) - fabsf(x);
}
