/*
 * hash.c - the FNV-1a hash and a table-driven CRC-32, both relying on
 * 32-bit unsigned wrap-around.
 */
#include "kvstore.h"

/* 32-bit FNV-1a over data[0..len). */
uint32_t kv_fnv1a(const uint8_t *data, size_t len)
{
    uint32_t h = KV_FNV_OFFSET;
    const uint8_t *end = data + len;

    while (data < end) {
        h ^= *data++;
        h *= KV_FNV_PRIME;      /* wraps modulo 2^32 */
    }
    return h;
}

/* The CRC-32 (IEEE, reflected) table, built on first use. */
static const uint32_t *crc_table(void)
{
    static uint32_t table[256];
    static int ready = 0;
    uint32_t i, c;
    int bit;

    for (i = 0; !ready && i < 256u; i++) {
        c = i;
        for (bit = 0; bit < 8; bit++)
            c = (c & 1u) ? KV_CRC_POLY ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    ready = 1;
    return table;
}

/* Continue a CRC-32 over data[0..len); start with crc = 0. */
uint32_t kv_crc32_update(uint32_t crc, const uint8_t *data, size_t len)
{
    const uint32_t *table = crc_table();
    size_t i;

    crc = ~crc;
    for (i = 0; i < len; i++)
        crc = table[(crc ^ data[i]) & 0xFFu] ^ (crc >> 8);
    return ~crc;
}

uint32_t kv_crc32(const uint8_t *data, size_t len)
{
    return kv_crc32_update(0u, data, len);
}
