"""Prompts rendered from the jinja2 templates in `prompts/` (DESIGN.md: prompts live there only).

One template per task (`translate_c_function`, `repair_compile`, ...) rendered as the user
message after `system.j2`. Each rendering carries a version: a short sha256 over the names
and contents of every template file it used (the task, `system.j2` and every partial they
include, found recursively through jinja2's AST), so an attempt records exactly which prompt
produced it and a change to a shared partial changes the version of every task using it.

Token counts are estimates: characters / 4, rounded up (no tokenizer dependency; close
enough for budgeting, the endpoint's usage figures are what gets billed).
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from refactor.translate.llm.model import Message, Rendered

SYSTEM = "system"
SUFFIX = ".j2"
_VERSION_CHARS = 12


def estimate_tokens(text: str) -> int:
    """Rough token count of `text`: characters / 4, rounded up."""
    return (len(text) + 3) // 4


def default_directory() -> Path:
    """Where the templates are: shipped with the package (`refactor/_prompts`, see
    pyproject.toml) or, in a source checkout, the repository's top-level `prompts/`."""
    packaged = Path(str(resources.files("refactor"))) / "_prompts"
    if (packaged / f"{SYSTEM}{SUFFIX}").is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "prompts"


class PromptSet:
    """The templates of one directory, rendered strictly: a value a template needs but was
    not given raises `jinja2.UndefinedError` naming it."""

    def __init__(self, directory: Path) -> None:
        if not (directory / f"{SYSTEM}{SUFFIX}").is_file():
            raise FileNotFoundError(
                f"no {SYSTEM}{SUFFIX} in prompt directory {directory}: reinstall the "
                "package or point PromptSet at the repository's prompts/ directory")
        self.directory = directory
        # task -> (the template files it uses, their sizes and mtimes): parsed once, again
        # only when one of them changed on disk
        self._used: dict[str, tuple[frozenset[str], tuple[tuple[int, int], ...]]] = {}
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(directory)),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # code, not HTML
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )

    def tasks(self) -> list[str]:
        """Task names: the templates that are neither partials (`_*.j2`) nor the system one."""
        return sorted(p.name.removesuffix(SUFFIX) for p in self.directory.glob(f"*{SUFFIX}")
                      if not p.name.startswith("_") and p.name != f"{SYSTEM}{SUFFIX}")

    def render(self, task: str, **values: Any) -> Rendered:
        """System + user messages for `task`, with the template version and a token estimate."""
        name = f"{task}{SUFFIX}"
        if task.startswith("_") or task == SYSTEM or not (self.directory / name).is_file():
            raise ValueError(f"unknown prompt task {task!r}: expected one of "
                             f"{', '.join(self.tasks())} (templates in {self.directory})")
        system = self.env.get_template(f"{SYSTEM}{SUFFIX}").render(**values).strip()
        user = self.env.get_template(name).render(**values).strip()
        messages = (Message("system", system), Message("user", user))
        return Rendered(messages=messages, template=task, version=self.version(task),
                        tokens_estimate=sum(estimate_tokens(m.content) for m in messages))

    def version(self, task: str) -> str:
        """Short sha256 over every template file rendering `task` reads."""
        digest = hashlib.sha256()
        for name in sorted(self._templates_of(task)):
            digest.update(name.encode("utf-8") + b"\0")
            digest.update((self.directory / name).read_bytes() + b"\0")
        return digest.hexdigest()[:_VERSION_CHARS]

    def _templates_of(self, task: str) -> frozenset[str]:
        known = self._used.get(task)
        if known is None or self._stamps(known[0]) != known[1]:
            names = frozenset(self.used_templates(task))
            known = (names, self._stamps(names))
            self._used[task] = known
        return known[0]

    def _stamps(self, names: frozenset[str]) -> tuple[tuple[int, int], ...]:
        stats = [(self.directory / n).stat() for n in sorted(names)]
        return tuple((st.st_size, st.st_mtime_ns) for st in stats)

    def used_templates(self, task: str) -> set[str]:
        """The task's template, `system.j2`, and every template they include, recursively."""
        seen: set[str] = set()
        pending = [f"{task}{SUFFIX}", f"{SYSTEM}{SUFFIX}"]
        while pending:
            name = pending.pop()
            if name in seen:
                continue
            seen.add(name)
            source = (self.directory / name).read_text(encoding="utf-8")
            for ref in meta.find_referenced_templates(self.env.parse(source, name=name)):
                if ref is None:
                    raise ValueError(f"template {self.directory / name} includes a computed "
                                     "template name: its version could not be computed; "
                                     "use literal include names")
                pending.append(ref)
        return seen


@cache
def default_prompts() -> PromptSet:
    return PromptSet(default_directory())


def render(task: str, **values: Any) -> Rendered:
    """Render `task` from the default prompt directory (see `PromptSet.render`)."""
    return default_prompts().render(task, **values)
