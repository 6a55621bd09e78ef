"""The offline `rules` C-to-Rust translator: one self-contained module per C file."""

from refactor.translate.c.module import translate_file

__all__ = ["translate_file"]
