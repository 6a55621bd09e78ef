/*
 * record.c - the text dump format and its CRC-32.
 *
 *   KVDUMP <version> <count>
 *   i <key> <decimal>
 *   s <key> "<escaped bytes>"
 *   END <crc32 of all preceding bytes, 8 hex digits>
 *
 * Records are written in ascending key order so dumps are reproducible.
 */
#include <stdlib.h>
#include <string.h>

#include "kvstore.h"

#define DUMP_VERSION 1
#define RECORD_MAX (4 * KV_MAX_VALUE + KV_MAX_KEY + 16)

/* Encode one entry as a dump line (with its newline) into buf. */
static kv_status encode_record(const kv_entry *e, char *buf, size_t buf_size,
                              size_t *out_len)
{
    size_t key_len = kv_str_len(e->key);
    size_t n = 0;
    size_t esc_len;
    kv_status st;

    if (buf_size < key_len + KV_INT_BUF + 8)
        return KV_ERR_VALUE_TOO_LONG;
    buf[n++] = e->value.type == KV_TYPE_INT ? 'i' : 's';
    buf[n++] = ' ';
    memcpy(buf + n, e->key, key_len);
    n += key_len;
    buf[n++] = ' ';
    if (e->value.type == KV_TYPE_INT) {
        n += kv_format_int64(e->value.as.i, buf + n, buf_size - n);
    } else {
        buf[n++] = '"';
        st = kv_escape(e->value.as.s.data, e->value.as.s.len, buf + n,
                       buf_size - n - 2, &esc_len);
        if (st != KV_OK)
            return st;
        n += esc_len;
        buf[n++] = '"';
    }
    buf[n++] = '\n';
    buf[n] = '\0';
    *out_len = n;
    return KV_OK;
}

/* Write line to fp (unless fp is NULL) and fold it into *crc. */
static int emit(FILE *fp, const char *line, size_t len, uint32_t *crc)
{
    if (crc != NULL)
        *crc = kv_crc32_update(*crc, (const uint8_t *)line, len);
    return fp == NULL || fwrite(line, 1, len, fp) == len ? 0 : -1;
}

/* Produce the whole dump, sorted by key, into fp (NULL: checksum only). */
static kv_status emit_dump(const kv_store *st, FILE *fp, uint32_t *crc_out)
{
    char line[RECORD_MAX];
    char hex[9];
    const kv_entry **items = NULL;
    size_t n = 0, i, len;
    uint32_t crc = 0;
    kv_status status;

    status = kv_store_collect(st, kv_cmp_key_asc, &items, &n);
    if (status != KV_OK)
        return status;
    len = (size_t)sprintf(line, "%s %d %lu\n", KV_DUMP_MAGIC, DUMP_VERSION,
                          (unsigned long)n);
    if (emit(fp, line, len, &crc) != 0)
        goto io_error;
    for (i = 0; i < n; i++) {
        status = encode_record(items[i], line, sizeof line, &len);
        if (status != KV_OK)
            goto done;
        if (emit(fp, line, len, &crc) != 0)
            goto io_error;
    }
    kv_format_hex32(crc, hex);
    len = (size_t)sprintf(line, "END %s\n", hex);
    if (emit(fp, line, len, NULL) != 0)
        goto io_error;
    *crc_out = crc;
    status = KV_OK;
    goto done;

io_error:
    status = KV_ERR_IO;
done:
    free(items);
    return status;
}

kv_status kv_store_checksum(const kv_store *st, uint32_t *crc)
{
    return emit_dump(st, NULL, crc);
}

kv_status kv_dump_file(const kv_store *st, const char *path, uint32_t *crc)
{
    FILE *fp = fopen(path, "w");
    kv_status status;

    if (fp == NULL)
        return KV_ERR_IO;
    status = emit_dump(st, fp, crc);
    if (fclose(fp) != 0 && status == KV_OK)
        status = KV_ERR_IO;
    return status;
}

/* Parse "KVDUMP <version> <count>" into *count. */
static kv_status parse_header(char *line, uint32_t *count)
{
    char *argv[5];
    int argc = 0;
    uint32_t version;

    if (kv_tokenize(line, argv, 4, &argc) != KV_OK || argc != 3)
        return KV_ERR_FORMAT;
    if (strcmp(argv[0], KV_DUMP_MAGIC) != 0)
        return KV_ERR_FORMAT;
    if (kv_parse_uint32(argv[1], kv_str_len(argv[1]), &version) != KV_OK ||
        version != DUMP_VERSION)
        return KV_ERR_FORMAT;
    if (kv_parse_uint32(argv[2], kv_str_len(argv[2]), count) != KV_OK)
        return KV_ERR_FORMAT;
    return KV_OK;
}

/* Decode one record line into `into`; string records keep their type. */
static kv_status decode_record(char *line, kv_store *into)
{
    char *argv[5];
    int argc = 0;
    kv_value v;
    size_t len;
    kv_status st;

    if (kv_tokenize(line, argv, 4, &argc) != KV_OK || argc != 3)
        return KV_ERR_FORMAT;
    len = kv_str_len(argv[2]);
    if (strcmp(argv[0], "i") == 0) {
        v.type = KV_TYPE_INT;
        if (kv_parse_int64(argv[2], len, &v.as.i) != KV_OK)
            return KV_ERR_FORMAT;
    } else if (strcmp(argv[0], "s") == 0 && len <= KV_MAX_VALUE) {
        v.type = KV_TYPE_STRING;
        v.as.s.len = len;
        v.as.s.data = kv_str_dup(argv[2], len);
        if (v.as.s.data == NULL)
            return KV_ERR_NO_MEMORY;
    } else {
        return KV_ERR_FORMAT;
    }
    st = kv_store_put(into, argv[1], &v);
    if (st != KV_OK)
        kv_value_free(&v);
    return st;
}

/* Read a whole line into buf; a line longer than the buffer is an error. */
static kv_status read_line(FILE *fp, char *buf, size_t size)
{
    size_t len;

    if (fgets(buf, (int)size, fp) == NULL)
        return ferror(fp) ? KV_ERR_IO : KV_ERR_FORMAT;
    len = kv_str_len(buf);
    if (len == 0 || buf[len - 1] != '\n')
        return KV_ERR_FORMAT;
    return KV_OK;
}

/* Load a dump atomically: records go to a scratch store first and move
 * into st only when the whole file, its count and its CRC check out. */
kv_status kv_load_file(kv_store *st, const char *path, size_t *loaded)
{
    kv_store *scratch = NULL;
    char *line = NULL;
    FILE *fp;
    uint32_t crc = 0, count = 0, i;
    char hex[9], trailer[16];
    kv_status status;

    fp = fopen(path, "r");
    if (fp == NULL)
        return KV_ERR_IO;
    status = KV_ERR_NO_MEMORY;
    line = malloc(RECORD_MAX);
    scratch = kv_store_create(KV_DEFAULT_CAPACITY);
    if (line == NULL || scratch == NULL)
        goto cleanup;
    status = read_line(fp, line, RECORD_MAX);
    if (status != KV_OK)
        goto cleanup;
    crc = kv_crc32((const uint8_t *)line, kv_str_len(line));
    status = parse_header(line, &count);
    for (i = 0; i < count && status == KV_OK; i++) {
        status = read_line(fp, line, RECORD_MAX);
        if (status != KV_OK)
            break;
        crc = kv_crc32_update(crc, (const uint8_t *)line, kv_str_len(line));
        status = decode_record(line, scratch);
    }
    if (status != KV_OK)
        goto cleanup;
    status = read_line(fp, line, RECORD_MAX);
    kv_format_hex32(crc, hex);
    sprintf(trailer, "END %s\n", hex);
    if (status == KV_OK && strcmp(line, trailer) != 0)
        status = KV_ERR_FORMAT;
    if (status == KV_OK)
        status = kv_store_absorb(st, scratch, loaded);

cleanup:
    kv_store_destroy(scratch);
    free(line);
    fclose(fp);
    return status;
}
