"""Reading the model's answer: the one fenced Rust block it must contain (`_answer_format.j2`).

Fences are ``` or ~~~ lines (three or more), tagged `rust`, `rs` or untagged; blocks tagged
with another language (toml, c, text, ...) are ignored. CRLF line ends are accepted. When
several Rust blocks come back, the one defining the unit (its `extern "C" fn name`, or for
a type unit its `struct`/`union`/`enum`/`type name`) is taken; anything else is a
`Rejection` naming the unit and why, which the repair loop can show to the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from refactor.translate.llm.model import Rejection

RUST_TAGS = {"rust", "rs", ""}
_OPEN = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")


@dataclass(frozen=True)
class Answer:
    rust: str
    notes: list[str] = field(default_factory=list)  # e.g. "3 rust blocks; took block 2"


@dataclass(frozen=True)
class _Block:
    tag: str
    text: str
    line: int  # 1-based line of the opening fence


def extract_rust(text: str, unit_name: str, kind: str = "function") -> Answer | Rejection:
    """The Rust code of the answer `text` for the unit `unit_name` (see module docstring)."""
    blocks, unclosed = _fenced_blocks(text.replace("\r\n", "\n").replace("\r", "\n"))
    rust = [b for b in blocks if b.tag in RUST_TAGS and b.text.strip()]
    if unclosed is not None and unclosed.tag in RUST_TAGS and not rust:
        return Rejection(
            f"the answer for {kind} `{unit_name}` ends inside the ```rust block opened "
            f"on line {unclosed.line} (truncated? raise max_tokens or shorten the context)",
            [f"line {unclosed.line}: unclosed fence"])
    if not rust:
        others = sorted({b.tag for b in blocks})
        seen = f" (found only {', '.join(others)} blocks)" if others else ""
        return Rejection(f"the answer for {kind} `{unit_name}` has no ```rust code block{seen};"
                         " exactly one is expected", [])
    if len(rust) == 1:
        return Answer(rust[0].text)
    defining = [b for b in rust if _defines(b.text, unit_name, kind)]
    lines = ", ".join(str(b.line) for b in rust)
    if len(defining) == 1:
        index = rust.index(defining[0]) + 1
        return Answer(defining[0].text,
                      [f"{len(rust)} rust blocks (lines {lines}); took block {index}, "
                       f"the one defining `{unit_name}`"])
    what = _definition_phrase(unit_name, kind)
    if not defining:
        return Rejection(f"the answer for {kind} `{unit_name}` has {len(rust)} rust blocks "
                         f"(lines {lines}) and none defines {what}; answer with exactly one",
                         [f"line {b.line}: rust block" for b in rust])
    return Rejection(f"the answer for {kind} `{unit_name}` has {len(defining)} rust blocks "
                     f"defining {what} (lines {', '.join(str(b.line) for b in defining)}); "
                     "answer with exactly one", [f"line {b.line}: defines it" for b in defining])


def _fenced_blocks(text: str) -> tuple[list[_Block], _Block | None]:
    """Closed fenced blocks, and the block left open at the end of the text, if any."""
    blocks: list[_Block] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        opening = _OPEN.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence = opening["fence"]
        tag = re.split(r"[\s,{}]+", opening["info"].lower().lstrip("{."))[0]
        body: list[str] = []
        start = index + 1
        index += 1
        while index < len(lines):
            stripped = lines[index].strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                break
            body.append(lines[index])
            index += 1
        else:
            return blocks, _Block(tag, "\n".join(body), start)
        blocks.append(_Block(tag, "\n".join(body).strip("\n") + "\n", start))
        index += 1
    return blocks, None


def _defines(rust: str, name: str, kind: str) -> bool:
    escaped = re.escape(name)
    if kind == "function":
        pattern = rf'extern\s+"C"\s+fn\s+{escaped}\b'
    else:
        pattern = rf"\b(?:struct|union|enum|type)\s+{escaped}\b"
    return re.search(pattern, rust) is not None


def _definition_phrase(name: str, kind: str) -> str:
    return f'`extern "C" fn {name}`' if kind == "function" else f"type `{name}`"
