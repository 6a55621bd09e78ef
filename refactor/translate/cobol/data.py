"""The DATA DIVISION as a typed, byte-exact model: items, hierarchy, PICTURE, storage layout.

tree-sitter's COBOL grammar gives data descriptions as a flat list; this module parses each
entry's clauses (level, name, PICTURE, USAGE, OCCURS [DEPENDING ON], REDEFINES, VALUE,
SIGN SEPARATE, JUSTIFIED, BLANK WHEN ZERO, level-88 values) and rebuilds the hierarchy
from the level numbers. Offsets and sizes follow GnuCOBOL 3.1.2 with `-std=default`:
DISPLAY one byte per digit or character (one more for a separate sign), BINARY and
COMP-5 in 1, 2, 4 or 8 bytes by digits (`binary-size: 1-2-4-8`), COMP-3 packed in
digits / 2 + 1 bytes, COMP-1 4 and COMP-2 8; a group is the sum of its members, an
OCCURS multiplies, a REDEFINES starts where its object starts and a group is as large as
the larger of the two. Checked against `cobc` by tests/cobol/test_data_layout.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Usage = Literal["display", "binary", "comp-5", "packed", "float", "double", "index",
                "pointer", "other"]
Category = Literal["alphanumeric", "alphabetic", "numeric", "numeric-edited",
                   "alphanumeric-edited", "group"]

_CLAUSE_END = r"(?=\s|\.?$)"
_USAGE_WORDS: dict[str, Usage] = {
    "DISPLAY": "display", "COMP": "binary", "COMPUTATIONAL": "binary", "BINARY": "binary",
    "COMP-4": "binary", "COMPUTATIONAL-4": "binary", "COMP-5": "comp-5",
    "COMPUTATIONAL-5": "comp-5", "COMP-3": "packed", "COMPUTATIONAL-3": "packed",
    "PACKED-DECIMAL": "packed", "COMP-1": "float", "COMPUTATIONAL-1": "float",
    "COMP-2": "double", "COMPUTATIONAL-2": "double", "INDEX": "index", "POINTER": "pointer",
}
# USAGEs this model does not lay out (the item keeps its word, the emitter refuses it).
_OTHER_USAGE = re.compile(
    r"(?:\bUSAGE\s+(?:IS\s+)?|\s|^)(COMP(?:UTATIONAL)?-[6XN]|BINARY-[\w-]+|FLOAT-[\w-]+|"
    r"NATIONAL|PROGRAM-POINTER|FUNCTION-POINTER|SIGNED-[\w-]+|UNSIGNED-[\w-]+)"
    rf"{_CLAUSE_END}")
_REPEAT = re.compile(r"(.)\((\d+)\)")


class DataError(ValueError):
    """A data description this model cannot take; the message names the item and clause."""


@dataclass(frozen=True)
class Picture:
    """A PICTURE string, expanded (`9(3)V99` -> `999V99`), and what it says."""

    text: str
    expanded: str
    category: Category
    digits: int = 0  # numeric: digit positions (9 and P)
    scale: int = 0  # numeric: digits after the implied point (negative for P on the left)
    signed: bool = False
    length: int = 0  # character positions when stored as DISPLAY

    @classmethod
    def parse(cls, text: str, decimal_comma: bool = False) -> Picture:
        """`decimal_comma`: DECIMAL-POINT IS COMMA (`,` is the point in edited pictures)."""
        upper = text.upper()
        expanded = _REPEAT.sub(lambda m: m.group(1) * int(m.group(2)), upper)
        if "(" in expanded:
            raise DataError(f"PICTURE {text}: unbalanced repetition")
        signed = expanded.startswith("S")
        body = expanded.lstrip("S")
        if set(body) <= set("9VP") and body:
            digits = body.count("9") + body.count("P")
            if "V" in body:
                scale = len(body.split("V", 1)[1].replace("V", ""))
            elif body.startswith("P"):
                scale = len(body)  # PPP99: all digit positions are fractional
            elif body.endswith("P"):
                scale = -(len(body) - len(body.rstrip("P")))
            else:
                scale = 0
            return cls(text, expanded, "numeric", digits, scale, signed,
                       body.count("9"))
        if set(body) <= set("A") and body:
            return cls(text, expanded, "alphabetic", length=len(body))
        if set(body) <= set("XA9") and body:
            return cls(text, expanded, "alphanumeric", length=len(body))
        if set(body) & set("Z*$+-CRDB.,B0/") and set(body) <= set("9Z*$+-CRDBV.,0/SP"):
            digits = sum(body.count(c) for c in "9Z*") + max(
                0, sum(body.count(c) for c in "$+-") - 1)
            scale = 0
            for mark in ("," if decimal_comma else ".", "V"):
                if mark in body:
                    tail = body.split(mark, 1)[1]
                    scale = sum(tail.count(c) for c in "9Z*")
                    break
            return cls(text, expanded, "numeric-edited", digits, scale,
                       length=len(body.replace("V", "")))
        if set(body) <= set("XA9B0/"):
            return cls(text, expanded, "alphanumeric-edited", length=len(body))
        unknown = "".join(sorted(set(body) - set("9XAZ*$+-CRDBV.,0/SPB")))
        raise DataError(f"PICTURE {text}: not a picture this model knows"
                        + (f" (characters {unknown})" if unknown else ""))


@dataclass
class Item:
    """One data description entry (levels 01-49, 66, 77, 88) and its place in storage."""

    level: int
    name: str  # "FILLER" for unnamed items
    line: int
    picture: Picture | None = None
    usage: Usage = "display"
    usage_word: str = ""  # the USAGE as written when it is "other"
    occurs: int = 1
    occurs_min: int | None = None  # OCCURS m TO n TIMES DEPENDING ON ...
    depending_on: str | None = None
    indexed_by: tuple[str, ...] = ()
    keys: tuple[tuple[bool, str], ...] = ()  # (ascending, key name) of ASCENDING KEY ...
    redefines: str | None = None
    value: str | None = None  # the literal as written (88: the whole VALUE clause)
    sign_separate: Literal["leading", "trailing"] | None = None
    sign_leading: bool = False
    justified: bool = False
    blank_when_zero: bool = False
    shared: str | None = None  # GLOBAL or EXTERNAL: storage other programs see
    children: list[Item] = field(default_factory=list)
    conditions: list[Item] = field(default_factory=list)  # level-88 entries
    offset: int = 0  # from the start of its 01 record
    size: int = 0  # of one occurrence

    @property
    def is_group(self) -> bool:
        return self.picture is None and self.usage == "display" and self.level != 88

    @property
    def category(self) -> Category:
        if self.usage == "index":
            return "numeric"
        return "group" if self.is_group else (
            self.picture.category if self.picture else "alphanumeric")

    def walk(self) -> list[Item]:
        """This item and every item under it, in storage order."""
        return [self, *(d for child in self.children for d in child.walk())]


def parse_entry(text: str, line: int = 0, decimal_comma: bool = False) -> Item:
    """One data description entry's text (level through the last clause, no period);
    `decimal_comma`: DECIMAL-POINT IS COMMA is in effect."""
    words = _drop_separators(text.replace("\n", " ")).strip().rstrip(".").strip()
    match = re.match(r"(\d{1,2})\s+([A-Za-z0-9][\w-]*)?", words)
    if match is None:
        raise DataError(f"line {line}: not a data description: {words[:60]!r}")
    level = int(match.group(1))
    name = (match.group(2) or "FILLER").upper()
    rest = words[match.end():]
    if name in _CLAUSE_WORDS:  # `05 PIC X.`: an unnamed item
        rest, name = f"{name} {rest}", "FILLER"
    item = Item(level, name, line)
    if level == 88:
        value = re.search(r"\bVALUES?\s+(?:ARE\s+|IS\s+)?(.*)$", rest, re.I)
        item.value = value.group(1).strip() if value else None
        return item
    upper = rest.upper()
    pic = re.search(r"\bPIC(?:TURE)?\s+(?:IS\s+)?(\S+?)(?=\s|\.?$)", rest, re.I)
    if pic:
        item.picture = Picture.parse(pic.group(1).rstrip("."), decimal_comma)
    for word, usage in _USAGE_WORDS.items():
        if re.search(rf"(?:\bUSAGE\s+(?:IS\s+)?|\s|^){re.escape(word)}{_CLAUSE_END}", upper):
            item.usage = usage
    other = _OTHER_USAGE.search(upper)
    if other:
        item.usage, item.usage_word = "other", f"USAGE {other.group(1)}"
    if re.search(r"\bANY\s+LENGTH\b", upper):
        item.usage, item.usage_word = "other", "ANY LENGTH"
    occurs = re.search(r"\bOCCURS\s+(\d+)(?:\s+TO\s+(\d+))?(?:\s+TIMES)?", upper)
    if occurs:
        if occurs.group(2):
            item.occurs_min, item.occurs = int(occurs.group(1)), int(occurs.group(2))
        else:
            item.occurs = int(occurs.group(1))
        depending = re.search(r"\bDEPENDING\s+(?:ON\s+)?([\w-]+)", upper)
        item.depending_on = depending.group(1) if depending else None
        item.keys, item.indexed_by = _table_phrases(upper)
    redefines = re.search(r"\bREDEFINES\s+([\w-]+)", upper)
    item.redefines = redefines.group(1) if redefines else None
    value = re.search(r"\bVALUE\s+(?:IS\s+)?(\"[^\"]*\"|'[^']*'|[^\s]+(?:\s+[^\s]+)?)",
                      rest, re.I)
    if value:
        item.value = value.group(1)
    if re.search(r"\bSIGN\s+(?:IS\s+)?LEADING\b|\bLEADING\s+SEPARATE", upper):
        item.sign_leading = True
    if "SEPARATE" in upper:
        item.sign_separate = "leading" if item.sign_leading else "trailing"
    item.justified = bool(re.search(r"\bJUST(?:IFIED)?\b", upper))
    item.blank_when_zero = bool(re.search(r"\bBLANK\s+(?:WHEN\s+)?ZEROE?S?\b", upper))
    shared = re.search(r"\b(GLOBAL|EXTERNAL)\b", re.sub(r"\"[^\"]*\"|'[^']*'", "", upper))
    item.shared = shared.group(1) if shared else None
    return item


def _drop_separators(text: str) -> str:
    """A comma or semicolon followed by a space (or ending the entry), outside literals,
    is a separator: a space (`PIC 9, BLANK WHEN ZERO`)."""
    out = []
    quote = ""
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in ",;" and text[i + 1:i + 2] in (" ", ""):
            ch = " "
        out.append(ch)
    return "".join(out)


def _table_phrases(upper: str) -> tuple[tuple[tuple[bool, str], ...], tuple[str, ...]]:
    """The ASCENDING / DESCENDING KEY names (in order) and INDEXED BY names of an entry."""
    keys: list[tuple[bool, str]] = []
    indexes: list[str] = []
    words = upper.replace(".", " ").split()
    stops = _CLAUSE_WORDS | {"ASCENDING", "DESCENDING", "INDEXED", "OCCURS", "ON", "TO"}
    i = 0
    while i < len(words):
        word = words[i]
        i += 1
        if word not in ("ASCENDING", "DESCENDING", "INDEXED"):
            continue
        while i < len(words) and words[i] in ("KEY", "IS", "BY"):
            i += 1
        while i < len(words) and words[i] not in stops and not words[i].startswith("PIC"):
            if word == "INDEXED":
                indexes.append(words[i])
            else:
                keys.append((word == "ASCENDING", words[i]))
            i += 1
    return tuple(keys), tuple(indexes)


_CLAUSE_WORDS = {"PIC", "PICTURE", "VALUE", "VALUES", "OCCURS", "REDEFINES", "USAGE",
                 "COMP", "COMP-3", "COMP-5", "BINARY", "DISPLAY", "SIGN", "JUST",
                 "JUSTIFIED", "BLANK", "SYNC", "SYNCHRONIZED", "PACKED-DECIMAL", "INDEX",
                 "ASCENDING", "DESCENDING", "KEY", "IS", "TIMES", "DEPENDING"}


def build_records(entries: list[Item]) -> list[Item]:
    """The 01/77 records with their members nested by level, 88s attached, laid out."""
    records: list[Item] = []
    stack: list[Item] = []
    for item in entries:
        if item.level == 88:
            if stack:
                stack[-1].conditions.append(item)
            continue
        if item.level in (1, 77) or not stack:
            records.append(item)
            stack = [item]
            continue
        if item.level == 66:
            continue  # RENAMES: not modelled (the translator reports it)
        while stack and stack[-1].level >= item.level:
            stack.pop()
        if not stack:
            raise DataError(f"line {item.line}: {item.name} (level {item.level}) has no "
                            "enclosing group")
        stack[-1].children.append(item)
        stack.append(item)
    for record in records:
        layout(record, 0)
    return records


def elementary_size(item: Item) -> int:
    pic = item.picture
    if item.usage == "float":
        return 4
    if item.usage in ("double", "pointer"):
        return 8
    if item.usage == "index":
        return 4
    if item.usage == "other":  # refused by the emitter; a size to lay the rest out
        return pic.length if pic else 8
    if pic is None:
        raise DataError(f"line {item.line}: {item.name} has neither PICTURE nor members")
    if item.usage in ("binary", "comp-5"):
        digits = pic.digits
        return 1 if digits <= 2 else 2 if digits <= 4 else 4 if digits <= 9 else 8
    if item.usage == "packed":
        return pic.digits // 2 + 1
    if pic.category == "numeric":
        return pic.length + (1 if item.sign_separate else 0)
    return pic.length


def layout(item: Item, offset: int) -> int:
    """Assign offsets and sizes under `item` placed at `offset`; returns its total size
    (all occurrences)."""
    item.offset = offset
    if not item.children:
        item.size = elementary_size(item)
        return item.size * item.occurs
    position = offset
    starts: dict[str, tuple[int, int]] = {}  # name -> (offset, total size)
    for child in item.children:
        if child.redefines:
            base_offset, base_size = starts.get(child.redefines, (position, 0))
            total = layout(child, base_offset)
            grown = base_offset + max(base_size, total)
            position = max(position, grown)
            continue
        total = layout(child, position)
        starts[child.name] = (position, total)
        position += total
    item.size = position - offset
    return item.size * item.occurs
