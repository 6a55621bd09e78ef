"""C files split into the units of DESIGN.md, with their references."""

from __future__ import annotations

from refactor.scan.c.units import extract

SOURCE = b"""\
#include <stdlib.h>
#define MAX_ITEMS 64
#define GREETING "hello"
#define SQUARE(x) ((x) * (x))
#define ONLY_GUARD
#define LOOP do { } while (0)
struct node { int value; struct node *next; };
typedef struct node node_t;
typedef struct { int w, h; } size_t2, *size_p;
enum mode { MODE_A, MODE_B = 4 };
union word { unsigned u; float f; };
static int counter = 0, other;
extern int declared_elsewhere;
int prototype_only(int);
int (*handler)(int) = 0;
struct node head = { 0, 0 };
static int bump(int by) { counter += by; return counter; }
node_t *push(node_t *list, int value) {
    node_t *n = malloc(sizeof *n);
    if (!n) return list;
    n->value = value + MAX_ITEMS + MODE_B;
    n->next = list;
    bump(1);
    return n;
}
#ifdef FAST
int pick(void) { return 1; }
#else
int pick(void) { return 2; }
#endif
"""


def by_name(units):
    return {u.name: u for u in units}


def flat(refs):
    return {(r.kind, name) for r in refs for name in r.names}


def test_units_and_kinds() -> None:
    result = extract(SOURCE, "list.c")
    units = by_name(result.units)
    assert {n: u.kind for n, u in units.items()} == {
        "MAX_ITEMS": "macro",
        "GREETING": "macro",
        "struct node": "type",
        "node_t": "type",
        "size_t2": "type",
        "enum mode": "type",
        "union word": "type",
        "counter": "global",
        "handler": "global",
        "head": "global",
        "bump": "function",
        "push": "function",
        "pick": "function",
        "pick~2": "function",
    }
    assert units["counter"].is_static and units["counter"].aliases == ("other",)
    assert units["size_t2"].aliases == ("size_p",)
    assert units["enum mode"].aliases == ("=MODE_A", "=MODE_B")
    assert units["bump"].is_static and not units["push"].is_static
    assert (units["push"].start_line, units["push"].end_line, units["push"].loc) == (18, 25, 8)


def test_references_of_a_function() -> None:
    push = by_name(extract(SOURCE, "list.c").units)["push"]
    refs = flat(push.refs)
    assert {("name", "bump"), ("name", "malloc"), ("name", "node_t")} <= refs
    assert {("name", "MAX_ITEMS"), ("name", "MODE_B")} <= refs
    assert ("name", "value") in refs  # the ledger drops names that define nothing
    assert ("name", "sizeof") not in refs and ("name", "if") not in refs
    assert ("name", "push") not in refs  # its own name


def test_references_skip_strings_and_number_suffixes() -> None:
    source = b'#define MASK 0x1fUL\n#define BOTH (MASK | 0x2)\n' \
             b'int f(void) { puts("count is zero"); return BOTH; }\n'
    units = by_name(extract(source, "s.c").units)
    assert units["MASK"].refs == ()
    assert flat(units["BOTH"].refs) == {("name", "MASK")}
    assert flat(units["f"].refs) == {("name", "puts"), ("name", "BOTH")}
    assert "SQUARE" not in by_name(extract(SOURCE, "list.c").units)  # function-like


def test_signature_hash_ignores_the_body() -> None:
    a = by_name(extract(b"int f(int x) { return x; }\n", "a.c").units)["f"]
    b = by_name(extract(b"int f(int x) { return x + 1; }\n", "a.c").units)["f"]
    c = by_name(extract(b"long f(int x) { return x; }\n", "a.c").units)["f"]
    assert a.sig_hash == b.sig_hash != c.sig_hash
    assert a.src_hash != b.src_hash


def test_hash_ignores_comments_and_whitespace() -> None:
    a = by_name(extract(b"int f(int x) { return x; }\n", "a.c").units)["f"]
    b = by_name(extract(b"int f(int x)\n{\n  /* why */ return   x;\n}\n", "a.c").units)["f"]
    assert a.src_hash == b.src_hash


def test_syntax_error_marks_only_the_broken_unit() -> None:
    source = (b"int good(void) { return 1; }\nint bad(void) { return 1 +; }\n"
              b"int fine(void) { return 3; }\n")
    units = by_name(extract(source, "e.c").units)
    assert units["good"].reason is None and units["fine"].reason is None
    assert units["bad"].reason and "line 2" in units["bad"].reason


def test_header_of_only_directives_gives_its_macros() -> None:
    """Such files skip the tree-sitter parse; the units must be the same."""
    source = (b"#ifndef A_H\n#define A_H\n#define X 1 /* c */\n#define Y \\\n   (X + 2)\n"
              b"#define F(a) ((a) + X)\n#endif\n")
    result = extract(source, "a.h")
    assert [(u.name, u.start_line, u.end_line, u.loc) for u in result.units] == [
        ("X", 3, 3, 1), ("Y", 4, 5, 2)]
    assert flat(result.units[1].refs) == {("name", "X")}
    assert result.loc == 7
    with_code = extract(source + b"int z;\n", "b.h")
    assert [u.name for u in with_code.units] == ["X", "Y", "z"]
