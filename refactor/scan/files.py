"""Scanning one file: read, vet, hash, count and split. Runs inside worker processes.

Never raises for bad input: every problem becomes a `Skip` naming the file and the reason.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from refactor.ledger import write_shard
from refactor.model import FileScan, Skip, Warning_
from refactor.scan._gc import gc_paused
from refactor.scan.cobol.source import decode
from refactor.scan.cobol.units import COPYBOOK_SUFFIXES
from refactor.scan.walk import Candidate

DEFAULT_MAX_BYTES = 32_000_000
_SNIFF = 8192


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _first_non_utf8_line(data: bytes) -> int | None:
    if data.isascii():  # no copy: most source files
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data.count(b"\n", 0, exc.start) + 1
    return None


class Unchanged(NamedTuple):
    """A file whose stat changed but whose content hash did not: nothing to re-parse."""

    path: str
    size: int
    mtime_ns: int


FileResult = FileScan | Skip | Unchanged


CopybookIndex = dict[str, list[str]]  # copybook name (upper case) -> paths


def copybook_index(paths: list[str]) -> CopybookIndex:
    index: CopybookIndex = {}
    for rel in paths:
        if os.path.splitext(rel)[1].lower() in COPYBOOK_SUFFIXES:
            index.setdefault(os.path.splitext(os.path.basename(rel))[0].upper(), []).append(rel)
    return index


def _copybook_reader(root: str, rel: str, index: CopybookIndex):
    """Read copybooks for the program at `rel`: the one nearest to it wins."""
    here = os.path.dirname(rel)

    def read(name: str) -> str | None:
        paths = index.get(name)
        if not paths:
            return None
        best = max(paths, key=lambda p: (len(os.path.commonpath([here, os.path.dirname(p)]))
                                         if here and os.path.dirname(p) else 0, p))
        try:
            with open(os.path.join(root, best), "rb") as handle:
                return decode(handle.read(2_000_000))[0]
        except OSError:
            return None

    return read


def scan_file(
    root: str, cand: Candidate, max_bytes: int = DEFAULT_MAX_BYTES, known_sha: str | None = None,
    copybooks: CopybookIndex | None = None,
) -> FileResult:
    """Scan one candidate file; the result is a `FileScan` or a `Skip` with the reason.

    With `known_sha`, a file whose content still has that hash is not parsed again;
    `copybooks` locates the copybooks COBOL programs copy.
    """
    result = _scan(root, cand, max_bytes, known_sha, copybooks or {})
    if isinstance(result, Skip):
        return result._replace(size=cand.size, mtime_ns=cand.mtime_ns)
    return result


def _scan(root: str, cand: Candidate, max_bytes: int, known_sha: str | None,
          copybooks: CopybookIndex) -> FileResult:
    path = os.path.join(root, cand.rel)
    if cand.size > max_bytes:
        return Skip(cand.rel, f"file is {cand.size / 1e6:.1f} MB, over the "
                    f"{max_bytes / 1e6:.0f} MB limit (raise it with --max-file-size)")
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return Skip(cand.rel, f"cannot read file: {exc.strerror}")
    if len(data) > max_bytes:
        return Skip(cand.rel, f"file grew over the {max_bytes / 1e6:.0f} MB limit while read")
    sha = content_hash(data)
    if known_sha is not None and sha == known_sha:
        return Unchanged(cand.rel, cand.size, cand.mtime_ns)
    if not data or data.isspace():
        return Skip(cand.rel, "empty file: no code to scan")
    nul = data.find(b"\0")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        kind = "binary file" if nul < _SNIFF else "NUL byte in text"
        return Skip(cand.rel, f"{kind} (NUL byte at line {line}); not source code")
    try:
        if cand.language == "c":
            from refactor.scan.c.units import extract as extract_c

            result = extract_c(data, cand.rel)
        else:
            from refactor.scan.cobol.units import extract as extract_cobol

            result = extract_cobol(data, cand.rel,
                                   _copybook_reader(root, cand.rel, copybooks))
    except RecursionError:
        return Skip(cand.rel, "nesting too deep to parse")
    except Exception as exc:  # a bug of ours must not lose the rest of the scan
        return Skip(cand.rel, f"internal error while scanning ({type(exc).__name__}: {exc}); "
                    "please report it with this file")
    warnings = result.warnings
    if cand.language == "c":
        bad = _first_non_utf8_line(data)
        if bad is not None:
            warnings = (Warning_(cand.rel, bad, "bytes that are not UTF-8; names read "
                                 "with replacement characters"), *warnings)
    return FileScan(
        path=cand.rel,
        language=cand.language,
        sha=sha,
        size=cand.size,
        mtime_ns=cand.mtime_ns,
        loc=result.loc,
        units=result.units,
        warnings=warnings,
    )


class BatchResult(NamedTuple):
    """What a worker sends back: the shard holding its scanned files, and the rest."""

    shard: str | None
    scanned: tuple[str, ...]
    others: tuple[Skip | Unchanged, ...]
    names: frozenset[str] = frozenset()  # every name the scanned units refer to
    kinds: tuple[tuple[str, str, int], ...] = ()  # (language, unit kind, count)


def scan_batch(root: str, tasks: list[tuple[Candidate, str | None]], max_bytes: int,
               shard_dir: str, copybooks: CopybookIndex | None = None) -> BatchResult:
    """Scan files in a worker; their units go to a shard file in `shard_dir`."""
    scans: list[FileScan] = []
    others: list[Skip | Unchanged] = []
    with gc_paused():
        for cand, known in tasks:
            result = scan_file(root, cand, max_bytes, known, copybooks)
            (scans if isinstance(result, FileScan) else others).append(result)  # type: ignore[arg-type]
    shard = None
    names: set[str] = set()
    kinds: Counter[tuple[str, str]] = Counter()
    if scans:
        shard = os.path.join(shard_dir, f"{os.getpid()}-{uuid.uuid4().hex}.db")
        write_shard(Path(shard), scans)
        for fs in scans:
            for unit in fs.units:
                kinds[(fs.language, unit.kind)] += 1
                for ref in unit.refs:
                    names.update(ref.names)
    return BatchResult(shard, tuple(fs.path for fs in scans), tuple(others), frozenset(names),
                       tuple((lang, kind, n) for (lang, kind), n in kinds.items()))
