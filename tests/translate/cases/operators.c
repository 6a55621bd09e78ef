/* Arithmetic with C semantics: unsigned wrap-around, guarded signed overflow,
 * truncating division, shifts, comparisons and short-circuit logic. */
#include <limits.h>

unsigned op_uadd(unsigned a, unsigned b) { return a + b; }
unsigned op_umul(unsigned a, unsigned b) { return a * b; }
unsigned op_usub(unsigned a, unsigned b) { return a - b; }
unsigned char op_uchar_wrap(unsigned char a) { a += 200; return a; }

int op_sadd_checked(int a, int b)
{
    if ((b > 0 && a > INT_MAX - b) || (b < 0 && a < INT_MIN - b))
        return 0;
    return a + b;
}

int op_div(int a, int b)
{
    if (b == 0 || (a == INT_MIN && b == -1))
        return 0;
    return a / b;
}

int op_mod(int a, int b)
{
    if (b == 0 || (a == INT_MIN && b == -1))
        return 0;
    return a % b;
}

unsigned op_udiv(unsigned a, unsigned b) { return b ? a / b % 1000u : 0u; }
unsigned op_shl(unsigned a, int n) { return (n >= 0 && n < 32) ? a << n : 0u; }
int op_shr_signed(int a, int n) { return (n >= 0 && n < 32) ? a >> n : 0; }
unsigned op_bits(unsigned a, unsigned b) { return (a & b) | (a ^ ~b); }
int op_compare(int a, int b) { return (a < b) + (a <= b) * 2 + (a == b) * 4 + (a != b) * 8; }
int op_mixed_compare(int a, unsigned b) { return a < b; }   /* a converts to unsigned */
int op_logic(int a, int b) { return (a && b) + (a || b) * 2 + !a * 4; }

static int calls;
static int bump(void) { calls++; return 1; }

int op_short_circuit(int a)
{
    calls = 0;
    if (a && bump())
        calls += 10;
    if (a || bump())
        calls += 100;
    return calls;
}

long op_promote(short a, unsigned char b) { return a * b; }
unsigned long op_long_wrap(unsigned long a) { return a * 3ul + 1ul; }
int op_neg(int a) { return a == INT_MIN ? 0 : -a; }

int op_compound(int a)
{
    unsigned u = (unsigned)a;
    u *= 3u;
    u -= 7u;
    u <<= 1;
    u ^= 0x55u;
    u %= 1000u;
    return (int)u;
}

int op_incdec(int a)
{
    int x = a & 0xFF;
    int y = x++;
    int z = ++x;
    --x;
    return x + y + z--;
}

double op_float(double a, double b) { return a * 2.0 + b / 4.0 - 1.0; }
int op_ternary(int a) { return a > 0 ? 1 : a < 0 ? -1 : 0; }
int op_comma(int a) { int b = (a = a & 7, a + 1); return b; }
