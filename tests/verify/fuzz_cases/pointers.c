/* C originals with pointers inside structures, for tests/verify/test_fuzz.py. */
#include <stdlib.h>
#include <string.h>

struct link { int value; struct link *next; };
struct tree { int value; struct tree *left; struct tree *right; };
struct entry {
    struct entry *next, *prev;
    char *key;
    int count;
    int *weight;
    int (*compare)(int, int);
    void *user;
};
union number { int i; float f; };

/* a linked list */
int list_len(const struct link *head) {
    int n = 0;
    for (; head; head = head->next) n++;
    return n;
}

/* a binary tree */
long tree_sum(const struct tree *t) {
    if (!t) return 0;
    return t->value + tree_sum(t->left) + tree_sum(t->right);
}

/* a constructor returning a malloc'ed structure that owns a copy of its key */
struct entry *entry_new(const char *key, int value) {
    struct entry *e = calloc(1, sizeof *e);
    if (!e) return NULL;
    e->key = strdup(key);
    e->count = value;
    e->prev = e;
    return e;
}

/* frees its argument and everything it owns */
void entry_free(struct entry *e) {
    while (e) {
        struct entry *next = e->next;
        free(e->key);
        free(e->weight);
        free(e);
        e = next;
    }
}

/* reads through a pointer to a scalar held by a structure */
int entry_weight(const struct entry *e) { return e && e->weight ? *e->weight : -1; }

int number_int(union number *n) { return n->i; }

/* a structure defined in place, inside another */
struct holder { int n; struct { int a; char *s; } inner; };

int holder_a(const struct holder *h) { return h->n + h->inner.a; }
