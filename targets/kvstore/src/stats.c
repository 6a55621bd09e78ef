/*
 * stats.c - global usage statistics and their report.
 */
#include "kvstore.h"

kv_stats g_kv_stats;            /* zero-initialized at start-up */

static const char *const status_names[KV_STATUS_COUNT] = {
    "ok", "not found", "key too long", "value too long", "bad key",
    "not an integer", "integer overflow", "out of memory", "i/o error",
    "bad format", "wrong usage", "unknown command"
};

const char *kv_status_str(kv_status status)
{
    if ((unsigned)status >= (unsigned)KV_STATUS_COUNT)
        return "unknown status";
    return status_names[status];
}

void kv_stats_record(kv_command_id cmd, kv_status status)
{
    g_kv_stats.commands[cmd].calls++;
    if (status != KV_OK)
        g_kv_stats.commands[cmd].failures++;
}

/* Per-command counters, in command id order, for commands that ran. */
static void print_commands(FILE *out)
{
    int i;

    for (i = 0; i < (int)KV_CMD_COUNT; i++)
        if (g_kv_stats.commands[i].calls != 0)
            fprintf(out, "  cmd %-8s calls %lu failures %lu\n",
                    kv_command_name((kv_command_id)i),
                    (unsigned long)g_kv_stats.commands[i].calls,
                    (unsigned long)g_kv_stats.commands[i].failures);
}

/* Print a report; each level adds detail on top of the lower ones. */
void kv_stats_print(FILE *out, const kv_store *st, int level)
{
    static unsigned reports = 0;

    fprintf(out, "report %u level %d\n", ++reports, level);
    switch (level) {
    case 2:
        print_commands(out);
        /* fall through */
    case 1:
        fprintf(out, "  hits %lu misses %lu capacity %lu resizes %lu\n",
                (unsigned long)g_kv_stats.hits,
                (unsigned long)g_kv_stats.misses,
                (unsigned long)st->table.capacity, (unsigned long)st->resizes);
        /* fall through */
    default:
        fprintf(out, "  keys %lu lines %lu\n", (unsigned long)st->table.count,
                (unsigned long)g_kv_stats.lines);
        break;
    }
}
