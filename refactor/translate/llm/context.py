"""What the model is shown about one unit, assembled within a token budget.

Built from plain inputs, never from the ledger: the caller passes the unit's source text,
its macros, the Rust text of its already translated callees and types, the globals it
touches and (hybrid mode) the `rules` draft; this module extracts the signatures the prompt
needs from that Rust and drops context in a fixed order when the budget is exceeded.

Drop order (`DROP_ORDER`): the preprocessed form first, then types, callees, globals,
macros and COBOL COPY books, each group from its last item back (so callers list the most
relevant first).
The unit's own source, its draft and its constraints are never dropped; `fits` says
whether the result is within budget anyway. Tokens are estimated as characters / 4.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Literal

import tree_sitter
from tree_sitter_language_pack import get_parser

from refactor.translate.llm.prompts import estimate_tokens

Language = Literal["c", "cobol"]
DROP_ORDER = ("preprocessed", "types", "callees", "globals", "macros", "copybooks")
_SINGULAR = {"types": "type", "callees": "callee", "globals": "global", "macros": "macro",
             "copybooks": "copybook"}
_TYPE_ITEMS = {"struct_item", "union_item", "enum_item", "type_item"}


@dataclass(frozen=True)
class UnitRef:
    """Where the unit is: the ledger's identity fields."""

    path: str
    kind: str  # function, type, global, macro, program, ...
    name: str
    start_line: int
    end_line: int
    language: Language = "c"


@dataclass(frozen=True)
class Snippet:
    """One piece of context: a name and the text shown for it (`lang` tags its fence)."""

    name: str
    text: str
    lang: str = "rust"


@dataclass(frozen=True)
class Constraints:
    """The unit-specific rules: the exact exported signature to keep, and the C functions
    whose use justifies the matching std facilities (see guard.py)."""

    shim_signature: str | None = None
    c_facilities: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitContext:
    name: str
    kind: str
    path: str
    start_line: int
    end_line: int
    language: Language
    source: str
    macros: tuple[Snippet, ...] = ()
    preprocessed: str | None = None
    types: tuple[Snippet, ...] = ()
    callees: tuple[Snippet, ...] = ()
    globals: tuple[Snippet, ...] = ()
    copybooks: tuple[Snippet, ...] = ()  # COBOL: the COPY books' source
    draft: str | None = None
    constraints: Constraints = field(default_factory=Constraints)
    dropped: tuple[str, ...] = ()  # "preprocessed", "type P", "callee add", ...
    fits: bool = True

    def tokens_estimate(self) -> int:
        texts = [self.source, self.preprocessed or "", self.draft or "",
                 self.constraints.shim_signature or ""]
        texts += [s.text for s in (*self.macros, *self.types, *self.callees, *self.globals,
                                          *self.copybooks)]
        return sum(estimate_tokens(t) for t in texts)


def build_context(unit: UnitRef, source: str, *, macros: Mapping[str, str] | None = None,
                  preprocessed: str | None = None, callees: Mapping[str, str] | None = None,
                  types: Mapping[str, str] | None = None,
                  globals_: Mapping[str, str] | None = None,
                  copybooks: Mapping[str, str] | None = None, draft: str | None = None,
                  shim_signature: str | None = None, c_facilities: Iterable[str] = (),
                  budget_tokens: int | None = None) -> UnitContext:
    """Assemble the context of `unit` and fit it into `budget_tokens` (None: no limit).

    `callees` and `types` map a name to the Rust text of its translated unit (the whole
    text; only the signature / type definition is kept); `globals_` maps a name to its Rust
    or C declaration; `macros` maps a macro name to its `#define` text; `copybooks` maps
    a COBOL COPY book name to its source. `shim_signature`
    defaults to the exported signature found in `draft`.
    """
    dropped: list[str] = []
    callee_snippets = []
    for name, rust in (callees or {}).items():
        signature = rust_fn_signature(rust, name)
        if signature is None:
            dropped.append(f"callee {name} (no `fn {name}` in its Rust)")
        else:
            callee_snippets.append(Snippet(name, signature))
    type_snippets = []
    for name, rust in (types or {}).items():
        definition = rust_type_definition(rust, name)
        if definition is None:
            dropped.append(f"type {name} (no type `{name}` in its Rust)")
        else:
            type_snippets.append(Snippet(name, definition))
    global_snippets = [_global_snippet(name, text) for name, text in (globals_ or {}).items()]
    if shim_signature is None and draft and unit.kind == "function":
        shim_signature = rust_fn_signature(draft, unit.name)
    context = UnitContext(
        name=unit.name, kind=unit.kind, path=unit.path, start_line=unit.start_line,
        end_line=unit.end_line, language=unit.language, source=source.strip("\n"),
        macros=tuple(Snippet(n, t.strip(), "c") for n, t in (macros or {}).items()),
        preprocessed=preprocessed.strip("\n") if _differs(preprocessed, source) else None,
        types=tuple(type_snippets), callees=tuple(callee_snippets),
        globals=tuple(global_snippets),
        copybooks=tuple(Snippet(n, t.strip("\n"), "cobol") for n, t in (copybooks or {}).items()),
        draft=draft.strip("\n") if draft else None,
        constraints=Constraints(shim_signature, tuple(sorted(set(c_facilities)))),
        dropped=tuple(dropped))
    return context if budget_tokens is None else fit_budget(context, budget_tokens)


def fit_budget(context: UnitContext, budget_tokens: int) -> UnitContext:
    """Drop context in `DROP_ORDER` until the estimate is within `budget_tokens`."""
    dropped = list(context.dropped)
    for group in DROP_ORDER:
        if context.tokens_estimate() <= budget_tokens:
            break
        if group == "preprocessed":
            if context.preprocessed is not None:
                context = replace(context, preprocessed=None)
                dropped.append("preprocessed")
            continue
        items = list(getattr(context, group))
        while items and context.tokens_estimate() > budget_tokens:
            gone = items.pop()
            context = replace(context, **{group: tuple(items)})
            dropped.append(f"{_SINGULAR[group]} {gone.name}")
    return replace(context, dropped=tuple(dropped),
                   fits=context.tokens_estimate() <= budget_tokens)


def _differs(preprocessed: str | None, source: str) -> bool:
    if not preprocessed:
        return False
    return " ".join(preprocessed.split()) != " ".join(source.split())


@cache
def _parser() -> tree_sitter.Parser:
    return get_parser("rust")


def _items(rust: str) -> list[tree_sitter.Node]:
    """All item nodes of `rust`, at any depth (items inside `mod` blocks included)."""
    found = []
    stack = [_parser().parse(rust.encode("utf-8")).root_node]
    while stack:
        node = stack.pop()
        found.append(node)
        if node.type in ("source_file", "declaration_list", "mod_item", "foreign_mod_item"):
            stack.extend(reversed(node.named_children))
    return found


def _name(node: tree_sitter.Node) -> str:
    name = node.child_by_field_name("name")
    return (name.text or b"").decode("utf-8", "replace") if name is not None else ""


def rust_fn_signature(rust: str, name: str) -> str | None:
    """`pub extern "C" fn name(...) -> T;` from Rust text: the signature of the function
    `name` (the `extern "C"` one when there are several), without its body."""
    candidates = [n for n in _items(rust) if n.type in ("function_item",
                                                        "function_signature_item")
                  and _name(n) == name]
    if not candidates:
        return None
    candidates.sort(key=lambda n: b"extern" not in (n.text or b"").split(b"fn", 1)[0])
    node = candidates[0]
    body = node.child_by_field_name("body")
    end = body.start_byte if body is not None else node.end_byte
    text = rust.encode("utf-8")[node.start_byte:end].decode("utf-8", "replace")
    return " ".join(text.split()).rstrip(";") + ";"


def rust_type_definition(rust: str, name: str) -> str | None:
    """The definition of type `name` (struct, union, enum, type alias) with the attributes
    just before it (`#[repr(C)]`, derives), from Rust text; impl blocks are left out."""
    nodes = _items(rust)
    for index, node in enumerate(nodes):
        if node.type in _TYPE_ITEMS and _name(node) == name:
            start = node.start_byte
            back = index - 1
            while back >= 0 and nodes[back].type == "attribute_item" \
                    and nodes[back].end_point[0] >= nodes[back + 1].start_point[0] - 1:
                start = nodes[back].start_byte
                back -= 1
            return rust.encode("utf-8")[start:node.end_byte].decode("utf-8", "replace")
    return None


_C_DECL = re.compile(r"\s*=.*$", re.DOTALL)


def _global_snippet(name: str, text: str) -> Snippet:
    """A global's declaration without its initializer: Rust `static` when found, else the
    text as given (taken to be C)."""
    for node in _items(text):
        if node.type == "static_item" and _name(node) == name:
            value = node.child_by_field_name("value")
            end = value.start_byte if value is not None else node.end_byte
            head = text.encode("utf-8")[node.start_byte:end].decode("utf-8", "replace")
            return Snippet(name, " ".join(head.split()).rstrip("=; ") + ";", "rust")
    return Snippet(name, _C_DECL.sub("", " ".join(text.split())).rstrip(";") + ";", "c")
