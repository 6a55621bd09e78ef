/* Control flow: if/else chains, loops, break/continue, switch with fall-through,
 * do/while, forward goto cleanup. */
#include <assert.h>
#include <stdlib.h>

int stmt_classify(int v)
{
    if (v < 0)
        return -1;
    else if (v == 0)
        return 0;
    else if (v < 100)
        return 1;
    return 2;
}

int stmt_switch(int v)
{
    int acc = 0;
    switch (v) {
    case 0:
        acc += 1;
        /* fall through */
    case 1:
    case 2:
        acc += 10;
        break;
    case 3:
        acc = 300;
        /* fall through */
    default:
        acc += 1000;
        break;
    case -1:
        return -5;
    }
    return acc;
}

int stmt_loops(int n)
{
    int i, sum = 0;
    if (n < 0 || n > 1000)
        return 0;
    for (i = 0; i < n; i++) {
        if (i % 3 == 0)
            continue;
        if (i > 50)
            break;
        sum += i;
    }
    while (n > 10)
        n /= 2;
    do {
        sum++;
        if (sum % 7 == 0)
            continue;
        sum += 2;
    } while (sum % 5 != 0);
    return sum + n;
}

int stmt_nested_break(int n)
{
    int i, j, found = -1;
    for (i = 0; i < 10 && found < 0; i++)
        for (j = 0; j < 10; j++)
            if (i * j == (n & 63)) {
                found = i * 100 + j;
                break;
            }
    return found;
}

int stmt_goto_cleanup(int n)
{
    int status = -1;
    int *a = malloc(16 * sizeof *a);
    int *b;

    if (a == NULL)
        goto fail;
    b = malloc(16 * sizeof *b);
    if (b == NULL)
        goto fail_a;
    if (n < 0) {
        status = -2;
        goto done;
    }
    a[0] = n & 0xFF;
    b[0] = a[0] * 2;
    status = a[0] + b[0];
done:
    free(b);
fail_a:
    free(a);
fail:
    return status;
}

int stmt_switch_in_loop(int n)
{
    int i, out = 0;
    for (i = 0; i < 6; i++) {
        switch ((i + n) & 3) {
        case 0:
            continue;
        case 1:
            out += 1;
            break;
        default:
            out += 5;
        }
        out *= 2;
    }
    return out;
}

/* Backward gotos (a retry loop) mixed with forward ones. */
int stmt_goto_retry(int n)
{
    int tries = 0, acc = 0;

    if (n < 0)
        goto again;
    acc = n & 0xFF;
again:
    tries++;
    acc += tries;
    if (tries < 3)
        goto again;
    if (acc > 200)
        goto out;
    acc *= 2;
out:
    return acc + tries * 1000;
}

/* A declaration inside a case is visible in the cases after it. */
int stmt_switch_decl(int v)
{
    switch (v & 3) {
    case 0:
        v = 1;
        int x = 5;
        v += x;
        /* fall through */
    case 1:
        x = 7;
        v += x;
        break;
    default:
        v = -1;
    }
    return v;
}

/* glibc's assert is a GNU statement expression without a value (CHECK is its expansion,
   with a file name that does not depend on where the tests run); a `break` inside one
   leaves the enclosing loop. */
#define CHECK(expr) ((void) sizeof ((expr) ? 1 : 0), __extension__ ({ \
        if (expr) ; else __assert_fail (#expr, "statements.c", __LINE__, \
                                        __extension__ __PRETTY_FUNCTION__); }))

int stmt_assert(int a, int b)
{
    CHECK(b != 0);
    CHECK(a > -1000 && "a is not too small");
    return a / (b | 1);
}

int stmt_gnu_block(int n)
{
    int s = 0;
    int k = n & 1023;
    while (1) {
        ({ if (k <= 0) break; if (k & 1) s += k; });
        k--;
    }
    return s;
}

/* The failure call of an assertion with literal arguments needs no `unsafe`, so a
   function asserting its out-parameter is lifted and safe. */
void stmt_assert_out(int *out, int v)
{
    CHECK(out != NULL);
    *out = v & 0xFF;
}
