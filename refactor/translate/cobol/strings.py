"""Statement parsers for STRING, UNSTRING and INSPECT (`statements.Parser` dispatches
to them).

STRING's sending items take the DELIMITED phrase that follows them (SIZE: None);
UNSTRING keeps its delimiters in order with ALL; INSPECT's TALLYING and REPLACING become
one `InspectPhrase` per value, each with its BEFORE / AFTER INITIAL bounds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from refactor.translate.cobol import operands as ops
from refactor.translate.cobol import procedure as proc
from refactor.translate.cobol.tokens import Malformed

if TYPE_CHECKING:
    from refactor.translate.cobol.statements import Parser


def _string(p: Parser, line: int) -> proc.String:
    sources: list[proc.StringSource] = []
    pending: list[ops.Expr] = []
    while not p.c.at("INTO"):
        if p.c.accept("DELIMITED"):
            p.c.accept("BY")
            delimiter = None if p.c.accept("SIZE") else p.c.operand()
            sources.extend(proc.StringSource(v, delimiter) for v in pending)
            pending = []
        elif p.at_operand():
            pending.append(p.c.operand())
        else:
            raise Malformed("STRING: expected a sending item")
    sources.extend(proc.StringSource(v, None) for v in pending)
    p.c.expect("INTO")
    into = p.c.ref()
    pointer = None
    if p.c.at("WITH", "POINTER"):
        p.c.accept("WITH")
        p.c.expect("POINTER")
        pointer = p.c.ref()
    overflow = p.phrase("OVERFLOW")
    not_overflow = p.phrase("OVERFLOW", negated=True)
    p.c.accept("END-STRING")
    return proc.String(tuple(sources), into, pointer, overflow, not_overflow, line)


def _unstring(p: Parser, line: int) -> proc.Unstring:
    source = p.c.ref()
    delimiters: list[proc.Delimiter] = []
    if p.c.accept("DELIMITED"):
        p.c.accept("BY")
        while True:
            all_ = bool(p.c.accept("ALL"))
            delimiters.append(proc.Delimiter(p.c.operand(), all_))
            if not p.c.accept("OR"):
                break
    p.c.expect("INTO")
    into: list[proc.UnstringTarget] = []
    while p.at_operand():
        ref = p.c.ref()
        delimiter_in = count_in = None
        if p.c.accept("DELIMITER"):
            p.c.accept("IN")
            delimiter_in = p.c.ref()
        if p.c.accept("COUNT"):
            p.c.accept("IN")
            count_in = p.c.ref()
        into.append(proc.UnstringTarget(ref, delimiter_in, count_in))
    pointer = tallying = None
    if p.c.at("WITH", "POINTER"):
        p.c.accept("WITH")
        p.c.expect("POINTER")
        pointer = p.c.ref()
    if p.c.accept("TALLYING"):
        p.c.accept("IN")
        tallying = p.c.ref()
    overflow = p.phrase("OVERFLOW")
    not_overflow = p.phrase("OVERFLOW", negated=True)
    p.c.accept("END-UNSTRING")
    return proc.Unstring(source, tuple(delimiters), tuple(into), pointer, tallying, overflow,
                    not_overflow, line)


def _bounds(p: Parser) -> tuple[proc.Bound, ...]:
    out: list[proc.Bound] = []
    while p.c.at("BEFORE", "AFTER"):
        before = p.c.take().text == "BEFORE"
        p.c.accept("INITIAL")
        out.append(proc.Bound(before, p.c.operand()))
    return tuple(out)


def _inspect(p: Parser, line: int) -> proc.Inspect:
    target = p.c.ref()
    tallying: list[proc.InspectPhrase] = []
    replacing: list[proc.InspectPhrase] = []
    converting = None
    if p.c.accept("TALLYING"):
        while p.at_operand():
            counter = p.c.ref()
            p.c.expect("FOR")
            while p.c.at("ALL", "LEADING", "TRAILING", "CHARACTERS"):
                kind = p.c.take().text
                if kind == "CHARACTERS":
                    tallying.append(proc.InspectPhrase(kind, None, None, _bounds(p), counter))
                    continue
                while p.at_operand() and not _counter_follows(p) and not p.c.at(*_INSPECT_KINDS):
                    value = p.c.operand()
                    tallying.append(proc.InspectPhrase(kind, value, None, _bounds(p), counter))  # type: ignore[arg-type]
    if p.c.accept("REPLACING"):
        while p.c.at("ALL", "LEADING", "FIRST", "TRAILING", "CHARACTERS"):
            kind = p.c.take().text
            if kind == "CHARACTERS":
                p.c.expect("BY")
                by = p.c.operand()
                replacing.append(proc.InspectPhrase(kind, None, by, _bounds(p)))
                continue
            while p.at_operand() and not p.c.at(*_INSPECT_KINDS):
                value = p.c.operand()
                p.c.expect("BY")
                by = p.c.operand()
                replacing.append(proc.InspectPhrase(kind, value, by, _bounds(p)))  # type: ignore[arg-type]
    if p.c.accept("CONVERTING"):
        source = p.c.operand()
        p.c.expect("TO")
        converting = (source, p.c.operand(), _bounds(p))
    if not (tallying or replacing or converting):
        raise Malformed("INSPECT without TALLYING, REPLACING or CONVERTING")
    return proc.Inspect(target, tuple(tallying), tuple(replacing), converting, line)


_INSPECT_KINDS = ("ALL", "LEADING", "FIRST", "TRAILING", "CHARACTERS")


def _counter_follows(p: Parser) -> bool:
    """At `counter FOR` (a new TALLYING counter) rather than another value."""
    start = p.c.pos
    try:
        p.c.ref()
        return p.c.at("FOR")
    except Malformed:
        return False
    finally:
        p.c.pos = start


STRING_PARSERS = {"STRING": _string, "UNSTRING": _unstring, "INSPECT": _inspect}
