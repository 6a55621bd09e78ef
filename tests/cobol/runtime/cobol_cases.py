"""Differential cases for the COBOL runtime: one table, rendered as COBOL and as Rust.

Each case declares items (PICTURE, USAGE, clauses), runs statements and DISPLAYs lines
prefixed with its number; `cobol_program()` and `rust_program()` render every case into
one GnuCOBOL program and one Rust program using `cobol_rt`, whose outputs must be equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ROUND_MODES = {
    "": "Round::Truncate",
    "ROUNDED": "Round::NearestAwayFromZero",
    "AWAY-FROM-ZERO": "Round::AwayFromZero",
    "NEAREST-AWAY-FROM-ZERO": "Round::NearestAwayFromZero",
    "NEAREST-EVEN": "Round::NearestEven",
    "NEAREST-TOWARD-ZERO": "Round::NearestTowardZero",
    "TOWARD-GREATER": "Round::TowardGreater",
    "TOWARD-LESSER": "Round::TowardLesser",
    "TRUNCATION": "Round::Truncation",
    "PROHIBITED": "Round::Prohibited",
}
USAGES = {"": "Usage::Display", "COMP": "Usage::Binary", "COMP-3": "Usage::Packed",
          "COMP-5": "Usage::Comp5"}
FIGS = {"SPACE": "Fig::Space", "ZERO": "Fig::Zero", "HIGH-VALUE": "Fig::HighValue",
        "LOW-VALUE": "Fig::LowValue", "QUOTE": "Fig::Quote"}


def expand(picture: str) -> str:
    return re.sub(r"(.)\((\d+)\)", lambda m: m.group(1) * int(m.group(2)), picture.upper())


@dataclass
class Item:
    """An elementary item: `spec` is `PICTURE [USAGE] [LEADING] [SEPARATE] [JUST] [BWZ]`."""

    name: str
    spec: str
    off: int = 0
    conds: list[str] = field(default_factory=list)

    @property
    def parts(self) -> list[str]:
        return self.spec.split()

    @property
    def picture(self) -> str:
        return self.parts[0]

    @property
    def usage(self) -> str:
        return next((p for p in self.parts[1:] if p in USAGES), "")

    @property
    def length(self) -> int:
        exp = expand(self.picture)
        if set(exp) <= set("9SVP"):
            d = exp.count("9")
            if self.usage == "COMP-3":
                return d // 2 + 1
            if self.usage in ("COMP", "COMP-5"):
                return 1 if d <= 2 else 2 if d <= 4 else 4 if d <= 9 else 8
            return d + ("SEPARATE" in self.parts)
        return len(exp.replace("V", "").replace("P", ""))

    def cobol(self) -> list[str]:
        words = [f"PIC {self.picture}"]
        if self.usage:
            words.append(self.usage)
        if "LEADING" in self.parts:
            words.append("SIGN LEADING")
        elif "SEPARATE" in self.parts:
            words.append("SIGN TRAILING")
        if "SEPARATE" in self.parts:
            words.append("SEPARATE")
        if "JUST" in self.parts:
            words.append("JUST RIGHT")
        if "BWZ" in self.parts:
            words.append("BLANK WHEN ZERO")
        return [f"       01 {self.name} {' '.join(words)}.",
                *(f"           88 {c}." for c in self.conds),
                f"       01 {self.name}X REDEFINES {self.name} PIC X({self.length})."]

    def place(self, off: int) -> int:
        self.off = off
        return off + self.length

    def rust_decls(self) -> list[str]:
        return [f"let F_{self.name.replace('-', '_')} = {self.rust()};"]

    def rust(self) -> str:
        pic = f'Pic::parse("{self.picture}", {USAGES[self.usage]})'
        if "LEADING" in self.parts:
            pic += ".sign_leading()"
        if "SEPARATE" in self.parts:
            pic += ".sign_separate()"
        if "JUST" in self.parts:
            pic += ".justified()"
        if "BWZ" in self.parts:
            pic += ".blank_when_zero()"
        return f"Field::new({self.off}, {pic})"


@dataclass
class Group:
    """A group item (01 level) of elementary items (05 level)."""

    name: str
    children: list[Item]
    off: int = 0

    @property
    def length(self) -> int:
        return sum(c.length for c in self.children)

    def cobol(self) -> list[str]:
        lines = [f"       01 {self.name}."]
        for c in self.children:
            lines.append(c.cobol()[0].replace("       01 ", "           05 ", 1))
        lines.append(f"       01 {self.name}X REDEFINES {self.name} PIC X({self.length}).")
        return lines

    def place(self, off: int) -> int:
        self.off = off
        for c in self.children:
            off = c.place(off)
        return off

    def rust_decls(self) -> list[str]:
        own = f"let F_{self.name} = Field::new({self.off}, Pic::group({self.length}));"
        return [own, *(d for c in self.children for d in c.rust_decls())]


@dataclass
class Case:
    """Statements are tuples; see `_cobol_stmt` / `_rust_stmt` for the forms."""

    items: list[Item | Group]
    stmts: list[tuple] = field(default_factory=list)


def _lit_cobol(v: str) -> str:
    if v in FIGS:
        return v
    if v.startswith("ALL "):
        return f'ALL "{v[4:]}"'
    if v.startswith('"'):
        return v
    return v


def _lit_rust(v: str) -> str:
    if v in FIGS:
        return f"Value::Fig({FIGS[v]})"
    if v.startswith("ALL "):
        return f'Value::Fig(Fig::All(b"{v[4:]}".to_vec()))'
    if v.startswith('"'):
        return f"Value::text({v})"
    return f'Value::num_lit("{v}")'


def _expr_cobol(e) -> str:
    if isinstance(e, str):
        return e
    op, a, b = e
    return f"({_expr_cobol(a)} {op} {_expr_cobol(b)})"


RUST_OPS = {"+": "add", "-": "sub", "*": "mul", "/": "div", "**": "pow"}


def _expr_rust(e, items: dict[str, Item]) -> str:
    if isinstance(e, str) and e not in items:
        return f'Decimal::lit("{e}")'
    if isinstance(e, str):
        return f"F_{e.replace('-', '_')}.get(&m)"
    op, a, b = e
    return f"{_expr_rust(a, items)}.{RUST_OPS[op]}({_expr_rust(b, items)})"


def _cobol_stmt(n: int, s: tuple) -> list[str]:
    k = s[0]
    if k == "move":  # ("move", source literal or item name, receiver)
        src = s[1]
        return [f"           MOVE {_lit_cobol(src)} TO {s[2]}"]
    if k == "show":  # ("show", item): formatted and raw bytes
        return [f'           DISPLAY "{n} " {s[1]} "|" {s[1]}X "|"']
    if k == "compute":  # ("compute", receiver, mode, expr, size_error: bool)
        _, r, mode, expr, se = s
        rnd = "" if not mode else " ROUNDED" if mode == "ROUNDED" else f" ROUNDED MODE {mode}"
        lines = [f"           COMPUTE {r}{rnd}", f"             = {_expr_cobol(expr)}"]
        if se:
            lines += [f'             ON SIZE ERROR DISPLAY "{n} SE"',
                      f'             NOT ON SIZE ERROR DISPLAY "{n} OK"', "           END-COMPUTE"]
        return lines
    if k == "cmp":  # ("cmp", left, right) items or literals
        a, b = _lit_cobol(s[1]), _lit_cobol(s[2])
        return [f'           IF {a} < {b} DISPLAY "{n} LT" END-IF',
                f'           IF {a} = {b} DISPLAY "{n} EQ" END-IF',
                f'           IF {a} > {b} DISPLAY "{n} GT" END-IF']
    if k == "init":
        return [f"           INITIALIZE {s[1]}"]
    if k == "raw":  # ("raw", cobol lines, rust lines), "{n}" is the case number
        return [ln.replace("{n}", str(n)) for ln in s[1]]
    raise ValueError(k)


def _rust_src(v: str, items: dict[str, Item]) -> str:
    if v in items:
        return f"F_{v.replace('-', '_')}.value(&m)"
    return _lit_rust(v)


def _rust_stmt(n: int, s: tuple, items: dict[str, Item]) -> list[str]:
    k = s[0]
    f = lambda name: "F_" + name.replace("-", "_")  # noqa: E731
    if k == "move":
        src = _rust_src(s[1], items)
        if isinstance(items.get(s[1]), Group) or isinstance(items.get(s[2]), Group):
            src = src.replace(".value(&m)", ".raw(&m)")
        return [f"{{ let v = {src}; {f(s[2])}.move_value(&mut m, &v); }}"]
    if k == "show":
        r = f(s[1])
        return [f'display_line(&[b"{n} ", &{r}.display(&m), b"|", {r}.bytes(&m), b"|"]);']
    if k == "compute":
        _, r, mode, expr, se = s
        code = (f"{{ let v = {_expr_rust(expr, items)}; "
                f"let e = {f(r)}.store(&mut m, v, {ROUND_MODES[mode]}, {str(se).lower()});")
        if se:
            code += f' display_line(&[if e {{ b"{n} SE" }} else {{ b"{n} OK" }}]);'
        return [code + " }"]
    if k == "cmp":
        a, b = _rust_src(s[1], items), _rust_src(s[2], items)
        return [f"{{ let o = compare(&{a}, &{b}); display_line(&[match o {{ "
                f'std::cmp::Ordering::Less => b"{n} LT", std::cmp::Ordering::Equal => '
                f'b"{n} EQ", _ => b"{n} GT" }}]); }}']
    if k == "init":
        g = items[s[1]]
        if isinstance(g, Group):
            return [f"initialize_all(&mut m, &[{', '.join(f(c.name) for c in g.children)}]);"]
        return [f"{f(s[1])}.initialize(&mut m);"]
    if k == "raw":
        return [ln.replace("{n}", str(n)) for ln in s[2]]
    raise ValueError(k)


def cobol_program(cases: list[Case]) -> str:
    data: list[str] = []
    proc: list[str] = []
    for n, c in enumerate(cases):
        for it in c.items:
            data += it.cobol()
        for s in c.stmts:
            proc += _cobol_stmt(n, s)
    head = ["       IDENTIFICATION DIVISION.", "       PROGRAM-ID. RTDIFF.",
            "       DATA DIVISION.", "       WORKING-STORAGE SECTION."]
    tail = ["           STOP RUN."]
    lines = [*head, *data, "       PROCEDURE DIVISION.", *proc, *tail]
    too_long = [ln for ln in lines if len(ln) > 72]
    if too_long:
        raise ValueError(f"COBOL line past column 72: {too_long[0]!r}")
    return "\n".join(lines) + "\n"


def rust_program(cases: list[Case]) -> str:
    out = ["mod cobol_rt;", "#[allow(unused_imports)]", "use cobol_rt::*;", "",
           "#[allow(non_snake_case, unused_variables, unused_braces)]", "fn main() {"]
    off = 0
    body: list[str] = []
    for n, c in enumerate(cases):
        items = {it.name: it for it in c.items}
        for g in c.items:
            if isinstance(g, Group):
                items.update({ch.name: ch for ch in g.children})
        body.append("    {")
        for it in c.items:
            off = it.place(off)
            body += ["        " + d for d in it.rust_decls()]
        body += ["        " + ln for s in c.stmts for ln in _rust_stmt(n, s, items)]
        body.append("    }")
    out.append(f"    let mut m = vec![b' '; {off}];")
    out += body
    out.append("}")
    return "\n".join(out) + "\n"
