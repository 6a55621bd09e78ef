/*
 * store.c - values (a tagged union), the entry comparators used for sorted
 * listings, and a chained hash table with power-of-two capacity that grows
 * by rehashing.
 */
#include <stdlib.h>
#include <string.h>

#include "kvstore.h"

typedef struct {
    const kv_entry **items;
    size_t count;
    size_t cap;
    kv_status status;
} collector;

void kv_value_free(kv_value *v)
{
    if (v->type == KV_TYPE_STRING)
        free(v->as.s.data);
    v->type = KV_TYPE_INT;
    v->as.i = 0;
}

/* An exact decimal int64 becomes an integer, any other text a string. */
kv_status kv_value_from_text(kv_value *v, const char *text, size_t len)
{
    if (len > KV_MAX_VALUE)
        return KV_ERR_VALUE_TOO_LONG;
    if (kv_parse_int64(text, len, &v->as.i) == KV_OK) {
        v->type = KV_TYPE_INT;
        return KV_OK;
    }
    v->as.s.data = kv_str_dup(text, len);
    if (v->as.s.data == NULL)
        return KV_ERR_NO_MEMORY;
    v->type = KV_TYPE_STRING;
    v->as.s.len = len;
    return KV_OK;
}

size_t kv_value_format(const kv_value *v, char *buf, size_t buf_size)
{
    if (v->type == KV_TYPE_INT)
        return kv_format_int64(v->as.i, buf, buf_size);
    return kv_str_ncopy(buf, buf_size, v->as.s.data, v->as.s.len);
}

/* Comparators over arrays of `const kv_entry *` (qsort element pointers). */
int kv_cmp_key_asc(const void *a, const void *b)
{
    const kv_entry *ea = *(const kv_entry *const *)a;
    const kv_entry *eb = *(const kv_entry *const *)b;

    return strcmp(ea->key, eb->key);
}

int kv_cmp_key_desc(const void *a, const void *b)
{
    return kv_cmp_key_asc(b, a);
}

/* Integers first in numeric order, then strings bytewise; ties by key. */
int kv_cmp_value(const void *a, const void *b)
{
    const kv_value *va = &(*(const kv_entry *const *)a)->value;
    const kv_value *vb = &(*(const kv_entry *const *)b)->value;
    int c = 0;

    if (va->type != vb->type)
        return va->type == KV_TYPE_INT ? -1 : 1;
    if (va->type == KV_TYPE_STRING)
        c = strcmp(va->as.s.data, vb->as.s.data);
    else if (va->as.i != vb->as.i)
        c = va->as.i < vb->as.i ? -1 : 1;
    return c != 0 ? c : kv_cmp_key_asc(a, b);
}

static uint32_t hash_key(const char *key)
{
    return kv_fnv1a((const uint8_t *)key, kv_str_len(key));
}

/* Return the link pointing at key's entry, or at the NULL ending its chain. */
static kv_entry **find_link(const kv_store *st, const char *key, uint32_t h)
{
    kv_entry **link = &st->table.buckets[h & (st->table.capacity - 1u)];

    while (*link != NULL && ((*link)->hash != h || strcmp((*link)->key, key)))
        link = &(*link)->next;
    return link;
}

static kv_status rehash(kv_store *st, uint32_t new_cap)
{
    kv_entry **fresh = calloc(new_cap, sizeof *fresh);
    kv_entry *e, *next;
    uint32_t i;

    if (fresh == NULL)
        return KV_ERR_NO_MEMORY;
    for (i = 0; i < st->table.capacity; i++) {
        for (e = st->table.buckets[i]; e != NULL; e = next) {
            next = e->next;
            e->next = fresh[e->hash & (new_cap - 1u)];
            fresh[e->hash & (new_cap - 1u)] = e;
        }
    }
    free(st->table.buckets);
    st->table.buckets = fresh;
    st->table.capacity = new_cap;
    st->resizes++;
    return KV_OK;
}

kv_store *kv_store_create(uint32_t capacity)
{
    kv_store *st = malloc(sizeof *st);

    if (st == NULL)
        goto fail;
    st->table.capacity = KV_MIN_CAPACITY;
    while (st->table.capacity < capacity &&
           st->table.capacity < KV_MAX_CAPACITY)
        st->table.capacity <<= 1;
    st->table.count = 0;
    st->table.buckets = calloc(st->table.capacity, sizeof(kv_entry *));
    if (st->table.buckets == NULL)
        goto fail_store;
    st->resizes = 0;
    return st;

fail_store:
    free(st);
fail:
    return NULL;
}

void kv_store_destroy(kv_store *st)
{
    kv_entry *e, *next;
    uint32_t i;

    if (st == NULL)
        return;
    for (i = 0; i < st->table.capacity; i++) {
        for (e = st->table.buckets[i]; e != NULL; e = next) {
            next = e->next;
            kv_value_free(&e->value);
            free(e);
        }
    }
    free(st->table.buckets);
    free(st);
}

/* Insert or replace key with *v; on success the store owns v's storage. */
kv_status kv_store_put(kv_store *st, const char *key, kv_value *v)
{
    size_t len = kv_str_len(key);
    kv_status status = kv_check_key(key, len);
    uint32_t h;
    kv_entry **link;
    kv_entry *e;

    if (status != KV_OK)
        return status;
    h = hash_key(key);
    link = find_link(st, key, h);
    if (*link != NULL) {
        kv_value_free(&(*link)->value);
        (*link)->value = *v;
        return KV_OK;
    }
    e = malloc(sizeof *e);
    if (e == NULL)
        return KV_ERR_NO_MEMORY;
    kv_str_ncopy(e->key, sizeof e->key, key, len);
    e->hash = h;
    e->value = *v;
    e->next = NULL;
    *link = e;
    st->table.count++;
    if ((uint64_t)st->table.count * KV_LOAD_DEN >
            (uint64_t)st->table.capacity * KV_LOAD_NUM &&
        st->table.capacity < KV_MAX_CAPACITY)
        (void)rehash(st, st->table.capacity * 2u); /* usable if it fails */
    return KV_OK;
}

kv_status kv_store_set(kv_store *st, const char *key, const char *text,
                       size_t len)
{
    kv_value v;
    kv_status status = kv_check_key(key, kv_str_len(key));

    if (status == KV_OK)
        status = kv_value_from_text(&v, text, len);
    if (status != KV_OK)
        return status;
    status = kv_store_put(st, key, &v);
    if (status != KV_OK)
        kv_value_free(&v);
    return status;
}

kv_entry *kv_store_find(const kv_store *st, const char *key)
{
    if (kv_check_key(key, kv_str_len(key)) != KV_OK)
        return NULL;
    return *find_link(st, key, hash_key(key));
}

kv_status kv_store_delete(kv_store *st, const char *key)
{
    kv_entry **link;
    kv_entry *victim;

    if (kv_check_key(key, kv_str_len(key)) != KV_OK)
        return KV_ERR_NOT_FOUND;
    link = find_link(st, key, hash_key(key));
    victim = *link;
    if (victim == NULL)
        return KV_ERR_NOT_FOUND;
    *link = victim->next;
    kv_value_free(&victim->value);
    free(victim);
    st->table.count--;
    return KV_OK;
}

/* Add delta to key's integer value (a missing key counts as 0). */
kv_status kv_store_incr(kv_store *st, const char *key, int64_t delta,
                        int64_t *result)
{
    kv_entry *e = kv_store_find(st, key);
    int64_t current = 0;
    kv_status status = KV_OK;
    kv_value v;

    if (e != NULL && e->value.type == KV_TYPE_INT)
        current = e->value.as.i;
    else if (e != NULL)
        status = kv_parse_int64(e->value.as.s.data, e->value.as.s.len,
                                &current);
    if (status == KV_OK)
        status = kv_add_int64(current, delta, result);
    if (status != KV_OK)
        return status;
    v.type = KV_TYPE_INT;
    v.as.i = *result;
    return kv_store_put(st, key, &v);
}

void kv_store_foreach(const kv_store *st, kv_visitor fn, void *ctx)
{
    const kv_entry *e;
    uint32_t i;

    for (i = 0; i < st->table.capacity; i++)
        for (e = st->table.buckets[i]; e != NULL; e = e->next)
            fn(e, ctx);
}

static void collect_one(const kv_entry *e, void *ctx)
{
    collector *c = ctx;
    const kv_entry **grown;

    if (c->status != KV_OK)
        return;
    if (c->count == c->cap) {
        grown = realloc(c->items, (c->cap + 8) * sizeof *grown);
        if (grown == NULL) {
            c->status = KV_ERR_NO_MEMORY;
            return;
        }
        c->items = grown;
        c->cap += 8;
    }
    c->items[c->count++] = e;
}

/* Collect all entries into a malloc'd array (caller frees), sorted by cmp. */
kv_status kv_store_collect(const kv_store *st, kv_compare cmp,
                           const kv_entry ***out, size_t *n)
{
    collector c = { NULL, 0, 0, KV_OK };

    kv_store_foreach(st, collect_one, &c);
    if (c.status != KV_OK) {
        free(c.items);
        return c.status;
    }
    if (c.count > 1)
        qsort(c.items, c.count, sizeof *c.items, cmp);
    *out = c.items;
    *n = c.count;
    return KV_OK;
}

/* Move every entry of src into dst (replacing equal keys); src keeps its
 * keys with their values reset to integer 0. */
kv_status kv_store_absorb(kv_store *dst, kv_store *src, size_t *moved)
{
    kv_entry *e;
    uint32_t i;
    kv_status status;

    *moved = 0;
    for (i = 0; i < src->table.capacity; i++) {
        for (e = src->table.buckets[i]; e != NULL; e = e->next) {
            status = kv_store_put(dst, e->key, &e->value);
            if (status != KV_OK)
                return status;
            e->value.type = KV_TYPE_INT;
            (*moved)++;
        }
    }
    return KV_OK;
}
