"""The tree-sitter C parser, created once per process."""

from __future__ import annotations

from functools import cache

import tree_sitter
import tree_sitter_c


@cache
def language() -> tree_sitter.Language:
    return tree_sitter.Language(tree_sitter_c.language())


@cache
def parser() -> tree_sitter.Parser:
    return tree_sitter.Parser(language())
