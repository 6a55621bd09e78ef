/* C originals for tests/verify/test_fuzz.py: one function per behaviour under test. */
#include "units.h"

int counter = 0;
int untouched = 7;

/* a loop over a pointer + length buffer */
long sum(const int *buf, size_t len) {
    long s = 0;
    for (size_t i = 0; i < len; i++) s += buf[i];
    return s;
}

/* sign matters */
int diff(int a, int b) { return (int)((unsigned)a - (unsigned)b); }

/* writes a NUL-terminated string into dst (n bytes), returns the length copied */
size_t copy_str(char *dst, size_t n, const char *src) {
    size_t i = 0;
    if (n == 0) return 0;
    for (; i + 1 < n && src[i]; i++) dst[i] = src[i];
    dst[i] = '\0';
    return i;
}

/* crashes on negative input, in C and in a faithful translation */
int crash_neg(int x) {
    if (x < 0) { volatile int *p = 0; *p = x; }
    return x / 2;
}

int half(int x) { return x / 2; }

/* a callee in another file (helpers.c) */
int apply(int x) { return (int)((unsigned)triple(x) + 1u); }

void tick(int by) { counter = (int)((unsigned)counter + (unsigned)by); }

int manhattan(struct point p) { return (p.x < 0 ? -p.x : p.x) + (p.y < 0 ? -p.y : p.y); }

void swap_point(struct point *p) { int t = p->x; p->x = p->y; p->y = t; }

double halve(double x) { return x / 2; }

int node_value(const struct node *n) { return n->value; }

static int helper(int x) { return x + 1; }

int uses_helper(int x) { return helper(x) - 1; }

/* hangs on large input, in C and in a faithful translation */
int spin(int x) {
    volatile int go = 1;
    while (x > 1000 && go) {}
    return x;
}
