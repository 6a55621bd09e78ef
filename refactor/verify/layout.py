"""The crate's module files as pieces: text between units, and the units themselves.

Each module file `src/<module>.rs` is cut once into literal text and unit slots, by
finding every unit's Rust verbatim in it (longest units first, an occurrence starting a
line preferred, never overlapping another unit). Taking a unit out changes only its slot;
rendering the pieces gives the file to write and the lines each unit occupies in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from refactor.verify.diagnostics import Span

if TYPE_CHECKING:
    from refactor.verify.builds import UnitCode


@dataclass
class ModuleFile:
    name: str
    path: Path
    pieces: list[str | int] = field(default_factory=list)  # literal text or a unit id
    dropped: str | None = None  # why the whole module was taken out


@dataclass
class CrateLayout:
    crate_dir: Path
    modules: dict[str, ModuleFile]
    originals: dict[int, str]  # unit id -> its Rust as given
    current: dict[int, str]  # unit id -> what its slot holds now
    missing: dict[int, str]  # units not found in their module file, and why

    @classmethod
    def read(cls, crate_dir: Path, units: Sequence[UnitCode]) -> CrateLayout:
        src = crate_dir / "src"
        by_module: dict[str, list[UnitCode]] = {}
        for unit in units:
            by_module.setdefault(unit.module, []).append(unit)
        modules: dict[str, ModuleFile] = {}
        missing: dict[int, str] = {}
        for path in sorted(src.glob("*.rs")) if src.is_dir() else []:
            if path.name == "lib.rs":
                continue
            text = path.read_text("utf-8", errors="replace")
            pieces, absent = _cut(text, by_module.pop(path.stem, []))
            modules[path.stem] = ModuleFile(path.stem, path, pieces)
            missing.update({uid: f"its Rust was not found in src/{path.stem}.rs; "
                                 "translate the unit again" for uid in absent})
        for module, rest in by_module.items():
            missing.update({u.unit_id: f"its module file src/{module}.rs is not in the "
                                       f"crate {crate_dir}; translate the target again"
                            for u in rest})
        originals = {u.unit_id: u.rust for u in units}
        current = {u.unit_id: u.rust for u in units if u.unit_id not in missing}
        return cls(crate_dir, modules, originals, current, missing)

    def original(self, unit_id: int) -> str:
        return self.originals[unit_id]

    def replace(self, unit_id: int, text: str) -> None:
        if unit_id in self.current:
            self.current[unit_id] = text

    def live_units(self) -> Iterator[tuple[int, str]]:
        for module in self.modules.values():
            if module.dropped is None:
                for piece in module.pieces:
                    if isinstance(piece, int) and self.current[piece] == self.originals[piece]:
                        yield piece, self.originals[piece]

    def preamble_matches(self, pattern: re.Pattern[str]) -> Iterator[tuple[str, int, str]]:
        """(module, line, matched text) for matches outside every unit."""
        for module in self.modules.values():
            line = 1
            for piece in module.pieces:
                text = piece if isinstance(piece, str) else self.current[piece]
                if isinstance(piece, str) and module.dropped is None:
                    found = pattern.search(text)
                    if found:
                        yield (module.name, line + text.count("\n", 0, found.start()),
                               found.group(0).strip())
                        break
                line += text.count("\n")

    def drop(self, module: str, reason: str) -> list[int]:
        """Take the whole module out; returns its units."""
        entry = self.modules[module]
        entry.dropped = reason
        return [p for p in entry.pieces if isinstance(p, int)]

    def render(self, module: ModuleFile) -> tuple[str, list[Span]]:
        if module.dropped is not None:
            return (f"//! Module {module.name} was taken out by the builds check:\n"
                    f"//! {' '.join(module.dropped.split())}\n"
                    "//! Its units fall back to their C originals.\n", [])
        parts: list[str] = []
        spans: list[Span] = []
        line = 1
        for piece in module.pieces:
            text = piece if isinstance(piece, str) else self.current[piece]
            if isinstance(piece, int) and text:
                spans.append(Span(line, line + text.rstrip("\n").count("\n"), piece))
            parts.append(text)
            line += text.count("\n")
        return "".join(parts), spans

    def ranges(self) -> dict[str, list[Span]]:
        return {name: self.render(module)[1] for name, module in self.modules.items()}

    def write(self) -> None:
        """Write the module files that changed (cargo keeps its work for the others)."""
        for module in self.modules.values():
            text = self.render(module)[0]
            if module.path.read_text("utf-8", errors="replace") != text:
                module.path.write_text(text, "utf-8")


def _cut(text: str, units: Sequence[UnitCode]) -> tuple[list[str | int], list[int]]:
    """The file as pieces, and the units whose text is not in it."""
    claimed: list[tuple[int, int, int]] = []  # (start, end, unit id)
    absent: list[int] = []
    for unit in sorted(units, key=lambda u: -len(u.rust)):
        where = _locate(text, unit.rust, claimed) if unit.rust else None
        if where is None:
            absent.append(unit.unit_id)
        else:
            claimed.append((where, where + len(unit.rust), unit.unit_id))
    pieces: list[str | int] = []
    at = 0
    for start, end, unit_id in sorted(claimed):
        if start > at:
            pieces.append(text[at:start])
        pieces.append(unit_id)
        at = end
    if at < len(text):
        pieces.append(text[at:])
    return pieces, absent


def _locate(text: str, rust: str, claimed: list[tuple[int, int, int]]) -> int | None:
    first: int | None = None
    at = text.find(rust)
    while at != -1:
        end = at + len(rust)
        if not any(at < c_end and c_start < end for c_start, c_end, _ in claimed):
            if at == 0 or text[at - 1] == "\n":
                return at
            if first is None:
                first = at
        at = text.find(rust, at + 1)
    return first
