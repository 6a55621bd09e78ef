"""COBOL storage for the Rust translation: the field table, PICTUREs, initial values.

WORKING-STORAGE (and RETURN-CODE) is one byte region; every data item is a `Field` view
at its offset, in a table the generated program indexes (`self.f[k]`). Items are set to
their INITIALIZE values, then to their VALUE clauses, as GnuCOBOL does at start-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from refactor.translate.cobol.data import Item, build_records, parse_entry
from refactor.translate.cobol.operands import Literal, Ref

PADDING = 16  # cobc aligns each record on 16 bytes


class Unsupported(Exception):
    """Internal: a construct this cut cannot translate (message names it and its line)."""


@dataclass
class Slot:
    item: Item
    base: int  # offset of its record in `mem`
    parents: list[Item]  # enclosing items, outermost first


@dataclass
class FieldTable:
    slots: list[Slot] = field(default_factory=list)
    by_name: dict[str, list[int]] = field(default_factory=dict)
    index: dict[int, int] = field(default_factory=dict)  # id(item) -> slot
    size: int = PADDING  # zero bytes before the first record
    spans: list[tuple[int, int]] = field(default_factory=list)  # (base, end) of records

    def add_record(self, record: Item, over: str | None = None) -> None:
        """Lay `record` out after the others, or over the record it REDEFINES (or `over`:
        the records of one FD share its record area). Like cobc, each record starts on a
        16-byte boundary with zero bytes between: a reference out of an item reads there
        what cobc reads."""
        base = -(-self.size // PADDING) * PADDING
        shared = record.redefines or over
        if shared and shared in self.by_name:
            base = self.slots[self.by_name[shared][0]].base
        stack: list[tuple[Item, list[Item]]] = [(record, [])]
        while stack:
            item, parents = stack.pop()
            k = len(self.slots)
            self.slots.append(Slot(item, base, parents))
            self.index[id(item)] = k
            self.by_name.setdefault(item.name, []).append(k)
            stack.extend((c, [*parents, item]) for c in reversed(item.children))
        self.size = max(self.size, base + record.size * record.occurs)
        self.spans.append((base, base + record.size * record.occurs))

    @property
    def region(self) -> int:
        """The byte size of the storage region: the records and the padding after."""
        return -(-self.size // PADDING) * PADDING + PADDING

    def resolve(self, ref: Ref) -> int:
        found = [k for k in self.by_name.get(ref.name.upper(), [])
                 if all(any(p.name == q.upper() for p in self.slots[k].parents)
                        for q in ref.qualifiers)]
        if not found:
            raise Unsupported(f"data name {ref.name} is not in WORKING-STORAGE")
        return found[0]

    def item(self, ref: Ref) -> Item:
        """The data item `ref` names."""
        return self.slots[self.resolve(ref)].item


USAGES = {"display": "Display", "binary": "Binary", "comp-5": "Comp5", "packed": "Packed"}
ROUNDING = {None: "NearestAwayFromZero", "NEAREST-AWAY-FROM-ZERO": "NearestAwayFromZero",
          "AWAY-FROM-ZERO": "AwayFromZero", "NEAREST-EVEN": "NearestEven",
          "NEAREST-TOWARD-ZERO": "NearestTowardZero", "TOWARD-GREATER": "TowardGreater",
          "TOWARD-LESSER": "TowardLesser", "TRUNCATION": "Truncation",
          "PROHIBITED": "Prohibited"}
FIGURATIVE = {"ZERO": "Zero", "ZEROS": "Zero", "ZEROES": "Zero", "SPACE": "Space",
        "SPACES": "Space", "HIGH-VALUE": "HighValue", "HIGH-VALUES": "HighValue",
        "LOW-VALUE": "LowValue", "LOW-VALUES": "LowValue", "QUOTE": "Quote",
        "QUOTES": "Quote"}
RELATION_TESTS = {"=": "is_eq", "<>": "is_ne", "<": "is_lt", ">": "is_gt", "<=": "is_le",
                  ">=": "is_ge"}


def pic_of(item: Item, decimal_comma: bool = False) -> str:
    """The runtime `Pic` of `item` (`decimal_comma`: DECIMAL-POINT IS COMMA)."""
    if item.is_group:
        return f"Pic::group({item.size})"
    if item.usage == "index":  # an index: the occurrence number, a native int
        return "Pic::comp5(9, 0, true)"
    if item.usage not in USAGES or item.picture is None:
        usage = item.usage_word or f"USAGE {item.usage}"
        raise Unsupported(f"{item.name} (line {item.line}): {usage}")
    pic = f'Pic::parse("{item.picture.text}", Usage::{USAGES[item.usage]})'
    if item.sign_leading and item.sign_separate:
        pic += ".sign_leading().sign_separate()"
    elif item.sign_leading:
        pic += ".sign_leading()"
    elif item.sign_separate:
        pic += ".sign_separate()"
    if item.justified:
        pic += ".justified()"
    if item.blank_when_zero:
        pic += ".blank_when_zero()"
    if decimal_comma:
        pic += ".decimal_comma()"
    return pic


def rust_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rust_bytes(text: str) -> str:
    return "b" + rust_str(text)


def hex_bytes(digits: str) -> str:
    """A Rust byte-string literal of the hexadecimal literal `digits` (X"41")."""
    return 'b"' + "".join(f"\\x{b:02x}" for b in bytes.fromhex(digits)) + '"'


def literal_bytes(literal: Literal) -> str:
    """A Rust byte-string literal of a COBOL literal's bytes (X"41" is the byte 0x41)."""
    return hex_bytes(literal.value) if literal.kind == "hex" else rust_bytes(literal.value)



_VALUE_TOKEN = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'|[^\s,]+')
# With DECIMAL-POINT IS COMMA a comma between digits is the decimal point.
_VALUE_TOKEN_DC = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'|(?:[^\s,]|,(?=\d))+')


def values88(text: str, decimal_comma: bool = False) -> tuple[list[str], list[tuple[str, str]]]:
    """A level-88 (or VALUE) clause as runtime `Value`s: single values and THRU ranges."""
    pattern = _VALUE_TOKEN_DC if decimal_comma else _VALUE_TOKEN
    words = [w if w[:1] in "\"'" or not decimal_comma else w.replace(",", ".")
             for w in pattern.findall(text.rstrip(".")) if w.upper() not in ("IS", "ARE")]

    def one(w: str) -> str:
        if w[0] in "\"'":
            return f"Value::text({rust_str(w[1:-1])})"
        if w.upper() in FIGURATIVE:
            return f"Value::Fig(Fig::{FIGURATIVE[w.upper()]})"
        return f"Value::num_lit({rust_str(w)})"

    singles: list[str] = []
    ranges: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        if i + 2 < len(words) and words[i + 1].upper() in ("THRU", "THROUGH"):
            ranges.append((one(words[i]), one(words[i + 2])))
            i += 3
        else:
            singles.append(one(words[i]))
            i += 1
    return singles, ranges


RETURN_CODE = "RETURN-CODE"


def return_code_record() -> Item:
    return build_records([parse_entry(f"01 {RETURN_CODE} PIC S9(9) BINARY", 0)])[0]


def index_records(records: list[Item]) -> list[Item]:
    """A record for each index name (INDEXED BY) of `records`: it holds an occurrence
    number, as a native binary integer."""
    names = dict.fromkeys(n for r in records for i in r.walk() for n in i.indexed_by)
    return build_records([parse_entry(f"01 {n} USAGE INDEX", 0) for n in names])


def initial_values(fields: FieldTable, decimal_comma: bool = False) -> str:
    """INITIALIZE semantics for every elementary item (each occurrence), then VALUEs; an
    item under a REDEFINES is a second view of storage the first one initialises."""
    lines = []
    for k, slot in enumerate(fields.slots):
        item = slot.item
        if item.children or item.level == 88 or any(
                p.redefines for p in [*slot.parents, item]):
            continue
        occurs = [p for p in [*slot.parents, item] if p.occurs > 1]
        offsets = [0]
        for table in occurs:
            offsets = [o + i * table.size for o in offsets for i in range(table.occurs)]
        for off in offsets:
            view = f"self.f[{k}].at({off})" if off else f"self.f[{k}]"
            lines.append(f"        {view}.initialize(&mut self.mem);")
            if item.value is not None:
                lines.append(f"        {set_value(view, item.value, decimal_comma)}")
    for k, slot in enumerate(fields.slots):  # VALUE on a group: its bytes
        if slot.item.children and slot.item.value is not None:
            lines.append(f"        {set_value(f'self.f[{k}]', slot.item.value, decimal_comma)}")
    return "\n".join(lines)


def set_value(view: str, value: str, decimal_comma: bool = False) -> str:
    """A VALUE clause: literals are placed as written (never justified), numbers moved."""
    every = re.match(r"ALL\s+", value, re.I)
    value = value[every.end():] if every else value
    written = re.fullmatch(r"""([XH])(["'])(.*)\2""", value.strip(), re.I | re.S)
    if written and written.group(1).upper() == "H":  # H"1F": a number in hexadecimal
        value = str(int(written.group(3) or "0", 16))
    elif written:
        text = hex_bytes(written.group(3))
        unit = f"let v: &[u8] = {text}; "
        return _place(view, unit, every is not None)
    singles, _ = values88(value, decimal_comma)
    if not singles:
        return ""
    first = singles[0]
    if first.startswith("Value::text(") and every:
        return _place(view, f"let v: &[u8] = b{first[len('Value::text('):-1]}; ", True)
    if first.startswith("Value::text("):
        text = first[len("Value::text("):-1]
        return (f"{{ let v: &[u8] = b{text}; let d = {view}.bytes_mut(&mut self.mem); "
                "for (i, b) in d.iter_mut().enumerate() { *b = *v.get(i).unwrap_or(&b' '); } }")
    return f"{{ let v = {first}; {view}.move_value(&mut self.mem, &v); }}"


def _place(view: str, unit: str, repeat: bool) -> str:
    """Bytes `v` (bound by `unit`) placed at `view`: repeated (ALL) or space-padded."""
    fill = "v[i % v.len().max(1)]" if repeat else "*v.get(i).unwrap_or(&b' ')"
    return (f"{{ {unit}let d = {view}.bytes_mut(&mut self.mem); "
            f"for (i, b) in d.iter_mut().enumerate() {{ *b = {fill}; }} }}")
