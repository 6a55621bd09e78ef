"""Table statements as Rust on `cobol_rt`: SET (index names and the items set from them)
and SEARCH / SEARCH ALL, as GnuCOBOL 3.1.2 compiles them.

An index name (INDEXED BY) is an item of its own holding an occurrence number, so a
subscript `T(IX)` reads it like any numeric item. Serial SEARCH starts at the table's
(first) index as it stands: past the last occurrence (the DEPENDING ON value for a
variable table) it runs AT END, else the first WHEN that holds runs, else the index goes
up by one (a VARYING item other than the index is then set to it, as cobc does). SEARCH
ALL is GnuCOBOL's binary search: `head` = first occurrence - 1, `tail` = last + 1; the
index is set to the middle, the WHEN condition tested, and the KEY items the condition
names (in KEY clause order, DESCENDING ones reversed) decide the half to keep.
"""

from __future__ import annotations

from refactor.translate.cobol import procedure as P
from refactor.translate.cobol.data import Item
from refactor.translate.cobol.emit_data import Unsupported
from refactor.translate.cobol.emit_operands import OperandsMixin
from refactor.translate.cobol.operands import And, Condition, Expr, Ref, Relation


class TablesMixin(OperandsMixin):
    """SET and SEARCH of the emitter (`block` and `label` come from the emitter)."""

    label: int

    def block(self, statements: tuple[object, ...] | list[object] | None) -> list[str]:
        raise NotImplementedError

    def s_SetIndex(self, s: P.SetIndex) -> list[str]:
        out = ["{", f"let v = {self.num(s.value)};"]
        for target in s.targets:
            item = self.fields.item(target)
            if item.category != "numeric":
                raise Unsupported(f"SET {target.name}: not an index or a numeric item "
                                  f"(line {s.line})")
            f = self.field(target)
            value = {"TO": "v", "UP": f"{f}.get(&self.mem).add(v)",
                     "DOWN": f"{f}.get(&self.mem).sub(v)"}[s.op]
            out.append(f"{{ let r = {value}; {f}.store(&mut self.mem, r, Round::Truncate, "
                       "false); }")
        return [*out, "}"]

    def _search_table(self, s: P.Search) -> tuple[Item, Ref, str]:
        """The table, its search index and its current number of occurrences (Rust)."""
        table = self.fields.item(s.table)
        if table.occurs <= 1 and table.depending_on is None:
            raise Unsupported(f"SEARCH {s.table.name}: not a table (line {s.line})")
        if s.varying is not None and s.varying.name.upper() in table.indexed_by:
            index = s.varying
        elif table.indexed_by:
            index = Ref(table.indexed_by[0])
        else:
            raise Unsupported(f"SEARCH {s.table.name}: the table has no INDEXED BY "
                              f"(line {s.line})")
        count = (f"({self.num(Ref(table.depending_on))}).to_i64()" if table.depending_on
                 else str(table.occurs))
        return table, index, count

    def s_Search(self, s: P.Search) -> list[str]:
        if s.all:
            return self._search_all(s)
        _, index, count = self._search_table(s)
        self.label += 1
        loop = f"'search{self.label}"
        idx = self.field(index)
        out = [f"{loop}: loop {{",
               f"if ({idx}.get(&self.mem)).to_i64() > {count} {{",
               *self.block(s.at_end), f"break {loop};", "}"]
        for condition, statements in s.whens:
            out += [f"if {self.cond(condition)} {{", *self.block(statements),
                    f"break {loop};", "}"]
        out += [_bump(idx)]
        if s.varying is not None and s.varying is not index:  # it follows the index
            out.append(f"{{ let r = {idx}.get(&self.mem); {self.field(s.varying)}"
                       ".store(&mut self.mem, r, Round::Truncate, false); }")
        return [*out, "}"]

    def _search_all(self, s: P.Search) -> list[str]:
        table, index, count = self._search_table(s)
        if len(s.whens) != 1:
            raise Unsupported(f"SEARCH ALL with {len(s.whens)} WHEN phrases (line {s.line})")
        condition, statements = s.whens[0]
        if not table.keys:
            raise Unsupported(f"SEARCH ALL {s.table.name}: the table has no KEY "
                              f"(line {s.line})")
        named = _key_values(condition, {k for _, k in table.keys}, s.line)
        self.label += 1
        loop = f"'search{self.label}"
        idx = self.field(index)
        order = ["let mut ret = std::cmp::Ordering::Equal;"]
        for ascending, key in table.keys:
            if key not in named:
                continue
            key_ref, value = named[key]
            a, b = (key_ref, value) if ascending else (value, key_ref)
            order.append(f"if ret.is_eq() {{ ret = {self.ordering(a, b)}; }}")
        return ["{", f"let mut head: i64 = {(table.occurs_min or 1) - 1};",
                f"let mut tail: i64 = {count} + 1;",
                f"{loop}: loop {{",
                "if head >= tail - 1 {", *self.block(s.at_end), f"break {loop};", "}",
                "let mid = (head + tail) / 2;",
                f"{idx}.store(&mut self.mem, Decimal::int(mid), Round::Truncate, false);",
                f"if {self.cond(condition)} {{", *self.block(statements), f"break {loop};",
                "}", *order, "if ret.is_lt() { head = mid; } else { tail = mid; }", "}", "}"]

    def ordering(self, a: Expr, b: Expr) -> str:
        """The `Ordering` of two operands, compared as a relation condition compares."""
        if self.is_numeric(a) and self.is_numeric(b):
            return f"({self.num(a)}).cmp_value(&{self.num(b)})"
        return f"compare(&{self.value(a)}, &{self.value(b)})"


    def s_TableSort(self, s: P.TableSort) -> list[str]:
        """SORT of a one-level table: a stable sort of its occurrences (1 to the DEPENDING
        ON value) on the keys, numeric keys by value, the others by their bytes."""
        if s.table.subscripts or s.table.refmod is not None:
            raise Unsupported(f"SORT of a subscripted table at line {s.line}")
        k = self.fields.resolve(s.table)
        slot = self.fields.slots[k]
        table = slot.item
        if table.occurs <= 1 or any(p.occurs > 1 for p in slot.parents) \
                or any(d.occurs > 1 or d.depending_on for d in table.walk()[1:]):
            raise Unsupported(f"SORT of {table.name}, not a one-level table (line {s.line})")
        size = table.size
        count = (f"({self.num(Ref(table.depending_on))}).to_i64().clamp(0, {table.occurs})"
                 if table.depending_on else str(table.occurs))
        compares = []
        for ascending, key in s.keys:
            kk = k if key is None else self.fields.resolve(key)
            item = self.fields.slots[kk].item
            inside = kk == k or any(id(d) == id(item) for d in table.walk()[1:])
            if key is not None and (key.subscripts or key.refmod is not None or not inside):
                raise Unsupported(f"SORT key {key.name} is not an item of {table.name} "
                                  f"(line {s.line})")
            a, b = (f"self.f[{kk}].occurs({x}, {size})" for x in ("a", "b"))
            if item.category == "numeric" and not item.is_group:
                cmp = f"{a}.get(&self.mem).cmp_value(&{b}.get(&self.mem))"
            elif item.category in ("alphanumeric", "alphabetic") or item.is_group:
                cmp = f"{a}.bytes(&self.mem).cmp({b}.bytes(&self.mem))"
            else:
                raise Unsupported(f"SORT key {item.name} of category {item.category} "
                                  f"(line {s.line})")
            compares.append(cmp if ascending else f"{cmp}.reverse()")
        order = ".then_with(|| ".join(compares) + ")" * (len(compares) - 1)
        t = f"self.f[{k}]"
        return ["{", f"let n = {count};", "let mut order: Vec<i64> = (1..=n).collect();",
                f"order.sort_by(|&a, &b| {order});",
                f"let rows: Vec<Vec<u8>> = order.iter().map(|&i| {t}.occurs(i, {size})"
                ".bytes(&self.mem).to_vec()).collect();",
                "for (j, row) in rows.iter().enumerate() {",
                f"{t}.occurs(j as i64 + 1, {size}).bytes_mut(&mut self.mem)"
                ".copy_from_slice(row);", "}", "}"]


def _bump(field: str) -> str:
    return (f"{{ let r = {field}.get(&self.mem).add(Decimal::int(1)); "
            f"{field}.store(&mut self.mem, r, Round::Truncate, false); }}")


def _key_values(condition: Condition, keys: set[str], line: int) -> dict[str, tuple[Ref, Expr]]:
    """SEARCH ALL's WHEN: `key = value [AND ...]`, as key name -> (key reference, value)."""
    if isinstance(condition, And):
        return {**_key_values(condition.left, keys, line),
                **_key_values(condition.right, keys, line)}
    if isinstance(condition, Relation) and condition.op == "=":
        for key, value in ((condition.left, condition.right),
                           (condition.right, condition.left)):
            if isinstance(key, Ref) and key.name.upper() in keys:
                return {key.name.upper(): (key, value)}
    raise Unsupported(f"SEARCH ALL: a WHEN condition other than KEY = value (line {line})")
