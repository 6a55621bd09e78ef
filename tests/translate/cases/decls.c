/* Declarations: globals, static globals, static locals, designated initialisers. */
#include <stddef.h>

struct config {
    const char *name;
    int level;
    int flags[3];
};

int g_counter = 5;
static int s_hidden;
static const struct config defaults = { .level = 3, .name = "default", .flags = { [2] = 7 } };
static const int table[4] = { [3] = 40, [1] = 10 };
static const char *const words[] = { "zero", "one", "two" };

int decl_next(void)
{
    static int calls = 0;
    calls++;
    return calls + g_counter;
}

int decl_hidden(int v)
{
    s_hidden += v & 0xFF;
    return s_hidden;
}

int decl_defaults(void) { return defaults.level * 100 + defaults.flags[2] + defaults.flags[0]; }
int decl_table(int i) { return (i >= 0 && i < 4) ? table[i] : -1; }
const char *decl_word(int i) { return (i >= 0 && i < 3) ? words[i] : "?"; }
const char *decl_config_name(void) { return defaults.name; }

int decl_locals(int v)
{
    int a = v & 0xFF, b = 2, c;
    struct config local = { "x", .flags = { 1, 2 } };
    c = a * b;
    {
        int a = 1000;
        c += a;
    }
    return c + local.flags[1] + local.level;
}

int decl_compound_literal(int v)
{
    struct config c = (struct config){ "c", v & 7, { 0, 1, 2 } };
    return c.level + c.flags[2];
}

/* `static const` objects without object pointers are immutable Rust statics: reading
   them needs no `unsafe` (function pointers are allowed, string pointers are not). */
struct op_entry {
    int code;
    int (*fn)(int);
    int weights[2];
};

static int twice(int x) { return (int)((unsigned)x * 2u); }

static const struct op_entry op_table[2] = { { 1, twice, { 3, 4 } }, { 2, NULL, { 5, 6 } } };

int decl_table_sum(int n)
{
    int s = 0, k;
    for (k = 0; k < (n & 3); k++)
        s += table[k];
    return s;
}

int decl_const_table(int i)
{
    const struct op_entry *e = &op_table[i & 1];
    const int *w = op_table[i & 1].weights;
    const int *code = &op_table[1].code;
    const int *first = table;
    return (e->fn != NULL ? e->fn(i & 0xFFFF) : e->code) + w[1] + *code + first[3];
}

/* Parameters and locals may shadow file-scope objects in C; a Rust binding cannot
   shadow a `static`, so they are renamed (past every identifier of the function). */
int decl_shadow(int g_counter, int g_counter_)
{
    int table = g_counter & 0xFF;
    return table * 3 + (g_counter_ & 0xFF);
}
