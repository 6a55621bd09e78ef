/*
 * command.c - the command language: a dispatch table of handlers searched
 * with bsearch, line execution with error reporting, and the read loop.
 */
#include <stdlib.h>
#include <string.h>

#include "kvstore.h"

static const struct {
    const char *name;
    kv_compare cmp;
} sort_modes[] = {
    { "asc", kv_cmp_key_asc },
    { "desc", kv_cmp_key_desc },
    { "value", kv_cmp_value },
};

static void print_value(FILE *out, const kv_value *v)
{
    char buf[KV_MAX_VALUE + 1];
    size_t len = kv_value_format(v, buf, sizeof buf);

    fwrite(buf, 1, len, out);
    fputc('\n', out);
}

static kv_status cmd_set(kv_session *s, char **argv)
{
    kv_status st = kv_store_set(s->store, argv[1], argv[2],
                                kv_str_len(argv[2]));

    if (st == KV_OK)
        fputs("OK\n", s->out);
    return st;
}

static kv_status cmd_get(kv_session *s, char **argv)
{
    kv_status st = kv_check_key(argv[1], kv_str_len(argv[1]));
    const kv_entry *e;

    if (st != KV_OK)
        return st;
    e = kv_store_find(s->store, argv[1]);
    if (e == NULL) {
        g_kv_stats.misses++;
        fputs("(nil)\n", s->out);
    } else {
        g_kv_stats.hits++;
        print_value(s->out, &e->value);
    }
    return KV_OK;
}

static kv_status cmd_del(kv_session *s, char **argv)
{
    kv_status st = kv_store_delete(s->store, argv[1]);

    if (st == KV_OK)
        fputs("OK\n", s->out);
    return st;
}

static kv_status cmd_incr(kv_session *s, char **argv)
{
    int64_t delta = 1;
    int64_t result;
    kv_status st = KV_OK;

    if (argv[2] != NULL)
        st = kv_parse_int64(argv[2], kv_str_len(argv[2]), &delta);
    if (st == KV_OK)
        st = kv_store_incr(s->store, argv[1], delta, &result);
    if (st == KV_OK)
        fprintf(s->out, "%lld\n", (long long)result);
    return st;
}

/* list [asc|desc|value]: every entry as key=value, then a count line. */
static kv_status cmd_list(kv_session *s, char **argv)
{
    const char *mode = argv[1] != NULL ? argv[1] : "asc";
    const kv_entry **items = NULL;
    kv_compare cmp = NULL;
    size_t n = 0, i;
    kv_status st;

    for (i = 0; i < sizeof sort_modes / sizeof sort_modes[0]; i++)
        if (strcmp(mode, sort_modes[i].name) == 0)
            cmp = sort_modes[i].cmp;
    if (cmp == NULL)
        return KV_ERR_USAGE;
    st = kv_store_collect(s->store, cmp, &items, &n);
    if (st != KV_OK)
        return st;
    for (i = 0; i < n; i++) {
        fprintf(s->out, "%s=", items[i]->key);
        print_value(s->out, &items[i]->value);
    }
    fprintf(s->out, "(%lu %s)\n", (unsigned long)n, n == 1 ? "key" : "keys");
    free(items);
    return KV_OK;
}

static kv_status cmd_stats(kv_session *s, char **argv)
{
    uint32_t level = 1;
    kv_status st = KV_OK;

    if (argv[1] != NULL)
        st = kv_parse_uint32(argv[1], kv_str_len(argv[1]), &level);
    if (st == KV_OK)
        kv_stats_print(s->out, s->store, level > 2u ? 2 : (int)level);
    return st;
}

static kv_status cmd_dump(kv_session *s, char **argv)
{
    uint32_t crc = 0;
    char hex[9];
    kv_status st = kv_dump_file(s->store, argv[1], &crc);

    if (st != KV_OK)
        return st;
    kv_format_hex32(crc, hex);
    fprintf(s->out, "OK %lu keys crc %s\n",
            (unsigned long)s->store->table.count, hex);
    return KV_OK;
}

static kv_status cmd_load(kv_session *s, char **argv)
{
    size_t loaded = 0;
    kv_status st = kv_load_file(s->store, argv[1], &loaded);

    if (st == KV_OK)
        fprintf(s->out, "OK %lu keys loaded\n", (unsigned long)loaded);
    return st;
}

static kv_status cmd_checksum(kv_session *s, char **argv)
{
    uint32_t crc = 0;
    char hex[9];
    kv_status st = kv_store_checksum(s->store, &crc);

    (void)argv;
    kv_format_hex32(crc, hex);
    if (st == KV_OK)
        fprintf(s->out, "%s\n", hex);
    return st;
}

static kv_status cmd_quit(kv_session *s, char **argv)
{
    uint32_t code = 0;
    kv_status st = KV_OK;

    if (argv[1] != NULL)
        st = kv_parse_uint32(argv[1], kv_str_len(argv[1]), &code);
    if (st == KV_OK && code > 255u)
        st = KV_ERR_OVERFLOW;
    if (st != KV_OK)
        return st;
    s->quit = 1;
    s->exit_status = (int)code;
    return KV_OK;
}

/* Sorted by name for bsearch. */
static const kv_command commands[] = {
    { "checksum", KV_CMD_CHECKSUM, 0, 0, cmd_checksum, "checksum" },
    { "del", KV_CMD_DEL, 1, 1, cmd_del, "del KEY" },
    { "dump", KV_CMD_DUMP, 1, 1, cmd_dump, "dump FILE" },
    { "get", KV_CMD_GET, 1, 1, cmd_get, "get KEY" },
    { "incr", KV_CMD_INCR, 1, 2, cmd_incr, "incr KEY [N]" },
    { "list", KV_CMD_LIST, 0, 1, cmd_list, "list [asc|desc|value]" },
    { "load", KV_CMD_LOAD, 1, 1, cmd_load, "load FILE" },
    { "quit", KV_CMD_QUIT, 0, 1, cmd_quit, "quit [STATUS]" },
    { "set", KV_CMD_SET, 2, 2, cmd_set, "set KEY VALUE" },
    { "stats", KV_CMD_STATS, 0, 1, cmd_stats, "stats [LEVEL]" },
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static int command_name_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const kv_command *)elem)->name);
}

static const kv_command *find_command(const char *name)
{
    return bsearch(name, commands, N_COMMANDS, sizeof commands[0],
                   command_name_cmp);
}

const char *kv_command_name(kv_command_id id)
{
    size_t i;

    for (i = 0; i < N_COMMANDS; i++)
        if (commands[i].id == id)
            return commands[i].name;
    return "?";
}

static void report(kv_session *s, const char *what, kv_status st)
{
    fprintf(s->err, "error: line %lu: %s: %s\n", s->line_no, what,
            kv_status_str(st));
    if (s->strict) {
        s->quit = 1;
        s->exit_status = KV_EXIT_STRICT;
    }
}

/* Execute one input line; returns the status of the command. */
kv_status kv_session_exec(kv_session *s, char *line)
{
    char *argv[KV_MAX_ARGS + 1];
    int argc = 0;
    const kv_command *c;
    kv_status st;

    line = kv_trim(line);
    if (*line == '\0' || *line == '#')
        return KV_OK;
    st = kv_tokenize(line, argv, KV_MAX_ARGS, &argc);
    if (st != KV_OK) {
        report(s, "parse", st);
        return st;
    }
    c = find_command(argv[0]);
    if (c == NULL) {
        report(s, argv[0], KV_ERR_UNKNOWN_COMMAND);
        return KV_ERR_UNKNOWN_COMMAND;
    }
    if (argc - 1 < c->min_args || argc - 1 > c->max_args)
        st = KV_ERR_USAGE;
    else
        st = c->fn(s, argv);
    kv_stats_record(c->id, st);
    if (st == KV_ERR_USAGE)
        fprintf(s->err, "usage: %s\n", c->usage);
    if (st != KV_OK)
        report(s, c->name, st);
    return st;
}

/* Run commands from `in` until EOF or quit; returns the exit status. */
int kv_session_run(kv_session *s, FILE *in)
{
    char line[KV_MAX_LINE];
    int ch;

    while (!s->quit && fgets(line, sizeof line, in) != NULL) {
        size_t len = kv_str_len(line);

        s->line_no++;
        g_kv_stats.lines++;
        if (len == sizeof line - 1 && line[len - 1] != '\n') {
            do {                /* skip the rest of the over-long line */
                ch = fgetc(in);
            } while (ch != EOF && ch != '\n');
            report(s, "input", KV_ERR_VALUE_TOO_LONG);
            continue;
        }
        kv_session_exec(s, line);
    }
    return s->exit_status;
}
