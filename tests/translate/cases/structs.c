/* Structs, unions, enums, nested and anonymous members, struct copies. */
#include <stddef.h>
#include <stdint.h>

enum color { RED, GREEN = 5, BLUE };
typedef enum { SHAPE_CIRCLE = 1, SHAPE_RECT } shape_kind;

struct point {
    int x;
    int y;
};

typedef struct {
    shape_kind kind;
    struct point origin;
    union {
        int radius;
        struct {
            int w;
            int h;
        } size;
    } u;
} shape;

struct tagged {
    char tag;
    double value;
    short small;
};

union pun {
    uint32_t word;
    uint8_t bytes[4];
};

typedef struct node {
    int value;
    struct node *next;
} node;

int st_color(int c) { return c == GREEN ? BLUE : RED; }

long st_area(const shape *s)
{
    if (s == NULL)
        return -1;
    if (s->kind == SHAPE_CIRCLE)
        return 3L * s->u.radius * s->u.radius;
    return (long)s->u.size.w * s->u.size.h;
}

int st_init_shape(shape *s, int w, int h)
{
    struct point o = { 1, 2 };
    s->kind = SHAPE_RECT;
    s->origin = o;
    s->u.size.w = w & 0xFFF;
    s->u.size.h = h & 0xFFF;
    return s->origin.x + s->origin.y;
}

size_t st_sizeof_tagged(void) { return sizeof(struct tagged); }
size_t st_sizeof_shape(void) { return sizeof(shape); }

unsigned st_low_byte(uint32_t w)
{
    union pun p;
    p.word = w;
    return p.bytes[0];
}

int st_list_sum(int n)
{
    node nodes[4];
    node *head = NULL;
    int i, sum = 0;
    for (i = 0; i < 4; i++) {
        nodes[i].value = (n & 0xFF) + i;
        nodes[i].next = head;
        head = &nodes[i];
    }
    for (; head != NULL; head = head->next)
        sum += head->value;
    return sum;
}

int st_copy(int v)
{
    struct point a = { v & 0xFFFF, 7 };
    struct point b;
    b = a;
    b.x += 1;
    return a.x * 10 + b.x - b.y;
}

/* A struct pointer only read through `->`, checked for NULL: a safe inner function. */
int st_point_sum(const struct point *p)
{
    if (!p)
        return -1;
    return (p->x & 0xFFFF) + (p->y & 0xFFFF);
}
