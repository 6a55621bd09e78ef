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
