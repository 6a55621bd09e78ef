"""Cargo's JSON messages, and which unit of the crate each diagnostic belongs to.

`cargo build --message-format=json` prints one JSON object per line. The ones that
matter here are `compiler-message` (a rustc diagnostic: `level`, `rendered`, and `spans`
with `file_name`, `line_start`, `is_primary` and, inside macros, `expansion.span` for the
call site) and `compiler-artifact` (the files a build produced). A diagnostic is placed
at the first primary span that lies in the crate's `src/` (following macro expansions
back to their call site), else at any such span; the place is then looked up in the line
ranges the units occupy in their module file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_RENDERED = 4000  # characters of one rendered diagnostic kept as evidence


@dataclass(frozen=True)
class Place:
    file: Path  # absolute
    line: int


@dataclass(frozen=True)
class Diagnostic:
    level: str  # error | warning | note | help | failure-note | error: internal compiler error
    message: str
    rendered: str  # cargo's rendered text, trimmed
    code: str | None  # E0308, clippy::needless_return, ...
    primary: tuple[Place, ...]  # primary spans, then their macro call sites
    secondary: tuple[Place, ...]  # every other span and call site


@dataclass
class CargoOutput:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    artifacts: list[Path] = field(default_factory=list)  # files of compiler-artifact lines
    success: bool | None = None  # from the build-finished line, when cargo printed one


@dataclass(frozen=True)
class Span:
    """Where one unit sits in a module file: lines `start`..`end`, 1-based, inclusive."""

    start: int
    end: int
    unit_id: int


@dataclass(frozen=True)
class Attribution:
    place: Place | None  # None: the diagnostic names no line of the crate's src/
    module: str | None  # the module whose file holds the place
    unit_id: int | None  # None: the place is outside every unit (module preamble, lib.rs)

    def where(self, crate_dir: Path) -> str:
        if self.place is None:
            return "no source line"
        try:
            rel = self.place.file.relative_to(crate_dir)
        except ValueError:
            rel = self.place.file
        return f"{rel} line {self.place.line}"


def parse_cargo(stdout: bytes, crate_dir: Path) -> CargoOutput:
    """Read cargo's JSON lines; lines that are not JSON (a build script's, cargo's own
    notes) are ignored."""
    out = CargoOutput()
    for raw in stdout.decode("utf-8", "replace").splitlines():
        if not raw.startswith("{"):
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if not isinstance(record, dict):
            continue
        reason = record.get("reason")
        if reason == "compiler-message" and isinstance(record.get("message"), dict):
            out.diagnostics.append(_diagnostic(record["message"], crate_dir))
        elif reason == "compiler-artifact":
            out.artifacts += [Path(f) for f in record.get("filenames") or []
                              if isinstance(f, str)]
        elif reason == "build-finished":
            out.success = bool(record.get("success"))
    return out


def _diagnostic(message: Mapping[str, Any], crate_dir: Path) -> Diagnostic:
    primary: list[Place] = []
    secondary: list[Place] = []
    for span in message.get("spans") or []:
        places = list(_places(span, crate_dir))
        (primary if span.get("is_primary") else secondary).extend(places)
    code = message.get("code")
    rendered = str(message.get("rendered") or message.get("message") or "").strip()
    if len(rendered) > MAX_RENDERED:
        rendered = rendered[:MAX_RENDERED] + "\n... (cut)"
    return Diagnostic(
        level=str(message.get("level", "")), message=str(message.get("message", "")),
        rendered=rendered, code=code.get("code") if isinstance(code, dict) else None,
        primary=tuple(primary), secondary=tuple(secondary))


def _places(span: Mapping[str, Any], crate_dir: Path) -> Iterator[Place]:
    """The span itself, then the call sites of the macros it was expanded from."""
    depth = 0
    while isinstance(span, Mapping) and depth < 32:
        name, line = span.get("file_name"), span.get("line_start")
        if isinstance(name, str) and isinstance(line, int):
            path = Path(name)
            yield Place(path if path.is_absolute() else crate_dir / path, line)
        expansion = span.get("expansion")
        span = expansion.get("span") if isinstance(expansion, Mapping) else None
        depth += 1


def attribute(diagnostic: Diagnostic, crate_dir: Path,
              ranges: Mapping[str, Sequence[Span]]) -> Attribution:
    """The module and unit a diagnostic belongs to (see the module docstring).

    `ranges` maps each module name (file `src/<module>.rs`) to the lines its units occupy.
    """
    src = crate_dir.resolve() / "src"
    for places in (diagnostic.primary, diagnostic.secondary):
        inside = [p for p in places if _in_src(p.file, src)]
        for place in inside:
            module = place.file.stem if place.file.name != "lib.rs" else None
            unit = _unit_at(ranges.get(module or "", ()), place.line)
            if unit is not None:
                return Attribution(place, module, unit)
        if inside:
            place = inside[0]
            return Attribution(place, place.file.stem if place.file.name != "lib.rs"
                               else None, None)
    return Attribution(None, None, None)


def _in_src(path: Path, src: Path) -> bool:
    try:
        resolved = path.resolve()
    except OSError:
        return False
    return resolved.parent == src and resolved.suffix == ".rs"


def _unit_at(spans: Sequence[Span], line: int) -> int | None:
    for span in spans:
        if span.start <= line <= span.end:
            return span.unit_id
    return None


def is_error(diagnostic: Diagnostic) -> bool:
    """An error that stops the build (not the closing 'aborting due to' summary)."""
    return diagnostic.level.startswith("error") and not (
        diagnostic.message.startswith("aborting due to") and not diagnostic.primary)


def is_warning(diagnostic: Diagnostic) -> bool:
    """A lint worth showing: warnings, and clippy lints that are errors by default."""
    if diagnostic.level == "warning":
        return not (diagnostic.message.endswith(("warning emitted", "warnings emitted"))
                    and not diagnostic.primary)
    return is_error(diagnostic) and (diagnostic.code or "").startswith("clippy::")
