"""tree-sitter queries live in `.scm` files shipped as package data."""

from __future__ import annotations

from importlib.resources import files

import tree_sitter


def load_query(package: str, name: str, language: tree_sitter.Language) -> tree_sitter.Query:
    text = files(package).joinpath("queries").joinpath(f"{name}.scm").read_text("utf-8")
    return tree_sitter.Query(language, text)
