"""How a unit is encoded in a ledger row (references and aliases as tab-separated text)."""

from __future__ import annotations

from collections.abc import Iterable

from refactor.model import Reference, UnitRecord

# A unit as the ledger stores it, in column order (see `encode_unit`).
UnitValues = tuple[str, str, int, int, int, str, str, int, str | None, str, str, str | None]


def encode_refs(refs: Iterable[Reference]) -> str:
    return "\n".join("\t".join((ref.kind, *ref.names)) for ref in refs)


def decode_refs(text: str) -> list[tuple[str, list[str]]]:
    if not text:
        return []
    out = []
    for line in text.split("\n"):
        kind, *names = line.split("\t")
        out.append((kind, names))
    return out


def encode_unit(u: UnitRecord) -> UnitValues:
    return (u.kind, u.name, u.start_line, u.end_line, u.loc, u.src_hash, u.sig_hash,
            int(u.is_static), u.parent, "\t".join(u.aliases), encode_refs(u.refs), u.reason)
