/* A second C file: its functions are the callees that stay C. */
#include "units.h"

int triple(int x) { return (int)((unsigned)x * 3u); }
