/* Local, static and multi-dimensional arrays; array parameters decay to pointers. */
#include <stddef.h>

static const int primes[] = { 2, 3, 5, 7, 11, 13 };

int arr_prime(int i)
{
    if (i < 0 || (size_t)i >= sizeof primes / sizeof primes[0])
        return -1;
    return primes[i];
}

int arr_local(int k)
{
    int a[8];
    int i;
    unsigned sum = 0;
    for (i = 0; i < 8; i++)
        a[i] = i * (k & 15);
    for (i = 0; i < 8; i++)
        sum += (unsigned)a[i];
    return (int)sum;
}

int arr_matrix(int r, int c)
{
    int m[3][4];
    int i, j;
    for (i = 0; i < 3; i++)
        for (j = 0; j < 4; j++)
            m[i][j] = i * 10 + j;
    if (r < 0 || r >= 3 || c < 0 || c >= 4)
        return -1;
    return m[r][c];
}

void arr_fill(unsigned char *buf, size_t n, unsigned char v)
{
    size_t i;
    for (i = 0; i < n; i++)
        buf[i] = (unsigned char)(v + i);
}

int arr_max(const int *v, size_t n)
{
    int best = 0;
    size_t i;
    for (i = 0; i < n; i++)
        if (i == 0 || v[i] > best)
            best = v[i];
    return best;
}

int arr_counter(void)
{
    static int history[4];
    static int next;
    history[next % 4] += 1;
    next++;
    return history[0] + history[1] * 10 + history[2] * 100 + history[3] * 1000;
}

int arr_partial_init(int i)
{
    int a[6] = { 1, 2, [4] = 9 };
    return (i >= 0 && i < 6) ? a[i] : -1;
}
