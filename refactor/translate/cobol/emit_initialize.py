"""INITIALIZE as Rust on `cobol_rt`, as GnuCOBOL 3.1.2 compiles it (`cb_build_initialize`).

The items under each target are visited in storage order, every occurrence of a table;
an item that REDEFINES another (below the target) is skipped with its members, and so is
a FILLER unless WITH FILLER is given. An item with a VALUE clause takes it under
`ALL TO VALUE` (and under `category TO VALUE` whatever its category, as cobc 3.1.2
does); otherwise an elementary item
whose category is named in REPLACING gets that value (a MOVE); otherwise, when neither
VALUE nor REPLACING is given or THEN TO DEFAULT is, numeric and numeric-edited items get
zero and the others spaces. Any other item is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from refactor.translate.cobol import procedure as P
from refactor.translate.cobol.data import Item
from refactor.translate.cobol.emit_data import Unsupported, set_value
from refactor.translate.cobol.emit_operands import OperandsMixin


class InitializeMixin(OperandsMixin):
    """The INITIALIZE statement of the emitter."""

    def s_Initialize(self, s: P.Initialize) -> list[str]:
        out = ["{"]
        replacing: dict[str, str] = {}
        for n, (category, value) in enumerate(s.replacing):
            if category.upper() in replacing:
                continue  # the first phrase for a category applies
            out.append(f"let r{n} = {self.value(value)};")
            replacing[category.upper()] = f"r{n}"
        default = s.default or not (s.replacing or s.to_value)
        rules = _Rules(replacing, bool(s.to_value), default, s.with_filler)
        for ref in s.targets:
            if ref.refmod is not None:
                raise Unsupported(f"INITIALIZE of a reference modification at line {s.line}")
            k = self.fields.resolve(ref)
            top = self.fields.slots[k].item
            if ref.subscripts:
                out.append(f"let d = {self.field(ref)}.off - self.f[{k}].off;")
                offsets = ["d"]
            else:
                offsets = [str(i * top.size) for i in range(top.occurs)]
            out += self._initialize_item(top, offsets, rules, top=True)
        return [*out, "}"]

    def _initialize_item(self, item: Item, offsets: list[str], rules: _Rules,
                         top: bool = False) -> list[str]:
        """Statements initializing `item` at each of `offsets` from its first occurrence
        (its own occurrences included unless it is the target)."""
        if not top:
            if item.redefines or (item.name == "FILLER" and not rules.with_filler):
                return []
            offsets = [_plus(o, i * item.size) for o in offsets for i in range(item.occurs)]
        j = self.fields.index[id(item)]
        views = [f"self.f[{j}]" if o == "0" else f"self.f[{j}].at({o})" for o in offsets]
        category = item.category.upper()
        if item.value is not None and rules.to_value:
            return [set_value(v, item.value, self.decimal_comma) for v in views]
        if item.children:
            return [line for child in item.children
                    for line in self._initialize_item(child, offsets, rules)]
        if category in rules.replacing:
            value = rules.replacing[category]
            return [f"{v}.move_value(&mut self.mem, &{value});" for v in views]
        if rules.default:
            return [f"{v}.initialize(&mut self.mem);" for v in views]
        return []


@dataclass(frozen=True)
class _Rules:
    """What one INITIALIZE statement does to an item."""

    replacing: dict[str, str]  # category -> the Rust variable holding its value
    to_value: bool  # items with a VALUE clause are set to it
    default: bool  # TO DEFAULT: zero or spaces
    with_filler: bool


def _plus(offset: str, delta: int) -> str:
    if delta == 0:
        return offset
    if offset.isdigit():
        return str(int(offset) + delta)
    return f"{offset} + {delta}"
