"""COPY statements: the copybook's name and its REPLACING phrase, applied to the text.

`COPY name [OF|IN library] [SUPPRESS] [REPLACING a BY b ...].` where each operand is
pseudo-text (`==...==`), a literal, or a word, and LEADING / TRAILING replace part of a
word. Replacement works on text words, as the standard says: a pseudo-text pattern of
several words matches those words in sequence whatever the spacing or line breaks between
them, words compare case-insensitively, literals exactly. A pattern of one word written
between colons (`==:TAG:==`, IBM's convention GnuCOBOL follows) also replaces that tag
inside longer words (`:TAG:-NAME`): the colon is a separator, so the tag is three words.
"""

from __future__ import annotations

import re
from typing import Literal as Lit
from typing import NamedTuple

# A text word: a literal, a separator, or a run of other characters (a period ends a word
# only when followed by a space or the end).
_WORD = re.compile(r"""("(?:[^"]|"")*"|'(?:[^']|'')*'|[(),;:]|\.(?=\s|$)|"""
                   r"""(?:[^\s(),;:."']|\.(?!\s|$))+)""")
_STATEMENT = re.compile(r"""^\s*COPY\s+(?P<name>"[^"]+"|'[^']+'|[A-Za-z0-9][\w-]*)"""
                        r"""(?:\s+(?:OF|IN)\s+(?:"[^"]+"|'[^']+'|[\w-]+))?"""
                        r"""(?:\s+SUPPRESS(?:\s+PRINTING)?)?"""
                        r"""(?P<replacing>\s+REPLACING\s+.*?)?\s*\.\s*$""",
                        re.IGNORECASE | re.DOTALL)
_OPERAND = re.compile(r"""\s*(?:(?P<mode>LEADING|TRAILING)\s+)?"""
                      r"""(?:==(?P<pseudo>.*?)==|(?P<lit>"(?:[^"]|"")*"|'(?:[^']|'')*')|"""
                      r"""(?P<word>[^\s.]+(?:\.[^\s.]+)*))""",
                      re.IGNORECASE | re.DOTALL)
_BY = re.compile(r"\s*BY\b", re.IGNORECASE)

Mode = Lit["all", "leading", "trailing"]


class Replacement(NamedTuple):
    mode: Mode
    pattern: tuple[str, ...]  # text words
    by: str  # replacement text


class CopyStatement(NamedTuple):
    name: str  # upper-cased, without quotes or extension
    replacing: tuple[Replacement, ...]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_complete(text: str) -> bool:
    """Whether a COPY statement's text has reached its closing period (outside pseudo-text
    and literals)."""
    i, quote, pseudo = 0, "", False
    while i < len(text):
        if quote:
            quote = "" if text[i] == quote else quote
        elif text.startswith("==", i):
            pseudo = not pseudo
            i += 1
        elif not pseudo and text[i] in "\"'":
            quote = text[i]
        elif not pseudo and text[i] == "." and (i + 1 == len(text) or text[i + 1].isspace()):
            return True
        i += 1
    return False


def parse(statement: str) -> CopyStatement | str:
    """The COPY statement's parts, or why it cannot be read."""
    match = _STATEMENT.match(statement)
    if match is None:
        return "not a COPY statement this reader knows"
    name = match.group("name").strip("\"'")
    name = re.sub(r"\.(cpy|copy|cbl|cob)$", "", name, flags=re.IGNORECASE).upper()
    phrase = match.group("replacing")
    if not phrase:
        return CopyStatement(name, ())
    rest = phrase.strip()[len("REPLACING"):]
    pairs: list[Replacement] = []
    while rest.strip():
        first = _OPERAND.match(rest)
        by = _BY.match(rest, first.end()) if first else None
        second = _OPERAND.match(rest, by.end()) if by else None
        if first is None or second is None:
            return f"cannot read the REPLACING phrase at {rest.strip()[:30]!r}"
        mode: Mode = (first.group("mode") or "all").lower()  # type: ignore[assignment]
        pairs.append(Replacement(mode, tuple(words(_operand_text(first))),
                                 _operand_text(second)))
        rest = rest[second.end():]
    return CopyStatement(name, tuple(pairs))


def _operand_text(match: re.Match[str]) -> str:
    for group in ("pseudo", "lit", "word"):
        if match.group(group) is not None:
            return " ".join(match.group(group).split()) if group == "pseudo" \
                else match.group(group)
    return ""


def _same(a: str, b: str) -> bool:
    return a == b if a[:1] in "\"'" else a.upper() == b.upper()


def apply(lines: list[str], replacing: tuple[Replacement, ...]) -> list[str]:
    """`lines` (code text, comments already removed or left as they are) with the
    replacements made; a match may span lines, its text then goes on its first line."""
    if not replacing:
        return lines
    tokens: list[tuple[int, int, int, str]] = []  # line, start, end, word
    for number, line in enumerate(lines):
        tokens += [(number, m.start(), m.end(), m.group(0)) for m in _WORD.finditer(line)]
    edits: list[tuple[int, int, int, str]] = []  # line, start, end, new text
    i = 0
    while i < len(tokens):
        for rep in replacing:
            n = len(rep.pattern)
            if n == 0:
                continue
            here = tokens[i][3]
            if rep.mode != "all":
                if n == 1 and _partial(here, rep) is not None:
                    edits.append((tokens[i][0], tokens[i][1], tokens[i][2],
                                  _partial(here, rep) or ""))
                    break
                continue
            if i + n <= len(tokens) and all(_same(tokens[i + k][3], rep.pattern[k])
                                            for k in range(n)):
                line, start = tokens[i][0], tokens[i][1]
                for k in range(1, n):  # words after the first are removed where they are
                    edits.append((tokens[i + k][0], tokens[i + k][1], tokens[i + k][2], ""))
                edits.append((line, start, tokens[i][2], rep.by))
                i += n - 1
                break
        i += 1
    out = list(lines)
    for line, start, end, new in sorted(edits, key=lambda e: (e[0], -e[1])):
        out[line] = out[line][:start] + new + out[line][end:]
    return out


def _partial(word: str, rep: Replacement) -> str | None:
    pattern, by = rep.pattern[0], rep.by
    if word[:1] in "\"'":
        return None
    if rep.mode == "leading" and word.upper().startswith(pattern.upper()):
        return by + word[len(pattern):]
    if rep.mode == "trailing" and word.upper().endswith(pattern.upper()):
        return word[: len(word) - len(pattern)] + by
    return None
