"""The tree-sitter C parser and compiled queries, created once per process."""

from __future__ import annotations

from functools import cache

import tree_sitter
import tree_sitter_c

from refactor.scan._queries import load_query


@cache
def language() -> tree_sitter.Language:
    return tree_sitter.Language(tree_sitter_c.language())


@cache
def parser() -> tree_sitter.Parser:
    return tree_sitter.Parser(language())


@cache
def query(name: str) -> tree_sitter.Query:
    return load_query("refactor.scan.c", name, language())
