"""Compiler directives of a COBOL source, applied before it is normalized: `>>SOURCE
FORMAT` (and `$SET SOURCEFORMAT`) switching between FIXED, FREE and VARIABLE format,
`>>DEFINE` and `>>IF name [NOT] DEFINED / >>ELSE / >>END-IF`. Lines keep their numbers:
a directive, or a line a false `>>IF` leaves out, becomes an empty line. A directive that
changes what the program does at run time (`>>TURN ... ON`, checking the translation
does not reproduce) or that this cut does not evaluate is a refusal naming it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from refactor.scan.cobol.source import is_free_format

_DIRECTIVE = re.compile(r"^\s*(>>\s*|\$\s*(?=SET\b))(.*)$", re.I)
_FORMAT = re.compile(r"^(?:SOURCE\s+(?:FORMAT\s+)?(?:IS\s+)?|SET\s+SOURCEFORMAT\s*\(?\s*"
                     r"[\"']?)(FREE|FIXED|VARIABLE)\b", re.I)
_CONDITION = re.compile(r"^([\w-]+)\s+(?:IS\s+)?(NOT\s+)?DEFINED$", re.I)
_IGNORED = ("PAGE", "LISTING", "CALL-CONVENTION")
FIXED_END = 72  # last column of code in FIXED format
VARIABLE_END = 250  # in VARIABLE format


@dataclass
class Directed:
    """The source with its directives applied."""

    text: str
    free: bool | None  # the format to normalize it in; None: the source has no directive
    refused: str | None = None  # a directive this cut does not translate, and its line


def apply_directives(source: str) -> Directed:
    lines = source.replace("\r\n", "\n").split("\n")
    marks = [i for i, line in enumerate(lines)
             if _DIRECTIVE.match(line) or _DIRECTIVE.match(line[6:])]
    if not marks:
        return Directed(source, None)
    state = _State(lines[:marks[0]])
    out = [state.line(number, line) for number, line in enumerate(lines, start=1)]
    if state.stack and state.refused is None:
        state.refused = f">>IF without >>END-IF (line {state.stack[-1][2]})"
    if not state.mixed:  # one fixed (or free) format throughout: keep the columns
        out = [line if keep else "" for line, keep in zip(lines, state.kept, strict=True)]
        return Directed("\n".join(out), state.format == "FREE", state.refused)
    return Directed("\n".join(out), True, state.refused)


class _State:
    def __init__(self, head: list[str]) -> None:
        self.format = "FREE" if head and is_free_format(head) else "FIXED"
        self.first = self.format
        self.mixed = False
        self.defined: set[str] = set()
        self.stack: list[tuple[bool, bool, int]] = []  # (active, taken, line) per >>IF
        self.refused: str | None = None
        self.kept: list[bool] = []

    @property
    def active(self) -> bool:
        return all(active for active, _, _ in self.stack)

    def line(self, number: int, line: str) -> str:
        """`line` as free-format text (empty when it is a directive or left out)."""
        # from column 7 on in fixed format (after a sequence number), anywhere in free
        directive = _DIRECTIVE.match(line if self.format == "FREE" else line[6:]) \
            or _DIRECTIVE.match(line)
        if directive:
            self._directive(directive.group(2).strip().rstrip("."), number)
            self.kept.append(False)
            return ""
        self.kept.append(self.active)
        if not self.active:
            return ""
        if self.format == "FREE":
            return line
        if len(line) < 7:
            return ""
        indicator = line[6]
        end = FIXED_END if self.format == "FIXED" else VARIABLE_END
        if indicator in "*/":
            return "*> " + line[7:end]
        if indicator in "dD$":
            return ""
        if indicator == "-" and self.mixed and self.refused is None:
            self.refused = f"a continuation line in mixed source formats (line {number})"
        return line[7:end]

    def _directive(self, text: str, number: int) -> None:
        words = text.upper().split()
        if not words:
            return
        verb = words[0]
        if verb in ("IF", "ELIF", "ELSE", "END-IF"):
            self._conditional(verb, " ".join(words[1:]), number)
            return
        if not self.active:
            return
        source_format = _FORMAT.match(text)
        if source_format:
            new = source_format.group(1).upper()
            self.mixed = self.mixed or new != self.first
            self.format = new
        elif verb == "DEFINE" and len(words) >= 2:
            name = words[1].removeprefix("CONSTANT")
            if "OFF" in words[2:] or "PARAMETER" in words[2:]:
                self.defined.discard(name)
            else:
                self.defined.add(name)
        elif verb == "TURN" and "OFF" in words:
            pass  # checking off: cobc's default without -debug
        elif verb not in _IGNORED:
            self._refuse(f"compiler directive >>{' '.join(words[:3])} (line {number})")

    def _conditional(self, verb: str, condition: str, number: int) -> None:
        if verb in ("IF", "ELIF"):
            test = _CONDITION.match(condition)
            if test is None:
                self._refuse(f"compiler directive >>{verb} {condition} (line {number})")
                value = False
            else:
                value = (test.group(1) in self.defined) != bool(test.group(2))
            if verb == "IF":
                self.stack.append((value, value, number))
            elif self.stack:
                _, taken, line = self.stack[-1]
                self.stack[-1] = (value and not taken, taken or value, line)
        elif verb == "ELSE" and self.stack:
            _, taken, line = self.stack[-1]
            self.stack[-1] = (not taken, True, line)
        elif verb == "END-IF" and self.stack:
            self.stack.pop()
        elif self.refused is None:
            self.refused = f">>{verb} without >>IF (line {number})"

    def _refuse(self, why: str) -> None:
        if self.refused is None:
            self.refused = why
