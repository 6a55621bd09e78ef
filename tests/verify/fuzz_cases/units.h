/* Declarations shared by the fuzz test cases. */
#include <stddef.h>

struct point { int x; int y; };
struct node { int value; struct node *next; };

extern int counter;
int triple(int x);
