/*
 * kvstore.h - public interface of the kvstore library and CLI: a chained
 * hash table of integer or string values, a line-oriented command language,
 * a CRC-protected text dump format, and usage statistics.
 */
#ifndef KVSTORE_H
#define KVSTORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define KV_MAX_KEY 32           /* bytes of a key, including the NUL */
#define KV_MAX_VALUE 128        /* bytes of a string value, without the NUL */
#define KV_MAX_LINE 512         /* bytes of one input line, including the NUL */
#define KV_MAX_ARGS 8           /* tokens of one command line */
#define KV_INT_BUF 24           /* "-9223372036854775808" plus NUL fits */
#define KV_DEFAULT_CAPACITY 8u
#define KV_MIN_CAPACITY 2u
#define KV_MAX_CAPACITY 65536u
#define KV_LOAD_NUM 3u          /* grow when count / capacity > 3 / 4 */
#define KV_LOAD_DEN 4u
#define KV_FNV_OFFSET 2166136261u
#define KV_FNV_PRIME 16777619u
#define KV_CRC_POLY 0xEDB88320u
#define KV_DUMP_MAGIC "KVDUMP"
#define KV_EXIT_STRICT 1        /* an error in --strict mode */
#define KV_EXIT_IO 2            /* the script cannot be opened */
#define KV_EXIT_USAGE 64        /* bad command-line options */

typedef enum {
    KV_OK = 0, KV_ERR_NOT_FOUND, KV_ERR_KEY_TOO_LONG, KV_ERR_VALUE_TOO_LONG,
    KV_ERR_BAD_KEY, KV_ERR_NOT_INTEGER, KV_ERR_OVERFLOW, KV_ERR_NO_MEMORY,
    KV_ERR_IO, KV_ERR_FORMAT, KV_ERR_USAGE, KV_ERR_UNKNOWN_COMMAND,
    KV_STATUS_COUNT
} kv_status;

typedef enum { KV_TYPE_STRING = 0, KV_TYPE_INT } kv_type;

typedef enum {
    KV_CMD_SET = 0, KV_CMD_GET, KV_CMD_DEL, KV_CMD_INCR, KV_CMD_LIST,
    KV_CMD_STATS, KV_CMD_DUMP, KV_CMD_LOAD, KV_CMD_CHECKSUM,
    KV_CMD_QUIT, KV_CMD_COUNT
} kv_command_id;

/* A value: a tagged union of a 64-bit integer and an owned byte string. */
typedef struct {
    kv_type type;
    union {
        int64_t i;
        struct {
            char *data;         /* malloc'd, NUL-terminated, no inner NUL */
            size_t len;
        } s;
    } as;
} kv_value;

typedef struct kv_entry {
    char key[KV_MAX_KEY];
    uint32_t hash;
    kv_value value;
    struct kv_entry *next;
} kv_entry;

typedef struct {
    struct {
        kv_entry **buckets;
        uint32_t capacity;      /* always a power of two */
        uint32_t count;
    } table;
    uint32_t resizes;
} kv_store;

typedef struct {
    struct {
        uint64_t calls;
        uint64_t failures;
    } commands[KV_CMD_COUNT];
    uint64_t hits;
    uint64_t misses;
    uint32_t lines;
} kv_stats;

typedef struct {
    kv_store *store;
    FILE *out;
    FILE *err;
    int strict;
    int quit;
    int exit_status;
    unsigned long line_no;
} kv_session;

typedef kv_status (*kv_handler)(kv_session *s, char **argv);
typedef int (*kv_compare)(const void *a, const void *b);
typedef void (*kv_visitor)(const kv_entry *e, void *ctx);

typedef struct {
    const char *name;
    kv_command_id id;
    int min_args;               /* not counting the command name */
    int max_args;
    kv_handler fn;
    const char *usage;
} kv_command;

extern kv_stats g_kv_stats;     /* defined in stats.c */

/* strutil.c */
size_t kv_str_len(const char *s);
size_t kv_str_ncopy(char *dst, size_t dst_size, const char *src, size_t n);
char *kv_trim(char *s);
char *kv_str_dup(const char *s, size_t len);
kv_status kv_parse_int64(const char *s, size_t len, int64_t *out);
kv_status kv_parse_uint32(const char *s, size_t len, uint32_t *out);
size_t kv_format_int64(int64_t v, char *buf, size_t buf_size);
void kv_format_hex32(uint32_t v, char out[9]);
kv_status kv_add_int64(int64_t a, int64_t b, int64_t *out);
kv_status kv_check_key(const char *key, size_t len);
kv_status kv_escape(const char *src, size_t len, char *dst, size_t dst_size,
                    size_t *out_len);
kv_status kv_tokenize(char *line, char **argv, int max_args, int *argc);

/* hash.c */
uint32_t kv_fnv1a(const uint8_t *data, size_t len);
uint32_t kv_crc32_update(uint32_t crc, const uint8_t *data, size_t len);
uint32_t kv_crc32(const uint8_t *data, size_t len);

/* store.c */
void kv_value_free(kv_value *v);
kv_status kv_value_from_text(kv_value *v, const char *text, size_t len);
size_t kv_value_format(const kv_value *v, char *buf, size_t buf_size);
int kv_cmp_key_asc(const void *a, const void *b);
int kv_cmp_key_desc(const void *a, const void *b);
int kv_cmp_value(const void *a, const void *b);
kv_store *kv_store_create(uint32_t capacity);
void kv_store_destroy(kv_store *st);
kv_status kv_store_put(kv_store *st, const char *key, kv_value *v);
kv_status kv_store_set(kv_store *st, const char *key, const char *text,
                       size_t len);
kv_entry *kv_store_find(const kv_store *st, const char *key);
kv_status kv_store_delete(kv_store *st, const char *key);
kv_status kv_store_incr(kv_store *st, const char *key, int64_t delta,
                        int64_t *result);
void kv_store_foreach(const kv_store *st, kv_visitor fn, void *ctx);
kv_status kv_store_collect(const kv_store *st, kv_compare cmp,
                           const kv_entry ***out, size_t *n);
kv_status kv_store_absorb(kv_store *dst, kv_store *src, size_t *moved);

/* record.c */
kv_status kv_dump_file(const kv_store *st, const char *path, uint32_t *crc);
kv_status kv_load_file(kv_store *st, const char *path, size_t *loaded);
kv_status kv_store_checksum(const kv_store *st, uint32_t *crc);

/* stats.c */
void kv_stats_record(kv_command_id cmd, kv_status status);
void kv_stats_print(FILE *out, const kv_store *st, int level);
const char *kv_status_str(kv_status status);

/* command.c */
const char *kv_command_name(kv_command_id id);
kv_status kv_session_exec(kv_session *s, char *line);
int kv_session_run(kv_session *s, FILE *in);

#endif /* KVSTORE_H */
