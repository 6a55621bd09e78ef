/*
 * main.c - the kvstore program:
 *   kvstore [--script FILE] [--capacity N] [--strict]
 * Commands come from FILE or standard input; results go to standard output,
 * errors to standard error.
 */
#include <string.h>

#include "kvstore.h"

typedef struct {
    const char *script;
    uint32_t capacity;
    int strict;
} options;

static const char *const usage_text =
    "usage: kvstore [--script FILE] [--capacity N] [--strict]\n";

static int parse_options(int argc, char **argv, options *o)
{
    kv_status st;
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--script") == 0 && i + 1 < argc) {
            o->script = argv[++i];
        } else if (strcmp(argv[i], "--capacity") == 0 && i + 1 < argc) {
            i++;
            st = kv_parse_uint32(argv[i], kv_str_len(argv[i]), &o->capacity);
            if (st != KV_OK) {
                fprintf(stderr, "kvstore: bad capacity: %s\n",
                        kv_status_str(st));
                return -1;
            }
        } else if (strcmp(argv[i], "--strict") == 0) {
            o->strict = 1;
        } else {
            fprintf(stderr, "kvstore: bad option '%s'\n", argv[i]);
            return -1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    options opt = { NULL, KV_DEFAULT_CAPACITY, 0 };
    kv_session session;
    FILE *in = stdin;
    int status = KV_EXIT_IO;

    if (parse_options(argc, argv, &opt) != 0) {
        fputs(usage_text, stderr);
        return KV_EXIT_USAGE;
    }
    if (opt.script != NULL && (in = fopen(opt.script, "r")) == NULL) {
        fprintf(stderr, "kvstore: cannot open script '%s'\n", opt.script);
        return KV_EXIT_IO;
    }
    memset(&session, 0, sizeof session);
    session.store = kv_store_create(opt.capacity);
    if (session.store == NULL)
        goto cleanup;
    session.out = stdout;
    session.err = stderr;
    session.strict = opt.strict;
    status = kv_session_run(&session, in);
    kv_store_destroy(session.store);
cleanup:
    if (in != stdin)
        fclose(in);
    return status;
}
