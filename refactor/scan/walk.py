"""Finding the C and COBOL sources of a repository (git-aware) or a plain directory.

Symlinks are never followed: one leaving the repository, a loop, or a dangling link is
reported as skipped with the reason; one pointing at a file inside the repository is
skipped because that file is scanned at its real path.
"""

from __future__ import annotations

import errno
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from refactor.model import Language, Skip

C_SUFFIXES = frozenset({".c", ".h"})
COBOL_SUFFIXES = frozenset({".cob", ".cbl", ".cpy", ".cobol", ".copy"})
_IGNORED_DIRS = frozenset({".git", ".hg", ".svn", ".refactor", "node_modules", "__pycache__"})


def language_of(path: str) -> Language | None:
    suffix = os.path.splitext(path)[1]
    if suffix in C_SUFFIXES:  # `.C` and `.H` are C++ by convention
        return "c"
    if suffix.lower() in COBOL_SUFFIXES:
        return "cobol"
    return None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A source file to scan: its path relative to the root, language and stat."""

    rel: str
    language: Language
    size: int
    mtime_ns: int


@dataclass
class Discovery:
    root: Path
    commit: str | None = None
    candidates: list[Candidate] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)


def _excluded(rel: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(rel, p.rstrip("/") + "/*")
               for p in patterns)


def _symlink_problem(root: Path, abspath: str, rel: str) -> Skip:
    try:
        target = os.path.realpath(abspath, strict=True)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Skip(rel, "symlink loop: the link resolves to itself; not followed")
        return Skip(rel, f"dangling symlink to {os.readlink(abspath)}; not followed")
    real_root = os.path.realpath(root)
    if os.path.commonpath([real_root, target]) != real_root:
        return Skip(rel, f"symlink points outside the repository (to {target}); not followed")
    inside = os.path.relpath(target, real_root)
    return Skip(rel, f"symlink to {inside} inside the repository; scanned at its real path")


def _consider(root: Path, rel: str, out: Discovery, exclude: list[str]) -> None:
    if _excluded(rel, exclude):
        return
    abspath = os.path.join(root, rel)
    try:
        st = os.lstat(abspath)
    except OSError as exc:
        out.skipped.append(Skip(rel, f"cannot read file: {exc.strerror}"))
        return
    is_link = os.path.islink(abspath)
    language = language_of(rel)
    if is_link:
        # Report every problematic link (loops, escapes); in-repo links only if sources.
        problem = _symlink_problem(root, abspath, rel)
        if language is not None or "inside the repository" not in problem.reason:
            out.skipped.append(problem)
        return
    if language is None or not os.path.isfile(abspath):
        return
    out.candidates.append(Candidate(rel, language, st.st_size, st.st_mtime_ns))


def _git_files(root: Path) -> tuple[list[str], str | None] | None:
    """Files git knows or would add (tracked and untracked, .gitignore honoured)."""
    try:
        import git  # gitpython
    except ImportError:  # pragma: no cover - gitpython is a dependency
        return None
    try:
        repo = git.Repo(root, search_parent_directories=False)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    try:
        listing = repo.git.ls_files("--cached", "--others", "--exclude-standard", "-z")
    except git.GitCommandError:
        return None
    try:
        commit = repo.head.commit.hexsha
    except ValueError:  # no commits yet
        commit = None
    seen: set[str] = set()
    rels = [r for r in listing.split("\0") if r and not (r in seen or seen.add(r))]
    return rels, commit


def discover(root: Path, exclude: list[str] | None = None) -> Discovery:
    """List the scannable sources under `root`, and what was skipped and why."""
    exclude = list(exclude or [])
    out = Discovery(root=root)
    listed = _git_files(root)
    if listed is not None:
        rels, out.commit = listed
        for rel in sorted(rels):
            _consider(root, rel, out, exclude)
        return out
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in _IGNORED_DIRS)
        reldir = os.path.relpath(dirpath, root)
        for d in dirnames:
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                rel = d if reldir == "." else f"{reldir}/{d}"
                problem = _symlink_problem(root, full, rel)
                if "inside the repository" not in problem.reason:
                    out.skipped.append(problem)
        for name in sorted(filenames):
            rel = name if reldir == "." else f"{reldir}/{name}".replace(os.sep, "/")
            _consider(root, rel, out, exclude)
    return out
