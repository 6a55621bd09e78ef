"""Units of translation and the references between them, as produced by the scan stage.

These are NamedTuples on purpose: scan workers send hundreds of thousands of them across
process boundaries, and tuples pickle small and fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple

SCAN_SCHEMA_VERSION = 1
GOAL_LOC = 100_000_000

Language = Literal["c", "cobol"]
UnitKind = Literal[
    "function", "type", "global", "macro", "program", "paragraph", "section", "copybook"
]
# Resolved dependency edges. C: call, type (a type name used), global (a global variable
# used), macro (a constant macro used). COBOL: perform, goto (paragraph or section
# targets), call (program), copy (copybook).
EdgeKind = Literal["call", "type", "global", "macro", "perform", "goto", "copy"]
# By-name references as the scan finds them. C: call (`name(`), tag (`struct foo`), name
# (any other identifier: a global, macro, enumerator, typedef... or a local, dropped when
# resolved). COBOL: perform, goto, call, copy.
RefKind = Literal["call", "tag", "name", "perform", "goto", "copy"]


class Reference(NamedTuple):
    """The names a unit refers to, of one kind; resolved to unit ids by the ledger."""

    kind: RefKind
    names: tuple[str, ...]


def group_refs(pairs: Iterable[tuple[RefKind, str]]) -> tuple[Reference, ...]:
    """(kind, name) pairs grouped into one sorted Reference per kind."""
    grouped: dict[str, set[str]] = {}
    for kind, name in pairs:
        grouped.setdefault(kind, set()).add(name)
    return tuple(Reference(k, tuple(sorted(v))) for k, v in sorted(grouped.items()))  # type: ignore[arg-type]


class UnitRecord(NamedTuple):
    """One translation unit located in its original file."""

    kind: UnitKind
    name: str
    start_line: int  # 1-based, inclusive
    end_line: int  # 1-based, inclusive
    loc: int  # code lines in the span, counted as cloc counts them
    src_hash: str  # hash of the unit's normalized source
    sig_hash: str  # hash of what callers depend on (a function's signature; else src_hash)
    refs: tuple[Reference, ...] = ()
    aliases: tuple[str, ...] = ()  # other names this unit defines (typedef tags, declarators)
    is_static: bool = False  # C: internal linkage (visible only in its file)
    parent: str | None = None  # COBOL: the program (and section) a paragraph belongs to
    reason: str | None = None  # why the unit is only partly usable (e.g. a parse error)


class Warning_(NamedTuple):
    """A problem in a file that was still scanned (e.g. bytes that are not UTF-8)."""

    path: str
    line: int
    reason: str


class Skip(NamedTuple):
    """A file that could not be scanned, and why."""

    path: str
    reason: str
    size: int | None = None  # the stat of a skipped file, so a re-scan can skip it again
    mtime_ns: int | None = None


class FileUnits(NamedTuple):
    """What a language frontend extracts from one file."""

    units: tuple[UnitRecord, ...]
    loc: int
    warnings: tuple[Warning_, ...]


class FileScan(NamedTuple):
    """Everything the scan stage learned about one source file."""

    path: str  # relative to the scanned root, POSIX separators
    language: Language
    sha: str
    size: int
    mtime_ns: int
    loc: int
    units: tuple[UnitRecord, ...]
    warnings: tuple[Warning_, ...] = ()
